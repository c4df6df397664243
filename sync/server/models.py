"""The server's tables and how its database is opened (SQLite file or PostgreSQL URL).

Records of every synced type live in one generic table: the server merges and authorises by
field name and scope, so a new record type needs no new server table.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee
from playhouse.pool import PooledPostgresqlDatabase

from liaison_app.core.models.base import utcnow
from liaison_app.core.models.fields import JSONField
from sync.server import metrics
from sync.server.migrations import LATEST_VERSION, run_migrations, schema_version
from sync.server.serving import ENV_POOL_SIZE

server_db = peewee.DatabaseProxy()

SCHEMA_VERSION = LATEST_VERSION


class Base(peewee.Model):
    class Meta:
        database = server_db
        legacy_table_names = False


class Meta(Base):
    key = peewee.CharField(primary_key=True, max_length=40)
    value = peewee.BigIntegerField()


class User(Base):
    username = peewee.CharField(unique=True, max_length=64)
    password_hash = peewee.CharField(max_length=200)
    role = peewee.CharField(max_length=16)
    officer_id = peewee.CharField(max_length=36, unique=True)
    disabled = peewee.BooleanField(default=False)
    created_at = peewee.DateTimeField(default=utcnow)


class Device(Base):
    user = peewee.ForeignKeyField(User, backref="devices")
    device_id = peewee.CharField(max_length=64)
    name = peewee.CharField(default="", max_length=100)
    #: SHA-256 of the token: a stolen database does not give working tokens.
    token_hash = peewee.CharField(unique=True, max_length=64)
    created_at = peewee.DateTimeField(default=utcnow)
    expires_at = peewee.DateTimeField()
    last_seen = peewee.DateTimeField(null=True)
    revoked = peewee.BooleanField(default=False)
    #: "" in use, "lost" or "retired" (see migration 4).
    retire = peewee.CharField(default="", max_length=16)
    #: Hex of the key the laptop's data key is also wrapped with; "" once lost or wiped.
    escrow_key = peewee.CharField(default="", max_length=64)


class LoginFailure(Base):
    username = peewee.CharField(max_length=64, index=True)
    address = peewee.CharField(max_length=64, index=True)
    at = peewee.DateTimeField(default=utcnow, index=True)


class Assignment(Base):
    user = peewee.ForeignKeyField(User, backref="assignments")
    enterprise_id = peewee.CharField(max_length=64)
    #: The change sequence when it was made: part of the scope hash clients compare.
    assigned_seq = peewee.BigIntegerField(default=0)

    class Meta:
        indexes = ((("user", "enterprise_id"), True),)


class EnterpriseCode(Base):
    """USCC -> enterprise id, kept from pushed and imported enterprise records."""

    uscc = peewee.CharField(primary_key=True, max_length=18)
    enterprise_id = peewee.CharField(max_length=64, index=True)


class Record(Base):
    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64)
    data = peewee.TextField()
    version = peewee.BigIntegerField()
    #: {field: [version, device id, role]} of each field's last change.
    field_meta = JSONField()
    deleted = peewee.BooleanField(default=False)
    scope_key = peewee.CharField(max_length=64, index=True)
    seq = peewee.BigIntegerField(unique=True)
    created_at = peewee.CharField(max_length=40)
    updated_at = peewee.CharField(max_length=40)
    #: The device that wrote last and whether it holds exactly this data (no pull echo).
    last_device = peewee.CharField(default="", max_length=64)
    last_clean = peewee.BooleanField(default=False)

    class Meta:
        indexes = ((("table", "record_id"), True), (("scope_key", "seq"), False))


class OpRecord(Base):
    """The stored result of each operation: a replay returns it instead of applying again.

    Operation ids are the device's own: another device (or account) reusing one gets its own
    answer, never the first owner's.
    """

    device_id = peewee.CharField(max_length=64)
    op_id = peewee.CharField(max_length=64)
    result = peewee.TextField()
    created_at = peewee.DateTimeField(default=utcnow, index=True)

    class Meta:
        primary_key = peewee.CompositeKey("device_id", "op_id")


class ChangeLog(Base):
    seq = peewee.BigIntegerField(index=True)
    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64, index=True)
    version = peewee.BigIntegerField()
    base_version = peewee.BigIntegerField()
    op_id = peewee.CharField(max_length=64)
    username = peewee.CharField(max_length=64)
    device_id = peewee.CharField(max_length=64)
    device_time = peewee.CharField(max_length=40)
    server_time = peewee.DateTimeField(default=utcnow)
    status = peewee.CharField(max_length=16)
    changes = peewee.TextField()


class ServerConflict(Base):
    """Both values of every field changed on two sides, kept for review and audit."""

    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64, index=True)
    field = peewee.CharField(max_length=64)
    incoming = peewee.TextField()
    existing = peewee.TextField()
    kept = peewee.CharField(max_length=8)
    op_id = peewee.CharField(max_length=64)
    at = peewee.DateTimeField(default=utcnow)


class Blob(Base):
    sha256 = peewee.CharField(primary_key=True, max_length=64)
    size = peewee.BigIntegerField()
    created_at = peewee.DateTimeField(default=utcnow)


class BlobUpload(Base):
    """Who sent a file's bytes: proof that they hold the file, which lets them name it."""

    sha256 = peewee.CharField(max_length=64)
    user = peewee.ForeignKeyField(User, backref="uploads")
    at = peewee.DateTimeField(default=utcnow)

    class Meta:
        primary_key = peewee.CompositeKey("sha256", "user")


