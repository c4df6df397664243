"""Schema 6: indexes for 工作台, which opens first at every start.

The last visit of each enterprise and the open follow-up actions by due date were found by
reading every visit and every follow-up of the county (150 ms at 100,000 visits). Partial
indexes over the live rows make both a handful of index seeks.
"""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 6

_STATEMENTS = [
    'CREATE INDEX "visit_live_enterprise_visit_at" ON "visit" ("enterprise_id", "visit_at") '
    'WHERE "deleted" = 0',
    'CREATE INDEX "follow_up_open_due_date" ON "follow_up" ("due_date") '
    'WHERE "deleted" = 0 AND "done" = 0',
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
