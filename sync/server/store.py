"""Applying pushed operations and serving pulls: merge, authorise, sequence.

An operation and its stored result are written in the same transaction, so a replay (the
client never saw the answer) returns the stored result and applies nothing twice.

**Commit order with a short lock.** Every write takes its change sequence numbers under one
lock (PostgreSQL: the ``meta.seq`` row ``FOR UPDATE``; SQLite: its one writer) and commits
before releasing it, so sequence order is commit order and a pull cursor never skips a late
commit. What a push does is split in two so that the lock is held only for the second part:

1. *Work out*, without the lock: read the stored results of the batch's operation ids, the
   records the operations touch, the records they refer to, the caller's enterprises, the
   credit codes and whatever a hook reads (``_Batch.read``); authorise, check and merge every
   operation in memory; hooks run. Every database value this depended on is remembered.
2. *Commit*, under the lock: read those values again — the version and scope of every
   touched record (absent ones must still be absent), the scopes of referenced records, the
   credit-code claims, the caller's enterprises, the hooks' reads, and that no result is
   stored yet for the batch's operation ids. If all are as they were, nothing another writer
   committed in between bears on this batch, and its effects are written with sequence
   numbers taken now; otherwise (two devices editing one record at the same moment) the batch
   is worked out again, this time under the lock, exactly as before this split. A batch that
   moves a record to another enterprise is always worked out under the lock (records under
   it could be added meanwhile).

Pushes on different records therefore merge in parallel and serialise only for a few indexed
reads, the inserts and the commit — and pushes that are ready together share one commit
(``group_commit``: each in a savepoint, so one that fails fails alone); see ``liaison_sequence_lock_held_seconds`` and
``liaison_push_batches_redone_total`` in the metrics.

**Pull.** A page, its parents, the records that left the caller's scope and the counts are
read in one read-only snapshot (``read_snapshot``: REPEATABLE READ on PostgreSQL), so the
counts always describe exactly the records up to the page's cursor. An officer's page is read
through the ``(scope_key, seq)`` index, one branch per scope key: a device minutes behind
reads its own few changes, not the province's. Counts come from ``scope_count``, kept by
every write in the same transaction.
"""
from __future__ import annotations

import collections
import functools
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson
import peewee

from liaison_app.core.models.sync_spec import ALL, SELF, Writers, officer_scope
from sync.protocol import (
    FieldConflict,
    Op,
    OpResult,
    OpStatus,
    Policy,
    PullRequest,
    RejectReason,
)
from sync.schema import ALL_TABLES, BOOKKEEPING, ID_MAX, SCHEMA, Problem, TableSchema
from sync.server import metrics, statements
from sync.server.auth import Caller, assigned_enterprises
from sync.server.hooks import AFTER_APPLY, CONTENT_CHECKS
from sync.server.models import (
    Assignment,
    AttachmentBlob,
    BlobUpload,
    ChangeLog,
    DocumentRegister,
    EnterpriseCode,
    LetterNumber,
    OpRecord,
    Record,
    ScopeExit,
    SeqCounter,
    ServerConflict,
    high_seq,
    is_postgres,
    meta_values,
    read_snapshot,
    server_db,
    set_high_seq,
    utcnow,
    write_transaction,
)

log = logging.getLogger(__name__)


_REJECT_TEXT: dict[RejectReason, tuple[str, str]] = {
    RejectReason.UNKNOWN_TABLE: (
        "The server does not know this kind of record yet; it will be sent again after the "
        "server is updated.", "服务器尚不支持此类记录；服务器升级后将重新发送。"),
    RejectReason.OUT_OF_SCOPE: (
        "This enterprise is not assigned to you, so the server refused the change. Ask the "
        "service centre to assign it, then send it again.",
        "该企业未分配给您，服务器拒绝了此修改。请联系服务中心分配后重新发送。"),
    RejectReason.READ_ONLY: (
        "Your account can read but not change records.", "您的账号只能查看，不能修改记录。"),
    RejectReason.FIELD_NOT_ALLOWED: (
        "Only the service centre can change this field.", "只有服务中心可以修改此项。"),
    RejectReason.DUPLICATE_USCC: (
        "Another enterprise on the server already has this unified social credit code. If it "
        "is the same enterprise, ask the service centre to assign it to you.",
        "服务器上已有使用该统一社会信用代码的企业。如是同一企业，请联系服务中心将其分配给您。"),
    RejectReason.INVALID: (
        "The change is incomplete or malformed and was not saved on the server.",
        "该修改不完整或格式有误，服务器未保存。"),
    RejectReason.SERVER_ERROR: (
        "The server failed while saving this change; it will be tried again.",
        "服务器保存此修改时出错，将重新尝试。"),
}


def reject(op_id: str, reason: RejectReason, problems: Sequence[Problem] = ()) -> OpResult:
    """A refusal with its reason in words, naming each field that was wrong and why."""
    en, zh = _REJECT_TEXT[reason]
    if problems:
        en += " (" + "; ".join(p.text_en() for p in problems) + ")"
        zh += "（" + "；".join(p.text_zh() for p in problems) + "）"
    return OpResult(op_id=op_id, status=OpStatus.REJECTED, reason=reason, text_en=en,
                    text_zh=zh, problems=[{"field": p.field, "code": p.code}
                                          for p in problems])


def _now_iso() -> str:
    return utcnow().isoformat(timespec="seconds")


def _wins(policy: Policy, incoming_role: str, existing_role: str) -> bool:
    if policy is Policy.CENTRE:
        if incoming_role == "center":
            return True
        return existing_role != "center"
    if policy is Policy.OFFICER:
        if incoming_role == "liaison":
            return True
        return existing_role != "liaison"
    return True


