"""Document numbers on printed forms, in the county's style: 青企服走访〔2026〕12号.

Each numbered form (``models.documents.SERIES``) has a register per year. Printing a form
for a record enters it in its register once (the entry is the same on every laptop, see
``document_id``); the sync server gives the entry its final number when it arrives, so
numbers run without gaps or duplicates across every laptop of the county.

What paper shows before that: a number made up on the laptop could not be recalled once a
printed copy has left the factory and the server gives another, so a form printed before
the laptop has synced shows 待编号 where the number goes, and the officer is told that the
number arrives with the next sync; a reprint then carries the final number. The number,
once given, never changes: a reprint a year later keeps it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from liaison_app.core import clock
from liaison_app.core.db import database_proxy
from liaison_app.core.models.documents import SERIES, DocumentNumber, document_id

__all__ = ["PROVISIONAL", "SERIES_WORDS", "Numbered", "ensure", "formatted", "number_for"]

#: The word naming each form's register in its number (after the centre's 机关代字).
SERIES_WORDS: dict[str, str] = {
    "visit_record": "走访",
    "pass_application": "通行",
    "reopening_application": "复工",
    "procedure_application": "领办",
    "power_of_attorney": "委托",
    "dispatch_sheet": "交办",
    "proxy_service_record": "代办",
}
#: What prints in place of a number the server has not given yet.
PROVISIONAL = "待编号"


@dataclass(frozen=True)
class Numbered:
    """A form's number as printed, and whether it is final."""

    text: str
    final: bool


def ensure(*, series: str, record_table: str, record_id: str, enterprise_id: str,
           on: dt.date | None = None) -> DocumentNumber:
    """The register entry of ``series`` for the record, made on its first print (database
    worker: it may write). ``on`` is the day of that print: the year it counts in."""
    if series not in SERIES:
        raise ValueError(f"{series!r} is not a numbered form")
    key = document_id(series, record_id)
    with database_proxy.atomic():
        entry = DocumentNumber.get_or_none(DocumentNumber.id == key)
        if entry is None:
            entry = DocumentNumber(id=key, enterprise=enterprise_id, series=series,
                                   year=(on or clock.today()).year,
                                   record_table=record_table, record_id=record_id)
            entry.save(force_insert=True)
    return entry


def formatted(entry: DocumentNumber, *, prefix: str = "") -> Numbered:
    """``prefix`` + the form's word + 〔year〕 + number + 号, or 待编号 until numbered."""
    head = f"{prefix}{SERIES_WORDS[entry.series]}〔{entry.year}〕"
    if entry.number is None:
        return Numbered(head + PROVISIONAL, final=False)
    return Numbered(f"{head}{entry.number}号", final=True)


def number_for(*, series: str, record_table: str, record_id: str, enterprise_id: str,
               prefix: str = "", on: dt.date | None = None) -> Numbered:
    """The number to print on ``series`` for the record (database worker)."""
    return formatted(ensure(series=series, record_table=record_table, record_id=record_id,
                            enterprise_id=enterprise_id, on=on), prefix=prefix)
