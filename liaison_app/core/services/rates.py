"""The numbers people ask for: the three rates (三率), requests by category and status, and
proxy handling (items done, days saved).

The three rates are counted over the requests *accepted* in the period, so one period's
figures do not change when later periods are added, and each request counts once:

- 响应率 (response): of the dispatched requests whose response is due or came, those whose
  first response came no later than its response deadline. A request still inside its
  deadline without a response is not counted yet (it may still be on time).
- 解决率 (resolution): of the requests whose enterprise was called back, those the enterprise
  confirms resolved.
- 满意率 (satisfaction): of the requests the enterprise rated, those rated satisfied or very
  satisfied.

Each is one aggregate query grouped by lead department, town (the enterprise's) or officer
(who took the request down), so the table for a year of a county's requests takes
milliseconds. The GUI, the Excel export and ``liaison report rates`` all read ``rates_table``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from liaison_app.core import clock, i18n
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.models.departments import Department
from liaison_app.core.models.proxy import ProxyCase, ProxyItem
from liaison_app.core.models.requests import Request

GROUPINGS = ("department", "town", "officer")
SATISFIED = ("very_satisfied", "satisfied")


@dataclass(frozen=True)
class RateRow:
    key: str
    name: str
    requests: int
    dispatched: int
    response_on_time: int
    response_base: int
    resolved: int
    resolution_base: int
    satisfied: int
    satisfaction_base: int

    @staticmethod
    def _rate(hits: int, base: int) -> float | None:
        return hits / base if base else None

    @property
    def response_rate(self) -> float | None:
        return self._rate(self.response_on_time, self.response_base)

    @property
    def resolution_rate(self) -> float | None:
        return self._rate(self.resolved, self.resolution_base)

    @property
    def satisfaction_rate(self) -> float | None:
        return self._rate(self.satisfied, self.satisfaction_base)


@dataclass(frozen=True)
class RatesTable:
    start: dt.date
    end: dt.date
    by: str
    rows: list[RateRow]
    total: RateRow


def _counts() -> list[peewee.Node]:
    fn, case = peewee.fn, peewee.Case
    responded_on_time = (Request.first_response_at.is_null(False)
                         & (fn.date(Request.first_response_at) <= Request.response_deadline))
    return [
        fn.COUNT(Request.id),
        fn.SUM(case(None, [(Request.dispatched_at.is_null(False), 1)], 0)),
        fn.SUM(case(None, [(Request.dispatched_at.is_null(False) & responded_on_time, 1)], 0)),
        None,  # the response base needs "as of", filled in by rates_table
        fn.SUM(case(None, [(Request.enterprise_resolved == True, 1)], 0)),  # noqa: E712
        fn.SUM(case(None, [(Request.enterprise_resolved.is_null(False), 1)], 0)),
        fn.SUM(case(None, [(Request.enterprise_satisfaction.in_(SATISFIED), 1)], 0)),
        fn.SUM(case(None, [(Request.enterprise_satisfaction != "", 1)], 0)),
    ]


def rates_table(*, start: dt.date, end: dt.date, by: str = "",
                as_of: dt.date | None = None) -> RatesTable:
    """The three rates for requests accepted from ``start`` to ``end`` (inclusive), grouped
    ``by`` department, town or officer ("" for the total only). ``as_of`` (default today)
    decides which unanswered requests are already late. Any thread (reads only)."""
    if by and by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    as_of = as_of or clock.today()
    columns = _counts()
    columns[3] = peewee.fn.SUM(peewee.Case(None, [(
        Request.dispatched_at.is_null(False) & (Request.first_response_at.is_null(False)
                                                | (Request.response_deadline < as_of)), 1)], 0))
    key = {"department": Request.lead_department_id, "town": Enterprise.town,
           "officer": Request.officer_id, "": peewee.Value("")}[by]
    query = (Request.select(key.alias("k"), *columns)
             .join(Enterprise, on=(Request.enterprise == Enterprise.id))
             .where((Request.deleted == False)  # noqa: E712
                    & (Request.accepted_at >= dt.datetime.combine(start, dt.time()))
                    & (Request.accepted_at < dt.datetime.combine(end + dt.timedelta(days=1),
                                                                 dt.time())))
             .group_by(key))
    names = _names(by)
    rows = []
    for k, *counts in query.tuples():
        values = [int(c or 0) for c in counts]
        name = k if by == "town" else names.get(k or "", "")
        rows.append(RateRow(k or "", name or _unassigned(by), *values))
    rows.sort(key=lambda r: (-r.requests, r.name))
    total = RateRow("", i18n.translate("Rates", "Total").text(),
                    *[sum(getattr(r, f) for r in rows) for f in (
                        "requests", "dispatched", "response_on_time", "response_base",
                        "resolved", "resolution_base", "satisfied", "satisfaction_base")])
    return RatesTable(start, end, by, rows if by else [], total)


def _names(by: str) -> dict[str, str]:
    if by == "department":
        return dict(Department.select(Department.id, Department.name).tuples())
    if by == "officer":
        return dict(Officer.select(Officer.id, Officer.name).tuples())
    return {}


def _unassigned(by: str) -> str:
    return {
        "department": i18n.translate("Rates", "(not dispatched)"),
        "town": i18n.translate("Rates", "(no town)"),
        "officer": i18n.translate("Rates", "(unknown officer)"),
    }[by].text() if by else ""


def _period(start: dt.date, end: dt.date) -> peewee.Expression:
    return ((Request.deleted == False)  # noqa: E712
            & (Request.accepted_at >= dt.datetime.combine(start, dt.time()))
            & (Request.accepted_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())))


def by_category(*, start: dt.date, end: dt.date) -> dict[str, int]:
    query = (Request.select(Request.category, peewee.fn.COUNT(Request.id))
             .where(_period(start, end)).group_by(Request.category))
    return dict(query.tuples())


def by_status(*, start: dt.date, end: dt.date) -> dict[str, int]:
    query = (Request.select(Request.status, peewee.fn.COUNT(Request.id))
             .where(_period(start, end)).group_by(Request.status))
    return dict(query.tuples())


@dataclass(frozen=True)
class ProxySummary:
    cases_started: int
    items_done: int
    days_usual: int
    days_taken: int

    @property
    def days_saved(self) -> int:
        return self.days_usual - self.days_taken


def proxy_summary(*, start: dt.date, end: dt.date) -> ProxySummary:
    """Proxy items approved in the period, and what they took against their usual days."""
    taken = peewee.fn.julianday(ProxyItem.approved_on) - peewee.fn.julianday(
        ProxyItem.submitted_on)
    done = (ProxyItem.select(peewee.fn.COUNT(ProxyItem.id),
                             peewee.fn.SUM(peewee.Case(None, [(
                                 ProxyItem.usual_days.is_null(False)
                                 & ProxyItem.submitted_on.is_null(False),
                                 ProxyItem.usual_days)], 0)),
                             peewee.fn.SUM(peewee.Case(None, [(
                                 ProxyItem.usual_days.is_null(False)
                                 & ProxyItem.submitted_on.is_null(False), taken)], 0)))
            .where((ProxyItem.deleted == False) & (ProxyItem.status == "approved")  # noqa: E712
                   & ProxyItem.approved_on.between(start, end)))
    count, usual, took = done.tuples().get()
    started = ProxyCase.select().where(
        (ProxyCase.deleted == False) & ProxyCase.started_on.between(start, end)).count()  # noqa: E712
    return ProxySummary(started, int(count or 0), int(usual or 0), int(took or 0))


def export_xlsx(*, table: RatesTable, path: str, categories: dict[str, int] | None = None,
                statuses: dict[str, int] | None = None,
                proxy: ProxySummary | None = None) -> None:
    """Write the rates table (and, when given, the counts beside it) to an Excel file.

    Rates are written as numbers formatted as percentages, so the sheet can compute with
    them. Background thread.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = i18n.translate("Rates", "Three rates").text()[:31]
    sheet.append([i18n.translate("Rates", "Requests accepted {start} to {end}").format(
        start=table.start.isoformat(), end=table.end.isoformat()).text()])
    head = [i18n.translate("Rates", "Group"), i18n.translate("Rates", "Requests"),
            i18n.translate("Rates", "Dispatched"), i18n.translate("Rates", "Responded in time"),
            i18n.translate("Rates", "Response counted"), i18n.translate("Rates", "Response rate"),
            i18n.translate("Rates", "Confirmed resolved"), i18n.translate("Rates", "Called back"),
            i18n.translate("Rates", "Resolution rate"), i18n.translate("Rates", "Satisfied"),
            i18n.translate("Rates", "Rated"), i18n.translate("Rates", "Satisfaction rate")]
    sheet.append([h.text() for h in head])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in [*table.rows, table.total]:
        sheet.append([row.name, row.requests, row.dispatched, row.response_on_time,
                      row.response_base, row.response_rate, row.resolved, row.resolution_base,
                      row.resolution_rate, row.satisfied, row.satisfaction_base,
                      row.satisfaction_rate])
        for col in (6, 9, 12):
            sheet.cell(row=sheet.max_row, column=col).number_format = "0.0%"
    sheet.column_dimensions["A"].width = 24
    if categories is not None or statuses is not None or proxy is not None:
        counts = book.create_sheet(i18n.translate("Rates", "Counts").text()[:31])
        for title, values in ((i18n.translate("Rates", "By category"), categories or {}),
                              (i18n.translate("Rates", "By status"), statuses or {})):
            counts.append([title.text()])
            for key, n in sorted(values.items(), key=lambda kv: -kv[1]):
                counts.append([key, n])
            counts.append([])
        if proxy is not None:
            counts.append([i18n.translate("Rates", "Proxy items done").text(), proxy.items_done])
            counts.append([i18n.translate("Rates", "Usual days").text(), proxy.days_usual])
            counts.append([i18n.translate("Rates", "Days taken").text(), proxy.days_taken])
            counts.append([i18n.translate("Rates", "Days saved").text(), proxy.days_saved])
    book.save(path)
