"""Working-day arithmetic: weekends and public holidays off, make-up working days (调休) on.

China moves weekend days to build long holidays: the State Council's yearly schedule lists the
days off *and* the Saturdays or Sundays that become working days. A calendar therefore holds
two sets, and a date is a working day when it is a make-up day, or a weekday that is not a
holiday. The schedule is only published late in the previous year, so the calendar is data
the centre edits (see ``requests.RequestConfig``); the defaults below are the published
schedules for 2024 and 2025.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


def _days(start: str, end: str | None = None) -> list[str]:
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if end else first
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


#: Public holidays (days off) as published by the State Council's General Office.
DEFAULT_HOLIDAYS: tuple[str, ...] = tuple(
    _days("2024-01-01") + _days("2024-02-10", "2024-02-17") + _days("2024-04-04", "2024-04-06")
    + _days("2024-05-01", "2024-05-05") + _days("2024-06-10") + _days("2024-09-15", "2024-09-17")
    + _days("2024-10-01", "2024-10-07")
    + _days("2025-01-01") + _days("2025-01-28", "2025-02-04") + _days("2025-04-04", "2025-04-06")
    + _days("2025-05-01", "2025-05-05") + _days("2025-05-31", "2025-06-02")
    + _days("2025-10-01", "2025-10-08")
)
#: Weekend days that are working days in exchange (调休上班).
DEFAULT_MAKEUP_WORKDAYS: tuple[str, ...] = (
    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
    "2024-09-29", "2024-10-12",
    "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def from_iso(cls, *, holidays: Iterable[str], makeup_workdays: Iterable[str]
                 ) -> WorkCalendar:
        return cls(frozenset(dt.date.fromisoformat(d) for d in holidays),
                   frozenset(dt.date.fromisoformat(d) for d in makeup_workdays))

    def is_workday(self, day: dt.date) -> bool:
        if day in self.makeup_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``start`` itself does not count).

        A request accepted on Friday with one working day to answer is due on Monday; with 0
        days it is due the same day, or the next working day if ``start`` is a day off.
        """
        if days < 0:
            raise ValueError("days must be >= 0")
        day = start
        if days == 0:
            while not self.is_workday(day):
                day += dt.timedelta(days=1)
            return day
        left = days
        while left:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1)
                   if self.is_workday(start + dt.timedelta(days=n)))


def default_calendar() -> WorkCalendar:
    return WorkCalendar.from_iso(holidays=DEFAULT_HOLIDAYS,
                                 makeup_workdays=DEFAULT_MAKEUP_WORKDAYS)
