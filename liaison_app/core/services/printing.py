"""Printing forms from records: the form's plain data is built here, and every print is logged.

A form never sees a database record: ``form_data`` copies what the form prints into the
frozen dataclasses of ``liaison_app.forms.data``. ``render`` builds the PDF (preview, file
or printer all start from it); ``record_print`` writes the audit entry once the PDF actually
left the app (printed or saved), with who, when, which form, which record, and whether full
ID numbers were on it. Full numbers print only on a form whose registry entry allows them
and only when the caller asks (the GUI after a confirmation, the CLI with ``--unmasked``).

``render`` runs on the database worker: it reads records, enters a numbered form in its
register of document numbers on the first print (``document_numbers``) and builds a PDF;
``record_print`` and ``print_to_file`` write, so they run there too.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from liaison_app.core import clock, context, i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.models import (
    Application,
    AuditEntry,
    Enterprise,
    IssuedPass,
    Officer,
    Worker,
)
from liaison_app.core.models.proxy import ProxyCase
from liaison_app.core.services import (
    account,
    applications,
    county_identity,
    document_numbers,
    roster,
    visits,
)
from liaison_app.core.services import passes as pass_checks
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services.errors import NotFound, ServiceError
from liaison_app.forms import data as fd
from liaison_app.forms.registry import build_form, form_spec
from liaison_app.forms.toolkit import BuildResult, FontChain, Output, find_font_chain
from liaison_app.forms.toolkit.page import footer_note

#: Form id -> the kind of record it prints from ("visit", "roster" or an application kind).
#: The procedure forms also print from a proxy case (领办代办), see ``PROXY_FORMS``.
FORM_SOURCES: dict[str, str] = OrderedDict([
    ("pass_application", "pass"),
    ("pass_cards", "pass"),
    ("worker_roster", "roster"),
    ("reopening_application", "reopening"),
    ("procedure_application", "procedure"),
    ("power_of_attorney", "procedure"),
    ("visit_record", "visit"),
    ("dispatch_sheet", "request"),
    ("proxy_service_record", "case"),
    ("letter_register", "year"),
    ("proxy_public_list", "half_year"),
])

#: The forms an application of each kind prints, main form first.
FORMS_BY_KIND: dict[str, tuple[str, ...]] = {
    "pass": ("pass_application", "pass_cards", "worker_roster"),
    "reopening": ("reopening_application", "worker_roster"),
    "procedure": ("procedure_application", "power_of_attorney"),
}

#: Forms that print from a proxy case as well as from a procedure application.
PROXY_FORMS = ("procedure_application", "power_of_attorney")
#: How long a power of attorney printed from a case still open is valid.
ATTORNEY_DAYS = 180

VISIT_KINDS_ZH = {
    "routine": "日常走访", "onsite_office": "现场办公", "reopening_check": "复工复产检查",
    "special_service": "专项服务", "callback": "回访",
}


def _org() -> str:
    """The centre as the county named it: the issuer on passes, the receiving office on
    forms."""
    return county_identity.load().organisation


def font_chain(*, settings_path: str = "") -> FontChain:
    """The font chain forms print with (the settings font first). Any thread."""
    return find_font_chain(settings_path=settings_path or None)


def printable_forms(*, source: str) -> list[str]:
    """Form ids that print from a record of ``source`` (see ``FORM_SOURCES``)."""
    return [form_id for form_id, kind in FORM_SOURCES.items()
            if kind == source or (form_id == "worker_roster" and source in ("pass", "reopening"))]


def may_unmask(form_id: str) -> bool:
    return form_spec(form_id).may_carry_full_id


# -- records to form data --------------------------------------------------------------------

def enterprise_info(rec: Enterprise) -> fd.EnterpriseInfo:
    return fd.EnterpriseInfo(
        name=rec.name, uscc=rec.uscc, town=rec.town, park=rec.park, address=rec.address,
        industry=rec.industry, legal_representative=rec.legal_rep,
        contact_person=rec.contact_name, contact_phone=rec.contact_phone,
        employees=rec.employees)


def worker_entry(rec: Worker) -> fd.WorkerEntry:
    return fd.WorkerEntry(name=rec.name, id_number=rec.id_number, phone=rec.phone,
                          workshop=rec.workshop, post=rec.post, shift=rec.shift,
                          address=rec.address, plate=rec.plate, health=rec.health,
                          travel=rec.travel)


def _enterprise(enterprise_id: str) -> Enterprise:
    rec = Enterprise.get_or_none(Enterprise.id == enterprise_id)
    if rec is None:
        raise NotFound(i18n.translate("Printing", "The enterprise no longer exists."))
    return rec


def _app_workers(app: Application) -> list[Worker]:
    return roster.workers_for_print(enterprise_id=app.enterprise_id,
                                    ids=list(app.worker_ids or []))


def _officer_names(ids: Sequence[str]) -> tuple[str, ...]:
    names = {o.id: o.name for o in Officer.select().where(Officer.id.in_(list(ids)))}
    return tuple(names[i] for i in ids if names.get(i))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def headcount(workers: Sequence[Worker], returning: set[str] | None = None
              ) -> tuple[fd.WorkshopHeadcount, ...]:
    """Head count per workshop: everyone on the roster, and those returning to work."""
    totals: Counter[str] = Counter()
    back: Counter[str] = Counter()
    posts: dict[str, dict[str, None]] = {}
    for w in workers:
        shop = w.workshop or "其他"
        totals[shop] += 1
        if returning is None or w.id in returning:
            back[shop] += 1
        if w.post:
            posts.setdefault(shop, {})[w.post] = None
    return tuple(fd.WorkshopHeadcount(workshop=shop, total=n, returning=back[shop],
                                      posts="、".join(posts.get(shop, {})))
                 for shop, n in sorted(totals.items()))


def _pass_application(app: Application) -> fd.PassApplicationData:
    ent = _enterprise(app.enterprise_id)
    assert app.period_start and app.period_end
    return fd.PassApplicationData(
        enterprise=enterprise_info(ent), period_start=app.period_start,
        period_end=app.period_end, areas=tuple(app.areas or ()),
        workers=tuple(worker_entry(w) for w in _app_workers(app)),
        application_no=app.application_no, reason=str(app.details.get("reason") or ""),
        applied_on=app.applied_on, organisation=_org())


def _pass_cards(app: Application) -> fd.PassCardsData:
    """Cards for the application's active passes; passes are issued first where missing."""
    ent = _enterprise(app.enterprise_id)
    passes = applications.issue_passes(record_id=app.id)
    workers = {w.id: w for w in Worker.select().where(
        Worker.id.in_([p.worker_id for p in passes]))} if passes else {}
    areas = "、".join(app.areas or ())
    cards = []
    for p in passes:
        w = workers[p.worker_id]
        code = pass_checks.code_of(p)
        cards.append(fd.PassCard(
            pass_no=p.pass_no, check_code="", name=w.name,
            enterprise_name=ent.name, valid_from=p.valid_from, valid_to=p.valid_to,
            workshop=w.workshop, post=w.post, id_number=w.id_number, areas=areas,
            plate=w.plate, qr_text=code.text, provisional=code.provisional))
    return fd.PassCardsData(cards=tuple(cards), issuer=_org())


