"""Drafts: typed text survives a crash and is offered back at the next start."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from liaison_app.core.services import drafts, visits
from liaison_app.ui.dialogs.draft_restore import offer_draft_restore
from tests.ui.conftest import wait_idle
from tests.ui.test_visit_editor import ime_type, make_page, start_visit


def answer_with(monkeypatch, label: str) -> None:
    """Make every message box click the button whose text is ``label``."""
    def fake_exec(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == label).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def wait_for_draft(qtbot, ctx):
    qtbot.waitUntil(lambda: bool(drafts.list_drafts(kind="visit")), timeout=3000)
    wait_idle(qtbot, ctx)
    return drafts.list_drafts(kind="visit")


def test_draft_survives_crash_and_is_restored(qtbot, ctx, monkeypatch):
    from liaison_app.ui.pages.visits_page import VisitsPage

    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "供电线路改造需协调")
    ime_type(page.editor.problems, "变压器容量不足\n道路开口审批慢")
    (draft,) = wait_for_draft(qtbot, ctx)
    assert draft.key.startswith("visit:new")
    enterprise_id = page.editor.enterprise.enterprise_id()
    # The crash: the window goes away without saving or asking anything.
    page.hide()
    page.deleteLater()
    qtbot.wait(10)

    again = VisitsPage(ctx)
    qtbot.addWidget(again)
    again.show()
    opened = []
    ctx.navigate = lambda page_id, record="": (opened.append(page_id),
                                              again.open_record(record))
    answer_with(monkeypatch, "恢复")
    offer_draft_restore(None, ctx)

    assert opened == ["visits"]
    editor = again.editor
    assert editor.summary.toPlainText() == "供电线路改造需协调"
    assert editor.problems.toPlainText() == "变压器容量不足\n道路开口审批慢"
    assert editor.enterprise.enterprise_id() == enterprise_id
    assert editor.is_dirty()
    again.save_current()
    wait_idle(qtbot, ctx)
    assert visits.count_visits() == 1
    assert drafts.list_drafts(kind="visit") == []


def test_no_drafts_no_question(qtbot, ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)
    offer_draft_restore(None, ctx)
    assert asked == []


def test_discard_at_start_deletes_drafts(qtbot, ctx, monkeypatch):
    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "将被丢弃")
    wait_for_draft(qtbot, ctx)
    answer_with(monkeypatch, "丢弃")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Discard))
    offer_draft_restore(None, ctx)
    wait_idle(qtbot, ctx)
    assert drafts.list_drafts(kind="visit") == []


def test_closing_with_changes_asks_and_can_discard(qtbot, ctx, monkeypatch):
    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "写了一半")
    wait_for_draft(qtbot, ctx)
    answer_with(monkeypatch, "继续编辑")
    page.editor.cancel_button.click()
    assert page.editor_stack.currentWidget() is page.editor
    answer_with(monkeypatch, "丢弃")
    page.editor.cancel_button.click()
    wait_idle(qtbot, ctx)
    assert page.editor_stack.currentWidget() is page.no_editor
    assert drafts.list_drafts(kind="visit") == []


def test_unsaved_edit_of_a_saved_visit_is_offered_when_reopened(qtbot, ctx):
    from liaison_app.ui.pages.visits_page import VisitsPage

    page = make_page(qtbot, ctx, visit_count=3)
    page.table.selectRow(0)
    visit_id = page.editor.record_id()
    saved_summary = page.editor.summary.toPlainText()
    ime_type(page.editor.summary, "（补充：改过但没保存）")
    wait_for_draft(qtbot, ctx)
    page.hide()
    page.deleteLater()

    again = VisitsPage(ctx)
    qtbot.addWidget(again)
    again.show()
    again.open_record(visit_id)
    editor = again.editor
    assert editor.summary.toPlainText() == saved_summary
    assert editor.draft_bar.isVisible()
    editor.restore_draft_button.click()
    assert editor.summary.toPlainText().endswith("（补充：改过但没保存）")
    assert editor.record_id() == visit_id
