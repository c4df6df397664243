"""Applications of an enterprise: worker passes, reopening, procedures; passes they issue.

Pass numbers must be unique within the county although officers issue them offline, on
laptops that may not see the server for days. A number is therefore ``<issuer tag>-<seq>``:

* the issuer tag is 5 characters drawn at random once per installation (31-character
  alphabet without look-alikes: ~28 million tags; with the 30-100 laptops of a county the
  chance that two share one is below one in ten thousand), kept in ``LocalState``;
* the sequence is this installation's counter, advanced in the same transaction that saves
  the pass, so a crash cannot hand the same number out twice.

The tag is printed, so a guard can also tell which laptop issued a pass. The centre sees
every issued pass when it syncs (table ``issued_pass``); should two laptops ever share a
tag, the server finds the repeated number and the centre has one of them reissued.

The QR code on a card carries the pass number, its validity, the masked holder and unit, and
the county key's signature, which the server adds when the pass reaches it: until then the
card prints as provisional. Signing and checking live in ``services/passes.py`` and
``sync/server/pass_keys.py``.

Database worker thread for writes; any thread for reads.
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

import peewee

from liaison_app.core import clock, context, i18n, pass_codes
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models import (
    Application,
    Enterprise,
    IssuedPass,
    LocalState,
    PassRevocation,
    Worker,
)
from liaison_app.core.models.applications import APPLICATION_KINDS, APPLICATION_STATUSES
from liaison_app.core.services import passes
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from liaison_app.core.validation import (
    Finding,
    Severity,
    check_phone,
    check_resident_id,
    required,
)

KIND_LABELS: dict[str, Message] = {
    "pass": i18n.translate("Application", "Worker-pass application"),
    "reopening": i18n.translate("Application", "Reopening application"),
    "procedure": i18n.translate("Application", "Procedure application"),
}
STATUS_LABELS: dict[str, Message] = {
    "draft": i18n.translate("Application", "Draft"),
    "printed": i18n.translate("Application", "Printed"),
    "submitted": i18n.translate("Application", "Submitted"),
    "approved": i18n.translate("Application", "Approved"),
    "rejected": i18n.translate("Application", "Rejected"),
}
#: Status -> statuses it may move to by hand. "printed" is also set by printing a draft.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("printed", "submitted"),
    "printed": ("submitted", "draft"),
    "submitted": ("approved", "rejected"),
    "rejected": ("draft",),
    "approved": (),
}
#: Prevention measures offered on a reopening application (the officer ticks what is done).
STANDARD_MEASURES = (
    "建立疫情防控工作专班，明确责任人",
    "制定复工复产方案和应急处置预案",
    "落实员工健康监测和每日体温检测",
    "设置厂区出入口测温点并登记进出人员",
    "配备口罩、消毒液等防护物资",
    "生产和办公场所每日消毒通风并记录",
    "食堂分餐错峰就餐，宿舍控制人数",
    "设置临时隔离观察场所",
)


@dataclass
class ApplicationInput:
    """The application editor's content.

    ``details`` holds what only one kind has, as plain JSON values:
    pass: ``reason``; reopening: ``capacity``, ``materials`` [{item, quantity, stock, note}],
    ``measures`` [{text, done}], ``commitment``, ``addressee``; procedure: ``project_name``,
    ``project_location``, ``investment``, ``description``, ``items`` [{name, department,
    documents: [str], usual_days}], ``officer``, ``officer_phone``, ``agent_organisation``,
    ``agents`` [{name, id_number, phone, title}].
    For a reopening application ``period_start`` is the planned date; for a procedure
    application the period is the power of attorney's validity.
    """

    kind: str = "pass"
    enterprise_id: str = ""
    title: str = ""
    application_no: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    areas: list[str] = field(default_factory=list)
    worker_ids: list[str] = field(default_factory=list)
    applied_on: dt.date | None = None
    remarks: str = ""
    details: dict[str, Any] = field(default_factory=dict)


def validate(data: ApplicationInput) -> list[Finding]:
    findings: list[Finding] = []
    if data.kind not in APPLICATION_KINDS:
        findings.append(Finding("kind", Severity.ERROR, i18n.translate(
            "Application", "Choose the kind of application.")))
    findings += required(data.enterprise_id, field="enterprise_id",
                         label=i18n.translate("Application", "Enterprise"))
    if data.enterprise_id and not Enterprise.select().where(
            (Enterprise.id == data.enterprise_id) & (Enterprise.deleted == False)).exists():  # noqa: E712
        findings.append(Finding("enterprise_id", Severity.ERROR, i18n.translate(
            "Application", "The chosen enterprise no longer exists.")))
    if data.kind == "pass":
        if data.period_start is None or data.period_end is None:
            findings.append(Finding("period", Severity.ERROR, i18n.translate(
                "Application", "Give the period the passes are valid for.")))
        elif data.period_end < data.period_start:
            findings.append(Finding("period", Severity.ERROR, i18n.translate(
                "Application", "The period ends before it starts.")))
        if not [a for a in data.areas if a.strip()]:
            findings.append(Finding("areas", Severity.ERROR, i18n.translate(
                "Application", "Name at least one area the passes are for.")))
        if not data.worker_ids:
            findings.append(Finding("worker_ids", Severity.ERROR, i18n.translate(
                "Application", "Choose the workers who need a pass.")))
    elif data.kind == "reopening":
        if data.period_start is None:
            findings.append(Finding("period", Severity.ERROR, i18n.translate(
                "Application", "Give the planned reopening date.")))
    elif data.kind == "procedure":
        findings += required(str(data.details.get("project_name") or ""),
                             field="project_name",
                             label=i18n.translate("Application", "Project"))
        items = [i for i in data.details.get("items") or [] if str(i.get("name", "")).strip()]
        if not items:
            findings.append(Finding("items", Severity.ERROR, i18n.translate(
                "Application", "List at least one procedure item to be handled.")))
        for n, agent in enumerate(data.details.get("agents") or [], start=1):
            for f in check_resident_id(str(agent.get("id_number") or ""), field=f"agents:{n}"):
                findings.append(Finding(f.field, f.severity, i18n.translate(
                    "Application", "Agent {n}: {problem}").format(n=n, problem=f.message)))
            for f in check_phone(str(agent.get("phone") or ""), field=f"agents:{n}"):
                findings.append(Finding(f.field, f.severity, i18n.translate(
                    "Application", "Agent {n}: {problem}").format(n=n, problem=f.message)))
        if (data.period_start and data.period_end and data.period_end < data.period_start):
            findings.append(Finding("period", Severity.ERROR, i18n.translate(
                "Application", "The period ends before it starts.")))
    if data.worker_ids and data.enterprise_id:
        known = (Worker.select().where((Worker.enterprise == data.enterprise_id)
                                       & Worker.id.in_(list(data.worker_ids))
                                       & (Worker.deleted == False)).count())  # noqa: E712
        if known != len(set(data.worker_ids)):
            findings.append(Finding("worker_ids", Severity.ERROR, i18n.translate(
                "Application", "Some chosen workers are no longer on the roster; choose the "
                "workers again.")))
    return findings


def default_title(data: ApplicationInput) -> str:
    """A title for the list when the officer gave none; forms print their own titles."""
    if data.kind == "procedure":
        return str(data.details.get("project_name") or "") or "项目手续代办申请"
    if data.kind == "reopening":
        when = data.period_start.isoformat() if data.period_start else ""
        return f"复工复产申请 {when}".strip()
    return f"通行证申请（{len(data.worker_ids)}人）"


def _history_entry(status: str, note: str = "") -> dict[str, str]:
    return {"status": status, "at": dt.datetime.now().isoformat(timespec="seconds"),
            "by": context.current_officer_id(), "note": note}


def save(*, data: ApplicationInput, record_id: str | None = None) -> Application:
    """Create or update an application. Only a draft (or a printed one, which goes back to
    draft, since what was printed no longer matches) can be edited. Database worker."""
    findings = validate(data)
    if findings:
        raise ValidationFailed(findings)
    with database_proxy.atomic():
        if record_id is None:
            rec = Application(enterprise=data.enterprise_id, kind=data.kind,
                              history=[_history_entry("draft")])
            creating = True
        else:
            rec = get(record_id=record_id)
            creating = False
            if rec.status not in ("draft", "printed"):
                raise ServiceError(i18n.translate(
                    "Application", "This application was already submitted and can no longer "
                    "be changed. Create a new one instead."))
        values = {
            "enterprise": data.enterprise_id, "kind": data.kind,
            "title": data.title.strip() or default_title(data),
            "application_no": data.application_no.strip(),
            "period_start": data.period_start, "period_end": data.period_end,
            "areas": [a.strip() for a in data.areas if a.strip()],
            "worker_ids": list(dict.fromkeys(data.worker_ids)),
            "applied_on": data.applied_on or clock.today(),
            "remarks": data.remarks.strip(), "details": dict(data.details),
        }
        for name, value in values.items():
            current = rec.enterprise_id if name == "enterprise" else getattr(rec, name)
            if creating or current != value:
                setattr(rec, name, value)
        if creating:
            if not rec.application_no:
                rec.application_no = _next_number("application_seq", prefix="SQ")
            rec.save(force_insert=True)
        else:
            if rec.status == "printed" and rec.dirty_fields:
                rec.status = "draft"
                rec.history = [*rec.history, _history_entry("draft", "打印后修改")]
            rec.save()
    return rec


def get(*, record_id: str) -> Application:
    rec = Application.get_or_none(Application.id == record_id)
    if rec is None or rec.deleted:
        raise NotFound(i18n.translate("Application", "This application no longer exists."))
    return rec


def load_input(*, record_id: str) -> ApplicationInput:
    rec = get(record_id=record_id)
    return ApplicationInput(
        kind=rec.kind, enterprise_id=rec.enterprise_id, title=rec.title,
        application_no=rec.application_no, period_start=rec.period_start,
        period_end=rec.period_end, areas=list(rec.areas or []),
        worker_ids=list(rec.worker_ids or []), applied_on=rec.applied_on,
        remarks=rec.remarks, details=dict(rec.details or {}))


def soft_delete(*, record_id: str) -> None:
    rec = get(record_id=record_id)
    if rec.status not in ("draft", "printed"):
        raise ServiceError(i18n.translate(
            "Application", "A submitted application is kept for the record and cannot be "
            "deleted."))
    with database_proxy.atomic():
        for p in IssuedPass.select().where((IssuedPass.application == rec.id)
                                           & (IssuedPass.state == "active")):
            _revoke(p, "申请已删除")
        rec.soft_delete()


def set_status(*, record_id: str, status: str, note: str = "") -> Application:
    """Move an application along draft -> printed -> submitted -> approved/rejected."""
    if status not in APPLICATION_STATUSES:
        raise ValueError(status)
    with database_proxy.atomic():
        rec = get(record_id=record_id)
        if status == rec.status:
            return rec
        if status not in TRANSITIONS[rec.status]:
            raise ServiceError(i18n.translate(
                "Application", "An application that is \u201c{current}\u201d cannot become "
                "\u201c{wanted}\u201d.").format(current=STATUS_LABELS[rec.status],
                                                wanted=STATUS_LABELS[status]))
        rec.status = status
        rec.history = [*rec.history, _history_entry(status, note.strip())]
        rec.save()
    return rec


def mark_printed(*, record_id: str) -> None:
    """A draft whose form was printed becomes "printed"; other statuses stay."""
    rec = get(record_id=record_id)
    if rec.status == "draft":
        set_status(record_id=record_id, status="printed")


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    kind: str
    title: str
    application_no: str
    status: str
    applied_on: dt.date | None
    workers: int
    passes: int


def list_applications(*, enterprise_id: str) -> list[ApplicationRow]:
    """The enterprise's applications, newest first."""
    active = (IssuedPass.select(IssuedPass.application, peewee.fn.COUNT(IssuedPass.id)
                                .alias("n"))
              .where((IssuedPass.enterprise == enterprise_id) & (IssuedPass.state == "active"))
              .group_by(IssuedPass.application))
    counts = {app_id: n for app_id, n in active.tuples()}
    query = (Application.select().where((Application.enterprise == enterprise_id)
                                        & (Application.deleted == False))  # noqa: E712
             .order_by(Application.created_at.desc()))
    return [ApplicationRow(a.id, a.kind, a.title, a.application_no, a.status, a.applied_on,
                           len(a.worker_ids or []), counts.get(a.id, 0)) for a in query]


