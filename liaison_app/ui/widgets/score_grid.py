"""The keyboard grid for entering a stack of returned paper sheets, one row per enterprise.

Made for speed with the sheets in one hand: type a score, Tab or Enter goes to the next box
(only the boxes one types in: scores, then comments, then the next row), ``n``, ``/`` or
``-`` marks 不了解/不适用, and leaving a row saves it on the background runner. Each row says
whether it is saved, waiting, or what is wrong with it (the typed values stay). A row whose
sheet is already entered shows it (in a named round) and changing it changes that sheet; in
an anonymous round its scores are not shown, and retyping it asks before replacing.

The rows typed and not saved yet (the row being typed, a row with a wrong value) follow the
editor contract (``ui.editor_contract``), one "record" per round and unit: they are drafted
as they are typed and offered back after a crash; changing the unit or the round asks
before they would be lost; a refresh after a sync keeps them; Esc in a box undoes that box,
Esc outside the boxes puts the typed rows aside through the contract's question.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import scoring
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import DRAFT_DELAY_MS, EditorContract
from liaison_app.ui.errors import describe

SAVED = QColor("#2e7d32")
PENDING = QColor("#b26a00")
WRONG = QColor("#c62828")
#: What may be typed for 不了解/不适用 (the first letter is enough).
NA_KEYS = frozenset({"n", "na", "n/a", "/", "-", "x", "不", "不了解", "不适用"})
FIXED = 2  # enterprise, town
#: The editor contract's kind of the grid's drafts (see ``DRAFT_KINDS``).
KIND = "score_entry"


def entry_key(round_id: str, unit: str) -> str:
    """The contract's record id of one round's grid for one unit."""
    return f"{round_id}|{unit}"


def _two_lines(label: str) -> str:
    """"代办手续及解决问题" -> "代办手续\n及解决问题": a header no wider than the box."""
    if len(label) <= 5:
        return label
    half = len(label) // 2
    return f"{label[:half]}\n{label[half:]}"


@dataclass
class _Row:
    entry: ev.EntryRow
    #: Dimension key -> number, None (n/a) or missing (blank).
    scores: dict[str, float | None] = field(default_factory=dict)
    comments: str = ""
    bad: set[str] = field(default_factory=set)
    dirty: bool = False
    saving: bool = False


class _EnterMovesOn(QStyledItemDelegate):
    """Enter in a box closes it and opens the next one, like Tab. The box open now is told
    to the grid, whose draft includes what is typed in it."""

    def __init__(self, grid: ScoreGrid) -> None:
        super().__init__(grid.table)
        self.grid = grid

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        self.grid.box_opened(editor, index.row(), index.column())
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            # Esc in an open box undoes that box; the grid's Esc (the contract's) is for
            # when no box is open.
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class _Table(QTableWidget):
    """Tab, Enter and the arrows' "next" step through the boxes one types in only."""

    def __init__(self, grid: ScoreGrid) -> None:
        super().__init__(0, 0)
        self.grid = grid

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        step = {QAbstractItemView.CursorAction.MoveNext: 1,
                QAbstractItemView.CursorAction.MovePrevious: -1}.get(action)
        if step is None:
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        row, col = (current.row(), current.column()) if current.isValid() else (0, FIXED - 1)
        first, last = self.grid.editable_columns()
        while True:
            col += step
            if col > last:
                row, col = row + 1, first
            elif col < first:
                row, col = row - 1, last
            if not 0 <= row < self.rowCount():
                # Past the last box of the last row: the sheet is done, save it now rather
                # than when the row is left (there is no row to go to).
                if step > 0 and current.isValid():
                    self.grid.save_row(current.row())
                return current
            if not self.isRowHidden(row):
                return self.model().index(row, col)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            target = self.moveCursor(QAbstractItemView.CursorAction.MoveNext,
                                     event.modifiers())
            if target.isValid():
                self.setCurrentIndex(target)
                self.edit(target)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.state() != QAbstractItemView.State.EditingState:
            item = self.currentItem()
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                item.setText("")
            return
        super().keyPressEvent(event)


