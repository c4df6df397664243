"""The one declared schema: derived from the models, and true to the database they migrate to."""
from __future__ import annotations

import peewee

from liaison_app.core.models import SYNCED_MODELS
from sync.schema import BOOKKEEPING, SCHEMA


def test_every_synced_model_has_a_schema_in_parent_order():
    assert list(SCHEMA) == list(SYNCED_MODELS)
    seen: set[str] = set()
    for table, schema in SCHEMA.items():
        for parent in schema.parents.values():
            assert parent in seen, f"{table} is applied before its parent {parent}"
        seen.add(table)


def test_schema_matches_the_migrated_database(store):
    """A model changed without a migration (or the other way round) fails here."""
    db = SYNCED_MODELS["visit"]._meta.database
    for table, schema in SCHEMA.items():
        model = SYNCED_MODELS[table]
        columns = {c.name: c for c in db.get_columns(model._meta.table_name)}
        wire = set(schema.fields) | (BOOKKEEPING & set(columns))
        assert set(columns) == wire, table
        for name, spec in schema.fields.items():
            assert columns[name].null == spec.nullable, f"{table}.{name} nullability"
            field = model._meta.columns[name]
            if isinstance(field, peewee.CharField):
                assert f"({field.max_length})" in columns[name].data_type, f"{table}.{name}"
            declared = columns[name].data_type.split("(")[0].upper()
            assert declared in STORAGE[field.field_type], \
                f"{table}.{name}: the model says {field.field_type}, the database {declared}"


#: What SQLite column types hold each kind of peewee field (a migration typed differently
#: from the model would store, say, a date as a number and sort it wrongly).
STORAGE = {"BOOL": {"INTEGER", "BOOLEAN"}, "VARCHAR": {"VARCHAR"}, "DATE": {"DATE"},
           "DATETIME": {"DATETIME"}, "INT": {"INTEGER"}, "BIGINT": {"INTEGER", "BIGINT"},
           "TEXT": {"TEXT"}, "FLOAT": {"REAL", "FLOAT"}, "DECIMAL": {"DECIMAL", "NUMERIC"}}


def test_declared_choices_and_owned_fields_are_the_models():
    """Enumerations the server enforces are exactly the model's; owned fields exist."""
    for table, schema in SCHEMA.items():
        model = SYNCED_MODELS[table]
        for name, spec in schema.fields.items():
            field = model._meta.columns[name]
            if field.choices:
                values = {c[0] if isinstance(c, tuple) else c for c in field.choices}
                assert spec.choices == values, f"{table}.{name}"
            else:
                assert spec.choices is None, f"{table}.{name}"
        assert schema.centre_owned <= set(schema.fields), table
