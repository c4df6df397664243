"""The 日报 page: typing a day's lines by keyboard, same as yesterday, anomaly to request, the
board and its outputs agreeing with the command line, and typing that survives refreshes."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from liaison_app.core import clock
from liaison_app.core.models import Enterprise, OutboxOp
from liaison_app.core.models.daily import DailyReport, report_id_for
from liaison_app.core.models.requests import Request
from liaison_app.core.services import daily_board, daily_reports, drafts
from tests import days
from tests.core.daily_samples import GOOD, county, start_template
from tests.ui.conftest import (
    answer_all,
    kill_once_drafted,
    restart_and_restore,
    wait_idle,
)

TODAY = days.TODAY
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def page(qtbot, ctx):
    from liaison_app.ui.pages.daily_page import DailyPage

    ids = county()
    tpl = start_template(starts_on=TODAY - dt.timedelta(days=10))
    p = DailyPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    wait_idle(qtbot, ctx)
    p.activate()
    p.ids, p.tpl = ids, tpl
    return p


def row_of(page, name: str) -> int:
    return next(i for i, s in enumerate(page.model.lines) if s.line.enterprise.name == name)


def _target():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_keys(text: str) -> None:
    """Type like a person; characters an input method gives (Chinese, full-width) arrive as
    key events carrying their text, which QTest cannot synthesise from a key code."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(_target(), ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(_target(), QKeyEvent(kind, Qt.Key.Key_unknown,
                                                        Qt.KeyboardModifier.NoModifier, ch))


def press(key: Qt.Key) -> None:
    QTest.keyClick(_target(), key)


def start_typing(page, name: str) -> None:
    page.grid.setFocus()
    page.grid.setCurrentIndex(page.grid.first_field(row_of(page, name)))


def test_a_line_typed_by_keyboard_is_saved_when_the_cursor_moves_on(qtbot, ctx, page):
    assert [s.line.enterprise.name for s in page.model.lines] == ["乙公司", "甲公司", "丙公司"]
    start_typing(page, "甲公司")
    # 在岗, 返岗, 产能, 口罩 (是), 发热 (否): Tab and Enter both move on.
    type_keys("82")
    press(Qt.Key.Key_Tab)
    type_keys("3")
    press(Qt.Key.Key_Return)
    type_keys("９０")  # full-width digits from a Chinese input method
    press(Qt.Key.Key_Tab)
    type_keys("是")
    press(Qt.Key.Key_Tab)
    type_keys("0")
    press(Qt.Key.Key_Tab)
    type_keys("叉车𠮷故障")
    press(Qt.Key.Key_Tab)
    assert page.model.state(row_of(page, "甲公司")).dirty
    press(Qt.Key.Key_Tab)  # past the last field: the next line, and this one is saved
    wait_idle(qtbot, ctx)
    rec = DailyReport.get_by_id(report_id_for(page.ids["甲公司"], page.tpl.id, TODAY))
    assert rec.values == {**GOOD, "people_on_site": 82, "anomalies": "叉车𠮷故障"}
    assert rec.anomalies == 1 and not rec.late
    state = page.model.state(row_of(page, "甲公司"))
    assert not state.dirty and state.saved is not None
    assert page.model.status_text(state).startswith("已报")
    assert page.grid.currentIndex().row() == row_of(page, "丙公司")
    assert "1/3" in page.count_label.text().replace(" ", "") or "1" in page.count_label.text()


