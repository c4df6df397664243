"""Requests: recording, every workflow transition (legal and not), roles, deadlines in working
days, the timeline, overdue lists, direct-channel letters and the printed dispatch sheet."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pypdf
import pytest

from liaison_app.core import context
from liaison_app.core.models import Enterprise, Officer, OutboxOp, Visit
from liaison_app.core.models.requests import STATUSES, Request, TimelineEvent
from liaison_app.core.services import departments, workdays
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ServiceError, ValidationFailed

D = dt.date
#: Friday before the 2024 National Day week (1-7 October off, 29 Sep and 12 Oct worked).
ACCEPTED = dt.datetime(2024, 9, 27, 9, 30)
DISPATCHED = dt.datetime(2024, 9, 30, 8, 45)


@pytest.fixture
def world(store):
    ent = Enterprise(name="鲁南精工机械有限公司", town="北关镇", uscc="91371082775260043P")
    ent.save(force_insert=True)
    centre = Officer(name="王主任", role="center")
    centre.save(force_insert=True)
    liaison = Officer(name="李联络", role="liaison")
    liaison.save(force_insert=True)
    viewer = Officer(name="赵领导", role="viewer")
    viewer.save(force_insert=True)
    departments.ensure_seeded()
    power = departments.seed_id("国网县供电公司")
    town = departments.seed_id("北关镇")
    context.set_actor(officer_id=liaison.id)
    yield SimpleNamespace(ent=ent, centre=centre, liaison=liaison, viewer=viewer, power=power,
                          town=town)
    context.set_actor(officer_id="")


def act_as(officer: Officer) -> None:
    context.set_actor(officer_id=officer.id)


def pdf_text(path) -> str:
    """The PDF's text with line breaks and spaces removed (table cells wrap)."""
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    return "".join(text.split())


def new_request(world, **kw) -> Request:
    data = rq.RequestInput(enterprise_id=world.ent.id, channel="visit", category="power",
                           description="三号车间每周停电两次，影响订单交付", **kw)
    return rq.save(data=data, now=ACCEPTED)


def full_input(world, action: str) -> rq.ActionInput:
    return {
        "dispatch": rq.ActionInput(lead_department_id=world.power,
                                   co_department_ids=[world.town]),
        "resolve": rq.ActionInput(resolution="更换了变压器"),
        "call_back": rq.ActionInput(enterprise_resolved=True, satisfaction="satisfied"),
        "return": rq.ActionInput(note="不属于本单位职责"),
        "extend": rq.ActionInput(note="需要采购设备", new_deadline=D(2024, 10, 25)),
        "escalate": rq.ActionInput(addressee="县长"),
        "note": rq.ActionInput(note="企业再次来电催办"),
    }.get(action, rq.ActionInput())


def force_status(req: Request, status: str) -> None:
    req.status = status
    req.resolve_deadline = D(2024, 10, 18)
    req.save()


def test_a_request_is_accepted_on_save_with_its_contact_deadline(world):
    req = new_request(world)
    assert req.status == "accepted"
    assert req.accepted_at == ACCEPTED
    assert req.officer_id == world.liaison.id
    # One working day after Friday 27 Sep 2024 is the make-up Sunday, 29 Sep.
    assert req.contact_deadline == D(2024, 9, 29)
    assert req.due_date == D(2024, 9, 29)
    events = rq.timeline(owner_id=req.id)
    assert [(e.action, e.to_status, e.actor) for e in events] == [("accept", "accepted", "李联络")]
    assert OutboxOp.select().where(OutboxOp.table == "request").count() == 1


def test_recording_needs_an_enterprise_and_a_description(world):
    with pytest.raises(ValidationFailed) as err:
        rq.save(data=rq.RequestInput(enterprise_id="", description=" "))
    fields = {f.field for f in err.value.findings}
    assert {"enterprise_id", "description"} <= fields


