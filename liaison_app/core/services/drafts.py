"""Drafts: what an editor holds before it is saved, kept so a crash loses nothing.

A draft is stored under a key naming the editor and the record (``request:<id>``, or
``request:new:<random>`` for a record not saved yet) with a JSON payload. ``to_payload`` and
``from_payload`` turn a service's input dataclass into such a payload and back, so an editor
whose value is a dataclass needs no codec of its own.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any, TypeVar

from liaison_app.core.models import Draft
from liaison_app.core.models.base import utcnow

T = TypeVar("T")


def save_draft(*, key: str, kind: str, title: str, payload: dict[str, Any]) -> None:
    """Replace the draft under ``key``. Database worker thread (called as you type)."""
    Draft.insert(key=key, kind=kind, title=title, payload=payload,
                 updated_at=utcnow()).on_conflict_replace().execute()


def load_draft(*, key: str) -> Draft | None:
    return Draft.get_or_none(Draft.key == key)


def discard_draft(*, key: str) -> None:
    Draft.delete().where(Draft.key == key).execute()


def list_drafts(*, kind: str | None = None, kinds: tuple[str, ...] = ()) -> list[Draft]:
    """Newest first; ``kind`` or ``kinds`` narrow it to some editors."""
    query = Draft.select().order_by(Draft.updated_at.desc())
    if kind:
        query = query.where(Draft.kind == kind)
    elif kinds:
        query = query.where(Draft.kind.in_(list(kinds)))
    return list(query)


def record_id_of(key: str) -> str | None:
    """``kind:<id>`` belongs to a saved record; ``kind:new…`` to one not saved yet."""
    rest = key.split(":", 1)[1] if ":" in key else ""
    return None if not rest or rest.startswith("new") else rest


# -- dataclasses as JSON payloads ----------------------------------------------------------
def to_payload(value: Any) -> Any:
    """A JSON-safe copy of a dataclass (nested ones, lists, dicts, dates included)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_payload(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):  # datetimes too: isoformat keeps the time
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_payload(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_payload(v) for k, v in value.items()}
    return value


def from_payload(cls: type[T], payload: Any) -> T:
    """The inverse of ``to_payload``.

    Tolerant, because drafts outlive versions of the app: unknown keys are ignored, and a
    missing or malformed value takes the field's default instead of losing the whole draft.
    """
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    raw = payload if isinstance(payload, dict) else {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in raw:
            continue
        try:
            values[f.name] = _decode(hints[f.name], raw[f.name])
        except (TypeError, ValueError):
            continue
    try:
        return cls(**values)
    except TypeError as exc:  # a field without a default is missing or malformed
        raise ValueError(str(exc)) from None


def _decode(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in (a for a in args if a is not type(None)):
            try:
                return _decode(arg, value)
            except (TypeError, ValueError):
                continue
        raise ValueError(value)
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise TypeError(value)
        if not args:
            return list(value)
        out = []
        for v in value:
            try:
                out.append(_decode(args[0], v))
            except (TypeError, ValueError):
                continue  # one malformed row (a follow-up, an attachment) is dropped alone
        return out
    if origin is dict or hint is dict:
        if not isinstance(value, dict):
            raise TypeError(value)
        return dict(value)
    if hint is Any:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise TypeError(value)
        return from_payload(hint, value)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError(value)
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(value)
        return value
    if hint is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise TypeError(value)
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise TypeError(value)
        return value
    return value
