"""The 测评 page: a centre sets a round up, prints its sheets and enters a stack of 31 by
keyboard; an officer enters the sheets of their enterprises; the results, charts, Excel file,
printed report and command line agree; a returned sheet's photo opens its row."""
from __future__ import annotations

import datetime as dt
import re
import subprocess

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from liaison_app.core import context, scoring
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet, sheet_id
from liaison_app.core.models.requests import Request
from liaison_app.core.services import departments
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from tests.ui.conftest import (
    answer_all,
    kill_once_drafted,
    restart_and_restore,
    wait_idle,
)

TOWNS = ("北关镇", "城关街道", "南湖镇")


@pytest.fixture
def county(store):
    departments.ensure_seeded()
    centre = Officer(name="王主任", role="center")
    centre.save(force_insert=True)
    liaison = Officer(name="李联络", role="liaison")
    liaison.save(force_insert=True)
    viewer = Officer(name="赵领导", role="viewer")
    viewer.save(force_insert=True)
    colleague = Officer(name="王联络", role="liaison")
    colleague.save(force_insert=True)
    ents = []
    for n in range(34):
        ent = Enterprise(name=f"{'𠮷' if n == 5 else ''}鲁南{n:02d}机械有限公司",
                         town=TOWNS[n % 3], is_key=n % 4 == 0,
                         officer_ids=[liaison.id] if n < 4 else [colleague.id])
        ent.save(force_insert=True)
        ents.append(ent)
    context.set_actor(officer_id=centre.id)
    yield {"centre": centre, "liaison": liaison, "viewer": viewer, "ents": ents,
           "land": departments.seed_id("县自然资源和规划局")}
    context.set_actor(officer_id="")


def make_page(qtbot, ctx):
    from liaison_app.ui.pages.evaluation_page import EvaluationPage

    page = EvaluationPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot, ctx)
    page.activate()
    _GRID[:] = [page.grid]
    return page


_GRID: list = []


def focused():
    """Where a key goes: the open score box, else the grid (offscreen windows have no
    keyboard focus of their own, so keys are sent where a person's would land)."""
    table = _GRID[-1].table
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    return editors[0] if editors else table


def type_text(qtbot, text: str) -> None:
    """ASCII as key presses; Chinese arrives from the input method as committed text."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(focused(), ch)
        else:
            target = focused()
            if not isinstance(target, QLineEdit):
                _GRID[-1].table.edit(_GRID[-1].table.currentIndex())
                target = focused()
            target.insert(ch)


def press(qtbot, key) -> None:
    qtbot.keyClick(focused(), key)


def answer_next_box(button_text: str) -> None:
    """Click ``button_text`` in the next message box that opens."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.findChildren(QPushButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text} in {box.text()}")

    QTimer.singleShot(20, click)


def open_round(world, **kw) -> EvaluationRound:
    rnd = ev.save_round(data=ev.RoundInput(
        name=kw.pop("name", "2026年上半年企业满意度测评"), held_on=dt.date(2026, 6, 18),
        units=kw.pop("units", ["centre", world["land"]]),
        invite=kw.pop("invite", ev.InviteRule(everyone=True)), **kw))
    return ev.set_status(record_id=rnd.id, status="open")


