"""Retention: what the server forgets, and a laptop silent for longer losing nothing."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import httpx

from liaison_app.core.models import OutboxOp, Visit
from sync.server.models import (
    ChangeLog,
    Device,
    OpRecord,
    ScopeExit,
    SeqMark,
    connection,
    high_seq,
    utcnow,
)
from sync.server.retention import Retention, prune
from tests.sync.conftest import LiveServer, new_visit, sign_in
from tests.sync.test_cli import server_cli

LONG_AGO = dt.timedelta(days=100)


def _age_everything() -> None:
    """The server as if 100 days had passed since everything it holds happened."""
    then = utcnow() - LONG_AGO
    with connection():
        OpRecord.update(created_at=then).execute()
        Device.update(last_seen=then).where(Device.last_seen.is_null(False)).execute()
        # A prune ran back then and noted the sequence of the moment.
        SeqMark.create(at=then, seq=high_seq())


def test_laptop_silent_past_retention_pulls_again_then_sends(county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    kept = new_visit(county["e1"], "保留的走访记录")
    moved = new_visit(county["e1"], "将转到另一企业的记录")
    assert li.sync().ok
    assert centre.sync().ok
    centre.use()
    record = Visit.get_by_id(moved.id)
    record.enterprise = county["e2"]  # the centre files it under wang's enterprise
    record.save()
    assert centre.sync().ok
    li.use()
    late = new_visit(county["e1"], "离线期间的走访𠮷")  # waits in li's outbox
    _age_everything()
    with connection():
        assert ScopeExit.select().count() == 1
        report = prune(retention=Retention())
        assert OpRecord.select().count() == 0
        assert ScopeExit.select().count() == 0  # li can no longer be told the visit left
    assert report.op_results >= 3 and report.scope_exits == 1, report.text()

    result = li.sync()
    assert result.ok, result.message
    li.use()
    assert OutboxOp.select().count() == 0  # what it held was sent after the full pull
    assert Visit.get_or_none(Visit.id == moved.id) is None  # dropped by the full pull
    assert Visit.get_by_id(kept.id).summary == "保留的走访记录"
    assert Visit.get_by_id(late.id).summary == "离线期间的走访𠮷"
    assert li.sync().ok  # in step again: an ordinary sync
    assert centre.sync().ok  # the centre was silent as long: it resyncs too
    centre.use()
    assert Visit.get_by_id(late.id).summary == "离线期间的走访𠮷"
    assert Visit.get_by_id(moved.id).enterprise_id == county["e2"]


def test_stale_device_is_told_to_resync_until_it_pulls_from_zero(server: LiveServer) -> None:
    headers = sign_in(server, "centre", "center", "centre-pc")
    ent = str(uuid.uuid4())
    op = {"op_id": uuid.uuid4().hex, "table": "enterprise", "record_id": ent,
          "base_version": 0, "creating": True, "device_time": "2026-11-27T09:00:00",
          "changes": {"name": "鲁西化工有限公司", "town": "城关街道", "deleted": False}}
    r = httpx.post(server.url + "/sync/push", headers=headers, json={"ops": [op]})
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text
    _age_everything()
    with connection():
        prune(retention=Retention())
    # The replay of an operation whose stored answer is gone would be applied again.
    r = httpx.post(server.url + "/sync/push", headers=headers, json={"ops": [op]})
    assert r.status_code == 409 and r.json()["code"] == "resync_required", r.text
    r = httpx.post(server.url + "/sync/pull", headers=headers, json={"since": 1})
    assert r.status_code == 409 and r.json()["code"] == "resync_required", r.text
    r = httpx.post(server.url + "/sync/pull", headers=headers,
                   json={"since": 0, "include_own": True})
    assert r.status_code == 200 and ent in [x["id"] for x in r.json()["records"]], r.text
    r = httpx.post(server.url + "/sync/push", headers=headers, json={"ops": [op]})
    assert r.status_code == 200, r.text


def test_prune_keeps_what_is_younger_than_the_retention(server: LiveServer,
                                                        tmp_path: Path) -> None:
    headers = sign_in(server, "centre", "center", "centre-pc")
    op = {"op_id": uuid.uuid4().hex, "table": "enterprise", "record_id": str(uuid.uuid4()),
          "base_version": 0, "creating": True, "device_time": "2026-11-27T09:00:00",
          "changes": {"name": "德州面粉厂", "town": "城关街道", "deleted": False}}
    assert httpx.post(server.url + "/sync/push", headers=headers,
                      json={"ops": [op]}).status_code == 200
    with connection():
        ChangeLog.update(server_time=utcnow() - dt.timedelta(days=800)).execute()
        before = OpRecord.select().count()
        logged = ChangeLog.select().count()
    done = server_cli(tmp_path / "d", "--db", server.config.db_url, "prune", "--keep-ops",
                      "30", "--keep-log", "365")
    assert done.returncode == 0, done.stderr
    printed = done.stdout
    assert logged >= 1
    assert f"removed 0 operation result(s), 0 scope exit(s), {logged} change-log row(s)" \
        in printed
    with connection():
        assert OpRecord.select().count() == before == 1  # a day old: replays still answered
        assert ChangeLog.select().count() == 0
    # The device was seen after the horizon: it syncs as usual.
    r = httpx.post(server.url + "/sync/pull", headers=headers, json={"since": 1})
    assert r.status_code == 200, r.text
    assert json.loads(r.text)["high_seq"] >= 1


def test_one_server_process_prunes_and_another_takes_over_when_it_stops(
        db_url: str, tmp_path: Path) -> None:
    """Several server processes (on several machines with PostgreSQL) each run the pruner;
    the lock lets one prune at a time, and when that process ends another takes over."""
    import subprocess
    import sys

    from sync.server.retention import _PruneLock

    data = tmp_path / "server-data"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from sync.server.retention import _PruneLock; "
         "lock = _PruneLock(db_url=sys.argv[1], data_dir=Path(sys.argv[2])); "
         "print(lock.acquire(), flush=True); sys.stdin.read()", db_url, str(data)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "True"
        other = _PruneLock(db_url=db_url, data_dir=data)
        assert other.acquire() is False
        assert other.acquire() is False  # asking again does not steal it either
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert other.acquire() is True
    assert other.acquire() is True  # held: asking again is cheap and still yes
    third = _PruneLock(db_url=db_url, data_dir=data)
    assert third.acquire() is False
    if isinstance(other.held, int):
        import os
        os.close(other.held)
    else:
        other.held.close()
