"""A page with a list of records and an editor pane beside it that follows the editor
contract (requests, proxy cases; later ones too).

The page provides ``self.table`` (a QTableView over ``self.model``, a ``RowsModel``),
``self.contract`` (its editor's ``EditorContract``), ``self.detail_stack`` (index 0: what to
do when nothing is open; 1: the editor) and two methods: ``_show_state(record_id)`` fills
what is not typed in (status, timeline, buttons) and ``_show_new_state()`` does so for a
record not saved yet. This mixin does the rest: choosing a row asks the contract first,
drafts open in the pane, the list follows the pane. Main thread.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ListEditorMixin:
    """Mix in before ``Page``: ``class RequestsPage(ListEditorMixin, Page)``."""

    table: Any
    model: Any
    contract: Any
    detail_stack: Any

    def _show_state(self, record_id: str) -> None:
        raise NotImplementedError

    def _show_new_state(self) -> None:
        raise NotImplementedError

    @property
    def current_id(self) -> str:
        """The record open in the editor; empty for none or a new one."""
        return self.contract.record_id or ""

    def _select_row(self, record_id: str) -> None:
        """Mark ``record_id``'s row (none for "") without it counting as a choice."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.clearSelection()
        row = self.model.row_of(record_id) if record_id else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        selection.blockSignals(False)
        self.table.viewport().update()

    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is not None and row.id != self.current_id:
            record_id = row.id
            self._leave_then(lambda: self._open(record_id))

    def _leave_then(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the editor may show something else; the list goes back to
        the open record when the officer stays."""
        if not self.contract.leave(then):
            self._select_row(self.current_id)

    def _open(self, record_id: str) -> None:
        if not self.contract.open_record(record_id):
            self._close_pane()  # deleted meanwhile: show nothing
            return
        self._select_row(record_id)
        self._show_state(record_id)

    def _open_draft(self, key: str) -> None:
        if not self.contract.open_draft(key):
            return
        if self.current_id:
            self._select_row(self.current_id)
            self._show_state(self.current_id)
        else:
            self._select_row("")
            self._show_new_state()

    def _close_pane(self) -> None:
        self.contract.forget()
        self._select_row("")
        self.detail_stack.setCurrentIndex(0)

    def _refresh_open_record(self) -> None:
        """After the list was read again: the open record's fields through the contract
        (typing kept), its state afresh; the pane closes if the record is gone."""
        keep = self.current_id
        if not keep:
            return
        if self.contract.refresh() == "gone":
            self._close_pane()
            return
        self._select_row(keep)
        self._show_state(keep)
