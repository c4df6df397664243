"""Schema 3: worker rosters, applications, the passes they issue, and the audit log."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 3

_TABLES = [
    'CREATE TABLE "application" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT'
    ' NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, '
    '"kind" VARCHAR(16) NOT NULL, "application_no" VARCHAR(40) NOT NULL, "title" VARCHAR(120)'
    ' NOT NULL, "status" VARCHAR(16) NOT NULL, "period_start" DATE, "period_end" DATE, '
    '"areas" TEXT NOT NULL, "worker_ids" TEXT NOT NULL, "details" TEXT NOT NULL, "history" '
    'TEXT NOT NULL, "applied_on" DATE, "remarks" TEXT NOT NULL, FOREIGN KEY ("enterprise_id")'
    ' REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "application_updated_at" ON "application" ("updated_at")',
    'CREATE INDEX "application_enterprise_id_kind" ON "application" ("enterprise_id", "kind")',
    'CREATE TABLE "audit_entry" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT'
    ' NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "officer_id" VARCHAR(36) NOT NULL, '
    '"action" VARCHAR(32) NOT NULL, "record_table" VARCHAR(40) NOT NULL, "record_id" '
    'VARCHAR(36) NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, "device_time" DATETIME NOT '
    'NULL, "details" TEXT NOT NULL)',
    'CREATE INDEX "audit_entry_updated_at" ON "audit_entry" ("updated_at")',
    'CREATE INDEX "audit_entry_record_id" ON "audit_entry" ("record_id")',
    'CREATE TABLE "worker" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, '
    '"name" VARCHAR(40) NOT NULL, "id_number" VARCHAR(18) NOT NULL, "phone" VARCHAR(32) NOT '
    'NULL, "workshop" VARCHAR(60) NOT NULL, "post" VARCHAR(60) NOT NULL, "shift" VARCHAR(30) '
    'NOT NULL, "address" VARCHAR(200) NOT NULL, "home_town" VARCHAR(40) NOT NULL, "plate" '
    'VARCHAR(16) NOT NULL, "health" VARCHAR(60) NOT NULL, "travel" VARCHAR(200) NOT NULL, '
    '"notes" VARCHAR(200) NOT NULL, FOREIGN KEY ("enterprise_id") REFERENCES "enterprise" '
    '("id"))',
    'CREATE INDEX "worker_updated_at" ON "worker" ("updated_at")',
    'CREATE INDEX "worker_enterprise_id_id_number" ON "worker" ("enterprise_id", "id_number")',
    'CREATE INDEX "worker_enterprise_id_workshop" ON "worker" ("enterprise_id", "workshop")',
    'CREATE TABLE "issued_pass" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT'
    ' NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "application_id" VARCHAR(36) NOT NULL,'
    ' "enterprise_id" VARCHAR(36) NOT NULL, "worker_id" VARCHAR(36) NOT NULL, "pass_no" '
    'VARCHAR(32) NOT NULL, "check_code" VARCHAR(16) NOT NULL, "key_id" VARCHAR(16) NOT NULL, '
    '"valid_from" DATE NOT NULL, "valid_to" DATE NOT NULL, "state" VARCHAR(12) NOT NULL, '
    '"revoked_at" DATETIME, "revoke_reason" VARCHAR(120) NOT NULL, "replaces" VARCHAR(36) NOT'
    ' NULL, FOREIGN KEY ("application_id") REFERENCES "application" ("id"), FOREIGN KEY '
    '("enterprise_id") REFERENCES "enterprise" ("id"), FOREIGN KEY ("worker_id") REFERENCES '
    '"worker" ("id"))',
    'CREATE INDEX "issued_pass_updated_at" ON "issued_pass" ("updated_at")',
    'CREATE INDEX "issued_pass_application_id" ON "issued_pass" ("application_id")',
    'CREATE INDEX "issued_pass_worker_id" ON "issued_pass" ("worker_id")',
    'CREATE INDEX "issued_pass_pass_no" ON "issued_pass" ("pass_no")',
    'CREATE INDEX "issued_pass_enterprise_id_state" ON "issued_pass" ("enterprise_id", '
    '"state")',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _TABLES:
        db.execute_sql(sql)