def test_a_centre_sets_up_a_round_prints_it_and_enters_a_stack_by_keyboard(
        qtbot, ctx, county, tmp_path):
    page = make_page(qtbot, ctx)
    assert "还没有测评轮次" in page.empty_label.text()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    editor.name.setText("2026年上半年企业满意度测评")
    for i in range(editor.units.count()):
        item = editor.units.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == county["land"]:
            item.setCheckState(Qt.CheckState.Checked)
    # 31 enterprises: two towns by rule, one left out by hand.
    for i in range(editor.towns.count()):
        if editor.towns.item(i).text() in ("北关镇", "城关街道"):
            editor.towns.item(i).setCheckState(Qt.CheckState.Checked)
    assert editor.is_dirty() and "将邀请 23 家企业" in editor.invite_count.text()
    editor.chooser.set_enterprise_id(county["ents"][2].id)  # 南湖镇
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "将邀请 24 家企业" in editor.invite_count.text()
    for ent in county["ents"][2::3][1:8]:
        editor.chooser.set_enterprise_id(ent.id)
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "将邀请 31 家企业" in editor.invite_count.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    rnd = EvaluationRound.get()
    assert len(rnd.invited) == 31 and rnd.units == ["centre", county["land"]]
    assert rnd.status == "draft" and not editor.is_dirty()
    assert page.rounds.rowCount() == 1 and "准备中" in page.rounds.item(0, 0).text()

    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert EvaluationRound.get().status == "open"

    # Printing: every invited enterprise, each unit, one page; saved and logged.
    page.print_sheets()
    dialog = page._dialogs[-1]
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=30_000)
    assert dialog.job.pages == 62
    out = tmp_path / "sheets.pdf"
    dialog.choose_save_path = lambda: str(out)
    dialog.save_pdf()
    wait_idle(qtbot, ctx)
    first = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert "满意度测评表" in first and "县企业服务中心" in first
    dialog.close()

    # The stack of 31 returned sheets for the centre, typed without the mouse.
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    assert grid.table.rowCount() == 31 and grid.unit == "centre"
    grid.focus_row(0)
    assert grid.writable, grid.message.text()
    expected: dict[str, dict] = {}
    for r in range(31):
        values = [str(10 + (r + k) % 11) for k in range(5)]
        if r % 7 == 3:
            values[2] = "n"  # 不了解/不适用
        for k, value in enumerate(values):
            type_text(qtbot, value)
            press(qtbot, Qt.Key.Key_Tab if k % 2 else Qt.Key.Key_Return)
        comment = "希望𠮷日办结" if r == 4 else ""
        type_text(qtbot, comment)
        press(qtbot, Qt.Key.Key_Return)
        expected[grid.rows[r].entry.enterprise_id] = {
            "scores": [None if v == "n" else int(v) for v in values], "comments": comment}
    wait_idle(qtbot, ctx)
    sheets = {s.enterprise_id: s for s in ScoreSheet.select().where(ScoreSheet.unit == "centre")}
    assert len(sheets) == 31
    keys = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]
    for ent_id, want in expected.items():
        sheet = sheets[ent_id]
        assert [sheet.scores[k] for k in keys] == want["scores"]
        assert sheet.comments == want["comments"] and sheet.method == "paper"
        assert sheet.collected_by == county["centre"].id
    assert grid.count.text() == "已录入 31/31"
    assert all(r.entry.entered and not r.dirty for r in grid.rows)
    assert grid.table.item(3, 4).text() == "不适用"


def test_wrong_scores_stay_typed_with_a_sentence_and_are_not_saved(qtbot, ctx, county):
    open_round(county)
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    grid.focus_row(0)
    for value in ("21", "18", "18", "18", "18"):
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert ScoreSheet.select().count() == 0
    status = grid.table.item(0, grid.editable_columns()[1] + 1).text()
    assert "业务水平" in status and "21" in status and "0–20" in status
    assert grid.table.item(0, 2).text() == "21"
    # Corrected, the row saves when left.
    grid.table.setCurrentCell(0, 2)
    grid.table.item(0, 2).setText("20")
    grid.table.setCurrentCell(1, 2)
    wait_idle(qtbot, ctx)
    assert ScoreSheet.get().scores["competence"] == 20


def test_a_sheet_that_arrived_meanwhile_is_offered_to_be_opened(qtbot, ctx, county):
    rnd = open_round(county)
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    ent_id = grid.rows[0].entry.enterprise_id
    # Entered on another laptop and pulled while this grid was open.
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=ent_id, unit="centre",
                                     scores={"competence": 9}, comments="别处录入"))
    grid.focus_row(0)
    type_text(qtbot, "15")
    press(qtbot, Qt.Key.Key_Tab)
    answer_next_box("打开已录入的测评表")
    grid.table.setCurrentCell(1, 2)
    qtbot.waitUntil(lambda: grid.rows[0].comments == "别处录入", timeout=10_000)
    assert grid.table.item(0, 2).text() == "9"
    assert ScoreSheet.get().scores == {"competence": 9}


