"""The 诉求 page like a person uses it: a problem found on a visit becomes a request, the
centre dispatches it, the department answers and resolves it, the officer records the
call-back; buttons say why a step is not possible; the dispatch sheet is saved as PDF."""
from __future__ import annotations

import datetime as dt

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from liaison_app.core import context
from liaison_app.core.models import Enterprise, Officer, Visit
from liaison_app.core.models.requests import Request
from liaison_app.core.services import departments
from liaison_app.core.services import requests as rq
from tests.ui.conftest import wait_idle


@pytest.fixture
def world(ctx):
    ent = Enterprise(name="鲁南精工机械有限公司", town="北关镇")
    ent.save(force_insert=True)
    liaison = Officer(name="李联络", role="liaison")
    centre = Officer(name="王主任", role="center")
    for o in (liaison, centre):
        o.save(force_insert=True)
    departments.ensure_seeded()
    visit = Visit(enterprise=ent.id, visit_at=dt.datetime.now().replace(microsecond=0),
                  summary="例行走访", problems="招工难\n三号车间每周停电两次\n")
    visit.save(force_insert=True)
    ctx.settings.officer_id = liaison.id
    context.set_actor(officer_id=liaison.id)
    yield ent, liaison, centre, visit
    context.set_actor(officer_id="")


def ok(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_page(qtbot, ctx):
    from liaison_app.ui.pages.requests_page import RequestsPage

    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activate()
    return page


def test_from_visit_through_dispatch_to_call_back(qtbot, ctx, world, tmp_path):
    ent, liaison, centre, visit = world
    page = shown_page(qtbot, ctx)
    assert not page.table.isVisible() and "No requests yet" not in page.empty_label.text()

    # The visits page hands over line 2 of the problems found.
    page.open_record(f"from-visit:{visit.id}:1")
    assert page.description.toPlainText() == "三号车间每周停电两次"
    assert page.enterprise.enterprise_id() == ent.id
    page.category.setCurrentIndex(page.category.findData("power"))
    click(qtbot, page.save_button)
    wait_idle(qtbot, ctx)
    req = Request.get()
    assert (req.visit_id, req.visit_line, req.status, req.category) == (
        visit.id, 1, "accepted", "power")
    assert page.current_id == req.id and page.model.rowCount() == 1

    # A liaison officer cannot dispatch; the button says why.
    assert not page.action_buttons["dispatch"].isEnabled()
    assert "服务中心" in page.action_buttons["dispatch"].toolTip()
    assert not page.action_buttons["call_back"].isEnabled()
    assert page.action_buttons["note"].isEnabled()

    # The centre dispatches (after syncing, on its own laptop; here the same database).
    context.set_actor(officer_id=centre.id)
    ctx.settings.officer_id = centre.id
    page.refresh()
    click(qtbot, page.action_buttons["dispatch"])
    dialog = page.action_dialog
    assert dialog is not None and dialog.isVisible()
    ok(qtbot, dialog)  # no lead department chosen yet
    wait_idle(qtbot, ctx)
    assert dialog.isVisible() and dialog.feedback.isVisible()
    assert Request.get().status == "accepted"
    dialog.lead.setCurrentIndex(dialog.lead.findText("国网县供电公司"))
    for i in range(dialog.co.count()):
        if dialog.co.item(i).text() == "北关镇":
            dialog.co.item(i).setCheckState(Qt.CheckState.Checked)
    ok(qtbot, dialog)
    wait_idle(qtbot, ctx)
    req = Request.get()
    assert req.status == "dispatched" and req.lead_department_id == departments.seed_id(
        "国网县供电公司")
    assert page.timeline.count() == 2 and "国网县供电公司" in page.timeline.item(0).text()
    assert "国网县供电公司" in page.state_label.text()

    sheet = tmp_path / "sheet.pdf"
    page.print_sheet(str(sheet))
    wait_idle(qtbot, ctx)
    text = "".join("".join(p.extract_text() for p in pypdf.PdfReader(str(sheet)).pages).split())
    assert "问题交办单" in text and "三号车间每周停电两次" in text and "北关镇" in text

    click(qtbot, page.action_buttons["start"])
    ok(qtbot, page.action_dialog)
    wait_idle(qtbot, ctx)
    click(qtbot, page.action_buttons["resolve"])
    page.action_dialog.resolution.setPlainText("更换变压器，供电恢复稳定")
    ok(qtbot, page.action_dialog)
    wait_idle(qtbot, ctx)
    assert Request.get().status == "resolved"

    # Back on the officer's laptop: the call-back.
    context.set_actor(officer_id=liaison.id)
    ctx.settings.officer_id = liaison.id
    page.refresh()
    assert not page.action_buttons["close"].isEnabled()
    click(qtbot, page.action_buttons["call_back"])
    dialog = page.action_dialog
    dialog.solved_yes.setChecked(True)
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("very_satisfied"))
    dialog.note.setPlainText("企业表示满意")
    ok(qtbot, dialog)
    wait_idle(qtbot, ctx)
    req = Request.get()
    assert (req.status, req.enterprise_resolved, req.enterprise_satisfaction,
            req.callback_comment) == ("called_back", True, "very_satisfied", "企业表示满意")
    actions = [e.action for e in rq.timeline(owner_id=req.id)]
    assert actions == ["accept", "dispatch", "start", "resolve", "call_back"]
    assert page.timeline.count() == 5
    assert not any(b.isEnabled() for a, b in page.action_buttons.items() if a != "note")


