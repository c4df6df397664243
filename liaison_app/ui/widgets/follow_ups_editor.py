"""Follow-up actions of a visit: one row each, with a due date and a done box."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services.visits import FollowUpInput

#: The date edit shows "no deadline" at its minimum: QDateEdit cannot be empty.
NO_DATE = QDate(2000, 1, 1)


class FollowUpRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, item: FollowUpInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item.id
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit(item.text)
        self.text.setPlaceholderText(self.tr("What is to be done"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText(self.tr("No deadline"))
        self.due.setToolTip(self.tr("Deadline"))
        self.due.setDate(QDate(item.due_date) if item.due_date else NO_DATE)
        self.due.setMinimumWidth(110)
        self.done = QCheckBox(self.tr("Done"))
        self.done.setChecked(item.done)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Remove this follow-up action"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.due)
        layout.addWidget(self.done)
        layout.addWidget(self.remove)
        self.text.textChanged.connect(self.changed)
        self.due.dateChanged.connect(self.changed)
        self.done.toggled.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def value(self) -> FollowUpInput:
        date = self.due.date()
        due: dt.date | None = None if date == NO_DATE else date.toPython()
        return FollowUpInput(text=self.text.text(), due_date=due, done=self.done.isChecked(),
                             id=self.item_id)


class FollowUpsEditor(QWidget):
    """Add and remove rows; ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(4)
        outer.addLayout(self._rows_box)
        self._empty = QLabel(self.tr("No follow-up actions."))
        self._empty.setObjectName("hint")
        outer.addWidget(self._empty)
        bottom = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add follow-up action"))
        self.add_button.clicked.connect(self._add_clicked)
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        outer.addLayout(bottom)
        self._rows: list[FollowUpRow] = []

    def rows(self) -> list[FollowUpRow]:
        return list(self._rows)

    def values(self) -> list[FollowUpInput]:
        return [r.value() for r in self._rows]

    def set_values(self, items: list[FollowUpInput]) -> None:
        for row in list(self._rows):
            self._drop(row)
        for item in items:
            self._append(item)
        self._update_empty()

    def add_row(self, item: FollowUpInput | None = None) -> FollowUpRow:
        row = self._append(item or FollowUpInput(text=""))
        self._update_empty()
        self.changed.emit()
        return row

    def _add_clicked(self) -> None:
        self.add_row().text.setFocus()

    def _append(self, item: FollowUpInput) -> FollowUpRow:
        row = FollowUpRow(item, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self._rows.append(row)
        self._rows_box.addWidget(row)
        return row

    def _remove(self, row: FollowUpRow) -> None:
        self._drop(row)
        self._update_empty()
        self.changed.emit()

    def _drop(self, row: FollowUpRow) -> None:
        self._rows.remove(row)
        self._rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _update_empty(self) -> None:
        self._empty.setVisible(not self._rows)
