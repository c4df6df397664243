"""Schema 4: requests and their timelines, proxy cases and items, the department directory."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 4

_TABLES = [
    'CREATE TABLE "department" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(80) NOT NULL, "kind" '
    'VARCHAR(16) NOT NULL, "contact_name" VARCHAR(40) NOT NULL, "contact_phone" VARCHAR(32) NOT'
    ' NULL, "position" INTEGER NOT NULL, "active" INTEGER NOT NULL)',
    'CREATE INDEX "department_updated_at" ON "department" ("updated_at")',
    'CREATE INDEX "department_name" ON "department" ("name")',
    'CREATE TABLE "proxy_case" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, '
    '"case_no" VARCHAR(40) NOT NULL, "project_name" VARCHAR(120) NOT NULL, "project_location" '
    'VARCHAR(120) NOT NULL, "officer_id" VARCHAR(36) NOT NULL, "started_on" DATE NOT NULL, '
    '"finished_on" DATE, "status" VARCHAR(16) NOT NULL, "notes" TEXT NOT NULL, FOREIGN KEY '
    '("enterprise_id") REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "proxy_case_updated_at" ON "proxy_case" ("updated_at")',
    'CREATE INDEX "proxy_case_enterprise_id_started_on" ON "proxy_case" ("enterprise_id", '
    '"started_on")',
    'CREATE INDEX "proxy_case_started_on" ON "proxy_case" ("started_on")',
    'CREATE TABLE "proxy_item" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT '
    'NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "case_id" VARCHAR(36) NOT NULL, '
    '"enterprise_id" VARCHAR(36) NOT NULL, "name" VARCHAR(80) NOT NULL, "department_id" '
    'VARCHAR(36) NOT NULL, "documents" TEXT NOT NULL, "submitted_on" DATE, "approved_on" DATE, '
    '"usual_days" INTEGER, "status" VARCHAR(16) NOT NULL, "position" INTEGER NOT NULL, "notes" '
    'TEXT NOT NULL, FOREIGN KEY ("case_id") REFERENCES "proxy_case" ("id"), FOREIGN KEY '
    '("enterprise_id") REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "proxy_item_updated_at" ON "proxy_item" ("updated_at")',
    'CREATE INDEX "proxy_item_case_id" ON "proxy_item" ("case_id")',
    'CREATE INDEX "proxy_item_status_approved_on" ON "proxy_item" ("status", "approved_on")',
    'CREATE TABLE "request" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL,'
    ' "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" VARCHAR(36) '
    'NOT NULL, "deleted" INTEGER NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, "visit_id" '
    'VARCHAR(36) NOT NULL, "visit_line" INTEGER, "channel" VARCHAR(16) NOT NULL, "category" '
    'VARCHAR(16) NOT NULL, "urgency" VARCHAR(16) NOT NULL, "complex" INTEGER NOT NULL, '
    '"description" TEXT NOT NULL, "accepted_at" DATETIME NOT NULL, "officer_id" VARCHAR(36) NOT'
    ' NULL, "status" VARCHAR(16) NOT NULL, "lead_department_id" VARCHAR(36) NOT NULL, '
    '"co_departments" TEXT NOT NULL, "dispatched_at" DATETIME, "contact_deadline" DATE, '
    '"response_deadline" DATE, "resolve_deadline" DATE, "co_deadline" DATE, "due_date" DATE, '
    '"first_response_at" DATETIME, "resolved_at" DATETIME, "resolution" TEXT NOT NULL, '
    '"callback_at" DATETIME, "enterprise_resolved" INTEGER, "enterprise_satisfaction" '
    'VARCHAR(16) NOT NULL, "callback_comment" TEXT NOT NULL, "closed_at" DATETIME, "addressee" '
    'VARCHAR(40) NOT NULL, "registration_year" INTEGER, "provisional_no" VARCHAR(40) NOT NULL, '
    '"registration_no" INTEGER, "registered_on" DATE, "reply" TEXT NOT NULL, "replied_on" DATE,'
    ' FOREIGN KEY ("enterprise_id") REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "request_updated_at" ON "request" ("updated_at")',
    'CREATE INDEX "request_due_date" ON "request" ("due_date")',
    'CREATE INDEX "request_enterprise_id_accepted_at" ON "request" ("enterprise_id", '
    '"accepted_at")',
    'CREATE INDEX "request_accepted_at" ON "request" ("accepted_at")',
    'CREATE INDEX "request_registration_year_registration_no" ON "request" '
    '("registration_year", "registration_no")',
    'CREATE TABLE "timeline_event" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "version" INTEGER '
    'NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "created_by" '
    'VARCHAR(36) NOT NULL, "deleted" INTEGER NOT NULL, "owner_table" VARCHAR(40) NOT NULL, '
    '"owner_id" VARCHAR(36) NOT NULL, "enterprise_id" VARCHAR(36) NOT NULL, "action" '
    'VARCHAR(24) NOT NULL, "from_status" VARCHAR(16) NOT NULL, "to_status" VARCHAR(16) NOT '
    'NULL, "note" TEXT NOT NULL, "actor_id" VARCHAR(36) NOT NULL, "at" DATETIME NOT NULL, '
    '"data" TEXT NOT NULL, FOREIGN KEY ("enterprise_id") REFERENCES "enterprise" ("id"))',
    'CREATE INDEX "timeline_event_updated_at" ON "timeline_event" ("updated_at")',
    'CREATE INDEX "timeline_event_owner_table_owner_id_at" ON "timeline_event" ("owner_table", '
    '"owner_id", "at")',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _TABLES:
        db.execute_sql(sql)