def test_overdue_requests_stand_out_in_the_list_and_on_today(qtbot, ctx, world):
    from liaison_app.ui.pages.requests_page import OVERDUE_BG, RequestsPage
    from liaison_app.ui.pages.today_page import TodayPage

    ent, liaison, centre, visit = world
    late = rq.save(data=rq.RequestInput(enterprise_id=ent.id, description="道路开口审批慢"),
                   now=dt.datetime.now() - dt.timedelta(days=20))
    rq.save(data=rq.RequestInput(enterprise_id=ent.id, description="刚受理的诉求"))
    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    model = page.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 5).data() == "道路开口审批慢")
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert "逾期" in model.index(row, 4).data()
    page.deadline_filter.setCurrentIndex(page.deadline_filter.findData("overdue"))
    assert model.rowCount() == 1 and model.index(0, 0).data(
        Qt.ItemDataRole.UserRole) == late.id

    today = TodayPage(ctx)
    qtbot.addWidget(today)
    today.show()
    today.refresh()
    assert today.requests.topLevelItemCount() >= 1
    first = today.requests.topLevelItem(0)
    assert first.text(1) == "鲁南精工机械有限公司" and "逾期" in first.text(0)
    assert first.data(0, Qt.ItemDataRole.UserRole) == ["requests", late.id] or tuple(
        first.data(0, Qt.ItemDataRole.UserRole)) == ("requests", late.id)


def test_a_sync_refresh_shows_new_requests_and_keeps_the_open_one_and_its_typing(
        qtbot, ctx, world):
    ent, _liaison, centre, _visit = world
    context.set_actor(officer_id=centre.id)  # the centre's list: every request
    ctx.settings.officer_id = centre.id
    for n in range(60):
        Request(enterprise=ent.id, accepted_at=dt.datetime(2026, 1, 1, 9) + dt.timedelta(
            days=n), description=f"诉求{n:02d}", category="power").save(force_insert=True)
    page = shown_page(qtbot, ctx)
    opened = page.model.row_at(40).id
    page.open_record(opened)
    page.description.setFocus()
    page.description.moveCursor(page.description.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.description, " typed, not saved")
    page.table.scrollTo(page.model.index(40, 0))
    assert page.table.verticalScrollBar().value() > 0
    top = page.model.row_at(page.table.rowAt(0)).id

    # The sync brings a new request of today's.
    Request(enterprise=ent.id, accepted_at=dt.datetime.now().replace(microsecond=0),
            description="同步带来的诉求", category="water").save(force_insert=True)
    page.on_data_changed("sync")
    assert page.model.rowCount() == 60  # read on the runner: not yet
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        pass
    assert page.model.rowCount() == 61
    assert "同步带来的诉求" in [page.model.row_at(r).summary for r in range(61)]
    assert page.current_id == opened
    chosen = page.table.selectionModel().selectedRows()
    assert [page.model.row_at(i.row()).id for i in chosen] == [opened]
    assert page.description.toPlainText().endswith(" typed, not saved")
    assert page.model.row_at(page.table.rowAt(0)).id == top, "the list jumped"
    wait_idle(qtbot, ctx)
