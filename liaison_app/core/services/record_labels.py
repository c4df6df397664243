"""What people call each kind of record, each of its fields, and one record.

One registry for every synced table, so the 同步 page, conflict review and any list speak
of 诉求 and 办结时限 instead of ``request`` and ``resolve_deadline``. Services that already
name their fields (``enterprises.LABELS``, ``roster.LABELS``) are used as they are; a test
checks that every column of every synced model has a label here or is bookkeeping.
Any thread.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from peewee import JOIN

from liaison_app.core import i18n
from liaison_app.core.i18n import Message

#: Columns every synced record has, kept by the app itself; nobody types them.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "created_by", "deleted",
                         "position"})

TYPE_LABELS: dict[str, Message] = {
    "enterprise": i18n.translate("Records", "Enterprise"),
    "visit": i18n.translate("Records", "Visit"),
    "follow_up": i18n.translate("Records", "Follow-up action"),
    "attachment": i18n.translate("Records", "Attachment"),
    "officer": i18n.translate("Records", "Officer"),
    "department": i18n.translate("Records", "Department"),
    "request": i18n.translate("Records", "Request"),
    "timeline_event": i18n.translate("Records", "Step of a request or case"),
    "proxy_case": i18n.translate("Records", "Proxy case"),
    "proxy_item": i18n.translate("Records", "Proxy item"),
    "worker": i18n.translate("Records", "Worker"),
    "application": i18n.translate("Records", "Application"),
    "issued_pass": i18n.translate("Records", "Pass"),
    "audit_entry": i18n.translate("Records", "Audit entry"),
    "centre_setting": i18n.translate("Records", "Setting of the service centre"),
    "county_key": i18n.translate("Records", "County pass key"),
    "pass_revocation": i18n.translate("Records", "Pass revocation"),
    "evaluation_round": i18n.translate("Records", "Satisfaction evaluation round"),
    "score_sheet": i18n.translate("Records", "Score sheet"),
    "report_template": i18n.translate("Records", "Daily report template"),
    "report_template_version": i18n.translate("Records", "Version of a daily report template"),
    "daily_report": i18n.translate("Records", "Daily report"),
    "document_number": i18n.translate("Records", "Document number of a printed form"),
}

_COMMON = {
    "enterprise_id": i18n.translate("Records", "Enterprise"),
    "notes": i18n.translate("Records", "Notes"),
    "note": i18n.translate("Records", "Note"),
    "status": i18n.translate("Records", "Status"),
    "officer_id": i18n.translate("Records", "Officer"),
    "officer_ids": i18n.translate("Records", "Liaison officers"),
    "owner_table": i18n.translate("Records", "Belongs to (kind)"),
    "owner_id": i18n.translate("Records", "Belongs to"),
    "name": i18n.translate("Records", "Name"),
    "phone": i18n.translate("Records", "Phone"),
    "contact_name": i18n.translate("Records", "Contact person"),
    "contact_phone": i18n.translate("Records", "Contact phone"),
    "kind": i18n.translate("Records", "Kind"),
    "active": i18n.translate("Records", "In use"),
    "town": i18n.translate("Records", "Town/street"),
    "address": i18n.translate("Records", "Address"),
    "details": i18n.translate("Records", "Details"),
    "action": i18n.translate("Records", "Action"),
}

_OWN: dict[str, dict[str, Message]] = {
    "visit": {
        "visit_at": i18n.translate("Records", "Visit time"),
        "participants": i18n.translate("Records", "Participants"),
        "summary": i18n.translate("Records", "Visit summary"),
        "problems": i18n.translate("Records", "Problems found"),
        "place": i18n.translate("Records", "Place"),
    },
    "follow_up": {
        "visit_id": i18n.translate("Records", "Visit"),
        "text": i18n.translate("Records", "Action"),
        "due_date": i18n.translate("Records", "Due date"),
        "done": i18n.translate("Records", "Done"),
        "done_at": i18n.translate("Records", "Done on"),
    },
    "attachment": {
        "sha256": i18n.translate("Records", "File content"),
        "filename": i18n.translate("Records", "File name"),
        "mime": i18n.translate("Records", "File type"),
        "size": i18n.translate("Records", "Size"),
    },
    "officer": {
        "username": i18n.translate("Records", "User name"),
        "role": i18n.translate("Records", "Role"),
    },
    "department": {},
    "request": {
        "visit_id": i18n.translate("Records", "From the visit"),
        "visit_line": i18n.translate("Records", "Problem of the visit"),
        "channel": i18n.translate("Records", "Came in by"),
        "category": i18n.translate("Records", "Category"),
        "urgency": i18n.translate("Records", "Urgency"),
        "complex": i18n.translate("Records", "Complex"),
        "description": i18n.translate("Records", "Request"),
        "accepted_at": i18n.translate("Records", "Accepted at"),
        "lead_department_id": i18n.translate("Records", "Lead department"),
        "co_departments": i18n.translate("Records", "Co-departments"),
        "dispatched_at": i18n.translate("Records", "Dispatched at"),
        "contact_deadline": i18n.translate("Records", "Contact deadline"),
        "response_deadline": i18n.translate("Records", "First reply deadline"),
        "resolve_deadline": i18n.translate("Records", "Resolution deadline"),
        "co_deadline": i18n.translate("Records", "Co-department deadline"),
        "due_date": i18n.translate("Records", "Next deadline"),
        "first_response_at": i18n.translate("Records", "First reply at"),
        "resolved_at": i18n.translate("Records", "Resolved at"),
        "resolution": i18n.translate("Records", "Resolution"),
        "callback_at": i18n.translate("Records", "Called back at"),
        "enterprise_resolved": i18n.translate("Records", "Solved, says the enterprise"),
        "enterprise_satisfaction": i18n.translate("Records", "Satisfaction"),
        "callback_comment": i18n.translate("Records", "Call-back comment"),
        "closed_at": i18n.translate("Records", "Closed at"),
        "addressee": i18n.translate("Records", "Letter to"),
        "registration_year": i18n.translate("Records", "Registration year"),
        "provisional_no": i18n.translate("Records", "Provisional number"),
        "registration_no": i18n.translate("Records", "Registration number"),
        "registered_on": i18n.translate("Records", "Registered on"),
        "reply": i18n.translate("Records", "Reply"),
        "replied_on": i18n.translate("Records", "Replied on"),
    },
    "timeline_event": {
        "from_status": i18n.translate("Records", "Status before"),
        "to_status": i18n.translate("Records", "Status after"),
        "actor_id": i18n.translate("Records", "Who"),
        "at": i18n.translate("Records", "When"),
        "data": i18n.translate("Records", "Details"),
    },
    "proxy_case": {
        "case_no": i18n.translate("Records", "Case number"),
        "project_name": i18n.translate("Records", "Project"),
        "project_location": i18n.translate("Records", "Project location"),
        "started_on": i18n.translate("Records", "Started"),
        "finished_on": i18n.translate("Records", "Finished"),
    },
    "proxy_item": {
        "case_id": i18n.translate("Records", "Proxy case"),
        "department_id": i18n.translate("Records", "Department"),
        "documents": i18n.translate("Records", "Documents handed over"),
        "submitted_on": i18n.translate("Records", "Submitted"),
        "approved_on": i18n.translate("Records", "Approved"),
        "usual_days": i18n.translate("Records", "Usual days"),
    },
    "application": {
        "application_no": i18n.translate("Records", "Application number"),
        "title": i18n.translate("Records", "Title"),
        "period_start": i18n.translate("Records", "Valid from"),
        "period_end": i18n.translate("Records", "Valid to"),
        "areas": i18n.translate("Records", "Areas"),
        "worker_ids": i18n.translate("Records", "Workers"),
        "history": i18n.translate("Records", "History"),
        "applied_on": i18n.translate("Records", "Applied on"),
        "remarks": i18n.translate("Records", "Remarks"),
    },
    "issued_pass": {
        "application_id": i18n.translate("Records", "Application"),
        "worker_id": i18n.translate("Records", "Worker"),
        "pass_no": i18n.translate("Records", "Pass number"),
        "check_code": i18n.translate("Records", "Check code"),
        "key_id": i18n.translate("Records", "Signing key"),
        "valid_from": i18n.translate("Records", "Valid from"),
        "valid_to": i18n.translate("Records", "Valid to"),
        "state": i18n.translate("Records", "State"),
        "revoked_at": i18n.translate("Records", "Revoked at"),
        "revoke_reason": i18n.translate("Records", "Reason"),
        "replaces": i18n.translate("Records", "Replaces"),
        "holder": i18n.translate("Records", "Holder"),
        "unit": i18n.translate("Records", "Unit"),
        "signature": i18n.translate("Records", "County's signature"),
        "sign_key_id": i18n.translate("Records", "County key"),
    },
    "county_key": {
        "key_id": i18n.translate("Records", "Key id"),
        "public_key": i18n.translate("Records", "Public key"),
        "retired_on": i18n.translate("Records", "Retired on"),
    },
    "pass_revocation": {
        "pass_id": i18n.translate("Records", "Pass"),
        "pass_no": i18n.translate("Records", "Pass number"),
        "revoked_on": i18n.translate("Records", "Revoked on"),
        "reason": i18n.translate("Records", "Reason"),
    },
    "audit_entry": {
        "record_table": i18n.translate("Records", "Kind of record"),
        "record_id": i18n.translate("Records", "Record"),
        "device_time": i18n.translate("Records", "Time on this computer"),
        "server_time": i18n.translate("Records", "Time on the server"),
    },
    "centre_setting": {
        "key": i18n.translate("Records", "Setting"),
        "value": i18n.translate("Records", "Value"),
    },
    "evaluation_round": {
        "held_on": i18n.translate("Records", "Held on"),
        "units": i18n.translate("Records", "Units evaluated"),
        "invited": i18n.translate("Records", "Invited enterprises"),
        "invite_rule": i18n.translate("Records", "Who is invited"),
        "dimensions": i18n.translate("Records", "Dimensions"),
        "scale": i18n.translate("Records", "Scale"),
        "anonymous": i18n.translate("Records", "Anonymous"),
        "phone_enabled": i18n.translate("Records", "By phone too"),
        "closed_at": i18n.translate("Records", "Closed at"),
    },
    "document_number": {
        "series": i18n.translate("Records", "Form"),
        "year": i18n.translate("Records", "Year"),
        "record_table": i18n.translate("Records", "Kind of record"),
        "record_id": i18n.translate("Records", "Record"),
        "number": i18n.translate("Records", "Number"),
    },
    "score_sheet": {
        "round_id": i18n.translate("Records", "Evaluation round"),
        "unit": i18n.translate("Records", "Unit evaluated"),
        "scores": i18n.translate("Records", "Scores"),
        "comments": i18n.translate("Records", "Comments"),
        "method": i18n.translate("Records", "Collected by (way)"),
        "collected_by": i18n.translate("Records", "Collected by"),
        "collected_at": i18n.translate("Records", "Collected at"),
        "request_id": i18n.translate("Records", "Request raised"),
    },
    "report_template": {
        "description": i18n.translate("Records", "Description"),
        "starts_on": i18n.translate("Records", "Reporting from"),
        "ends_on": i18n.translate("Records", "Reporting until"),
    },
    "report_template_version": {
        "template_id": i18n.translate("Records", "Daily report template"),
        "effective_from": i18n.translate("Records", "Applies from"),
        "audience": i18n.translate("Records", "Who reports"),
        "towns": i18n.translate("Records", "Towns reporting"),
        "enterprise_ids": i18n.translate("Records", "Enterprises reporting"),
        "fields": i18n.translate("Records", "What is reported"),
    },
    "daily_report": {
        "template_id": i18n.translate("Records", "Daily report template"),
        "template_version_id": i18n.translate("Records", "Template version"),
        "report_date": i18n.translate("Records", "Day reported"),
        "values": i18n.translate("Records", "Figures and checks reported"),
        "people_on_site": i18n.translate("Records", "People on site"),
        "capacity_pct": i18n.translate("Records", "Capacity (%)"),
        "anomalies": i18n.translate("Records", "Anomalies"),
        "late": i18n.translate("Records", "Reported late"),
        "over_confirmed": i18n.translate("Records", "More people than employees, confirmed"),
        "entered_by": i18n.translate("Records", "Entered by"),
        "entered_at": i18n.translate("Records", "Entered at"),
        "source": i18n.translate("Records", "Entered from"),
        "request_id": i18n.translate("Records", "Request raised"),
    },
}


def field_labels(table: str) -> dict[str, Message]:
    """Labels of ``table``'s fields, by column name."""
    labels = dict(_COMMON)
    if table == "enterprise":
        from liaison_app.core.services.enterprises import LABELS as own
    elif table == "worker":
        from liaison_app.core.services.roster import LABELS as own
    else:
        own = _OWN.get(table, {})
    labels.update(own)
    return labels


