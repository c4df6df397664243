"""Database rows for pulled records that are new to this laptop, built a column at a time.

A first pull brings tens of thousands of records this laptop does not hold. Filling a model
instance per record field by field, then turning every instance back into database values,
cost more than the database's own work. Records arriving whole and new are therefore turned
into rows straight from the wire, one column at a time (mostly passes in C), giving exactly
the rows the field-by-field way gives; instances are made only where the search index needs
a record's document. Records this laptop holds already are still merged field by field, so
that a field with a change of its own waiting is kept (``sync.local``).

Every value here has passed the schema check (``sync.schema``) before it arrives.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee

from liaison_app.core.models.base import SyncedModel, has_search
from sync.schema import BOOKKEEPING

_MISSING = object()

#: Field classes whose database value is the checked wire value itself (text and whole
#: numbers as they are, a foreign key as the id, a bool stored by the driver as 0/1).
_AS_IS = (peewee.CharField, peewee.TextField, peewee.IntegerField, peewee.BigIntegerField,
          peewee.BooleanField, peewee.ForeignKeyField)


@dataclass(frozen=True)
class _Column:
    name: str
    #: Where the value comes from: a key of the record's ``data``, or of the record itself
    #: for the columns every record has.
    key: str
    top_level: bool
    #: The wire value as the model holds it (what filling an instance would set).
    to_python: Callable[[Any], Any] | None
    #: The model's value as the database stores it; None: the same value.
    to_db: Callable[[Any], Any] | None
    field: peewee.Field
    #: A wire value that is not a valid value gives the default (the record's stamps).
    lenient: bool = False

    def default(self) -> Any:
        f = self.field
        return f.default() if callable(f.default) else f.default


def _datetime_to_db(value: dt.datetime) -> str:
    # What the database driver stores for a datetime (``sqlite3``'s adapter).
    return value.isoformat(" ")


@functools.cache
def _plan(model: type[SyncedModel]) -> tuple[_Column, ...]:
    columns = []
    for f in model._meta.sorted_fields:
        top = f.column_name in BOOKKEEPING or f.column_name == "deleted"
        if isinstance(f, peewee.DateTimeField):
            to_python, to_db = dt.datetime.fromisoformat, _datetime_to_db
        elif isinstance(f, peewee.DateField):
            to_python, to_db = dt.date.fromisoformat, dt.date.isoformat
        elif type(f) in _AS_IS:
            to_python, to_db = None, None
        else:
            to_python, to_db = None, f.db_value
        columns.append(_Column(name=f.name, key=f.column_name, top_level=top,
                               to_python=to_python, to_db=to_db, field=f,
                               lenient=f.column_name in ("created_at", "updated_at")))
    return tuple(columns)


def _python_values(column: _Column, wires: list[dict[str, Any]]) -> list[Any]:
    key = column.key
    if column.top_level:
        raw = [w.get(key, _MISSING) for w in wires]
    else:
        raw = [w["data"].get(key, _MISSING) for w in wires]
    convert = column.to_python
    if column.lenient:
        return [_lenient(convert, v, column) for v in raw]
    if _MISSING in raw:
        raw = [column.default() if v is _MISSING else v for v in raw]
    if convert is None:
        return raw
    return [None if v is None else convert(v) for v in raw]


def _lenient(convert: Callable[[Any], Any] | None, value: Any, column: _Column) -> Any:
    # A record's own stamps are kept when they read as a moment, else the laptop's clock
    # stands in (as for a record made here).
    if isinstance(value, str) and convert is not None:
        try:
            return convert(value)
        except ValueError:
            pass
    return column.default()


def fresh_rows(model: type[SyncedModel], wires: list[dict[str, Any]], *,
               instances: bool = True) -> tuple[list[tuple[Any, ...]], list[SyncedModel]]:
    """Rows for ``model``'s table (columns in ``sorted_fields`` order) for checked pulled
    records this laptop does not hold, each id once; and, for a type with search entries,
    unless ``instances`` is False, the records as instances to index."""
    plan = _plan(model)
    python = [_python_values(c, wires) for c in plan]
    database = [values if c.to_db is None else
                [None if v is None else c.to_db(v) for v in values]
                for c, values in zip(plan, python, strict=True)]
    rows = list(zip(*database, strict=True))
    made: list[SyncedModel] = []
    if instances and has_search(model):
        names = [c.name for c in plan]
        for values in zip(*python, strict=True):
            rec = model(__no_default__=True)
            rec.__data__ = dict(zip(names, values, strict=True))
            made.append(rec)
    return rows, made
