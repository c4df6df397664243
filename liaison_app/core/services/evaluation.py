"""Satisfaction evaluation (测评): rounds, their invitations, and entering score sheets.

Who may do what (``officers.current_role()``): the centre defines, opens and closes rounds
and may enter any sheet; a liaison officer enters the sheets of the enterprises assigned to
them; a viewer reads results only. The checks of a sheet against its round are those of
``liaison_app.core.scoring``, which the server applies to pushed sheets too.

A sheet's id is derived from round, enterprise and unit (``sheet_id``), so entering the
same returned sheet twice finds the first one: the officer is told and offered to open it
(or, in an anonymous round, where nobody may look an enterprise's scores up, to replace it).

Reads run on any thread; writes on the database worker (or the CLI's only thread).
"""
from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import peewee

from liaison_app.core import context, i18n, scoring
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.models.departments import Department
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet, sheet_id
from liaison_app.core.models.fields import json_list_contains
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from liaison_app.core.services.officers import CENTRE, LIAISON, VIEWER, current_role
from liaison_app.core.validation import Finding, Severity, required

CENTRE_UNIT = scoring.CENTRE_UNIT
#: The centre's name on paper when the directory has no centre entry.
CENTRE_NAME = "县企业服务中心"
#: Highest top of a points scale and most levels a round may have (a sheet must fit a page).
MAX_POINTS = 1000
MAX_DIMENSIONS = 12
MAX_LEVELS = 7

STATUS_LABELS: dict[str, Message] = {
    "draft": i18n.translate("Evaluation", "Being prepared"),
    "open": i18n.translate("Evaluation", "Open for scoring"),
    "closed": i18n.translate("Evaluation", "Closed"),
}
METHOD_LABELS: dict[str, Message] = {
    "paper": i18n.translate("Evaluation", "Paper sheet"),
    "phone": i18n.translate("Evaluation", "Phone"),
    "in_person": i18n.translate("Evaluation", "In person"),
}
NOT_APPLICABLE = i18n.translate("Evaluation", "n/a")


# -- units -----------------------------------------------------------------------------------
def unit_names() -> dict[str, str]:
    """Unit key -> name: the centre and every department of the directory (deleted ones
    too, so an old round still names what it evaluated). Any thread."""
    names = {CENTRE_UNIT: CENTRE_NAME}
    for dep_id, name, kind, deleted in Department.select(
            Department.id, Department.name, Department.kind, Department.deleted).tuples():
        if kind == "centre" and not deleted:
            names[CENTRE_UNIT] = name
        names[dep_id] = name
    return names


def unit_choices() -> list[tuple[str, str]]:
    """(key, name) of the units a round may evaluate: the centre, then the directory's live
    departments in its order (its own centre entry is the centre unit)."""
    names = unit_names()
    out = [(CENTRE_UNIT, names[CENTRE_UNIT])]
    query = (Department.select(Department.id, Department.name)
             .where((Department.deleted == False) & (Department.active == True)  # noqa: E712
                    & (Department.kind != "centre"))
             .order_by(Department.position, Department.name))
    out += [(d.id, d.name) for d in query]
    return out


# -- rounds ----------------------------------------------------------------------------------
@dataclass
class InviteRule:
    """Which enterprises a round invites: everyone or chosen towns, optionally key
    enterprises only, plus enterprises added and minus those removed by hand."""

    everyone: bool = False
    towns: list[str] = field(default_factory=list)
    key_only: bool = False
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_wire(self) -> dict[str, Any]:
        return {"everyone": self.everyone, "towns": list(self.towns), "key_only": self.key_only,
                "added": list(self.added), "removed": list(self.removed)}

    @classmethod
    def from_wire(cls, data: Mapping[str, Any] | None) -> InviteRule:
        data = data or {}

        def strings(name: str) -> list[str]:
            value = data.get(name)
            return [str(v) for v in value] if isinstance(value, list) else []

        return cls(everyone=bool(data.get("everyone")), towns=strings("towns"),
                   key_only=bool(data.get("key_only")), added=strings("added"),
                   removed=strings("removed"))


