"""The demo county: every area has plausible, valid data, and none of it is queued to sync."""
from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core import search
from liaison_app.core.models import Application, Enterprise, IssuedPass, OutboxOp, Worker
from liaison_app.core.models.proxy import ProxyCase, ProxyItem
from liaison_app.core.models.requests import Request, TimelineEvent
from liaison_app.core.services import demo, rates, workdays
from liaison_app.core.services import requests as rq
from liaison_app.core.validation import check_phone, check_resident_id, check_uscc, id_birth_date

TODAY = dt.date(2026, 3, 18)


@pytest.fixture
def county(store):
    return demo.generate(enterprises=60, visits=300, officers=6, seed=5, today=TODAY)


def test_every_area_has_data_and_nothing_is_queued_for_the_server(county):
    assert county.requests == 60 and county.proxy_cases == 6
    assert county.workers > 0 and county.applications > 0 and county.passes > 0
    assert Request.select().count() == 60 and ProxyCase.select().count() == 6
    assert TimelineEvent.select().count() > 60
    assert OutboxOp.select().count() == 0
    assert demo.is_demo_database()


def test_ids_phones_and_credit_codes_pass_validation(county):
    for (uscc,) in Enterprise.select(Enterprise.uscc).tuples():
        assert check_uscc(uscc) == []
    workers = list(Worker.select())
    assert len({w.enterprise_id for w in workers}) == 6
    for w in workers:
        assert check_resident_id(w.id_number, today=TODAY) == [], w.id_number
        assert id_birth_date(w.id_number) is not None
        assert check_phone(w.phone, allow_landline=False) == []
        assert w.workshop and w.post and w.shift


def test_requests_in_every_state_with_deadlines_by_working_days(county):
    statuses = {s for (s,) in Request.select(Request.status).tuples()}
    assert {"accepted", "dispatched", "in_progress", "resolved", "called_back", "closed",
            "returned", "escalated"} <= statuses
    cal = workdays.default_calendar()
    config = rq.load_config()
    for req in Request.select().where(Request.dispatched_at.is_null(False)):
        day = req.dispatched_at.date()
        assert req.response_deadline == cal.add_workdays(day, config.first_reply_days)
        assert req.lead_department_id and req.lead_department_id not in req.co_departments
        events = [e.action for e in rq.timeline(owner_id=req.id)]
        assert events[0] == "accept" and "dispatch" in events
    attention = rq.needing_attention(today=TODAY)
    assert {r.deadline_state for r in attention} == {"overdue", "due_soon"}


def test_rates_are_non_trivial_and_letters_numbered(county):
    table = rates.rates_table(start=TODAY - dt.timedelta(days=730), end=TODAY, as_of=TODAY)
    for rate in (table.total.response_rate, table.total.resolution_rate,
                 table.total.satisfaction_rate):
        assert rate is not None and 0.5 < rate <= 1
    letters = rq.list_letters(year=TODAY.year)
    assert letters and all(letter.final for letter in letters)
    assert [letter.number for letter in letters][0] == rq.registration_label(
        year=TODAY.year, number=1)


def test_proxy_cases_applications_and_passes(county):
    statuses = {s for (s,) in ProxyItem.select(ProxyItem.status).tuples()}
    assert {"approved", "submitted"} <= statuses
    for item in ProxyItem.select().where(ProxyItem.status == "approved"):
        assert item.submitted_on <= item.approved_on <= TODAY
        assert item.approved_on - item.submitted_on <= dt.timedelta(days=item.usual_days)
    assert {k for (k,) in Application.select(Application.kind).tuples()} == {"pass",
                                                                                "reopening"}
    for p in IssuedPass.select():
        assert p.worker.enterprise_id == p.enterprise_id == p.application.enterprise_id


def test_new_records_are_searchable(county):
    assert {h.kind for h in search.search("供电", limit=200)} >= {"request", "visit"}
    assert search.search("项目", kinds=["proxy_case"])


def test_same_seed_gives_the_same_county(tmp_path):
    from liaison_app.core.db import close_database, open_database
    from liaison_app.core.paths import DataPaths

    seen = []
    for n in range(2):
        open_database(DataPaths(tmp_path / f"data{n}"))
        try:
            demo.generate(enterprises=12, visits=20, officers=3, seed=9, today=TODAY)
            seen.append((
                sorted(Request.select(Request.id, Request.status, Request.due_date,
                                      Request.description).tuples()),
                sorted(Worker.select(Worker.id_number).tuples()),
                sorted(IssuedPass.select(IssuedPass.pass_no, IssuedPass.check_code).tuples()),
                sorted(ProxyItem.select(ProxyItem.name, ProxyItem.approved_on).tuples())))
        finally:
            close_database()
    assert seen[0] == seen[1] and seen[0][0]


def test_nothing_in_the_demo_county_happens_later_than_now(store, monkeypatch):
    from liaison_app.core.models import Visit

    # Generated at five past nine in the morning: visits drawn for the afternoon move back.
    morning = dt.datetime(2026, 3, 18, 9, 5)
    monkeypatch.setattr(demo, "_local_now", lambda: morning)
    demo.generate(enterprises=60, visits=3000, officers=6, seed=5, today=TODAY)
    assert Visit.select().where(Visit.visit_at > morning).count() == 0
    todays = Visit.select().where(Visit.visit_at >= dt.datetime(2026, 3, 18)).count()
    assert todays > 0  # today keeps its morning visits
    assert Request.select().where(Request.accepted_at > morning).count() == 0
    assert TimelineEvent.select().where(TimelineEvent.at > morning).count() == 0


def test_satisfaction_rounds_with_sheets_that_fit_their_rounds(county):
    from liaison_app.core import scoring
    from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet
    from liaison_app.core.services import evaluation_results as er

    assert county.evaluation_rounds == 3 and county.score_sheets == ScoreSheet.select().count()
    rounds = list(EvaluationRound.select().order_by(EvaluationRound.held_on))
    assert [r.status for r in rounds] == ["closed", "closed", "open"]
    assert rounds[-1].anonymous and rounds[-1].held_on < TODAY
    for rnd in rounds:
        wire = rnd.wire_fields()
        for sheet in ScoreSheet.select().where(ScoreSheet.round == rnd.id):
            problems = scoring.sheet_problems(sheet=sheet.wire_fields(), round_data=wire)
            assert problems == [], problems
    results = er.round_results(round_id=rounds[0].id)
    assert results.responded > 20 and results.overall.total is not None
    assert any(i.comments for i in er.follow_ups(round_id=rounds[0].id))
    assert len(er.trend().rounds) == 3
