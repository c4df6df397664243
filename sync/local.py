"""The device side of sync: reading the outbox, storing results, applying pulled pages.

Every write here goes through the laptop's one writer (``core.writer``) as one transaction
together with what it accounts for: a page of pulled records with its checkpoint, a batch of
push results with the removal of exactly the operations they answer. Rows are written by
the same primitive a save uses (``models.base.write_records``: row, outbox, search entry).
An operation is removed only when its result is stored, and a local field with an operation
still waiting is never overwritten by a pulled value.

Nothing the server sends can stop this laptop: every pulled record is checked against the
declared schema (``sync.schema``) before it is applied, and one that cannot be applied is set
aside, visibly, with the reason, while the rest of the page is applied.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee

from liaison_app import __version__
from liaison_app.core import search, search_backlog, writer
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import in_language
from liaison_app.core.models.base import (
    SYNCED_MODELS,
    LocalState,
    OutboxOp,
    SyncedModel,
    has_search,
    utcnow,
    write_records,
)
from liaison_app.core.models.sync_records import (
    PendingFile,
    SyncConflict,
    SyncHistory,
    SyncParked,
    SyncSetAside,
)
from liaison_app.core.models.sync_spec import ALL, SELF
from sync import protocol as p
from sync import pulled_rows
from sync.schema import (
    BOOKKEEPING,
    ID_MAX,
    ID_RE,
    SCHEMA,
    SHA_RE,
    Problem,
    all_storable,
    clean_text,
    json_size,
)

log = logging.getLogger(__name__)

KEY_CHECKPOINT = "sync.checkpoint"
KEY_SCOPE_HASH = "sync.scope_hash"
KEY_TABLES = "sync.tables"
KEY_FILES_DUE = "sync.files_due"
KEY_LAST_SUCCESS = "sync.last_success"
KEY_VERIFIED_AT = "sync.verified_seq"
#: Set when the account's scope changed: once the pull has caught up, records it no longer
#: sees leave this laptop.
KEY_PURGE_DUE = "sync.scope_purge_due"

_STAMP = re.compile(r"^\d{4}-\d\d-\d\d[T ][\d:.+-]{0,22}$")
_STAMP_LINES = re.compile(r"^\d{4}-\d\d-\d\d[T ][\d:.+-]{0,22}$", re.MULTILINE)


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _where_in(head: str, values: list[Any]) -> list[tuple[Any, ...]]:
    """``head`` (a statement ending in a column) ``IN`` each chunk of ``values``, as plain
    SQL; the rows of all chunks. peewee builds an IN list node by node, which for the
    thousands of answers to a push or records of a pull cost more than the statements."""
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(values):
        rows += database_proxy.execute_sql(f"{head} IN ({', '.join('?' * len(chunk))})",
                                           chunk).fetchall()
    return rows


def remember(**values: Any) -> None:
    """Keep small facts of the sync (checkpoints, flags) in one write."""
    def work() -> None:
        for key, value in values.items():
            LocalState.set_value(_KEYS[key], value)
    writer.write(work)


_KEYS = {"tables": KEY_TABLES, "files_due": KEY_FILES_DUE, "verified_at": KEY_VERIFIED_AT,
         "purge_due": KEY_PURGE_DUE}


# -- push ------------------------------------------------------------------------------------
def outbox_high_seq() -> int:
    return OutboxOp.select(OutboxOp.seq).order_by(OutboxOp.seq.desc()).scalar() or 0


class PendingOp(NamedTuple):
    """A waiting operation as it is sent (read as plain rows: a push reads thousands)."""

    seq: int
    op_id: str
    table: str
    record_id: str
    base_version: int
    creating: bool
    changes: Any
    device_time: Any
    #: The characters of its changes as stored.
    size: int


def pending_ops(*, after_seq: int, up_to_seq: int, limit: int) -> list[PendingOp]:
    """Waiting operations in order."""
    o = OutboxOp
    return [PendingOp(*row) for row in
            o.select(o.seq, o.op_id, o.table, o.record_id, o.base_version, o.creating,
                     o.changes, o.device_time, peewee.fn.LENGTH(o.changes))
            .where((o.state == "pending") & (o.seq > after_seq) & (o.seq <= up_to_seq))
            .order_by(o.seq).limit(limit).tuples()]


def within_bytes(ops: list[PendingOp], *, limit: int) -> list[PendingOp]:
    """The first operations whose changes fit in ``limit`` characters (at least one): a batch
    is cut by size as well as by count, so it stays under the server's body limit."""
    total = 0
    for n, op in enumerate(ops):
        total += int(op.size or 0) + 200
        if total > limit and n:
            return ops[:n]
    return ops


_UNSENDABLE = {
    "reason": "invalid",
    "en": "This change holds characters no database can store (a NUL or half of a "
          "character pair, often from pasted text), so it was not sent: {fields}. Edit the "
          "record to remove them.",
    "zh": "此修改含有无法保存的字符（空字符或残缺字符，常见于粘贴的文本），因此未发送：{fields}。"
          "请编辑该记录删去这些字符。"}
