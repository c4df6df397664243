"""Schema 5: settings the centre decides for the county (synced to every laptop); the
server's time on audit entries; pulled records set aside because they could not be applied;
files to make sure the server holds."""
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
    'CREATE TABLE "sync_set_aside" ("table" VARCHAR(40) NOT NULL, "record_id" VARCHAR(64) NOT '
    'NULL, "payload" TEXT NOT NULL, "reason" TEXT NOT NULL, "app_version" VARCHAR(20) NOT '
    'NULL, "set_aside_at" DATETIME NOT NULL, PRIMARY KEY ("table", "record_id"))',
    'CREATE TABLE "pending_file" ("sha256" VARCHAR(64) NOT NULL PRIMARY KEY, "since" DATETIME '
    'NOT NULL)',
    # Every file already here is checked once: a file attached while an earlier version was
    # uploading may never have been sent.
    'INSERT OR IGNORE INTO "pending_file" ("sha256", "since") SELECT DISTINCT "sha256", '
    'datetime(\'now\') FROM "attachment" WHERE length("sha256") = 64',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
