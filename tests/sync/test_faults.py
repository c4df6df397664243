"""Faults on the wire: cut requests, lost responses, slow links, truncated downloads."""
from __future__ import annotations

from typing import Any

from liaison_app.core.models import OutboxOp, Visit
from sync.server.models import ChangeLog, OpRecord, Record, connection
from tests.sync.conftest import new_visit
from tests.sync.faultproxy import Fault, FaultProxy


def server_state(record_ids: list[str]) -> tuple[int, int, list[int]]:
    with connection():
        records = Record.select().where(Record.record_id.in_(record_ids))
        changes = ChangeLog.select().where(ChangeLog.record_id.in_(record_ids)).count()
        return records.count(), changes, sorted({r.version for r in records})


def make_visits(dev: Any, ent: str, n: int) -> list[str]:
    dev.use()
    return [new_visit(ent, f"第{i}次走访").id for i in range(n)]


def test_lost_response_is_replayed_not_duplicated(county: dict[str, Any],
                                                   proxy: FaultProxy) -> None:
    li = county["li"]
    assert li.sync().ok
    ids = make_visits(li, county["e1"], 30)
    # The server commits the batch, the answer never arrives, every retry too: sync fails.
    proxy.set(Fault("cut_response", after=0, match=b"/sync/push", times=0))
    report = li.sync()
    assert report.outcome == "offline"
    li.use()
    assert OutboxOp.select().count() == 30  # nothing is thrown away
    assert server_state(ids) == (30, 30, [1])
    proxy.set(None)
    report = li.sync()
    assert report.ok, report.message
    li.use()
    assert OutboxOp.select().count() == 0
    assert server_state(ids) == (30, 30, [1])  # replayed from stored results: no second write
    with connection():
        assert OpRecord.select().count() >= 30


def test_retry_within_one_sync_after_cut_response(county: dict[str, Any],
                                                  proxy: FaultProxy) -> None:
    li = county["li"]
    assert li.sync().ok
    ids = make_visits(li, county["e1"], 5)
    proxy.set(Fault("cut_response", after=20, match=b"/sync/push"))
    report = li.sync()
    assert report.ok and report.pushed == 5, report.message
    assert server_state(ids) == (5, 5, [1])


def test_cut_mid_request_then_recover(county: dict[str, Any], proxy: FaultProxy) -> None:
    li = county["li"]
    assert li.sync().ok
    ids = make_visits(li, county["e1"], 40)
    proxy.set(Fault("cut_request", after=300, match=b"/sync/push", times=0))
    assert li.sync().outcome == "offline"
    assert server_state(ids)[0] == 0
    proxy.set(None)
    assert li.sync().ok
    assert server_state(ids) == (40, 40, [1])


def test_truncated_pull_is_not_applied(county: dict[str, Any], proxy: FaultProxy) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    ids = make_visits(li, county["e1"], 50)
    assert li.sync().ok
    proxy.set(Fault("cut_response", after=400, match=b"/sync/pull", times=0))
    assert centre.sync().outcome == "offline"
    centre.use()
    assert Visit.select().where(Visit.id.in_(ids)).count() == 0
    proxy.set(None)
    assert centre.sync().ok
    centre.use()
    assert Visit.select().where(Visit.id.in_(ids)).count() == 50


def test_slow_link_still_completes(county: dict[str, Any], proxy: FaultProxy) -> None:
    li = county["li"]
    assert li.sync().ok
    ids = make_visits(li, county["e1"], 3)
    proxy.set(Fault("delay", seconds=0.05, times=0))
    report = li.sync()
    assert report.ok, report.message
    assert server_state(ids)[0] == 3


def test_edit_during_sync_stays_pending(county: dict[str, Any]) -> None:
    li = county["li"]
    assert li.sync().ok
    li.use()
    visit = new_visit(county["e1"], "初稿")
    edited = []

    def edit_while_syncing(progress: Any) -> None:
        if progress.phase == "push" and not edited:
            v = Visit.get_by_id(visit.id)
            v.summary = "同步时修改"
            v.save()
            edited.append(True)

    assert li.sync(progress=edit_while_syncing).ok
    li.use()
    assert OutboxOp.select().where(OutboxOp.record_id == visit.id).count() == 1
    assert Visit.get_by_id(visit.id).summary == "同步时修改"  # the pull did not undo it
    assert li.sync().ok
    with connection():
        import json
        rec = Record.get(Record.record_id == visit.id)
        assert json.loads(rec.data)["summary"] == "同步时修改"
