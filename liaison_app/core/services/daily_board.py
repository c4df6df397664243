"""The centre's daily board (日调度): who reported and what went wrong on a day, the trend
over time, the officers' reminders, and the day's summary table printed and exported.

The board reads the day's reports and the day before's through the (template, day) index and
adds up the figures every report carries in columns (people on site, capacity, anomalies), so
a county of 2,000 enterprises is read in a few milliseconds. The 日报 page, the printed and
exported summary (部门核查统计表 style) and ``liaison report daily`` all read
``board()``, so they cannot disagree.

Any thread may call the reading functions; the exports write files, not the database.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import peewee

from liaison_app.core import clock, i18n
from liaison_app.core.daily_rules import problem_lines
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.models.daily import DailyReport
from liaison_app.core.services import daily_templates as templates
from liaison_app.core.services.daily_templates import (
    DueEnterprise,
    Template,
    Version,
    raw_rows,
)

if TYPE_CHECKING:
    # Imported where the summary is printed: 工作台 reads the reminders at every start,
    # right after the window appears, and the forms pull in ReportLab (0.3 s).
    from liaison_app.forms import data as fd
    from liaison_app.forms.toolkit import BuildResult, Output

GROUPINGS = ("town", "officer")
#: An enterprise this many days or more without a report is listed on its own.
LONG_MISSING_DAYS = 2
_CHUNK = 500


@dataclass(frozen=True)
class BoardLine:
    """One enterprise on the board."""

    enterprise_id: str
    name: str
    town: str
    officers: str
    is_key: bool
    #: reported | late | missing
    status: str
    people_on_site: int | None
    capacity_pct: int | None
    anomalies: int
    problems: tuple[str, ...]
    #: Consecutive days up to the board's day without a report (0 when reported).
    missing_days: int
    last_report: dt.date | None
    report_id: str = ""
    request_id: str = ""


@dataclass(frozen=True)
class GroupRow:
    """One town (or officer) of the summary table."""

    key: str
    name: str
    due: int
    reported: int
    late: int
    people_on_site: int
    #: People on site of the enterprises that reported both days: today and the day before.
    #: Comparing only those makes the change mean people, not who has reported yet.
    people_both_days: int
    people_before: int
    reported_before: int
    anomaly_enterprises: int

    @property
    def missing(self) -> int:
        return self.due - self.reported

    @property
    def rate(self) -> float | None:
        return self.reported / self.due if self.due else None

    @property
    def people_change(self) -> int | None:
        """The change in people on site among the enterprises that reported both days; None
        when there are none to compare."""
        if not self.reported_before:
            return None
        return self.people_both_days - self.people_before


@dataclass(frozen=True)
class Board:
    template: Template
    day: dt.date
    by: str
    version: Version | None
    groups: list[GroupRow]
    total: GroupRow
    #: Enterprises with anomalies first, then those that have not reported, then the rest.
    lines: list[BoardLine]
    #: Enterprises that have not reported for ``LONG_MISSING_DAYS`` days or more.
    long_missing: list[BoardLine] = field(default_factory=list)


def _names(ids: Iterable[str], names: dict[str, str]) -> str:
    return "、".join(names.get(i, "") for i in ids if names.get(i, ""))


def _day_reports(template_id: str, day: dt.date) -> dict[str, tuple]:
    query = (DailyReport.select(DailyReport.enterprise, DailyReport.id, DailyReport.late,
                                DailyReport.people_on_site, DailyReport.capacity_pct,
                                DailyReport.anomalies, DailyReport.request_id,
                                DailyReport.template_version)
             .where((DailyReport.template == template_id) & (DailyReport.report_date == day)
                    & (DailyReport.deleted == False)))  # noqa: E712
    return {row[0]: row for row in raw_rows(query)}


def _day_figures(template_id: str, day: dt.date) -> dict[str, int | None]:
    query = (DailyReport.select(DailyReport.enterprise, DailyReport.people_on_site)
             .where((DailyReport.template == template_id) & (DailyReport.report_date == day)
                    & (DailyReport.deleted == False)))  # noqa: E712
    return dict(raw_rows(query))


def _values(report_ids: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for start in range(0, len(report_ids), _CHUNK):
        chunk = report_ids[start:start + _CHUNK]
        out.update(DailyReport.select(DailyReport.id, DailyReport.values)
                   .where(DailyReport.id.in_(chunk)).tuples())
    return out


def last_reports(*, template_id: str, enterprise_ids: list[str], before: dt.date
                 ) -> dict[str, dt.date]:
    """Each enterprise's latest report on or before ``before`` (one index seek each)."""
    out: dict[str, dt.date] = {}
    for start in range(0, len(enterprise_ids), _CHUNK):
        chunk = enterprise_ids[start:start + _CHUNK]
        query = (DailyReport.select(DailyReport.enterprise,
                                    peewee.fn.MAX(DailyReport.report_date))
                 .where((DailyReport.enterprise.in_(chunk))
                        & (DailyReport.template == template_id)
                        & (DailyReport.report_date <= before)
                        & (DailyReport.deleted == False))  # noqa: E712
                 .group_by(DailyReport.enterprise))
        for eid, last in raw_rows(query):
            if last:
                out[eid] = dt.date.fromisoformat(last)
    return out


