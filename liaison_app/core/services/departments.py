"""The department directory: a typical county's departments and its 9 towns/streets, editable.

The seed rows have ids derived from their names (UUID 5), so every device that seeds the
directory before its first sync holds the same ids, and a request dispatched on the centre's
laptop names a department an officer's laptop already knows. Only the centre's seeding is
sent to the server (the directory is the centre's table); elsewhere the seed stays local
until the server's copy arrives and replaces it.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models.departments import DEPARTMENT_KINDS, Department
from liaison_app.core.services.errors import NotFound, ValidationFailed
from liaison_app.core.validation import Finding, Severity, required

_NAMESPACE = uuid.UUID("5b0f6a3e-6a43-4f5e-9b7a-6c1e0d5c2a11")

KIND_LABELS: dict[str, Message] = {
    "centre": i18n.translate("Department", "Service centre"),
    "bureau": i18n.translate("Department", "Approval bureau"),
    "department": i18n.translate("Department", "County department"),
    "town": i18n.translate("Department", "Town/street"),
    "utility": i18n.translate("Department", "Utility company"),
}

#: A typical county (1 centre + 9 towns/streets + the approval bureau + X departments).
SEED: tuple[tuple[str, str], ...] = (
    ("县企业服务中心", "centre"),
    ("县行政审批服务局", "bureau"),
    ("县发展和改革局", "department"),
    ("县工业和信息化局", "department"),
    ("县自然资源和规划局", "department"),
    ("县住房和城乡建设局", "department"),
    ("市生态环境局县分局", "department"),
    ("县交通运输局", "department"),
    ("县水利局", "department"),
    ("县人力资源和社会保障局", "department"),
    ("县财政局", "department"),
    ("县商务局", "department"),
    ("县市场监督管理局", "department"),
    ("县应急管理局", "department"),
    ("县消防救援大队", "department"),
    ("县税务局", "department"),
    ("县地方金融监督管理局", "department"),
    ("县公安局", "department"),
    ("国网县供电公司", "utility"),
    ("县自来水公司", "utility"),
    ("县热力公司", "utility"),
    ("县燃气公司", "utility"),
    ("城关街道", "town"),
    ("经济开发区街道", "town"),
    ("东城街道", "town"),
    ("西城街道", "town"),
    ("北关镇", "town"),
    ("南湖镇", "town"),
    ("河口镇", "town"),
    ("青山镇", "town"),
    ("新桥镇", "town"),
)


def seed_id(name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, name))


def ensure_seeded(*, send: bool = False) -> int:
    """Fill an empty directory with the seed; returns how many rows were added.

    ``send`` queues the rows for the server (the centre's device). Database worker thread.
    """
    if Department.select().exists():
        return 0
    with database_proxy.atomic():
        for pos, (name, kind) in enumerate(SEED):
            dep = Department(id=seed_id(name), name=name, kind=kind, position=pos)
            dep.save(force_insert=True, capture=send)
    return len(SEED)


@dataclass
class DepartmentInput:
    name: str = ""
    kind: str = "department"
    contact_name: str = ""
    contact_phone: str = ""
    active: bool = True


def validate(data: DepartmentInput, *, record_id: str | None = None) -> list[Finding]:
    findings = required(data.name, field="name",
                        label=i18n.translate("Department", "Name"))
    if data.kind not in DEPARTMENT_KINDS:
        findings.append(Finding("kind", Severity.ERROR, i18n.translate(
            "Department", "Choose what kind of unit this is.")))
    if data.name.strip():
        same = Department.select().where((Department.name == data.name.strip())
                                         & (Department.deleted == False))  # noqa: E712
        if record_id:
            same = same.where(Department.id != record_id)
        if same.exists():
            findings.append(Finding("name", Severity.ERROR, i18n.translate(
                "Department", "The directory already has a unit named {name}.").format(
                name=data.name.strip())))
    return findings


def save(*, data: DepartmentInput, record_id: str | None = None) -> Department:
    """Add or edit a unit of the directory. Database worker thread."""
    findings = validate(data, record_id=record_id)
    if findings:
        raise ValidationFailed(findings)
    if record_id is None:
        last = Department.select(Department.position).order_by(
            Department.position.desc()).scalar() or 0
        dep = Department(name=data.name.strip(), kind=data.kind, position=last + 1,
                         contact_name=data.contact_name.strip(),
                         contact_phone=data.contact_phone.strip(), active=data.active)
        dep.save(force_insert=True)
        return dep
    dep = get(record_id=record_id)
    for name, value in (("name", data.name.strip()), ("kind", data.kind),
                        ("contact_name", data.contact_name.strip()),
                        ("contact_phone", data.contact_phone.strip()),
                        ("active", data.active)):
        if getattr(dep, name) != value:
            setattr(dep, name, value)
    dep.save()
    return dep


def get(*, record_id: str) -> Department:
    dep = Department.get_or_none(Department.id == record_id)
    if dep is None:
        raise NotFound(i18n.translate("Department", "This unit is not in the directory."))
    return dep


def list_departments(*, active_only: bool = True, kind: str = "") -> list[Department]:
    query = Department.select().where(Department.deleted == False)  # noqa: E712
    if active_only:
        query = query.where(Department.active == True)  # noqa: E712
    if kind:
        query = query.where(Department.kind == kind)
    return list(query.order_by(Department.position, Department.name))


def names_by_id() -> dict[str, str]:
    return dict(Department.select(Department.id, Department.name).tuples())
