"""Plain, frozen input data for the forms.

Forms never see ORM objects: the caller (a service) copies what a form prints into these
records, which keeps forms testable without a database and makes clear what leaves the
database on paper. ID numbers and phones are passed in full; each form masks them unless
the caller deliberately asks for an unmasked print (and audits it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "AgentPerson",
    "ChecklistItem",
    "DailySummaryData",
    "DailySummaryRow",
    "DispatchSheetData",
    "EnterpriseInfo",
    "EvaluationReportData",
    "FollowUpAction",
    "LetterEntry",
    "LetterRegisterData",
    "MaterialNeed",
    "PassApplicationData",
    "PassCard",
    "PassCardsData",
    "PowerOfAttorneyData",
    "ProcedureApplicationData",
    "ProcedureItem",
    "ProxyPublicEntry",
    "ProxyPublicListData",
    "ProxyServiceRecordData",
    "ReopeningApplicationData",
    "ReportTable",
    "SatisfactionSheet",
    "SatisfactionSheetsData",
    "VisitRecordData",
    "WorkerEntry",
    "WorkerRosterData",
    "WorkshopHeadcount",
]


@dataclass(frozen=True)
class EnterpriseInfo:
    name: str
    uscc: str = ""
    town: str = ""
    park: str = ""
    address: str = ""
    industry: str = ""
    legal_representative: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    employees: int | None = None


@dataclass(frozen=True)
class WorkerEntry:
    name: str
    id_number: str = ""
    phone: str = ""
    workshop: str = ""
    post: str = ""
    shift: str = ""
    address: str = ""
    plate: str = ""
    #: The worker's own health and travel declarations (健康状况, 行程).
    health: str = ""
    travel: str = ""


# --- visits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpAction:
    action: str
    due: date | None = None
    owner: str = ""


@dataclass(frozen=True)
class VisitRecordData:
    enterprise: EnterpriseInfo
    visited_at: datetime
    officers: tuple[str, ...]
    kind: str
    place: str = ""
    participants: tuple[str, ...] = ()
    summary: str = ""
    problems: tuple[str, ...] = ()
    actions: tuple[FollowUpAction, ...] = ()
    record_no: str = ""
    organisation: str = ""


# --- rosters and passes -------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerRosterData:
    enterprise: EnterpriseInfo
    workers: tuple[WorkerEntry, ...]
    as_of: date | None = None


@dataclass(frozen=True)
class PassApplicationData:
    enterprise: EnterpriseInfo
    period_start: date
    period_end: date
    areas: tuple[str, ...]
    workers: tuple[WorkerEntry, ...]
    application_no: str = ""
    reason: str = ""
    applied_on: date | None = None
    organisation: str = ""


@dataclass(frozen=True)
class PassCard:
    pass_no: str
    check_code: str
    name: str
    enterprise_name: str
    valid_from: date
    valid_to: date
    workshop: str = ""
    post: str = ""
    #: Printed masked, and only when given.
    id_number: str = ""
    areas: str = ""
    #: 车牌号 of the vehicle the holder may bring in, if any.
    plate: str = ""
    #: The QR code's text (``core.pass_codes``): signed by the county, or provisional.
    qr_text: str = ""
    #: Not signed by the county yet: the card says so in red.
    provisional: bool = False


@dataclass(frozen=True)
class PassCardsData:
    cards: tuple[PassCard, ...]
    #: Issuer printed on each card, e.g. the county's epidemic-prevention command.
    issuer: str = ""
    title: str = "通行证"


# --- reopening ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkshopHeadcount:
    workshop: str
    total: int
    returning: int
    posts: str = ""


@dataclass(frozen=True)
class MaterialNeed:
    item: str
    quantity: str
    stock: str = ""
    note: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    done: bool = False


@dataclass(frozen=True)
class ReopeningApplicationData:
    enterprise: EnterpriseInfo
    planned_date: date
    headcount: tuple[WorkshopHeadcount, ...]
    capacity: str = ""
    material_needs: tuple[MaterialNeed, ...] = ()
    measures: tuple[ChecklistItem, ...] = ()
    workers: tuple[WorkerEntry, ...] = ()
    application_no: str = ""
    #: Empty means the standard commitment text.
    commitment: str = ""
    #: To whom the commitment letter is addressed.
    addressee: str = "县复工复产工作领导小组"
    applied_on: date | None = None
    organisation: str = ""
    #: 防疫负责人 and their phone; empty ones are left to be written in.
    epidemic_officer: str = ""
    epidemic_phone: str = ""
    #: 外地返岗人数: returning workers coming from outside the county (None: not known).
    returning_from_outside: int | None = None
    #: 附件 handed in with the application; empty means the standard list.
    attachments: tuple[str, ...] = ()
    #: The bodies that approve, one opinion and seal box each; empty means the standard ones.
    approvers: tuple[str, ...] = ()


# --- lead and proxy service ---------------------------------------------------------------


@dataclass(frozen=True)
class ProcedureItem:
    name: str
    department: str
    documents: tuple[str, ...] = ()
    submitted_on: date | None = None
    approved_on: date | None = None
    usual_days: int | None = None
    status: str = ""


@dataclass(frozen=True)
class ProcedureApplicationData:
    enterprise: EnterpriseInfo
    project_name: str
    items: tuple[ProcedureItem, ...]
    application_no: str = ""
    project_location: str = ""
    investment: str = ""
    description: str = ""
    officer: str = ""
    officer_phone: str = ""
    applied_on: date | None = None
    organisation: str = ""
    #: The name on the receiving centre's seal (its organisation if empty).
    seal_name: str = ""


@dataclass(frozen=True)
class AgentPerson:
    name: str
    id_number: str = ""
    phone: str = ""
    title: str = ""


@dataclass(frozen=True)
class PowerOfAttorneyData:
    enterprise: EnterpriseInfo
    agent_organisation: str
    agents: tuple[AgentPerson, ...]
    project_name: str
    items: tuple[str, ...]
    valid_from: date
    valid_to: date
    signed_on: date | None = None
    document_no: str = ""


@dataclass(frozen=True)
class ProxyServiceRecordData:
    case_no: str
    enterprise: EnterpriseInfo
    project_name: str
    officer: str
    items: tuple[ProcedureItem, ...]
    officer_phone: str = ""
    started_on: date | None = None
    finished_on: date | None = None
    progress: str = ""
    days_usual: int | None = None
    days_taken: int | None = None
    organisation: str = ""


@dataclass(frozen=True)
class ProxyPublicEntry:
    enterprise: str
    project: str
    items: str
    started_on: date | None
    finished_on: date | None
    status: str
    days_saved: int | None = None


@dataclass(frozen=True)
class ProxyPublicListData:
    period: str
    entries: tuple[ProxyPublicEntry, ...]
    publisher: str = ""
    published_on: date | None = None
    #: Last day of the 公示期 (it starts on ``published_on``).
    public_until: date | None = None
    #: 监督电话: where objections go.
    supervision_phone: str = ""


# --- whistle-blowing requests and the direct channel --------------------------------------


@dataclass(frozen=True)
class DispatchSheetData:
    request_no: str
    enterprise: EnterpriseInfo
    category: str
    description: str
    accepted_at: datetime
    lead_department: str
    co_departments: tuple[str, ...] = ()
    source: str = ""
    urgency: str = ""
    contact_deadline: date | None = None
    first_reply_deadline: date | None = None
    resolve_deadline: date | None = None
    dispatcher: str = ""
    requirements: str = ""
    organisation: str = ""
    #: 交办日期: when the centre dispatched it.
    dispatched_on: date | None = None
    #: 领导批示 already given (usually written on the printed sheet).
    instruction: str = ""
    #: The name on the seal the dispatching centre stamps with (its organisation if empty).
    seal_name: str = ""


@dataclass(frozen=True)
class LetterEntry:
    registration_no: str
    received_on: date
    enterprise: str
    addressee: str
    summary: str
    reply: str = ""
    replied_on: date | None = None


@dataclass(frozen=True)
class LetterRegisterData:
    entries: tuple[LetterEntry, ...]
    period: str = ""
    clerk: str = ""
    organisation: str = ""


# --- daily reporting ------------------------------------------------------------------------


@dataclass(frozen=True)
class DailySummaryRow:
    """One town's (or officer's) line of the day's summary; the figures as printed."""

    name: str
    due: int
    reported: int
    late: int
    missing: int
    rate: str
    people_on_site: int
    change: str
    anomaly_enterprises: int


