"""Enterprises' requests: recording, the dispatch workflow, deadlines, direct-channel letters.

The workflow is a table (``ACTIONS``): for each action, the statuses it may start from, the
status it leads to, and who may take it. Every action taken is written to the request's
timeline in the same transaction as the change, so the history can never disagree with the
record. Deadlines are computed in working days where the request is dispatched (the centre)
and travel with the record, so every device shows the same dates whatever its own calendar.

Direct-channel letters (直通车) are requests with an addressee and a registration number.
Two offline officers cannot both know the next number of the year, so a device gives a letter
a *provisional* number (``2025-临-ab12-001``: year, device, local sequence) and the server
gives the *final* one when it first stores the letter, in the same transaction, as
``max(final numbers of that year) + 1`` (``assign_registration_numbers``); the final number
then reaches every device with the next pull. Numbers are therefore unique and without gaps
per year, in the order letters reached the server. A soft-deleted letter keeps its number
(the register shows it as withdrawn), so deleting never opens a gap either.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

import peewee

from liaison_app.core import clock, context, i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.letters import assign_registration_numbers
from liaison_app.core.models import Attachment, Enterprise, LocalState, Officer, Visit
from liaison_app.core.models.departments import Department
from liaison_app.core.models.fields import json_list_contains
from liaison_app.core.models.requests import (
    CATEGORIES,
    CHANNELS,
    OPEN_STATUSES,
    SATISFACTION,
    STATUSES,
    URGENCIES,
    Request,
    TimelineEvent,
)
from liaison_app.core.services import centre_settings
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from liaison_app.core.services.officers import CENTRE, LIAISON, VIEWER, current_role
from liaison_app.core.services.visits import AttachmentInput
from liaison_app.core.services.workdays import (
    ShownDays,
    WorkCalendar,
    county_calendar,
    save_days,
)
from liaison_app.core.validation import Finding, Severity, required

if TYPE_CHECKING:
    # Forms (and ReportLab under them) are loaded when something is printed, not when the
    # first screen asks for the requests due today.
    from liaison_app.forms import data as fd
    from liaison_app.forms.toolkit import BuildResult, Output

CHANNEL_LABELS: dict[str, Message] = {
    "visit": i18n.translate("Request", "Visit"),
    "phone": i18n.translate("Request", "Phone"),
    "centre": i18n.translate("Request", "At the centre"),
    "letter": i18n.translate("Request", "Direct-channel letter"),
}
CATEGORY_LABELS: dict[str, Message] = {
    "water": i18n.translate("Request", "Water"),
    "power": i18n.translate("Request", "Power"),
    "heating": i18n.translate("Request", "Heating"),
    "approvals": i18n.translate("Request", "Approvals"),
    "land": i18n.translate("Request", "Land"),
    "finance": i18n.translate("Request", "Finance"),
    "labour": i18n.translate("Request", "Labour"),
    "logistics": i18n.translate("Request", "Logistics"),
    "environment": i18n.translate("Request", "Environment"),
    "other": i18n.translate("Request", "Other"),
}
URGENCY_LABELS: dict[str, Message] = {
    "normal": i18n.translate("Request", "Normal"),
    "urgent": i18n.translate("Request", "Urgent"),
    "very_urgent": i18n.translate("Request", "Very urgent"),
}
STATUS_LABELS: dict[str, Message] = {
    "accepted": i18n.translate("Request", "Accepted"),
    "dispatched": i18n.translate("Request", "Dispatched"),
    "in_progress": i18n.translate("Request", "In progress"),
    "resolved": i18n.translate("Request", "Resolved"),
    "called_back": i18n.translate("Request", "Called back"),
    "closed": i18n.translate("Request", "Closed"),
    "returned": i18n.translate("Request", "Returned"),
    "escalated": i18n.translate("Request", "Escalated"),
}
SATISFACTION_LABELS: dict[str, Message] = {
    "very_satisfied": i18n.translate("Request", "Very satisfied"),
    "satisfied": i18n.translate("Request", "Satisfied"),
    "basic": i18n.translate("Request", "Basically satisfied"),
    "dissatisfied": i18n.translate("Request", "Dissatisfied"),
}
ACTION_LABELS: dict[str, Message] = {
    "accept": i18n.translate("Request", "Accept"),
    "dispatch": i18n.translate("Request", "Dispatch"),
    "start": i18n.translate("Request", "First reply received"),
    "resolve": i18n.translate("Request", "Resolve"),
    "call_back": i18n.translate("Request", "Record call-back"),
    "close": i18n.translate("Request", "Close"),
    "return": i18n.translate("Request", "Return"),
    "extend": i18n.translate("Request", "Extend deadline"),
    "escalate": i18n.translate("Request", "Escalate to direct channel"),
    "note": i18n.translate("Request", "Add note"),
    "register": i18n.translate("Request", "Final number"),
}

@dataclass(frozen=True)
class ActionRule:
    sources: tuple[str, ...]
    #: The status reached; None keeps the status (extension, note).
    target: str | None
    roles: tuple[str, ...]
    #: Why the action is impossible in another status: said to the person who tried.
    needs: Message


ACTIONS: dict[str, ActionRule] = {
    "dispatch": ActionRule(("accepted", "returned", "escalated"), "dispatched", (CENTRE,),
                           i18n.translate(
        "Request", "Only an accepted, returned or escalated request can be dispatched.")),
    "start": ActionRule(("dispatched",), "in_progress", (CENTRE,), i18n.translate(
        "Request", "The first reply is recorded once, after the request was dispatched.")),
    "resolve": ActionRule(("dispatched", "in_progress"), "resolved", (CENTRE,), i18n.translate(
        "Request", "Only a dispatched request in the departments' hands can be resolved.")),
    "call_back": ActionRule(("resolved",), "called_back", (CENTRE, LIAISON), i18n.translate(
        "Request", "The enterprise is called back after the request was resolved.")),
    "close": ActionRule(("called_back",), "closed", (CENTRE,), i18n.translate(
        "Request", "A request is closed after the enterprise was called back.")),
    "return": ActionRule(("dispatched", "in_progress"), "returned", (CENTRE,), i18n.translate(
        "Request", "Only a dispatched request can be returned by its department.")),
    "extend": ActionRule(("dispatched", "in_progress"), None, (CENTRE,), i18n.translate(
        "Request", "Only a request being handled by departments can get a later deadline.")),
    "escalate": ActionRule(("accepted", "dispatched", "in_progress", "returned"), "escalated",
                           (CENTRE, LIAISON), i18n.translate(
        "Request", "Only an open request that has not yet been escalated can go to the "
        "direct channel.")),
    "note": ActionRule(STATUSES, None, (CENTRE, LIAISON), i18n.translate(
        "Request", "Notes can be added in any status.")),
}
TRANSITIONS = tuple(a for a in ACTIONS if a != "note")


# -- configuration ---------------------------------------------------------------------------
#: The centre setting holding ``RequestConfig``; releases before it kept the same dictionary
#: (with the holiday calendar inside) in each device's ``LocalState`` under this key.
CONFIG_KEY = "requests.config"


@dataclass
class RequestConfig:
    """Deadlines (working days) and letter addressees, decided by the centre for the county.

    A synced centre setting: every laptop counts deadlines and offers addressees the same way.
    The holiday calendar the working days are counted in is ``workdays.county_calendar()``.
    """

    contact_days: int = 1
    first_reply_days: int = 2
    resolve_days: int = 10
    complex_resolve_days: int = 25
    co_answer_days: int = 3
    callback_days: int = 3
    #: Working days ahead in which a deadline counts as "due soon".
    due_soon_days: int = 2
    addressees: list[str] = field(default_factory=lambda: ["县委书记", "县长", "常务副县长"])
    organisation: str = "县企业服务中心"
    #: The county's identity on printed forms (``county_identity``): the county's name, the
    #: name on the centre's seal and the issuing code before a document number (机关代字).
    county: str = ""
    seal_name: str = ""
    doc_prefix: str = ""
    #: 监督电话 printed on public lists.
    supervision_phone: str = ""


def load_config() -> RequestConfig:
    """The centre's configuration; on a device that has not received it yet, its own older
    values (kept from before the setting was synced), else the defaults. Any thread."""
    raw = centre_settings.get(CONFIG_KEY)
    if not isinstance(raw, dict):
        raw = LocalState.get_value(CONFIG_KEY) or {}
    defaults = RequestConfig()
    values = {}
    for name, value in raw.items() if isinstance(raw, dict) else ():
        if name in _CONFIG_FIELDS and isinstance(value, type(getattr(defaults, name))) \
                and not isinstance(value, bool):
            values[name] = value
    return RequestConfig(**values)


_CONFIG_FIELDS = frozenset(f.name for f in fields(RequestConfig))


def save_config(*, config: RequestConfig, calendar: ShownDays | None = None,
                role: str | None = None) -> None:
    """Set the county's deadlines and addressees, and with ``calendar`` its holiday calendar,
    in one transaction (database worker). Only the centre may."""
    with database_proxy.atomic():
        centre_settings.put(CONFIG_KEY, asdict(config), role=role)
        if calendar is not None:
            save_days(days=calendar, role=role)


# -- who is acting ---------------------------------------------------------------------------
# -- recording -------------------------------------------------------------------------------
@dataclass
class RequestInput:
    enterprise_id: str = ""
    channel: str = "visit"
    category: str = "other"
    urgency: str = "normal"
    complex: bool = False
    description: str = ""
    visit_id: str = ""
    visit_line: int | None = None
    addressee: str = ""
    attachments: list[AttachmentInput] = field(default_factory=list)


def validate(data: RequestInput) -> list[Finding]:
    findings = required(data.enterprise_id, field="enterprise_id",
                        label=i18n.translate("Request", "Enterprise"))
    if data.enterprise_id and not Enterprise.select().where(
            (Enterprise.id == data.enterprise_id) & (Enterprise.deleted == False)).exists():  # noqa: E712
        findings.append(Finding("enterprise_id", Severity.ERROR, i18n.translate(
            "Request", "The chosen enterprise no longer exists.")))
    findings += required(data.description, field="description",
                         label=i18n.translate("Request", "What the enterprise asks for"))
    for name, value, allowed, text in (
            ("channel", data.channel, CHANNELS, i18n.translate(
                "Request", "Choose how the request came in.")),
            ("category", data.category, CATEGORIES, i18n.translate(
                "Request", "Choose a category.")),
            ("urgency", data.urgency, URGENCIES, i18n.translate("Request", "Choose the urgency."))):
        if value not in allowed:
            findings.append(Finding(name, Severity.ERROR, text))
    if data.channel == "letter" and not data.addressee.strip():
        findings.append(Finding("addressee", Severity.ERROR, i18n.translate(
            "Request", "A direct-channel letter is addressed to a leader: choose whom.")))
    return findings


def from_visit(*, visit_id: str, line: int) -> RequestInput:
    """A new request prefilled from line ``line`` (0-based) of a visit's problems found."""
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFound(i18n.translate(
            "Request", "The visit this request comes from no longer exists."))
    lines = [x.strip() for x in visit.problems.splitlines() if x.strip()]
    if not 0 <= line < len(lines):
        raise NotFound(i18n.translate(
            "Request", "The visit has no problem number {n}.").format(n=line + 1))
    return RequestInput(enterprise_id=visit.enterprise_id, channel="visit",
                        description=lines[line], visit_id=visit.id, visit_line=line)


