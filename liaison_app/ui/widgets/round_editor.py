"""The editor of an evaluation round (测评轮次): name and date, what is evaluated, who is
invited, the dimensions with their weights, the scale, anonymous or named.

It follows the editor contract (``ui.editor_contract``) like every record editor: what is
typed is drafted as it is typed and offered back after a crash, the page asks the contract
before another round, a new one, Esc or 关闭 would replace it, and a refresh after a sync
never reloads over typing (the contract's notice says the round changed elsewhere). Only the
centre edits; others see the round read-only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
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
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock, scoring
from liaison_app.core.services import drafts, enterprises
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.visit_editor import EnterpriseChooser
from liaison_app.ui.editor_contract import EditorContract, stored_payload_of
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR, WARNING_COLOR

ROLE = Qt.ItemDataRole.UserRole
#: The editor contract's kind of this editor's drafts (see ``DRAFT_KINDS``).
KIND = "evaluation_round"


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(ROLE) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace("，", ".").replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


class RoundEditor(QWidget):
    """Main thread. ``load(record_id)``, ``new()`` or ``open_draft(key)``; ``save()`` writes
    on the runner. The editor is the adapter of its ``contract``."""

    #: The round saved (its id); the page refreshes its list.
    saved = Signal(str)
    #: Closed through the contract (Esc, 关闭): the page shows no round.
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._read_only = False
        self._keys: list[str] = []
        self._added: list[str] = []
        self._removed: list[str] = []
        self._names: dict[str, str] = {}
        self._build()
        self.contract = EditorContract(ctx=ctx, root=self, adapter=self, kind=KIND,
                                       noun=self.tr("evaluation round"))
        self.outer.insertWidget(0, self.contract.notice)
        self.actions.insertWidget(0, self.contract.draft_label, 1)
        self.contract.changed.connect(self._changed)

    @property
    def record_id(self) -> str | None:
        """The round shown; None for a new one not saved yet (or none)."""
        return self.contract.record_id

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.reason = QLabel(objectName="roundNotice")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color:#555;")
        self.reason.hide()
        self.outer.addWidget(self.reason)
        # Index 0: no round open (after Esc or 关闭); 1: the form.
        self.stack = QStackedWidget()
        self.outer.addWidget(self.stack, 1)
        self.placeholder = QLabel(self.tr("No round is open. Choose one in the list, or "
                                          "start one with “New round”."),
                                  objectName="noRound")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color:#666;")
        self.stack.addWidget(self.placeholder)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(page)
        self.stack.setCurrentIndex(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll.setWidget(body)
        self.body = body
        # Narrow screens scroll down, never sideways: the two columns share the width.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)

        basics = QGroupBox(self.tr("Round"))
        form = QFormLayout(basics)
        self.name = QLineEdit(objectName="roundName")
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(self.tr("e.g. 2026年上半年企业满意度测评"))
        self.held_on = QDateEdit(objectName="roundDate")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.anonymous = QCheckBox(self.tr("Anonymous round"))
        anonymous_hint = QLabel(self.tr("Results then show only totals of 3 sheets or more, "
                                        "never who gave which score."))
        anonymous_hint.setWordWrap(True)
        anonymous_hint.setStyleSheet("color:#666;")
        self.phone = QCheckBox(self.tr("Enterprises may also score on their phones"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(54)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow("", self.anonymous)
        form.addRow("", anonymous_hint)
        form.addRow("", self.phone)
        form.addRow(self.tr("Notes"), self.notes)
        grid.addWidget(basics, 0, 0)

        units = QGroupBox(self.tr("Evaluated units"))
        box = QVBoxLayout(units)
        self.units = QListWidget(objectName="unitList")
        self.units.setMinimumHeight(120)
        box.addWidget(self.units)
        grid.addWidget(units, 0, 1, 1, 1)

        invite = QGroupBox(self.tr("Invited enterprises"))
        inv = QVBoxLayout(invite)
        self.everyone = QCheckBox(self.tr("All enterprises"))
        self.key_only = QCheckBox(self.tr("Key-industry enterprises only"))
        row = QHBoxLayout()
        row.addWidget(self.everyone)
        row.addWidget(self.key_only)
        row.addStretch(1)
        inv.addLayout(row)
        inv.addWidget(QLabel(self.tr("Or by town/street:")))
        self.towns = QListWidget(objectName="townList")
        self.towns.setFlow(QListWidget.Flow.LeftToRight)
        self.towns.setWrapping(True)
        self.towns.setMinimumHeight(52)
        self.towns.setMaximumHeight(90)
        inv.addWidget(self.towns)
        hand = QHBoxLayout()
        self.chooser = EnterpriseChooser()
        self.add_button = QPushButton(self.tr("Invite"))
        self.add_button.clicked.connect(lambda: self._by_hand(add=True))
        self.remove_button = QPushButton(self.tr("Leave out"))
        self.remove_button.clicked.connect(lambda: self._by_hand(add=False))
        hand.addWidget(QLabel(self.tr("By hand:")))
        hand.addWidget(self.chooser, 1)
        hand.addWidget(self.add_button)
        hand.addWidget(self.remove_button)
        inv.addLayout(hand)
        self.hand_list = QListWidget(objectName="handList")
        self.hand_list.setMinimumHeight(60)
        self.hand_list.itemDoubleClicked.connect(self._forget_hand)
        inv.addWidget(self.hand_list)
        self.invite_count = QLabel(objectName="inviteCount")
        inv.addWidget(self.invite_count)
        grid.addWidget(invite, 1, 0, 2, 1)

        dims = QGroupBox(self.tr("Dimensions"))
        dl = QVBoxLayout(dims)
        self.dims = QTableWidget(0, 2, objectName="dimensionTable")
        self.dims.setHorizontalHeaderLabels([self.tr("Dimension"), self.tr("Weight")])
        self.dims.verticalHeader().hide()
        self.dims.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.dims.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dims.setMinimumHeight(150)
        dl.addWidget(self.dims)
        buttons = QHBoxLayout()
        self.dim_add = QPushButton(self.tr("Add"))
        self.dim_add.clicked.connect(lambda: self._add_dimension())
        self.dim_remove = QPushButton(self.tr("Remove"))
        self.dim_remove.clicked.connect(self._remove_dimension)
        self.dim_up = QPushButton(self.tr("Up"))
        self.dim_up.clicked.connect(lambda: self._move_dimension(-1))
        self.dim_reset = QPushButton(self.tr("The five defaults"))
        self.dim_reset.clicked.connect(self._default_dimensions)
        for b in (self.dim_add, self.dim_remove, self.dim_up, self.dim_reset):
            b.setMinimumWidth(0)
            buttons.addWidget(b)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        grid.addWidget(dims, 1, 1)

        scale = QGroupBox(self.tr("Scale"))
        sl = QVBoxLayout(scale)
        top = QHBoxLayout()
        self.scale_kind = QComboBox(objectName="scaleKind")
        self.scale_kind.addItem(self.tr("Points, from 0 to"), "points")
        self.scale_kind.addItem(self.tr("Levels"), "levels")
        self.scale_max = QDoubleSpinBox(objectName="scaleMax")
        self.scale_max.setRange(1, ev.MAX_POINTS)
        self.scale_max.setDecimals(0)
        self.scale_max.setValue(20)
        top.addWidget(self.scale_kind)
        top.addWidget(self.scale_max)
        top.addStretch(1)
        sl.addLayout(top)
        self.levels = QTableWidget(0, 2, objectName="levelTable")
        self.levels.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Points")])
        self.levels.verticalHeader().hide()
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sl.addWidget(self.levels)
        lb = QHBoxLayout()
        self.level_add = QPushButton(self.tr("Add level"))
        self.level_add.clicked.connect(lambda: self._add_level("", 0))
        self.level_remove = QPushButton(self.tr("Remove level"))
        self.level_remove.clicked.connect(
            lambda: self.levels.removeRow(max(self.levels.currentRow(), 0))
            if self.levels.rowCount() else None)
        self.level_reset = QPushButton(self.tr("Default levels"))
        self.level_reset.clicked.connect(self._default_levels)
        for b in (self.level_add, self.level_remove, self.level_reset):
            lb.addWidget(b)
        lb.addStretch(1)
        sl.addLayout(lb)
        grid.addWidget(scale, 2, 1)
        grid.setRowStretch(3, 1)

        self.feedback = QLabel(objectName="roundFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet(f"color:{ERROR_COLOR};")
        self.feedback.hide()
        outer.addWidget(self.feedback)
        actions = QHBoxLayout()
        self.actions = actions
        self.dirty_label = QLabel()
        self.dirty_label.setStyleSheet(f"color:{WARNING_COLOR};")
        actions.addWidget(self.dirty_label)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeRoundEditor")
        self.close_button.clicked.connect(lambda: self.contract.close())
        self.save_button = QPushButton(self.tr("Save round"), objectName="saveRound")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        actions.addWidget(self.close_button)
        actions.addWidget(self.save_button)
        outer.addLayout(actions)

        for signal in (self.name.textChanged, self.held_on.dateChanged,
                       self.anonymous.toggled, self.phone.toggled,
                       self.notes.textChanged, self.units.itemChanged,
                       self.everyone.toggled, self.key_only.toggled, self.towns.itemChanged,
                       self.dims.itemChanged, self.scale_kind.currentIndexChanged,
                       self.scale_max.valueChanged, self.levels.itemChanged):
            signal.connect(self._changed)
        self.dims.model().rowsRemoved.connect(self._changed)
        self.levels.model().rowsRemoved.connect(self._changed)

    # -- loading -----------------------------------------------------------------------------
    def _fill_lists(self, data: ev.RoundInput) -> None:
        self.units.clear()
        self._names = ev.unit_names()
        choices = ev.unit_choices()
        known = {key for key, _n in choices}
        # A unit of an old round that left the directory is still listed, to be kept or not.
        choices += [(u, self._names.get(u, u)) for u in data.units if u not in known]
        for key, name in choices:
            item = QListWidgetItem(name)
            item.setData(ROLE, key)
            item.setCheckState(Qt.CheckState.Checked if key in data.units
                               else Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.towns.clear()
        towns = enterprises.filter_choices()["town"]
        towns += [t for t in data.invite.towns if t not in towns]
        for town in towns:
            item = QListWidgetItem(town)
            item.setData(ROLE, town)
            item.setCheckState(Qt.CheckState.Checked if town in data.invite.towns
                               else Qt.CheckState.Unchecked)
            self.towns.addItem(item)

    def _show(self, data: ev.RoundInput) -> None:
        self._loading = True
        try:
            self.name.setText(data.name)
            held = data.held_on or clock.today()
            self.held_on.setDate(QDate(held.year, held.month, held.day))
            self.anonymous.setChecked(data.anonymous)
            self.phone.setChecked(data.phone_enabled)
            self.notes.setPlainText(data.notes)
            self._fill_lists(data)
            self.everyone.setChecked(data.invite.everyone)
            self.key_only.setChecked(data.invite.key_only)
            self._added = list(data.invite.added)
            self._removed = list(data.invite.removed)
            self._fill_hand()
            self.dims.setRowCount(0)
            self._keys = []
            for d in data.dimensions:
                self._add_dimension(d["label"], d["weight"], d["key"])
            sc = data.scale
            self.scale_kind.setCurrentIndex(1 if sc.get("kind") == "levels" else 0)
            if sc.get("kind") == "points":
                self.scale_max.setValue(float(sc.get("max") or 20))
            self.levels.setRowCount(0)
            for level in sc.get("levels") or (scoring.DEFAULT_LEVELS if sc.get("kind") ==
                                              "levels" else ()):
                self._add_level(str(level.get("label", "")), level.get("points", 0))
        finally:
            self._loading = False
        self.feedback.hide()
        self.stack.setCurrentIndex(1)
        self._changed()

    def _blank(self) -> dict[str, Any]:
        return drafts.to_payload(ev.RoundInput(held_on=clock.today()))

    def new(self) -> None:
        """Start a new round (the page has asked the contract first)."""
        self.contract.open_new(self._blank())
        self.name.setFocus()

    def load(self, record_id: str) -> bool:
        """Show a saved round; False when it no longer exists."""
        return self.contract.open_record(record_id)

    def open_draft(self, key: str) -> bool:
        """Put a draft back as it was typed (over its round, or as a new round)."""
        return self.contract.open_draft(key, blank=self._blank())

    def set_read_only(self, read_only: bool, *, reason: str = "") -> None:
        self._read_only = read_only
        for w in self.body.findChildren(QWidget):
            if isinstance(w, QLineEdit | QDateEdit | QCheckBox | QPlainTextEdit | QComboBox |
                          QDoubleSpinBox | QPushButton):
                w.setEnabled(not read_only)
        self.save_button.setEnabled(not read_only)
        for table in (self.dims, self.levels):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                  else QAbstractItemView.EditTrigger.AllEditTriggers)
        for lst in (self.units, self.towns):
            lst.setEnabled(not read_only)
        self.reason.setText(reason if read_only else "")
        self.reason.setVisible(read_only and bool(reason))
        # Lists that depend on the form's state (towns) follow it again.
        self._changed()

    # -- what the form says ------------------------------------------------------------------
    def collect(self) -> ev.RoundInput:
        dims = []
        for row in range(self.dims.rowCount()):
            label = (self.dims.item(row, 0).text() if self.dims.item(row, 0) else "").strip()
            weight_text = self.dims.item(row, 1).text() if self.dims.item(row, 1) else ""
            weight = _number(weight_text)
            dims.append({"key": self._keys[row], "label": label,
                         "weight": weight if weight is not None else weight_text})
        if self.scale_kind.currentData() == "levels":
            levels = []
            for row in range(self.levels.rowCount()):
                label = self.levels.item(row, 0).text() if self.levels.item(row, 0) else ""
                points_text = self.levels.item(row, 1).text() if self.levels.item(row, 1) else ""
                points = _number(points_text)
                levels.append({"label": label.strip(),
                               "points": points if points is not None else points_text})
            scale = {"kind": "levels", "levels": levels}
        else:
            top = self.scale_max.value()
            scale = {"kind": "points", "max": int(top) if top.is_integer() else top}
        return ev.RoundInput(
            name=self.name.text().strip(), held_on=self.held_on.date().toPython(),
            units=_checked(self.units),
            invite=ev.InviteRule(everyone=self.everyone.isChecked(), towns=_checked(self.towns),
                                 key_only=self.key_only.isChecked(), added=list(self._added),
                                 removed=list(self._removed)),
            dimensions=dims, scale=scale, anonymous=self.anonymous.isChecked(),
            phone_enabled=self.phone.isChecked(), notes=self.notes.toPlainText().strip())

    def is_dirty(self) -> bool:
        return self.contract.is_dirty()

    def _changed(self, *_args: object) -> None:
        """What follows the form (the scale's boxes, the count of invited enterprises)."""
        if self._loading:
            return
        data = self.collect()
        self.scale_max.setVisible(self.scale_kind.currentData() == "points")
        levels = self.scale_kind.currentData() == "levels"
        for w in (self.levels, self.level_add, self.level_remove, self.level_reset):
            w.setVisible(levels)
        if levels and self.levels.rowCount() == 0 and not self._read_only:
            self._default_levels()
            return
        self.everyone_state()
        try:
            count = len(ev.resolve_invited(data.invite))
        except Exception:  # noqa: BLE001 - a count is a hint; the save reports problems
            count = 0
        self.invite_count.setText(self.tr("{n} enterprises will be invited.").format(n=count))
        contract = getattr(self, "contract", None)
        dirty = contract is not None and contract.is_dirty()
        self.dirty_label.setText(self.tr("Unsaved changes") if dirty else "")

    def everyone_state(self) -> None:
        self.towns.setEnabled(not self.everyone.isChecked() and not self._read_only)

    # -- dimensions and levels ---------------------------------------------------------------
    def _add_dimension(self, label: str = "", weight: float = 1, key: str = "") -> None:
        row = self.dims.rowCount()
        self._keys.append(key or ev.new_dimension_key(self._keys))
        self.dims.insertRow(row)
        self.dims.setItem(row, 0, QTableWidgetItem(label))
        weight_item = QTableWidgetItem(ev.format_number(float(weight), digits=2)
                                       if isinstance(weight, int | float) else str(weight))
        weight_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dims.setItem(row, 1, weight_item)
        if not self._loading and not label:
            self.dims.setCurrentCell(row, 0)
            self.dims.editItem(self.dims.item(row, 0))

    def _remove_dimension(self) -> None:
        row = self.dims.currentRow()
        if row < 0:
            return
        self._keys.pop(row)
        self.dims.removeRow(row)

    def _move_dimension(self, step: int) -> None:
        row = self.dims.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.dims.rowCount():
            return
        self._loading = True
        for col in range(2):
            a, b = self.dims.takeItem(row, col), self.dims.takeItem(other, col)
            self.dims.setItem(row, col, b)
            self.dims.setItem(other, col, a)
        self._keys[row], self._keys[other] = self._keys[other], self._keys[row]
        self._loading = False
        self.dims.setCurrentCell(other, 0)
        self._changed()

    def _default_dimensions(self) -> None:
        self._loading = True
        self.dims.setRowCount(0)
        self._keys = []
        for d in scoring.DEFAULT_DIMENSIONS:
            self._add_dimension(d["label"], d["weight"], d["key"])
        self._loading = False
        self._changed()

    def _add_level(self, label: str, points: float) -> None:
        row = self.levels.rowCount()
        self.levels.insertRow(row)
        self.levels.setItem(row, 0, QTableWidgetItem(label))
        item = QTableWidgetItem(ev.format_number(float(points)) if isinstance(
            points, int | float) else str(points))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.levels.setItem(row, 1, item)

    def _default_levels(self) -> None:
        self._loading = True
        self.levels.setRowCount(0)
        for level in scoring.DEFAULT_LEVELS:
            self._add_level(str(level["label"]), level["points"])
        self._loading = False
        self._changed()

    # -- invitation by hand ------------------------------------------------------------------
    def _by_hand(self, *, add: bool) -> None:
        ent_id = self.chooser.enterprise_id()
        if not ent_id:
            return
        mine, other = (self._added, self._removed) if add else (self._removed, self._added)
        if ent_id in other:
            other.remove(ent_id)
        if ent_id not in mine:
            mine.append(ent_id)
        self._fill_hand()
        self._hand_changed()

    def _hand_changed(self) -> None:
        # The lists by hand live outside the watched fields: the draft follows them here.
        self._changed()
        self.contract.write_draft()

    def _fill_hand(self) -> None:
        self.hand_list.clear()
        names = enterprises.names_by_id(self._added + self._removed)
        for ent_id in self._added:
            item = QListWidgetItem(self.tr("+ {name}").format(name=names.get(ent_id, ent_id)))
            item.setData(ROLE, ent_id)
            self.hand_list.addItem(item)
        for ent_id in self._removed:
            item = QListWidgetItem(self.tr("− {name}").format(name=names.get(ent_id, ent_id)))
            item.setData(ROLE, ent_id)
            self.hand_list.addItem(item)
        self.hand_list.setToolTip(self.tr("Double-click an enterprise to take it off this list."))

    def _forget_hand(self, item: QListWidgetItem) -> None:
        if self._read_only:
            return
        ent_id = item.data(ROLE)
        for lst in (self._added, self._removed):
            if ent_id in lst:
                lst.remove(ent_id)
        self._fill_hand()
        self._hand_changed()

    # -- the editor contract's adapter -------------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        return drafts.to_payload(self.collect())

    def show_payload(self, payload: dict[str, Any]) -> None:
        self._show(drafts.from_payload(ev.RoundInput, payload))

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        return stored_payload_of(
            lambda: ev.RoundInput.from_record(ev.get_round(record_id=record_id)))

    def draft_title(self) -> str:
        name = self.name.text().strip() or self.tr("(round without a name)")
        return f"{name} · {self.held_on.date().toString('yyyy-MM-dd')}"

    def start_save(self) -> None:
        if not self.save():
            self.contract.save_failed()

    def close_editor(self) -> None:
        self.stack.setCurrentIndex(0)
        self.closed.emit()

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save on the runner. False when read-only or no round is open."""
        if self._read_only or not self.contract.is_open():
            return False
        data = self.collect()
        record_id = self.record_id
        self.save_button.setEnabled(False)
        work = self.contract.save_work(lambda: ev.save_round(data=data, record_id=record_id).id)
        self.ctx.runner.submit(work, on_done=self._saved, on_error=self._failed,
                               change="evaluation")
        return True

    def _saved(self, record_id: str) -> None:
        self.save_button.setEnabled(not self._read_only)
        self.feedback.hide()
        # The contract first (it runs what the question's 保存 was asked for: another round,
        # a new one), then the page follows what the editor shows.
        self.contract.saved(record_id)
        self._changed()
        self.saved.emit(record_id)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(not self._read_only)
        self.contract.save_failed()
        if isinstance(exc, ValidationFailed):
            text = "\n".join(f.message.text() for f in exc.findings)
        else:
            text = describe(exc)
        self.feedback.setText(text)
        self.feedback.show()
