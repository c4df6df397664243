"""The small dialog each workflow step of a request asks its details in."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.widgets.feedback import FieldFeedback


class RequestActionDialog(QDialog):
    """Asks what ``action`` needs; ``value()`` gives the service's ``ActionInput``.

    ``departments`` are (id, name) pairs of the directory, read by the caller.
    """

    def __init__(self, action: str, *, departments: list[tuple[str, str]],
                 addressees: list[str], current_deadline: dt.date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(rq.ACTION_LABELS[action].text())
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.lead = QComboBox()
        self.co = QListWidget()
        self.resolution = QPlainTextEdit()
        self.solved_yes = QRadioButton(self.tr("Yes"))
        self.solved_no = QRadioButton(self.tr("No"))
        self.satisfaction = QComboBox()
        self.deadline = QDateEdit()
        self.addressee = QComboBox()
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        if action == "dispatch":
            self.lead.addItem(self.tr("Choose…"), "")
            for dep_id, name in departments:
                self.lead.addItem(name, dep_id)
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, dep_id)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.co.addItem(item)
            self.co.setMinimumHeight(160)
            form.addRow(self.tr("Lead department *"), self.lead)
            form.addRow(self.tr("Co-departments"), self.co)
        elif action == "resolve":
            form.addRow(self.tr("How it was resolved *"), self.resolution)
        elif action == "call_back":
            group = QButtonGroup(self)
            row = QHBoxLayout()
            for button in (self.solved_yes, self.solved_no):
                group.addButton(button)
                row.addWidget(button)
            row.addStretch(1)
            form.addRow(self.tr("Problem solved? *"), row)
            self.satisfaction.addItem(self.tr("Choose…"), "")
            for code, label in rq.SATISFACTION_LABELS.items():
                self.satisfaction.addItem(label.text(), code)
            form.addRow(self.tr("Satisfaction *"), self.satisfaction)
        elif action == "extend":
            self.deadline.setCalendarPopup(True)
            self.deadline.setDisplayFormat("yyyy-MM-dd")
            start = current_deadline or clock.today()
            self.deadline.setDate(QDate(start.year, start.month, start.day).addDays(7))
            form.addRow(self.tr("New deadline *"), self.deadline)
        elif action == "escalate":
            self.addressee.addItem(self.tr("Choose…"), "")
            for name in addressees:
                self.addressee.addItem(name, name)
            form.addRow(self.tr("Addressed to *"), self.addressee)
        note_label = {
            "call_back": self.tr("The enterprise's words"),
            "return": self.tr("Why it was returned *"),
            "extend": self.tr("Why more time is needed *"),
            "note": self.tr("Note *"),
        }.get(action, self.tr("Note"))
        form.addRow(note_label, self.note)
        self.feedback = FieldFeedback()
        layout.addWidget(self.feedback)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            rq.ACTION_LABELS[action].text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> rq.ActionInput:
        note = self.note.toPlainText().strip()
        data = rq.ActionInput(note=note)
        if self.action == "dispatch":
            data.lead_department_id = self.lead.currentData() or ""
            data.co_department_ids = [
                self.co.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.co.count())
                if self.co.item(i).checkState() == Qt.CheckState.Checked]
        elif self.action == "resolve":
            data.resolution = self.resolution.toPlainText()
        elif self.action == "call_back":
            data.enterprise_resolved = (True if self.solved_yes.isChecked() else
                                        False if self.solved_no.isChecked() else None)
            data.satisfaction = self.satisfaction.currentData() or ""
            data.comment, data.note = note, ""
        elif self.action == "extend":
            data.new_deadline = self.deadline.date().toPython()
        elif self.action == "escalate":
            data.addressee = self.addressee.currentData() or ""
        return data

    def show_failure(self, exc: ValidationFailed) -> None:
        self.feedback.show_findings(exc.findings)
