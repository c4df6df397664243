"""A read-only table over the plain rows a service returns.

Filling it costs one list assignment: the view asks for the texts of the cells it shows,
so a refresh of a list of hundreds of rows (after every sync) stays quick, where a
QTableWidget built a styled item for every cell.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
#: (text colour, background colour) of a row or a cell; None keeps the view's own.
Colours = tuple[QColor | None, QColor | None]


class RowsModel(QAbstractTableModel):
    """``cells(row)`` gives a row's shown texts; ``UserRole`` is the row's ``id``."""

    def __init__(self, headers: list[str], cells: Callable[[Any], Sequence[Any]],
                 parent: QObject | None = None, *,
                 colours: Callable[[Any, int], Colours] | None = None,
                 tooltips: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.headers = headers
        self.cells = cells
        self.colours = colours
        self.tooltips = set(tooltips)
        self.rows: list[Any] = []
        self._texts: dict[int, list[str]] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._texts = {}
        self.endResetModel()

    def row_at(self, index: int) -> Any:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id``, or -1."""
        return next((n for n, row in enumerate(self.rows)
                     if getattr(row, "id", None) == record_id), -1)

    def text(self, row: int, column: int) -> str:
        texts = self._texts.get(row)
        if texts is None:
            texts = ["" if v is None else str(v) for v in self.cells(self.rows[row])]
            self._texts[row] = texts
        return texts[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in self.tooltips:
            return self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(self.rows[row], "id", None)
        if self.colours is not None and role in (Qt.ItemDataRole.ForegroundRole,
                                                 Qt.ItemDataRole.BackgroundRole):
            text, background = self.colours(self.rows[row], column)
            colour = text if role == Qt.ItemDataRole.ForegroundRole else background
            return QBrush(colour) if colour is not None else None
        return None
