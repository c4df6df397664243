"""Importing enterprises from a county's spreadsheet: preview every row, then write or not.

One pipeline for the app, its command line and the sync server (``liaison-server import
enterprises``): the same reader (``tabular``: .xlsx, CSV in UTF-8 or GBK, headers as people
write them), the same rules as the enterprise form (``enterprises.validate``) on every row,
plus what only a whole file shows (a credit code listed twice). Only where the enterprises
already are differs, so the caller passes a ``FindKnown``: the app looks in its database, the
server in its records.

An enterprise already there (same credit code) is *updated* from the row, not refused: a
county corrects its list and imports it again. Each row is reported as new, updated or
unchanged. Only the columns the file has are written; a column it lacks keeps what the
enterprise had. The commit writes every chosen row in one transaction (all or none), after
looking the codes up again, since the database may have changed since the preview.

Database worker thread (or the command line's only thread) for the functions that touch a
database.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models import Enterprise
from liaison_app.core.models.base import BOOKKEEPING, to_wire
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import LABELS, EnterpriseInput
from liaison_app.core.services.errors import ServiceError, ValidationFailed
from liaison_app.core.services.tabular import (
    CellKind,
    ColumnSpec,
    ImportPlan,
    ImportResult,
    RowAction,
    RowReport,
    RowStatus,
    TablePreview,
    TableRow,
    action_label,
    build_plan,
    flag_repeats,
    read_table,
    report_lines,
)
from liaison_app.core.validation import Finding, Severity, normalize_code

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", LABELS["name"], (
        "企业名称", "单位名称", "公司名称", "企业全称", "名称", "name", "enterprise name",
        "company name", "company", "enterprise"), required=True),
    ColumnSpec("uscc", LABELS["uscc"], (
        "统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "USCC", "credit code",
        "unified social credit code"), kind=CellKind.CODE),
    ColumnSpec("town", LABELS["town"], (
        "镇街", "镇(街道)", "所属镇街", "镇/街道", "镇街道", "乡镇", "乡镇(街道)", "所属乡镇",
        "所属镇(街道)", "town", "town/street")),
    ColumnSpec("park", LABELS["park"], ("园区", "所属园区", "工业园区", "park")),
    ColumnSpec("address", LABELS["address"], (
        "地址", "企业地址", "注册地址", "经营地址", "详细地址", "address")),
    ColumnSpec("industry", LABELS["industry"], (
        "行业", "所属行业", "行业类别", "行业分类", "industry")),
    ColumnSpec("is_key", LABELS["is_key"], (
        "重点企业", "是否重点", "是否重点企业", "重点", "key", "key enterprise"),
        kind=CellKind.BOOL),
    ColumnSpec("legal_rep", LABELS["legal_rep"], (
        "法定代表人", "法人", "法人代表", "legal representative", "legal rep")),
    ColumnSpec("contact_name", LABELS["contact_name"], (
        "联系人", "企业联系人", "contact", "contact person", "contact name")),
    ColumnSpec("contact_phone", LABELS["contact_phone"], (
        "联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "联系人电话", "phone",
        "contact phone", "tel", "telephone", "mobile"), kind=CellKind.CODE),
    ColumnSpec("employees", LABELS["employees"], (
        "职工人数", "员工人数", "从业人数", "从业人员", "人数", "职工数", "employees",
        "headcount"), kind=CellKind.INTEGER),
    ColumnSpec("notes", LABELS["notes"], ("备注", "说明", "notes", "remarks", "note")),
)

_INPUT_FIELDS = frozenset(f.name for f in fields(EnterpriseInput))


class ImportCommitFailed(ServiceError):
    """A row could not be written; the whole import was rolled back."""

    def __init__(self, message: i18n.Message, *, row_number: int,
                 findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.row_number = row_number
        self.findings = findings or []


@dataclass(frozen=True)
class KnownEnterprise:
    """An enterprise already in the store, which a row with its credit code updates."""

    id: str
    name: str
    #: Its current values, by ``EnterpriseInput`` field.
    values: Mapping[str, Any]
    #: Deleted, but still holding its code (the server keeps every code it has seen).
    deleted: bool = False


#: Credit codes -> the enterprises holding them. The app looks in its database, the server
#: in its records; the codes come normalised, at most a few hundred per call.
FindKnown = Callable[[Sequence[str]], Mapping[str, KnownEnterprise]]


def to_input(values: Mapping[str, Any]) -> EnterpriseInput:
    """The enterprise form's input for one import row (absent columns keep their defaults)."""
    data = {k: v for k, v in values.items() if k in _INPUT_FIELDS and v is not None}
    data["is_key"] = bool(values.get("is_key"))
    return EnterpriseInput(**data)


