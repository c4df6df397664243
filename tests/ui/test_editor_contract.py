"""Every record editor passes the same scenarios: nothing typed is ever lost.

Each scenario runs for the visit, request, direct-channel letter, proxy case, enterprise,
worker, application and report template editors (``editor_cases.py`` says how each is reached).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from liaison_app.core.services import drafts
from liaison_app.ui.dialogs.draft_restore import offer_draft_restore
from liaison_app.ui.main_window import MainWindow
from tests.ui.conftest import wait_idle
from tests.ui.editor_cases import CASES, TYPED, ime_type, make_world, open_case

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
NAMES = list(CASES)


class Answers:
    """Stands in for the person answering message boxes: clicks the button labelled with
    the next answer and remembers what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.answers: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        self.asked.append(box.text())
        label = self.answers.pop(0) if self.answers else "继续编辑"
        buttons = {b.text(): b for b in box.buttons()}
        assert label in buttons, (label, list(buttons))
        buttons[label].click()
        return 0


@pytest.fixture
def answers(monkeypatch):
    return Answers(monkeypatch)


@pytest.fixture
def world(ctx):
    from liaison_app.core import context

    make_world()
    yield ctx
    context.set_actor(officer_id="")  # a case that acts as the centre leaves nobody behind


def open_window(qtbot, ctx, size=(1366, 768)) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitUntil(win.is_started, timeout=5000)
    return win


@pytest.fixture(params=NAMES)
def opened(request, qtbot, world, answers):
    """The main window with the case's editor open on its first record."""
    case = CASES[request.param]
    record_id, other_id = case.pick()
    win = open_window(qtbot, world)
    open_case(case, win, record_id, QApplication.instance(), world.runner)
    assert case.is_open(win), "the editor did not open"
    assert not case.contract(win).is_dirty(), "an editor just opened has nothing to lose"
    return case, win, record_id, other_id


def typed(qtbot, ctx, case, win) -> None:
    ime_type(case.field(win), TYPED)
    assert case.contract(win).is_dirty()


def test_switching_to_another_record_asks_first(qtbot, world, answers, opened):
    case, win, record_id, other_id = opened
    # Nothing typed: no question.
    case.switch(win, other_id)
    wait_idle(qtbot, world)
    assert answers.asked == [] and case.contract(win).record_id == other_id
    case.switch(win, record_id)
    wait_idle(qtbot, world)
    typed(qtbot, world, case, win)

    answers.answers = ["继续编辑"]
    case.switch(win, other_id)
    wait_idle(qtbot, world)
    assert len(answers.asked) == 1 and "未保存" in answers.asked[0]
    assert case.contract(win).record_id == record_id
    assert case.field(win).toPlainText().endswith(TYPED)

    answers.answers = ["丢弃"]
    case.switch(win, other_id)
    wait_idle(qtbot, world)
    assert case.contract(win).record_id == other_id
    assert TYPED not in case.field(win).toPlainText()
    assert drafts.load_draft(key=f"{case.contract(win).kind}:{record_id}") is None


def test_ctrl_n_asks_first_and_can_save(qtbot, world, answers, opened):
    case, win, record_id, _other = opened
    typed(qtbot, world, case, win)
    answers.answers = ["继续编辑"]
    press_ctrl_n(case, win)
    assert len(answers.asked) == 1
    assert case.contract(win).record_id == record_id
    assert case.field(win).toPlainText().endswith(TYPED)

    answers.answers = ["保存"]
    press_ctrl_n(case, win)
    qtbot.waitUntil(lambda: case.contract(win).record_id is None, timeout=5000)
    wait_idle(qtbot, world)
    assert len(answers.asked) == 2
    assert case.field(win).toPlainText() == ""  # a new record, blank
    stored = case.contract(win).adapter.stored_payload(record_id)
    assert case.value_of(stored).endswith(TYPED.strip()), "保存 saved what was typed"