@dataclass(frozen=True)
class DailySummaryData:
    title: str
    day: date
    rows: tuple[DailySummaryRow, ...]
    total: DailySummaryRow
    #: "town" or "officer": what the first column lists.
    by: str = "town"
    organisation: str = ""
    #: (enterprise, town, days) of the enterprises silent for two days or more.
    long_missing: tuple[tuple[str, str, int], ...] = ()
    #: (enterprise, town, what is wrong) of the enterprises that reported anomalies.
    problems: tuple[tuple[str, str, str], ...] = ()


# --- satisfaction evaluation (测评) -----------------------------------------------------------


@dataclass(frozen=True)
class SatisfactionSheet:
    """One enterprise's sheet for one evaluated unit."""

    enterprise: str
    unit: str
    #: What the QR code carries (round and sheet), and a short number printed under it.
    qr_payload: str
    sheet_no: str
    uscc: str = ""
    town: str = ""


@dataclass(frozen=True)
class SatisfactionSheetsData:
    """A round's sheets: the dimensions and scale they share, one sheet per page."""

    round_name: str
    held_on: date
    #: (label, weight); weights print only when they differ.
    dimensions: tuple[tuple[str, float], ...]
    #: "points" (0..scale_max) or "levels" (``levels``: (label, points), best first).
    scale_kind: str
    scale_max: float
    sheets: tuple[SatisfactionSheet, ...]
    levels: tuple[tuple[str, float], ...] = ()
    anonymous: bool = False
    organisation: str = ""
    title: str = "满意度测评表"


@dataclass(frozen=True)
class PhoneInvitation:
    """One enterprise's invitation to score on a phone: its one-time link."""

    enterprise: str
    url: str
    town: str = ""


@dataclass(frozen=True)
class PhoneInvitationsData:
    """The phone invitations of a round, two to an A4 page."""

    round_name: str
    held_on: date
    #: The units the enterprise scores, by name.
    units: tuple[str, ...]
    invitations: tuple[PhoneInvitation, ...]
    anonymous: bool = False
    organisation: str = ""
    title: str = "手机测评邀请"


@dataclass(frozen=True)
class ReportTable:
    heading: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EvaluationReportData:
    """测评结果通报: the round's results for the leadership, figures already formatted."""

    round_name: str
    held_on: date
    organisation: str
    summary: str
    tables: tuple[ReportTable, ...]
    #: (unit and, in a named round, enterprise; total; low dimensions; comments)
    follow_ups: tuple[tuple[str, str, str, str], ...] = ()
    note: str = ""
    issued_on: date | None = None
