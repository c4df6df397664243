"""Schema 2: what sync keeps locally — conflicts to review, records waiting for their parent,
and the history of syncs."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 2

_TABLES = [
    'CREATE TABLE "sync_conflict" ("id" INTEGER NOT NULL PRIMARY KEY, "table" VARCHAR(40) NOT '
    'NULL, "record_id" VARCHAR(64) NOT NULL, "field" VARCHAR(64) NOT NULL, "local_value" TEXT, '
    '"server_value" TEXT, "kept" VARCHAR(8) NOT NULL, "policy" VARCHAR(16) NOT NULL, "op_id" '
    'VARCHAR(64) NOT NULL, "server_version" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, '
    '"resolved_at" DATETIME, "resolution" VARCHAR(16) NOT NULL DEFAULT \'\')',
    'CREATE INDEX "sync_conflict_record_id" ON "sync_conflict" ("record_id")',
    'CREATE INDEX "sync_conflict_resolved_at" ON "sync_conflict" ("resolved_at")',
    'CREATE UNIQUE INDEX "sync_conflict_op_id_field" ON "sync_conflict" ("op_id", "field")',
    'CREATE TABLE "sync_parked" ("table" VARCHAR(40) NOT NULL, "record_id" VARCHAR(64) NOT '
    'NULL, "payload" TEXT NOT NULL, "parked_at" DATETIME NOT NULL, PRIMARY KEY ("table", '
    '"record_id"))',
    'CREATE TABLE "sync_history" ("id" INTEGER NOT NULL PRIMARY KEY, "started_at" DATETIME NOT '
    'NULL, "finished_at" DATETIME, "outcome" VARCHAR(16) NOT NULL, "pushed" INTEGER NOT NULL, '
    '"pulled" INTEGER NOT NULL, "conflicts" INTEGER NOT NULL, "rejected" INTEGER NOT NULL, '
    '"files_up" INTEGER NOT NULL, "files_down" INTEGER NOT NULL, "message" TEXT NOT NULL)',
    'CREATE INDEX "sync_history_started_at" ON "sync_history" ("started_at")',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _TABLES:
        db.execute_sql(sql)