@dataclass
class RoundInput:
    name: str = ""
    held_on: dt.date | None = None
    units: list[str] = field(default_factory=lambda: [CENTRE_UNIT])
    invite: InviteRule = field(default_factory=InviteRule)
    dimensions: list[dict[str, Any]] = field(
        default_factory=lambda: [dict(d) for d in scoring.DEFAULT_DIMENSIONS])
    scale: dict[str, Any] = field(default_factory=lambda: dict(scoring.DEFAULT_SCALE))
    anonymous: bool = False
    phone_enabled: bool = False
    notes: str = ""

    @classmethod
    def from_record(cls, rec: EvaluationRound) -> RoundInput:
        wire = round_wire(rec)
        return cls(name=rec.name, held_on=rec.held_on, units=list(rec.units or []),
                   invite=InviteRule.from_wire(rec.invite_rule),
                   dimensions=[{"key": d.key, "label": d.label, "weight": d.weight}
                               for d in scoring.dimensions(wire)],
                   scale=dict(rec.scale or scoring.DEFAULT_SCALE), anonymous=rec.anonymous,
                   phone_enabled=rec.phone_enabled, notes=rec.notes)


def new_dimension_key(existing: Iterable[str]) -> str:
    """A key for a dimension added by hand; never reused within the round."""
    taken = set(existing)
    while True:
        key = "d" + uuid.uuid4().hex[:7]
        if key not in taken:
            return key


def levels_scale(levels: Sequence[tuple[str, float]] | None = None) -> dict[str, Any]:
    """A levels scale (非常满意 100 … 非常不满意 20 unless given)."""
    pairs = levels or [(str(v["label"]), v["points"]) for v in scoring.DEFAULT_LEVELS]
    return {"kind": "levels", "levels": [{"label": label, "points": points}
                                         for label, points in pairs]}


def round_wire(rec: EvaluationRound) -> dict[str, Any]:
    """The round as the wire carries it, for the rules in ``scoring``."""
    return rec.wire_fields()


def _is_number(value: Any) -> bool:
    return (not isinstance(value, bool) and isinstance(value, (int, float))
            and math.isfinite(value))


def _check_dimensions(dims: Sequence[Mapping[str, Any]]) -> list[Finding]:
    findings: list[Finding] = []
    if not dims:
        findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
            "Evaluation", "A round needs at least one dimension to score.")))
    if len(dims) > MAX_DIMENSIONS:
        findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
            "Evaluation", "A sheet holds at most {n} dimensions.").format(n=MAX_DIMENSIONS)))
    keys: set[str] = set()
    labels: set[str] = set()
    for d in dims:
        label = str(d.get("label") or "").strip()
        if not label:
            findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
                "Evaluation", "Every dimension needs a name.")))
        elif label in labels:
            findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
                "Evaluation", "The dimension “{label}” is listed twice.").format(label=label)))
        elif len(label) > 40:
            findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
                "Evaluation", "The dimension name “{label}” is longer than 40 characters."
            ).format(label=label[:40])))
        labels.add(label)
        key = d.get("key")
        if not isinstance(key, str) or not key or key in keys:
            findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
                "Evaluation", "Dimension keys must be unique.")))
        keys.add(str(key))
        weight = d.get("weight")
        if not _is_number(weight) or weight <= 0 or weight > 100:
            findings.append(Finding("dimensions", Severity.ERROR, i18n.translate(
                "Evaluation", "The weight of “{label}” must be a number above 0 and up to 100."
            ).format(label=label)))
    return findings


def _check_scale(sc: Mapping[str, Any]) -> list[Finding]:
    kind = sc.get("kind")
    if kind == "points":
        top = sc.get("max")
        if not _is_number(top) or not 0 < top <= MAX_POINTS:
            return [Finding("scale", Severity.ERROR, i18n.translate(
                "Evaluation", "The top score must be a number above 0 and up to {max}.").format(
                max=MAX_POINTS))]
        return []
    if kind == "levels":
        levels = sc.get("levels") or []
        if not 2 <= len(levels) <= MAX_LEVELS:
            return [Finding("scale", Severity.ERROR, i18n.translate(
                "Evaluation", "A scale of levels has from 2 to {n} levels.").format(
                n=MAX_LEVELS))]
        labels = [str(v.get("label") or "").strip() for v in levels]
        points = [v.get("points") for v in levels]
        if not all(labels) or len(set(labels)) != len(labels):
            return [Finding("scale", Severity.ERROR, i18n.translate(
                "Evaluation", "Every level needs its own name."))]
        if not all(_is_number(p) and 0 <= p <= MAX_POINTS for p in points) or len(
                set(points)) != len(points) or max(points) <= 0:
            return [Finding("scale", Severity.ERROR, i18n.translate(
                "Evaluation", "Every level needs its own points, from 0 to {max}.").format(
                max=MAX_POINTS))]
        return []
    return [Finding("scale", Severity.ERROR, i18n.translate(
        "Evaluation", "Choose the scale: points or levels."))]


