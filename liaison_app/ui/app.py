"""Starting the window: language, one copy per data folder, the database, first-run offers."""
from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from liaison_app.core import clock
from liaison_app.core import context as actor
from liaison_app.core.db import (
    DatabaseOpenError,
    backup_database,
    close_database,
    list_backups,
    restore_backup,
)
from liaison_app.core.models import LocalState
from liaison_app.core.paths import DataPaths
from liaison_app.core.settings import Settings
from liaison_app.resources import icons_dir
from liaison_app.ui.context import AppContext
from liaison_app.ui.i18n import install_language
from liaison_app.ui.style import apply_style
from liaison_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from liaison_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
LAST_DAILY_BACKUP = "last_daily_backup"
#: Set to make the window quit as soon as it is painted, printing how long that took
#: (the start-up benchmark uses it).
EXIT_AFTER_PAINT = "LIAISON_EXIT_AFTER_PAINT"


def _setup_logging(paths: DataPaths) -> None:
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.logs / "liaison.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Liaison")
    app.setOrganizationName("Liaison")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Liaison"))
    icon = icons_dir() / "liaison.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_style(app)
    return app


def acquire_lock(paths: DataPaths) -> QLockFile | None:
    """Hold the data folder's lock file, or None when another copy holds it.

    QLockFile notices a lock left by a crashed process (its PID is gone) and takes it over.
    """
    paths.root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    return None


