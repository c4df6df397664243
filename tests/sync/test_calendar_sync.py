"""The centre's deadlines and holiday calendar reach the officers' laptops through a sync."""
from __future__ import annotations

import datetime as dt
from typing import Any

from liaison_app.core.services import requests as rq
from liaison_app.core.services import workdays

D = dt.date


def test_centre_calendar_and_deadlines_reach_a_second_laptop(county: dict[str, Any]) -> None:
    centre, li = county["centre"], county["li"]
    li.use()
    assert li.sync().ok
    assert workdays.county_calendar().is_workday(D(2026, 12, 31))
    assert rq.load_config().resolve_days == 10

    centre.use()
    year = workdays.last_published_year() + 1
    since = D(2026, 1, 1)
    shown = workdays.days_since(since=since)
    config = rq.load_config()
    config.resolve_days = 8
    config.addressees = ["县委书记", "县长"]
    # A county day off on New Year's Eve, and next year's schedule entered by hand before
    # the app knows it.
    rq.save_config(config=config, calendar=workdays.ShownDays(
        holidays=[d.isoformat() for d, makeup in shown if not makeup]
        + ["2026-12-31", f"{year}-01-01", f"{year}-10-01"],
        makeup_workdays=[d.isoformat() for d, makeup in shown if makeup], since=since))
    report = centre.sync()
    assert report.ok and report.pushed >= 2, report.message

    report = li.sync()
    assert report.ok, report.message
    li.use()
    cal = workdays.county_calendar()
    assert not cal.is_workday(D(2026, 12, 31))
    assert not cal.is_workday(D(year, 10, 1))
    assert not cal.is_workday(D(2026, 10, 1))  # the published schedule still counts
    assert workdays.coverage_notice(today=D(year, 3, 1)) is None
    assert rq.load_config().resolve_days == 8
    assert rq.load_config().addressees == ["县委书记", "县长"]