class _Batch:
    """One push batch: the caller, its scope and the records it touches, loaded at once.

    Operations are worked out in memory, one after the other, and their effects (records,
    change log, conflicts, stored results) are written together by ``flush`` inside the
    batch's one transaction. An operation's stored result therefore commits with its effect,
    or neither commits: a database error rolls the whole batch back and the client sends it
    again, and replaying is safe because nothing of it was kept.
    """

    def __init__(self, caller: Caller, ops: list[Op]) -> None:
        self.caller = caller
        #: The caller's enterprises as read, to compare under the lock.
        read = scope_at_sign_in(caller)
        self.scope_read: frozenset[str] | None = None if read is None else frozenset(read)
        self.scope: set[str] | None = None if self.scope_read is None else set(self.scope_read)
        #: Sequence numbers relative to the high-water mark; made absolute by ``flush``.
        self.counter = _Relative()
        #: (table, id) -> (version, scope key) as read, or None for a record not on the
        #: server: what the batch was worked out against.
        self.loaded: dict[tuple[str, str], tuple[int, str] | None] = {}
        #: Values read from the database through ``read`` (hooks, letter numbers, files).
        self.reads: dict[Any, tuple[Callable[[], Any], Any]] = {}
        #: Credit-code claims as read (None: unclaimed).
        self.code_reads: dict[str, str | None] = {}
        self.now = _now_iso()
        self.stamp = utcnow()
        self.records: dict[tuple[str, str], _Row] = {}
        ids: dict[str, set[str]] = {}
        refs: dict[str, set[str]] = {}
        #: Records some operation of this batch deletes (a letter withdrawn before it
        #: reached the server gets no number).
        self.deleted_later: set[tuple[str, str]] = set()
        for op in ops:
            ids.setdefault(op.table, set()).add(op.record_id)
            rule = SCHEMA.get(op.table)
            for column, table in (rule.refs.items() if rule is not None else ()):
                value = op.changes.get(column)
                if isinstance(value, str) and value:
                    refs.setdefault(table, set()).add(value)
            if rule is not None and rule.owner_ref is not None:
                owner_table, owner_id = (op.changes.get(c) for c in rule.owner_ref)
                if owner_table in SCHEMA and isinstance(owner_id, str) and owner_id:
                    refs.setdefault(owner_table, set()).add(owner_id)
            if op.changes.get("deleted") is True:
                self.deleted_later.add((op.table, op.record_id))
        # By table and id, the key's own order: an id alone cannot use the (table, record_id)
        # index and would read all of it for every chunk.
        for table, wanted in ids.items():
            for rid in wanted:
                self.loaded[(table, rid)] = None
            for row in _load_rows(table, wanted):
                self.remember(row)
        #: Scope keys of the records operations refer to (None: not on the server).
        #: Every one is read again under the sequence lock (``still_valid``).
        self.ref_keys: dict[tuple[str, str], str | None] = {}
        for table, wanted in refs.items():
            others = wanted - ids.get(table, set())
            self.ref_keys.update(((table, rid), None) for rid in others)
            for rid, key in _rows_in(_RECORD_KEYS, (table,), others):
                self.ref_keys[(table, rid)] = key
        self.dirty: dict[tuple[str, str], _Row] = {}
        self.codes: dict[str, str | None] = {}
        self.new_codes: dict[str, str] = {}
        self.assignments: list[tuple[int, str, int]] = []
        self.changes: list[tuple[Any, ...]] = []
        self.conflicts: list[tuple[Any, ...]] = []
        self.results: list[tuple[str, str, str]] = []
        self.blob_refs: dict[str, tuple[str, str]] = {}
        self.exits: list[tuple[int, str, str, str]] = []
        self.letters: list[tuple[int, int, str]] = []
        self.documents: list[tuple[str, int, int, str]] = []
        #: For ``AFTER_APPLY`` hooks: what they read from the database once per batch.
        self.hook_cache: dict[Any, Any] = {}
        self.well_formed = _well_formed(ops)

    def remember(self, row: _Row) -> _Row:
        """Take a record read from the database into the batch, noting what it was."""
        self.records[(row.table, row.record_id)] = row
        self.loaded[(row.table, row.record_id)] = (row.version, row.scope_key)
        return row

    def read(self, key: Any, fn: Callable[[], Any]) -> Any:
        """``fn()``, once per batch: a database read a hook depends on. The store reads it
        again under the sequence lock and works the batch out again if it changed."""
        if key not in self.reads:
            self.reads[key] = (fn, fn())
        return self.reads[key][1]

    def in_scope(self, key: str) -> bool:
        """Whether the caller may see and write records of scope ``key``."""
        if self.scope is None:
            return True
        return key in self.scope or key == officer_scope(self.caller.officer_id)

    def ref_scope(self, table: str, record_id: str) -> str | None:
        """The scope key of a referenced record, counting this batch; None if unknown."""
        row = self.records.get((table, record_id))
        if row is not None:
            return row.scope_key
        key = (table, record_id)
        if key not in self.ref_keys:  # a reference the batch could not foresee (an owner)
            self.ref_keys[key] = (Record.select(Record.scope_key)
                                  .where((Record.table == table)
                                         & (Record.record_id == record_id)).scalar())
        return self.ref_keys[key]

    def may_name_blob(self, sha: str) -> bool:
        """A record may name a file only if the caller sent its bytes or may already read
        it: knowing a file's hash must not be a way to read it."""
        if self.scope is None:
            return True
        caller = self.caller
        return bool(self.read(("blob", sha), lambda: blob_readable(sha, caller)))

    def uscc_owner(self, code: str) -> str | None:
        """The enterprise holding ``code``, counting claims made earlier in this batch."""
        if code not in self.codes:
            row = EnterpriseCode.get_or_none(EnterpriseCode.uscc == code)
            self.codes[code] = self.code_reads[code] = (
                row.enterprise_id if row is not None else None)
        return self.codes[code]

    def letter_max(self, year: int) -> int:
        """The highest final letter number of ``year``, counting this batch."""
        key = ("letter_max", year)
        if key not in self.hook_cache:
            self.hook_cache[key] = self.read(key, lambda: int(
                LetterNumber.select(peewee.fn.MAX(LetterNumber.number))
                .where(LetterNumber.year == year).scalar() or 0))
        return self.hook_cache[key]

    def document_max(self, series: str, year: int) -> int:
        """The highest document number of ``series`` in ``year``, counting this batch."""
        key = ("document_max", series, year)
        if key not in self.hook_cache:
            self.hook_cache[key] = self.read(key, lambda: int(
                DocumentRegister.select(peewee.fn.MAX(DocumentRegister.number))
                .where((DocumentRegister.series == series) & (DocumentRegister.year == year))
                .scalar() or 0))
        return self.hook_cache[key]

    @property
    def writes(self) -> bool:
        """Whether the batch has anything to write (not only replays)."""
        return bool(self.dirty or self.results)

    def still_valid(self) -> bool:
        """Under the sequence lock: whether everything the batch was worked out against is
        still as it was read (see the module's docstring)."""
        if self.exits:
            return False
        device = self.caller.device_id
        if any(True for _ in _rows_in(_STORED_RESULTS, (device,), [r[1] for r in self.results])):
            return False
        by_table: dict[str, list[str]] = {}
        for table, rid in self.loaded:
            by_table.setdefault(table, []).append(rid)
        for table, wanted in by_table.items():
            found = {rid: (int(version), key)
                     for rid, version, key in _rows_in(_RECORD_VERSIONS, (table,), wanted)}
            if any(found.get(rid) != self.loaded[(table, rid)] for rid in wanted):
                return False
        ref_ids: dict[str, list[str]] = {}
        for table, rid in self.ref_keys:
            ref_ids.setdefault(table, []).append(rid)
        for table, wanted in ref_ids.items():
            now = dict(_rows_in(_RECORD_KEYS, (table,), wanted))
            if any(now.get(rid) != self.ref_keys.get((table, rid)) for rid in wanted):
                return False
        if self.code_reads:
            now = dict(EnterpriseCode.select(EnterpriseCode.uscc, EnterpriseCode.enterprise_id)
                       .where(EnterpriseCode.uscc.in_(list(self.code_reads))).tuples())
            if any(now.get(code) != owner for code, owner in self.code_reads.items()):
                return False
        if self.scope_read is not None and frozenset(
                assigned_enterprises(self.caller.user_id)) != self.scope_read:
            return False
        return all(fn() == value for fn, value in self.reads.values())

    def flush(self) -> int:
        """Write every staged effect and result, under the sequence lock; returns the new
        high-water mark. The batch's relative sequence numbers become absolute here."""
        base = high_seq()
        for rec in self.dirty.values():
            rec.seq += base
        self.changes = [(seq + base, *rest) for seq, *rest in self.changes]
        self.exits = [(seq + base, *rest) for seq, *rest in self.exits]
        self.assignments = [(user, ent, seq + base) for user, ent, seq in self.assignments]
        new = [r for r in self.dirty.values() if r.pk is None]
        old = [r for r in self.dirty.values() if r.pk is not None]
        _insert_rows(Record, _RECORD_WRITE, [r.values() for r in new])
        _update_rows(Record, _RECORD_WRITE, [(*r.values(), r.pk) for r in old])
        _insert_rows(EnterpriseCode, ("uscc", "enterprise_id"), list(self.new_codes.items()))
        _insert_rows(Assignment, ("user_id", "enterprise_id", "assigned_seq"),
                     self.assignments, ignore_existing=True)
        _insert_rows(ChangeLog, _CHANGE_COLUMNS, self.changes)
        _insert_rows(ServerConflict, _CONFLICT_COLUMNS, self.conflicts)
        _insert_rows(OpRecord, ("device_id", "op_id", "result", "created_at"),
                     [(*r, self.stamp) for r in self.results])
        _upsert_attachment_blobs([(rid, sha, key) for rid, (sha, key) in self.blob_refs.items()])
        _insert_rows(ScopeExit, ("seq", "table", "record_id", "old_scope_key"), self.exits)
        # The key makes a number given twice a database error: the batch rolls back whole.
        _insert_rows(LetterNumber, ("year", "number", "record_id"), self.letters)
        _insert_rows(DocumentRegister, ("series", "year", "number", "record_id"),
                     self.documents)
        _add_counts(self._count_changes())
        high = base + self.counter.value
        if high != base:
            set_high_seq(high)
        return high

    def _count_changes(self) -> dict[tuple[str, str], list[int]]:
        """What the batch changes in ``scope_count``: each record leaves its old scope's
        count (and version sum) and joins its new one's."""
        out: dict[tuple[str, str], list[int]] = {}
        for (table, rid), rec in self.dirty.items():
            _count_move(out, table, self.loaded.get((table, rid)), (rec.version, rec.scope_key))
        return out


