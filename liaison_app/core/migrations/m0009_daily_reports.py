"""Schema 9: daily reporting — report templates, their dated versions, and daily reports."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 9

_STATEMENTS = [
    'CREATE TABLE "report_template" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER '
    'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(60) NOT NULL, '
    '"description" TEXT NOT NULL, "active" INTEGER NOT NULL, "starts_on" DATE NOT NULL, '
    '"ends_on" DATE, "position" INTEGER NOT NULL)',
    'CREATE INDEX "report_template_updated_at" ON "report_template" ("updated_at")',
    'CREATE TABLE "report_template_version" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" '
    'INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    '"created_by" VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "template_id" VARCHAR(36) '
    'NOT NULL, "effective_from" DATE NOT NULL, "audience" VARCHAR(16) NOT NULL, "towns" TEXT '
    'NOT NULL, "enterprise_ids" TEXT NOT NULL, "fields" TEXT NOT NULL, FOREIGN KEY '
    '("template_id") REFERENCES "report_template" ("id"))',
    'CREATE INDEX "report_template_version_updated_at" ON "report_template_version" '
    '("updated_at")',
    'CREATE INDEX "report_template_version_template_id_effective_from" ON '
    '"report_template_version" ("template_id", "effective_from")',
    'CREATE TABLE "daily_report" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, '
    '"template_id" VARCHAR(36) NOT NULL, "template_version_id" VARCHAR(36) NOT NULL, '
    '"report_date" DATE NOT NULL, "values" TEXT NOT NULL, "people_on_site" INTEGER, '
    '"capacity_pct" INTEGER, "anomalies" INTEGER NOT NULL, "late" INTEGER NOT NULL, '
    '"over_confirmed" INTEGER NOT NULL, "entered_by" VARCHAR(36) NOT NULL, "entered_at" '
    'DATETIME, "source" VARCHAR(16) NOT NULL, "request_id" VARCHAR(36) NOT NULL, FOREIGN KEY '
    '("enterprise_id") REFERENCES "enterprise" ("id"), FOREIGN KEY ("template_id") REFERENCES '
    '"report_template" ("id"), FOREIGN KEY ("template_version_id") REFERENCES '
    '"report_template_version" ("id"))',
    'CREATE INDEX "daily_report_updated_at" ON "daily_report" ("updated_at")',
    # The figures ride in both indexes, so the board and the trends never read the table.
    'CREATE INDEX "daily_report_template_id_report_date_deleted_people_on_s_f91eec2" ON '
    '"daily_report" ("template_id", "report_date", "deleted", "people_on_site", '
    '"capacity_pct", "anomalies", "enterprise_id")',
    'CREATE INDEX "daily_report_enterprise_id_template_id_report_date_delet_ba5c409" ON '
    '"daily_report" ("enterprise_id", "template_id", "report_date", "deleted", '
    '"people_on_site", "capacity_pct", "anomalies")',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
