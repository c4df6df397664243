"""Two officers and the centre edit offline and sync in random orders, with cut connections,
edits and attachments made while a sync runs, and hostile values pushed by an officer.

Afterwards everyone holds the server's state for their scope, nothing is doubled, every
edit reached the server, every file reached the server and every laptop that holds its
record, no hostile value was stored, and every edit overwritten by a concurrent one left a
conflict record on the laptop that sent it.
"""
from __future__ import annotations

import itertools
import json
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from liaison_app.core.models import Attachment, OutboxOp, Visit
from liaison_app.core.models.sync_records import SyncConflict
from liaison_app.core.services.attachments import store_bytes
from sync import client as sync_client
from sync.server.blobs import BlobStore
from sync.server.models import ChangeLog, Record, ServerConflict, connection
from tests.sync.conftest import WriterThread, new_visit
from tests.sync.faultproxy import Fault, FaultProxy
from tests.sync.hostile import push

WHO = st.sampled_from(["li", "wang", "centre"])
OFFICER = st.sampled_from(["li", "wang"])
FIELD = st.sampled_from(["summary", "place", "participants"])
#: What an officer may push by hand with their own token: values no laptop could read, a
#: path for a hash, another's audit entry, a number that fits no database.
HOSTILE = st.sampled_from([
    ("visit", {"visit_at": "not-a-date"}), ("visit", {"visit_at": 20250301}),
    ("visit", {"summary": {"x": 1}}), ("visit", {"place": "场" * 500}),
    ("visit", {"kind": "not-a-kind"}), ("visit", {"officer_ids": 10**30}),
    ("attachment", {"owner_table": "visit", "owner_id": "x", "sha256": "../../x/escape",
                    "filename": "x.jpg", "size": 1}),
    ("audit_entry", {"officer_id": "someone-else", "action": "print",
                     "device_time": "2025-03-01T10:00:00"}),
])
#: One round: everyone works offline, then everyone syncs in some order, one link may drop.
#: Index -1 is the visit li and the centre both hold, so both sides often edit it at once.
ROUND = st.fixed_dictionaries({
    "creates": st.lists(st.tuples(WHO, st.integers(0, 1)), max_size=2),
    "edits": st.lists(st.tuples(WHO, FIELD, st.just(-1) | st.integers(0, 30)), max_size=6),
    "deletes": st.lists(st.tuples(WHO, st.integers(0, 30)), max_size=1),
    "order": st.permutations(["li", "wang", "centre"]),
    "cut": st.none() | st.tuples(WHO, st.sampled_from(["/sync/push", "/sync/pull"])),
    #: Done by the laptop's person while its own sync runs, in that phase of it.
    "during": st.lists(st.tuples(WHO, st.sampled_from(["upload", "push", "pull"]),
                                 st.sampled_from(["edit", "attach"]), FIELD), max_size=2),
    "hostile": st.lists(st.tuples(OFFICER, HOSTILE), max_size=2),
})
_counter = itertools.count()