def _missing_days(day: dt.date, last: dt.date | None, template: Template) -> int:
    start = template.starts_on if last is None else max(last + dt.timedelta(days=1),
                                                        template.starts_on)
    return max((day - start).days + 1, 0)


def board(*, template_id: str, day: dt.date, by: str = "town", officer_id: str = "",
          town: str = "") -> Board:
    """Who reported ``day`` and what went wrong, grouped ``by`` town or officer.

    ``officer_id`` narrows to one officer's enterprises (a liaison's laptop holds only
    those anyway). An enterprise with two officers counts under each of them; the total
    counts it once.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    template = templates.get_template(template_id=template_id)
    version = templates.version_for(template_id=template_id, day=day)
    due: list[DueEnterprise] = []
    if version is not None and template.covers(day):
        due = templates.due_enterprises(version=version, officer_id=officer_id, town=town)
    reports = _day_reports(template_id, day)
    before = _day_figures(template_id, day - dt.timedelta(days=1))
    officer_names = dict(Officer.select(Officer.id, Officer.name).tuples())
    missing_ids = [e.id for e in due if e.id not in reports]
    last = last_reports(template_id=template_id, enterprise_ids=missing_ids, before=day)
    fields_of: dict[str, tuple] = {}
    # Only reports with anomalies need their values read (and their JSON decoded).
    values_of = _values([row[1] for row in reports.values() if row[5]])
    lines: list[BoardLine] = []
    for ent in due:
        row = reports.get(ent.id)
        officers = _names(ent.officer_ids, officer_names)
        if row is None:
            missing = _missing_days(day, last.get(ent.id), template)
            lines.append(BoardLine(ent.id, ent.name, ent.town, officers, ent.is_key, "missing",
                                   None, None, 0, (), missing, last.get(ent.id)))
            continue
        _eid, rid, late, people, capacity, anomalies, request_id, version_id = row
        problems: tuple[str, ...] = ()
        if anomalies:
            if version_id not in fields_of:
                v = templates.get_version(version_id=version_id)
                fields_of[version_id] = v.fields if v else ()
            problems = tuple(problem_lines(fields=fields_of[version_id],
                                           values=values_of.get(rid) or {}))
        lines.append(BoardLine(ent.id, ent.name, ent.town, officers, ent.is_key,
                               "late" if late else "reported", people, capacity,
                               int(anomalies or 0), problems, 0, day, rid, request_id))
    order = {"missing": 1, "late": 2, "reported": 2}
    lines.sort(key=lambda b: (0 if b.anomalies else order[b.status], -b.anomalies,
                              -b.missing_days, b.town, b.name))
    groups = _group(lines, by=by, before=before, due=due, officer_names=officer_names)
    total = _row("", i18n.translate("DailyBoard", "Total").text(), lines, before)
    long_missing = sorted((b for b in lines if b.missing_days >= LONG_MISSING_DAYS),
                          key=lambda b: (-b.missing_days, b.town, b.name))
    return Board(template, day, by, version, groups, total, lines, long_missing)


def _row(key: str, name: str, lines: list[BoardLine], before: dict[str, int | None]) -> GroupRow:
    reported = [b for b in lines if b.status != "missing"]
    both = [b for b in reported if b.enterprise_id in before]
    return GroupRow(
        key=key, name=name, due=len(lines), reported=len(reported),
        late=sum(1 for b in lines if b.status == "late"),
        people_on_site=sum(b.people_on_site or 0 for b in reported),
        people_both_days=sum(b.people_on_site or 0 for b in both),
        people_before=sum(before[b.enterprise_id] or 0 for b in both),
        reported_before=len(both),
        anomaly_enterprises=sum(1 for b in lines if b.anomalies))


def _group(lines: list[BoardLine], *, by: str, before: dict[str, int | None],
           due: list[DueEnterprise], officer_names: dict[str, str]) -> list[GroupRow]:
    buckets: dict[str, list[BoardLine]] = {}
    if by == "town":
        for b in lines:
            buckets.setdefault(b.town, []).append(b)
        names = {k: k or i18n.translate("DailyBoard", "(no town)").text() for k in buckets}
    else:
        officers_of = {e.id: e.officer_ids for e in due}
        for b in lines:
            for oid in officers_of.get(b.enterprise_id) or ("",):
                buckets.setdefault(oid, []).append(b)
        names = {k: officer_names.get(k) or i18n.translate(
            "DailyBoard", "(no officer assigned)").text() for k in buckets}
    rows = [_row(k, names[k], v, before) for k, v in buckets.items()]
    rows.sort(key=lambda r: (r.key == "", r.name))
    return rows


# -- trend -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TrendPoint:
    day: dt.date
    reported: int
    people_on_site: int
    #: The average capacity of the reports that gave one.
    capacity_pct: float | None
    anomaly_enterprises: int


def trend(*, template_id: str, start: dt.date, end: dt.date, enterprise_id: str = "",
          town: str = "") -> list[TrendPoint]:
    """Day by day from ``start`` to ``end``: reports, people on site, average capacity and
    enterprises with anomalies; for one enterprise, one town or the whole county."""
    fn = peewee.fn
    query = (DailyReport.select(DailyReport.report_date, fn.COUNT(peewee.SQL("*")),
                                fn.SUM(DailyReport.people_on_site),
                                fn.AVG(DailyReport.capacity_pct),
                                fn.SUM(peewee.Case(None, [(DailyReport.anomalies > 0, 1)], 0)))
             .where((DailyReport.template == template_id)
                    & (DailyReport.report_date.between(start, end))
                    & (DailyReport.deleted == False)))  # noqa: E712
    if enterprise_id:
        query = query.where(DailyReport.enterprise == enterprise_id)
    if town:
        query = query.where(DailyReport.enterprise.in_(
            Enterprise.select(Enterprise.id).where(Enterprise.town == town)))
    out = []
    for day, count, people, capacity, anomalies in raw_rows(query.group_by(
            DailyReport.report_date).order_by(DailyReport.report_date)):
        out.append(TrendPoint(dt.date.fromisoformat(day), int(count), int(people or 0),
                              None if capacity is None else round(float(capacity), 1),
                              int(anomalies or 0)))
    return out


# -- reminders for 工作台 ----------------------------------------------------------------------
@dataclass(frozen=True)
class Reminder:
    template_id: str
    template_name: str
    enterprise_id: str
    enterprise_name: str
    missing_days: int
    last_report: dt.date | None


def reminders(*, officer_id: str, today: dt.date | None = None, limit: int | None = None
              ) -> list[Reminder]:
    """An officer's enterprises that have not reported today, longest silent first, for
    every template in use. Any thread (reads only)."""
    today = today or clock.today()
    out: list[Reminder] = []
    for template in templates.list_templates(active_only=True):
        if not template.due_on(today):
            continue
        version = templates.version_for(template_id=template.id, day=today)
        if version is None:
            continue
        due = templates.due_enterprises(version=version, officer_id=officer_id)
        reported = set(_day_figures(template.id, today))
        missing = [e for e in due if e.id not in reported]
        last = last_reports(template_id=template.id, enterprise_ids=[e.id for e in missing],
                            before=today)
        out += [Reminder(template.id, template.name, e.id, e.name,
                         _missing_days(today, last.get(e.id), template), last.get(e.id))
                for e in missing]
    out.sort(key=lambda r: (-r.missing_days, r.template_name, r.enterprise_name))
    return out if limit is None else out[:limit]


# -- the summary table: printed and exported -------------------------------------------------
def summary_columns(by: str) -> list[str]:
    """The summary table's column headings (the page, the sheet, the PDF and the CLI)."""
    group = (i18n.translate("DailyBoard", "Town/street") if by == "town"
             else i18n.translate("DailyBoard", "Officer"))
    return [t.text() for t in (
        group, i18n.translate("DailyBoard", "Due"), i18n.translate("DailyBoard", "Reported"),
        i18n.translate("DailyBoard", "Late"), i18n.translate("DailyBoard", "Missing"),
        i18n.translate("DailyBoard", "Reporting rate"),
        i18n.translate("DailyBoard", "People on site"),
        i18n.translate("DailyBoard", "Change since the day before (reported both days)"),
        i18n.translate("DailyBoard", "Enterprises with anomalies"))]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def signed(value: int | None) -> str:
    if value is None:
        return "—"
    return f"{value:+d}" if value else "0"


