"""Applications (申请), the passes they issue, and the audit log of who printed what."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SearchDocument, SyncedModel
from liaison_app.core.models.enterprise import Enterprise, enterprise_name
from liaison_app.core.models.fields import JSONField, choices
from liaison_app.core.models.roster import Worker
from liaison_app.core.models.sync_spec import Writers

APPLICATION_KINDS = ("pass", "reopening", "procedure")
APPLICATION_STATUSES = ("draft", "printed", "submitted", "approved", "rejected")


class Application(SyncedModel):
    """A pass, reopening or procedure application of one enterprise.

    What all kinds share is a column; what only one kind has (material needs, prevention
    measures, procedure items, agents...) is in ``details`` as plain JSON, read and written
    only by ``services.applications``. ``history`` lists every status change as
    ``{"status", "at", "by", "note"}``, oldest first.
    """

    sync_table = "application"

    enterprise = peewee.ForeignKeyField(Enterprise, backref="applications", index=False)
    kind = peewee.CharField(max_length=16, choices=choices(APPLICATION_KINDS))
    application_no = peewee.CharField(default="", max_length=40)
    title = peewee.CharField(default="", max_length=120)
    status = peewee.CharField(default="draft", max_length=16,
                              choices=choices(APPLICATION_STATUSES))
    period_start = peewee.DateField(null=True)
    period_end = peewee.DateField(null=True)
    areas = JSONField(default=list)
    worker_ids = JSONField(default=list)
    details = JSONField(default=dict)
    history = JSONField(default=list)
    applied_on = peewee.DateField(null=True)
    remarks = peewee.TextField(default="")

    class Meta:
        indexes = ((("enterprise", "kind"), False),)

    def search_document(self) -> SearchDocument | None:
        owner = enterprise_name(self.enterprise_id)
        return SearchDocument(kind="application", title=f"{owner} {self.title}",
                              body=" ".join(filter(None, [self.application_no, self.remarks])),
                              when=self.applied_on.isoformat() if self.applied_on else "")


class IssuedPass(SyncedModel):
    """A worker pass number handed out by a pass application; revoked, never deleted."""

    sync_table = "issued_pass"
    #: The county's signature is the server's: a laptop cannot sign (see ``core.passes``).
    sync_server_owned = frozenset({"signature", "sign_key_id"})

    application = peewee.ForeignKeyField(Application, backref="passes")
    #: Kept on the row for the sync scope and for listing an enterprise's passes.
    enterprise = peewee.ForeignKeyField(Enterprise, backref="passes", index=False)
    worker = peewee.ForeignKeyField(Worker, backref="passes")
    pass_no = peewee.CharField(max_length=32, index=True)
    #: Schema 3's HMAC check code and its key's fingerprint: no longer written (empty on
    #: passes issued since schema 11); the county's ``signature`` replaced them.
    check_code = peewee.CharField(max_length=16)
    key_id = peewee.CharField(default="", max_length=16)
    valid_from = peewee.DateField()
    valid_to = peewee.DateField()
    #: active | revoked
    state = peewee.CharField(default="active", max_length=12,
                             choices=choices(("active", "revoked")))
    revoked_at = peewee.DateTimeField(null=True)
    revoke_reason = peewee.CharField(default="", max_length=120)
    #: The pass this one replaces (a reissue), if any.
    replaces = peewee.CharField(default="", max_length=36)
    #: What the QR code shows and the signature covers: the masked name and ID, the unit
    #: (``core.pass_codes``). Fixed at issue, so the card and the signature agree.
    holder = peewee.CharField(default="", max_length=60)
    unit = peewee.CharField(default="", max_length=60)
    #: The county key's signature over the code, set by the server; empty until then.
    signature = peewee.CharField(default="", max_length=100)
    sign_key_id = peewee.CharField(default="", max_length=16)

    class Meta:
        indexes = ((("enterprise", "state"), False),)


class AuditEntry(SyncedModel):
    """Who did what to which record, when: every printed form, with or without full numbers.

    ``device_time`` is this laptop's clock; the server adds its own time when the entry
    arrives, which is what an inspection trusts.
    """

    sync_table = "audit_entry"
    #: Officers see the entries of their enterprises and their own; the centre sees all.
    sync_owner_column = "officer_id"
    sync_writers = Writers.APPEND
    sync_server_owned = frozenset({"server_time"})

    officer_id = peewee.CharField(default="", max_length=36)
    action = peewee.CharField(max_length=32)
    record_table = peewee.CharField(default="", max_length=40)
    record_id = peewee.CharField(default="", max_length=36, index=True)
    enterprise_id = peewee.CharField(default="", max_length=36)
    device_time = peewee.DateTimeField()
    details = JSONField(default=dict)
    #: When the entry reached the server, by the server's clock (what an inspection trusts).
    server_time = peewee.DateTimeField(null=True)
