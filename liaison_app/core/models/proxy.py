"""Lead-and-proxy cases (领办代办): a project's procedures carried through for an enterprise."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SearchDocument, SyncedModel
from liaison_app.core.models.enterprise import Enterprise, enterprise_name
from liaison_app.core.models.fields import choices

CASE_STATUSES = ("open", "done", "cancelled")
ITEM_STATUSES = ("pending", "submitted", "approved", "rejected", "withdrawn")


class ProxyCase(SyncedModel):
    sync_table = "proxy_case"

    enterprise = peewee.ForeignKeyField(Enterprise, backref="proxy_cases", index=False)
    case_no = peewee.CharField(default="", max_length=40)
    project_name = peewee.CharField(max_length=120)
    project_location = peewee.CharField(default="", max_length=120)
    officer_id = peewee.CharField(default="", max_length=36)
    started_on = peewee.DateField()
    finished_on = peewee.DateField(null=True)
    status = peewee.CharField(default="open", max_length=16, choices=choices(CASE_STATUSES))
    notes = peewee.TextField(default="")

    class Meta:
        table_name = "proxy_case"
        indexes = ((("enterprise", "started_on"), False), (("started_on",), False))

    def search_document(self) -> SearchDocument | None:
        name = enterprise_name(self.enterprise_id)
        return SearchDocument(kind="proxy_case", title=f"{name} {self.project_name}",
                              body="\n".join(filter(None, [self.case_no, self.project_location,
                                                          self.notes])),
                              when=self.started_on.isoformat())


class ProxyItem(SyncedModel):
    sync_table = "proxy_item"

    case = peewee.ForeignKeyField(ProxyCase, backref="items")
    enterprise = peewee.ForeignKeyField(Enterprise, backref="proxy_items", index=False)
    name = peewee.CharField(max_length=80)
    department_id = peewee.CharField(default="", max_length=36)
    #: The documents handed over, one per line (scans are attachments of the item).
    documents = peewee.TextField(default="")
    submitted_on = peewee.DateField(null=True)
    approved_on = peewee.DateField(null=True)
    usual_days = peewee.IntegerField(null=True)
    status = peewee.CharField(default="pending", max_length=16, choices=choices(ITEM_STATUSES))
    position = peewee.IntegerField(default=0)
    notes = peewee.TextField(default="")

    class Meta:
        table_name = "proxy_item"
        indexes = ((("status", "approved_on"), False),)
