"""Protocol versions, children arriving with their parents, tombstones, scope changes."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from liaison_app.core.models import Enterprise, FollowUp, OutboxOp, Visit
from liaison_app.core.models.sync_records import SyncConflict, SyncParked
from sync import protocol as p
from sync.client import SyncEngine
from sync.server.app import ServerConfig
from sync.transport import RetryPolicy
from tests.sync.conftest import LiveServer, new_enterprise, new_visit


def test_old_client_is_told_to_upgrade_and_keeps_its_outbox(
        tmp_path: Path, make_device: Any) -> None:
    config = ServerConfig(db_url=f"sqlite:///{tmp_path / 'srv.sqlite3'}", data_dir=tmp_path,
                          min_protocol=p.PROTOCOL_VERSION + 1, protocol=p.PROTOCOL_VERSION + 1)
    server = LiveServer(config).start()
    try:
        server.add_user("centre", "center")
        dev = make_device("old-laptop")
        # Sign-in is refused too, so sign in while the server still accepts this version.
        config.min_protocol = p.PROTOCOL_VERSION
        dev.login(server, "centre")
        config.min_protocol = p.PROTOCOL_VERSION + 1
        new_enterprise("新企业")
        report = dev.sync()
        assert report.outcome == "upgrade"
        assert "newer version of Liaison" in str(report.message)
        dev.use()
        assert OutboxOp.select().count() == 1
        config.min_protocol = p.PROTOCOL_VERSION
        assert dev.sync().ok
        dev.use()
        assert OutboxOp.select().count() == 0
    finally:
        server.stop()


def test_new_client_old_server_keeps_outbox(county: dict[str, Any]) -> None:
    li = county["li"]
    assert li.sync().ok
    li.use()
    new_visit(county["e1"])
    li.engine = SyncEngine(data_paths=li.paths, retry=RetryPolicy(attempts=1),
                           protocol_version=p.PROTOCOL_VERSION + 1)
    report = li.sync()
    assert report.outcome == "upgrade" and "older version" in str(report.message)
    li.use()
    assert OutboxOp.select().count() == 1


def test_child_never_arrives_before_its_parent(county: dict[str, Any],
                                               make_device: Any) -> None:
    centre, server = county["centre"], county["server"]
    centre.use()
    ent = new_enterprise("后改的企业", "91370100MA3C4X7P2D")
    visit = new_visit(ent)
    follow = FollowUp(visit=visit, enterprise=ent, text="跟进供电")
    follow.save(force_insert=True)
    assert centre.sync().ok
    centre.use()
    # Parents edited after their children: they now sort after them in change order.
    v = Visit.get_by_id(visit.id)
    v.place = "车间"
    v.save()
    e = Enterprise.get_by_id(ent.id)
    e.park = "化工园区"
    e.save()
    assert centre.sync().ok
    server.add_user("centre2", "center")
    other = make_device("centre-2")
    other.login(server, "centre2")
    other.engine.page_size = 1
    report = other.sync()
    assert report.ok and report.parked == 0, report.message
    other.use()
    assert FollowUp.get_by_id(follow.id).visit_id == visit.id
    assert Enterprise.get_by_id(ent.id).park == "化工园区"
    assert Visit.get_by_id(visit.id).place == "车间"
    assert SyncParked.select().count() == 0


def test_edit_to_deleted_record_is_a_conflict_not_a_loss(county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    visit = new_visit(county["e1"], "待删除")
    assert li.sync().ok
    assert centre.sync().ok
    centre.use()
    Visit.get_by_id(visit.id).soft_delete()
    assert centre.sync().ok
    li.use()
    v = Visit.get_by_id(visit.id)
    v.problems = "离线时补充的问题"
    v.save()
    report = li.sync()
    assert report.conflicts == 1
    li.use()
    conflict = SyncConflict.get(SyncConflict.field == "deleted")
    assert conflict.kept == "server"
    kept = Visit.get_by_id(visit.id)
    assert kept.deleted and kept.problems == "离线时补充的问题"


def test_newly_assigned_enterprise_brings_its_history(county: dict[str, Any]) -> None:
    li, wang, server = county["li"], county["wang"], county["server"]
    assert wang.sync().ok
    wang.use()
    old = new_visit(county["e2"], "王的旧走访")
    assert wang.sync().ok
    assert li.sync().ok
    li.use()
    assert Visit.get_or_none(Visit.id == old.id) is None
    server.assign("li", [county["e2"]])
    assert li.sync().ok
    li.use()
    assert Visit.get_by_id(old.id).summary == "王的旧走访"


def test_empty_server_never_wipes_local_records(county: dict[str, Any]) -> None:
    li = county["li"]
    assert li.sync().ok
    li.use()
    visits = [new_visit(county["e1"]).id for _ in range(3)]
    # A checkpoint far ahead of an empty answer: nothing local is removed.
    li.use()
    from liaison_app.core.models import LocalState

    LocalState.set_value("sync.checkpoint", 10**9)
    assert li.sync().ok
    li.use()
    assert Visit.select().where(Visit.id.in_(visits)).count() == 3