def _roster(record_id: str) -> tuple[fd.WorkerRosterData, str]:
    app = Application.get_or_none((Application.id == record_id)
                                  & (Application.deleted == False))  # noqa: E712
    if app is not None:
        ent = _enterprise(app.enterprise_id)
        workers = _app_workers(app)
    else:
        ent = _enterprise(record_id)
        workers = roster.workers_for_print(enterprise_id=ent.id)
    return (fd.WorkerRosterData(enterprise=enterprise_info(ent),
                                workers=tuple(worker_entry(w) for w in workers),
                                as_of=clock.today()), ent.id)


def _reopening(app: Application) -> fd.ReopeningApplicationData:
    ent = _enterprise(app.enterprise_id)
    everyone = roster.workers_for_print(enterprise_id=ent.id)
    chosen = set(app.worker_ids or [])
    returning = chosen or {w.id for w in everyone}
    details = app.details or {}
    identity = county_identity.load()
    group = identity.county_body("县复工复产工作领导小组")
    assert app.period_start
    return fd.ReopeningApplicationData(
        enterprise=enterprise_info(ent), planned_date=app.period_start,
        headcount=headcount(everyone, returning),
        capacity=str(details.get("capacity") or ""),
        material_needs=tuple(fd.MaterialNeed(item=str(m.get("item") or ""),
                                             quantity=str(m.get("quantity") or ""),
                                             stock=str(m.get("stock") or ""),
                                             note=str(m.get("note") or ""))
                             for m in details.get("materials") or [] if m.get("item")),
        measures=tuple(fd.ChecklistItem(text=str(m.get("text") or ""), done=bool(m.get("done")))
                       for m in details.get("measures") or [] if m.get("text")),
        workers=tuple(worker_entry(w) for w in everyone if w.id in returning),
        application_no=app.application_no, commitment=str(details.get("commitment") or ""),
        # A letter saved to the generic 县… group is addressed to the county's own.
        addressee=identity.county_body(str(details.get("addressee") or "") or group),
        applied_on=app.applied_on, organisation=identity.organisation,
        epidemic_officer=str(details.get("epidemic_officer") or ""),
        epidemic_phone=str(details.get("epidemic_phone") or ""),
        returning_from_outside=_count(details.get("outside_returning")),
        attachments=tuple(str(a) for a in details.get("attachments") or () if str(a).strip()),
        approvers=("属地镇街（园区）意见", "行业主管部门意见", f"{group}意见"))


