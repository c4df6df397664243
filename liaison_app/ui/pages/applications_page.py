"""申请与打印: an enterprise's worker roster, its applications, and every form to print.

All reads and writes go through the runner; the widgets here only show rows the services
return (numbers already masked) and call services. ``open_record`` accepts
``roster:<enterprise id>`` (from the enterprise page), an application id (from search) or
an enterprise id.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import applications as apps
from liaison_app.core.services import drafts, enterprises, printing, roster, visits
from liaison_app.core.services.roster import WorkerFilter
from liaison_app.forms.registry import form_spec
from liaison_app.forms.toolkit import current_font_info
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import show_error
from liaison_app.ui.models.rows_model import RowsModel
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.layouts import fit_columns
from liaison_app.ui.widgets.pdf_preview import font_display_name

Index = QModelIndex | QPersistentModelIndex
DASH = "\u2014"


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def _empty_label(text: str) -> QLabel:
    """A line in place of an empty table, saying what to do (styled as every empty state);
    hidden until the table is empty."""
    label = QLabel(text, objectName="emptyState")
    label.hide()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class ApplicationsPage(Page):
    page_id = "applications"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.enterprise_id = ""
        self._pending_app = ""
        self._dialogs: list[QWidget] = []
        self._build()

    def title(self) -> str:
        return self.tr("Applications & printing")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.title(), objectName="pageTitle")
        layout.addWidget(self.heading)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Enterprise")))
        self.enterprise_combo = QComboBox(objectName="enterpriseChooser")
        self.enterprise_combo.setEditable(True)
        self.enterprise_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.enterprise_combo.setMinimumWidth(320)
        self.enterprise_combo.lineEdit().setPlaceholderText(
            self.tr("Type or choose an enterprise"))
        self.enterprise_combo.currentIndexChanged.connect(self._enterprise_chosen)
        top.addWidget(self.enterprise_combo, 1)
        self.font_label = QLabel(objectName="formFont")
        self.font_label.setStyleSheet("color:#555;")
        top.addWidget(self.font_label)
        layout.addLayout(top)
        # Until an enterprise is chosen there is nothing to show but what to do.
        self.empty_label = _empty_label(self.tr(
            "Choose an enterprise above to see its worker roster, prepare its applications "
            "and print its forms."))
        self.empty_label.show()
        layout.addWidget(self.empty_label, 1)
        self.tabs = QTabWidget(objectName="applicationTabs")
        self.tabs.addTab(self._build_roster_tab(), self.tr("Worker roster"))
        self.tabs.addTab(self._build_applications_tab(), self.tr("Applications"))
        self.tabs.addTab(self._build_visits_tab(), self.tr("Visit record sheets"))
        self.tabs.hide()
        layout.addWidget(self.tabs, 1)

    def _build_roster_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.counts_label = QLabel(objectName="rosterCounts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts_label)
        bar = QHBoxLayout()
        self.worker_search = QLineEdit(objectName="workerSearch")
        self.worker_search.setPlaceholderText(self.tr("Name or last digits of the ID number"))
        self.worker_search.textChanged.connect(lambda _t: self.load_workers())
        self.workshop_filter = QComboBox(objectName="workshopFilter")
        self.workshop_filter.currentIndexChanged.connect(lambda _i: self.load_workers())
        bar.addWidget(self.worker_search, 1)
        bar.addWidget(self.workshop_filter)
        self.add_worker_button = QPushButton(self.tr("Add worker\u2026"),
                                             objectName="addWorker")
        self.add_worker_button.clicked.connect(lambda: self.edit_worker(None))
        self.edit_worker_button = QPushButton(self.tr("Edit\u2026"))
        self.edit_worker_button.clicked.connect(self._edit_selected_worker)
        self.remove_worker_button = QPushButton(self.tr("Remove"))
        self.remove_worker_button.clicked.connect(self._remove_selected_worker)
        self.import_button = QPushButton(self.tr("Import roster\u2026"),
                                         objectName="importRoster")
        self.import_button.clicked.connect(self.start_import)
        self.print_roster_button = QPushButton(self.tr("Print roster\u2026"),
                                               objectName="printRoster")
        self.print_roster_button.clicked.connect(
            lambda: self.preview_form("worker_roster", self.enterprise_id))
        for b in (self.add_worker_button, self.edit_worker_button, self.remove_worker_button,
                  self.import_button, self.print_roster_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.worker_model = RowsModel(
            [self.tr("Name"), self.tr("ID number"), self.tr("Mobile phone"),
             self.tr("Workshop"), self.tr("Post"), self.tr("Shift"),
             self.tr("Town of residence")],
            lambda r: (r.name, r.id_masked, r.phone_masked, r.workshop, r.post, r.shift,
                       r.home_town), self)
        self.worker_table = _table(self.worker_model, "workerTable")
        self.worker_table.doubleClicked.connect(lambda _i: self._edit_selected_worker())
        fit_columns(self.worker_table, stretch=6, min_stretch=80)
        layout.addWidget(self.worker_table, 1)
        self.roster_empty = _empty_label(self.tr(
            "No workers on this enterprise's roster yet. Import the roster file the "
            "enterprise keeps (Excel or CSV), or add workers one by one."))
        layout.addWidget(self.roster_empty, 1)
        self.worker_status = QLabel(objectName="workerStatus")
        layout.addWidget(self.worker_status)
        return tab

    def _build_applications_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        for kind, text in (("pass", self.tr("New pass application\u2026")),
                           ("reopening", self.tr("New reopening application\u2026")),
                           ("procedure", self.tr("New procedure application\u2026"))):
            b = QPushButton(text, objectName=f"new_{kind}")
            b.clicked.connect(lambda _c=False, k=kind: self.edit_application(None, kind=k))
            bar.addWidget(b)
        bar.addStretch(1)
        self.edit_app_button = QPushButton(self.tr("Edit\u2026"), objectName="editApplication")
        self.edit_app_button.clicked.connect(
            lambda: self.edit_application(self.current_application_id()))
        self.status_button = QPushButton(self.tr("Status"), objectName="statusButton")
        self.status_menu = QMenu(self)
        self.status_button.setMenu(self.status_menu)
        self.print_app_button = QPushButton(self.tr("Print"), objectName="printApplication")
        self.print_menu = QMenu(self)
        self.print_app_button.setMenu(self.print_menu)
        for b in (self.edit_app_button, self.status_button, self.print_app_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.app_model = RowsModel(
            [self.tr("Application"), self.tr("Kind"), self.tr("No."), self.tr("Status"),
             self.tr("Date"), self.tr("Workers"), self.tr("Passes")],
            lambda a: (a.title, apps.KIND_LABELS[a.kind].text(), a.application_no,
                       apps.STATUS_LABELS[a.status].text(), a.applied_on or "", a.workers,
                       a.passes), self)
        self.app_table = _table(self.app_model, "applicationTable")
        self.app_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._application_chosen())
        self.app_table.doubleClicked.connect(
            lambda _i: self.edit_application(self.current_application_id()))
        fit_columns(self.app_table, stretch=0)
        split.addWidget(self.app_table)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        self.app_detail = QLabel(objectName="applicationDetail")
        self.app_detail.setWordWrap(True)
        self.app_detail.setTextFormat(Qt.TextFormat.RichText)
        dl.addWidget(self.app_detail)
        pass_bar = QHBoxLayout()
        self.passes_label = QLabel(self.tr("Passes issued"))
        pass_bar.addWidget(self.passes_label)
        pass_bar.addStretch(1)
        self.reissue_button = QPushButton(self.tr("Reissue\u2026"), objectName="reissuePass")
        self.reissue_button.clicked.connect(lambda: self._pass_action(reissue=True))
        self.revoke_button = QPushButton(self.tr("Revoke\u2026"), objectName="revokePass")
        self.revoke_button.clicked.connect(lambda: self._pass_action(reissue=False))
        pass_bar.addWidget(self.reissue_button)
        pass_bar.addWidget(self.revoke_button)
        dl.addLayout(pass_bar)
        self.pass_model = RowsModel(
            [self.tr("Pass number"), self.tr("Name"), self.tr("Workshop"), self.tr("State"),
             self.tr("Valid to"), self.tr("Reason")],
            lambda p: (p.pass_no, p.worker_name, p.workshop,
                       self.tr("Active") if p.state == "active" else self.tr("Revoked"),
                       p.valid_to, p.revoke_reason), self)
        self.pass_table = _table(self.pass_model, "passTable")
        fit_columns(self.pass_table, stretch=5, min_stretch=80)
        dl.addWidget(self.pass_table, 1)
        split.addWidget(detail)
        split.setSizes([300, 300])
        layout.addWidget(split, 1)
        self.app_split = split
        self.apps_empty = _empty_label(self.tr(
            "No applications for this enterprise yet. Start a pass, reopening or procedure "
            "application with the buttons above."))
        layout.addWidget(self.apps_empty, 1)
        return tab

    def _build_visits_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Choose a visit and print its record sheet for the "
                                     "enterprise contact to sign.")))
        bar.addStretch(1)
        self.print_visit_button = QPushButton(self.tr("Print visit record sheet\u2026"),
                                              objectName="printVisit")
        self.print_visit_button.clicked.connect(self._print_visit)
        bar.addWidget(self.print_visit_button)
        layout.addLayout(bar)
        self.visit_model = RowsModel(
            [self.tr("Date"), self.tr("Kind"), self.tr("Summary")],
            lambda v: (f"{v.visit_at:%Y-%m-%d %H:%M}",
                       visits.KIND_LABELS[v.kind].text() if v.kind in visits.KIND_LABELS
                       else v.kind, v.summary), self)
        self.visit_table = _table(self.visit_model, "visitTable")
        self.visit_table.doubleClicked.connect(lambda _i: self._print_visit())
        fit_columns(self.visit_table, stretch=2)
        layout.addWidget(self.visit_table, 1)
        return tab

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        settings_font = self.ctx.settings.form_font_path
        keep = self.enterprise_id

        def load() -> tuple[list[tuple[str, str]], Any, str]:
            rows = [(e.id, e.name) for e in enterprises.list_enterprises(limit=100_000)]
            # Open on the first enterprise that has a roster: that is what this page is for.
            first = "" if keep else next(
                (eid for eid, _name in rows if roster.count_workers(enterprise_id=eid)), "")
            return rows, current_font_info(settings_path=settings_font or None), first

        self.ctx.runner.submit(load, on_done=self._enterprises_loaded)

    def _enterprises_loaded(self, result: tuple[list[tuple[str, str]], Any, str]) -> None:
        rows, font, first = result
        self.font_label.setText(self.tr("Forms print in: {font}{embedded}").format(
            font=font_display_name(font.family), embedded="" if font.embedded else self.tr(
                " (not embedded: the printer substitutes its own font)")))
        keep = self.enterprise_id
        self.enterprise_combo.blockSignals(True)
        self.enterprise_combo.clear()
        for eid, name in rows:
            self.enterprise_combo.addItem(name, eid)
        self.enterprise_combo.setCurrentIndex(-1)
        self.enterprise_combo.blockSignals(False)
        if keep and self.enterprise_combo.findData(keep) >= 0:
            self.select_enterprise(keep)
        elif rows:
            self.select_enterprise(first or rows[0][0])
        else:
            self.enterprise_id = ""
            self.empty_label.setText(self.tr(
                "There are no enterprises yet. Add the enterprises you look after on the "
                "Enterprises page; their rosters, applications and forms are prepared here."))
            self._show_content(False)
            self._update_buttons()

    def _show_content(self, shown: bool) -> None:
        self.tabs.setVisible(shown)
        self.empty_label.setVisible(not shown)

    def select_enterprise(self, enterprise_id: str) -> None:
        index = self.enterprise_combo.findData(enterprise_id)
        if index < 0:
            return
        if index == self.enterprise_combo.currentIndex():
            self._enterprise_chosen(index)
        else:
            self.enterprise_combo.setCurrentIndex(index)

    def _enterprise_chosen(self, index: int) -> None:
        eid = self.enterprise_combo.itemData(index) if index >= 0 else None
        if not eid:
            return
        self.enterprise_id = str(eid)
        self._show_content(True)
        self.load_roster()
        self.load_applications()
        self.load_visits()

    def load_roster(self) -> None:
        eid = self.enterprise_id
        if not eid:
            return
        self.ctx.runner.submit(lambda: (roster.counts(enterprise_id=eid),
                                        roster.choices(enterprise_id=eid)),
                               on_done=lambda r: self._counts_loaded(eid, r))
        self.load_workers()

    def _counts_loaded(self, eid: str, result: tuple[roster.RosterCounts, dict]) -> None:
        if eid != self.enterprise_id:
            return
        counts, choices = result
        unnamed = self.tr("(none)")

        def part(title: str, items: list[tuple[str, int]]) -> str:
            shown = "\u3001".join(f"{name or unnamed} {n}" for name, n in items[:12])
            more = self.tr(" \u2026 and {n} more").format(n=len(items) - 12) \
                if len(items) > 12 else ""
            return f"<b>{title}</b>\uff1a{shown or DASH}{more}"

        self.counts_label.setText("<br>".join([
            self.tr("<b>{n}</b> workers on the roster").format(n=counts.total),
            part(self.tr("By workshop"), counts.by_workshop),
            part(self.tr("By post"), counts.by_post),
            part(self.tr("By shift"), counts.by_shift)]))
        current = self.workshop_filter.currentData()
        self.workshop_filter.blockSignals(True)
        self.workshop_filter.clear()
        self.workshop_filter.addItem(self.tr("All workshops"), "")
        for name in choices["workshop"]:
            self.workshop_filter.addItem(name, name)
        self.workshop_filter.setCurrentIndex(max(self.workshop_filter.findData(current), 0))
        self.workshop_filter.blockSignals(False)

    def load_workers(self) -> None:
        eid = self.enterprise_id
        if not eid:
            return
        flt = WorkerFilter(text=self.worker_search.text(),
                           workshop=self.workshop_filter.currentData() or "")
        self.ctx.runner.submit(
            lambda: (roster.list_workers(enterprise_id=eid, flt=flt, limit=100_000),
                     roster.count_workers(enterprise_id=eid)),
            on_done=lambda r: self._workers_loaded(eid, r))

    def _workers_loaded(self, eid: str, result: tuple[list[roster.WorkerRow], int]) -> None:
        if eid != self.enterprise_id:
            return
        rows, total = result
        self.worker_model.set_rows(rows)
        self.worker_table.setVisible(total > 0)
        self.roster_empty.setVisible(total == 0)
        self.counts_label.setVisible(total > 0)
        self.worker_status.setVisible(total > 0)
        self.worker_status.setText(self.tr("{shown} of {total} workers shown. ID and phone "
                                           "numbers are masked.").format(shown=len(rows),
                                                                          total=total))
        self._update_buttons()

    def load_applications(self) -> None:
        eid = self.enterprise_id
        if not eid:
            return
        self.ctx.runner.submit(lambda: apps.list_applications(enterprise_id=eid),
                               on_done=lambda r: self._applications_loaded(eid, r))

    def _applications_loaded(self, eid: str, rows: list[apps.ApplicationRow]) -> None:
        if eid != self.enterprise_id:
            return
        keep = self._pending_app or self.current_application_id()
        self._pending_app = ""
        self.app_model.set_rows(rows)
        self.app_split.setVisible(bool(rows))
        self.apps_empty.setVisible(not rows)
        for i, row in enumerate(rows):
            if row.id == keep:
                self.app_table.selectRow(i)
                break
        else:
            if rows:
                self.app_table.selectRow(0)
        self._application_chosen()

    def load_visits(self) -> None:
        eid = self.enterprise_id
        self.ctx.runner.submit(
            lambda: visits.list_visits(flt=visits.VisitFilter(enterprise_id=eid), limit=500),
            on_done=lambda r: self.visit_model.set_rows(r) if eid == self.enterprise_id
            else None)

    def on_data_changed(self, what: str) -> None:
        editor = self.open_editor()
        if editor is not None and editor.contract is not None and \
                editor.contract.refresh() == "gone":
            editor.close_editor()  # deleted elsewhere and nothing typed: nothing to keep
        if what in ("worker", "application") and self.enterprise_id:
            if what == "worker":
                self.load_roster()
            self.load_applications()
            return
        super().on_data_changed(what)

    # -- navigation ----------------------------------------------------------------------------
    def open_record(self, record_id: str) -> None:
        if record_id.startswith("draft:"):
            self._open_draft(record_id.split(":", 1)[1])
            return
        if record_id.startswith("roster:"):
            self.tabs.setCurrentIndex(0)
            target = record_id.split(":", 1)[1]
        else:
            def find() -> tuple[str, str]:
                try:
                    return apps.get(record_id=record_id).enterprise_id, record_id
                except Exception:  # noqa: BLE001 - not an application: an enterprise id
                    return record_id, ""

            self.ctx.runner.submit(find, on_done=self._open_found)
            return
        self._open_when_loaded(target)

    def _open_draft(self, key: str) -> None:
        """A worker's or an application's draft: its enterprise, then its editor."""
        draft = drafts.load_draft(key=key)
        if draft is None:
            return
        payload = draft.payload or {}
        enterprise_id = str(payload.get("enterprise_id") or "")
        if not enterprise_id:
            return
        self._open_when_loaded(enterprise_id)
        record_id = drafts.record_id_of(key)
        if draft.kind == "worker":
            self.tabs.setCurrentIndex(0)
            self.edit_worker(record_id, draft_key=key)
        else:
            self.tabs.setCurrentIndex(1)
            self.edit_application(record_id, kind=str(payload.get("kind") or "pass"),
                                  draft_key=key)

    def _open_found(self, found: tuple[str, str]) -> None:
        enterprise_id, app_id = found
        if app_id:
            self.tabs.setCurrentIndex(1)
            self._pending_app = app_id
        self._open_when_loaded(enterprise_id)

    def _open_when_loaded(self, enterprise_id: str) -> None:
        if self.enterprise_combo.findData(enterprise_id) >= 0:
            self.select_enterprise(enterprise_id)
        else:
            self.enterprise_id = enterprise_id
            self.refresh()

    # -- workers -------------------------------------------------------------------------------
    def current_worker_id(self) -> str:
        row = self.worker_model.row_at(self.worker_table.currentIndex().row())
        return row.id if row else ""

    def edit_worker(self, record_id: str | None, *, draft_key: str = "") -> None:
        if not self.enterprise_id:
            return
        from liaison_app.ui.dialogs.worker_editor import WorkerEditor

        eid = self.enterprise_id
        self._open_editor(lambda: WorkerEditor(self.ctx, enterprise_id=eid, record_id=record_id,
                                               draft_key=draft_key, parent=self))

    def open_editor(self) -> Any:
        """The worker or application editor open now, if any."""
        return next((d for d in self._dialogs if hasattr(d, "contract") and d.isVisible()),
                    None)

    def _open_editor(self, make: Callable[[], QWidget]) -> None:
        """Open an editor dialog; one already open is asked to leave first (another record
        is opened from search or a draft while it holds unsaved changes)."""
        def show() -> None:
            try:
                dialog = make()
            except Exception as exc:  # noqa: BLE001 - e.g. deleted meanwhile: a sentence
                show_error(self, exc)
                return
            if hasattr(dialog, "saved") and hasattr(dialog, "kind"):
                dialog.saved.connect(self._application_saved)
            self._show_dialog(dialog)

        current = self.open_editor()
        if current is None or current.contract is None:
            show()
        else:
            current.contract.leave(lambda: (current.close_editor(), show()))

    def _edit_selected_worker(self) -> None:
        wid = self.current_worker_id()
        if wid:
            self.edit_worker(wid)

    def _remove_selected_worker(self) -> None:
        wid = self.current_worker_id()
        if not wid:
            return
        answer = QMessageBox.question(self, self.tr("Remove worker"), self.tr(
            "Remove this worker from the roster? Passes already issued stay valid until "
            "revoked."))
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.runner.submit(lambda: roster.soft_delete(record_id=wid), change="worker")

    def start_import(self) -> None:
        if not self.enterprise_id:
            return
        dialog = self.make_import_dialog()
        path = dialog.choose_file()
        if path:
            self._show_dialog(dialog)
            dialog.load(path)
        else:
            dialog.deleteLater()

    def make_import_dialog(self) -> Any:
        from liaison_app.ui.dialogs.roster_import_dialog import RosterImportDialog

        return RosterImportDialog(self.ctx, enterprise_id=self.enterprise_id,
                                  enterprise_name=self.enterprise_combo.currentText(),
                                  parent=self)

    def _show_dialog(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.setModal(True)
        dialog.show()

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def open_dialogs(self) -> list[QWidget]:
        return list(self._dialogs)

    # -- applications --------------------------------------------------------------------------
    def current_application(self) -> apps.ApplicationRow | None:
        return self.app_model.row_at(self.app_table.currentIndex().row())

    def current_application_id(self) -> str:
        row = self.current_application()
        return row.id if row else ""

    def edit_application(self, record_id: str | None, *, kind: str = "pass",
                         draft_key: str = "") -> None:
        if not self.enterprise_id or record_id == "":
            return
        from liaison_app.ui.dialogs.application_editor import ApplicationEditor

        eid = self.enterprise_id
        self._open_editor(lambda: ApplicationEditor(
            self.ctx, enterprise_id=eid, kind=kind, record_id=record_id, draft_key=draft_key,
            parent=self))

    def _application_saved(self, record_id: str) -> None:
        self._pending_app = record_id
        self.tabs.setCurrentIndex(1)

    def _application_chosen(self) -> None:
        row = self.current_application()
        self.status_menu.clear()
        self.print_menu.clear()
        self._update_buttons()
        if row is None:
            self.app_detail.setText("")
            self.pass_model.set_rows([])
            return
        for status in apps.TRANSITIONS[row.status]:
            action = self.status_menu.addAction(apps.STATUS_LABELS[status].text())
            action.triggered.connect(lambda _c=False, s=status: self.change_status(s))
        for form_id in printing.FORMS_BY_KIND[row.kind]:
            action = self.print_menu.addAction(form_spec(form_id).title_zh)
            action.setObjectName(f"print_{form_id}")
            action.triggered.connect(lambda _c=False, f=form_id, r=row.id:
                                     self.preview_form(f, r))
        rid = row.id

        def load() -> tuple[Any, list[apps.PassRow], list[printing.PrintLogRow]]:
            return (apps.get(record_id=rid).history, apps.list_passes(record_id=rid),
                    printing.print_log(record_id=rid))

        self.ctx.runner.submit(load, on_done=lambda r: self._detail_loaded(rid, r))

    def _detail_loaded(self, rid: str, result: tuple[Any, list, list]) -> None:
        if rid != self.current_application_id():
            return
        history, passes, prints = result
        lines = []
        for h in history:
            status = apps.STATUS_LABELS.get(h.get("status", ""))
            text = f"{h.get('at', '').replace('T', ' ')}\u3000{status.text() if status else ''}"
            if h.get("note"):
                text += f"\u3000{h['note']}"
            lines.append(text)
        for p in prints[:5]:
            form = form_spec(p.form_id).title_zh
            lines.append(self.tr("{at} printed {form}{full}").format(
                at=f"{p.at:%Y-%m-%d %H:%M}", form=form,
                full=self.tr(" (full ID numbers)") if p.unmasked else ""))
        self.app_detail.setText("<b>" + self.tr("History") + "</b><br>" + "<br>".join(lines))
        self.pass_model.set_rows(passes)

    def change_status(self, status: str) -> None:
        rid = self.current_application_id()
        if not rid:
            return
        note = ""
        if status == "rejected":
            note, ok = QInputDialog.getText(self, self.tr("Rejected"),
                                            self.tr("Why was it rejected?"))
            if not ok:
                return
        self.ctx.runner.submit(lambda: apps.set_status(record_id=rid, status=status, note=note),
                               change="application")

    def _pass_action(self, *, reissue: bool) -> None:
        row = self.pass_model.row_at(self.pass_table.currentIndex().row())
        if row is None:
            return
        title = self.tr("Reissue pass") if reissue else self.tr("Revoke pass")
        reason, ok = QInputDialog.getText(self, title, self.tr(
            "Reason (e.g. lost, left the company):"))
        if not ok:
            return
        pid = row.id
        if reissue:
            self.ctx.runner.submit(lambda: apps.reissue_pass(pass_id=pid, reason=reason),
                                   change="application")
        else:
            self.ctx.runner.submit(lambda: apps.revoke_pass(pass_id=pid, reason=reason),
                                   change="application")

    def _print_visit(self) -> None:
        row = self.visit_model.row_at(self.visit_table.currentIndex().row())
        if row is not None:
            self.preview_form("visit_record", row.id)

    def preview_form(self, form_id: str, record_id: str) -> Any:
        if not record_id:
            return None
        from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(self.ctx, form_id=form_id, record_id=record_id,
                                    title=self.enterprise_combo.currentText(), parent=self)
        self._show_dialog(dialog)
        return dialog

    def _update_buttons(self) -> None:
        has_ent = bool(self.enterprise_id)
        for b in (self.add_worker_button, self.import_button, self.print_roster_button):
            b.setEnabled(has_ent)
        has_workers = bool(self.worker_model.rows)
        self.edit_worker_button.setEnabled(has_workers)
        self.remove_worker_button.setEnabled(has_workers)
        row = self.current_application()
        self.edit_app_button.setEnabled(row is not None and row.status in ("draft", "printed"))
        self.status_button.setEnabled(row is not None and bool(apps.TRANSITIONS[row.status]))
        self.print_app_button.setEnabled(row is not None)
        is_pass = row is not None and row.kind == "pass"
        # Only a pass application issues passes: other kinds show their history alone.
        for widget in (self.passes_label, self.pass_table, self.reissue_button,
                       self.revoke_button):
            widget.setVisible(is_pass)

