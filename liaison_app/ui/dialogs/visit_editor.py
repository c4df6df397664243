"""The visit editor: a panel beside the visit list.

It follows the editor contract (``ui.editor_contract``): drafts, the question before
discarding, background refreshes that never overwrite typing, Tab/Ctrl+Tab and Esc.
Validation messages appear next to their fields and everything typed stays in place.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import drafts, enterprises, officers, visits
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.services.visits import VisitInput
from liaison_app.core.validation import Finding
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import describe, show_error
from liaison_app.ui.widgets.attachments_strip import AttachmentsStrip
from liaison_app.ui.widgets.feedback import ERROR_COLOR, FeedbackGroup, FieldFeedback
from liaison_app.ui.widgets.follow_ups_editor import FollowUpsEditor

DRAFT_KIND = "visit"
#: More enterprises than any county has; the chooser holds them all for type-to-find.
MAX_ENTERPRISES = 100_000


# -- choosers ------------------------------------------------------------------------------
class EnterpriseChooser(QComboBox):
    """An editable combo box that finds an enterprise by any part of its name."""

    def __init__(self, parent: QWidget | None = None, *, any_text: str = "") -> None:
        super().__init__(parent)
        self._any_text = any_text
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._loaded = False
        if any_text:
            # Shown at once; the names are read only when someone opens or types in the box.
            self.addItem(any_text, "")

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_loaded()
        super().focusInEvent(event)

    def ensure_loaded(self) -> None:
        """Main thread: a short read of names; done once, when first needed."""
        if self._loaded:
            return
        self.reload()

    def invalidate(self) -> None:
        """Enterprises changed: read the names again the next time they are needed."""
        self._loaded = False

    def reload(self) -> None:
        keep = self.enterprise_id()
        self.blockSignals(True)
        self.clear()
        if self._any_text:
            self.addItem(self._any_text, "")
        for ent in enterprises.list_enterprises(limit=MAX_ENTERPRISES):
            self.addItem(ent.name, ent.id)
        self._loaded = True
        self.blockSignals(False)
        self.set_enterprise_id(keep)

    def enterprise_id(self) -> str:
        index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchExactly)
        return str(self.itemData(index) or "") if index >= 0 else ""

    def set_enterprise_id(self, enterprise_id: str) -> None:
        if enterprise_id or not self._any_text:
            self.ensure_loaded()
        index = self.findData(enterprise_id) if enterprise_id else -1
        if index < 0 and self._any_text:
            index = 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText("")


class OfficerPicker(QListWidget):
    """Check the officers who made the visit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(110)
        self.setAlternatingRowColors(False)
        self._names: dict[str, str] = {}

    def reload(self) -> None:
        keep = self.selected_ids()
        self.blockSignals(True)
        self.clear()
        for officer in officers.list_officers():
            label = f"{officer.name}（{officer.town}）" if officer.town else officer.name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, officer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
            self._names[officer.id] = officer.name
        self.blockSignals(False)
        self.set_selected_ids(keep)

    def selected_ids(self) -> list[str]:
        return [self.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.count())
                if self.item(n).checkState() == Qt.CheckState.Checked]

    def set_selected_ids(self, ids: list[str]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        first = None
        for n in range(self.count()):
            item = self.item(n)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if checked and first is None:
                first = item
        self.blockSignals(False)
        if first is not None:
            self.scrollToItem(first)

    def names(self, ids: list[str]) -> str:
        return "、".join(self._names.get(i, "?") for i in ids)


# -- the editor ----------------------------------------------------------------------------
class VisitEditor(QWidget):
    """Main thread. Emits ``saved(visit_id)``, ``deleted(visit_id)`` and ``closed()``."""

    saved = Signal(str)
    deleted = Signal(str)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self._build()
        self.contract = EditorContract(ctx=ctx, root=self, adapter=self, kind=DRAFT_KIND,
                                       noun=self.tr("visit"))
        self.contract.draft_label.setStyleSheet("color: #666;")
        self.header.addWidget(self.contract.draft_label)
        self.outer.insertWidget(1, self.contract.notice)
        # The names tests and older callers use for the notice that offers a draft.
        self.draft_bar = self.contract.notice
        self.restore_draft_button = self.contract.notice.primary_button
        self.draft_label = self.contract.draft_label

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = self.header = QHBoxLayout()
        self.heading = QLabel(self.tr("New visit"))
        self.heading.setObjectName("sectionTitle")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        header.addWidget(self.heading)
        header.addStretch(1)
        outer.addLayout(header)

        self.general_feedback = FieldFeedback()
        outer.addWidget(self.general_feedback)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.feedback = FeedbackGroup()
        self.feedback.set_fallback(self.general_feedback)

        self.enterprise = EnterpriseChooser()
        self.enterprise.lineEdit().setPlaceholderText(self.tr("Type part of the name"))
        self.visit_at = QDateTimeEdit()
        self.visit_at.setCalendarPopup(True)
        self.visit_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.kind = QComboBox()
        for code, label in visits.KIND_LABELS.items():
            self.kind.addItem(label.text(), code)
        self.officers = OfficerPicker()
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. the enterprise's meeting room"))
        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText(self.tr(
            "Department representatives and enterprise contacts who took part"))
        self.participants.setFixedHeight(52)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("What was seen, discussed and agreed"))
        self.summary.setMinimumHeight(90)
        self.summary.setMaximumHeight(160)
        self.problems = QPlainTextEdit()
        self.problems.setPlaceholderText(self.tr("One problem per line"))
        self.problems.setMinimumHeight(70)
        self.problems.setMaximumHeight(120)
        self.to_request_button = QPushButton(self.tr("Record this problem as a request"))
        self.to_request_button.setObjectName("toRequestButton")
        self.to_request_button.setToolTip(self.tr(
            "Put the cursor on a problem line; the request starts with that text."))
        self.to_request_button.clicked.connect(self.problem_to_request)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems)
        problems_layout.addWidget(self.to_request_button, 0, Qt.AlignmentFlag.AlignRight)
        self.follow_ups = FollowUpsEditor()
        self.attachments = AttachmentsStrip(self.ctx)

        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("Enterprise *"), self.enterprise, "enterprise_id"),
            (self.tr("Visit time *"), self.visit_at, "visit_at"),
            (self.tr("Kind"), self.kind, "kind"),
            (self.tr("Liaison officers"), self.officers, "officer_ids"),
            (self.tr("Place"), self.place, "place"),
            (self.tr("Participants"), self.participants, "participants"),
            (self.tr("Visit summary *"), self.summary, "summary"),
            (self.tr("Problems found"), problems_box, "problems"),
            (self.tr("Follow-up actions"), self.follow_ups, "follow_up"),
            (self.tr("Attachments"), self.attachments, "attachments"),
        ]
        self.field_feedback: dict[str, FieldFeedback] = {}
        for label, widget, name in rows:
            box = self.feedback.field(
                name, widget, watch=self.problems if widget is problems_box else None)
            fb = self.feedback.label(name)
            self.field_feedback[name] = fb
            form.addRow(label, box)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this visit (can be undone)"))
        self.cancel_button = QPushButton(self.tr("Close"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the visit (Ctrl+S)"))
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.cancel)
        self.delete_button.clicked.connect(self.delete_current)
        self.attachments.pending_changed.connect(self._attachments_pending)

    # -- state -------------------------------------------------------------------------
    def record_id(self) -> str | None:
        return self.contract.record_id

    def draft_key(self) -> str:
        return self.contract.draft_key

    def is_dirty(self) -> bool:
        return self.contract.is_dirty()

    def value(self) -> VisitInput:
        return VisitInput(
            enterprise_id=self.enterprise.enterprise_id(),
            visit_at=self.visit_at.dateTime().toPython().replace(second=0, microsecond=0),
            officer_ids=self.officers.selected_ids(),
            kind=self.kind.currentData() or "routine",
            participants=self.participants.toPlainText(),
            summary=self.summary.toPlainText(),
            problems=self.problems.toPlainText(),
            place=self.place.text(),
            follow_ups=self.follow_ups.values(),
            attachments=self.attachments.values(),
        )

    def _set_value(self, data: VisitInput) -> None:
        self.officers.reload()
        self.enterprise.set_enterprise_id(data.enterprise_id)
        self.visit_at.setDateTime(QDateTime(data.visit_at))
        index = self.kind.findData(data.kind)
        self.kind.setCurrentIndex(max(0, index))
        self.officers.set_selected_ids(data.officer_ids)
        self.place.setText(data.place)
        self.participants.setPlainText(data.participants)
        self.summary.setPlainText(data.summary)
        self.problems.setPlainText(data.problems)
        self.follow_ups.set_values(data.follow_ups)
        self.attachments.set_values(data.attachments)
        self.feedback.clear()
        self._show_status("")

    # -- the editor contract's adapter -------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        return drafts.to_payload(self.value())

    def show_payload(self, payload: dict[str, Any]) -> None:
        self._set_value(drafts.from_payload(VisitInput, payload))
        self.heading.setText(self.tr("Edit visit") if self.contract.record_id
                             else self.tr("New visit"))
        self.delete_button.setEnabled(self.contract.record_id is not None)

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        return stored_payload_of(lambda: visits.load_input(record_id=record_id),
                                 record=lambda: visits.get(record_id=record_id))

    def draft_title(self) -> str:
        name = self.enterprise.currentText().strip() or self.tr("(no enterprise chosen)")
        return f"{name} · {self.visit_at.dateTime().toString('yyyy-MM-dd HH:mm')}"

    def start_save(self) -> None:
        self.save()

    def close_editor(self) -> None:
        self.closed.emit()

    # -- opening -----------------------------------------------------------------------
    def start_new(self, *, enterprise_id: str = "") -> None:
        data = VisitInput(enterprise_id=enterprise_id)
        if self.ctx.settings.officer_id:
            data.officer_ids = [self.ctx.settings.officer_id]
        self.contract.open_new(drafts.to_payload(data))
        (self.summary if enterprise_id else self.enterprise).setFocus()

    def load_visit(self, record_id: str) -> bool:
        """Show a saved visit; False (with a message) when it no longer exists."""
        try:
            visits.get(record_id=record_id)
        except Exception as exc:  # noqa: BLE001 - shown as a sentence
            show_error(self, exc)
            return False
        return self.contract.open_record(record_id)

    def load_draft(self, key: str) -> bool:
        """Put a saved draft into the editor; it stays a draft until saved."""
        if self.contract.open_draft(key):
            return True
        self._show_status(self.tr("The draft was not found; it may have been discarded."),
                          error=True)
        return False

    def flush_draft(self) -> None:
        """Write a pending draft now (before leaving the page or closing)."""
        self.contract.flush_draft()

    # -- saving ------------------------------------------------------------------------
    def problem_to_request(self) -> None:
        """Start a request from the problem line under the cursor (of a saved visit)."""
        record_id = self.contract.record_id
        if record_id is None or self.is_dirty():
            self._show_status(self.tr("Save the visit first; the request is linked to it."),
                              error=True)
            return
        block = self.problems.textCursor().blockNumber()
        lines = self.problems.toPlainText().split("\n")
        if block >= len(lines) or not lines[block].strip():
            self._show_status(self.tr("Put the cursor on the problem to record."), error=True)
            return
        # The index counts non-empty lines, as the requests page reads them.
        index = sum(1 for line in lines[:block] if line.strip())
        self.ctx.navigate("requests", f"from-visit:{record_id}:{index}")

    def save(self, *, confirm_warnings: bool = False) -> bool:
        """Ctrl+S. Queues the save; False when nothing could be queued."""
        if self._saving:
            return True
        if self.attachments.pending():
            self._show_status(self.tr("Wait until the attachments are stored, then save."),
                              error=True)
            self.contract.save_failed()
            return False
        data, record_id = self.value(), self.contract.record_id

        def save() -> str:
            return str(visits.save(data=data, record_id=record_id,
                                   confirm_warnings=confirm_warnings).id)

        self._saving = True
        self.save_button.setEnabled(False)
        self._show_status(self.tr("Saving…"))
        self.ctx.runner.submit(self.contract.save_work(save), change="visit",
                               on_done=self._saved, on_error=self._save_failed)
        return True

    def _saved(self, visit_id: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        # The contract reloads the visit (follow-ups and attachments get their ids for the
        # next save) unless typing went on during the save; that stays dirty and drafted.
        self.contract.saved(visit_id)
        self.heading.setText(self.tr("Edit visit"))
        self.delete_button.setEnabled(True)
        self.feedback.clear()
        self._show_status(self.tr("Saved."))
        self.saved.emit(visit_id)

    def _save_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationFailed):
            self._show_status(describe(exc), error=True)
            self.contract.save_failed()
            return
        findings: list[Finding] = list(exc.findings)
        self.feedback.show(findings)
        if any(f.is_error for f in findings):
            self._show_status(self.tr("The visit was not saved. Correct the marked fields."),
                              error=True)
            self.contract.save_failed()
            return
        self._show_status("")
        text = "\n".join(f.message.text() for f in findings)
        answer = QMessageBox.question(
            self, self.tr("Save anyway?"),
            self.tr("{warnings}\n\nSave the visit anyway?").format(warnings=text),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save(confirm_warnings=True)
        else:
            self.contract.save_failed()

    def _attachments_pending(self, count: int) -> None:
        if not count and self.status.text() == self.tr(
                "Wait until the attachments are stored, then save."):
            self._show_status("")

    # -- closing and deleting ----------------------------------------------------------
    def leave(self, then: Callable[[], None] | None = None) -> bool:
        """Before opening something else: True when the editor may be reused now."""
        return self.contract.leave(then)

    def cancel(self) -> None:
        self.contract.close()

    def delete_current(self) -> None:
        record_id, key = self.contract.record_id, self.contract.draft_key
        if record_id is None:
            return

        def work() -> str:
            visits.soft_delete(record_id=record_id)
            drafts.discard_draft(key=key)
            return record_id

        self.contract.forget()
        self.ctx.runner.submit(work, change="visit", on_done=self._deleted,
                               on_error=lambda exc: self._show_status(describe(exc), error=True))

    def _deleted(self, record_id: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.deleted.emit(record_id)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR}" if error else "color: #2e7d32;")
        self.status.setText(text)
        self.status.setVisible(bool(text))