def wire_values(data: EnterpriseInput) -> dict[str, Any]:
    """Every synced field of a new enterprise made from ``data``, as a laptop would push it."""
    rec = Enterprise(**vars(data.cleaned()))
    return {f.column_name: to_wire(f, rec.__data__.get(f.name))
            for f in Enterprise._meta.sorted_fields if f.name not in BOOKKEEPING}


def _check_row(row: TableRow) -> list[Finding]:
    # A cell that could not be read already has its finding; a second one about the empty
    # value it left behind would only confuse.
    unreadable = {f.field for f in row.findings if f.is_error}
    return [f for f in enterprises.validate(to_input(row.values), check_duplicates=False)
            if f.field not in unreadable]


#: SQLite allows many more bound variables, but short IN lists keep every query plan cheap.
QUERY_CHUNK = 500


def known_locally(codes: Sequence[str]) -> dict[str, KnownEnterprise]:
    """The app's ``FindKnown``: live enterprises of this laptop's database."""
    found: dict[str, KnownEnterprise] = {}
    codes = list(codes)
    for start in range(0, len(codes), QUERY_CHUNK):
        query = Enterprise.select().where(
            Enterprise.uscc.in_(codes[start:start + QUERY_CHUNK])
            & (Enterprise.deleted == False))  # noqa: E712
        for rec in query:
            found.setdefault(rec.uscc, KnownEnterprise(
                id=rec.id, name=rec.name, values=vars(EnterpriseInput.from_record(rec))))
    return found


def _code(report: RowReport) -> str:
    """The row's credit code, if it is one that can be looked up."""
    if any(f.field == "uscc" and f.is_error for f in report.findings):
        return ""
    return normalize_code(str(report.values.get("uscc") or ""))


def _same(field_name: str, new: Any, old: Any) -> bool:
    if isinstance(new, str) or isinstance(old, str):
        return str(new or "").strip() == str(old or "").strip()
    if field_name == "is_key":
        return bool(new) == bool(old)
    return new == old


@dataclass
class EnterprisePlan(ImportPlan):
    """An import plan that knows which rows update an enterprise already there."""

    #: Row number -> the enterprise with that row's credit code.
    matches: dict[int, KnownEnterprise] = field(default_factory=dict)

    @property
    def mapped(self) -> frozenset[str]:
        """The fields the file has a column for: only these are written."""
        return frozenset(self.preview.mapping) & _INPUT_FIELDS

    def changes(self, report: RowReport, known: KnownEnterprise | None = None
                ) -> dict[str, Any]:
        """The fields the row would change on ``known`` (default: its match), cleaned."""
        known = known or self.matches.get(report.row_number)
        data = vars(to_input(report.values).cleaned())
        if known is None:
            return data
        return {name: data[name] for name in sorted(self.mapped)
                if not _same(name, data[name], known.values.get(name))}

    def action(self, report: RowReport) -> RowAction | None:
        if report.status is RowStatus.ERROR:
            return None
        if report.row_number not in self.matches:
            return RowAction.NEW
        return RowAction.UPDATE if self.changes(report) else RowAction.UNCHANGED


