"""The keyboard grid for entering a stack of returned paper sheets, one row per enterprise.

Made for speed with the sheets in one hand: type a score, Tab or Enter goes to the next box
(only the boxes one types in: scores, then comments, then the next row), ``n``, ``/`` or
``-`` marks 不了解/不适用, and leaving a row saves it on the background runner. Each row says
whether it is saved, waiting, or what is wrong with it (the typed values stay). A row whose
sheet is already entered shows it (in a named round) and changing it changes that sheet; in
an anonymous round its scores are not shown, and retyping it asks before replacing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe

SAVED = QColor("#2e7d32")
PENDING = QColor("#b26a00")
WRONG = QColor("#c62828")
#: What may be typed for 不了解/不适用 (the first letter is enough).
NA_KEYS = frozenset({"n", "na", "n/a", "/", "-", "x", "不", "不了解", "不适用"})
FIXED = 2  # enterprise, town


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
    """Enter in a box closes it and opens the next one, like Tab."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
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
        self._loading = False
        self._build()

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
        self.table.setItemDelegate(_EnterMovesOn(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(self._cell_changed)
        outer.addWidget(self.table, 1)
        self.message = QLabel(objectName="entryMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

    # -- loading -----------------------------------------------------------------------------
    def set_round(self, round_id: str, *, writable: bool) -> None:
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
            self.flush()
            self.unit = unit
            self.reload()

    def editable_columns(self) -> tuple[int, int]:
        return FIXED, FIXED + len(self.dims)

    def reload(self) -> None:
        """Read the rows again (keeps rows with unsaved typing as they are)."""
        if not self.round_id or not self.unit:
            return
        pending = {r.entry.enterprise_id: r for r in self.rows if r.dirty or r.saving}
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
        self._loading = False
        self._filter(self.find.text())
        self._count()
        if not self.rows:
            self._say(self.tr("None of the enterprises invited to this round is on this "
                              "computer (an officer's laptop holds the enterprises assigned "
                              "to them)."), PENDING)

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
        if previous_row != row and 0 <= previous_row < len(self.rows):
            self.save_row(previous_row)

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

    def _failed(self, row: _Row, exc: BaseException) -> None:
        row.saving = False
        r = self._index_of(row)
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
