"""Schema 5: settings the centre decides for the county (synced to every laptop); the
server's time on audit entries."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 5

_STATEMENTS = [
    'CREATE TABLE "centre_setting" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER '
    'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "key" VARCHAR(60) NOT NULL, "value" '
    'TEXT)',
    'CREATE INDEX "centre_setting_updated_at" ON "centre_setting" ("updated_at")',
    'CREATE UNIQUE INDEX "centre_setting_key" ON "centre_setting" ("key")',
    'ALTER TABLE "audit_entry" ADD COLUMN "server_time" DATETIME',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
