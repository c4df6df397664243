"""Importing an enterprise's worker roster from its own Excel or CSV file.

Built on the generic table reader (``tabular``): the columns are found by their Chinese or
English headers, every row is checked with the worker form's rules, and what only a whole
file shows is added: an ID number twice in the file. A row whose ID number is already on
the roster is not an error: it *updates* that worker, so an enterprise can send its updated
roster again without creating doubles. Nothing is written until ``commit_roster``, which
writes the chosen rows in one transaction (all or none).

Database worker thread (or the command line's only thread) for every function.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from liaison_app.core import context, i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.models import Worker
from liaison_app.core.models.base import BOOKKEEPING, utcnow, write_records
from liaison_app.core.services import roster
from liaison_app.core.services.enterprise_import import ImportCommitFailed
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.services.roster import LABELS, WorkerInput
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
    build_plan,
    flag_repeats,
    read_table,
)
from liaison_app.core.validation import Finding, normalize_code

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", LABELS["name"], (
        "姓名", "员工姓名", "职工姓名", "名字", "name", "worker name", "full name"),
        required=True),
    ColumnSpec("id_number", LABELS["id_number"], (
        "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号", "身份证件号码",
        "id number", "id no", "id", "resident id"), required=True, kind=CellKind.CODE),
    ColumnSpec("phone", LABELS["phone"], (
        "手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "移动电话", "phone",
        "mobile", "mobile phone", "tel"), kind=CellKind.CODE),
    ColumnSpec("workshop", LABELS["workshop"], (
        "车间", "部门", "所在车间", "车间/部门", "车间部门", "所在部门", "班组", "workshop",
        "department", "dept")),
    ColumnSpec("post", LABELS["post"], (
        "岗位", "工种", "职务", "岗位/工种", "岗位工种", "post", "position", "job", "role")),
    ColumnSpec("shift", LABELS["shift"], ("班次", "班别", "shift")),
    ColumnSpec("address", LABELS["address"], (
        "住址", "现住址", "家庭住址", "居住地址", "现居住地址", "家庭地址", "address",
        "home address")),
    ColumnSpec("home_town", LABELS["home_town"], (
        "居住镇街", "所在镇街", "居住乡镇", "镇街", "乡镇", "town", "home town")),
    ColumnSpec("plate", LABELS["plate"], (
        "车牌", "车牌号", "车牌号码", "通勤车辆", "车辆号牌", "plate", "vehicle plate",
        "licence plate", "license plate"), kind=CellKind.CODE),
    ColumnSpec("health", LABELS["health"], (
        "健康状况", "健康申报", "健康码", "体温", "health")),
    ColumnSpec("travel", LABELS["travel"], (
        "行程", "旅居史", "行程申报", "近期行程", "travel", "travel history")),
    ColumnSpec("notes", LABELS["notes"], ("备注", "说明", "notes", "remarks")),
)

_INPUT_FIELDS = frozenset(f.name for f in fields(WorkerInput))


def to_input(values: Mapping[str, Any]) -> WorkerInput:
    """The worker form's input for one import row (absent columns stay empty)."""
    return WorkerInput(**{k: str(v) for k, v in values.items()
                          if k in _INPUT_FIELDS and v is not None})


@dataclass
class RosterPlan(ImportPlan):
    """An import plan that also knows which rows update a worker already on the roster."""

    enterprise_id: str = ""
    #: Row number -> id of the worker that row updates.
    updates: dict[int, str] = field(default_factory=dict)

    def updates_existing(self, report: RowReport) -> bool:
        return report.row_number in self.updates

    def action(self, report: RowReport) -> RowAction | None:
        if report.status is RowStatus.ERROR:
            return None
        return RowAction.UPDATE if self.updates_existing(report) else RowAction.NEW


@dataclass
class RosterImportResult(ImportResult):
    created: int = 0
    updated: int = 0


def _check_row(row: TableRow, enterprise_id: str) -> list[Finding]:
    unreadable = {f.field for f in row.findings if f.is_error}
    return [f for f in roster.validate(to_input(row.values), enterprise_id=enterprise_id,
                                       check_duplicates=False)
            if f.field not in unreadable]


def plan_roster(preview: TablePreview, *, enterprise_id: str) -> RosterPlan:
    """Check every row of an already read table (e.g. after the mapping was fixed by hand)."""
    base = build_plan(preview=preview, check=lambda row: _check_row(row, enterprise_id),
                      title_key="name")
    plan = RosterPlan(preview=base.preview, rows=base.rows, enterprise_id=enterprise_id)
    if plan.file_errors:
        return plan
    flag_repeats(plan.rows, key="id_number", normalize=lambda v: normalize_code(str(v)),
                 message=i18n.translate(
                     "Import", "This ID number is already in row {row} of this file."))
    numbers = {r.row_number: normalize_code(str(r.values.get("id_number") or ""))
               for r in plan.rows}
    known = roster.ids_by_number(enterprise_id=enterprise_id,
                                 numbers=[n for n in numbers.values() if n])
    for report in plan.rows:
        hit = known.get(numbers[report.row_number])
        if hit is not None and not report.errors:
            plan.updates[report.row_number] = hit[0]
    return plan


