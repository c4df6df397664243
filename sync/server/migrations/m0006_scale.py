"""Schema 6: what a province-size server needs to answer quickly and to forget safely.

- ``scope_count``: records and the sum of their versions per scope and table (and per table
  under the scope ``*``), kept by every write, so the counts a pull sends are read from a few
  rows instead of counted over the scope's records (145 ms for a centre at province size).
- ``seq_mark``: the change sequence at the moment of each prune, which tells the sequence
  numbers older than a retention period without a time on every row.
- ``meta`` rows ``ops_pruned_before`` (epoch seconds: operation results stored before it may
  be gone) and ``exits_pruned_seq`` (scope exits up to this sequence number are gone), both 0
  until the first prune: what tells a device it must pull everything again.
"""
from __future__ import annotations

import peewee

VERSION = 6

_STATEMENTS = [
    'CREATE TABLE "scope_count" ("scope_key" VARCHAR(64) NOT NULL, "table" VARCHAR(40) NOT '
    'NULL, "count" {bigint} NOT NULL, "version_sum" {bigint} NOT NULL, PRIMARY KEY '
    '("scope_key", "table"))',
    'INSERT INTO "scope_count" ("scope_key", "table", "count", "version_sum") SELECT '
    '"scope_key", "table", COUNT(*), SUM("version") FROM "record" GROUP BY "scope_key", '
    '"table"',
    'INSERT INTO "scope_count" ("scope_key", "table", "count", "version_sum") SELECT '
    '\'*\', "table", COUNT(*), SUM("version") FROM "record" GROUP BY "table"',
    'CREATE TABLE "seq_mark" ("id" {serial} NOT NULL PRIMARY KEY, "at" {timestamp} NOT NULL, '
    '"seq" {bigint} NOT NULL)',
    'CREATE INDEX "seq_mark_at" ON "seq_mark" ("at")',
    "INSERT INTO \"meta\" (\"key\", \"value\") VALUES ('ops_pruned_before', 0)",
    "INSERT INTO \"meta\" (\"key\", \"value\") VALUES ('exits_pruned_seq', 0)",
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    for sql in _STATEMENTS:
        db.execute_sql(sql.format(**types))