def test_a_request_starts_from_a_line_of_a_visits_problems(world):
    visit = Visit(enterprise=world.ent.id, visit_at=dt.datetime(2024, 9, 26, 10),
                  summary="例行走访", problems="用电不稳\n道路开口审批慢\n")
    visit.save(force_insert=True)
    data = rq.from_visit(visit_id=visit.id, line=1)
    assert (data.enterprise_id, data.description, data.visit_line) == (
        world.ent.id, "道路开口审批慢", 1)
    req = rq.save(data=data, now=ACCEPTED)
    assert req.visit_id == visit.id and req.channel == "visit"
    with pytest.raises(ServiceError):
        rq.from_visit(visit_id=visit.id, line=2)


ALL_ACTIONS = sorted(rq.ACTIONS)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_every_action_from_every_status(world, action, status):
    """The centre may take exactly the actions whose rule lists the status as a source."""
    req = new_request(world)
    force_status(req, status)
    act_as(world.centre)
    legal = status in rq.ACTIONS[action].sources
    now = dt.datetime(2024, 10, 8, 9, 0)
    if legal:
        done = rq.perform(record_id=req.id, action=action, data=full_input(world, action),
                          now=now)
        target = rq.ACTIONS[action].target
        assert done.status == (target or status)
        last = rq.timeline(owner_id=req.id)[-1]
        assert (last.action, last.from_status, last.to_status) == (
            action, status, done.status)
    else:
        with pytest.raises(ServiceError) as err:
            rq.perform(record_id=req.id, action=action, data=full_input(world, action),
                       now=now)
        text = err.value.message.text()
        # The refusal says the current status and what the action needs.
        assert rq.STATUS_LABELS[status].text() in text
        assert rq.ACTIONS[action].needs.text() in text
        assert Request.get_by_id(req.id).status == status
        assert rq.timeline(owner_id=req.id)[-1].action == "accept"


@pytest.mark.parametrize("action", ["dispatch", "start", "resolve", "close", "return",
                                    "extend"])
def test_centre_steps_are_refused_to_a_liaison_officer(world, action):
    req = new_request(world)
    source = rq.ACTIONS[action].sources[0]
    force_status(req, source)
    act_as(world.liaison)
    with pytest.raises(ServiceError) as err:
        rq.perform(record_id=req.id, action=action, data=full_input(world, action),
                   now=dt.datetime(2024, 10, 8, 9))
    assert "service centre" in err.value.message.text()


@pytest.mark.parametrize("action", ["call_back", "note", "escalate"])
def test_a_liaison_officer_records_call_backs_notes_and_escalations(world, action):
    req = new_request(world)
    force_status(req, rq.ACTIONS[action].sources[0])
    act_as(world.liaison)
    rq.perform(record_id=req.id, action=action, data=full_input(world, action),
               now=dt.datetime(2024, 10, 8, 9))
    assert rq.timeline(owner_id=req.id)[-1].actor == "李联络"


def test_a_viewer_changes_nothing(world):
    req = new_request(world)
    act_as(world.viewer)
    for action in ALL_ACTIONS:
        assert rq.refusal(req, action) is not None
    with pytest.raises(ServiceError):
        new_request(world)


def test_missing_input_is_named(world):
    req = new_request(world)
    act_as(world.centre)
    with pytest.raises(ValidationFailed) as err:
        rq.perform(record_id=req.id, action="dispatch", data=rq.ActionInput(), now=DISPATCHED)
    assert err.value.findings[0].field == "lead_department_id"
    with pytest.raises(ValidationFailed):
        rq.perform(record_id=req.id, action="dispatch", now=DISPATCHED, data=rq.ActionInput(
            lead_department_id=world.power, co_department_ids=[world.power]))


def test_dispatch_sets_deadlines_in_working_days(world):
    req = new_request(world)
    act_as(world.centre)
    req = rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
                     now=DISPATCHED)
    # Monday 30 Sep 2024, then 1-7 Oct off: 8 Oct is the 1st working day.
    assert req.response_deadline == D(2024, 10, 9)
    assert req.co_deadline == D(2024, 10, 10)
    # 8,9,10,11, Sat 12 (make-up), 14,15,16,17,18.
    assert req.resolve_deadline == D(2024, 10, 18)
    assert req.due_date == req.response_deadline


