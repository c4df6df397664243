"""UI fixtures: the app's context over a real temporary database, offscreen, in Chinese."""
from __future__ import annotations

import pytest

from liaison_app.core.settings import Settings


@pytest.fixture
def ctx(qapp, store):
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.tasks import TaskRunner

    install_language("zh_CN")
    settings = Settings()
    runner = TaskRunner()
    context = AppContext(paths=store, settings=settings, runner=runner)
    yield context
    runner.shutdown()


def wait_idle(qtbot, ctx, timeout: int = 10_000) -> None:
    """Wait until every background task has delivered its result to the main thread."""
    qtbot.waitUntil(lambda: not ctx.runner.is_busy(), timeout=timeout)


def answer_all(monkeypatch, answers: list[str]) -> list[str]:
    """Message boxes answered in order by their buttons' labels (继续编辑 when none is left);
    returns what was asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        label = answers.pop(0) if answers else "继续编辑"
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        assert label in buttons, (label, list(buttons))
        buttons[label].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


@pytest.fixture
def sync_page(qtbot, ctx):
    """The 同步 page with its controller, shown and filled."""
    from liaison_app.ui.pages.sync_page import SyncPage
    from liaison_app.ui.sync_controller import SyncController

    ctx.sync = SyncController(ctx)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def kill_once_drafted(*args: str) -> None:
    """Run ``python -m tests.ui.grid_child ARGS`` (an app typing into a grid), wait until it
    says its draft is stored, then kill -9 it, as a crash would."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.grid_child", *args],
        cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        line = child.stdout.readline().strip()
        assert line == "ready", line + child.stderr.read() if line != "ready" else ""
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)


def restart_and_restore(qtbot, ctx, monkeypatch):
    """The next start: the main window, and 恢复 answered to the drafts' offer. Returns the
    window."""
    from liaison_app.ui.dialogs.draft_restore import offer_draft_restore
    from liaison_app.ui.main_window import MainWindow

    asked = answer_all(monkeypatch, ["恢复"])
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(win.is_started, timeout=5000)
    offer_draft_restore(win, ctx)
    assert len(asked) == 1, asked
    return win