def save(*, data: RequestInput, record_id: str | None = None,
         now: dt.datetime | None = None) -> Request:
    """Record a new request (accepted now) or edit one. Database worker thread."""
    findings = validate(data)
    if findings:
        raise ValidationFailed(findings)
    if current_role() == VIEWER:
        raise ServiceError(_ROLE_MESSAGES[VIEWER])
    now = now or dt.datetime.now().replace(microsecond=0)
    config = load_config()
    with database_proxy.atomic():
        if record_id is None:
            req = Request(enterprise=data.enterprise_id, accepted_at=now,
                          officer_id=context.current_officer_id(), status="accepted")
            req.contact_deadline = county_calendar().add_workdays(now.date(),
                                                                  config.contact_days)
            req.due_date = req.contact_deadline
        else:
            req = get(record_id=record_id)
            if req.status == "closed":
                raise ServiceError(i18n.translate(
                    "Request", "A closed request can no longer be edited."))
            if req.enterprise_id != data.enterprise_id and req.status != "accepted":
                raise ServiceError(i18n.translate(
                    "Request", "The enterprise of a dispatched request cannot be changed."))
        values: dict[str, Any] = dict(
            enterprise=data.enterprise_id, channel=data.channel, category=data.category,
            urgency=data.urgency, complex=data.complex, description=data.description.strip(),
            visit_id=data.visit_id, visit_line=data.visit_line,
            addressee=data.addressee.strip())
        assign_changed(req, values)
        if data.channel == "letter" and not req.provisional_no:
            _register_letter(req, on=now.date())
        if record_id is None:
            req.save(force_insert=True)
            _event(req, "accept", "", "accepted", note="", at=now)
        else:
            req.save()
        sync_attachments(owner_table="request", owner_id=req.id,
                         enterprise_id=req.enterprise_id, items=data.attachments)
    return req


