"""诉求: the list of enterprises' requests with deadline highlighting, the request editor, its
timeline, and the workflow buttons (each enabled only when the step is possible, with the
reason in its tooltip when not).

``open_record("from-visit:<visit id>:<line>")`` starts a new request from a line of a visit's
problems found (0-based), which is how the visits page hands a problem over.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import departments
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.request_action_dialog import RequestActionDialog
from liaison_app.ui.dialogs.service_settings_dialog import ServiceSettingsDialog
from liaison_app.ui.dialogs.visit_editor import EnterpriseChooser
from liaison_app.ui.errors import show_error
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.attachments_strip import AttachmentsStrip
from liaison_app.ui.widgets.feedback import FeedbackGroup, FieldFeedback

OVERDUE = QColor("#c62828")
OVERDUE_BG = QColor("#fdecea")
DUE_SOON = QColor("#b26a00")
DUE_SOON_BG = QColor("#fff4e0")
ROLE_ID = Qt.ItemDataRole.UserRole
#: Buttons in the order of the workflow.
BUTTON_ACTIONS = ("dispatch", "start", "resolve", "call_back", "close", "return", "extend",
                  "escalate", "note")


class RequestsPage(Page):
    page_id = "requests"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = ""
        self.action_dialog: RequestActionDialog | None = None
        self._from_visit: rq.RequestInput | None = None
        self._build()
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
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Accepted on"), self.tr("Enterprise"), self.tr("Category"), self.tr("Status"),
            self.tr("Due"), self.tr("Request")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((92, 170, 64, 64, 136)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._row_chosen)
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
        scroll.setWidget(self._build_detail())
        self.detail_stack.addWidget(scroll)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 420])  # the list needs its columns; the detail wraps
        outer.addWidget(self.splitter, 1)

    def _build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.state_label)

        form = QFormLayout()
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
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What the enterprise asks for, in its words"))
        self.description.setMinimumHeight(90)
        self.attachments = AttachmentsStrip(self.ctx)
        self.feedback = FeedbackGroup()
        general = FieldFeedback()
        self.feedback.set_fallback(general)
        for label, widget, name in (
                (self.tr("Enterprise *"), self.enterprise, "enterprise_id"),
                (self.tr("Came in by"), self.channel, "channel"),
                (self.tr("Category"), self.category, "category"),
                (self.tr("Urgency"), self.urgency, "urgency"),
                ("", self.complex, "complex"),
                (self.tr("Letter to"), self.addressee, "addressee"),
                (self.tr("Request *"), self.description, "description")):
            fb = FieldFeedback()
            self.feedback.add(name, fb)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(fb)
            form.addRow(label, column)
        form.addRow(self.tr("Attachments"), self.attachments)
        layout.addLayout(form)
        layout.addWidget(general)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_current())
        self.print_button = QPushButton(self.tr("Dispatch sheet…"))
        self.print_button.setToolTip(self.tr("Save the 问题交办单 of this request as PDF"))
        self.print_button.clicked.connect(lambda: self.print_sheet())
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        save_row.addWidget(self.print_button)
        layout.addLayout(save_row)

        self.actions_box = QGroupBox(self.tr("Workflow"))
        grid = QGridLayout(self.actions_box)
        self.action_buttons: dict[str, QPushButton] = {}
        for n, action in enumerate(BUTTON_ACTIONS):
            button = QPushButton(rq.ACTION_LABELS[action].text())
            button.clicked.connect(lambda _=False, a=action: self.ask_action(a))
            grid.addWidget(button, n // 3, n % 3)
            self.action_buttons[action] = button
        self.action_hint = QLabel()
        self.action_hint.setWordWrap(True)
        self.action_hint.setStyleSheet("color: #666;")
        grid.addWidget(self.action_hint, 3, 0, 1, 3)
        layout.addWidget(self.actions_box)

        timeline_box = QGroupBox(self.tr("Timeline"))
        tl = QVBoxLayout(timeline_box)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(140)
        tl.addWidget(self.timeline)
        layout.addWidget(timeline_box, 1)
        return box

    # -- the list ----------------------------------------------------------------------
    def _filter(self) -> rq.RequestFilter:
        officer_id = "" if rq.current_role() != rq.LIAISON else self.ctx.settings.officer_id
        return rq.RequestFilter(deadline=self.deadline_filter.currentData() or "",
                                status=self.status_filter.currentData() or "",
                                category=self.category_filter.currentData() or "",
                                enterprise_id=self.enterprise_filter.enterprise_id(),
                                officer_id=officer_id)

    def refresh(self) -> None:
        role = rq.current_role()
        self.role_label.setText({
            rq.CENTRE: self.tr("Acting as the service centre"),
            rq.LIAISON: self.tr("Acting as a liaison officer"),
        }.get(role, self.tr("Read only")))
        flt = self._filter()
        today = dt.date.today()
        rows = rq.list_requests(flt=flt, today=today)
        total = rq.count_requests(flt=flt, today=today) if len(rows) >= 500 else len(rows)
        self.count_label.setText(self.tr("{n} requests").format(n=total))
        keep = self.current_id
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            due = f"{row.due_date:%Y-%m-%d}" if row.due_date else ""
            if row.deadline_state == "overdue":
                due += self.tr(" overdue")
            elif row.deadline_state == "due_soon":
                due += self.tr(" soon")
            texts = [f"{row.accepted_at:%Y-%m-%d}", row.enterprise_name,
                     rq.CATEGORY_LABELS[row.category].text(),
                     rq.STATUS_LABELS[row.status].text(), due, row.summary]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, row.id)
                if row.deadline_state == "overdue":
                    item.setForeground(QBrush(OVERDUE))
                    item.setBackground(QBrush(OVERDUE_BG))
                elif row.deadline_state == "due_soon":
                    item.setForeground(QBrush(DUE_SOON))
                    item.setBackground(QBrush(DUE_SOON_BG))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        if any((flt.deadline, flt.status, flt.category, flt.enterprise_id)):
            self.empty_label.setText(self.tr("No requests match these filters."))
        else:
            self.empty_label.setText(self.tr(
                "No requests yet. Record one with “New request”, or from a visit's "
                "problems found."))
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
        if keep:
            self._select_row(keep)
            self._show(keep)

    def _select_row(self, record_id: str) -> None:
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ROLE_ID) == record_id:
                self.table.selectRow(r)
                break
        self.table.blockSignals(False)

    def _row_chosen(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.open_record(items[0].data(ROLE_ID))

    # -- one request -------------------------------------------------------------------
    def open_record(self, record_id: str) -> None:
        if record_id.startswith("from-visit:"):
            _, visit_id, line = record_id.split(":", 2)
            try:
                data = rq.from_visit(visit_id=visit_id, line=int(line))
            except Exception as exc:  # noqa: BLE001 - shown as a sentence
                show_error(self, exc)
                return
            self._start_new(data)
            return
        self._select_row(record_id)
        self._show(record_id)

    def new_record(self) -> bool:
        self._start_new(rq.RequestInput())
        return True

    def _start_new(self, data: rq.RequestInput) -> None:
        self.current_id = ""
        self._from_visit = data
        self.table.clearSelection()
        self._fill_editor(data)
        self.state_label.setText(self.tr("<b>New request</b> — accepted when you save it."))
        self.actions_box.hide()
        self.print_button.hide()
        self.timeline.clear()
        self.detail_stack.setCurrentIndex(1)
        self.description.setFocus()

    def _show(self, record_id: str) -> None:
        try:
            req = rq.get(record_id=record_id)
        except Exception:  # noqa: BLE001 - gone meanwhile: show nothing
            self.current_id = ""
            self.detail_stack.setCurrentIndex(0)
            return
        self.current_id = record_id
        self._from_visit = None
        self._fill_editor(rq.load_input(record_id=record_id))
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
            today = dt.date.today()
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
        self.timeline.clear()
        for row in reversed(rq.timeline(owner_id=record_id)):
            who = f" — {row.actor}" if row.actor else ""
            self.timeline.addItem(f"{row.at:%Y-%m-%d %H:%M}{who}\n"
                                  + rq.describe_event(row, departments=names))
        self.detail_stack.setCurrentIndex(1)

    def _fill_editor(self, data: rq.RequestInput) -> None:
        self.feedback.clear()
        self.enterprise.set_enterprise_id(data.enterprise_id)
        self.channel.setCurrentIndex(max(0, self.channel.findData(data.channel)))
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(data.urgency)))
        self.complex.setChecked(data.complex)
        self.addressee.clear()
        self.addressee.addItem("", "")
        for name in rq.load_config().addressees:
            self.addressee.addItem(name, name)
        self.addressee.setCurrentIndex(max(0, self.addressee.findData(data.addressee)))
        self._channel_changed()
        self.description.setPlainText(data.description)
        self.attachments.set_values(list(data.attachments))

    def _channel_changed(self) -> None:
        self.addressee.setEnabled(self.channel.currentData() == "letter")

    def editor_value(self) -> rq.RequestInput:
        base = self._from_visit or rq.RequestInput()
        return rq.RequestInput(
            enterprise_id=self.enterprise.enterprise_id(), channel=self.channel.currentData(),
            category=self.category.currentData(), urgency=self.urgency.currentData(),
            complex=self.complex.isChecked(), description=self.description.toPlainText(),
            visit_id=base.visit_id if not self.current_id else self._visit_of_current()[0],
            visit_line=base.visit_line if not self.current_id else self._visit_of_current()[1],
            addressee=self.addressee.currentData() or "", attachments=self.attachments.values())

    def _visit_of_current(self) -> tuple[str, int | None]:
        data = rq.load_input(record_id=self.current_id)
        return data.visit_id, data.visit_line

    def save_current(self) -> bool:
        if self.detail_stack.currentIndex() != 1:
            return False
        data = self.editor_value()
        record_id = self.current_id or None
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(lambda: rq.save(data=data, record_id=record_id).id,
                               change="request", on_done=self._saved, on_error=self._save_failed)
        return True

    def _saved(self, record_id: str) -> None:
        self.save_button.setEnabled(True)
        self.current_id = record_id
        self.refresh()
        self._select_row(record_id)
        self._show(record_id)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.feedback.show(exc.findings)
        else:
            show_error(self, exc)

    def open_service_settings(self) -> None:
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
        self._select_row(record_id)
        self._show(record_id)

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
        self.ctx.runner.submit(lambda: rq.print_dispatch_sheet(record_id=record_id, out=path),
                               on_done=lambda _: self._printed(path),
                               on_error=lambda exc: show_error(self, exc))

    def print_register(self, path: str = "", year: int | None = None) -> None:
        if year is None:
            year, ok = QInputDialog.getInt(self, self.tr("Letter register"),
                                           self.tr("Year"), dt.date.today().year, 2000, 2100)
            if not ok:
                return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save letter register"),
                str(Path.home() / f"直通车登记簿-{year}.pdf"), "PDF (*.pdf)")
        if not path:
            return
        self.ctx.runner.submit(lambda: rq.print_letter_register(year=year, out=path),
                               on_done=lambda _: self._printed(path),
                               on_error=lambda exc: show_error(self, exc))

    def _printed(self, path: str) -> None:
        self.action_hint.setText(self.tr("Saved {path}").format(path=path))
        self.last_printed = path

    def on_data_changed(self, what: str) -> None:
        if what in ("enterprise",):
            self.enterprise.invalidate()
            self.enterprise_filter.invalidate()
        super().on_data_changed(what)