class AttachmentBlob(Base):
    """Which file each attachment record names, and whose scope it is in: who may read a
    file is looked up here, not by searching every record's text."""

    record_id = peewee.CharField(primary_key=True, max_length=64)
    sha256 = peewee.CharField(max_length=64, index=True)
    scope_key = peewee.CharField(max_length=64)


class LetterNumber(Base):
    """Final registration numbers of direct-channel letters: unique per year by the key."""

    year = peewee.IntegerField()
    number = peewee.IntegerField()
    record_id = peewee.CharField(max_length=64, unique=True)

    class Meta:
        primary_key = peewee.CompositeKey("year", "number")


class DocumentRegister(Base):
    """Final document numbers of printed forms: unique per form (series) and year by the
    key, one per register entry."""

    series = peewee.CharField(max_length=32)
    year = peewee.IntegerField()
    number = peewee.IntegerField()
    record_id = peewee.CharField(max_length=64, unique=True)

    class Meta:
        table_name = "document_register"
        primary_key = peewee.CompositeKey("series", "year", "number")


class ScopeExit(Base):
    """A record that left an enterprise's scope (moved to another one) at change ``seq``:
    devices of the old scope are told to drop their copy."""

    seq = peewee.BigIntegerField()
    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64)
    old_scope_key = peewee.CharField(max_length=64)

    class Meta:
        indexes = ((("old_scope_key", "seq"), False),)


class ScopeCount(Base):
    """How many records (tombstones included) and the sum of their versions, per scope and
    table, kept with every write in the same transaction: the counts a pull sends for
    verification are read from a few rows instead of counting the scope's records. The
    scope ``*`` holds each table's totals (a whole-county caller's counts)."""

    scope_key = peewee.CharField(max_length=64)
    table = peewee.CharField(max_length=40)
    count = peewee.BigIntegerField()
    version_sum = peewee.BigIntegerField()

    class Meta:
        primary_key = peewee.CompositeKey("scope_key", "table")


class SeqMark(Base):
    """The change sequence at a moment (noted by each prune): which sequence numbers are
    older than a retention period, without a time on every row."""

    at = peewee.DateTimeField(index=True)
    seq = peewee.BigIntegerField()


class AuditEvent(Base):
    """Who signed in or administered what, from where: kept for the centre's security audit."""

    at = peewee.DateTimeField(default=utcnow, index=True)
    action = peewee.CharField(max_length=32, index=True)
    #: The account, or ``system:<login>`` for the administration command line.
    actor = peewee.CharField(max_length=64, index=True)
    target = peewee.CharField(default="", max_length=100)
    address = peewee.CharField(default="", max_length=64)
    device_id = peewee.CharField(default="", max_length=64)
    detail = peewee.TextField(default="")


class EvaluationLink(Base):
    """A one-time link to the phone scoring page of an evaluation round, for one enterprise.

    Only the SHA-256 of its token is kept: the link itself is shown once, to the centre, and
    a stolen database gives no working link.
    """

    round_id = peewee.CharField(max_length=64)
    enterprise_id = peewee.CharField(max_length=64)
    token_hash = peewee.CharField(max_length=64, unique=True)
    issued_at = peewee.DateTimeField(default=utcnow)
    issued_by = peewee.CharField(default="", max_length=64)
    #: Set when a newer link for the same enterprise replaced this one.
    revoked_at = peewee.DateTimeField(null=True)
    #: Set by the one submission the link accepts.
    used_at = peewee.DateTimeField(null=True)

    class Meta:
        indexes = ((("round_id", "enterprise_id"), False),)


