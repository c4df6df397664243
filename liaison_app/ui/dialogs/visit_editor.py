"""The visit editor: a panel beside the visit list.

What is typed is autosaved as a draft (debounced, on the runner) so that a crash or a killed
process loses nothing; saving the visit discards the draft. Validation messages appear next
to their fields and everything typed stays in place.
"""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
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
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.core.services.visits import AttachmentInput, FollowUpInput, VisitInput
from liaison_app.core.validation import Finding
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe, show_error
from liaison_app.ui.widgets.attachments_strip import AttachmentsStrip
from liaison_app.ui.widgets.feedback import ERROR_COLOR, FeedbackGroup, FieldFeedback
from liaison_app.ui.widgets.follow_ups_editor import FollowUpsEditor

DRAFT_KIND = "visit"
DRAFT_DELAY_MS = 500
#: More enterprises than any county has; the chooser holds them all for type-to-find.
MAX_ENTERPRISES = 100_000


# -- drafts as plain JSON ------------------------------------------------------------------
def to_payload(data: VisitInput) -> dict[str, Any]:
    """A JSON-safe copy of what the editor holds."""
    return {
        "enterprise_id": data.enterprise_id,
        "visit_at": data.visit_at.isoformat(timespec="minutes"),
        "officer_ids": list(data.officer_ids),
        "kind": data.kind,
        "participants": data.participants,
        "summary": data.summary,
        "problems": data.problems,
        "place": data.place,
        "follow_ups": [{"text": f.text, "due_date": f.due_date.isoformat() if f.due_date
                        else None, "done": f.done, "id": f.id} for f in data.follow_ups],
        "attachments": [{"sha256": a.sha256, "filename": a.filename, "mime": a.mime,
                         "size": a.size, "id": a.id} for a in data.attachments],
    }


def from_payload(payload: dict[str, Any]) -> VisitInput:
    """The inverse of ``to_payload``; tolerant of drafts written by older versions."""
    data = VisitInput()
    try:
        data.visit_at = dt.datetime.fromisoformat(payload.get("visit_at") or "")
    except ValueError:
        pass
    for name in ("enterprise_id", "kind", "participants", "summary", "problems", "place"):
        value = payload.get(name)
        if isinstance(value, str):
            setattr(data, name, value)
    data.officer_ids = [str(x) for x in payload.get("officer_ids") or []]
    for f in payload.get("follow_ups") or []:
        due = f.get("due_date")
        data.follow_ups.append(FollowUpInput(
            text=f.get("text", ""), due_date=dt.date.fromisoformat(due) if due else None,
            done=bool(f.get("done")), id=f.get("id")))
    for a in payload.get("attachments") or []:
        if a.get("sha256"):
            data.attachments.append(AttachmentInput(
                sha256=a["sha256"], filename=a.get("filename", ""),
                mime=a.get("mime", "application/octet-stream"), size=int(a.get("size") or 0),
                id=a.get("id")))
    return data


