"""Schema 1: officers, enterprises, visits with follow-ups and attachments, the outbox,
drafts, local state and the search index."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 1

_TABLES = [
    'CREATE TABLE "officer" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" VARCHAR(36) '
    'NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(40) NOT NULL, "username" VARCHAR(64) '
    'NOT NULL, "phone" VARCHAR(32) NOT NULL, "town" VARCHAR(40) NOT NULL, "role" VARCHAR(16) '
    'NOT NULL, "active" INTEGER NOT NULL)',
    'CREATE INDEX "officer_updated_at" ON "officer" ("updated_at")',
    'CREATE INDEX "officer_username" ON "officer" ("username")',
    'CREATE TABLE "enterprise" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(120) NOT NULL, "uscc" '
    'VARCHAR(18) NOT NULL, "town" VARCHAR(40) NOT NULL, "park" VARCHAR(80) NOT NULL, "address" '
    'VARCHAR(200) NOT NULL, "industry" VARCHAR(60) NOT NULL, "is_key" INTEGER NOT NULL, '
    '"legal_rep" VARCHAR(40) NOT NULL, "contact_name" VARCHAR(40) NOT NULL, "contact_phone" '
    'VARCHAR(32) NOT NULL, "employees" INTEGER, "officer_ids" TEXT NOT NULL, '
    '"visit_cadence_days" INTEGER, "notes" TEXT NOT NULL)',
    'CREATE INDEX "enterprise_updated_at" ON "enterprise" ("updated_at")',
    'CREATE INDEX "enterprise_name" ON "enterprise" ("name")',
    'CREATE INDEX "enterprise_uscc" ON "enterprise" ("uscc")',
    'CREATE INDEX "enterprise_town" ON "enterprise" ("town")',
    'CREATE TABLE "visit" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" VARCHAR(36) '
    'NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, "visit_at" '
    'DATETIME NOT NULL, "officer_ids" TEXT NOT NULL, "kind" VARCHAR(24) NOT NULL, '
    '"participants" TEXT NOT NULL, "summary" TEXT NOT NULL, "problems" TEXT NOT NULL, "place" '
    'VARCHAR(120) NOT NULL, FOREIGN KEY ("enterprise_id") REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "visit_updated_at" ON "visit" ("updated_at")',
    'CREATE INDEX "visit_enterprise_id_visit_at" ON "visit" ("enterprise_id", "visit_at")',
    'CREATE INDEX "visit_visit_at" ON "visit" ("visit_at")',
    'CREATE TABLE "follow_up" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "visit_id" VARCHAR(36) NOT NULL, '
    '"enterprise_id" VARCHAR(36) NOT NULL, "text" TEXT NOT NULL, "due_date" DATE, "done" '
    'INTEGER NOT NULL, "done_at" DATETIME, "position" INTEGER NOT NULL, FOREIGN KEY '
    '("visit_id") REFERENCES "visit" ("id"), FOREIGN KEY ("enterprise_id") REFERENCES '
    '"enterprise" ("id"))',
    'CREATE INDEX "follow_up_updated_at" ON "follow_up" ("updated_at")',
    'CREATE INDEX "follow_up_visit_id" ON "follow_up" ("visit_id")',
    'CREATE INDEX "follow_up_due_date" ON "follow_up" ("due_date")',
    'CREATE INDEX "follow_up_enterprise_id_due_date" ON "follow_up" ("enterprise_id", '
    '"due_date")',
    'CREATE TABLE "attachment" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "owner_table" VARCHAR(40) NOT NULL, '
    '"owner_id" VARCHAR(36) NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, "sha256" '
    'VARCHAR(64) NOT NULL, "filename" VARCHAR(255) NOT NULL, "mime" VARCHAR(100) NOT NULL, '
    '"size" INTEGER NOT NULL, "note" VARCHAR(200) NOT NULL, "position" INTEGER NOT NULL, '
    'FOREIGN KEY ("enterprise_id") REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "attachment_updated_at" ON "attachment" ("updated_at")',
    'CREATE INDEX "attachment_sha256" ON "attachment" ("sha256")',
    'CREATE INDEX "attachment_owner_table_owner_id" ON "attachment" ("owner_table", '
    '"owner_id")',
    'CREATE TABLE "outbox" ("seq" INTEGER NOT NULL PRIMARY KEY, "op_id" VARCHAR(36) NOT NULL, '
    '"table" VARCHAR(40) NOT NULL, "record_id" VARCHAR(36) NOT NULL, "base_version" INTEGER '
    'NOT NULL, "creating" INTEGER NOT NULL, "changes" TEXT NOT NULL, "officer_id" VARCHAR(36) '
    'NOT NULL, "device_time" DATETIME NOT NULL, "state" VARCHAR(16) NOT NULL, "attempts" '
    'INTEGER NOT NULL, "last_error" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "outbox_op_id" ON "outbox" ("op_id")',
    'CREATE INDEX "outbox_record_id" ON "outbox" ("record_id")',
    'CREATE INDEX "outbox_state" ON "outbox" ("state")',
    'CREATE TABLE "draft" ("key" VARCHAR(80) NOT NULL PRIMARY KEY, "kind" VARCHAR(40) NOT NULL, '
    '"title" VARCHAR(255) NOT NULL, "payload" TEXT NOT NULL, "updated_at" DATETIME NOT NULL)',
    'CREATE TABLE "local_state" ("key" VARCHAR(80) NOT NULL PRIMARY KEY, "value" TEXT)',
    # Search: original text in search_doc, its bigram form in the FTS5 index (see search.py).
    'CREATE TABLE "search_doc" ("rowid" INTEGER PRIMARY KEY, "record_id" VARCHAR(36) NOT NULL '
    'UNIQUE, "kind" VARCHAR(24) NOT NULL, "title" TEXT NOT NULL, "body" TEXT NOT NULL, '
    '"when_" TEXT NOT NULL DEFAULT \'\')',
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
    "tokenize = 'unicode61 remove_diacritics 0')",
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _TABLES:
        db.execute_sql(sql)