def _count(value: Any) -> int | None:
    """A head count typed by a person, or None when it is not a whole number."""
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdigit() else None


def _procedure_items(details: dict[str, Any]) -> tuple[fd.ProcedureItem, ...]:
    items = []
    for item in details.get("items") or []:
        if not str(item.get("name") or "").strip():
            continue
        days = item.get("usual_days")
        items.append(fd.ProcedureItem(
            name=str(item["name"]), department=str(item.get("department") or ""),
            documents=tuple(str(d) for d in item.get("documents") or () if d),
            usual_days=int(days) if str(days or "").isdigit() else None,
            status=str(item.get("status") or "")))
    return tuple(items)


def _procedure(app: Application) -> fd.ProcedureApplicationData:
    ent = _enterprise(app.enterprise_id)
    d = app.details or {}
    return fd.ProcedureApplicationData(
        enterprise=enterprise_info(ent), project_name=str(d.get("project_name") or ""),
        items=_procedure_items(d), application_no=app.application_no,
        project_location=str(d.get("project_location") or ""),
        investment=str(d.get("investment") or ""), description=str(d.get("description") or ""),
        officer=str(d.get("officer") or ""), officer_phone=str(d.get("officer_phone") or ""),
        applied_on=app.applied_on, organisation=_org(),
        seal_name=county_identity.load().seal_name)


def _power_of_attorney(app: Application) -> fd.PowerOfAttorneyData:
    ent = _enterprise(app.enterprise_id)
    d = app.details or {}
    agents = tuple(fd.AgentPerson(name=str(a.get("name") or ""),
                                  id_number=str(a.get("id_number") or ""),
                                  phone=str(a.get("phone") or ""),
                                  title=str(a.get("title") or ""))
                   for a in d.get("agents") or [] if a.get("name"))
    today = app.applied_on or clock.today()
    return fd.PowerOfAttorneyData(
        enterprise=enterprise_info(ent),
        agent_organisation=str(d.get("agent_organisation") or "") or _org(),
        agents=agents, project_name=str(d.get("project_name") or ""),
        items=tuple(i.name for i in _procedure_items(d)),
        valid_from=app.period_start or today,
        valid_to=app.period_end or (today + dt.timedelta(days=180)),
        signed_on=None, document_no=app.application_no)


def _proxy_case(record_id: str) -> ProxyCase | None:
    return ProxyCase.get_or_none((ProxyCase.id == record_id)
                                 & (ProxyCase.deleted == False))  # noqa: E712


def _case_sheet(case: ProxyCase) -> tuple[fd.ProxyServiceRecordData, str]:
    """The case as its service record prints it (withdrawn items left out), and the centre."""
    sheet = pc.service_record_data(record_id=case.id)
    withdrawn = pc.ITEM_STATUS_ZH["withdrawn"]
    items = tuple(i for i in sheet.items if i.status != withdrawn)
    organisation = sheet.organisation or _org()
    return dataclasses.replace(sheet, items=items), organisation


def _case_procedure(case: ProxyCase) -> fd.ProcedureApplicationData:
    sheet, organisation = _case_sheet(case)
    return fd.ProcedureApplicationData(
        enterprise=sheet.enterprise, project_name=sheet.project_name, items=sheet.items,
        application_no=case.case_no, project_location=case.project_location,
        officer=sheet.officer, officer_phone=sheet.officer_phone,
        applied_on=case.started_on, organisation=organisation,
        seal_name=county_identity.load().seal_name)