def assign_changed(rec: peewee.Model, values: dict[str, Any]) -> None:
    """Set only values that differ, so an unchanged field is not sent as a change."""
    for name, value in values.items():
        current = rec.enterprise_id if name == "enterprise" else getattr(rec, name)
        if current != value:
            setattr(rec, name, value)


def sync_attachments(*, owner_table: str, owner_id: str, enterprise_id: str,
                     items: Sequence[AttachmentInput]) -> None:
    """Make the record's live attachments exactly ``items``, in that order."""
    live = {a.id: a for a in Attachment.select().where(
        (Attachment.owner_table == owner_table) & (Attachment.owner_id == owner_id)
        & (Attachment.deleted == False))}  # noqa: E712
    wanted = {item.id for item in items if item.id}
    for pos, item in enumerate(items):
        if item.id in live:
            assign_changed(live[item.id], {"position": pos})
            live[item.id].save()
        else:
            Attachment(owner_table=owner_table, owner_id=owner_id, enterprise=enterprise_id,
                       sha256=item.sha256, filename=item.filename, mime=item.mime,
                       size=item.size, position=pos).save(force_insert=True)
    for att_id, att in live.items():
        if att_id not in wanted:
            att.soft_delete()


def attachments_of(*, owner_table: str, owner_id: str) -> list[AttachmentInput]:
    return [AttachmentInput(sha256=a.sha256, filename=a.filename, mime=a.mime, size=a.size,
                            id=a.id)
            for a in Attachment.select().where(
                (Attachment.owner_table == owner_table) & (Attachment.owner_id == owner_id)
                & (Attachment.deleted == False)).order_by(Attachment.position)]  # noqa: E712


