"""Importing enterprises from a county's spreadsheet: preview every row, then write or not.

The preview runs the same rules as the enterprise form (``enterprises.validate``) on every
row, plus what only a whole file shows: a credit code listed twice, or already held by an
enterprise in the database. The commit writes through ``enterprises.create`` so each record
gets its outbox entry and search entry, all in one transaction: a failure on row 900 leaves
the database as it was, and the person can fix the file and import it again.

Database worker thread (or the command line's only thread) for both functions.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.models import Enterprise
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import LABELS, DuplicateUscc, EnterpriseInput
from liaison_app.core.services.errors import ServiceError, ValidationFailed
from liaison_app.core.services.tabular import (
    CellKind,
    ColumnSpec,
    ImportPlan,
    ImportResult,
    RowStatus,
    TablePreview,
    TableRow,
    build_plan,
    flag_repeats,
    read_table,
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


def to_input(values: Mapping[str, Any]) -> EnterpriseInput:
    """The enterprise form's input for one import row (absent columns keep their defaults)."""
    data = {k: v for k, v in values.items() if k in _INPUT_FIELDS and v is not None}
    data["is_key"] = bool(values.get("is_key"))
    return EnterpriseInput(**data)


def _check_row(row: TableRow) -> list[Finding]:
    # A cell that could not be read already has its finding; a second one about the empty
    # value it left behind would only confuse.
    unreadable = {f.field for f in row.findings if f.is_error}
    return [f for f in enterprises.validate(to_input(row.values), check_duplicates=False)
            if f.field not in unreadable]


#: SQLite allows many more bound variables, but short IN lists keep every query plan cheap.
_QUERY_CHUNK = 500


def _flag_known_codes(plan: ImportPlan) -> None:
    """One query per 500 rows instead of one per row: a 10,000-row file stays fast."""
    wanted: dict[str, list[Any]] = {}
    for report in plan.rows:
        code = normalize_code(str(report.values.get("uscc") or ""))
        if code and not any(f.field == "uscc" and f.is_error for f in report.findings):
            wanted.setdefault(code, []).append(report)
    codes = list(wanted)
    for start in range(0, len(codes), _QUERY_CHUNK):
        chunk = codes[start:start + _QUERY_CHUNK]
        query = (Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.uscc)
                 .where(Enterprise.uscc.in_(chunk) & (Enterprise.deleted == False)))  # noqa: E712
        for rec in query:
            for report in wanted.get(rec.uscc, []):
                report.findings.append(DuplicateUscc(
                    "uscc", Severity.ERROR,
                    i18n.translate("Enterprise", "{name} already has this credit code.").format(
                        name=rec.name),
                    existing_id=rec.id, existing_name=rec.name))


def plan_enterprises(preview: TablePreview) -> ImportPlan:
    """Check every row of an already read table (e.g. after the mapping was fixed by hand)."""
    plan = build_plan(preview=preview, check=_check_row, title_key="name")
    if plan.file_errors:
        return plan
    flag_repeats(plan.rows, key="uscc", normalize=lambda v: normalize_code(str(v)),
                 message=i18n.translate(
                     "Import", "This credit code is already in row {row} of this file."))
    _flag_known_codes(plan)
    return plan


def preview_enterprises(path: Path | str, *, sheet: str | None = None,
                        mapping_override: Mapping[str, int | None] | None = None
                        ) -> ImportPlan:
    """Read and check an enterprise list; writes nothing.

    Raises ``TableReadError`` when the file cannot be read; a missing required column is in
    ``plan.file_errors``.
    """
    preview = read_table(path=path, spec=COLUMNS, sheet=sheet, mapping_override=mapping_override)
    return plan_enterprises(preview)


def commit_enterprises(plan: ImportPlan, *, include_warnings: bool) -> ImportResult:
    """Write the plan's valid rows (and its warning rows if ``include_warnings``), all or none.

    Every row is validated again inside the transaction, because the database may have
    changed since the preview. Raises ``ImportCommitFailed`` (nothing written) when a row
    fails, or ``ServiceError`` when the file itself had errors.
    """
    if plan.file_errors:
        raise ServiceError(plan.file_errors[0])
    chosen = plan.importable(include_warnings=include_warnings)
    chosen_rows = {r.row_number for r in chosen}
    ids: list[str] = []
    with database_proxy.atomic():
        for report in chosen:
            try:
                rec = enterprises.create(data=to_input(report.values),
                                         confirm_warnings=include_warnings)
            except ValidationFailed as exc:
                raise ImportCommitFailed(i18n.translate(
                    "Import",
                    "Row {row} ({name}) cannot be saved: {problem} Nothing was imported.",
                ).format(row=report.row_number, name=report.title, problem=exc.findings[0].message),
                    row_number=report.row_number, findings=exc.findings) from exc
            ids.append(rec.id)
    skipped = [r for r in plan.rows if r.row_number not in chosen_rows]
    return ImportResult(imported=len(ids), record_ids=ids, skipped=skipped)


__all__ = [
    "COLUMNS",
    "ImportCommitFailed",
    "RowStatus",
    "commit_enterprises",
    "plan_enterprises",
    "preview_enterprises",
    "to_input",
]
