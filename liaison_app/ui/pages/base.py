"""The contract every page of the main window follows."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from liaison_app.ui.context import AppContext


class Page(QWidget):
    """A page in the main window's stack.

    Pages build their widgets in ``__init__`` and load data in ``activate`` (called each
    time the page is shown), so start-up only pays for the first page. Database reads that
    fit in a frame may run on the main thread through services; writes go through
    ``ctx.runner`` on the ``db`` worker.
    """

    #: Stable id used for navigation and remembered as the last page.
    page_id = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True

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
            self.refresh()
        else:
            self._stale = True

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
