"""The server's numbered schema migrations, for SQLite and PostgreSQL alike.

Each module ``mNNNN_name.py`` defines ``VERSION`` and ``migrate(db, types)``; ``types`` maps
the few column types whose spelling differs between the two databases. Migrations are plain
SQL written against the schema of their time, never against today's models, so a database
created years ago upgrades the same way. The version reached is the ``schema`` row of
``meta``; each migration commits together with it, whole or not at all.

Two servers starting at once on one database cannot both migrate: PostgreSQL takes an
advisory lock and SQLite an immediate write lock, and the version is read again under it.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from liaison_app.core.migrations import load_numbered

log = logging.getLogger(__name__)

MIGRATIONS = load_numbered(__name__, __path__)
LATEST_VERSION = MIGRATIONS[-1].VERSION

#: Any fixed number: it names the lock all liaison-server processes agree on.
_PG_LOCK = 7_243_101

_TYPES = {
    "sqlite": {"serial": "INTEGER", "bigint": "INTEGER", "bool": "INTEGER",
               "timestamp": "DATETIME"},
    "postgresql": {"serial": "SERIAL", "bigint": "BIGINT", "bool": "BOOLEAN",
                   "timestamp": "TIMESTAMP"},
}


class SchemaTooNewError(RuntimeError):
    """The database was upgraded by a newer liaison-server than this one."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"the server database has schema {found}, and this liaison-server knows schema "
            f"{LATEST_VERSION} at most: it was upgraded by a newer version. Install that "
            "version (or newer) instead; nothing was changed")
        self.found = found


def column_types(db: peewee.Database) -> dict[str, str]:
    return _TYPES["postgresql" if isinstance(db, peewee.PostgresqlDatabase) else "sqlite"]


def schema_version(db: peewee.Database) -> int:
    """The schema the database is at: 0 for an empty one."""
    if not db.table_exists("meta"):
        return 0
    row = db.execute_sql("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return int(row[0]) if row else 0


def run_migrations(db: peewee.Database, *, target: int = LATEST_VERSION) -> tuple[int, int]:
    """Upgrade to ``target``; returns the versions before and after the migrations this
    process ran (equal when it ran none). Processes starting together may share the work,
    one running some steps and another the rest: each step runs once. Idempotent."""
    found = schema_version(db)
    if found > LATEST_VERSION:
        raise SchemaTooNewError(found)
    if found >= target:  # the usual start: no lock taken
        return found, found
    types = column_types(db)
    started: int | None = None
    current = reached = found
    for module in MIGRATIONS:
        if module.VERSION > target:
            break
        with _exclusive(db):
            # Read again under the lock: another process may have migrated, even further
            # than this version knows.
            current = schema_version(db)
            if current > LATEST_VERSION:
                raise SchemaTooNewError(current)
            if current >= module.VERSION:
                continue
            log.info("migrating server database to schema %s (%s)", module.VERSION,
                     module.__name__)
            if started is None:
                started = current
            module.migrate(db, types)
            db.execute_sql("DELETE FROM meta WHERE key = 'schema'")
            db.execute_sql("INSERT INTO meta (key, value) VALUES ('schema', "
                           f"{int(module.VERSION)})")
            current = reached = module.VERSION
    if started is None:
        return current, current
    return started, reached


@contextmanager
def _exclusive(db: peewee.Database) -> Iterator[None]:
    if isinstance(db, peewee.PostgresqlDatabase):
        with db.atomic():
            db.execute_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
            yield
    else:
        with db.atomic("IMMEDIATE"):
            yield