def test_an_officer_enters_sheets_of_their_enterprises_only(qtbot, ctx, county):
    open_round(county)
    context.set_actor(officer_id=county["liaison"].id)
    page = make_page(qtbot, ctx)
    assert not page.new_button.isVisible() and not page.open_button.isVisible()
    assert not page.editor.save_button.isEnabled() and not page.editor.name.isEnabled()
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    assert grid.table.rowCount() == 4
    grid.focus_row(0)
    for value in ("18", "19", "/", "17", "20"):
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    sheet = ScoreSheet.get()
    assert sheet.collected_by == county["liaison"].id and sheet.scores["efficiency"] is None
    page.tabs.setCurrentIndex(3)
    assert not page.follow.request_button.isEnabled()


def test_a_viewer_reads_results_and_enters_nothing(qtbot, ctx, county):
    open_round(county)
    context.set_actor(officer_id=county["viewer"].id)
    page = make_page(qtbot, ctx)
    assert not page.tabs.isTabEnabled(1)
    assert page.tabs.isTabEnabled(2)
    assert not page.print_button.isEnabled()


def scored_round(county) -> EvaluationRound:
    rnd = open_round(county)
    rows = [
        (0, "centre", [18, 20, 16, 15, 19], ""),
        (1, "centre", [20, 20, None, 20, 18], ""),
        (2, "centre", [10, 12, 8, 9, 11], "窗口等候时间太长"),
        (0, "land", [16, 16, 16, 16, 16], "规划审批还可以更快"),
        (3, "land", [14, 15, 15, 13, 14], ""),
    ]
    keys = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]
    for n, unit, values, comment in rows:
        ev.save_sheet(data=ev.SheetInput(
            round_id=rnd.id, enterprise_id=county["ents"][n].id,
            unit=county["land"] if unit == "land" else unit,
            scores=dict(zip(keys, values, strict=True)), comments=comment))
    return rnd


def test_results_page_excel_report_and_command_line_agree(qtbot, ctx, county, tmp_path,
                                                          capsys):
    rnd = scored_round(county)
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(2)
    view = page.results
    res = er.round_results(round_id=rnd.id)
    expected = er.unit_table(res)
    shown = [tuple(view.table.item(r, c).text() for c in range(view.table.columnCount()))
             for r in range(view.table.rowCount())]
    assert shown == list(expected.rows)
    centre = next(row for row in shown if row[1] == "县企业服务中心")
    # Hand-computed: 88, 97.5 (efficiency not applicable: 78 of 80) and 50 -> 78.5; the land
    # bureau's 80 and 71 -> 75.5, second.
    assert centre == ("1", "县企业服务中心", "3", "8.8%", "16", "17.3", "12", "14.7", "16", "78.5")
    assert "邀请企业 34 家，参评 4 家（11.8%），测评表 5 份" in view.summary.text()
    bars = view.bar_chart.series()[0].barSets()[0]
    assert [round(bars.at(i), 1) for i in range(bars.count())] == [78.5, 75.5]
    assert len(view.trend_chart.series()) == 1
    view.table.setCurrentCell(0, 0)  # the centre's row adds its own line to the trend
    assert [s.name() for s in view.trend_chart.series()] == ["全部单位", "县企业服务中心"]
    view.by.setCurrentIndex(view.by.findData("dimension"))
    assert view.table.item(2, 0).text() == "工作效率" and view.table.item(2, 3).text() == "1"

    out = tmp_path / "测评.xlsx"
    page.export(str(out))
    wait_idle(qtbot, ctx)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    excel = {r[1]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert excel["县企业服务中心"][-1] == float(centre[-1])
    assert excel["县企业服务中心"][3] == pytest.approx(0.088)

    page.print_report()
    dialog = page._dialogs[-1]
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=30_000)
    pdf = tmp_path / "report.pdf"
    dialog.choose_save_path = lambda: str(pdf)
    dialog.save_pdf()
    wait_idle(qtbot, ctx)
    dialog.close()
    text = "".join("".join(p.extract_text().split()) for p in pypdf.PdfReader(str(pdf)).pages)
    assert "1县企业服务中心38.8%1617.31214.71678.5" in text

    from liaison_app.cli import main

    assert main(["--data-dir", str(ctx.paths.root), "report", "satisfaction", "--round",
                 rnd.name]) == 0
    printed = [re.split(r"\s{2,}", line.strip()) for line in
               capsys.readouterr().out.splitlines()[3:]]
    assert list(centre) in printed


