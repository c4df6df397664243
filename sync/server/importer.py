"""``liaison-server import enterprises FILE``: the app's enterprise import, written to the server.

Reading the file, mapping its headers, checking every row and the per-row report are the
app's (``liaison_app.core.services.enterprise_import``), so a file the app reads the server
reads the same way. What is here is only where enterprises are looked up and how rows are
written: a credit code the server knows (``EnterpriseCode``) updates that enterprise, any
other becomes a new one; both as changes of the server itself, which every laptop pulls.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from liaison_app.core.models.base import new_id
from liaison_app.core.services.enterprise_import import (
    EnterpriseImportResult,
    EnterprisePlan,
    KnownEnterprise,
    import_result,
    preview_enterprises,
    row_writes,
    wire_values,
)
from sync.server.models import EnterpriseCode, Record, SeqCounter, write_transaction
from sync.server.store import server_write


def known_on_server(codes: Sequence[str]) -> dict[str, KnownEnterprise]:
    """The server's enterprises holding ``codes``; deleted ones too, since they keep theirs."""
    claims = {c.enterprise_id: c.uscc
              for c in EnterpriseCode.select().where(EnterpriseCode.uscc.in_(list(codes)))}
    if not claims:
        return {}
    found = {}
    records = Record.select(Record.record_id, Record.data, Record.deleted).where(
        (Record.table == "enterprise") & Record.record_id.in_(list(claims)))
    for rec in records:
        data = json.loads(rec.data)
        found[claims[rec.record_id]] = KnownEnterprise(
            id=rec.record_id, name=str(data.get("name") or ""), values=data,
            deleted=bool(rec.deleted or data.get("deleted")))
    return found


def preview(path: Path, *, sheet: str | None = None) -> EnterprisePlan:
    """Read and check ``path`` against the server's enterprises; writes nothing."""
    return preview_enterprises(path, sheet=sheet, find_known=known_on_server)


def commit(plan: EnterprisePlan, *, include_warnings: bool) -> EnterpriseImportResult:
    """Write the plan's rows in one transaction holding the change-sequence lock."""
    ids: list[str] = []
    with write_transaction():
        counter = SeqCounter()
        writes = row_writes(plan, include_warnings=include_warnings,
                            find_known=known_on_server)
        for write in writes:
            if write.known is None:
                record_id = new_id()
                server_write(table="enterprise", record_id=record_id,
                             data=wire_values(write.data), counter=counter)
            else:
                record_id = write.known.id
                if write.changes:
                    server_write(table="enterprise", record_id=record_id,
                                 data=write.changes, counter=counter)
            ids.append(record_id)
        counter.flush()
    return import_result(plan, writes, ids)