def validate_round(data: RoundInput) -> list[Finding]:
    findings = required(data.name, field="name", label=i18n.translate("Evaluation", "Name"))
    if len(data.name.strip()) > 120:
        findings.append(Finding("name", Severity.ERROR, i18n.translate(
            "Evaluation", "The name is longer than 120 characters.")))
    if data.held_on is None:
        findings += required(None, field="held_on",
                             label=i18n.translate("Evaluation", "Date"))
    if not data.units:
        findings.append(Finding("units", Severity.ERROR, i18n.translate(
            "Evaluation", "Choose what is evaluated: the centre and/or departments.")))
    known = unit_names()
    if any(u not in known for u in data.units):
        findings.append(Finding("units", Severity.ERROR, i18n.translate(
            "Evaluation", "A chosen department is no longer in the directory.")))
    findings += _check_dimensions(data.dimensions)
    findings += _check_scale(data.scale)
    return findings


def resolve_invited(rule: InviteRule) -> list[str]:
    """The enterprise ids ``rule`` chooses, by town and name. Any thread."""
    query = Enterprise.select(Enterprise.id).where(Enterprise.deleted == False)  # noqa: E712
    chosen: list[str] = []
    if rule.everyone or rule.towns or rule.key_only:
        if rule.towns and not rule.everyone:
            query = query.where(Enterprise.town.in_(rule.towns))
        if rule.key_only:
            query = query.where(Enterprise.is_key == True)  # noqa: E712
        chosen = [e.id for e in query.order_by(Enterprise.town, Enterprise.name)]
    removed = set(rule.removed)
    seen = set(chosen)
    out = [e for e in chosen if e not in removed]
    live = {e.id for e in Enterprise.select(Enterprise.id).where(
        Enterprise.id.in_([e for e in rule.added if e not in seen])
        & (Enterprise.deleted == False))} if rule.added else set()  # noqa: E712
    out += [e for e in rule.added if e in live and e not in seen and e not in removed]
    return out


def _require_centre(role: str | None = None) -> None:
    if (role or current_role()) != CENTRE:
        raise ServiceError(i18n.translate(
            "Evaluation", "Only the service centre sets up and opens evaluation rounds."))


def _sheet_counts(round_id: str) -> dict[tuple[str, str], int]:
    rows = (ScoreSheet.select(ScoreSheet.enterprise, ScoreSheet.unit)
            .where((ScoreSheet.round == round_id) & (ScoreSheet.deleted == False))  # noqa: E712
            .tuples())
    out: dict[tuple[str, str], int] = {}
    for ent, unit in rows:
        out[(ent, unit)] = out.get((ent, unit), 0) + 1
    return out


def _check_against_sheets(rec: EvaluationRound, wire: dict[str, Any]) -> list[Finding]:
    """A round already scored keeps what its sheets rely on: their units, their enterprises,
    and dimensions and a scale their scores still fit."""
    entered = _sheet_counts(rec.id)
    if not entered:
        return []
    findings: list[Finding] = []
    units = set(wire["units"])
    if any(unit not in units for _e, unit in entered):
        findings.append(Finding("units", Severity.ERROR, i18n.translate(
            "Evaluation", "A unit whose sheets are already entered cannot be taken out.")))
    invited = set(wire["invited"])
    if any(ent not in invited for ent, _u in entered):
        findings.append(Finding("invite", Severity.ERROR, i18n.translate(
            "Evaluation", "An enterprise whose sheets are already entered cannot be taken "
                          "off the invitation.")))
    bad = 0
    for (scores,) in (ScoreSheet.select(ScoreSheet.scores)
                      .where((ScoreSheet.round == rec.id)
                             & (ScoreSheet.deleted == False)).tuples()):  # noqa: E712
        if scoring.score_problems(scores, wire):
            bad += 1
    if bad:
        findings.append(Finding("scale", Severity.ERROR, i18n.translate(
            "Evaluation", "{n} sheets already entered have scores that the changed dimensions "
                          "or scale would not allow.").format(n=bad)))
    return findings


