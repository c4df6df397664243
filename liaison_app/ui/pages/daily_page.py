"""日报: daily reporting and dispatch (日上报、日调度).

Three tabs over one template and day: 填报, the officer's entry grid (one enterprise a line,
typed by keyboard, each line saved through the runner when the cursor leaves it); 调度, the
board of who reported and what went wrong; 趋势, the charts. The header chooses the template
and the day and holds the import, the printed summary, the Excel export and the templates.

Typing is never lost. The grid follows the editor contract (``ui.editor_contract``), one
"record" per template and day: the lines typed and not saved yet (the line being typed, a
line with a mistake, the cell still open) are drafted as they are typed, a refresh after a
sync keeps them, another day or template is shown only after the lines that can be saved are
saved and the contract has asked about the rest (保存 / 保留草稿 / 丢弃 / 继续编辑), and after a
crash the start-up offer puts them back on their day. Esc in an open cell undoes the cell;
Esc outside the cells puts the typed lines aside through the question.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.services import (
    daily_board,
    daily_reports,
    daily_templates,
    drafts,
    enterprises,
)
from liaison_app.core.services import requests as rq
from liaison_app.core.services.daily_board import Board
from liaison_app.core.services.daily_reports import EntryGrid, SavedReport
from liaison_app.core.services.daily_templates import Template
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.core.services.officers import CENTRE, LIAISON, current_role
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import EditorContract
from liaison_app.ui.errors import describe, show_error
from liaison_app.ui.models.daily_entry_model import DailyEntryModel, LineState, line_states
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.daily_board_view import DailyBoardView
from liaison_app.ui.widgets.daily_trend_view import DailyTrendView
from liaison_app.ui.widgets.entry_grid import EntryGridView
from liaison_app.ui.widgets.feedback import ERROR_COLOR

ENTRY, BOARD, TREND = 0, 1, 2
#: What other screens' changes make this page read again.
#: The entry grid's column widths (pixels): natural, and the least they give back to fit.
ENTERPRISE_WIDTH, ENTERPRISE_MIN = 220, 150
TEXT_WIDTH, TEXT_MIN = 180, 100
#: The last column (what is wrong with a line) stretches, from at least this.
PROBLEMS_WIDTH = 110
_RELOAD_ON = ("sync", "all", "enterprise", "report_template", "request", "daily_import")


class _Read(NamedTuple):
    """What a background refresh read, and for which header (template, day, town, grouping)."""

    templates: list[Template]
    towns: list[str]
    tab: int
    template_id: str
    day: dt.date
    town: str
    by: str
    #: The entry grid with its lines' states (tab ENTRY) or the board (tab BOARD); None
    #: without a template.
    sheet: tuple[EntryGrid, list[LineState]] | Board | None


class RequestFromReportDialog(QDialog):
    """The request (诉求) an anomaly or need becomes: its words, category and urgency."""

    def __init__(self, parent: QWidget | None, *, enterprise: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a request from the report"))
        self.setObjectName("requestFromReport")
        form = QFormLayout(self)
        form.addRow(self.tr("Enterprise"), QLabel(enterprise))
        self.description = QPlainTextEdit(text)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumSize(460, 120)
        form.addRow(self.tr("What the enterprise needs"), self.description)
        self.category = QComboBox()
        for code, label in rq.CATEGORY_LABELS.items():
            self.category.addItem(label.text(), code)
        self.category.setCurrentIndex(self.category.findData("other"))
        form.addRow(self.tr("Category"), self.category)
        self.urgency = QComboBox()
        for code, label in rq.URGENCY_LABELS.items():
            self.urgency.addItem(label.text(), code)
        form.addRow(self.tr("Urgency"), self.urgency)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record request"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DailyPage(Page):
    page_id = "daily"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.templates: list[daily_templates.Template] = []
        #: The template editor while it is open (one at a time; it follows syncs).
        self.template_dialog: Any = None
        #: The contract's 保存 waits for every line it saved.
        self._saving_all = False
        #: The day whose draft may still be on its way to the database when it was opened
        #: (offered once it is there, unless the officer has done anything there since).
        self._late_offer = ""
        self._stale_tabs: set[int] = {ENTRY, BOARD, TREND}
        #: The day it was when the header last looked (see ``follow_the_day``).
        self._today = clock.today()
        self._build()
        # A new laptop has no templates until its first sync: the ready ones are seeded (sent
        # to the server only from the centre's laptop, whose table it is).
        ctx.runner.submit(lambda: daily_templates.ensure_seeded(send=current_role() == CENTRE),
                          change="report_template")

    def title(self) -> str:
        return self.tr("Daily reports")

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        header, self.count_label = self.title_row()
        self.template_box = QComboBox(objectName="dailyTemplate")
        self.template_box.setMinimumContentsLength(10)
        self.template_box.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.day_edit = QDateEdit(objectName="dailyDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setDate(QDate(clock.today()))
        self.day_edit.setMaximumDate(QDate(clock.today()))
        self.day_edit.dateChanged.connect(lambda _d: self._sheet_changed())
        today = QPushButton(self.tr("Today"))
        today.clicked.connect(lambda: self.day_edit.setDate(QDate(clock.today())))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import the day's reports from an Excel or CSV "
                                              "sheet an enterprise or a town sent"))
        self.import_button.clicked.connect(lambda: self.import_sheet())
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.print_button.clicked.connect(lambda: self.print_summary())
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export_summary())
        self.templates_button = QPushButton(self.tr("Templates…"))
        self.templates_button.clicked.connect(lambda: self.edit_templates())
        for widget in (self.template_box, self.day_edit, today):
            header.addWidget(widget)
        header.addStretch(1)
        for button in (self.import_button, self.print_button, self.export_button,
                       self.templates_button):
            header.addWidget(button)
        outer.addLayout(header)

        self.tabs = QTabWidget(objectName="dailyTabs")
        self.tabs.addTab(self._build_entry(), self.tr("Entry"))
        self.board_view = DailyBoardView()
        self.board_view.grouping_changed.connect(lambda: self._load(BOARD))
        self.board_view.enterprise_chosen.connect(self.show_enterprise_trend)
        self.tabs.addTab(self.board_view, self.tr("Dispatch board"))
        self.trend_view = DailyTrendView()
        self.tabs.addTab(self.trend_view, self.tr("Trend"))
        self.tabs.currentChanged.connect(lambda i: self._load(i) if i in self._stale_tabs
                                         else None)
        outer.addWidget(self.tabs, 1)
        self.message = QLabel(objectName="dailyMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

    def _build_entry(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        actions = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Same as yesterday"))
        self.copy_button.setToolTip(self.tr(
            "Report the current line with yesterday's numbers and checks (Ctrl+D)"))
        self.copy_button.clicked.connect(lambda: self.copy_yesterday())
        self.request_button = QPushButton(self.tr("Anomaly → request…"))
        self.request_button.setToolTip(self.tr(
            "Record the current line's anomaly or need as a request (诉求)"))
        self.request_button.clicked.connect(lambda: self.make_request())
        self.save_button = QPushButton(self.tr("Save lines"))
        self.save_button.setToolTip(self.tr("Save every line typed and not yet saved (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_all())
        self.town_box = QComboBox(objectName="dailyTown")
        self.town_box.currentIndexChanged.connect(lambda _i: self._load(ENTRY))
        for widget in (self.copy_button, self.request_button, self.save_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.town_label = QLabel(self.tr("Town/street"))
        actions.addWidget(self.town_label)
        actions.addWidget(self.town_box)
        layout.addLayout(actions)
        self.entry_stack = QStackedWidget()
        self.model = DailyEntryModel(self)
        self.grid = EntryGridView()
        self.grid.setObjectName("dailyGrid")
        self.grid.setModel(self.model)
        self.grid.line_left.connect(lambda row: self.save_line(row))
        self.grid.width_changed.connect(self._fit_if_shown)
        self.model.typed_changed.connect(lambda _row: self.grid.changed.emit())
        self.contract = EditorContract(ctx=self.ctx, root=self.grid, adapter=self,
                                       kind=daily_reports.DRAFT_KIND,
                                       noun=self.tr("daily report entry"))
        self.contract.changed.connect(self._no_late_offer)
        layout.addWidget(self.contract.notice)
        self.entry_stack.addWidget(self.grid)
        self.entry_empty = QLabel(objectName="emptyState")
        self.entry_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry_empty.setWordWrap(True)
        self.entry_stack.addWidget(self.entry_empty)
        layout.addWidget(self.entry_stack, 1)
        self.entry_hint = QLabel(objectName="hint")
        self.entry_hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.entry_hint, 1)
        bottom.addWidget(self.contract.draft_label)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+D"), box, activated=lambda: self.copy_yesterday())
        return box

    # -- what is shown -----------------------------------------------------------------
    def template_id(self) -> str:
        return self.template_box.currentData() or ""

    def day(self) -> dt.date:
        return self.day_edit.date().toPython()

    def officer_scope(self) -> str:
        """An officer enters their own enterprises; the centre any (by town)."""
        if current_role() == LIAISON and self.ctx.settings.officer_id:
            return self.ctx.settings.officer_id
        return ""

    def refresh(self) -> None:
        self.supersede_reads()
        self.day_edit.setMaximumDate(QDate(clock.today()))
        self._fill_templates()
        self._fill_towns()
        self._stale_tabs = {ENTRY, BOARD, TREND}
        self._load(self.tabs.currentIndex())

    def refresh_in_background(self) -> None:
        """After a sync: the templates, the towns and the sheet or board shown are read on
        the runner (the entry grid of 2,000 enterprises takes about 0.1 s), then shown; lines
        being typed keep their typing (``DailyEntryModel.load``), the open cell too."""
        tab = self.tabs.currentIndex()
        if tab == TREND:
            self.refresh()  # the trend reads its own figures, once per scope chosen
            return
        template_id, day, scope = self.template_id(), self.day(), self.officer_scope()
        town, by = self.town_box.currentData() or "", self.board_view.grouping()
        # Every tab reads again when shown; the one shown now when the answer comes (a tab
        # read meanwhile drops that answer and stays marked for its own).
        self._stale_tabs = {ENTRY, BOARD, TREND}

        def read() -> _Read:
            found = daily_templates.list_templates()
            towns = [] if scope else enterprises.filter_choices()["town"]
            # The template the box will show: the same one, or the first (as _fill_templates).
            chosen = template_id if any(t.id == template_id for t in found) else (
                found[0].id if found else "")
            sheet: Any = None
            if chosen and tab == ENTRY:
                grid = daily_reports.entry_grid(template_id=chosen, day=day, officer_id=scope,
                                                town=town)
                sheet = (grid, line_states(grid))
            elif chosen:
                sheet = daily_board.board(template_id=chosen, day=day, by=by, officer_id=scope)
            return _Read(found, towns, tab, chosen, day, town, by, sheet)

        self.read_then(read, self._show_read)

    def _show_read(self, read: _Read) -> None:
        self.day_edit.setMaximumDate(QDate(clock.today()))
        self._fill_templates(read.templates)
        self._fill_towns(read.towns)
        tab = self.tabs.currentIndex()
        current = (tab, self.template_id(), self.day(), self.town_box.currentData() or "",
                   self.board_view.grouping())
        if read.sheet is None or current != (read.tab, read.template_id, read.day, read.town,
                                              read.by):
            self._load(tab)  # the header changed meanwhile: read what it now asks for
        elif tab == ENTRY:
            self._stale_tabs.discard(ENTRY)
            self._load_entry(*read.sheet)
        else:
            self._stale_tabs.discard(BOARD)
            self.board_view.show_board(read.sheet)

    def activate(self) -> None:
        first = self._stale and not self.templates
        self.follow_the_day()
        super().activate()
        if first and current_role() == CENTRE:
            self.tabs.setCurrentIndex(BOARD)

    def on_day_changed(self, was: dt.date) -> None:
        del was  # the page keeps the day its header last looked at (``activate`` asks too)
        self.follow_the_day()
        if not self.isVisible():
            self._stale = True

    def follow_the_day(self) -> None:
        """Past midnight the sheet that showed today moves on to the new today, so the
        morning's figures are not typed into yesterday's sheet; unless lines of it are being
        typed (they belong to the day they were typed for) or another day was chosen."""
        now = clock.today()
        if now == self._today:
            return
        was, self._today = self._today, now
        self.day_edit.setMaximumDate(QDate(now))
        typing = (self.contract.is_dirty() or bool(self.model.dirty_rows())
                  or self.grid.state() == QAbstractItemView.State.EditingState)
        if self.day() == was and not typing:
            self.day_edit.setDate(QDate(now))  # the header's own path: saved, then shown

    def _fill_templates(self, found: list[Template] | None = None) -> None:
        current = self.template_id()
        self.templates = daily_templates.list_templates() if found is None else found
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for t in self.templates:
            label = t.name if t.active else self.tr("{name} (not in use)").format(name=t.name)
            self.template_box.addItem(label, t.id)
        index = self.template_box.findData(current) if current else 0
        self.template_box.setCurrentIndex(max(index, 0))
        self.template_box.blockSignals(False)
        centre = current_role() == CENTRE
        self.templates_button.setText(self.tr("Templates…") if centre
                                      else self.tr("View templates…"))

    def _fill_towns(self, towns: list[str] | None = None) -> None:
        scoped = bool(self.officer_scope())
        self.town_box.setVisible(not scoped)
        self.town_label.setVisible(not scoped)
        if scoped:
            return
        current = self.town_box.currentData()
        self.town_box.blockSignals(True)
        self.town_box.clear()
        self.town_box.addItem(self.tr("All"), "")
        for town in enterprises.filter_choices()["town"] if towns is None else towns:
            self.town_box.addItem(town, town)
        self.town_box.setCurrentIndex(max(self.town_box.findData(current or ""), 0))
        self.town_box.blockSignals(False)

    def _set_header(self, template_id: str, day: dt.date) -> None:
        """Show ``template_id`` and ``day`` in the header without it counting as a choice."""
        for widget in (self.template_box, self.day_edit):
            widget.blockSignals(True)
        self.template_box.setCurrentIndex(max(self.template_box.findData(template_id), 0))
        self.day_edit.setDate(QDate(day))
        for widget in (self.template_box, self.day_edit):
            widget.blockSignals(False)

    def _sheet_changed(self) -> None:
        """Another template or day was chosen in the header: the lines of the one shown are
        saved first, and the contract asks about those that cannot be."""
        target = (self.template_id(), self.day())
        shown = self._sheet() if self.model.grid is not None else None

        def show() -> None:
            self._set_header(*target)
            self._stale_tabs = {ENTRY, BOARD, TREND}
            self._load(self.tabs.currentIndex())

        if shown is None or shown == target:
            show()
        elif not self._leave_sheet(show):
            self._set_header(*shown)  # the officer stays (after 保存, ``show`` runs then)

    def _leave_sheet(self, then: Callable[[], None]) -> bool:
        """Before the grid shows another template or day: lines that can be saved are saved
        (the grid's rule), and the contract asks about what still cannot be (a mistake in a
        cell). True when ``then`` has run."""
        self.grid.commit_open_cell()
        self.save_all()
        return self.contract.leave(then)

    def _go_to_sheet(self, template_id: str, day: dt.date, *,
                     then: Callable[[], None] | None = None, all_towns: bool = False) -> bool:
        """Show the entry grid of ``template_id`` on ``day`` (asking first when another one
        holds typing), then run ``then``. False when the template is not on this computer."""
        if not self.templates:
            self.refresh()
        if self.template_box.findData(template_id) < 0:
            return False

        def show() -> None:
            self._set_header(template_id, day)
            if all_towns and self.town_box.currentData():
                self.town_box.blockSignals(True)
                self.town_box.setCurrentIndex(0)
                self.town_box.blockSignals(False)
            self._stale_tabs = {ENTRY, BOARD, TREND}
            self.tabs.setCurrentIndex(ENTRY)
            if ENTRY in self._stale_tabs:
                self._load(ENTRY)
            if then is not None:
                then()

        shown = self._sheet() if self.model.grid is not None else None
        if shown == (template_id, day):
            show()
        else:
            self._leave_sheet(show)
        return True

    def _load(self, tab: int) -> None:
        self.supersede_reads()  # read now: an answer still on its way is older
        self._stale_tabs.discard(tab)
        if not self.template_id():
            return
        if tab == ENTRY:
            self._load_entry()
        elif tab == BOARD:
            self.board_view.show_board(daily_board.board(
                template_id=self.template_id(), day=self.day(),
                by=self.board_view.grouping(), officer_id=self.officer_scope()))
        else:
            self.trend_view.set_scopes(towns=enterprises.filter_choices()["town"])
            self.trend_view.show_trend(template_id=self.template_id(), end=self.day())

    def _load_entry(self, grid: EntryGrid | None = None,
                    states: list[LineState] | None = None) -> None:
        # The last keystrokes go to their own day's draft before anything else is shown
        # (a sync that removed the template shown moves the grid on without asking).
        self.contract.flush_draft()
        if grid is None:
            grid = daily_reports.entry_grid(template_id=self.template_id(), day=self.day(),
                                            officer_id=self.officer_scope(),
                                            town=self.town_box.currentData() or "")
        shown = self.model.grid
        same_sheet = shown is not None and (shown.template.id, shown.day) == (
            grid.template.id, grid.day)
        editing = self._commit_open_cell() if same_sheet else None
        self.model.load(grid, states)
        self._reopen_cell(editing)
        self._fit_columns()
        template = grid.template
        if not self.model.lines:
            if grid.version is None or not template.covers(grid.day):
                text = self.tr("{name} is not reported on {date}: the day is outside its "
                               "reporting period.").format(name=template.name,
                                                           date=grid.day.isoformat())
            elif self.officer_scope():
                text = self.tr("None of your enterprises is asked to report {name}.").format(
                    name=template.name)
            else:
                text = self.tr("No enterprise is asked to report {name}.").format(
                    name=template.name)
            if not template.active:
                text += "\n" + self.tr(
                    "This template is not in use; the service centre starts it under "
                    "Templates….")
            self.entry_empty.setText(text)
            self.entry_stack.setCurrentWidget(self.entry_empty)
        else:
            self.entry_stack.setCurrentWidget(self.grid)
        done = sum(1 for s in self.model.lines if s.saved is not None)
        self.count_label.setText(self.tr("{done} of {n} reported").format(
            done=done, n=len(self.model.lines)))
        hint = self.tr("Type into a cell; Tab or Enter moves on, and a line is saved when you "
                       "leave it. Checks: 是/否 or 1/0.")
        if not template.due_on(grid.day) and self.model.lines:
            hint = self.tr("{name} is not in use: lines can still be entered, but nobody is "
                           "reminded.").format(name=template.name) + " " + hint
        self.entry_hint.setText(hint)
        key = daily_reports.sheet_id(template_id=template.id, day=grid.day)
        if self.contract.record_id != key or not self.contract.is_open():
            # A draft of this day is offered in the contract's notice bar.
            self.contract.open_record(key)
            self._late_offer = "" if self.contract.notice.isVisible() else key
        # The days with drafts are read on the database worker, after the drafts still
        # queued there (the last keystrokes before the day was changed) are written.
        sheet = (template.id, grid.day)
        self.ctx.runner.submit(lambda: daily_reports.days_with_typing(template_id=sheet[0]),
                               on_done=lambda days: self._days_with_typing(sheet, hint, days))

    def _days_with_typing(self, sheet: tuple[str, dt.date], hint: str,
                          days: list[dt.date]) -> None:
        if self._sheet() != sheet:
            return  # another day is shown by now
        key = daily_reports.sheet_id(template_id=sheet[0], day=sheet[1])
        if sheet[1] in days and self._late_offer == key and self.contract.record_id == key \
                and not self.contract.is_dirty() and not self.model.dirty_rows():
            # Its draft was still being written when the day was opened: offer it now.
            self.contract.open_record(key)
        self._late_offer = ""
        other = [d for d in days if d != sheet[1]]
        if other:
            hint += " " + self.tr("Unsaved lines are kept for: {days}.").format(
                days="、".join(d.isoformat() for d in other))
        self.entry_hint.setText(hint)

    def _commit_open_cell(self) -> tuple[str, int] | None:
        """A cell being typed in keeps its text through a reload: it is put into its line
        (typing, kept and drafted like any other) and the cell is opened again after.
        Returns (enterprise id, column) of the open cell."""
        if self.grid.state() != QAbstractItemView.State.EditingState:
            return None
        index = self.grid.currentIndex()
        editor = self.grid.indexWidget(index) or QApplication.focusWidget()
        if not index.isValid() or editor is None or not self.grid.isAncestorOf(editor):
            return None
        self.grid.commitData(editor)
        return self.model.state(index.row()).line.enterprise.id, index.column()

    def _reopen_cell(self, editing: tuple[str, int] | None) -> None:
        if editing is None:
            return
        row = self.model.row_of(editing[0])
        if row < 0:
            return
        index = self.model.index(row, editing[1])
        self.grid.setCurrentIndex(index)
        self.grid.edit(index)
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit) and self.grid.isAncestorOf(editor):
            editor.deselect()
            editor.end(False)

    def _fit_if_shown(self) -> None:
        if self.model.grid is not None:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Field names wrap onto two lines and the columns share the grid's width, so a
        dozen fields fit a 1280-pixel screen without scrolling sideways."""
        header = self.grid.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = header.fontMetrics()
        last = self.model.problems_column()
        widths = {0: ENTERPRISE_WIDTH, 1: 104}
        for column in range(2, last):
            f = self.model.fields[column - 2]
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            half = metrics.horizontalAdvance(text) // 2 + 18
            widths[column] = TEXT_WIDTH if f.kind == "text" else max(64, min(120, half))
        room = self.grid.viewport().width()
        if room > 200:  # laid out: give back width, text first, then the names, then numbers
            excess = sum(widths.values()) + PROBLEMS_WIDTH - room
            order = ([(c, TEXT_MIN) for c in range(2, last)
                      if self.model.fields[c - 2].kind == "text"]
                     + [(0, ENTERPRISE_MIN)]
                     + [(c, 56) for c in range(2, last)
                        if self.model.fields[c - 2].kind != "text"])
            for column, floor in order:
                if excess <= 0:
                    break
                cut = min(excess, max(0, widths[column] - floor))
                widths[column] -= cut
                excess -= cut
        for column, width in widths.items():
            header.resizeSection(column, width)
        # Narrowed field names take a third line rather than being cut.
        lines = 3 if any(widths[c] < 64 for c in range(2, last)) else 2
        header.setMinimumHeight(metrics.height() * lines + 10)
        header.setMinimumSectionSize(40)
        header.setStretchLastSection(True)

    def on_data_changed(self, what: str) -> None:
        dialog = self.template_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible() and (
                what in ("sync", "all", "report_template") or what.startswith("sync")):
            dialog.refresh()  # never over unsaved typing: the editor contract sees to it
        if what == "daily_report":
            # The grid already shows its own saves; the board and the trend read again.
            self._stale_tabs |= {BOARD, TREND}
            if self.isVisible() and self.tabs.currentIndex() != ENTRY:
                self._load(self.tabs.currentIndex())
            return
        if what in _RELOAD_ON or what.startswith("sync"):
            super().on_data_changed(what)

    # -- entering ----------------------------------------------------------------------
    def _sheet(self) -> tuple[str, dt.date]:
        """The template and day of the lines shown (the header may already show the next)."""
        grid = self.model.grid
        if grid is None:
            return self.template_id(), self.day()
        return grid.template.id, grid.day

    def _current_row(self) -> int:
        index = self.grid.currentIndex()
        return index.row() if index.isValid() else -1

    def _no_late_offer(self) -> None:
        """Typed, saved or put back since the day was opened: its draft, if any, is what the
        officer has now, not something to offer."""
        self._late_offer = ""

    def _draft_now(self) -> None:
        """A line was saved or refused: the sheet's draft says so at once (typing waits for
        the contract's pause)."""
        template_id, day = self._sheet()
        if self.contract.record_id == daily_reports.sheet_id(template_id=template_id, day=day):
            self.contract.write_draft()

    def save_line(self, row: int, *, confirm: bool = False) -> bool:
        """Save line ``row`` if it holds typing; False when a cell does not parse."""
        if not 0 <= row < len(self.model.lines):
            return True
        state = self.model.state(row)
        if not state.dirty or state.saving:
            return True
        values, bad = state.values()
        if bad:
            self.model.set_findings(row, bad)
            return False
        sent = dict(state.typed)
        ent = state.line.enterprise
        template_id, day = self._sheet()
        self.model.set_saving(row, True)
        self._no_late_offer()

        def work() -> Any:
            rec = daily_reports.save_report(template_id=template_id, enterprise_id=ent.id,
                                            day=day, values=values, confirm=confirm)
            return SavedReport.of(rec)

        rid = state.line.report_id
        self.ctx.runner.submit(work, change="daily_report",
                               on_done=lambda saved: self._saved(ent.id, saved, sent),
                               on_error=lambda exc: self._save_failed(
                                   ent.id, rid, exc, confirm=confirm, typed=sent,
                                   sheet=(template_id, day, ent.name)))
        return True

    def _saved(self, enterprise_id: str, saved: SavedReport, sent: dict[str, str]) -> None:
        row = self.model.row_of(enterprise_id)
        if row < 0 or self.model.state(row).line.report_id != saved.id:
            return  # another day or template is shown now; it is read afresh when shown
        self.model.mark_saved(row, saved, sent)
        state = self.model.state(row)
        if state.typed and self._current_row() != row:
            # Typed on while it was being saved (kept, drafted): saved too once left.
            self.save_line(row)
        self._draft_now()
        self._finish_save_all()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved {name}.").format(name=state.line.enterprise.name))
        done = sum(1 for s in self.model.lines if s.saved is not None)
        self.count_label.setText(self.tr("{done} of {n} reported").format(
            done=done, n=len(self.model.lines)))

    def _save_failed(self, enterprise_id: str, report_id: str, exc: BaseException, *,
                     confirm: bool = False, typed: dict[str, str] | None = None,
                     sheet: tuple[str, dt.date, str] | None = None) -> None:
        """A line's save was refused or failed; ``sheet`` is its template, day and
        enterprise name, ``typed`` what was typed in it."""
        try:
            self._report_failure(enterprise_id, report_id, exc, confirm=confirm, typed=typed,
                                 sheet=sheet)
        finally:
            self._finish_save_all()

    def _report_failure(self, enterprise_id: str, report_id: str, exc: BaseException, *,
                        confirm: bool, typed: dict[str, str] | None,
                        sheet: tuple[str, dt.date, str] | None) -> None:
        row = self.model.row_of(enterprise_id)
        if row < 0 or self.model.state(row).line.report_id != report_id:
            # Another day is shown now: the line waits in its own day's draft.
            if sheet is not None and typed:
                self._keep_elsewhere(sheet, enterprise_id, typed)
            self.message.setStyleSheet(f"color:{ERROR_COLOR};")
            self.message.setText(self.tr(
                "A line of an earlier screen was not saved: {problem} It is kept; open its "
                "day again to finish it.").format(problem=describe(exc)))
            return
        self.model.set_saving(row, False)
        self._draft_now()  # typed and not saved: back into the draft at once
        if isinstance(exc, ValidationFailed):
            if not exc.errors and not confirm and self.confirm_warnings(row, exc):
                self.save_line(row, confirm=True)
                return
            self.model.set_findings(row, exc.findings)
            name = self.model.state(row).line.enterprise.name
            self.message.setStyleSheet(f"color:{ERROR_COLOR};")
            self.message.setText(self.tr("{name} was not saved: {problem}").format(
                name=name, problem=exc.findings[0].message.text()))
            return
        self.message.setStyleSheet(f"color:{ERROR_COLOR};")
        self.message.setText(describe(exc))

    def confirm_warnings(self, row: int, exc: ValidationFailed) -> bool:
        """Ask whether the warnings of line ``row`` are right (more people than employees)."""
        name = self.model.state(row).line.enterprise.name
        answer = QMessageBox.question(
            self, self.tr("Please confirm"),
            self.tr("{name}: {problems}\n\nSave the line as it is?").format(
                name=name, problems="\n".join(f.message.text() for f in exc.warnings)))
        return answer == QMessageBox.StandardButton.Yes

    def _keep_elsewhere(self, sheet: tuple[str, dt.date, str], enterprise_id: str,
                        typed: dict[str, str]) -> None:
        """A line of a day no longer shown was refused: its typing goes into that day's
        draft (queued after the drafts written when the day was left, so none drops it)."""
        template_id, day, name = sheet
        title = self._sheet_title(template_id, day, [name])
        self.ctx.runner.submit(lambda: daily_reports.keep_line(
            template_id=template_id, day=day, enterprise_id=enterprise_id, typed=typed,
            title=title))

    def save_all(self) -> bool:
        rows = self.model.dirty_rows()
        for row in rows:
            self.save_line(row)
        return bool(rows)

    def save_current(self) -> bool:
        self.grid.commit_open_cell()
        self.save_all()
        return True

    def can_leave(self) -> bool:
        # Lines are saved; those that cannot be yet stay in the grid and in its draft (the
        # next start offers them back): nothing to ask.
        self.grid.commit_open_cell()
        self.save_all()
        self.contract.flush_draft()
        return True

    def copy_yesterday(self, row: int | None = None) -> None:
        row = self._current_row() if row is None else row
        if row < 0:
            self.message.setText(self.tr("Choose a line first."))
            return
        state = self.model.state(row)
        ent = state.line.enterprise
        if state.line.yesterday is None:
            self.message.setText(self.tr("{name} reported nothing yesterday, so there is "
                                         "nothing to copy.").format(name=ent.name))
            return
        sent = {k: v for k, v in state.typed.items()
                if (f := state.field(k)) is not None and f.kind != "text"}
        template_id, day = self._sheet()
        typed = dict(state.typed)
        self.model.set_saving(row, True)
        self._no_late_offer()

        def work() -> Any:
            rec = daily_reports.copy_yesterday(template_id=template_id, enterprise_id=ent.id,
                                               day=day)
            return SavedReport.of(rec)

        rid = state.line.report_id
        self.ctx.runner.submit(work, change="daily_report",
                               on_done=lambda saved: self._saved(ent.id, saved, sent),
                               on_error=lambda exc: self._save_failed(
                                   ent.id, rid, exc, typed=typed,
                                   sheet=(template_id, day, ent.name)))
        next_row = self.grid.first_field(row + 1)
        if next_row.isValid():
            self.grid.setCurrentIndex(next_row)

    def make_request(self, row: int | None = None) -> None:
        row = self._current_row() if row is None else row
        if row < 0:
            self.message.setText(self.tr("Choose a line first."))
            return
        state = self.model.state(row)
        ent = state.line.enterprise
        if state.saved is None or state.dirty:
            self.message.setText(self.tr("Save the line of {name} first; the request is made "
                                         "from what was reported.").format(name=ent.name))
            return
        if state.saved.request_id:
            self.message.setText(self.tr("A request was already made from this report."))
            return
        text = daily_reports.request_text(report_id=state.saved.id)
        dialog = RequestFromReportDialog(self, enterprise=ent.name, text=text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        description = dialog.description.toPlainText().strip()
        category, urgency = dialog.category.currentData(), dialog.urgency.currentData()
        report_id = state.saved.id
        self.ctx.runner.submit(
            lambda: daily_reports.make_request(report_id=report_id, description=description,
                                               category=category, urgency=urgency),
            change="request", on_done=lambda _req: self._request_made(ent.name),
            on_error=lambda exc: show_error(self, exc))

    def _request_made(self, name: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("A request of {name} was recorded; it is on the requests "
                                     "page.").format(name=name))

    def open_record(self, record_id: str) -> None:
        """``template_id:enterprise_id`` (from 工作台's reminders): today's line to enter;
        ``draft:daily_entry:<sheet>``: lines typed and not saved, back on their day;
        ``draft:<key>``: a report template's draft, in the template editor."""
        if record_id.startswith(f"draft:{daily_reports.DRAFT_KIND}:"):
            self._open_sheet_draft(record_id.split(":", 1)[1])
            return
        if record_id.startswith("draft:"):
            self.edit_templates(draft_key=record_id.split(":", 1)[1])
            return
        template_id, _, enterprise_id = record_id.partition(":")

        def focus_line() -> None:
            row = self.model.row_of(enterprise_id)
            if row >= 0:
                self.grid.setFocus()
                self.grid.setCurrentIndex(self.grid.first_field(row))
                self.grid.scrollTo(self.grid.currentIndex())

        self._go_to_sheet(template_id, clock.today(), then=focus_line)

    def _open_sheet_draft(self, key: str) -> None:
        """Put the lines of a draft back on their template and day (after a crash)."""
        sheet = daily_reports.parse_sheet_id(drafts.record_id_of(key))

        def put_back() -> None:
            self._no_late_offer()
            if not self.contract.open_draft(key):
                return
            rows = self.model.unsaved_rows()
            if rows:
                self.grid.setFocus()
                self.grid.setCurrentIndex(self.grid.first_field(rows[0]))
                self.grid.scrollTo(self.grid.currentIndex())

        if sheet is None or not self._go_to_sheet(*sheet, then=put_back, all_towns=True):
            self.message.setStyleSheet(f"color:{ERROR_COLOR};")
            self.message.setText(self.tr(
                "These typed lines belong to a daily report template that is no longer on "
                "this computer, so they cannot be shown. They are offered at every start "
                "until you discard them there."))

    # -- the editor contract's adapter -------------------------------------------------
    def editor_payload(self) -> dict[str, Any]:
        grid = self.model.grid
        if grid is None:
            return {}
        lines = self.model.typed_lines()
        cell = self.grid.open_cell()
        if cell is not None:
            row, column, text = cell
            key = self.model.key_of(column)
            if key and 0 <= row < len(self.model.lines):
                state = self.model.state(row)
                if not state.saving and text != state.text(key):
                    lines.setdefault(state.line.enterprise.id, dict(state.typed))[key] = text
        return daily_reports.sheet_payload(template_id=grid.template.id, day=grid.day,
                                           lines=lines)

    def show_payload(self, payload: dict[str, Any]) -> None:
        self.model.put_typed(daily_reports.typed_lines(payload))

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        sheet = daily_reports.parse_sheet_id(record_id)
        if sheet is None:
            return None
        try:
            daily_templates.get_template(template_id=sheet[0])
        except NotFound:
            return None
        # What is stored is the reports themselves; the draft holds only typing.
        return daily_reports.sheet_payload(template_id=sheet[0], day=sheet[1], lines={})

    def _sheet_title(self, template_id: str, day: dt.date, names: list[str]) -> str:
        template = next((t.name for t in self.templates if t.id == template_id), "")
        shown = "、".join(names[:3])
        if len(names) > 3:
            shown = self.tr("{names} and {n} more").format(names=shown, n=len(names) - 3)
        return self.tr("{template} {date}: {enterprises}").format(
            template=template, date=day.isoformat(), enterprises=shown)

    def draft_title(self) -> str:
        template_id, day = self._sheet()
        typed = self.editor_payload().get("lines") or {}
        names = [s.line.enterprise.name for s in self.model.lines
                 if s.line.enterprise.id in typed]
        return self._sheet_title(template_id, day, names)

    def start_save(self) -> None:
        """The contract's 保存: every typed line is saved; what cannot be stays, in red."""
        self.grid.commit_open_cell()
        self.save_all()
        if self.model.unsaved_rows():
            self.contract.save_failed()
            self.message.setStyleSheet(f"color:{ERROR_COLOR};")
            self.message.setText(self.tr("Correct the cells marked in red first, or empty "
                                         "them."))
            return
        self._saving_all = True
        self._finish_save_all()

    def _finish_save_all(self) -> None:
        if not self._saving_all or any(s.saving for s in self.model.lines):
            return
        self._saving_all = False
        if self.model.unsaved_rows():
            self.contract.save_failed()
        elif self.contract.record_id:
            self.contract.saved(self.contract.record_id)

    def close_editor(self) -> None:
        """Esc outside the cells (through the question): the typed lines go back to what is
        stored; a kept draft is offered in the notice once the runner has written it."""
        with self.contract.loading():
            self.model.put_typed({})
        key = self.contract.record_id
        self.ctx.runner.submit(lambda: None, on_done=lambda _r: self._reopen(key))

    def _reopen(self, key: str | None) -> None:
        template_id, day = self._sheet()
        if key and self.contract.is_valid() and not self.contract.is_open() and \
                key == daily_reports.sheet_id(template_id=template_id, day=day):
            self.contract.open_record(key)

    # -- header actions ----------------------------------------------------------------
    def show_enterprise_trend(self, enterprise_id: str) -> None:
        name = next((b.name for b in (self.board_view.board.lines if self.board_view.board
                                      else []) if b.enterprise_id == enterprise_id), "")
        # The tab first: showing a stale trend tab reads it for the county, and the
        # enterprise chosen must come after that, not be replaced by it.
        self.tabs.setCurrentIndex(TREND)
        if TREND in self._stale_tabs:
            self._load(TREND)
        self.trend_view.set_scopes(towns=enterprises.filter_choices()["town"],
                                   enterprise=(enterprise_id, name))
        self.trend_view.refresh()

    def print_summary(self, path: str = "") -> None:
        self._write_summary(path, title=self.tr("Save the day's summary"), suffix="pdf",
                            kinds="PDF (*.pdf)",
                            write=lambda board, out: daily_board.print_summary(
                                b=board, out=out, organisation=rq.load_config().organisation))

    def export_summary(self, path: str = "") -> None:
        self._write_summary(path, title=self.tr("Export the day's summary"), suffix="xlsx",
                            kinds="Excel (*.xlsx)",
                            write=lambda board, out: daily_board.export_xlsx(b=board, path=out))

    def _write_summary(self, path: str, *, title: str, suffix: str, kinds: str,
                       write: Callable[[Board, str], object]) -> None:
        """The day's board written to a file the person chooses (unless ``path`` is given),
        read and written on the runner."""
        if not self.template_id():
            return
        day, template_id = self.day(), self.template_id()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, title,
                str(Path.home() / f"{self.template_box.currentText()}-{day:%Y%m%d}.{suffix}"),
                kinds)
        if not path:
            return
        by = self.board_view.grouping()
        self.ctx.runner.submit(
            lambda: write(daily_board.board(template_id=template_id, day=day, by=by), path),
            on_done=lambda _r: self._written(path), on_error=lambda e: show_error(self, e))

    def _written(self, path: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved {path}").format(path=path))
        self.last_written = path

    def import_sheet(self, path: str = "") -> Any:
        from liaison_app.ui.dialogs.daily_import_dialog import DailyImportDialog

        if not self.template_id():
            return None
        dialog = DailyImportDialog(self.ctx, template_id=self.template_id(), day=self.day(),
                                   template_name=self.template_box.currentText(), parent=self)
        path = path or dialog.choose_file()
        if not path:
            return None
        dialog.imported.connect(lambda n: self.message.setText(
            self.tr("{n} reports imported.").format(n=n)))
        dialog.load(path)
        dialog.open()
        return dialog

    def edit_templates(self, *, template_id: str = "", draft_key: str = "") -> Any:
        """The template editor (one window: opened again, it shows ``template_id`` after
        asking about unsaved changes)."""
        from liaison_app.ui.dialogs.daily_template_dialog import DailyTemplateDialog

        dialog = self.template_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            if template_id:
                dialog.show_template(template_id)
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.deleteLater()  # closed before: a new window reads the templates afresh
        dialog = DailyTemplateDialog(self.ctx, template_id=template_id or self.template_id(),
                                     draft_key=draft_key, parent=self)
        self.template_dialog = dialog
        dialog.open()
        return dialog