def test_what_is_not_a_number_is_shown_in_its_cell_and_not_saved(qtbot, ctx, page):
    start_typing(page, "乙公司")
    type_keys("四十")
    press(Qt.Key.Key_Tab)
    row = row_of(page, "乙公司")
    column = page.model.column_of("people_on_site")
    assert "不是整数" in page.model.data(page.model.index(row, column), Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(page.model.index(row, page.model.problems_column()))
    page.save_line(row)
    wait_idle(qtbot, ctx)
    assert not DailyReport.select().exists()
    # Negative people and a number far too big are refused by the rules behind the grid.
    for text in ("-5", "1" + "0" * 30):
        page.model.setData(page.model.index(row, column), text)
        page.model.setData(page.model.index(row, page.model.column_of("masks")), "是")
        page.model.setData(page.model.index(row, page.model.column_of("fever")), "否")
        page.model.setData(page.model.index(row, page.model.column_of("returned")), "0")
        page.model.setData(page.model.index(row, page.model.column_of("capacity")), "50")
        page.save_line(row)
        wait_idle(qtbot, ctx)
        assert not DailyReport.select().exists()
        assert page.model.state(row).dirty


def test_required_checks_left_empty_come_back_next_to_their_cells(qtbot, ctx, page):
    row = row_of(page, "乙公司")
    page.model.setData(page.model.index(row, page.model.column_of("people_on_site")), "40")
    page.save_line(row)
    wait_idle(qtbot, ctx)
    fields = {f.field for f in page.model.state(row).findings}
    assert {"masks", "fever"} <= fields
    masks = page.model.index(row, page.model.column_of("masks"))
    assert "口罩充足" in page.model.data(masks, Qt.ItemDataRole.ToolTipRole)
    assert not DailyReport.select().exists()


def test_more_people_than_employees_asks_and_saves_when_confirmed(qtbot, ctx, page,
                                                                  monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    row = row_of(page, "乙公司")  # 50 employees
    for key, text in (("people_on_site", "70"), ("returned", "1"), ("capacity", "95"),
                      ("masks", "1"), ("fever", "0")):
        page.model.setData(page.model.index(row, page.model.column_of(key)), text)
    page.save_line(row)
    wait_idle(qtbot, ctx)
    assert asked and "70" in asked[0][2]
    rec = DailyReport.get_by_id(report_id_for(page.ids["乙公司"], page.tpl.id, TODAY))
    assert rec.over_confirmed and rec.people_on_site == 70


def test_same_as_yesterday_in_one_keystroke(qtbot, ctx, page):
    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["甲公司"],
                              day=YESTERDAY, values={**GOOD, "anomalies": "昨天的事"})
    page.refresh()
    start_typing(page, "甲公司")
    QTest.keyClick(page.grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    rec = DailyReport.get_by_id(report_id_for(page.ids["甲公司"], page.tpl.id, TODAY))
    assert rec.values == GOOD and rec.source == "copy"
    assert "同昨日" in page.model.status_text(page.model.state(row_of(page, "甲公司")))
    # An enterprise with nothing yesterday says so instead.
    page.copy_yesterday(row_of(page, "乙公司"))
    assert "昨日" in page.message.text() or "前一天" in page.message.text()


def test_an_anomaly_becomes_a_request_in_one_step(qtbot, ctx, page, monkeypatch):
    from liaison_app.ui.pages.daily_page import RequestFromReportDialog

    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["丙公司"],
                              day=TODAY, values={**GOOD, "people_on_site": 20, "masks": False,
                                                 "needs": "请协调口罩2000只"})
    page.refresh()
    shown = []

    def accept(dialog):
        shown.append(dialog.description.toPlainText())
        dialog.category.setCurrentIndex(dialog.category.findData("logistics"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RequestFromReportDialog, "exec", accept)
    page.make_request(row_of(page, "丙公司"))
    wait_idle(qtbot, ctx)
    assert "请协调口罩2000只" in shown[0] and TODAY.isoformat() in shown[0]
    req = Request.get()
    assert req.category == "logistics" and req.enterprise_id == page.ids["丙公司"]
    rec = DailyReport.get_by_id(report_id_for(page.ids["丙公司"], page.tpl.id, TODAY))
    assert rec.request_id == req.id
    page.refresh()
    assert "诉求" in page.model.status_text(page.model.state(row_of(page, "丙公司")))


def test_a_sync_refresh_never_loses_a_typed_line(qtbot, ctx, page):
    row = row_of(page, "甲公司")
    page.model.setData(page.model.index(row, page.model.column_of("people_on_site")), "77")
    page.model.setData(page.model.index(row, page.model.column_of("anomalies")), "正在输入")
    wait_idle(qtbot, ctx)
    # Meanwhile a sync brings the other officer's report of 丙 and someone's report of 甲.
    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["丙公司"],
                              day=TODAY, values={**GOOD, "people_on_site": 25})
    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["甲公司"],
                              day=TODAY, values={**GOOD, "people_on_site": 60})
    # The page reads on the runner and shows the answer when it comes.
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.on_data_changed("sync")
    row = row_of(page, "甲公司")
    people = page.model.index(row, page.model.column_of("people_on_site"))
    assert page.model.data(people) == "77"
    assert page.model.data(page.model.index(row, page.model.column_of("anomalies"))) == "正在输入"
    assert page.model.data(page.model.index(row, page.model.column_of("capacity"))) == "90"
    bing = row_of(page, "丙公司")
    assert page.model.data(page.model.index(bing, page.model.column_of("people_on_site"))) == "25"
    assert page.contract.is_dirty()
    # A page opened afresh (the app restarted) offers the typing back from its draft.
    from liaison_app.ui.pages.daily_page import DailyPage

    qtbot.waitUntil(lambda: bool(drafts.list_drafts(kind="daily_entry")), timeout=5000)
    again = DailyPage(ctx)
    qtbot.addWidget(again)
    again.show()
    wait_idle(qtbot, ctx)
    again.refresh()
    wait_idle(qtbot, ctx)
    row = row_of(again, "甲公司")
    people = again.model.index(row, again.model.column_of("people_on_site"))
    assert again.model.data(people) == "60" and again.contract.notice.isVisible()
    again.contract.notice.primary_button.click()  # 恢复草稿
    assert again.model.data(people) == "77" and again.contract.is_dirty()
    again.save_line(row)
    wait_idle(qtbot, ctx)
    assert DailyReport.get_by_id(report_id_for(page.ids["甲公司"], page.tpl.id, TODAY)
                                 ).people_on_site == 77
    assert drafts.list_drafts(kind="daily_entry") == []


