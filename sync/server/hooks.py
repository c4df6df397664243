"""Centre-side changes the server makes to a record right after applying a pushed operation.

A hook runs inside the push batch's transaction, which holds the change-sequence lock, so no
other writer can see or change the same records until it commits. It only reads and returns
the fields to set; the store stages them as a change of the server's own (new version, new
sequence number, centre role), so every device pulls it back like any centre edit.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol


class _Row(Protocol):
    table: str
    record_id: str
    data: dict[str, Any]


class BatchView(Protocol):
    """What a hook may see of a push batch: its records (newer than the database), a cache
    that lives as long as the batch, and the highest letter number of a year so far."""

    records: Mapping[tuple[str, str], _Row]
    hook_cache: dict[Any, Any]
    #: Records a later operation of the batch deletes.
    deleted_later: set[tuple[str, str]]

    def letter_max(self, year: int) -> int: ...

    def document_max(self, series: str, year: int) -> int: ...


#: (batch, record id, merged data, deleted) -> fields the server sets; ``{}`` for none.
AfterApply = Callable[[BatchView, str, dict[str, Any], bool], dict[str, Any]]


def _year(value: Any) -> int | None:
    # A malformed year from an old or broken client must not make the op fail forever.
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def number_letter(batch: BatchView, record_id: str, data: dict[str, Any],
                  deleted: bool) -> dict[str, Any]:
    """Give a direct-channel letter the next final number of its year when it has none.

    Numbers are read from the register (``letter_number``, one indexed maximum, not every
    letter) and the number is entered there in the same transaction, under the sequence
    lock; its key refuses a number given twice. Numbers already issued count whether or not
    their letter was later deleted, so a withdrawn letter keeps its number and no gap opens.
    A letter deleted before it ever reached the server gets none: it never entered the
    register.
    """
    year = _year(data.get("registration_year"))
    if (year is None or data.get("registration_no") is not None or deleted
            or ("request", record_id) in batch.deleted_later):
        return {}
    return {"registration_no": batch.letter_max(year) + 1}


def number_document(batch: BatchView, record_id: str, data: dict[str, Any],
                    deleted: bool) -> dict[str, Any]:
    """Give a form's register entry (``document_number``) the next number of its form and
    year when it has none, exactly as ``number_letter`` numbers letters: read from the
    server's register under the sequence lock, entered there in the same transaction, never
    given twice, never reused when an entry is deleted later."""
    year = _year(data.get("year"))
    series = data.get("series")
    if (year is None or not isinstance(series, str) or data.get("number") is not None
            or deleted or ("document_number", record_id) in batch.deleted_later):
        return {}
    return {"number": batch.document_max(series, year) + 1}


#: table -> its hook. One hook per table keeps the order of server changes obvious.
AFTER_APPLY: dict[str, AfterApply] = {"request": number_letter,
                                      "document_number": number_document}
