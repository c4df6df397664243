"""The base every synced record derives from: identity, version, tombstone, change capture.

Deriving from ``SyncedModel`` is all a record type needs to be synced: ``save()`` writes the
row and its outbox operation in one transaction, so a change is either saved *and* queued
for the server, or neither. The outbox carries only the fields that changed, with the
server version the change was based on, which is what the server needs to merge per field.
A record type that defines ``search_document()`` is kept in the full-text index in the same
transaction too.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

import peewee

from liaison_app.core import context
from liaison_app.core.db import database_proxy
from liaison_app.core.models.fields import JSONField
from liaison_app.core.models.sync_spec import ENTERPRISE, Policy, Writers


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class BaseModel(peewee.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


@dataclass(frozen=True)
class SearchDocument:
    """What the search index holds for one record."""

    kind: str
    title: str
    body: str
    #: A date shown with the hit and used to break ties (newer first).
    when: str = ""


#: Fields every synced record has that are bookkeeping, not content sent as changes.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at"})

SYNCED_MODELS: dict[str, type[SyncedModel]] = {}


class SyncedModel(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36, default=new_id)
    #: The server version this copy is based on; 0 until the server has seen the record.
    version = peewee.IntegerField(default=0)
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow, index=True)
    created_by = peewee.CharField(default="", max_length=36)
    deleted = peewee.BooleanField(default=False)

    # -- what the type declares for sync (see ``sync_spec`` and ``sync.schema``) ------------
    #: The record type's name on the wire and in the outbox; a type without one is local.
    sync_table: ClassVar[str] = ""
    #: The column holding the enterprise a record belongs to, or ``SELF`` / ``ALL``.
    sync_scope: ClassVar[str] = ENTERPRISE
    #: Who may create and change records of this type.
    sync_writers: ClassVar[Writers] = Writers.SCOPE
    #: Fields only the centre may set (an officer's change to them is refused); the centre
    #: also wins conflicts on them.
    sync_centre_owned: ClassVar[frozenset[str]] = frozenset()
    #: Fields only the server sets (a final letter number): refused from every device.
    sync_server_owned: ClassVar[frozenset[str]] = frozenset()
    #: For records that may have no enterprise: the column naming the officer whose private
    #: record it then is (only they and the centre see it).
    sync_owner_column: ClassVar[str] = ""
    #: (table column, id column) naming the record this one belongs to, of any type (an
    #: attachment's or a timeline step's owner): it must exist in the same enterprise.
    sync_owner_ref: ClassVar[tuple[str, str] | None] = None
    #: column -> the column that freezes it once set (a letter's year, once numbered).
    sync_frozen_once: ClassVar[Mapping[str, str]] = {}
    #: Per-field conflict policies, over the defaults by field name (``sync_spec``).
    sync_policies: ClassVar[Mapping[str, Policy]] = {}
    #: Columns holding the id of another synced record without a foreign key: column ->
    #: table. The server checks the record exists and the caller may see it.
    sync_refs: ClassVar[Mapping[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.sync_table:
            SYNCED_MODELS[cls.sync_table] = cls

    # -- change capture ------------------------------------------------------------------
    def save(self, force_insert: bool = False, only: Any = None, *,
             capture: bool = True) -> int:
        """Save the row, its outbox operation and its search entry in one transaction.

        ``capture=False`` is for changes that came *from* the server and must not go back.
        Called on the database worker thread (or the CLI's only thread).
        """
        creating = force_insert
        if creating:
            if not self.created_by:
                self.created_by = context.current_officer_id()
            changed = [f for f in self._meta.sorted_field_names if f not in BOOKKEEPING]
        else:
            changed = [f.name for f in self.dirty_fields if f.name not in BOOKKEEPING]
            if not changed and capture:
                return 0
        if capture:
            self.updated_at = utcnow()
        if not creating and only is None:
            # Write only what this instance changed: a form opened before a sync must not
            # put back the old values (or the old version) of fields the sync just updated.
            only = [*self.dirty_fields]
            if not only:
                return 0
        with self._meta.database.atomic():
            write_records(type(self), [self], new=creating,
                          fields=None if creating else list(only),
                          captured={self.id: changed} if capture else None)
        self._dirty.clear()
        return 1

    def delete_instance(self, *args: Any, **kwargs: Any) -> int:  # noqa: ARG002
        raise TypeError("synced records are never deleted; call soft_delete()")

    def soft_delete(self) -> None:
        self.deleted = True
        self.save()

    def restore(self) -> None:
        self.deleted = False
        self.save()

    def wire_fields(self, names: list[str] | None = None) -> dict[str, Any]:
        """Field values as JSON-ready wire values (dates as ISO strings)."""
        out: dict[str, Any] = {}
        for name in names or self._meta.sorted_field_names:
            field = self._meta.fields[name]
            # A reference as the id it holds: reading the attribute would load the record.
            value = (self.__data__.get(name) if isinstance(field, peewee.ForeignKeyField)
                     else getattr(self, name))
            out[field.column_name] = to_wire(field, value)
        return out

    @classmethod
    def after_local_write(cls, records: list[SyncedModel]) -> None:
        """Called in the same transaction after records changed on this device were
        written (an attachment lists its file to be sent)."""

    # -- search --------------------------------------------------------------------------
    def search_document(self) -> SearchDocument | None:
        """Override to put the record in the full-text index."""
        return None

    class Meta:
        legacy_table_names = False


def has_search(model: type[SyncedModel]) -> bool:
    return model.search_document is not SyncedModel.search_document


def _row_values(rec: SyncedModel, fields: list[peewee.Field]) -> tuple[Any, ...]:
    data = rec.__data__
    return tuple(f.db_value(data[f.name] if f.name in data else
                            (f.default() if callable(f.default) else f.default))
                 for f in fields)


def write_records(model: type[SyncedModel], records: list[SyncedModel], *, new: bool,
                  fields: list[peewee.Field] | None = None,
                  captured: dict[str, list[str]] | None = None,
                  rows: list[tuple[Any, ...]] | None = None) -> None:
    """The one way synced rows reach the database: the rows, their outbox operations and
    their search entries, written in the caller's transaction.

    ``new``: the rows are inserted (all columns), else updated (``fields``, or every column
    but the key). ``captured``: record id -> the fields it changed, for changes made on this
    device, which go to the outbox; None for changes that came from the server and must not
    go back. A save is one record; a page of pulled records is thousands, in one statement
    per table, indexed for search in bulk. ``rows``: for new records from the server, their
    database rows built already (``sync.pulled_rows``, columns in ``sorted_fields`` order);
    ``records`` are then what to index. Database worker (the one writer).
    """
    if not records and not rows:
        return
    meta = model._meta
    conn = meta.database.connection()
    if new:
        columns = meta.sorted_fields
        names = ", ".join(f'"{f.column_name}"' for f in columns)
        marks = ", ".join("?" for _ in columns)
        conn.executemany(f'INSERT INTO "{meta.table_name}" ({names}) VALUES ({marks})',
                         rows if rows is not None else
                         [_row_values(rec, columns) for rec in records])
    else:
        key = meta.primary_key
        columns = [f for f in (fields or meta.sorted_fields) if f is not key]
        sets = ", ".join(f'"{f.column_name}" = ?' for f in columns)
        conn.executemany(f'UPDATE "{meta.table_name}" SET {sets} WHERE "{key.column_name}" = ?',
                         [(*_row_values(rec, columns), rec.id) for rec in records])
    if captured is not None:
        officer = context.current_officer_id()
        ops = [{"op_id": new_id(), "table": model.sync_table, "record_id": rec.id,
                "base_version": rec.version, "creating": new,
                "changes": rec.wire_fields(captured[rec.id]), "officer_id": officer,
                "device_time": utcnow()} for rec in records]
        for start in range(0, len(ops), 500):  # within SQLite's bound-variable limit
            OutboxOp.insert_many(ops[start:start + 500]).execute()
        model.after_local_write(records)
    if has_search(model) and records:
        _index(records, new=new)


def index_records(model: type[SyncedModel], record_ids: list[str]) -> None:
    """Put these records in the search index as they are stored now (out of it when they
    are deleted or gone). Inside a transaction, on the writer."""
    from liaison_app.core import search  # search imports models; import late

    if not has_search(model):
        return
    found: list[SyncedModel] = []
    for start in range(0, len(record_ids), 500):  # within SQLite's bound-variable limit
        found.extend(model.select().where(model.id.in_(record_ids[start:start + 500])))
    search.remove_many(set(record_ids) - {rec.id for rec in found})
    _index(found, new=False)


def _index(records: list[SyncedModel], *, new: bool) -> None:
    from liaison_app.core import search  # search imports models; import late
    from liaison_app.core.models.enterprise import enterprise_names_cached

    docs: list[tuple[str, SearchDocument]] = []
    gone: list[str] = []
    # Search titles carry the enterprise's name: read every name once for a bulk write.
    with enterprise_names_cached() if len(records) > 50 else _nothing():
        for rec in records:
            doc = None if rec.deleted else rec.search_document()
            if doc is None:
                gone.append(rec.id)
            else:
                docs.append((rec.id, doc))
    if new:
        search.index_many(docs)
    else:
        search.remove_many(gone)
        search.reindex_many(docs)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def to_wire(field: peewee.Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, peewee.ForeignKeyField):
        return value.id if isinstance(value, peewee.Model) else value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def from_wire(field: peewee.Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, peewee.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(field, peewee.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, peewee.BooleanField):
        return bool(value)
    return value


class OutboxOp(BaseModel):
    """A local change waiting for the server, in the order it was made."""

    seq = peewee.AutoField()
    op_id = peewee.CharField(unique=True, max_length=36, default=new_id)
    table = peewee.CharField(max_length=40)
    record_id = peewee.CharField(max_length=36, index=True)
    #: The server version the change was made against (0: a record the server never saw).
    base_version = peewee.IntegerField()
    creating = peewee.BooleanField(default=False)
    changes = JSONField()
    officer_id = peewee.CharField(default="", max_length=36)
    device_time = peewee.DateTimeField(default=utcnow)
    #: pending -> (sent and answered: deleted) | rejected (kept for a person to see)
    state = peewee.CharField(default="pending", max_length=16, index=True)
    attempts = peewee.IntegerField(default=0)
    last_error = peewee.TextField(default="")

    class Meta:
        table_name = "outbox"

    @classmethod
    def record(cls, rec: SyncedModel, *, changed: list[str], creating: bool) -> OutboxOp:
        return cls.create(
            table=rec.sync_table,
            record_id=rec.id,
            base_version=rec.version,
            creating=creating,
            changes=rec.wire_fields(changed),
            officer_id=context.current_officer_id(),
        )


class Draft(BaseModel):
    """Text typed into an editor and not yet saved; survives crashes. Never synced."""

    key = peewee.CharField(primary_key=True, max_length=80)
    kind = peewee.CharField(max_length=40)
    title = peewee.CharField(default="")
    payload = JSONField()
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "draft"


class LocalState(BaseModel):
    """Small facts about this device's copy (device id, demo data, sync checkpoints)."""

    key = peewee.CharField(primary_key=True, max_length=80)
    value = JSONField(null=True)

    class Meta:
        table_name = "local_state"

    @classmethod
    def get_value(cls, key: str, default: Any = None) -> Any:
        # Plain SQL: a sync reads a dozen of these, and building each query costs more than
        # running it.
        row = cls._meta.database.execute_sql(
            'SELECT "value" FROM "local_state" WHERE "key" = ?', (key,)).fetchone()
        return default if row is None else cls.value.python_value(row[0])

    @classmethod
    def set_value(cls, key: str, value: Any) -> None:
        cls.insert(key=key, value=value).on_conflict_replace().execute()