#: Operations on one table from which a batch checks them a column at a time.
_COLUMN_CHECK_FROM = 20


def _well_formed(ops: list[Op]) -> frozenset[str]:
    """The op ids of operations whose fields are all declared and pass the schema, found a
    column at a time (``TableSchema.suspects``): a push of 10,000 records is checked in a
    few passes in C per column instead of a Python call per value. ``_apply`` checks every
    other operation value by value and says why it is refused. An op id sent twice in the
    batch is left out (its second use is answered as a replay of the first)."""
    out: set[str] = set()
    if len(ops) < _COLUMN_CHECK_FROM:
        return frozenset(out)
    by_table: dict[str, list[Op]] = {}
    for op in ops:
        by_table.setdefault(op.table, []).append(op)
    times = collections.Counter(op.op_id for op in ops)
    for table, group in by_table.items():
        rule = SCHEMA.get(table)
        if rule is None or len(group) < _COLUMN_CHECK_FROM:
            continue
        known = rule.fields.keys() | BOOKKEEPING
        # As if each created its record: one that leaves out a required field is checked
        # on its own, where whether its record exists decides.
        suspect = rule.suspects([op.changes for op in group], creating=[True] * len(group))
        out.update(op.op_id for i, op in enumerate(group)
                   if i not in suspect and times[op.op_id] == 1 and op.changes.keys() <= known)
    return frozenset(out)


class _Relative:
    """Sequence numbers of a batch, counted from 0 until the batch knows where it starts."""

    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


def _count_move(out: dict[tuple[str, str], list[int]], table: str,
                before: tuple[int, str] | None, after: tuple[int, str]) -> None:
    """A record of ``table`` at (version, scope) ``before`` (None: new) is now at ``after``:
    it leaves its old scope's count and version sum and joins the new one's (and each
    table's total, scope ``*``)."""
    moves = [(after, 1)] if before is None else [(before, -1), (after, 1)]
    for (version, key), sign in moves:
        for k in (key, "*"):
            entry = out.setdefault((k, table), [0, 0])
            entry[0] += sign
            entry[1] += sign * version


def _add_counts(changes: dict[tuple[str, str], list[int]]) -> None:
    rows = [(key, table, count, versions) for (key, table), (count, versions)
            in changes.items() if count or versions]
    if not rows:
        return
    # Each (scope, table) once: one statement may not update a row twice.
    _insert_many('INSERT INTO "scope_count" ("scope_key", "table", "count", "version_sum")', 4,
                 rows, 'ON CONFLICT ("scope_key", "table") DO UPDATE SET "count" = '
                 '"scope_count"."count" + excluded."count", "version_sum" = '
                 '"scope_count"."version_sum" + excluded."version_sum"')


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_ROW_COLUMNS = (Record.id, Record.table, Record.record_id, Record.data, Record.version,
                Record.field_meta, Record.deleted, Record.scope_key, Record.seq,
                Record.created_at, Record.updated_at, Record.last_device, Record.last_clean)
#: Record columns a push writes, in ``_Row.values`` order.
_RECORD_WRITE = ("table", "record_id", "data", "version", "field_meta", "deleted", "scope_key",
                 "seq", "created_at", "updated_at", "last_device", "last_clean")
_CHANGE_COLUMNS = ("seq", "table", "record_id", "version", "base_version", "op_id", "username",
                   "device_id", "device_time", "server_time", "status", "changes")
_CONFLICT_COLUMNS = ("table", "record_id", "field", "incoming", "existing", "kept", "op_id",
                     "at")


def _json_text(value: Any) -> str:
    """Compact JSON text of what a push stores. orjson writes it several times faster than
    the standard library (a push of 10,000 records stores three texts for each); what it
    refuses — an integer over 64 bits that a server without validation stored, still in a
    record being updated — is written by the standard library as before."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class _Row:
    """A record as a push batch sees it: data and field metadata already decoded."""

    pk: int | None
    table: str
    record_id: str
    data: dict[str, Any]
    version: int
    field_meta: dict[str, list[Any]]
    deleted: bool
    scope_key: str
    seq: int
    created_at: str
    updated_at: str
    last_device: str
    last_clean: bool

    @classmethod
    def from_db(cls, row: tuple[Any, ...]) -> _Row:
        pk, table, record_id, data, version, meta, deleted, key, seq, created, updated, \
            device, clean = row
        if isinstance(meta, str):
            meta = json.loads(meta)
        return cls(pk, table, record_id, json.loads(data), int(version), meta or {},
                   bool(deleted), key, int(seq), created, updated, device, bool(clean))

    def values(self) -> tuple[Any, ...]:
        return (self.table, self.record_id,
                _json_text(self.data), self.version, _json_text(self.field_meta),
                self.deleted, self.scope_key, self.seq, self.created_at, self.updated_at,
                self.last_device, self.last_clean)


def _load_rows(table: str, wanted: Iterable[str]) -> Iterable[_Row]:
    for row in _rows_in(_LOAD_ROWS, (table,), wanted):
        yield _Row.from_db(row)


#: Reads a push makes many of, by the (table, record_id) or (device_id, op_id) key: SQL text
#: with ``{m}`` for the parameter mark, completed by ``_rows_in`` with ``IN (...)`` and built
#: once per size (peewee would build each again for every push).
_LOAD_ROWS = ("SELECT " + ", ".join(_quoted(f.column_name) for f in _ROW_COLUMNS)
              + ' FROM "record" WHERE "table" = {m} AND "record_id"')
_RECORD_KEYS = 'SELECT "record_id", "scope_key" FROM "record" WHERE "table" = {m} AND "record_id"'
_RECORD_VERSIONS = ('SELECT "record_id", "version", "scope_key" FROM "record" WHERE "table" = {m} '
                    'AND "record_id"')
_STORED_RESULTS = 'SELECT "op_id", "result" FROM "op_record" WHERE "device_id" = {m} AND "op_id"'


@functools.lru_cache(maxsize=256)
def _in_sql(head: str, size: int, mark: str) -> str:
    return f"{head.format(m=mark)} IN ({', '.join([mark] * size)})"


def _rows_in(head: str, fixed: tuple[Any, ...], wanted: Iterable[str]
             ) -> Iterable[tuple[Any, ...]]:
    """Rows of ``head`` (SQL ending in the column compared) for the values ``wanted``, in
    chunks of at most 500 parameters."""
    db = server_db.obj
    for chunk in _chunks(sorted(wanted), 500):
        yield from db.execute_sql(_in_sql(head, len(chunk), db.param),
                                  (*fixed, *chunk)).fetchall()


def _run_many(sql: str, rows: list[tuple[Any, ...]]) -> None:
    """One statement over many parameter rows, without building SQL per row."""
    db = server_db.obj
    cursor = db.cursor()
    if is_postgres(db):
        from psycopg2.extras import execute_batch

        execute_batch(cursor, sql, rows, page_size=500)
    else:
        cursor.executemany(sql, rows)


def _insert_many(head: str, width: int, rows: list[tuple[Any, ...]], tail: str = "") -> None:
    """``INSERT … VALUES`` of many rows: on PostgreSQL one statement with a row per value
    list (one parse and plan, not one per row); SQLite runs its prepared statement per
    row, which costs it less than a long statement would."""
    if not rows:
        return
    db = server_db.obj
    if is_postgres(db):
        from psycopg2.extras import execute_values

        execute_values(db.cursor(), f"{head} VALUES %s {tail}", rows, page_size=500)
    else:
        db.cursor().executemany(
            f"{head} VALUES ({', '.join(db.param for _ in range(width))}) {tail}", rows)


def _insert_rows(model: type[peewee.Model], columns: tuple[str, ...],
                 rows: list[tuple[Any, ...]], *, ignore_existing: bool = False) -> None:
    _insert_many(f"INSERT INTO {_quoted(model._meta.table_name)} "
                 f"({', '.join(_quoted(c) for c in columns)})", len(columns), rows,
                 "ON CONFLICT DO NOTHING" if ignore_existing else "")


def _update_rows(model: type[peewee.Model], columns: tuple[str, ...],
                 rows: list[tuple[Any, ...]]) -> None:
    """Rows of column values followed by the primary key."""
    if not rows:
        return
    mark = server_db.obj.param
    sets = ", ".join(f"{_quoted(c)} = {mark}" for c in columns)
    _run_many(f"UPDATE {_quoted(model._meta.table_name)} SET {sets} WHERE "
              f"{_quoted(model._meta.primary_key.column_name)} = {mark}", rows)


def _upsert_attachment_blobs(rows: list[tuple[str, str, str]]) -> None:
    if not rows:
        return
    # Each record once (``blob_refs`` is keyed by it): one statement may not update a row
    # twice.
    _insert_many('INSERT INTO "attachment_blob" ("record_id", "sha256", "scope_key")', 3, rows,
                 'ON CONFLICT ("record_id") DO UPDATE SET "sha256" = excluded."sha256", '
                 '"scope_key" = excluded."scope_key"')


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass
class PreparedPush:
    """A batch of pushed operations worked out without the lock, waiting to be committed
    under it (module docstring): ``commit`` inside a write transaction, then ``results``
    and ``high`` are the answer."""

    caller: Caller
    ops: list[Op]
    batch: _Batch
    results: list[OpResult]
    high: int = 0

    @property
    def writes(self) -> bool:
        """Whether there is anything to commit (not only replays, answered already)."""
        return self.batch.writes

    def commit(self) -> int:
        """Under the sequence lock: write the batch, worked out again first if anything it
        was worked out against has changed; returns the new high-water mark."""
        if not self.batch.still_valid():
            metrics.REDONE.inc()
            self.batch, self.results = _work_out(self.caller, self.ops)
        self.high = self.batch.flush()
        return self.high

    def count(self) -> None:
        """The operations' results in the metrics, once committed."""
        fresh = {op_id for _device, op_id, _text in self.batch.results}
        # Once per outcome, not per operation: a counter shared by the worker processes
        # writes a file each time it moves.
        outcomes = collections.Counter(result.status.value if result.op_id in fresh
                                       else "replayed" for result in self.results)
        for outcome, times in outcomes.items():
            metrics.PUSH_OPS.labels(outcome).inc(times)