def test_a_sync_refresh_keeps_the_cell_being_typed_in_open_with_its_text(qtbot, ctx, page):
    start_typing(page, "乙公司")
    type_keys("4")
    press(Qt.Key.Key_Tab)
    type_keys("1")  # 返岗: typed, the cell still open
    editor = _target()
    assert editor.text() == "1"
    # A sync brings 丙's report while the officer types.
    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["丙公司"],
                              day=TODAY, values={**GOOD, "people_on_site": 25})
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.on_data_changed("sync")
    bing = row_of(page, "丙公司")
    assert page.model.data(page.model.index(bing, page.model.column_of("people_on_site"))) \
        == "25", "the refresh did not show what the sync brought"
    row = row_of(page, "乙公司")
    returned = page.model.index(row, page.model.column_of("returned"))
    assert page.model.data(page.model.index(row, page.model.column_of("people_on_site"))) == "4"
    assert page.grid.currentIndex() == returned
    # The cell is open again with what was typed, and typing goes on where it was.
    type_keys("2")
    assert _target().text() == "12"
    press(Qt.Key.Key_Tab)
    assert page.model.data(returned) == "12"


def test_a_tab_shown_while_a_refresh_is_read_shows_fresh_figures_and_so_does_the_grid(
        qtbot, ctx, page):
    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["丙公司"],
                              day=TODAY, values={**GOOD, "people_on_site": 25})
    page.on_data_changed("sync")  # the grid's answer is on its way...
    page.tabs.setCurrentIndex(1)  # ...when the officer opens the board: read at once
    lines = page.board_view.lines.model()
    bing = next(r for r in range(lines.rowCount()) if lines.text(r, 0) == "丙公司")
    assert (lines.text(bing, 3), lines.text(bing, 4)) == ("已报", "25")
    wait_idle(qtbot, ctx)
    assert page.tabs.currentIndex() == 1 and not page.refresh_pending()
    page.tabs.setCurrentIndex(0)  # the grid reads again: the answer it dropped is not missed
    bing = row_of(page, "丙公司")
    assert page.model.data(page.model.index(bing, page.model.column_of("people_on_site"))) \
        == "25"


