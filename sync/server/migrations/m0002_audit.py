"""Schema 2: the audit log of sign-ins and administration.

Sign-ins from before the log was kept are taken from the device records, which hold when
and from which device each account signed in.
"""
from __future__ import annotations

import peewee

VERSION = 2

_STATEMENTS = [
    'CREATE TABLE "audit_event" ("id" {serial} NOT NULL PRIMARY KEY, "at" {timestamp} NOT '
    'NULL, "action" VARCHAR(32) NOT NULL, "actor" VARCHAR(64) NOT NULL, "target" VARCHAR(100) '
    'NOT NULL, "address" VARCHAR(64) NOT NULL, "device_id" VARCHAR(64) NOT NULL, "detail" TEXT '
    'NOT NULL)',
    'CREATE INDEX "audit_event_at" ON "audit_event" ("at")',
    'CREATE INDEX "audit_event_action" ON "audit_event" ("action")',
    'CREATE INDEX "audit_event_actor" ON "audit_event" ("actor")',
    'INSERT INTO "audit_event" ("at", "action", "actor", "target", "address", "device_id", '
    '"detail") SELECT d."created_at", \'login\', u."username", \'\', \'\', d."device_id", '
    'd."name" FROM "device" d JOIN "user" u ON u."id" = d."user_id" ORDER BY d."id"',
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    for sql in _STATEMENTS:
        db.execute_sql(sql.format(**types))
