"""Enterprises: the companies liaison officers serve."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from liaison_app.core.models.base import SearchDocument, SyncedModel
from liaison_app.core.models.fields import JSONField
from liaison_app.core.models.sync_spec import SELF


class Enterprise(SyncedModel):
    sync_table = "enterprise"
    sync_scope = SELF
    #: Who looks after an enterprise is the centre's assignment (an officer who finds a new
    #: enterprise names only themself).
    sync_centre_owned = frozenset({"officer_ids"})

    name = peewee.CharField(max_length=120, index=True)
    #: Unified social credit code; unique among live records (checked by the service, because
    #: a soft-deleted enterprise keeps its code and an early record may have none yet).
    uscc = peewee.CharField(default="", max_length=18, index=True)
    town = peewee.CharField(default="", max_length=40, index=True)
    park = peewee.CharField(default="", max_length=80)
    address = peewee.CharField(default="", max_length=200)
    industry = peewee.CharField(default="", max_length=60)
    is_key = peewee.BooleanField(default=False)
    legal_rep = peewee.CharField(default="", max_length=40)
    contact_name = peewee.CharField(default="", max_length=40)
    contact_phone = peewee.CharField(default="", max_length=32)
    employees = peewee.IntegerField(null=True)
    officer_ids = JSONField(default=list)
    #: Days between visits; None means the default for its class (key or not), see settings.
    visit_cadence_days = peewee.IntegerField(null=True)
    notes = peewee.TextField(default="")

    def search_document(self) -> SearchDocument | None:
        body = " ".join(filter(None, [
            self.uscc, self.town, self.park, self.address, self.industry, self.legal_rep,
            self.contact_name, self.contact_phone, self.notes,
        ]))
        return SearchDocument(kind="enterprise", title=self.name, body=body)


_names = threading.local()


def enterprise_name(enterprise_id: str) -> str:
    """An enterprise's name for the search titles of the records under it.

    Inside ``enterprise_names_cached()`` the names come from one read of the whole table, so
    indexing a page of thousands of synced records does not cost a query per record.
    """
    cache = getattr(_names, "cache", None)
    if cache is not None:
        return cache.get(enterprise_id, "")
    return Enterprise.select(Enterprise.name).where(
        Enterprise.id == enterprise_id).scalar() or ""


@contextmanager
def enterprise_names_cached() -> Iterator[None]:
    """Read every enterprise name once for the duration (bulk indexing on one thread)."""
    outer = getattr(_names, "cache", None)
    _names.cache = dict(Enterprise.select(Enterprise.id, Enterprise.name).tuples())
    try:
        yield
    finally:
        _names.cache = outer
