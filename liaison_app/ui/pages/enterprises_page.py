"""企业: the list of enterprises with filters, one enterprise's details and visit history."""
from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.models import Officer
from liaison_app.core.services import enterprises, officers, visits
from liaison_app.core.services.enterprises import LABELS, EnterpriseFilter
from liaison_app.core.services.errors import NotFound
from liaison_app.core.services.visits import KIND_LABELS, VisitFilter, VisitRow
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.enterprise_editor import EnterpriseEditor
from liaison_app.ui.dialogs.import_dialog import ImportDialog
from liaison_app.ui.errors import show_error
from liaison_app.ui.models.enterprise_table_model import PAGE_SIZE, EnterpriseTableModel
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.kept_view import rows_kept_in_view
from liaison_app.ui.widgets.layouts import fit_columns

#: Visits listed under an enterprise; older ones are on the 走访 page (kept short: the list
#: is filled again whenever the enterprise is shown or a sync brings records).
VISIT_HISTORY_LIMIT = 50


class _Read(NamedTuple):
    """What a refresh read: the filter choices and officers, and (in the background) the
    list for ``flt`` and the enterprise shown with its visit history."""

    choices: dict[str, list[str]]
    officers: list[Officer]
    officer_names: dict[str, str]
    flt: EnterpriseFilter | None = None
    total: int = 0
    rows: list[Any] | None = None
    shown: tuple[Any, tuple[list[VisitRow], int]] | None = None


