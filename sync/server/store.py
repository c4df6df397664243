"""Applying pushed operations and serving pulls: merge, authorise, sequence.

An operation and its stored result are written in the same transaction, so a replay (the
client never saw the answer) returns the stored result and applies nothing twice. Every
write takes the next change sequence number while holding the sequence lock, so sequence
order is commit order and a pull cursor never skips a late commit.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable
from typing import Any

import peewee

from sync.protocol import (
    ALL,
    SELF,
    TABLES,
    FieldConflict,
    Op,
    OpResult,
    OpStatus,
    Policy,
    PullRequest,
    RejectReason,
    scope_key,
)
from sync.server.auth import Caller, assigned_enterprises
from sync.server.models import (
    Assignment,
    ChangeLog,
    EnterpriseCode,
    OpRecord,
    Record,
    SeqCounter,
    ServerConflict,
    high_seq,
    server_db,
    utcnow,
    write_transaction,
)

log = logging.getLogger(__name__)

#: Columns the client keeps for itself; never taken from a push.
_IGNORED = frozenset({"id", "version", "created_at", "updated_at"})
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ALL_TABLES = [name for name, rule in TABLES.items() if rule.scope == ALL]

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
        "Another enterprise on the server already has this unified social credit code; the "
        "existing one will arrive with the next sync.",
        "服务器上已有使用该统一社会信用代码的企业，下次同步时会收到该企业。"),
    RejectReason.INVALID: (
        "The change is incomplete or malformed and was not saved on the server.",
        "该修改不完整或格式有误，服务器未保存。"),
    RejectReason.SERVER_ERROR: (
        "The server failed while saving this change; it will be tried again.",
        "服务器保存此修改时出错，将重新尝试。"),
}


def reject(op_id: str, reason: RejectReason) -> OpResult:
    en, zh = _REJECT_TEXT[reason]
    return OpResult(op_id=op_id, status=OpStatus.REJECTED, reason=reason, text_en=en,
                    text_zh=zh)


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
    """One push batch: the caller, its scope and the records it touches, loaded at once."""

    def __init__(self, caller: Caller, ops: list[Op]) -> None:
        self.caller = caller
        self.scope: set[str] | None = (
            None if caller.whole_county else set(assigned_enterprises(caller.user_id)))
        self.counter = SeqCounter()
        self.records: dict[tuple[str, str], Record] = {}
        ids = list({op.record_id for op in ops})
        for chunk in _chunks(ids, 500):
            for rec in Record.select().where(Record.record_id.in_(chunk)):
                self.records[(rec.table, rec.record_id)] = rec

    def in_scope(self, key: str) -> bool:
        return self.scope is None or key in self.scope


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def push(caller: Caller, ops: list[Op]) -> tuple[list[OpResult], int]:
    """Apply a batch of operations in order; each gets its own result."""
    results: list[OpResult] = []
    with write_transaction():
        stored: dict[str, str] = {}
        for chunk in _chunks([op.op_id for op in ops], 500):
            for row in OpRecord.select().where(OpRecord.op_id.in_(chunk)):
                stored[row.op_id] = row.result
        batch = _Batch(caller, ops)
        for op in ops:
            if op.op_id in stored:
                results.append(OpResult.model_validate_json(stored[op.op_id]))
                continue
            try:
                with server_db.atomic():
                    result = _apply(batch, op)
                    text = result.model_dump_json()
                    OpRecord.insert(op_id=op.op_id, device_id=caller.device_id,
                                    result=text).execute()
            except peewee.DatabaseError:
                raise
            except Exception:  # noqa: BLE001 - one bad operation must not fail the batch
                log.exception("operation %s failed", op.op_id)
                result = reject(op.op_id, RejectReason.SERVER_ERROR)
                text = result.model_dump_json()
            stored[op.op_id] = text
            results.append(result)
        batch.counter.flush()
        return results, batch.counter.value


def _authorise(batch: _Batch, op: Op, rec: Record | None, current: dict[str, Any],
               merged: dict[str, Any]) -> RejectReason | None:
    caller = batch.caller
    rule = TABLES[op.table]
    if not caller.can_write:
        return RejectReason.READ_ONLY
    if caller.role == "center":
        return None
    if rule.liaison_writes == "center":
        return RejectReason.FIELD_NOT_ALLOWED
    if rule.liaison_writes == "own":
        if op.record_id != caller.officer_id:
            return RejectReason.OUT_OF_SCOPE
        if any(rule.policy(f) is Policy.CENTRE for f in op.changes):
            return RejectReason.FIELD_NOT_ALLOWED
        return None
    if rule.liaison_writes == "any":
        return None
    if rule.scope == SELF and rec is None:
        return None  # a new enterprise found by the officer becomes theirs
    keys = {scope_key(op.table, op.record_id, merged)}
    if rec is not None:
        keys.add(scope_key(op.table, op.record_id, current))
    if not all(batch.in_scope(k) for k in keys):
        return RejectReason.OUT_OF_SCOPE
    return None


def _apply(batch: _Batch, op: Op) -> OpResult:
    rule = TABLES.get(op.table)
    if rule is None:
        return reject(op.op_id, RejectReason.UNKNOWN_TABLE)
    changes = {k: v for k, v in op.changes.items() if k not in _IGNORED}
    if not all(_FIELD_NAME.match(k) for k in changes):
        return reject(op.op_id, RejectReason.INVALID)
    caller = batch.caller
    rec = batch.records.get((op.table, op.record_id))
    current: dict[str, Any] = json.loads(rec.data) if rec is not None else {}
    merged_view = {**current, **changes}
    if rule.scope not in (SELF, ALL) and not scope_key(op.table, op.record_id, merged_view):
        return reject(op.op_id, RejectReason.INVALID)
    refused = _authorise(batch, op, rec, current, merged_view)
    if refused is not None:
        return reject(op.op_id, refused)
    if op.table == "enterprise" and not _claim_uscc(op.record_id, merged_view):
        return reject(op.op_id, RejectReason.DUPLICATE_USCC)

    version = (rec.version + 1) if rec is not None else 1
    meta: dict[str, list[Any]] = dict(rec.field_meta) if rec is not None else {}
    data = dict(current)
    conflicts: list[FieldConflict] = []
    me = [version, caller.device_id, caller.role]

    def concurrent(name: str) -> list[Any] | None:
        m = meta.get(name)
        if m and m[0] > op.base_version and m[1] != caller.device_id:
            return m
        return None

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
    others_changed = rec is not None and any(
        m[0] > op.base_version and m[1] != caller.device_id for m in rec.field_meta.values())
    if conflicts:
        status = OpStatus.CONFLICT
    elif others_changed:
        status = OpStatus.MERGED
    else:
        status = OpStatus.APPLIED
    clean = status is OpStatus.APPLIED and (
        rec is None or rec.version == op.base_version
        or (rec.last_clean and rec.last_device == caller.device_id))
    seq = batch.counter.next()
    now = _now_iso()
    deleted = bool(data.get("deleted", False))
    key = scope_key(op.table, op.record_id, data)
    if rec is None:
        rec = Record(table=op.table, record_id=op.record_id,
                     created_at=(op.device_time or now)[:40])
        batch.records[(op.table, op.record_id)] = rec
        if op.table == "enterprise" and caller.role == "liaison":
            Assignment.insert(user=caller.user_id, enterprise_id=op.record_id,
                              assigned_seq=seq).on_conflict_ignore().execute()
            if batch.scope is not None:
                batch.scope.add(op.record_id)
    rec.data = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    rec.version = version
    rec.field_meta = meta
    rec.deleted = deleted
    rec.scope_key = key
    rec.seq = seq
    rec.updated_at = now
    rec.last_device = caller.device_id
    rec.last_clean = clean
    rec.save(force_insert=rec.id is None)
    ChangeLog.insert(seq=seq, table=op.table, record_id=op.record_id, version=version,
                     base_version=op.base_version, op_id=op.op_id, username=caller.username,
                     device_id=caller.device_id, device_time=op.device_time[:40],
                     status=status.value,
                     changes=json.dumps(changes, ensure_ascii=False)).execute()
    for c in conflicts:
        ServerConflict.insert(table=op.table, record_id=op.record_id, field=c.field,
                              incoming=json.dumps(c.yours, ensure_ascii=False),
                              existing=json.dumps(c.theirs, ensure_ascii=False),
                              kept=c.kept, op_id=op.op_id).execute()
    return OpResult(op_id=op.op_id, status=status, version=version, conflicts=conflicts)


def _claim_uscc(enterprise_id: str, data: dict[str, Any]) -> bool:
    code = str(data.get("uscc") or "").strip().upper()
    if not code:
        return True
    row = EnterpriseCode.get_or_none(EnterpriseCode.uscc == code)
    if row is not None:
        return row.enterprise_id == enterprise_id
    EnterpriseCode.insert(uscc=code[:18], enterprise_id=enterprise_id).execute()
    return True


def server_write(*, table: str, record_id: str, data: dict[str, Any],
                 counter: SeqCounter) -> Record:
    """A change made on the server itself (import, assignment, account): the centre's."""
    rec = Record.get_or_none((Record.table == table) & (Record.record_id == record_id))
    now = _now_iso()
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
    rec.scope_key = scope_key(table, record_id, current)
    rec.seq = seq
    rec.updated_at = now
    rec.last_device = "server"
    rec.last_clean = False
    rec.save(force_insert=rec.id is None)
    if table == "enterprise" and current.get("uscc"):
        EnterpriseCode.insert(uscc=str(current["uscc"]).upper()[:18], enterprise_id=record_id
                              ).on_conflict_ignore().execute()
    ChangeLog.insert(seq=seq, table=table, record_id=record_id, version=version,
                     base_version=version - 1, op_id="", username="server", device_id="server",
                     device_time="", status="applied",
                     changes=json.dumps(data, ensure_ascii=False)).execute()
    return rec


