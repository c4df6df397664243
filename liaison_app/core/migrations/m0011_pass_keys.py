"""Schema 11: passes signed by the county's key; the keys and the revocations county-wide."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 11

_STATEMENTS = [
    'CREATE TABLE "county_key" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "key_id" VARCHAR(16) NOT NULL, '
    '"public_key" VARCHAR(64) NOT NULL, "retired_on" DATE)',
    'CREATE INDEX "county_key_updated_at" ON "county_key" ("updated_at")',
    'CREATE UNIQUE INDEX "county_key_key_id" ON "county_key" ("key_id")',
    'CREATE TABLE "pass_revocation" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER '
    'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "pass_id" VARCHAR(36) NOT NULL, '
    '"pass_no" VARCHAR(32) NOT NULL, "revoked_on" DATE NOT NULL, "reason" VARCHAR(120) NOT '
    'NULL)',
    'CREATE INDEX "pass_revocation_updated_at" ON "pass_revocation" ("updated_at")',
    'CREATE INDEX "pass_revocation_pass_no" ON "pass_revocation" ("pass_no")',
    'ALTER TABLE "issued_pass" ADD COLUMN "holder" VARCHAR(60) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "issued_pass" ADD COLUMN "unit" VARCHAR(60) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "issued_pass" ADD COLUMN "signature" VARCHAR(100) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "issued_pass" ADD COLUMN "sign_key_id" VARCHAR(16) NOT NULL DEFAULT \'\'',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
