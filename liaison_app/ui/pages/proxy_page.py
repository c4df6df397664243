"""代办: lead-and-proxy cases, their procedure items, progress and days saved; the service
record sheet per case and the half-year public list.

The case pane follows the editor contract (``ui.editor_contract``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.services import departments, drafts, printing
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.core.services.visits import AttachmentInput
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.visit_editor import EnterpriseChooser
from liaison_app.ui.editor_contract import EditorContract
from liaison_app.ui.errors import show_error
from liaison_app.ui.models.rows_model import RowsModel
from liaison_app.ui.pages.base import Page
from liaison_app.ui.pages.list_editor import ListEditorMixin
from liaison_app.ui.widgets.feedback import FieldFeedback
from liaison_app.ui.widgets.kept_view import rows_kept_in_view
from liaison_app.ui.widgets.layouts import CompactList, CompactTextEdit, fit_columns, flow_of

SAVED = QColor("#2e7d32")
LATE = QColor("#c62828")
# Item table columns.
C_NAME, C_DEPT, C_SUBMITTED, C_APPROVED, C_USUAL, C_STATUS, C_SAVED, C_DOCS = range(8)


@dataclass
class _Attachments:
    """Decodes an item's attachments from a payload."""

    items: list[AttachmentInput] = field(default_factory=list)


