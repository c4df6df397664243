"""Enterprises: create, edit, soft-delete, list with filters, validate."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

import peewee

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.models import Enterprise
from liaison_app.core.models.fields import json_list_contains
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.core.validation import (
    Finding,
    Severity,
    check_phone,
    check_uscc,
    normalize_code,
    required,
)

LABELS = {
    "name": i18n.translate("Enterprise", "Enterprise name"),
    "uscc": i18n.translate("Enterprise", "Unified social credit code"),
    "town": i18n.translate("Enterprise", "Town/street"),
    "park": i18n.translate("Enterprise", "Park"),
    "address": i18n.translate("Enterprise", "Address"),
    "industry": i18n.translate("Enterprise", "Industry"),
    "is_key": i18n.translate("Enterprise", "Key enterprise"),
    "legal_rep": i18n.translate("Enterprise", "Legal representative"),
    "contact_name": i18n.translate("Enterprise", "Contact person"),
    "contact_phone": i18n.translate("Enterprise", "Contact phone"),
    "employees": i18n.translate("Enterprise", "Employees"),
    "visit_cadence_days": i18n.translate("Enterprise", "Visit every (days)"),
    "notes": i18n.translate("Enterprise", "Notes"),
}


@dataclass
class EnterpriseInput:
    """What a person types into the enterprise form (or an import row)."""

    name: str = ""
    uscc: str = ""
    town: str = ""
    park: str = ""
    address: str = ""
    industry: str = ""
    is_key: bool = False
    legal_rep: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    employees: int | None = None
    officer_ids: list[str] = field(default_factory=list)
    visit_cadence_days: int | None = None
    notes: str = ""

    @classmethod
    def from_record(cls, rec: Enterprise) -> EnterpriseInput:
        return cls(**{f.name: getattr(rec, f.name) for f in fields(cls)})

    def cleaned(self) -> EnterpriseInput:
        values: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            values[f.name] = value.strip() if isinstance(value, str) else value
        values["uscc"] = normalize_code(self.uscc)
        return EnterpriseInput(**values)


def find_by_uscc(uscc: str, *, exclude_id: str | None = None) -> Enterprise | None:
    code = normalize_code(uscc)
    if not code:
        return None
    query = Enterprise.select().where((Enterprise.uscc == code) & (Enterprise.deleted == False))  # noqa: E712
    if exclude_id:
        query = query.where(Enterprise.id != exclude_id)
    return query.first()


@dataclass(frozen=True)
class DuplicateUscc(Finding):
    """A finding that links to the enterprise already holding this code."""

    existing_id: str = ""
    existing_name: str = ""


def validate(data: EnterpriseInput, *, record_id: str | None = None,
             check_duplicates: bool = True) -> list[Finding]:
    data = data.cleaned()
    findings = required(data.name, field="name", label=LABELS["name"])
    findings += check_uscc(data.uscc)
    findings += check_phone(data.contact_phone, field="contact_phone")
    if data.employees is not None and data.employees < 0:
        findings.append(Finding("employees", Severity.ERROR, i18n.translate(
            "Enterprise", "The number of employees cannot be negative.")))
    if data.visit_cadence_days is not None and not 1 <= data.visit_cadence_days <= 366:
        findings.append(Finding("visit_cadence_days", Severity.ERROR, i18n.translate(
            "Enterprise", "The visit interval must be between 1 and 366 days.")))
    if check_duplicates and data.uscc and not any(f.field == "uscc" and f.is_error
                                                   for f in findings):
        existing = find_by_uscc(data.uscc, exclude_id=record_id)
        if existing is not None:
            findings.append(DuplicateUscc(
                "uscc", Severity.ERROR,
                i18n.translate("Enterprise",
                               "{name} already has this credit code.").format(
                    name=existing.name),
                existing_id=existing.id, existing_name=existing.name))
    return findings


def _raise_unless_ok(findings: list[Finding], *, confirm_warnings: bool) -> None:
    if any(f.is_error for f in findings) or (findings and not confirm_warnings):
        raise ValidationFailed(findings)


def create(*, data: EnterpriseInput, confirm_warnings: bool = False) -> Enterprise:
    """Validate and save a new enterprise. Database worker thread."""
    data = data.cleaned()
    with database_proxy.atomic():
        _raise_unless_ok(validate(data), confirm_warnings=confirm_warnings)
        rec = Enterprise(**vars(data))
        rec.save(force_insert=True)
    return rec


def update(*, record_id: str, data: EnterpriseInput,
           confirm_warnings: bool = False) -> Enterprise:
    data = data.cleaned()
    with database_proxy.atomic():
        rec = get(record_id=record_id)
        _raise_unless_ok(validate(data, record_id=record_id), confirm_warnings=confirm_warnings)
        for name, value in vars(data).items():
            if getattr(rec, name) != value:
                setattr(rec, name, value)
        rec.save()
    return rec


def get(*, record_id: str) -> Enterprise:
    rec = Enterprise.get_or_none(Enterprise.id == record_id)
    if rec is None:
        raise NotFound(i18n.translate("Enterprise", "This enterprise no longer exists."))
    return rec


def soft_delete(*, record_id: str) -> None:
    get(record_id=record_id).soft_delete()


def undelete(*, record_id: str) -> None:
    rec = get(record_id=record_id)
    if find_by_uscc(rec.uscc, exclude_id=rec.id) is not None:
        raise ValidationFailed([Finding("uscc", Severity.ERROR, i18n.translate(
            "Enterprise", "Another enterprise now has this credit code; it cannot be restored."
        ))])
    rec.restore()


@dataclass
class EnterpriseFilter:
    text: str = ""
    town: str = ""
    park: str = ""
    industry: str = ""
    key_only: bool = False
    officer_id: str = ""


def _filtered(flt: EnterpriseFilter) -> peewee.ModelSelect:
    query = Enterprise.select().where(Enterprise.deleted == False)  # noqa: E712
    if flt.town:
        query = query.where(Enterprise.town == flt.town)
    if flt.park:
        query = query.where(Enterprise.park == flt.park)
    if flt.industry:
        query = query.where(Enterprise.industry == flt.industry)
    if flt.key_only:
        query = query.where(Enterprise.is_key == True)  # noqa: E712
    if flt.officer_id:
        query = query.where(json_list_contains(Enterprise.officer_ids, flt.officer_id))
    if flt.text.strip():
        needle = flt.text.strip()
        query = query.where(Enterprise.name.contains(needle) | Enterprise.uscc.contains(
            normalize_code(needle)) | Enterprise.contact_name.contains(needle))
    return query


def list_enterprises(*, flt: EnterpriseFilter | None = None, offset: int = 0,
                     limit: int = 500) -> list[Enterprise]:
    query = _filtered(flt or EnterpriseFilter())
    return list(query.order_by(Enterprise.town, Enterprise.name).offset(offset).limit(limit))


def count_enterprises(*, flt: EnterpriseFilter | None = None) -> int:
    return _filtered(flt or EnterpriseFilter()).count()


def filter_choices() -> dict[str, list[str]]:
    """Distinct towns, parks and industries for the filter boxes."""
    out: dict[str, list[str]] = {}
    for name in ("town", "park", "industry"):
        column = getattr(Enterprise, name)
        rows = (Enterprise.select(column).where((Enterprise.deleted == False)  # noqa: E712
                                                & (column != "")).distinct().order_by(column))
        out[name] = [getattr(r, name) for r in rows]
    return out


def names_by_id(ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = Enterprise.select(Enterprise.id, Enterprise.name).where(Enterprise.id.in_(ids))
    return {r.id: r.name for r in rows}
