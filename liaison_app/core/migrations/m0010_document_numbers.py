"""Schema 10: the register of document numbers printed on forms (〔年份〕N号)."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 10

_STATEMENTS = [
    'CREATE TABLE "document_number" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER '
    'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, '
    '"series" VARCHAR(32) NOT NULL, "year" INTEGER NOT NULL, "record_table" VARCHAR(40) NOT '
    'NULL, "record_id" VARCHAR(36) NOT NULL, "number" INTEGER, FOREIGN KEY ("enterprise_id") '
    'REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "document_number_updated_at" ON "document_number" ("updated_at")',
    'CREATE INDEX "document_number_series_year_number" ON "document_number" ("series", "year", '
    '"number")',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
