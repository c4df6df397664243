"""诉求与代办设置: the department directory, the proxy-item catalogue, and the deadlines,
holiday calendar and letter addressees of requests.

Reads happen here on the main thread; every save goes through the background runner. The
directory and the deadlines are the centre's: other roles see those tabs read-only.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.i18n import Message
from liaison_app.core.services import departments, workdays
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.validation import Finding, Severity
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import show_error
from liaison_app.ui.widgets.feedback import FeedbackGroup, FieldFeedback

ID_ROLE = Qt.ItemDataRole.UserRole
#: The deadline fields of ``RequestConfig`` shown as spin boxes, in the order of the workflow.
DEADLINE_FIELDS = ("contact_days", "first_reply_days", "resolve_days", "complex_resolve_days",
                   "co_answer_days", "callback_days")
MIN_DAYS, MAX_DAYS = 1, 60


def _finding(field: str, text: str) -> Finding:
    return Finding(field, Severity.ERROR, Message("", text))


class ServiceSettingsDialog(QDialog):
    """Three tabs; each saves on its own button."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Request and proxy settings"))
        self.resize(820, 680)
        self.can_edit_centre = rq.current_role() == rq.CENTRE
        self.editing_id: str | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_departments(), self.tr("Department directory"))
        self.tabs.addTab(self._build_catalogue(), self.tr("Proxy item catalogue"))
        self.tabs.addTab(self._build_deadlines(), self.tr("Deadlines and holidays"))
        layout.addWidget(self.tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load_departments()
        self.load_catalogue()
        self.load_config()
        self._apply_role()

    # -- helpers ---------------------------------------------------------------------------
    def _note(self) -> QLabel:
        note = QLabel(self.tr("Only the enterprise service centre can change these settings; "
                              "you can look at them."))
        note.setObjectName("hint")
        note.setStyleSheet("color: #666;")
        note.setWordWrap(True)
        return note

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- 部门目录 ---------------------------------------------------------------------------
    def _build_departments(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.dep_note = self._note()
        layout.addWidget(self.dep_note)
        self.dep_table = self._table([self.tr("Name"), self.tr("Kind"), self.tr("Contact"),
                                      self.tr("State")])
        self.dep_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dep_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 200)):
            self.dep_table.setColumnWidth(column, width)
        self.dep_table.horizontalHeader().setStretchLastSection(False)
        self.dep_table.setColumnWidth(3, 70)
        self.dep_table.itemSelectionChanged.connect(self._dep_selected)
        layout.addWidget(self.dep_table, 1)

        self.dep_form = QGroupBox(self.tr("Unit"))
        form = QFormLayout(self.dep_form)
        self.dep_name = QLineEdit()
        self.dep_name.setMaxLength(80)
        self.dep_name_feedback = FieldFeedback()
        self.dep_kind = QComboBox()
        for code, label in departments.KIND_LABELS.items():
            self.dep_kind.addItem(label.text(), code)
        self.dep_kind_feedback = FieldFeedback()
        self.dep_contact = QLineEdit()
        self.dep_contact.setMaxLength(40)
        self.dep_phone = QLineEdit()
        self.dep_phone.setMaxLength(32)
        form.addRow(self.tr("Name *"), self.dep_name)
        form.addRow("", self.dep_name_feedback)
        form.addRow(self.tr("Kind"), self.dep_kind)
        form.addRow("", self.dep_kind_feedback)
        contact = QHBoxLayout()
        contact.addWidget(self.dep_contact, 1)
        contact.addWidget(QLabel(self.tr("Phone")))
        contact.addWidget(self.dep_phone, 1)
        form.addRow(self.tr("Contact person"), contact)
        self.dep_feedback = FeedbackGroup()
        self.dep_feedback.add("name", self.dep_name_feedback, widget=self.dep_name)
        self.dep_feedback.add("kind", self.dep_kind_feedback, widget=self.dep_kind)
        self.dep_feedback.set_fallback(self.dep_name_feedback)
        layout.addWidget(self.dep_form)

        buttons = QHBoxLayout()
        self.dep_add = QPushButton(self.tr("Add unit"))
        self.dep_add.clicked.connect(lambda: self.new_department())
        self.dep_save = QPushButton(self.tr("Save unit"))
        self.dep_save.clicked.connect(lambda: self.save_department())
        self.dep_toggle = QPushButton(self.tr("Deactivate"))
        self.dep_toggle.setToolTip(self.tr(
            "A deactivated unit is no longer offered for dispatch; requests that name it "
            "keep it."))
        self.dep_toggle.clicked.connect(lambda: self.toggle_department())
        self.dep_message = QLabel()
        self.dep_message.setStyleSheet("color: #2e7d32;")
        buttons.addWidget(self.dep_add)
        buttons.addWidget(self.dep_save)
        buttons.addWidget(self.dep_toggle)
        buttons.addWidget(self.dep_message, 1)
        layout.addLayout(buttons)
        return page

    def load_departments(self, *, select_id: str = "") -> None:
        self._deps = departments.list_departments(active_only=False)
        table = self.dep_table
        table.setRowCount(0)
        for dep in self._deps:
            row = table.rowCount()
            table.insertRow(row)
            kind = departments.KIND_LABELS.get(dep.kind)
            contact = " ".join(x for x in (dep.contact_name, dep.contact_phone) if x)
            state = self.tr("Active") if dep.active else self.tr("Inactive")
            for column, text in enumerate((dep.name, kind.text() if kind else dep.kind,
                                           contact, state)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, dep.id)
                if not dep.active:
                    item.setForeground(Qt.GlobalColor.gray)
                table.setItem(row, column, item)
            if dep.id == select_id:
                table.selectRow(row)
        if not select_id:
            self.new_department()

    def _selected_department(self):
        rows = self.dep_table.selectionModel().selectedRows()
        if not rows:
            return None
        dep_id = self.dep_table.item(rows[0].row(), 0).data(ID_ROLE)
        return next((d for d in self._deps if d.id == dep_id), None)

    def _dep_selected(self) -> None:
        dep = self._selected_department()
        if dep is None:
            return
        self.editing_id = dep.id
        self.dep_name.setText(dep.name)
        self.dep_kind.setCurrentIndex(max(0, self.dep_kind.findData(dep.kind)))
        self.dep_contact.setText(dep.contact_name)
        self.dep_phone.setText(dep.contact_phone)
        self.dep_toggle.setText(self.tr("Deactivate") if dep.active else self.tr("Reactivate"))
        self.dep_toggle.setEnabled(self.can_edit_centre)
        self.dep_feedback.clear()

    def new_department(self) -> None:
        self.editing_id = None
        self.dep_table.clearSelection()
        for edit in (self.dep_name, self.dep_contact, self.dep_phone):
            edit.clear()
        self.dep_kind.setCurrentIndex(max(0, self.dep_kind.findData("department")))
        self.dep_toggle.setText(self.tr("Deactivate"))
        self.dep_toggle.setEnabled(False)
        self.dep_feedback.clear()
        if self.can_edit_centre:
            self.dep_name.setFocus()

    def _dep_input(self, *, active: bool) -> departments.DepartmentInput:
        return departments.DepartmentInput(
            name=self.dep_name.text(), kind=self.dep_kind.currentData() or "",
            contact_name=self.dep_contact.text(), contact_phone=self.dep_phone.text(),
            active=active)

    def save_department(self) -> None:
        dep = self._selected_department() if self.editing_id else None
        self._submit_department(self._dep_input(active=dep.active if dep else True))

    def toggle_department(self) -> None:
        dep = self._selected_department()
        if dep is None:
            return
        self._submit_department(self._dep_input(active=not dep.active))

    def _submit_department(self, data: departments.DepartmentInput) -> None:
        record_id = self.editing_id
        self.dep_feedback.clear()
        self.dep_message.clear()

        def done(dep_id: str) -> None:
            self.load_departments(select_id=dep_id)
            self.dep_message.setText(self.tr("Saved."))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationFailed):
                self.dep_feedback.show(exc.findings)
            else:
                show_error(self, exc)

        self.ctx.runner.submit(
            lambda: departments.save(data=data, record_id=record_id).id,
            change="department", on_done=done, on_error=failed)

    # -- 代办事项目录 -------------------------------------------------------------------------
    def _build_catalogue(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.cat_table = self._table([self.tr("Item"), self.tr("Department"),
                                      self.tr("Usual days")])
        self.cat_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.cat_table.horizontalHeader().setStretchLastSection(False)
        self.cat_table.setColumnWidth(1, 220)
        self.cat_table.setColumnWidth(2, 90)
        layout.addWidget(self.cat_table, 1)
        self.cat_feedback = FieldFeedback()
        layout.addWidget(self.cat_feedback)
        buttons = QHBoxLayout()
        self.cat_add = QPushButton(self.tr("Add item"))
        self.cat_add.clicked.connect(lambda: self.add_catalogue_row())
        self.cat_remove = QPushButton(self.tr("Remove item"))
        self.cat_remove.clicked.connect(lambda: self.remove_catalogue_row())
        self.cat_save = QPushButton(self.tr("Save catalogue"))
        self.cat_save.clicked.connect(lambda: self.save_catalogue())
        self.cat_message = QLabel()
        self.cat_message.setStyleSheet("color: #2e7d32;")
        buttons.addWidget(self.cat_add)
        buttons.addWidget(self.cat_remove)
        buttons.addWidget(self.cat_message, 1)
        buttons.addWidget(self.cat_save)
        layout.addLayout(buttons)
        return page

    def load_catalogue(self) -> None:
        self.cat_table.setRowCount(0)
        for entry in pc.load_catalogue():
            self.add_catalogue_row(entry=entry)

    def add_catalogue_row(self, *, entry: pc.CatalogueEntry | None = None) -> None:
        table = self.cat_table
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(entry.name if entry else ""))
        dep = QComboBox()
        dep.setEditable(True)
        dep.addItems([d.name for d in self._deps if d.active])
        dep.setCurrentText(entry.department if entry else "")
        table.setCellWidget(row, 1, dep)
        days = QSpinBox()
        days.setRange(MIN_DAYS, MAX_DAYS * 6)
        days.setValue(entry.usual_days if entry and entry.usual_days else 15)
        table.setCellWidget(row, 2, days)
        if entry is None:
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))

    def remove_catalogue_row(self) -> None:
        row = self.cat_table.currentRow()
        if row >= 0:
            self.cat_table.removeRow(row)

    def catalogue_entries(self) -> list[pc.CatalogueEntry]:
        out = []
        for row in range(self.cat_table.rowCount()):
            item = self.cat_table.item(row, 0)
            out.append(pc.CatalogueEntry(
                name=(item.text() if item else "").strip(),
                department=self.cat_table.cellWidget(row, 1).currentText().strip(),
                usual_days=self.cat_table.cellWidget(row, 2).value()))
        return out

    def save_catalogue(self) -> None:
        entries = self.catalogue_entries()
        self.cat_message.clear()
        problems = []
        seen: set[str] = set()
        for number, entry in enumerate(entries, 1):
            if not entry.name:
                problems.append(_finding("items", self.tr(
                    "Row {row}: the item needs a name.").format(row=number)))
            elif entry.name in seen:
                problems.append(_finding("items", self.tr(
                    "Row {row}: {name} is already in the catalogue.").format(
                    row=number, name=entry.name)))
            seen.add(entry.name)
        self.cat_feedback.show_findings(problems)
        if problems:
            return
        self.ctx.runner.submit(
            lambda: pc.save_catalogue(entries=entries), change="proxy_catalogue",
            on_done=lambda _r: self.cat_message.setText(self.tr("Saved.")),
            on_error=lambda exc: show_error(self, exc))

    # -- 办理时限与节假日 ------------------------------------------------------------------------
    def _build_deadlines(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.cfg_note = self._note()
        layout.addWidget(self.cfg_note)
        top = QHBoxLayout()
        days_box = QGroupBox(self.tr("Deadlines (working days)"))
        days_form = QFormLayout(days_box)
        labels = {
            "contact_days": self.tr("First contact with the enterprise"),
            "first_reply_days": self.tr("First reply of the department"),
            "resolve_days": self.tr("Resolution"),
            "complex_resolve_days": self.tr("Resolution of a complex request"),
            "co_answer_days": self.tr("Answer of a co-department"),
            "callback_days": self.tr("Call-back after resolution"),
        }
        self.day_spins: dict[str, QSpinBox] = {}
        for name in DEADLINE_FIELDS:
            spin = QSpinBox()
            spin.setRange(MIN_DAYS, MAX_DAYS)
            spin.setSuffix(self.tr(" working days"))
            self.day_spins[name] = spin
            days_form.addRow(labels[name], spin)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(80)
        self.organisation_feedback = FieldFeedback()
        days_form.addRow(self.tr("Organisation *"), self.organisation)
        days_form.addRow("", self.organisation_feedback)
        # How printed forms name the county, its seal and their document numbers.
        self.identity_edits: dict[str, QLineEdit] = {}
        for name, label, example, length in (
                ("county", self.tr("County"), "青田县", 40),
                ("seal_name", self.tr("Name on the seal"), "青田县企业服务中心", 80),
                ("doc_prefix", self.tr("Document number prefix"), "青企服", 12),
                ("supervision_phone", self.tr("Supervision phone (public lists)"),
                 "0578-1234567", 20)):
            edit = QLineEdit()
            edit.setMaxLength(length)
            edit.setPlaceholderText(example)
            self.identity_edits[name] = edit
            days_form.addRow(label, edit)
        top.addWidget(days_box, 3)

        people = QGroupBox(self.tr("Direct-channel addressees"))
        people_layout = QVBoxLayout(people)
        self.addressees = QListWidget()
        people_layout.addWidget(self.addressees, 1)
        row = QHBoxLayout()
        self.addressee_add = QPushButton(self.tr("Add"))
        self.addressee_add.clicked.connect(lambda: self.add_addressee())
        self.addressee_remove = QPushButton(self.tr("Remove"))
        self.addressee_remove.clicked.connect(
            lambda: self.addressees.takeItem(self.addressees.currentRow()))
        row.addWidget(self.addressee_add)
        row.addWidget(self.addressee_remove)
        people_layout.addLayout(row)
        self.addressees_feedback = FieldFeedback()
        people_layout.addWidget(self.addressees_feedback)
        top.addWidget(people, 2)
        layout.addLayout(top)

        holidays = QGroupBox(self.tr("Holiday calendar"))
        hol_layout = QVBoxLayout(holidays)
        source = QLabel(self.tr(
            "Public holidays and make-up working days come from the State Council's "
            "published schedules (up to {year}). Dates added or removed here take precedence "
            "and reach every laptop with the next sync.").format(
            year=workdays.last_published_year()))
        source.setObjectName("hint")
        source.setWordWrap(True)
        hol_layout.addWidget(source)
        self.holiday_table = self._table([self.tr("Date"), self.tr("Make-up working day")])
        self.holiday_table.setColumnWidth(0, 160)
        self.holiday_table.setMinimumHeight(200)
        hol_layout.addWidget(self.holiday_table, 1)
        self.holidays_feedback = FieldFeedback()
        hol_layout.addWidget(self.holidays_feedback)
        row = QHBoxLayout()
        self.holiday_add = QPushButton(self.tr("Add date"))
        self.holiday_add.clicked.connect(lambda: self.add_holiday_row())
        self.holiday_remove = QPushButton(self.tr("Remove date"))
        self.holiday_remove.clicked.connect(
            lambda: self.holiday_table.removeRow(self.holiday_table.currentRow()))
        hint = QLabel(self.tr("A make-up working day is a weekend day worked in exchange "
                              "(调休)."))
        hint.setStyleSheet("color: #666;")
        row.addWidget(self.holiday_add)
        row.addWidget(self.holiday_remove)
        row.addWidget(hint, 1)
        hol_layout.addLayout(row)
        layout.addWidget(holidays, 1)

        self.cfg_feedback = FeedbackGroup()
        self.cfg_feedback.add("organisation", self.organisation_feedback,
                              widget=self.organisation)
        self.cfg_feedback.add("addressees", self.addressees_feedback, widget=self.addressees)
        self.cfg_feedback.add("holidays", self.holidays_feedback, widget=self.holiday_table)
        self.cfg_feedback.set_fallback(self.holidays_feedback)
        buttons = QHBoxLayout()
        self.cfg_message = QLabel()
        self.cfg_message.setStyleSheet("color: #2e7d32;")
        self.cfg_save = QPushButton(self.tr("Save deadlines and holidays"))
        self.cfg_save.clicked.connect(lambda: self.save_config())
        buttons.addWidget(self.cfg_message, 1)
        buttons.addWidget(self.cfg_save)
        layout.addLayout(buttons)
        return page

    def load_config(self) -> None:
        self._config = rq.load_config()
        for name, spin in self.day_spins.items():
            spin.setValue(getattr(self._config, name))
        self.organisation.setText(self._config.organisation)
        for name, edit in self.identity_edits.items():
            edit.setText(getattr(self._config, name))
        self.addressees.clear()
        for name in self._config.addressees:
            self._addressee_item(name)
        self.holiday_table.setRowCount(0)
        # Last year on: older years no longer date anything, and twenty years of days would
        # bury the ones that matter.
        self.calendar_since = dt.date(clock.today().year - 1, 1, 1)
        for day, makeup in reversed(workdays.days_since(since=self.calendar_since)):
            self.add_holiday_row(day=QDate(day.year, day.month, day.day), makeup=makeup,
                                 at_end=True)

    def _addressee_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        if self.can_edit_centre:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.addressees.addItem(item)
        return item

    def add_addressee(self) -> None:
        item = self._addressee_item("")
        self.addressees.setCurrentItem(item)
        self.addressees.editItem(item)

    def add_holiday_row(self, *, day: QDate | None = None, makeup: bool = False,
                        at_end: bool = False) -> None:
        table = self.holiday_table
        row = table.rowCount() if at_end else 0
        table.insertRow(row)
        edit = QDateEdit(day or QDate(clock.today()))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(self.can_edit_centre)
        table.setCellWidget(row, 0, edit)
        box = QCheckBox()
        box.setChecked(makeup)
        box.setEnabled(self.can_edit_centre)
        table.setCellWidget(row, 1, box)
        if not at_end:
            table.setCurrentCell(row, 0)

    def config_value(self) -> tuple[rq.RequestConfig, list[str], list[str], list[Finding]]:
        """The configuration, the days off and the make-up working days shown, and what is
        wrong with them."""
        findings: list[Finding] = []
        organisation = self.organisation.text().strip()
        if not organisation:
            findings.append(_finding("organisation", self.tr(
                "Enter the name of the organisation.")))
        names = [self.addressees.item(i).text().strip() for i in range(self.addressees.count())]
        names = [n for n in names if n]
        if not names:
            findings.append(_finding("addressees", self.tr(
                "Keep at least one addressee of direct-channel letters.")))
        if len(set(names)) != len(names):
            findings.append(_finding("addressees", self.tr(
                "An addressee is in the list twice.")))
        holidays: list[str] = []
        makeups: list[str] = []
        seen: set[str] = set()
        for row in range(self.holiday_table.rowCount()):
            date = self.holiday_table.cellWidget(row, 0).date()
            if not date.isValid():
                findings.append(_finding("holidays", self.tr(
                    "Row {row}: the date is not valid.").format(row=row + 1)))
                continue
            iso = date.toString(Qt.DateFormat.ISODate)
            if iso in seen:
                findings.append(_finding("holidays", self.tr(
                    "{date} is in the calendar twice.").format(date=iso)))
            seen.add(iso)
            (makeups if self.holiday_table.cellWidget(row, 1).isChecked()
             else holidays).append(iso)
        days = {name: spin.value() for name, spin in self.day_spins.items()}
        identity = {name: edit.text().strip() for name, edit in self.identity_edits.items()}
        config = replace(self._config, organisation=organisation, addressees=names, **days,
                         **identity)
        return config, sorted(holidays), sorted(makeups), findings

    def save_config(self) -> None:
        config, holidays, makeups, findings = self.config_value()
        since = self.calendar_since
        self.cfg_message.clear()
        self.cfg_feedback.show(findings)
        if findings:
            return

        def done(_result: object) -> None:
            self._config = config
            self.cfg_message.setText(self.tr("Saved. New deadlines apply to requests "
                                             "dispatched from now on."))

        self.ctx.runner.submit(
            lambda: rq.save_config(config=config, calendar=workdays.ShownDays(
                holidays=holidays, makeup_workdays=makeups, since=since)),
            change="request_config", on_done=done, on_error=lambda exc: show_error(self, exc))

    # -- roles -----------------------------------------------------------------------------
    def _apply_role(self) -> None:
        editable = self.can_edit_centre
        self.dep_note.setVisible(not editable)
        self.cfg_note.setVisible(not editable)
        for widget in (self.dep_name, self.dep_contact, self.dep_phone, self.organisation,
                       *self.identity_edits.values()):
            widget.setReadOnly(not editable)
        for widget in (self.dep_kind, self.dep_add, self.dep_save,
                       self.addressee_add, self.addressee_remove, self.holiday_add,
                       self.holiday_remove, self.cfg_save, *self.day_spins.values()):
            widget.setEnabled(editable)
