"""诉求: the list of enterprises' requests with deadline highlighting, the request editor, its
timeline, and the workflow buttons (each enabled only when the step is possible, with the
reason in its tooltip when not).

The editor pane follows the editor contract (``ui.editor_contract``); a direct-channel letter
is a request that came in by letter, edited in the same pane.

``open_record("from-visit:<visit id>:<line>")`` starts a new request from a line of a visit's
problems found (0-based), which is how the visits page hands a problem over.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.services import departments, drafts, printing
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.request_action_dialog import RequestActionDialog
from liaison_app.ui.dialogs.visit_editor import EnterpriseChooser
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import show_error
from liaison_app.ui.models.rows_model import RowsModel
from liaison_app.ui.pages.base import Page
from liaison_app.ui.pages.list_editor import ListEditorMixin
from liaison_app.ui.widgets.attachments_strip import AttachmentsStrip
from liaison_app.ui.widgets.feedback import FeedbackGroup, FieldFeedback
from liaison_app.ui.widgets.kept_view import rows_kept_in_view
from liaison_app.ui.widgets.layouts import CompactList, CompactTextEdit, fit_columns, flow_of

OVERDUE = QColor("#c62828")
OVERDUE_BG = QColor("#fdecea")
DUE_SOON = QColor("#b26a00")
DUE_SOON_BG = QColor("#fff4e0")
#: Buttons in the order of the workflow.
BUTTON_ACTIONS = ("dispatch", "start", "resolve", "call_back", "close", "return", "extend",
                  "escalate", "note")


class RequestsPage(ListEditorMixin, Page):
    page_id = "requests"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.action_dialog: RequestActionDialog | None = None
        #: The record's link to a visit, which the fields do not show.
        self._base = rq.RequestInput()
        self._build()
        self.contract = EditorContract(ctx=ctx, root=self.detail, adapter=self, kind="request",
                                       noun=self.tr("request"))
        self.detail_layout.insertWidget(0, self.contract.notice)
        self.draft_row.insertWidget(2, self.contract.draft_label, 1)
        # A new device has an empty directory until its first sync: seed it (sent to the
        # server only from the centre's device, whose table it is).
        ctx.runner.submit(lambda: departments.ensure_seeded(
            send=rq.current_role() == rq.CENTRE), change="department")

    def title(self) -> str:
        return self.tr("Requests")

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        header, self.count_label = self.title_row()
        self.role_label = QLabel()
        self.role_label.setStyleSheet("color: #666;")
        self.register_button = QPushButton(self.tr("Letter register…"))
        self.register_button.setToolTip(self.tr(
            "Save the register of direct-channel letters of a year as PDF"))
        self.register_button.clicked.connect(lambda: self.print_register())
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setToolTip(self.tr(
            "Department directory, proxy item catalogue, deadlines and holidays"))
        self.settings_button.clicked.connect(lambda: self.open_service_settings())
        self.new_button = QPushButton(self.tr("New request"))
        self.new_button.setToolTip(self.tr("Record a new request (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_record())
        header.addStretch(1)
        header.addWidget(self.role_label)
        header.addWidget(self.register_button)
        header.addWidget(self.settings_button)
        header.addWidget(self.new_button)
        outer.addLayout(header)

        filters = QHBoxLayout()
        self.deadline_filter = QComboBox()
        for text, code in ((self.tr("All requests"), ""), (self.tr("Open"), "open"),
                           (self.tr("Overdue or due soon"), "attention"),
                           (self.tr("Overdue"), "overdue"), (self.tr("Due soon"), "due_soon")):
            self.deadline_filter.addItem(text, code)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code, label in rq.STATUS_LABELS.items():
            self.status_filter.addItem(label.text(), code)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), "")
        for code, label in rq.CATEGORY_LABELS.items():
            self.category_filter.addItem(label.text(), code)
        self.enterprise_filter = EnterpriseChooser(any_text=self.tr("All enterprises"))
        self.enterprise_filter.setMinimumWidth(180)
        for box in (self.deadline_filter, self.status_filter, self.category_filter):
            box.currentIndexChanged.connect(lambda _=0: self.refresh())
            filters.addWidget(box)
        self.enterprise_filter.currentIndexChanged.connect(lambda _=0: self.refresh())
        filters.addWidget(self.enterprise_filter)
        filters.addStretch(1)
        outer.addLayout(filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.model = RowsModel(
            [self.tr("Accepted on"), self.tr("Enterprise"), self.tr("Category"),
             self.tr("Status"), self.tr("Due"), self.tr("Request")], self._cells, self,
            colours=self._colours, tooltips=(1, 5))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        fit_columns(self.table, stretch=5, drop=(2, 0))
        self.table.setMinimumWidth(360)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._row_chosen())
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; font-size: 14px;")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        self.splitter.addWidget(self.list_stack)

        self.detail_stack = QStackedWidget()
        self.no_detail = QLabel(self.tr(
            "Choose a request in the list, or click “New request”."))
        self.no_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_detail.setWordWrap(True)
        self.no_detail.setStyleSheet("color: #666;")
        self.detail_stack.addWidget(self.no_detail)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = self._build_detail()
        scroll.setWidget(self.detail)
        self.detail_scroll = scroll
        self.detail_stack.addWidget(scroll)
        self.splitter.addWidget(self.detail_stack)
        # The list shows who and what; the editor needs room for its fields and buttons.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 600])
        outer.addWidget(self.splitter, 1)

    def _build_detail(self) -> QWidget:
        box = QWidget()
        layout = self.detail_layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 0, 4, 0)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.state_label)

        self.enterprise = EnterpriseChooser()
        self.channel = QComboBox()
        for code, label in rq.CHANNEL_LABELS.items():
            self.channel.addItem(label.text(), code)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.category = QComboBox()
        for code, label in rq.CATEGORY_LABELS.items():
            self.category.addItem(label.text(), code)
        self.urgency = QComboBox()
        for code, label in rq.URGENCY_LABELS.items():
            self.urgency.addItem(label.text(), code)
        self.complex = QCheckBox(self.tr("Complex (longer resolution deadline)"))
        self.addressee = QComboBox()
        self.addressee_label = QLabel(self.tr("Letter to"))
        self.description = CompactTextEdit(lines=5)
        self.description.setPlaceholderText(self.tr("What the enterprise asks for, in its words"))
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(150)
        self.attachments = AttachmentsStrip(self.ctx)
        self.feedback = FeedbackGroup()
        general = FieldFeedback()
        self.feedback.set_fallback(general)

        def field(widget: QWidget, name: str) -> QWidget:
            return self.feedback.field(name, widget)

        # The short choices share rows so the request text, the buttons and the workflow
        # stay on a 1366×768 screen without scrolling.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Enterprise *"), field(self.enterprise, "enterprise_id"))
        choices = flow_of([self._labelled(self.tr("Came in by"), field(self.channel, "channel")),
                           self._labelled(self.tr("Category"), field(self.category, "category")),
                           self._labelled(self.tr("Urgency"), field(self.urgency, "urgency"))])
        form.addRow(choices)
        extra = flow_of([field(self.complex, "complex"),
                         self._labelled(self.addressee_label, field(self.addressee, "addressee"))])
        form.addRow(extra)
        form.addRow(self.tr("Request *"), field(self.description, "description"))
        form.addRow(self.tr("Attachments"), self.attachments)
        layout.addLayout(form)
        layout.addWidget(general)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the request (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_current())
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the request (Esc)"))
        self.close_button.clicked.connect(lambda: self.contract.close())
        self.print_button = QPushButton(self.tr("Dispatch sheet…"))
        self.print_button.setToolTip(self.tr("Save the 问题交办单 of this request as PDF"))
        self.print_button.clicked.connect(lambda: self.print_sheet())
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.close_button)
        self.draft_row = save_row
        save_row.addWidget(self.print_button)
        layout.addLayout(save_row)

        self.actions_box = QGroupBox(self.tr("Workflow"))
        actions = QVBoxLayout(self.actions_box)
        actions.setContentsMargins(6, 4, 6, 4)
        self.action_buttons: dict[str, QPushButton] = {}
        for action in BUTTON_ACTIONS:
            button = QPushButton(rq.ACTION_LABELS[action].text())
            button.clicked.connect(lambda _=False, a=action: self.ask_action(a))
            self.action_buttons[action] = button
        actions.addWidget(flow_of(list(self.action_buttons.values())))
        self.action_hint = QLabel()
        self.action_hint.setWordWrap(True)
        self.action_hint.setStyleSheet("color: #666;")
        actions.addWidget(self.action_hint)
        layout.addWidget(self.actions_box)

        timeline_box = QGroupBox(self.tr("Timeline"))
        tl = QVBoxLayout(timeline_box)
        tl.setContentsMargins(6, 4, 6, 4)
        self.timeline = CompactList(lines=3)
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(72)
        tl.addWidget(self.timeline)
        layout.addWidget(timeline_box, 1)
        return box

    @staticmethod
    def _labelled(label: QLabel | str, widget: QWidget) -> QWidget:
        """A label and its field side by side, as one item of a flowing row."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label if isinstance(label, QLabel) else QLabel(label))
        row.addWidget(widget)
        return holder

    # -- the list ----------------------------------------------------------------------
    def _filter(self) -> rq.RequestFilter:
        officer_id = "" if rq.current_role() != rq.LIAISON else self.ctx.settings.officer_id
        return rq.RequestFilter(deadline=self.deadline_filter.currentData() or "",
                                status=self.status_filter.currentData() or "",
                                category=self.category_filter.currentData() or "",
                                enterprise_id=self.enterprise_filter.enterprise_id(),
                                officer_id=officer_id)

    def refresh(self) -> None:
        self.supersede_reads()
        self._show_list(self._read_list(self._filter(), clock.today()))

    def refresh_in_background(self) -> None:
        """After a sync: the list is read on the runner; the open request follows when it
        comes (through the editor contract: typing kept), the list keeps its scroll."""
        flt, today = self._filter(), clock.today()
        self.read_then(lambda: self._read_list(flt, today), self._show_read)

    @staticmethod
    def _read_list(flt: rq.RequestFilter, today: dt.date) -> tuple[rq.RequestFilter, list[rq.RequestRow], int]:
        """The rows for ``flt`` and how many there are. Any thread (reads only)."""
        rows = rq.list_requests(flt=flt, today=today)
        total = rq.count_requests(flt=flt, today=today) if len(rows) >= 500 else len(rows)
        return flt, rows, total

    def _show_read(self, read: tuple[rq.RequestFilter, list[rq.RequestRow], int]) -> None:
        if read[0] != self._filter():
            self.refresh()  # the filter changed meanwhile
            return
        with rows_kept_in_view(self.table):
            self._show_list(read)

    def _show_list(self, read: tuple[rq.RequestFilter, list[rq.RequestRow], int]) -> None:
        flt, rows, total = read
        role = rq.current_role()
        self.role_label.setText({
            rq.CENTRE: self.tr("Acting as the service centre"),
            rq.LIAISON: self.tr("Acting as a liaison officer"),
        }.get(role, self.tr("Read only")))
        self.count_label.setText(self.tr("{n} requests").format(n=total))
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows)
        selection.blockSignals(False)
        if any((flt.deadline, flt.status, flt.category, flt.enterprise_id)):
            self.empty_label.setText(self.tr("No requests match these filters."))
        else:
            self.empty_label.setText(self.tr(
                "No requests yet. Record one with “New request”, or from a visit's "
                "problems found."))
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
        self._refresh_open_record()

    def _cells(self, row: rq.RequestRow) -> list[str]:
        due = f"{row.due_date:%Y-%m-%d}" if row.due_date else ""
        if row.deadline_state == "overdue":
            due += self.tr(" overdue")
        elif row.deadline_state == "due_soon":
            due += self.tr(" soon")
        return [f"{row.accepted_at:%Y-%m-%d}", row.enterprise_name,
                rq.CATEGORY_LABELS[row.category].text(), rq.STATUS_LABELS[row.status].text(),
                due, row.summary]

    @staticmethod
    def _colours(row: rq.RequestRow, _column: int) -> tuple[QColor | None, QColor | None]:
        if row.deadline_state == "overdue":
            return OVERDUE, OVERDUE_BG
        if row.deadline_state == "due_soon":
            return DUE_SOON, DUE_SOON_BG
        return None, None

    # -- one request -------------------------------------------------------------------
    def open_record(self, record_id: str) -> None:
        if record_id.startswith("from-visit:"):
            _, visit_id, line = record_id.split(":", 2)
            try:
                data = rq.from_visit(visit_id=visit_id, line=int(line))
            except Exception as exc:  # noqa: BLE001 - shown as a sentence
                show_error(self, exc)
                return
            self._leave_then(lambda: self._start_new(data))
        elif record_id.startswith("draft:"):
            self._leave_then(lambda: self._open_draft(record_id.split(":", 1)[1]))
        else:
            self._leave_then(lambda: self._open(record_id))

    def new_record(self) -> bool:
        self._leave_then(lambda: self._start_new(rq.RequestInput()))
        return True

    def _start_new(self, data: rq.RequestInput) -> None:
        self._select_row("")
        self.contract.open_new(drafts.to_payload(data))
        self._show_new_state()
        self.description.setFocus()

    def _show_new_state(self) -> None:
        self.state_label.setText(self.tr("<b>New request</b> — accepted when you save it."))
        self.actions_box.hide()
        self.print_button.hide()
        self.timeline.clear()
        self.detail_stack.setCurrentIndex(1)

    def _show_state(self, record_id: str) -> None:
        """What is not typed in: status, deadlines, letter number, workflow, timeline."""
        try:
            req = rq.get(record_id=record_id)
        except NotFound:
            return
        names = departments.names_by_id()
        parts = [f"<b>{rq.STATUS_LABELS[req.status].text()}</b> · "
                 + self.tr("accepted {at}").format(at=f"{req.accepted_at:%Y-%m-%d %H:%M}")]
        if req.lead_department_id:
            lead = names.get(req.lead_department_id, "?")
            co = "、".join(names.get(d, "?") for d in req.co_departments or [])
            parts.append(self.tr("Lead: {lead}").format(lead=lead)
                         + (self.tr("; co-departments: {co}").format(co=co) if co else ""))
        deadlines = [(self.tr("contact"), req.contact_deadline),
                     (self.tr("first reply"), req.response_deadline),
                     (self.tr("co-departments"), req.co_deadline),
                     (self.tr("resolve"), req.resolve_deadline)]
        shown = [f"{label} {day:%Y-%m-%d}" for label, day in deadlines if day]
        if shown:
            parts.append(self.tr("Deadlines: ") + ", ".join(shown))
        if req.due_date:
            today = clock.today()
            horizon = rq.due_horizon(today=today)
            color = ("#c62828" if req.due_date < today else
                     "#b26a00" if req.due_date <= horizon else "#2e7d32")
            parts.append(f'<span style="color:{color}">'
                         + self.tr("Next deadline: {date}").format(date=f"{req.due_date:%Y-%m-%d}")
                         + "</span>")
        if req.registration_year:
            number = (rq.registration_label(year=req.registration_year,
                                            number=req.registration_no)
                      if req.registration_no else
                      self.tr("{no} (provisional; the centre assigns the final number)").format(
                          no=req.provisional_no))
            parts.append(self.tr("Letter to {who}: {number}").format(who=req.addressee,
                                                                    number=number))
        if req.resolution:
            parts.append(self.tr("Resolution: {text}").format(text=req.resolution))
        if req.callback_at:
            parts.append(self.tr("Call-back: {solved}, {satisfaction}").format(
                solved=self.tr("solved") if req.enterprise_resolved else self.tr("not solved"),
                satisfaction=rq.SATISFACTION_LABELS.get(
                    req.enterprise_satisfaction, rq.SATISFACTION_LABELS["basic"]).text()))
        self.state_label.setText("<br>".join(parts))
        self.actions_box.show()
        self.print_button.show()
        self.print_button.setEnabled(bool(req.lead_department_id))
        allowed = rq.available_actions(record_id=record_id)
        hints = []
        for action, button in self.action_buttons.items():
            reason = allowed.get(action)
            button.setEnabled(reason is None)
            button.setToolTip(reason.text() if reason else "")
        if not any(b.isEnabled() for b in self.action_buttons.values()):
            hints.append(self.tr("No step is possible for you now."))
        self.action_hint.setText(" ".join(hints))
        self.action_hint.setVisible(bool(hints))
        self.timeline.clear()
        for row in reversed(rq.timeline(owner_id=record_id)):
            who = f" — {row.actor}" if row.actor else ""
            self.timeline.addItem(f"{row.at:%Y-%m-%d %H:%M}{who}\n"
                                  + rq.describe_event(row, departments=names))
        self.detail_stack.setCurrentIndex(1)

    def _fill_editor(self, data: rq.RequestInput) -> None:
        self.feedback.clear()
        self._base = data
        self.enterprise.set_enterprise_id(data.enterprise_id)
        self.channel.setCurrentIndex(max(0, self.channel.findData(data.channel)))
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(data.urgency)))
        self.complex.setChecked(data.complex)
        self.addressee.clear()
        self.addressee.addItem("", "")
        for name in rq.load_config().addressees:
            self.addressee.addItem(name, name)
        if data.addressee and self.addressee.findData(data.addressee) < 0:
            self.addressee.addItem(data.addressee, data.addressee)  # no longer configured
        self.addressee.setCurrentIndex(max(0, self.addressee.findData(data.addressee)))
        self._channel_changed()
        self.description.setPlainText(data.description)
        self.attachments.set_values(list(data.attachments))

    def _channel_changed(self) -> None:
        letter = self.channel.currentData() == "letter"
        self.addressee.setEnabled(letter)
        self.addressee_label.setEnabled(letter)

    def editor_value(self) -> rq.RequestInput:
        return rq.RequestInput(
            enterprise_id=self.enterprise.enterprise_id(), channel=self.channel.currentData(),
            category=self.category.currentData(), urgency=self.urgency.currentData(),
            complex=self.complex.isChecked(), description=self.description.toPlainText(),
            visit_id=self._base.visit_id, visit_line=self._base.visit_line,
            addressee=self.addressee.currentData() or "", attachments=self.attachments.values())

    # -- the editor contract's adapter -------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        return drafts.to_payload(self.editor_value())

    def show_payload(self, payload: dict[str, Any]) -> None:
        self._fill_editor(drafts.from_payload(rq.RequestInput, payload))

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        return stored_payload_of(lambda: rq.load_input(record_id=record_id),
                                 record=lambda: rq.get(record_id=record_id))

    def draft_title(self) -> str:
        name = self.enterprise.currentText().strip() or self.tr("(no enterprise chosen)")
        first = self.description.toPlainText().strip().split("\n", 1)[0][:30]
        return f"{name} · {first}" if first else name

    def start_save(self) -> None:
        self.save_current()

    def close_editor(self) -> None:
        self._close_pane()

    # -- saving ------------------------------------------------------------------------
    def save_current(self) -> bool:
        if self.detail_stack.currentIndex() != 1 or not self.contract.is_open():
            return False
        data = self.editor_value()
        record_id = self.current_id or None
        self.save_button.setEnabled(False)
        work = self.contract.save_work(lambda: rq.save(data=data, record_id=record_id).id)
        self.ctx.runner.submit(work, change="request", on_done=self._saved,
                               on_error=self._save_failed)
        return True

    def _saved(self, record_id: str) -> None:
        self.save_button.setEnabled(True)
        self.feedback.clear()
        self.contract.saved(record_id)
        self.refresh()
        self._select_row(record_id)
        self._show_state(record_id)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.contract.save_failed()
        if isinstance(exc, ValidationFailed):
            self.feedback.show(exc.findings)
        else:
            show_error(self, exc)

    def can_leave(self) -> bool:
        # Whatever is typed stays in the pane and in its draft.
        self.contract.flush_draft()
        return True

    def open_service_settings(self) -> None:
        from liaison_app.ui.dialogs.service_settings_dialog import ServiceSettingsDialog

        dialog = ServiceSettingsDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- workflow ----------------------------------------------------------------------
    def ask_action(self, action: str) -> None:
        if not self.current_id:
            return
        req = rq.get(record_id=self.current_id)
        deps = [(d.id, d.name) for d in departments.list_departments()]
        dialog = RequestActionDialog(action, departments=deps,
                                     addressees=rq.load_config().addressees,
                                     current_deadline=req.resolve_deadline, parent=self)
        dialog.accepted.connect(lambda: self._action_accepted(dialog))
        self.action_dialog = dialog
        dialog.open()

    def _action_accepted(self, dialog: RequestActionDialog) -> None:
        record_id, action, data = self.current_id, dialog.action, dialog.value()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationFailed):
                dialog.show_failure(exc)
                dialog.open()
            else:
                show_error(self, exc)

        self.ctx.runner.submit(
            lambda: rq.perform(record_id=record_id, action=action, data=data).id,
            change="request", on_done=lambda rid: self._action_done(dialog, rid),
            on_error=failed)

    def _action_done(self, dialog: RequestActionDialog, record_id: str) -> None:
        if self.action_dialog is dialog:
            self.action_dialog = None
        dialog.deleteLater()
        self.refresh()

    # -- printing ----------------------------------------------------------------------
    def print_sheet(self, path: str = "") -> None:
        """Save the dispatch sheet; asks where unless ``path`` is given."""
        if not self.current_id:
            return
        record_id = self.current_id
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save dispatch sheet"),
                str(Path.home() / f"问题交办单-{record_id[:4]}.pdf"), "PDF (*.pdf)")
        if not path:
            return
        self.ctx.runner.submit(lambda: printing.print_to_file(
                form_id="dispatch_sheet", record_id=record_id, out=path),
                               on_done=lambda _: self._printed(path),
                               on_error=lambda exc: show_error(self, exc))

    def print_register(self, path: str = "", year: int | None = None) -> None:
        if year is None:
            year, ok = QInputDialog.getInt(self, self.tr("Letter register"),
                                           self.tr("Year"), clock.today().year, 2000, 2100)
            if not ok:
                return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save letter register"),
                str(Path.home() / f"直通车登记簿-{year}.pdf"), "PDF (*.pdf)")
        if not path:
            return
        self.ctx.runner.submit(lambda: printing.print_to_file(
                form_id="letter_register", record_id=str(year), out=path),
                               on_done=lambda _: self._printed(path),
                               on_error=lambda exc: show_error(self, exc))

    def _printed(self, path: str) -> None:
        self.action_hint.setText(self.tr("Saved {path}").format(path=path))
        self.last_printed = path

    def on_data_changed(self, what: str) -> None:
        if what in ("enterprise", "sync", "all"):
            self.enterprise.invalidate()
            self.enterprise_filter.invalidate()
        super().on_data_changed(what)