def preview_roster(path: Path | str, *, enterprise_id: str, sheet: str | None = None,
                   mapping_override: Mapping[str, int | None] | None = None) -> RosterPlan:
    """Read and check a roster file for ``enterprise_id``; writes nothing.

    Raises ``TableReadError`` when the file cannot be read; a missing required column is in
    ``plan.file_errors``.
    """
    preview = read_table(path=path, spec=COLUMNS, sheet=sheet, mapping_override=mapping_override)
    return plan_roster(preview, enterprise_id=enterprise_id)


def replan(plan: ImportPlan, mapping_override: Mapping[str, int | None]) -> RosterPlan:
    """The same file checked again with columns chosen by hand."""
    assert isinstance(plan, RosterPlan)
    return plan_roster(plan.preview.with_mapping(mapping_override),
                       enterprise_id=plan.enterprise_id)


def commit_roster(plan: ImportPlan, *, include_warnings: bool = False) -> RosterImportResult:
    """Write the plan's valid rows: new workers created, known ID numbers updated; all or none.

    The roster is read again inside the transaction, because it may have changed since the
    preview (a worker added by hand meanwhile is updated, not doubled).
    """
    assert isinstance(plan, RosterPlan)
    if plan.file_errors:
        raise ServiceError(plan.file_errors[0])
    chosen = plan.importable(include_warnings=include_warnings)
    chosen_rows = {r.row_number for r in chosen}
    ids: list[str] = []
    created = updated = 0
    with database_proxy.atomic():
        roster.require_enterprise(plan.enterprise_id)
        # A column the file does not have must not blank what the roster knows.
        mapped = set(plan.preview.mapping)
        inputs = [(report, to_input(report.values).cleaned()) for report in chosen]
        known = roster.ids_by_number(enterprise_id=plan.enterprise_id,
                                     numbers=[d.id_number for _, d in inputs])
        existing = {w.id: w for w in roster.workers_for_print(
            enterprise_id=plan.enterprise_id, ids=[wid for wid, _ in known.values()])}
        fresh: list[Worker] = []
        fresh_ids: set[str] = set()
        for report, data in inputs:
            findings = [f for f in roster.validate(data, enterprise_id=plan.enterprise_id,
                                                   check_duplicates=False) if f.is_error]
            if findings:
                raise ImportCommitFailed(i18n.translate(
                    "Import",
                    "Row {row} ({name}) cannot be saved: {problem} Nothing was imported.",
                ).format(row=report.row_number, name=report.title,
                         problem=findings[0].message),
                    row_number=report.row_number, findings=findings)
            hit = known.get(data.id_number)
            if hit is None:
                rec = Worker(enterprise=plan.enterprise_id, **vars(data))
                fresh.append(rec)
                known[data.id_number] = (rec.id, rec.name)
                existing[rec.id] = rec
                fresh_ids.add(rec.id)
                created += 1
            elif hit[0] in fresh_ids:
                rec = existing[hit[0]]
                roster.apply_input(rec, data, only=mapped)
                updated += 1
            else:
                rec = existing[hit[0]]
                if roster.apply_input(rec, data, only=mapped):
                    rec.save()
                updated += 1
            ids.append(rec.id)
        _insert_new(fresh)
    skipped = [r for r in plan.rows if r.row_number not in chosen_rows]
    return RosterImportResult(imported=len(ids), record_ids=ids, skipped=skipped,
                              created=created, updated=updated)


def _insert_new(records: list[Worker]) -> None:
    """Insert new workers with their outbox operations in bulk: what ``save`` writes for
    each, through the same primitive, in one statement per chunk. Call inside the import's
    transaction."""
    officer = context.current_officer_id()
    now = utcnow()
    for rec in records:
        rec.created_by = rec.created_by or officer
        rec.created_at = rec.updated_at = now
    fields = [name for name in Worker._meta.sorted_field_names if name not in BOOKKEEPING]
    write_records(Worker, records, new=True, captured={rec.id: fields for rec in records})


__all__ = [
    "COLUMNS",
    "RosterImportResult",
    "RosterPlan",
    "commit_roster",
    "plan_roster",
    "preview_roster",
    "replan",
    "to_input",
]
