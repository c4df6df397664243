"""``liaison-server import enterprises FILE``: the county's enterprise list from CSV or XLSX.

Same column names and USCC rules as the app's import: a code with an impossible character or
length is refused; a failed check character is accepted (some genuine early codes fail it).
An enterprise already on the server (same USCC) is updated, otherwise created.
"""
from __future__ import annotations

import csv
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from liaison_app.core.validation import check_uscc, normalize_code
from sync.server.models import EnterpriseCode, Record, SeqCounter, write_transaction
from sync.server.store import server_write

COLUMNS = {
    "企业名称": "name", "统一社会信用代码": "uscc", "镇街": "town", "园区": "park",
    "地址": "address", "行业": "industry", "法定代表人": "legal_rep", "联系人": "contact_name",
    "联系电话": "contact_phone",
}
_DEFAULTS = {"name": "", "uscc": "", "town": "", "park": "", "address": "", "industry": "",
             "is_key": False, "legal_rep": "", "contact_name": "", "contact_phone": "",
             "employees": None, "officer_ids": [], "visit_cadence_days": None, "notes": "",
             "created_by": "", "deleted": False}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    problems: list[str] = field(default_factory=list)


def _rows(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        values = [["" if v is None else str(v).strip() for v in row]
                  for row in sheet.iter_rows(values_only=True)]
    else:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            values = [[v.strip() for v in row] for row in csv.reader(fh)]
    if not values:
        return []
    header = values[0]
    return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]


def import_enterprises(path: Path) -> ImportReport:
    report = ImportReport()
    rows = _rows(path)
    with write_transaction():
        counter = SeqCounter()
        for line, row in enumerate(rows, start=2):
            data = {COLUMNS[k]: v for k, v in row.items() if k in COLUMNS}
            data["uscc"] = normalize_code(data.get("uscc", ""))
            if not data.get("name") or not data["uscc"]:
                report.problems.append(f"line {line}: 企业名称 and 统一社会信用代码 are required")
                continue
            errors = [f for f in check_uscc(data["uscc"]) if f.is_error]
            if errors:
                report.problems.append(f"line {line}: {errors[0].message.text()}")
                continue
            known = EnterpriseCode.get_or_none(EnterpriseCode.uscc == data["uscc"])
            if known is None:
                server_write(table="enterprise", record_id=str(uuid.uuid4()),
                             data={**_DEFAULTS, **data}, counter=counter)
                report.created += 1
            else:
                rec = Record.get((Record.table == "enterprise")
                                 & (Record.record_id == known.enterprise_id))
                current = json.loads(rec.data)
                changed = {k: v for k, v in data.items() if v and current.get(k) != v}
                if changed:
                    server_write(table="enterprise", record_id=known.enterprise_id,
                                 data=changed, counter=counter)
                    report.updated += 1
        counter.flush()
    return report