def get(*, record_id: str) -> Request:
    req = Request.get_or_none(Request.id == record_id)
    if req is None or req.deleted:
        raise NotFound(i18n.translate("Request", "This request no longer exists."))
    return req


def load_input(*, record_id: str) -> RequestInput:
    req = get(record_id=record_id)
    return RequestInput(enterprise_id=req.enterprise_id, channel=req.channel,
                        category=req.category, urgency=req.urgency, complex=req.complex,
                        description=req.description, visit_id=req.visit_id,
                        visit_line=req.visit_line, addressee=req.addressee,
                        attachments=attachments_of(owner_table="request", owner_id=req.id))


def soft_delete(*, record_id: str) -> None:
    req = get(record_id=record_id)
    if req.status != "accepted":
        raise ServiceError(i18n.translate(
            "Request", "Only a request not yet dispatched can be deleted; "
                                         "a dispatched one is returned or closed instead."))
    req.soft_delete()


def request_no(req: Request) -> str:
    """The number printed on the dispatch sheet: acceptance date and the id's first digits."""
    return f"{req.accepted_at:%Y%m%d}-{req.id[:4].upper()}"


# -- the workflow ----------------------------------------------------------------------------
_ROLE_MESSAGES: dict[str, Message] = {
    VIEWER: i18n.translate("Request", "Your account can read requests but not change them."),
    LIAISON: i18n.translate(
        "Request", "This is the service centre's step. A liaison officer records "
                           "requests, adds notes, records the call-back and can escalate."),
}


@dataclass
class ActionInput:
    note: str = ""
    lead_department_id: str = ""
    co_department_ids: list[str] = field(default_factory=list)
    new_deadline: dt.date | None = None
    resolution: str = ""
    enterprise_resolved: bool | None = None
    satisfaction: str = ""
    comment: str = ""
    addressee: str = ""


def refusal(req: Request, action: str, *, role: str | None = None,
            today: dt.date | None = None) -> Message | None:
    """Why ``action`` cannot be taken on ``req`` now, or None when it can."""
    rule = ACTIONS.get(action)
    if rule is None:
        return i18n.translate("Request", "Unknown action.")
    role = role or current_role()
    if req.deleted:
        return i18n.translate("Request", "This request was deleted.")
    if req.status not in rule.sources:
        return i18n.translate("Request", "The request is {status}. {needs}").format(
            status=STATUS_LABELS[req.status], needs=rule.needs)
    if role not in rule.roles:
        return _ROLE_MESSAGES.get(role, _ROLE_MESSAGES[VIEWER])
    today = today or clock.today()
    if action == "extend" and req.resolve_deadline and today > req.resolve_deadline:
        return i18n.translate("Request", "An extension must be asked for before the deadline "
                             "({deadline}); it has passed.").format(
            deadline=req.resolve_deadline.isoformat())
    if action == "escalate" and req.registration_year:
        return i18n.translate(
            "Request", "This request is already registered as a direct-channel letter.")
    return None


def available_actions(*, record_id: str, role: str | None = None,
                      today: dt.date | None = None) -> dict[str, Message | None]:
    """For each transition: None if it can be taken, else the reason it cannot."""
    req = get(record_id=record_id)
    role = role or current_role()
    return {a: refusal(req, a, role=role, today=today) for a in ACTIONS}


def _check_input(req: Request, action: str, data: ActionInput,
                 config: RequestConfig) -> list[Finding]:
    findings: list[Finding] = []
    if action == "dispatch":
        if not data.lead_department_id:
            findings.append(Finding("lead_department_id", Severity.ERROR, i18n.translate(
                "Request", "Choose the lead department.")))
        elif not Department.select().where(Department.id == data.lead_department_id).exists():
            findings.append(Finding("lead_department_id", Severity.ERROR, i18n.translate(
                "Request", "The chosen lead department is not in the directory.")))
        if data.lead_department_id in data.co_department_ids:
            findings.append(Finding("co_department_ids", Severity.ERROR, i18n.translate(
                "Request", "The lead department cannot also be a co-department.")))
    elif action == "resolve" and not data.resolution.strip():
        findings.append(Finding("resolution", Severity.ERROR, i18n.translate(
            "Request", "Write down how the request was resolved.")))
    elif action == "call_back":
        if data.enterprise_resolved is None:
            findings.append(Finding("enterprise_resolved", Severity.ERROR, i18n.translate(
                "Request", "Record whether the enterprise says the problem is solved.")))
        if data.satisfaction not in SATISFACTION:
            findings.append(Finding("satisfaction", Severity.ERROR, i18n.translate(
                "Request", "Record how satisfied the enterprise is.")))
    elif action in ("return", "note", "extend") and not data.note.strip():
        findings.append(Finding("note", Severity.ERROR, {
            "return": i18n.translate("Request", "Say why the department returned the request."),
            "note": i18n.translate("Request", "The note is empty."),
            "extend": i18n.translate("Request", "Say why more time is needed."),
        }[action]))
    if action == "extend":
        current = req.resolve_deadline
        if data.new_deadline is None or (current and data.new_deadline <= current):
            findings.append(Finding("new_deadline", Severity.ERROR, i18n.translate(
                "Request", "The new deadline must be later than the current one ({current})."
            ).format(current=current.isoformat() if current else "-")))
        elif not county_calendar().is_workday(data.new_deadline):
            findings.append(Finding("new_deadline", Severity.ERROR, i18n.translate(
                "Request", "The new deadline falls on a day off; choose a working day.")))
    if action == "escalate" and data.addressee not in config.addressees:
        findings.append(Finding("addressee", Severity.ERROR, i18n.translate(
            "Request", "Choose the leader the letter is addressed to.")))
    return findings


