"""The device side of sync: reading the outbox, storing results, applying pulled pages.

Every write here is one local transaction together with what it accounts for: a page of
pulled records with its checkpoint, a batch of push results with the removal of exactly the
operations they answer. An operation is removed only when its result is stored, and a local
field with an operation still waiting is never overwritten by a pulled value.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from typing import Any

import peewee

from liaison_app.core.db import database_proxy
from liaison_app.core.models.base import (
    SYNCED_MODELS,
    LocalState,
    OutboxOp,
    SyncedModel,
    from_wire,
)
from liaison_app.core.models.enterprise import enterprise_names_cached
from liaison_app.core.models.sync_records import SyncConflict, SyncParked
from liaison_app.core.models.sync_spec import ALL, SELF
from sync import protocol as p
from sync.schema import SCHEMA

log = logging.getLogger(__name__)

KEY_CHECKPOINT = "sync.checkpoint"
KEY_SCOPE_HASH = "sync.scope_hash"
KEY_TABLES = "sync.tables"
KEY_FILES_DUE = "sync.files_due"


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- push ------------------------------------------------------------------------------------
def pending_ops(*, after_seq: int, up_to_seq: int, limit: int) -> list[OutboxOp]:
    return list(OutboxOp.select().where(
        (OutboxOp.state == "pending") & (OutboxOp.seq > after_seq) & (OutboxOp.seq <= up_to_seq))
        .order_by(OutboxOp.seq).limit(limit))


def op_to_wire(op: OutboxOp) -> dict[str, Any]:
    when = op.device_time
    return {"op_id": op.op_id, "table": op.table, "record_id": op.record_id,
            "base_version": op.base_version, "creating": bool(op.creating),
            "changes": op.changes,
            "device_time": when.isoformat() if isinstance(when, dt.datetime) else str(when)}


def store_results(results: list[p.OpResult]) -> dict[str, int]:
    """Record the server's answers; returns how many of each status.

    One transaction for the batch; the version updates go out as one statement per table
    over many rows, since a first push answers thousands of new records at once.
    """
    tally: dict[str, int] = {}
    with database_proxy.atomic():
        ops: dict[str, tuple[str, str]] = {}
        for chunk in _chunks([r.op_id for r in results]):
            for op_id, table, record_id in (
                    OutboxOp.select(OutboxOp.op_id, OutboxOp.table, OutboxOp.record_id)
                    .where(OutboxOp.op_id.in_(chunk)).tuples()):
                ops[op_id] = (table, record_id)
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
                    last_error=json.dumps({"reason": reason, "en": r.text_en, "zh": r.text_zh},
                                          ensure_ascii=False),
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
        for chunk in _chunks(done):
            OutboxOp.delete().where(OutboxOp.op_id.in_(chunk)).execute()
    return tally


# -- pull ------------------------------------------------------------------------------------
def checkpoint() -> int:
    return int(LocalState.get_value(KEY_CHECKPOINT, 0) or 0)


def _pending_fields(ids: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for chunk in _chunks(ids):
        for rid, changes in (OutboxOp.select(OutboxOp.record_id, OutboxOp.changes)
                             .where(OutboxOp.record_id.in_(chunk)
                                    & (OutboxOp.state == "pending")).tuples()):
            data = json.loads(changes) if isinstance(changes, str) else changes
            out.setdefault(rid, set()).update(data or {})
    return out


def _fk_columns(model: type[SyncedModel]) -> list[tuple[str, str]]:
    """(column, parent table) of a model's references to other synced records."""
    out = []
    for field in model._meta.sorted_fields:
        if isinstance(field, peewee.ForeignKeyField):
            parent = getattr(field.rel_model, "sync_table", "")
            if parent:
                out.append((field.column_name, parent))
    return out


def _existing(model: type[SyncedModel], ids: list[str]) -> dict[str, SyncedModel]:
    found: dict[str, SyncedModel] = {}
    for chunk in _chunks(ids):
        for row in model.select().where(model.id.in_(chunk)):
            found[row.id] = row
    return found


def _present(table: str, ids: set[str]) -> set[str]:
    model = SYNCED_MODELS[table]
    have: set[str] = set()
    for chunk in _chunks(list(ids)):
        have.update(r[0] for r in model.select(model.id).where(model.id.in_(chunk)).tuples())
    return have


_BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at"})


def _fill(rec: SyncedModel, wire: dict[str, Any], skip: set[str]) -> None:
    data = wire["data"]
    for field in rec._meta.sorted_fields:
        col = field.column_name
        if col in _BOOKKEEPING or col in skip or col not in data:
            continue
        name = field.object_id_name if isinstance(field, peewee.ForeignKeyField) else field.name
        setattr(rec, name, from_wire(field, data[col]))
    if "deleted" not in skip:
        rec.deleted = bool(wire["deleted"])
    rec.version = int(wire["version"])
    for stamp in ("created_at", "updated_at"):
        try:
            setattr(rec, stamp, dt.datetime.fromisoformat(wire[stamp]))
        except (KeyError, TypeError, ValueError):
            pass


