"""The visit list as a lazy Qt table model.

Rows arrive in keyset pages (``visits.list_visits(after=...)``): the view asks for more only
when it scrolls near the end, so opening a list of 100,000 visits reads one page, and each
later page costs the same as the first.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from liaison_app.core.services import officers, visits
from liaison_app.core.services.visits import VisitFilter, VisitRow

PAGE_SIZE = 200

AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_USER = Qt.ItemDataRole.UserRole
#: The roles the list answers. A view asks each visible cell for a dozen (font, colours,
#: alignment, ...) on every paint; the others are turned away before anything is looked up.
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _USER))


@dataclass(frozen=True)
class VisitPage:
    """What a refresh read on the runner: the rows for ``flt``, up to ``wanted`` of them."""

    flt: VisitFilter
    wanted: int
    rows: list[VisitRow]
    officer_names: dict[str, str]


class VisitTableModel(QAbstractTableModel):
    """Main thread only: pages are short indexed reads, well inside a frame."""

    COLUMNS = ("visit_at", "enterprise", "kind", "officers", "summary")

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._rows: list[VisitRow] = []
        self._filter = VisitFilter()
        self._exhausted = True
        self._officer_names: dict[str, str] = {}
        self._headers = (self.tr("Visit time"), self.tr("Enterprise"), self.tr("Kind"),
                         self.tr("Liaison officers"), self.tr("Summary"))

    # -- loading -----------------------------------------------------------------------
    def set_filter(self, flt: VisitFilter) -> None:
        self._filter = flt
        self.reload()

    def current_filter(self) -> VisitFilter:
        return self._filter

    def reload(self) -> None:
        """Drop what is loaded and read the first page again."""
        self.beginResetModel()
        self._officer_names = officers.names_by_id()
        self._rows = visits.list_visits(flt=self._filter, limit=self._page_size)
        self._exhausted = len(self._rows) < self._page_size
        self.endResetModel()

    def reader(self) -> Callable[[], VisitPage]:
        """The read a background refresh runs on the runner (any thread, no Qt): as many
        rows as are loaded now, at least a page, so whoever scrolled down keeps their place.
        Main thread (it only takes the filter and the count)."""
        flt = self._filter
        wanted = max(self._page_size, len(self._rows))
        return lambda: VisitPage(flt, wanted, visits.list_visits(flt=flt, limit=wanted),
                                 officers.names_by_id())

    def show_page(self, page: VisitPage) -> bool:
        """Show what ``reader`` read; False (nothing changed) when the filter changed since."""
        if page.flt != self._filter:
            return False
        self.beginResetModel()
        self._officer_names = page.officer_names
        self._rows = page.rows
        self._exhausted = len(page.rows) < page.wanted
        self.endResetModel()
        return True

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self._rows:
            return
        last = self._rows[-1]
        # Every later row is on or before the last row's day. Saying so gives SQLite a range
        # on the visit_at index; the keyset condition alone (an OR) makes it scan from the
        # newest row on every page, and paging to the end of 100,000 visits turns quadratic.
        day = last.visit_at.date()
        bounded = dataclasses.replace(
            self._filter, until=min(self._filter.until, day) if self._filter.until else day)
        page = visits.list_visits(flt=bounded, after=(last.visit_at, last.id),
                                  limit=self._page_size)
        self._exhausted = len(page) < self._page_size
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- lookup ------------------------------------------------------------------------
    def loaded_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> VisitRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: str) -> int:
        """The row showing ``visit_id`` among those loaded, or -1."""
        for n, r in enumerate(self._rows):
            if r.id == visit_id:
                return n
        return -1

    def officer_text(self, ids: list[str]) -> str:
        return "、".join(self._officer_names.get(i, "?") for i in ids)

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == _USER:
            return row.id
        column = self.COLUMNS[index.column()]
        if role == _DISPLAY or column in ("summary", "enterprise"):
            return self._display(row, column)
        return None

    def _display(self, row: VisitRow, column: str) -> str:
        if column == "visit_at":
            return _format_time(row.visit_at)
        if column == "enterprise":
            return row.enterprise_name
        if column == "kind":
            label = visits.KIND_LABELS.get(row.kind)
            return label.text() if label else row.kind
        if column == "officers":
            return self.officer_text(row.officer_ids)
        return row.summary


def _format_time(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")
