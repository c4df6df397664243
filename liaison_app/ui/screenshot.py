"""Render the main window on one page to a PNG (documentation, checking the UI by eye)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from liaison_app.core.db import DatabaseOpenError, close_database
from liaison_app.core.paths import DataPaths
from liaison_app.core.settings import Settings
from liaison_app.ui.app import make_application
from liaison_app.ui.context import AppContext
from liaison_app.ui.i18n import install_language
from liaison_app.ui.tasks import TaskRunner


def take_screenshot(*, data_dir: Path, out: str, page: str, size: tuple[int, int],
                    language: str | None = None) -> int:
    paths = DataPaths(data_dir)
    settings = Settings.load(paths.settings)
    make_application()
    install_language(language or settings.language)
    runner = TaskRunner()
    if page == "lock":
        # The lock screen as a person meets it at start (no database needed).
        from liaison_app.ui.lock_screen import LockScreen

        screen = LockScreen(paths=paths, runner=runner)
        screen.resize(*size)
        screen.show()
        for _ in range(5):
            QApplication.processEvents()
        ok = screen.grab().save(out)
        runner.shutdown()
        return 0 if ok else 1
    try:
        from liaison_app.core.security import session

        session.open_unlocked(paths)
    except DatabaseOpenError as exc:
        print(exc.message.text())
        runner.shutdown()
        return 1
    try:
        from liaison_app.ui.main_window import MainWindow

        # Closing the window below saves its size and page: a screenshot must not move the
        # person's real window next time, so nothing is written back.
        ctx = AppContext(paths=paths, settings=settings, runner=runner,
                         persist_settings=False)
        window = MainWindow(ctx)
        window.resize(*size)
        window.show()
        page_id, _, query = page.partition(":")
        if page_id == "search":
            window.search_box.setText(query)
            window._run_search()
        elif page_id in window._specs:
            window.navigate(page_id)
        else:
            print(QCoreApplication.translate("App", "Unknown page: {page}").format(page=page))
            return 2
        # Pages load their data on the runner: wait until it is idle (bounded) before the shot.
        deadline = time.monotonic() + 15
        while True:
            QApplication.processEvents()
            if not runner.is_busy() or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        for _ in range(5):
            QApplication.processEvents()
        ok = window.grab().save(out)
        window.close()
        if not ok:
            print(QCoreApplication.translate(
                "App", "{path} could not be written as a PNG image.").format(path=out),
                file=sys.stderr)
        return 0 if ok else 1
    finally:
        runner.shutdown()
        close_database()
