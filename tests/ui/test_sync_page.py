"""The 同步 page against a real server on loopback: sign in, sync, status words, no freeze."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtCore import QTimer

from liaison_app.core.db import database_proxy
from liaison_app.core.models import Enterprise, Visit
from liaison_app.core.services import enterprises, visits
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.services.visits import VisitInput
from sync.server.app import ServerConfig
from tests.sync.conftest import PASSWORD, LiveServer, free_port
from tests.sync.faultproxy import Fault, FaultProxy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def live_server(tmp_path):
    server = LiveServer(ServerConfig(db_url=f"sqlite:///{tmp_path / 'srv' / 'server.sqlite3'}",
                                     data_dir=tmp_path / "srv")).start()
    server.add_user("zhangwei", "center")
    yield server
    server.stop()


@pytest.fixture
def server_process(tmp_path):
    """The server in a process of its own, as in real use (no shared interpreter lock)."""
    env = {**os.environ, "LIAISON_SERVER_DATA": str(tmp_path / "srv-proc")}
    cli = [sys.executable, "-m", "sync.server.cli"]
    subprocess.run([*cli, "migrate"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run([*cli, "user", "add", "zhangwei", "--role", "center", "--password-stdin"],
                   input=PASSWORD + "\n", text=True, env=env, cwd=ROOT, check=True,
                   capture_output=True)
    port = free_port()
    proc = subprocess.Popen([*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("the server did not start")
        time.sleep(0.1)
    yield SimpleNamespace(url=url)
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def page(sync_page):
    return sync_page


def _sign_in(qtbot, page, server) -> None:
    from liaison_app.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.server.setText(server.url)
    dialog.username.setText("zhangwei")
    dialog.password.setText("wrong password")
    dialog.sign_in()
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=10_000)
    assert dialog.message.text() and dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign_in()


def test_sign_in_then_sync_sends_what_was_waiting(qtbot, page, live_server):
    ent = enterprises.create(data=EnterpriseInput(name="同步测试企业"))
    visits.save(data=VisitInput(enterprise_id=ent.id, summary="现场了解供电情况"))
    page.refresh()
    assert "未登录" in page.account_label.text()
    assert page.tabs.tabText(0).startswith("待发送")
    assert page.waiting.topLevelItemCount() == 2
    assert not page.sync_button.isEnabled()

    _sign_in(qtbot, page, live_server)
    page.refresh()
    assert "zhangwei" in page.account_label.text()
    with qtbot.waitSignal(page.ctx.sync.finished, timeout=30_000) as blocker:
        assert page.ctx.sync.sync_now()
    assert blocker.args[0].ok, blocker.args[0].message
    page.refresh()
    assert page.waiting.topLevelItemCount() == 0
    assert page.tabs.tabText(0) == "待发送（0）"
    assert "刚刚同步" in page.ctx.sync.status_text()
    assert page.history.topLevelItemCount() == 1


def test_a_second_sync_request_while_one_runs_is_refused(qtbot, page, live_server):
    _sign_in(qtbot, page, live_server)
    assert page.ctx.sync.sync_now()
    assert not page.ctx.sync.sync_now()
    qtbot.waitUntil(lambda: not page.ctx.sync.running, timeout=30_000)


def test_the_window_keeps_responding_during_a_large_sync(qtbot, page, server_process):
    ent = enterprises.create(data=EnterpriseInput(name="大量走访企业"))
    rows = [dict(id=f"00000000-0000-4000-8000-{n:012d}", version=0,
                 created_at=dt.datetime(2026, 1, 1), updated_at=dt.datetime(2026, 1, 1),
                 created_by="", deleted=False, enterprise=ent.id,
                 visit_at=dt.datetime(2026, 1, 1, 9), officer_ids=[], kind="routine",
                 participants="", summary=f"走访记录 {n}", problems="", place="")
             for n in range(3000)]
    from liaison_app.core.models.base import OutboxOp

    with database_proxy.atomic():
        Visit.insert_many(rows).execute()
        OutboxOp.insert_many([dict(op_id=f"op-{n}", table="visit", record_id=r["id"],
                                   base_version=0, creating=True,
                                   changes={k: (v.isoformat() if isinstance(v, dt.datetime)
                                                else v) for k, v in r.items()
                                            if k not in ("id", "version", "created_at",
                                                         "updated_at", "enterprise")}
                                   | {"enterprise_id": ent.id},
                                   officer_id="", state="pending", attempts=0, last_error="",
                                   device_time=dt.datetime(2026, 1, 1))
                              for n, r in enumerate(rows)]).execute()
    # Through a proxy that holds every push back a moment, as a county's network does: the
    # sync then lasts long enough that a window frozen for it could not pass for a busy
    # machine's hiccup (on a fast loopback it ends in under a second).
    port = int(server_process.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    try:
        _sign_in(qtbot, page, SimpleNamespace(url=proxy.url))
        proxy.set(Fault(kind="delay", seconds=0.1, match=b"/sync/push", times=0))
        _sync_watching_the_window(qtbot, page)
    finally:
        proxy.close()
    assert Enterprise.select().count() == 1


def _sync_watching_the_window(qtbot, page) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    with qtbot.waitSignal(page.ctx.sync.finished, timeout=120_000) as blocker:
        page.ctx.sync.sync_now()
    timer.stop()
    assert blocker.args[0].ok, blocker.args[0].message
    assert blocker.args[0].pushed >= 3000
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    # A frozen window stalls for the whole sync. The machine may be busy with other work
    # (the suite runs two workers on two cores), which delays single ticks, so the bound is
    # relative: no stall takes more than a third of the sync.
    took = ticks[-1] - ticks[0] if ticks else 0.0
    assert len(ticks) > 10, "the event loop never ran during the sync"
    assert took > 1.0, "the proxy did not hold the pushes back"
    assert max(gaps) < took / 3, \
        f"the event loop stalled for {max(gaps):.2f} s of a {took:.2f} s sync"


def test_sign_in_with_a_file_that_is_not_a_certificate_says_so(qtbot, page, tmp_path):
    from liaison_app.ui.dialogs.login_dialog import LoginDialog

    wrong = tmp_path / "县中心证书.pem"
    wrong.write_text("这不是证书", encoding="utf-8")
    dialog = LoginDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText("https://127.0.0.1:9")
    dialog.username.setText("zhangwei")
    dialog.password.setText(PASSWORD)
    dialog.ca_cert.setText(str(wrong))
    dialog.sign_in()
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=10_000)
    assert dialog.message.text().startswith(f"{wrong} 不是 CA 证书。")
    assert dialog.buttons.isEnabled() and dialog.isVisible()
    dialog.grab().save(str(tmp_path / "login-bad-ca.png"))


def test_waiting_changes_are_named_in_chinese_not_by_ids_and_columns(qtbot, ctx):
    """What waits to be sent reads as records and field labels, not UUIDs and columns."""
    import re

    from liaison_app.core.services import requests as rq
    from liaison_app.ui.pages.sync_page import SyncPage

    ent = enterprises.create(data=EnterpriseInput(name="鲁南𠮷祥机械有限公司"))
    visit = visits.save(data=VisitInput(enterprise_id=ent.id, summary="例行走访"))
    data = visits.load_input(record_id=visit.id)
    data.place = "企业会议室"
    visits.save(data=data, record_id=visit.id)
    rq.save(data=rq.RequestInput(enterprise_id=ent.id, description="供电不稳"))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    rows = [[page.waiting.topLevelItem(r).text(c) for c in range(4)]
            for r in range(page.waiting.topLevelItemCount())]
    text = "\n".join("\t".join(r) for r in rows)
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text), text
    assert not re.search(r"[a-z]+_[a-z]+", text), text  # no column names such as created_by
    kinds = {r[0] for r in rows}
    assert {"企业", "走访", "诉求", "办理记录"} <= kinds
    assert ["走访", "鲁南𠮷祥机械有限公司 " + f"{visit.visit_at:%Y-%m-%d}", "地点"] in [
        r[:3] for r in rows]
    assert any(r[2] == "新建记录" for r in rows)


def test_saving_while_a_large_sync_runs_neither_fails_nor_fails_the_sync(
        qtbot, page, server_process):
    """Saves go through the database worker while the sync's pages are written there too:
    no "database is locked" for the person, none for the sync."""
    ent = enterprises.create(data=EnterpriseInput(name="边同步边记录企业"))
    for n in range(1500):
        visits.save(data=VisitInput(enterprise_id=ent.id, summary=f"同步前的记录 {n}"))
    _sign_in(qtbot, page, server_process)
    saved: list[str] = []
    failed: list[BaseException] = []

    def save_one() -> None:
        if page.ctx.sync.running and len(saved) + len(failed) < 40:
            n = len(saved) + len(failed)
            page.ctx.runner.submit(
                lambda: visits.save(data=VisitInput(enterprise_id=ent.id,
                                                    summary=f"同步中保存 {n}")),
                on_done=lambda v: saved.append(v.id), on_error=failed.append)

    timer = QTimer()
    timer.timeout.connect(save_one)
    with qtbot.waitSignal(page.ctx.sync.finished, timeout=120_000) as blocker:
        page.ctx.sync.sync_now()
        timer.start(20)
    timer.stop()
    qtbot.waitUntil(lambda: not page.ctx.runner.is_busy(), timeout=30_000)
    assert blocker.args[0].ok, blocker.args[0].message
    assert failed == [] and saved
    with qtbot.waitSignal(page.ctx.sync.finished, timeout=60_000) as again:
        page.ctx.sync.sync_now()
    assert again.args[0].ok and again.args[0].pushed == len(saved)
    assert Visit.select().where(Visit.id.in_(saved)).count() == len(saved)