def type_label(table: str) -> str:
    """What a person calls a record of ``table`` (the table's name when unknown)."""
    label = TYPE_LABELS.get(table)
    return label.text() if label else table


def field_label(table: str, column: str) -> str:
    label = field_labels(table).get(column)
    return label.text() if label else column


def describe_change(table: str, changes: dict[str, Any] | None, *, creating: bool) -> str:
    """A change waiting to be sent, in words: new, deleted, or the fields it touched."""
    if creating:
        return i18n.translate("Records", "New record").text()
    changed = set(changes or {})
    if (changes or {}).get("deleted") is True:
        return i18n.translate("Records", "Deleted").text()
    names = [field_label(table, c) for c in sorted(changed - BOOKKEEPING)]
    if names:
        return "、".join(dict.fromkeys(names))
    if "deleted" in changed:
        return i18n.translate("Records", "Restored").text()
    return ""


def _as_sent(table: str, record_id: str) -> dict[str, Any] | None:
    """A record the sync set aside (not applied here): its columns as the server sent them."""
    from liaison_app.core.models.sync_records import SyncSetAside

    row = SyncSetAside.get_or_none((SyncSetAside.table == table)
                                   & (SyncSetAside.record_id == record_id))
    if row is None:
        return None
    try:
        payload = json.loads(row.payload)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def _daily_report_title(record_id: str) -> str | None:
    """日报 · 某某公司 · 复工复产日报 · 2026-11-27: whose report, of which template, for which
    day (a report has no name of its own); None when it is neither here nor set aside.

    One query of three columns: the 同步 page names up to 500 waiting changes at a time,
    and a week of an officer's reports is a few hundred of them."""
    from liaison_app.core.models import Enterprise
    from liaison_app.core.models.daily import DailyReport, ReportTemplate

    row = (DailyReport.select(Enterprise.name, ReportTemplate.name, DailyReport.report_date)
           .join(Enterprise, JOIN.LEFT_OUTER, on=(Enterprise.id == DailyReport.enterprise))
           .switch(DailyReport)
           .join(ReportTemplate, JOIN.LEFT_OUTER, on=(ReportTemplate.id == DailyReport.template))
           .where(DailyReport.id == record_id).tuples().first())
    if row is None:
        sent = _as_sent("daily_report", record_id)
        if sent is None:
            return None
        row = (Enterprise.select(Enterprise.name)
               .where(Enterprise.id == sent.get("enterprise_id")).scalar(),
               ReportTemplate.select(ReportTemplate.name)
               .where(ReportTemplate.id == sent.get("template_id")).scalar(),
               sent.get("report_date"))
    enterprise, template, day = row
    day_text = day.isoformat() if isinstance(day, dt.date) else str(day or "")
    parts = [type_label("daily_report"), enterprise or "", template or "", day_text]
    return " · ".join(p for p in parts if p)