def test_the_trend_follows_a_sheet_typed_in_the_grid(qtbot, ctx, county):
    """The trend keeps each round's totals (stored on the database worker); a sheet typed
    afterwards still shows in the chart, which agrees with the results."""
    rnd = scored_round(county)
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(2)
    ctx.runner.run_sync(lambda: None)  # behind the queued store of the worked-out totals
    assert Officer._meta.database.execute_sql(
        "SELECT totals IS NOT NULL FROM evaluation_round_totals WHERE round_id = ?",
        (rnd.id,)).fetchone() == (1,)

    def charted() -> float:
        overall = page.results.trend_chart.series()[0]
        assert overall.name() == "全部单位" and overall.count() == 1
        return overall.at(0).y()

    before = er.round_results(round_id=rnd.id).overall.total
    assert charted() == round(before, 1) == 77.3  # (88 + 97.5 + 50 + 80 + 71) / 5
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    grid.focus_row(next(r for r, row in enumerate(grid.rows) if not row.entry.entered))
    for _ in range(5):
        type_text(qtbot, "5")
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    page.tabs.setCurrentIndex(2)
    after = er.round_results(round_id=rnd.id).overall.total
    assert after == pytest.approx((386.5 + 25) / 6)
    assert charted() == round(after, 1)


def test_follow_up_turns_a_complaint_into_a_dispatched_request(qtbot, ctx, county):
    rnd = scored_round(county)
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(3)
    follow = page.follow
    comments = [follow.table.item(r, 4).text() for r in range(follow.table.rowCount())]
    assert comments == ["窗口等候时间太长", "规划审批还可以更快"]
    follow.table.setCurrentCell(1, 0)
    qtbot.mouseClick(follow.request_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    req = Request.get()
    assert req.lead_department_id == county["land"] and req.status == "dispatched"
    assert follow.table.item(1, 5).text() == "已转诉求"
    follow.table.setCurrentCell(1, 0)
    assert not follow.request_button.isEnabled()
    assert ScoreSheet.get_by_id(sheet_id(round_id=rnd.id, enterprise_id=county["ents"][0].id,
                                         unit=county["land"])).request_id == req.id


def test_anonymous_round_shows_no_enterprise_next_to_a_score(qtbot, ctx, county):
    rnd = open_round(county, anonymous=True)
    keys = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]
    for n in range(3):
        ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["ents"][n].id,
                                         unit="centre", scores=dict.fromkeys(keys, 9),
                                         comments=f"意见{n}"))
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["ents"][0].id,
                                     unit=county["land"], scores=dict.fromkeys(keys, 3),
                                     comments="只有一家"))
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    assert grid.table.item(0, 2).text() == "" and "匿名" in grid.table.item(0, 8).text()
    page.tabs.setCurrentIndex(2)
    rows = {page.results.table.item(r, 1).text(): r for r in
            range(page.results.table.rowCount())}
    land = rows["县自然资源和规划局"]
    assert page.results.table.item(land, 9).text() == "*"
    page.tabs.setCurrentIndex(3)
    follow = page.follow
    assert follow.table.isColumnHidden(1)
    texts = [follow.table.item(r, c).text() for r in range(follow.table.rowCount())
             for c in range(6)]
    assert "只有一家" not in texts and not any("鲁南" in t for t in texts)
    assert follow.table.rowCount() == 3


