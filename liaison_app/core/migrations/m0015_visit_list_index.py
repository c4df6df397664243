"""Schema 15: the visit list's order as a partial index over the live visits.

The list shows live visits newest first (``visit_at`` then ``id``, descending). The SQLite
inside SQLCipher (3.53, built with STAT4) sees the bound ``deleted = 0`` and prefers the
partial index of schema 6, whose order is by enterprise: it read all 100,000 visits and
sorted them for a first screen of 200 rows (0.9 s on an encrypted file, where every page
read is decrypted). An index over the live rows in the list's own order is read backwards
from the newest row and stops after one screen, whatever the planner's statistics say.
"""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 15

_STATEMENTS = [
    'CREATE INDEX "visit_live_visit_at_id" ON "visit" ("visit_at", "id") WHERE "deleted" = 0',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