def prepare_push(caller: Caller, ops: list[Op]) -> PreparedPush:
    """Work out a push without the sequence lock; a push of replays only is answered
    already (its ``high`` is set), any other must be committed."""
    batch, results = _work_out(caller, ops)
    prepared = PreparedPush(caller, ops, batch, results)
    if not prepared.writes:  # replays only: their answers are stored already
        prepared.high = high_seq()
    return prepared


def push(caller: Caller, ops: list[Op]) -> tuple[list[OpResult], int]:
    """Apply a batch of operations in order, committed on its own; each gets its own
    result. (The server commits pushes arriving together in one transaction:
    ``group_commit``.)"""
    prepared = prepare_push(caller, ops)
    if prepared.writes:
        with write_transaction():
            prepared.commit()
        prepared.count()
    return prepared.results, prepared.high


def _work_out(caller: Caller, ops: list[Op]) -> tuple[_Batch, list[OpResult]]:
    """Every operation checked, authorised and merged against the database as it is now,
    and its effects staged in a batch; nothing written."""
    results: list[OpResult] = []
    stored: dict[str, OpResult] = {}
    for op_id, text in _rows_in(_STORED_RESULTS, (caller.device_id,), [op.op_id for op in ops]):
        stored[op_id] = OpResult.model_validate_json(text)
    batch = _Batch(caller, ops)
    for op in ops:
        if op.op_id in stored:
            results.append(stored[op.op_id])
            continue
        try:
            result = _apply(batch, op)
        except peewee.DatabaseError:
            raise  # the connection is unusable: the whole batch fails and is sent again
        except Exception:  # noqa: BLE001 - one bad operation must not fail the batch
            # Nothing of it was staged (``_apply`` stages only at its end), and its
            # result is not stored, so the client sends it again later.
            log.exception("operation %s failed", op.op_id)
            result = reject(op.op_id, RejectReason.SERVER_ERROR)
        else:
            batch.results.append((caller.device_id, op.op_id, result.model_dump_json()))
        stored[op.op_id] = result
        results.append(result)
    return batch, results


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or value is False


def _owned_problems(batch: _Batch, rule: TableSchema, rec: _Row | None,
                    changes: dict[str, Any]) -> list[Problem]:
    """Fields the caller may not set: the server's own, and the centre's for officers.

    Sending the value the record already holds (or, for a new record, an empty one) is not
    setting it: a laptop creating a request sends every column, the centre's included.
    """
    owned = rule.server_owned | (frozenset() if batch.caller.role == "center"
                                 else rule.centre_owned)
    mine = [batch.caller.officer_id]
    out = []
    for name in owned & changes.keys():
        value = changes[name]
        # A list naming only the caller is not setting anybody else (an officer who finds a
        # new enterprise looks after it).
        same = (rec.data.get(name) == value or (name not in rec.data and _empty(value))
                if rec is not None else _empty(value) or value == mine)
        if not same:
            out.append(Problem(name, "server_owned" if name in rule.server_owned
                               else "centre_owned"))
    for name, guard in rule.frozen_once.items():
        if (name in changes and rec is not None and rec.data.get(guard) is not None
                and changes[name] != rec.data.get(name)):
            out.append(Problem(name, "server_owned"))
    return out


def _reference_problems(batch: _Batch, rule: TableSchema, changes: dict[str, Any],
                        merged: dict[str, Any], own_key: str) -> list[Problem]:
    """Every record an operation names must exist and be one the caller may see; a parent
    (a visit of a follow-up, the owner of an attachment) must be in the record's own
    enterprise, or its officers would hold a child they can never hold the parent of."""
    out = []
    named = [(column, table, changes.get(column)) for column, table in rule.refs.items()]
    if rule.owner_ref is not None and any(c in changes for c in rule.owner_ref):
        owner_table, owner_id = (merged.get(c) for c in rule.owner_ref)
        if owner_table not in SCHEMA:
            return [Problem(rule.owner_ref[0], "choice")]
        named.append((rule.owner_ref[1], owner_table, owner_id))
    for column, table, value in named:
        if not isinstance(value, str) or not value:
            continue
        key = batch.ref_scope(table, value)
        if key is None:
            out.append(Problem(column, "reference_missing"))
        elif SCHEMA[table].scope == ALL:
            continue
        elif not batch.in_scope(key):
            out.append(Problem(column, "reference_out_of_scope"))
        elif (column in rule.parents or column == (rule.owner_ref or ("", ""))[1]) \
                and rule.scope not in (SELF, ALL) and key != own_key:
            out.append(Problem(column, "reference_other_enterprise"))
    return out