def perform(*, record_id: str, action: str, data: ActionInput | None = None,
            now: dt.datetime | None = None) -> Request:
    """Take ``action`` on the request, recording it on the timeline. Database worker thread.

    Raises ServiceError saying why when the action is not allowed, ValidationFailed when
    what it needs is missing.
    """
    data = data or ActionInput()
    now = now or dt.datetime.now().replace(microsecond=0)
    config = load_config()
    cal = county_calendar()
    with database_proxy.atomic():
        req = get(record_id=record_id)
        reason = refusal(req, action, today=now.date())
        if reason is not None:
            raise ServiceError(reason)
        findings = _check_input(req, action, data, config)
        if findings:
            raise ValidationFailed(findings)
        before = req.status
        details: dict[str, Any] = {}
        today = now.date()
        if action == "dispatch":
            req.lead_department_id = data.lead_department_id
            req.co_departments = list(data.co_department_ids)
            req.dispatched_at = now
            req.first_response_at = None
            req.response_deadline = cal.add_workdays(today, config.first_reply_days)
            days = config.complex_resolve_days if req.complex else config.resolve_days
            req.resolve_deadline = cal.add_workdays(today, days)
            req.co_deadline = (cal.add_workdays(today, config.co_answer_days)
                               if data.co_department_ids else None)
            details = {"lead": data.lead_department_id, "co": list(data.co_department_ids),
                       "response_deadline": req.response_deadline.isoformat(),
                       "resolve_deadline": req.resolve_deadline.isoformat()}
        elif action == "start":
            req.first_response_at = now
        elif action == "resolve":
            req.resolution = data.resolution.strip()
            req.resolved_at = now
            if req.first_response_at is None:
                req.first_response_at = now
        elif action == "call_back":
            req.callback_at = now
            req.enterprise_resolved = bool(data.enterprise_resolved)
            req.enterprise_satisfaction = data.satisfaction
            req.callback_comment = data.comment.strip()
            details = {"resolved": bool(data.enterprise_resolved),
                       "satisfaction": data.satisfaction}
        elif action == "close":
            req.closed_at = now
        elif action == "extend":
            details = {"old": req.resolve_deadline.isoformat() if req.resolve_deadline else "",
                       "new": data.new_deadline.isoformat()}
            req.resolve_deadline = data.new_deadline
        elif action == "escalate":
            req.addressee = data.addressee
            _register_letter(req, on=today)
            details = {"addressee": data.addressee, "provisional_no": req.provisional_no}
        rule = ACTIONS[action]
        if rule.target is not None:
            req.status = rule.target
        req.due_date = next_due(req, cal=cal, config=config)
        req.save()
        _event(req, action, before, req.status, note=data.note.strip() or data.comment.strip(),
               at=now, data=details)
    return req


def next_due(req: Request, *, cal: WorkCalendar, config: RequestConfig) -> dt.date | None:
    """The deadline the request has to meet next in its status."""
    if req.status == "accepted":
        return req.contact_deadline
    if req.status == "dispatched":
        return req.response_deadline
    if req.status == "in_progress":
        return req.resolve_deadline
    if req.status in ("returned", "escalated"):
        return req.resolve_deadline or req.contact_deadline
    if req.status == "resolved" and req.resolved_at is not None:
        return cal.add_workdays(req.resolved_at.date(), config.callback_days)
    return None


def _event(req: Request, action: str, before: str, after: str, *, note: str,
           at: dt.datetime, data: dict[str, Any] | None = None,
           owner_table: str = "request") -> None:
    TimelineEvent(owner_table=owner_table, owner_id=req.id, enterprise=req.enterprise_id,
                  action=action, from_status=before, to_status=after, note=note,
                  actor_id=context.current_officer_id(), at=at,
                  data=data or {}).save(force_insert=True)


