"""Run as ``python -m tests.ui.grid_child DATA_DIR OFFICER_ID KEYS``: opens the 测评 page's
entry grid on the first round, types KEYS into the first row like a person (``\\t`` is Tab)
without leaving the row, waits until the draft is stored and then waits to be killed (the
kill -9 test of ``test_evaluation_page.py``)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit


def main(data_dir: str, officer_id: str, keys: str) -> None:
    from liaison_app.core import context
    from liaison_app.core.db import open_database
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.services import drafts
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
    win.navigate("satisfaction")
    page = win.current_page()
    settle(app, runner, until=lambda: bool(page.round_id))
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    grid.focus_row(0)
    for ch in keys:
        editors = [w for w in grid.table.viewport().findChildren(QLineEdit) if w.isVisible()]
        target = editors[0] if editors else grid.table
        if ch == "\t":
            QTest.keyClick(target, Qt.Key.Key_Tab)
        elif ch.isascii():
            QTest.keyClicks(target, ch)
        else:  # what an input method commits
            if not isinstance(target, QLineEdit):
                grid.table.edit(grid.table.currentIndex())
                target = [w for w in grid.table.viewport().findChildren(QLineEdit)
                          if w.isVisible()][0]
            target.insert(ch)
    key = grid.contract.draft_key
    stored = settle(app, runner, until=lambda: drafts.load_draft(key=key) is not None)
    print("ready" if stored else "no draft", flush=True)
    while True:  # until killed
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(*sys.argv[1:4])