# -- pass numbers ----------------------------------------------------------------------------

_TAG_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_TAG_STATE = "pass_issuer_tag"
_SEQ_STATE = "pass_seq"


def issuer_tag() -> str:
    """This installation's pass-number prefix, made once."""
    tag = LocalState.get_value(_TAG_STATE)
    if not tag:
        tag = "".join(secrets.choice(_TAG_ALPHABET) for _ in range(5))
        LocalState.set_value(_TAG_STATE, tag)
    return str(tag)


def _next_number(state_key: str, *, prefix: str = "") -> str:
    """The next number of a per-installation counter; call inside the saving transaction."""
    seq = int(LocalState.get_value(state_key, 0) or 0) + 1
    LocalState.set_value(state_key, seq)
    return "-".join(filter(None, [prefix, issuer_tag(), f"{seq:06d}"]))


class _Issuer:
    """Hands out pass numbers for one transaction.

    The tag and the counter are read once and the counter written back once, and
    the records are given the related objects rather than ids, so that change capture does
    not load the application, enterprise and worker again for every pass: 2,000 passes are
    issued in well under a second.
    """

    def __init__(self, app: Application) -> None:
        self.app = app
        self.enterprise = app.enterprise
        self.unit = self.enterprise.name
        self.tag = issuer_tag()
        self.seq = int(LocalState.get_value(_SEQ_STATE, 0) or 0)

    def issue(self, worker: Worker, *, replaces: str = "") -> IssuedPass:
        app = self.app
        assert app.period_start is not None and app.period_end is not None
        self.seq += 1
        LocalState.set_value(_SEQ_STATE, self.seq)
        pass_no = f"{self.tag}-{self.seq:06d}"
        rec = IssuedPass(application=app, enterprise=self.enterprise, worker=worker,
                         pass_no=pass_no, valid_from=app.period_start,
                         valid_to=app.period_end, replaces=replaces, check_code="")
        self._fill(rec, worker)
        rec.save(force_insert=True)
        return rec

    def _fill(self, rec: IssuedPass, worker: Worker) -> None:
        # Holder and unit are normalised as the code signs them, so the server's signature
        # covers exactly what the card prints.
        code = pass_codes.make_code(
            pass_no=rec.pass_no, valid_from=rec.valid_from, valid_to=rec.valid_to,
            holder=passes.holder_of(name=worker.name, id_number=worker.id_number),
            unit=self.unit)
        rec.holder, rec.unit = code.holder, code.unit

    def describe(self, rec: IssuedPass, worker: Worker) -> None:
        """Give a pass issued before schema 11 (no holder, HMAC check code) what the
        county's signature covers; the change syncs and the server signs it."""
        self._fill(rec, worker)
        rec.save()