_TOO_LARGE = {
    "reason": "invalid",
    "en": "This change is larger than the server accepts, so it was not sent. Shorten the "
          "text or split the record.",
    "zh": "此修改超过服务器可接收的大小，因此未发送。请缩短文字或拆分记录。"}


def refuse_unsendable(ops: list[PendingOp]) -> set[str]:
    """Mark refused, with the reason, operations the server would refuse whole (text no
    database holds, numbers beyond 64 bits): one of them must not hold up the others, and
    the person sees which record to fix. Returns their op ids."""
    bad: dict[str, list[str]] = {}
    if all_storable(op.changes for op in ops if isinstance(op.changes, dict)):
        return set()  # the usual case, found for the whole batch at once
    for op in ops:
        changes = op.changes if isinstance(op.changes, dict) else {}
        fields = [k for k, v in changes.items()
                  if json_size(v) < 0 or not isinstance(k, str) or not clean_text(k)]
        if fields:
            bad[op.op_id] = fields
    if bad:
        def work() -> None:
            for op_id, fields in bad.items():
                text = {k: v.format(fields=", ".join(fields)) if k != "reason" else v
                        for k, v in _UNSENDABLE.items()}
                OutboxOp.update(state="rejected", last_error=_error_text(
                    text["reason"], text["en"], text["zh"],
                    [{"field": f, "code": "bad_text"} for f in fields])
                ).where(OutboxOp.op_id == op_id).execute()
        writer.write(work)
    return set(bad)


def refuse_too_large(op: PendingOp) -> None:
    writer.write(lambda: OutboxOp.update(state="rejected", last_error=_error_text(
        _TOO_LARGE["reason"], _TOO_LARGE["en"], _TOO_LARGE["zh"])
    ).where(OutboxOp.op_id == op.op_id).execute())


def op_to_wire(op: PendingOp | OutboxOp) -> dict[str, Any]:
    when = op.device_time
    return {"op_id": op.op_id, "table": op.table, "record_id": op.record_id,
            "base_version": op.base_version, "creating": bool(op.creating),
            "changes": op.changes,
            "device_time": when.isoformat() if isinstance(when, dt.datetime) else str(when)}


def _error_text(reason: str, en: str, zh: str, problems: list[Any] | None = None) -> str:
    return json.dumps({"reason": reason, "en": en, "zh": zh, "problems": problems or []},
                      ensure_ascii=False)


_OUTBOX = OutboxOp._meta.table_name


def store_results(results: list[p.OpResult]) -> dict[str, int]:
    """Record the server's answers; returns how many of each status. Any thread."""
    return writer.write(lambda: _store_results(results))


def _store_results(results: list[p.OpResult]) -> dict[str, int]:
    # The version updates go out as one statement per table over many rows, since a first
    # push answers thousands of new records at once.
    tally: dict[str, int] = {}
    ops: dict[str, tuple[str, str]] = {
        op_id: (table, record_id) for op_id, table, record_id in _where_in(
            f'SELECT "op_id", "table", "record_id" FROM "{_OUTBOX}" WHERE "op_id"',
            [r.op_id for r in results])}
    done: list[str] = []
    versions: dict[str, list[tuple[int, str, int]]] = {}
    for r in results:
        tally[r.status.value] = tally.get(r.status.value, 0) + 1
        op = ops.get(r.op_id)
        if op is None:
            continue  # answered in an earlier run whose reply was stored already
        table, record_id = op
        if r.status is p.OpStatus.REJECTED:
            reason = r.reason.value if r.reason else ""
            retry = r.reason is p.RejectReason.SERVER_ERROR
            OutboxOp.update(
                state="pending" if retry else "rejected", attempts=OutboxOp.attempts + 1,
                last_error=_error_text(reason, r.text_en, r.text_zh,
                                       [x.model_dump() for x in r.problems]),
            ).where(OutboxOp.op_id == r.op_id).execute()
            continue
        done.append(r.op_id)
        if r.status is p.OpStatus.APPLIED and table in SYNCED_MODELS:
            # Merged and conflicting results leave the version alone: the pull brings the
            # server's full record, and only then is this copy that version.
            versions.setdefault(table, []).append((r.version, record_id, r.version))
        for c in r.conflicts:
            SyncConflict.insert(
                table=table, record_id=record_id, field=c.field,
                local_value=c.yours, server_value=c.theirs,
                kept="local" if c.kept == "yours" else "server", policy=c.policy.value,
                op_id=r.op_id, server_version=r.version,
            ).on_conflict_ignore().execute()
    for table, rows in versions.items():
        meta = SYNCED_MODELS[table]._meta
        database_proxy.connection().executemany(
            f'UPDATE "{meta.table_name}" SET "{meta.fields["version"].column_name}" = ? '
            f'WHERE "{meta.primary_key.column_name}" = ? '
            f'AND "{meta.fields["version"].column_name}" < ?', rows)
    _drop_superseded(done)
    _where_in(f'DELETE FROM "{_OUTBOX}" WHERE "op_id"', done)
    return tally