def _case_power_of_attorney(case: ProxyCase) -> fd.PowerOfAttorneyData:
    sheet, organisation = _case_sheet(case)
    # The agent's ID number comes from the officer's own profile, on their own laptop only.
    agents = (fd.AgentPerson(name=sheet.officer, phone=sheet.officer_phone, title="代办员",
                             id_number=account.agent_id_number(officer_id=case.officer_id)),
              ) if sheet.officer else ()
    return fd.PowerOfAttorneyData(
        enterprise=sheet.enterprise, agent_organisation=organisation, agents=agents,
        project_name=sheet.project_name, items=tuple(i.name for i in sheet.items),
        valid_from=case.started_on,
        valid_to=case.finished_on or case.started_on + dt.timedelta(days=ATTORNEY_DAYS),
        signed_on=None, document_no=case.case_no)


def _visit_record(record_id: str) -> tuple[fd.VisitRecordData, str]:
    visit = visits.get(record_id=record_id)
    data = visits.load_input(record_id=record_id)
    ent = _enterprise(visit.enterprise_id)
    officers = _officer_names(data.officer_ids)
    # A follow-up is the visiting officers' to see through: the form names them for it.
    owner = "、".join(officers)
    actions = tuple(fd.FollowUpAction(action=f.text, due=f.due_date, owner=owner)
                    for f in data.follow_ups)
    lines = [ln.strip() for ln in data.problems.splitlines() if ln.strip()]
    people = [p.strip() for p in data.participants.replace("，", "\n").replace("、", "\n")
              .splitlines() if p.strip()]
    record = fd.VisitRecordData(
        enterprise=enterprise_info(ent), visited_at=data.visit_at,
        officers=officers, kind=VISIT_KINDS_ZH.get(data.kind, data.kind),
        place=data.place, participants=tuple(people), summary=data.summary,
        problems=tuple(lines), actions=actions, record_no=visit.id[:8].upper(),
        organisation=_org())
    return record, ent.id


@dataclass(frozen=True)
class Source:
    """What a form is printed from: the record's table, id, enterprise and its data."""

    table: str
    record_id: str
    enterprise_id: str
    data: Any
    #: The document number printed on it (numbered forms only).
    number: document_numbers.Numbered | None = None


def _period(text: str, *, half: bool) -> tuple[int, int]:
    """``2026`` (a year) or ``2026-1`` / ``2026-2`` (a half year) as (year, half)."""
    year_text, _sep, half_text = text.strip().partition("-")
    ok = year_text.isdigit() and len(year_text) == 4 and (
        half_text in ("1", "2") if half else not half_text)
    if not ok:
        raise ServiceError(i18n.translate(
            "Printing", "\u201c{text}\u201d is not a year like 2026.").format(text=text)
            if not half else i18n.translate(
            "Printing", "\u201c{text}\u201d is not a half year like 2026-1 (January to "
            "June) or 2026-2 (July to December).").format(text=text))
    return int(year_text), int(half_text or 0)


def _county_form(form_id: str, record_id: str) -> Source:
    """The four forms of requests and proxy service: from a request, a case or a period.
    A register or a list covers the county: its audit entry names no enterprise."""
    from liaison_app.core.services import proxy_cases
    from liaison_app.core.services import requests as rq

    if form_id == "dispatch_sheet":
        req = rq.get(record_id=record_id)
        return Source("request", req.id, req.enterprise_id,
                      rq.dispatch_sheet_data(record_id=req.id))
    if form_id == "proxy_service_record":
        case = proxy_cases.get(record_id=record_id)
        return Source("proxy_case", case.id, case.enterprise_id,
                      proxy_cases.service_record_data(record_id=case.id))
    if form_id == "letter_register":
        year, _half = _period(record_id, half=False)
        return Source("letter_register", str(year), "", rq.letter_register_data(year=year))
    year, half = _period(record_id, half=True)
    return Source("proxy_public_list", f"{year}-{half}", "",
                  proxy_cases.public_list_data(year=year, half=half))


#: The field of each numbered form's data that carries its document number.
NUMBER_FIELDS = {
    "visit_record": "record_no", "pass_application": "application_no",
    "reopening_application": "application_no", "procedure_application": "application_no",
    "power_of_attorney": "document_no", "dispatch_sheet": "request_no",
    "proxy_service_record": "case_no",
}