@dataclass
class EnterpriseImportResult(ImportResult):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Row number -> what was done with it, for every row written or found unchanged.
    actions: dict[int, RowAction] = field(default_factory=dict)


def _deleted_finding(known: KnownEnterprise) -> Finding:
    return Finding("uscc", Severity.ERROR, i18n.translate(
        "Import", "{name} had this credit code and was deleted; it is not imported again."
    ).format(name=known.name))


def plan_enterprises(preview: TablePreview, *, find_known: FindKnown = known_locally
                     ) -> EnterprisePlan:
    """Check every row of an already read table (e.g. after the mapping was fixed by hand)."""
    base = build_plan(preview=preview, check=_check_row, title_key="name")
    plan = EnterprisePlan(preview=base.preview, rows=base.rows)
    if plan.file_errors:
        return plan
    flag_repeats(plan.rows, key="uscc", normalize=lambda v: normalize_code(str(v)),
                 message=i18n.translate(
                     "Import", "This credit code is already in row {row} of this file."))
    codes = {r.row_number: _code(r) for r in plan.rows}
    wanted = sorted({c for c in codes.values() if c})
    known: dict[str, KnownEnterprise] = {}
    for start in range(0, len(wanted), QUERY_CHUNK):
        known.update(find_known(wanted[start:start + QUERY_CHUNK]))
    for report in plan.rows:
        hit = known.get(codes[report.row_number])
        if hit is None or report.errors:
            continue
        if hit.deleted:
            report.findings.append(_deleted_finding(hit))
        else:
            plan.matches[report.row_number] = hit
    return plan


def preview_enterprises(path: Path | str, *, sheet: str | None = None,
                        mapping_override: Mapping[str, int | None] | None = None,
                        find_known: FindKnown = known_locally) -> EnterprisePlan:
    """Read and check an enterprise list; writes nothing.

    Raises ``TableReadError`` when the file cannot be read; a missing required column is in
    ``plan.file_errors``.
    """
    preview = read_table(path=path, spec=COLUMNS, sheet=sheet, mapping_override=mapping_override)
    return plan_enterprises(preview, find_known=find_known)


@dataclass(frozen=True)
class RowWrite:
    """One chosen row, checked again against the store at commit time."""

    report: RowReport
    data: EnterpriseInput
    #: The enterprise the row updates; None for a new one.
    known: KnownEnterprise | None
    #: For an update, the fields that change; empty for a new one (``data`` has them all).
    changes: dict[str, Any]

    @property
    def action(self) -> RowAction:
        if self.known is None:
            return RowAction.NEW
        return RowAction.UPDATE if self.changes else RowAction.UNCHANGED

    def merged(self) -> EnterpriseInput:
        """The known enterprise's values with the row's changes on top."""
        assert self.known is not None
        return EnterpriseInput(**{**{k: v for k, v in self.known.values.items()
                                     if k in _INPUT_FIELDS}, **self.changes})


def row_writes(plan: ImportPlan, *, include_warnings: bool, find_known: FindKnown
               ) -> list[RowWrite]:
    """What committing ``plan`` writes, looked up again now. Call inside the transaction
    that writes them, so that an enterprise added since the preview is updated, not doubled.

    Raises ``ServiceError`` when the file itself had errors and ``ImportCommitFailed`` when a
    row's credit code now belongs to a deleted enterprise.
    """
    assert isinstance(plan, EnterprisePlan)
    if plan.file_errors:
        raise ServiceError(plan.file_errors[0])
    chosen = plan.importable(include_warnings=include_warnings)
    wanted = sorted({c for c in map(_code, chosen) if c})
    known: dict[str, KnownEnterprise] = {}
    for start in range(0, len(wanted), QUERY_CHUNK):
        known.update(find_known(wanted[start:start + QUERY_CHUNK]))
    writes = []
    for report in chosen:
        hit = known.get(_code(report))
        if hit is not None and hit.deleted:
            finding = _deleted_finding(hit)
            raise ImportCommitFailed(_row_failed(report, finding.message),
                                     row_number=report.row_number, findings=[finding])
        writes.append(RowWrite(report=report, data=to_input(report.values).cleaned(),
                               known=hit, changes=plan.changes(report, hit) if hit else {}))
    return writes


