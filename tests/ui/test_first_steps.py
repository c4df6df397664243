"""A new officer's first minutes: an empty 工作台 says what to do, demo data can be loaded
later, the window speaks Chinese, and ordinary refusals are not logged as faults."""
from __future__ import annotations

import logging
import re

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from liaison_app.core import i18n
from liaison_app.core.models import Enterprise
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.validation import Finding, Severity
from liaison_app.ui.main_window import MainWindow
from tests.ui.conftest import wait_idle


def open_window(qtbot, ctx) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_started, timeout=5000)
    return win


def test_an_empty_today_page_says_there_are_no_enterprises_and_offers_a_start(qtbot, ctx):
    win = open_window(qtbot, ctx)
    page = win.page("today")
    assert page.welcome.isVisible()
    empty = page.overdue.property("emptyLabel")
    assert empty.text() == "还没有企业。" and "按期" not in empty.text()
    opened = []
    ctx.navigate = lambda page_id, record="": opened.append((page_id, record))
    labels = [b.text() for b in page.welcome.findChildren(QPushButton)]
    assert labels == ["新建企业", "导入…", "载入演示数据…"]
    page.welcome.findChildren(QPushButton)[0].click()
    assert opened == [("enterprises", "new:")]

    enterprises.create(data=EnterpriseInput(name="鲁南精工机械有限公司"))
    page.refresh()
    assert not page.welcome.isVisible()
    assert "还没有企业" not in empty.text()


def test_new_enterprise_from_the_welcome_opens_the_editor(qtbot, ctx):
    win = open_window(qtbot, ctx)
    win.navigate("enterprises", "new:")
    editor = win.page("enterprises").editor()
    assert editor is not None and editor.isVisible() and editor.record_id is None


def test_demo_data_declined_at_first_start_can_be_loaded_from_the_menu(qtbot, ctx,
                                                                      monkeypatch):
    ctx.settings.offered_demo_data = True  # declined at the first start
    win = open_window(qtbot, ctx)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Yes)
    win.action_demo.trigger()
    qtbot.waitUntil(lambda: Enterprise.select().count() > 0 and not ctx.runner.is_busy(),
                    timeout=60_000)
    assert asked and "演示" in asked[0]
    # A second time the database holds records: refused, as the command line refuses it.
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    count = Enterprise.select().count()
    win.action_demo.trigger()
    wait_idle(qtbot, ctx)
    assert len(told) == 1 and "已有记录" in told[0] and str(ctx.paths.root) in told[0]
    assert Enterprise.select().count() == count and len(asked) == 1


def test_the_window_title_is_chinese_to_its_end(qtbot, ctx):
    win = open_window(qtbot, ctx)
    title = f"{win.windowTitle()} — {QGuiApplication.applicationDisplayName()}"
    assert not re.search(r"[A-Za-z]", title), title
    assert title.endswith("驻企通")


def test_refused_input_is_logged_as_information_and_faults_as_errors(qtbot, ctx, caplog):
    def refuse() -> None:
        raise ValidationFailed([Finding("name", Severity.ERROR,
                                        i18n.translate("T", "Give a name."))])

    def crash() -> None:
        raise RuntimeError("disk on fire")

    caplog.set_level(logging.INFO, logger="liaison_app.ui.tasks")
    ctx.runner.submit(refuse, on_error=lambda exc: None)
    wait_idle(qtbot, ctx)
    refused = [r for r in caplog.records if r.name == "liaison_app.ui.tasks"]
    assert [r.levelno for r in refused] == [logging.INFO]
    assert "Traceback" not in caplog.text
    caplog.clear()
    ctx.runner.submit(crash, on_error=lambda exc: None)
    wait_idle(qtbot, ctx)
    crashed = [r for r in caplog.records if r.name == "liaison_app.ui.tasks"]
    assert [r.levelno for r in crashed] == [logging.ERROR]
    assert "Traceback" in caplog.text and "disk on fire" in caplog.text
