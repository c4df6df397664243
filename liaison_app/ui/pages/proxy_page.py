"""代办: lead-and-proxy cases, their procedure items, progress and days saved; the service
record sheet per case and the half-year public list."""
from __future__ import annotations

import datetime as dt
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
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
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
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.visit_editor import EnterpriseChooser
from liaison_app.ui.errors import show_error
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.feedback import FieldFeedback

ROLE_ID = Qt.ItemDataRole.UserRole
SAVED = QColor("#2e7d32")
LATE = QColor("#c62828")
# Item table columns.
C_NAME, C_DEPT, C_SUBMITTED, C_APPROVED, C_USUAL, C_STATUS, C_SAVED, C_DOCS = range(8)


class ProxyPage(Page):
    page_id = "proxy"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = ""
        self._item_ids: list[str | None] = []
        self._attachments: dict[int, list] = {}
        self._dialogs: list[QWidget] = []
        self._build()
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
        self.new_button.clicked.connect(lambda: self.new_record())
        header.addStretch(1)
        header.addWidget(self.status_filter)
        header.addWidget(self.public_button)
        header.addWidget(self.settings_button)
        header.addWidget(self.new_button)
        outer.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Started"), self.tr("Enterprise"), self.tr("Project"), self.tr("Progress"),
            self.tr("Days saved"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 150, 150, 70, 70)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._row_chosen)
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
        hint.setStyleSheet("color: #666;")
        self.detail_stack.addWidget(hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._build_editor())
        self.detail_stack.addWidget(scroll)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 460])  # the list shows its columns; the detail scrolls
        outer.addWidget(splitter, 1)

    def _build_editor(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.enterprise = EnterpriseChooser()
        self.project = QLineEdit()
        self.location = QLineEdit()
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        self.notes = QLineEdit()
        self.cancelled = QCheckBox(self.tr("Case cancelled"))
        form.addRow(self.tr("Enterprise *"), self.enterprise)
        form.addRow(self.tr("Project *"), self.project)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Started"), self.started)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.cancelled)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m items done"))
        self.totals_label = QLabel()
        layout.addWidget(self.progress)
        layout.addWidget(self.totals_label)

        items_box = QGroupBox(self.tr("Procedure items"))
        items_layout = QVBoxLayout(items_box)
        add_row = QHBoxLayout()
        self.catalogue = QComboBox()
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
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.items.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 140, 90, 90, 60, 90, 50)):
            self.items.setColumnWidth(column, width)
        self.items.setMinimumHeight(180)
        self.items.setToolTip(self.tr("Dates as YYYY-MM-DD; documents separated by “;”"))
        items_layout.addWidget(self.items)
        layout.addWidget(items_box)

        self.feedback = FieldFeedback()
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_current())
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
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        layout.addLayout(buttons)
        # The printed sheets of the saved case, on their own row so the pane stays narrow.
        prints = QHBoxLayout()
        prints.addStretch(1)
        for button in (self.print_button, self.application_button, self.attorney_button):
            prints.addWidget(button)
        layout.addLayout(prints)

        timeline_box = QGroupBox(self.tr("Timeline"))
        tl = QVBoxLayout(timeline_box)
        self.timeline = QListWidget()
        self.timeline.setMinimumHeight(100)
        tl.addWidget(self.timeline)
        layout.addWidget(timeline_box, 1)
        return box

    # -- list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = pc.list_cases(flt=pc.CaseFilter(status=self.status_filter.currentData() or ""),
                             limit=1000)
        self.count_label.setText(self.tr("{n} cases").format(n=len(rows)))
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            t = row.totals
            texts = [f"{row.started_on:%Y-%m-%d}", row.enterprise_name, row.project_name,
                     f"{t.done}/{t.items}", str(t.days_saved) if t.done else "",
                     pc.CASE_STATUS_LABELS[row.status].text()]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, row.id)
                if c == 4 and t.done:
                    item.setForeground(QBrush(SAVED if t.days_saved >= 0 else LATE))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
        self.catalogue.clear()
        for entry in pc.load_catalogue():
            self.catalogue.addItem(self.tr("{name} ({department}, usually {days} days)").format(
                name=entry.name, department=entry.department, days=entry.usual_days), entry)
        if self.current_id:
            self._show(self.current_id)

    def _row_chosen(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.open_record(items[0].data(ROLE_ID))

    def open_record(self, record_id: str) -> None:
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ROLE_ID) == record_id:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self._show(record_id)

    def open_service_settings(self) -> None:
        """The catalogue of proxy items (and the directory and deadlines) in one dialog."""
        from liaison_app.ui.dialogs.service_settings_dialog import ServiceSettingsDialog

        dialog = ServiceSettingsDialog(self.ctx, parent=self)
        dialog.tabs.setCurrentIndex(1)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_record(self) -> bool:
        self.current_id = ""
        self.table.clearSelection()
        self._fill(pc.CaseInput())
        self._set_printable(False)
        self.timeline.clear()
        self.detail_stack.setCurrentIndex(1)
        return True

    def _show(self, record_id: str) -> None:
        try:
            data = pc.load_input(record_id=record_id)
        except Exception:  # noqa: BLE001 - deleted meanwhile
            self.current_id = ""
            self.detail_stack.setCurrentIndex(0)
            return
        self.current_id = record_id
        self._fill(data)
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
    def _fill(self, data: pc.CaseInput) -> None:
        self.feedback.clear_findings()
        self.message.clear()
        self.enterprise.set_enterprise_id(data.enterprise_id)
        self.project.setText(data.project_name)
        self.location.setText(data.project_location)
        d = data.started_on
        self.started.setDate(QDate(d.year, d.month, d.day))
        self.notes.setText(data.notes)
        self.cancelled.setChecked(data.cancelled)
        self.items.setRowCount(0)
        self._item_ids = []
        self._attachments = {}
        for item in data.items:
            self._append_item(item)
        self._update_totals(data.items)

    def _departments(self) -> list[tuple[str, str]]:
        return [(d.id, d.name) for d in departments.list_departments()]

    def _append_item(self, item: pc.ItemInput) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        self._item_ids.append(item.id)
        self._attachments[row] = list(item.attachments)
        self.items.setItem(row, C_NAME, QTableWidgetItem(item.name))
        dept = QComboBox()
        dept.addItem("", "")
        for dep_id, name in self._departments():
            dept.addItem(name, dep_id)
        dept.setCurrentIndex(max(0, dept.findData(item.department_id)))
        self.items.setCellWidget(row, C_DEPT, dept)
        for col, day in ((C_SUBMITTED, item.submitted_on), (C_APPROVED, item.approved_on)):
            self.items.setItem(row, col, QTableWidgetItem(day.isoformat() if day else ""))
        self.items.setItem(row, C_USUAL, QTableWidgetItem(
            "" if item.usual_days is None else str(item.usual_days)))
        status = QComboBox()
        for code, label in pc.ITEM_STATUS_LABELS.items():
            status.addItem(label.text(), code)
        status.setCurrentIndex(max(0, status.findData(item.status)))
        self.items.setCellWidget(row, C_STATUS, status)
        saved = pc.days_saved(usual_days=item.usual_days, submitted_on=item.submitted_on,
                              approved_on=item.approved_on)
        cell = QTableWidgetItem("" if saved is None else str(saved))
        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if saved is not None:
            cell.setForeground(QBrush(SAVED if saved >= 0 else LATE))
        self.items.setItem(row, C_SAVED, cell)
        self.items.setItem(row, C_DOCS, QTableWidgetItem("；".join(item.documents.splitlines())))

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
        self.items.removeRow(row)
        del self._item_ids[row]
        self._attachments = {(r if r < row else r - 1): v
                             for r, v in self._attachments.items() if r != row}

    def _update_totals(self, items: list[pc.ItemInput]) -> None:
        sums = pc.totals(items)
        self.progress.setMaximum(max(1, sums.items))
        self.progress.setValue(sums.done)
        self.totals_label.setText(self.tr(
            "Approved items took {taken} days against {usual} usual: {saved} days saved.").format(
            taken=sums.days_taken, usual=sums.days_usual, saved=sums.days_saved))

    def _text(self, row: int, col: int) -> str:
        item = self.items.item(row, col)
        return item.text().strip() if item else ""

    def editor_value(self) -> pc.CaseInput:
        """The case as typed; raises ValueError naming a date or number that is not one."""
        items = []
        for row in range(self.items.rowCount()):
            dates = []
            for col in (C_SUBMITTED, C_APPROVED):
                text = self._text(row, col)
                try:
                    dates.append(dt.date.fromisoformat(text) if text else None)
                except ValueError:
                    raise ValueError(self.tr(
                        "Item {n}: “{text}” is not a date; write it as YYYY-MM-DD.").format(
                        n=row + 1, text=text)) from None
            usual = self._text(row, C_USUAL)
            if usual and not usual.isdigit():
                raise ValueError(self.tr("Item {n}: the usual duration is a number of days."
                                         ).format(n=row + 1))
            items.append(pc.ItemInput(
                name=self._text(row, C_NAME),
                department_id=self.items.cellWidget(row, C_DEPT).currentData() or "",
                submitted_on=dates[0], approved_on=dates[1],
                usual_days=int(usual) if usual else None,
                status=self.items.cellWidget(row, C_STATUS).currentData(),
                documents="\n".join(x.strip() for x in self._text(row, C_DOCS).replace(
                    ";", "；").split("；") if x.strip()),
                attachments=self._attachments.get(row, []), id=self._item_ids[row]))
        return pc.CaseInput(enterprise_id=self.enterprise.enterprise_id(),
                            project_name=self.project.text(), project_location=self.location.text(),
                            started_on=self.started.date().toPython(), notes=self.notes.text(),
                            cancelled=self.cancelled.isChecked(), items=items)

    def save_current(self) -> bool:
        if self.detail_stack.currentIndex() != 1:
            return False
        try:
            data = self.editor_value()
        except ValueError as exc:
            self.feedback.setText(f'<span style="color:#c62828">{exc}</span>')
            self.feedback.show()
            return True
        record_id = self.current_id or None
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(lambda: pc.save(data=data, record_id=record_id).id,
                               change="proxy_case", on_done=self._saved,
                               on_error=self._save_failed)
        return True

    def _saved(self, record_id: str) -> None:
        self.save_button.setEnabled(True)
        self.current_id = record_id
        self.refresh()
        self.open_record(record_id)
        self.message.setText(self.tr("Saved."))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.feedback.show_findings(exc.findings)
        else:
            show_error(self, exc)

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
                lambda: pc.print_service_record(record_id=record_id, out=path),
                on_done=lambda _: self._printed(path), on_error=lambda e: show_error(self, e))

    def print_public_list(self, path: str = "", *, year: int | None = None,
                          half: int | None = None) -> None:
        if year is None or half is None:
            today = dt.date.today()
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
            self.ctx.runner.submit(lambda: pc.print_public_list(year=year, half=half, out=path),
                                   on_done=lambda _: self._printed(path),
                                   on_error=lambda e: show_error(self, e))

    def _printed(self, path: str) -> None:
        self.message.setText(self.tr("Saved {path}").format(path=path))
        self.last_printed = path
