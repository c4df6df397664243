"""Daily reports (日报): the officer's entry grid, saving a line, "same as yesterday", and
turning an anomaly into a request.

One report per enterprise, template and day: its id is derived from the three, so typing the
same day again edits it, and two laptops that entered it offline make one record on the
server, merged per field. A report is checked against the version it was entered against
(``core.daily_rules``), keeps that version when the template changes later, and is marked
late when it is first entered on a later day than the one it reports.

Reads may run on any thread; every function that writes runs on the database worker (or the
command line's only thread).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from liaison_app.core import clock, context, i18n
from liaison_app.core.daily_rules import FieldDef, check_report, figures, problem_lines
from liaison_app.core.db import database_proxy
from liaison_app.core.models import Enterprise
from liaison_app.core.models.daily import DailyReport, report_id_for
from liaison_app.core.models.requests import CATEGORIES, CHANNELS, URGENCIES
from liaison_app.core.services import daily_templates as templates
from liaison_app.core.services import drafts
from liaison_app.core.services import requests as request_service
from liaison_app.core.services.daily_templates import DueEnterprise, Template, Version
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from liaison_app.core.services.officers import VIEWER, current_role
from liaison_app.core.validation import Finding, Severity


@dataclass(frozen=True)
class SavedReport:
    """A report as the grid and the import see it."""

    id: str
    version_id: str
    values: dict[str, Any]
    late: bool
    source: str
    over_confirmed: bool
    request_id: str
    entered_at: dt.datetime | None
    anomalies: int

    @classmethod
    def of(cls, rec: DailyReport) -> SavedReport:
        return cls(rec.id, rec.template_version_id, dict(rec.values or {}), bool(rec.late),
                   rec.source, bool(rec.over_confirmed), rec.request_id, rec.entered_at,
                   int(rec.anomalies or 0))


@dataclass(frozen=True)
class EntryLine:
    """One enterprise's line in the entry grid."""

    enterprise: DueEnterprise
    report_id: str
    #: The report already entered for the day, if any.
    saved: SavedReport | None
    #: The fields of the version the line is entered against: the saved report's own, or
    #: the day's.
    fields: tuple[FieldDef, ...]
    #: The values reported the day before (for "same as yesterday").
    yesterday: dict[str, Any] | None


@dataclass(frozen=True)
class EntryGrid:
    template: Template
    day: dt.date
    #: The version that applies on ``day`` (None: the template has none yet).
    version: Version | None
    lines: list[EntryLine]

    @property
    def due(self) -> bool:
        return self.version is not None and self.template.due_on(self.day)


def _saved_on(template_id: str, days: tuple[dt.date, ...], ids: set[str]
              ) -> dict[str, SavedReport]:
    """The live reports among ``ids`` (reports of ``template_id`` on ``days``), read as plain
    rows by the (template, report_date) index: a grid of 2,000 enterprises wants up to
    4,000 of them, and looking each up by id, or building a model object for each, took
    most of the grid's time."""
    query = (DailyReport.select(DailyReport.id, DailyReport.template_version,
                                DailyReport.values, DailyReport.late, DailyReport.source,
                                DailyReport.over_confirmed, DailyReport.request_id,
                                DailyReport.entered_at, DailyReport.anomalies)
             .where((DailyReport.template == template_id)
                    & DailyReport.report_date.in_(list(days))
                    & (DailyReport.deleted == False)))  # noqa: E712
    found: dict[str, SavedReport] = {}
    for rid, version_id, values, late, source, over, request_id, entered, anomalies \
            in query.tuples():
        if rid in ids:
            found[rid] = SavedReport(rid, version_id, dict(values or {}), bool(late), source,
                                     bool(over), request_id, entered, int(anomalies or 0))
    return found


def entry_grid(*, template_id: str, day: dt.date, officer_id: str = "",
               town: str = "") -> EntryGrid:
    """The lines to enter for ``day``: the enterprises due (an officer's own when
    ``officer_id`` is given), each with what was entered that day and the day before.

    Report ids are derived, so both days are read by primary key. Any thread.
    """
    template = templates.get_template(template_id=template_id)
    version = templates.version_for(template_id=template_id, day=day)
    if version is None or not template.covers(day):
        return EntryGrid(template, day, version, [])
    due = templates.due_enterprises(version=version, officer_id=officer_id, town=town)
    before = day - dt.timedelta(days=1)
    ids = {e.id: (report_id_for(e.id, template_id, day), report_id_for(e.id, template_id, before))
           for e in due}
    found = _saved_on(template_id, (day, before),
                      {rid for pair in ids.values() for rid in pair})
    versions: dict[str, tuple[FieldDef, ...]] = {version.id: version.fields}
    lines = []
    for ent in due:
        rid, yid = ids[ent.id]
        saved = found.get(rid)
        if saved is not None and saved.version_id not in versions:
            other = templates.get_version(version_id=saved.version_id)
            versions[saved.version_id] = other.fields if other else version.fields
        fields = versions[saved.version_id] if saved is not None else version.fields
        yesterday = found.get(yid)
        lines.append(EntryLine(ent, rid, saved, fields,
                               dict(yesterday.values) if yesterday is not None else None))
    return EntryGrid(template, day, version, lines)