def form_data(*, form_id: str, record_id: str) -> Source:
    """The form's plain data for ``record_id``, with its document number: the register
    entry is made on the first print (see ``document_numbers``), so call it on the database
    worker. Raises as ``_source``."""
    source = _source(form_id=form_id, record_id=record_id)
    field = NUMBER_FIELDS.get(form_id)
    if field is None:
        return source
    numbered = document_numbers.number_for(
        series=form_id, record_table=source.table, record_id=source.record_id,
        enterprise_id=source.enterprise_id, prefix=county_identity.load().doc_prefix)
    return dataclasses.replace(source, data=dataclasses.replace(
        source.data, **{field: numbered.text}), number=numbered)


def _source(*, form_id: str, record_id: str) -> Source:
    """The form's plain data for ``record_id``, as the records hold it.

    The procedure application and the power of attorney print from a procedure application
    or from a proxy case (``record_id`` is either).
    Raises ``NotFound`` or ``ServiceError`` (a record that does not print on this form).
    Pass cards issue the application's missing passes first, so call it on the database
    worker.
    """
    kind = FORM_SOURCES.get(form_id)
    if kind is None:
        raise ServiceError(i18n.translate(
            "Printing", "The form \u201c{form}\u201d is not printed from a record here.").format(
            form=form_spec(form_id).title_zh))
    if kind in ("request", "case", "year", "half_year"):
        return _county_form(form_id, record_id)
    if kind == "visit":
        data, ent_id = _visit_record(record_id)
        return Source("visit", record_id, ent_id, data)
    if form_id == "worker_roster":
        data, ent_id = _roster(record_id)
        table = "enterprise" if ent_id == record_id else "application"
        return Source(table, record_id, ent_id, data)
    case = _proxy_case(record_id) if form_id in PROXY_FORMS else None
    if case is not None:
        build = _case_procedure if form_id == "procedure_application" else _case_power_of_attorney
        return Source("proxy_case", case.id, case.enterprise_id, build(case))
    app = applications.get(record_id=record_id)
    if app.kind != kind:
        raise ServiceError(i18n.translate(
            "Printing", "A {kind} does not print on the form \u201c{form}\u201d.").format(
            kind=applications.KIND_LABELS[app.kind], form=form_spec(form_id).title_zh))
    builders = {"pass_application": _pass_application, "pass_cards": _pass_cards,
                "reopening_application": _reopening, "procedure_application": _procedure,
                "power_of_attorney": _power_of_attorney}
    return Source("application", app.id, app.enterprise_id, builders[form_id](app))


@dataclass(frozen=True)
class PrintJob:
    """A built form, ready to be previewed, printed or saved."""

    form_id: str
    record_table: str
    record_id: str
    enterprise_id: str
    unmasked: bool
    pages: int
    fonts: tuple[str, ...]
    #: The document number printed, and whether it is final (else 待编号 until a sync).
    number: str = ""
    number_final: bool = True
    # Pass cards only: (pass number, printed as provisional) of each card, so that the
    # page can later say which provisional cards have since been signed.
    cards: tuple[tuple[str, bool], ...] = ()


def render(*, form_id: str, record_id: str, out: Output, unmasked: bool = False,
           chain: FontChain | None = None) -> PrintJob:
    """Build the PDF of ``form_id`` for ``record_id`` into ``out``. Database worker."""
    if unmasked and not may_unmask(form_id):
        raise ServiceError(i18n.translate(
            "Printing", "The form \u201c{form}\u201d never carries full ID numbers; print it "
            "masked.").format(form=form_spec(form_id).title_zh))
    with database_proxy.atomic():
        source = form_data(form_id=form_id, record_id=record_id)
    with footer_note(account.print_note()):
        result: BuildResult = build_form(form_id, source.data, out=out, unmasked=unmasked,
                                         chain=chain)
    return PrintJob(form_id=form_id, record_table=source.table, record_id=source.record_id,
                    # What the form printed: a full number asked for but not on record is not
                    # logged as printed.
                    enterprise_id=source.enterprise_id, unmasked=result.unmasked,
                    pages=result.pages,
                    fonts=tuple(f.family for f in result.fonts),
                    number=source.number.text if source.number else "",
                    number_final=source.number.final if source.number else True,
                    cards=tuple((c.pass_no, c.provisional) for c in source.data.cards)
                    if isinstance(source.data, fd.PassCardsData) else ())


