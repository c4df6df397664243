"""Run as ``python -m tests.ui.grid_child DATA_DIR OFFICER_ID KEYS``: opens the 测评 page's
entry grid on the first round, types KEYS into the first row like a person (``\\t`` is Tab)
without leaving the row, waits until the draft is stored and then waits to be killed (the
kill -9 test of ``test_evaluation_page.py``).

``python -m tests.ui.grid_child daily DATA_DIR DAY KEYS`` does the same in the 日报 page's
entry grid on DAY (the first template), from its first line: the draft waited for is the one
that holds everything typed, the cell still open included (``test_daily_page.py``).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit


def _window(data_dir: str, officer_id: str) -> tuple[QApplication, Any, Any]:
    """The main window on DATA_DIR, shown and started: (app, runner, window)."""
    from liaison_app.core import context
    from liaison_app.core.db import open_database
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.settings import Settings
    from liaison_app.ui.app import make_application
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.main_window import MainWindow
    from liaison_app.ui.tasks import TaskRunner
    from tests.keys import unlock_every_folder
    from tests.ui.editor_cases import settle

    unlock_every_folder()  # the test's folder, encrypted with the suite's key
    app = make_application()
    install_language("zh_CN")
    paths = DataPaths(Path(data_dir))
    open_database(paths)
    context.set_actor(officer_id=officer_id)
    runner = TaskRunner()
    ctx = AppContext(paths=paths, settings=Settings(), runner=runner)
    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    settle(app, runner, until=win.is_started)
    return app, runner, win


def _type(view: QAbstractItemView, keys: str) -> None:
    """Keys where a person's land: the open cell, else the grid (which opens one)."""
    for ch in keys:
        editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
        target = editors[0] if editors else view
        if ch == "\t":
            QTest.keyClick(target, Qt.Key.Key_Tab)
        elif ch.isascii():
            QTest.keyClicks(target, ch)
        else:  # what an input method commits
            if not isinstance(target, QLineEdit):
                view.edit(view.currentIndex())
                target = [w for w in view.viewport().findChildren(QLineEdit)
                          if w.isVisible()][0]
            target.insert(ch)


def _wait_to_be_killed(app: QApplication) -> None:
    while True:
        app.processEvents()
        time.sleep(0.02)


def main(data_dir: str, officer_id: str, keys: str) -> None:
    from liaison_app.core.services import drafts
    from tests.ui.editor_cases import settle

    app, runner, win = _window(data_dir, officer_id)
    win.navigate("satisfaction")
    page = win.current_page()
    settle(app, runner, until=lambda: bool(page.round_id))
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    grid.focus_row(0)
    _type(grid.table, keys)
    key = grid.contract.draft_key
    stored = settle(app, runner, until=lambda: drafts.load_draft(key=key) is not None)
    print("ready" if stored else "no draft", flush=True)
    _wait_to_be_killed(app)


def daily(data_dir: str, day: str, keys: str) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    from liaison_app.core.services import drafts
    from tests.ui.editor_cases import settle

    app, runner, win = _window(data_dir, "")
    win.navigate("daily")
    page = win.current_page()
    settle(app, runner, until=lambda: bool(page.templates))
    page.tabs.setCurrentIndex(0)
    page.day_edit.setDate(QDate(dt.date.fromisoformat(day)))
    settle(app, runner, until=lambda: bool(page.model.lines))
    page.grid.setFocus()
    page.grid.setCurrentIndex(page.grid.first_field(0))
    _type(page.grid, keys)

    def drafted() -> bool:
        found = drafts.load_draft(key=page.contract.draft_key)
        return found is not None and found.payload == page.editor_payload()

    print("ready" if settle(app, runner, until=drafted) else "no draft", flush=True)
    _wait_to_be_killed(app)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "daily":
        daily(*sys.argv[2:5])
    else:
        main(*sys.argv[1:4])
