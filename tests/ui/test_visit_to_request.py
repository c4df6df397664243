"""One click from a visit's problems found to a new request."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor

from liaison_app.core.services import enterprises, visits
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.services.visits import VisitInput
from liaison_app.ui.main_window import MainWindow


def test_the_problem_under_the_cursor_becomes_a_new_request(qtbot, ctx):
    ent = enterprises.create(data=EnterpriseInput(name="诉求来源企业"))
    visit = visits.save(data=VisitInput(
        enterprise_id=ent.id, summary="走访了解情况",
        problems="厂区供电线路老化，经常跳闸\n\n环评审批进度慢，影响新车间开工"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.navigate("visits", visit.id)
    editor = window.current_page().editor
    qtbot.waitUntil(lambda: editor.record_id() == visit.id, timeout=5000)
    cursor = editor.problems.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.problems.setTextCursor(cursor)
    editor.to_request_button.click()
    page = window.current_page()
    assert page.page_id == "requests"
    assert "环评审批进度慢" in page.description.toPlainText()


def test_an_unsaved_visit_asks_to_be_saved_first(qtbot, ctx):
    ent = enterprises.create(data=EnterpriseInput(name="未保存走访企业"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.navigate("visits", f"new:{ent.id}")
    editor = window.current_page().editor
    editor.problems.setPlainText("用工缺口大")
    editor.to_request_button.click()
    assert window.current_page().page_id == "visits"
    assert "先保存" in editor.status.text()