def record_print(*, job: PrintJob, destination: str) -> AuditEntry:
    """Log that ``job`` was printed ("printer") or saved ("pdf"); a printed draft
    application becomes "printed". Database worker thread."""
    with database_proxy.atomic():
        entry = AuditEntry(
            officer_id=context.current_officer_id(), action="print",
            record_table=job.record_table, record_id=job.record_id,
            enterprise_id=job.enterprise_id, device_time=dt.datetime.now(),
            details={"form": job.form_id, "unmasked": job.unmasked, "pages": job.pages,
                     "destination": destination, "fonts": list(job.fonts),
                     **({"number": job.number} if job.number else {})})
        if job.cards:
            entry.details["cards"] = {
                "provisional": [no for no, provisional in job.cards if provisional],
                "signed": [no for no, provisional in job.cards if not provisional]}
        entry.save(force_insert=True)
        if job.record_table == "application":
            applications.mark_printed(record_id=job.record_id)
    return entry


def print_to_file(*, form_id: str, record_id: str, out: Output, unmasked: bool = False,
                  chain: FontChain | None = None) -> PrintJob:
    """Render and log in one go (the command line). Database worker thread."""
    job = render(form_id=form_id, record_id=record_id, out=out, unmasked=unmasked, chain=chain)
    record_print(job=job, destination="pdf")
    return job


@dataclass(frozen=True)
class PrintLogRow:
    at: dt.datetime
    officer: str
    form_id: str
    unmasked: bool
    destination: str


def print_log(*, record_id: str) -> list[PrintLogRow]:
    """Every logged print of a record, newest first."""
    entries = list(AuditEntry.select().where((AuditEntry.record_id == record_id)
                                             & (AuditEntry.action == "print"))
                   .order_by(AuditEntry.device_time.desc()))
    names = dict(zip([e.officer_id for e in entries],
                     _officer_names([e.officer_id for e in entries]), strict=False))
    return [PrintLogRow(e.device_time, names.get(e.officer_id, ""), str(e.details.get("form")),
                        bool(e.details.get("unmasked")), str(e.details.get("destination")))
            for e in entries]


@dataclass(frozen=True)
class CardToReprint:
    pass_no: str
    name: str


@dataclass(frozen=True)
class ProvisionalCards:
    """An application's pass cards that went out provisional (unsigned), by what to do now.

    ``signed``: the centre has signed the pass since its provisional card was printed:
    print it again and replace the card. ``waiting``: still unsigned: sync first. A card
    counts by its latest print: one reprinted signed is done. Prints logged before cards
    were recorded count as neither.
    """

    signed: tuple[CardToReprint, ...]
    waiting: tuple[CardToReprint, ...]


def provisional_cards(*, record_id: str) -> ProvisionalCards:
    """Which of the application's active passes were last printed on a provisional card."""
    last: dict[str, bool] = {}
    for details in (AuditEntry.select(AuditEntry.details)
                    .where((AuditEntry.record_id == record_id)
                           & (AuditEntry.action == "print"))
                    .order_by(AuditEntry.device_time).tuples()):
        cards = (details[0] or {}).get("cards") or {}
        last.update(dict.fromkeys(cards.get("provisional", ()), True))
        last.update(dict.fromkeys(cards.get("signed", ()), False))
    signed: list[CardToReprint] = []
    waiting: list[CardToReprint] = []
    if any(last.values()):
        query = (IssuedPass.select(IssuedPass.pass_no, IssuedPass.signature, Worker.name)
                 .join(Worker, on=(IssuedPass.worker == Worker.id))
                 .where((IssuedPass.application == record_id) & (IssuedPass.state == "active")
                        & IssuedPass.pass_no.in_([no for no, p in last.items() if p]))
                 .order_by(IssuedPass.pass_no))
        for p in query:
            (signed if p.signature else waiting).append(CardToReprint(p.pass_no, p.worker.name))
    return ProvisionalCards(signed=tuple(signed), waiting=tuple(waiting))


__all__ = [
    "FORMS_BY_KIND",
    "CardToReprint",
    "ProvisionalCards",
    "FORM_SOURCES",
    "PROXY_FORMS",
    "PrintJob",
    "PrintLogRow",
    "Source",
    "enterprise_info",
    "font_chain",
    "form_data",
    "headcount",
    "may_unmask",
    "print_log",
    "print_to_file",
    "provisional_cards",
    "printable_forms",
    "record_print",
    "render",
    "worker_entry",
]