def test_a_returned_sheets_photo_opens_its_row(qtbot, ctx, county, tmp_path):
    rnd = open_round(county)
    from liaison_app.core.services import evaluation_print

    pdf = tmp_path / "one.pdf"
    target = county["ents"][7]
    evaluation_print.render_sheets(round_id=rnd.id, out=pdf, enterprise_ids=[target.id],
                                   units=[county["land"]])
    subprocess.run(["pdftoppm", "-png", "-r", "120", "-singlefile", str(pdf),
                    str(tmp_path / "photo")], check=True)
    page = make_page(qtbot, ctx)
    page.open_photo(str(tmp_path / "photo.png"))
    wait_idle(qtbot, ctx)
    grid = page.grid
    assert page.tabs.currentIndex() == 1 and grid.unit == county["land"]
    row = grid.table.currentRow()
    assert grid.rows[row].entry.enterprise_id == target.id
    assert target.name in grid.message.text()


def test_editing_a_round_asks_before_switching_and_keeps_edits_on_refresh(qtbot, ctx, county):
    """The round-specific parts of the editor contract (the shared scenarios are in
    test_editor_contract.py): a removed dimension and an enterprise invited by hand count as
    typing and reach the draft; a sync keeps them; the list stays on the round."""
    from liaison_app.core.services import drafts

    first = open_round(county, name="第一轮")
    open_round(county, name="第二轮")
    page = make_page(qtbot, ctx)
    shown = page.round_id
    editor = page.editor
    assert not editor.is_dirty() and editor.dirty_label.text() == ""
    editor.dims.setCurrentCell(4, 0)
    qtbot.mouseClick(editor.dim_remove, Qt.MouseButton.LeftButton)
    editor.chooser.set_enterprise_id(county["ents"][7].id)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.is_dirty() and editor.dirty_label.text() == "有未保存的修改"
    key = editor.contract.draft_key
    qtbot.waitUntil(lambda: (drafts.load_draft(key=key) or None) is not None, timeout=5000)
    wait_idle(qtbot, ctx)
    draft = drafts.load_draft(key=key).payload
    assert [d["label"] for d in draft["dimensions"]] == [
        d["label"] for d in scoring.DEFAULT_DIMENSIONS][:4]
    assert draft["invite"]["removed"] == [county["ents"][7].id]
    # A sync brings a change of the same round: the typing is kept, with a notice.
    EvaluationRound.update(notes="中心改了备注").where(EvaluationRound.id == shown).execute()
    page.on_data_changed("sync")
    page.refresh()
    assert editor.dims.rowCount() == 4 and editor.is_dirty()
    assert editor.contract.notice.isVisible() and "别处" in editor.contract.notice.text.text()
    other = 1 if page._rows[0].id == shown else 0
    answer_next_box("继续编辑")
    page.rounds.setCurrentCell(other, 0)
    assert page.round_id == shown and editor.dims.rowCount() == 4
    assert page.rounds.currentRow() != other
    answer_next_box("丢弃")
    page.rounds.setCurrentCell(other, 0)
    wait_idle(qtbot, ctx)
    assert page.round_id != shown and not editor.is_dirty() and editor.dims.rowCount() == 5
    assert drafts.load_draft(key=key) is None
    assert len(EvaluationRound.get_by_id(shown).dimensions) == 5  # nothing was saved
    assert first.id in {r.id for r in page._rows}


# -- the entry grid follows the editor contract ------------------------------------------------
def start_typing(qtbot, ctx, county, **kw):
    rnd = open_round(county, **kw)
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    page.grid.focus_row(0)
    return rnd, page, page.grid