def _authorise(batch: _Batch, op: Op, rule: TableSchema, rec: _Row | None,
               current: dict[str, Any], merged: dict[str, Any]) -> OpResult | None:
    caller = batch.caller
    if not caller.can_write:
        return reject(op.op_id, RejectReason.READ_ONLY)
    if rule.writers is Writers.APPEND:
        # Whoever wrote an entry, nobody changes or deletes it afterwards, not even the
        # centre; and an entry speaks for its author only.
        if rec is not None:
            return reject(op.op_id, RejectReason.READ_ONLY, [Problem(op.table, "append_only")])
        # An entry made before anybody signed in names nobody; one naming someone else
        # would be speaking for them.
        if rule.owner_column and merged.get(rule.owner_column) not in ("", caller.officer_id):
            return reject(op.op_id, RejectReason.OUT_OF_SCOPE)
        # A county-wide entry (a pass revocation) is anyone's to add; what it names must be
        # a record the caller may see, which the reference check enforces.
        if rule.scope == ALL and rule.refs:
            return None
    if caller.role == "center":
        return None
    if rule.writers is Writers.CENTRE:
        return reject(op.op_id, RejectReason.FIELD_NOT_ALLOWED)
    if rule.writers is Writers.OWN:
        if op.record_id != caller.officer_id:
            return reject(op.op_id, RejectReason.OUT_OF_SCOPE)
        return None
    if rule.scope == SELF and rec is None:
        return None  # a new enterprise found by the officer becomes theirs
    keys = {rule.scope_key(op.record_id, merged)}
    if rec is not None:
        keys.add(rec.scope_key)
    if not all(batch.in_scope(k) for k in keys):
        return reject(op.op_id, RejectReason.OUT_OF_SCOPE)
    return None


def _apply(batch: _Batch, op: Op) -> OpResult:
    """Work out one operation against the batch's view and stage its effects.

    Everything up to the staging block at the end only reads, so an operation that fails
    half-way leaves no trace in the batch. Every pushed field is checked against the
    declared schema first: a value another device could not read is never stored.
    """
    rule = SCHEMA.get(op.table)
    if rule is None:
        return reject(op.op_id, RejectReason.UNKNOWN_TABLE)
    if len(op.record_id) > ID_MAX:  # the laptops' keys are no longer than that
        return reject(op.op_id, RejectReason.INVALID, [Problem("id", "id")])
    changes = {k: v for k, v in op.changes.items() if k not in BOOKKEEPING}
    caller = batch.caller
    rec = batch.records.get((op.table, op.record_id))
    if rec is not None and op.creating:
        # A record whose id is derived from its key (a document number, a setting) created
        # on two laptops offline: the second create sends the server's and the centre's
        # columns empty, as every create does. That is not clearing what they set since.
        owned = rule.server_owned | (frozenset() if caller.role == "center"
                                     else rule.centre_owned)
        changes = {k: v for k, v in changes.items() if k not in owned or not _empty(v)}
    current: dict[str, Any] = rec.data if rec is not None else {}
    merged_view = {**current, **changes}
    if rule.scope not in (SELF, ALL) and not rule.scope_key(op.record_id, merged_view):
        return reject(op.op_id, RejectReason.INVALID, [Problem(rule.scope, "scope_missing")])
    # Who may write comes first: a refusal for scope says more than one for a bad value.
    refused = _authorise(batch, op, rule, rec, current, merged_view)
    if refused is not None:
        return refused
    problems = ([] if op.op_id in batch.well_formed
                else rule.check(changes, creating=rec is None))
    if problems:
        return reject(op.op_id, RejectReason.INVALID, problems)
    problems = _owned_problems(batch, rule, rec, changes)
    if problems:
        return reject(op.op_id, RejectReason.FIELD_NOT_ALLOWED, problems)
    problems = _reference_problems(batch, rule, changes, merged_view,
                                   rule.scope_key(op.record_id, merged_view))
    if problems:
        return reject(op.op_id, RejectReason.OUT_OF_SCOPE if any(
            p.code == "reference_out_of_scope" for p in problems) else RejectReason.INVALID,
            problems)
    content = CONTENT_CHECKS.get(op.table)
    problems = content(batch, merged_view) if content is not None else []
    if problems:
        return reject(op.op_id, RejectReason.INVALID, problems)
    sha = changes.get("sha256") if op.table == "attachment" else None
    if sha is not None and sha != current.get("sha256") and not batch.may_name_blob(sha):
        return reject(op.op_id, RejectReason.INVALID, [Problem("sha256", "not_uploaded")])
    code = _uscc(merged_view) if op.table == "enterprise" else ""
    if code and batch.uscc_owner(code) not in (None, op.record_id):
        return reject(op.op_id, RejectReason.DUPLICATE_USCC)

    version = (rec.version + 1) if rec is not None else 1
    old_meta: dict[str, list[Any]] = rec.field_meta if rec is not None else {}
    meta = dict(old_meta)
    data = dict(current)
    conflicts: list[FieldConflict] = []
    me = [version, caller.device_id, caller.role]

    def concurrent(name: str) -> list[Any] | None:
        m = old_meta.get(name)
        if m and m[0] > op.base_version and m[1] != caller.device_id:
            return m
        return None

    others_changed = rec is not None and any(
        m[0] > op.base_version and m[1] != caller.device_id for m in old_meta.values())
    # What the server stamped itself (a letter's number, a receipt time) is no edit a
    # person made: a delete that missed only that throws nothing away.
    others_edited = rec is not None and any(
        m[0] > op.base_version and m[1] not in (caller.device_id, "server")
        for m in old_meta.values())
    if rec is not None and not rec.deleted and changes.get("deleted") is True and others_edited:
        # A delete made without seeing someone else's later edit: deleting would throw that
        # edit away unseen. Both are kept, the record stays, and a person decides.
        conflicts.append(FieldConflict(field="deleted", yours=True, theirs=False,
                                       kept="theirs", policy=Policy.LAST_WRITER))
        changes = {k: v for k, v in changes.items() if k != "deleted"}
    for name, value in changes.items():
        other = concurrent(name) if name in current else None
        if other is not None and current.get(name) != value:
            policy = rule.policy(name)
            mine = _wins(policy, caller.role, other[2])
            conflicts.append(FieldConflict(field=name, yours=value, theirs=current.get(name),
                                           kept="yours" if mine else "theirs", policy=policy))
            if not mine:
                continue
        if current.get(name) != value or name not in current:
            data[name] = value
            meta[name] = me
    if rec is not None and rec.deleted and "deleted" not in changes and concurrent("deleted"):
        # An edit to a record someone else deleted: keep the edit, keep it deleted, and say so.
        conflicts.append(FieldConflict(field="deleted", yours=False, theirs=True,
                                       kept="theirs", policy=Policy.LAST_WRITER))
    if conflicts:
        status = OpStatus.CONFLICT
    elif others_changed:
        status = OpStatus.MERGED
    else:
        status = OpStatus.APPLIED
    clean = status is OpStatus.APPLIED and (
        rec is None or rec.version == op.base_version
        or (rec.last_clean and rec.last_device == caller.device_id))
    deleted = bool(data.get("deleted", False))
    hook = AFTER_APPLY.get(op.table)
    # Worked out before staging: a hook that fails leaves the batch untouched, like any op.
    centre = hook(batch, op.record_id, data, deleted) if hook is not None else {}
    if rule.server_owned and rec is None:
        # What only the server sets starts out as the server says: a receipt time.
        centre = {**centre, **_server_stamps(rule, batch)}
    key = rule.scope_key(op.record_id, data)
    changes_text = _json_text(changes)
    conflict_rows = [(op.table, op.record_id, c.field, _json_text(c.yours),
                      _json_text(c.theirs), c.kept, op.op_id, batch.stamp)
                     for c in conflicts]
    result = OpResult(op_id=op.op_id, status=status, version=version, conflicts=conflicts)

    # -- staging: nothing below can fail on the operation's content ----------------------
    seq = batch.counter.next()
    old_key = rec.scope_key if rec is not None else None
    if rec is None:
        rec = _Row(None, op.table, op.record_id, data, version, meta, deleted, key, seq,
                   (op.device_time or batch.now)[:40], batch.now, caller.device_id, clean)
        batch.records[(op.table, op.record_id)] = rec
        if op.table == "enterprise" and caller.role == "liaison":
            batch.assignments.append((caller.user_id, op.record_id, seq))
            if batch.scope is not None:
                batch.scope.add(op.record_id)
    else:
        rec.data, rec.version, rec.field_meta, rec.deleted = data, version, meta, deleted
        rec.scope_key, rec.seq, rec.updated_at = key, seq, batch.now
        rec.last_device, rec.last_clean = caller.device_id, clean
    batch.dirty[(op.table, op.record_id)] = rec
    if code and batch.codes.get(code) is None:
        batch.codes[code] = op.record_id
        batch.new_codes[code] = op.record_id
    batch.changes.append((seq, op.table, op.record_id, version, op.base_version, op.op_id,
                          caller.username, caller.device_id, op.device_time[:40], batch.stamp,
                          status.value, changes_text))
    batch.conflicts.extend(conflict_rows)
    _staged(batch, rec, old_key)
    if centre:
        _stage_centre_change(batch, rec, centre)
    return result


