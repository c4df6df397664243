"""The lock screen as a person meets it: set-up on a new laptop, unlock, an idle or sleep lock
that leaves nothing of the data on screen, and wrong passwords that slow down."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from liaison_app.core.db import close_database, is_plain
from liaison_app.core.models import Enterprise
from liaison_app.core.security import session
from liaison_app.core.security.keystore import Keystore
from liaison_app.core.services import audit, demo
from liaison_app.core.settings import Settings
from liaison_app.ui.context import AppContext
from liaison_app.ui.lock_screen import START, LockScreen
from liaison_app.ui.main_window import PAGES, MainWindow
from liaison_app.ui.tasks import TaskRunner
from tests.conftest import TEST_KDF
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.real_lock

PASSWORD = "锁屏测试密码 1234"


@pytest.fixture
def unlocked(qapp, data_paths):
    from liaison_app.ui.i18n import install_language

    install_language("zh_CN")
    session.set_up(data_paths, password=PASSWORD, kdf=TEST_KDF)
    session.open_unlocked(data_paths)
    demo.generate(enterprises=12, visits=60, officers=3)
    runner = TaskRunner()
    ctx = AppContext(paths=data_paths, settings=Settings(), runner=runner)
    yield ctx
    runner.shutdown()
    close_database()


@pytest.fixture
def window(qtbot, unlocked):
    win = MainWindow(unlocked)
    qtbot.addWidget(win)
    win.resize(1100, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.lock.stop()


def _colours(image: QImage) -> int:
    """How many distinct colours a sample of the picture has (text brings many)."""
    seen = set()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            seen.add(image.pixel(x, y))
    return len(seen)


def _visible_texts(top: QWidget) -> list[str]:
    return [w.text() for w in top.findChildren(QLabel) if w.isVisible() and w.text()]


def test_the_lock_hides_every_page_and_the_password_brings_it_back(qtbot, window, tmp_path):
    names = [e.name for e in Enterprise.select()]
    for spec in PAGES:
        window.navigate(spec.page_id)
        wait_idle(qtbot, window.ctx)
        before = window.grab().toImage()
        window.lock.lock()
        qtbot.waitUntil(lambda: window.lock.screen is not None
                        and window.lock.screen.isVisible())
        shot = window.grab().toImage()
        shot.save(str(tmp_path / f"locked-{spec.page_id}.png"))
        screen = window.lock.screen
        screen.grab().save(str(tmp_path / f"lockscreen-{spec.page_id}.png"))
        # No widget that shows data is visible, and the window is a blank surface.
        assert not window.centralWidget().isVisible()
        assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
        assert _colours(shot) <= 3 < _colours(before), spec.page_id
        assert window.windowTitle() == "驻企通（已锁定）"
        shown = " ".join(_visible_texts(screen))
        assert not any(name in shown for name in names)
        screen.password.setText(PASSWORD)
        screen.unlock()
        qtbot.waitUntil(lambda: not window.lock.locked, timeout=10_000)
        assert window.centralWidget().isVisible() and window.statusBar().isVisible()
        assert window.current_page().page_id == spec.page_id


def test_an_open_dialog_is_hidden_too_and_keeps_what_was_typed(qtbot, window):
    from liaison_app.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.font_path.setText("/typed/before/the/lock.ttf")
    window.lock.lock()
    assert dialog.isVisible() and not dialog.font_path.isVisible()
    assert dialog.windowTitle() == "驻企通（已锁定）"
    window.lock.screen.password.setText(PASSWORD)
    window.lock.screen.unlock()
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=10_000)
    assert dialog.font_path.isVisible() and dialog.font_path.text() == "/typed/before/the/lock.ttf"
    assert dialog.windowTitle() == "设置"


def test_wrong_passwords_slow_down_on_the_lock_screen(qtbot, window):
    window.lock.lock()
    screen = window.lock.screen
    for attempt in range(3):
        qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=10_000)
        screen.password.setText(f"wrong {attempt}")
        screen.unlock()
        qtbot.waitUntil(lambda: not screen._busy, timeout=10_000)
    assert "密码错误" in screen.unlock_error.text()
    assert "秒后再试" in screen.unlock_error.text()
    assert not screen.unlock_button.isEnabled()
    assert window.lock.locked
    # The wait is in the key file: a restart would not lift it.
    assert Keystore.load(window.ctx.paths.root).wait_seconds() > 0
    qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=5_000)
    screen.password.setText(PASSWORD)
    screen.unlock()
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=10_000)
    actions = [e.action for e in audit.recent(actions=("unlock", "unlock_failed"))]
    assert actions.count("unlock_failed") == 3 and "unlock" in actions


def test_idle_time_and_sleep_lock_the_window(qtbot, window):
    from liaison_app.core.services import account, centre_settings

    lock = window.lock
    assert window.ctx.settings.idle_lock_minutes == 10
    # The centre sets the idle time for the county; its value wins over the local default.
    centre_settings.put(account.IDLE_LOCK_KEY, 3, role="center")
    lock._minutes = None
    lock._last_input = time.monotonic() - 60 * 3 + 30
    lock._check()
    assert not lock.locked  # not yet
    lock._last_input -= 31
    lock._check()
    assert lock.locked
    lock.unlock()
    # The wall clock jumped an hour past the monotonic one: the laptop slept.
    wall, mono = lock._clocks
    lock._clocks = (wall - 3600, mono)
    lock._check()
    assert lock.locked
    lock.unlock()


def test_a_new_laptop_is_set_up_with_a_local_password_and_shows_the_code_once(
        qtbot, qapp, data_paths, tmp_path):
    from liaison_app.ui.i18n import install_language

    install_language("zh_CN")
    runner = TaskRunner()
    try:
        screen = LockScreen(paths=data_paths, runner=runner, mode=START)
        qtbot.addWidget(screen)
        screen.resize(900, 640)
        screen.show()
        assert screen.stack.currentWidget() is screen.setup_page
        screen.grab().save(str(tmp_path / "setup.png"))
        screen.setup_tabs.setCurrentIndex(1)
        screen.new_password.setText("short")
        screen.new_password_again.setText("short")
        screen.set_local_password()
        assert "至少" in screen.setup_error.text()
        screen.new_password.setText("本机密码 abcdef")
        screen.new_password_again.setText("本机密码 abcdeX")
        screen.set_local_password()
        assert "不一致" in screen.setup_error.text()
        screen.new_password_again.setText("本机密码 abcdef")
        screen.set_local_password()
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.code_page,
                        timeout=15_000)
        code = screen.code_label.text()
        assert len(code) == 29 and code.count("-") == 5
        screen.grab().save(str(tmp_path / "code.png"))
        with qtbot.waitSignal(screen.opened, timeout=5_000):
            screen.code_done.click()
        assert screen.code_label.text() == ""  # shown once
        assert data_paths.database.exists() and not is_plain(data_paths.database)
        close_database()
        session.forget(data_paths)
        # The next start asks for that password, with the recovery code as a way back.
        again = LockScreen(paths=data_paths, runner=runner, mode=START)
        qtbot.addWidget(again)
        again.show()
        assert again.stack.currentWidget() is again.unlock_page
        assert "本机密码" in again.who.text()
        again.recovery_code.setText(code)
        again.recovery_password.setText("新的本机密码 123")
        again.recovery_password_again.setText("新的本机密码 123")
        with qtbot.waitSignal(again.opened, timeout=20_000, raising=False):
            again.recover()
            qtbot.waitUntil(lambda: again.stack.currentWidget() is again.code_page,
                            timeout=15_000)
            assert again.code_label.text() != code
            again.code_done.click()
        close_database()
        session.forget(data_paths)
        session.unlock(data_paths, secret="新的本机密码 123")
    finally:
        runner.shutdown()
        close_database()


def test_the_lock_screen_has_no_english(qtbot, qapp, data_paths):
    from liaison_app.ui.i18n import install_language

    install_language("zh_CN")
    runner = TaskRunner()
    try:
        screen = LockScreen(paths=data_paths, runner=runner, mode=START)
        qtbot.addWidget(screen)
        screen.show()
        texts = [w.text() for w in screen.findChildren(QLabel) if w.text()]
        texts += [b.text() for b in screen.findChildren(QWidget)
                  if hasattr(b, "text") and callable(b.text) and isinstance(b.text(), str)]
        english = [t for t in texts if t and any("a" <= c.lower() <= "z" for c in t)
                   and not t.startswith(("驻企通", "https://", "XXXX", "CA "))]
        assert english == []
    finally:
        runner.shutdown()



def test_what_the_window_needs_loads_while_the_password_is_typed_once(
        qtbot, qapp, data_paths, monkeypatch):
    """The window's first second must not wait for the sync engine's import: it is loaded on
    the database worker when the person starts typing at start, once, before the unlock that
    is queued behind it; an idle lock (everything loaded already) loads nothing."""
    from liaison_app.ui import lock_screen

    for name in lock_screen.WINDOW_MODULES:  # loaded on a worker thread: never Qt
        assert not name.startswith("liaison_app.ui"), name
    lock_screen.load_window_modules(stop=threading.Event())  # every name imports
    stopped = threading.Event()
    stopped.set()
    with monkeypatch.context() as m:  # an unlock under way: nothing more is imported
        m.setattr(lock_screen, "WINDOW_MODULES", ("no_such_module_anywhere",))
        lock_screen.load_window_modules(stop=stopped)
    order: list[str] = []
    monkeypatch.setattr(lock_screen, "load_window_modules",
                        lambda *, stop: order.append("preload"))
    real_unlock = session.unlock
    monkeypatch.setattr(session, "unlock", lambda paths, *, secret: (
        order.append("unlock"), real_unlock(paths, secret=secret))[1])
    session.set_up(data_paths, password=PASSWORD, kdf=TEST_KDF)
    session.open_unlocked(data_paths)
    close_database()
    session.forget(data_paths)
    runner = TaskRunner()
    try:
        screen = LockScreen(paths=data_paths, runner=runner, mode=START)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.keyClicks(screen.password, "1234")  # (QTest types ASCII only)
        qtbot.keyClicks(screen.password, "5678")
        screen.password.setText(PASSWORD)
        with qtbot.waitSignal(screen.opened, timeout=15_000):
            screen.unlock()
        assert order == ["preload", "unlock"]
        idle = LockScreen(paths=data_paths, runner=runner, mode="idle")
        qtbot.addWidget(idle)
        idle.show()
        qtbot.keyClicks(idle.password, "123")
        qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5_000)
        assert order == ["preload", "unlock"]
    finally:
        runner.shutdown()
        close_database()