#: Records with no name of their own, titled from what identifies them (the record here
#: or, one the sync set aside, as the server sent it); None when it is neither.
_TITLES: dict[str, Callable[[str], str | None]] = {
    "daily_report": _daily_report_title,
}


def record_title(table: str, record_id: str) -> str:
    """What a person calls one record: its search title, or its name, file name, text or
    number, or what it belongs to; never its id unless the record is not here at all."""
    from liaison_app.core.models.base import SYNCED_MODELS

    titled = _TITLES.get(table)
    title = titled(record_id) if titled is not None else None
    if title is not None:
        return title
    model = SYNCED_MODELS.get(table)
    rec = model.get_or_none(model.id == record_id) if model and titled is None else None
    if rec is None:
        return i18n.translate("Records", "{kind} (no longer on this computer)").format(
            kind=type_label(table)).text()
    doc = rec.search_document()
    if doc is not None and doc.title.strip():
        return doc.title.strip()
    own = next((str(getattr(rec, name)) for name in ("name", "title", "filename", "pass_no",
                                                     "text", "project_name")
                if str(getattr(rec, name, "") or "").strip()), "")
    owner_table = str(getattr(rec, "owner_table", "") or "")
    owner_id = str(getattr(rec, "owner_id", "") or getattr(rec, "visit_id", "") or
                   getattr(rec, "case_id", "") or getattr(rec, "application_id", "") or "")
    if not owner_table:
        owner_table = next((t for t, attr in (("visit", "visit_id"), ("proxy_case", "case_id"),
                                              ("application", "application_id"))
                            if getattr(rec, attr, None)), "")
    if owner_table and owner_id and owner_table != table:
        owner = record_title(owner_table, owner_id)
        return f"{owner} · {own}" if own else owner
    return own or type_label(table)