def open_or_recover(paths: DataPaths, *, failed: DatabaseOpenError | None = None) -> bool:
    """Open the (unlocked) database; on failure explain and offer the newest automatic backup.

    ``failed``: the error a first attempt already met (the lock screen opens the database).
    """
    from liaison_app.core.security import session

    while True:
        try:
            if failed is not None:
                exc, failed = failed, None
                raise exc
            session.open_unlocked(paths)
            return True
        except DatabaseOpenError as exc:
            log.error("database cannot be opened: %s", exc)
            backups = list_backups(paths)
            box = QMessageBox(QMessageBox.Icon.Critical,
                              QCoreApplication.translate("App", "The database cannot be opened"),
                              exc.message.text())
            restore = None
            if backups and exc.problem.value != "newer_version" and paths.database.exists():
                newest = backups[0]
                when = dt.datetime.fromtimestamp(newest.stat().st_mtime)
                box.setInformativeText(QCoreApplication.translate(
                    "App", "An automatic backup from {when} is available. Restoring it keeps "
                    "the damaged file beside it, renamed, so nothing is deleted.").format(
                    when=when.strftime("%Y-%m-%d %H:%M")))
                restore = box.addButton(QCoreApplication.translate("App", "Restore the backup"),
                                        QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QCoreApplication.translate("App", "Quit"),
                          QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if restore is not None and box.clickedButton() is restore:
                kept = restore_backup(paths, backups[0])
                log.warning("restored %s; the previous file was kept as %s", backups[0], kept)
                continue
            return False


def offer_demo_data(window: QObject, ctx: AppContext) -> None:
    """At the first start on an empty database: offer the demo county, once."""
    if ctx.settings.offered_demo_data:
        return
    from liaison_app.core.services import demo

    if not demo.database_is_empty():
        return
    ctx.settings.offered_demo_data = True
    ctx.save_settings()
    load_demo_data(window, ctx, title=QCoreApplication.translate("App", "Welcome to Liaison"))


def load_demo_data(window: QObject, ctx: AppContext, *, title: str = "") -> None:
    """文件 → 载入演示数据, the empty 工作台's button and the first-start offer: ask, then
    fill the database on the runner. Refuses a database that holds records, as
    ``liaison demo`` does. Main thread."""
    from liaison_app.core.services import demo

    title = title or QCoreApplication.translate("App", "Demo data")
    if not demo.database_is_empty():
        QMessageBox.information(window, title, QCoreApplication.translate(
            "App", "The database in {path} already holds records; demo data was not added. "
            "Demo data can only be loaded into an empty database.").format(
            path=str(ctx.paths.root)))
        return
    answer = QMessageBox.question(
        window, title,
        QCoreApplication.translate(
            "App", "The database is empty. Load a demo county (9 towns, 300 enterprises, "
            "3,000 visits) to try the app? Demo data is never sent to a server."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    progress = QProgressDialog(QCoreApplication.translate("App", "Creating demo data…"), "",
                               0, 100, window)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.show()

    def work(task):  # db worker
        return demo.generate(progress=lambda done, total: task.progress(done, total))

    ctx.runner.submit(work, with_task=True, change="all",
                      on_progress=lambda done, total, _t: progress.setValue(
                          int(100 * done / max(total, 1))),
                      on_done=lambda _r: progress.close())


def schedule_daily_backup(ctx: AppContext) -> None:
    """Back the database up once a day, in the background, keeping the last few."""
    def work() -> None:
        last = LocalState.get_value(LAST_DAILY_BACKUP, "")
        today = clock.today().isoformat()
        if last == today:
            return
        from liaison_app.core.db import database_proxy

        target = backup_database(database_proxy.obj, ctx.paths, reason="daily",
                                 keep=ctx.settings.backups_kept)
        LocalState.set_value(LAST_DAILY_BACKUP, today)
        from liaison_app.core.services import audit

        audit.record(action="backup", details={"file": target.name, "kind": "daily"})

    ctx.runner.submit(work, on_error=lambda exc: log.warning("daily backup failed: %s", exc))


class _PaintProbe(QObject):
    """Reports when the window has been painted (start-up benchmark).

    Installed on the application: the first Paint of any widget starts the window's paint
    pass; a zero timer fires once that pass (every widget of the first frame) is done.
    """

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        # The wall-clock moment lets a benchmark measure from before the process started.
        print(f"painted {1000 * (time.perf_counter() - self.started):.0f} ms "
              f"at {time.time():.4f}", flush=True)
        QApplication.quit()


def run_gui(*, data_dir: Path, started: float | None = None) -> int:
    """Run the window until it closes; returns the exit status. Main thread."""
    started = started if started is not None else time.perf_counter()
    paths = DataPaths(data_dir)
    settings = Settings.load(paths.settings)
    app = make_application()
    install_language(settings.language)
    _setup_logging(paths)
    try:
        lock = acquire_lock(paths)
    except OSError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Liaison"),
                             QCoreApplication.translate(
                                 "App", "The data folder {path} cannot be used: {reason}").format(
                                 path=str(paths.root), reason=exc.strerror or str(exc)))
        return 1
    if lock is None:
        QMessageBox.information(None, QCoreApplication.translate("App", "Liaison"),
                                QCoreApplication.translate(
                                    "App", "Liaison is already running with the data folder "
                                    "{path}. Switch to that window; only one copy may use a "
                                    "data folder at a time.").format(path=str(paths.root)))
        return 1
    runner = TaskRunner()
    try:
        from liaison_app.core.security import wipe
        from liaison_app.ui.lock_screen import START, LockScreen, center_over

        wipe.finish_if_wiped(paths)
        held: dict[str, object] = {}

        def signed_in(info: object) -> None:
            settings.officer_id = str(getattr(info, "officer_id", "") or settings.officer_id)
            settings.save(paths.settings)

        def open_failed(exc: BaseException) -> None:
            assert isinstance(exc, DatabaseOpenError)
            if open_or_recover(paths, failed=exc):
                open_window()
            else:
                QApplication.quit()

        screen = LockScreen(paths=paths, runner=runner, mode=START, on_signed_in=signed_in,
                            on_open_failed=open_failed)
        center_over(screen, None)

        def open_window() -> None:
            if "window" in held:
                return
            ctx, window = make_main_window(paths=paths, settings=settings, runner=runner)
            held["window"], held["ctx"] = window, ctx
            window.place_on_screen()
            window.show()
            screen.close()
            window.after_first_paint(lambda: _after_start(window, ctx))

        screen.opened.connect(open_window)
        if os.environ.get(EXIT_AFTER_PAINT):
            probe = _PaintProbe(started)
            app.installEventFilter(probe)
            screen.show()
            return app.exec()
        screen.show()
        status = app.exec()
        return status
    finally:
        runner.shutdown()
        close_database()
        lock.unlock()


def make_main_window(*, paths: DataPaths, settings: Settings, runner: TaskRunner
                     ) -> tuple[AppContext, MainWindow]:
    """The window over an unlocked, open database; the signed-in account acts. Main thread."""
    from liaison_app.core.services import account

    officer_id = account.act_as_account()
    if officer_id:
        settings.officer_id = officer_id
    else:
        actor.set_actor(officer_id=settings.officer_id)
    ctx = AppContext(paths=paths, settings=settings, runner=runner)
    from liaison_app.ui.main_window import MainWindow

    return ctx, MainWindow(ctx)


def _after_start(window: QObject, ctx: AppContext) -> None:
    offer_demo_data(window, ctx)
    if ctx.sync is not None:
        ctx.sync.start()
    try:
        from liaison_app.ui.dialogs.draft_restore import offer_draft_restore
    except ImportError:
        offer_draft_restore = None
    if offer_draft_restore is not None:
        offer_draft_restore(window, ctx)
    QTimer.singleShot(5000, lambda: schedule_daily_backup(ctx))
