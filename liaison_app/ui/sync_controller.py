"""When to sync, and what the status bar says about it.

Syncs start by themselves: shortly after start-up, on a timer, a little while after local
changes, when the network comes back (Qt's reachability, confirmed by the server's cheap
``/health`` as part of the sync itself), and at close when changes are waiting; and from the
同步 button. One at a time, on the network worker; a failed sync is retried with growing,
jittered delays so a county's laptops do not all knock at once.
"""
from __future__ import annotations

import datetime as dt
import logging
import random
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from liaison_app.core.i18n import Message
from liaison_app.ui.context import AppContext

log = logging.getLogger(__name__)

REGULAR_INTERVAL_MS = 5 * 60 * 1000
AFTER_CHANGE_MS = 20 * 1000
FIRST_SYNC_MS = 3 * 1000
MAX_BACKOFF_MS = 30 * 60 * 1000


class SyncController(QObject):
    """Main thread object; the sync itself runs on the runner's network worker."""

    #: The status-bar text changed (or its facts did).
    state_changed = Signal()
    #: A sync finished; carries the SyncReport.
    finished = Signal(object)
    #: Records received in bulk are all in the search index now.
    search_caught_up = Signal()
    #: Progress of the running sync: text, done, total (0 when unknown).
    progress = Signal(str, int, int)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.offline = False
        self.progress_text = ""
        self.last_report = None
        self._cancel: threading.Event | None = None
        self._failures = 0
        self._indexing = False
        self._index_again = False
        self._engine = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(lambda: self.sync_now(reason="timer"))
        self._after_change = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._after_change.timeout.connect(lambda: self.sync_now(reason="changes"))
        ctx.runner.changed.connect(self._local_change)

    # -- triggers ----------------------------------------------------------------------
    def start(self) -> None:
        """Begin automatic syncing (after the window is shown)."""
        # The network plugin is loaded here, not at start-up: the first frame waits for
        # nothing it does not show.
        self._watch_network()
        if self.signed_in():
            self._timer.start(FIRST_SYNC_MS)
        # Records a sync stored before the app last ended may still wait for the index.
        self.catch_up_search()
        self.state_changed.emit()

    def catch_up_search(self) -> None:
        """Put records a sync received in bulk into the search index, a chunk per task on
        the database worker, so that the officer's saves go in between."""
        if self._indexing:
            self._index_again = True
            return
        from liaison_app.core import search_backlog

        self._indexing = True
        self._index_again = False

        def step(left: int) -> None:
            if left > 0:
                self.ctx.runner.submit(search_backlog.index_next, on_done=step,
                                       on_error=failed)
            else:
                self.search_caught_up.emit()
                # Then the index is merged, a step per task, if the sync replaced much of it.
                self.ctx.runner.submit(search_backlog.tidy_next, on_done=tidied,
                                       on_error=failed)

        def tidied(more: bool) -> None:
            if more:
                self.ctx.runner.submit(search_backlog.tidy_next, on_done=tidied,
                                       on_error=failed)
                return
            self._indexing = False
            if self._index_again:  # a sync stored records while the index was merged
                self.catch_up_search()

        def failed(exc: BaseException) -> None:
            # The list stays in the database: the next sync or start tries again.
            log.error("indexing received records failed: %s", exc)
            self._indexing = False

        self.ctx.runner.submit(search_backlog.index_next, on_done=step, on_error=failed)

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is None:
            return
        info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability) -> None:  # noqa: ANN001 - Qt enum
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability in (QNetworkInformation.Reachability.Online,
                                  QNetworkInformation.Reachability.Site,
                                  QNetworkInformation.Reachability.Local)
        if online and self.offline:
            self.sync_now(reason="network")

    def _local_change(self, what: str) -> None:
        if what.startswith("sync"):
            return
        self.state_changed.emit()
        if self.signed_in() and not self._after_change.isActive():
            self._after_change.start()

    # -- running -----------------------------------------------------------------------
    def signed_in(self) -> bool:
        from sync import client

        try:
            return client.status().signed_in
        except Exception:  # noqa: BLE001 - a status read must never break the window
            log.exception("reading the sync status failed")
            return False

    def sync_now(self, *, reason: str = "button") -> bool:
        """Start a sync unless one is running; False when it could not start."""
        if self.running or not self.signed_in():
            self.state_changed.emit()
            return False
        from sync.client import SyncEngine

        self.running = True
        self._cancel = threading.Event()
        cancel = self._cancel
        if self._engine is None:  # one engine, which keeps its connection between syncs
            self._engine = SyncEngine(data_paths=self.ctx.paths)
        engine = self._engine
        log.info("sync started (%s)", reason)

        def work(task):  # network worker
            return engine.sync_once(progress=lambda p: task.progress(
                p.done, p.total, p.message.text()), cancel=cancel)

        self.ctx.runner.submit(work, worker="net", with_task=True,
                               on_progress=self._on_progress, on_done=self._on_done,
                               on_error=self._on_error)
        self.state_changed.emit()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress_text = text
        self.progress.emit(text, done, total)
        self.state_changed.emit()

    def _on_done(self, report) -> None:  # noqa: ANN001 - SyncReport
        self.running = False
        self.progress_text = ""
        self.last_report = report
        if report.outcome == "wiped":
            self._wiped(report)
            return
        self.offline = report.outcome == "offline"
        if report.ok or report.outcome in ("cancelled", "busy"):
            self._failures = 0
            self._timer.start(REGULAR_INTERVAL_MS)
        else:
            self._failures += 1
            delay = min(MAX_BACKOFF_MS, 30_000 * 2 ** min(self._failures, 6))
            self._timer.start(int(delay * random.uniform(0.7, 1.3)))
        # Pages re-read their records only when the sync brought or changed some here; a
        # sync that only sent changes (or found nothing) leaves every screen as it is.
        if any((report.pulled, report.merged, report.conflicts, report.dropped,
                report.files_down, report.set_aside, report.repulled)):
            self.ctx.runner.changed.emit("sync")
        if report.pulled:
            self.catch_up_search()
        self.finished.emit(report)
        self.state_changed.emit()

    def _wiped(self, report) -> None:  # noqa: ANN001 - SyncReport
        """The centre reported this laptop lost or retired and its data is gone: say so and
        end the app without asking about anything (there is nothing left to save)."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        self._timer.stop()
        self._after_change.stop()
        text = report.message.text() if isinstance(report.message, Message) else ""
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                top.hide()
        QMessageBox.critical(None, self.tr("Liaison"), text)
        QApplication.exit(0)

    def _on_error(self, exc: BaseException) -> None:
        log.error("sync failed unexpectedly: %r", exc)
        self.running = False
        self._failures += 1
        self._timer.start(min(MAX_BACKOFF_MS, 60_000 * 2 ** min(self._failures, 5)))
        self.state_changed.emit()

    def shutdown(self, *, wait_seconds: float = 10.0) -> None:
        """At close: one last sync of waiting changes, bounded in time. Main thread."""
        self._timer.stop()
        self._after_change.stop()
        if self.running:
            self.cancel()
            return
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        from sync import client

        try:
            st = client.status()
        except Exception:  # noqa: BLE001
            return
        if not st.signed_in or st.pending == 0:
            return
        from sync.client import SyncEngine
        from sync.transport import RetryPolicy

        engine = SyncEngine(data_paths=self.ctx.paths, timeout=wait_seconds,
                            retry=RetryPolicy(attempts=1))
        try:
            self.ctx.runner.run_sync(engine.sync_once, worker="net",
                                     timeout=wait_seconds * 3)
            engine.close()
        except Exception:  # noqa: BLE001 - closing must not fail; changes stay queued
            log.warning("the closing sync did not finish; changes stay queued")

    # -- words -------------------------------------------------------------------------
    def status_text(self) -> str:
        """One line that is true: offline, syncing, synced N minutes ago, waiting, trouble."""
        from sync import client

        try:
            st = client.status()
        except Exception:  # noqa: BLE001
            return self.tr("Sync status unavailable")
        if not st.signed_in:
            if st.pending:
                return self.tr("Not signed in to a server; {n} changes kept on this "
                               "computer").format(n=st.pending)
            return self.tr("Not signed in to a server; everything is kept on this computer")
        parts: list[str] = []
        if self.running:
            parts.append(self.tr("Syncing… {what}").format(what=self.progress_text).strip())
        elif self.offline:
            parts.append(self.tr("Offline"))
        elif self.last_report is not None and self.last_report.outcome in ("signin", "upgrade"):
            message = self.last_report.message
            parts.append(message.text() if isinstance(message, Message) else str(message))
        elif st.last_success is not None:
            minutes = int((dt.datetime.utcnow() - st.last_success).total_seconds() // 60)
            parts.append(self.tr("Synced just now") if minutes < 1
                         else self.tr("Synced {n} min ago").format(n=minutes) if minutes < 120
                         else self.tr("Synced {n} h ago").format(n=minutes // 60))
        else:
            parts.append(self.tr("Not synced yet"))
        if st.pending:
            parts.append(self.tr("{n} changes waiting").format(n=st.pending))
        if st.conflicts:
            parts.append(self.tr("{n} conflicts to review").format(n=st.conflicts))
        if st.rejected:
            parts.append(self.tr("{n} refused by the server").format(n=st.rejected))
        return " · ".join(parts)