def _drop_superseded(accepted: list[str]) -> None:
    """A refused change all of whose fields a later accepted change of the same record set
    again is settled (the person fixed the record): it no longer protects those fields.
    Called with the accepted operations still in the outbox."""
    if not accepted or not OutboxOp.select().where(OutboxOp.state == "rejected").exists():
        return  # the usual case: nothing refused waits to be settled
    settled: dict[str, tuple[int, set[str]]] = {}
    for chunk in _chunks(accepted):
        for op in (OutboxOp.select(OutboxOp.seq, OutboxOp.record_id, OutboxOp.changes)
                   .where(OutboxOp.op_id.in_(chunk))):
            seq, fields = settled.get(op.record_id, (0, set()))
            settled[op.record_id] = (max(seq, op.seq), fields | set(op.changes or {}))
    for chunk in _chunks(sorted(settled)):
        for op in (OutboxOp.select(OutboxOp.seq, OutboxOp.record_id, OutboxOp.changes)
                   .where(OutboxOp.record_id.in_(chunk) & (OutboxOp.state == "rejected"))):
            seq, fields = settled[op.record_id]
            if op.seq < seq and set(op.changes or {}) <= fields:
                OutboxOp.delete().where(OutboxOp.seq == op.seq).execute()


# -- pull ------------------------------------------------------------------------------------
def checkpoint() -> int:
    return int(LocalState.get_value(KEY_CHECKPOINT, 0) or 0)


@dataclass
class PageResult:
    applied: int = 0
    parked: int = 0
    set_aside: int = 0
    dropped: int = 0


def apply_page(records: list[Any], *, checkpoint_to: int | None,
               scope_hash: str | None = None, gone: list[Any] | None = None) -> PageResult:
    """Apply pulled records and records that left the scope, and move the checkpoint, in one
    transaction on the laptop's writer. Any thread."""
    # Records waiting for a parent can only be helped by records arriving: with none, and
    # the checkpoint where it is, nothing is written (no fsync for a sync with nothing new).
    if (not records and not gone and checkpoint_to == checkpoint()
            and scope_hash == LocalState.get_value(KEY_SCOPE_HASH)):
        return PageResult()
    try:
        return writer.write(lambda: _apply_page(records, checkpoint_to=checkpoint_to,
                                                scope_hash=scope_hash, gone=gone or []))
    except peewee.IntegrityError:
        # A reference no check foresaw failed when the page committed. Apply it again with
        # every reference checked as each row is written, setting aside what fails, so the
        # page goes in rather than failing at every sync from now on.
        log.exception("pulled page failed at commit; applying it row by row")
        return writer.write(lambda: _apply_page(records, checkpoint_to=checkpoint_to,
                                                scope_hash=scope_hash, gone=gone or [],
                                                careful=True))


def _apply_page(records: list[Any], *, checkpoint_to: int | None, scope_hash: str | None,
                gone: list[Any], careful: bool = False) -> PageResult:
    result = PageResult()
    # Tables are applied parents first, and a record whose parent is neither here nor
    # written earlier in this page is parked; references are checked at commit (or, when
    # ``careful``, as each row is written).
    database_proxy.execute_sql(f"PRAGMA defer_foreign_keys = {'OFF' if careful else 'ON'}")
    waiting = [row.payload for row in SyncParked.select()]
    was_parked = {(w["table"], w["id"]) for w in waiting}
    unparked: set[tuple[str, str]] = set()
    by_table: dict[str, list[dict[str, Any]]] = {}
    for raw in waiting + records:
        w = _clean(raw)
        if isinstance(w, dict):
            by_table.setdefault(w["table"], []).append(w)
        elif w is not None:  # a record of a known table this laptop cannot even key
            table, problem = w
            _set_aside(table, raw, problem)
            result.set_aside += 1
    #: Per table, the records this page has written so far: a child may count on those.
    written: dict[str, set[str]] = {}
    pending = _pending_fields([w["id"] for ws in by_table.values() for w in ws])
    any_set_aside = SyncSetAside.select().exists()
    files_due = False
    for table in [t for t in SYNCED_MODELS if t in by_table]:
        model = SYNCED_MODELS[table]
        rows = by_table[table]
        existing = _existing(model, [w["id"] for w in rows])
        problems = _page_problems(table, rows, existing)
        good: list[dict[str, Any]] = []
        for i, w in enumerate(rows):
            problem = problems.get(i)
            if problem is None:
                good.append(w)
            else:
                _set_aside(table, w, problem)
                result.set_aside += 1
                unparked.add((table, w["id"]))
        missing = _missing_parents(model, good, written)
        ready = []
        for w in good:
            key = (table, w["id"])
            if key in missing:
                SyncParked.insert(table=table, record_id=w["id"], payload=w
                                  ).on_conflict_replace().execute()
                result.parked += key not in was_parked
                continue
            if key in was_parked:
                unparked.add(key)
            ready.append(w)
        applied, refused = _apply_rows(model, ready, existing, pending, careful=careful)
        result.applied += applied
        written[table] = {w["id"] for w in ready} - {w["id"] for w, _ in refused}
        for w, problem in refused:
            _set_aside(table, w, problem)
            result.set_aside += 1
        # A record set aside earlier that has now come in a form this laptop can apply.
        if any_set_aside:
            fixed = sorted({w["id"] for w in ready} - {w["id"] for w, _ in refused})
            for chunk in _chunks(fixed):
                SyncSetAside.delete().where((SyncSetAside.table == table)
                                            & SyncSetAside.record_id.in_(chunk)).execute()
        files_due = files_due or (table == "attachment" and applied > 0)
    for table, ids in _group(unparked).items():
        for chunk in _chunks(ids):
            SyncParked.delete().where((SyncParked.table == table)
                                      & SyncParked.record_id.in_(chunk)).execute()
    if gone:
        targets: dict[str, set[str]] = {}
        for g in gone:
            table = g.get("table") if isinstance(g, dict) else None
            rid = g.get("id") if isinstance(g, dict) else None
            if table in SYNCED_MODELS and isinstance(rid, str) and ID_RE.match(rid):
                targets.setdefault(table, set()).add(rid)
        result.dropped = _drop(targets)
    if checkpoint_to is not None:
        LocalState.set_value(KEY_CHECKPOINT, checkpoint_to)
    if scope_hash is not None:
        LocalState.set_value(KEY_SCOPE_HASH, scope_hash)
    if files_due:
        LocalState.set_value(KEY_FILES_DUE, True)
    return result


