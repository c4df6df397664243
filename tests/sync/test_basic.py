"""Two laptops and the centre sync both ways through a real server."""
from __future__ import annotations

from typing import Any

from liaison_app.core.models import Enterprise, OutboxOp, Visit
from liaison_app.core.models.sync_records import SyncConflict
from sync import client as sync_client
from tests.sync.conftest import new_visit


def test_officer_visit_reaches_centre_and_back(county: dict[str, Any]) -> None:
    li, centre, wang = county["li"], county["centre"], county["wang"]
    report = li.sync()
    assert report.ok, report.message
    li.use()
    assert Enterprise.get_by_id(county["e1"]).name == "鲁西化工有限公司"
    assert Enterprise.get_or_none(Enterprise.id == county["e2"]) is None  # not li's
    visit = new_visit(county["e1"], "现场办公，解决供电问题")
    report = li.sync()
    assert report.ok and report.pushed == 1, report.message
    assert OutboxOp.select().count() == 0
    assert centre.sync().ok
    centre.use()
    assert Visit.get_by_id(visit.id).summary == "现场办公，解决供电问题"
    assert wang.sync().ok
    wang.use()
    assert Visit.get_or_none(Visit.id == visit.id) is None


def test_concurrent_edit_keeps_both_values(county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    li.sync()
    li.use()
    visit = new_visit(county["e1"], "原始记录")
    assert li.sync().ok
    assert centre.sync().ok
    centre.use()
    v = Visit.get_by_id(visit.id)
    v.summary = "中心修改"
    v.place = "中心地点"
    v.save()
    li.use()
    v = Visit.get_by_id(visit.id)
    v.summary = "联络员修改"
    v.save()
    assert li.sync().ok
    report = centre.sync()
    assert report.ok and report.conflicts == 1
    centre.use()
    final = Visit.get_by_id(visit.id)
    # Narrative field: the officer's words win; the centre keeps its value in a conflict.
    assert final.summary == "联络员修改"
    assert final.place == "中心地点"
    conflict = SyncConflict.get()
    assert (conflict.local_value, conflict.server_value, conflict.kept) == (
        "中心修改", "联络员修改", "server")
    assert li.sync().ok
    li.use()
    assert Visit.get_by_id(visit.id).place == "中心地点"
    st = sync_client.status()
    assert st.pending == 0 and st.last_success is not None