def _server_stamps(rule: TableSchema, batch: _Batch) -> dict[str, Any]:
    return {name: batch.now for name in rule.server_owned
            if rule.fields[name].kind == "datetime"}


def _staged(batch: _Batch, rec: _Row, old_key: str | None) -> None:
    """Bookkeeping that follows a record's new state: the file it names, the scope it left
    (its old scope's devices are told; its children follow it), the letter number taken."""
    if rec.table == "attachment":
        sha = rec.data.get("sha256")
        if isinstance(sha, str):
            batch.blob_refs[rec.record_id] = (sha, rec.scope_key)
    if old_key is not None and old_key != rec.scope_key and SCHEMA[rec.table].scope != ALL:
        batch.exits.append((rec.seq, rec.table, rec.record_id, old_key))
        _move_children(batch, rec, old_key)


def _move_children(batch: _Batch, parent: _Row, old_key: str) -> None:
    """Records under a moved record (a visit's follow-ups, its photos) carry its enterprise
    for their scope: they move with it, as the centre's change, so nobody keeps half of it.
    Rare (the centre moving a record), so the children are found by their text."""
    for table, rule in SCHEMA.items():
        columns = [c for c, t in rule.parents.items() if t == parent.table]
        if rule.owner_ref is not None:
            columns.append(rule.owner_ref[1])
        if not columns or rule.scope in (SELF, ALL) or rule.scope in columns:
            continue
        query = (Record.select(*_ROW_COLUMNS)
                 .where((Record.table == table) & (Record.scope_key == old_key)
                        & Record.data.contains(parent.record_id)))
        for raw in query.tuples():
            child = batch.records.get((table, raw[2])) or batch.remember(_Row.from_db(raw))
            owned = (rule.owner_ref is not None
                     and child.data.get(rule.owner_ref[0]) == parent.table
                     and child.data.get(rule.owner_ref[1]) == parent.record_id)
            if (owned or any(child.data.get(c) == parent.record_id for c in rule.parents
                             if rule.parents[c] == parent.table)) \
                    and child.scope_key == old_key:
                batch.records[(table, child.record_id)] = child
                _stage_centre_change(batch, child, {rule.scope: parent.data.get(
                    SCHEMA[parent.table].scope, parent.scope_key)})


def _stage_centre_change(batch: _Batch, rec: _Row, changes: dict[str, Any]) -> None:
    """Stage the server's own change right after an op's: a version and sequence of its own,
    made as the centre, so it wins like a centre edit and is pulled back by every device,
    the pushing one included. The op's stored result keeps the op's version, so a replay
    answers the same and the change is not made twice."""
    version = rec.version + 1
    for name, value in changes.items():
        rec.data[name] = value
        rec.field_meta[name] = [version, "server", "center"]
    seq = batch.counter.next()
    old_key = rec.scope_key
    rec.version, rec.seq, rec.updated_at = version, seq, batch.now
    rec.scope_key = SCHEMA[rec.table].scope_key(rec.record_id, rec.data)
    rec.last_device, rec.last_clean = "server", False
    batch.dirty[(rec.table, rec.record_id)] = rec
    batch.changes.append((seq, rec.table, rec.record_id, version, version - 1, "", "server",
                          "server", "", batch.stamp, OpStatus.APPLIED.value,
                          json.dumps(changes, ensure_ascii=False)))
    number = changes.get("registration_no")
    if rec.table == "request" and isinstance(number, int):
        year = int(rec.data["registration_year"])
        batch.letters.append((year, number, rec.record_id))
        batch.hook_cache[("letter_max", year)] = max(batch.letter_max(year), number)
    number = changes.get("number")
    if rec.table == "document_number" and isinstance(number, int):
        series, year = str(rec.data["series"]), int(rec.data["year"])
        batch.documents.append((series, year, number, rec.record_id))
        batch.hook_cache[("document_max", series, year)] = max(
            batch.document_max(series, year), number)
    _staged(batch, rec, old_key)


def _uscc(data: dict[str, Any]) -> str:
    """The enterprise's code as the server keys it (the column holds 18 characters)."""
    return str(data.get("uscc") or "").strip().upper()[:18]


def server_write(*, table: str, record_id: str, data: dict[str, Any],
                 counter: SeqCounter) -> Record:
    """A change made on the server itself (import, assignment, account): the centre's."""
    rec = Record.get_or_none((Record.table == table) & (Record.record_id == record_id))
    now = _now_iso()
    before = (rec.version, rec.scope_key) if rec is not None else None
    if rec is None:
        rec = Record(table=table, record_id=record_id, created_at=now, version=0,
                     field_meta={}, data="{}")
    current = json.loads(rec.data)
    version = rec.version + 1
    meta = dict(rec.field_meta)
    for name, value in data.items():
        if current.get(name) != value or name not in current:
            current[name] = value
            meta[name] = [version, "server", "center"]
    seq = counter.next()
    rec.data = json.dumps(current, ensure_ascii=False, separators=(",", ":"))
    rec.version = version
    rec.field_meta = meta
    rec.deleted = bool(current.get("deleted", False))
    rec.scope_key = SCHEMA[table].scope_key(record_id, current)
    rec.seq = seq
    rec.updated_at = now
    rec.last_device = "server"
    rec.last_clean = False
    rec.save(force_insert=rec.id is None)
    counts: dict[tuple[str, str], list[int]] = {}
    _count_move(counts, table, before, (version, rec.scope_key))
    _add_counts(counts)
    if table == "enterprise" and current.get("uscc"):
        EnterpriseCode.insert(uscc=str(current["uscc"]).upper()[:18], enterprise_id=record_id
                              ).on_conflict_ignore().execute()
    if table == "attachment" and isinstance(current.get("sha256"), str):
        _upsert_attachment_blobs([(record_id, current["sha256"], rec.scope_key)])
    ChangeLog.insert(seq=seq, table=table, record_id=record_id, version=version,
                     base_version=version - 1, op_id="", username="server", device_id="server",
                     device_time="", status="applied",
                     changes=json.dumps(data, ensure_ascii=False)).execute()
    return rec



