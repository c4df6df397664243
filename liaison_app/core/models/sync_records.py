"""What sync keeps on the device besides the outbox: conflicts, parked and set-aside records,
files the server confirmed, history."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import BaseModel, utcnow
from liaison_app.core.models.fields import JSONField


class SyncConflict(BaseModel):
    """A field changed here and on the server: both values, for a person to settle."""

    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64, index=True)
    field = peewee.CharField(max_length=64)
    local_value = JSONField(null=True)
    server_value = JSONField(null=True)
    #: "local" or "server": which value the record holds now.
    kept = peewee.CharField(max_length=8)
    policy = peewee.CharField(max_length=16)
    op_id = peewee.CharField(max_length=64)
    server_version = peewee.IntegerField()
    created_at = peewee.DateTimeField(default=utcnow)
    resolved_at = peewee.DateTimeField(null=True, index=True)
    resolution = peewee.CharField(default="", max_length=16)

    class Meta:
        table_name = "sync_conflict"


class SyncParked(BaseModel):
    """A pulled record whose parent has not arrived yet; applied as soon as it has."""

    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64)
    payload = JSONField()
    parked_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "sync_parked"
        primary_key = peewee.CompositeKey("table", "record_id")


class SyncSetAside(BaseModel):
    """A pulled record this device could not apply (a value it cannot read): kept as it came,
    with the reason, shown to the person, and tried again by a later version of the app."""

    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=64)
    #: The record as it came, as ASCII JSON (it may hold text SQLite cannot store as is).
    payload = peewee.TextField()
    reason = peewee.TextField(default="")
    app_version = peewee.CharField(default="", max_length=20)
    set_aside_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "sync_set_aside"
        primary_key = peewee.CompositeKey("table", "record_id")


class PendingFile(BaseModel):
    """A file (by its SHA-256) this laptop must make sure the server holds for the signed-in
    account: every file attached here is listed when its record is saved, whenever that is,
    and leaves the list when the server confirms it. Files that came from the server are
    not listed, so what a sync checks does not grow with the files a laptop holds."""

    sha256 = peewee.CharField(primary_key=True, max_length=64)
    since = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "pending_file"


class SyncHistory(BaseModel):
    started_at = peewee.DateTimeField(default=utcnow, index=True)
    finished_at = peewee.DateTimeField(null=True)
    #: ok | error | cancelled | upgrade | signin
    outcome = peewee.CharField(max_length=16)
    pushed = peewee.IntegerField(default=0)
    pulled = peewee.IntegerField(default=0)
    conflicts = peewee.IntegerField(default=0)
    rejected = peewee.IntegerField(default=0)
    files_up = peewee.IntegerField(default=0)
    files_down = peewee.IntegerField(default=0)
    message = peewee.TextField(default="")

    class Meta:
        table_name = "sync_history"


__all__ = ["PendingFile", "SyncConflict", "SyncHistory", "SyncParked", "SyncSetAside"]
