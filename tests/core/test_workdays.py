"""Working-day deadlines across weekends, public holidays and make-up working days (调休)."""
from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core.services import workdays
from liaison_app.core.services.workdays import WorkCalendar, default_calendar

D = dt.date


@pytest.fixture
def cal() -> WorkCalendar:
    return default_calendar()


def test_weekdays_count_and_weekends_do_not():
    plain = WorkCalendar()
    assert plain.add_workdays(D(2023, 3, 6), 1) == D(2023, 3, 7)  # Monday -> Tuesday
    assert plain.add_workdays(D(2023, 3, 10), 1) == D(2023, 3, 13)  # Friday -> Monday
    assert plain.add_workdays(D(2023, 3, 11), 1) == D(2023, 3, 13)  # Saturday -> Monday
    assert plain.add_workdays(D(2023, 3, 6), 10) == D(2023, 3, 20)  # two full weeks


def test_zero_days_is_today_or_the_next_working_day():
    plain = WorkCalendar()
    assert plain.add_workdays(D(2023, 3, 8), 0) == D(2023, 3, 8)
    assert plain.add_workdays(D(2023, 3, 11), 0) == D(2023, 3, 13)


def test_national_day_week_is_skipped_and_the_makeup_saturday_counts(cal):
    # 2024: 1-7 October off; Sunday 29 September and Saturday 12 October are working days.
    assert cal.is_workday(D(2024, 9, 29))
    assert cal.is_workday(D(2024, 10, 12))
    assert not cal.is_workday(D(2024, 10, 4))
    # Accepted Friday 27 September: 1st working day is Sunday 29th, 2nd is Monday 30th,
    # 3rd is Tuesday 8 October.
    assert cal.add_workdays(D(2024, 9, 27), 1) == D(2024, 9, 29)
    assert cal.add_workdays(D(2024, 9, 27), 2) == D(2024, 9, 30)
    assert cal.add_workdays(D(2024, 9, 27), 3) == D(2024, 10, 8)
    # Dispatched 30 September with 10 working days: 8,9,10,11,12(Sat),14,15,16,17,18 Oct.
    assert cal.add_workdays(D(2024, 9, 30), 10) == D(2024, 10, 18)