def _row_failed(report: RowReport, problem: Message) -> Message:
    return i18n.translate(
        "Import", "Row {row} ({name}) cannot be saved: {problem} Nothing was imported.",
    ).format(row=report.row_number, name=report.title, problem=problem)


def import_result(plan: ImportPlan, writes: Sequence[RowWrite], ids: Sequence[str]
                  ) -> EnterpriseImportResult:
    """The result of having written ``writes`` (with their record ids, in order)."""
    done = {w.report.row_number for w in writes}
    actions = {w.report.row_number: w.action for w in writes}
    tally = list(actions.values())
    return EnterpriseImportResult(
        imported=len(writes), record_ids=list(ids),
        skipped=[r for r in plan.rows if r.row_number not in done],
        created=tally.count(RowAction.NEW), updated=tally.count(RowAction.UPDATE),
        unchanged=tally.count(RowAction.UNCHANGED), actions=actions)


def report(plan: ImportPlan, result: EnterpriseImportResult, *, accepted_warnings: bool
           ) -> list[Message | str]:
    """What an import did, for a command line: a line per row written (new, updated,
    unchanged) or left out (with its problems), then the totals."""
    summary = plan.summary
    lines = report_lines(plan, accepted_warnings=accepted_warnings,
                         done={row: action_label(a) for row, a in result.actions.items()})
    lines.append(i18n.translate(
        "Import", "{imported} of {total} rows imported: {created} new, {updated} updated, "
        "{unchanged} unchanged ({errors} with errors, {warnings} with warnings).").format(
        imported=result.imported, total=summary.total, created=result.created,
        updated=result.updated, unchanged=result.unchanged, errors=summary.error,
        warnings=summary.warning))
    return lines


def commit_enterprises(plan: ImportPlan, *, include_warnings: bool) -> EnterpriseImportResult:
    """Write the plan's valid rows (and its warning rows if ``include_warnings``), all or none.

    New credit codes become new enterprises, known ones update theirs. Every row is
    validated again inside the transaction, because the database may have changed since
    the preview. Raises ``ImportCommitFailed`` (nothing written) when a row fails, or
    ``ServiceError`` when the file itself had errors.
    """
    ids: list[str] = []
    with database_proxy.atomic():
        writes = row_writes(plan, include_warnings=include_warnings, find_known=known_locally)
        for write in writes:
            try:
                if write.known is None:
                    rec_id = enterprises.create(data=write.data,
                                                confirm_warnings=include_warnings).id
                elif write.changes:
                    # The row's own warnings were accepted or refused in the plan; those of
                    # fields the file does not touch are not the import's to judge.
                    rec_id = enterprises.update(record_id=write.known.id, data=write.merged(),
                                                confirm_warnings=True).id
                else:
                    rec_id = write.known.id
            except ValidationFailed as exc:
                raise ImportCommitFailed(
                    _row_failed(write.report, exc.findings[0].message),
                    row_number=write.report.row_number, findings=exc.findings) from exc
            ids.append(rec_id)
    return import_result(plan, writes, ids)


__all__ = [
    "COLUMNS",
    "EnterpriseImportResult",
    "EnterprisePlan",
    "FindKnown",
    "ImportCommitFailed",
    "KnownEnterprise",
    "RowAction",
    "RowStatus",
    "RowWrite",
    "action_label",
    "commit_enterprises",
    "import_result",
    "known_locally",
    "plan_enterprises",
    "preview_enterprises",
    "report",
    "row_writes",
    "to_input",
    "wire_values",
]
