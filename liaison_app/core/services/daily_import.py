"""Importing a day's reports from the sheet an enterprise or a town sends.

The same pipeline as the other imports (``tabular``): columns found by their headers (the
template's field names, with the usual variants), every row checked with the rules the
entry grid uses, a per-row report, and nothing written until ``commit_daily``, which writes
the chosen rows in one transaction. The enterprise of a row is found by its credit code, or
by its exact name; the day is the row's own date column or the day chosen for the import.
A row for an enterprise and day already reported updates that report (one per day).

Database worker thread (or the command line's only thread) for every function.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from liaison_app.core import clock, i18n
from liaison_app.core.daily_rules import FieldDef
from liaison_app.core.db import database_proxy
from liaison_app.core.models import Enterprise
from liaison_app.core.models.daily import DailyReport, report_id_for
from liaison_app.core.services import daily_reports
from liaison_app.core.services import daily_templates as templates
from liaison_app.core.services.enterprise_import import ImportCommitFailed
from liaison_app.core.services.errors import ServiceError, ValidationFailed
from liaison_app.core.services.tabular import (
    CellKind,
    ColumnSpec,
    ImportPlan,
    ImportResult,
    RowReport,
    TablePreview,
    TableRow,
    build_plan,
    read_table,
)
from liaison_app.core.validation import Finding, Severity, normalize_code

#: Other headers people give the ready templates' fields.
_ALIASES: dict[str, tuple[str, ...]] = {
    "people_on_site": ("在岗人数", "到岗人数", "在岗员工", "在岗职工数", "复工人数", "返岗人数",
                       "在岗", "people on site"),
    "returned": ("县外返岗人数", "其中县外返岗", "外地返岗人数", "县外返回人员", "返回人员"),
    "capacity": ("产能恢复率", "产能", "开工率", "产能利用率", "capacity"),
    "anomalies": ("异常情况", "异常", "异常说明", "anomalies"),
    "hazards": ("发现隐患", "隐患", "隐患及异常"),
    "needs": ("需协调解决的问题", "需协调事项", "困难问题", "需求", "needs"),
}
_KIND = {"number": CellKind.INTEGER, "check": CellKind.BOOL, "text": CellKind.TEXT}

LABELS = {
    "name": i18n.translate("DailyImport", "Enterprise name"),
    "uscc": i18n.translate("DailyImport", "Unified social credit code"),
    "report_date": i18n.translate("DailyImport", "Date"),
}


def columns_for(fields: tuple[FieldDef, ...]) -> tuple[ColumnSpec, ...]:
    """The import's columns for a template version: who, which day, then its fields."""
    head = (
        ColumnSpec("name", LABELS["name"], (
            "企业名称", "单位名称", "公司名称", "企业", "名称", "enterprise", "name",
            "enterprise name"), required=True),
        ColumnSpec("uscc", LABELS["uscc"], (
            "统一社会信用代码", "信用代码", "社会信用代码", "USCC", "credit code"),
            kind=CellKind.CODE),
        ColumnSpec("report_date", LABELS["report_date"], (
            "日期", "填报日期", "报告日期", "上报日期", "统计日期", "date"), kind=CellKind.DATE),
    )
    return head + tuple(
        ColumnSpec(f.key, i18n.Message("", f.label), (f.label, f.key, *_ALIASES.get(f.key, ())),
                   kind=_KIND[f.kind])
        for f in fields)


@dataclass
class DailyPlan(ImportPlan):
    """An import plan that knows its template, default day and which rows update a report."""

    template_id: str = ""
    day: dt.date = field(default_factory=lambda: clock.today())
    #: Row number -> (enterprise id, day) of a row that can be written.
    targets: dict[int, tuple[str, dt.date]] = field(default_factory=dict)
    #: Row numbers whose report already exists and will be updated, not doubled.
    updates: set[int] = field(default_factory=set)


def _enterprises() -> tuple[dict[str, tuple[str, str]], dict[str, list[tuple[str, str]]]]:
    by_code: dict[str, tuple[str, str]] = {}
    by_name: dict[str, list[tuple[str, str]]] = {}
    for eid, name, code in (Enterprise.select(Enterprise.id, Enterprise.name, Enterprise.uscc)
                            .where(Enterprise.deleted == False).tuples()):  # noqa: E712
        if code:
            by_code[code] = (eid, name)
        by_name.setdefault(name.strip(), []).append((eid, name))
    return by_code, by_name