# -- pull ------------------------------------------------------------------------------------
def scope_of(caller: Caller) -> list[str] | None:
    return None if caller.whole_county else assigned_enterprises(caller.user_id)


def scope_hash(caller: Caller, scope: list[str] | None) -> str:
    text = caller.role + "|" + ("*" if scope is None else ",".join(sorted(scope)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _visible(query: peewee.ModelSelect, scope: list[str] | None) -> peewee.ModelSelect:
    if scope is None:
        return query
    return query.where(Record.scope_key.in_([*scope, ""]) | Record.table.in_(_ALL_TABLES))


def _row_json(rec: Any) -> str:
    # The stored data is already JSON: splice it in rather than parse and re-encode.
    deleted = "true" if rec.deleted else "false"
    return (f'{{"table":{json.dumps(rec.table)},"id":{json.dumps(rec.record_id)},'
            f'"version":{int(rec.version)},"deleted":{deleted},'
            f'"created_at":{json.dumps(rec.created_at)},"updated_at":{json.dumps(rec.updated_at)},'
            f'"data":{rec.data}}}')


_PULL_COLUMNS = (Record.table, Record.record_id, Record.version, Record.deleted,
                 Record.created_at, Record.updated_at, Record.data, Record.seq,
                 Record.scope_key)


def pull_page(caller: Caller, req: PullRequest) -> str:
    """One page of changes after ``req.since``, as a JSON document (see PullResponse)."""
    scope = scope_of(caller)
    with server_db.atomic():  # one snapshot for the page, its parents and the counts
        high = high_seq()
        query = _visible(Record.select(*_PULL_COLUMNS).where(Record.seq > req.since), scope)
        if req.tables:
            query = query.where(Record.table.in_(req.tables))
        if not req.include_own:
            query = query.where(~((Record.last_device == caller.device_id) & Record.last_clean))
        rows = list(query.order_by(Record.seq).limit(req.limit + 1).objects())
        more = len(rows) > req.limit
        rows = rows[:req.limit]
        nxt = rows[-1].seq if more else max(high, req.since)
        parents = _missing_parents(rows, scope, after=None if req.tables else nxt)
        counts = _counts(scope) if (req.want_counts and not more) else None
    parts = [_row_json(r) for r in parents] + [_row_json(r) for r in rows]
    more_text = "true" if more else "false"
    body = (f'{{"records":[{",".join(parts)}],"next":{nxt},"more":{more_text},'
            f'"high_seq":{high},"scope_hash":{json.dumps(scope_hash(caller, scope))},'
            f'"scope":{json.dumps(scope)},"counts":{json.dumps(counts)}}}')
    return body


def _missing_parents(rows: list[Any], scope: list[str] | None, *, after: int | None
                     ) -> list[Any]:
    """Parents the page refers to that the client cannot have yet (they come in a later page,
    or a table filter left them out): sent first, in the same page."""
    have = {(r.table, r.record_id) for r in rows}
    found: list[Any] = []
    frontier = rows
    while frontier:
        wanted: dict[str, set[str]] = {}
        for r in frontier:
            rule = TABLES.get(r.table)
            if rule is None or not rule.parents:
                continue
            data = json.loads(r.data)
            for fld, parent_table in rule.parents.items():
                pid = data.get(fld)
                if pid and (parent_table, pid) not in have:
                    wanted.setdefault(parent_table, set()).add(str(pid))
        frontier = []
        for table, ids in wanted.items():
            query = Record.select(*_PULL_COLUMNS).where(
                (Record.table == table) & Record.record_id.in_(list(ids)))
            if after is not None:
                query = query.where(Record.seq > after)
            for rec in _visible(query, scope).objects():
                have.add((rec.table, rec.record_id))
                frontier.append(rec)
        # Grandparents before parents before children.
        found = frontier + found
    return found


def _counts(scope: list[str] | None) -> dict[str, dict[str, int]]:
    query = _visible(Record.select(Record.table, peewee.fn.COUNT(Record.id),
                                   peewee.fn.SUM(Record.version)), scope)
    out: dict[str, dict[str, int]] = {}
    for table, count, total in query.group_by(Record.table).tuples():
        out[table] = {"count": int(count), "version_sum": int(total or 0)}
    return out
