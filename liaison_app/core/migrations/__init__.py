"""Numbered schema migrations, run in order; ``PRAGMA user_version`` says where a file is.

Each module ``mNNNN_name.py`` defines ``VERSION`` and ``migrate(db, migrator)``. Migrations
are written against the schema of their time (plain SQL or ``playhouse.migrate`` operations),
never against today's models, so an old database upgrades the same way years later.
Every migration runs in one transaction with the version bump: it happens whole or not at all.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Iterable
from types import ModuleType

import peewee
from playhouse.migrate import SqliteMigrator

log = logging.getLogger(__name__)


def load_numbered(package: str, path: Iterable[str]) -> list[ModuleType]:
    """The ``mNNNN_*`` modules of a migrations package, in order of their ``VERSION``."""
    modules = []
    for info in pkgutil.iter_modules(path):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            modules.append(importlib.import_module(f"{package}.{info.name}"))
    modules.sort(key=lambda m: m.VERSION)
    versions = [m.VERSION for m in modules]
    # Numbers are reserved per area of work, so a gap is allowed; a repeat never is.
    if len(set(versions)) != len(versions) or (versions and versions[0] != 1):
        raise RuntimeError(f"migration versions must be unique and start at 1, got {versions}")
    return modules


MIGRATIONS = load_numbered(__name__, __path__)
LATEST_VERSION = MIGRATIONS[-1].VERSION if MIGRATIONS else 0


def run_migrations(db: peewee.SqliteDatabase, *, current: int,
                   target: int = LATEST_VERSION) -> int:
    """Upgrade from ``current`` to ``target``; returns the version reached."""
    migrator = SqliteMigrator(db)
    version = current
    for module in MIGRATIONS:
        if module.VERSION <= version or module.VERSION > target:
            continue
        log.info("migrating database to schema %s (%s)", module.VERSION, module.__name__)
        # Foreign keys are checked at commit, so a migration may rebuild a table in steps.
        with db.atomic():
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            module.migrate(db, migrator)
            db.execute_sql(f"PRAGMA user_version = {int(module.VERSION)}")
        version = module.VERSION
    return version