def test_a_late_entry_for_an_earlier_day_is_marked_late(qtbot, ctx, page):
    page.day_edit.setDate(QDate(YESTERDAY))
    row = row_of(page, "乙公司")
    for key, text in (("people_on_site", "40"), ("returned", "0"), ("capacity", "60"),
                      ("masks", "是"), ("fever", "否")):
        page.model.setData(page.model.index(row, page.model.column_of(key)), text)
    page.save_line(row)
    wait_idle(qtbot, ctx)
    rec = DailyReport.get_by_id(report_id_for(page.ids["乙公司"], page.tpl.id, YESTERDAY))
    assert rec.late
    assert page.model.status_text(page.model.state(row)).startswith("迟报")
    assert page.day_edit.maximumDate() == QDate(days.TODAY)


def test_board_page_excel_pdf_and_command_line_agree(qtbot, ctx, page, tmp_path, capsys):
    from liaison_app.cli import main
    from tests.forms.conftest import compact, pdf_text

    for name, people in (("甲公司", 80), ("丙公司", 25)):
        for day in (YESTERDAY, TODAY):
            daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids[name],
                                      day=day, values={**GOOD, "people_on_site": people
                                                       + (day == TODAY)})
    daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids["甲公司"],
                              day=TODAY, values={**GOOD, "people_on_site": 81, "masks": False,
                                                 "anomalies": "口罩只够两天"})
    page.tabs.setCurrentIndex(1)
    page.refresh()
    table = page.board_view.groups
    shown = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    expected = daily_board.board(template_id=page.tpl.id, day=TODAY)
    assert shown == [daily_board.summary_cells(r) for r in [*expected.groups, expected.total]]
    assert shown[-1][1:] == ["3", "2", "0", "1", "66.7%", "107", "+2", "1"]
    lines = page.board_view.lines.model()
    assert lines.text(0, 0) == "甲公司" and "口罩只够两天" in lines.text(0, 7)
    assert lines.text(1, 0) == "乙公司" and lines.text(1, 3) == "未报"
    view = page.board_view
    view.show_filter.setCurrentIndex(view.show_filter.findData("missing"))
    assert [lines.text(r, 0) for r in range(lines.rowCount())] == ["乙公司"]
    # Double-click (or Enter on) a line: that enterprise's trend.
    view.lines.activated.emit(lines.index(0, 0))
    assert page.tabs.currentIndex() == 2
    assert page.trend_view.scope.currentData() == ("enterprise", page.ids["乙公司"])
    view.show_filter.setCurrentIndex(view.show_filter.findData("all"))
    page.tabs.setCurrentIndex(1)

    pdf, xlsx = tmp_path / "summary.pdf", tmp_path / "summary.xlsx"
    page.print_summary(str(pdf))
    page.export_summary(str(xlsx))
    wait_idle(qtbot, ctx)
    text = compact(pdf_text(pdf))
    assert "复工复产日报核查统计表" in text and "口罩只够两天" in text
    for row in shown:
        assert compact("".join(row[1:])) in text, row
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    cells = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert [[c[0], *c[1:5], c[6], c[8]] for c in cells] == [
        [r[0], *map(int, r[1:5]), int(r[6]), int(r[8])] for r in shown]
    assert cells[-1][7] == 2 and cells[-1][5] == pytest.approx(2 / 3)

    assert main(["--data-dir", str(ctx.paths.root), "report", "daily", "--date",
                 TODAY.isoformat()]) == 0
    out = capsys.readouterr().out.splitlines()
    printed = [line.split() for line in out[2:2 + len(shown)]]
    assert [p[-8:] for p in printed] == [r[1:] for r in shown]
    assert any("口罩只够两天" in line for line in out)


