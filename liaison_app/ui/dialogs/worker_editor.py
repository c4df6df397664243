"""Add or edit one worker of a roster; the service checks ID number and phone on save.

It follows the editor contract (``ui.editor_contract``). The form has two columns so an
18-digit ID number is shown whole, and the dialog still fits a 1280×720 screen.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import drafts, roster
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.services.roster import WorkerInput
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR, FeedbackGroup, FieldFeedback
from liaison_app.ui.widgets.layouts import CompactTextEdit, fit_dialog

#: Who the worker is, and where they work and live: the two columns of the form.
LEFT = ("name", "id_number", "phone", "workshop", "post", "shift")
RIGHT = ("address", "home_town", "plate", "health", "travel")
#: Free text, below both columns.
MULTI_LINE = ("notes",)


class WorkerEditor(QDialog):
    """Main thread. ``record_id`` None adds a worker to ``enterprise_id``'s roster."""

    saved = Signal(str)

    FIELDS = (*LEFT, *RIGHT, *MULTI_LINE)

    def __init__(self, ctx: AppContext, *, enterprise_id: str, record_id: str | None = None,
                 draft_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enterprise_id = enterprise_id
        self._busy = False
        self.setObjectName("workerEditor")
        layout = QVBoxLayout(self)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.feedback = FeedbackGroup()
        columns = QHBoxLayout()
        for names in (LEFT, RIGHT):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                form.addRow(self._label(name), self._field(name, QLineEdit()))
            columns.addLayout(form, 1)
        layout.addLayout(columns)
        notes = CompactTextEdit(lines=2)
        notes.setMinimumHeight(48)
        notes.setMaximumHeight(96)
        bottom = QFormLayout()
        bottom.addRow(self._label("notes"), self._field("notes", notes))
        layout.addLayout(bottom)
        layout.addStretch(1)
        id_edit = self.edits["id_number"]
        assert isinstance(id_edit, QLineEdit)
        id_edit.setMaxLength(18)
        id_edit.setPlaceholderText(self.tr("18 characters, e.g. 11010519491231002X"))
        # Wide enough for all 18 characters of an ID number and its placeholder.
        id_edit.setMinimumWidth(id_edit.fontMetrics().horizontalAdvance(
            id_edit.placeholderText()) + 24)
        self.error = QLabel(objectName="workerError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{ERROR_COLOR};")
        self.error.hide()
        fallback = FieldFeedback()
        self.feedback.set_fallback(fallback)
        layout.addWidget(fallback)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)
        fit_dialog(self, QSize(760, 340))
        self.contract = EditorContract(ctx=ctx, root=self, adapter=self, kind="worker",
                                       noun=self.tr("worker"))
        layout.insertWidget(0, self.contract.notice)
        row.insertWidget(0, self.contract.draft_label, 1)
        if draft_key:
            self.contract.open_draft(draft_key, blank=self.new_payload())
        elif record_id:
            roster.get(record_id=record_id)  # NotFound says so in words
            self.contract.open_record(record_id)
        else:
            self.contract.open_new(self.new_payload())

    def _label(self, name: str) -> str:
        return roster.LABELS[name].text() + (" *" if name in ("name", "id_number") else "")

    def _field(self, name: str, edit: QLineEdit | QPlainTextEdit) -> QWidget:
        edit.setObjectName(f"worker_{name}")
        self.edits[name] = edit
        return self.feedback.field(name, edit, spacing=0)

    @property
    def record_id(self) -> str | None:
        return self.contract.record_id

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Edit worker") if self.record_id else self.tr("Add worker"))

    def value(self) -> WorkerInput:
        return WorkerInput(**{name: edit.toPlainText() if isinstance(edit, QPlainTextEdit)
                              else edit.text() for name, edit in self.edits.items()})

    def set_value(self, data: WorkerInput) -> None:
        for name, edit in self.edits.items():
            text = getattr(data, name)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(text)
            else:
                edit.setText(text)

    # -- the editor contract's adapter ---------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        # The enterprise goes with it, so a draft of a new worker knows its roster.
        return {**drafts.to_payload(self.value()), "enterprise_id": self.enterprise_id}

    def show_payload(self, payload: dict[str, Any]) -> None:
        self.feedback.clear()
        self.error.hide()
        self.set_value(drafts.from_payload(WorkerInput, payload))
        self._update_title()

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        payload = stored_payload_of(lambda: roster.load_input(record_id=record_id),
                                    record=lambda: roster.get(record_id=record_id))
        return None if payload is None else {**payload, "enterprise_id": self.enterprise_id}

    def new_payload(self) -> dict[str, Any]:
        return {**drafts.to_payload(WorkerInput()), "enterprise_id": self.enterprise_id}

    def draft_title(self) -> str:
        return self.edits["name"].text().strip() or self.tr("(no name yet)")  # type: ignore[union-attr]

    def start_save(self) -> None:
        self.save()

    def close_editor(self) -> None:
        QDialog.reject(self)

    def reject(self) -> None:
        """Esc, 取消 and the window's close button: through the contract's question."""
        self.contract.close()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        if self._busy:
            return
        self._busy = True
        data, ent, rid = self.value(), self.enterprise_id, self.record_id
        self.error.hide()

        def work() -> str:
            if rid:
                return roster.update(record_id=rid, data=data).id
            return roster.create(enterprise_id=ent, data=data).id

        self.ctx.runner.submit(self.contract.save_work(work), on_done=self._saved,
                               on_error=self._failed, change="worker")

    def _saved(self, record_id: str) -> None:
        self._busy = False
        self.saved.emit(record_id)
        if not self.contract.saved(record_id):
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.contract.save_failed()
        if isinstance(exc, ValidationFailed):
            self.feedback.show(exc.findings)
            return
        self.feedback.clear()
        self.error.setText(describe(exc))
        self.error.show()