def save_round(*, data: RoundInput, record_id: str | None = None,
               role: str | None = None) -> EvaluationRound:
    """Create or change a round (the centre only). The invitation is resolved from the rule
    now and stored as a list. Database worker thread."""
    _require_centre(role)
    findings = validate_round(data)
    if findings:
        raise ValidationFailed(findings)
    invited = resolve_invited(data.invite)
    values: dict[str, Any] = {
        "name": data.name.strip(), "held_on": data.held_on, "units": list(data.units),
        "invited": invited, "invite_rule": data.invite.to_wire(),
        "dimensions": [{"key": d["key"], "label": str(d["label"]).strip(),
                        "weight": d["weight"]} for d in data.dimensions],
        "scale": dict(data.scale), "anonymous": data.anonymous,
        "phone_enabled": data.phone_enabled, "notes": data.notes.strip()}
    with database_proxy.atomic():
        if record_id is None:
            rec = EvaluationRound(**values)
            rec.save(force_insert=True)
            return rec
        rec = get_round(record_id=record_id)
        wire = {**round_wire(rec), **values}
        findings = _check_against_sheets(rec, wire)
        if findings:
            raise ValidationFailed(findings)
        for name, value in values.items():
            if getattr(rec, name) != value:
                setattr(rec, name, value)
        rec.save()
    return rec


def get_round(*, record_id: str) -> EvaluationRound:
    rec = EvaluationRound.get_or_none((EvaluationRound.id == record_id)
                                      & (EvaluationRound.deleted == False))  # noqa: E712
    if rec is None:
        raise NotFound(i18n.translate("Evaluation", "The evaluation round no longer exists."))
    return rec


def find_round(*, text: str) -> EvaluationRound:
    """A round by id, id prefix (8 characters or more) or exact name (the command line)."""
    text = text.strip()
    live = EvaluationRound.select().where(EvaluationRound.deleted == False)  # noqa: E712
    rec = live.where(EvaluationRound.id == text).first()
    if rec is None and len(text) >= 8:
        matches = list(live.where(EvaluationRound.id.startswith(text)).limit(2))
        rec = matches[0] if len(matches) == 1 else None
    if rec is None:
        matches = list(live.where(EvaluationRound.name == text).limit(2))
        if len(matches) > 1:
            raise ServiceError(i18n.translate(
                "Evaluation", "Two rounds are called “{name}”; give the round's id.").format(
                name=text))
        rec = matches[0] if matches else None
    if rec is None:
        raise NotFound(i18n.translate(
            "Evaluation", "There is no evaluation round “{name}”.").format(name=text))
    return rec


def set_status(*, record_id: str, status: str, role: str | None = None,
               now: dt.datetime | None = None) -> EvaluationRound:
    """Open, close or reopen a round (the centre only). Database worker thread."""
    _require_centre(role)
    if status not in scoring.ROUND_STATUSES or status == "draft":
        raise ValueError(f"cannot set status {status!r}")
    with database_proxy.atomic():
        rec = get_round(record_id=record_id)
        if rec.status == status:
            return rec
        if status == "open" and not rec.invited:
            raise ServiceError(i18n.translate(
                "Evaluation", "Invite at least one enterprise before opening the round."))
        if status == "closed" and rec.status != "open":
            raise ServiceError(i18n.translate(
                "Evaluation", "Only an open round can be closed."))
        rec.status = status
        if status == "closed":
            rec.closed_at = (now or dt.datetime.now()).replace(microsecond=0)
        rec.save()
    return rec


def delete_round(*, record_id: str, role: str | None = None) -> None:
    """Withdraw a round that has no sheets (the centre only). Database worker thread."""
    _require_centre(role)
    with database_proxy.atomic():
        rec = get_round(record_id=record_id)
        if _sheet_counts(rec.id):
            raise ServiceError(i18n.translate(
                "Evaluation", "A round with entered sheets cannot be deleted; close it instead."))
        rec.soft_delete()


@dataclass(frozen=True)
class RoundRow:
    id: str
    name: str
    held_on: dt.date
    status: str
    anonymous: bool
    invited: int
    sheets: int
    units: int
    phone_enabled: bool = False