class EvaluationLinkMiss(Base):
    """A phone page asked for with a token that does not exist, from this address: kept for a
    short while so that guessing links gets slowed down per address."""

    address = peewee.CharField(max_length=64, index=True)
    at = peewee.DateTimeField(default=utcnow, index=True)


ALL_MODELS: list[type[Base]] = [Meta, User, Device, LoginFailure, Assignment, EnterpriseCode,
                                Record, OpRecord, ChangeLog, ServerConflict, Blob, AuditEvent,
                                BlobUpload, AttachmentBlob, LetterNumber, ScopeExit,
                                EvaluationLink, EvaluationLinkMiss, ScopeCount, SeqMark,
                                DocumentRegister]


def default_sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'server.sqlite3'}"


class _ServerSqlite(peewee.SqliteDatabase):
    """SQLite for the server: a connection opened while another process holds the write
    lock (several servers starting together, one of them migrating) waits for it.

    Switching a new file to WAL needs the lock, and SQLite answers "database is locked" at
    once there instead of waiting in its busy handler.
    """

    def _set_pragmas(self, conn: sqlite3.Connection) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                super()._set_pragmas(conn)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)


class _ServerPostgres(PooledPostgresqlDatabase):
    """The pool, checking a connection on check-out only when it sat unused for a while.

    peewee's pool asks the database (``SELECT 1``) on every check-out whether a connection
    still works: under load a round trip and a statement for PostgreSQL to parse in every
    request. A connection handed back moments ago is trusted instead; one that went bad
    since (the database restarted) fails its request, which the laptop sends again, and is
    not handed out again."""

    #: Seconds a connection may sit unused and still be handed out unchecked.
    TRUSTED_FOR = 1.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._returned_at: dict[int, float] = {}

    def _close(self, conn: Any, close_conn: bool = False) -> None:
        if close_conn:
            self._returned_at.pop(self.conn_key(conn), None)
        else:
            self._returned_at[self.conn_key(conn)] = time.monotonic()
        super()._close(conn, close_conn)

    def _is_closed(self, conn: Any) -> bool:
        if conn.closed:
            return True
        returned = self._returned_at.get(self.conn_key(conn))
        if returned is not None and time.monotonic() - returned < self.TRUSTED_FOR:
            return False
        return bool(super()._is_closed(conn))


#: Connections one process may hold when nobody said (``serve`` always says).
DEFAULT_POOL_SIZE = 32


def make_database(url: str, *, pool_size: int | None = None) -> peewee.Database:
    """The database at ``url``. For PostgreSQL a pool of ``pool_size`` connections, by
    default ``$LIAISON_SERVER_POOL_SIZE`` (which ``serve`` sets for its workers)."""
    if url.startswith(("postgresql://", "postgres://")):
        from urllib.parse import unquote, urlparse

        if pool_size is None:
            pool_size = int(os.environ.get(ENV_POOL_SIZE) or DEFAULT_POOL_SIZE)
        u = urlparse(url)
        # A request waits up to 30 s for a free connection rather than failing at once.
        return _ServerPostgres(
            unquote(u.path.lstrip("/")), user=unquote(u.username or "") or None,
            password=unquote(u.password or "") or None, host=u.hostname or None,
            port=u.port or None, max_connections=pool_size, stale_timeout=300, timeout=30,
            autoconnect=True)
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return _ServerSqlite(path, check_same_thread=False, timeout=30, pragmas=(
            ("journal_mode", "wal"), ("synchronous", "full"), ("foreign_keys", 1),
            ("busy_timeout", 30_000), ("cache_size", -64_000)))
    raise ValueError(f"unsupported database URL: {url!r} (use sqlite:///PATH or postgresql://)")


def is_postgres(db: peewee.Database | None = None) -> bool:
    target = db if db is not None else server_db.obj
    return isinstance(target, peewee.PostgresqlDatabase)


