"""The 企业 page: typing and clicking like an officer, over a real temporary database."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.ui.dialogs import enterprise_editor
from liaison_app.ui.pages.enterprises_page import EnterprisesPage
from liaison_app.ui.widgets.feedback import FieldFeedback
from tests.ui.conftest import wait_idle


def is_closed(window) -> bool:
    return not shiboken6.isValid(window) or not window.isVisible()

VALID = "91110000600037341L"
VALID_2 = "91371082775260043P"


@pytest.fixture
def page(qtbot, ctx):
    widget = EnterprisesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.activate()
    return widget


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: Latin keys key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _add(name: str, uscc: str = "", **kw) -> str:
    return enterprises.create(data=EnterpriseInput(name=name, uscc=uscc, **kw)).id


def _names(page: EnterprisesPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _uscc_feedback(editor) -> FieldFeedback:
    return editor.findChild(FieldFeedback, "feedback_uscc")


def test_empty_state_then_create_by_typing(qtbot, ctx, page):
    assert page.list_stack.currentWidget() is page.empty_state
    assert "还没有企业" in page.empty_label.text()

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = page.editor()
    assert editor is not None and editor.windowTitle() == "新建企业"
    type_text(qtbot, editor.name_edit, "青州市恒达机械有限公司")
    type_text(qtbot, editor.uscc_edit, VALID)
    type_text(qtbot, editor.town_combo.lineEdit(), "城关街道")
    type_text(qtbot, editor.contact_phone_edit, "0536-3212345")
    editor.key_check.setChecked(True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    assert is_closed(editor)
    assert _names(page) == ["青州市恒达机械有限公司"]
    assert page.count_label.text() == "共 1 家企业"
    assert page.detail.name_label.text() == "青州市恒达机械有限公司"
    assert page.detail.values["uscc"].text() == VALID
    assert page.detail.values["town"].text() == "城关街道"
    assert page.detail.key_badge.isVisibleTo(page)
    assert page.model.data(page.model.index(0, 5)) == "重点"


def test_impossible_character_is_refused_next_to_the_field(qtbot, ctx, page):
    page.new_record()
    editor = page.editor()
    type_text(qtbot, editor.name_edit, "青州市恒达机械有限公司")
    type_text(qtbot, editor.uscc_edit, "9111000060003734IL")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    feedback = _uscc_feedback(editor)
    assert feedback.isVisible()
    assert "“I”" in feedback.text() and "17" in feedback.text()
    # Nothing saved, nothing typed lost.
    assert editor.isVisible()
    assert editor.name_edit.text() == "青州市恒达机械有限公司"
    assert editor.uscc_edit.text() == "9111000060003734IL"
    assert enterprises.count_enterprises() == 0
    # Correcting the field takes the message away; the name's field never had one.
    editor.uscc_edit.setFocus()
    qtbot.keyClick(editor.uscc_edit, Qt.Key.Key_Backspace)
    assert not feedback.isVisible()


def test_uscc_checked_when_leaving_the_field(qtbot, page):
    page.new_record()
    editor = page.editor()
    type_text(qtbot, editor.uscc_edit, "91110000")
    editor.uscc_edit.editingFinished.emit()
    assert "8" in _uscc_feedback(editor).text()
    editor.uscc_edit.clear()
    type_text(qtbot, editor.uscc_edit, VALID)
    editor.uscc_edit.editingFinished.emit()
    assert not _uscc_feedback(editor).isVisible()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_failed_check_character_is_saved_only_after_confirming(qtbot, ctx, page, monkeypatch,
                                                              answer):
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer

    monkeypatch.setattr(enterprise_editor.QMessageBox, "question", question)
    page.new_record()
    editor = page.editor()
    type_text(qtbot, editor.name_edit, "早期试点企业")
    type_text(qtbot, editor.uscc_edit, VALID[:-1] + "M")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    assert len(asked) == 1 and "“L”" in asked[0]
    if answer == QMessageBox.StandardButton.Yes:
        assert _names(page) == ["早期试点企业"]
        assert is_closed(editor)
    else:
        assert enterprises.count_enterprises() == 0
        assert editor.isVisible() and "“L”" in _uscc_feedback(editor).text()


def test_duplicate_uscc_links_to_the_existing_enterprise(qtbot, ctx, page):
    existing = _add("青州市恒达机械有限公司", VALID)
    _add("寿光市蔬菜物流有限公司", VALID_2)
    page.refresh()
    page.new_record()
    editor = page.editor()
    type_text(qtbot, editor.name_edit, "恒达机械")
    type_text(qtbot, editor.uscc_edit, VALID)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    feedback = _uscc_feedback(editor)
    assert "青州市恒达机械有限公司" in feedback.text()
    assert f'href="{existing}"' in feedback.text()
    assert enterprises.count_enterprises() == 2

    feedback.linkActivated.emit(existing)
    assert page.detail.name_label.text() == "青州市恒达机械有限公司"
    current = page.table.currentIndex()
    assert page.model.record(current.row()).id == existing
    assert editor.name_edit.text() == "恒达机械"  # still there to fix or discard


def test_edit_keeps_the_record_and_shows_the_change(qtbot, ctx, page):
    rid = _add("青州市恒达机械有限公司", VALID, contact_name="王建国")
    page.refresh()
    page.open_record(rid)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    editor = page.editor()
    assert editor.name_edit.text() == "青州市恒达机械有限公司"
    editor.contact_name_edit.clear()
    type_text(qtbot, editor.contact_name_edit, "李娜")
    assert page.save_current()  # Ctrl+S
    wait_idle(qtbot, ctx)
    assert page.detail.values["contact_name"].text() == "李娜"
    assert enterprises.count_enterprises() == 1


def test_soft_delete_and_undo(qtbot, ctx, page):
    first = _add("青州市恒达机械有限公司", VALID)
    _add("寿光市蔬菜物流有限公司", VALID_2)
    page.refresh()
    page.open_record(first)
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    assert _names(page) == ["寿光市蔬菜物流有限公司"]
    assert page.undo_bar.isVisible()
    assert "已删除" in page.undo_label.text() and "青州市恒达机械有限公司" in page.undo_label.text()

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert sorted(_names(page)) == ["寿光市蔬菜物流有限公司", "青州市恒达机械有限公司"]
    assert not page.undo_bar.isVisible()
    assert page.detail.name_label.text() == "青州市恒达机械有限公司"


def _choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_filters_narrow_the_list(qtbot, page):
    _add("青州市恒达机械有限公司", VALID, town="城关街道", industry="装备制造", is_key=True)
    _add("寿光市蔬菜物流有限公司", VALID_2, town="王府街道", industry="物流")
    _add("潍坊宏远化工有限公司", town="城关街道", industry="化工")
    page.refresh()
    assert len(_names(page)) == 3 and page.count_label.text() == "共 3 家企业"

    _choose(page.town_combo, "城关街道")
    assert sorted(_names(page)) == ["潍坊宏远化工有限公司", "青州市恒达机械有限公司"]
    qtbot.mouseClick(page.key_check, Qt.MouseButton.LeftButton)
    assert _names(page) == ["青州市恒达机械有限公司"]

    page.clear_filters()
    page.refresh()
    type_text(qtbot, page.search_edit, "物流")
    qtbot.waitUntil(lambda: _names(page) == ["寿光市蔬菜物流有限公司"], timeout=2000)

    type_text(qtbot, page.search_edit, "不存在")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty_state, timeout=2000)
    assert "没有符合" in page.empty_label.text()
    clear = next(b for b in page.empty_state.findChildren(QPushButton) if b.text() == "清除筛选")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert len(_names(page)) == 3 and page.search_edit.text() == ""


def test_log_visit_button_navigates(qtbot, ctx, page):
    rid = _add("青州市恒达机械有限公司", VALID)
    went: list[tuple[str, str]] = []
    ctx.navigate = lambda p, r="": went.append((p, r))
    page.refresh()
    page.open_record(rid)
    qtbot.mouseClick(page.detail.log_visit_button, Qt.MouseButton.LeftButton)
    assert went == [("visits", "new:" + rid)]
    assert "暂无走访记录" in page.detail.no_visits.text()


def test_a_sync_refresh_shows_new_enterprises_and_keeps_the_one_shown(qtbot, ctx, page):
    for n in range(40):
        _add(f"测试企业{n:02d}有限公司", town="城关街道")
    page.refresh()
    chosen = enterprises.list_enterprises(limit=40)[30].id
    page.open_record(chosen)
    page.table.scrollTo(page.model.index(35, 0))
    assert page.table.verticalScrollBar().value() > 0
    top = page.model.record(page.table.rowAt(0)).id
    # The sync brings an enterprise in a new town, and a change to the one shown.
    _add("寿光市蔬菜物流有限公司", town="古城街道")
    rec = enterprises.get(record_id=chosen)
    enterprises.update(record_id=chosen, data=EnterpriseInput(
        name=rec.name, town=rec.town, contact_name="同步带来的联系人"))
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.on_data_changed("sync")
    assert "寿光市蔬菜物流有限公司" in _names(page)
    assert page.town_combo.findData("古城街道") >= 0, "the filter does not offer the new town"
    assert "41" in page.count_label.text()
    current = page.table.currentIndex()
    assert page.model.record(current.row()).id == chosen
    assert page.detail.record_id == chosen
    assert "同步带来的联系人" in page.detail.values["contact_name"].text()
    assert page.model.record(page.table.rowAt(0)).id == top, "the list jumped"
