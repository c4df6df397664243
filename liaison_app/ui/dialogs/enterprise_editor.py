"""The form for creating or editing one enterprise.

The window is not modal: while it is open the officer can still look at the list behind it,
which is what the "Open it" link of a duplicate credit code relies on. It follows the editor
contract (``ui.editor_contract``): nothing typed is cleared by a failed save, a refresh or
another enterprise opened in it; only a successful save or an explicit discard closes it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import drafts, enterprises, officers
from liaison_app.core.services.enterprises import LABELS, EnterpriseInput
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.validation import Finding
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import show_error
from liaison_app.ui.widgets.feedback import FeedbackGroup, FieldFeedback
from liaison_app.ui.widgets.layouts import CompactList, CompactTextEdit, fit_dialog


class EnterpriseEditor(QDialog):
    """Create (``record_id`` None) or edit an enterprise. Main thread.

    ``saved`` carries the id of the saved record; ``open_existing`` the id of the
    enterprise that already has the credit code typed here.
    """

    saved = Signal(str)
    open_existing = Signal(str)

    def __init__(self, ctx: AppContext, *, record_id: str | None = None,
                 draft_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self.setModal(False)
        self.setObjectName("enterpriseEditor")
        self.feedback = FeedbackGroup()
        self._build()
        fit_dialog(self, QSize(900, 560))
        self.contract = EditorContract(ctx=ctx, root=self, adapter=self, kind="enterprise",
                                       noun=self.tr("enterprise"))
        self.layout().insertWidget(0, self.contract.notice)
        self.button_row.insertWidget(0, self.contract.draft_label, 1)
        if draft_key:
            self.contract.open_draft(draft_key, blank=drafts.to_payload(EnterpriseInput()))
        elif record_id:
            enterprises.get(record_id=record_id)  # NotFound says so in words
            self.contract.open_record(record_id)
        else:
            self.contract.open_new(self.new_payload())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save)

    @property
    def record_id(self) -> str | None:
        return self.contract.record_id

    def open_record(self, record_id: str | None) -> None:
        """Show another enterprise (or a new one), asking first about unsaved changes."""
        if record_id:
            self.contract.leave(lambda: self.contract.open_record(record_id))
        else:
            self.contract.leave(lambda: self.contract.open_new(self.new_payload()))

    # -- building ------------------------------------------------------------------------
    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> QWidget:
        form.addRow(label, self.feedback.field(key, widget, on_link=self.open_existing.emit))
        return widget

    def _combo(self, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(["", *values])
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def _build(self) -> None:
        choices = enterprises.filter_choices()
        self.name_edit = QLineEdit(objectName="name")
        self.uscc_edit = QLineEdit(objectName="uscc")
        self.uscc_edit.setMaxLength(24)
        self.uscc_edit.setPlaceholderText(self.tr("18 characters, e.g. 91370100MA3C1234X5"))
        self.town_combo = self._combo(choices.get("town", []))
        self.park_combo = self._combo(choices.get("park", []))
        self.industry_combo = self._combo(choices.get("industry", []))
        self.address_edit = QLineEdit(objectName="address")
        self.key_check = QCheckBox(self.tr("Key enterprise (visited more often)"))
        self.legal_rep_edit = QLineEdit(objectName="legal_rep")
        self.contact_name_edit = QLineEdit(objectName="contact_name")
        self.contact_phone_edit = QLineEdit(objectName="contact_phone")
        self.contact_phone_edit.setPlaceholderText(self.tr("Mobile or landline, e.g. 0534-1234567"))
        self.employees_edit = QLineEdit(objectName="employees")
        self.employees_edit.setValidator(QIntValidator(0, 9_999_999, self))
        self.cadence_edit = QLineEdit(objectName="visit_cadence_days")
        self.cadence_edit.setValidator(QIntValidator(0, 999, self))
        self.cadence_edit.setPlaceholderText(self.tr("Default: {key} for key enterprises, {other} "
                                                     "for others").format(
            key=self.ctx.settings.key_visit_cadence_days,
            other=self.ctx.settings.visit_cadence_days))
        self.officer_list = CompactList(lines=4)
        self.officer_list.setObjectName("officers")
        self.officer_list.setMinimumHeight(80)
        for officer in officers.list_officers():
            text = officer.name + (f"\uff08{officer.town}\uff09" if officer.town else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, officer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officer_list.addItem(item)
        self.notes_edit = CompactTextEdit(lines=4)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setMinimumHeight(80)

        basic = QGroupBox(self.tr("Basic information"))
        f1 = QFormLayout(basic)
        self._field(f1, "name", self.tr("Enterprise name *"), self.name_edit)
        self._field(f1, "uscc", LABELS["uscc"].text(), self.uscc_edit)
        self._field(f1, "town", LABELS["town"].text(), self.town_combo)
        self._field(f1, "park", LABELS["park"].text(), self.park_combo)
        self._field(f1, "industry", LABELS["industry"].text(), self.industry_combo)
        self._field(f1, "address", LABELS["address"].text(), self.address_edit)
        self._field(f1, "is_key", "", self.key_check)

        contact = QGroupBox(self.tr("Contacts and size"))
        f2 = QFormLayout(contact)
        self._field(f2, "legal_rep", LABELS["legal_rep"].text(), self.legal_rep_edit)
        self._field(f2, "contact_name", LABELS["contact_name"].text(), self.contact_name_edit)
        self._field(f2, "contact_phone", LABELS["contact_phone"].text(), self.contact_phone_edit)
        self._field(f2, "employees", LABELS["employees"].text(), self.employees_edit)
        self._field(f2, "visit_cadence_days", LABELS["visit_cadence_days"].text(), self.cadence_edit)

        officers_box = QGroupBox(self.tr("Assigned liaison officers"))
        ob = QVBoxLayout(officers_box)
        ob.addWidget(self.officer_list)
        if not self.officer_list.count():
            ob.addWidget(QLabel(self.tr("No officers are known on this device yet.")))
        fb = FieldFeedback(officers_box)
        ob.addWidget(fb)
        self.feedback.add("officer_ids", fb, widget=self.officer_list)
        notes_box = QGroupBox(LABELS["notes"].text())
        nb = QVBoxLayout(notes_box)
        nb.addWidget(self.notes_edit)
        fb = FieldFeedback(notes_box)
        nb.addWidget(fb)
        self.feedback.add("notes", fb, widget=self.notes_edit)

        self.general_feedback = FieldFeedback(self, on_link=self.open_existing.emit)
        self.general_feedback.setObjectName("feedback_general")
        self.feedback.set_fallback(self.general_feedback)

        self.button_row = QHBoxLayout()
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(basic, 1)
        top.addWidget(contact, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(officers_box, 1)
        bottom.addWidget(notes_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bottom, 1)
        layout.addWidget(self.general_feedback)
        self.button_row.addWidget(self.buttons)
        layout.addLayout(self.button_row)

        self.uscc_edit.editingFinished.connect(self.check_uscc)

    # -- values --------------------------------------------------------------------------
    def set_input(self, data: EnterpriseInput) -> None:
        self.name_edit.setText(data.name)
        self.uscc_edit.setText(data.uscc)
        self.town_combo.setCurrentText(data.town)
        self.park_combo.setCurrentText(data.park)
        self.industry_combo.setCurrentText(data.industry)
        self.address_edit.setText(data.address)
        self.key_check.setChecked(bool(data.is_key))
        self.legal_rep_edit.setText(data.legal_rep)
        self.contact_name_edit.setText(data.contact_name)
        self.contact_phone_edit.setText(data.contact_phone)
        self.employees_edit.setText("" if data.employees is None else str(data.employees))
        self.cadence_edit.setText(
            "" if data.visit_cadence_days is None else str(data.visit_cadence_days))
        chosen = set(data.officer_ids or [])
        for row in range(self.officer_list.count()):
            item = self.officer_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.notes_edit.setPlainText(data.notes)

    def collect(self) -> EnterpriseInput:
        """What the form holds now, as the service's input."""
        officer_ids = []
        for row in range(self.officer_list.count()):
            item = self.officer_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                officer_ids.append(item.data(Qt.ItemDataRole.UserRole))
        return EnterpriseInput(
            name=self.name_edit.text(), uscc=self.uscc_edit.text(),
            town=self.town_combo.currentText(), park=self.park_combo.currentText(),
            address=self.address_edit.text(), industry=self.industry_combo.currentText(),
            is_key=self.key_check.isChecked(), legal_rep=self.legal_rep_edit.text(),
            contact_name=self.contact_name_edit.text(),
            contact_phone=self.contact_phone_edit.text(),
            employees=_int_or_none(self.employees_edit.text()), officer_ids=officer_ids,
            visit_cadence_days=_int_or_none(self.cadence_edit.text()),
            notes=self.notes_edit.toPlainText())

    def is_dirty(self) -> bool:
        return self.contract.is_dirty()

    # -- the editor contract's adapter ---------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        return drafts.to_payload(self.collect())

    def show_payload(self, payload: dict[str, Any]) -> None:
        self.feedback.clear()
        self.set_input(drafts.from_payload(EnterpriseInput, payload))
        if self.contract.record_id:
            rec = enterprises.get(record_id=self.contract.record_id)
            self.setWindowTitle(self.tr("Edit enterprise \u2014 {name}").format(name=rec.name))
        else:
            self.setWindowTitle(self.tr("New enterprise"))

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        return stored_payload_of(
            lambda: EnterpriseInput.from_record(enterprises.get(record_id=record_id)),
            record=lambda: enterprises.get(record_id=record_id))

    def new_payload(self) -> dict[str, Any]:
        return drafts.to_payload(EnterpriseInput())

    def draft_title(self) -> str:
        return self.name_edit.text().strip() or self.tr("(no name yet)")

    def start_save(self) -> None:
        self.save()

    def close_editor(self) -> None:
        QDialog.reject(self)

    # -- checking and saving ---------------------------------------------------------------
    def check_uscc(self) -> None:
        """Leaving the credit code field: check it (and look for a duplicate) right away."""
        findings = [f for f in enterprises.validate(self.collect(), record_id=self.record_id)
                    if f.field == "uscc"]
        label = self.findChild(FieldFeedback, "feedback_uscc")
        if findings:
            label.show_findings(findings)
        else:
            label.clear_findings()

    def save(self, *, confirm_warnings: bool = False) -> None:
        """Save through the runner; problems appear next to their fields."""
        if self._saving:
            return
        data = self.collect()
        record_id = self.record_id
        self._set_saving(True)
        if record_id:
            def work() -> Any:
                return enterprises.update(record_id=record_id, data=data,
                                          confirm_warnings=confirm_warnings).id
        else:
            def work() -> Any:
                return enterprises.create(data=data, confirm_warnings=confirm_warnings).id
        self.ctx.runner.submit(self.contract.save_work(work), on_done=self._saved,
                               on_error=self._failed, change="enterprise")

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving\u2026") if saving else self.tr("Save"))

    def _saved(self, record_id: str) -> None:
        self._set_saving(False)
        self.feedback.clear()
        self.saved.emit(record_id)
        # After 保存 in the question (another enterprise, Ctrl+N) the window stays for that.
        if not self.contract.saved(record_id):
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if not isinstance(exc, ValidationFailed):
            self.contract.save_failed()
            show_error(self, exc)
            return
        self.feedback.show(exc.findings)
        if exc.errors:
            self.contract.save_failed()
            self._focus_first(exc.findings)
            return
        if self._confirm(exc.warnings):
            self.save(confirm_warnings=True)
        else:
            self.contract.save_failed()

    def _confirm(self, warnings: list[Finding]) -> bool:
        text = "\n\n".join(f.message.text() for f in warnings)
        answer = QMessageBox.question(
            self, self.tr("Please confirm"),
            self.tr("{problems}\n\nSave the enterprise as it is?").format(problems=text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _focus_first(self, findings: list[Finding]) -> None:
        widgets = {"name": self.name_edit, "uscc": self.uscc_edit,
                   "contact_phone": self.contact_phone_edit, "employees": self.employees_edit,
                   "visit_cadence_days": self.cadence_edit}
        for f in findings:
            widget = widgets.get(f.field)
            if widget is not None:
                widget.setFocus()
                return

    def reject(self) -> None:
        """Esc, 取消 and the window's close button: through the contract's question."""
        self.contract.close()


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else None