_WIRE_KEYS = ("table", "id", "version", "deleted", "created_at", "updated_at")


def _clean(w: Any) -> dict[str, Any] | tuple[str, dict[str, str]] | None:
    """A wire record reduced to what this version can store: its known keys and the columns
    of its table (a column this version does not have cannot be kept anyway). None for what
    is not a record of a known table (records of types this version does not know come again
    after an upgrade, see ``KEY_TABLES``); (table, problem) for a record of a known table
    whose id this laptop cannot keep — set aside, and counted, not dropped unseen."""
    if not isinstance(w, dict):
        return None
    table, rid = w.get("table"), w.get("id")
    if table not in SYNCED_MODELS:
        return None
    if not isinstance(rid, str) or not ID_RE.match(rid) or len(rid) > ID_MAX:
        if isinstance(rid, str) and rid.isprintable() and len(rid) <= 64:
            problem = Problem("id", "id")
            return table, {"en": problem.text_en(), "zh": problem.text_zh()}
        return None
    out = {k: w[k] for k in _WIRE_KEYS if k in w}
    data = w.get("data")
    fields = SCHEMA[table].fields
    if isinstance(data, dict) and not data.keys() <= fields.keys():
        # Only a newer server's columns need dropping; the usual record is kept as it came.
        data = {k: v for k, v in data.items() if k in fields}
    out["data"] = data
    return out


def _page_problems(table: str, rows: list[dict[str, Any]], existing: Mapping[str, Any]
                   ) -> dict[int, dict[str, str]]:
    """What ``_problem`` says of each record of a page that cannot be applied, by position.
    The page is checked column by column; record by record only where something is wrong."""
    suspects = {i for i, w in enumerate(rows) if not _plain_envelope(w)}
    for stamp in ("created_at", "updated_at"):
        at = [i for i, w in enumerate(rows) if w.get(stamp) is not None]
        values = [rows[i][stamp] for i in at]
        joined = "\n".join(values) if all(type(v) is str for v in values) else None
        if (joined is None or joined.count("\n") != len(values) - 1
                or len(_STAMP_LINES.findall(joined)) != len(values)):
            suspects.update(i for i in at if not (isinstance(rows[i][stamp], str)
                                                  and _STAMP.match(rows[i][stamp])))
    fine = [i for i in range(len(rows)) if i not in suspects]
    suspects.update(fine[j] for j in SCHEMA[table].suspects(
        [rows[i]["data"] for i in fine], creating=[rows[i]["id"] not in existing for i in fine]))
    out = {}
    for i in sorted(suspects):
        problem = _problem(table, rows[i], known=rows[i]["id"] in existing)
        if problem is not None:
            out[i] = problem
    return out


def _plain_envelope(w: dict[str, Any]) -> bool:
    version = w.get("version")
    return (type(version) is int and 0 <= version < 2**62 and type(w.get("deleted")) is bool
            and type(w.get("data")) is dict)


def _problem(table: str, w: dict[str, Any], *, known: bool) -> dict[str, str] | None:
    """Why a pulled record cannot be applied here, in words; None when it can."""
    version, data = w.get("version"), w.get("data")
    if (isinstance(version, bool) or not isinstance(version, int) or not 0 <= version < 2**62
            or not isinstance(w.get("deleted"), bool) or not isinstance(data, dict)):
        return {"en": "the record is malformed", "zh": "记录格式不对"}
    for stamp in ("created_at", "updated_at"):
        value = w.get(stamp)
        if value is not None and not (isinstance(value, str) and _STAMP.match(value)):
            return {"en": f"{stamp}: not a date and time", "zh": f"{stamp}：不是日期时间"}
    problems = SCHEMA[table].check(data, creating=not known, ignore_unknown=True)
    if problems:
        return {"en": "; ".join(x.text_en() for x in problems),
                "zh": "；".join(x.text_zh() for x in problems)}
    return None