def test_spring_festival_2025(cal):
    # 28 Jan - 4 Feb off; Sunday 26 Jan and Saturday 8 Feb are working days.
    assert cal.add_workdays(D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert cal.add_workdays(D(2025, 1, 27), 1) == D(2025, 2, 5)
    assert cal.add_workdays(D(2025, 2, 7), 1) == D(2025, 2, 8)
    # 5,6,7 Feb; Sat 8th; then four full weeks to 7 March (24); Monday 10 March is the 25th.
    assert cal.add_workdays(D(2025, 1, 27), 25) == D(2025, 3, 10)


def test_a_configured_holiday_and_makeup_day_are_honoured():
    cal = WorkCalendar.from_iso(holidays=["2030-05-01", "2030-05-02"],
                                makeup_workdays=["2030-05-04"])
    # Tuesday 30 April 2030; 1-2 May off; Friday 3rd; Saturday 4th is a make-up day.
    assert cal.add_workdays(D(2030, 4, 30), 1) == D(2030, 5, 3)
    assert cal.add_workdays(D(2030, 4, 30), 2) == D(2030, 5, 4)
    assert cal.add_workdays(D(2030, 4, 30), 3) == D(2030, 5, 6)


def test_workdays_between(cal):
    assert cal.workdays_between(D(2024, 9, 27), D(2024, 10, 8)) == 3
    assert cal.workdays_between(D(2024, 10, 8), D(2024, 9, 27)) == -3
    assert cal.workdays_between(D(2024, 9, 27), D(2024, 9, 27)) == 0


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        WorkCalendar().add_workdays(D(2024, 1, 2), -1)


# -- the published schedules, the centre's edits and the years nobody covers ---------------
def test_2026_national_day_is_skipped_and_its_makeup_days_count(cal):
    # 2026: Mid-Autumn 25-27 September, National Day 1-7 October off; Sunday 20 September and
    # Saturday 10 October are working days; Thursday 8 October is an ordinary working day.
    assert cal.is_workday(D(2026, 9, 20)) and cal.is_workday(D(2026, 10, 10))
    assert not any(cal.is_workday(D(2026, 10, n)) for n in range(1, 8))
    assert not cal.is_workday(D(2026, 9, 25))
    assert cal.add_workdays(D(2026, 9, 18), 1) == D(2026, 9, 20)
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    # Dispatched 30 September, 10 working days: 8, 9, 10 (Sat), 12-16, 19, 20 October.
    assert cal.add_workdays(D(2026, 9, 30), 10) == D(2026, 10, 20)
    # Counting weekends only, as before, would have made it 14 October.
    assert WorkCalendar().add_workdays(D(2026, 9, 30), 10) == D(2026, 10, 14)


def test_spring_festival_2026(cal):
    # 15-23 February off; Saturdays 14 and 28 February are working days.
    assert cal.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert cal.add_workdays(D(2026, 2, 13), 2) == D(2026, 2, 24)
    assert cal.workdays_between(D(2026, 2, 13), D(2026, 2, 28)) == 6  # 14, 24-27, 28
    # New Year 2026: 1-3 January off, Sunday 4 January worked.
    assert cal.add_workdays(D(2025, 12, 31), 1) == D(2026, 1, 4)


def test_centre_edits_win_over_the_published_schedule():
    edits = workdays.CalendarEdits(holidays=("2026-10-08",), makeup_workdays=("2026-10-07",),
                                   removed=("2026-10-10",))
    cal = workdays.build_calendar(edits=edits)
    assert not cal.is_workday(D(2026, 10, 8))  # a county day off added
    assert cal.is_workday(D(2026, 10, 7))  # a published day off made a working day
    assert not cal.is_workday(D(2026, 10, 10))  # a published make-up Saturday struck out
    assert cal.is_workday(D(2026, 9, 20))  # the rest of the schedule stands


def test_dialog_days_become_edits_and_come_back_the_same():
    since = D(2025, 1, 1)
    shown = workdays.days_since(since=since, calendar=workdays.default_calendar())
    off = [d.isoformat() for d, makeup in shown if not makeup]
    work = [d.isoformat() for d, makeup in shown if makeup]
    assert workdays.edits_for_days(holidays=off, makeup_workdays=work, since=since).is_empty
    off.remove("2026-10-01")
    edits = workdays.edits_for_days(holidays=[*off, "2027-01-01"], makeup_workdays=work,
                                    since=since, previous=workdays.CalendarEdits(
                                        holidays=("2019-03-08",)))
    assert edits == workdays.CalendarEdits(holidays=("2019-03-08", "2027-01-01"),
                                           removed=("2026-10-01",))


def test_a_year_beyond_the_data_counts_weekends_only_and_says_so(cal):
    year = workdays.last_published_year() + 1
    assert year not in cal.covered_years
    first_october = D(year, 10, 1)
    assert cal.add_workdays(first_october, 10) == WorkCalendar().add_workdays(first_october, 10)
    notice = workdays.coverage_notice(today=D(year, 3, 1), calendar=cal)
    assert notice is not None and str(year) in notice.text()
    assert "weekends" in notice.text()
    # Late in the last covered year the coming one already matters; early in it, not yet.
    assert str(year) in workdays.coverage_notice(today=D(year - 1, 11, 20), calendar=cal).text()
    assert workdays.coverage_notice(today=D(year - 1, 3, 1), calendar=cal) is None
    # Once the centre enters that year's days off, the year counts as known.
    entered = workdays.build_calendar(edits=workdays.CalendarEdits(
        holidays=(f"{year}-01-01", f"{year}-10-01")))
    assert workdays.coverage_notice(today=D(year, 3, 1), calendar=entered) is None
    assert not entered.is_workday(D(year, 10, 1))


def test_report_period_notice_names_only_uncovered_years(cal):
    year = workdays.last_published_year() + 1
    assert workdays.period_notice(start=D(2024, 1, 1), end=D(2025, 12, 31), calendar=cal) is None
    notice = workdays.period_notice(start=D(year - 1, 1, 1), end=D(year + 1, 2, 1), calendar=cal)
    assert f"{year}, {year + 1}" in notice.text()


def test_hostile_stored_edits_are_ignored_not_raised():
    edits = workdays.CalendarEdits.from_json(
        {"holidays": ["2026-13-40", 7, None, "2026-03-10", "𠮷"], "removed": "2026-10-01",
         "makeup_workdays": [["2026-03-14"]]})
    assert edits == workdays.CalendarEdits(holidays=("2026-03-10",))
    assert workdays.CalendarEdits.from_json("nonsense").is_empty


# -- stored and synced ----------------------------------------------------------------------
def test_centre_calendar_is_stored_for_the_county_and_officers_cannot_change_it(store):
    from liaison_app.core.services import requests as rq
    from liaison_app.core.services.errors import ServiceError

    config = rq.load_config()
    config.resolve_days = 7
    # As the settings dialog saves it: every day it lists from 1 March on, one added.
    since = D(2026, 3, 1)
    shown = workdays.days_since(since=since)
    rq.save_config(config=config, role="center", calendar=workdays.ShownDays(
        holidays=[d.isoformat() for d, makeup in shown if not makeup] + ["2026-03-10"],
        makeup_workdays=[d.isoformat() for d, makeup in shown if makeup], since=since))
    assert workdays.load_edits() == workdays.CalendarEdits(holidays=("2026-03-10",))
    cal = workdays.county_calendar()
    assert not cal.is_workday(D(2026, 3, 10))
    assert not cal.is_workday(D(2026, 10, 1))  # published days before and after stay
    assert not cal.is_workday(D(2026, 2, 16))
    # A day the dialog no longer lists is struck out; days before ``since`` are untouched.
    rq.save_config(config=config, role="center", calendar=workdays.ShownDays(
        holidays=["2026-03-10"], makeup_workdays=[], since=D(2026, 10, 1)))
    assert workdays.county_calendar().is_workday(D(2026, 10, 1))
    assert not workdays.county_calendar().is_workday(D(2026, 3, 10))
    assert rq.load_config().resolve_days == 7
    with pytest.raises(ServiceError):
        rq.save_config(config=config, role="liaison", calendar=workdays.ShownDays(
            holidays=[], makeup_workdays=[], since=D(2026, 1, 1)))
    assert not workdays.county_calendar().is_workday(D(2026, 3, 10))


def test_a_device_keeps_its_own_older_calendar_until_the_centre_has_spoken(store):
    from liaison_app.core.models import LocalState
    from liaison_app.core.services import requests as rq

    # What an older release kept on this device: the built-in 2024-2025 days, one of them
    # removed (8 October 2025), and a county day off the centre had added for 2026.
    old = workdays.default_calendar()
    holidays = sorted(d.isoformat() for d in old.holidays if d.year in (2024, 2025))
    holidays.remove("2025-10-08")
    makeups = sorted(d.isoformat() for d in old.makeup_workdays if d.year in (2024, 2025))
    LocalState.set_value("requests.config", {
        "resolve_days": 12, "holidays": [*holidays, "2026-03-10"], "makeup_workdays": makeups,
        "addressees": ["县长"]})
    cal = workdays.county_calendar()
    assert cal.is_workday(D(2025, 10, 8))
    assert not cal.is_workday(D(2026, 3, 10))
    assert not cal.is_workday(D(2026, 10, 1))  # and the published 2026 schedule too
    assert rq.load_config().resolve_days == 12
    assert rq.load_config().addressees == ["县长"]
    # Saved on this device by the centre, the older days are the starting point, kept.
    rq.save_config(config=rq.load_config(), role="center", calendar=workdays.ShownDays(
        holidays=[], makeup_workdays=[], since=D(2099, 1, 1)))
    assert workdays.load_edits() == workdays.CalendarEdits(holidays=("2026-03-10",),
                                                           removed=("2025-10-08",))
    assert rq.load_config().resolve_days == 12
    # Once the centre's settings from elsewhere arrive, they are what counts.
    rq.save_config(config=rq.RequestConfig(resolve_days=9), role="center")
    workdays.save_edits(edits=workdays.CalendarEdits(), role="center")
    assert rq.load_config().resolve_days == 9
    assert workdays.county_calendar().is_workday(D(2026, 3, 10))
    assert not workdays.county_calendar().is_workday(D(2025, 10, 8))
