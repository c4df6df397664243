"""Accounts, device tokens and login rate limiting.

Passwords are argon2 hashes. A device token is 32 random bytes shown once to the client; the
server keeps only its SHA-256, bound to the device id it was issued for, with an expiry and
a revoked flag, and a call is accepted only from the device named in ``X-Liaison-Device``.
Failed logins are counted per user name and per address, in the database: an attempt is
written down *before* its password is checked, one attempt at a time, so attempts made in
parallel count against each other.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import peewee
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync.protocol import ROLES
from sync.server import audit, statements
from sync.server.models import (
    Assignment,
    Device,
    LoginFailure,
    Record,
    SeqCounter,
    User,
    is_postgres,
    server_db,
    utcnow,
    write_transaction,
)

log = logging.getLogger(__name__)

TOKEN_LIFETIME = dt.timedelta(days=180)
#: Who a refused sign-in names when the account typed does not exist.
UNKNOWN_ACCOUNT = "(no such account)"
FAILURE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 30
#: PostgreSQL advisory lock key that queues sign-in attempts while one is counted and noted.
_ATTEMPT_LOCK = 0x4C49_4E31  # "LIN1"

_hasher = PasswordHasher()
#: Verified against when the user does not exist, so timing does not reveal user names.
_DUMMY_HASH = _hasher.hash("not-a-password")


class AuthError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


#: Roles that see every enterprise of the county (no assignments).
WHOLE_COUNTY = frozenset({"center", "viewer"})


@dataclass(frozen=True)
class Caller:
    user_id: int
    username: str
    role: str
    officer_id: str
    device_id: str
    device_pk: int
    #: "" for a device in use; "retired" may still push (then confirms and is wiped);
    #: "lost" reaches only the wipe confirmation.
    retire: str = ""
    #: Operation results this device could still replay may have been pruned (it was last
    #: seen before the oldest one kept): it must pull everything again before it pushes.
    stale: bool = False
    #: ``last_seen`` is due to be written (``touch``), by whoever may write.
    seen_due: bool = False
    #: The change sequence's high-water mark and the oldest scope exit kept, read with the
    #: token (one round trip fewer for a device in step); -1 when not read.
    high_seq: int = -1
    exits_pruned_seq: int = -1
    #: An officer's enterprises, in order, read with the token (None: not read, or a role
    #: that sees the whole county). What must agree with a snapshot reads them again.
    assigned: tuple[str, ...] | None = None

    @property
    def can_write(self) -> bool:
        return self.role in ("liaison", "center")

    @property
    def whole_county(self) -> bool:
        return self.role in WHOLE_COUNTY


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- users -----------------------------------------------------------------------------------
def add_user(*, username: str, password: str, role: str, by: str | None = None) -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not username.strip() or len(username) > 64:
        raise ValueError("user name must be 1 to 64 characters")
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    with write_transaction():
        if User.get_or_none(User.username == username) is not None:
            raise ValueError(f"user {username} already exists")
        user = User.create(username=username, password_hash=_hasher.hash(password), role=role,
                           officer_id=str(uuid.uuid4()))
        _publish_officer(user)
        audit.record("user_added", actor=by, target=username, detail=role)
    return user


def _publish_officer(user: User) -> None:
    """Every account is also an officer record, so clients can show who did what."""
    from sync.server.store import server_write

    data = {"name": user.username, "username": user.username, "phone": "", "town": "",
            "role": user.role, "active": not user.disabled, "created_by": "", "deleted": False}
    counter = SeqCounter()
    server_write(table="officer", record_id=user.officer_id, data=data, counter=counter)
    counter.flush()


def set_password(*, username: str, password: str, by: str | None = None) -> None:
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    user = User.get(User.username == username)
    with server_db.atomic():
        user.password_hash = _hasher.hash(password)
        user.save()
        # A new password ends every session signed in with the old one.
        Device.update(revoked=True).where(Device.user == user).execute()
        audit.record("password_changed", actor=by, target=username)


def disable_user(*, username: str, by: str | None = None) -> None:
    user = User.get(User.username == username)
    with write_transaction():
        user.disabled = True
        user.save()
        Device.update(revoked=True).where(Device.user == user).execute()
        _publish_officer(user)
        audit.record("user_disabled", actor=by, target=username)


def assign(*, username: str, enterprise_ids: list[str], by: str | None = None) -> int:
    """Give a liaison officer these enterprises; returns how many were new."""
    user = User.get(User.username == username)
    added = 0
    with write_transaction():
        counter = SeqCounter()
        for ent in enterprise_ids:
            seq = counter.next()
            added += Assignment.insert(user=user, enterprise_id=ent, assigned_seq=seq
                                       ).on_conflict_ignore().execute() and 1 or 0
            _add_officer_to_enterprise(ent, user.officer_id, counter)
        counter.flush()
        audit.record("assigned", actor=by, target=username,
                     detail=f"{added} new of {len(enterprise_ids)}: {', '.join(enterprise_ids)}")
    return added


def _add_officer_to_enterprise(enterprise_id: str, officer_id: str, counter: SeqCounter) -> None:
    from sync.server.store import server_write

    rec = Record.get_or_none((Record.table == "enterprise") & (Record.record_id == enterprise_id))
    if rec is None:
        return
    data = json.loads(rec.data)
    officers = list(data.get("officer_ids") or [])
    if officer_id not in officers:
        officers.append(officer_id)
        server_write(table="enterprise", record_id=enterprise_id,
                     data={"officer_ids": officers}, counter=counter)


def assigned_enterprises(user_id: int) -> list[str]:
    """The officer's enterprises, in order (Python's, as ``Caller.assigned``: a database's
    collation may order ids otherwise). SQL built once."""
    db = server_db.obj
    return sorted(ent for (ent,) in db.execute_sql(
        'SELECT "enterprise_id" FROM "assignment" WHERE "user_id" = ' + db.param,
        (user_id,)).fetchall())


# -- sessions --------------------------------------------------------------------------------
@contextmanager
def _one_attempt_at_a_time() -> Iterator[None]:
    """A transaction no other sign-in attempt's count-and-note runs beside.

    Counting and then writing an attempt in two steps lets parallel attempts all see the
    count from before any of them: 16 at once were all checked. PostgreSQL: an advisory lock
    held to the end of the transaction (not the change-sequence lock, which pushes wait on);
    SQLite: its one writer.
    """
    db = server_db.obj
    if is_postgres(db):
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_ATTEMPT_LOCK,))
            yield
    else:
        with write_transaction():
            yield


def _reserve_attempt(username: str, address: str) -> int | None:
    """Note a sign-in attempt as failed until its password proves right; None (and nothing
    noted) when this user name or address has used up its attempts."""
    since = utcnow() - FAILURE_WINDOW
    with _one_attempt_at_a_time():
        recent = LoginFailure.select().where(LoginFailure.at > since)
        if (recent.where(LoginFailure.username == username).count() >= MAX_FAILURES_PER_USER
                or recent.where(LoginFailure.address == address).count()
                >= MAX_FAILURES_PER_ADDRESS):
            return None
        return int(LoginFailure.insert(username=username, address=address).execute())


def login(*, username: str, password: str, device_id: str, device_name: str,
          address: str) -> tuple[str, Device]:
    """Check the password and issue a new token for this device (replacing its old one)."""
    username, address = username[:64], address[:64]
    user = User.get_or_none(User.username == username)
    attempt = _reserve_attempt(username, address)
    if attempt is None:
        _refused(user, address, device_id, "rate_limited")
        raise AuthError("rate_limited")
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        ok = user is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        # The attempt stays noted as a failure. Typed names older than the window count for
        # nothing: do not keep them.
        LoginFailure.delete().where(LoginFailure.at < utcnow() - FAILURE_WINDOW).execute()
        _refused(user, address, device_id, "bad_credentials")
        raise AuthError("bad_credentials")
    if user.disabled:
        LoginFailure.delete().where(LoginFailure.id == attempt).execute()
        _refused(user, address, device_id, "account_disabled")
        raise AuthError("account_disabled")
    earlier = (Device.select().where((Device.user == user) & (Device.device_id == device_id))
               .order_by(Device.id.desc()).first())
    if earlier is not None and earlier.retire in ("lost", "retired"):
        # A laptop reported lost (or being retired) does not get a new session by knowing
        # the password: it is told to remove its data at its next sync instead.
        _refused(user, address, device_id, f"device_{earlier.retire}")
        raise AuthError(f"device_{earlier.retire}")
    token = secrets.token_urlsafe(32)
    # The same key for the same account on the same laptop, so what the laptop wrapped
    # with it before still opens; a new one after a wipe.
    escrow = earlier.escrow_key if earlier is not None and earlier.retire == "" else ""
    with server_db.atomic():
        # Signing in again does not make a laptop's past younger: when it was last seen
        # decides whether it must pull everything again (its replays may have been pruned).
        seen = (Device.select(peewee.fn.MAX(Device.last_seen))
                .where((Device.user == user) & (Device.device_id == device_id)).scalar())
        Device.update(revoked=True).where((Device.user == user)
                                          & (Device.device_id == device_id)).execute()
        device = Device.create(user=user, device_id=device_id, name=device_name,
                               token_hash=hash_token(token), last_seen=seen,
                               expires_at=utcnow() + TOKEN_LIFETIME,
                               escrow_key=escrow or secrets.token_hex(32))
        LoginFailure.delete().where(LoginFailure.username == username).execute()
        audit.record("login", actor=username, address=address, device_id=device_id,
                     detail=device_name)
    return token, device


def _refused(user: User | None, address: str, device_id: str, why: str) -> None:
    """Audit a refused sign-in: the account's name, never what was typed for one that does
    not exist (often a password typed into the wrong field). Once per window while rate
    limited, so a flood of attempts does not become a flood of writes."""
    actor = user.username if user is not None else UNKNOWN_ACCOUNT
    if why == "rate_limited" and audit.seen_since(
            "login_failed", actor=actor, address=address, detail=why,
            since=utcnow() - FAILURE_WINDOW):
        return
    try:
        audit.record("login_failed", actor=actor, address=address, device_id=device_id,
                     detail=why)
    except peewee.PeeweeException:
        # The refusal stands whether or not it could be written down.
        log.warning("could not audit a refused sign-in from %s", address, exc_info=True)


#: One query for the token, its device and account, and the retention horizon: a request
#: costs the server one round trip to authenticate, built once.
_AUTH_SQL = (
    'SELECT d."id", d."device_id", d."revoked", d."expires_at", d."last_seen", d."retire", '
    'u."id", u."username", u."role", u."officer_id", u."disabled", (SELECT m."value" FROM '
    '"meta" m '
    "WHERE m.\"key\" = 'ops_pruned_before'), (SELECT m.\"value\" FROM \"meta\" m WHERE "
    "m.\"key\" = 'seq'), (SELECT m.\"value\" FROM \"meta\" m WHERE m.\"key\" = "
    "'exits_pruned_seq'), (SELECT {concat}(a.\"enterprise_id\", {sep}) FROM \"assignment\" a "
    "WHERE a.\"user_id\" = u.\"id\") FROM \"device\" d JOIN \"user\" u ON u.\"id\" = "
    'd."user_id" WHERE d."token_hash" = {mark}')
#: ``last_seen`` is written at most this often (a write per request would cost every pull).
SEEN_EVERY = dt.timedelta(minutes=5)


def authenticate(*, token: str | None, device_id: str | None,
                 allow_lost: bool = False) -> Caller:
    """The caller a token and device header name; ``allow_lost`` admits a lost device (to
    confirm its wipe). One read, no write (``Caller.seen_due`` says when ``touch`` should
    follow), so it may run on the event loop."""
    if not token:
        raise AuthError("unauthorized")
    db = server_db.obj
    pg = is_postgres(db)
    # Joined with the unit separator, which no id holds (a comma might, in an id typed by
    # hand into an assignment).
    sql = _AUTH_SQL.format(mark=db.param, concat="string_agg" if pg else "group_concat",
                           sep="chr(31)" if pg else "char(31)")
    row = statements.run_prepared("liaison_auth", sql, (hash_token(token),)).fetchone()
    if row is None:
        raise AuthError("unauthorized")
    (pk, bound_device, revoked, expires_at, last_seen, retire, user_id, username, role,
     officer_id, disabled, pruned_before, high, exits_pruned, enterprises) = row
    if retire == "lost" and not allow_lost:
        raise AuthError("device_lost")
    if retire not in ("lost", "retired") and (revoked or disabled):
        raise AuthError("device_revoked")
    # The token is good only from the device it was issued to, which every call names: a
    # token copied off a laptop does not work on its own.
    if device_id != bound_device:
        raise AuthError("unauthorized")
    now = utcnow()
    if Device.expires_at.python_value(expires_at) < now:
        raise AuthError("token_expired")
    last_seen = Device.last_seen.python_value(last_seen)
    stale = bool(pruned_before) and (
        last_seen is None or last_seen < dt.datetime.fromtimestamp(
            int(pruned_before), dt.timezone.utc).replace(tzinfo=None))
    # A stale device stays stale until it has pulled everything again: only that pull
    # touches it.
    due = not stale and (last_seen is None or now - last_seen > SEEN_EVERY)
    return Caller(user_id=int(user_id), username=username, role=role, officer_id=officer_id,
                  device_id=bound_device, device_pk=int(pk), retire=retire or "",
                  stale=stale, seen_due=due,
                  high_seq=int(high or 0), exits_pruned_seq=int(exits_pruned or 0),
                  assigned=(None if role in WHOLE_COUNTY
                            else tuple(sorted(enterprises.split("\x1f")) if enterprises else ())))


def touch(caller: Caller) -> None:
    """Note that the device was seen now (for a stale one: it has started pulling everything
    again, so its pushes are taken from now on). A write: never on the event loop, where it
    could wait for a writer."""
    Device.update(last_seen=utcnow()).where(Device.id == caller.device_pk).execute()


def revoke_device(*, device_pk: int, by: str | None = None, mode: str = "") -> bool:
    """Withdraw a device's token; ``by`` is the account signing itself out, if it is one.

    ``mode`` "lost": the laptop removes its data at its next contact without sending
    anything, and the key that could open its data is deleted here. "retired": it may
    still send what it holds, then removes its data. Every session of that laptop (for
    any account) is marked, since a stolen laptop holds them all.
    """
    row = Device.select(Device, User).join(User).where(Device.id == device_pk).first()
    if row is None:
        return False
    if mode not in ("", "lost", "retired"):
        raise ValueError(f"unknown mode {mode!r}")
    with server_db.atomic():
        if mode:
            same_laptop = Device.device_id == row.device_id
            changes: dict[object, object] = {Device.retire: mode}
            if mode == "lost":
                changes.update({Device.revoked: True, Device.escrow_key: ""})
            Device.update(changes).where(same_laptop).execute()
            audit.record(f"device_{mode}", actor=by, target=row.user.username,
                         device_id=row.device_id, detail=row.name)
            return True
        Device.update(revoked=True).where(Device.id == device_pk).execute()
        own = by is not None and by == row.user.username
        audit.record("logout" if own else "device_revoked", actor=by,
                     target=row.user.username, device_id=row.device_id)
    return True


def confirm_wiped(caller: Caller, *, address: str = "") -> None:
    """A lost or retired laptop says it removed its data: close its sessions for good."""
    if caller.retire not in ("lost", "retired"):
        raise AuthError("in_service")
    with server_db.atomic():
        # The mark stays: that laptop id never gets a session again.
        Device.update({Device.revoked: True, Device.escrow_key: ""}
                      ).where(Device.device_id == caller.device_id).execute()
        audit.record("device_wiped", actor=caller.username, target=caller.username,
                     address=address, device_id=caller.device_id, detail=caller.retire)