@dataclass(frozen=True)
class TimelineRow:
    at: dt.datetime
    action: str
    from_status: str
    to_status: str
    actor: str
    note: str
    data: dict[str, Any]


def timeline(*, owner_id: str, owner_table: str = "request") -> list[TimelineRow]:
    names = dict(Officer.select(Officer.id, Officer.name).tuples())
    query = (TimelineEvent.select().where((TimelineEvent.owner_table == owner_table)
                                          & (TimelineEvent.owner_id == owner_id)
                                          & (TimelineEvent.deleted == False))  # noqa: E712
             .order_by(TimelineEvent.at, TimelineEvent.created_at))
    return [TimelineRow(e.at, e.action, e.from_status, e.to_status,
                        names.get(e.actor_id, ""), e.note, e.data or {}) for e in query]


def describe_event(row: TimelineRow, *, departments: dict[str, str] | None = None) -> str:
    """One line of the timeline for people, in the UI language."""
    label = ACTION_LABELS.get(row.action, i18n.translate("Request", "Change")).text()
    parts = [label]
    d = row.data
    if row.action == "dispatch":
        departments = departments or {}
        parts.append(i18n.translate("Request", "lead: {lead}").format(
            lead=departments.get(d.get("lead", ""), "?")).text())
        if d.get("co"):
            parts.append(i18n.translate("Request", "co-departments: {co}").format(
                co="、".join(departments.get(x, "?") for x in d["co"])).text())
        parts.append(i18n.translate("Request", "resolve by {date}").format(
            date=d.get("resolve_deadline", "")).text())
    elif row.action == "extend":
        parts.append(i18n.translate("Request", "deadline {old} → {new}").format(
            old=d.get("old", ""), new=d.get("new", "")).text())
    elif row.action == "call_back":
        parts.append((i18n.translate("Request", "solved") if d.get("resolved")
                      else i18n.translate("Request", "not solved")).text())
        sat = SATISFACTION_LABELS.get(d.get("satisfaction", ""))
        if sat:
            parts.append(sat.text())
    elif row.action == "escalate":
        parts.append(i18n.translate("Request", "to {addressee}, provisional no. {no}").format(
            addressee=d.get("addressee", ""), no=d.get("provisional_no", "")).text())
    if row.note:
        parts.append(row.note)
    return " · ".join(parts)


# -- lists -----------------------------------------------------------------------------------
@dataclass
class RequestFilter:
    status: str = ""
    category: str = ""
    channel: str = ""
    enterprise_id: str = ""
    department_id: str = ""
    #: "" | "overdue" | "due_soon" | "attention" (both) | "open"
    deadline: str = ""
    #: Limit to what this liaison officer sees (their requests and their enterprises).
    officer_id: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class RequestRow:
    id: str
    accepted_at: dt.datetime
    enterprise_id: str
    enterprise_name: str
    category: str
    urgency: str
    status: str
    lead_department_id: str
    due_date: dt.date | None
    summary: str
    #: "overdue" | "due_soon" | ""
    deadline_state: str


def due_horizon(*, today: dt.date, config: RequestConfig | None = None) -> dt.date:
    config = config or load_config()
    return county_calendar().add_workdays(today, config.due_soon_days)


def officer_scope(query: peewee.ModelSelect, officer_id: str) -> peewee.ModelSelect:
    """A liaison officer sees the requests they took and those of their enterprises."""
    if not officer_id:
        return query
    return query.where((Request.officer_id == officer_id)
                       | json_list_contains(Enterprise.officer_ids, officer_id))


def _query(flt: RequestFilter, today: dt.date, horizon: dt.date) -> peewee.ModelSelect:
    query = (Request.select(Request.id, Request.accepted_at, Request.enterprise, Enterprise.name,
                            Request.category, Request.urgency, Request.status,
                            Request.lead_department_id, Request.due_date, Request.description)
             .join(Enterprise, on=(Request.enterprise == Enterprise.id))
             .where(Request.deleted == False))  # noqa: E712
    query = officer_scope(query, flt.officer_id)
    for column, value in ((Request.status, flt.status), (Request.category, flt.category),
                          (Request.channel, flt.channel), (Request.enterprise, flt.enterprise_id),
                          (Request.lead_department_id, flt.department_id)):
        if value:
            query = query.where(column == value)
    if flt.deadline == "overdue":
        query = query.where(Request.due_date < today)
    elif flt.deadline == "due_soon":
        query = query.where(Request.due_date.between(today, horizon))
    elif flt.deadline == "attention":
        query = query.where(Request.due_date <= horizon)
    elif flt.deadline == "open":
        query = query.where(Request.status.in_(OPEN_STATUSES))
    if flt.since:
        query = query.where(Request.accepted_at >= dt.datetime.combine(flt.since, dt.time()))
    if flt.until:
        query = query.where(Request.accepted_at < dt.datetime.combine(
            flt.until + dt.timedelta(days=1), dt.time()))
    return query