# -- saving ----------------------------------------------------------------------------------
def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    """Answered values only: an empty cell is not a value."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        out[str(key)] = value.strip() if isinstance(value, str) else value
    return out


def check(*, template_id: str, enterprise_id: str, day: dt.date, values: Mapping[str, Any],
          today: dt.date | None = None
          ) -> tuple[list[Finding], Version | None, DailyReport | None, Enterprise | None]:
    """What saving ``values`` would find wrong (warnings included, which a confirmation
    lets pass), and what it would save against: the version, the report already there and
    the enterprise."""
    today = today or clock.today()
    findings: list[Finding] = []
    if day > today:
        return [Finding("report_date", Severity.ERROR, i18n.translate(
            "DailyReports", "{date} has not come yet: a day is reported on the day or "
            "later.").format(date=day.isoformat()))], None, None, None
    ent = Enterprise.get_or_none((Enterprise.id == enterprise_id)
                                 & (Enterprise.deleted == False))  # noqa: E712
    if ent is None:
        return [Finding("enterprise_id", Severity.ERROR, i18n.translate(
            "DailyReports", "The enterprise no longer exists."))], None, None, None
    existing = DailyReport.get_or_none(DailyReport.id == report_id_for(enterprise_id,
                                                                       template_id, day))
    version: Version | None = None
    if existing is not None:
        version = templates.get_version(version_id=existing.template_version_id)
    if version is None:
        version = templates.version_for(template_id=template_id, day=day)
    template = templates.get_template(template_id=template_id)
    if version is None or not template.covers(day):
        return [Finding("report_date", Severity.ERROR, i18n.translate(
            "DailyReports", "{name} is not reported on {date}: the day is outside its "
            "reporting period.").format(name=template.name, date=day.isoformat()))
        ], None, existing, ent
    # Warnings are returned even when confirmed: the caller records the confirmation.
    findings += check_report(fields=version.fields, values=_clean(values),
                             employees=ent.employees)
    return findings, version, existing, ent


def save_report(*, template_id: str, enterprise_id: str, day: dt.date,
                values: Mapping[str, Any], confirm: bool = False, source: str = "entry",
                today: dt.date | None = None, now: dt.datetime | None = None) -> DailyReport:
    """Save an enterprise's report for ``day`` (a new one, or an edit of the one entered).

    Raises ``ValidationFailed`` with findings per field key; warnings (more people on site
    than employees) pass with ``confirm``. Database worker thread.
    """
    if current_role() == VIEWER:
        raise ServiceError(i18n.translate(
            "DailyReports", "Your account can read reports but not enter them."))
    today = today or clock.today()
    now = now or dt.datetime.now().replace(microsecond=0)
    clean = _clean(values)
    with database_proxy.atomic():
        findings, version, rec, _ent = check(template_id=template_id, enterprise_id=enterprise_id,
                                             day=day, values=clean, today=today)
        if any(f.is_error for f in findings) or (findings and not confirm):
            raise ValidationFailed(findings)
        assert version is not None
        fig = figures(fields=version.fields, values=clean)
        creating = rec is None
        if rec is None:
            rec = DailyReport(id=report_id_for(enterprise_id, template_id, day),
                              enterprise=enterprise_id, template=template_id,
                              template_version=version.id, report_date=day,
                              late=day < today)
        elif rec.deleted:
            rec.deleted = False
        over = bool(findings)  # only confirmed warnings are left
        if creating or rec.values != clean or rec.over_confirmed != over:
            # Values and the figures worked out from them always travel together, so the
            # server merges them as one: the board can never add up figures that disagree
            # with the values beside them.
            rec.values = clean
            rec.people_on_site = fig.people_on_site
            rec.capacity_pct = fig.capacity_pct
            rec.anomalies = fig.anomalies
            rec.over_confirmed = over
            rec.entered_by = context.current_officer_id()
            rec.entered_at = now
            rec.source = source
            rec.save(force_insert=creating)
    return rec


def copy_yesterday(*, template_id: str, enterprise_id: str, day: dt.date,
                   today: dt.date | None = None) -> DailyReport:
    """Report ``day`` with the numbers and checks of the day before (its free text, being
    that day's news, is not copied). Database worker thread."""
    before = DailyReport.get_or_none(
        (DailyReport.id == report_id_for(enterprise_id, template_id,
                                         day - dt.timedelta(days=1)))
        & (DailyReport.deleted == False))  # noqa: E712
    if before is None:
        raise NotFound(i18n.translate(
            "DailyReports", "Nothing was reported the day before, so there is nothing to copy."))
    version = templates.version_for(template_id=template_id, day=day)
    current = DailyReport.get_or_none(DailyReport.id == report_id_for(enterprise_id,
                                                                      template_id, day))
    if current is not None:
        version = templates.get_version(version_id=current.template_version_id) or version
    if version is None:
        raise NotFound(i18n.translate(
            "DailyReports", "This template does not apply on that day."))
    values = {f.key: before.values[f.key] for f in version.fields
              if f.kind != "text" and f.key in (before.values or {})}
    if current is not None:
        # Text written today stays; only the numbers and checks come from yesterday.
        values.update({k: v for k, v in (current.values or {}).items()
                       if (f := version.field(k)) is not None and f.kind == "text"})
    return save_report(template_id=template_id, enterprise_id=enterprise_id, day=day,
                       values=values, confirm=before.over_confirmed, source="copy",
                       today=today)


def get_report(*, report_id: str) -> DailyReport:
    rec = DailyReport.get_or_none((DailyReport.id == report_id)
                                  & (DailyReport.deleted == False))  # noqa: E712
    if rec is None:
        raise NotFound(i18n.translate("DailyReports", "This report no longer exists."))
    return rec


def request_text(*, report_id: str) -> str:
    """What a request made from a report says, before the officer edits it: the day and
    the anomaly and need written down."""
    rec = get_report(report_id=report_id)
    version = templates.get_version(version_id=rec.template_version_id)
    template = templates.get_template(template_id=rec.template_id)
    lines = problem_lines(fields=version.fields if version else (), values=rec.values or {})
    head = f"【{template.name} {rec.report_date.isoformat()}】"
    return head + "；".join(lines)


def make_request(*, report_id: str, description: str, category: str = "other",
                 urgency: str = "normal", channel: str = "visit") -> Any:
    """Record a request (诉求) from a report's anomaly or need and link the two, in one
    transaction. Database worker thread."""
    if category not in CATEGORIES or urgency not in URGENCIES or channel not in CHANNELS \
            or channel == "letter":
        raise ServiceError(i18n.translate(
            "DailyReports", "Choose the request's category, urgency and how it came in."))
    with database_proxy.atomic():
        rec = get_report(report_id=report_id)
        if rec.request_id:
            raise ServiceError(i18n.translate(
                "DailyReports", "A request was already made from this report; open it on "
                "the requests page."))
        req = request_service.save(data=request_service.RequestInput(
            enterprise_id=rec.enterprise_id, channel=channel, category=category,
            urgency=urgency, description=description))
        rec.request_id = req.id
        rec.save()
    return req


# -- typing not yet saved --------------------------------------------------------------------
#: The editor contract's kind of the entry grid's drafts: one draft per template and day (a
#: "sheet"), holding every line typed and not yet saved.
DRAFT_KIND = "daily_entry"


def sheet_id(*, template_id: str, day: dt.date) -> str:
    """The record id the editor contract drafts a template's day of lines under."""
    return f"{template_id}|{day.isoformat()}"


def parse_sheet_id(record_id: str | None) -> tuple[str, dt.date] | None:
    """(template id, day) of a ``sheet_id``; None for anything else."""
    template_id, sep, day = (record_id or "").partition("|")
    if not sep or not template_id:
        return None
    try:
        return template_id, dt.date.fromisoformat(day)
    except ValueError:
        return None


def sheet_payload(*, template_id: str, day: dt.date,
                  lines: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """A sheet's draft: enterprise id -> field key -> the text typed in its cell."""
    return {"template_id": template_id, "day": day.isoformat(),
            "lines": {eid: dict(typed) for eid, typed in lines.items() if typed}}


def typed_lines(payload: Any) -> dict[str, dict[str, str]]:
    """The lines of a sheet's draft, read defensively (a draft outlives app versions)."""
    lines = payload.get("lines") if isinstance(payload, dict) else None
    if not isinstance(lines, dict):
        return {}
    return {str(eid): {str(k): str(v) for k, v in typed.items()}
            for eid, typed in lines.items() if isinstance(typed, dict) and typed}


def keep_line(*, template_id: str, day: dt.date, enterprise_id: str,
              typed: Mapping[str, str], title: str) -> None:
    """Add one line to its sheet's draft: a line whose save failed after the grid had moved
    on to another day, so it waits there. Database worker thread."""
    key = f"{DRAFT_KIND}:{sheet_id(template_id=template_id, day=day)}"
    found = drafts.load_draft(key=key)
    lines = typed_lines(found.payload if found is not None else None)
    lines[enterprise_id] = {**lines.get(enterprise_id, {}), **typed}
    drafts.save_draft(key=key, kind=DRAFT_KIND, title=found.title if found else title,
                      payload=sheet_payload(template_id=template_id, day=day, lines=lines))


def days_with_typing(*, template_id: str) -> list[dt.date]:
    """Days of a template with lines typed and not saved (to say so on other days)."""
    days = set()
    for draft in drafts.list_drafts(kind=DRAFT_KIND):
        parsed = parse_sheet_id(drafts.record_id_of(draft.key))
        if parsed is not None and parsed[0] == template_id and typed_lines(draft.payload):
            days.add(parsed[1])
    return sorted(days)
