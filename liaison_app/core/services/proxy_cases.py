"""Lead-and-proxy cases (领办代办): procedure items, progress, days saved, printed sheets.

Days are counted in calendar days, as the service reports them ("done in 3 days instead of
about 18"): an item's days taken run from the day its documents were submitted to the day it
was approved; days saved are its usual duration minus the days taken. A case is done when
every item that was not withdrawn is approved.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from liaison_app.core import clock, context, i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models import Enterprise, LocalState, Officer
from liaison_app.core.models.departments import Department
from liaison_app.core.models.proxy import ITEM_STATUSES, ProxyCase, ProxyItem
from liaison_app.core.models.requests import TimelineEvent
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from liaison_app.core.services.requests import (
    AttachmentInput,
    assign_changed,
    attachments_of,
    enterprise_info,
    load_config,
    sync_attachments,
)
from liaison_app.core.validation import Finding, Severity, required
from liaison_app.forms import data as fd
from liaison_app.forms.registry import build_form
from liaison_app.forms.toolkit import BuildResult, Output

ITEM_STATUS_LABELS: dict[str, Message] = {
    "pending": i18n.translate("Proxy", "Documents being collected"),
    "submitted": i18n.translate("Proxy", "Submitted"),
    "approved": i18n.translate("Proxy", "Approved"),
    "rejected": i18n.translate("Proxy", "Rejected"),
    "withdrawn": i18n.translate("Proxy", "Withdrawn"),
}
CASE_STATUS_LABELS: dict[str, Message] = {
    "open": i18n.translate("Proxy", "In progress"),
    "done": i18n.translate("Proxy", "Done"),
    "cancelled": i18n.translate("Proxy", "Cancelled"),
}
ITEM_STATUS_ZH = {"pending": "收件中", "submitted": "已报件", "approved": "已办结",
                  "rejected": "未通过", "withdrawn": "已撤回"}
CASE_STATUS_ZH = {"open": "办理中", "done": "已办结", "cancelled": "已终止"}


# -- the catalogue ---------------------------------------------------------------------------
CATALOGUE_KEY = "proxy.catalogue"


@dataclass
class CatalogueEntry:
    name: str
    department: str
    usual_days: int


DEFAULT_CATALOGUE: tuple[CatalogueEntry, ...] = (
    CatalogueEntry("供水接入", "县自来水公司", 15),
    CatalogueEntry("供电接入", "国网县供电公司", 30),
    CatalogueEntry("供热接入", "县热力公司", 20),
    CatalogueEntry("燃气接入", "县燃气公司", 20),
    CatalogueEntry("环境影响评价审批（环评）", "市生态环境局县分局", 30),
    CatalogueEntry("道路开口许可", "县交通运输局", 18),
    CatalogueEntry("建设用地规划许可证", "县自然资源和规划局", 20),
    CatalogueEntry("建设工程规划许可证", "县自然资源和规划局", 20),
    CatalogueEntry("建筑工程施工许可证", "县住房和城乡建设局", 15),
    CatalogueEntry("消防设计审查", "县住房和城乡建设局", 15),
    CatalogueEntry("消防验收", "县住房和城乡建设局", 15),
    CatalogueEntry("企业投资项目备案", "县发展和改革局", 3),
    CatalogueEntry("节能审查", "县发展和改革局", 20),
    CatalogueEntry("不动产权登记", "县自然资源和规划局", 10),
)


def load_catalogue() -> list[CatalogueEntry]:
    raw = LocalState.get_value(CATALOGUE_KEY)
    if not isinstance(raw, list):
        return [CatalogueEntry(**asdict(e)) for e in DEFAULT_CATALOGUE]
    out = []
    for entry in raw:
        try:
            out.append(CatalogueEntry(name=str(entry["name"]),
                                      department=str(entry["department"]),
                                      usual_days=int(entry["usual_days"])))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def save_catalogue(*, entries: list[CatalogueEntry]) -> None:
    """Replace the catalogue. Database worker thread."""
    for entry in entries:
        if not entry.name.strip() or entry.usual_days < 0:
            raise ServiceError(i18n.translate(
                "Proxy", "Every catalogue item needs a name and a usual "
                                           "duration of 0 days or more."))
    LocalState.set_value(CATALOGUE_KEY, [asdict(e) for e in entries])


# -- editing ---------------------------------------------------------------------------------
@dataclass
class ItemInput:
    name: str = ""
    department_id: str = ""
    documents: str = ""
    submitted_on: dt.date | None = None
    approved_on: dt.date | None = None
    usual_days: int | None = None
    status: str = "pending"
    notes: str = ""
    attachments: list[AttachmentInput] = field(default_factory=list)
    id: str | None = None


@dataclass
class CaseInput:
    enterprise_id: str = ""
    project_name: str = ""
    project_location: str = ""
    officer_id: str = ""
    started_on: dt.date = field(default_factory=lambda: clock.today())
    notes: str = ""
    cancelled: bool = False
    items: list[ItemInput] = field(default_factory=list)


def validate(data: CaseInput) -> list[Finding]:
    findings = required(data.enterprise_id, field="enterprise_id",
                        label=i18n.translate("Proxy", "Enterprise"))
    if data.enterprise_id and not Enterprise.select().where(
            (Enterprise.id == data.enterprise_id) & (Enterprise.deleted == False)).exists():  # noqa: E712
        findings.append(Finding("enterprise_id", Severity.ERROR, i18n.translate(
            "Proxy", "The chosen enterprise no longer exists.")))
    findings += required(data.project_name, field="project_name",
                         label=i18n.translate("Proxy", "Project"))
    for n, item in enumerate(data.items, start=1):
        where = f"item:{n}"
        if not item.name.strip():
            findings.append(Finding(where, Severity.ERROR, i18n.translate(
                "Proxy", "Item {n} has no name.").format(n=n)))
        if item.status not in ITEM_STATUSES:
            findings.append(Finding(where, Severity.ERROR, i18n.translate(
                "Proxy", "Item {n}: choose its status.").format(n=n)))
        if item.status in ("submitted", "approved", "rejected") and item.submitted_on is None:
            findings.append(Finding(where, Severity.ERROR, i18n.translate(
                "Proxy", "Item {n}: enter the date the documents were submitted.").format(n=n)))
        if item.status == "approved" and item.approved_on is None:
            findings.append(Finding(where, Severity.ERROR, i18n.translate(
                "Proxy", "Item {n}: enter the date it was approved.").format(n=n)))
        if item.submitted_on and item.approved_on and item.approved_on < item.submitted_on:
            findings.append(Finding(where, Severity.ERROR, i18n.translate(
                "Proxy", "Item {n} cannot be approved before it was submitted.").format(n=n)))
        if item.usual_days is not None and item.usual_days < 0:
            findings.append(Finding(where, Severity.ERROR, i18n.translate(
                "Proxy", "Item {n}: the usual duration cannot be negative.").format(n=n)))
    return findings


def case_number(*, started_on: dt.date, record_id: str) -> str:
    return f"DB{started_on:%Y}-{record_id[:6].upper()}"


def save(*, data: CaseInput, record_id: str | None = None,
         now: dt.datetime | None = None) -> ProxyCase:
    """Create or update a case with its items in one transaction. Database worker thread."""
    findings = validate(data)
    if findings:
        raise ValidationFailed(findings)
    now = now or dt.datetime.now().replace(microsecond=0)
    with database_proxy.atomic():
        if record_id is None:
            case = ProxyCase(enterprise=data.enterprise_id, project_name=data.project_name,
                             started_on=data.started_on,
                             officer_id=data.officer_id or context.current_officer_id())
            case.case_no = case_number(started_on=data.started_on, record_id=case.id)
            creating = True
        else:
            case = get(record_id=record_id)
            creating = False
        assign_changed(case, dict(
            enterprise=data.enterprise_id, project_name=data.project_name.strip(),
            project_location=data.project_location.strip(), started_on=data.started_on,
            notes=data.notes.strip()))
        if data.officer_id:
            assign_changed(case, {"officer_id": data.officer_id})
        if creating:
            case.save(force_insert=True)
            _event(case, "opened", "", "open", at=now)
        changes = _sync_items(case, data.items, now=now)
        live = [i for i in data.items if i.status != "withdrawn"]
        before = case.status
        if data.cancelled:
            status, finished = "cancelled", None
        elif live and all(i.status == "approved" for i in live):
            status, finished = "done", max(i.approved_on for i in live if i.approved_on)
        else:
            status, finished = "open", None
        assign_changed(case, {"status": status, "finished_on": finished})
        case.save()
        for action, item_name in changes:
            _event(case, action, "", "", at=now, note=item_name)
        if status != before and not creating:
            _event(case, status, before, status, at=now)
    return case


def _sync_items(case: ProxyCase, items: list[ItemInput], *,
                now: dt.datetime) -> list[tuple[str, str]]:
    """Write the items; returns the steps worth a timeline entry (action, item name)."""
    del now
    existing = {i.id: i for i in ProxyItem.select().where(
        (ProxyItem.case == case.id) & (ProxyItem.deleted == False))}  # noqa: E712
    steps: list[tuple[str, str]] = []
    keep: set[str] = set()
    for pos, item in enumerate(items):
        rec = existing.get(item.id or "")
        values = dict(name=item.name.strip(), department_id=item.department_id,
                      documents=item.documents.strip(), submitted_on=item.submitted_on,
                      approved_on=item.approved_on, usual_days=item.usual_days,
                      status=item.status, position=pos, notes=item.notes.strip())
        if rec is None:
            rec = ProxyItem(case=case.id, enterprise=case.enterprise_id, **values)
            rec.save(force_insert=True)
            steps.append(("item_added", rec.name))
            if rec.status != "pending":
                steps.append((f"item_{rec.status}", rec.name))
        else:
            keep.add(rec.id)
            old_status = rec.status
            assign_changed(rec, {**values, "enterprise": case.enterprise_id})
            rec.save()
            if rec.status != old_status:
                steps.append((f"item_{rec.status}", rec.name))
        sync_attachments(owner_table="proxy_item", owner_id=rec.id,
                         enterprise_id=case.enterprise_id, items=item.attachments)
    for rec_id, rec in existing.items():
        if rec_id not in keep:
            rec.soft_delete()
            steps.append(("item_removed", rec.name))
    return steps


def _event(case: ProxyCase, action: str, before: str, after: str, *, at: dt.datetime,
           note: str = "") -> None:
    TimelineEvent(owner_table="proxy_case", owner_id=case.id, enterprise=case.enterprise_id,
                  action=action, from_status=before, to_status=after, note=note,
                  actor_id=context.current_officer_id(), at=at).save(force_insert=True)


EVENT_LABELS: dict[str, Message] = {
    "opened": i18n.translate("Proxy", "Case opened"),
    "item_added": i18n.translate("Proxy", "Item added"),
    "item_removed": i18n.translate("Proxy", "Item removed"),
    "item_pending": i18n.translate("Proxy", "Item back to collecting documents"),
    "item_submitted": i18n.translate("Proxy", "Item submitted"),
    "item_approved": i18n.translate("Proxy", "Item approved"),
    "item_rejected": i18n.translate("Proxy", "Item rejected"),
    "item_withdrawn": i18n.translate("Proxy", "Item withdrawn"),
    "done": i18n.translate("Proxy", "Case done"),
    "open": i18n.translate("Proxy", "Case reopened"),
    "cancelled": i18n.translate("Proxy", "Case cancelled"),
}


def get(*, record_id: str) -> ProxyCase:
    case = ProxyCase.get_or_none(ProxyCase.id == record_id)
    if case is None or case.deleted:
        raise NotFound(i18n.translate("Proxy", "This proxy case no longer exists."))
    return case


def load_input(*, record_id: str) -> CaseInput:
    case = get(record_id=record_id)
    return CaseInput(
        enterprise_id=case.enterprise_id, project_name=case.project_name,
        project_location=case.project_location, officer_id=case.officer_id,
        started_on=case.started_on, notes=case.notes, cancelled=case.status == "cancelled",
        items=[ItemInput(name=i.name, department_id=i.department_id, documents=i.documents,
                         submitted_on=i.submitted_on, approved_on=i.approved_on,
                         usual_days=i.usual_days, status=i.status, notes=i.notes,
                         attachments=attachments_of(owner_table="proxy_item", owner_id=i.id),
                         id=i.id)
               for i in _items(case.id)])


def soft_delete(*, record_id: str) -> None:
    with database_proxy.atomic():
        case = get(record_id=record_id)
        for item in _items(case.id):
            item.soft_delete()
        case.soft_delete()


def _items(case_id: str) -> list[ProxyItem]:
    return list(ProxyItem.select().where((ProxyItem.case == case_id)
                                         & (ProxyItem.deleted == False))  # noqa: E712
                .order_by(ProxyItem.position))


# -- days ------------------------------------------------------------------------------------
def days_taken(*, submitted_on: dt.date | None, approved_on: dt.date | None) -> int | None:
    if submitted_on is None or approved_on is None:
        return None
    return (approved_on - submitted_on).days


def days_saved(*, usual_days: int | None, submitted_on: dt.date | None,
               approved_on: dt.date | None) -> int | None:
    taken = days_taken(submitted_on=submitted_on, approved_on=approved_on)
    if taken is None or usual_days is None:
        return None
    return usual_days - taken


@dataclass(frozen=True)
class CaseTotals:
    items: int
    done: int
    days_usual: int
    days_taken: int
    days_saved: int

    @property
    def progress(self) -> float:
        return self.done / self.items if self.items else 0.0


def totals(items: list[Any]) -> CaseTotals:
    """Sums over approved items (those with both dates); withdrawn items do not count."""
    live = [i for i in items if i.status != "withdrawn"]
    usual = taken = 0
    done = 0
    for i in live:
        if i.status != "approved":
            continue
        done += 1
        t = days_taken(submitted_on=i.submitted_on, approved_on=i.approved_on)
        if t is not None and i.usual_days is not None:
            usual += i.usual_days
            taken += t
    return CaseTotals(len(live), done, usual, taken, usual - taken)


@dataclass(frozen=True)
class CaseRow:
    id: str
    case_no: str
    enterprise_id: str
    enterprise_name: str
    project_name: str
    started_on: dt.date
    finished_on: dt.date | None
    status: str
    totals: CaseTotals
    item_names: tuple[str, ...]


@dataclass
class CaseFilter:
    enterprise_id: str = ""
    status: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    officer_id: str = ""


def list_cases(*, flt: CaseFilter | None = None, limit: int = 1000) -> list[CaseRow]:
    """Cases newest first with their totals, in two queries. Any thread (reads only)."""
    flt = flt or CaseFilter()
    query = (ProxyCase.select(ProxyCase.id, ProxyCase.case_no, ProxyCase.enterprise,
                              Enterprise.name, ProxyCase.project_name, ProxyCase.started_on,
                              ProxyCase.finished_on, ProxyCase.status)
             .join(Enterprise, on=(ProxyCase.enterprise == Enterprise.id))
             .where(ProxyCase.deleted == False))  # noqa: E712
    if flt.enterprise_id:
        query = query.where(ProxyCase.enterprise == flt.enterprise_id)
    if flt.status:
        query = query.where(ProxyCase.status == flt.status)
    if flt.officer_id:
        query = query.where(ProxyCase.officer_id == flt.officer_id)
    if flt.since:
        query = query.where(ProxyCase.started_on >= flt.since)
    if flt.until:
        query = query.where(ProxyCase.started_on <= flt.until)
    cases = list(query.order_by(ProxyCase.started_on.desc(), ProxyCase.id).limit(limit).tuples())
    ids = [c[0] for c in cases]
    items: dict[str, list[ProxyItem]] = {cid: [] for cid in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for item in (ProxyItem.select(ProxyItem.case, ProxyItem.name, ProxyItem.status,
                                      ProxyItem.submitted_on, ProxyItem.approved_on,
                                      ProxyItem.usual_days, ProxyItem.position)
                     .where(ProxyItem.case.in_(chunk) & (ProxyItem.deleted == False))  # noqa: E712
                     .order_by(ProxyItem.position)):
            items[item.case_id].append(item)
    return [CaseRow(cid, no, eid, name, project, started, finished, status,
                    totals(items[cid]), tuple(i.name for i in items[cid]))
            for cid, no, eid, name, project, started, finished, status in cases]


@dataclass(frozen=True)
class ItemRow:
    id: str
    name: str
    department: str
    status: str
    submitted_on: dt.date | None
    approved_on: dt.date | None
    usual_days: int | None
    days_taken: int | None
    days_saved: int | None
    documents: str


def case_items(*, record_id: str) -> list[ItemRow]:
    names = dict(Department.select(Department.id, Department.name).tuples())
    return [ItemRow(i.id, i.name, names.get(i.department_id, ""), i.status, i.submitted_on,
                    i.approved_on, i.usual_days,
                    days_taken(submitted_on=i.submitted_on, approved_on=i.approved_on),
                    days_saved(usual_days=i.usual_days, submitted_on=i.submitted_on,
                               approved_on=i.approved_on), i.documents)
            for i in _items(record_id)]


# -- printing --------------------------------------------------------------------------------
def _procedure_items(case_id: str) -> tuple[fd.ProcedureItem, ...]:
    return tuple(fd.ProcedureItem(name=r.name, department=r.department,
                                  documents=tuple(x for x in r.documents.splitlines() if x),
                                  submitted_on=r.submitted_on, approved_on=r.approved_on,
                                  usual_days=r.usual_days,
                                  status=ITEM_STATUS_ZH.get(r.status, r.status))
                 for r in case_items(record_id=case_id))


def service_record_data(*, record_id: str) -> fd.ProxyServiceRecordData:
    """What the 代办服务记录单 of a case prints. Any thread (reads only)."""
    case = get(record_id=record_id)
    officer = Officer.get_or_none(Officer.id == case.officer_id)
    sums = totals(_items(case.id))
    return fd.ProxyServiceRecordData(
        case_no=case.case_no, enterprise=enterprise_info(case.enterprise),
        project_name=case.project_name, officer=officer.name if officer else "",
        items=_procedure_items(case.id), officer_phone=officer.phone if officer else "",
        started_on=case.started_on, finished_on=case.finished_on,
        progress=f"{sums.done}/{sums.items} 项已办结，节约 {sums.days_saved} 天",
        days_usual=sums.days_usual or None, days_taken=sums.days_taken if sums.done else None,
        organisation=load_config().organisation)


#: How long the public list stays up: working days, the day it is put up included.
PUBLIC_WORKDAYS = 5


def half_year_bounds(*, year: int, half: int) -> tuple[dt.date, dt.date]:
    if half == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


def public_list_data(*, year: int, half: int) -> fd.ProxyPublicListData:
    """The half-year 代办情况公示: cases handled in that half year (started in it, or still
    open or finished in it). Any thread (reads only)."""
    first, last = half_year_bounds(year=year, half=half)
    rows = list_cases(flt=CaseFilter(until=last), limit=1_000_000)
    entries = []
    for r in reversed(rows):
        if r.status == "cancelled":
            continue
        if r.finished_on is not None and r.finished_on < first:
            continue
        entries.append(fd.ProxyPublicEntry(
            enterprise=r.enterprise_name, project=r.project_name,
            items="、".join(r.item_names), started_on=r.started_on,
            finished_on=r.finished_on if r.finished_on and r.finished_on <= last else None,
            status=CASE_STATUS_ZH["done"] if r.finished_on and r.finished_on <= last
            else CASE_STATUS_ZH["open"],
            days_saved=r.totals.days_saved if r.totals.done else None))
    from liaison_app.core.services import county_identity, workdays

    identity = county_identity.load()
    calendar = workdays.county_calendar()
    today = clock.today()
    return fd.ProxyPublicListData(period=f"{year}年{'上' if half == 1 else '下'}半年",
                                  entries=tuple(entries), publisher=identity.organisation,
                                  published_on=today,
                                  public_until=calendar.add_workdays(
                                      calendar.add_workdays(today, 0), PUBLIC_WORKDAYS - 1),
                                  supervision_phone=identity.supervision_phone)


def print_service_record(*, record_id: str, out: Output) -> BuildResult:
    """Background thread."""
    return build_form("proxy_service_record", service_record_data(record_id=record_id), out=out)


def print_public_list(*, year: int, half: int, out: Output) -> BuildResult:
    """Background thread."""
    return build_form("proxy_public_list", public_list_data(year=year, half=half), out=out)
