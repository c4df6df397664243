"""Schema 3: what makes the server safe against a careless or hostile client.

- Operation results are keyed by device and operation id: ids are the device's own, so
  another device reusing one gets its own answer instead of the first owner's.
- Who uploaded which file (``blob_upload``) and which file each attachment record names
  (``attachment_blob``): a file may be named, and read, only by whoever holds it or may see
  a record that names it.
- Final letter numbers in a table whose key makes each number unique per year.
- Records that left an enterprise's scope (``scope_exit``), so devices of the old scope drop
  their copy.
- Audit entries are no longer visible to everyone: each gets the scope of its enterprise, or
  of the officer who wrote it.
"""
from __future__ import annotations

import json
import logging
import re

import peewee

VERSION = 3

log = logging.getLogger(__name__)

_SHA = re.compile(r"^[0-9a-f]{64}$")

_STATEMENTS = [
    'CREATE TABLE "op_record_v3" ("device_id" VARCHAR(64) NOT NULL, "op_id" VARCHAR(64) NOT '
    'NULL, "result" TEXT NOT NULL, "created_at" {timestamp} NOT NULL, PRIMARY KEY '
    '("device_id", "op_id"))',
    'INSERT INTO "op_record_v3" ("device_id", "op_id", "result", "created_at") SELECT '
    '"device_id", "op_id", "result", "created_at" FROM "op_record"',
    'DROP TABLE "op_record"',
    'ALTER TABLE "op_record_v3" RENAME TO "op_record"',
    'CREATE INDEX "op_record_created_at" ON "op_record" ("created_at")',
    'CREATE TABLE "blob_upload" ("sha256" VARCHAR(64) NOT NULL, "user_id" INTEGER NOT NULL, '
    '"at" {timestamp} NOT NULL, PRIMARY KEY ("sha256", "user_id"), FOREIGN KEY ("user_id") '
    'REFERENCES "user" ("id"))',
    'CREATE INDEX "blob_upload_user_id" ON "blob_upload" ("user_id")',
    'CREATE TABLE "attachment_blob" ("record_id" VARCHAR(64) NOT NULL PRIMARY KEY, "sha256" '
    'VARCHAR(64) NOT NULL, "scope_key" VARCHAR(64) NOT NULL)',
    'CREATE INDEX "attachment_blob_sha256" ON "attachment_blob" ("sha256")',
    'CREATE TABLE "letter_number" ("year" INTEGER NOT NULL, "number" INTEGER NOT NULL, '
    '"record_id" VARCHAR(64) NOT NULL, PRIMARY KEY ("year", "number"))',
    'CREATE UNIQUE INDEX "letter_number_record_id" ON "letter_number" ("record_id")',
    'CREATE TABLE "scope_exit" ("id" {serial} NOT NULL PRIMARY KEY, "seq" {bigint} NOT NULL, '
    '"table" VARCHAR(40) NOT NULL, "record_id" VARCHAR(64) NOT NULL, "old_scope_key" '
    'VARCHAR(64) NOT NULL)',
    'CREATE INDEX "scope_exit_old_scope_key_seq" ON "scope_exit" ("old_scope_key", "seq")',
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    for sql in _STATEMENTS:
        db.execute_sql(sql.format(**types))
    _fill_attachment_blobs(db)
    _fill_letter_numbers(db)
    _rescope_audit_entries(db)


def _rows(db: peewee.Database, table: str) -> list[tuple[str, str, str, int]]:
    return list(db.execute_sql(
        'SELECT "record_id", "data", "scope_key", "seq" FROM "record" WHERE "table" = '
        f"{db.param} ORDER BY \"seq\"", (table,)).fetchall())


def _fill_attachment_blobs(db: peewee.Database) -> None:
    rows = []
    for record_id, text, scope_key, _seq in _rows(db, "attachment"):
        sha = json.loads(text).get("sha256")
        if isinstance(sha, str) and _SHA.match(sha):
            rows.append((record_id, sha, scope_key))
    mark = db.param
    for row in rows:
        db.execute_sql('INSERT INTO "attachment_blob" ("record_id", "sha256", "scope_key") '
                       f"VALUES ({mark}, {mark}, {mark})", row)


def _fill_letter_numbers(db: peewee.Database) -> None:
    """Numbers already issued, oldest first; a number issued twice (an old client could push
    one) stays on its second letter's record but only the first holds it in the register."""
    taken: set[tuple[int, int]] = set()
    mark = db.param
    for record_id, text, _key, _seq in _rows(db, "request"):
        data = json.loads(text)
        year, number = data.get("registration_year"), data.get("registration_no")
        if not (isinstance(year, int) and isinstance(number, int)):
            continue
        if (year, number) in taken:
            log.warning("letter %s repeats number %s of %s; the first letter keeps it",
                        record_id, number, year)
            continue
        taken.add((year, number))
        db.execute_sql('INSERT INTO "letter_number" ("year", "number", "record_id") VALUES '
                       f"({mark}, {mark}, {mark})", (year, number, record_id))


def _rescope_audit_entries(db: peewee.Database) -> None:
    mark = db.param
    for record_id, text, scope_key, _seq in _rows(db, "audit_entry"):
        data = json.loads(text)
        enterprise = data.get("enterprise_id")
        officer = data.get("officer_id")
        key = (enterprise if isinstance(enterprise, str) and enterprise else
               f"@officer:{officer}" if isinstance(officer, str) and officer else "")
        if key != scope_key:
            db.execute_sql(f'UPDATE "record" SET "scope_key" = {mark} WHERE "table" = '
                           f"'audit_entry' AND \"record_id\" = {mark}", (key[:64], record_id))
