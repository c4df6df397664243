"""Replacing a list's rows (a refresh after a sync) without moving what the officer reads."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


@contextmanager
def rows_kept_in_view(table: QTableView) -> Iterator[None]:
    """The record at the top of ``table``'s view is at the top again once the rows inside
    the ``with`` are replaced, however many rows a sync put above it. A view at the very top
    stays there, where new records appear. Records are known by the model's ``UserRole``
    (their id) and found with its ``row_of(id)``. Main thread."""
    model = table.model()
    top = ""
    if table.verticalScrollBar().value() > 0:
        row = table.rowAt(0)
        if row >= 0:
            top = model.index(row, 0).data(Qt.ItemDataRole.UserRole) or ""
    yield
    row = model.row_of(top) if top else -1
    if row >= 0:
        table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
