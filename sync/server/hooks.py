"""Centre-side changes the server makes to a record right after applying a pushed operation.

A hook runs while the push batch is worked out, before the change-sequence lock is taken
(``store``'s docstring): every database value it depends on must be read through
``batch.read`` (or ``letter_max``), which the store reads again under the lock, working the
batch out again if another writer changed it meanwhile. It only reads and returns the fields
to set; the store stages them as a change of the server's own (new version, new
sequence number, centre role), so every device pulls it back like any centre edit.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from liaison_app.core.daily_rules import check_report, fields_from_json, figures
from liaison_app.core.scoring import sheet_problems
from sync.schema import Problem
from sync.server.models import Record


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

    def read(self, key: Any, fn: Callable[[], Any]) -> Any:
        """``fn()`` once per batch, checked again under the sequence lock."""
        ...


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


def sign_pass(batch: BatchView, record_id: str, data: dict[str, Any],
              deleted: bool) -> dict[str, Any]:
    """The county key's signature on an issued pass (``sync.server.pass_keys``)."""
    from sync.server import pass_keys

    return pass_keys.sign_pass(batch, record_id, data, deleted)


def _stored(batch: BatchView, table: str, record_id: str) -> dict[str, Any] | None:
    """A record's wire data: this batch's copy, or the stored one (read once per batch);
    None when the server does not hold it."""
    row = batch.records.get((table, record_id))
    if row is not None:
        return row.data

    def load() -> dict[str, Any] | None:
        text = (Record.select(Record.data)
                .where((Record.table == table) & (Record.record_id == record_id)).scalar())
        return json.loads(text) if text else None

    # Through ``read``: a template or round changed by another push meanwhile is seen.
    return batch.read(("record", table, record_id), load)


def _version_fields(batch: BatchView, version_id: str) -> list[Any] | None:
    """A report template version's fields (None when the server does not hold it)."""
    data = _stored(batch, "report_template_version", version_id)
    return None if data is None else data.get("fields")


def daily_figures(batch: BatchView, record_id: str, data: dict[str, Any],
                  deleted: bool) -> dict[str, Any]:
    """Keep a daily report's figures true to its values.

    The board adds up ``people_on_site``, ``capacity_pct`` and ``anomalies`` across the
    county; they are worked out from the values by the same rules the laptops use
    (``core.daily_rules.figures``). A client that sent figures disagreeing with its values
    (a bug, or someone writing to the API by hand) is corrected here, as the centre; a
    laptop's own saves always agree, so normally nothing is set.
    """
    del record_id
    version_id = data.get("template_version_id")
    if deleted or not isinstance(version_id, str):
        return {}
    fields = _version_fields(batch, version_id)
    if fields is None:
        return {}  # the version has not reached the server: nothing to check against
    fig = figures(fields=fields_from_json(fields), values=data.get("values"))
    wanted = {"people_on_site": fig.people_on_site, "capacity_pct": fig.capacity_pct,
              "anomalies": fig.anomalies}
    return {k: v for k, v in wanted.items() if data.get(k) != v}


def daily_values(batch: BatchView, data: dict[str, Any]) -> list[Problem]:
    """Refuse a daily report whose values break its template version's rules (a number that
    is not one, out of range, a required answer missing, a field the version does not ask):
    the same check the laptop's grid and import make (``core.daily_rules.check_report``).
    A confirmation the officer gave (more people than employees) is theirs to give."""
    version_id = data.get("template_version_id")
    if data.get("deleted") or not isinstance(version_id, str):
        return []
    fields = _version_fields(batch, version_id)
    if fields is None:
        return []  # the version has not reached the server: nothing to check against
    findings = check_report(fields=fields_from_json(fields), values=data.get("values"))
    return [Problem("values", "report_values")] if any(f.is_error for f in findings) else []


#: The column a score sheet's problem is about (the scores, unless named here).
_SHEET_COLUMNS = {"wrong_round": "round_id", "round_closed": "round_id",
                  "round_not_open": "round_id", "unit_not_evaluated": "unit",
                  "not_invited": "enterprise_id", "method": "method"}


def sheet_rules(batch: BatchView, data: dict[str, Any]) -> list[Problem]:
    """Refuse a score sheet its round does not allow — a score outside the round's scale, a
    dimension the round does not have, a unit not evaluated, an enterprise not invited, a
    round not open (a sheet collected before the round closed still arrives from a laptop
    that was offline) — by the check the laptop makes (``core.scoring.sheet_problems``).
    Each problem is answered in its own sentence."""
    round_id = data.get("round_id")
    if data.get("deleted") or not isinstance(round_id, str):
        return []
    round_data = _stored(batch, "evaluation_round", round_id)
    if round_data is None:
        return []  # the round has not reached the server: nothing to check against
    return [Problem(_SHEET_COLUMNS.get(p.code, "scores"), "sheet_rules",
                    words=(p.text_en(), p.text_zh()))
            for p in sheet_problems(sheet=data, round_data=round_data, round_id=round_id)]


#: (batch, the record as the operation would leave it) -> problems that refuse it.
ContentCheck = Callable[[BatchView, dict[str, Any]], list[Problem]]
#: table -> the check of its content beyond the schema's types, before it is applied.
CONTENT_CHECKS: dict[str, ContentCheck] = {"daily_report": daily_values,
                                             "score_sheet": sheet_rules}

#: table -> its hook. One hook per table keeps the order of server changes obvious.
AFTER_APPLY: dict[str, AfterApply] = {"request": number_letter, "daily_report": daily_figures,
                                      "issued_pass": sign_pass,
                                      "document_number": number_document}