def test_everyone_converges(county: dict[str, Any], one_writer: WriterThread) -> None:
    proxy = FaultProxy(county["server"].port)
    devices = {name: county[name] for name in ("li", "wang", "centre")}
    for dev in devices.values():
        dev.point_at(proxy.url)
        assert dev.sync().ok
    enterprises = {"li": [county["e1"]], "wang": [county["e2"]],
                   "centre": [county["e1"], county["e2"]]}
    edits: list[tuple[str, str, str, str]] = []
    created: set[str] = set()
    shared: list[str] = []
    files: dict[str, str] = {}  # attachment id -> sha256
    url = county["server"].url

    def pick(who: str, index: int) -> Visit | None:
        if index == -1 and who != "wang":
            return Visit.get_by_id(shared[-1])
        visits = list(Visit.select().order_by(Visit.id))
        return visits[index % len(visits)] if visits else None

    def edit(who: str, field: str, index: int) -> None:
        devices[who].use()
        edit_here(who, field, index)

    def edit_here(who: str, field: str, index: int) -> None:
        visit = pick(who, index)
        if visit is not None:
            value = f"{who}{next(_counter)}"
            setattr(visit, field, value)
            visit.save()
            edits.append((who, visit.id, field, value))

    def attach(who: str) -> None:
        devices[who].use()
        attach_here(who)

    def attach_here(who: str) -> None:
        dev = devices[who]
        visit = pick(who, 0)
        if visit is None:
            return
        stored = store_bytes(dev.paths.attachments, f"照片{next(_counter)}".encode() * 300,
                             filename="现场.jpg")
        att = Attachment(owner_table="visit", owner_id=visit.id,
                         enterprise=visit.enterprise_id, sha256=stored.sha256,
                         filename=stored.filename, size=stored.size)
        att.save(force_insert=True)
        files[att.id] = att.sha256

    def sync(who: str, r: dict[str, Any]) -> sync_client.SyncReport:
        todo = [d for d in r["during"] if d[0] == who]

        def during(progress: sync_client.Progress) -> None:
            # Queued on the laptop's one writer and left running, as a person saving while
            # the sync goes on: the sync's own writes queue behind or before them.
            for item in [d for d in todo if d[1] == progress.phase]:
                todo.remove(item)
                if item[2] == "edit":
                    one_writer.submit(lambda f=item[3]: edit_here(who, f, 0))
                else:
                    one_writer.submit(lambda: attach_here(who))

        report = devices[who].sync(progress=during)
        one_writer.drain()
        for _, _, action, field in todo:  # a phase with nothing to do reported no progress
            edit(who, field, 0) if action == "edit" else attach(who)
        return report

    def run(rounds: list[dict[str, Any]]) -> None:
        for r in rounds:
            for who, (table, values) in r["hostile"]:
                base = {"enterprise_id": enterprises[who][0]}
                if table == "visit":
                    base["visit_at"] = "2025-03-01T09:00:00"
                [result] = push(devices[who], url, {"table": table,
                                                    "changes": {**base, **values}})
                assert result["status"] == "rejected", (table, values)
            for who, ent in r["creates"]:
                devices[who].use()
                ents = enterprises[who]
                created.add(new_visit(ents[ent % len(ents)], f"新建{next(_counter)}").id)
            for who, field, index in r["edits"]:
                edit(who, field, index)
            for who, index in r["deletes"]:
                devices[who].use()
                visit = pick(who, index)
                if visit is not None:
                    visit.soft_delete()
            for who in r["order"]:
                if r["cut"] and r["cut"][0] == who:
                    proxy.set(Fault("cut_response", after=0, match=r["cut"][1].encode(),
                                    times=2))
                    assert sync(who, r).outcome in ("ok", "offline")
                    proxy.set(None)
                else:
                    report = sync(who, r)
                    assert report.ok, report.message

    @given(st.lists(ROUND, min_size=1, max_size=4))
    # Generation only: shrinking replays against a server whose state moved on, and the
    # failing sequence is printed anyway.
    @settings(max_examples=15, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    def scenario(rounds: list[dict[str, Any]]) -> None:
        devices["li"].use()
        shared.append(new_visit(county["e1"], "共同的走访").id)
        created.add(shared[-1])
        for name in ("li", "centre"):
            assert devices[name].sync().ok
        run(rounds)
        proxy.set(None)
        for _ in range(2):
            for dev in devices.values():
                report = dev.sync()
                assert report.ok, report.message
        check_converged(devices, created, edits)
        check_files(devices, files, BlobStore(county["server"].config.data_dir))

    try:
        scenario()
    finally:
        proxy.close()


def check_converged(devices: dict[str, Any], created: set[str],
                    edits: list[tuple[str, str, str, str]]) -> None:
    with connection():
        server = {r.record_id: r for r in Record.select().where(Record.table == "visit")}
        log = list(ChangeLog.select().where(ChangeLog.table == "visit").order_by(ChangeLog.seq))
        #: (op, field) whose value lost to the other side's at once: it never landed.
        lost = {(c.op_id, c.field) for c in ServerConflict.select()
                if c.kept == "theirs"}
    assert created <= set(server)
    assert len(server) == len({r.record_id for r in server.values()})
    conflicts_by_op: set[str] = set()
    for dev in devices.values():
        dev.use()
        assert OutboxOp.select().count() == 0, dev.name
        conflicts_by_op |= {c.op_id for c in SyncConflict.select()}
        local = {v.id: v for v in Visit.select()}
        for rid, rec in server.items():
            data = json.loads(rec.data)
            if dev.name != "centre-pc" and data["enterprise_id"] not in _scope(dev):
                assert rid not in local
                continue
            mine = local[rid]
            assert mine.version == rec.version, (dev.name, rid)
            wire = mine.wire_fields()
            for column in ("summary", "place", "participants", "enterprise_id", "problems"):
                assert wire[column] == data[column], (dev.name, rid, column)
            assert mine.deleted == rec.deleted
    seen = {(c.record_id, f, json.dumps(v)) for c in log
            for f, v in json.loads(c.changes).items()}
    for _, rid, field, value in edits:
        assert (rid, field, json.dumps(value)) in seen, "an edit never reached the server"
    # A change overwritten by a concurrent one from another laptop left a conflict record
    # (on the first of that laptop's operations that crossed it).
    for i, first in enumerate(log):
        for later in log[i + 1:]:
            if later.record_id != first.record_id or later.device_id == first.device_id:
                continue
            if later.base_version >= first.version:
                continue
            a, b = json.loads(first.changes), json.loads(later.changes)
            if any(f in a and f in b and a[f] != b[f] and (first.op_id, f) not in lost
                   for f in ("summary", "place", "participants")):
                crossing = [c.op_id for c in log if c.record_id == later.record_id
                            and c.device_id == later.device_id and first.seq < c.seq <= later.seq]
                assert set(crossing) & conflicts_by_op, [
                    (c.device_id[:4], c.op_id[:4], c.version, c.base_version, c.status, c.changes)
                    for c in log if c.record_id == later.record_id]


def check_files(devices: dict[str, Any], files: dict[str, str], blobs: BlobStore) -> None:
    """Every file attached, also while a sync ran, is on the server and on every laptop that
    holds its record."""
    with connection():
        for sha in files.values():
            assert blobs.has(sha), "a file never reached the server"
        for text in (r.data for r in Record.select().where(Record.table == "visit")):
            assert "not-a-date" not in text and "场" * 500 not in text
    for dev in devices.values():
        dev.use()
        for att in Attachment.select().where(Attachment.id.in_(list(files))):
            if not att.deleted:
                assert sync_client.blob_path(dev.paths, att.sha256).exists(), dev.name


def _scope(dev: Any) -> set[str]:
    from liaison_app.core.models import Enterprise

    return {e.id for e in Enterprise.select()}