class ScoreGrid(QWidget):
    """Main thread. ``set_round(round_id)`` then type; rows save themselves."""

    #: A row was saved (the page refreshes counts and results).
    row_saved = Signal(str)
    #: The phone link of a row's enterprise was asked for (its context menu).
    phone_link_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = ""
        self.unit = ""
        self.dims: list[scoring.Dimension] = []
        self.scale = scoring.scale({})
        self.anonymous = False
        self.writable = False
        self.rows: list[_Row] = []
        #: The page offers phone links for this round (the centre, a round open to phones).
        self.phone_links_offered = False
        self._rows_key = ""
        self._loading = False
        self._saving_all = False
        self._box: tuple[QLineEdit, int, int] | None = None
        self._box_timer = QTimer(self)
        self._box_timer.setSingleShot(True)
        self._box_timer.setInterval(DRAFT_DELAY_MS)
        self._box_timer.timeout.connect(lambda: self.contract.write_draft())
        self._build()
        self.contract = EditorContract(ctx=ctx, root=self.table, adapter=self, kind=KIND,
                                       noun=self.tr("typed score sheets"))
        self.layout().insertWidget(1, self.contract.notice)
        self.bottom.insertWidget(1, self.contract.draft_label)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Evaluated unit")))
        self.unit_box = QComboBox(objectName="entryUnit")
        self.unit_box.setMinimumContentsLength(14)
        self.unit_box.currentIndexChanged.connect(self._unit_chosen)
        top.addWidget(self.unit_box)
        top.addSpacing(12)
        self.find = QLineEdit(objectName="entryFind")
        self.find.setPlaceholderText(self.tr("Find an enterprise (Enter goes to its row)"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter)
        self.find.returnPressed.connect(self._go_to_first_match)
        top.addWidget(self.find, 1)
        self.count = QLabel(objectName="entryCount")
        top.addWidget(self.count)
        outer.addLayout(top)
        self.hint = QLabel(objectName="entryHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555;")
        outer.addWidget(self.hint)
        self.table = _Table(self)
        self.table.setObjectName("scoreGrid")
        self.table.setItemDelegate(_EnterMovesOn(self))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(self._cell_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        outer.addWidget(self.table, 1)
        self.message = QLabel(objectName="entryMessage")
        self.message.setWordWrap(True)
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.message, 1)
        outer.addLayout(self.bottom)

    # -- loading -----------------------------------------------------------------------------
    def set_round(self, round_id: str, *, writable: bool) -> None:
        """Show ``round_id`` (the page has asked ``leave`` before another round). The same
        round again (a refresh) keeps the rows being typed."""
        if round_id != self.round_id:
            self.flush()
        rnd = ev.get_round(record_id=round_id)
        wire = rnd.wire_fields()
        self.round_id = round_id
        self.dims = scoring.dimensions(wire)
        self.scale = scoring.scale(wire)
        self.anonymous = rnd.anonymous
        self.writable = writable and rnd.status == "open"
        names = ev.unit_names()
        keep = self.unit if self.unit in (rnd.units or []) else ""
        self._loading = True
        self.unit_box.clear()
        for unit in rnd.units or []:
            self.unit_box.addItem(names.get(unit, unit), unit)
        self._loading = False
        self.unit = keep or (rnd.units[0] if rnd.units else "")
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(self.unit), 0))
        if rnd.status == "draft":
            self._say(self.tr("The round is being prepared; sheets can be entered once the "
                              "centre opens it."), PENDING)
        elif rnd.status == "closed":
            self._say(self.tr("The round is closed; no more sheets can be entered."), PENDING)
        elif not writable:
            self._say(self.tr("Your account can read results but not enter sheets."), PENDING)
        else:
            self._say("", SAVED)
        if self.scale.kind == "levels":
            levels = "，".join(f"{i} = {label}" for i, (label, _p) in
                              enumerate(self.scale.levels, start=1))
            self.hint.setText(self.tr(
                "Type each level's number ({levels}) or its points; n, / or - for "
                "“don't know / not applicable”. Tab or Enter goes to the next box; a row is "
                "saved when you leave it.").format(levels=levels))
        else:
            self.hint.setText(self.tr(
                "Type each score (0 to {max}); n, / or - for “don't know / not applicable”. "
                "Tab or Enter goes to the next box; a row is saved when you leave it.").format(
                max=ev.format_number(self.scale.max)))
        self.reload()

    def _unit_chosen(self, _index: int) -> None:
        if self._loading:
            return
        unit = self.unit_box.currentData()
        if unit and unit != self.unit:
            if not self.leave(lambda: self._switch_unit(unit)):
                self._loading = True
                self.unit_box.setCurrentIndex(max(self.unit_box.findData(self.unit), 0))
                self._loading = False

    def _switch_unit(self, unit: str) -> None:
        self.unit = unit
        self.reload()
        self._loading = True
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(unit), 0))
        self._loading = False

    def leave(self, then: Callable[[], None]) -> bool:
        """Before another unit or round: rows that can be saved are saved (the grid's rule),
        and the contract asks about what still cannot (a wrong value). True when ``then``
        has run."""
        self.flush()
        return self.contract.leave(then)

    def editable_columns(self) -> tuple[int, int]:
        return FIXED, FIXED + len(self.dims)

    def reload(self) -> None:
        """Read the rows again (keeps rows with unsaved typing as they are)."""
        if not self.round_id or not self.unit:
            return
        key = entry_key(self.round_id, self.unit)
        # Rows being typed stay as typed, but only in the grid they were typed in.
        pending = {r.entry.enterprise_id: r for r in self.rows
                   if r.dirty or r.saving} if key == self._rows_key else {}
        current = self.table.currentIndex()
        keep_cell = (self.rows[current.row()].entry.enterprise_id, current.column()) if (
            pending and current.isValid() and current.row() < len(self.rows)) else None
        self._rows_key = key
        entries = ev.entry_rows(round_id=self.round_id, unit=self.unit)
        self.rows = [pending.get(e.enterprise_id) or _Row(
            e, dict(e.scores or {}), e.comments or "") for e in entries]
        self._loading = True
        table = self.table
        # Long dimension names are set on two lines so the score boxes can stay narrow.
        headers = [self.tr("Enterprise"), self.tr("Town/street"),
                   *[_two_lines(d.label) for d in self.dims], self.tr("Comments"),
                   self.tr("Status")]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.entry.name, row.entry.town)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(r, c, item)
            self._paint_row(r)
        head = table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c, d in enumerate(self.dims, start=FIXED):
            table.horizontalHeaderItem(c).setToolTip(d.label)
        table.resizeColumnToContents(0)
        table.setColumnWidth(0, min(max(table.columnWidth(0), 160), 240))
        table.setColumnWidth(1, 86)
        for c in range(FIXED, FIXED + len(self.dims)):
            table.setColumnWidth(c, 76 if self.scale.kind == "levels" else 64)
        head.setSectionResizeMode(FIXED + len(self.dims), QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(FIXED + len(self.dims) + 1, 120)
        if keep_cell is not None:
            row = next((r for r, x in enumerate(self.rows)
                        if x.entry.enterprise_id == keep_cell[0]), -1)
            if row >= 0:
                table.setCurrentCell(row, keep_cell[1])
        self._loading = False
        self._filter(self.find.text())
        self._count()
        if not self.rows:
            self._say(self.tr("None of the enterprises invited to this round is on this "
                              "computer (an officer's laptop holds the enterprises assigned "
                              "to them)."), PENDING)
        if self.contract.record_id != key or not self.contract.is_open():
            self.contract.open_record(key)

    def _count(self) -> None:
        done = sum(1 for r in self.rows if r.entry.entered)
        self.count.setText(self.tr("{done} of {total} entered").format(
            done=done, total=len(self.rows)))

    # -- showing a row -----------------------------------------------------------------------
    def _score_text(self, value: float | None, *, present: bool) -> str:
        if not present:
            return ""
        if value is None:
            return ev.NOT_APPLICABLE.text()
        label = self.scale.label_of(value)
        return f"{ev.format_number(value)} {label}".strip()

    def _paint_row(self, r: int) -> None:
        row = self.rows[r]
        self._loading, was = True, self._loading
        editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.writable:
            editable |= Qt.ItemFlag.ItemIsEditable
        hidden = self.anonymous and row.entry.entered and not row.dirty and not row.scores
        for i, d in enumerate(self.dims):
            item = self.table.item(r, FIXED + i) or QTableWidgetItem()
            text = "" if hidden else self._score_text(row.scores.get(d.key),
                                                      present=d.key in row.scores)
            if d.key in row.bad:
                text = self.table.item(r, FIXED + i).text() if self.table.item(
                    r, FIXED + i) else text
            item.setText(text)
            item.setFlags(editable)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setForeground(QBrush(WRONG if d.key in row.bad else QColor("#000")))
            self.table.setItem(r, FIXED + i, item)
        comments = self.table.item(r, FIXED + len(self.dims)) or QTableWidgetItem()
        comments.setText("" if hidden else row.comments)
        comments.setFlags(editable)
        self.table.setItem(r, FIXED + len(self.dims), comments)
        status = self.table.item(r, FIXED + len(self.dims) + 1) or QTableWidgetItem()
        status.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if row.saving:
            status.setText(self.tr("Saving…"))
            status.setForeground(QBrush(PENDING))
        elif row.bad:
            status.setForeground(QBrush(WRONG))
        elif row.dirty:
            status.setText(self.tr("Not saved yet"))
            status.setForeground(QBrush(PENDING))
        elif row.entry.entered:
            status.setText(self.tr("Entered (anonymous)") if hidden else self.tr("Entered ✓"))
            status.setForeground(QBrush(SAVED))
        else:
            status.setText("")
        self.table.setItem(r, FIXED + len(self.dims) + 1, status)
        self._loading = was

    def _set_status(self, r: int, text: str, color: QColor) -> None:
        item = self.table.item(r, FIXED + len(self.dims) + 1)
        if item is not None:
            item.setText(text)
            item.setToolTip(text)
            item.setForeground(QBrush(color))

    # -- typing ------------------------------------------------------------------------------
    def parse(self, text: str) -> tuple[bool, float | None]:
        """(ok, value) of what was typed in a score box; value None is n/a."""
        cleaned = text.strip().lower().replace("，", ".").replace("。", ".")
        if cleaned in NA_KEYS or cleaned == ev.NOT_APPLICABLE.text().lower():
            return True, None
        if cleaned.split(" ")[0] != cleaned:
            cleaned = cleaned.split(" ")[0]  # "80 满意" as shown after a level was chosen
        try:
            number = float(cleaned)
        except ValueError:
            return False, None
        if self.scale.kind == "levels" and number.is_integer() and \
                1 <= number <= len(self.scale.levels) and not self.scale.allows(number):
            return True, self.scale.levels[int(number) - 1][1]
        return self.scale.allows(number), number

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or not self.writable:
            return
        r, c = item.row(), item.column()
        row = self.rows[r]
        first, last = self.editable_columns()
        if c == last:
            row.comments = item.text().strip()
        elif first <= c < last:
            key = self.dims[c - FIXED].key
            text = item.text()
            if not text.strip():
                row.scores.pop(key, None)
                row.bad.discard(key)
            else:
                ok, value = self.parse(text)
                if ok:
                    row.scores[key] = value
                    row.bad.discard(key)
                    self._loading = True
                    item.setText(self._score_text(value, present=True))
                    item.setForeground(QBrush(QColor("#000")))
                    self._loading = False
                else:
                    row.scores.pop(key, None)
                    row.bad.add(key)
                    item.setForeground(QBrush(WRONG))
                    self._set_status(r, self.tr("{dimension}: “{text}” is not a score of this "
                                                "round ({scale}).").format(
                        dimension=self.dims[c - FIXED].label, text=text.strip(),
                        scale=self.scale.text()), WRONG)
        else:
            return
        row.dirty = True
        if not row.bad:
            self._paint_row(r)

    def _cell_changed(self, row: int, _col: int, previous_row: int, _previous_col: int) -> None:
        if self._loading:
            return  # the rows are being read again, not left
        if previous_row != row and 0 <= previous_row < len(self.rows):
            self.save_row(previous_row)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or not self.phone_links_offered:
            return
        enterprise_id = self.rows[index.row()].entry.enterprise_id
        menu = QMenu(self.table)
        menu.addAction(self.tr("Phone link of this enterprise…"),
                       lambda: self.phone_link_requested.emit(enterprise_id))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def box_opened(self, editor: QLineEdit, row: int, column: int) -> None:
        """A box was opened for typing: what is typed in it is drafted before it is
        committed (a crash mid-word loses at most half a second)."""
        self._box = (editor, row, column)
        editor.textChanged.connect(lambda _t: self._box_timer.start())

    def flush_draft(self) -> None:
        """Write what is typed, the open box included, as the draft now (before the page is
        left or the window closes)."""
        if self._box_timer.isActive():
            self._box_timer.stop()
            self.contract.write_draft()
        self.contract.flush_draft()

    def _open_box(self) -> tuple[int, int, str] | None:
        """(row, column, text) of the box open now, if any."""
        if self._box is None or self.table.state() != QAbstractItemView.State.EditingState:
            return None
        editor, row, column = self._box
        if not shiboken6.isValid(editor) or not editor.isVisible():
            return None
        return row, column, editor.text()

    # -- saving ------------------------------------------------------------------------------
    def _input(self, row: _Row) -> ev.SheetInput:
        # A box left empty on a returned sheet is an unanswered dimension, like 不适用.
        scores = {d.key: row.scores.get(d.key) for d in self.dims}
        return ev.SheetInput(round_id=self.round_id, enterprise_id=row.entry.enterprise_id,
                             unit=self.unit, scores=scores, comments=row.comments)

    def save_row(self, r: int, *, replace: bool | None = None) -> bool:
        """Save row ``r`` if it was typed in; False when there was nothing to save or it
        has a wrong value (its status says which)."""
        row = self.rows[r]
        if not row.dirty or row.saving or not self.writable:
            return False
        if row.bad:
            return False
        if not row.scores and not row.comments:
            row.dirty = False
            self._paint_row(r)
            return False
        data = self._input(row)
        # In a named round the row shows the sheet already entered: changing it changes it.
        replace = (row.entry.entered and not self.anonymous) if replace is None else replace
        row.saving = True
        self._paint_row(r)
        self.ctx.runner.submit(
            lambda: ev.save_sheet(data=data, replace=replace),
            on_done=lambda _sheet, row=row: self._saved(row),
            on_error=lambda exc, row=row: self._failed(row, exc), change="evaluation")
        # The draft holds what is still only typed; this row is now the runner's.
        self.contract.write_draft()
        return True

    def flush(self) -> None:
        """Save every row with unsaved typing (before the unit or round changes)."""
        for r in range(len(self.rows)):
            self.save_row(r)

    def pending(self) -> int:
        return sum(1 for r in self.rows if r.dirty)

    def _index_of(self, row: _Row) -> int:
        for i, candidate in enumerate(self.rows):
            if candidate is row:
                return i
        return -1

    def _saved(self, row: _Row) -> None:
        row.saving = False
        row.dirty = False
        row.entry = ev.EntryRow(**{**row.entry.__dict__, "entered": True})
        r = self._index_of(row)
        if r >= 0:
            self._paint_row(r)
            self._count()
        self.row_saved.emit(row.entry.enterprise_id)
        self._finish_save_all()

    def _failed(self, row: _Row, exc: BaseException) -> None:
        row.saving = False
        r = self._index_of(row)
        if r >= 0:
            self.contract.write_draft()  # typed again, not saved: back into the draft
        try:
            self._report_failure(row, r, exc)
        finally:
            self._finish_save_all()

    def _report_failure(self, row: _Row, r: int, exc: BaseException) -> None:
        if isinstance(exc, ev.DuplicateSheet):
            self._duplicate(row, exc)
            return
        text = ("\n".join(f.message.text() for f in exc.findings)
                if isinstance(exc, ValidationFailed) else describe(exc))
        if r >= 0:
            self._paint_row(r)
            self._set_status(r, text, WRONG)
        self._say(text, WRONG)

    def _duplicate(self, row: _Row, exc: ev.DuplicateSheet) -> None:
        """The sheet arrived meanwhile (another laptop, a phone): say so, offer to open it
        (named round) or to replace it (anonymous round, where it cannot be shown)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sheet already entered"))
        box.setText(exc.message.text())
        open_first = None if exc.anonymous else box.addButton(
            self.tr("Open the first sheet"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Replace it with what I typed"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        r = self._index_of(row)
        if box.clickedButton() is replace and r >= 0:
            self.save_row(r, replace=True)
        elif box.clickedButton() is open_first and open_first is not None:
            self.show_existing(exc.existing_id)
        elif r >= 0:
            self._paint_row(r)

    def show_existing(self, sheet_id: str) -> None:
        """Put the stored sheet back into its row (what was typed over it is dropped)."""
        view = ev.open_sheet(record_id=sheet_id)
        for r, row in enumerate(self.rows):
            if row.entry.enterprise_id == view.enterprise_id and view.unit == self.unit:
                self.rows[r] = _Row(ev.EntryRow(**{**row.entry.__dict__, "entered": True}),
                                    dict(view.scores or {}), view.comments or "")
                self._paint_row(r)
                self.table.setCurrentCell(r, FIXED)
                return

    def _unsaved(self) -> list[int]:
        """Rows typed in and not handed to the runner (not saved yet, or refused)."""
        return [r for r, row in enumerate(self.rows) if row.dirty and not row.saving]

    def _finish_save_all(self) -> None:
        """The contract's 保存 waits for every row it saved."""
        if not self._saving_all or any(row.saving for row in self.rows):
            return
        self._saving_all = False
        if self._unsaved():
            self.contract.save_failed()
        elif self.contract.record_id:
            self.contract.saved(self.contract.record_id)

    # -- the editor contract's adapter -------------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        round_id, _sep, unit = self._rows_key.partition("|")
        comments = FIXED + len(self.dims)
        box = self._open_box()
        texts: dict[tuple[int, int], str] = {}
        unsaved = self._unsaved()
        if box is not None:
            r, c, text = box
            item = self.table.item(r, c)
            if item is not None and text != item.text():
                texts[(r, c)] = text
                if r not in unsaved:
                    unsaved.append(r)

        def text_of(r: int, c: int) -> str:
            if (r, c) in texts:
                return texts[(r, c)]
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        rows = {self.rows[r].entry.enterprise_id: {
            "cells": {d.key: text_of(r, FIXED + i) for i, d in enumerate(self.dims)},
            "comments": text_of(r, comments)} for r in sorted(unsaved)}
        return {"round_id": round_id, "unit": unit, "rows": rows}

    def show_payload(self, payload: dict[str, Any]) -> None:
        typed = payload.get("rows") if isinstance(payload.get("rows"), dict) else {}
        comments = FIXED + len(self.dims)
        for r, row in enumerate(self.rows):
            values = typed.get(row.entry.enterprise_id)
            if not isinstance(values, dict):
                if row.dirty and not row.saving:  # back to what is stored
                    self.rows[r] = _Row(row.entry, dict(row.entry.scores or {}),
                                        row.entry.comments or "")
                    self._paint_row(r)
                continue
            cells = values.get("cells") if isinstance(values.get("cells"), dict) else {}
            # Typed back box by box, so each is checked as if typed now.
            for i, d in enumerate(self.dims):
                self._put(r, FIXED + i, str(cells.get(d.key, "")))
            self._put(r, comments, str(values.get("comments", "")))

    def _put(self, r: int, c: int, text: str) -> None:
        item = self.table.item(r, c)
        if item is not None and item.text() != text:
            item.setText(text)

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        round_id, _sep, unit = record_id.partition("|")
        try:
            rnd = ev.get_round(record_id=round_id)
        except NotFound:
            return None
        if unit not in (rnd.units or []):
            return None
        return {"round_id": round_id, "unit": unit, "rows": {}}

    def draft_title(self) -> str:
        return self.tr("{unit}: {n} sheets typed").format(
            unit=self.unit_box.currentText(), n=len(self._unsaved()))

    def start_save(self) -> None:
        self.flush()
        if self._unsaved():
            self.contract.save_failed()
            self._say(self.tr("Correct the boxes in red first, or empty them."), WRONG)
            return
        self._saving_all = True
        self._finish_save_all()

    def close_editor(self) -> None:
        """Esc (or the question's 保留草稿/丢弃): the typed rows go back to what is stored;
        a kept draft is offered in the notice once the runner has written it."""
        with self.contract.loading():
            self.show_payload({"rows": {}})
        key = entry_key(self.round_id, self.unit)
        self.ctx.runner.submit(lambda: None, on_done=lambda _r: self._reopen(key))
        self.find.setFocus()

    def _reopen(self, key: str) -> None:
        if self.contract.is_valid() and entry_key(self.round_id, self.unit) == key:
            self.contract.open_record(key)

    def open_draft(self, key: str) -> bool:
        """Put a draft of typed rows back (after a crash); False when it cannot be."""
        record = key.split(":", 1)[1] if ":" in key else ""
        round_id, _sep, unit = record.partition("|")
        if round_id != self.round_id or self.unit_box.findData(unit) < 0:
            return False
        if unit != self.unit:
            self._switch_unit(unit)
        return self.contract.open_draft(key)

    # -- finding rows ------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        needle = text.strip()
        for r, row in enumerate(self.rows):
            self.table.setRowHidden(r, bool(needle) and needle not in row.entry.name)

    def _go_to_first_match(self) -> None:
        for r in range(len(self.rows)):
            if not self.table.isRowHidden(r):
                self.focus_row(r)
                return

    def focus_row(self, r: int) -> None:
        self.table.setFocus()
        self.table.setCurrentCell(r, FIXED)
        self.table.scrollToItem(self.table.item(r, 0))

    def open_enterprise(self, *, unit: str, enterprise_id: str) -> bool:
        """Go to the row of a sheet (from its QR code). False when it is not in the grid."""
        if unit != self.unit:
            index = self.unit_box.findData(unit)
            if index < 0:
                return False
            self.unit_box.setCurrentIndex(index)
        self.find.clear()
        for r, row in enumerate(self.rows):
            if row.entry.enterprise_id == enterprise_id:
                self.focus_row(r)
                if row.entry.entered:
                    self._say(self.tr("{name}: this sheet is already entered; what you type "
                                      "changes it.").format(name=row.entry.name), PENDING)
                else:
                    self._say(self.tr("{name}: type the scores of this sheet.").format(
                        name=row.entry.name), SAVED)
                return True
        return False

    def _say(self, text: str, color: QColor) -> None:
        self.message.setStyleSheet(f"color:{color.name()};")
        self.message.setText(text)

    def current_values(self, r: int) -> dict[str, Any]:
        """What row ``r`` holds (for tests and the status bar)."""
        row = self.rows[r]
        return {"scores": dict(row.scores), "comments": row.comments, "dirty": row.dirty,
                "entered": row.entry.entered}