def test_complex_items_get_25_working_days(world):
    req = new_request(world, complex=True)
    act_as(world.centre)
    req = rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
                     now=DISPATCHED)
    # 18 Oct is the 10th working day; 15 more: 21-25 (15), 28 Oct-1 Nov (20), 4-8 Nov (25).
    assert req.resolve_deadline == D(2024, 11, 8)


def test_configured_deadlines_are_used(world):
    config = rq.load_config()
    config.first_reply_days = 5
    act_as(world.centre)
    # The centre strikes every published day of 2024 from the calendar.
    rq.save_config(config=config, calendar=workdays.ShownDays(
        holidays=[], makeup_workdays=[], since=D(2024, 1, 1)))
    req = new_request(world)
    req = rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
                     now=DISPATCHED)
    assert req.response_deadline == D(2024, 10, 7)


def test_a_full_run_from_visit_to_closed_is_on_the_timeline(world):
    req = new_request(world)
    act_as(world.centre)
    rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
               now=DISPATCHED)
    rq.perform(record_id=req.id, action="start", now=dt.datetime(2024, 10, 8, 10))
    rq.perform(record_id=req.id, action="resolve", data=full_input(world, "resolve"),
               now=dt.datetime(2024, 10, 15, 16))
    act_as(world.liaison)
    req = rq.perform(record_id=req.id, action="call_back", now=dt.datetime(2024, 10, 16, 9),
                     data=rq.ActionInput(enterprise_resolved=True, satisfaction="very_satisfied",
                                         comment="供电已稳定"))
    assert req.enterprise_resolved is True and req.enterprise_satisfaction == "very_satisfied"
    assert req.due_date is None
    act_as(world.centre)
    req = rq.perform(record_id=req.id, action="close", now=dt.datetime(2024, 10, 17, 9))
    assert req.status == "closed" and req.due_date is None
    steps = [(e.action, e.to_status, e.actor) for e in rq.timeline(owner_id=req.id)]
    assert steps == [("accept", "accepted", "李联络"), ("dispatch", "dispatched", "王主任"),
                     ("start", "in_progress", "王主任"), ("resolve", "resolved", "王主任"),
                     ("call_back", "called_back", "李联络"), ("close", "closed", "王主任")]
    line = rq.describe_event(rq.timeline(owner_id=req.id)[1],
                             departments=departments.names_by_id())
    assert "国网县供电公司" in line and "北关镇" in line
    with pytest.raises(ServiceError):
        rq.save(data=rq.load_input(record_id=req.id), record_id=req.id)


def test_an_extension_must_come_before_the_deadline_and_move_it_later(world):
    req = new_request(world)
    act_as(world.centre)
    rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
               now=DISPATCHED)
    with pytest.raises(ValidationFailed):
        rq.perform(record_id=req.id, action="extend", now=dt.datetime(2024, 10, 10),
                   data=rq.ActionInput(note="x", new_deadline=D(2024, 10, 17)))
    with pytest.raises(ValidationFailed):  # a Sunday
        rq.perform(record_id=req.id, action="extend", now=dt.datetime(2024, 10, 10),
                   data=rq.ActionInput(note="x", new_deadline=D(2024, 10, 20)))
    with pytest.raises(ServiceError) as err:
        rq.perform(record_id=req.id, action="extend", now=dt.datetime(2024, 10, 21),
                   data=rq.ActionInput(note="x", new_deadline=D(2024, 10, 25)))
    assert "before the deadline" in err.value.message.text()
    req = rq.perform(record_id=req.id, action="extend", now=dt.datetime(2024, 10, 18, 17),
                     data=rq.ActionInput(note="设备到货延迟", new_deadline=D(2024, 10, 25)))
    assert req.resolve_deadline == D(2024, 10, 25) and req.status == "dispatched"
    assert rq.timeline(owner_id=req.id)[-1].data == {"old": "2024-10-18", "new": "2024-10-25"}