def summary_cells(row: GroupRow) -> list[str]:
    """One summary row as text, the same on every output."""
    return [row.name, str(row.due), str(row.reported), str(row.late), str(row.missing),
            percent(row.rate), str(row.people_on_site), signed(row.people_change),
            str(row.anomaly_enterprises)]


def _form_row(row: GroupRow) -> fd.DailySummaryRow:
    from liaison_app.forms import data as fd

    return fd.DailySummaryRow(
        name=row.name, due=row.due, reported=row.reported, late=row.late, missing=row.missing,
        rate=percent(row.rate), people_on_site=row.people_on_site,
        change=signed(row.people_change), anomaly_enterprises=row.anomaly_enterprises)


def summary_form_data(b: Board, *, organisation: str = "") -> fd.DailySummaryData:
    """The board as the printed summary's plain data."""
    from liaison_app.forms import data as fd

    return fd.DailySummaryData(
        title=f"{b.template.name}核查统计表", day=b.day, by=b.by, organisation=organisation,
        rows=tuple(_form_row(r) for r in b.groups), total=_form_row(b.total),
        long_missing=tuple((x.name, x.town, x.missing_days) for x in b.long_missing),
        problems=tuple((x.name, x.town, "；".join(x.problems)) for x in b.lines if x.anomalies))


