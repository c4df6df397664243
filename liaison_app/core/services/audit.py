"""The laptop's own audit log: sign-ins, unlocks (and failed ones), unmasked views and
prints, exports and backups, recorded as ``AuditEntry`` records that sync to the centre.

Entries are only ever added here; nothing in the app edits or removes one. Each names the
officer signed in at the time (empty on a laptop nobody has signed in to), this laptop's
clock (the server adds its own time when the entry arrives) and what was done. Details hold
no personal data: a file name, a form id, a count — never a name or an ID number.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from liaison_app.core import context
from liaison_app.core.db import database_proxy
from liaison_app.core.models import AuditEntry

#: The actions this module records (``print`` is recorded by the printing service).
ACTIONS = ("setup", "sign_in", "sign_out", "unlock", "unlock_failed", "lock", "view_unmasked",
           "export", "backup", "restore", "password_changed", "recovery_code_replaced",
           "recovery_used", "pin_set", "device_retired", "print")


def record(*, action: str, record_table: str = "", record_id: str = "",
           enterprise_id: str = "", details: dict[str, Any] | None = None,
           at: dt.datetime | None = None, officer_id: str | None = None) -> AuditEntry:
    """Add one entry, by ``officer_id`` (the acting officer unless given). Database worker
    thread (or the command line's only thread)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if officer_id is None:
        officer_id = context.current_officer_id()
    with database_proxy.atomic():
        entry = AuditEntry(officer_id=officer_id, action=action,
                           record_table=record_table, record_id=record_id,
                           enterprise_id=enterprise_id, device_time=at or dt.datetime.now(),
                           details=dict(details or {}))
        entry.save(force_insert=True)
    return entry


def recent(*, limit: int = 100, actions: tuple[str, ...] | None = None) -> list[AuditEntry]:
    """The newest entries first (for the settings' "本人" tab and for tests)."""
    query = AuditEntry.select().order_by(AuditEntry.device_time.desc(), AuditEntry.id)
    if actions:
        query = query.where(AuditEntry.action.in_(actions))
    return list(query.limit(limit))


def claim_unsigned(*, officer_id: str) -> int:
    """Give the entries made before this laptop was first signed in (no officer) to the
    account that signs in now, marked as such; the server accepts an entry only from its
    author. Their waiting outbox operations change with them. Returns how many."""
    from liaison_app.core.models import OutboxOp

    if not officer_id:
        return 0
    with database_proxy.atomic():
        entries = list(AuditEntry.select().where(AuditEntry.officer_id == ""))
        for entry in entries:
            AuditEntry.update(officer_id=officer_id,
                              details={**(entry.details or {}), "before_sign_in": True}
                              ).where(AuditEntry.id == entry.id).execute()
        ids = [e.id for e in entries]
        for op in OutboxOp.select().where((OutboxOp.table == AuditEntry.sync_table)
                                          & (OutboxOp.record_id.in_(ids))):
            changes = dict(op.changes or {})
            if "officer_id" in changes:
                changes["officer_id"] = officer_id
            if "details" in changes:
                changes["details"] = {**(changes["details"] or {}), "before_sign_in": True}
            OutboxOp.update(changes=changes, officer_id=officer_id).where(
                OutboxOp.seq == op.seq).execute()
    return len(entries)