def test_grid_rows_typed_before_a_kill_are_offered_back_exactly(qtbot, ctx, county,
                                                                 monkeypatch):
    open_round(county)
    keys = "18\t25\tn\t16\t\t𠮷夜班"  # 25 is off the 0–20 scale: the row cannot be saved
    kill_once_drafted(str(ctx.paths.root), county["centre"].id, keys)
    assert ScoreSheet.select().count() == 0

    win = restart_and_restore(qtbot, ctx, monkeypatch)
    page = win.page("satisfaction")
    grid = page.grid
    qtbot.waitUntil(lambda: grid.contract.is_dirty(), timeout=10_000)
    assert win.current_page() is page and page.tabs.currentIndex() == 1
    texts = [grid.table.item(0, c).text() for c in range(2, 8)]
    assert texts == ["18", "25", "不适用", "16", "", "𠮷夜班"]
    assert grid.rows[0].bad == {"attitude"} and ScoreSheet.select().count() == 0
    # Corrected and left, the row is saved as typed.
    grid.table.setCurrentCell(0, 3)
    grid.table.item(0, 3).setText("15")
    grid.table.setCurrentCell(1, 2)
    wait_idle(qtbot, ctx)
    sheet = ScoreSheet.get()
    assert [sheet.scores[d["key"]] for d in scoring.DEFAULT_DIMENSIONS] == [18, 15, None, 16,
                                                                          None]
    assert sheet.comments == "𠮷夜班"
    assert not grid.contract.is_dirty()
    from liaison_app.core.services import drafts

    assert drafts.list_drafts(kind="score_entry") == []


def test_grid_asks_before_another_unit_and_keeps_typing_in_its_own_unit(qtbot, ctx, county,
                                                                         monkeypatch):
    _rnd, page, grid = start_typing(qtbot, ctx, county)
    asked = answer_all(monkeypatch, ["继续编辑"])
    type_text(qtbot, "30")  # off the scale
    press(qtbot, Qt.Key.Key_Tab)
    assert grid.contract.is_dirty()
    grid.unit_box.setCurrentIndex(1)
    assert len(asked) == 1 and "未保存" in asked[0]
    assert grid.unit == "centre" and grid.unit_box.currentData() == "centre"
    assert grid.table.item(0, 2).text() == "30"
    asked_again = answer_all(monkeypatch, ["丢弃"])
    grid.unit_box.setCurrentIndex(1)
    wait_idle(qtbot, ctx)
    assert len(asked_again) == 1 and grid.unit == county["land"]
    # The wrong value typed for the centre does not appear in the department's grid.
    assert grid.table.item(0, 2).text() == "" and not grid.rows[0].dirty
    assert ScoreSheet.select().count() == 0


def test_grid_keeps_the_row_being_typed_through_a_sync(qtbot, ctx, county, monkeypatch):
    rnd, page, grid = start_typing(qtbot, ctx, county)
    asked = answer_all(monkeypatch, [])
    type_text(qtbot, "17")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "16")
    press(qtbot, Qt.Key.Key_Tab)
    # A sync brings a sheet of another enterprise meanwhile.
    other = grid.rows[5].entry.enterprise_id
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=other, unit="centre",
                                     scores={"competence": 12}))
    ctx.runner.changed.emit("sync")
    page.refresh()
    wait_idle(qtbot, ctx)
    assert [grid.table.item(0, c).text() for c in (2, 3)] == ["17", "16"]
    assert grid.rows[0].dirty and grid.contract.is_dirty() and asked == []
    assert ScoreSheet.select().count() == 1, "the half-typed row was saved by the refresh"
    assert grid.rows[5].entry.entered and grid.table.item(5, 2).text() == "12"


def test_grid_escape_undoes_a_box_then_puts_the_typed_rows_aside(qtbot, ctx, county,
                                                                  monkeypatch):
    _rnd, page, grid = start_typing(qtbot, ctx, county)
    asked = answer_all(monkeypatch, ["保留草稿"])
    type_text(qtbot, "19")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Escape)  # the open box only
    assert asked == [] and grid.table.item(0, 3).text() == ""
    assert grid.table.item(0, 2).text() == "19" and grid.contract.is_dirty()
    assert grid.table.state() != grid.table.State.EditingState
    press(qtbot, Qt.Key.Key_Escape)  # no box open: the contract's question
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert grid.table.item(0, 2).text() == "" and not grid.contract.is_dirty()
    qtbot.waitUntil(lambda: grid.contract.notice.isVisible(), timeout=5000)
    grid.contract.notice.primary_button.click()  # 恢复草稿
    assert grid.table.item(0, 2).text() == "19" and grid.contract.is_dirty()
    assert ScoreSheet.select().count() == 0