def record_id_of_draft(key: str) -> str | None:
    """``visit:<id>`` drafts belong to a saved visit; ``visit:new…`` ones to a new one."""
    rest = key.split(":", 1)[1] if ":" in key else ""
    return None if not rest or rest.startswith("new") else rest


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
        self._record_id: str | None = None
        self._draft_key = ""
        self._dirty = False
        self._loading = False
        self._saving = False
        self._edits = 0
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self._build()
        self._connect_changes()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.heading = QLabel(self.tr("New visit"))
        self.heading.setObjectName("sectionTitle")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.draft_label = QLabel()
        self.draft_label.setObjectName("hint")
        self.draft_label.setStyleSheet("color: #666;")
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.draft_label)
        outer.addLayout(header)

        self.draft_bar = QFrame()
        self.draft_bar.setStyleSheet("QFrame { background: #fff8e1; border-radius: 4px; }")
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.draft_bar_text = QLabel()
        self.draft_bar_text.setWordWrap(True)
        self.restore_draft_button = QPushButton(self.tr("Restore draft"))
        self.discard_draft_button = QPushButton(self.tr("Discard draft"))
        bar.addWidget(self.draft_bar_text, 1)
        bar.addWidget(self.restore_draft_button)
        bar.addWidget(self.discard_draft_button)
        self.draft_bar.hide()
        outer.addWidget(self.draft_bar)
        self.restore_draft_button.clicked.connect(self._restore_offered_draft)
        self.discard_draft_button.clicked.connect(self._discard_offered_draft)

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
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(widget)
            fb = FieldFeedback()
            lay.addWidget(fb)
            self.feedback.add(name, fb)
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

    def _connect_changes(self) -> None:
        self.enterprise.currentTextChanged.connect(self._changed)
        self.visit_at.dateTimeChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.officers.itemChanged.connect(self._changed)
        self.place.textChanged.connect(self._changed)
        for edit in (self.participants, self.summary, self.problems):
            edit.textChanged.connect(self._changed)
        self.follow_ups.changed.connect(self._changed)
        self.attachments.changed.connect(self._changed)

    # -- state -------------------------------------------------------------------------
    def record_id(self) -> str | None:
        return self._record_id

    def draft_key(self) -> str:
        return self._draft_key

    def is_dirty(self) -> bool:
        return self._dirty

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
        self._loading = True
        try:
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
        finally:
            self._loading = False
        self.feedback.clear()
        self._show_status("")

    def _changed(self, *args: object) -> None:
        del args
        if self._loading:
            return
        self._edits += 1
        self._dirty = True
        self._draft_timer.start()

    # -- opening -----------------------------------------------------------------------
    def start_new(self, *, enterprise_id: str = "") -> None:
        data = VisitInput(enterprise_id=enterprise_id)
        if self.ctx.settings.officer_id:
            data.officer_ids = [self.ctx.settings.officer_id]
        self._open(data, record_id=None, draft_key=f"visit:new:{uuid.uuid4().hex[:12]}")
        self.heading.setText(self.tr("New visit"))
        (self.summary if enterprise_id else self.enterprise).setFocus()

    def load_visit(self, record_id: str) -> bool:
        """Show a saved visit; False (with a message) when it no longer exists."""
        try:
            data = visits.load_input(record_id=record_id)
        except Exception as exc:  # noqa: BLE001 - shown as a sentence
            show_error(self, exc)
            return False
        key = f"visit:{record_id}"
        self._open(data, record_id=record_id, draft_key=key)
        self.heading.setText(self.tr("Edit visit"))
        pending = drafts.load_draft(key=key)
        if pending is not None:
            when = _local_time(pending.updated_at)
            self.draft_bar_text.setText(self.tr(
                "This visit has unsaved changes from {time}.").format(time=when))
            self.draft_bar.show()
        return True

    def load_draft(self, key: str) -> bool:
        """Put a saved draft into the editor; it stays a draft until saved."""
        draft = drafts.load_draft(key=key)
        if draft is None:
            self._show_status(self.tr("The draft was not found; it may have been discarded."),
                              error=True)
            return False
        record_id = record_id_of_draft(key)
        if record_id is not None:
            try:
                visits.get(record_id=record_id)
            except NotFound:
                record_id = None
        self._open(from_payload(draft.payload or {}), record_id=record_id, draft_key=key)
        self._dirty = True
        self.heading.setText(self.tr("Edit visit") if record_id else self.tr("New visit"))
        self._show_status(self.tr("Draft restored. Check it and save."))
        return True

    def _open(self, data: VisitInput, *, record_id: str | None, draft_key: str) -> None:
        self._draft_timer.stop()
        self.draft_bar.hide()
        self._record_id = record_id
        self._draft_key = draft_key
        self._set_value(data)
        self._dirty = False
        self.draft_label.setText("")
        self.delete_button.setEnabled(record_id is not None)

    def _restore_offered_draft(self) -> None:
        self.load_draft(self._draft_key)

    def _discard_offered_draft(self) -> None:
        self.draft_bar.hide()
        key = self._draft_key
        self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))

    # -- drafts ------------------------------------------------------------------------
    def write_draft(self) -> None:
        """Queue the current text as the draft (the runner serialises it with saves)."""
        self._draft_timer.stop()
        if not self._dirty or not self._draft_key:
            return
        key, payload = self._draft_key, to_payload(self.value())
        title = self._draft_title()
        self.ctx.runner.submit(
            lambda: drafts.save_draft(key=key, kind=DRAFT_KIND, title=title, payload=payload),
            on_done=lambda _: self._draft_written(),
            on_error=lambda exc: self._draft_failed(exc))

    def flush_draft(self) -> None:
        """Write a pending draft now (before leaving the page or closing)."""
        if self._draft_timer.isActive():
            self.write_draft()

    def _draft_title(self) -> str:
        name = self.enterprise.currentText().strip() or self.tr("(no enterprise chosen)")
        return f"{name} · {self.visit_at.dateTime().toString('yyyy-MM-dd HH:mm')}"

    def _draft_written(self) -> None:
        if shiboken6.isValid(self) and self._dirty:
            self.draft_label.setText(self.tr("Draft saved at {time}").format(
                time=dt.datetime.now().strftime("%H:%M:%S")))

    def _draft_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.draft_label.setText(self.tr("The draft could not be saved: {reason}").format(
                reason=describe(exc)))

    # -- saving ------------------------------------------------------------------------
    def problem_to_request(self) -> None:
        """Start a request from the problem line under the cursor (of a saved visit)."""
        if self._record_id is None or self.is_dirty():
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
        self.ctx.navigate("requests", f"from-visit:{self._record_id}:{index}")

    def save(self, *, confirm_warnings: bool = False) -> bool:
        """Ctrl+S. Queues the save; False when nothing could be queued."""
        if self._saving:
            return True
        if self.attachments.pending():
            self._show_status(self.tr("Wait until the attachments are stored, then save."),
                              error=True)
            return False
        self._draft_timer.stop()
        data, record_id, key = self.value(), self._record_id, self._draft_key
        edits = self._edits

        def work() -> str:
            visit = visits.save(data=data, record_id=record_id,
                                confirm_warnings=confirm_warnings)
            drafts.discard_draft(key=key)
            return str(visit.id)

        self._saving = True
        self.save_button.setEnabled(False)
        self._show_status(self.tr("Saving…"))
        self.ctx.runner.submit(work, change="visit",
                               on_done=lambda vid: self._saved(vid, edits),
                               on_error=self._save_failed)
        return True

    def _saved(self, visit_id: str, edits: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        typed_since = self._edits != edits
        if typed_since:
            # Keep what was typed during the save; it stays dirty and drafted.
            self._record_id = visit_id
            self._draft_key = f"visit:{visit_id}"
            self._draft_timer.start()
        else:
            # Reload so follow-ups and attachments carry their new ids for the next save.
            self._open(visits.load_input(record_id=visit_id), record_id=visit_id,
                       draft_key=f"visit:{visit_id}")
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
            self._draft_timer.start()
            return
        findings: list[Finding] = list(exc.findings)
        self.feedback.show(findings)
        if any(f.is_error for f in findings):
            self._show_status(self.tr("The visit was not saved. Correct the marked fields."),
                              error=True)
            self._draft_timer.start()
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
            self._draft_timer.start()

    def _attachments_pending(self, count: int) -> None:
        if not count and self.status.text() == self.tr(
                "Wait until the attachments are stored, then save."):
            self._show_status("")

    # -- closing and deleting ----------------------------------------------------------
    def ask_discard(self) -> str:
        """Ask what to do with unsaved changes: "discard", "keep" (as a draft) or "stay"."""
        if not self._dirty:
            return "discard"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This visit has changes that are not saved."))
        box.setInformativeText(self.tr(
            "Discard them, or keep them as a draft to finish later?"))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep draft"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Continue editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is discard:
            return "discard"
        if clicked is keep:
            return "keep"
        return "stay"

    def leave(self) -> bool:
        """Before opening something else: True when the editor may be reused."""
        if not self._dirty:
            self._draft_timer.stop()
            return True
        choice = self.ask_discard()
        if choice == "stay":
            return False
        if choice == "discard":
            self.discard_changes()
        else:
            self.write_draft()
        self._dirty = False
        return True

    def discard_changes(self) -> None:
        self._draft_timer.stop()
        key = self._draft_key
        if key:
            self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))
        self._dirty = False

    def cancel(self) -> None:
        if self.leave():
            self.closed.emit()

    def delete_current(self) -> None:
        record_id, key = self._record_id, self._draft_key
        if record_id is None:
            return
        self._draft_timer.stop()

        def work() -> str:
            visits.soft_delete(record_id=record_id)
            drafts.discard_draft(key=key)
            return record_id

        self.ctx.runner.submit(work, change="visit", on_done=self._deleted,
                               on_error=lambda exc: self._show_status(describe(exc), error=True))

    def _deleted(self, record_id: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._dirty = False
        self._record_id = None
        self.deleted.emit(record_id)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR}" if error else "color: #2e7d32;")
        self.status.setText(text)
        self.status.setVisible(bool(text))


def _local_time(value: dt.datetime) -> str:
    """Draft times are stored in UTC; show them in local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")