def list_rounds() -> list[RoundRow]:
    """Rounds, newest first, with how many sheets each holds. Any thread."""
    counts = dict(ScoreSheet.select(ScoreSheet.round, peewee.fn.COUNT(ScoreSheet.id))
                  .where(ScoreSheet.deleted == False)  # noqa: E712
                  .group_by(ScoreSheet.round).tuples())
    rows = []
    for r in (EvaluationRound.select().where(EvaluationRound.deleted == False)  # noqa: E712
              .order_by(EvaluationRound.held_on.desc(), EvaluationRound.name)):
        rows.append(RoundRow(r.id, r.name, r.held_on, r.status, r.anonymous,
                             len(r.invited or []), counts.get(r.id, 0), len(r.units or []),
                             r.phone_enabled))
    return rows


# -- score sheets ----------------------------------------------------------------------------
@dataclass
class SheetInput:
    round_id: str
    enterprise_id: str
    unit: str
    #: Dimension key -> number, or None for 不了解/不适用; dimensions left out are unanswered.
    scores: dict[str, float | None] = field(default_factory=dict)
    comments: str = ""
    method: str = "paper"
    #: Who collected it; the signed-in officer when left empty ("" for a phone submission).
    collected_by: str | None = None


class DuplicateSheet(ServiceError):
    """The round already holds this enterprise's sheet for the unit: ``existing_id``."""

    def __init__(self, message: Message, *, existing_id: str, anonymous: bool) -> None:
        super().__init__(message)
        self.existing_id = existing_id
        self.anonymous = anonymous


#: Scores and totals are written the same everywhere (18, 17.5, 87.3).
format_number = scoring.format_number


def _enterprise_name(enterprise_id: str) -> str:
    return Enterprise.select(Enterprise.name).where(
        Enterprise.id == enterprise_id).scalar() or ""


def officer_enterprises() -> peewee.Expression:
    """The enterprises the signed-in liaison officer collects sheets for: those assigned to
    them, and those assigned to nobody (one they recorded themselves and the server has not
    assigned yet; on an officer's laptop every enterprise is in their scope anyway). A
    device nobody signed in to has no officer: every enterprise."""
    officer = context.current_officer_id()
    if not officer:
        return peewee.Value(1) == 1
    return (json_list_contains(Enterprise.officer_ids, officer)
            | (peewee.fn.json_array_length(Enterprise.officer_ids) == 0))


def check_sheet(data: SheetInput, *, role: str | None = None,
                now: dt.datetime | None = None) -> list[Finding]:
    """What stops ``data`` from being stored (not counting a duplicate). Any thread."""
    role = role or current_role()
    if role == VIEWER:
        return [Finding("role", Severity.ERROR, i18n.translate(
            "Evaluation", "Your account can read results but not enter sheets."))]
    rec = get_round(record_id=data.round_id)
    if role == LIAISON and not Enterprise.select().where(
            (Enterprise.id == data.enterprise_id) & officer_enterprises()).exists():
        return [Finding("enterprise_id", Severity.ERROR, i18n.translate(
            "Evaluation", "This enterprise is not assigned to you; its sheet is entered by "
                          "its liaison officer or the centre."))]
    # Entering here and now: a closed round takes nothing more (the grace for sheets collected
    # before closing is for laptops that were offline, which the server applies).
    wire = {**round_wire(rec), "closed_at": None}
    sheet = {"round_id": data.round_id, "enterprise_id": data.enterprise_id,
             "unit": data.unit, "scores": data.scores, "method": data.method,
             "collected_at": (now or dt.datetime.now()).isoformat()}
    return [Finding("scores" if p.field else p.code, Severity.ERROR, p.message())
            for p in scoring.sheet_problems(sheet=sheet, round_data=wire, round_id=rec.id)]


def existing_sheet(*, round_id: str, enterprise_id: str, unit: str) -> ScoreSheet | None:
    """The live sheet of that enterprise and unit in the round, if entered."""
    rec = ScoreSheet.get_or_none(ScoreSheet.id == sheet_id(
        round_id=round_id, enterprise_id=enterprise_id, unit=unit))
    return None if rec is None or rec.deleted else rec


