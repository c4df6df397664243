"""The idle lock: after some minutes without input, and when the laptop goes to sleep, every
window's content is hidden and the lock screen asks for the password.

Locking hides the children of every open window (not the windows themselves: hiding a dialog
would end it and lose what was typed in it) and blanks their titles, so nothing of the data is
on screen, then shows the lock screen above them, modal, so no input reaches them. Unlocking
puts it all back as it was. Background work (a sync, a print) goes on while locked.

Sleep is noticed two ways: logind's ``PrepareForSleep`` signal on the system bus where there
is one, and, everywhere, a jump of the wall clock past the monotonic clock (which stops while
the machine sleeps), checked every few seconds.
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from liaison_app.ui.context import AppContext
from liaison_app.ui.lock_screen import IDLE, LockScreen, center_over

log = logging.getLogger(__name__)

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress})
CHECK_MS = 5_000
#: A wall-clock jump beyond the monotonic clock larger than this means the laptop slept.
SLEEP_JUMP_S = 20.0


def idle_minutes(ctx: AppContext) -> int:
    """The idle time before the lock, as the centre sets it (the local setting until the
    centre's value has arrived), at least one minute."""
    from liaison_app.core.services import account

    try:
        return account.idle_lock_minutes(default=int(ctx.settings.idle_lock_minutes))
    except Exception:  # noqa: BLE001 - a closed or wiped database: the local value
        return max(1, int(ctx.settings.idle_lock_minutes))


class LockController(QObject):
    """One per window; main thread."""

    locked_changed = Signal(bool)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.locked = False
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._titles: list[tuple[QWidget, str]] = []
        self._last_input = time.monotonic()
        self._clocks = (time.time(), time.monotonic())
        self._minutes: int | None = None
        self._checked_setting = 0.0
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self._check)
        self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._watch_sleep()

    # -- noticing ----------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        wall, mono = time.time(), time.monotonic()
        slept = (wall - self._clocks[0]) - (mono - self._clocks[1]) > SLEEP_JUMP_S
        self._clocks = (wall, mono)
        if self.locked:
            return
        if slept:
            log.info("the laptop slept: locking")
            self.lock()
            return
        if mono - self._checked_setting > 60 or self._minutes is None:
            self._minutes, self._checked_setting = idle_minutes(self.ctx), mono
        if mono - self._last_input >= 60 * self._minutes:
            log.info("idle for %s minutes: locking", self._minutes)
            self.lock()

    def _watch_sleep(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return
        ok = bus.connect("org.freedesktop.login1", "/org/freedesktop/login1",
                         "org.freedesktop.login1.Manager", "PrepareForSleep", self,
                         "1prepare_for_sleep(bool)")
        log.info("watching for sleep on the system bus: %s", ok)

    @Slot(bool)
    def prepare_for_sleep(self, going: bool) -> None:
        if going:
            self.lock()

    # -- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        for top in QApplication.topLevelWidgets():
            if not top.isVisible() or isinstance(top, LockScreen):
                continue
            if top.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                top.hide()  # an open menu or tooltip just closes
                continue
            for child in top.findChildren(QWidget, options=Qt.FindChildOption
                                          .FindDirectChildrenOnly):
                if child.isVisibleTo(top) and not child.isWindow():
                    child.hide()
                    self._hidden.append(child)
            self._titles.append((top, top.windowTitle()))
            top.setWindowTitle(self.tr("Liaison (locked)"))
        screen = LockScreen(paths=self.ctx.paths, runner=self.ctx.runner, mode=IDLE)
        screen.setWindowModality(Qt.WindowModality.ApplicationModal)
        screen.setWindowFlag(Qt.WindowType.Window, True)
        screen.opened.connect(self.unlock)
        center_over(screen, self.window)
        self.screen = screen
        screen.show()
        screen.raise_()
        screen.activateWindow()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if not self.locked:
            return
        for child in self._hidden:
            try:
                child.show()
            except RuntimeError:  # the widget went away meanwhile
                pass
        for top, title in self._titles:
            try:
                top.setWindowTitle(title)
            except RuntimeError:
                pass
        self._hidden, self._titles = [], []
        if self.screen is not None:
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
        self.locked = False
        self._last_input = time.monotonic()
        self.locked_changed.emit(False)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
