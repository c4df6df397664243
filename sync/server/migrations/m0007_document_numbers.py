"""Schema 7: the register of document numbers the server gives printed forms, per form and
year: its key refuses a number given twice."""
from __future__ import annotations

import peewee

VERSION = 7

_STATEMENTS = [
    'CREATE TABLE "document_register" ("series" VARCHAR(32) NOT NULL, "year" INTEGER NOT NULL, '
    '"number" INTEGER NOT NULL, "record_id" VARCHAR(64) NOT NULL, PRIMARY KEY ("series", '
    '"year", "number"))',
    'CREATE UNIQUE INDEX "document_register_record_id" ON "document_register" ("record_id")',
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    del types
    for sql in _STATEMENTS:
        db.execute_sql(sql)
