"""Printing for satisfaction evaluation: a round's 满意度测评表 and its 测评结果通报.

The sheets are pre-filled for each invited enterprise and each evaluated unit (the
enterprises this device holds: an officer prints those assigned to them), with a QR code that
identifies round and sheet. Every print is logged like any form (who, when, which round).
Building runs on any worker thread; ``record_print`` writes, on the database worker.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from liaison_app.core import clock, context, i18n, scoring
from liaison_app.core.db import database_proxy
from liaison_app.core.models import AuditEntry, Enterprise
from liaison_app.core.services import county_identity
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.services.officers import LIAISON, current_role
from liaison_app.forms import data as fd
from liaison_app.forms.registry import build_form
from liaison_app.forms.toolkit import FontChain, Output


def sheets_data(*, round_id: str, enterprise_ids: Sequence[str] | None = None,
                units: Sequence[str] | None = None) -> fd.SatisfactionSheetsData:
    """The sheets of a round as the form prints them: for each invited enterprise (or those
    given) each evaluated unit (or those given), by town, enterprise and unit order."""
    rnd = ev.get_round(record_id=round_id)
    wire = rnd.wire_fields()
    dims = scoring.dimensions(wire)
    sc = scoring.scale(wire)
    names = ev.unit_names()
    wanted = list(rnd.invited or [])
    if enterprise_ids is not None:
        chosen = set(enterprise_ids)
        wanted = [e for e in wanted if e in chosen]
    query = Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.uscc,
                              Enterprise.town).where(Enterprise.id.in_(wanted)
                                                     & (Enterprise.deleted == False))  # noqa: E712
    if current_role() == LIAISON:
        query = query.where(ev.officer_enterprises())
    ents = sorted(query, key=lambda e: (e.town, e.name))
    unit_keys = [u for u in (rnd.units or []) if units is None or u in units]
    sheets = []
    for ent in ents:
        for unit in unit_keys:
            payload = ev.sheet_payload(round_id=rnd.id, enterprise_id=ent.id, unit=unit)
            sheets.append(fd.SatisfactionSheet(
                enterprise=ent.name, unit=names.get(unit, unit), qr_payload=payload,
                sheet_no=payload.rsplit("|", 1)[1][:8].upper(), uscc=ent.uscc, town=ent.town))
    return fd.SatisfactionSheetsData(
        round_name=rnd.name, held_on=rnd.held_on,
        dimensions=tuple((d.label, d.weight) for d in dims), scale_kind=sc.kind,
        scale_max=sc.max, levels=sc.levels, sheets=tuple(sheets), anonymous=rnd.anonymous,
        organisation=county_identity.load().organisation)


@dataclass(frozen=True)
class EvaluationPrint:
    form_id: str
    round_id: str
    pages: int
    sheets: int
    fonts: tuple[str, ...]
    #: Never: the sheets and the report carry no ID numbers (the preview asks).
    unmasked: bool = False
    #: Unnumbered forms (the preview reads these of every print job).
    number: str = ""
    number_final: bool = True


def render_sheets(*, round_id: str, out: Output, enterprise_ids: Sequence[str] | None = None,
                  units: Sequence[str] | None = None,
                  chain: FontChain | None = None) -> EvaluationPrint:
    """Build the round's sheets into ``out`` (a file or a buffer for the preview)."""
    data = sheets_data(round_id=round_id, enterprise_ids=enterprise_ids, units=units)
    if not data.sheets:
        raise ServiceError(i18n.translate(
            "Evaluation", "There is no sheet to print: the round invites none of the "
                          "enterprises on this computer, or evaluates no unit."))
    result = build_form("satisfaction_sheet", data, out=out, chain=chain)
    return EvaluationPrint("satisfaction_sheet", round_id, result.pages, len(data.sheets),
                           tuple(f.family for f in result.fonts))


def invitations_data(*, round_id: str, links: Sequence[tuple[str, str]]
                     ) -> fd.PhoneInvitationsData:
    """The phone invitations of ``links`` ((enterprise id, link) as the server issued
    them), by town and enterprise name. Any thread."""
    rnd = ev.get_round(record_id=round_id)
    names = ev.unit_names()
    url_of = dict(links)
    ents = Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.town).where(
        Enterprise.id.in_(list(url_of)))
    invitations = tuple(fd.PhoneInvitation(enterprise=e.name, url=url_of[e.id], town=e.town)
                        for e in sorted(ents, key=lambda e: (e.town, e.name)))
    return fd.PhoneInvitationsData(
        round_name=rnd.name, held_on=rnd.held_on,
        units=tuple(names.get(u, u) for u in rnd.units or []), invitations=invitations,
        anonymous=rnd.anonymous, organisation=names[scoring.CENTRE_UNIT])


def render_phone_invitations(*, round_id: str, links: Sequence[tuple[str, str]], out: Output,
                             chain: FontChain | None = None) -> EvaluationPrint:
    """Build the phone invitations of ``links`` into ``out`` (the links are printed, never
    stored: the log records how many)."""
    data = invitations_data(round_id=round_id, links=links)
    if not data.invitations:
        raise ServiceError(i18n.translate(
            "Evaluation", "There is no phone link to print: issue the links first."))
    result = build_form("phone_invitations", data, out=out, chain=chain)
    return EvaluationPrint("phone_invitations", round_id, result.pages, len(data.invitations),
                           tuple(f.family for f in result.fonts))


def render_report(*, round_id: str, out: Output, chain: FontChain | None = None,
                  issued_on: dt.date | None = None) -> EvaluationPrint:
    """Build the round's 测评结果通报 into ``out``."""
    import dataclasses

    data = er.report_data(round_id=round_id)
    data = dataclasses.replace(data, issued_on=issued_on or clock.today())
    result = build_form("evaluation_report", data, out=out, chain=chain)
    return EvaluationPrint("evaluation_report", round_id, result.pages, 0,
                           tuple(f.family for f in result.fonts))


def record_print(*, job: EvaluationPrint, destination: str) -> AuditEntry:
    """Log that ``job`` was printed ("printer") or saved ("pdf"). Database worker."""
    with database_proxy.atomic():
        entry = AuditEntry(
            officer_id=context.current_officer_id(), action="print",
            record_table="evaluation_round", record_id=job.round_id,
            device_time=dt.datetime.now(),
            details={"form": job.form_id, "pages": job.pages, "sheets": job.sheets,
                     "destination": destination, "fonts": list(job.fonts)})
        entry.save(force_insert=True)
    return entry


FORMS = ("satisfaction_sheet", "evaluation_report")


def print_to_file(*, form_id: str, round_id: str, out: Output,
                  chain: FontChain | None = None) -> EvaluationPrint:
    """Render and log in one go (the command line). Database worker thread."""
    if form_id == "satisfaction_sheet":
        job = render_sheets(round_id=round_id, out=out, chain=chain)
    else:
        job = render_report(round_id=round_id, out=out, chain=chain)
    record_print(job=job, destination="pdf")
    return job
