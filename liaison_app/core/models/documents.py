"""Document numbers of printed forms (青企服交办〔2026〕12号): one register entry per form and
record, numbered per form and year by the server.

The id is derived from the form and the record, so two laptops that print the same visit
record offline make one entry, merged per field, not two numbers for one paper. The number
itself is the server's alone: it is given when the entry first reaches the server, under the
change-sequence lock, continuing from the highest number of that form and year, so numbers
have neither gaps nor duplicates across laptops. Until then the laptop prints 待编号.
"""
from __future__ import annotations

import uuid

import peewee

# Declared after the records a number names (declaration order is the order pulled records
# are applied in), whichever module imports this one first.
from liaison_app.core.models import applications, proxy, requests, visit  # noqa: F401
from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.enterprise import Enterprise
from liaison_app.core.models.fields import choices

#: The numbered forms (the register's series), by form id.
SERIES = ("visit_record", "pass_application", "reopening_application",
          "procedure_application", "power_of_attorney", "dispatch_sheet",
          "proxy_service_record")

_NAMESPACE = uuid.UUID("0b6f3f0e-2a4c-4d2b-9a40-6c1e8f3d2b71")


def document_id(series: str, record_id: str) -> str:
    """The register entry of ``series`` for ``record_id``: the same on every laptop."""
    return str(uuid.uuid5(_NAMESPACE, f"{series}|{record_id}"))


class DocumentNumber(SyncedModel):
    sync_table = "document_number"
    #: Only the server numbers; the year and the form an entry counts in cannot move once
    #: it has a number.
    sync_server_owned = frozenset({"number"})
    sync_frozen_once = {"year": "number", "series": "number"}
    #: The record the form was printed from; it moves with that record.
    sync_owner_ref = ("record_table", "record_id")

    enterprise = peewee.ForeignKeyField(Enterprise, backref="document_numbers", index=False)
    series = peewee.CharField(max_length=32, choices=choices(SERIES))
    year = peewee.IntegerField()
    record_table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=36)
    number = peewee.IntegerField(null=True)

    class Meta:
        table_name = "document_number"
        indexes = ((("series", "year", "number"), False),)