def server_write_many(*, table: str, rows: Sequence[tuple[str, dict[str, Any]]],
                      counter: SeqCounter) -> None:
    """``server_write`` for many records of one table, in a few statements instead of a
    handful per record (phone submissions arrive by the hundred at a meeting): the same
    versions, field metadata, sequence numbers, counts and change log."""
    if table in ("enterprise", "attachment"):  # with side tables of their own: one by one
        for record_id, data in rows:
            server_write(table=table, record_id=record_id, data=data, counter=counter)
        return
    existing = {r.record_id: r for r in _load_rows(table, {rid for rid, _d in rows})}
    now = _now_iso()
    stamp = utcnow()
    rule = SCHEMA[table]
    touched: dict[str, _Row] = {}
    log_rows: list[tuple[Any, ...]] = []
    counts: dict[tuple[str, str], list[int]] = {}
    for record_id, data in rows:
        rec = existing.get(record_id)
        before = (rec.version, rec.scope_key) if rec is not None else None
        if rec is None:
            rec = existing[record_id] = _Row(None, table, record_id, {}, 0, {}, False, "", 0,
                                             now, now, "", False)
        touched[record_id] = rec
        version = rec.version + 1
        for name, value in data.items():
            if rec.data.get(name) != value or name not in rec.data:
                rec.data[name] = value
                rec.field_meta[name] = [version, "server", "center"]
        rec.version, rec.seq, rec.updated_at = version, counter.next(), now
        rec.deleted = bool(rec.data.get("deleted", False))
        rec.scope_key = rule.scope_key(record_id, rec.data)
        rec.last_device, rec.last_clean = "server", False
        _count_move(counts, table, before, (version, rec.scope_key))
        log_rows.append((rec.seq, table, record_id, version, version - 1, "", "server",
                         "server", "", stamp, "applied", json.dumps(data, ensure_ascii=False)))
    _insert_rows(Record, _RECORD_WRITE, [r.values() for r in touched.values() if r.pk is None])
    _update_rows(Record, _RECORD_WRITE,
                 [(*r.values(), r.pk) for r in touched.values() if r.pk is not None])
    _add_counts(counts)
    _insert_rows(ChangeLog, _CHANGE_COLUMNS, log_rows)

# -- files -----------------------------------------------------------------------------------
def readable_blobs(hashes: list[str], caller: Caller) -> set[str]:
    """Which of ``hashes`` the caller may read: whole-county callers any file; an officer a
    file they uploaded, or one a record in their scope names (and such a record could only
    name it if its author held the file)."""
    if caller.whole_county:
        return set(hashes)
    keys = visible_keys(caller) or []
    out: set[str] = set()
    for chunk in _chunks(sorted(set(hashes)), 500):
        out.update(sha for (sha,) in BlobUpload.select(BlobUpload.sha256).where(
            BlobUpload.sha256.in_(chunk) & (BlobUpload.user == caller.user_id)).tuples())
        out.update(sha for (sha,) in AttachmentBlob.select(AttachmentBlob.sha256).where(
            AttachmentBlob.sha256.in_(chunk) & AttachmentBlob.scope_key.in_(keys)).tuples())
    return out


def blob_readable(sha: str, caller: Caller) -> bool:
    return sha in readable_blobs([sha], caller)


# -- pull ------------------------------------------------------------------------------------
def scope_of(caller: Caller) -> list[str] | None:
    """The caller's enterprises as they are now (None: the whole county)."""
    return None if caller.whole_county else assigned_enterprises(caller.user_id)


def scope_at_sign_in(caller: Caller) -> list[str] | None:
    """The caller's enterprises as read with its token a moment ago (one read fewer); for
    what need not agree with a later snapshot, or is checked again under the lock."""
    if caller.whole_county:
        return None
    return list(caller.assigned) if caller.assigned is not None else scope_of(caller)


def visible_keys(caller: Caller, scope: list[str] | None = None) -> list[str] | None:
    """The scope keys an officer sees: their enterprises and their own private records."""
    if caller.whole_county:
        return None
    scope = scope if scope is not None else assigned_enterprises(caller.user_id)
    return [*scope, officer_scope(caller.officer_id)]


def scope_hash(caller: Caller, scope: list[str] | None) -> str:
    # Version 2: private records (audit entries) became officers' own; every officer's
    # laptop pulls its scope again once and drops what it no longer sees.
    text = caller.role + "|" + ("*" if scope is None else ",".join(sorted(scope)) + "|2")
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _row_json(rec: Any) -> str:
    # The stored data is already JSON: splice it in rather than parse and re-encode.
    deleted = "true" if rec.deleted else "false"
    return (f'{{"table":{json.dumps(rec.table)},"id":{json.dumps(rec.record_id)},'
            f'"version":{int(rec.version)},"deleted":{deleted},'
            f'"created_at":{json.dumps(rec.created_at)},"updated_at":{json.dumps(rec.updated_at)},'
            f'"data":{rec.data}}}')


class PullRow(NamedTuple):
    table: str
    record_id: str
    version: int
    deleted: bool
    created_at: str
    updated_at: str
    data: str
    seq: int


class ResyncRequired(Exception):
    """The caller's cursor (or outbox) is older than what the server still keeps: it must
    pull everything again (it keeps its outbox and sends it afterwards)."""


#: The tables every caller sees, as SQL literals (names of our own: nothing to escape).
_EVERYONE = ", ".join(f"'{t}'" for t in sorted(ALL_TABLES))
_PAGE_SELECT = ('SELECT "table", "record_id", "version", "deleted", "created_at", '
                '"updated_at", "data", "seq" FROM "record"')


@functools.lru_cache(maxsize=512)
def _page_sql(keys: int | None, tables: int, own: bool, mark: str) -> str:
    """The page query, built once per shape. An officer's reads each of their scope keys
    through the ``(scope_key, seq)`` index, one branch per key (and one for the records
    everyone sees), each stopping after the page's length: the caller's own changes only,
    however many the rest of the province made meanwhile. A whole-county caller reads the
    ``seq`` index."""
    extra = ""
    if tables:
        extra += f' AND "table" IN ({", ".join(mark for _ in range(tables))})'
    if not own:
        extra += f' AND NOT ("last_device" = {mark} AND "last_clean")'
    if keys is None:
        return f'{_PAGE_SELECT} WHERE "seq" > {mark}{extra} ORDER BY "seq" LIMIT {mark}'
    branch = (f'SELECT * FROM ({_PAGE_SELECT} WHERE "scope_key" = {mark} AND "seq" > {mark}'
              f'{{filter}}{extra} ORDER BY "seq" LIMIT {mark}) AS b{{n}}')
    parts = [branch.format(filter="", n=n) for n in range(keys)]
    parts.append(branch.format(filter=f' AND "table" IN ({_EVERYONE})', n=keys))
    return f'SELECT * FROM ({" UNION ALL ".join(parts)}) AS page ORDER BY "seq" LIMIT {mark}'


def _page(caller: Caller, req: PullRequest, keys: list[str] | None, *,
          limit: int | None = None) -> list[PullRow]:
    """The page's records after ``req.since`` and one more (to tell whether there are more);
    ``limit`` instead of the request's."""
    db = server_db.obj
    limit = (req.limit if limit is None else limit) + 1
    extra: list[Any] = [*req.tables]
    if not req.include_own:
        extra.append(caller.device_id)
    if keys is None:
        params: list[Any] = [req.since, *extra, limit]
    else:
        params = []
        for key in [*keys, ""]:
            params += [key, req.since, *extra, limit]
        params.append(limit)
    shape = (None if keys is None else len(keys), len(req.tables), req.include_own)
    sql = _page_sql(*shape, db.param)
    name = "liaison_page_{}_{}_{}".format(*("all" if n is None else int(n) for n in shape))
    return [PullRow(*row) for row in statements.run_prepared(name, sql, params).fetchall()]


