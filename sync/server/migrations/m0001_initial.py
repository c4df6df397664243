"""Schema 1: accounts, devices, assignments, the synced records and their history."""
from __future__ import annotations

import peewee

VERSION = 1

_STATEMENTS = [
    'CREATE TABLE "meta" ("key" VARCHAR(40) NOT NULL PRIMARY KEY, "value" {bigint} NOT NULL)',
    'CREATE TABLE "user" ("id" {serial} NOT NULL PRIMARY KEY, "username" VARCHAR(64) NOT NULL, '
    '"password_hash" VARCHAR(200) NOT NULL, "role" VARCHAR(16) NOT NULL, "officer_id" '
    'VARCHAR(36) NOT NULL, "disabled" {bool} NOT NULL, "created_at" {timestamp} NOT NULL)',
    'CREATE UNIQUE INDEX "user_username" ON "user" ("username")',
    'CREATE UNIQUE INDEX "user_officer_id" ON "user" ("officer_id")',
    'CREATE TABLE "device" ("id" {serial} NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, '
    '"device_id" VARCHAR(64) NOT NULL, "name" VARCHAR(100) NOT NULL, "token_hash" VARCHAR(64) '
    'NOT NULL, "created_at" {timestamp} NOT NULL, "expires_at" {timestamp} NOT NULL, '
    '"last_seen" {timestamp}, "revoked" {bool} NOT NULL, FOREIGN KEY ("user_id") REFERENCES '
    '"user" ("id"))',
    'CREATE INDEX "device_user_id" ON "device" ("user_id")',
    'CREATE UNIQUE INDEX "device_token_hash" ON "device" ("token_hash")',
    'CREATE TABLE "login_failure" ("id" {serial} NOT NULL PRIMARY KEY, "username" VARCHAR(64) '
    'NOT NULL, "address" VARCHAR(64) NOT NULL, "at" {timestamp} NOT NULL)',
    'CREATE INDEX "login_failure_username" ON "login_failure" ("username")',
    'CREATE INDEX "login_failure_address" ON "login_failure" ("address")',
    'CREATE INDEX "login_failure_at" ON "login_failure" ("at")',
    'CREATE TABLE "assignment" ("id" {serial} NOT NULL PRIMARY KEY, "user_id" INTEGER NOT '
    'NULL, "enterprise_id" VARCHAR(64) NOT NULL, "assigned_seq" {bigint} NOT NULL, FOREIGN KEY '
    '("user_id") REFERENCES "user" ("id"))',
    'CREATE INDEX "assignment_user_id" ON "assignment" ("user_id")',
    'CREATE UNIQUE INDEX "assignment_user_id_enterprise_id" ON "assignment" ("user_id", '
    '"enterprise_id")',
    'CREATE TABLE "enterprise_code" ("uscc" VARCHAR(18) NOT NULL PRIMARY KEY, "enterprise_id" '
    'VARCHAR(64) NOT NULL)',
    'CREATE INDEX "enterprise_code_enterprise_id" ON "enterprise_code" ("enterprise_id")',
    'CREATE TABLE "record" ("id" {serial} NOT NULL PRIMARY KEY, "table" VARCHAR(40) NOT NULL, '
    '"record_id" VARCHAR(64) NOT NULL, "data" TEXT NOT NULL, "version" {bigint} NOT NULL, '
    '"field_meta" TEXT NOT NULL, "deleted" {bool} NOT NULL, "scope_key" VARCHAR(64) NOT NULL, '
    '"seq" {bigint} NOT NULL, "created_at" VARCHAR(40) NOT NULL, "updated_at" VARCHAR(40) NOT '
    'NULL, "last_device" VARCHAR(64) NOT NULL, "last_clean" {bool} NOT NULL)',
    'CREATE INDEX "record_scope_key" ON "record" ("scope_key")',
    'CREATE UNIQUE INDEX "record_seq" ON "record" ("seq")',
    'CREATE UNIQUE INDEX "record_table_record_id" ON "record" ("table", "record_id")',
    'CREATE INDEX "record_scope_key_seq" ON "record" ("scope_key", "seq")',
    'CREATE TABLE "op_record" ("op_id" VARCHAR(64) NOT NULL PRIMARY KEY, "device_id" '
    'VARCHAR(64) NOT NULL, "result" TEXT NOT NULL, "created_at" {timestamp} NOT NULL)',
    'CREATE TABLE "change_log" ("id" {serial} NOT NULL PRIMARY KEY, "seq" {bigint} NOT NULL, '
    '"table" VARCHAR(40) NOT NULL, "record_id" VARCHAR(64) NOT NULL, "version" {bigint} NOT '
    'NULL, "base_version" {bigint} NOT NULL, "op_id" VARCHAR(64) NOT NULL, "username" '
    'VARCHAR(64) NOT NULL, "device_id" VARCHAR(64) NOT NULL, "device_time" VARCHAR(40) NOT '
    'NULL, "server_time" {timestamp} NOT NULL, "status" VARCHAR(16) NOT NULL, "changes" TEXT '
    'NOT NULL)',
    'CREATE INDEX "change_log_seq" ON "change_log" ("seq")',
    'CREATE INDEX "change_log_record_id" ON "change_log" ("record_id")',
    'CREATE TABLE "server_conflict" ("id" {serial} NOT NULL PRIMARY KEY, "table" VARCHAR(40) '
    'NOT NULL, "record_id" VARCHAR(64) NOT NULL, "field" VARCHAR(64) NOT NULL, "incoming" TEXT '
    'NOT NULL, "existing" TEXT NOT NULL, "kept" VARCHAR(8) NOT NULL, "op_id" VARCHAR(64) NOT '
    'NULL, "at" {timestamp} NOT NULL)',
    'CREATE INDEX "server_conflict_record_id" ON "server_conflict" ("record_id")',
    'CREATE TABLE "blob" ("sha256" VARCHAR(64) NOT NULL PRIMARY KEY, "size" {bigint} NOT NULL, '
    '"created_at" {timestamp} NOT NULL)',
    # The change sequence starts at 0; the first change is 1.
    "INSERT INTO \"meta\" (\"key\", \"value\") VALUES ('seq', 0)",
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    for sql in _STATEMENTS:
        db.execute_sql(sql.format(**types))