def _rows(query: peewee.ModelSelect, today: dt.date, horizon: dt.date) -> list[RequestRow]:
    out = []
    for rid, at, eid, name, cat, urg, status, lead, due, desc in query.tuples():
        due = Request.due_date.python_value(due) if isinstance(due, str) else due
        state = "" if due is None else "overdue" if due < today else (
            "due_soon" if due <= horizon else "")
        out.append(RequestRow(rid, at, eid, name, cat, urg, status, lead, due,
                              desc.split("\n", 1)[0][:120], state))
    return out


def list_requests(*, flt: RequestFilter | None = None, today: dt.date | None = None,
                  limit: int = 500, offset: int = 0) -> list[RequestRow]:
    """Requests newest first. Any thread (reads only)."""
    today = today or clock.today()
    horizon = due_horizon(today=today)
    query = _query(flt or RequestFilter(), today, horizon)
    query = query.order_by(Request.accepted_at.desc(), Request.id.desc()).limit(limit)
    return _rows(query.offset(offset) if offset else query, today, horizon)


def count_requests(*, flt: RequestFilter | None = None, today: dt.date | None = None) -> int:
    today = today or clock.today()
    return _query(flt or RequestFilter(), today, due_horizon(today=today)).count()


def needing_attention(*, today: dt.date | None = None, officer_id: str = "",
                      limit: int = 200) -> list[RequestRow]:
    """Overdue and due-soon requests, the most overdue first (工作台, lists)."""
    today = today or clock.today()
    horizon = due_horizon(today=today)
    query = _query(RequestFilter(deadline="attention", officer_id=officer_id), today, horizon)
    return _rows(query.order_by(Request.due_date, Request.id).limit(limit), today, horizon)


# -- direct-channel letters ------------------------------------------------------------------
LETTER_PREFIX = "直通车"


def registration_label(*, year: int, number: int) -> str:
    return f"{LETTER_PREFIX}〔{year}〕{number}号"


def provisional_number(*, year: int, device: str, sequence: int) -> str:
    return f"{year}-临-{device}-{sequence:03d}"


def _device_tag() -> str:
    source = context.current_device_id() or context.current_officer_id() or "local"
    return source.replace("-", "")[:4].lower()


def _register_letter(req: Request, *, on: dt.date) -> None:
    """Give a letter its year and provisional number (the final one comes from the centre)."""
    tag = _device_tag()
    prefix = f"{on.year}-临-{tag}-"
    taken = Request.select(peewee.fn.COUNT(Request.id)).where(
        Request.provisional_no.startswith(prefix)).scalar() or 0
    req.registration_year = on.year
    req.registered_on = on
    req.provisional_no = provisional_number(year=on.year, device=tag, sequence=taken + 1)


def finalise_registrations(*, year: int | None = None) -> dict[str, int]:
    """Number the letters that have only a provisional number, as the server does.

    For a centre that runs without a server, and the reference the server hook follows.
    Database worker thread.
    """
    with database_proxy.atomic():
        query = Request.select(Request.registration_year).where(
            Request.registration_year.is_null(False) & Request.registration_no.is_null())
        years = sorted({y for (y,) in query.tuples()} if year is None else {year})
        assigned: dict[str, int] = {}
        for y in years:
            taken = [n for (n,) in Request.select(Request.registration_no).where(
                (Request.registration_year == y) & Request.registration_no.is_null(False)
            ).tuples()]
            pending = [r for (r,) in Request.select(Request.id).where(
                (Request.registration_year == y) & Request.registration_no.is_null()
            ).order_by(Request.created_at, Request.provisional_no).tuples()]
            numbers = assign_registration_numbers(taken=taken, pending=pending)
            for rid, number in numbers.items():
                req = Request.get_by_id(rid)
                req.registration_no = number
                req.save()
                _event(req, "register", req.status, req.status, note="", at=dt.datetime.now(
                    ).replace(microsecond=0), data={"number": number})
            assigned.update(numbers)
    return assigned


@dataclass(frozen=True)
class LetterRow:
    id: str
    number: str
    registered_on: dt.date
    enterprise_name: str
    addressee: str
    summary: str
    reply: str
    replied_on: dt.date | None
    final: bool


def list_letters(*, year: int) -> list[LetterRow]:
    query = (Request.select(Request.id, Request.registration_no, Request.provisional_no,
                            Request.registered_on, Enterprise.name, Request.addressee,
                            Request.description, Request.reply, Request.replied_on,
                            Request.deleted)
             .join(Enterprise, on=(Request.enterprise == Enterprise.id))
             .where(Request.registration_year == year))
    keyed = []
    for rid, no, prov, on, name, addressee, desc, reply, replied, deleted in query.tuples():
        if deleted and no is None:
            continue
        number = registration_label(year=year, number=no) if no else prov
        summary = desc.split("\n", 1)[0] + ("（已撤回）" if deleted else "")
        row = LetterRow(rid, number, on, name, addressee, summary, reply, replied,
                        no is not None)
        # Final numbers in order, then the letters still waiting for theirs.
        keyed.append(((no is None, no or 0, prov), row))
    return [row for _, row in sorted(keyed, key=lambda kr: kr[0])]


