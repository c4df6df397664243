"""The contract every page of the main window follows."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from liaison_app.ui.context import AppContext

log = logging.getLogger(__name__)
T = TypeVar("T")


class Page(QWidget):
    """A page in the main window's stack.

    Pages build their widgets in ``__init__`` and load data in ``activate`` (called each
    time the page is shown), so start-up only pays for the first page. Database reads that
    fit in a frame may run on the main thread through services; writes go through
    ``ctx.runner`` on the ``db`` worker. What a sync makes a shown page read again
    (``refresh_in_background``) goes through the runner when it takes longer than a frame
    (``read_then``), and the answer is shown in place of the old one, keeping the selection,
    the rows in view and any typing.
    """

    #: Stable id used for navigation and remembered as the last page.
    page_id = ""
    #: What a background refresh read is on the screen (tests and benchmarks wait for it).
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        # Each read gets the next number; an answer is shown only while its number is the
        # latest, so a slow answer never replaces what a later read (or a filter) showed.
        self._read_number = 0
        self._reads_out = 0
        self._next_read: tuple[int, Callable[[], Any], Callable[[Any], None]] | None = None

    def title(self) -> str:
        raise NotImplementedError

    def title_row(self) -> tuple[QHBoxLayout, QLabel]:
        """A header row starting with the page's title (styled by ``style.py``) and a grey
        label for counts; the page adds its filters and buttons after."""
        row = QHBoxLayout()
        row.addWidget(QLabel(self.title(), objectName="pageTitle"))
        row.addSpacing(12)
        count = QLabel()
        count.setStyleSheet("color: #666;")
        row.addWidget(count)
        return row, count

    def activate(self) -> None:
        """Shown: refresh if something changed since the last time."""
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows."""

    def on_data_changed(self, what: str) -> None:
        """A background write finished (``what`` names the record type); refresh lazily."""
        del what
        if self.isVisible():
            self.refresh_in_background()
        else:
            self._stale = True

    def on_day_changed(self, was: dt.date) -> None:
        """Midnight passed with the window open (``was`` the day before): what is due or
        late today has changed."""
        del was
        self.on_data_changed("day")

    def refresh_in_background(self) -> None:
        """What a background write (every sync) makes a shown page do. Main thread.

        Pages whose reading fits well inside a frame refresh at once; the others read on the
        runner (``read_then``) and show the answer when it comes, so the window never waits.
        """
        self.refresh()

    def read_then(self, read: Callable[[], T], show: Callable[[T], None]) -> None:
        """Run ``read`` (database reads only, no widgets) on the runner's database worker,
        after the writes queued there, and hand its answer to ``show`` on the main thread,
        unless the page has read again since. Main thread.

        While a read is on its way, a new one waits for it and only the newest waits: a
        burst of changes costs the database worker two reads, not one per change.
        """
        number = self.supersede_reads()
        if self._reads_out:
            self._next_read = (number, read, show)
            return
        self._send_read(number, read, show)

    def _send_read(self, number: int, read: Callable[[], T], show: Callable[[T], None]) -> None:
        self._reads_out += 1

        def done(answer: T) -> None:
            if not shiboken6.isValid(self):
                return
            self._reads_out -= 1
            if number == self._read_number:
                show(answer)
                self.refreshed.emit()
            self._send_waiting_read()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            # What is shown stays; the next change or visit of the page reads again.
            self._reads_out -= 1
            log.warning("background refresh of %s failed: %r", self.page_id, exc)
            self._send_waiting_read()

        self.ctx.runner.submit(read, on_done=done, on_error=failed)

    def _send_waiting_read(self) -> None:
        waiting, self._next_read = self._next_read, None
        if waiting is not None and waiting[0] == self._read_number:
            self._send_read(*waiting)

    def supersede_reads(self) -> int:
        """Any answer still on its way is out of date (the page reads now, or its filter
        changed): it will not be shown. Returns the new read's number. Main thread."""
        self._read_number += 1
        return self._read_number

    def refresh_pending(self) -> bool:
        """True while a background read of the page has not come back yet."""
        return self._reads_out > 0

    def open_record(self, record_id: str) -> None:
        """Show one record (from search, 工作台 or another page)."""
        del record_id

    def new_record(self) -> bool:
        """Ctrl+N: start a new record here; False when the page has none."""
        return False

    def save_current(self) -> bool:
        """Ctrl+S: save the open editor; False when there is nothing to save."""
        return False

    def can_leave(self) -> bool:
        """Asked before switching away or closing; an editor may keep its draft and say yes."""
        return True

    def save_state(self) -> None:
        """Remember splitter positions and the like in ``self.ctx.settings``."""

    def restore_state(self) -> None:
        """Put back what ``save_state`` remembered."""
