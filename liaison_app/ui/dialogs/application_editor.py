"""Create or edit a pass, reopening or procedure application.

The roster, the workers' choices and the saved application are read on the runner and the
save goes through it too; what is typed stays in the dialog when the service refuses it,
and the dialog follows the editor contract (``ui.editor_contract``): drafts, the question
before 取消 or Esc discards anything, refreshes that never overwrite typing.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.services import applications as apps
from liaison_app.core.services import county_identity, drafts, roster
from liaison_app.core.services.applications import ApplicationInput
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR
from liaison_app.ui.widgets.layouts import CompactList, CompactTextEdit, fit_dialog

_LIST_SPLIT = re.compile(r"[、，,；;\n]+")


def _split(text: str) -> list[str]:
    return [p.strip() for p in _LIST_SPLIT.split(text) if p.strip()]


def _qdate(value: dt.date | None) -> QDate:
    value = value or clock.today()
    return QDate(value.year, value.month, value.day)


def _pydate(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class GridEditor(QWidget):
    """A small editable table (materials, procedure items, agents) with add/remove rows."""

    def __init__(self, keys: tuple[str, ...], headers: list[str], *, object_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(keys), objectName=object_name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self.add_row({}))
        remove = QPushButton(self.tr("Remove row"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)

    def add_row(self, values: dict[str, Any]) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, key in enumerate(self.keys):
            value = values.get(key, "")
            if isinstance(value, list):
                value = "、".join(str(v) for v in value)
            self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for values in rows:
            self.add_row(values)

    def rows(self) -> list[dict[str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            values = {key: (self.table.item(r, c).text().strip() if self.table.item(r, c)
                            else "") for c, key in enumerate(self.keys)}
            if any(values.values()):
                out.append(values)
        return out


class WorkerChooser(QGroupBox):
    """Tick workers by hand, or all of a workshop or post at once; numbers masked."""

    #: The ticked workers changed.
    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.workshop = QComboBox(objectName="chooseWorkshop")
        self.post = QComboBox(objectName="choosePost")
        add_shop = QPushButton(self.tr("Add workshop"))
        add_shop.clicked.connect(lambda: self._tick("workshop", self.workshop.currentText()))
        add_post = QPushButton(self.tr("Add post"))
        add_post.clicked.connect(lambda: self._tick("post", self.post.currentText()))
        every = QPushButton(self.tr("All"), objectName="chooseAll")
        every.clicked.connect(lambda: self._set_all(True))
        none = QPushButton(self.tr("None"))
        none.clicked.connect(lambda: self._set_all(False))
        for w in (QLabel(self.tr("Workshop")), self.workshop, add_shop, QLabel(self.tr("Post")),
                  self.post, add_post, every, none):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.list = QListWidget(objectName="workerChoice")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(lambda _i: self._count())
        layout.addWidget(self.list, 1)
        self.count_label = QLabel(objectName="chosenCount")
        layout.addWidget(self.count_label)
        self._rows: list[roster.WorkerRow] = []

    def set_workers(self, rows: list[roster.WorkerRow], chosen: set[str]) -> None:
        self._rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            text = f"{r.name}\u3000{r.workshop} / {r.post}\u3000{r.id_masked}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r.id in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        for combo, values in ((self.workshop, sorted({r.workshop for r in rows if r.workshop})),
                              (self.post, sorted({r.post for r in rows if r.post}))):
            combo.clear()
            combo.addItems(values)
        self._count()

    def _tick(self, field: str, value: str) -> None:
        if not value:
            return
        self.list.blockSignals(True)
        for i, r in enumerate(self._rows):
            if getattr(r, field) == value:
                self.list.item(i).setCheckState(Qt.CheckState.Checked)
        self.list.blockSignals(False)
        self._count()

    def _set_all(self, on: bool) -> None:
        self.list.blockSignals(True)
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)
        self.list.blockSignals(False)
        self._count()

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, chosen: set[str]) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in chosen else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._count()

    def _count(self) -> None:
        self.changed.emit()
        self.count_label.setText(self.tr("{n} of {total} workers chosen").format(
            n=len(self.chosen()), total=len(self._rows)))


class ApplicationEditor(QDialog):
    """Main thread. ``kind`` for a new application, ``record_id`` to edit one, or
    ``draft_key`` to put a draft back. Follows the editor contract (``ui.editor_contract``).

    The roster is read on the runner; the fields are built once it arrives."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, *, enterprise_id: str, kind: str = "pass",
                 record_id: str | None = None, draft_key: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enterprise_id = enterprise_id
        self.kind = kind
        self._busy = False
        self._base = ApplicationInput(kind=kind, enterprise_id=enterprise_id)
        self.contract: EditorContract | None = None
        self.setObjectName("applicationEditor")
        fit_dialog(self, QSize(900, 760))
        self.setEnabled(False)
        ent, rid = enterprise_id, record_id

        def load() -> tuple[str, list[roster.WorkerRow]]:
            found = apps.get(record_id=rid).kind if rid else kind
            return found, roster.list_workers(enterprise_id=ent, limit=100_000)

        ctx.runner.submit(load, on_done=lambda r: self._loaded(r, rid, draft_key),
                          on_error=self._load_failed)

    @property
    def record_id(self) -> str | None:
        return self.contract.record_id if self.contract else None

    # -- building ------------------------------------------------------------------------------
    def _loaded(self, result: tuple[str, list[roster.WorkerRow]], record_id: str | None,
                draft_key: str) -> None:
        self.kind, workers = result
        self._build(workers)
        self.setEnabled(True)
        self.contract = EditorContract(ctx=self.ctx, root=self, adapter=self,
                                       kind="application", noun=self.tr("application"))
        self.outer.insertWidget(0, self.contract.notice)
        self.button_row.insertWidget(0, self.contract.draft_label, 1)
        # The message concerns what was typed then; editing makes it stale.
        self.contract.changed.connect(self.error.hide)
        if draft_key:
            self.contract.open_draft(draft_key, blank=self.new_payload())
        elif record_id:
            self.contract.open_record(record_id)
        else:
            self.contract.open_new(self.new_payload())

    def _load_failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(describe(exc)))

    def _build(self, workers: list[roster.WorkerRow]) -> None:
        self.setWindowTitle(apps.KIND_LABELS[self.kind].text())
        outer = self.outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.title_edit = QLineEdit(objectName="appTitle")
        self.title_edit.setPlaceholderText(self.tr("Leave empty for a title made from the "
                                                   "content"))
        form.addRow(self.tr("Title"), self.title_edit)
        self.start = QDateEdit(objectName="periodStart")
        self.end = QDateEdit(objectName="periodEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.chooser: WorkerChooser | None = None
        if self.kind == "pass":
            form.addRow(self.tr("Valid from / to"), self._period())
            self.areas = QLineEdit(objectName="appAreas")
            self.areas.setPlaceholderText(self.tr("e.g. 经济开发区、城关街道"))
            form.addRow(self.tr("Areas"), self.areas)
            self.reason = CompactTextEdit(lines=2)
            self.reason.setObjectName("appReason")
            self.reason.setMinimumHeight(44)
            self.reason.setMaximumHeight(80)
            form.addRow(self.tr("Reason"), self.reason)
            self.chooser = WorkerChooser(self.tr("Workers who need a pass"))
            self.chooser.set_workers(workers, set())
            layout.addWidget(self.chooser, 1)
        elif self.kind == "reopening":
            form.addRow(self.tr("Planned reopening date"), self.start)
            self.capacity = QLineEdit(objectName="appCapacity")
            form.addRow(self.tr("Capacity plan"), self.capacity)
            self.addressee = QLineEdit()
            self.addressee.setPlaceholderText(
                county_identity.load().county_body("县复工复产工作领导小组"))
            form.addRow(self.tr("Commitment addressed to"), self.addressee)
            # What the application form asks besides (left empty, they are written in by hand).
            self.epidemic_officer = QLineEdit(objectName="appEpidemicOfficer")
            self.epidemic_officer.setMaxLength(40)
            form.addRow(self.tr("Epidemic prevention officer"), self.epidemic_officer)
            self.epidemic_phone = QLineEdit(objectName="appEpidemicPhone")
            self.epidemic_phone.setMaxLength(20)
            form.addRow(self.tr("Officer's phone"), self.epidemic_phone)
            self.outside_returning = QLineEdit(objectName="appOutsideReturning")
            self.outside_returning.setValidator(QIntValidator(0, 1_000_000, self))
            self.outside_returning.setPlaceholderText(self.tr("Not known"))
            form.addRow(self.tr("Returning from outside the county"), self.outside_returning)
            self.attachments = QLineEdit(objectName="appAttachments")
            self.attachments.setPlaceholderText(self.tr(
                "Separated by 、 (empty: the standard list)"))
            form.addRow(self.tr("Attachments"), self.attachments)
            self.materials = GridEditor(
                ("item", "quantity", "stock", "note"),
                [self.tr("Item"), self.tr("Quantity needed"), self.tr("In stock"),
                 self.tr("Note")], object_name="materials")
            layout.addWidget(QLabel(self.tr("Materials and protective supplies")))
            layout.addWidget(self.materials)
            layout.addWidget(QLabel(self.tr("Prevention measures (tick what is in place)")))
            self.measures = CompactList(lines=6)
            self.measures.setObjectName("measures")
            self.measures.setMinimumHeight(110)
            layout.addWidget(self.measures)
            self.commitment = CompactTextEdit(lines=3)
            self.commitment.setPlaceholderText(self.tr("Empty: the standard commitment text"))
            self.commitment.setMaximumHeight(100)
            layout.addWidget(QLabel(self.tr("Commitment letter")))
            layout.addWidget(self.commitment)
            self.chooser = WorkerChooser(self.tr("Workers returning (none ticked: everyone)"))
            self.chooser.set_workers(workers, set())
            layout.addWidget(self.chooser, 1)
        else:
            self.project = QLineEdit(objectName="appProject")
            form.addRow(self.tr("Project") + " *", self.project)
            self.location = QLineEdit()
            form.addRow(self.tr("Project location"), self.location)
            self.investment = QLineEdit()
            form.addRow(self.tr("Investment"), self.investment)
            self.description = CompactTextEdit(lines=3)
            self.description.setMaximumHeight(100)
            form.addRow(self.tr("Description"), self.description)
            self.officer = QLineEdit()
            form.addRow(self.tr("Officer in charge"), self.officer)
            self.officer_phone = QLineEdit()
            form.addRow(self.tr("Officer's phone"), self.officer_phone)
            self.agent_org = QLineEdit()
            self.agent_org.setPlaceholderText("县企业服务中心")
            form.addRow(self.tr("Agent organisation"), self.agent_org)
            form.addRow(self.tr("Power of attorney valid"), self._period())
            self.items = GridEditor(
                ("name", "department", "documents", "usual_days"),
                [self.tr("Procedure item"), self.tr("Department"),
                 self.tr("Documents handed over"), self.tr("Usual days")], object_name="items")
            layout.addWidget(QLabel(self.tr("Procedure items")))
            layout.addWidget(self.items)
            self.agents = GridEditor(
                ("name", "id_number", "phone", "title"),
                [self.tr("Agent"), self.tr("ID number"), self.tr("Phone"), self.tr("Job title")],
                object_name="agents")
            layout.addWidget(QLabel(self.tr("Agents (the centre's staff who handle it)")))
            layout.addWidget(self.agents)
        self.remarks = QLineEdit()
        form.addRow(self.tr("Remarks"), self.remarks)
        self.error = QLabel(objectName="applicationError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{ERROR_COLOR};")
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(buttons)
        outer.addLayout(self.button_row)

    def _period(self) -> QHBoxLayout:
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("\u2014"))
        period.addWidget(self.end)
        period.addStretch(1)
        return period

    def _fill(self, data: ApplicationInput) -> None:
        """Put ``data`` into the fields built for its kind."""
        self._base = data
        d = data.details
        self.title_edit.setText(data.title)
        self.start.setDate(_qdate(data.period_start))
        self.end.setDate(_qdate(data.period_end or (clock.today() + dt.timedelta(days=30))))
        self.remarks.setText(data.remarks)
        if self.chooser is not None:
            self.chooser.set_chosen(set(data.worker_ids))
        if self.kind == "pass":
            self.areas.setText("、".join(data.areas))
            self.reason.setPlainText(str(d.get("reason") or ""))
        elif self.kind == "reopening":
            self.capacity.setText(str(d.get("capacity") or ""))
            self.addressee.setText(str(d.get("addressee") or ""))
            self.epidemic_officer.setText(str(d.get("epidemic_officer") or ""))
            self.epidemic_phone.setText(str(d.get("epidemic_phone") or ""))
            outside = d.get("outside_returning")
            self.outside_returning.setText("" if outside is None else str(outside))
            self.attachments.setText("、".join(str(a) for a in d.get("attachments") or ()))
            self.materials.set_rows(list(d.get("materials") or []))
            saved = {m.get("text"): bool(m.get("done")) for m in d.get("measures") or []
                     if isinstance(m, dict)}
            self.measures.clear()
            for text in dict.fromkeys([*apps.STANDARD_MEASURES, *saved]):
                item = QListWidgetItem(str(text))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if saved.get(text)
                                   else Qt.CheckState.Unchecked)
                self.measures.addItem(item)
            self.commitment.setPlainText(str(d.get("commitment") or ""))
        else:
            self.project.setText(str(d.get("project_name") or ""))
            self.location.setText(str(d.get("project_location") or ""))
            self.investment.setText(str(d.get("investment") or ""))
            self.description.setPlainText(str(d.get("description") or ""))
            self.officer.setText(str(d.get("officer") or ""))
            self.officer_phone.setText(str(d.get("officer_phone") or ""))
            self.agent_org.setText(str(d.get("agent_organisation") or ""))
            self.items.set_rows(list(d.get("items") or []))
            if not self.items.rows():
                self.items.add_row({})
            self.agents.set_rows(list(d.get("agents") or []))

    # -- values --------------------------------------------------------------------------------
    def value(self) -> ApplicationInput:
        base = self._base
        data = ApplicationInput(kind=self.kind, enterprise_id=self.enterprise_id,
                                title=self.title_edit.text(),
                                application_no=base.application_no,
                                applied_on=base.applied_on, remarks=self.remarks.text(),
                                period_start=_pydate(self.start))
        if self.chooser is not None:
            data.worker_ids = self.chooser.chosen()
        if self.kind == "pass":
            data.period_end = _pydate(self.end)
            data.areas = _split(self.areas.text())
            data.details = {"reason": self.reason.toPlainText().strip()}
        elif self.kind == "reopening":
            measures = [{"text": self.measures.item(i).text(),
                         "done": self.measures.item(i).checkState() == Qt.CheckState.Checked}
                        for i in range(self.measures.count())]
            data.details = {"capacity": self.capacity.text().strip(),
                            "addressee": self.addressee.text().strip(),
                            "materials": self.materials.rows(), "measures": measures,
                            "commitment": self.commitment.toPlainText().strip(),
                            "epidemic_officer": self.epidemic_officer.text().strip(),
                            "epidemic_phone": self.epidemic_phone.text().strip(),
                            "outside_returning": (int(self.outside_returning.text())
                                                  if self.outside_returning.text().isdigit()
                                                  else None),
                            "attachments": _split(self.attachments.text())}
        else:
            data.period_end = _pydate(self.end)
            items = []
            for row in self.items.rows():
                row_out: dict[str, Any] = dict(row)
                row_out["documents"] = _split(row.get("documents", ""))
                items.append(row_out)
            data.details = {
                "project_name": self.project.text().strip(),
                "project_location": self.location.text().strip(),
                "investment": self.investment.text().strip(),
                "description": self.description.toPlainText().strip(),
                "officer": self.officer.text().strip(),
                "officer_phone": self.officer_phone.text().strip(),
                "agent_organisation": self.agent_org.text().strip(),
                "items": items, "agents": self.agents.rows()}
        return data

    # -- the editor contract's adapter ---------------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        payload = drafts.to_payload(self.value())
        if self.kind == "pass":
            # The reason as typed: value() trims it for the service.
            payload["details"]["reason"] = self.reason.toPlainText()
        return payload

    def show_payload(self, payload: dict[str, Any]) -> None:
        self.error.hide()
        data = drafts.from_payload(ApplicationInput, payload)
        data.kind, data.enterprise_id = self.kind, self.enterprise_id
        self._fill(data)

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        return stored_payload_of(lambda: apps.load_input(record_id=record_id))

    def new_payload(self) -> dict[str, Any]:
        return drafts.to_payload(ApplicationInput(kind=self.kind,
                                                  enterprise_id=self.enterprise_id))

    def draft_title(self) -> str:
        title = self.title_edit.text().strip()
        return title or apps.KIND_LABELS[self.kind].text()

    def start_save(self) -> None:
        self.save()

    def close_editor(self) -> None:
        QDialog.reject(self)

    def reject(self) -> None:
        """Esc, 取消 and the window's close button: through the contract's question."""
        if self.contract is None:
            QDialog.reject(self)  # still loading: nothing typed yet
        else:
            self.contract.close()

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        if self._busy or self.contract is None:
            return
        self._busy = True
        data, rid = self.value(), self.record_id
        self.error.hide()
        work = self.contract.save_work(lambda: apps.save(data=data, record_id=rid).id)
        self.ctx.runner.submit(work, on_done=self._saved, on_error=self._failed,
                               change="application")

    def _saved(self, record_id: str) -> None:
        self._busy = False
        self.saved.emit(record_id)
        if self.contract is not None and not self.contract.saved(record_id):
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if self.contract is not None:
            self.contract.save_failed()
        if isinstance(exc, ValidationFailed):
            text = "\n".join(f.message.text() for f in exc.findings)
        else:
            text = describe(exc)
        self.error.setText(text)
        self.error.show()
