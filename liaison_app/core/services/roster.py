"""The worker roster of an enterprise: add, edit, remove, list (masked) and count.

Lists leave this module with ID and phone numbers already masked, so a screen cannot show a
full number by accident; only ``workers_for_print`` hands out full records, to the printing
service, which decides per form what is printed.

Database worker thread for writes; reads are quick enough for any thread.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import peewee

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.masking import mask_id_number, mask_phone
from liaison_app.core.models import Enterprise, Worker
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.core.validation import (
    Finding,
    Severity,
    check_phone,
    check_resident_id,
    normalize_code,
    normalize_phone,
    required,
)

LABELS = {
    "name": i18n.translate("Worker", "Name"),
    "id_number": i18n.translate("Worker", "ID number"),
    "phone": i18n.translate("Worker", "Mobile phone"),
    "workshop": i18n.translate("Worker", "Workshop"),
    "post": i18n.translate("Worker", "Post"),
    "shift": i18n.translate("Worker", "Shift"),
    "address": i18n.translate("Worker", "Home address"),
    "home_town": i18n.translate("Worker", "Town of residence"),
    "plate": i18n.translate("Worker", "Vehicle plate"),
    "health": i18n.translate("Worker", "Health declaration"),
    "travel": i18n.translate("Worker", "Travel declaration"),
    "notes": i18n.translate("Worker", "Notes"),
}


@dataclass
class WorkerInput:
    """What a person types into the worker form (or one row of a roster file)."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    workshop: str = ""
    post: str = ""
    shift: str = ""
    address: str = ""
    home_town: str = ""
    plate: str = ""
    health: str = ""
    travel: str = ""
    notes: str = ""

    @classmethod
    def from_record(cls, rec: Worker) -> WorkerInput:
        return cls(**{f.name: getattr(rec, f.name) for f in fields(cls)})

    def cleaned(self) -> WorkerInput:
        values: dict[str, Any] = {f.name: str(getattr(self, f.name) or "").strip()
                                  for f in fields(self)}
        values["id_number"] = normalize_code(values["id_number"])
        values["plate"] = normalize_code(values["plate"])
        if values["phone"] and not check_phone(values["phone"], allow_landline=False):
            values["phone"] = normalize_phone(values["phone"])
        return WorkerInput(**values)


@dataclass(frozen=True)
class DuplicateWorker(Finding):
    """A finding that links to the worker already holding this ID number."""

    existing_id: str = ""
    existing_name: str = ""


def validate(data: WorkerInput, *, enterprise_id: str, record_id: str | None = None,
             check_duplicates: bool = True) -> list[Finding]:
    """The rules of the worker form; an import runs the same ones on every row."""
    data = data.cleaned()
    findings = required(data.name, field="name", label=LABELS["name"])
    findings += required(data.id_number, field="id_number", label=LABELS["id_number"])
    findings += check_resident_id(data.id_number)
    findings += check_phone(data.phone, allow_landline=False)
    if check_duplicates and data.id_number and not any(
            f.field == "id_number" for f in findings):
        query = Worker.select(Worker.id, Worker.name).where(
            (Worker.enterprise == enterprise_id) & (Worker.id_number == data.id_number)
            & (Worker.deleted == False))  # noqa: E712
        if record_id:
            query = query.where(Worker.id != record_id)
        existing = query.first()
        if existing is not None:
            findings.append(DuplicateWorker(
                "id_number", Severity.ERROR,
                i18n.translate("Worker", "{name} on this roster already has this ID number."
                               ).format(name=existing.name),
                existing_id=existing.id, existing_name=existing.name))
    return findings


def _raise_unless_ok(findings: list[Finding], *, confirm_warnings: bool) -> None:
    if any(f.is_error for f in findings) or (findings and not confirm_warnings):
        raise ValidationFailed(findings)


def require_enterprise(enterprise_id: str) -> None:
    if not Enterprise.select().where((Enterprise.id == enterprise_id)
                                     & (Enterprise.deleted == False)).exists():  # noqa: E712
        raise NotFound(i18n.translate("Worker", "The enterprise of this roster no longer exists."))


def create(*, enterprise_id: str, data: WorkerInput, confirm_warnings: bool = False) -> Worker:
    """Validate and add a worker to the roster. Database worker thread."""
    data = data.cleaned()
    with database_proxy.atomic():
        require_enterprise(enterprise_id)
        _raise_unless_ok(validate(data, enterprise_id=enterprise_id),
                         confirm_warnings=confirm_warnings)
        rec = Worker(enterprise=enterprise_id, **vars(data))
        rec.save(force_insert=True)
    return rec


def apply_input(rec: Worker, data: WorkerInput, *, only: set[str] | None = None) -> bool:
    """Copy changed values (of the fields in ``only``, default all) onto ``rec``; True when
    anything changed."""
    changed = False
    for name, value in vars(data).items():
        if only is not None and name not in only:
            continue
        if getattr(rec, name) != value:
            setattr(rec, name, value)
            changed = True
    return changed


def update(*, record_id: str, data: WorkerInput, confirm_warnings: bool = False) -> Worker:
    """Validate and save an edited worker. Database worker thread."""
    data = data.cleaned()
    with database_proxy.atomic():
        rec = get(record_id=record_id)
        _raise_unless_ok(validate(data, enterprise_id=rec.enterprise_id, record_id=record_id),
                         confirm_warnings=confirm_warnings)
        if apply_input(rec, data):
            rec.save()
    return rec


def get(*, record_id: str) -> Worker:
    rec = Worker.get_or_none(Worker.id == record_id)
    if rec is None:
        raise NotFound(i18n.translate("Worker", "This worker is no longer on the roster."))
    return rec


