"""Working-day arithmetic: weekends and public holidays off, make-up working days (调休) on.

China moves weekend days to build long holidays: the State Council's yearly schedule lists the
days off *and* the Saturdays or Sundays that become working days. A calendar therefore holds
two sets, and a date is a working day when it is a make-up day, or a weekday that is not a
holiday.

The published schedules come from the ``chinesecalendar`` package, which is updated when the
State Council publishes the next year's schedule (usually in November); updating the app
brings the new year. The service centre can still change days on top of it (a local day off,
a schedule published before the app was updated): its edits win over the package and reach
every laptop as a synced centre setting. A year covered by neither has no public holidays —
only weekends are days off — and ``coverage_notice`` says so instead of staying silent.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import chinese_calendar

from liaison_app.core import i18n
from liaison_app.core.i18n import Message

#: The centre setting holding ``CalendarEdits`` (``centre_settings``).
CALENDAR_KEY = "workdays.calendar"
#: Where releases before the synced calendar kept each device's own list (``LocalState``).
LEGACY_CONFIG_KEY = "requests.config"
#: The years the built-in list of those releases covered: a published day of these years
#: missing from a device's old list is one somebody removed there.
LEGACY_YEARS = frozenset({2024, 2025})
#: How far ahead a missing year matters: the longest deadline (25 working days) plus the
#: weeks a request may wait before it is dispatched.
LOOKAHEAD = dt.timedelta(days=60)


@dataclass(frozen=True)
class Schedule:
    """The published schedules: days off, make-up working days, and which years they cover."""

    holidays: frozenset[dt.date]
    makeup_workdays: frozenset[dt.date]
    years: frozenset[int]


@functools.lru_cache(maxsize=1)
def published_schedule() -> Schedule:
    """The State Council's schedules as shipped by the ``chinesecalendar`` package."""
    holidays = frozenset(chinese_calendar.holidays)
    makeups = frozenset(chinese_calendar.workdays)
    return Schedule(holidays, makeups, frozenset(d.year for d in holidays | makeups))


@dataclass(frozen=True)
class CalendarEdits:
    """What the centre changed on top of the published schedule (ISO dates, sorted)."""

    #: Days off the centre added (a local holiday, a schedule not yet in the package).
    holidays: tuple[str, ...] = ()
    #: Working days the centre added (a weekend day worked in exchange).
    makeup_workdays: tuple[str, ...] = ()
    #: Published days the centre struck out: they are ordinary weekdays or weekend days again.
    removed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        return {"holidays": list(self.holidays), "makeup_workdays": list(self.makeup_workdays),
                "removed": list(self.removed)}

    @classmethod
    def from_json(cls, raw: Any) -> CalendarEdits:
        """Tolerant: anything that is not a list of ISO dates is left out, never raised."""
        if not isinstance(raw, dict):
            return cls()
        return cls(*(_iso_dates(raw.get(name)) for name in
                     ("holidays", "makeup_workdays", "removed")))

    @property
    def is_empty(self) -> bool:
        return not (self.holidays or self.makeup_workdays or self.removed)


def _iso_dates(value: Any) -> tuple[str, ...]:
    out = set()
    for item in value if isinstance(value, list) else ():
        try:
            out.add(dt.date.fromisoformat(item).isoformat())
        except (TypeError, ValueError):
            continue
    return tuple(sorted(out))


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[dt.date] = field(default_factory=frozenset)
    #: Years whose public holidays are known; in other years only weekends are days off.
    covered_years: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def from_iso(cls, *, holidays: Iterable[str], makeup_workdays: Iterable[str]
                 ) -> WorkCalendar:
        days_off = frozenset(dt.date.fromisoformat(d) for d in holidays)
        return cls(days_off, frozenset(dt.date.fromisoformat(d) for d in makeup_workdays),
                   frozenset(d.year for d in days_off))

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

    def missing_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years from ``start`` to ``end`` whose public holidays this calendar does not know."""
        return [y for y in range(start.year, end.year + 1) if y not in self.covered_years]


def build_calendar(*, edits: CalendarEdits | None = None,
                   schedule: Schedule | None = None) -> WorkCalendar:
    """The published schedule with the centre's edits on top (the edits win)."""
    schedule = schedule or published_schedule()
    edits = edits or CalendarEdits()
    added_off = {dt.date.fromisoformat(d) for d in edits.holidays}
    added_work = {dt.date.fromisoformat(d) for d in edits.makeup_workdays}
    removed = {dt.date.fromisoformat(d) for d in edits.removed}
    holidays = (schedule.holidays - removed - added_work) | added_off
    makeups = (schedule.makeup_workdays - removed - added_off) | added_work
    # A year the centre entered days off for counts as known: that is how the centre fills in
    # a schedule published before the package has it.
    years = schedule.years | {d.year for d in added_off}
    return WorkCalendar(frozenset(holidays), frozenset(makeups), frozenset(years))


def default_calendar() -> WorkCalendar:
    """The published schedules alone, without any centre edits."""
    return build_calendar()


