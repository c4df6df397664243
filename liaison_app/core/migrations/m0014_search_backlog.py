"""Schema 14: records stored but not yet in the search index (see ``core.search_backlog``)."""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 14


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    db.execute_sql('CREATE TABLE "search_backlog" ("record_id" VARCHAR(36) NOT NULL PRIMARY '
                   'KEY, "table_name" VARCHAR(40) NOT NULL) WITHOUT ROWID')
