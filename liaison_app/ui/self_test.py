"""``liaison self-test``: the whole window, offscreen, on a temporary copy of demo data.

Opens every page and editor, saves a visit through the visit editor, finds it by a
two-character Chinese word, and reports each step. Exit status 0 only when every step
worked — the packaged app runs it to prove the bundle is complete.
"""
from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from liaison_app.core.db import close_database, is_plain
from liaison_app.core.i18n import display_width
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session
from liaison_app.core.services import demo, enterprises
from liaison_app.core.settings import Settings
from liaison_app.ui.app import make_application
from liaison_app.ui.context import AppContext
from liaison_app.ui.i18n import install_language
from liaison_app.ui.tasks import TaskRunner

#: A word that appears in no demo text, so the search below can only find our visit.
MARKER = "自检标记"


def _wait(condition: Callable[[], bool], *, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def run_self_test(*, language: str = "zh_CN") -> int:
    """Run every step; print one line per step in ``language``, a failure's trace on stderr."""
    tmp = Path(tempfile.mkdtemp(prefix="liaison-self-test-"))
    paths = DataPaths(tmp / "data")
    app = make_application()
    translated = install_language(language)
    steps: list[tuple[str, bool, str]] = []

    def step(name: str, func: Callable[[], bool | None]) -> None:
        try:
            ok = func() is not False
            steps.append((name, ok, ""))
        except Exception:  # noqa: BLE001 - every failure is reported, none stops the run
            steps.append((name, False, traceback.format_exc(limit=3)))

    runner: TaskRunner | None = None
    password = secrets.token_urlsafe(16)
    try:
        # The same encrypted folder as a real laptop's: a key file, SQLCipher, sealed files.
        session.set_up(paths, password=password)
        session.open_unlocked(paths)
        step(QCoreApplication.translate("SelfTest", "translations loaded"),
             lambda: translated)
        step(QCoreApplication.translate("SelfTest", "the database is encrypted"),
             lambda: not is_plain(paths.database))
        step(QCoreApplication.translate("SelfTest", "demo data"),
             lambda: demo.generate(enterprises=30, visits=300, officers=6).visits
             == 300)
        runner = TaskRunner()
        ctx = AppContext(paths=paths, settings=Settings(), runner=runner)
        from liaison_app.ui.main_window import PAGES, MainWindow

        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()

        def open_page(page_id: str) -> bool:
            window.navigate(page_id)
            QApplication.processEvents()
            page = window.current_page()
            return page is not None and page.page_id == page_id and not window.grab().isNull()

        for spec in PAGES:
            step(QCoreApplication.translate("SelfTest", "page {title}").format(
                title=spec.title()),
                 lambda pid=spec.page_id: open_page(pid))

        def enterprise_editor() -> bool:
            window.navigate("enterprises")
            page = window.current_page()
            ok = page.new_record()
            QApplication.processEvents()
            editor = getattr(page, "_editor", None)
            if editor is not None:
                editor.close()
            return bool(ok)

        step(QCoreApplication.translate("SelfTest", "enterprise editor"), enterprise_editor)

        visit_id: list[str] = []

        def save_visit() -> bool:
            window.navigate("visits")
            page = window.current_page()
            ent = enterprises.list_enterprises(limit=1)[0]
            page.open_record(f"new:{ent.id}")
            editor = page.editor
            editor.summary.setPlainText(f"{MARKER}：企业反映环评审批进度慢，已联系生态环境分局。")
            editor.saved.connect(visit_id.append)
            editor.save()
            return _wait(lambda: bool(visit_id))

        step(QCoreApplication.translate("SelfTest", "save a visit in the editor"),
             save_visit)

        def search() -> bool:
            window.search_box.setText("环评 " + MARKER)
            window._run_search()
            QApplication.processEvents()
            page = window.current_page()
            return page.page_id == "search" and any(
                hit.record_id in visit_id for hit in page.hits)

        step(QCoreApplication.translate("SelfTest", "search finds it by a two-character word"),
             search)

        def settings_dialog() -> bool:
            from liaison_app.ui.dialogs.settings_dialog import SettingsDialog

            dialog = SettingsDialog(ctx, window)
            dialog.show()
            QApplication.processEvents()
            dialog.reject()
            return True

        step(QCoreApplication.translate("SelfTest", "settings dialog"), settings_dialog)

        def lock_and_unlock() -> bool:
            window.lock.lock()
            QApplication.processEvents()
            screen = window.lock.screen
            hidden = screen is not None and not window.centralWidget().isVisible()
            if screen is None:
                return False
            screen.password.setText(password)
            screen.unlock()
            return hidden and _wait(lambda: not window.lock.locked) \
                and window.centralWidget().isVisible()

        step(QCoreApplication.translate("SelfTest", "the lock hides the window; the password "
                                                    "unlocks it"), lock_and_unlock)
        window.close()
    except Exception:  # noqa: BLE001
        steps.append((QCoreApplication.translate("SelfTest", "start"), False,
                      traceback.format_exc(limit=5)))
    finally:
        if runner is not None:
            runner.shutdown()
        close_database()
        session.forget(paths)
        shutil.rmtree(tmp, ignore_errors=True)
    del app
    failed = [s for s in steps if not s[1]]
    passed = QCoreApplication.translate("SelfTest", "passed")
    failed_word = QCoreApplication.translate("SelfTest", "FAILED")
    width = max(display_width(passed), display_width(failed_word)) + 2
    for name, ok, detail in steps:
        word = passed if ok else failed_word
        print(word + " " * (width - display_width(word)) + name, flush=True)
        if detail:
            # For whoever fixes it; the person running the check reads the line above.
            print("      " + detail.replace("\n", "\n      "), file=sys.stderr, flush=True)
    summary = QCoreApplication.translate("SelfTest", "{ok} of {total} checks passed.").format(
        ok=len(steps) - len(failed), total=len(steps))
    print(summary)
    return 0 if steps and not failed else 1
