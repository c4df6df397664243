"""The three rates on a constructed data set whose expected values are counted by hand."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.models.proxy import ProxyCase, ProxyItem
from liaison_app.core.models.requests import Request
from liaison_app.core.services import departments, rates

D = dt.date
T = dt.datetime
JAN5 = T(2024, 1, 5, 9)
Q1 = dict(start=D(2024, 1, 1), end=D(2024, 3, 31), as_of=D(2024, 4, 30))


@pytest.fixture
def data(store):
    departments.ensure_seeded()
    power = departments.seed_id("国网县供电公司")
    water = departments.seed_id("县自来水公司")
    a = Enterprise(name="甲公司", town="北关镇")
    b = Enterprise(name="乙公司", town="南湖镇")
    o1, o2 = Officer(name="李一", role="liaison"), Officer(name="王二", role="liaison")
    for rec in (a, b, o1, o2):
        rec.save(force_insert=True)

    def req(n, ent, officer, *, accepted=JAN5, lead="", deadline=None,
            response=None, resolved=None, satisfaction="", category="power",
            status="dispatched", deleted=False):
        r = Request(enterprise=ent.id, officer_id=officer.id, accepted_at=accepted,
                    description=f"诉求{n}", category=category, status=status,
                    lead_department_id=lead, response_deadline=deadline,
                    dispatched_at=accepted + dt.timedelta(hours=2) if lead else None,
                    first_response_at=response, enterprise_resolved=resolved,
                    enterprise_satisfaction=satisfaction, deleted=deleted)
        r.save(force_insert=True)

    # 1: on time; resolved; very satisfied.
    req(1, a, o1, lead=power, deadline=D(2024, 1, 10), response=T(2024, 1, 9, 15),
        resolved=True, satisfaction="very_satisfied", status="called_back")
    # 2: late; not resolved; dissatisfied.
    req(2, a, o1, lead=power, deadline=D(2024, 1, 10), response=T(2024, 1, 12, 9),
        resolved=False, satisfaction="dissatisfied", status="called_back")
    # 3: answered on the deadline day itself (on time); resolved; only basically satisfied.
    req(3, b, o2, accepted=T(2024, 2, 1, 10), lead=water, deadline=D(2024, 2, 5),
        response=T(2024, 2, 5, 17), resolved=True, satisfaction="basic", category="water",
        status="called_back")
    # 4: never answered, deadline long past: late.
    req(4, b, o2, accepted=T(2024, 2, 20, 10), lead=water, deadline=D(2024, 3, 1),
        category="water")
    # 5: not dispatched yet.
    req(5, b, o1, accepted=T(2024, 3, 30, 10), category="land", status="accepted")
    # 6: dispatched, not answered, deadline after "as of": not counted yet.
    req(6, a, o2, accepted=T(2024, 3, 31, 23, 59), lead=power, deadline=D(2024, 5, 10))
    # 7: outside the period; 8: deleted.
    req(7, a, o1, accepted=T(2024, 4, 1, 0, 0), lead=power, deadline=D(2024, 4, 3),
        response=T(2024, 4, 2))
    req(8, a, o1, lead=power, deadline=D(2024, 1, 10), deleted=True)
    return SimpleNamespace(power=power, water=water, o1=o1, o2=o2)


def counts(row: rates.RateRow) -> tuple[int, ...]:
    return (row.requests, row.dispatched, row.response_on_time, row.response_base,
            row.resolved, row.resolution_base, row.satisfied, row.satisfaction_base)


def test_totals(data):
    table = rates.rates_table(**Q1)
    assert counts(table.total) == (6, 5, 2, 4, 2, 3, 1, 3)
    assert table.total.response_rate == pytest.approx(2 / 4)
    assert table.total.resolution_rate == pytest.approx(2 / 3)
    assert table.total.satisfaction_rate == pytest.approx(1 / 3)
    assert table.rows == []


def test_by_department(data):
    table = rates.rates_table(**Q1, by="department")
    got = {r.name: counts(r) for r in table.rows}
    assert got == {
        "国网县供电公司": (3, 3, 1, 2, 1, 2, 1, 2),
        "县自来水公司": (2, 2, 1, 2, 1, 1, 0, 1),
        rates._unassigned("department"): (1, 0, 0, 0, 0, 0, 0, 0),
    }
    assert counts(table.total) == (6, 5, 2, 4, 2, 3, 1, 3)


def test_by_town(data):
    got = {r.name: counts(r) for r in rates.rates_table(**Q1, by="town").rows}
    assert got == {"北关镇": (3, 3, 1, 2, 1, 2, 1, 2), "南湖镇": (3, 2, 1, 2, 1, 1, 0, 1)}


def test_by_officer(data):
    table = rates.rates_table(**Q1, by="officer")
    got = {r.name: counts(r) for r in table.rows}
    assert got == {"李一": (3, 2, 1, 2, 1, 2, 1, 2), "王二": (3, 3, 1, 2, 1, 1, 0, 1)}
    wang = next(r for r in table.rows if r.name == "王二")
    assert wang.resolution_rate == 1.0 and wang.satisfaction_rate == 0.0


def test_a_pending_response_counts_once_its_deadline_has_passed(data):
    later = rates.rates_table(start=Q1["start"], end=Q1["end"], as_of=D(2024, 5, 11))
    assert (later.total.response_on_time, later.total.response_base) == (2, 5)


def test_an_empty_period_has_no_rates(data):
    table = rates.rates_table(start=D(2020, 1, 1), end=D(2020, 12, 31), by="town")
    assert table.rows == [] and table.total.response_rate is None


def test_requests_by_category_and_status(data):
    assert rates.by_category(start=Q1["start"], end=Q1["end"]) == {
        "power": 3, "water": 2, "land": 1}
    assert rates.by_status(start=Q1["start"], end=Q1["end"]) == {
        "called_back": 3, "dispatched": 2, "accepted": 1}


def test_proxy_items_done_and_days_saved(data):
    ent = Enterprise.get(Enterprise.name == "甲公司")
    case = ProxyCase(enterprise=ent.id, project_name="新厂房", started_on=D(2023, 12, 20))
    case.save(force_insert=True)

    def item(name, usual, sub, appr, status="approved"):
        ProxyItem(case=case.id, enterprise=ent.id, name=name, usual_days=usual,
                  submitted_on=sub, approved_on=appr, status=status).save(force_insert=True)

    item("道路开口许可", 18, D(2024, 1, 2), D(2024, 1, 5))  # 3 days, 15 saved
    item("环评", 30, D(2024, 1, 10), D(2024, 2, 20))  # 41 days, 11 over
    item("消防验收", 15, D(2024, 3, 25), D(2024, 4, 2))  # approved after the period
    item("供电接入", 30, D(2024, 3, 1), None, status="submitted")
    summary = rates.proxy_summary(start=Q1["start"], end=Q1["end"])
    assert (summary.items_done, summary.days_usual, summary.days_taken, summary.days_saved) == (
        2, 48, 44, 4)
    assert summary.cases_started == 0


def test_the_command_line_prints_the_same_table(data, store, capsys):
    from liaison_app.cli import main

    status = main(["--data-dir", str(store.root), "report", "rates", "--from", "2024-01-01",
                   "--to", "2024-03-31", "--by", "officer", "--as-of", "2024-04-30"])
    out = capsys.readouterr().out
    assert status == 0
    lines = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert lines["李一"][1:] == ["3", "50.0%", "(1/2)", "50.0%", "(1/2)", "50.0%", "(1/2)"]
    assert lines["王二"][1:] == ["3", "50.0%", "(1/2)", "100.0%", "(1/1)", "0.0%", "(0/1)"]
    assert lines["Total"][1:] == ["6", "50.0%", "(2/4)", "66.7%", "(2/3)", "33.3%", "(1/3)"]


def test_the_command_line_refuses_a_bad_date(store, capsys):
    from liaison_app.cli import main

    assert main(["--data-dir", str(store.root), "report", "rates", "--from", "2024-13-01",
                 "--to", "2024-03-31"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