def test_only_the_centre_edits_templates_and_unsaved_edits_are_asked_about(qtbot, ctx, page,
                                                                           monkeypatch):
    from liaison_app.core.models import Officer
    from liaison_app.core.services import daily_templates
    from liaison_app.ui.dialogs import daily_template_dialog as dlg

    viewer = page.edit_templates()  # the page owns its template window
    assert not viewer.editable and not viewer.save_button.isVisible()
    assert not viewer.name.isEnabled()
    viewer.close()

    centre = Officer(name="中心", role="center")
    centre.save(force_insert=True)
    from liaison_app.core import context

    context.set_actor(officer_id=centre.id)
    try:
        editor = page.edit_templates()
        assert editor.editable and editor.name.text() == "复工复产日报"
        editor.add_field()
        last = editor.fields.rowCount() - 1
        editor.fields.item(last, dlg.NAME).setText("测温枪完好")
        editor.effective_from.setDate(QDate(TODAY + dt.timedelta(days=1)))
        assert editor.is_dirty()
        wait_idle(qtbot, ctx)
        answers = iter(["继续编辑", "保存"])
        asked: list[str] = []

        def answer(box: QMessageBox) -> int:
            asked.append(box.text())
            label = next(answers)
            next(b for b in box.buttons() if b.text() == label).click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", answer)
        editor.close()
        assert editor.isVisible() and len(asked) == 1  # kept editing: nothing lost
        assert editor.fields.item(last, dlg.NAME).text() == "测温枪完好"
        editor.close()  # saved, then closed
        wait_idle(qtbot, ctx)
        assert not editor.isVisible() and "未保存" in asked[0]
        assert drafts.list_drafts(kind="report_template") == []
        later = daily_templates.version_for(template_id=page.tpl.id,
                                            day=TODAY + dt.timedelta(days=1))
        assert later.fields[-1].label == "测温枪完好" and later.fields[-1].kind == "check"
        today = daily_templates.version_for(template_id=page.tpl.id, day=TODAY)
        assert all(f.label != "测温枪完好" for f in today.fields)
        assert OutboxOp.select().where(OutboxOp.table == "report_template_version").exists()
    finally:
        context.set_actor(officer_id="")


def test_the_import_dialog_reads_a_towns_sheet(qtbot, ctx, page, tmp_path):
    from tests.core.fixtures_import import write_xlsx

    Enterprise.update(uscc="91371082775260043P").where(
        Enterprise.id == page.ids["丙公司"]).execute()
    path = write_xlsx(tmp_path / "南湖镇.xlsx", [
        ["统一社会信用代码", "企业名称", "在岗人数", "其中县外返岗人数", "产能恢复率", "口罩充足",
         "有发热人员"],
        ["91371082775260043P", "丙公司", 21, 0, 70, "是", "否"]])
    dialog = page.import_sheet(str(path))
    qtbot.addWidget(dialog)
    wait_idle(qtbot, ctx)
    assert dialog.chosen_count() == 1
    dialog.commit()
    wait_idle(qtbot, ctx)
    rec = DailyReport.get_by_id(report_id_for(page.ids["丙公司"], page.tpl.id, TODAY))
    assert rec.source == "import" and rec.people_on_site == 21
    page.refresh()
    assert "导入" in page.model.status_text(page.model.state(row_of(page, "丙公司")))


def test_today_reminds_the_officer_and_opens_the_line(qtbot, ctx, page):
    from liaison_app.ui.pages.today_page import TodayPage

    opened = []
    ctx.navigate = lambda page_id, record="": opened.append((page_id, record))
    ctx.settings.officer_id = page.ids["wang"]
    today = TodayPage(ctx)
    qtbot.addWidget(today)
    today.refresh()
    assert today.daily.isVisibleTo(today)
    text = today.daily.text()
    assert "今日未报日报（2 家）" in text and "乙公司" in text and "丙公司" not in text
    today.daily.linkActivated.emit(today.daily.text().split("href='")[1].split("'")[0])
    assert opened and opened[0][0] == "daily"
    page.open_record(opened[0][1])
    assert page.model.state(page.grid.currentIndex().row()).line.enterprise.name in (
        "乙公司", "甲公司")
    for name in ("甲公司", "乙公司"):
        daily_reports.save_report(template_id=page.tpl.id, enterprise_id=page.ids[name],
                                  day=TODAY, values={**GOOD, "people_on_site": 30})
    today.refresh()
    assert not today.daily.isVisibleTo(today)


