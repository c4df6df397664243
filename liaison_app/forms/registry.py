"""The list of printable forms: id, titles, input type, and whether full ID numbers may print.

The GUI and the command line list forms from here and build them through ``build_form``, which
refuses an unmasked print on a form that must never carry full numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from . import (
    daily_summary,
    dispatch_sheet,
    evaluation_report,
    letter_register,
    pass_application,
    pass_cards,
    power_of_attorney,
    procedure_application,
    proxy_public_list,
    proxy_service_record,
    reopening_application,
    satisfaction_sheet,
    visit_record,
    worker_roster,
)
from . import data as d
from .toolkit import BuildResult, FontChain, Output

__all__ = ["FORMS", "FormSpec", "build_form", "form_spec"]


@dataclass(frozen=True)
class FormSpec:
    form_id: str
    title_zh: str
    title_en: str
    data_type: type
    #: True when the authority may require full ID numbers on this form; the caller then
    #: may pass ``unmasked=True`` and must audit it. Lists and passes never qualify.
    may_carry_full_id: bool
    build: Callable[..., BuildResult]


def _spec(module: ModuleType, title_en: str, data_type: type, full_id: bool) -> FormSpec:
    return FormSpec(
        form_id=module.FORM_ID,
        title_zh=module.TITLE,
        title_en=title_en,
        data_type=data_type,
        may_carry_full_id=full_id,
        build=module.build,
    )


FORMS: tuple[FormSpec, ...] = (
    _spec(visit_record, "Visit record sheet", d.VisitRecordData, False),
    _spec(worker_roster, "Worker roster", d.WorkerRosterData, True),
    _spec(pass_application, "Worker-pass application", d.PassApplicationData, True),
    _spec(pass_cards, "Worker passes", d.PassCardsData, False),
    _spec(reopening_application, "Reopening application", d.ReopeningApplicationData, True),
    _spec(procedure_application, "Procedure application", d.ProcedureApplicationData, False),
    _spec(power_of_attorney, "Power of attorney", d.PowerOfAttorneyData, True),
    _spec(dispatch_sheet, "Problem dispatch sheet", d.DispatchSheetData, False),
    _spec(proxy_service_record, "Proxy service record", d.ProxyServiceRecordData, False),
    _spec(proxy_public_list, "Proxy handling public list", d.ProxyPublicListData, False),
    _spec(letter_register, "Direct-channel letter register", d.LetterRegisterData, False),
    _spec(daily_summary, "Daily report summary", d.DailySummaryData, False),
    _spec(satisfaction_sheet, "Satisfaction sheets", d.SatisfactionSheetsData, False),
    _spec(evaluation_report, "Satisfaction results report", d.EvaluationReportData, False),
)

_BY_ID = {spec.form_id: spec for spec in FORMS}


def form_spec(form_id: str) -> FormSpec:
    """The spec for ``form_id``; KeyError names the known forms."""
    try:
        return _BY_ID[form_id]
    except KeyError:
        raise KeyError(f"unknown form {form_id!r}; known: {', '.join(_BY_ID)}") from None


def build_form(
    form_id: str,
    data: Any,
    *,
    out: Output,
    unmasked: bool = False,
    chain: FontChain | None = None,
) -> BuildResult:
    """Build any form by id. Raises ValueError for a wrong data type or a forbidden unmasked
    print. Call from a background thread; record the returned result in the audit log."""
    spec = form_spec(form_id)
    if not isinstance(data, spec.data_type):
        raise ValueError(f"{form_id} needs {spec.data_type.__name__}, not {type(data).__name__}")
    if unmasked and not spec.may_carry_full_id:
        raise ValueError(f"{form_id} never prints full ID numbers")
    if unmasked:
        return spec.build(data, out=out, unmasked=True, chain=chain)
    return spec.build(data, out=out, chain=chain)
