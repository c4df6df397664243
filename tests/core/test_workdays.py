"""Working-day deadlines across weekends, public holidays and make-up working days (调休)."""
from __future__ import annotations

import datetime as dt

import pytest

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