def edits_for_days(*, holidays: Iterable[str], makeup_workdays: Iterable[str],
                   since: dt.date, previous: CalendarEdits | None = None,
                   schedule: Schedule | None = None) -> CalendarEdits:
    """The edits that make the calendar show exactly these days from ``since`` on.

    The settings dialog lists the days of recent years only; edits before ``since`` are kept
    as they were, and published days before it are left alone.
    """
    schedule = schedule or published_schedule()
    previous = previous or CalendarEdits()
    off = set(_iso_dates(list(holidays)))
    work = set(_iso_dates(list(makeup_workdays)))
    pub_off = {d.isoformat() for d in schedule.holidays if d >= since}
    pub_work = {d.isoformat() for d in schedule.makeup_workdays if d >= since}
    start = since.isoformat()

    def before(days: tuple[str, ...]) -> set[str]:
        return {d for d in days if d < start}

    return CalendarEdits(
        holidays=tuple(sorted(before(previous.holidays) | {d for d in off - pub_off
                                                           if d >= start})),
        makeup_workdays=tuple(sorted(before(previous.makeup_workdays)
                                     | {d for d in work - pub_work if d >= start})),
        removed=tuple(sorted(before(previous.removed) | ((pub_off | pub_work) - off - work))))


def legacy_edits(raw: Any, *, schedule: Schedule | None = None) -> CalendarEdits:
    """A device's calendar from before the synced one, as edits over the published schedule.

    Those releases kept a full list of days (2024 and 2025 built in, plus what the centre
    added); what differs from the published schedule is what somebody changed.
    """
    if not isinstance(raw, dict) or not ({"holidays", "makeup_workdays"} & raw.keys()):
        return CalendarEdits()
    schedule = schedule or published_schedule()
    off = set(_iso_dates(raw.get("holidays")))
    work = set(_iso_dates(raw.get("makeup_workdays")))
    pub_off = {d.isoformat() for d in schedule.holidays}
    pub_work = {d.isoformat() for d in schedule.makeup_workdays}
    legacy = {d.isoformat() for d in schedule.holidays | schedule.makeup_workdays
              if d.year in LEGACY_YEARS}
    return CalendarEdits(holidays=tuple(sorted(off - pub_off)),
                         makeup_workdays=tuple(sorted(work - pub_work)),
                         removed=tuple(sorted(legacy - off - work)))


# -- the county's calendar (database) -------------------------------------------------------
def load_edits() -> CalendarEdits:
    """The centre's edits; on a device that has not received them, its own older list.

    Any thread (reads only).
    """
    from liaison_app.core.models import LocalState
    from liaison_app.core.services import centre_settings

    raw = centre_settings.get(CALENDAR_KEY)
    if raw is not None:
        return CalendarEdits.from_json(raw)
    return legacy_edits(LocalState.get_value(LEGACY_CONFIG_KEY))


def county_calendar() -> WorkCalendar:
    """The calendar deadlines are counted in: published schedule plus the centre's edits."""
    return _calendar_for(load_edits(), published_schedule())


@functools.lru_cache(maxsize=8)
def _calendar_for(edits: CalendarEdits, schedule: Schedule) -> WorkCalendar:
    # Built once per set of edits: every dispatch and every refresh of 工作台 asks for it.
    return build_calendar(edits=edits, schedule=schedule)


def save_edits(*, edits: CalendarEdits, role: str | None = None) -> None:
    """Store the centre's edits for the whole county (database worker). Only the centre may."""
    from liaison_app.core.services import centre_settings

    centre_settings.put(CALENDAR_KEY, edits.to_json(), role=role)


@dataclass(frozen=True)
class ShownDays:
    """The calendar as the settings dialog lists it: every day off and make-up working day
    from ``since`` on (ISO dates)."""

    holidays: list[str]
    makeup_workdays: list[str]
    since: dt.date


def save_days(*, days: ShownDays, role: str | None = None) -> CalendarEdits:
    """Make the county's calendar hold exactly these days from ``days.since`` on (database
    worker). Raises ``ValueError`` for a string that is not an ISO date."""
    for day in [*days.holidays, *days.makeup_workdays]:
        dt.date.fromisoformat(day)
    edits = edits_for_days(holidays=days.holidays, makeup_workdays=days.makeup_workdays,
                           since=days.since, previous=load_edits())
    save_edits(edits=edits, role=role)
    return edits


def days_since(*, since: dt.date, calendar: WorkCalendar | None = None
               ) -> list[tuple[dt.date, bool]]:
    """Days off and make-up working days from ``since`` on, as (day, is_makeup), by date."""
    calendar = calendar or county_calendar()
    days = [(d, False) for d in calendar.holidays if d >= since]
    days += [(d, True) for d in calendar.makeup_workdays if d >= since]
    return sorted(days)


# -- saying when the data runs out ----------------------------------------------------------
def coverage_notice(*, today: dt.date, calendar: WorkCalendar | None = None) -> Message | None:
    """A sentence when this year, or the next once deadlines reach into it, has no holidays.

    Any thread (reads only).
    """
    calendar = calendar or county_calendar()
    return _notice(calendar.missing_years(today, today + LOOKAHEAD))


def period_notice(*, start: dt.date, end: dt.date, calendar: WorkCalendar | None = None
                  ) -> Message | None:
    """The same sentence for the years of a reported period whose holidays are not known."""
    calendar = calendar or county_calendar()
    return _notice(calendar.missing_years(start, end))


def _notice(missing: list[int]) -> Message | None:
    if not missing:
        return None
    years = i18n.translate("Workdays", ", ").text().join(str(y) for y in missing)
    return i18n.translate(
        "Workdays", "The public holiday schedule for {years} has not been published or is not "
        "in the calendar yet: deadlines in {years} count only weekends as days off. Once it is "
        "published, update Liaison, or have the service centre enter it under Request and "
        "proxy settings.").format(years=years)


def last_published_year(schedule: Schedule | None = None) -> int:
    """The last year the shipped schedules cover."""
    schedule = schedule or published_schedule()
    return max(schedule.years)