def apply_page(records: list[dict[str, Any]], *, checkpoint_to: int | None,
               scope_hash: str | None = None) -> tuple[int, int]:
    """Apply pulled records and move the checkpoint in one transaction.

    Returns (records applied, records parked waiting for their parent).
    """
    applied = parked = 0
    if (not records and checkpoint_to == checkpoint() and not SyncParked.select().exists()
            and scope_hash == LocalState.get_value(KEY_SCOPE_HASH)):
        return 0, 0  # nothing moved: no write, no fsync
    with database_proxy.atomic():
        # Parents come first in a page, but a cycle-free page can still list a child before a
        # parent that sorts later; the check happens at commit.
        database_proxy.execute_sql("PRAGMA defer_foreign_keys = ON")
        waiting = [row.payload for row in SyncParked.select()]
        was_parked = {(w["table"], w["id"]) for w in waiting}
        unparked: set[tuple[str, str]] = set()
        incoming = waiting + records
        by_table: dict[str, list[dict[str, Any]]] = {}
        for w in incoming:
            if w["table"] in SYNCED_MODELS:
                by_table.setdefault(w["table"], []).append(w)
        in_page = {t: {w["id"] for w in ws} for t, ws in by_table.items()}
        pending = _pending_fields([w["id"] for ws in by_table.values() for w in ws])
        files_due = False
        # Parents before children: apply tables in the order the models were declared.
        for table in [t for t in SYNCED_MODELS if t in by_table]:
            model = SYNCED_MODELS[table]
            rows = by_table[table]
            missing = _missing_parents(model, rows, in_page)
            existing = _existing(model, [w["id"] for w in rows])
            fresh: dict[str, SyncedModel] = {}
            changed: dict[str, SyncedModel] = {}
            for w in rows:
                key = (table, w["id"])
                if key in missing:
                    SyncParked.insert(table=table, record_id=w["id"], payload=w
                                      ).on_conflict_replace().execute()
                    parked += 1
                    continue
                if key in was_parked:
                    unparked.add(key)
                rec = existing.get(w["id"])
                if rec is None:
                    # Defaults only for what the wire lacks: a fresh id and clock readings
                    # for every row would be computed and then overwritten.
                    rec = model(__no_default__=True, id=w["id"])
                    _fill(rec, w, set())
                    _default_missing(rec)
                    fresh[rec.id] = rec
                    existing[w["id"]] = rec
                else:
                    if rec.version > int(w["version"]):
                        continue  # this copy is already newer (a full re-pull overlapped)
                    _fill(rec, w, pending.get(w["id"], set()))
                    if rec.id not in fresh:  # else inserted below with these values
                        changed[rec.id] = rec
                applied += 1
                files_due = files_due or table == "attachment"
            _insert_new(model, list(fresh.values()))
            _update_existing(model, list(changed.values()))
        for table, ids in _group(unparked).items():
            for chunk in _chunks(ids):
                SyncParked.delete().where((SyncParked.table == table)
                                          & SyncParked.record_id.in_(chunk)).execute()
        if checkpoint_to is not None:
            LocalState.set_value(KEY_CHECKPOINT, checkpoint_to)
        if scope_hash is not None:
            LocalState.set_value(KEY_SCOPE_HASH, scope_hash)
        if files_due:
            LocalState.set_value(KEY_FILES_DUE, True)
    return applied, parked


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


def _row_values(rec: SyncedModel, fields: list[peewee.Field]) -> tuple[Any, ...]:
    data = rec.__data__
    return tuple(f.db_value(data[f.name] if f.name in data else
                            (f.default() if callable(f.default) else f.default))
                 for f in fields)


def _has_search(model: type[SyncedModel]) -> bool:
    return model.search_document is not SyncedModel.search_document


def _insert_new(model: type[SyncedModel], fresh: list[SyncedModel]) -> None:
    """Records this device has never had: inserted and indexed in bulk (a centre's first
    sync brings tens of thousands), the same rows ``save(capture=False)`` would write."""
    if not fresh:
        return
    from liaison_app.core import search

    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    database_proxy.connection().executemany(
        f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})',
        [_row_values(rec, fields) for rec in fresh])
    if _has_search(model):
        with enterprise_names_cached():
            docs = [(rec.id, doc) for rec in fresh if not rec.deleted
                    for doc in [rec.search_document()] if doc is not None]
        search.index_many(docs)


def _update_existing(model: type[SyncedModel], changed: list[SyncedModel]) -> None:
    """Records already here, rewritten in bulk: the same writes, row and search entry, as
    ``save(capture=False)`` on each."""
    if not changed:
        return
    from liaison_app.core import search

    key = model._meta.primary_key
    fields = [f for f in model._meta.sorted_fields if f is not key]
    sets = ", ".join(f'"{f.column_name}" = ?' for f in fields)
    database_proxy.connection().executemany(
        f'UPDATE "{model._meta.table_name}" SET {sets} WHERE "{key.column_name}" = ?',
        [(*_row_values(rec, fields), rec.id) for rec in changed])
    if _has_search(model):
        docs: list[tuple[str, Any]] = []
        gone: list[str] = []
        with enterprise_names_cached():
            for rec in changed:
                doc = None if rec.deleted else rec.search_document()
                if doc is None:
                    gone.append(rec.id)
                else:
                    docs.append((rec.id, doc))
        search.remove_many(gone)
        search.reindex_many(docs)


def _missing_parents(model: type[SyncedModel], rows: list[dict[str, Any]],
                     in_page: dict[str, set[str]]) -> set[tuple[str, str]]:
    refs = _fk_columns(model)
    if not refs:
        return set()
    wanted: dict[str, set[str]] = {}
    for w in rows:
        for col, parent in refs:
            pid = w["data"].get(col)
            if pid and pid not in in_page.get(parent, set()):
                wanted.setdefault(parent, set()).add(pid)
    present = {t: _present(t, ids) for t, ids in wanted.items()}
    out: set[tuple[str, str]] = set()
    for w in rows:
        for col, parent in refs:
            pid = w["data"].get(col)
            if pid and pid not in in_page.get(parent, set()) and pid not in present[parent]:
                out.add((model.sync_table, w["id"]))
    return out


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
    return out
