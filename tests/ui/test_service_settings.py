"""诉求与代办设置: the department directory, the deadlines and the holiday calendar are edited
in the dialog and take effect on the next dispatch; a liaison officer only looks."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from liaison_app.core import clock, context
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.services import departments, workdays
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
    ctx.settings.officer_id = centre.id
    context.set_actor(officer_id=centre.id)
    yield ent, liaison, centre
    context.set_actor(officer_id="")


def open_dialog(qtbot, ctx):
    from liaison_app.ui.dialogs.service_settings_dialog import ServiceSettingsDialog

    dialog = ServiceSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def dispatch_new_request(ent: Enterprise, *, now: dt.datetime):
    req = rq.save(data=rq.RequestInput(enterprise_id=ent.id, description="三号车间每周停电两次"))
    lead = departments.list_departments()[0].id
    return rq.perform(record_id=req.id, action="dispatch",
                      data=rq.ActionInput(lead_department_id=lead), now=now)


def test_added_department_is_offered_for_dispatch(qtbot, ctx, world):
    dialog = open_dialog(qtbot, ctx)
    qtbot.mouseClick(dialog.dep_add, Qt.MouseButton.LeftButton)
    dialog.dep_name.setText("县数据局")
    dialog.dep_contact.setText("赵科长")
    qtbot.mouseClick(dialog.dep_save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert "县数据局" in [d.name for d in departments.list_departments()]
    assert dialog.dep_table.rowCount() == len(departments.SEED) + 1

    # A second unit of the same name is refused next to the name field.
    qtbot.mouseClick(dialog.dep_add, Qt.MouseButton.LeftButton)
    dialog.dep_name.setText("县数据局")
    qtbot.mouseClick(dialog.dep_save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert not dialog.dep_name_feedback.isHidden()
    assert "县数据局" in dialog.dep_name_feedback.text()

    # Deactivated, it is no longer offered, but stays in the directory.
    row = next(r for r in range(dialog.dep_table.rowCount())
               if dialog.dep_table.item(r, 0).text() == "县数据局")
    dialog.dep_table.selectRow(row)
    qtbot.mouseClick(dialog.dep_toggle, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert "县数据局" not in [d.name for d in departments.list_departments()]
    assert "县数据局" in [d.name for d in departments.list_departments(active_only=False)]


def test_resolve_deadline_change_applies_to_the_next_dispatch(qtbot, ctx, world):
    ent = world[0]
    dialog = open_dialog(qtbot, ctx)
    dialog.day_spins["resolve_days"].setValue(4)
    qtbot.mouseClick(dialog.cfg_save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert rq.load_config().resolve_days == 4
    now = dt.datetime(2026, 3, 2, 9, 0)  # a Monday
    req = dispatch_new_request(ent, now=now)
    assert req.resolve_deadline == dt.date(2026, 3, 6)


def test_added_holiday_is_skipped_by_working_day_deadlines(qtbot, ctx, world, monkeypatch):
    # The dialog lists days from last year on: the test's March 2026 stays within it.
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 3, 1))
    ent = world[0]
    now = dt.datetime(2026, 3, 2, 9, 0)  # a Monday; 10 working days -> Monday 16 March
    assert dispatch_new_request(ent, now=now).resolve_deadline == dt.date(2026, 3, 16)
    dialog = open_dialog(qtbot, ctx)
    qtbot.mouseClick(dialog.holiday_add, Qt.MouseButton.LeftButton)
    dialog.holiday_table.cellWidget(0, 0).setDate(QDate(2026, 3, 10))
    qtbot.mouseClick(dialog.cfg_save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert not workdays.county_calendar().is_workday(dt.date(2026, 3, 10))
    assert dispatch_new_request(ent, now=now).resolve_deadline == dt.date(2026, 3, 17)

    # The same date twice is refused next to the calendar, and nothing is saved.
    qtbot.mouseClick(dialog.holiday_add, Qt.MouseButton.LeftButton)
    dialog.holiday_table.cellWidget(0, 0).setDate(QDate(2026, 3, 10))
    dialog.day_spins["resolve_days"].setValue(7)
    qtbot.mouseClick(dialog.cfg_save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert "2026-03-10" in dialog.holidays_feedback.text()
    assert rq.load_config().resolve_days == 10


def test_liaison_officer_sees_read_only_tabs(qtbot, ctx, world):
    liaison = world[1]
    ctx.settings.officer_id = liaison.id
    context.set_actor(officer_id=liaison.id)
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.dep_note.isHidden() and not dialog.cfg_note.isHidden()
    assert dialog.dep_note.text()
    assert dialog.dep_table.rowCount() == len(departments.SEED)
    for widget in (dialog.dep_add, dialog.dep_save, dialog.dep_toggle, dialog.cfg_save,
                   dialog.holiday_add, dialog.addressee_add, dialog.day_spins["resolve_days"]):
        assert not widget.isEnabled()
    assert dialog.dep_name.isReadOnly() and dialog.organisation.isReadOnly()
    dialog.dep_table.selectRow(0)
    assert not dialog.dep_toggle.isEnabled()


def test_centre_sees_no_read_only_note(qtbot, ctx, world, tmp_path):
    dialog = open_dialog(qtbot, ctx)
    assert dialog.dep_note.isHidden() and dialog.cfg_note.isHidden()
    assert dialog.cfg_save.isEnabled() and dialog.dep_save.isEnabled()
    assert dialog.addressees.count() == 3
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert dialog.grab().save(str(tmp_path / f"tab{index}.png"))


def test_the_countys_names_are_edited_with_the_settings_and_printed(qtbot, ctx, world):
    from liaison_app.core.services import county_identity

    dialog = open_dialog(qtbot, ctx)
    dialog.tabs.setCurrentIndex(2)
    dialog.organisation.setText("青田县企业综合服务中心")
    for name, text in (("county", "青田县"), ("seal_name", "青田县企业综合服务中心（公章）"),
                       ("doc_prefix", "青企服")):
        dialog.identity_edits[name].setText(text)  # typed through an input method
    qtbot.mouseClick(dialog.cfg_save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    identity = county_identity.load()
    assert identity == county_identity.CountyIdentity(
        organisation="青田县企业综合服务中心", county="青田县",
        seal_name="青田县企业综合服务中心（公章）", doc_prefix="青企服")
    assert identity.county_body("县复工复产工作领导小组") == "青田县复工复产工作领导小组"
    # A liaison officer reads them but cannot change them.
    ctx.settings.officer_id = world[1].id
    context.set_actor(officer_id=world[1].id)
    again = open_dialog(qtbot, ctx)
    assert again.identity_edits["county"].text() == "青田县"
    assert all(e.isReadOnly() for e in again.identity_edits.values())
