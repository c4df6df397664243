"""Settling sync conflicts: a field changed here and at the centre; a person picks a value.

The record already holds the value its field policy chose (``kept``). Choosing the other one
writes it through the normal save, so the choice is itself a change that reaches the server;
choosing the kept one only marks the conflict settled. Neither value is ever lost before a
person has chosen.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.models.base import SYNCED_MODELS, from_wire, utcnow
from liaison_app.core.models.sync_records import SyncConflict
from liaison_app.core.services import record_labels
from liaison_app.core.services.errors import NotFound


@dataclass(frozen=True)
class ConflictView:
    id: int
    table: str
    record_id: str
    record_title: str
    field: str
    local_value: Any
    server_value: Any
    kept: str


def record_title(table: str, record_id: str) -> str:
    """What a person calls a record (see ``record_labels.record_title``)."""
    return record_labels.record_title(table, record_id)


def open_conflicts() -> list[ConflictView]:
    """Conflicts nobody has settled yet, oldest first. Any thread."""
    rows = SyncConflict.select().where(SyncConflict.resolved_at.is_null()).order_by(
        SyncConflict.id)
    return [ConflictView(c.id, c.table, c.record_id, record_title(c.table, c.record_id), c.field,
                         c.local_value, c.server_value, c.kept) for c in rows]


def settle(*, conflict_id: int, keep: str) -> None:
    """Keep ``"local"`` or ``"server"``. Database worker thread."""
    if keep not in ("local", "server"):
        raise ValueError(keep)
    with database_proxy.atomic():
        conflict = SyncConflict.get_or_none(SyncConflict.id == conflict_id)
        if conflict is None:
            raise NotFound(i18n.translate("Sync", "This conflict was already settled."))
        if keep != conflict.kept:
            model = SYNCED_MODELS[conflict.table]
            rec = model.get_or_none(model.id == conflict.record_id)
            if rec is not None:
                field = next((f for f in rec._meta.sorted_fields
                              if f.column_name == conflict.field or f.name == conflict.field),
                             None)
                if field is not None:
                    value = conflict.local_value if keep == "local" else conflict.server_value
                    setattr(rec, field.name, from_wire(field, value))
                    rec.save()
        conflict.resolved_at = utcnow()
        conflict.resolution = keep
        conflict.save()