def issue_passes(*, record_id: str) -> list[IssuedPass]:
    """Give every worker of a pass application without an active pass one; returns all
    active passes of the application in roster order. Database worker thread."""
    with database_proxy.atomic():
        app = get(record_id=record_id)
        if app.kind != "pass":
            raise ServiceError(i18n.translate(
                "Application", "Only a worker-pass application issues passes."))
        if app.status == "rejected":
            raise ServiceError(i18n.translate(
                "Application", "This application was rejected; it issues no passes."))
        active = {p.worker_id: p for p in IssuedPass.select().where(
            (IssuedPass.application == app.id) & (IssuedPass.state == "active"))}
        workers = (Worker.select().where(Worker.id.in_(list(app.worker_ids or []))
                                         & (Worker.deleted == False))  # noqa: E712
                   .order_by(Worker.workshop, Worker.post, Worker.name, Worker.id))
        out = []
        issuer = _Issuer(app)
        for worker in workers:
            rec = active.get(worker.id)
            if rec is not None and (rec.valid_from, rec.valid_to) != (
                    app.period_start, app.period_end):
                _revoke(rec, "有效期变更")
                rec = issuer.issue(worker, replaces=rec.id)
            if rec is not None and not rec.holder:
                issuer.describe(rec, worker)
            out.append(rec or issuer.issue(worker))
        for worker_id, rec in active.items():
            if worker_id not in set(app.worker_ids or []):
                _revoke(rec, "已从申请中移除")
    return out


