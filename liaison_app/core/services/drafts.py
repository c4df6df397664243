"""Drafts: what an editor holds before it is saved, kept so a crash loses nothing."""
from __future__ import annotations

from typing import Any

from liaison_app.core.models import Draft
from liaison_app.core.models.base import utcnow


def save_draft(*, key: str, kind: str, title: str, payload: dict[str, Any]) -> None:
    """Replace the draft under ``key``. Database worker thread (called as you type)."""
    Draft.insert(key=key, kind=kind, title=title, payload=payload,
                 updated_at=utcnow()).on_conflict_replace().execute()


def load_draft(*, key: str) -> Draft | None:
    return Draft.get_or_none(Draft.key == key)


def discard_draft(*, key: str) -> None:
    Draft.delete().where(Draft.key == key).execute()


def list_drafts(*, kind: str | None = None) -> list[Draft]:
    query = Draft.select().order_by(Draft.updated_at.desc())
    if kind:
        query = query.where(Draft.kind == kind)
    return list(query)
