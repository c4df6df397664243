"""走访: the visit list with its filters, and the visit editor beside it."""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QByteArray, QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import officers, visits
from liaison_app.core.services.visits import VisitFilter
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.visit_editor import EnterpriseChooser, VisitEditor
from liaison_app.ui.errors import show_error
from liaison_app.ui.models.visit_table_model import VisitPage, VisitTableModel
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.kept_view import rows_kept_in_view
from liaison_app.ui.widgets.layouts import fit_columns

#: The date filters show "any" at their minimum: QDateEdit cannot be empty.
ANY_DATE = QDate(2000, 1, 1)
SPLITTER_KEY = "visits"


class VisitsPage(Page):
    page_id = "visits"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._choices_loaded = False
        self._deleted_id = ""
        self._count_asked = 0
        self._build()

    def title(self) -> str:
        return self.tr("Visits")

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        heading = QLabel(self.tr("Visits"))
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #666;")
        self.new_button = QPushButton(self.tr("New visit"))
        self.new_button.setToolTip(self.tr("Log a new visit (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_record())
        header.addWidget(heading)
        header.addSpacing(12)
        header.addWidget(self.count_label)
        header.addStretch(1)
        header.addWidget(self.new_button)
        outer.addLayout(header)
        outer.addLayout(self._build_filters())

        self.undo_bar = QFrame()
        self.undo_bar.setStyleSheet("QFrame { background: #e8f0fe; border-radius: 4px; }")
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(8, 4, 8, 4)
        self.undo_text = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self._undo_delete)
        undo.addWidget(self.undo_text, 1)
        undo.addWidget(self.undo_button)
        self.undo_bar.hide()
        outer.addWidget(self.undo_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = VisitTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setHighlightSections(False)
        fit_columns(self.table, stretch=4, drop=(3, 2))
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; font-size: 14px;")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.editor = VisitEditor(self.ctx)
        self.editor.saved.connect(self._saved)
        self.editor.deleted.connect(self._deleted)
        self.editor.closed.connect(self._editor_closed)
        self.no_editor = QLabel(self.tr(
            "Choose a visit in the list to see it here, or click “New visit”."))
        self.no_editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_editor.setWordWrap(True)
        self.no_editor.setStyleSheet("color: #666;")
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.no_editor)
        self.editor_stack.addWidget(self.editor)

        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([740, 500])
        # Until a visit is opened the list has the whole width.
        self.editor_stack.hide()
        outer.addWidget(self.splitter, 1)

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.enterprise_filter = EnterpriseChooser(any_text=self.tr("All enterprises"))
        self.enterprise_filter.setMinimumWidth(200)
        self.enterprise_filter.setToolTip(self.tr("Show the visits of one enterprise"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for code, label in visits.KIND_LABELS.items():
            self.kind_filter.addItem(label.text(), code)
        self.officer_filter = QComboBox()
        self.officer_filter.addItem(self.tr("All officers"), "")
        self.since_filter = self._date_filter()
        self.until_filter = self._date_filter()
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        bar.addWidget(QLabel(self.tr("Enterprise")))
        bar.addWidget(self.enterprise_filter, 2)
        bar.addWidget(QLabel(self.tr("Kind")))
        bar.addWidget(self.kind_filter, 1)
        bar.addWidget(QLabel(self.tr("Officer")))
        bar.addWidget(self.officer_filter, 1)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.since_filter)
        bar.addWidget(QLabel(self.tr("To")))
        bar.addWidget(self.until_filter)
        bar.addWidget(self.clear_filters_button)
        self.enterprise_filter.currentIndexChanged.connect(self._apply_filters)
        self.enterprise_filter.lineEdit().editingFinished.connect(self._apply_filters)
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        self.officer_filter.currentIndexChanged.connect(self._apply_filters)
        self.since_filter.dateChanged.connect(self._apply_filters)
        self.until_filter.dateChanged.connect(self._apply_filters)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        return bar

    def _date_filter(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(ANY_DATE)
        edit.setMinimumWidth(110)
        return edit

    # -- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.supersede_reads()
        keep = self._refresh_editor()
        self.model.reload()
        self._update_empty()
        self._select_row_of(keep)
        # The count and the filter choices come after the first screen is painted.
        QTimer.singleShot(0, self._after_first_screen)

    def refresh_in_background(self) -> None:
        """After a sync: the open visit now (one record), the list on the runner; when it
        comes, the open visit stays selected and the rows in view stay in view."""
        self._refresh_editor()
        self.read_then(self.model.reader(), self._show_read)

    def _show_read(self, page: VisitPage) -> None:
        if page.flt != self.model.current_filter():
            return  # the filter changed meanwhile and was read then
        with rows_kept_in_view(self.table):
            self.model.show_page(page)
            self._update_empty()
            self._select_row_of(self.editor.record_id() if self._editor_open() else None,
                                scroll=False)
        self._after_first_screen()

    def _refresh_editor(self) -> str | None:
        """The open visit follows a change made elsewhere (never over typing); its id, or
        None when no saved visit is open (or it was deleted and nothing was typed)."""
        keep = self.editor.record_id() if self._editor_open() else None
        if keep and self.editor.contract.refresh() == "gone":
            self._show_editor(False)
            keep = None
        return keep

    def _after_first_screen(self) -> None:
        self._update_count()
        if not self._choices_loaded:
            self._choices_loaded = True
            self._load_choices()

    def _load_choices(self) -> None:
        self.officer_filter.blockSignals(True)
        keep = self.officer_filter.currentData()
        while self.officer_filter.count() > 1:
            self.officer_filter.removeItem(1)
        for officer in officers.list_officers():
            self.officer_filter.addItem(officer.name, officer.id)
        self.officer_filter.setCurrentIndex(max(0, self.officer_filter.findData(keep)))
        self.officer_filter.blockSignals(False)

    def current_filter(self) -> VisitFilter:
        since = self.since_filter.date()
        until = self.until_filter.date()
        return VisitFilter(
            enterprise_id=self.enterprise_filter.enterprise_id(),
            officer_id=self.officer_filter.currentData() or "",
            kind=self.kind_filter.currentData() or "",
            since=None if since == ANY_DATE else since.toPython(),
            until=None if until == ANY_DATE else until.toPython())

    def _apply_filters(self, *args: object) -> None:
        del args
        flt = self.current_filter()
        if flt == self.model.current_filter():
            return
        self.supersede_reads()
        self.model.set_filter(flt)
        self._update_empty()
        self._update_count()
        self._select_row_of(self.editor.record_id())

    def clear_filters(self) -> None:
        for w in (self.enterprise_filter, self.kind_filter, self.officer_filter,
                  self.since_filter, self.until_filter):
            w.blockSignals(True)
        self.enterprise_filter.set_enterprise_id("")
        self.kind_filter.setCurrentIndex(0)
        self.officer_filter.setCurrentIndex(0)
        self.since_filter.setDate(ANY_DATE)
        self.until_filter.setDate(ANY_DATE)
        for w in (self.enterprise_filter, self.kind_filter, self.officer_filter,
                  self.since_filter, self.until_filter):
            w.blockSignals(False)
        self._apply_filters()

    def _filtered(self) -> bool:
        return self.current_filter() != VisitFilter()

    def _update_count(self) -> None:
        """Counting 100,000 rows takes longer than a frame: it runs on the runner."""
        flt = self.model.current_filter()
        self._count_asked += 1
        asked = self._count_asked
        self.ctx.runner.submit(lambda: visits.count_visits(flt=flt),
                               on_done=lambda total: self._show_count(total, asked),
                               on_error=lambda exc: None)

    def _show_count(self, total: int, asked: int) -> None:
        if not shiboken6.isValid(self) or asked != self._count_asked:
            return
        if self._filtered():
            self.count_label.setText(self.tr("{n} visits match").format(n=total))
        else:
            self.count_label.setText(self.tr("{n} visits in all").format(n=total))

    def _update_empty(self) -> None:
        if self.model.rowCount():
            self.list_stack.setCurrentWidget(self.table)
            return
        if self._filtered():
            self.empty_label.setText(self.tr(
                "No visit matches these filters.\nClear the filters to see every visit."))
        else:
            self.empty_label.setText(self.tr(
                "No visits have been logged yet.\nClick “New visit” to log the first one."))
        self.list_stack.setCurrentWidget(self.empty_label)

    def _select_row_of(self, visit_id: str | None, *, scroll: bool = True) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            row = self.model.row_of(visit_id) if visit_id else -1
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(self.model.index(-1, -1),
                                          QItemSelectionModel.SelectionFlag.Clear)
                return
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            if scroll:
                self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    # -- opening records ---------------------------------------------------------------
    def _show_editor(self, shown: bool) -> None:
        self.editor_stack.setCurrentWidget(self.editor if shown else self.no_editor)
        self.editor_stack.setVisible(shown)

    def _editor_open(self) -> bool:
        return self.editor_stack.currentWidget() is self.editor

    def _then_switch(self, then: Callable[[], None]) -> bool:
        """Run ``then`` once the editor may show something else (asking first when it
        holds unsaved changes); True when it ran now."""
        if not self._editor_open():
            then()
            return True
        return self.editor.leave(then)

    def _row_chosen(self, current, previous) -> None:  # noqa: ANN001 - Qt indexes
        row = self.model.row_at(current.row())
        if row is None or row.id == self.editor.record_id():
            return
        if not self._then_switch(lambda: self._show_visit(row.id)):
            self._select_row_of(self.editor.record_id())

    def _show_visit(self, visit_id: str) -> None:
        if self.editor.load_visit(visit_id):
            self._show_editor(True)
            self._select_row_of(visit_id)

    def open_record(self, record_id: str) -> None:
        if self._stale:
            self.activate()
        if record_id.startswith("new:"):
            enterprise_id = record_id.split(":", 1)[1]
            self._then_switch(lambda: self._start_new(enterprise_id))
        elif record_id.startswith("draft:"):
            self._then_switch(lambda: self._open_draft(record_id.split(":", 1)[1]))
        elif record_id:
            self._then_switch(lambda: self._show_visit(record_id))

    def _open_draft(self, key: str) -> None:
        if self.editor.load_draft(key):
            self._show_editor(True)
            self._select_row_of(self.editor.record_id())

    def new_record(self) -> bool:
        self._then_switch(lambda: self._start_new(""))
        return True

    def _start_new(self, enterprise_id: str) -> None:
        self._select_row_of(None)
        self._show_editor(True)
        self.editor.start_new(enterprise_id=enterprise_id)

    def save_current(self) -> bool:
        if self.editor_stack.currentWidget() is not self.editor:
            return False
        return self.editor.save()

    def can_leave(self) -> bool:
        # Whatever is typed stays in the editor and in its draft.
        self.editor.flush_draft()
        return True

    # -- after background work ---------------------------------------------------------
    def on_data_changed(self, what: str) -> None:
        everything = what in ("", "all", "sync")  # a sync may have brought anything
        if what == "enterprise" or everything:
            self.enterprise_filter.invalidate()
            self.editor.enterprise.invalidate()
        if what == "officer" or everything:
            self._choices_loaded = False
        if what in ("visit", "enterprise", "officer") or everything:
            super().on_data_changed(what)

    def _saved(self, visit_id: str) -> None:
        self.undo_bar.hide()
        self.refresh()
        self._select_row_of(visit_id)

    def _deleted(self, visit_id: str) -> None:
        self._deleted_id = visit_id
        self.undo_text.setText(self.tr("The visit was deleted."))
        self.undo_bar.show()
        self._show_editor(False)
        self.refresh()

    def _undo_delete(self) -> None:
        visit_id = self._deleted_id
        if not visit_id:
            return
        self.undo_bar.hide()
        self._deleted_id = ""
        self.ctx.runner.submit(lambda: visits.undelete(record_id=visit_id), change="visit",
                               on_done=lambda _: self._undone(visit_id),
                               on_error=lambda exc: show_error(self, exc))

    def _undone(self, visit_id: str) -> None:
        self.refresh()
        self._show_visit(visit_id)

    def _editor_closed(self) -> None:
        self._show_editor(False)
        self._select_row_of(None)

    # -- state -------------------------------------------------------------------------
    def save_state(self) -> None:
        if not self.editor_stack.isVisible():
            return  # a hidden editor would be remembered as collapsed
        state = self.splitter.saveState().toBase64().data().decode("ascii")
        self.ctx.settings.splitter_states[SPLITTER_KEY] = state

    def restore_state(self) -> None:
        state = self.ctx.settings.splitter_states.get(SPLITTER_KEY)
        if state:
            self.splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))
            self.editor_stack.setVisible(self.editor_stack.currentWidget() is self.editor)
            sizes = self.splitter.sizes()
            if len(sizes) == 2 and sizes[1] == 0:
                self.splitter.setSizes([740, 500])
