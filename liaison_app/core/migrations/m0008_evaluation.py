"""Schema 8: satisfaction evaluation (测评) rounds and the score sheets of each round."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 8

_STATEMENTS = [
    'CREATE TABLE "evaluation_round" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER '
    'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(120) NOT NULL, "held_on" '
    'DATE NOT NULL, "units" TEXT NOT NULL, "invited" TEXT NOT NULL, "invite_rule" TEXT NOT '
    'NULL, "dimensions" TEXT NOT NULL, "scale" TEXT NOT NULL, "anonymous" INTEGER NOT NULL, '
    '"status" VARCHAR(16) NOT NULL, "phone_enabled" INTEGER NOT NULL, "notes" TEXT NOT NULL, '
    '"closed_at" DATETIME)',
    'CREATE INDEX "evaluation_round_updated_at" ON "evaluation_round" ("updated_at")',
    'CREATE TABLE "score_sheet" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "round_id" VARCHAR(36) NOT NULL, '
    '"enterprise_id" VARCHAR(36) NOT NULL, "unit" VARCHAR(36) NOT NULL, "scores" TEXT NOT NULL,'
    ' "comments" TEXT NOT NULL, "method" VARCHAR(16) NOT NULL, "collected_by" VARCHAR(36) NOT '
    'NULL, "collected_at" DATETIME NOT NULL, "request_id" VARCHAR(36) NOT NULL, FOREIGN KEY '
    '("round_id") REFERENCES "evaluation_round" ("id"), FOREIGN KEY ("enterprise_id") '
    'REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "score_sheet_updated_at" ON "score_sheet" ("updated_at")',
    'CREATE INDEX "score_sheet_round_id_unit" ON "score_sheet" ("round_id", "unit")',
    'CREATE INDEX "score_sheet_enterprise_id_round_id" ON "score_sheet" ("enterprise_id", '
    '"round_id")',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
