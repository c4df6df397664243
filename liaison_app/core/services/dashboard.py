"""工作台: what needs doing today, computed in a handful of indexed queries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee

from liaison_app.core import clock
from liaison_app.core.i18n import Message
from liaison_app.core.models import Enterprise, FollowUp, Visit
from liaison_app.core.models.fields import json_list_contains
from liaison_app.core.services import requests as request_service
from liaison_app.core.services import visits as visit_service
from liaison_app.core.services import workdays
from liaison_app.core.services.visits import VisitFilter, VisitRow
from liaison_app.core.settings import Settings


@dataclass(frozen=True)
class DueFollowUp:
    id: str
    visit_id: str
    enterprise_id: str
    enterprise_name: str
    text: str
    due_date: dt.date
    overdue: bool


@dataclass(frozen=True)
class OverdueEnterprise:
    id: str
    name: str
    town: str
    is_key: bool
    last_visit: dt.datetime | None
    cadence_days: int
    days_overdue: int


@dataclass(frozen=True)
class Activity:
    kind: str
    record_id: str
    title: str
    when: dt.datetime


@dataclass(frozen=True)
class Today:
    visits_this_week: list[VisitRow]
    due_follow_ups: list[DueFollowUp]
    overdue_enterprises: list[OverdueEnterprise]
    recent: list[Activity]
    #: Requests overdue or due soon, most overdue first.
    requests_due: list[request_service.RequestRow] = field(default_factory=list)
    #: Said when the holiday calendar does not know this year or the coming one.
    calendar_notice: Message | None = None


def _scoped(query: peewee.ModelSelect, officer_id: str) -> peewee.ModelSelect:
    if officer_id:
        query = query.where(json_list_contains(Enterprise.officer_ids, officer_id))
    return query


def due_follow_ups(*, today: dt.date, soon_days: int, officer_id: str = "",
                   limit: int = 100) -> list[DueFollowUp]:
    horizon = today + dt.timedelta(days=soon_days)
    query = (FollowUp.select(FollowUp.id, FollowUp.visit, FollowUp.enterprise, Enterprise.name,
                             FollowUp.text, FollowUp.due_date)
             .join(Enterprise, on=(FollowUp.enterprise == Enterprise.id))
             .where((FollowUp.deleted == False) & (FollowUp.done == False)  # noqa: E712
                    & (FollowUp.due_date.is_null(False)) & (FollowUp.due_date <= horizon)))
    query = _scoped(query, officer_id).order_by(FollowUp.due_date).limit(limit)
    out = []
    for fid, vid, eid, name, text, due in query.tuples():
        out.append(DueFollowUp(fid, vid, eid, name, text, due, due < today))
    return out


def overdue_enterprises(*, today: dt.date, settings: Settings, officer_id: str = "",
                        limit: int = 200) -> list[OverdueEnterprise]:
    # One index seek per enterprise (visit(enterprise_id, visit_at)) instead of grouping
    # every visit of the county: 2,000 enterprises and 100,000 visits in milliseconds.
    last = (Visit.select(peewee.fn.MAX(Visit.visit_at))
            .where((Visit.enterprise == Enterprise.id) & (Visit.deleted == False)))  # noqa: E712
    query = (Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.town, Enterprise.is_key,
                               Enterprise.visit_cadence_days, last.alias("lv"))
             .where(Enterprise.deleted == False))  # noqa: E712
    query = _scoped(query, officer_id)
    out = []
    for eid, name, town, is_key, cadence, lv in query.tuples():
        days = cadence or (settings.key_visit_cadence_days if is_key
                           else settings.visit_cadence_days)
        # The stored text starts with the date; reading only that keeps 2,000 rows quick.
        last_day = dt.date.fromisoformat(str(lv)[:10]) if lv else None
        overdue_by = days if last_day is None else (today - last_day).days - days
        if overdue_by > 0:
            last_visit = Visit.visit_at.python_value(lv) if lv else None
            out.append(OverdueEnterprise(eid, name, town, bool(is_key), last_visit, days,
                                         overdue_by))
    out.sort(key=lambda e: (not e.is_key, -e.days_overdue))
    return out[:limit]


def recent_activity(*, limit: int = 15) -> list[Activity]:
    visits = (Visit.select(Visit.id, Enterprise.name, Visit.visit_at, Visit.updated_at)
              .join(Enterprise, on=(Visit.enterprise == Enterprise.id))
              .where(Visit.deleted == False)  # noqa: E712
              .order_by(Visit.updated_at.desc()).limit(limit))
    ents = (Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.updated_at)
            .where(Enterprise.deleted == False)  # noqa: E712
            .order_by(Enterprise.updated_at.desc()).limit(limit))
    items = [Activity("visit", vid, f"{name} {at:%m-%d}", up)
             for vid, name, at, up in visits.tuples()]
    items += [Activity("enterprise", eid, name, up) for eid, name, up in ents.tuples()]
    items.sort(key=lambda a: a.when, reverse=True)
    return items[:limit]


def today_overview(*, settings: Settings, officer_id: str = "",
                   today: dt.date | None = None) -> Today:
    """Everything 工作台 shows. Any thread (reads only)."""
    today = today or clock.today()
    monday = today - dt.timedelta(days=today.weekday())
    week = visit_service.list_visits(flt=VisitFilter(officer_id=officer_id, since=monday),
                                     limit=100)
    return Today(
        visits_this_week=week,
        due_follow_ups=due_follow_ups(today=today, soon_days=settings.due_soon_days,
                                      officer_id=officer_id),
        overdue_enterprises=overdue_enterprises(today=today, settings=settings,
                                                officer_id=officer_id),
        recent=recent_activity(),
        requests_due=request_service.needing_attention(
            today=today,
            officer_id=officer_id if request_service.current_role() == "liaison" else ""),
        calendar_notice=workdays.coverage_notice(today=today),
    )