def pull_page(caller: Caller, req: PullRequest) -> tuple[str, int]:
    """One page of changes after ``req.since``, as a JSON document (see PullResponse), and
    how many records it holds.

    Raises ``ResyncRequired`` for an officer's cursor older than the oldest scope exit the
    server keeps: the records that left its scope since then can no longer be named.
    """
    with read_snapshot():  # one snapshot for the page, its parents, what left and the counts
        scope = scope_of(caller)
        keys = visible_keys(caller, scope)
        meta = meta_values("seq", "exits_pruned_seq")
        high = meta["seq"]
        if keys is not None and 0 < req.since < meta["exits_pruned_seq"]:
            raise ResyncRequired
        # Nothing committed after the snapshot's high-water mark is visible in it: a device
        # that is up to date costs no page query.
        rows = _page(caller, req, keys) if req.since < high else []
        more = len(rows) > req.limit
        rows = rows[:req.limit]
        nxt = rows[-1].seq if more else max(high, req.since)
        parents = _missing_parents(rows, keys, after=None if req.tables else nxt)
        gone = (_gone(keys, since=req.since, upto=nxt)
                if not req.tables and nxt > req.since else [])
        counts = _counts(keys) if (req.want_counts and not more) else None
    parts = [_row_json(r) for r in parents] + [_row_json(r) for r in rows]
    return _page_body(caller, scope, parts, nxt=nxt, more=more, high=high, counts=counts,
                      gone=gone), len(parts)


def nothing_new(caller: Caller, req: PullRequest) -> str | None:
    """The page for a device that has nothing to receive, or None when there may be
    something (then ``pull_page``). Reads only, each through an index: the caller's
    enterprises and the high-water mark; for an officer behind the mark, whether anything
    of their scope changed or left it since their cursor.

    In a province the mark moves many times a second, nearly always by other officers'
    enterprises: such an officer gets an empty page that moves the cursor to the mark. That
    is safe without a snapshot: sequence numbers are given in commit order, so once the mark
    is read every change up to it is committed and visible to the reads after it. The
    enterprises and the mark come from one statement, the token's."""
    scope = scope_at_sign_in(caller)
    # Read with the caller's token when it was authenticated, a moment ago.
    meta = ({"seq": caller.high_seq, "exits_pruned_seq": caller.exits_pruned_seq}
            if caller.high_seq >= 0 else meta_values("seq", "exits_pruned_seq"))
    high = meta["seq"]
    if scope is not None and 0 < req.since < meta["exits_pruned_seq"]:
        raise ResyncRequired
    if req.since < high:
        keys = visible_keys(caller, scope)
        if (keys is None or _page(caller, req, keys, limit=1)
                or _gone(keys, since=req.since, upto=high)):
            return None
    return _page_body(caller, scope, [], nxt=max(high, req.since), more=False, high=high,
                      counts=None, gone=[])


def _page_body(caller: Caller, scope: list[str] | None, parts: list[str], *, nxt: int,
               more: bool, high: int, counts: dict[str, dict[str, int]] | None,
               gone: list[dict[str, str]]) -> str:
    more_text = "true" if more else "false"
    return (f'{{"records":[{",".join(parts)}],"next":{nxt},"more":{more_text},'
            f'"high_seq":{high},"scope_hash":{json.dumps(scope_hash(caller, scope))},'
            f'"scope":{json.dumps(scope)},"counts":{json.dumps(counts)},'
            f'"gone":{json.dumps(gone)}}}')


def _gone(keys: list[str] | None, *, since: int, upto: int) -> list[dict[str, str]]:
    """Records that left the caller's scope in (since, upto] and are not back in it."""
    if keys is None:
        return []
    db = server_db.obj
    mark = db.param
    visible = set(keys)
    exits = db.execute_sql(
        'SELECT "table", "record_id" FROM "scope_exit" WHERE "seq" > ' + mark
        + ' AND "seq" <= ' + mark + ' AND "old_scope_key" IN ('
        + ", ".join(mark for _ in keys) + ")", (since, upto, *keys)).fetchall()
    out: list[dict[str, str]] = []
    by_table: dict[str, set[str]] = {}
    for table, record_id in exits:
        by_table.setdefault(table, set()).add(record_id)
    for table, ids in by_table.items():
        for rid, key in _rows_in(_RECORD_KEYS, (table,), ids):
            if key not in visible:
                out.append({"table": table, "id": rid})
    return out


def _missing_parents(rows: list[PullRow], keys: list[str] | None, *, after: int | None
                     ) -> list[PullRow]:
    """Parents the page refers to that the client cannot have yet (they come in a later page,
    or a table filter left them out): sent first, in the same page."""
    have = {(r.table, r.record_id) for r in rows}
    found: list[PullRow] = []
    frontier = rows
    while frontier:
        wanted: dict[str, set[str]] = {}
        for r in frontier:
            rule = SCHEMA.get(r.table)
            if rule is None or not rule.parents:
                continue
            data = json.loads(r.data)
            for fld, parent_table in rule.parents.items():
                pid = data.get(fld)
                if pid and (parent_table, pid) not in have:
                    wanted.setdefault(parent_table, set()).add(str(pid))
        frontier = []
        for table, ids in wanted.items():
            # SQL by hand: on a busy server this runs for nearly every page.
            where = ['"table" = {m}']
            params: list[Any] = [table]
            if after is not None:
                where.append('"seq" > {m}')
                params.append(after)
            if keys is not None:
                where.append(f'("scope_key" IN ({", ".join("{m}" for _ in keys)}) OR "table" '
                             f'IN ({_EVERYONE}))')
                params += keys
            head = f'{_PAGE_SELECT} WHERE {" AND ".join(where)} AND "record_id"'
            for row in _rows_in(head, tuple(params), ids):
                rec = PullRow(*row)
                have.add((rec.table, rec.record_id))
                frontier.append(rec)
        # Grandparents before parents before children.
        found = frontier + found
    return found


def _counts(keys: list[str] | None) -> dict[str, dict[str, int]]:
    """Per table, the records the caller sees (tombstones included) and the sum of their
    versions, from the counts every write keeps (``scope_count``), not from the records."""
    db = server_db.obj
    mark = db.param
    if keys is None:
        rows = db.execute_sql('SELECT "table", "count", "version_sum" FROM "scope_count" '
                              "WHERE \"scope_key\" = '*'").fetchall()
    else:
        rows = db.execute_sql(
            'SELECT "table", SUM("count"), SUM("version_sum") FROM "scope_count" WHERE '
            f'"scope_key" IN ({", ".join(mark for _ in keys)}) OR ("scope_key" = \'\' AND '
            f'"table" IN ({_EVERYONE})) GROUP BY "table"', keys).fetchall()
    return {table: {"count": int(count), "version_sum": int(total or 0)}
            for table, count, total in rows if count}


def recount() -> dict[tuple[str, str], tuple[int, int]]:
    """``scope_count`` worked out from the records themselves (the tests compare it with
    ``kept_counts``): (scope, table) -> (count, version sum), the totals under ``*``."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for key, table, count, total in (Record.select(Record.scope_key, Record.table,
                                                   peewee.fn.COUNT(Record.id),
                                                   peewee.fn.SUM(Record.version))
                                     .group_by(Record.scope_key, Record.table).tuples()):
        out[(key, table)] = (int(count), int(total or 0))
        before = out.get(("*", table), (0, 0))
        out[("*", table)] = (before[0] + int(count), before[1] + int(total or 0))
    return out


def kept_counts() -> dict[tuple[str, str], tuple[int, int]]:
    """``scope_count`` as kept (rows that came down to nothing left out)."""
    return {(key, table): (int(count), int(total))
            for key, table, count, total in server_db.obj.execute_sql(
                'SELECT "scope_key", "table", "count", "version_sum" FROM "scope_count"')
            if count or total}
