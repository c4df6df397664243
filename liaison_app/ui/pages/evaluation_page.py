"""测评: satisfaction evaluation rounds, entering returned sheets, results and follow-up.

The rounds are listed on the left; the tabs on the right show the selected round: its
settings (the centre edits them), the keyboard grid for entering paper sheets, the results
with charts, and the low scores and comments to follow up. The centre creates, opens and
closes rounds and prints the sheets; an officer enters the sheets of their enterprises; a
viewer reads results.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import departments, drafts, evaluation_print, printing
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from liaison_app.core.services.officers import CENTRE, VIEWER, current_role
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from liaison_app.ui.errors import show_error
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.evaluation_results_view import FollowUpView, ResultsView
from liaison_app.ui.widgets.round_editor import RoundEditor
from liaison_app.ui.widgets.score_grid import KIND as GRID_KIND
from liaison_app.ui.widgets.score_grid import ScoreGrid

ROLE = Qt.ItemDataRole.UserRole
TAB_SETTINGS, TAB_ENTRY, TAB_RESULTS, TAB_FOLLOW = range(4)
#: Pictures the QR code can be read from.
PICTURES = "*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp"


class EvaluationPage(Page):
    page_id = "satisfaction"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.round_id = ""
        self.role = current_role()
        self._rows: list[ev.RoundRow] = []
        self._dialogs: list[QWidget] = []
        self._selecting = False
        self._started = False
        #: Round id -> enterprise id -> phone link issued this session. Only in memory: a
        #: working link is the key to an enterprise's scoring and is never written to disk.
        self._phone_links: dict[str, dict[str, str]] = {}
        self._build()
        # Units come from the directory: a new device seeds it (sent only by the centre).
        ctx.runner.submit(lambda: departments.ensure_seeded(send=current_role() == CENTRE),
                          change="department")

    def title(self) -> str:
        return self.tr("Satisfaction")

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        header, self.count_label = self.title_row()
        header.addStretch(1)
        self.new_button = QPushButton(self.tr("New round"), objectName="newRound")
        self.new_button.clicked.connect(lambda: self.new_record())
        self.open_button = QPushButton(self.tr("Open for scoring"), objectName="openRound")
        self.open_button.clicked.connect(lambda: self.set_status("open"))
        self.close_button = QPushButton(self.tr("Close the round"), objectName="closeRound")
        self.close_button.clicked.connect(lambda: self.set_status("closed"))
        self.print_button = QPushButton(self.tr("Print the sheets…"), objectName="printSheets")
        self.print_button.clicked.connect(lambda: self.print_sheets())
        self.scan_button = QPushButton(self.tr("Open a sheet from its photo…"),
                                       objectName="scanSheet")
        self.scan_button.clicked.connect(lambda: self.open_photo())
        self.phone_button = QPushButton(self.tr("Phone links…"), objectName="phoneLinksButton")
        self.phone_button.setToolTip(self.tr(
            "Issue, show, copy and print the links enterprises score with on their phones"))
        self.phone_button.clicked.connect(lambda: self.phone_links())
        for b in (self.new_button, self.open_button, self.close_button, self.print_button,
                  self.phone_button, self.scan_button):
            header.addWidget(b)
        outer.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.rounds = QTableWidget(0, 3, objectName="roundList")
        self.rounds.setHorizontalHeaderLabels([self.tr("Round"), self.tr("Date"),
                                               self.tr("Sheets")])
        self.rounds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rounds.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rounds.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rounds.verticalHeader().hide()
        self.rounds.setWordWrap(True)
        head = self.rounds.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.rounds.currentCellChanged.connect(self._round_changed)
        ll.addWidget(self.rounds, 1)
        self.empty_label = QLabel(objectName="emptyRounds")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color:#666;")
        ll.addWidget(self.empty_label)
        splitter.addWidget(left)

        self.tabs = QTabWidget(objectName="evaluationTabs")
        self.editor = RoundEditor(self.ctx)
        self.editor.saved.connect(self._round_saved)
        self.editor.closed.connect(self._round_closed)
        self.grid = ScoreGrid(self.ctx)
        self.grid.phone_link_requested.connect(lambda ent: self.phone_links(enterprise_id=ent))
        self.results = ResultsView(self.ctx)
        self.results.export_requested.connect(lambda: self.export())
        self.results.report_requested.connect(lambda: self.print_report())
        self.follow = FollowUpView(self.ctx)
        self.tabs.addTab(self.editor, self.tr("Settings"))
        self.tabs.addTab(self.grid, self.tr("Enter sheets"))
        self.tabs.addTab(self.results, self.tr("Results"))
        self.tabs.addTab(self.follow, self.tr("Follow-up"))
        self.tabs.currentChanged.connect(self._tab_changed)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1050])
        self.splitter = splitter
        outer.addWidget(splitter, 1)
        self.message = QLabel(objectName="pageMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

    # -- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.role = current_role()
        self._rows = ev.list_rounds()
        self._selecting = True
        self.rounds.setRowCount(len(self._rows))
        keep = -1
        for r, row in enumerate(self._rows):
            status = ev.STATUS_LABELS[row.status].text()
            name = QTableWidgetItem(f"{row.name}\n{status}" + (
                self.tr(" · anonymous") if row.anonymous else ""))
            name.setData(ROLE, row.id)
            self.rounds.setItem(r, 0, name)
            self.rounds.setItem(r, 1, QTableWidgetItem(row.held_on.isoformat()))
            self.rounds.setItem(r, 2, QTableWidgetItem(str(row.sheets)))
            if row.id == self.round_id:
                keep = r
        self.rounds.resizeRowsToContents()
        self._selecting = False
        self.count_label.setText(self.tr("{n} rounds").format(n=len(self._rows)))
        centre = self.role == CENTRE
        if not self._rows:
            self.empty_label.setText(
                self.tr("No evaluation round yet. Start one with “New round”.") if centre else
                self.tr("No evaluation round yet. The service centre sets rounds up; they "
                        "arrive here with the next sync."))
        self.empty_label.setVisible(not self._rows)
        first_time, self._started = not self._started, True
        editor = self.editor
        if editor.contract.is_open() and editor.record_id is None:
            self._select_round("")  # a new round being set up stays on screen
        elif keep >= 0:
            self._show_round(self.round_id, reload_editor=False)
        elif self.round_id:
            # The round shown was deleted (by a sync): typing stays until it is discarded.
            if editor.contract.refresh() == "gone":
                self._round_closed()
        elif first_time and self._rows:
            self._show_round(self._rows[0].id, reload_editor=True)
        elif first_time and centre:
            editor.set_read_only(False)
            editor.new()
        self._update_actions()

    def _select_round(self, round_id: str) -> None:
        """Mark ``round_id``'s row (none for "") without it counting as a choice."""
        self._selecting = True
        row = next((r for r, x in enumerate(self._rows) if x.id == round_id), -1)
        if row >= 0:
            self.rounds.setCurrentCell(row, 0)
        else:
            self.rounds.clearSelection()
            self.rounds.setCurrentCell(-1, -1)
        self._selecting = False

    def _round_changed(self, row: int, _c: int, _previous: int, _pc: int) -> None:
        if self._selecting or row < 0 or row >= len(self._rows):
            return
        target = self._rows[row].id
        if target == self.round_id and self.editor.record_id == target:
            return
        self._leave_then(lambda: self._show_round(target, reload_editor=True))

    def _leave_then(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the round editor and the grid may show something else; the
        list goes back to the round shown when the officer stays (or saves first)."""

        def after_editor() -> None:
            if not self.grid.leave(then):
                self._select_round(self.round_id)

        if not self.editor.contract.leave(after_editor):
            self._select_round(self.round_id)

    def _show_round(self, round_id: str, *, reload_editor: bool) -> None:
        if reload_editor or self.editor.record_id != round_id:
            if not self.editor.load(round_id):
                self._round_closed()
                return
        elif self.editor.contract.refresh() == "gone":
            self._round_closed()
            return
        self._round_state(round_id)

    def _round_state(self, round_id: str) -> None:
        """What goes with the round shown besides its fields: the list, the grid, the tabs."""
        self.round_id = round_id
        self._select_round(round_id)
        writable = self.role != VIEWER
        self.grid.set_round(round_id, writable=writable)
        self.editor.set_read_only(
            self.role != CENTRE,
            reason=self.tr("Only the service centre sets up rounds; you see how this one is "
                           "set up."))
        self._refresh_tab()
        self._update_actions()

    def _round_closed(self) -> None:
        """No round is shown (closed with Esc or 关闭, or deleted)."""
        self.editor.contract.forget()
        self.editor.stack.setCurrentIndex(0)
        self.round_id = ""
        self._select_round("")
        self._update_actions()

    def _round_saved(self, record_id: str) -> None:
        # The question's 保存 may have gone on to another round or a new one meanwhile.
        if self.editor.record_id == record_id:
            self.round_id = record_id
        self.message.setText(self.tr("Round saved."))
        self.refresh()

    def _tab_changed(self, _index: int) -> None:
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        if not self.round_id:
            return
        index = self.tabs.currentIndex()
        if index == TAB_RESULTS:
            self.results.show_round(self.round_id)
        elif index == TAB_FOLLOW:
            self.follow.show_round(self.round_id, can_make_requests=self.role == CENTRE)

    def _current(self) -> ev.RoundRow | None:
        return next((r for r in self._rows if r.id == self.round_id), None)

    def _update_actions(self) -> None:
        centre = self.role == CENTRE
        current = self._current()
        self.new_button.setVisible(centre)
        self.open_button.setVisible(centre)
        self.close_button.setVisible(centre)
        self.open_button.setEnabled(current is not None and current.status != "open")
        self.open_button.setText(self.tr("Reopen") if current is not None and
                                 current.status == "closed" else self.tr("Open for scoring"))
        self.close_button.setEnabled(current is not None and current.status == "open")
        self.print_button.setEnabled(current is not None and self.role != VIEWER)
        self.phone_button.setVisible(centre)
        self.phone_button.setEnabled(current is not None and current.phone_enabled
                                     and current.status != "closed")
        self.grid.phone_links_offered = self.phone_button.isVisible() and \
            self.phone_button.isEnabled()
        self.scan_button.setEnabled(bool(self._rows) and self.role != VIEWER)
        self.tabs.setTabEnabled(TAB_ENTRY, self.role != VIEWER)
        for tab in (TAB_ENTRY, TAB_RESULTS, TAB_FOLLOW):
            self.tabs.setTabEnabled(tab, current is not None and (
                tab != TAB_ENTRY or self.role != VIEWER))

    # -- page contract -----------------------------------------------------------------------
    def new_record(self) -> bool:
        if self.role != CENTRE:
            return False
        self._leave_then(self._start_new)
        return True

    def _start_new(self) -> None:
        self.round_id = ""
        self._select_round("")
        self.editor.set_read_only(False)
        self.editor.new()
        self.tabs.setCurrentIndex(TAB_SETTINGS)
        self._update_actions()

    def save_current(self) -> bool:
        if self.tabs.currentIndex() == TAB_SETTINGS and self.editor.is_dirty():
            return self.editor.save()
        if self.tabs.currentIndex() == TAB_ENTRY and self.grid.pending():
            self.grid.flush()
            return True
        return False

    def can_leave(self) -> bool:
        # Rows typed in the grid are saved; what the round editor holds stays there and in
        # its draft.
        self.grid.flush()
        self.grid.flush_draft()
        self.editor.contract.flush_draft()
        return True

    def open_record(self, record_id: str) -> None:
        if record_id.startswith(f"draft:{GRID_KIND}:"):
            key = record_id.split(":", 1)[1]
            self._leave_then(lambda: self._open_grid_draft(key))
        elif record_id.startswith("draft:"):
            key = record_id.split(":", 1)[1]
            self._leave_then(lambda: self._open_draft(key))
        else:
            self._leave_then(lambda: self._show_round(record_id, reload_editor=True))

    def _open_grid_draft(self, key: str) -> None:
        round_id = (drafts.record_id_of(key) or "").split("|", 1)[0]
        if round_id != self.round_id or self.editor.record_id != round_id:
            self._show_round(round_id, reload_editor=True)
        self.tabs.setCurrentIndex(TAB_ENTRY)
        if self.round_id == round_id:
            self.grid.open_draft(key)

    def _open_draft(self, key: str) -> None:
        if not self.editor.open_draft(key):
            return
        self.tabs.setCurrentIndex(TAB_SETTINGS)
        if self.editor.record_id:
            self._round_state(self.editor.record_id)
        else:
            self.round_id = ""
            self._select_round("")
            self.editor.set_read_only(self.role != CENTRE)
            self._update_actions()

    def on_data_changed(self, what: str) -> None:
        if what == "department":
            self.editor.chooser.invalidate()
        super().on_data_changed(what)

    # -- actions -----------------------------------------------------------------------------
    def set_status(self, status: str, *, confirm: bool = True) -> None:
        current = self._current()
        if current is None:
            return
        if status == "closed" and confirm:
            answer = QMessageBox.question(
                self, self.tr("Close the round?"),
                self.tr("After closing, no more sheets can be entered on any computer, and "
                        "phone links stop working. Sheets collected before now on laptops "
                        "still offline are accepted when they sync. Close “{name}”?").format(
                    name=current.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        round_id = current.id
        self.grid.flush()
        self.ctx.runner.submit(lambda: ev.set_status(record_id=round_id, status=status),
                               on_done=lambda _r: self._status_set(status),
                               on_error=lambda e: show_error(self, e), change="evaluation")

    def _status_set(self, status: str) -> None:
        self.refresh()
        self.message.setText(self.tr("The round is open for scoring.") if status == "open"
                             else self.tr("The round is closed."))

    def print_sheets(self) -> None:
        """Preview every sheet of the round (each invited enterprise, each unit)."""
        self._preview("satisfaction_sheet", evaluation_print.render_sheets)

    def phone_links(self, *, enterprise_id: str = "") -> QWidget | None:
        """The round's phone links: issue, show as QR code, copy, print (the centre)."""
        from liaison_app.ui.dialogs.phone_links_dialog import PhoneLinksDialog

        current = self._current()
        if current is None or self.role != CENTRE:
            return None
        dialog = PhoneLinksDialog(
            self.ctx, round_id=current.id, round_name=current.name,
            links=self._phone_links.setdefault(current.id, {}),
            focus_enterprise=enterprise_id, parent=self)
        self._keep(dialog)
        return dialog

    def print_report(self) -> None:
        """Preview the round's 测评结果通报."""
        self._preview("evaluation_report", evaluation_print.render_report)

    def _preview(self, form_id: str, render: Callable[..., evaluation_print.EvaluationPrint]
                 ) -> None:
        current = self._current()
        if current is None:
            return
        round_id = current.id
        chain = printing.font_chain(settings_path=self.ctx.settings.form_font_path)
        dialog = PrintPreviewDialog(
            self.ctx, form_id=form_id, record_id=round_id, title=current.name, parent=self,
            render=lambda out, _full: render(round_id=round_id, out=out, chain=chain),
            record=lambda job, where: evaluation_print.record_print(job=job,
                                                                     destination=where))
        self._keep(dialog)

    def _keep(self, dialog: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if d.isVisible()]
        self._dialogs.append(dialog)
        dialog.show()

    def export(self, path: str = "") -> None:
        current = self._current()
        if current is None:
            return
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export to Excel"), str(Path.home() / f"{current.name}.xlsx"),
                "Excel (*.xlsx)")
        if not path:
            return
        round_id = current.id
        results = er.round_results(round_id=round_id)
        trend = er.trend()
        items = er.follow_ups(round_id=round_id)
        self.ctx.runner.submit(
            lambda: er.export_xlsx(results=results, trend_data=trend, items=items, path=path),
            on_done=lambda _r: self._exported(path), on_error=lambda e: show_error(self, e))

    def _exported(self, path: str) -> None:
        self.last_export = path
        self.message.setText(self.tr("Saved {path}").format(path=path))

    def open_photo(self, path: str = "") -> None:
        """Read the QR code of a returned sheet's photo or scan and go to its row."""
        if not path:
            path, _f = QFileDialog.getOpenFileName(
                self, self.tr("Photo or scan of a returned sheet"), str(Path.home()),
                self.tr("Pictures ({patterns})").format(patterns=PICTURES))
        if not path:
            return
        self.message.setText(self.tr("Reading the code…"))
        self.ctx.runner.submit(lambda: ev.locate_sheet_in_image(path=path),
                               on_done=self._located, on_error=self._not_located)

    def _located(self, ref: ev.SheetRef) -> None:
        self.message.setText("")
        if ref.round_id != self.round_id:
            self.open_record(ref.round_id)
        self.tabs.setCurrentIndex(TAB_ENTRY)
        if not self.grid.open_enterprise(unit=ref.unit, enterprise_id=ref.enterprise_id):
            self.message.setText(self.tr("The sheet is of an enterprise that is not on this "
                                         "computer or not assigned to you."))

    def _not_located(self, exc: BaseException) -> None:
        self.message.setText("")
        show_error(self, exc)
