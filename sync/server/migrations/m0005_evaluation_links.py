"""Schema 5: one-time links to the phone scoring page of evaluation rounds, and the misses
that slow down guessing them."""
from __future__ import annotations

import peewee

VERSION = 5

_STATEMENTS = [
    'CREATE TABLE "evaluation_link" ("id" {serial} NOT NULL PRIMARY KEY, "round_id" '
    'VARCHAR(64) NOT NULL, "enterprise_id" VARCHAR(64) NOT NULL, "token_hash" VARCHAR(64) NOT '
    'NULL, "issued_at" {timestamp} NOT NULL, "issued_by" VARCHAR(64) NOT NULL, "revoked_at" '
    '{timestamp}, "used_at" {timestamp})',
    'CREATE UNIQUE INDEX "evaluation_link_token_hash" ON "evaluation_link" ("token_hash")',
    'CREATE INDEX "evaluation_link_round_id_enterprise_id" ON "evaluation_link" ("round_id", '
    '"enterprise_id")',
    'CREATE TABLE "evaluation_link_miss" ("id" {serial} NOT NULL PRIMARY KEY, "address" '
    'VARCHAR(64) NOT NULL, "at" {timestamp} NOT NULL)',
    'CREATE INDEX "evaluation_link_miss_address" ON "evaluation_link_miss" ("address")',
    'CREATE INDEX "evaluation_link_miss_at" ON "evaluation_link_miss" ("at")',
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    for sql in _STATEMENTS:
        db.execute_sql(sql.format(**types))