def load_input(*, record_id: str) -> WorkerInput:
    return WorkerInput.from_record(get(record_id=record_id))


def soft_delete(*, record_id: str) -> None:
    get(record_id=record_id).soft_delete()


def undelete(*, record_id: str) -> None:
    rec = get(record_id=record_id)
    findings = validate(WorkerInput.from_record(rec), enterprise_id=rec.enterprise_id,
                        record_id=rec.id)
    _raise_unless_ok([f for f in findings if isinstance(f, DuplicateWorker)],
                     confirm_warnings=False)
    rec.restore()


# -- lists and counts ------------------------------------------------------------------------

@dataclass(frozen=True)
class WorkerRow:
    """One line of a roster list, numbers masked."""

    id: str
    name: str
    id_masked: str
    phone_masked: str
    workshop: str
    post: str
    shift: str
    home_town: str


@dataclass
class WorkerFilter:
    text: str = ""
    workshop: str = ""
    post: str = ""
    shift: str = ""


def _live(enterprise_id: str) -> peewee.Expression:
    return (Worker.enterprise == enterprise_id) & (Worker.deleted == False)  # noqa: E712


def _filtered(enterprise_id: str, flt: WorkerFilter | None) -> peewee.ModelSelect:
    query = Worker.select(Worker.id, Worker.name, Worker.id_number, Worker.phone,
                          Worker.workshop, Worker.post, Worker.shift,
                          Worker.home_town).where(_live(enterprise_id))
    flt = flt or WorkerFilter()
    for name in ("workshop", "post", "shift"):
        value = getattr(flt, name)
        if value:
            query = query.where(getattr(Worker, name) == value)
    text = flt.text.strip()
    if text:
        # The full ID is searchable by its last digits only, as people read them off a card.
        query = query.where(Worker.name.contains(text) | Worker.id_number.endswith(
            normalize_code(text)))
    return query


def list_workers(*, enterprise_id: str, flt: WorkerFilter | None = None, offset: int = 0,
                 limit: int = 5000) -> list[WorkerRow]:
    """Workers ordered by workshop, post and name, with masked numbers."""
    query = (_filtered(enterprise_id, flt)
             .order_by(Worker.workshop, Worker.post, Worker.name, Worker.id)
             .offset(offset).limit(limit))
    return [WorkerRow(wid, name, mask_id_number(idn), mask_phone(phone), shop, post, shift,
                      town)
            for wid, name, idn, phone, shop, post, shift, town in query.tuples()]


def count_workers(*, enterprise_id: str, flt: WorkerFilter | None = None) -> int:
    return _filtered(enterprise_id, flt).count()


@dataclass(frozen=True)
class RosterCounts:
    total: int
    by_workshop: list[tuple[str, int]] = field(default_factory=list)
    by_post: list[tuple[str, int]] = field(default_factory=list)
    by_shift: list[tuple[str, int]] = field(default_factory=list)


def _grouped(enterprise_id: str, column: peewee.Field) -> list[tuple[str, int]]:
    query = (Worker.select(column, peewee.fn.COUNT(Worker.id))
             .where(_live(enterprise_id)).group_by(column)
             .order_by(peewee.fn.COUNT(Worker.id).desc(), column))
    return [(value or "", n) for value, n in query.tuples()]


def counts(*, enterprise_id: str) -> RosterCounts:
    """Head counts by workshop, post and shift (an empty name: not given)."""
    total = Worker.select().where(_live(enterprise_id)).count()
    return RosterCounts(total=total, by_workshop=_grouped(enterprise_id, Worker.workshop),
                        by_post=_grouped(enterprise_id, Worker.post),
                        by_shift=_grouped(enterprise_id, Worker.shift))


def worker_ids(*, enterprise_id: str, workshops: Iterable[str] = (),
               posts: Iterable[str] = ()) -> list[str]:
    """Workers of the given workshops and/or posts (both empty: everyone), roster order."""
    query = Worker.select(Worker.id).where(_live(enterprise_id))
    workshops, posts = list(workshops), list(posts)
    if workshops:
        query = query.where(Worker.workshop.in_(workshops))
    if posts:
        query = query.where(Worker.post.in_(posts))
    query = query.order_by(Worker.workshop, Worker.post, Worker.name, Worker.id)
    return [wid for (wid,) in query.tuples()]


def workers_for_print(*, enterprise_id: str, ids: Sequence[str] | None = None) -> list[Worker]:
    """Full worker records in roster order (all live ones when ``ids`` is None).

    For the printing service only: these carry full numbers.
    """
    query = Worker.select().where(_live(enterprise_id))
    if ids is not None:
        wanted = list(ids)
        found: dict[str, Worker] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update({w.id: w for w in query.where(Worker.id.in_(chunk))})
        return sorted(found.values(), key=lambda w: (w.workshop, w.post, w.name, w.id))
    return list(query.order_by(Worker.workshop, Worker.post, Worker.name, Worker.id))


def ids_by_number(*, enterprise_id: str, numbers: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Live workers by normalised ID number: number -> (worker id, name)."""
    wanted = list(dict.fromkeys(numbers))
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        query = Worker.select(Worker.id, Worker.name, Worker.id_number).where(
            _live(enterprise_id) & Worker.id_number.in_(chunk))
        for wid, name, number in query.tuples():
            out[number] = (wid, name)
    return out


def choices(*, enterprise_id: str) -> dict[str, list[str]]:
    """Distinct workshops, posts and shifts for filters and selection."""
    c = counts(enterprise_id=enterprise_id)
    return {"workshop": sorted(n for n, _ in c.by_workshop if n),
            "post": sorted(n for n, _ in c.by_post if n),
            "shift": sorted(n for n, _ in c.by_shift if n)}