def record_reply(*, record_id: str, reply: str, replied_on: dt.date) -> Request:
    """The leader's reply to a direct-channel letter. Database worker thread."""
    req = get(record_id=record_id)
    if not req.registration_year:
        raise ServiceError(i18n.translate(
            "Request", "Only a direct-channel letter has a reply to record."))
    if not reply.strip():
        raise ValidationFailed([Finding("reply", Severity.ERROR, i18n.translate(
            "Request", "The reply is empty."))])
    assign_changed(req, {"reply": reply.strip(), "replied_on": replied_on})
    req.save()
    return req


# -- printing --------------------------------------------------------------------------------
#: Printed sheets are official Chinese documents whatever the screen's language.
CATEGORY_ZH = {"water": "用水", "power": "用电", "heating": "供热", "approvals": "审批手续",
               "land": "土地", "finance": "融资", "labour": "用工", "logistics": "物流",
               "environment": "环保", "other": "其他"}
CHANNEL_ZH = {"visit": "走访发现", "phone": "电话反映", "centre": "来中心反映",
              "letter": "直通车来信"}
URGENCY_ZH = {"normal": "一般", "urgent": "紧急", "very_urgent": "特急"}


def enterprise_info(enterprise: Enterprise) -> fd.EnterpriseInfo:
    from liaison_app.forms import data as fd

    return fd.EnterpriseInfo(
        name=enterprise.name, uscc=enterprise.uscc, town=enterprise.town, park=enterprise.park,
        address=enterprise.address, industry=enterprise.industry,
        legal_representative=enterprise.legal_rep, contact_person=enterprise.contact_name,
        contact_phone=enterprise.contact_phone, employees=enterprise.employees)


def dispatch_sheet_data(*, record_id: str) -> fd.DispatchSheetData:
    """What the 问题交办单 of a dispatched request prints. Any thread (reads only)."""
    from liaison_app.forms import data as fd

    req = get(record_id=record_id)
    if not req.lead_department_id:
        raise ServiceError(i18n.translate(
            "Request", "The dispatch sheet is printed once the request has "
                                         "been dispatched to a lead department."))
    names = dict(Department.select(Department.id, Department.name).tuples())
    dispatcher = ""
    event = (TimelineEvent.select(TimelineEvent.actor_id)
             .where((TimelineEvent.owner_id == req.id) & (TimelineEvent.action == "dispatch"))
             .order_by(TimelineEvent.at.desc()).first())
    if event is not None:
        dispatcher = Officer.select(Officer.name).where(
            Officer.id == event.actor_id).scalar() or ""
    config = load_config()
    return fd.DispatchSheetData(
        request_no=request_no(req), enterprise=enterprise_info(req.enterprise),
        category=CATEGORY_ZH.get(req.category, req.category), description=req.description,
        accepted_at=req.accepted_at, lead_department=names.get(req.lead_department_id, ""),
        co_departments=tuple(names.get(d, "") for d in req.co_departments or []),
        source=CHANNEL_ZH.get(req.channel, req.channel),
        urgency=URGENCY_ZH.get(req.urgency, req.urgency),
        contact_deadline=req.contact_deadline, first_reply_deadline=req.response_deadline,
        resolve_deadline=req.resolve_deadline, dispatcher=dispatcher,
        requirements=(f"协办单位请于{req.co_deadline:%Y年%m月%d日}前向主办单位反馈意见。"
                      if req.co_deadline else ""),
        organisation=config.organisation,
        dispatched_on=req.dispatched_at.date() if req.dispatched_at else None,
        seal_name=config.seal_name.strip())


def letter_register_data(*, year: int) -> fd.LetterRegisterData:
    from liaison_app.forms import data as fd

    config = load_config()
    entries = tuple(fd.LetterEntry(registration_no=r.number, received_on=r.registered_on,
                                   enterprise=r.enterprise_name, addressee=r.addressee,
                                   summary=r.summary, reply=r.reply, replied_on=r.replied_on)
                    for r in list_letters(year=year))
    return fd.LetterRegisterData(entries=entries, period=f"{year}年",
                                 organisation=config.organisation)


def print_dispatch_sheet(*, record_id: str, out: Output) -> BuildResult:
    """Write the dispatch sheet PDF. Background thread."""
    from liaison_app.forms.registry import build_form

    return build_form("dispatch_sheet", dispatch_sheet_data(record_id=record_id), out=out)


def print_letter_register(*, year: int, out: Output) -> BuildResult:
    """Write the year's direct-channel letter register PDF. Background thread."""
    from liaison_app.forms.registry import build_form

    return build_form("letter_register", letter_register_data(year=year), out=out)
