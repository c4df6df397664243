"""The lock screen: set up a new laptop, unlock it at start, unlock it after an idle lock.

Nothing behind it is shown: at start no window with data exists yet, and after an idle lock
``LockController`` hides the content of every window before this one appears. Password work
(argon2, about 0.2 s) and opening the database (which may encrypt an older folder first) run
on the background runner; the screen only says what happens.

What a person meets, by the state of the data folder:

- **a new laptop**: sign in to the county server (the account's password then protects the
  laptop), or, for a laptop not signed in yet (a demo, or before the account exists), choose
  a local password. Either way a recovery code is shown once.
- **a folder from before encryption**: choose a password; the data is encrypted with it.
- **a locked laptop**: the password (or PIN). Wrong attempts slow down. "Forgot the password"
  offers the recovery code and, for a laptop signed in before, signing in online with the
  password the centre set.
"""
from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session, wipe
from liaison_app.core.security.keystore import (
    MIN_PASSWORD,
    Keystore,
    KeystoreError,
    TooSoon,
    WrongSecret,
)
from liaison_app.ui.errors import describe
from liaison_app.ui.tasks import TaskRunner
from liaison_app.ui.widgets.sign_in_form import SignInForm, password_field

log = logging.getLogger(__name__)

START, IDLE = "start", "idle"

#: What the window needs within its first second that the lock screen does not: the status
#: bar's sync line (the sync engine: pydantic, requests) and 工作台's services. Loading them
#: takes a third of a second or more, which would otherwise freeze the window right after it
#: appears; they load while the password is typed. Modules without Qt only: they are loaded
#: on a worker thread. The largest comes last: an unlock that comes at once stops the loading
#: and waits for one module at most.
WINDOW_MODULES = (
    "liaison_app.core.services.account",
    "liaison_app.core.services.daily_board",
    "liaison_app.core.services.dashboard",
    "sync.client",
)


def load_window_modules(*, stop: threading.Event) -> None:
    """Import ``WINDOW_MODULES`` until ``stop`` is set (the unlock has begun; the window
    imports the rest itself). The database worker, while the main thread only waits for the
    password and ahead of the unlock on the same worker, so that no module is ever imported
    by two threads at once."""
    for name in WINDOW_MODULES:
        if stop.is_set():
            return
        importlib.import_module(name)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("lockError")
    label.setWordWrap(True)
    label.setStyleSheet("color:#c62828")
    label.hide()
    return label