def test_changing_the_day_saves_the_typed_line_and_asks_about_the_one_that_cannot_be(
        qtbot, ctx, page, monkeypatch):
    asked = answer_all(monkeypatch, ["继续编辑", "保留草稿"])
    row = row_of(page, "乙公司")
    for key, text in (("people_on_site", "41"), ("returned", "0"), ("capacity", "60"),
                      ("masks", "是"), ("fever", "否")):
        page.model.setData(page.model.index(row, page.model.column_of(key)), text)
    # A line that cannot be saved yet: the editor contract's question before another day.
    bad = row_of(page, "丙公司")
    people = page.model.column_of("people_on_site")
    page.model.setData(page.model.index(bad, people), "二十")
    page.day_edit.setDate(QDate(YESTERDAY))
    wait_idle(qtbot, ctx)
    assert len(asked) == 1 and "未保存" in asked[0]
    # 继续编辑: the day stays, and so does the line; the good one is saved all the same.
    assert page.day() == TODAY and page.model.grid.day == TODAY
    assert page.model.data(page.model.index(bad, people)) == "二十"
    assert DailyReport.get_by_id(report_id_for(page.ids["乙公司"], page.tpl.id, TODAY)
                                 ).people_on_site == 41
    page.day_edit.setDate(QDate(YESTERDAY))  # 保留草稿
    wait_idle(qtbot, ctx)
    assert len(asked) == 2 and page.model.grid.day == YESTERDAY
    assert not DailyReport.select().where(DailyReport.report_date == YESTERDAY).exists()
    assert all(not s.dirty for s in page.model.lines) and not page.contract.is_dirty()
    assert TODAY.isoformat() in page.entry_hint.text()
    # Back on its day, the line is offered in the notice bar and put back as typed.
    page.day_edit.setDate(QDate(TODAY))
    wait_idle(qtbot, ctx)
    assert len(asked) == 2
    bad = row_of(page, "丙公司")
    assert page.model.data(page.model.index(bad, people)) == "" and \
        page.contract.notice.isVisible()
    page.contract.notice.primary_button.click()  # 恢复草稿
    assert page.model.data(page.model.index(bad, people)) == "二十"
    assert "不是整数" in page.model.data(page.model.index(bad, people),
                                     Qt.ItemDataRole.ToolTipRole)


def test_lines_typed_before_a_kill_are_offered_back_on_their_day_and_saved_late(
        qtbot, ctx, page, monkeypatch):
    """A late day's lines, one left with a mistake and one still being typed (its last cell
    open), come back through the start-up offer exactly, and save as late reports."""
    # 乙公司: 四十 is no number; left (seven Tabs) all the same. 甲公司: the capacity cell is
    # still open when the app is killed.
    keys = "四十\t\t\t\t\t𠮷叉车故障\t\t55\t2\t８５"
    kill_once_drafted("daily", str(ctx.paths.root), YESTERDAY.isoformat(), keys)
    assert not DailyReport.select().exists()
    (found,) = drafts.list_drafts(kind="daily_entry")
    assert YESTERDAY.isoformat() in found.title and "乙公司" in found.title

    win = restart_and_restore(qtbot, ctx, monkeypatch)
    restored = win.page("daily")
    qtbot.waitUntil(restored.contract.is_dirty, timeout=10_000)
    assert win.current_page() is restored and restored.tabs.currentIndex() == 0
    assert restored.day() == YESTERDAY and restored.model.grid.day == YESTERDAY
    model = restored.model

    def cell(name: str, key: str) -> str:
        return model.data(model.index(row_of(restored, name), model.column_of(key)))

    assert [cell("乙公司", k) for k in ("people_on_site", "anomalies")] == ["四十", "𠮷叉车故障"]
    assert [cell("甲公司", k) for k in ("people_on_site", "returned", "capacity")] == \
        ["55", "2", "８５"]
    people = model.index(row_of(restored, "乙公司"), model.column_of("people_on_site"))
    assert "不是整数" in model.data(people, Qt.ItemDataRole.ToolTipRole)
    # Corrected and completed, both lines save as reported late, and the draft is gone.
    for name, values in (("乙公司", (("people_on_site", "40"), ("returned", "0"),
                                    ("capacity", "70"))),
                         ("甲公司", ())):
        for key, text in (*values, ("masks", "是"), ("fever", "否")):
            model.setData(model.index(row_of(restored, name), model.column_of(key)), text)
    restored.save_current()
    wait_idle(qtbot, ctx)
    yi = DailyReport.get_by_id(report_id_for(page.ids["乙公司"], page.tpl.id, YESTERDAY))
    jia = DailyReport.get_by_id(report_id_for(page.ids["甲公司"], page.tpl.id, YESTERDAY))
    assert (yi.people_on_site, yi.values["anomalies"], yi.late) == (40, "𠮷叉车故障", True)
    assert (jia.people_on_site, jia.capacity_pct, jia.late) == (55, 85, True)
    assert not restored.contract.is_dirty()
    qtbot.waitUntil(lambda: drafts.list_drafts(kind="daily_entry") == [], timeout=5000)


