"""The wire format shared by the sync client and the central server.

Versioned: every call carries ``X-Liaison-Protocol`` (this module's ``PROTOCOL_VERSION``) and
``X-Liaison-Schema`` (the client's local database schema). The server refuses a client that is
too old with 426 and a code, and the client keeps its outbox until it is upgraded.

Which records a person may see and change is decided per table by ``TABLES``: adding a synced
record type is one entry there. Per-field conflict policy lives here too, so client and server
agree on it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
#: The oldest client protocol the server still speaks.
MIN_PROTOCOL_VERSION = 1

HEADER_PROTOCOL = "X-Liaison-Protocol"
HEADER_SCHEMA = "X-Liaison-Schema"
HEADER_DEVICE = "X-Liaison-Device"

MAX_BATCH_OPS = 1000
MAX_PAGE_RECORDS = 5000
ATTACHMENT_CHUNK = 1 << 20

ID_PATTERN = r"^[0-9A-Za-z_.:-]{1,64}$"
TABLE_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
SHA_PATTERN = r"^[0-9a-f]{64}$"


# -- scope and policy ------------------------------------------------------------------------
#: A record's scope: ``SELF`` (the record is an enterprise: its own id), ``ALL`` (everyone sees
#: it), or the name of the field holding the enterprise id.
SELF = "@self"
ALL = "@all"


class Policy(str, Enum):
    CENTRE = "centre"  # the centre's value wins
    OFFICER = "officer"  # the liaison officer's value wins
    LAST_WRITER = "last_writer"  # the write that reaches the server last wins


#: Fields the centre owns, in any table that has them (dispatching and deadlines).
CENTRE_FIELDS = frozenset({
    "status", "assignee", "assignee_id", "lead_department", "lead_department_id",
    "co_departments", "departments", "deadline", "due_date", "response_deadline",
    "resolve_deadline", "role", "active",
})
#: What an officer wrote down on site: the officer's words win.
OFFICER_FIELDS = frozenset({
    "summary", "problems", "notes", "participants", "text", "description", "place",
    "comments", "resolution_note", "remarks",
})


@dataclass(frozen=True)
class TableRule:
    scope: str
    #: Reference fields and the table they point to: parents are sent no later than children.
    parents: dict[str, str] = field(default_factory=dict)
    #: Per-table overrides of the default policy.
    policies: dict[str, Policy] = field(default_factory=dict)
    #: What a liaison officer may write here: "scope" (records of their enterprises), "own"
    #: (their own record only), "center" (nothing: the centre's table), "any".
    liaison_writes: str = "scope"

    def policy(self, name: str) -> Policy:
        if name in self.policies:
            return self.policies[name]
        if name in CENTRE_FIELDS:
            return Policy.CENTRE
        if name in OFFICER_FIELDS:
            return Policy.OFFICER
        return Policy.LAST_WRITER


_ENT = {"enterprise_id": "enterprise"}

#: One entry per synced table; a table missing here is refused by the server.
TABLES: dict[str, TableRule] = {
    "officer": TableRule(ALL, liaison_writes="own"),
    "enterprise": TableRule(SELF),
    "visit": TableRule("enterprise_id", _ENT),
    "follow_up": TableRule("enterprise_id", {"visit_id": "visit", **_ENT}),
    "attachment": TableRule("enterprise_id", _ENT),
    # Dispatch, deadlines and the final letter number are the centre's; what the enterprise
    # said at the call-back is the officer's record of it.
    "request": TableRule("enterprise_id", _ENT, policies={
        **dict.fromkeys(("contact_deadline", "co_deadline", "dispatched_at",
                         "first_response_at", "resolved_at", "resolution", "closed_at",
                         "registration_no"), Policy.CENTRE),
        **dict.fromkeys(("callback_comment", "enterprise_resolved", "enterprise_satisfaction"),
                        Policy.OFFICER)}),
    "proxy_case": TableRule("enterprise_id", _ENT),
    "proxy_item": TableRule("enterprise_id", {"case_id": "proxy_case", **_ENT}),
    "worker": TableRule("enterprise_id", _ENT),
    "application": TableRule("enterprise_id", _ENT),
    "daily_report": TableRule("enterprise_id", _ENT),
    "evaluation": TableRule("enterprise_id", _ENT),
    "issued_pass": TableRule("enterprise_id", {"application_id": "application",
                                               "worker_id": "worker", **_ENT}),
    "timeline_event": TableRule("enterprise_id", _ENT),
    "department": TableRule(ALL, liaison_writes="center"),
    "audit_entry": TableRule(ALL, liaison_writes="any"),
}


def scope_key(table: str, record_id: str, data: dict[str, Any]) -> str:
    """The enterprise id a record belongs to ("" for records everyone sees)."""
    rule = TABLES[table]
    if rule.scope == SELF:
        return record_id
    if rule.scope == ALL:
        return ""
    return str(data.get(rule.scope) or "")


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


class ErrorBody(BaseModel):
    code: str
    text_en: str
    text_zh: str
    detail: dict[str, Any] = Field(default_factory=dict)


# -- auth ------------------------------------------------------------------------------------
class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
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
    model_config = ConfigDict(extra="forbid")
    op_id: str = Field(pattern=ID_PATTERN)
    table: str = Field(pattern=TABLE_PATTERN)
    record_id: str = Field(pattern=ID_PATTERN)
    base_version: int = Field(ge=0, le=2**62)
    creating: bool = False
    changes: dict[str, Any]
    device_time: str = Field(default="", max_length=40)


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ops: list[Op] = Field(max_length=MAX_BATCH_OPS)


class FieldConflict(BaseModel):
    field: str
    yours: Any = None
    theirs: Any = None
    #: "yours" or "theirs": which value the record now holds.
    kept: Literal["yours", "theirs"]
    policy: Policy


class OpResult(BaseModel):
    op_id: str
    status: OpStatus
    version: int = 0
    reason: RejectReason | None = None
    text_en: str = ""
    text_zh: str = ""
    conflicts: list[FieldConflict] = Field(default_factory=list)


class PushResponse(BaseModel):
    results: list[OpResult]
    high_seq: int


# -- pull ------------------------------------------------------------------------------------
class PullRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    since: int = Field(default=0, ge=0, le=2**62)
    limit: int = Field(default=2000, ge=1, le=MAX_PAGE_RECORDS)
    #: Only these tables (a re-pull after a failed verification); all when empty.
    tables: list[str] = Field(default_factory=list, max_length=100)
    #: Also send records this device wrote last and the server kept as sent (a full re-pull).
    include_own: bool = False
    #: Send per-table counts with the last page.
    want_counts: bool = False


class WireRecord(BaseModel):
    table: str
    id: str
    version: int
    deleted: bool
    created_at: str
    updated_at: str
    data: dict[str, Any]


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


# -- attachments -----------------------------------------------------------------------------
class MissingRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hashes: list[str] = Field(max_length=5000)


class MissingResponse(BaseModel):
    #: Hashes the server lacks, with the bytes it already holds of each (resume from there).
    missing: dict[str, int]


class UploadResult(BaseModel):
    sha256: str
    received: int
    complete: bool