class LockScreen(QWidget):
    """Emits ``opened`` once the folder is unlocked (START: and its database open)."""

    opened = Signal()

    def __init__(self, *, paths: DataPaths, runner: TaskRunner, mode: str = START,
                 on_signed_in: Callable[[object], None] | None = None,
                 on_open_failed: Callable[[BaseException], None] | None = None) -> None:
        """``on_open_failed``: START, the database could not be opened (damaged, newer
        version): the app explains and may restore a backup."""
        super().__init__()
        self.on_open_failed = on_open_failed
        self.paths = paths
        self.runner = runner
        self.mode = mode
        self.on_signed_in = on_signed_in
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Liaison — locked"))
        self.setMinimumSize(560, 460)
        self._busy = False
        self._preloading = mode != START
        self._stop_preloading = threading.Event()
        self._retry_at = 0.0
        self._countdown = QTimer(self, interval=500)
        self._countdown.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("lockCard")
        self.card.setMaximumWidth(620)
        card = QVBoxLayout(self.card)
        title = QLabel(self.tr("驻企通 Liaison"))
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.addWidget(title)
        self.notice = QLabel()
        self.notice.setObjectName("lockNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        card.addWidget(self.notice)
        self.stack = QStackedWidget()
        card.addWidget(self.stack)
        row.addWidget(self.card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.unlock_page = self._build_unlock()
        self.setup_page = self._build_setup()
        self.recovery_page = self._build_recovery()
        self.server_page = self._build_server_unlock()
        self.code_page = self._build_code()
        self.busy_page = self._build_busy()
        for page in (self.unlock_page, self.setup_page, self.recovery_page, self.server_page,
                     self.code_page, self.busy_page):
            self.stack.addWidget(page)
        self.show_start_page()

    # -- pages -------------------------------------------------------------------------------
    def _build_unlock(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.who = QLabel()
        self.who.setObjectName("lockWho")
        self.who.setWordWrap(True)
        box.addWidget(self.who)
        self.password = password_field()
        self.password.setObjectName("lockPassword")
        self.password.returnPressed.connect(self.unlock)
        self.password.textEdited.connect(self._preload)
        box.addWidget(self.password)
        self.unlock_error = _error_label()
        box.addWidget(self.unlock_error)
        buttons = QHBoxLayout()
        self.forgot_button = QPushButton(self.tr("Forgot the password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(lambda: self._show(self.recovery_page))
        self.online_button = QPushButton(self.tr("Sign in online instead…"))
        self.online_button.setFlat(True)
        self.online_button.clicked.connect(lambda: self._show(self.server_page))
        buttons.addWidget(self.forgot_button)
        buttons.addWidget(self.online_button)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        buttons.addWidget(self.unlock_button)
        box.addLayout(buttons)
        box.addStretch(1)
        return page

    def _build_setup(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.setup_intro = QLabel()
        self.setup_intro.setWordWrap(True)
        box.addWidget(self.setup_intro)
        self.setup_tabs = QTabWidget()
        sign = QWidget()
        sign_box = QVBoxLayout(sign)
        sign_note = QLabel(self.tr("Sign in once with the account the service centre gave you. "
                                   "Its password then protects the data on this laptop and "
                                   "unlocks it offline."))
        sign_note.setWordWrap(True)
        sign_box.addWidget(sign_note)
        self.setup_sign_in = SignInForm()
        sign_box.addWidget(self.setup_sign_in)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.clicked.connect(self.first_sign_in)
        sign_box.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignRight)
        local = QWidget()
        local_box = QVBoxLayout(local)
        local_note = QLabel(self.tr(
            "For a laptop not signed in yet (a demo, or until your account exists): choose a "
            "password for this laptop. Records made now carry no officer, and printed forms say "
            "that the laptop is not signed in. Your account's password replaces this one when "
            "you sign in."))
        local_note.setWordWrap(True)
        local_box.addWidget(local_note)
        form = QFormLayout()
        self.new_password = password_field(self.tr("At least {n} characters").format(
            n=MIN_PASSWORD))
        self.new_password_again = password_field()
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow(self.tr("Repeat it"), self.new_password_again)
        local_box.addLayout(form)
        self.local_button = QPushButton(self.tr("Protect with this password"))
        self.local_button.clicked.connect(self.set_local_password)
        local_box.addWidget(self.local_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setup_tabs.addTab(sign, self.tr("Sign in to the server"))
        self.setup_tabs.addTab(local, self.tr("Local password"))
        box.addWidget(self.setup_tabs)
        self.setup_error = _error_label()
        box.addWidget(self.setup_error)
        box.addStretch(1)
        return page

    def _build_recovery(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        note = QLabel(self.tr("Enter the recovery code you were shown when this laptop was set "
                              "up, and choose a new password. Nothing on the laptop is lost."))
        note.setWordWrap(True)
        box.addWidget(note)
        form = QFormLayout()
        self.recovery_code = QLineEdit()
        self.recovery_code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_password = password_field(self.tr("At least {n} characters").format(
            n=MIN_PASSWORD))
        self.recovery_password_again = password_field()
        form.addRow(self.tr("Recovery code"), self.recovery_code)
        form.addRow(self.tr("New password"), self.recovery_password)
        form.addRow(self.tr("Repeat it"), self.recovery_password_again)
        box.addLayout(form)
        self.recovery_error = _error_label()
        box.addWidget(self.recovery_error)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.show_start_page)
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.recover_button = QPushButton(self.tr("Set the new password"))
        self.recover_button.clicked.connect(self.recover)
        buttons.addWidget(self.recover_button)
        box.addLayout(buttons)
        box.addStretch(1)
        return page

    def _build_server_unlock(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        note = QLabel(self.tr("If the service centre set a new password for your account, sign "
                              "in with it (a network is needed). The server then opens this "
                              "laptop, and the new password unlocks it from now on."))
        note.setWordWrap(True)
        box.addWidget(note)
        self.server_form = SignInForm()
        box.addWidget(self.server_form)
        self.server_error = _error_label()
        box.addWidget(self.server_error)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.show_start_page)
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.server_button = QPushButton(self.tr("Sign in and unlock"))
        self.server_button.clicked.connect(self.unlock_online)
        buttons.addWidget(self.server_button)
        box.addLayout(buttons)
        box.addStretch(1)
        return page

    def _build_code(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        note = QLabel(self.tr("Your recovery code. It is shown only now: write it down and keep "
                              "it somewhere safe, away from the laptop. With it the data can be "
                              "opened if the password is forgotten."))
        note.setWordWrap(True)
        box.addWidget(note)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 6)
        self.code_label.setFont(font)
        box.addWidget(self.code_label)
        self.code_done = QPushButton(self.tr("I have written it down"))
        self.code_done.clicked.connect(self._code_noted)
        box.addWidget(self.code_done, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        return page

    def _build_busy(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.busy_label = QLabel()
        self.busy_label.setWordWrap(True)
        box.addWidget(self.busy_label)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        box.addWidget(self.busy_bar)
        box.addStretch(1)
        return page

    # -- which page ----------------------------------------------------------------------------
    def _current(self, page: QWidget) -> None:
        """Show ``page``, sized to itself (a stack is otherwise as tall as its tallest page)."""
        for index in range(self.stack.count()):
            other = self.stack.widget(index)
            policy = QSizePolicy.Policy.Preferred if other is page else \
                QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(page)
        self.stack.updateGeometry()

    def _show(self, page: QWidget) -> None:
        self._current(page)
        for field in (self.password, self.new_password, self.recovery_code,
                      self.setup_sign_in.username, self.server_form.password):
            if field.isVisibleTo(page) or page.isAncestorOf(field):
                field.setFocus()
                break

    def show_start_page(self) -> None:
        marker = wipe.marker(self.paths)
        if marker is not None and self.mode == START:
            self._notice(self.tr(
                "The Liaison data on this laptop was removed on {when} at the service centre's "
                "request (the laptop was reported {reason}). Set it up again to go on.").format(
                when=str(marker.get("at", ""))[:16].replace("T", " "),
                reason=self.tr("lost") if marker.get("reason") == "lost" else self.tr(
                    "retired")))
        state = session.folder_state(self.paths) if self.mode == START else \
            session.FolderState.LOCKED
        if state in (session.FolderState.NEW, session.FolderState.PLAIN):
            self.setup_intro.setText(
                self.tr("Welcome. The data on this laptop is kept encrypted; choose how it is "
                        "protected.") if state == session.FolderState.NEW else
                self.tr("This version keeps the data encrypted. Choose how the records already "
                        "on this laptop are protected; they are encrypted once, right after."))
            self._show(self.setup_page)
            return
        if state == session.FolderState.ORPHANED:
            self._notice(self.tr("The key file of this data folder is missing, so its data "
                                 "cannot be opened. Restore a backup or choose another data "
                                 "folder."))
            self._current(self.busy_page)
            self.busy_bar.hide()
            return
        self._fill_unlock_page()
        self._show(self.unlock_page)

    def _fill_unlock_page(self) -> None:
        try:
            store = Keystore.load(self.paths.root)
        except KeystoreError as exc:
            self.who.setText(describe(exc))
            self.unlock_button.setEnabled(False)
            return
        if store.owner_kind == "account":
            self.who.setText(self.tr("Locked. Enter the password of {user} to go on.").format(
                user=store.owner_username))
            self.server_form.server.setText(store.owner_server)
            self.server_form.username.setText(store.owner_username)
        else:
            self.who.setText(self.tr("Locked. This laptop is not signed in to a server; enter "
                                     "its local password."))
        self.online_button.setVisible(store.has("server") and self.mode == START)
        self.password.setPlaceholderText(self.tr("Password or PIN") if store.has("pin")
                                         else self.tr("Password"))
        wait = store.wait_seconds()
        if wait > 0:
            self._hold(wait)

    def _notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- the throttle ----------------------------------------------------------------------------
    def _hold(self, seconds: float) -> None:
        self._retry_at = time.monotonic() + seconds
        self.unlock_button.setEnabled(False)
        self._countdown.start()
        self._tick()

    def _tick(self) -> None:
        left = self._retry_at - time.monotonic()
        if left <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(not self._busy)
            self.unlock_error.hide()
            return
        self._error(self.unlock_error, self.tr("Too many wrong passwords. Try again in {n} "
                                               "seconds.").format(n=int(left + 0.999)))

    # -- actions ---------------------------------------------------------------------------------
    def _error(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _working(self, text: str) -> None:
        self._busy = True
        self.busy_label.setText(text)
        self.busy_bar.setRange(0, 0)
        self._current(self.busy_page)

    def _back_from_busy(self, page: QWidget) -> None:
        self._busy = False
        self._current(page)

    def _preload(self) -> None:
        """At start, once the person begins typing the password: load what the window will
        need (``WINDOW_MODULES``) meanwhile. Not before: a lock screen nobody types into
        does not need it."""
        if self._preloading:
            return
        self._preloading = True
        stop = self._stop_preloading
        self.runner.submit(lambda: load_window_modules(stop=stop),
                           on_error=lambda exc: log.warning("preloading failed: %r", exc))

    def unlock(self) -> None:
        secret = self.password.text()
        if not secret or self._busy or not self.unlock_button.isEnabled():
            return
        self.password.clear()
        self._stop_preloading.set()
        paths = self.paths
        self._busy = True
        self.unlock_button.setEnabled(False)
        self._error(self.unlock_error, "")
        if self.mode == IDLE:
            def check() -> bool:
                ok = session.verify(paths, secret=secret)
                session.flush_events(paths)
                return ok

            self.runner.submit(check, on_done=self._verified, on_error=self._unlock_failed)
            return
        self.runner.submit(lambda: session.unlock(paths, secret=secret),
                           on_done=lambda _key: self._open(), on_error=self._unlock_failed)

    def _verified(self, ok: bool) -> None:
        self._busy = False
        if ok:
            self.opened.emit()
            return
        self._unlock_failed(WrongSecret(failures=0, wait=Keystore.load(
            self.paths.root).wait_seconds()))

    def _unlock_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self._show(self.unlock_page)
        if isinstance(exc, TooSoon | WrongSecret) and getattr(exc, "wait", 0) > 0:
            self._hold(exc.wait)
            if isinstance(exc, WrongSecret):
                self.unlock_error.setText(self.tr("Wrong password.") + " "
                                          + self.unlock_error.text())
            return
        self._error(self.unlock_error, self.tr("Wrong password.")
                    if isinstance(exc, WrongSecret) else describe(exc))

    def _open(self, code: str = "") -> None:
        """Open the database (encrypting an older folder first), then hand over."""
        self._working(self.tr("Opening the data…"))
        paths = self.paths

        def work(task):  # database worker
            return session.open_unlocked(paths, progress=task.progress)

        def progress(done: int, total: int, text: str) -> None:
            self.busy_label.setText(text)
            if total:
                self.busy_bar.setRange(0, total)
                self.busy_bar.setValue(done)

        def done(_db: object) -> None:
            self._busy = False
            if code:
                self._show_code(code)
            else:
                self.opened.emit()

        self.runner.submit(work, with_task=True, on_progress=progress, on_done=done,
                           on_error=self._open_failed)

    def _open_failed(self, exc: BaseException) -> None:
        log.error("the data could not be opened: %r", exc)
        from liaison_app.core.db import DatabaseOpenError, OpenProblem

        if isinstance(exc, DatabaseOpenError) and exc.problem != OpenProblem.LOCKED \
                and self.on_open_failed is not None:
            self._busy = False
            self.on_open_failed(exc)
            return
        self._back_from_busy(self.unlock_page)
        session.forget(self.paths)
        self._error(self.unlock_error, describe(exc))

    def _show_code(self, code: str) -> None:
        self.code_label.setText(code)
        self._current(self.code_page)

    def _code_noted(self) -> None:
        self.code_label.clear()
        self.opened.emit()

    def set_local_password(self) -> None:
        first, again = self.new_password.text(), self.new_password_again.text()
        if len(first) < MIN_PASSWORD:
            self._error(self.setup_error, self.tr("The password must have at least {n} "
                                                  "characters.").format(n=MIN_PASSWORD))
            return
        if first != again:
            self._error(self.setup_error, self.tr("The two passwords differ."))
            return
        self._error(self.setup_error, "")
        paths = self.paths
        self._working(self.tr("Setting up the encryption…"))
        self.runner.submit(lambda: session.set_up(paths, password=first),
                           on_done=lambda code: self._open(code=code),
                           on_error=lambda exc: self._setup_failed(exc))

    def _setup_failed(self, exc: BaseException) -> None:
        self._back_from_busy(self.setup_page)
        self._error(self.setup_error, describe(exc))

    def first_sign_in(self) -> None:
        problem = self.setup_sign_in.problem()
        if problem:
            self._error(self.setup_error, problem)
            return
        self._error(self.setup_error, "")
        values = self.setup_sign_in.values()
        self.setup_sign_in.password.clear()
        paths = self.paths
        self._working(self.tr("Signing in…"))
        from liaison_app.core.db import is_plain

        if is_plain(paths.database):
            # Records from before encryption: protect them first with the account password,
            # then sign in (a refused sign-in leaves a locked laptop, nothing lost).
            def work() -> tuple[object, str]:
                from sync import signin

                code = session.set_up(paths, password=str(values["password"]))
                session.open_unlocked(paths)
                return signin.sign_in(paths=paths, **values), code  # type: ignore[arg-type]
        else:
            def work() -> tuple[object, str]:
                from sync import signin

                return signin.first_sign_in(paths=paths, **values)  # type: ignore[arg-type]

        self.runner.submit(work, worker="net", on_done=self._signed_in,
                           on_error=self._sign_in_failed)

    def _signed_in(self, result: tuple[object, str]) -> None:
        info, code = result
        self._busy = False
        if self.on_signed_in is not None:
            self.on_signed_in(info)
        self._show_code(code)

    def _sign_in_failed(self, exc: BaseException) -> None:
        if session.data_key(self.paths) is not None:
            # The data is protected and open; only the sign-in failed: go on, signed out.
            self._busy = False
            self._notice(self.tr("Signing in failed: {reason} You can sign in later on the "
                                 "Sync page.").format(reason=describe(exc)))
            self.opened.emit()
            return
        self._back_from_busy(self.setup_page)
        self._error(self.setup_error, describe(exc))

    def recover(self) -> None:
        code = self.recovery_code.text().strip()
        first, again = self.recovery_password.text(), self.recovery_password_again.text()
        if len(first) < MIN_PASSWORD:
            self._error(self.recovery_error, self.tr("The password must have at least {n} "
                                                     "characters.").format(n=MIN_PASSWORD))
            return
        if first != again:
            self._error(self.recovery_error, self.tr("The two passwords differ."))
            return
        paths = self.paths

        def work() -> str:
            session.unlock(paths, secret=code)
            session.change_password(paths, new_password=first)
            session.queue_event(paths, "recovery_used")
            return session.new_recovery_code(paths)

        self._working(self.tr("Checking the recovery code…"))
        self.runner.submit(work, on_done=self._recovered, on_error=self._recover_failed)

    def _recovered(self, code: str) -> None:
        self._busy = False
        self.recovery_code.clear()
        self.recovery_password.clear()
        self.recovery_password_again.clear()
        if self.mode == IDLE:
            session.flush_events(self.paths)
            self._show_code(code)
            return
        self._open(code=code)

    def _recover_failed(self, exc: BaseException) -> None:
        self._back_from_busy(self.recovery_page)
        if isinstance(exc, WrongSecret | TooSoon):
            text = self.tr("That recovery code does not open this laptop.")
            if exc.wait > 0:
                text += " " + self.tr("Try again in {n} seconds.").format(
                    n=int(exc.wait + 0.999))
            self._error(self.recovery_error, text)
            return
        self._error(self.recovery_error, describe(exc))

    def unlock_online(self) -> None:
        problem = self.server_form.problem()
        if problem:
            self._error(self.server_error, problem)
            return
        values = self.server_form.values()
        self.server_form.password.clear()
        paths = self.paths

        def work() -> object:
            from sync import signin

            return signin.unlock_through_server(paths=paths, **values)  # type: ignore[arg-type]

        self._working(self.tr("Signing in…"))
        self.runner.submit(work, worker="net", on_done=self._online_unlocked,
                           on_error=self._online_failed)

    def _online_unlocked(self, info: object) -> None:
        self._busy = False
        if self.on_signed_in is not None:
            self.on_signed_in(info)
        self.opened.emit()

    def _online_failed(self, exc: BaseException) -> None:
        self._back_from_busy(self.server_page)
        self._error(self.server_error, describe(exc))


def center_over(widget: QWidget, other: QWidget | None) -> None:
    """Give ``widget`` the geometry of ``other`` (or a sensible size)."""
    if other is not None and other.isVisible():
        widget.setGeometry(other.geometry())
    else:
        screen = QApplication.primaryScreen()
        widget.resize(900, 640)
        if screen is not None:
            rect = screen.availableGeometry()
            widget.move(rect.center() - widget.rect().center())