def test_escape_undoes_a_cell_then_puts_the_typed_lines_aside(qtbot, ctx, page, monkeypatch):
    asked = answer_all(monkeypatch, ["保留草稿"])
    start_typing(page, "丙公司")
    type_keys("31")
    press(Qt.Key.Key_Tab)
    type_keys("9")
    press(Qt.Key.Key_Escape)  # the open cell only
    row = row_of(page, "丙公司")
    people, returned = (page.model.index(row, page.model.column_of(k))
                        for k in ("people_on_site", "returned"))
    assert asked == [] and page.model.data(returned) == "" and page.model.data(people) == "31"
    assert page.grid.state() != page.grid.State.EditingState and page.contract.is_dirty()
    press(Qt.Key.Key_Escape)  # no cell open: the contract's question
    wait_idle(qtbot, ctx)
    assert len(asked) == 1 and page.model.data(people) == ""
    assert not page.contract.is_dirty() and not DailyReport.select().exists()
    qtbot.waitUntil(page.contract.notice.isVisible, timeout=5000)
    page.contract.notice.primary_button.click()  # 恢复草稿
    assert page.model.data(people) == "31" and page.contract.is_dirty()


def type_a_whole_line(people: str) -> None:
    """在岗, 返岗, 产能, 口罩, 发热, 异常; past the last field the line is saved."""
    for text in (people, "3", "90", "是", "0", ""):
        type_keys(text)
        press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)


def test_past_midnight_the_sheet_of_today_moves_on_to_the_new_day(qtbot, ctx, page,
                                                                   monkeypatch):
    """A laptop left open overnight: the morning's figures go on the morning's sheet."""
    tomorrow = TODAY + dt.timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda: tomorrow)
    page.follow_the_day()
    wait_idle(qtbot, ctx)
    assert page.day() == tomorrow and page.day_edit.maximumDate() == QDate(tomorrow)
    start_typing(page, "甲公司")
    type_a_whole_line("82")
    wait_idle(qtbot, ctx)
    assert DailyReport.get_by_id(report_id_for(page.ids["甲公司"], page.tpl.id, tomorrow)
                                 ).values["people_on_site"] == 82
    assert not DailyReport.get_or_none(
        DailyReport.id == report_id_for(page.ids["甲公司"], page.tpl.id, TODAY))


def test_a_line_being_typed_at_midnight_stays_on_its_day(qtbot, ctx, page, monkeypatch):
    start_typing(page, "甲公司")
    type_keys("82")
    press(Qt.Key.Key_Tab)
    assert page.model.state(row_of(page, "甲公司")).dirty
    monkeypatch.setattr(clock, "today", lambda: TODAY + dt.timedelta(days=1))
    page.follow_the_day()
    assert page.day() == TODAY
    for text in ("3", "90", "是", "0", ""):
        type_keys(text)
        press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    wait_idle(qtbot, ctx)
    rec = DailyReport.get_by_id(report_id_for(page.ids["甲公司"], page.tpl.id, TODAY))
    assert rec.values["people_on_site"] == 82


def test_an_earlier_day_chosen_stays_chosen_past_midnight(qtbot, ctx, page, monkeypatch):
    page.day_edit.setDate(QDate(YESTERDAY))
    wait_idle(qtbot, ctx)
    monkeypatch.setattr(clock, "today", lambda: TODAY + dt.timedelta(days=1))
    page.follow_the_day()
    assert page.day() == YESTERDAY
    assert page.day_edit.maximumDate() == QDate(TODAY + dt.timedelta(days=1))