def save_sheet(*, data: SheetInput, replace: bool = False, role: str | None = None,
               now: dt.datetime | None = None) -> ScoreSheet:
    """Store a sheet. A second sheet of the same enterprise and unit raises
    ``DuplicateSheet`` unless ``replace`` (the officer chose to change the first).
    Database worker thread."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    findings = check_sheet(data, role=role, now=now)
    if findings:
        raise ValidationFailed(findings)
    scores = {k: (None if v is None else (int(v) if float(v).is_integer() else float(v)))
              for k, v in data.scores.items()}
    collected_by = (context.current_officer_id() if data.collected_by is None
                    else data.collected_by)
    record_id = sheet_id(round_id=data.round_id, enterprise_id=data.enterprise_id,
                         unit=data.unit)
    with database_proxy.atomic():
        rec = ScoreSheet.get_or_none(ScoreSheet.id == record_id)
        if rec is not None and not rec.deleted and not replace:
            rnd = get_round(record_id=data.round_id)
            names = unit_names()
            when = rec.collected_at.strftime("%Y-%m-%d %H:%M") if rec.collected_at else ""
            raise DuplicateSheet(i18n.translate(
                "Evaluation", "The sheet of {enterprise} for {unit} is already entered "
                              "({when}). Open it to change it instead of entering a second "
                              "one.").format(enterprise=_enterprise_name(data.enterprise_id),
                                             unit=names.get(data.unit, data.unit), when=when),
                existing_id=rec.id, anonymous=rnd.anonymous)
        values = {"scores": scores, "comments": data.comments.strip(), "method": data.method,
                  "collected_by": collected_by, "collected_at": now, "deleted": False}
        if rec is None:
            rec = ScoreSheet(id=record_id, round=data.round_id, enterprise=data.enterprise_id,
                             unit=data.unit, **values)
            rec.save(force_insert=True)
            return rec
        for name, value in values.items():
            if getattr(rec, name) != value:
                setattr(rec, name, value)
        rec.save()
    return rec


def delete_sheet(*, record_id: str, role: str | None = None) -> None:
    """Withdraw a sheet entered by mistake (not from a closed round). Database worker."""
    role = role or current_role()
    with database_proxy.atomic():
        rec = ScoreSheet.get_or_none(ScoreSheet.id == record_id)
        if rec is None or rec.deleted:
            raise NotFound(i18n.translate("Evaluation", "The sheet no longer exists."))
        if role == VIEWER:
            raise ServiceError(i18n.translate(
                "Evaluation", "Your account can read results but not enter sheets."))
        if get_round(record_id=rec.round_id).status == "closed":
            raise ServiceError(i18n.translate(
                "Evaluation", "The round is closed; no more sheets can be entered."))
        rec.soft_delete()


@dataclass(frozen=True)
class SheetView:
    """A stored sheet as the entry screens show it; scores and comments are None when the
    round is anonymous (nobody looks an enterprise's answers up there)."""

    id: str
    round_id: str
    enterprise_id: str
    enterprise_name: str
    unit: str
    unit_name: str
    scores: dict[str, float | None] | None
    comments: str | None
    method: str
    collected_by: str
    collected_at: dt.datetime | None


def open_sheet(*, record_id: str) -> SheetView:
    rec = ScoreSheet.get_or_none(ScoreSheet.id == record_id)
    if rec is None or rec.deleted:
        raise NotFound(i18n.translate("Evaluation", "The sheet no longer exists."))
    rnd = get_round(record_id=rec.round_id)
    hidden = rnd.anonymous
    officer = Officer.select(Officer.name).where(Officer.id == rec.collected_by).scalar()
    return SheetView(rec.id, rec.round_id, rec.enterprise_id,
                     _enterprise_name(rec.enterprise_id), rec.unit,
                     unit_names().get(rec.unit, rec.unit),
                     None if hidden else dict(rec.scores or {}),
                     None if hidden else rec.comments, rec.method, officer or "",
                     rec.collected_at)


@dataclass(frozen=True)
class EntryRow:
    """One invited enterprise in the entry grid for a unit."""

    enterprise_id: str
    name: str
    town: str
    sheet_id: str
    entered: bool
    scores: dict[str, float | None] | None
    comments: str | None


def entry_rows(*, round_id: str, unit: str) -> list[EntryRow]:
    """The invited enterprises this device holds (an officer's laptop: their own), by town
    and name, with what is entered for ``unit``. Anonymous rounds show only whether a sheet
    is entered. Any thread."""
    rnd = get_round(record_id=round_id)
    invited = list(rnd.invited or [])
    ents = {e.id: (e.name, e.town) for e in Enterprise.select(
        Enterprise.id, Enterprise.name, Enterprise.town).where(
        Enterprise.id.in_(invited) & (Enterprise.deleted == False))}  # noqa: E712
    sheets = {s.enterprise_id: s for s in ScoreSheet.select(
        ScoreSheet.id, ScoreSheet.enterprise, ScoreSheet.scores, ScoreSheet.comments).where(
        (ScoreSheet.round == round_id) & (ScoreSheet.unit == unit)
        & (ScoreSheet.deleted == False))}  # noqa: E712
    mine: set[str] | None = None
    if current_role() == LIAISON:
        mine = {e.id for e in Enterprise.select(Enterprise.id).where(
            Enterprise.id.in_(invited) & officer_enterprises())}
    rows = []
    for ent_id in invited:
        if ent_id not in ents or (mine is not None and ent_id not in mine):
            continue
        s = sheets.get(ent_id)
        show = s is not None and not rnd.anonymous
        rows.append(EntryRow(ent_id, ents[ent_id][0], ents[ent_id][1],
                             sheet_id(round_id=round_id, enterprise_id=ent_id, unit=unit),
                             s is not None, dict(s.scores or {}) if show else None,
                             s.comments if show else None))
    rows.sort(key=lambda r: (r.town, r.name))
    return rows


# -- the QR code on a paper sheet ------------------------------------------------------------
QR_PREFIX = "EVAL"


def sheet_payload(*, round_id: str, enterprise_id: str, unit: str) -> str:
    """What a printed sheet's QR code carries: ``EVAL|<round id>|<sheet id>``. The sheet id
    names enterprise and unit without printing either in a machine-readable form."""
    return "|".join((QR_PREFIX, round_id, sheet_id(round_id=round_id,
                                                   enterprise_id=enterprise_id, unit=unit)))


@dataclass(frozen=True)
class SheetRef:
    round_id: str
    enterprise_id: str
    unit: str
    sheet_id: str


@lru_cache(maxsize=8)
def _sheet_index(round_id: str, version: int, invited: tuple[str, ...],
                 units: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    del version  # part of the cache key: a changed round is indexed again
    return {sheet_id(round_id=round_id, enterprise_id=e, unit=u): (e, u)
            for e in invited for u in units}


def locate_sheet(*, payload: str) -> SheetRef:
    """The round, enterprise and unit a scanned sheet's QR code stands for."""
    parts = payload.strip().split("|")
    if len(parts) != 3 or parts[0] != QR_PREFIX:
        raise ServiceError(i18n.translate(
            "Evaluation", "This code is not from a satisfaction sheet."))
    round_id, sid = parts[1], parts[2]
    rec = EvaluationRound.get_or_none((EvaluationRound.id == round_id)
                                      & (EvaluationRound.deleted == False))  # noqa: E712
    if rec is None:
        raise NotFound(i18n.translate(
            "Evaluation", "The sheet belongs to a round this computer does not hold."))
    index = _sheet_index(rec.id, rec.version, tuple(rec.invited or ()),
                         tuple(rec.units or ()))
    found = index.get(sid)
    if found is None:
        # Changed since the last look (a round edited here has the same server version).
        _sheet_index.cache_clear()
        found = _sheet_index(rec.id, rec.version, tuple(rec.invited or ()),
                             tuple(rec.units or ())).get(sid)
    if found is None:
        raise NotFound(i18n.translate(
            "Evaluation", "The sheet's enterprise is no longer invited to the round."))
    return SheetRef(rec.id, found[0], found[1], sid)


def locate_sheet_in_image(*, path: str) -> SheetRef:
    """Read the QR code of a photographed or scanned sheet and locate the sheet."""
    from liaison_app.forms.toolkit.qr import read_qr_codes

    try:
        payloads = read_qr_codes(path)
    except OSError as exc:
        raise ServiceError(i18n.translate(
            "Evaluation", "The picture could not be read: {reason}").format(
            reason=str(exc))) from exc
    sheets = [p for p in payloads if p.startswith(QR_PREFIX + "|")]
    if not sheets:
        raise ServiceError(i18n.translate(
            "Evaluation", "No satisfaction sheet code was found in the picture. Photograph "
                          "the sheet's top right corner in good light, or type the scores."))
    return locate_sheet(payload=sheets[0])
