"""Column types shared by the models."""
from __future__ import annotations

import json
from typing import Any

import peewee


class JSONField(peewee.TextField):
    """A list or dict stored as JSON text (Chinese kept readable in the file)."""

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def python_value(self, value: str | None) -> Any:
        if value is None or value == "":
            return None
        return json.loads(value)


def json_list_contains(field: JSONField, value: str) -> peewee.Expression:
    """``field`` (a JSON list of strings) holds ``value``; the JSON converter is bypassed."""
    needle = json.dumps(value, ensure_ascii=False)
    return peewee.fn.instr(field, needle) > 0


def choices(values: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """``choices=`` for a column holding one of a fixed set of codes: the server refuses any
    other value (``sync.schema``)."""
    return [(v, v) for v in values]


class HashField(peewee.CharField):
    """A SHA-256 in lower-case hexadecimal: the name a stored file is kept under."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        super().__init__(**kwargs)
