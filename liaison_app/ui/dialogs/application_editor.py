"""Create or edit a pass, reopening or procedure application.

The roster, the workers' choices and the saved application are read on the runner and the
save goes through it too; what is typed stays in the dialog when the service refuses it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import applications as apps
from liaison_app.core.services import roster
from liaison_app.core.services.applications import ApplicationInput
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR

_LIST_SPLIT = re.compile(r"[、，,；;\n]+")


def _split(text: str) -> list[str]:
    return [p.strip() for p in _LIST_SPLIT.split(text) if p.strip()]


def _qdate(value: dt.date | None) -> QDate:
    value = value or dt.date.today()
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

    def _count(self) -> None:
        self.count_label.setText(self.tr("{n} of {total} workers chosen").format(
            n=len(self.chosen()), total=len(self._rows)))


class ApplicationEditor(QDialog):
    """Main thread. ``kind`` for a new application, or ``record_id`` to edit one."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, *, enterprise_id: str, kind: str = "pass",
                 record_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enterprise_id = enterprise_id
        self.record_id = record_id
        self.kind = kind
        self._busy = False
        self._data: ApplicationInput | None = None
        self.setObjectName("applicationEditor")
        self.resize(860, 760)
        self.setEnabled(False)
        ent, rid = enterprise_id, record_id

        def load() -> tuple[ApplicationInput | None, list[roster.WorkerRow]]:
            data = apps.load_input(record_id=rid) if rid else None
            return data, roster.list_workers(enterprise_id=ent, limit=100_000)

        ctx.runner.submit(load, on_done=self._loaded, on_error=self._load_failed)

    # -- building ------------------------------------------------------------------------------
    def _loaded(self, result: tuple[ApplicationInput | None, list[roster.WorkerRow]]) -> None:
        data, workers = result
        if data is not None:
            self.kind = data.kind
        self._data = data or ApplicationInput(kind=self.kind, enterprise_id=self.enterprise_id)
        self._build(workers)
        self.setEnabled(True)

    def _load_failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(describe(exc)))

    def _build(self, workers: list[roster.WorkerRow]) -> None:
        data = self._data
        assert data is not None
        self.setWindowTitle(apps.KIND_LABELS[self.kind].text())
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        form = QFormLayout()
        layout.addLayout(form)
        self.title_edit = QLineEdit(data.title, objectName="appTitle")
        self.title_edit.setPlaceholderText(self.tr("Leave empty for a title made from the "
                                                   "content"))
        form.addRow(self.tr("Title"), self.title_edit)
        self.start = QDateEdit(_qdate(data.period_start), objectName="periodStart")
        self.end = QDateEdit(_qdate(data.period_end or (dt.date.today()
                                                        + dt.timedelta(days=30))),
                             objectName="periodEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        d = data.details
        self.chooser: WorkerChooser | None = None
        if self.kind == "pass":
            period = QHBoxLayout()
            period.addWidget(self.start)
            period.addWidget(QLabel("\u2014"))
            period.addWidget(self.end)
            period.addStretch(1)
            form.addRow(self.tr("Valid from / to"), period)
            self.areas = QLineEdit("、".join(data.areas), objectName="appAreas")
            self.areas.setPlaceholderText(self.tr("e.g. 经济开发区、城关街道"))
            form.addRow(self.tr("Areas"), self.areas)
            self.reason = QLineEdit(str(d.get("reason") or ""), objectName="appReason")
            form.addRow(self.tr("Reason"), self.reason)
            self.chooser = WorkerChooser(self.tr("Workers who need a pass"))
            self.chooser.set_workers(workers, set(data.worker_ids))
            layout.addWidget(self.chooser, 1)
        elif self.kind == "reopening":
            form.addRow(self.tr("Planned reopening date"), self.start)
            self.capacity = QLineEdit(str(d.get("capacity") or ""), objectName="appCapacity")
            form.addRow(self.tr("Capacity plan"), self.capacity)
            self.addressee = QLineEdit(str(d.get("addressee") or "县复工复产工作领导小组"))
            form.addRow(self.tr("Commitment addressed to"), self.addressee)
            self.materials = GridEditor(
                ("item", "quantity", "stock", "note"),
                [self.tr("Item"), self.tr("Quantity needed"), self.tr("In stock"),
                 self.tr("Note")], object_name="materials")
            self.materials.set_rows(list(d.get("materials") or []))
            layout.addWidget(QLabel(self.tr("Materials and protective supplies")))
            layout.addWidget(self.materials)
            layout.addWidget(QLabel(self.tr("Prevention measures (tick what is in place)")))
            self.measures = QListWidget(objectName="measures")
            saved = {m.get("text"): bool(m.get("done")) for m in d.get("measures") or []}
            for text in dict.fromkeys([*apps.STANDARD_MEASURES, *saved]):
                item = QListWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if saved.get(text)
                                   else Qt.CheckState.Unchecked)
                self.measures.addItem(item)
            self.measures.setMinimumHeight(150)
            layout.addWidget(self.measures)
            self.commitment = QPlainTextEdit(str(d.get("commitment") or ""))
            self.commitment.setPlaceholderText(self.tr("Empty: the standard commitment text"))
            self.commitment.setMaximumHeight(80)
            layout.addWidget(QLabel(self.tr("Commitment letter")))
            layout.addWidget(self.commitment)
            self.chooser = WorkerChooser(self.tr("Workers returning (none ticked: everyone)"))
            self.chooser.set_workers(workers, set(data.worker_ids))
            layout.addWidget(self.chooser, 1)
        else:
            self.project = QLineEdit(str(d.get("project_name") or ""), objectName="appProject")
            form.addRow(self.tr("Project") + " *", self.project)
            self.location = QLineEdit(str(d.get("project_location") or ""))
            form.addRow(self.tr("Project location"), self.location)
            self.investment = QLineEdit(str(d.get("investment") or ""))
            form.addRow(self.tr("Investment"), self.investment)
            self.description = QPlainTextEdit(str(d.get("description") or ""))
            self.description.setMaximumHeight(70)
            form.addRow(self.tr("Description"), self.description)
            self.officer = QLineEdit(str(d.get("officer") or ""))
            form.addRow(self.tr("Officer in charge"), self.officer)
            self.officer_phone = QLineEdit(str(d.get("officer_phone") or ""))
            form.addRow(self.tr("Officer's phone"), self.officer_phone)
            self.agent_org = QLineEdit(str(d.get("agent_organisation") or ""))
            self.agent_org.setPlaceholderText("县企业服务中心")
            form.addRow(self.tr("Agent organisation"), self.agent_org)
            period = QHBoxLayout()
            period.addWidget(self.start)
            period.addWidget(QLabel("\u2014"))
            period.addWidget(self.end)
            period.addStretch(1)
            form.addRow(self.tr("Power of attorney valid"), period)
            self.items = GridEditor(
                ("name", "department", "documents", "usual_days"),
                [self.tr("Procedure item"), self.tr("Department"),
                 self.tr("Documents handed over"), self.tr("Usual days")], object_name="items")
            self.items.set_rows(list(d.get("items") or []))
            if not self.items.rows():
                self.items.add_row({})
            layout.addWidget(QLabel(self.tr("Procedure items")))
            layout.addWidget(self.items)
            self.agents = GridEditor(
                ("name", "id_number", "phone", "title"),
                [self.tr("Agent"), self.tr("ID number"), self.tr("Phone"), self.tr("Title")],
                object_name="agents")
            self.agents.set_rows(list(d.get("agents") or []))
            layout.addWidget(QLabel(self.tr("Agents (the centre's staff who handle it)")))
            layout.addWidget(self.agents)
        self.remarks = QLineEdit(data.remarks)
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
        outer.addWidget(buttons)

    # -- saving --------------------------------------------------------------------------------
    def value(self) -> ApplicationInput:
        base = self._data or ApplicationInput()
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
            data.details = {"reason": self.reason.text().strip()}
        elif self.kind == "reopening":
            measures = [{"text": self.measures.item(i).text(),
                         "done": self.measures.item(i).checkState() == Qt.CheckState.Checked}
                        for i in range(self.measures.count())]
            data.details = {"capacity": self.capacity.text().strip(),
                            "addressee": self.addressee.text().strip(),
                            "materials": self.materials.rows(), "measures": measures,
                            "commitment": self.commitment.toPlainText().strip()}
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

    def save(self) -> None:
        if self._busy or self._data is None:
            return
        self._busy = True
        data, rid = self.value(), self.record_id
        self.error.hide()
        self.ctx.runner.submit(lambda: apps.save(data=data, record_id=rid).id,
                               on_done=self._saved, on_error=self._failed,
                               change="application")

    def _saved(self, record_id: str) -> None:
        self._busy = False
        self.record_id = record_id
        self.saved.emit(record_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, ValidationFailed):
            text = "\n".join(f.message.text() for f in exc.findings)
        else:
            text = describe(exc)
        self.error.setText(text)
        self.error.show()
