"""Visits, their follow-up actions and attachments."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SearchDocument, SyncedModel
from liaison_app.core.models.enterprise import Enterprise, enterprise_name
from liaison_app.core.models.fields import HashField, JSONField, choices

VISIT_KINDS = ("routine", "onsite_office", "reopening_check", "special_service", "callback")


class Visit(SyncedModel):
    sync_table = "visit"

    enterprise = peewee.ForeignKeyField(Enterprise, backref="visits", index=False)
    visit_at = peewee.DateTimeField()
    officer_ids = JSONField(default=list)
    kind = peewee.CharField(default="routine", max_length=24, choices=choices(VISIT_KINDS))
    participants = peewee.TextField(default="")
    summary = peewee.TextField(default="")
    #: One problem per line; each can become a request.
    problems = peewee.TextField(default="")
    place = peewee.CharField(default="", max_length=120)

    class Meta:
        indexes = ((("enterprise", "visit_at"), False), (("visit_at",), False))

    def search_document(self) -> SearchDocument | None:
        owner = enterprise_name(self.enterprise_id)
        title = f"{owner} {self.visit_at:%Y-%m-%d}"
        body = "\n".join(filter(None, [self.summary, self.problems, self.participants,
                                       self.place]))
        return SearchDocument(kind="visit", title=title, body=body,
                              when=self.visit_at.isoformat(timespec="minutes"))


class FollowUp(SyncedModel):
    sync_table = "follow_up"

    visit = peewee.ForeignKeyField(Visit, backref="follow_ups")
    #: Kept on the row so due follow-ups list without a join and sync knows the scope.
    enterprise = peewee.ForeignKeyField(Enterprise, backref="follow_ups", index=False)
    text = peewee.TextField()
    due_date = peewee.DateField(null=True, index=True)
    done = peewee.BooleanField(default=False)
    done_at = peewee.DateTimeField(null=True)
    position = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("enterprise", "due_date"), False),)


class Attachment(SyncedModel):
    """A file attached to a record; the bytes live once, under their SHA-256, in the data dir."""

    sync_table = "attachment"
    #: The visit, request, proxy item... the file belongs to, in the same enterprise.
    sync_owner_ref = ("owner_table", "owner_id")

    owner_table = peewee.CharField(max_length=40)
    owner_id = peewee.CharField(max_length=36)
    enterprise = peewee.ForeignKeyField(Enterprise, backref="attachments", index=False)
    sha256 = HashField(index=True)
    filename = peewee.CharField(max_length=255)
    mime = peewee.CharField(default="application/octet-stream", max_length=100)
    size = peewee.IntegerField(default=0)
    note = peewee.CharField(default="", max_length=200)
    position = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("owner_table", "owner_id"), False),)

    @classmethod
    def after_local_write(cls, records: list[SyncedModel]) -> None:
        from liaison_app.core.models.sync_records import PendingFile

        rows = [{"sha256": rec.sha256} for rec in records if rec.sha256]
        for start in range(0, len(rows), 500):
            PendingFile.insert_many(rows[start:start + 500]).on_conflict_ignore().execute()