class ProxyPage(ListEditorMixin, Page):
    page_id = "proxy"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        #: Per item row: what the table does not show (id, notes, attachments).
        self._hidden: list[dict[str, Any]] = []
        self._base = pc.CaseInput()
        self._dialogs: list[QWidget] = []
        self._catalogue_loaded = False
        self._build()
        self.contract = EditorContract(ctx=ctx, root=self.detail, adapter=self,
                                       kind="proxy_case", noun=self.tr("proxy case"))
        self.detail_layout.insertWidget(0, self.contract.notice)
        self.buttons_row.insertWidget(2, self.contract.draft_label)
        # The items' messages concern what was typed then; editing makes them stale.
        self.contract.changed.connect(self.feedback.clear_findings)
        # A new device has an empty directory until its first sync: seed it (sent to the
        # server only from the centre's device, whose table it is).
        ctx.runner.submit(lambda: departments.ensure_seeded(
            send=rq.current_role() == rq.CENTRE), change="department")

    def title(self) -> str:
        return self.tr("Proxy cases")

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        header, self.count_label = self.title_row()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All cases"), "")
        for code, label in pc.CASE_STATUS_LABELS.items():
            self.status_filter.addItem(label.text(), code)
        self.status_filter.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.public_button = QPushButton(self.tr("Half-year public list…"))
        self.public_button.clicked.connect(lambda: self.print_public_list())
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setToolTip(self.tr(
            "Department directory, proxy item catalogue, deadlines and holidays"))
        self.settings_button.clicked.connect(lambda: self.open_service_settings())
        self.new_button = QPushButton(self.tr("New case"))
        self.new_button.setToolTip(self.tr("Start a new proxy case (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_record())
        header.addStretch(1)
        header.addWidget(self.status_filter)
        header.addWidget(self.public_button)
        header.addWidget(self.settings_button)
        header.addWidget(self.new_button)
        outer.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.model = RowsModel(
            [self.tr("Started"), self.tr("Enterprise"), self.tr("Project"), self.tr("Progress"),
             self.tr("Days saved"), self.tr("Status")], self._cells, self,
            colours=self._colours, tooltips=(1, 2))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        fit_columns(self.table, stretch=2, drop=(0, 4, 3))
        self.table.setMinimumWidth(300)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._row_chosen())
        self.empty_label = QLabel(self.tr(
            "No proxy cases yet. Click “New case” when the centre takes over an enterprise's "
            "procedures."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666; font-size: 14px;")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        splitter.addWidget(self.list_stack)

        self.detail_stack = QStackedWidget()
        hint = QLabel(self.tr("Choose a case in the list, or click “New case”."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.detail_stack.addWidget(hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail = self._build_editor()
        scroll.setWidget(self.detail)
        self.detail_scroll = scroll
        self.detail_stack.addWidget(scroll)
        splitter.addWidget(self.detail_stack)
        # The procedure items are a wide table: the editor gets the larger share.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 800])
        outer.addWidget(splitter, 1)

    def _build_editor(self) -> QWidget:
        box = QWidget()
        layout = self.detail_layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 0, 4, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.enterprise = EnterpriseChooser()
        self.project = QLineEdit()
        self.location = QLineEdit()
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        self.notes = CompactTextEdit(lines=2)
        self.notes.setMinimumHeight(44)
        self.notes.setMaximumHeight(90)
        self.cancelled = QCheckBox(self.tr("Case cancelled"))
        started_row = QHBoxLayout()
        started_row.addWidget(self.started)
        started_row.addSpacing(16)
        started_row.addWidget(self.cancelled)
        started_row.addStretch(1)
        form.addRow(self.tr("Enterprise *"), self.enterprise)
        form.addRow(self.tr("Project *"), self.project)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Started"), started_row)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m items done"))
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.totals_label)

        items_box = QGroupBox(self.tr("Procedure items"))
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(6, 4, 6, 4)
        add_row = QHBoxLayout()
        self.catalogue = QComboBox()
        self.catalogue.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.catalogue.setMinimumContentsLength(12)
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.clicked.connect(self._add_from_catalogue)
        self.remove_button = QPushButton(self.tr("Remove item"))
        self.remove_button.clicked.connect(self._remove_item)
        add_row.addWidget(self.catalogue, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        items_layout.addLayout(add_row)
        self.items = QTableWidget(0, 8)
        self.items.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Department"), self.tr("Submitted"), self.tr("Approved"),
            self.tr("Usual days"), self.tr("Status"), self.tr("Saved"),
            self.tr("Documents handed over")])
        self.items.verticalHeader().hide()
        fit_columns(self.items, stretch=C_DOCS, drop=(C_SAVED,))
        self.items.setMinimumHeight(150)
        self.items.setToolTip(self.tr("Dates as YYYY-MM-DD; documents separated by “;”"))
        self.items.itemChanged.connect(self._item_edited)
        items_layout.addWidget(self.items)
        layout.addWidget(items_box, 2)

        self.feedback = FieldFeedback()
        layout.addWidget(self.feedback)
        buttons = self.buttons_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the case (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_current())
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the case (Esc)"))
        self.close_button.clicked.connect(lambda: self.contract.close())
        self.print_button = QPushButton(self.tr("Service record…"))
        self.print_button.clicked.connect(lambda: self.print_record())
        self.application_button = QPushButton(self.tr("Print procedure application"))
        self.application_button.setObjectName("printProcedureApplication")
        self.application_button.clicked.connect(
            lambda: self.preview_form("procedure_application"))
        self.attorney_button = QPushButton(self.tr("Print power of attorney"))
        self.attorney_button.setObjectName("printPowerOfAttorney")
        self.attorney_button.clicked.connect(lambda: self.preview_form("power_of_attorney"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #666;")
        self.message.setWordWrap(True)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.message, 1)
        layout.addLayout(buttons)
        # The printed sheets of the saved case flow onto as many rows as the pane needs.
        layout.addWidget(flow_of([self.print_button, self.application_button,
                                  self.attorney_button]))

        timeline_box = QGroupBox(self.tr("Timeline"))
        tl = QVBoxLayout(timeline_box)
        tl.setContentsMargins(6, 4, 6, 4)
        self.timeline = CompactList(lines=3)
        self.timeline.setMinimumHeight(60)
        tl.addWidget(self.timeline)
        layout.addWidget(timeline_box, 1)
        return box

    # -- list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.supersede_reads()
        self._show_list(self._read_list(self.status_filter.currentData() or ""))

    def refresh_in_background(self) -> None:
        """After a sync: the cases and the catalogue are read on the runner; the open case
        follows when they come (through the editor contract: typing kept), the list keeps
        its scroll."""
        status = self.status_filter.currentData() or ""
        self.read_then(lambda: self._read_list(status), self._show_read)

    @staticmethod
    def _read_list(status: str) -> tuple[str, list[pc.CaseRow], list[pc.CatalogueEntry]]:
        """The cases with ``status`` (all for "") and the catalogue. Any thread (reads)."""
        return (status, pc.list_cases(flt=pc.CaseFilter(status=status), limit=1000),
                pc.load_catalogue())

    def _show_read(self, read: tuple[str, list[pc.CaseRow], list[pc.CatalogueEntry]]) -> None:
        if read[0] != (self.status_filter.currentData() or ""):
            self.refresh()  # the filter changed meanwhile
            return
        with rows_kept_in_view(self.table):
            self._show_list(read)

    def _show_list(self, read: tuple[str, list[pc.CaseRow], list[pc.CatalogueEntry]]) -> None:
        _status, rows, catalogue = read
        self.count_label.setText(self.tr("{n} cases").format(n=len(rows)))
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows)
        selection.blockSignals(False)
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
        self._load_catalogue(catalogue)
        self._refresh_open_record()

    @staticmethod
    def _cells(row: pc.CaseRow) -> list[str]:
        t = row.totals
        return [f"{row.started_on:%Y-%m-%d}", row.enterprise_name, row.project_name,
                f"{t.done}/{t.items}", str(t.days_saved) if t.done else "",
                pc.CASE_STATUS_LABELS[row.status].text()]

    @staticmethod
    def _colours(row: pc.CaseRow, column: int) -> tuple[QColor | None, None]:
        if column == 4 and row.totals.done:
            return (SAVED if row.totals.days_saved >= 0 else LATE), None
        return None, None

    def _load_catalogue(self, entries: list[pc.CatalogueEntry] | None = None) -> None:
        keep = self.catalogue.currentIndex()
        self.catalogue.clear()
        for entry in pc.load_catalogue() if entries is None else entries:
            self.catalogue.addItem(self.tr("{name} ({department}, usually {days} days)").format(
                name=entry.name, department=entry.department, days=entry.usual_days), entry)
        self.catalogue.setCurrentIndex(max(0, min(keep, self.catalogue.count() - 1)))

    def open_record(self, record_id: str) -> None:
        if record_id.startswith("draft:"):
            self._leave_then(lambda: self._open_draft(record_id.split(":", 1)[1]))
        else:
            self._leave_then(lambda: self._open(record_id))

    def open_service_settings(self) -> None:
        """The catalogue of proxy items (and the directory and deadlines) in one dialog."""
        from liaison_app.ui.dialogs.service_settings_dialog import ServiceSettingsDialog

        dialog = ServiceSettingsDialog(self.ctx, parent=self)
        dialog.tabs.setCurrentIndex(1)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_record(self) -> bool:
        self._leave_then(self._start_new)
        return True

    def _start_new(self) -> None:
        self._select_row("")
        self.contract.open_new(self._payload_of(pc.CaseInput()))
        self._show_new_state()
        self.enterprise.setFocus()

    def _show_new_state(self) -> None:
        self._set_printable(False)
        self.timeline.clear()
        self.message.clear()
        self.detail_stack.setCurrentIndex(1)

    def _show_state(self, record_id: str) -> None:
        """What is not typed in: printing and the timeline."""
        self._set_printable(True)
        self.timeline.clear()
        for row in reversed(rq.timeline(owner_id=record_id, owner_table="proxy_case")):
            label = pc.EVENT_LABELS.get(row.action)
            text = label.text() if label else row.action
            who = f" — {row.actor}" if row.actor else ""
            note = f"：{row.note}" if row.note else ""
            self.timeline.addItem(f"{row.at:%Y-%m-%d %H:%M}{who}  {text}{note}")
        self.detail_stack.setCurrentIndex(1)

    # -- the editor ----------------------------------------------------------------------
    def _payload_of(self, data: pc.CaseInput) -> dict[str, Any]:
        """A case as the editor's payload: the item rows as the text typed in their cells,
        so a draft keeps a date that is not one yet."""
        payload = drafts.to_payload(data)
        payload["items"] = [{
            "name": i.name, "department_id": i.department_id,
            "submitted_on": i.submitted_on.isoformat() if i.submitted_on else "",
            "approved_on": i.approved_on.isoformat() if i.approved_on else "",
            "usual_days": "" if i.usual_days is None else str(i.usual_days),
            "status": i.status, "documents": "；".join(i.documents.splitlines()),
            "id": i.id, "notes": i.notes,
            "attachments": drafts.to_payload(i.attachments)} for i in data.items]
        return payload

    def _fill(self, payload: dict[str, Any]) -> None:
        self.feedback.clear_findings()
        rows = [r for r in payload.get("items") or [] if isinstance(r, dict)]
        data = drafts.from_payload(pc.CaseInput, {**payload, "items": []})
        self._base = data
        self.enterprise.set_enterprise_id(data.enterprise_id)
        self.project.setText(data.project_name)
        self.location.setText(data.project_location)
        d = data.started_on
        self.started.setDate(QDate(d.year, d.month, d.day))
        self.notes.setPlainText(data.notes)
        self.cancelled.setChecked(data.cancelled)
        self.items.setRowCount(0)
        self._hidden = []
        for row in rows:
            self._append_row(row)
        self._update_totals()

    def _departments(self) -> list[tuple[str, str]]:
        return [(d.id, d.name) for d in departments.list_departments()]

    def _append_item(self, item: pc.ItemInput) -> None:
        self._append_row(self._payload_of(pc.CaseInput(items=[item]))["items"][0])

    def _append_row(self, values: dict[str, Any]) -> None:
        def text(key: str) -> str:
            value = values.get(key)
            return value if isinstance(value, str) else ""

        row = self.items.rowCount()
        self.items.insertRow(row)
        # Filling the new row's cells is not an edit of the row (nor of the totals yet).
        self.items.blockSignals(True)
        self._hidden.append({"id": values.get("id"), "notes": text("notes"),
                             "attachments": values.get("attachments") or []})
        self.items.setItem(row, C_NAME, QTableWidgetItem(text("name")))
        dept = QComboBox()
        dept.addItem("", "")
        for dep_id, name in self._departments():
            dept.addItem(name, dep_id)
        dept.setCurrentIndex(max(0, dept.findData(text("department_id"))))
        self.items.setCellWidget(row, C_DEPT, dept)
        self.items.setItem(row, C_SUBMITTED, QTableWidgetItem(text("submitted_on")))
        self.items.setItem(row, C_APPROVED, QTableWidgetItem(text("approved_on")))
        self.items.setItem(row, C_USUAL, QTableWidgetItem(text("usual_days")))
        status = QComboBox()
        for code, label in pc.ITEM_STATUS_LABELS.items():
            status.addItem(label.text(), code)
        status.setCurrentIndex(max(0, status.findData(text("status"))))
        status.currentIndexChanged.connect(lambda _i: self._update_totals())
        self.items.setCellWidget(row, C_STATUS, status)
        cell = QTableWidgetItem("")
        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.items.setItem(row, C_SAVED, cell)
        self.items.setItem(row, C_DOCS, QTableWidgetItem(text("documents")))
        self._show_saved(row)
        self.items.blockSignals(False)
        self._update_totals()
        if hasattr(self, "contract"):
            self.contract.watch(dept)
            self.contract.watch(status)

    def _show_saved(self, row: int) -> None:
        """Days saved of one row, from what is typed (blank while a date is not one)."""
        try:
            submitted, approved = (self._date(row, C_SUBMITTED), self._date(row, C_APPROVED))
            usual = int(self._text(row, C_USUAL)) if self._text(row, C_USUAL) else None
        except ValueError:
            submitted = approved = usual = None
        saved = pc.days_saved(usual_days=usual, submitted_on=submitted, approved_on=approved)
        cell = self.items.item(row, C_SAVED)
        if cell is None:  # the row is still being filled
            return
        cell.setText("" if saved is None else str(saved))
        if saved is not None:
            cell.setForeground(QBrush(SAVED if saved >= 0 else LATE))

    def _item_edited(self, item: QTableWidgetItem) -> None:
        if item.column() in (C_SUBMITTED, C_APPROVED, C_USUAL):
            self._show_saved(item.row())
            self._update_totals()

    def _date(self, row: int, col: int) -> dt.date | None:
        text = self._text(row, col)
        return dt.date.fromisoformat(text) if text else None

    def _add_from_catalogue(self) -> None:
        entry: pc.CatalogueEntry | None = self.catalogue.currentData()
        if entry is None:
            return
        dep_id = next((i for i, n in self._departments() if n == entry.department), "")
        self._append_item(pc.ItemInput(name=entry.name, department_id=dep_id,
                                       usual_days=entry.usual_days))

    def _remove_item(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        del self._hidden[row]
        self.items.removeRow(row)
        self._update_totals()

    def _update_totals(self) -> None:
        try:
            items = self.editor_value().items
        except ValueError:
            return
        sums = pc.totals(items)
        self.progress.setMaximum(max(1, sums.items))
        self.progress.setValue(sums.done)
        self.totals_label.setText(self.tr(
            "Approved items took {taken} days against {usual} usual: {saved} days saved.").format(
            taken=sums.days_taken, usual=sums.days_usual, saved=sums.days_saved))

    def _text(self, row: int, col: int) -> str:
        item = self.items.item(row, col)
        return item.text().strip() if item else ""

    def _rows(self) -> list[dict[str, Any]]:
        """The item rows as typed."""
        out = []
        for row in range(self.items.rowCount()):
            hidden = self._hidden[row] if row < len(self._hidden) else {}
            out.append({
                "name": self._text(row, C_NAME),
                "department_id": self.items.cellWidget(row, C_DEPT).currentData() or "",
                "submitted_on": self._text(row, C_SUBMITTED),
                "approved_on": self._text(row, C_APPROVED),
                "usual_days": self._text(row, C_USUAL),
                "status": self.items.cellWidget(row, C_STATUS).currentData(),
                "documents": self._text(row, C_DOCS), **hidden})
        return out

    def editor_value(self) -> pc.CaseInput:
        """The case as typed; raises ValueError naming a date or number that is not one."""
        items = []
        for n, row in enumerate(self._rows(), start=1):
            dates = []
            for key in ("submitted_on", "approved_on"):
                text = row[key]
                try:
                    dates.append(dt.date.fromisoformat(text) if text else None)
                except ValueError:
                    raise ValueError(self.tr(
                        "Item {n}: “{text}” is not a date; write it as YYYY-MM-DD.").format(
                        n=n, text=text)) from None
            usual = row["usual_days"]
            if usual and not usual.isdigit():
                raise ValueError(self.tr("Item {n}: the usual duration is a number of days."
                                         ).format(n=n))
            documents = "\n".join(x.strip() for x in row["documents"].replace(
                ";", "；").split("；") if x.strip())
            items.append(pc.ItemInput(
                name=row["name"], department_id=row["department_id"], submitted_on=dates[0],
                approved_on=dates[1], usual_days=int(usual) if usual else None,
                status=row["status"], documents=documents, notes=row.get("notes") or "",
                attachments=drafts.from_payload(_Attachments, {
                    "items": row.get("attachments") or []}).items,
                id=row.get("id")))
        return pc.CaseInput(enterprise_id=self.enterprise.enterprise_id(),
                            project_name=self.project.text(), project_location=self.location.text(),
                            officer_id=self._base.officer_id,
                            started_on=self.started.date().toPython(),
                            notes=self.notes.toPlainText(),
                            cancelled=self.cancelled.isChecked(), items=items)

    # -- the editor contract's adapter -------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        payload = drafts.to_payload(pc.CaseInput(
            enterprise_id=self.enterprise.enterprise_id(), project_name=self.project.text(),
            project_location=self.location.text(), officer_id=self._base.officer_id,
            started_on=self.started.date().toPython(), notes=self.notes.toPlainText(),
            cancelled=self.cancelled.isChecked()))
        payload["items"] = self._rows()
        return payload

    def show_payload(self, payload: dict[str, Any]) -> None:
        self._fill(payload)

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        try:
            return self._payload_of(pc.load_input(record_id=record_id))
        except NotFound:
            return None

    def draft_title(self) -> str:
        name = self.enterprise.currentText().strip() or self.tr("(no enterprise chosen)")
        project = self.project.text().strip()
        return f"{name} · {project}" if project else name

    def start_save(self) -> None:
        self.save_current()

    def close_editor(self) -> None:
        self._close_pane()

    # -- saving --------------------------------------------------------------------------
    def save_current(self) -> bool:
        if self.detail_stack.currentIndex() != 1 or not self.contract.is_open():
            return False
        try:
            data = self.editor_value()
        except ValueError as exc:
            self.feedback.setText(f'<span style="color:#c62828">{exc}</span>')
            self.feedback.show()
            self.contract.save_failed()
            return True
        record_id = self.current_id or None
        self.save_button.setEnabled(False)
        work = self.contract.save_work(lambda: pc.save(data=data, record_id=record_id).id)
        self.ctx.runner.submit(work, change="proxy_case", on_done=self._saved,
                               on_error=self._save_failed)
        return True

    def _saved(self, record_id: str) -> None:
        self.save_button.setEnabled(True)
        self.feedback.clear_findings()
        self.contract.saved(record_id)
        self.refresh()
        self._select_row(record_id)
        self._show_state(record_id)
        self.message.setText(self.tr("Saved."))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.contract.save_failed()
        if isinstance(exc, ValidationFailed):
            self.feedback.show_findings(exc.findings)
        else:
            show_error(self, exc)

    def can_leave(self) -> bool:
        # Whatever is typed stays in the pane and in its draft.
        self.contract.flush_draft()
        return True

    def on_data_changed(self, what: str) -> None:
        if what in ("enterprise", "sync", "all"):
            self.enterprise.invalidate()
        super().on_data_changed(what)

    # -- printing ------------------------------------------------------------------------
    def _set_printable(self, enabled: bool) -> None:
        """Printing needs a saved case."""
        for button in (self.print_button, self.application_button, self.attorney_button):
            button.setEnabled(enabled)

    def preview_form(self, form_id: str) -> Any:
        """The preview dialog of ``form_id`` filled from the saved case (built on the runner,
        printed or saved from there, each print logged)."""
        if not self.current_id:
            return None
        from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog

        title = " ".join(filter(None, [self.enterprise.currentText(), self.project.text()]))
        dialog = PrintPreviewDialog(self.ctx, form_id=form_id, record_id=self.current_id,
                                    title=title, parent=self)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def print_record(self, path: str = "") -> None:
        if not self.current_id:
            return
        record_id = self.current_id
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save service record"),
                str(Path.home() / f"代办服务记录单-{record_id[:4]}.pdf"), "PDF (*.pdf)")
        if path:
            self.ctx.runner.submit(
                lambda: printing.print_to_file(form_id="proxy_service_record",
                                               record_id=record_id, out=path),
                on_done=lambda _: self._printed(path), on_error=lambda e: show_error(self, e))

    def print_public_list(self, path: str = "", *, year: int | None = None,
                          half: int | None = None) -> None:
        if year is None or half is None:
            today = clock.today()
            choices = [self.tr("{year}, first half").format(year=today.year - 1),
                       self.tr("{year}, second half").format(year=today.year - 1),
                       self.tr("{year}, first half").format(year=today.year),
                       self.tr("{year}, second half").format(year=today.year)]
            default = 2 if today.month > 6 else 1
            choice, ok = QInputDialog.getItem(self, self.tr("Public list"),
                                              self.tr("Half year"), choices, default, False)
            if not ok:
                return
            n = choices.index(choice)
            year, half = today.year - 1 + n // 2, 1 + n % 2
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save public list"),
                str(Path.home() / f"代办情况公示-{year}-{half}.pdf"), "PDF (*.pdf)")
        if path:
            self.ctx.runner.submit(lambda: printing.print_to_file(
                form_id="proxy_public_list", record_id=f"{year}-{half}", out=path),
                                   on_done=lambda _: self._printed(path),
                                   on_error=lambda e: show_error(self, e))

    def _printed(self, path: str) -> None:
        self.message.setText(self.tr("Saved {path}").format(path=path))
        self.last_printed = path