def press_ctrl_n(case, win) -> None:
    if case.window:
        # The editor window's own Ctrl+N.
        editor = case.editor(win)
        editor.activateWindow()
        QTest.keyClick(case.field(win), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:
        win.action_new.trigger()  # what the main window's Ctrl+N does


def test_a_sync_refresh_keeps_typing_and_says_the_record_changed(qtbot, world, answers,
                                                                   opened):
    case, win, record_id, _other = opened
    contract = case.contract(win)
    # A clean editor follows the change at once.
    case.change_elsewhere(record_id)
    world.runner.changed.emit("sync")
    wait_idle(qtbot, world)
    assert not contract.notice.isVisible()
    reloaded = contract.adapter.editor_payload()
    assert reloaded == contract.adapter.stored_payload(record_id) or not contract.is_dirty()

    typed(qtbot, world, case, win)
    case.change_elsewhere(record_id)
    world.runner.changed.emit("sync")
    wait_idle(qtbot, world)
    assert case.field(win).toPlainText().endswith(TYPED), "the refresh wiped the typing"
    assert contract.is_dirty()
    assert contract.notice.isVisible() and "别处" in contract.notice.text.text()
    assert answers.asked == []
    # The officer chooses to see the other change: their text goes.
    contract.notice.primary_button.click()
    wait_idle(qtbot, world)
    assert not contract.is_dirty() and TYPED not in case.field(win).toPlainText()


def test_escape_asks_before_closing(qtbot, world, answers, opened):
    case, win, _record_id, _other = opened
    typed(qtbot, world, case, win)
    answers.answers = ["继续编辑"]
    QTest.keyClick(case.field(win), Qt.Key.Key_Escape)
    assert len(answers.asked) == 1 and case.is_open(win)
    assert case.field(win).toPlainText().endswith(TYPED)
    answers.answers = ["丢弃"]
    QTest.keyClick(case.field(win), Qt.Key.Key_Escape)
    wait_idle(qtbot, world)
    assert len(answers.asked) == 2 and not case.is_open(win)


def test_cancel_asks_before_closing(qtbot, world, answers, opened):
    case, win, _record_id, _other = opened
    kind = case.contract(win).kind
    typed(qtbot, world, case, win)
    answers.answers = ["继续编辑"]
    qtbot.mouseClick(case.cancel_button(win), Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 1 and case.is_open(win)
    answers.answers = ["保留草稿"]
    qtbot.mouseClick(case.cancel_button(win), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, world)
    assert not case.is_open(win)
    kept = drafts.list_drafts(kind=kind)
    assert [case.value_of(d.payload)[-len(TYPED):] for d in kept] == [TYPED], \
        "保留草稿 keeps the text as a draft"


def test_tab_moves_on_and_ctrl_tab_types_a_tab(qtbot, world, answers, opened):
    case, win, _record_id, _other = opened
    field = case.field(win)
    win.activateWindow()
    if case.window:
        case.editor(win).activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    field.moveCursor(QTextCursor.MoveOperation.End)
    before = field.toPlainText()
    QTest.keyClick(field, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert field.toPlainText() == before + "\t" and field.hasFocus()
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.toPlainText() == before + "\t", "Tab typed into the field"
    assert not field.hasFocus(), "Tab did not move to the next field"


@pytest.mark.parametrize("name", NAMES)
def test_killed_while_typing_the_draft_is_offered_and_restored_exactly(
        qtbot, world, monkeypatch, name):
    case = CASES[name]
    record_id, _other = case.pick()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor_cases", name, str(world.paths.root),
         record_id, TYPED], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        line = child.stdout.readline().strip()
        assert line == "ready", line + child.stderr.read() if line != "ready" else ""
    finally:
        os.kill(child.pid, signal.SIGKILL)  # no clean-up of any kind
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    asked = Answers(monkeypatch)
    asked.answers = ["恢复"]
    win = open_window(qtbot, world)
    offer_draft_restore(win, world)
    assert len(asked.asked) == 1
    qtbot.waitUntil(lambda: case.editor(win) is not None
                    and getattr(case.editor(win), "contract", None) is not None
                    and case.contract(win).is_dirty(), timeout=10_000)
    contract = case.contract(win)
    assert contract.record_id == record_id
    assert case.field(win).toPlainText().endswith(TYPED)
    stored = contract.adapter.stored_payload(record_id)
    assert TYPED not in case.value_of(stored), "a draft is not saved until the officer saves"
