"""A table for entering many lines by keyboard: type into a cell, Tab or Enter to the next.

Typing into a cell starts editing it; Tab and Enter both commit and move on to the next cell
that can be edited, skipping labels and status columns, and from a line's last field to the
next line's first. Shift+Tab goes back. The view says when the cursor leaves a line, so the
page can save the line just finished, and tells what is typed in the cell open now (the
editor contract drafts it before it is committed). Esc in an open cell undoes that cell only.
Main thread only.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EntryDelegate(QStyledItemDelegate):
    """Plain line editors; Enter commits and moves on like Tab."""

    def __init__(self, view: EntryGridView) -> None:
        super().__init__(view)
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        del option
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setMaxLength(2000)
        self.view.cell_opened(editor, index)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape):
            # Esc in an open cell is the cell's (undo it); a shortcut on the grid gets the
            # Esc pressed when no cell is open.
            event.accept()
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER and isinstance(editor, QWidget)):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class EntryGridView(QTableView):
    #: The cursor left a line (its row), e.g. to save it.
    line_left = Signal(int)
    #: The visible width changed: the page fits its columns to it.
    width_changed = Signal()
    #: What is typed changed: the page emits it when its model takes typing, the open cell
    #: emits it as its text changes (the editor contract watches a field's ``changed``).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_EntryDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(30)
        self._cell: tuple[QLineEdit, QPersistentModelIndex] | None = None

    def cell_opened(self, editor: QLineEdit, index: QModelIndex) -> None:
        self._cell = (editor, QPersistentModelIndex(index))
        editor.textChanged.connect(lambda _text: self.changed.emit())

    def open_cell(self) -> tuple[int, int, str] | None:
        """(row, column, text) of the cell being typed in now and not yet committed."""
        if self._cell is None or self.state() != QAbstractItemView.State.EditingState:
            return None
        editor, index = self._cell
        if not shiboken6.isValid(editor) or not editor.isVisible() or not index.isValid():
            return None
        return index.row(), index.column(), editor.text()

    def commit_open_cell(self) -> None:
        """Put what the open cell holds into the model and close it (before saving)."""
        if self.open_cell() is not None and self._cell is not None:
            editor = self._cell[0]
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.width_changed.emit()

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        if model is not None:
            self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and previous.row() != current.row():
            self.line_left.emit(previous.row())

    def _editable(self, row: int, column: int) -> bool:
        model = self.model()
        index = model.index(row, column)
        return bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)

    def next_editable(self, index: QModelIndex, *, step: int) -> QModelIndex:
        """The next (or, with ``step`` -1, previous) cell that can be edited, row by row."""
        model = self.model()
        rows, columns = model.rowCount(), model.columnCount()
        if not rows or not columns:
            return QModelIndex()
        position = (index.row() * columns + index.column()) if index.isValid() else -1
        for _ in range(rows * columns):
            position += step
            if not 0 <= position < rows * columns:
                return QModelIndex()
            row, column = divmod(position, columns)
            if self._editable(row, column):
                return model.index(row, column)
        return QModelIndex()

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802 - Qt API
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveNext,
                      QAbstractItemView.CursorAction.MovePrevious):
            step = 1 if action is QAbstractItemView.CursorAction.MoveNext else -1
            found = self.next_editable(self.currentIndex(), step=step)
            return found if found.isValid() else self.currentIndex()
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in _ENTER and self.state() != QAbstractItemView.State.EditingState:
            found = self.next_editable(self.currentIndex(), step=1)
            if found.isValid():
                self.setCurrentIndex(found)
            event.accept()
            return
        super().keyPressEvent(event)

    def first_field(self, row: int) -> QModelIndex:
        """The first cell of ``row`` that can be edited."""
        model = self.model()
        for column in range(model.columnCount()):
            if self._editable(row, column):
                return model.index(row, column)
        return QModelIndex()
