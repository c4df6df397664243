"""Add or edit one worker of a roster; the service checks ID number and phone on save."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import roster
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.services.roster import WorkerInput
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR, FeedbackGroup, FieldFeedback


class WorkerEditor(QDialog):
    """Main thread. ``record_id`` None adds a worker to ``enterprise_id``'s roster."""

    saved = Signal(str)

    FIELDS = ("name", "id_number", "phone", "workshop", "post", "shift", "address",
              "home_town", "plate", "health", "travel", "notes")

    def __init__(self, ctx: AppContext, *, enterprise_id: str, record_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enterprise_id = enterprise_id
        self.record_id = record_id
        self._busy = False
        self.setObjectName("workerEditor")
        self.setWindowTitle(self.tr("Edit worker") if record_id else self.tr("Add worker"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.feedback = FeedbackGroup()
        for name in self.FIELDS:
            edit = QLineEdit(objectName=f"worker_{name}")
            self.edits[name] = edit
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(edit)
            fb = FieldFeedback()
            self.feedback.add(name, fb)
            box.addWidget(fb)
            label = roster.LABELS[name].text() + (" *" if name in ("name", "id_number") else "")
            form.addRow(label, box)
        self.edits["id_number"].setMaxLength(18)
        self.edits["id_number"].setPlaceholderText(self.tr("18 characters, e.g. "
                                                           "11010519491231002X"))
        layout.addLayout(form)
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
        layout.addWidget(buttons)
        if record_id:
            self.setEnabled(False)
            rid = record_id
            ctx.runner.submit(lambda: roster.load_input(record_id=rid), on_done=self._loaded,
                              on_error=self._failed)

    def _loaded(self, data: WorkerInput) -> None:
        self.setEnabled(True)
        for name, edit in self.edits.items():
            edit.setText(getattr(data, name))

    def value(self) -> WorkerInput:
        return WorkerInput(**{name: edit.text() for name, edit in self.edits.items()})

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

        self.ctx.runner.submit(work, on_done=self._saved, on_error=self._failed,
                               change="worker")

    def _saved(self, record_id: str) -> None:
        self._busy = False
        self.saved.emit(record_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.feedback.show(exc.findings)
            return
        self.feedback.clear()
        self.error.setText(describe(exc))
        self.error.show()
