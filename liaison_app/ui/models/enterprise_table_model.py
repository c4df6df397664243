"""The enterprise list as a Qt table model, filled a page at a time as the view scrolls."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from liaison_app.core.services.enterprises import LABELS

#: Loads ``limit`` records starting at ``offset``; must be cheap enough for the main thread.
PageLoader = Callable[[int, int], Sequence[Any]]

PAGE_SIZE = 300
KEY_COLOR = QColor("#b71c1c")

Index = QModelIndex | QPersistentModelIndex


class EnterpriseTableModel(QAbstractTableModel):
    """Rows are ``Enterprise`` records; officer names are looked up in a given map.

    Main thread only. The model never queries the database itself: the page hands it a
    loader (a service call) and the total the current filter matches.
    """

    COLUMNS = ("name", "uscc", "town", "park", "industry", "is_key", "contact_name",
               "contact_phone", "officers")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._total = 0
        self._loader: PageLoader | None = None
        self._officers: dict[str, str] = {}
        # Field names come from the enterprise service, which the editor and detail use too.
        self._headers = {key: LABELS[key].text() for key in (
            "name", "uscc", "town", "park", "industry")}
        self._headers["is_key"] = self.tr("Key")
        self._headers.update({key: LABELS[key].text()
                              for key in ("contact_name", "contact_phone")})
        self._headers["officers"] = self.tr("Liaison officers")

    # -- filling -----------------------------------------------------------------------
    def reset(self, *, loader: PageLoader, total: int, officer_names: dict[str, str],
              rows: Sequence[Any] | None = None) -> None:
        """Start over with a new filter: shows ``rows`` (read on the runner) or loads the
        first page now, the rest on scrolling."""
        self.beginResetModel()
        self._loader = loader
        self._total = total
        self._officers = dict(officer_names)
        if rows is None:
            rows = loader(0, PAGE_SIZE) if total else []
        self._rows = list(rows)
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid() or self._loader is None:
            return
        more = list(self._loader(len(self._rows), PAGE_SIZE))
        if not more:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def load_until(self, record_id: str) -> int:
        """Fetch pages until ``record_id`` is in the model; its row, or -1."""
        while True:
            row = self.row_of(record_id)
            if row >= 0 or not self.canFetchMore():
                return row
            self.fetchMore()

    # -- access ------------------------------------------------------------------------
    def record(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        for row, rec in enumerate(self._rows):
            if rec.id == record_id:
                return row
        return -1

    def officer_names(self, ids: Sequence[str]) -> str:
        return "、".join(self._officers.get(i, "") for i in ids if self._officers.get(i))

    # -- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[self.COLUMNS[section]]
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(rec, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("name", "officers", "park"):
            return self._text(rec, column)
        if role == Qt.ItemDataRole.UserRole:
            return rec.id
        if column == "is_key" and rec.is_key:
            if role == Qt.ItemDataRole.ForegroundRole:
                return KEY_COLOR
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        if column == "uscc" and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        return None

    def _text(self, rec: Any, column: str) -> str:
        if column == "is_key":
            return self.tr("Key") if rec.is_key else ""
        if column == "officers":
            return self.officer_names(rec.officer_ids or [])
        return str(getattr(rec, column) or "")