class EnterpriseDetail(QWidget):
    """Everything known about one enterprise, read-only, plus its visit history."""

    def __init__(self, page: EnterprisesPage) -> None:
        super().__init__(page)
        self.page = page
        self.record_id = ""
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.placeholder = QLabel(self.tr("Select an enterprise on the left to see its details."))
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color:#777;")
        self.stack.addWidget(self.placeholder)

        body = QWidget()
        layout = QVBoxLayout(body)
        head = QHBoxLayout()
        self.name_label = QLabel(objectName="detailName")
        self.name_label.setStyleSheet("font-size:18px;font-weight:bold;")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_badge = QLabel(LABELS["is_key"].text())
        self.key_badge.setStyleSheet(
            "color:white;background:#c62828;border-radius:3px;padding:1px 6px;")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.edit_button.clicked.connect(lambda: page.edit_record(self.record_id))
        self.delete_button.clicked.connect(lambda: page.delete_record(self.record_id))
        self.roster_button = QPushButton(self.tr("Worker roster"))
        self.roster_button.setObjectName("rosterButton")
        self.roster_button.clicked.connect(
            lambda: page.ctx.navigate("applications", f"roster:{self.record_id}"))
        # The name gets a row of its own: a long Chinese name beside buttons in a narrow
        # panel would wrap one character per line.
        self.key_badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.name_label)
        head.addWidget(self.key_badge)
        head.addStretch(1)
        head.addWidget(self.roster_button)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        layout.addLayout(head)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("uscc", LABELS["uscc"].text()), ("town", LABELS["town"].text()),
            ("park", LABELS["park"].text()), ("address", LABELS["address"].text()),
            ("industry", LABELS["industry"].text()), ("legal_rep", LABELS["legal_rep"].text()),
            ("contact_name", LABELS["contact_name"].text()),
            ("contact_phone", LABELS["contact_phone"].text()), ("employees", LABELS["employees"].text()),
            ("cadence", LABELS["visit_cadence_days"].text()),
            ("officers", self.tr("Liaison officers")), ("notes", LABELS["notes"].text()),
        ):
            value = QLabel(objectName=f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label + self.tr(":"), value)
        layout.addLayout(form)

        visits_head = QHBoxLayout()
        self.visits_title = QLabel(objectName="visitsTitle")
        self.visits_title.setStyleSheet("font-weight:bold;margin-top:8px;")
        self.log_visit_button = QPushButton(self.tr("Log a visit"))
        self.log_visit_button.setObjectName("logVisitButton")
        self.log_visit_button.clicked.connect(
            lambda: page.ctx.navigate("visits", "new:" + self.record_id))
        visits_head.addWidget(self.visits_title, 1)
        visits_head.addWidget(self.log_visit_button)
        layout.addLayout(visits_head)

        self.visit_table = QTableWidget(0, 3)
        self.visit_table.setObjectName("visitHistory")
        self.visit_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Summary")])
        self.visit_table.verticalHeader().hide()
        self.visit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visit_table.setAlternatingRowColors(True)
        fit_columns(self.visit_table, stretch=2, min_stretch=80)
        self.visit_table.setMinimumHeight(180)
        self.visit_table.cellDoubleClicked.connect(self._open_visit)
        layout.addWidget(self.visit_table, 1)
        self.no_visits = QLabel(self.tr("No visits recorded yet."))
        self.no_visits.setStyleSheet("color:#777;")
        layout.addWidget(self.no_visits)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.stack.addWidget(scroll)

    def clear(self) -> None:
        self.record_id = ""
        self.stack.setCurrentIndex(0)

    @staticmethod
    def read_history(record_id: str) -> tuple[list[VisitRow], int]:
        """The enterprise's latest visits and how many it has. Any thread (reads only)."""
        flt = VisitFilter(enterprise_id=record_id)
        rows = visits.list_visits(flt=flt, limit=VISIT_HISTORY_LIMIT)
        total = len(rows) if len(rows) < VISIT_HISTORY_LIMIT else visits.count_visits(flt=flt)
        return rows, total

    def show_record(self, rec: Any, officer_names: dict[str, str],
                    history: tuple[list[VisitRow], int] | None = None) -> None:
        """Main thread; reads the visit history through the visits service unless given
        (``read_history``)."""
        self.record_id = rec.id
        settings = self.page.ctx.settings
        self.name_label.setText(rec.name)
        self.key_badge.setVisible(bool(rec.is_key))
        default = settings.key_visit_cadence_days if rec.is_key else settings.visit_cadence_days
        names = [officer_names[i] for i in rec.officer_ids or [] if i in officer_names]
        texts = {
            "uscc": rec.uscc, "town": rec.town, "park": rec.park, "address": rec.address,
            "industry": rec.industry, "legal_rep": rec.legal_rep,
            "contact_name": rec.contact_name, "contact_phone": rec.contact_phone,
            "employees": "" if rec.employees is None else str(rec.employees),
            "cadence": str(rec.visit_cadence_days) if rec.visit_cadence_days
            else self.tr("{days} (default)").format(days=default),
            "officers": "、".join(names), "notes": rec.notes,
        }
        for key, label in self.values.items():
            text = texts[key]
            label.setText(text if text else "\u2014")
        rows, total = self.read_history(rec.id) if history is None else history
        self.visits_title.setText(self.tr("Visit history ({n})").format(n=total))
        self.visit_table.setRowCount(len(rows))
        for r, visit in enumerate(rows):
            kind = KIND_LABELS.get(visit.kind)
            cells = [visit.visit_at.strftime("%Y-%m-%d"),
                     kind.text() if kind else visit.kind, visit.summary]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, visit.id)
                if c > 0:
                    item.setToolTip(text)
                else:
                    item.setToolTip(visit.visit_at.strftime("%Y-%m-%d %H:%M"))
                self.visit_table.setItem(r, c, item)
        self.visit_table.setVisible(bool(rows))
        self.no_visits.setVisible(not rows)
        self.stack.setCurrentIndex(1)

    def _open_visit(self, row: int, _column: int) -> None:
        item = self.visit_table.item(row, 0)
        if item is not None:
            self.page.ctx.navigate("visits", item.data(Qt.ItemDataRole.UserRole))