def plan_daily(preview: TablePreview, *, template_id: str, day: dt.date,
               today: dt.date | None = None) -> DailyPlan:
    """Check every row of an already read sheet against the rules of the day's report."""
    today = today or clock.today()
    by_code, by_name = _enterprises()
    version = templates.version_for(template_id=template_id, day=day)
    due: set[str] = set()
    if version is not None:
        due = {e.id for e in templates.due_enterprises(version=version)}
    fields = [c.key for c in preview.spec if c.key not in LABELS]
    targets: dict[int, tuple[str, dt.date]] = {}

    def check(row: TableRow) -> list[Finding]:
        unreadable = {f.field for f in row.findings if f.is_error}
        code = normalize_code(str(row.values.get("uscc") or ""))
        name = str(row.values.get("name") or "").strip()
        hit = by_code.get(code) if code else None
        if code and hit is None:
            return [Finding("uscc", Severity.ERROR, i18n.translate(
                "DailyImport", "No enterprise has the credit code {code}.").format(code=code))]
        if hit is None:
            named = by_name.get(name, [])
            if len(named) != 1:
                text = (i18n.translate(
                    "DailyImport", "No enterprise is named \u201c{name}\u201d; write its name "
                    "as in the enterprise list, or add its credit code.") if not named else
                    i18n.translate("DailyImport", "Several enterprises are named "
                                   "\u201c{name}\u201d; add the credit code."))
                return [Finding("name", Severity.ERROR, text.format(name=name))]
            hit = named[0]
        row_day = row.values.get("report_date") or day
        values = {k: row.values.get(k) for k in fields if row.values.get(k) is not None}
        findings, _v, _rec, _e = daily_reports.check(
            template_id=template_id, enterprise_id=hit[0], day=row_day, values=values,
            today=today)
        findings = [f for f in findings if f.field not in unreadable]
        if "report_date" not in unreadable and hit[0] not in due and row_day == day:
            findings.append(Finding("name", Severity.WARNING, i18n.translate(
                "DailyImport", "{name} is not among the enterprises asked to report this "
                "template.").format(name=hit[1])))
        if not any(f.is_error for f in findings) and not unreadable:
            targets[row.row_number] = (hit[0], row_day)
        return findings

    base = build_plan(preview=preview, check=check, title_key="name")
    plan = DailyPlan(preview=base.preview, rows=base.rows, template_id=template_id, day=day)
    if plan.file_errors:
        return plan
    first: dict[tuple[str, dt.date], int] = {}
    for report in plan.rows:
        target = targets.get(report.row_number)
        if target is None:
            continue
        if target in first:
            report.findings.append(Finding("name", Severity.ERROR, i18n.translate(
                "DailyImport", "Row {row} of this file already reports this enterprise for "
                "{date}.").format(row=first[target], date=target[1].isoformat())))
            continue
        first[target] = report.row_number
        plan.targets[report.row_number] = target
    ids = {report_id_for(eid, template_id, d): n for n, (eid, d) in plan.targets.items()}
    known = DailyReport.select(DailyReport.id).where(DailyReport.id.in_(list(ids)))
    plan.updates = {ids[rid] for (rid,) in known.tuples()}
    return plan


def preview_daily(path: Path | str, *, template_id: str, day: dt.date, sheet: str | None = None,
                  mapping_override: Mapping[str, int | None] | None = None,
                  today: dt.date | None = None) -> DailyPlan:
    """Read and check a sheet of reports for ``day`` (rows may carry their own date)."""
    version = templates.version_for(template_id=template_id, day=day)
    if version is None:
        raise ServiceError(i18n.translate(
            "DailyImport", "This template has no fields for that day yet."))
    preview = read_table(path=path, spec=columns_for(version.fields), sheet=sheet,
                         mapping_override=mapping_override)
    return plan_daily(preview, template_id=template_id, day=day, today=today)


def replan(plan: ImportPlan, mapping_override: Mapping[str, int | None]) -> DailyPlan:
    assert isinstance(plan, DailyPlan)
    return plan_daily(plan.preview.with_mapping(mapping_override), template_id=plan.template_id,
                      day=plan.day)


@dataclass
class DailyImportResult(ImportResult):
    updated: int = 0


def commit_daily(plan: ImportPlan, *, include_warnings: bool = False,
                 today: dt.date | None = None) -> DailyImportResult:
    """Write the plan's valid rows (warnings too when accepted, which confirms them), all or
    none. Each row is checked again inside the transaction."""
    assert isinstance(plan, DailyPlan)
    if plan.file_errors:
        raise ServiceError(plan.file_errors[0])
    chosen = [r for r in plan.importable(include_warnings=include_warnings)
              if r.row_number in plan.targets]
    fields = [c.key for c in plan.preview.spec if c.key not in LABELS]
    ids: list[str] = []
    with database_proxy.atomic():
        for report in chosen:
            eid, day = plan.targets[report.row_number]
            values = {k: report.values.get(k) for k in fields
                      if report.values.get(k) is not None}
            try:
                rec = daily_reports.save_report(
                    template_id=plan.template_id, enterprise_id=eid, day=day, values=values,
                    confirm=include_warnings, source="import", today=today)
            except ValidationFailed as exc:
                raise ImportCommitFailed(i18n.translate(
                    "Import",
                    "Row {row} ({name}) cannot be saved: {problem} Nothing was imported.",
                ).format(row=report.row_number, name=report.title,
                         problem=exc.findings[0].message),
                    row_number=report.row_number, findings=exc.findings) from exc
            ids.append(rec.id)
    chosen_rows = {r.row_number for r in chosen}
    skipped: list[RowReport] = [r for r in plan.rows if r.row_number not in chosen_rows]
    return DailyImportResult(imported=len(ids), record_ids=ids, skipped=skipped,
                             updated=len(plan.updates & chosen_rows))


__all__ = ["DailyImportResult", "DailyPlan", "columns_for", "commit_daily", "plan_daily",
           "preview_daily", "replan"]