def _revoke(rec: IssuedPass, reason: str) -> None:
    rec.state = "revoked"
    rec.revoked_at = dt.datetime.now()
    rec.revoke_reason = reason[:120]
    rec.save()
    # The county-wide notice: gates elsewhere never see this enterprise's passes.
    PassRevocation.create(pass_id=rec.id, pass_no=rec.pass_no,
                          revoked_on=rec.revoked_at.date(), reason=rec.revoke_reason)


def get_pass(*, pass_id: str) -> IssuedPass:
    rec = IssuedPass.get_or_none(IssuedPass.id == pass_id)
    if rec is None:
        raise NotFound(i18n.translate("Application", "This pass no longer exists."))
    return rec


def revoke_pass(*, pass_id: str, reason: str) -> IssuedPass:
    """Withdraw a pass (lost, person left...). Database worker thread."""
    with database_proxy.atomic():
        rec = get_pass(pass_id=pass_id)
        if rec.state != "active":
            raise ServiceError(i18n.translate("Application", "This pass is already revoked."))
        _revoke(rec, reason.strip() or "注销")
    return rec


def reissue_pass(*, pass_id: str, reason: str = "") -> IssuedPass:
    """Revoke a pass and give its holder a new number (a lost or damaged card)."""
    with database_proxy.atomic():
        old = get_pass(pass_id=pass_id)
        if old.state == "active":
            _revoke(old, reason.strip() or "补发")
        app = get(record_id=old.application_id)
        worker = Worker.get_by_id(old.worker_id)
        return _Issuer(app).issue(worker, replaces=old.id)


@dataclass(frozen=True)
class PassRow:
    id: str
    pass_no: str
    worker_name: str
    workshop: str
    state: str
    valid_to: dt.date
    revoke_reason: str


def list_passes(*, record_id: str) -> list[PassRow]:
    """Every pass an application issued, active first, then revoked, by number."""
    query = (IssuedPass.select(IssuedPass, Worker.name, Worker.workshop)
             .join(Worker, on=(IssuedPass.worker == Worker.id))
             .where(IssuedPass.application == record_id)
             .order_by(IssuedPass.state, IssuedPass.pass_no))
    return [PassRow(p.id, p.pass_no, p.worker.name, p.worker.workshop, p.state, p.valid_to,
                    p.revoke_reason) for p in query]
