"""The main window: navigation, the page stack, the search box and the status bar.

It only arranges pages; each page owns its screen. Pages are built the first time they are
shown, so start-up pays for 工作台 alone.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import liaison_app
from liaison_app.core import clock
from liaison_app.core.services import officers
from liaison_app.ui.context import AppContext
from liaison_app.ui.pages.base import Page
from liaison_app.ui.pages.placeholder_page import PlaceholderPage


@dataclass(frozen=True)
class PageSpec:
    page_id: str
    title: Callable[[], str]
    #: "module:Class" of the page, or a note for an area a later version fills.
    factory: str = ""
    placeholder_note: Callable[[], str] | None = None


def _t(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("MainWindow", text)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", lambda: QCoreApplication.translate("MainWindow", "Today"),
             "liaison_app.ui.pages.today_page:TodayPage"),
    PageSpec("enterprises", lambda: QCoreApplication.translate("MainWindow", "Enterprises"),
             "liaison_app.ui.pages.enterprises_page:EnterprisesPage"),
    PageSpec("visits", lambda: QCoreApplication.translate("MainWindow", "Visits"),
             "liaison_app.ui.pages.visits_page:VisitsPage"),
    PageSpec("daily", lambda: QCoreApplication.translate("MainWindow", "Daily reports"),
             "liaison_app.ui.pages.daily_page:DailyPage"),
    PageSpec("requests", lambda: QCoreApplication.translate("MainWindow", "Requests"),
             "liaison_app.ui.pages.requests_page:RequestsPage"),
    PageSpec("proxy", lambda: QCoreApplication.translate("MainWindow", "Proxy cases"),
             "liaison_app.ui.pages.proxy_page:ProxyPage"),
    PageSpec("applications", lambda: QCoreApplication.translate(
        "MainWindow", "Applications & printing"),
             "liaison_app.ui.pages.applications_page:ApplicationsPage"),
    PageSpec("satisfaction", lambda: QCoreApplication.translate("MainWindow", "Satisfaction"),
             "liaison_app.ui.pages.evaluation_page:EvaluationPage"),
    PageSpec("reports", lambda: QCoreApplication.translate("MainWindow", "Reports"),
             "liaison_app.ui.pages.reports_page:ReportsPage"),
    PageSpec("sync", lambda: QCoreApplication.translate("MainWindow", "Sync"),
             "liaison_app.ui.pages.sync_page:SyncPage"),
)
SEARCH_PAGE = PageSpec("search", lambda: QCoreApplication.translate("MainWindow", "Search"),
                       "liaison_app.ui.pages.search_page:SearchPage")


#: Screens up to this size (laptops, full HD monitors) give the window all of themselves;
#: on larger ones it opens at ``PREFERRED_SIZE``.
MAXIMISE_UP_TO = QSize(2000, 1250)
PREFERRED_SIZE = QSize(1600, 1000)
#: Room left for the window's frame and title bar, which ``geometry()`` does not include.
FRAME = QSize(16, 40)


def start_geometry(*, available: QRect, saved: QRect | None) -> tuple[QRect, bool]:
    """Where the window opens: (geometry, maximised).

    A laptop screen (1366×768, 1280×720) is too small for anything but the whole screen, and
    on a full HD one the pages use the room; a saved window is put back as it was unless it would not fit the screen it opens on
    now (a window saved on a desktop monitor, opened on the laptop), which is never taller
    or wider than the screen."""
    room = available.size() - FRAME
    if saved is not None and saved.width() <= room.width() and saved.height() <= room.height():
        if available.contains(saved.center()):
            return saved, False
        moved = QRect(saved)
        moved.moveCenter(available.center())
        return moved, False
    if available.width() <= MAXIMISE_UP_TO.width() or \
            available.height() <= MAXIMISE_UP_TO.height():
        return QRect(available), True
    geometry = QRect(QPoint(0, 0), PREFERRED_SIZE)
    geometry.moveCenter(available.center())
    return geometry, False


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.navigate = self.navigate
        ctx.status_changed = self.update_status
        from liaison_app.ui.sync_controller import SyncController

        ctx.sync = SyncController(ctx, self)
        ctx.sync.state_changed.connect(self.update_status)
        # Qt adds the application's display name after the title (" — 驻企通"); it is named
        # here, after the language is installed, so that it is in the interface language.
        QGuiApplication.setApplicationDisplayName(QCoreApplication.translate("App", "Liaison"))
        self.setWindowTitle(self.tr("Enterprise liaison record book"))
        self.setMinimumSize(QSize(800, 540))  # netbook screens are 1024x600
        self._pages: dict[str, Page] = {}
        self._specs = {spec.page_id: spec for spec in (*PAGES, SEARCH_PAGE)}

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(168)
        for spec in PAGES:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.page_id)
            item.setSizeHint(QSize(160, 44))
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._nav_changed)
        # A click on the entry that is still current (e.g. back from search) must work too.
        self.nav.itemClicked.connect(lambda item: self._nav_changed(item, None))
        layout.addWidget(self.nav)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_menu()
        self._build_status_bar()
        self._build_shortcuts()
        from liaison_app.ui.lock import LockController

        self.lock = LockController(ctx, self)
        ctx.runner.changed.connect(self._data_changed)
        # Laptops stay open overnight: the day is checked each minute (a timer set for
        # midnight would fire late after the laptop slept through it).
        self._day = clock.today()
        self._day_timer = QTimer(self, interval=60_000)
        self._day_timer.timeout.connect(self.check_the_day)
        self._day_timer.start()
        self._restore_geometry()
        # What the first frame does not need waits until it is on the screen: the start
        # page's data, the sync state (the sync engine's import) and the status bar.
        self._after_paint: list[Callable[[], None]] | None = []
        self.nav.installEventFilter(self)
        start = ctx.settings.last_page if ctx.settings.last_page in self._specs else "today"
        self.navigate("search" if start == "search" else start)
        self.after_first_paint(self.update_status)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has been painted (at once if it has). Main
        thread."""
        if self._after_paint is None:
            callback()
        else:
            self._after_paint.append(callback)

    def is_started(self) -> bool:
        """The first frame is painted and what waited for it has run."""
        return self._after_paint is None

    def _painted(self) -> None:
        waiting, self._after_paint = self._after_paint or [], None
        for callback in waiting:
            callback()

    # -- building ----------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Search"))
        bar.setObjectName("searchBar")
        bar.setMovable(False)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("globalSearch")
        self.search_box.setPlaceholderText(self.tr(
            "Search enterprises, visits, requests and proxy cases (Ctrl+F): name, credit code, "
            "phone, any words"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        self._search_timer = QTimer(self, singleShot=True, interval=180)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._run_search)
        self.search_box.installEventFilter(self)
        title = QLabel(self.tr("驻企通 Liaison"))
        title.setObjectName("appTitle")
        bar.addWidget(title)
        spacer = QWidget()
        spacer.setFixedWidth(24)
        bar.addWidget(spacer)
        bar.addWidget(self.search_box)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_new = QAction(self.tr("&New record"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(self.new_record)
        file_menu.addAction(self.action_new)
        self.action_save = QAction(self.tr("&Save"), self)
        self.action_save.setShortcut(QKeySequence.StandardKey.Save)
        self.action_save.triggered.connect(self.save_current)
        file_menu.addAction(self.action_save)
        file_menu.addSeparator()
        settings_action = QAction(self.tr("Se&ttings…"), self)
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        self._backup_actions: Any = None
        self.action_export = QAction(self.tr("&Export my data…"), self)
        self.action_export.triggered.connect(lambda: self.backup_actions.export_data())
        file_menu.addAction(self.action_export)
        self.action_restore = QAction(self.tr("&Restore from file…"), self)
        self.action_restore.triggered.connect(lambda: self.backup_actions.restore_data())
        file_menu.addAction(self.action_restore)
        self.action_demo = QAction(self.tr("Load &demo data…"), self)
        self.action_demo.triggered.connect(self.load_demo_data)
        file_menu.addAction(self.action_demo)
        self.action_verify_pass = QAction(self.tr("&Verify a pass…"), self)
        self.action_verify_pass.triggered.connect(self.verify_pass)
        file_menu.addAction(self.action_verify_pass)
        file_menu.addSeparator()
        self.action_lock = QAction(self.tr("&Lock"), self)
        self.action_lock.setShortcut(QKeySequence("Ctrl+L"))
        self.action_lock.triggered.connect(lambda: self.lock.lock())
        file_menu.addAction(self.action_lock)
        self.action_sign_out = QAction(self.tr("Sign &out of the server…"), self)
        self.action_sign_out.triggered.connect(self.sign_out)
        file_menu.addAction(self.action_sign_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.officer_label = QLabel()
        self.officer_label.setObjectName("officerStatus")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncStatus")
        self.location_label = QLabel()
        self.location_label.setObjectName("dataLocation")
        bar.addWidget(self.officer_label)
        bar.addWidget(self.sync_label)
        bar.addPermanentWidget(self.location_label)
        self.location_label.setText(self.tr("Data: {path}").format(path=str(self.ctx.paths.root)))

    def _build_shortcuts(self) -> None:
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)

    # -- navigation ----------------------------------------------------------------------
    def page(self, page_id: str) -> Page:
        """The page with ``page_id``, built on first use."""
        if page_id not in self._pages:
            spec = self._specs[page_id]
            if spec.factory:
                module_name, _, class_name = spec.factory.partition(":")
                cls = getattr(importlib.import_module(module_name), class_name)
                page = cls(self.ctx)
            else:
                page = PlaceholderPage(self.ctx, page_id=page_id, title=spec.title(),
                                       note=spec.placeholder_note() if spec.placeholder_note
                                       else "")
            page.restore_state()
            self._pages[page_id] = page
            self.stack.addWidget(page)
        return self._pages[page_id]

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def navigate(self, page_id: str, record_id: str = "") -> None:
        current = self.current_page()
        if current is not None and current.page_id != page_id and not current.can_leave():
            self._select_nav(current.page_id)
            return
        page = self.page(page_id)
        self.stack.setCurrentWidget(page)
        self._select_nav(page_id)
        if record_id:
            page.activate()
            page.open_record(record_id)
        elif getattr(self, "_after_paint", None) is not None:
            self.after_first_paint(lambda: self._activate(page))
        else:
            page.activate()
        if page_id != "search":
            self.ctx.settings.last_page = page_id

    def _activate(self, page: Page) -> None:
        if self.current_page() is page:
            page.activate()

    def _select_nav(self, page_id: str) -> None:
        self.nav.blockSignals(True)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page_id:
                self.nav.setCurrentRow(row)
                break
        else:
            # Keep the current row (focus would otherwise pick row 0 and navigate there);
            # only the highlight goes, since no navigation entry is the page shown.
            self.nav.clearSelection()
        self.nav.blockSignals(False)

    def _nav_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        page_id = item.data(Qt.ItemDataRole.UserRole)
        current = self.current_page()
        if current is None or current.page_id != page_id:
            self.navigate(page_id)
        else:
            self._select_nav(page_id)

    def check_the_day(self) -> None:
        """A new day: each page shows what is due, late or entered for it."""
        if clock.today() == self._day:
            return
        was, self._day = self._day, clock.today()
        for page in self._pages.values():
            page.on_day_changed(was)

    def _data_changed(self, what: str) -> None:
        for page in self._pages.values():
            page.on_data_changed(what)

    # -- actions -------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Down in the search box moves into the results (searching first if need be); the
        navigation's first paint starts what waits for the first frame."""
        if obj is self.nav and event.type() == QEvent.Type.Paint and self._after_paint is not None:
            self.nav.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
            return False
        if obj is self.search_box and event.type() == QEvent.Type.KeyPress and \
                QKeyEvent.key(event) == Qt.Key.Key_Down:  # type: ignore[arg-type]
            if self._search_timer.isActive() or self.current_page() is not self._pages.get(
                    "search"):
                self._run_search()
            page = self._pages.get("search")
            return bool(page is not None and page.focus_results())  # type: ignore[attr-defined]
        return super().eventFilter(obj, event)

    def _run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if not query:
            return
        page = self.page("search")
        page.search_box = self.search_box  # type: ignore[attr-defined]
        page.set_query(query)  # type: ignore[attr-defined]
        if self.current_page() is not page:
            self.navigate("search")

    def new_record(self) -> None:
        page = self.current_page()
        if page is None or not page.new_record():
            self.statusBar().showMessage(self.tr("This page has no new record to create."), 4000)

    def save_current(self) -> None:
        page = self.current_page()
        if page is None or not page.save_current():
            self.statusBar().showMessage(self.tr("Nothing to save here."), 3000)

    @property
    def backup_actions(self) -> Any:
        """Export and restore, built when first used (their module is not needed to start)."""
        if self._backup_actions is None:
            from liaison_app.ui.backup_actions import BackupActions

            self._backup_actions = BackupActions(self.ctx, self)
        return self._backup_actions

    def load_demo_data(self) -> None:
        """Demo data declined at the first start can be loaded later (empty database only)."""
        from liaison_app.ui.app import load_demo_data

        load_demo_data(self, self.ctx)

    def open_settings(self) -> None:
        from liaison_app.ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def verify_pass(self) -> None:
        from liaison_app.ui.dialogs.verify_pass_dialog import VerifyPassDialog

        VerifyPassDialog(self.ctx, self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Liaison"), self.tr(
            "<h3>驻企通 Liaison {version}</h3><p>The record book of enterprise liaison "
            "officers: visits, enterprises' requests, applications and forms, offline, "
            "synced with the county centre.</p><p>Data folder: {path}</p>").format(
            version=liaison_app.__version__, path=str(self.ctx.paths.root)))

    def sign_out(self) -> None:
        from liaison_app.ui.account_actions import sign_out

        sign_out(self.ctx, self)

    def update_status(self) -> None:
        from liaison_app.core.services import account

        me = account.whoami()
        officer = officers.get_officer(officer_id=self.ctx.settings.officer_id)
        if me.has_account:
            self.officer_label.setText(self.tr("Signed in: {name}").format(
                name=me.label() or (officer.name if officer else "")))
        else:
            self.officer_label.setText(self.tr("Not signed in (demo or local password): records "
                                               "carry no officer"))
        self.sync_label.setText(self.ctx.sync.status_text() if self.ctx.sync else "")
        self.location_label.setText(self.tr("Data: {path}").format(path=str(self.ctx.paths.root)))

    # -- window state --------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = self.ctx.settings
        self._restored = bool(s.window_geometry) and self.restoreGeometry(
            QByteArray.fromBase64(s.window_geometry.encode()))
        if not self._restored:
            self.resize(PREFERRED_SIZE)
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))

    def place_on_screen(self) -> None:
        """At start-up, before the window is shown: fit it to the screen it opens on
        (``start_geometry``). Main thread."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or self.isMaximized():
            return
        geometry, maximized = start_geometry(
            available=screen.availableGeometry(),
            saved=self.geometry() if self._restored else None)
        if maximized:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.setGeometry(geometry)

    def remember_state(self) -> None:
        s = self.ctx.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        s.window_state = bytes(self.saveState().toBase64().data()).decode()
        for page in self._pages.values():
            page.save_state()
        self.ctx.save_settings()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        page = self.current_page()
        if page is not None and not page.can_leave():
            event.ignore()
            return
        # What any editor holds goes to its draft now; the next start offers it back.
        from liaison_app.ui.editor_contract import flush_all_drafts

        flush_all_drafts()
        self.remember_state()
        if self.ctx.sync is not None:
            self.ctx.sync.shutdown()
        self.lock.stop()
        event.accept()