def test_returned_requests_are_dispatched_again_with_new_deadlines(world):
    req = new_request(world)
    act_as(world.centre)
    rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
               now=DISPATCHED)
    rq.perform(record_id=req.id, action="return", data=rq.ActionInput(note="非本单位职责"),
               now=dt.datetime(2024, 10, 8, 9))
    req = rq.perform(record_id=req.id, action="dispatch", now=dt.datetime(2024, 10, 9, 9),
                     data=rq.ActionInput(lead_department_id=departments.seed_id("县水利局")))
    assert req.status == "dispatched" and req.co_deadline is None
    assert req.response_deadline == D(2024, 10, 11)


def test_overdue_and_due_soon_lists(world):
    act_as(world.centre)
    late = new_request(world)
    rq.perform(record_id=late.id, action="dispatch", data=full_input(world, "dispatch"),
               now=DISPATCHED)  # response due 9 Oct
    soon = new_request(world)  # contact due 29 Sep
    soon.contact_deadline = soon.due_date = D(2024, 10, 14)
    soon.save()
    calm = new_request(world)
    calm.contact_deadline = calm.due_date = D(2024, 10, 30)
    calm.save()
    done = new_request(world)
    force_status(done, "closed")
    done.due_date = None
    done.save()
    today = D(2024, 10, 10)  # Thursday; due soon up to 2 working days ahead: 12 Oct (Sat)
    rows = rq.needing_attention(today=today)
    assert [(r.id, r.deadline_state) for r in rows] == [(late.id, "overdue")]
    rows = rq.needing_attention(today=D(2024, 10, 11))  # horizon: Mon 14 Oct
    assert [(r.id, r.deadline_state) for r in rows] == [(late.id, "overdue"),
                                                         (soon.id, "due_soon")]
    overdue = rq.list_requests(flt=rq.RequestFilter(deadline="overdue"), today=today)
    assert [r.id for r in overdue] == [late.id]
    assert rq.count_requests(flt=rq.RequestFilter(deadline="open"), today=today) == 3


def test_a_liaison_officer_sees_own_requests_and_those_of_their_enterprises(world):
    other = Enterprise(name="河口纺织有限公司", officer_ids=[world.liaison.id])
    other.save(force_insert=True)
    mine = new_request(world)
    act_as(world.centre)
    theirs = rq.save(data=rq.RequestInput(enterprise_id=other.id, description="招工难"),
                     now=ACCEPTED)
    unrelated = rq.save(data=rq.RequestInput(enterprise_id=world.ent.id, description="融资"),
                        now=ACCEPTED)
    seen = {r.id for r in rq.list_requests(flt=rq.RequestFilter(officer_id=world.liaison.id))}
    assert seen == {mine.id, theirs.id}
    assert unrelated.id in {r.id for r in rq.list_requests()}


def test_requests_are_found_by_global_search(world):
    from liaison_app.core import search

    req = new_request(world)
    hits = search.search("停电")
    assert [(h.kind, h.record_id) for h in hits] == [("request", req.id)]


# -- direct-channel letters ------------------------------------------------------------------
def letter(world, text: str, on: dt.datetime = ACCEPTED) -> Request:
    return rq.save(data=rq.RequestInput(enterprise_id=world.ent.id, channel="letter",
                                        addressee="县委书记", description=text), now=on)


def test_a_letter_needs_an_addressee(world):
    with pytest.raises(ValidationFailed) as err:
        rq.save(data=rq.RequestInput(enterprise_id=world.ent.id, channel="letter",
                                     description="x"))
    assert err.value.findings[0].field == "addressee"


def test_two_offline_officers_get_distinct_provisional_numbers(world):
    context.set_actor(officer_id=world.liaison.id, device_id="aaaa1111-device")
    a1, a2 = letter(world, "甲1"), letter(world, "甲2")
    context.set_actor(officer_id=world.centre.id, device_id="bbbb2222-device")
    b1 = letter(world, "乙1")
    assert [a1.provisional_no, a2.provisional_no, b1.provisional_no] == [
        "2024-临-aaaa-001", "2024-临-aaaa-002", "2024-临-bbbb-001"]
    assert all(r.registration_no is None for r in (a1, a2, b1))


