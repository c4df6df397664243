"""Report templates (日报模板): the centre edits who reports, over which period, and what.

A change to the fields or to who reports applies from the day chosen under 自何日起生效;
reports entered before keep the version they were entered against. Officers see the templates
read-only. Unsaved edits are never dropped without a question: choosing another template or
closing asks to save, discard or go on editing, and nothing reloads the editor behind the
person's back. Main thread; saving runs on the database worker.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.daily_rules import KIND_LABELS, MEASURE_LABELS, NUMBER_MAX, FieldDef
from liaison_app.core.services import daily_templates as templates
from liaison_app.core.services import departments, enterprises
from liaison_app.core.services.daily_templates import AUDIENCE_LABELS, TemplateInput
from liaison_app.core.services.officers import CENTRE, current_role
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR

ROLE_ID = Qt.ItemDataRole.UserRole
#: Columns of the fields table.
NAME, KIND, REQUIRED, UNIT, LOW, HIGH, MEASURE, EXPECTED = range(8)
SAVE, DISCARD, KEEP_EDITING = "save", "discard", "keep"


class DailyTemplateDialog(QDialog):
    def __init__(self, ctx: AppContext, *, template_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = current_role() == CENTRE
        self.template_id: str | None = None
        self._loaded: TemplateInput | None = None
        self._saving = False
        self.setWindowTitle(self.tr("Report templates") if self.editable
                            else self.tr("Report templates (read only)"))
        self.setObjectName("dailyTemplateDialog")
        self.resize(1100, 720)
        self._build()
        self._fill_list(select=template_id)

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(objectName="templateList")
        self.list.currentItemChanged.connect(self._chosen)
        left_layout.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("New template"))
        self.new_button.clicked.connect(self.new_template)
        self.new_button.setVisible(self.editable)
        left_layout.addWidget(self.new_button)
        splitter.addWidget(left)

        right = QWidget()
        form_layout = QVBoxLayout(right)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name = QLineEdit(objectName="templateName")
        self.name.setMaxLength(60)
        form.addRow(self.tr("Name"), self.name)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(54)
        form.addRow(self.tr("Description"), self.description)
        period = QHBoxLayout()
        self.active = QCheckBox(self.tr("In use: enterprises report every day"))
        self.starts_on = self._date_edit()
        self.has_end = QCheckBox(self.tr("until"))
        self.ends_on = self._date_edit()
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        period.addWidget(self.active)
        period.addSpacing(12)
        period.addWidget(QLabel(self.tr("from")))
        period.addWidget(self.starts_on)
        period.addWidget(self.has_end)
        period.addWidget(self.ends_on)
        period.addStretch(1)
        form.addRow(self.tr("Reporting period"), period)
        self.audience = QComboBox(objectName="templateAudience")
        for code, label in AUDIENCE_LABELS.items():
            self.audience.addItem(label.text(), code)
        self.audience.currentIndexChanged.connect(lambda _i: self._show_audience())
        form.addRow(self.tr("Who reports"), self.audience)
        self.towns = QListWidget(objectName="templateTowns")
        self.towns.setFixedHeight(90)
        self.towns.setFlow(QListWidget.Flow.LeftToRight)
        self.towns.setWrapping(True)
        form.addRow("", self.towns)
        listed = QVBoxLayout()
        self.enterprise_filter = QLineEdit()
        self.enterprise_filter.setPlaceholderText(self.tr("Filter by name"))
        self.enterprise_filter.textChanged.connect(self._filter_enterprises)
        self.enterprises = QListWidget(objectName="templateEnterprises")
        self.enterprises.setFixedHeight(120)
        listed.addWidget(self.enterprise_filter)
        listed.addWidget(self.enterprises)
        self.listed_box = QWidget()
        self.listed_box.setLayout(listed)
        form.addRow("", self.listed_box)
        form_layout.addLayout(form)

        box = QGroupBox(self.tr("What is reported"))
        box_layout = QVBoxLayout(box)
        self.fields = QTableWidget(0, 8, objectName="templateFields")
        self.fields.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("Kind"), self.tr("Required"), self.tr("Unit"),
            self.tr("Min"), self.tr("Max"), self.tr("Counts as"), self.tr("In order when")])
        self.fields.verticalHeader().hide()
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        box_layout.addWidget(self.fields)
        buttons = QHBoxLayout()
        self.field_buttons = []
        for text, slot in ((self.tr("Add field"), self.add_field),
                           (self.tr("Remove"), self._remove_field),
                           (self.tr("Up"), lambda: self._move_field(-1)),
                           (self.tr("Down"), lambda: self._move_field(1))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
            self.field_buttons.append(button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Changes apply from")))
        self.effective_from = self._date_edit()
        self.effective_from.setObjectName("effectiveFrom")
        buttons.addWidget(self.effective_from)
        box_layout.addLayout(buttons)
        self.versions_label = QLabel(objectName="hint")
        self.versions_label.setWordWrap(True)
        box_layout.addWidget(self.versions_label)
        form_layout.addWidget(box, 1)
        splitter.addWidget(right)
        splitter.setSizes([220, 880])
        outer.addWidget(splitter, 1)

        self.error = QLabel(objectName="templateError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{ERROR_COLOR};")
        self.error.hide()
        outer.addWidget(self.error)
        bottom = QHBoxLayout()
        self.note = QLabel(objectName="hint")
        bottom.addWidget(self.note, 1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setVisible(self.editable)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        outer.addLayout(bottom)
        self._fill_towns_and_enterprises()

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _fill_towns_and_enterprises(self) -> None:
        seeded = [name for name, kind in departments.SEED if kind == "town"]
        for town in seeded + enterprises.filter_choices()["town"]:
            if not self.towns.findItems(town, Qt.MatchFlag.MatchExactly):
                item = QListWidgetItem(town)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.towns.addItem(item)
        for ent in enterprises.list_enterprises(limit=10_000):
            item = QListWidgetItem(f"{ent.name}（{ent.town or '—'}）")
            item.setData(ROLE_ID, ent.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.enterprises.addItem(item)

    def _filter_enterprises(self, text: str) -> None:
        needle = text.strip()
        for i in range(self.enterprises.count()):
            item = self.enterprises.item(i)
            item.setHidden(bool(needle) and needle not in item.text())

    def _show_audience(self) -> None:
        code = self.audience.currentData()
        self.towns.setVisible(code == "towns")
        self.listed_box.setVisible(code == "listed")

    # -- the list ----------------------------------------------------------------------
    def _fill_list(self, *, select: str = "") -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for t in templates.list_templates():
            item = QListWidgetItem(t.name if t.active
                                   else self.tr("{name} (not in use)").format(name=t.name))
            item.setData(ROLE_ID, t.id)
            self.list.addItem(item)
        row = next((i for i in range(self.list.count())
                    if self.list.item(i).data(ROLE_ID) == select), 0)
        if self.list.count():
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        if self.list.count():
            self._load(self.list.item(row).data(ROLE_ID))

    def _chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        wanted = current.data(ROLE_ID)
        if wanted == self.template_id:
            return
        if not self._may_leave():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self._load(wanted)

    # -- loading and reading the form --------------------------------------------------
    def _load(self, template_id: str | None) -> None:
        today = dt.date.today()
        if template_id:
            t = templates.get_template(template_id=template_id)
            version = templates.version_for(template_id=template_id, day=today) or (
                templates.versions(template_id=template_id) or [None])[-1]
            data = TemplateInput(
                name=t.name, description=t.description, active=t.active,
                starts_on=t.starts_on, ends_on=t.ends_on,
                audience=version.audience if version else "all",
                towns=list(version.towns) if version else [],
                enterprise_ids=list(version.enterprise_ids) if version else [],
                fields=list(version.fields) if version else [], effective_from=today)
            self.versions_label.setText(self.tr(
                "Versions: {list}. Reports entered before a change keep the version they "
                "were entered against.").format(list="、".join(
                    self.tr("from {date}").format(date=v.effective_from.isoformat())
                    for v in templates.versions(template_id=template_id))))
        else:
            data = TemplateInput(starts_on=today, effective_from=today)
            self.versions_label.setText(self.tr("A new template; its fields apply from the "
                                                "start of its period."))
        self.template_id = template_id
        self._put(data)
        self._loaded = self.current_input()
        self.error.hide()
        self._set_editable()

    def _put(self, data: TemplateInput) -> None:
        self.name.setText(data.name)
        self.description.setPlainText(data.description)
        self.active.setChecked(data.active)
        self.starts_on.setDate(QDate(data.starts_on))
        self.has_end.setChecked(data.ends_on is not None)
        self.ends_on.setDate(QDate(data.ends_on or data.starts_on))
        self.ends_on.setEnabled(data.ends_on is not None)
        self.audience.setCurrentIndex(max(self.audience.findData(data.audience), 0))
        for i in range(self.towns.count()):
            item = self.towns.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in data.towns
                               else Qt.CheckState.Unchecked)
        chosen = set(data.enterprise_ids)
        for i in range(self.enterprises.count()):
            item = self.enterprises.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ROLE_ID) in chosen
                               else Qt.CheckState.Unchecked)
        self.fields.setRowCount(0)
        for f in data.fields:
            self.add_field(f)
        self.effective_from.setDate(QDate(data.effective_from))
        self._show_audience()

    def add_field(self, f: FieldDef | None = None) -> None:
        f = f or FieldDef(key="", label="", kind="check", required=True)
        row = self.fields.rowCount()
        self.fields.insertRow(row)
        name = QTableWidgetItem(f.label)
        name.setData(ROLE_ID, f.key)
        self.fields.setItem(row, NAME, name)
        kind = QComboBox()
        for code, label in KIND_LABELS.items():
            kind.addItem(label.text(), code)
        kind.setCurrentIndex(kind.findData(f.kind))
        self.fields.setCellWidget(row, KIND, kind)
        required = QCheckBox()
        required.setChecked(f.required)
        self.fields.setCellWidget(row, REQUIRED, required)
        self.fields.setItem(row, UNIT, QTableWidgetItem(f.unit))
        for column, value in ((LOW, f.minimum), (HIGH, f.maximum)):
            spin = QSpinBox()
            spin.setRange(-NUMBER_MAX, NUMBER_MAX)
            spin.setValue(value)
            self.fields.setCellWidget(row, column, spin)
        measure = QComboBox()
        for code, label in MEASURE_LABELS.items():
            measure.addItem(label.text(), code)
        measure.setCurrentIndex(measure.findData(f.measure))
        self.fields.setCellWidget(row, MEASURE, measure)
        expected = QComboBox()
        expected.addItem(self.tr("answered 是"), True)
        expected.addItem(self.tr("answered 否"), False)
        expected.setCurrentIndex(0 if f.expected else 1)
        self.fields.setCellWidget(row, EXPECTED, expected)
        kind.currentIndexChanged.connect(lambda _i, k=kind: self._kind_changed(k))
        self._kind_changed(kind)
        if not f.label:
            self.fields.setCurrentCell(row, NAME)
            self.fields.editItem(name)

    def _kind_changed(self, combo: QComboBox) -> None:
        """Limits matter for numbers only, the answer in order for checks only."""
        for row in range(self.fields.rowCount()):
            if self.fields.cellWidget(row, KIND) is combo:
                kind = combo.currentData()
                for column, wanted in ((LOW, "number"), (HIGH, "number"), (UNIT, "number"),
                                       (EXPECTED, "check")):
                    widget = self.fields.cellWidget(row, column)
                    if widget is not None:
                        widget.setEnabled(kind == wanted)
                return

    def _remove_field(self) -> None:
        row = self.fields.currentRow()
        if row >= 0:
            self.fields.removeRow(row)

    def _move_field(self, step: int) -> None:
        row = self.fields.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.fields.rowCount():
            return
        items = self.read_fields()
        items[row], items[target] = items[target], items[row]
        self.fields.setRowCount(0)
        for f in items:
            self.add_field(f)
        self.fields.setCurrentCell(target, NAME)

    def read_fields(self) -> list[FieldDef]:
        out: list[FieldDef] = []
        keys = [self.fields.item(r, NAME).data(ROLE_ID) or "" for r in range(
            self.fields.rowCount())]
        for row in range(self.fields.rowCount()):
            name = self.fields.item(row, NAME)
            label = (name.text() if name else "").strip()
            key = keys[row] or templates.new_field_key(label, [k for k in keys if k])
            if not keys[row] and label:
                keys[row] = key
                name.setData(ROLE_ID, key)
            unit = self.fields.item(row, UNIT)
            out.append(FieldDef(
                key=key, label=label,
                kind=self.fields.cellWidget(row, KIND).currentData(),
                required=self.fields.cellWidget(row, REQUIRED).isChecked(),
                unit=(unit.text() if unit else "").strip(),
                minimum=self.fields.cellWidget(row, LOW).value(),
                maximum=self.fields.cellWidget(row, HIGH).value(),
                measure=self.fields.cellWidget(row, MEASURE).currentData(),
                expected=bool(self.fields.cellWidget(row, EXPECTED).currentData())))
        return out

    def current_input(self) -> TemplateInput:
        return TemplateInput(
            name=self.name.text().strip(), description=self.description.toPlainText().strip(),
            active=self.active.isChecked(), starts_on=self.starts_on.date().toPython(),
            ends_on=self.ends_on.date().toPython() if self.has_end.isChecked() else None,
            audience=self.audience.currentData(),
            towns=[self.towns.item(i).text() for i in range(self.towns.count())
                   if self.towns.item(i).checkState() == Qt.CheckState.Checked],
            enterprise_ids=[self.enterprises.item(i).data(ROLE_ID)
                            for i in range(self.enterprises.count())
                            if self.enterprises.item(i).checkState() == Qt.CheckState.Checked],
            fields=self.read_fields(), effective_from=self.effective_from.date().toPython())

    def is_dirty(self) -> bool:
        if not self.editable or self._loaded is None:
            return False
        now, then = self.current_input(), self._loaded
        now.effective_from = then.effective_from
        return now != then

    def _set_editable(self) -> None:
        for widget in (self.name, self.description, self.active, self.starts_on, self.has_end,
                       self.audience, self.towns, self.enterprises, self.effective_from,
                       *self.field_buttons):
            widget.setEnabled(self.editable)
        self.ends_on.setEnabled(self.editable and self.has_end.isChecked())
        self.fields.setEnabled(self.editable)
        self.note.setText("" if self.editable else self.tr(
            "Only the service centre changes report templates."))

    # -- saving and leaving ------------------------------------------------------------
    def new_template(self) -> None:
        if not self._may_leave():
            return
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._load(None)
        self.name.setFocus()

    def save(self, *, then: Any = None) -> None:
        if not self.editable or self._saving:
            return
        data = self.current_input()
        template_id = self.template_id
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(
            lambda: templates.save_template(data=data, template_id=template_id),
            change="report_template", on_done=lambda t: self._saved(t, then),
            on_error=self._failed)

    def _saved(self, template: templates.Template, then: Any) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.template_id = None
        self._fill_list(select=template.id)
        self.note.setText(self.tr("Saved {name}.").format(name=template.name))
        if then is not None:
            then()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.error.setText(describe(exc))
        self.error.show()

    def ask_unsaved(self) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The template {name} has changes that are not saved.").format(
                              name=self.name.text() or self.tr("(new)")), parent=self)
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else DISCARD if clicked is discard else KEEP_EDITING

    def _may_leave(self) -> bool:
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == SAVE:
            self.save()
            return False  # the list is refilled when the save is done
        return answer == DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._saving:
            event.ignore()
            return
        if self.is_dirty():
            answer = self.ask_unsaved()
            if answer == SAVE:
                event.ignore()
                self.save(then=self.close)
                return
            if answer == KEEP_EDITING:
                event.ignore()
                return
            self._loaded = self.current_input()  # discarded: closing must not ask again
        event.accept()

    def reject(self) -> None:
        self.close()
