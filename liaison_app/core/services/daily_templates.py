"""Report templates (日报模板): what enterprises report each day, who reports, and from when.

The centre decides templates; laptops read them. A template carries its period and whether it
is in use; its versions carry the fields and the enterprises that must report, each from a
date. Saving a change makes a new version from the chosen date and leaves every earlier one
as it was, so reports entered before keep meaning what they meant (each report names its
version). A version not yet in force may still be corrected in place.

Two templates ship ready (复工复产日报 and 安全生产日报, switched off until the centre starts a
period of close watch). As with the department directory, their ids come from their names,
so every laptop seeds the same records before its first sync, and only the centre's seeding
is sent to the server.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from liaison_app.core import clock, i18n
from liaison_app.core.daily_rules import FieldDef, check_definition, fields_from_json
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models import Enterprise
from liaison_app.core.models.daily import (
    AUDIENCES,
    ReportTemplate,
    ReportTemplateVersion,
    new_id_if_taken,
    template_id_for,
    version_id_for,
)
from liaison_app.core.models.fields import json_list_contains
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from liaison_app.core.services.officers import CENTRE, current_role
from liaison_app.core.validation import Finding, Severity

AUDIENCE_LABELS: dict[str, Message] = {
    "all": i18n.translate("DailyTemplates", "Every enterprise"),
    "towns": i18n.translate("DailyTemplates", "Enterprises of chosen towns/streets"),
    "key": i18n.translate("DailyTemplates", "Key enterprises"),
    "listed": i18n.translate("DailyTemplates", "Enterprises chosen by hand"),
}
#: The seeds' first version applies from this day, so they cover any period a county sets.
SEED_FROM = dt.date(2020, 1, 1)


def _n(key: str, label: str, *, measure: str = "", required: bool = True, unit: str = "人",
       maximum: int | None = None) -> FieldDef:
    extra = {} if maximum is None else {"maximum": maximum}
    return FieldDef(key=key, label=label, kind="number", required=required, unit=unit,
                    measure=measure, **extra)


def _c(key: str, label: str, *, expected: bool = True, required: bool = True) -> FieldDef:
    return FieldDef(key=key, label=label, kind="check", required=required, expected=expected)


def _t(key: str, label: str, measure: str) -> FieldDef:
    return FieldDef(key=key, label=label, kind="text", measure=measure)


#: (name, description, fields): what counties asked of enterprises in 2020 and in safety
#: campaigns. Labels are the county's words, printed and shown as they are.
SEEDS: tuple[tuple[str, str, tuple[FieldDef, ...]], ...] = (
    ("复工复产日报",
     "复工复产期间企业每日上报在岗人员、产能恢复和防控措施落实情况，镇街和联络员每日汇总，"
     "县里每日调度。",
     (_n("people_on_site", "在岗人数", measure="people_on_site"),
      _n("returned", "其中县外返岗人数", measure="returned"),
      _n("capacity", "产能恢复率", measure="capacity", unit="%", maximum=100),
      _c("disinfected", "生产生活场所已消毒"),
      _c("temperature", "员工体温已检测登记"),
      _c("masks", "口罩等防护物资充足"),
      _c("canteen", "食堂分餐错峰就餐", required=False),
      _c("fever", "有发热等异常症状人员", expected=False),
      _t("anomalies", "异常情况", "anomaly"),
      _t("needs", "需协调解决的问题", "need"))),
    ("安全生产日报",
     "安全生产专项行动期间企业每日上报安全巡查、隐患整改和特殊作业情况。",
     (_n("people_on_site", "在岗人数", measure="people_on_site"),
      _n("capacity", "开工率", measure="capacity", unit="%", maximum=100, required=False),
      _c("patrol", "当日安全巡查已开展"),
      _c("briefing", "班前安全教育已开展"),
      _c("fire", "消防设施器材完好"),
      _c("chemicals", "危险化学品储存规范", required=False),
      _c("hot_work", "动火等特殊作业已审批", required=False),
      _c("hazards_fixed", "已发现隐患整改到位"),
      _c("accident", "发生生产安全事故", expected=False),
      _t("hazards", "发现的隐患及异常", "anomaly"),
      _t("needs", "需协调解决的问题", "need"))),
)


def seed_id(name: str) -> str:
    return template_id_for(name)


def ensure_seeded(*, send: bool = False) -> int:
    """Add the ready templates that are missing; returns how many were added.

    ``send`` queues them for the server (the centre's device). Database worker thread.
    """
    added = 0
    with database_proxy.atomic():
        for pos, (name, description, fields) in enumerate(SEEDS):
            tid = seed_id(name)
            if ReportTemplate.select().where(ReportTemplate.id == tid).exists():
                continue
            ReportTemplate(id=tid, name=name, description=description, active=False,
                           starts_on=SEED_FROM, position=pos
                           ).save(force_insert=True, capture=send)
            ReportTemplateVersion(id=version_id_for(tid, SEED_FROM), template=tid,
                                  effective_from=SEED_FROM, audience="all",
                                  fields=[f.to_json() for f in fields]
                                  ).save(force_insert=True, capture=send)
            added += 1
    return added


# -- reading -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Version:
    """A template version as plain data."""

    id: str
    template_id: str
    effective_from: dt.date
    audience: str
    towns: tuple[str, ...]
    enterprise_ids: tuple[str, ...]
    fields: tuple[FieldDef, ...]

    @classmethod
    def of(cls, rec: ReportTemplateVersion) -> Version:
        return cls(id=rec.id, template_id=rec.template_id, effective_from=rec.effective_from,
                   audience=rec.audience if rec.audience in AUDIENCES else "all",
                   towns=tuple(str(t) for t in rec.towns or () if isinstance(t, str)),
                   enterprise_ids=tuple(str(e) for e in rec.enterprise_ids or ()
                                        if isinstance(e, str)),
                   fields=tuple(fields_from_json(rec.fields)))

    def field(self, key: str) -> FieldDef | None:
        return next((f for f in self.fields if f.key == key), None)

    def measure(self, measure: str) -> FieldDef | None:
        return next((f for f in self.fields if f.measure == measure), None)


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str
    active: bool
    starts_on: dt.date
    ends_on: dt.date | None

    @classmethod
    def of(cls, rec: ReportTemplate) -> Template:
        return cls(rec.id, rec.name, rec.description, bool(rec.active), rec.starts_on,
                   rec.ends_on)

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` lies in the template's reporting period."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def due_on(self, day: dt.date) -> bool:
        """Reports are asked for ``day``: the template is in use and the day in its period."""
        return self.active and self.covers(day)


def list_templates(*, active_only: bool = False) -> list[Template]:
    """Templates, those in use first. Any thread (reads only)."""
    query = ReportTemplate.select().where(ReportTemplate.deleted == False)  # noqa: E712
    if active_only:
        query = query.where(ReportTemplate.active == True)  # noqa: E712
    rows = query.order_by(ReportTemplate.active.desc(), ReportTemplate.position,
                          ReportTemplate.name)
    return [Template.of(r) for r in rows]


def get_template(*, template_id: str) -> Template:
    rec = ReportTemplate.get_or_none((ReportTemplate.id == template_id)
                                     & (ReportTemplate.deleted == False))  # noqa: E712
    if rec is None:
        raise NotFound(i18n.translate("DailyTemplates", "This report template no longer exists."))
    return Template.of(rec)


def find_template(*, name: str) -> Template | None:
    rec = (ReportTemplate.select()
           .where((ReportTemplate.name == name.strip())
                  & (ReportTemplate.deleted == False)).first())  # noqa: E712
    return None if rec is None else Template.of(rec)


def versions(*, template_id: str) -> list[Version]:
    rows = (ReportTemplateVersion.select()
            .where((ReportTemplateVersion.template == template_id)
                   & (ReportTemplateVersion.deleted == False))  # noqa: E712
            .order_by(ReportTemplateVersion.effective_from))
    return [Version.of(r) for r in rows]


def version_for(*, template_id: str, day: dt.date) -> Version | None:
    """The version that applies on ``day``: the latest one in force from that day or before."""
    rec = (ReportTemplateVersion.select()
           .where((ReportTemplateVersion.template == template_id)
                  & (ReportTemplateVersion.effective_from <= day)
                  & (ReportTemplateVersion.deleted == False))  # noqa: E712
           .order_by(ReportTemplateVersion.effective_from.desc()).first())
    return None if rec is None else Version.of(rec)


def get_version(*, version_id: str) -> Version | None:
    rec = ReportTemplateVersion.get_or_none(ReportTemplateVersion.id == version_id)
    return None if rec is None else Version.of(rec)


@dataclass(frozen=True)
class DueEnterprise:
    id: str
    name: str
    town: str
    is_key: bool
    employees: int | None
    officer_ids: tuple[str, ...]


def audience_query(version: Version, *, officer_id: str = "", town: str = ""
                   ) -> peewee.ModelSelect:
    """The enterprises ``version`` asks to report (of one officer or town when given)."""
    query = (Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.town,
                               Enterprise.is_key, Enterprise.employees, Enterprise.officer_ids)
             .where(Enterprise.deleted == False))  # noqa: E712
    if version.audience == "towns":
        query = query.where(Enterprise.town.in_(list(version.towns)))
    elif version.audience == "key":
        query = query.where(Enterprise.is_key == True)  # noqa: E712
    elif version.audience == "listed":
        query = query.where(Enterprise.id.in_(list(version.enterprise_ids)))
    if officer_id:
        query = query.where(json_list_contains(Enterprise.officer_ids, officer_id))
    if town:
        query = query.where(Enterprise.town == town)
    return query


def raw_rows(query: peewee.Query) -> list[tuple]:
    """A query's rows as the database gives them (dates as ISO text, JSON as text).

    The board reads thousands of rows at a time; peewee's conversion of every value costs
    more than the query itself.
    """
    return database_proxy.execute_sql(*query.sql()).fetchall()


def due_enterprises(*, version: Version, officer_id: str = "", town: str = ""
                    ) -> list[DueEnterprise]:
    """Enterprises that must report under ``version``, by town and name. Any thread."""
    query = audience_query(version, officer_id=officer_id, town=town).order_by(
        Enterprise.town, Enterprise.name)
    return [DueEnterprise(eid, name, town_, bool(key), employees,
                          tuple(json.loads(officers)) if officers else ())
            for eid, name, town_, key, employees, officers in raw_rows(query)]


# -- the centre's changes --------------------------------------------------------------------
@dataclass
class TemplateInput:
    """What the centre sets in the template editor."""

    name: str = ""
    description: str = ""
    active: bool = False
    starts_on: dt.date = field(default_factory=lambda: clock.today())
    ends_on: dt.date | None = None
    audience: str = "all"
    towns: list[str] = field(default_factory=list)
    enterprise_ids: list[str] = field(default_factory=list)
    fields: list[FieldDef] = field(default_factory=list)
    #: The day from which changed fields or audience apply.
    effective_from: dt.date = field(default_factory=lambda: clock.today())


def validate(data: TemplateInput, *, template_id: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    name = data.name.strip()
    if not name:
        findings.append(Finding("name", Severity.ERROR, i18n.translate(
            "DailyTemplates", "Give the template a name.")))
    elif len(name) > 60:
        findings.append(Finding("name", Severity.ERROR, i18n.translate(
            "DailyTemplates", "The name is longer than 60 characters.")))
    else:
        same = ReportTemplate.select().where((ReportTemplate.name == name)
                                             & (ReportTemplate.deleted == False))  # noqa: E712
        if template_id:
            same = same.where(ReportTemplate.id != template_id)
        if same.exists():
            findings.append(Finding("name", Severity.ERROR, i18n.translate(
                "DailyTemplates", "Another template is already named {name}.").format(name=name)))
    if data.ends_on is not None and data.ends_on < data.starts_on:
        findings.append(Finding("ends_on", Severity.ERROR, i18n.translate(
            "DailyTemplates", "The reporting period ends before it starts.")))
    if data.audience not in AUDIENCES:
        findings.append(Finding("audience", Severity.ERROR, i18n.translate(
            "DailyTemplates", "Choose which enterprises report.")))
    elif data.audience == "towns" and not [t for t in data.towns if t.strip()]:
        findings.append(Finding("audience", Severity.ERROR, i18n.translate(
            "DailyTemplates", "Choose at least one town/street.")))
    elif data.audience == "listed" and not data.enterprise_ids:
        findings.append(Finding("audience", Severity.ERROR, i18n.translate(
            "DailyTemplates", "Choose at least one enterprise.")))
    findings += check_definition(data.fields)
    return findings


def _content(audience: str, towns: Sequence[str], enterprise_ids: Sequence[str],
             fields: Sequence[FieldDef]) -> tuple:
    """What a version asks, in a form two versions can be compared by."""
    return (audience, tuple(sorted({t.strip() for t in towns if t.strip()})),
            tuple(sorted(set(enterprise_ids))),
            tuple(tuple(sorted(f.to_json().items())) for f in fields))


def save_template(*, data: TemplateInput, template_id: str | None = None,
                  today: dt.date | None = None, role: str | None = None) -> Template:
    """Create a template, or change one: its period and use at once, its fields and audience
    from ``data.effective_from``. Only the centre may. Database worker thread."""
    if (role or current_role()) != CENTRE:
        raise ServiceError(i18n.translate(
            "DailyTemplates", "Only the service centre can change report templates."))
    today = today or clock.today()
    with database_proxy.atomic():
        findings = validate(data, template_id=template_id)
        if findings:
            raise ValidationFailed(findings)
        if template_id is None:
            rec = ReportTemplate(id=new_id_if_taken(ReportTemplate, template_id_for(
                data.name.strip())), position=_next_position())
            creating = True
        else:
            rec = ReportTemplate.get_or_none(ReportTemplate.id == template_id)
            if rec is None:
                raise NotFound(i18n.translate(
                    "DailyTemplates", "This report template no longer exists."))
            creating = False
        for name, value in (("name", data.name.strip()), ("description", data.description),
                            ("active", data.active), ("starts_on", data.starts_on),
                            ("ends_on", data.ends_on), ("deleted", False)):
            if creating or getattr(rec, name) != value:
                setattr(rec, name, value)
        rec.save(force_insert=creating)
        effective = data.starts_on if creating else data.effective_from
        _save_version(rec.id, data, effective=effective, today=today)
    return Template.of(rec)


def _save_version(template_id: str, data: TemplateInput, *, effective: dt.date,
                  today: dt.date) -> None:
    current = version_for(template_id=template_id, day=effective)
    wanted = _content(data.audience, data.towns, data.enterprise_ids, data.fields)
    if current is not None and wanted == _content(current.audience, current.towns,
                                                  current.enterprise_ids, current.fields):
        return
    values = dict(audience=data.audience,
                  towns=sorted({t.strip() for t in data.towns if t.strip()}),
                  enterprise_ids=sorted(set(data.enterprise_ids)),
                  fields=[f.to_json() for f in data.fields])
    if current is not None and current.effective_from == effective:
        if effective <= today:
            raise ValidationFailed([Finding("effective_from", Severity.ERROR, i18n.translate(
                "DailyTemplates",
                "The template as it stands already applies from {date}, and reports may have "
                "been entered against it. Choose a later day for the change, so what was "
                "reported stays as it was.").format(date=effective.isoformat()))])
        rec = ReportTemplateVersion.get_by_id(current.id)
        for name, value in values.items():
            if getattr(rec, name) != value:
                setattr(rec, name, value)
        rec.save()
        return
    vid = version_id_for(template_id, effective)
    rec = ReportTemplateVersion.get_or_none(ReportTemplateVersion.id == vid)
    if rec is not None:  # deleted earlier: brought back with the new content
        for name, value in {**values, "deleted": False}.items():
            setattr(rec, name, value)
        rec.save()
        return
    ReportTemplateVersion(id=vid, template=template_id, effective_from=effective,
                          **values).save(force_insert=True)


def _next_position() -> int:
    last = ReportTemplate.select(peewee.fn.MAX(ReportTemplate.position)).scalar()
    return (last or 0) + 1


def new_field_key(label: str, taken: Sequence[str]) -> str:
    """A key for a field the centre adds: stable once given, whatever the label becomes."""
    import hashlib

    base = "f" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:8]
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}_{n}"
    return key