def test_the_server_numbers_letters_gap_free_in_arrival_order():
    """Two officers register letters offline; their pushes reach the server one after the
    other. The server numbers each push's letters from the year's highest number."""
    issued: dict[str, int] = {}
    pushes = [["b1"], ["a1", "a2"], ["b2", "b1"], ["a3"]]  # b1 resent after a lost reply
    for push in pushes:
        fresh = [rid for rid in push if rid not in issued]
        issued.update(rq.assign_registration_numbers(taken=issued.values(), pending=fresh))
    assert issued == {"b1": 1, "a1": 2, "a2": 3, "b2": 4, "a3": 5}
    assert sorted(issued.values()) == list(range(1, len(issued) + 1))


def test_final_numbers_are_unique_and_gap_free_per_year(world):
    context.set_actor(officer_id=world.liaison.id, device_id="aaaa1111")
    first = [letter(world, f"甲{n}") for n in range(3)]
    context.set_actor(officer_id=world.centre.id, device_id="bbbb2222")
    first += [letter(world, f"乙{n}") for n in range(2)]
    next_year = letter(world, "新年第一封", on=dt.datetime(2025, 1, 3, 9))
    numbers = rq.finalise_registrations()
    assert sorted(numbers[r.id] for r in first) == [1, 2, 3, 4, 5]
    assert numbers[next_year.id] == 1
    later = letter(world, "追加")
    assert rq.finalise_registrations() == {later.id: 6}
    assert rq.finalise_registrations() == {}
    rows = rq.list_letters(year=2024)
    assert [r.number for r in rows] == [f"直通车〔2024〕{n}号" for n in range(1, 7)]
    assert rq.timeline(owner_id=later.id)[-1].action == "register"


def test_escalation_registers_a_letter(world):
    req = new_request(world)
    context.set_actor(officer_id=world.liaison.id, device_id="cccc3333")
    req = rq.perform(record_id=req.id, action="escalate", now=dt.datetime(2024, 10, 9, 9),
                     data=rq.ActionInput(addressee="常务副县长", note="镇里协调不了"))
    assert (req.status, req.addressee, req.provisional_no) == (
        "escalated", "常务副县长", "2024-临-cccc-001")
    with pytest.raises(ServiceError):
        rq.perform(record_id=req.id, action="escalate", data=rq.ActionInput(addressee="县长"))


def test_letter_register_and_dispatch_sheet_print(world, tmp_path):
    l1 = letter(world, "园区道路开口审批迟迟未批")
    rq.finalise_registrations()
    rq.record_reply(record_id=l1.id, reply="请交通局三日内办结", replied_on=D(2024, 10, 9))
    pending = letter(world, "电力增容")
    out = tmp_path / "register.pdf"
    rq.print_letter_register(year=2024, out=out)
    text = pdf_text(out)
    assert "直通车〔2024〕1号" in text and pending.provisional_no in text
    assert "请交通局三日内办结" in text

    req = new_request(world)
    with pytest.raises(ServiceError):
        rq.dispatch_sheet_data(record_id=req.id)
    act_as(world.centre)
    rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"),
               now=DISPATCHED)
    sheet = tmp_path / "sheet.pdf"
    rq.print_dispatch_sheet(record_id=req.id, out=sheet)
    text = pdf_text(sheet)
    for expected in ("问题交办单", "鲁南精工机械有限公司", "国网县供电公司", "北关镇",
                     "2024年10月18日", "2024年10月9日", "用电", rq.request_no(req), "王主任"):
        assert expected in text, expected


def test_timeline_events_sync_with_the_enterprise_scope(world):
    req = new_request(world)
    ev = TimelineEvent.get(TimelineEvent.owner_id == req.id)
    op = OutboxOp.get(OutboxOp.record_id == ev.id)
    assert op.table == "timeline_event" and op.changes["enterprise_id"] == world.ent.id
