"""The wire format shared by the sync client and the central server.

Versioned: every call carries ``X-Liaison-Protocol`` (this module's ``PROTOCOL_VERSION``) and
``X-Liaison-Schema`` (the client's local database schema). The server refuses a client that is
too old with 426 and a code, and the client keeps its outbox until it is upgraded.

Which records a person may see and change, and how each field is checked and merged, is the
schema derived from the models (``sync.schema``), shared by client and server.
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

# Which tables sync, their scope and each field's conflict policy are declared on the models
# and derived in ``sync.schema``; only the policy's name travels on the wire.
from liaison_app.core.models.sync_spec import Policy as Policy

PROTOCOL_VERSION = 1
#: The oldest client protocol the server still speaks.
MIN_PROTOCOL_VERSION = 1

HEADER_PROTOCOL = "X-Liaison-Protocol"
HEADER_SCHEMA = "X-Liaison-Schema"
HEADER_DEVICE = "X-Liaison-Device"

MAX_BATCH_OPS = 1000
MAX_PAGE_RECORDS = 5000
ATTACHMENT_CHUNK = 1 << 20
#: The server's default limit on a request body (JSON, counted after gzip is undone); larger
#: requests get 413 ``body_too_large`` with the limit in ``detail.limit``.
DEFAULT_MAX_BODY = 32 << 20

#: Largest version or sequence number on the wire: JSON numbers past 2**53 do not survive
#: every parser (they are read as doubles), and a county never comes near it.
MAX_WIRE_INT = 2**53 - 1

ID_PATTERN = r"^[0-9A-Za-z_.:-]{1,64}$"
TABLE_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
SHA_PATTERN = r"^[0-9a-f]{64}$"


# -- roles -----------------------------------------------------------------------------------
Role = Literal["liaison", "center", "viewer"]
ROLES: tuple[str, ...] = ("liaison", "center", "viewer")


# -- errors ----------------------------------------------------------------------------------
class ErrorCode(str, Enum):
    UNAUTHORIZED = "unauthorized"
    TOKEN_EXPIRED = "token_expired"
    DEVICE_REVOKED = "device_revoked"
    #: The device was reported lost: it removes its data without sending anything.
    DEVICE_LOST = "device_lost"
    #: The device is retired: it sends what it holds, confirms, then removes its data.
    DEVICE_RETIRED = "device_retired"
    #: A device in service confirmed a removal nobody asked for (nothing happens).
    IN_SERVICE = "in_service"
    BAD_CREDENTIALS = "bad_credentials"
    ACCOUNT_DISABLED = "account_disabled"
    RATE_LIMITED = "rate_limited"
    CLIENT_OUTDATED = "client_outdated"
    SERVER_OUTDATED = "server_outdated"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    BAD_REQUEST = "bad_request"
    HASH_MISMATCH = "hash_mismatch"
    OFFSET_MISMATCH = "offset_mismatch"
    TOO_LARGE = "too_large"
    BODY_TOO_LARGE = "body_too_large"
    INVALID_TEXT = "invalid_text"
    METHOD_NOT_ALLOWED = "method_not_allowed"


class ErrorBody(BaseModel):
    code: str
    text_en: str
    text_zh: str
    detail: dict[str, Any] = Field(default_factory=dict)


#: What a client sends has no unknown fields, and each value is of its declared JSON type,
#: as the OpenAPI document says: no ``"true"`` or ``0`` for a boolean (``StrictBool``), no
#: ``"5"`` or ``true`` for a number (``WireInt``; ``5.0`` is an integer in JSON Schema).
_REQUEST = ConfigDict(extra="forbid")


def _json_number(value: Any) -> Any:
    if isinstance(value, (str, bool)):
        raise ValueError("a number is required")
    return value


WireInt = Annotated[int, BeforeValidator(_json_number)]


# -- auth ------------------------------------------------------------------------------------
class LoginRequest(BaseModel):
    model_config = _REQUEST
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(pattern=ID_PATTERN)
    device_name: str = Field(default="", max_length=100)


class Account(BaseModel):
    username: str
    role: Role
    officer_id: str
    enterprise_ids: list[str] | None = None


class LoginResponse(BaseModel):
    token: str
    expires_at: str
    account: Account
    #: Hex of the key this account's data on this device is also wrapped with (given only
    #: to a successful sign-in; lets a forgotten local password be replaced). Older servers
    #: send none.
    device_key: str = ""


class Health(BaseModel):
    status: str
    protocol: int
    min_protocol: int
    server_time: str


# -- push ------------------------------------------------------------------------------------
class OpStatus(str, Enum):
    APPLIED = "applied"
    MERGED = "merged"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class RejectReason(str, Enum):
    UNKNOWN_TABLE = "unknown_table"
    OUT_OF_SCOPE = "out_of_scope"
    READ_ONLY = "read_only"
    FIELD_NOT_ALLOWED = "field_not_allowed"
    DUPLICATE_USCC = "duplicate_uscc"
    INVALID = "invalid"
    SERVER_ERROR = "server_error"


class Op(BaseModel):
    model_config = _REQUEST
    op_id: str = Field(pattern=ID_PATTERN)
    table: str = Field(pattern=TABLE_PATTERN)
    record_id: str = Field(pattern=ID_PATTERN)
    base_version: WireInt = Field(ge=0, le=MAX_WIRE_INT)
    creating: StrictBool = False
    changes: dict[str, Any]
    device_time: str = Field(default="", max_length=40)


class PushRequest(BaseModel):
    model_config = _REQUEST
    ops: list[Op] = Field(max_length=MAX_BATCH_OPS)


class FieldConflict(BaseModel):
    field: str
    yours: Any = None
    theirs: Any = None
    #: "yours" or "theirs": which value the record now holds.
    kept: Literal["yours", "theirs"]
    policy: Policy


class FieldProblem(BaseModel):
    field: str
    code: str


class OpResult(BaseModel):
    op_id: str
    status: OpStatus
    version: int = 0
    reason: RejectReason | None = None
    text_en: str = ""
    text_zh: str = ""
    conflicts: list[FieldConflict] = Field(default_factory=list)
    #: For a refusal: each field that was wrong and the problem's code (``sync.schema``).
    problems: list[FieldProblem] = Field(default_factory=list)


class PushResponse(BaseModel):
    results: list[OpResult]
    high_seq: int


# -- pull ------------------------------------------------------------------------------------
class PullRequest(BaseModel):
    model_config = _REQUEST
    since: WireInt = Field(default=0, ge=0, le=MAX_WIRE_INT)
    limit: WireInt = Field(default=2000, ge=1, le=MAX_PAGE_RECORDS)
    #: Only these tables (a re-pull after a failed verification); all when empty.
    tables: list[str] = Field(default_factory=list, max_length=100)
    #: Also send records this device wrote last and the server kept as sent (a full re-pull).
    include_own: StrictBool = False
    #: Send per-table counts with the last page.
    want_counts: StrictBool = False


class WireRecord(BaseModel):
    table: str
    id: str
    version: int
    deleted: bool
    created_at: str
    updated_at: str
    data: dict[str, Any]


class GoneRecord(BaseModel):
    table: str
    id: str


class TableCount(BaseModel):
    count: int
    version_sum: int


class PullResponse(BaseModel):
    records: list[WireRecord]
    #: Pass as ``since`` to get the next page.
    next: int
    more: bool
    high_seq: int
    #: Changes when the caller's scope changes (an enterprise assigned): re-pull from 0.
    scope_hash: str
    #: The enterprise ids the caller sees, or None for the whole county.
    scope: list[str] | None = None
    counts: dict[str, TableCount] | None = None
    #: Records that left the caller's scope (moved to an enterprise it does not see): the
    #: device drops its copy, keeping any change of its own not yet accepted.
    gone: list[GoneRecord] = Field(default_factory=list)


# -- attachments -----------------------------------------------------------------------------
class MissingRequest(BaseModel):
    model_config = _REQUEST
    hashes: list[str] = Field(max_length=5000)


class MissingResponse(BaseModel):
    #: Hashes the server lacks, with the bytes it already holds of each (resume from there).
    missing: dict[str, int]


class UploadResult(BaseModel):
    sha256: str
    received: int
    complete: bool


# -- evaluation links (the phone scoring page) -----------------------------------------------
#: An http(s) address without query, fragment or control characters: what a phone link
#: starts with.
BASE_URL_PATTERN = r"^https?://[^\s/?#\x00-\x1f\x7f]+(/[^\s?#\x00-\x1f\x7f]*)?$"


class EvaluationLinksRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: Issue links for these invited enterprises only; for every invited one when None.
    enterprise_ids: list[str] | None = Field(default=None, max_length=10_000)
    #: The address phones reach the server at, when it is not the one the app calls.
    base_url: str | None = Field(default=None, max_length=200, pattern=BASE_URL_PATTERN)


class EvaluationLink(BaseModel):
    enterprise_id: str
    enterprise_name: str
    #: issued (a link waits for its one submission) | submitted | none (never issued)
    status: Literal["issued", "submitted", "none"]
    #: The link, only in the answer that issued it: the server keeps no copy.
    url: str | None = None
    issued_at: str | None = None
    submitted_at: str | None = None


class EvaluationLinks(BaseModel):
    round_id: str
    round_name: str
    round_status: str
    phone_enabled: bool
    links: list[EvaluationLink]