class EnterprisesPage(Page):
    page_id = "enterprises"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._officer_names: dict[str, str] = {}
        self._editor: EnterpriseEditor | None = None
        self._import: ImportDialog | None = None
        self._deleted_id = ""
        self._build()

    def title(self) -> str:
        return self.tr("Enterprises")

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        heading = QLabel(self.title())
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size:20px;font-weight:bold;")
        self.new_button = QPushButton(self.tr("New enterprise"))
        self.new_button.setObjectName("newEnterpriseButton")
        self.import_button = QPushButton(self.tr("Import\u2026"))
        self.import_button.setObjectName("importButton")
        self.new_button.clicked.connect(self.new_record)
        self.import_button.clicked.connect(self.start_import)
        head.addWidget(heading)
        head.addStretch(1)
        head.addWidget(self.new_button)
        head.addWidget(self.import_button)
        layout.addLayout(head)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(objectName="enterpriseSearch")
        self.search_edit.setPlaceholderText(self.tr("Name, credit code or contact"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.town_combo = QComboBox(objectName="townFilter")
        self.park_combo = QComboBox(objectName="parkFilter")
        self.industry_combo = QComboBox(objectName="industryFilter")
        self.officer_combo = QComboBox(objectName="officerFilter")
        self.key_check = QCheckBox(self.tr("Key enterprises only"))
        self.key_check.setObjectName("keyOnly")
        filters.addWidget(self.search_edit, 2)
        for label, combo in ((LABELS["town"].text(), self.town_combo),
                             (LABELS["park"].text(), self.park_combo),
                             (LABELS["industry"].text(), self.industry_combo),
                             (self.tr("Officer"), self.officer_combo)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(4)
            combo.setMaxVisibleItems(20)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
            combo.activated.connect(lambda _i: self.refresh())
        filters.addWidget(self.key_check)
        self.key_check.toggled.connect(lambda _c: self.refresh())
        self.count_label = QLabel(objectName="enterpriseCount")
        self.count_label.setMinimumWidth(90)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.undo_bar = QFrame(objectName="undoBar")
        self.undo_bar.setStyleSheet(
            "#undoBar{background:#fff8e1;border:1px solid #ffcc80;border-radius:3px;}")
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel(objectName="undoLabel")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_delete)
        close = QPushButton(self.tr("Close"))
        close.setFlat(True)
        close.clicked.connect(self.undo_bar.hide)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(close)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)

        self.model = EnterpriseTableModel(self)
        self.table = QTableView(objectName="enterpriseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        # Names whole; the officers take what is left; park, contact, industry and phone
        # step aside in that order when the list is narrow (the detail shows them).
        fit_columns(self.table, stretch=8, min_stretch=80, drop=(3, 6, 4, 7))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.delete_record(self.detail.record_id))
        self.table.doubleClicked.connect(
            lambda index: self.edit_record(self.model.record(index.row()).id))

        self.empty_state = QWidget(objectName="emptyState")
        empty = QVBoxLayout(self.empty_state)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color:#666;font-size:15px;")
        self.empty_actions = QWidget()
        actions = QHBoxLayout(self.empty_actions)
        actions.addStretch(1)
        for text, slot in ((self.tr("New enterprise"), self.new_record),
                           (self.tr("Import\u2026"), self.start_import),
                           (self.tr("Clear filters"), self._reset_filters)):
            button = QPushButton(text)
            button.setMinimumWidth(110)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.empty_buttons = actions
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.empty_actions)
        empty.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_state)

        self.detail = EnterpriseDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 360])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

    # -- loading ---------------------------------------------------------------------------
    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(
            text=self.search_edit.text(), town=self.town_combo.currentData() or "",
            park=self.park_combo.currentData() or "",
            industry=self.industry_combo.currentData() or "",
            key_only=self.key_check.isChecked(),
            officer_id=self.officer_combo.currentData() or "")

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), "")
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _load_choices(self, read: _Read | None = None) -> None:
        if read is None:
            read = self._read_choices()
        self._fill_combo(self.town_combo, [(v, v) for v in read.choices.get("town", [])])
        self._fill_combo(self.park_combo, [(v, v) for v in read.choices.get("park", [])])
        self._fill_combo(self.industry_combo,
                         [(v, v) for v in read.choices.get("industry", [])])
        self._fill_combo(self.officer_combo, [(o.name, o.id) for o in read.officers])
        self._officer_names = read.officer_names

    @staticmethod
    def _read_choices(**more: Any) -> _Read:
        """The filter boxes' choices and the officers' names. Any thread (reads only)."""
        return _Read(enterprises.filter_choices(), officers.list_officers(),
                     officers.names_by_id(), **more)

    def refresh(self) -> None:
        """Main thread: re-read the filter choices and the first page of the list."""
        self.supersede_reads()
        self._stale = False
        self._search_timer.stop()
        selected = self.detail.record_id
        self._load_choices()
        flt = self.current_filter()
        self._show_list(flt, enterprises.count_enterprises(flt=flt), None)
        if selected and self._select(selected):
            return
        self._select_first()

    def refresh_in_background(self) -> None:
        """After a sync: the choices, the list (as many rows as are loaded) and the enterprise
        shown are read on the runner, then shown in place: same enterprise, same scroll."""
        flt = self.current_filter()
        wanted = max(PAGE_SIZE, self.model.rowCount())
        selected = self.detail.record_id

        def read() -> _Read:
            total = enterprises.count_enterprises(flt=flt)
            rows = enterprises.list_enterprises(flt=flt, limit=wanted) if total else []
            shown = None
            if selected:
                try:
                    shown = (enterprises.get(record_id=selected),
                             EnterpriseDetail.read_history(selected))
                except NotFound:
                    pass  # deleted meanwhile: the first enterprise is shown instead
            return self._read_choices(flt=flt, total=total, rows=rows, shown=shown)

        self.read_then(read, self._show_read)

    def _show_read(self, read: _Read) -> None:
        if read.flt != self.current_filter() or self._search_timer.isActive():
            self.refresh()  # the filter changed meanwhile: read what it now asks for
            return
        self._stale = False
        self._load_choices(read)
        with rows_kept_in_view(self.table):
            self._show_list(read.flt, read.total, read.rows)
        if read.shown is not None:
            rec, history = read.shown
            row = self.model.row_of(rec.id)
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.detail.show_record(rec, self._officer_names, history)
                return
        self._select_first()

    def _show_list(self, flt: EnterpriseFilter, total: int, rows: list[Any] | None) -> None:
        self.model.reset(
            loader=lambda offset, limit: enterprises.list_enterprises(
                flt=flt, offset=offset, limit=limit),
            total=total, officer_names=self._officer_names, rows=rows)
        filtered = flt != EnterpriseFilter()
        if total:
            self.count_label.setText(self.tr("{n} enterprises").format(n=total))
        else:
            self.count_label.setText("")
        if total:
            self.list_stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(self.tr("No enterprise matches these filters.") if filtered
                                     else self.tr(
                "There are no enterprises yet. Click \u201cNew enterprise\u201d or "
                "\u201cImport\u2026\u201d to begin."))
            # Creating and importing when the county is empty; clearing when filtered.
            for i in range(3):
                button = self.empty_buttons.itemAt(i + 1).widget()
                button.setVisible(filtered == (i == 2))
            self.list_stack.setCurrentWidget(self.empty_state)
        self.detail.setVisible(bool(total) or filtered)

    def _select_first(self) -> None:
        """Show the first enterprise rather than an empty half of the page."""
        first = self.model.record(0)
        if first is None or not self._select(first.id):
            self.detail.clear()

    def _select(self, record_id: str) -> bool:
        row = self.model.load_until(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._show(record_id)
        return True

    def _current_changed(self, current: Any, _previous: Any) -> None:
        rec = self.model.record(current.row()) if current.isValid() else None
        if rec is not None and rec.id != self.detail.record_id:
            self._show(rec.id)

    def _show(self, record_id: str) -> None:
        try:
            rec = enterprises.get(record_id=record_id)
        except Exception as exc:  # noqa: BLE001 - shown as a sentence
            show_error(self, exc)
            self.detail.clear()
            return
        self.detail.show_record(rec, self._officer_names)

    def clear_filters(self) -> None:
        for widget in (self.search_edit, self.key_check, self.town_combo, self.park_combo,
                       self.industry_combo, self.officer_combo):
            widget.blockSignals(True)
        self.search_edit.clear()
        self.key_check.setChecked(False)
        for combo in (self.town_combo, self.park_combo, self.industry_combo,
                      self.officer_combo):
            combo.setCurrentIndex(0)
        for widget in (self.search_edit, self.key_check, self.town_combo, self.park_combo,
                       self.industry_combo, self.officer_combo):
            widget.blockSignals(False)

    def _reset_filters(self) -> None:
        self.clear_filters()
        self.refresh()

    # -- Page contract -------------------------------------------------------------------------
    def open_record(self, record_id: str) -> None:
        if record_id == "new:":
            self.new_record()
            return
        if record_id == "import:":
            self.start_import()
            return
        if record_id.startswith("draft:"):
            self._open_editor(None, draft_key=record_id.split(":", 1)[1])
            return
        if self._stale:
            self.refresh()
        if self._select(record_id):
            return
        # Hidden by the current filter (or not loaded yet): show the whole list.
        self.clear_filters()
        self.refresh()
        self._select(record_id)

    def new_record(self) -> bool:
        self._open_editor(None)
        return True

    def save_current(self) -> bool:
        if self._editor is not None and self._editor.isVisible():
            self._editor.save()
            return True
        return False

    def save_state(self) -> None:
        state = self.splitter.saveState().toBase64().data().decode("ascii")
        self.ctx.settings.splitter_states[self.page_id] = state

    def restore_state(self) -> None:
        state = self.ctx.settings.splitter_states.get(self.page_id)
        if state:
            self.splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def hideEvent(self, event: QHideEvent) -> None:
        # Undo is offered while the page is open; leaving it makes the deletion final.
        self.undo_bar.hide()
        super().hideEvent(event)

    # -- actions ---------------------------------------------------------------------------
    def edit_record(self, record_id: str) -> None:
        if record_id:
            self._open_editor(record_id)

    def _open_editor(self, record_id: str | None, *, draft_key: str = "") -> None:
        editor = self._editor
        if editor is not None and editor.isVisible():
            editor.raise_()
            editor.activateWindow()
            if draft_key:
                editor.contract.leave(lambda: editor.contract.open_draft(
                    draft_key, blank=editor.new_payload()))
            elif editor.record_id != record_id or record_id is None:
                # Another enterprise (or a new one) in the same window, asking first.
                editor.open_record(record_id)
            return
        try:
            editor = EnterpriseEditor(self.ctx, record_id=record_id, draft_key=draft_key,
                                      parent=self)
        except Exception as exc:  # noqa: BLE001 - e.g. the record was deleted meanwhile
            show_error(self, exc)
            return
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._after_save)
        editor.open_existing.connect(self.open_record)
        editor.destroyed.connect(lambda *_: self._forget_editor(editor))
        self._editor = editor
        editor.show()
        editor.name_edit.setFocus()

    def _forget_editor(self, editor: EnterpriseEditor) -> None:
        if self._editor is editor:
            self._editor = None

    def editor(self) -> EnterpriseEditor | None:
        """The open editor window, if any."""
        return self._editor

    def on_data_changed(self, what: str) -> None:
        editor = self._editor
        if editor is not None and editor.isVisible() and editor.contract.refresh() == "gone":
            editor.close_editor()  # deleted elsewhere and nothing typed: nothing to keep
        super().on_data_changed(what)

    def _after_save(self, record_id: str) -> None:
        self.refresh()
        self.open_record(record_id)

    def delete_record(self, record_id: str) -> None:
        if not record_id:
            return
        rec = enterprises.get(record_id=record_id)
        name = rec.name

        def done(_result: object) -> None:
            self._deleted_id = record_id
            self.undo_label.setText(self.tr("Deleted \u201c{name}\u201d.").format(name=name))
            self.undo_button.setEnabled(True)
            self.undo_button.show()
            self.undo_bar.show()
            self.detail.clear()
            self.refresh()

        self.ctx.runner.submit(lambda: enterprises.soft_delete(record_id=record_id),
                               on_done=done, on_error=lambda e: show_error(self, e),
                               change="enterprise")

    def undo_delete(self) -> None:
        record_id = self._deleted_id
        if not record_id:
            return
        self.undo_button.setEnabled(False)

        def done(_result: object) -> None:
            self._deleted_id = ""
            self.undo_bar.hide()
            self.refresh()
            self.open_record(record_id)

        def failed(exc: BaseException) -> None:
            self.undo_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.runner.submit(lambda: enterprises.undelete(record_id=record_id),
                               on_done=done, on_error=failed, change="enterprise")

    def start_import(self) -> None:
        """Ask for a file, then show the import preview for it."""
        dialog = ImportDialog(self.ctx, parent=self)
        path = dialog.choose_file()
        if not path:
            dialog.deleteLater()
            return
        self.show_import(dialog, path)

    def show_import(self, dialog: ImportDialog, path: str) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._after_import)
        self._import = dialog
        dialog.open()
        dialog.load(path)

    def _after_import(self, count: int) -> None:
        self._deleted_id = ""
        self.undo_label.setText(self.tr("Imported {n} enterprises.").format(n=count))
        self.undo_button.hide()
        self.undo_bar.show()
        self.refresh()

    def import_dialog(self) -> ImportDialog | None:
        return self._import