def _set_aside(table: str, w: dict[str, Any], problem: dict[str, str]) -> None:
    log.warning("pulled %s %s set aside: %s", table, w.get("id"), problem["en"])
    # Escaped: what could not be applied may hold text the database cannot store as is.
    SyncSetAside.insert(table=table, record_id=w["id"], payload=json.dumps(w),
                        reason=json.dumps(problem, ensure_ascii=False),
                        app_version=__version__, set_aside_at=utcnow()
                        ).on_conflict_replace().execute()


def _apply_rows(model: type[SyncedModel], rows: list[dict[str, Any]],
                existing: dict[str, SyncedModel], pending: dict[str, set[str]], *,
                careful: bool = False
                ) -> tuple[int, list[tuple[dict[str, Any], dict[str, str]]]]:
    """Write checked records of one table: in bulk, or — if the bulk write fails on
    something no check foresaw, or ``careful`` — one by one, setting aside only what
    fails."""
    new_ids = [w["id"] for w in rows if w["id"] not in existing]
    if careful or len(set(new_ids)) != len(new_ids):
        # A record twice in one page (merged in order) or a page being retried: as
        # instances, one by one if need be.
        fresh, changed, applied = _as_instances(model, rows, existing, pending)
        if not careful and _bulk(model, fresh, changed):
            return applied, []
        return _one_by_one(model, fresh, changed, applied)
    # Records new to this laptop go in as rows built from the wire; the others are merged
    # into the copies held here.
    arriving = [w for w in rows if w["id"] not in existing]
    _, changed, applied = _as_instances(
        model, [w for w in rows if w["id"] in existing], existing, pending)
    applied += len(arriving)
    # Many at once (a first pull): stored now, put in the search index right after.
    later = len(arriving) >= search_backlog.BULK and has_search(model)
    try:
        with database_proxy.atomic():  # a savepoint: a failure undoes only this table
            built, to_index = pulled_rows.fresh_rows(model, arriving, instances=not later)
            write_records(model, to_index, new=True, rows=built)
            if later:
                search_backlog.add(model.sync_table, [w["id"] for w in arriving])
            write_records(model, [r for r, _ in changed.values()], new=False)
        return applied, []
    except _STORE_ERRORS as exc:
        log.warning("bulk apply of %s failed (%s); applying one by one", model.sync_table, exc)
    fresh = {w["id"]: (_new_instance(model, w), w) for w in arriving}
    return _one_by_one(model, fresh, changed, applied)


_STORE_ERRORS = (peewee.PeeweeException, ValueError, TypeError, OverflowError)
_Pairs = dict[str, tuple[SyncedModel, dict[str, Any]]]


def _new_instance(model: type[SyncedModel], w: dict[str, Any]) -> SyncedModel:
    # Defaults only for what the wire lacks: a fresh id and clock readings for every row
    # would be computed and then overwritten.
    rec = model(__no_default__=True, id=w["id"])
    _fill(rec, w, set())
    _default_missing(rec)
    return rec


def _as_instances(model: type[SyncedModel], rows: list[dict[str, Any]],
                  existing: dict[str, SyncedModel], pending: dict[str, set[str]]
                  ) -> tuple[_Pairs, _Pairs, int]:
    """Pulled records as instances: new ones, and copies held here with the pulled fields
    merged in (a field with a change of this laptop's own waiting is kept)."""
    fresh: _Pairs = {}
    changed: _Pairs = {}
    applied = 0
    for w in rows:
        rec = existing.get(w["id"])
        if rec is None:
            rec = _new_instance(model, w)
            fresh[rec.id] = (rec, w)
            existing[w["id"]] = rec
        else:
            if rec.version >= int(w["version"]):
                continue  # this copy is the same or newer (a full re-pull overlapped)
            _fill(rec, w, pending.get(w["id"], set()))
            if rec.id not in fresh:  # else inserted below with these values
                changed[rec.id] = (rec, w)
        applied += 1
    return fresh, changed, applied


def _bulk(model: type[SyncedModel], fresh: _Pairs, changed: _Pairs) -> bool:
    try:
        with database_proxy.atomic():  # a savepoint: a failure undoes only this table
            write_records(model, [r for r, _ in fresh.values()], new=True)
            write_records(model, [r for r, _ in changed.values()], new=False)
        return True
    except _STORE_ERRORS as exc:
        log.warning("bulk apply of %s failed (%s); applying one by one", model.sync_table, exc)
        return False


def _one_by_one(model: type[SyncedModel], fresh: _Pairs, changed: _Pairs, applied: int
                ) -> tuple[int, list[tuple[dict[str, Any], dict[str, str]]]]:
    refused = []
    for group, new in ((fresh, True), (changed, False)):
        for rec, w in group.values():
            try:
                with database_proxy.atomic():
                    write_records(model, [rec], new=new)
            except _STORE_ERRORS as exc:
                log.warning("pulled %s %s could not be stored: %s", model.sync_table, rec.id,
                            exc)
                applied -= 1
                refused.append((w, {"en": "this laptop could not store it (it names a record "
                                          "that is not here, or holds a value it cannot keep)",
                                    "zh": "本机无法保存该记录（引用的记录不在本机，或含有无法保存的值）"}))
    return applied, refused


