"""File → Export my data / Restore from file: the data folder in one file, from the window.

The work runs on the database worker; the window only asks and reports. Restoring swaps the
database file under the app, so afterwards the window closes and asks to be started again:
pages built on the old file must not keep showing it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from liaison_app.core import clock
from liaison_app.core.services import backups
from liaison_app.core.services.errors import ServiceError
from liaison_app.ui.context import AppContext


class BackupActions(QObject):
    """Main-thread only."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        #: Set after a restore, for the window to close (tests look at it too).
        self.restored: backups.RestoreResult | None = None

    def _status(self, text: str, msecs: int = 0) -> None:
        bar = getattr(self.window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, msecs)

    def _error(self, exc: BaseException) -> None:
        text = exc.message.text() if isinstance(exc, ServiceError) else str(exc)
        self._status("")
        QMessageBox.warning(self.window, self.tr("Liaison"), text)

    # -- export ------------------------------------------------------------------------
    def export_data(self, target: str | None = None) -> None:
        if target is None:
            default = Path.home() / f"liaison-{clock.today():%Y%m%d}.zip"
            target, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export my data"), str(default),
                self.tr("Liaison backup (*.zip)"))
            if not target:
                return
        paths = self.ctx.paths
        self._status(self.tr("Exporting your data…"))

        def work(task):  # database worker
            return backups.export_backup(paths=paths, target=Path(target),
                                         progress=task.progress)

        self.ctx.runner.submit(work, with_task=True, on_done=self._exported,
                               on_error=self._error)

    def _exported(self, result: backups.BackupResult) -> None:
        self._status(self.tr("Data exported to {path}.").format(path=str(result.path)), 8000)
        QMessageBox.information(self.window, self.tr("Export my data"), self.tr(
            "Your records and {count} attachments were saved to\n{path}\n({size:.1f} MB).\n\n"
            "Keep the file safe: it holds everything in this data folder.").format(
            count=result.info.attachments, path=str(result.path),
            size=result.size / 1_048_576))

    # -- restore -----------------------------------------------------------------------
    def restore_data(self, source: str | None = None) -> None:
        if source is None:
            source, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Restore from file"), str(Path.home()),
                self.tr("Liaison backup (*.zip)"))
            if not source:
                return
        if self.ctx.sync is not None and self.ctx.sync.running:
            QMessageBox.information(self.window, self.tr("Restore from file"), self.tr(
                "A sync is running. Wait until it has finished, then restore."))
            return
        paths = self.ctx.paths

        def check():  # database worker
            try:
                return backups.check_restorable(paths=paths, source=Path(source)), None
            except backups.UnsyncedChanges as exc:
                return backups.read_backup_info(source=Path(source)), exc

        self.ctx.runner.submit(check, on_done=lambda r: self._confirm(source, *r),
                               on_error=self._error)

    def _confirm(self, source: str, info: backups.BackupInfo,
                 unsynced: backups.UnsyncedChanges | None) -> None:
        text = self.tr(
            "Replace the records on this computer with the backup made on {created} "
            "(Liaison {version}, {count} attachments)?\n\nThe current database is kept beside "
            "the new one. Liaison closes afterwards; start it again.").format(
            created=info.created_at, version=info.app_version, count=info.attachments)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from file"), text,
                          parent=self.window)
        if unsynced is not None:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(unsynced.message.text())
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not restore:
            return
        self._restore(source, force=unsynced is not None, password="")

    def _restore(self, source: str, *, force: bool, password: str) -> None:
        self._status(self.tr("Restoring…"))
        paths = self.ctx.paths

        def work():  # database worker: the one that writes, so nothing writes meanwhile
            from liaison_app.core.db import close_database, open_database

            close_database()
            try:
                result = backups.restore_from_backup(paths=paths, source=Path(source),
                                                     force=force, backup_password=password)
            finally:
                open_database(paths)
            backups.record_restore(result=result, source=Path(source))
            return result

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, backups.NeedsBackupPassword):
                self._error(exc)
                return
            # A backup made under another key: its own password re-encrypts it for here.
            self._status("")
            typed, ok = QInputDialog.getText(
                self.window, self.tr("Restore from file"), exc.message.text(),
                QLineEdit.EchoMode.Password)
            if ok and typed:
                self._restore(source, force=force, password=typed)

        self.ctx.runner.submit(work, on_done=self._restored, on_error=failed)

    def _restored(self, result: backups.RestoreResult) -> None:
        self.restored = result
        text = self.tr("The backup of {created} was restored.").format(
            created=result.info.created_at)
        if result.replaced is not None:
            text += "\n" + self.tr("The replaced database is kept as {path}.").format(
                path=str(result.replaced))
        text += "\n\n" + self.tr("Liaison closes now; start it again to work on the restored "
                                 "records.")
        QMessageBox.information(self.window, self.tr("Restore from file"), text)
        self.window.close()