def open_server_database(url: str, *, migrate: bool = True) -> peewee.Database:
    """Open the database and, unless told not to, bring its schema up to date.

    A SQLite file is copied beside itself (``backups/``) before an upgrade; for PostgreSQL
    the guide has the administrator take a backup before installing a new version.
    """
    db = make_database(url)
    server_db.initialize(db)
    if migrate:
        with connection():
            upgrade_schema(db)
    return db


def upgrade_schema(db: peewee.Database) -> tuple[int, int]:
    """Create or upgrade the schema; returns the versions before and after."""
    from sync.server import audit

    found = schema_version(db)
    copy = None
    if 0 < found < LATEST_VERSION and not is_postgres(db):
        copy = _copy_before_upgrade(db, found)
    before, after = run_migrations(db)
    if after != before:
        detail = f"schema {before} to {after}" + (f"; copy kept as {copy}" if copy else "")
        audit.record("schema_upgraded", detail=detail)
    return before, after


def _copy_before_upgrade(db: peewee.SqliteDatabase, version: int) -> Path:
    path = Path(db.database)
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-pre-migration-v{version}-{stamp}{path.suffix}"
    copy = sqlite3.connect(str(target))
    try:
        db.connection().backup(copy)
    finally:
        copy.close()
    return target


@contextmanager
def connection() -> Iterator[None]:
    """A connection for the current thread: pooled for PostgreSQL, kept open for SQLite."""
    db = server_db.obj
    if is_postgres(db):
        with db.connection_context():
            yield
    else:
        db.connect(reuse_if_open=True)
        yield


@contextmanager
def write_transaction() -> Iterator[None]:
    """A write transaction that holds the change-sequence lock until it commits.

    Sequence numbers are therefore handed out in commit order: a pull that has seen seq N
    will never later find a commit with a smaller number. How long a write waited for the
    lock and held it (its commit included) goes to the metrics.
    """
    db = server_db.obj
    started = time.perf_counter()
    locked = 0.0
    try:
        if is_postgres(db):
            with db.atomic():
                db.execute_sql("SELECT value FROM meta WHERE key = 'seq' FOR UPDATE")
                locked = time.perf_counter()
                yield
        else:
            # SQLite takes one writer at a time anyway; queueing here instead of in its busy
            # handler (which sleeps in growing steps) keeps latency low under many clients.
            with _sqlite_writer, db.atomic("IMMEDIATE"):
                locked = time.perf_counter()
                yield
    finally:
        if locked:
            metrics.LOCK_WAIT.observe(locked - started)
            metrics.LOCK_HELD.observe(time.perf_counter() - locked)


@contextmanager
def read_snapshot() -> Iterator[None]:
    """A read-only transaction that sees one snapshot from its first statement to its end.

    PostgreSQL's default (READ COMMITTED) takes a new snapshot for every statement: a page
    and the counts sent with it, read one after the other, could straddle another commit.
    REPEATABLE READ keeps the first statement's snapshot for all of them, and a read-only
    transaction never waits for writers nor makes them wait. A SQLite read transaction in
    WAL mode is a snapshot already.
    """
    db = server_db.obj
    if is_postgres(db):
        with db.atomic(isolation_level="REPEATABLE READ, READ ONLY"):
            yield
    else:
        with db.atomic():
            yield


_sqlite_writer = threading.Lock()


class SeqCounter:
    """Hands out change sequence numbers inside a ``write_transaction``."""

    def __init__(self) -> None:
        self.value = high_seq()
        self.start = self.value

    def next(self) -> int:
        self.value += 1
        return self.value

    def flush(self) -> None:
        if self.value != self.start:
            set_high_seq(self.value)


def high_seq() -> int:
    # SQL by hand: read in every push and phone submission.
    return int(server_db.obj.execute_sql(
        "SELECT \"value\" FROM \"meta\" WHERE \"key\" = 'seq'").fetchone()[0])


def set_high_seq(value: int) -> None:
    server_db.obj.execute_sql(
        f"UPDATE \"meta\" SET \"value\" = {server_db.obj.param} WHERE \"key\" = 'seq'",
        (int(value),))


def meta_values(*keys: str) -> dict[str, int]:
    """Several ``meta`` numbers in one query (a missing one is 0)."""
    mark = server_db.obj.param
    rows = server_db.obj.execute_sql(
        f'SELECT "key", "value" FROM "meta" WHERE "key" IN ({", ".join(mark for _ in keys)})',
        keys).fetchall()
    found = {key: int(value) for key, value in rows}
    return {key: found.get(key, 0) for key in keys}