def _pending_fields(ids: list[str]) -> dict[str, set[str]]:
    """Fields of these records with a change of this laptop's own not yet accepted: waiting,
    or refused and still to be fixed by the person. A pulled value never replaces them."""
    out: dict[str, set[str]] = {}
    mine = OutboxOp.state.in_(("pending", "rejected"))
    if not OutboxOp.select().where(mine).exists():
        return out  # a first pull, or nothing typed meanwhile: no id lists to build
    for chunk in _chunks(ids):
        for rid, changes in (OutboxOp.select(OutboxOp.record_id, OutboxOp.changes)
                             .where(OutboxOp.record_id.in_(chunk) & mine).tuples()):
            data = json.loads(changes) if isinstance(changes, str) else changes
            out.setdefault(rid, set()).update(data or {})
    return out


def _fk_columns(model: type[SyncedModel]) -> list[tuple[str, str]]:
    """(column, parent table) of a model's references to other synced records."""
    return list(SCHEMA[model.sync_table].parents.items())


def _ids_present(model: type[SyncedModel], ids: list[str]) -> set[str]:
    """Which of ``ids`` this copy holds. Plain SQL: peewee builds a 500-value IN list node
    by node, which on a first pull cost more than applying the records."""
    meta = model._meta
    pk = meta.primary_key.column_name
    return {row[0] for row in _where_in(f'SELECT "{pk}" FROM "{meta.table_name}" WHERE "{pk}"',
                                        ids)}


def _existing(model: type[SyncedModel], ids: list[str]) -> dict[str, SyncedModel]:
    found: dict[str, SyncedModel] = {}
    # Mostly none on a first pull: only records held already are read whole.
    for chunk in _chunks(sorted(_ids_present(model, ids))):
        for row in model.select().where(model.id.in_(chunk)):
            found[row.id] = row
    return found


def _present(table: str, ids: set[str]) -> set[str]:
    return _ids_present(SYNCED_MODELS[table], list(ids))


@functools.cache
def _columns(model: type[SyncedModel]) -> tuple[tuple[str, str, Any], ...]:
    """(wire column, attribute, converter from the wire) of each content column."""
    out = []
    for field in model._meta.sorted_fields:
        if field.column_name in BOOKKEEPING:
            continue
        name = field.object_id_name if isinstance(field, peewee.ForeignKeyField) else field.name
        convert = (dt.datetime.fromisoformat if isinstance(field, peewee.DateTimeField) else
                   dt.date.fromisoformat if isinstance(field, peewee.DateField) else
                   bool if isinstance(field, peewee.BooleanField) else None)
        out.append((field.column_name, name, convert))
    return tuple(out)


def _fill(rec: SyncedModel, wire: dict[str, Any], skip: set[str]) -> None:
    data = wire["data"]
    for col, name, convert in _columns(type(rec)):
        if col in skip or col not in data:
            continue
        value = data[col]
        setattr(rec, name, convert(value) if convert is not None and value is not None
                else value)
    if "deleted" not in skip:
        rec.deleted = bool(wire["deleted"])
    rec.version = int(wire["version"])
    for stamp in ("created_at", "updated_at"):
        try:
            setattr(rec, stamp, dt.datetime.fromisoformat(wire[stamp]))
        except (KeyError, TypeError, ValueError):
            pass


def _default_missing(rec: SyncedModel) -> None:
    data = rec.__data__
    for f in rec._meta.sorted_fields:
        if f.name not in data:
            data[f.name] = f.default() if callable(f.default) else f.default


