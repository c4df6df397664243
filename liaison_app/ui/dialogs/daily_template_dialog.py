"""Report templates (日报模板): the centre edits who reports, over which period, and what.

A change to the fields or to who reports applies from the day chosen under 自何日起生效;
reports entered before keep the version they were entered against. Officers see the templates
read-only. The editor follows the editor contract (``ui.editor_contract``): what is typed is
kept as a draft, choosing another template, 新建模板 or closing asks 保存 / 保留草稿 / 丢弃 /
继续编辑, and a sync that changes the open template never reloads it over unsaved typing.
Main thread; saving runs on the database worker.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QSize, Qt
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
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.daily_rules import KIND_LABELS, MEASURE_LABELS, NUMBER_MAX, FieldDef
from liaison_app.core.services import daily_templates as templates
from liaison_app.core.services import departments, drafts, enterprises
from liaison_app.core.services.daily_templates import AUDIENCE_LABELS, TemplateInput
from liaison_app.core.services.officers import CENTRE, current_role
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR
from liaison_app.ui.widgets.layouts import fit_dialog

ROLE_ID = Qt.ItemDataRole.UserRole
#: A field row's item under a cell widget holds the widget's value, so a choice or a tick
#: in the fields table is reported by the table like typed text (the contract drafts it).
ROLE_MIRROR = Qt.ItemDataRole.UserRole + 1
#: Columns of the fields table.
NAME, KIND, REQUIRED, UNIT, LOW, HIGH, MEASURE, EXPECTED = range(8)


class DailyTemplateDialog(QDialog):
    def __init__(self, ctx: AppContext, *, template_id: str = "", draft_key: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = current_role() == CENTRE
        self._saving = False
        self.setWindowTitle(self.tr("Report templates") if self.editable
                            else self.tr("Report templates (read only)"))
        self.setObjectName("dailyTemplateDialog")
        self._build()
        fit_dialog(self, QSize(1100, 720))
        self.contract = EditorContract(ctx=ctx, root=self, adapter=self,
                                       kind="report_template", noun=self.tr("report template"))
        self.layout().insertWidget(0, self.contract.notice)
        self.bottom.insertWidget(1, self.contract.draft_label)
        self._fill_list()
        if draft_key and self.editable and self.contract.open_draft(
                draft_key, blank=self.new_payload()):
            self._select_row(self.contract.record_id or "")
        else:
            self._open(template_id or self._row_id(0))
        self._set_editable()

    @property
    def template_id(self) -> str | None:
        """The template open in the editor; None for a new one."""
        return self.contract.record_id

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
        self.bottom = bottom
        self.note = QLabel(objectName="hint")
        bottom.addWidget(self.note, 1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setVisible(self.editable)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
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
    def _fill_list(self) -> None:
        """The templates, the open one marked; choosing is not asked about here."""
        self.list.blockSignals(True)
        self.list.clear()
        for t in templates.list_templates():
            item = QListWidgetItem(t.name if t.active
                                   else self.tr("{name} (not in use)").format(name=t.name))
            item.setData(ROLE_ID, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if hasattr(self, "contract"):
            self._select_row(self.template_id or "")

    def _row_id(self, row: int) -> str:
        item = self.list.item(row)
        return item.data(ROLE_ID) if item is not None else ""

    def _select_row(self, template_id: str) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        for i in range(self.list.count()):
            if self.list.item(i).data(ROLE_ID) == template_id:
                self.list.setCurrentRow(i)
        self.list.blockSignals(False)

    def _chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        del previous
        if current is None:
            return
        wanted = current.data(ROLE_ID)
        if wanted == self.template_id:
            return
        if not self.contract.leave(lambda: self._open(wanted)):
            self._select_row(self.template_id or "")  # staying: the list follows the editor

    def show_template(self, template_id: str) -> None:
        """Another template, asking first about unsaved changes."""
        if template_id != self.template_id:
            self.contract.leave(lambda: self._open(template_id))

    def _open(self, template_id: str) -> None:
        if not template_id or not self.contract.open_record(template_id):
            self.contract.open_new(self.new_payload())
        self._select_row(self.template_id or "")
        self.error.hide()

    def refresh(self) -> None:
        """The database changed (a sync, a save elsewhere): the list reads again; the editor
        reloads only when nothing is typed (the contract says so otherwise)."""
        self._fill_list()
        self.contract.refresh()

    # -- the editor contract's adapter -------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        return drafts.to_payload(self.current_input()) if self.editable else {}

    def show_payload(self, payload: dict[str, Any]) -> None:
        data = drafts.from_payload(TemplateInput, payload)
        template_id = self.contract.record_id
        if template_id:
            self.versions_label.setText(self.tr(
                "Versions: {list}. Reports entered before a change keep the version they "
                "were entered against.").format(list="、".join(
                    self.tr("from {date}").format(date=v.effective_from.isoformat())
                    for v in templates.versions(template_id=template_id))))
        else:
            self.versions_label.setText(self.tr("A new template; its fields apply from the "
                                                "start of its period."))
        self._put(data)
        self._set_editable()

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        return stored_payload_of(lambda: self._stored_input(record_id))

    @staticmethod
    def _stored_input(template_id: str) -> TemplateInput:
        """The template as the editor shows it: the version in force today (or the last
        one), changes applying from today."""
        today = clock.today()
        t = templates.get_template(template_id=template_id)  # NotFound when deleted
        version = templates.version_for(template_id=template_id, day=today) or (
            templates.versions(template_id=template_id) or [None])[-1]
        return TemplateInput(
            name=t.name, description=t.description, active=t.active,
            starts_on=t.starts_on, ends_on=t.ends_on,
            audience=version.audience if version else "all",
            towns=list(version.towns) if version else [],
            enterprise_ids=list(version.enterprise_ids) if version else [],
            fields=list(version.fields) if version else [], effective_from=today)

    def new_payload(self) -> dict[str, Any]:
        today = clock.today()
        return drafts.to_payload(TemplateInput(starts_on=today, effective_from=today))

    def draft_title(self) -> str:
        return self.tr("Report template {name}").format(
            name=self.name.text().strip() or self.tr("(new)"))

    def start_save(self) -> None:
        self.save()

    def close_editor(self) -> None:
        QDialog.reject(self)

    # -- the form ----------------------------------------------------------------------

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
        for column in (KIND, MEASURE, EXPECTED):
            combo = self.fields.cellWidget(row, column)
            combo.currentIndexChanged.connect(lambda _i, w=combo: self._mirror(w))
        required.toggled.connect(lambda _c, w=required: self._mirror(w))
        for column in (LOW, HIGH):
            spin = self.fields.cellWidget(row, column)
            spin.valueChanged.connect(lambda _v, w=spin: self._mirror(w))
        if not f.label:
            self.fields.setCurrentCell(row, NAME)
            self.fields.editItem(name)

    def _mirror(self, widget: QWidget) -> None:
        """A cell widget changed: its cell's item takes the value, so the table reports it."""
        for row in range(self.fields.rowCount()):
            for column in range(self.fields.columnCount()):
                if self.fields.cellWidget(row, column) is widget:
                    item = self.fields.item(row, column)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setFlags(Qt.ItemFlag.NoItemFlags)
                        self.fields.setItem(row, column, item)
                    value = (widget.currentData() if isinstance(widget, QComboBox)
                             else widget.isChecked() if isinstance(widget, QCheckBox)
                             else widget.value())
                    item.setData(ROLE_MIRROR, value)
                    return

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
                # Reading gives a new field its key once; that is no edit of the person's.
                blocked = self.fields.blockSignals(True)
                name.setData(ROLE_ID, key)
                self.fields.blockSignals(blocked)
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
        return self.contract.is_dirty()

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
        def start() -> None:
            self.contract.open_new(self.new_payload())
            self._select_row("")
            self.error.hide()
            self.name.setFocus()

        self.contract.leave(start)

    def save(self) -> None:
        if not self.editable or self._saving:
            return
        data = self.current_input()
        template_id = self.template_id
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(
            self.contract.save_work(
                lambda: templates.save_template(data=data, template_id=template_id)),
            change="report_template", on_done=self._saved, on_error=self._failed)

    def _saved(self, template: templates.Template) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.error.hide()
        self.note.setText(self.tr("Saved {name}.").format(name=template.name))
        self.contract.saved(template.id)  # runs what the question's 保存 was asked for
        self._fill_list()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.contract.save_failed()
        self.error.setText(describe(exc))
        self.error.show()

    def reject(self) -> None:
        """Esc, 关闭 and the window's close button: through the contract's question."""
        if not self._saving:
            self.contract.close()