def print_summary(*, b: Board, out: Output, organisation: str = "") -> BuildResult:
    """The day's summary on landscape A4. Any worker thread."""
    from liaison_app.forms.registry import build_form

    return build_form("daily_summary", summary_form_data(b, organisation=organisation), out=out)


def export_xlsx(*, b: Board, path: str) -> None:
    """The summary table, the enterprises with anomalies and those missing, as an Excel
    workbook: numbers as numbers, so the sheet can compute with them. Any worker thread."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = i18n.translate("DailyBoard", "Summary").text()[:31]
    sheet.append([f"{b.template.name} {b.day.isoformat()}"])
    sheet.append(summary_columns(b.by))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in [*b.groups, b.total]:
        sheet.append([row.name, row.due, row.reported, row.late, row.missing, row.rate,
                      row.people_on_site, row.people_change, row.anomaly_enterprises])
        sheet.cell(row=sheet.max_row, column=6).number_format = "0.0%"
        if row is b.total:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 22
    detail = book.create_sheet(i18n.translate("DailyBoard", "Enterprises").text()[:31])
    detail.append([t.text() for t in (
        i18n.translate("DailyBoard", "Enterprise"), i18n.translate("DailyBoard", "Town/street"),
        i18n.translate("DailyBoard", "Officer"), i18n.translate("DailyBoard", "Status"),
        i18n.translate("DailyBoard", "People on site"), i18n.translate("DailyBoard", "Capacity %"),
        i18n.translate("DailyBoard", "Anomalies"),
        i18n.translate("DailyBoard", "Days without a report"),
        i18n.translate("DailyBoard", "What is wrong"))])
    for cell in detail[1]:
        cell.font = Font(bold=True)
    for line in b.lines:
        detail.append([line.name, line.town, line.officers, STATUS_LABELS[line.status].text(),
                       line.people_on_site, line.capacity_pct, line.anomalies,
                       line.missing_days, "；".join(line.problems)])
    detail.column_dimensions["A"].width = 32
    detail.column_dimensions["I"].width = 60
    book.save(path)


STATUS_LABELS = {
    "reported": i18n.translate("DailyBoard", "Reported"),
    "late": i18n.translate("DailyBoard", "Reported late"),
    "missing": i18n.translate("DailyBoard", "Not reported"),
}