def _group(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for table, record_id in keys:
        out.setdefault(table, []).append(record_id)
    return out


def _missing_parents(model: type[SyncedModel], rows: list[dict[str, Any]],
                     in_page: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Rows whose parent is neither written earlier in this page (``in_page``) nor here."""
    out: set[tuple[str, str]] = set()
    for col, parent in _fk_columns(model):
        # Column by column: a page of thousands names a few hundred parents at most.
        values = [w["data"].get(col) for w in rows]
        wanted = set(values) - in_page.get(parent, set()) - {None, ""}
        if not wanted:
            continue
        missing = wanted - _present(parent, wanted)
        if missing:
            out.update((model.sync_table, w["id"])
                       for w, pid in zip(rows, values, strict=True) if pid in missing)
    return out


# -- leaving the scope ---------------------------------------------------------------------
_MOVED = {"reason": "out_of_scope",
          "en": "This record was moved to an enterprise that is not assigned to you, so it "
                "left this laptop; this change was not sent. Ask the service centre.",
          "zh": "该记录已被移到不归您负责的企业，已从本机移除；此修改未能发送，请联系服务中心。"}


def _children() -> dict[str, list[tuple[type[SyncedModel], str]]]:
    out: dict[str, list[tuple[type[SyncedModel], str]]] = {}
    for table, schema in SCHEMA.items():
        for column, parent in schema.parents.items():
            out.setdefault(parent, []).append((SYNCED_MODELS[table], column))
    return out


def _drop(targets: dict[str, set[str]]) -> int:
    """Remove records (and the records under them) this laptop may no longer hold.

    A record with a change of this laptop's own not yet accepted stays, with the records
    above it, and its waiting changes are marked refused with the reason: nothing typed
    here is ever dropped silently. Inside the writer's transaction; returns how many left.
    """
    children = _children()
    closure: set[tuple[str, str]] = set()
    parent_of: dict[tuple[str, str], tuple[str, str]] = {}
    frontier = {t: set(ids) for t, ids in targets.items() if ids}
    while frontier:
        closure.update((t, i) for t, ids in frontier.items() for i in ids)
        nxt: dict[str, set[str]] = {}
        for table, ids in frontier.items():
            for model, column in children.get(table, []):
                col = model._meta.columns[column]
                for chunk in _chunks(sorted(ids)):
                    for cid, pid in model.select(model.id, col).where(col.in_(chunk)).tuples():
                        key = (model.sync_table, cid)
                        if key not in closure:
                            parent_of[key] = (table, pid)
                            nxt.setdefault(model.sync_table, set()).add(cid)
        frontier = nxt
    held: set[tuple[str, str]] = set()
    for table, ids in _group(closure).items():
        for chunk in _chunks(ids):
            held.update((t, r) for t, r in OutboxOp.select(OutboxOp.table, OutboxOp.record_id)
                        .where((OutboxOp.table == table) & OutboxOp.record_id.in_(chunk))
                        .tuples())
    keep = set()
    for key in held:
        while key in closure and key not in keep:
            keep.add(key)
            key = parent_of.get(key, ("", ""))
    for table, ids in _group(held).items():
        for chunk in _chunks(ids):
            OutboxOp.update(state="rejected", last_error=json.dumps(_MOVED, ensure_ascii=False)
                            ).where((OutboxOp.table == table) & OutboxOp.record_id.in_(chunk)
                                    & (OutboxOp.state == "pending")).execute()
    drop = _group(closure - keep)
    for table in reversed(list(SYNCED_MODELS)):  # children before parents
        ids = drop.get(table)
        if not ids:
            continue
        model = SYNCED_MODELS[table]
        for chunk in _chunks(ids):
            model.delete().where(model.id.in_(chunk)).execute()
            SyncParked.delete().where((SyncParked.table == table)
                                      & SyncParked.record_id.in_(chunk)).execute()
        search.remove_many(ids)
    return sum(len(ids) for ids in drop.values())


def purge_outside(scope: list[str] | None, *, officer_id: str) -> int:
    """After the account's scope changed: drop what it no longer sees. Any thread."""
    if scope is None:
        return 0
    def work() -> int:
        allowed = set(scope)
        targets: dict[str, set[str]] = {}
        for table, rule in SCHEMA.items():
            if rule.scope == ALL:
                continue
            model = SYNCED_MODELS[table]
            column = model.id if rule.scope == SELF else model._meta.columns[rule.scope]
            owner = model._meta.columns[rule.owner_column] if rule.owner_column else None
            for rid, key, who in model.select(
                    model.id, column, owner if owner is not None else column).tuples():
                if key in allowed or (owner is not None and key == "" and who == officer_id):
                    continue
                targets.setdefault(table, set()).add(rid)
        dropped = _drop(targets)
        LocalState.set_value(KEY_PURGE_DUE, False)
        return dropped
    return writer.write(work)


def drop_unlisted(listed: dict[str, set[str]]) -> int:
    """After everything was pulled again from the start (the server no longer remembers
    what it told this laptop): drop the copies it did not send, records that left this
    account's enterprises meanwhile. What this laptop changed and has not had accepted
    stays (``_drop``). Any thread; returns how many left."""
    def work() -> int:
        targets: dict[str, set[str]] = {}
        for table, model in SYNCED_MODELS.items():
            waiting = {rid for (rid,) in OutboxOp.select(OutboxOp.record_id)
                       .where(OutboxOp.table == table).tuples()}
            here = {rid for (rid,) in model.select(model.id).tuples()}
            unlisted = here - listed.get(table, set()) - waiting
            if unlisted:
                targets[table] = unlisted
        return _drop(targets) if targets else 0
    return writer.write(work)


# -- files -----------------------------------------------------------------------------------
def pending_files() -> list[str]:
    """Hashes of files attached on this laptop that the server has not confirmed holding for
    this account, whenever they were attached (one attached while a sync was uploading is
    sent by the next one)."""
    return sorted(sha for (sha,) in PendingFile.select(PendingFile.sha256).tuples()
                  if SHA_RE.match(sha))


def list_every_file_again() -> None:
    """Another account signed in: it must show the server the files it names, so every file
    here is checked again (Any thread)."""
    model = SYNCED_MODELS["attachment"]
    writer.write(lambda: PendingFile.insert_from(
        model.select(model.sha256, peewee.Value(utcnow())).distinct()
        .where(peewee.fn.LENGTH(model.sha256) == 64),
        [PendingFile.sha256, PendingFile.since]).on_conflict_ignore().execute())


def wanted_files() -> list[str]:
    """Hashes of the files of live attachments (checked: they name paths)."""
    model = SYNCED_MODELS.get("attachment")
    if model is None:
        return []
    query = model.select(model.sha256).distinct().where(~model.deleted).tuples()
    return sorted(sha for (sha,) in query if isinstance(sha, str) and SHA_RE.match(sha))


def confirm_files(hashes: Iterable[str]) -> None:
    """The server holds these files for this account: they leave the list to send."""
    done = sorted(set(hashes))
    if done:
        writer.write(lambda: [PendingFile.delete().where(PendingFile.sha256.in_(chunk)).execute()
                              for chunk in _chunks(done)])


_DAMAGED = {
    "reason": "invalid",
    "en": "The file of this attachment on this laptop is damaged (its content no longer "
          "matches what was attached), so it was not sent. Attach the file again.",
    "zh": "本机上此附件的文件已损坏（内容与附加时不一致），因此未发送。请重新附加该文件。"}


def refuse_damaged_file(sha: str) -> int:
    """A file here no longer matches its hash: the changes naming it step aside, with the
    reason, and it leaves the list to send; nothing else is held up. Returns how many."""
    model = SYNCED_MODELS["attachment"]

    def work() -> int:
        named = model.select(model.id).where(model.sha256 == sha)
        count = OutboxOp.update(state="rejected", last_error=_error_text(
            _DAMAGED["reason"], _DAMAGED["en"], _DAMAGED["zh"],
            [{"field": "sha256", "code": "damaged"}])
        ).where((OutboxOp.table == "attachment") & OutboxOp.record_id.in_(named)
                & (OutboxOp.state == "pending")).execute()
        PendingFile.delete().where(PendingFile.sha256 == sha).execute()
        return count
    return writer.write(work)


# -- bookkeeping -----------------------------------------------------------------------------
def finish(*, ok: bool, started_at: dt.datetime, values: dict[str, Any]) -> None:
    """Record a finished sync: one commit, which does not wait for the disk (a power cut
    at that moment loses only this line of the history; what the sync stored was committed
    and flushed before)."""
    def work() -> None:
        if ok:
            LocalState.set_value(KEY_LAST_SUCCESS, utcnow().isoformat())
        SyncHistory.create(started_at=started_at, finished_at=utcnow(), **values)
    writer.write(work, durable=False)


@dataclass(frozen=True)
class SetAside:
    table: str
    record_id: str
    reason_en: str
    reason_zh: str
    at: dt.datetime

    @property
    def reason_text(self) -> str:
        return in_language(zh=self.reason_zh, en=self.reason_en)


def set_aside_records() -> list[SetAside]:
    """Pulled records this laptop could not apply, with the reason (同步 page, status)."""
    out = []
    for row in SyncSetAside.select().order_by(SyncSetAside.set_aside_at.desc()):
        try:
            reason = json.loads(row.reason)
        except ValueError:
            reason = {}
        out.append(SetAside(row.table, row.record_id, reason.get("en", ""),
                            reason.get("zh", ""), row.set_aside_at))
    return out


def retry_set_aside() -> list[dict[str, Any]]:
    """Records set aside by an earlier version of the app: taken out to be applied again."""
    def work() -> list[dict[str, Any]]:
        rows = list(SyncSetAside.select().where(SyncSetAside.app_version != __version__))
        for row in rows:
            row.delete_instance()
        return [json.loads(row.payload) for row in rows]
    if not SyncSetAside.select().where(SyncSetAside.app_version != __version__).exists():
        return []
    return writer.write(work)


# -- verification ----------------------------------------------------------------------------
def local_counts(scope: list[str] | None, *, officer_id: str = ""
                 ) -> dict[str, tuple[int, int]]:
    """Per table: (records the server has seen, sum of their versions), within ``scope``
    (the enterprises an officer sees, and the officer's own private records)."""
    out: dict[str, tuple[int, int]] = {}
    for table, model in SYNCED_MODELS.items():
        rule = SCHEMA.get(table)
        query = model.select(peewee.fn.COUNT(model.id), peewee.fn.SUM(model.version)).where(
            model.version > 0)
        if scope is not None and rule is not None and rule.scope != ALL:
            column = model.id if rule.scope == SELF else model._meta.columns.get(rule.scope)
            if column is None:
                continue
            visible = column.in_(scope)
            if rule.owner_column:
                owner = model._meta.columns[rule.owner_column]
                visible = visible | ((column == "") & (owner == officer_id))
            query = query.where(visible)
        count, total = query.tuples().get()
        out[table] = (int(count or 0), int(total or 0))
    # What was set aside, or waits for a parent, is here as far as the server can tell:
    # counted at the version that came, so a record this laptop cannot apply yet does not
    # make every sync fetch the whole table again.
    waiting = [(r.table, r.record_id, r.payload) for r in
               SyncSetAside.select(SyncSetAside.table, SyncSetAside.record_id,
                                   SyncSetAside.payload)]
    waiting += [(r.table, r.record_id, json.dumps(r.payload)) for r in SyncParked.select()]
    for table, record_id, payload in waiting:
        if table not in out:
            continue
        came = json.loads(payload).get("version")
        model = SYNCED_MODELS[table]
        have = model.select(model.version).where(model.id == record_id).scalar()
        if not isinstance(came, int) or isinstance(came, bool):
            continue
        count, total = out[table]
        out[table] = (count + (0 if have else 1), total + came - (have or 0))
    return out
