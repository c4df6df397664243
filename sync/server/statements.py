"""Statements PostgreSQL plans once per connection instead of at every call.

The sign-in check runs for every request and an officer's page query for nearly every pull;
planning them (a join with subqueries; a ``UNION ALL`` with a branch per enterprise) costs
PostgreSQL more than running them. Each is prepared (``PREPARE``) the first time a pooled
connection runs it and executed by name afterwards, so PostgreSQL may keep its plan.

Prepared statements belong to a database session: behind pgbouncer in transaction mode,
where consecutive transactions may use different sessions, set
``LIAISON_SERVER_PREPARED=off``. SQLite keeps its own cache of compiled statements.
"""
from __future__ import annotations

import itertools
import os
import re
import weakref
from collections.abc import Sequence
from typing import Any

import peewee

from sync.server.models import is_postgres, server_db
from sync.server.serving import ENV_PREPARED

#: The names each connection has prepared (gone with the connection).
_known: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def enabled() -> bool:
    return os.environ.get(ENV_PREPARED, "on").strip().lower() not in ("0", "off", "no", "false")


def _numbered(sql: str) -> str:
    """``%s`` marks as PostgreSQL's ``$1``, ``$2``… (the statements hold no other ``%``)."""
    count = itertools.count(1)
    return re.sub(r"%s", lambda _m: f"${next(count)}", sql)


def run_prepared(name: str, sql: str, params: Sequence[Any]) -> Any:
    """Run ``sql`` (written with the database's parameter mark) and return its cursor; on
    PostgreSQL as the prepared statement ``name``, which stands for this text only."""
    db = server_db.obj
    if not is_postgres(db) or not enabled():
        return db.execute_sql(sql, params)
    # peewee's own errors, as from any other statement (the loop reconnects on them).
    with peewee.__exception_wrapper__:
        conn = db.connection()
        names = _known.get(conn)
        if names is None:
            names = _known[conn] = set()
        cursor = conn.cursor()
        if name not in names:
            cursor.execute(f"PREPARE {name} AS {_numbered(sql)}")
            names.add(name)
        marks = ", ".join("%s" for _ in params)
        cursor.execute(f"EXECUTE {name} ({marks})" if params else f"EXECUTE {name}", params)
        return cursor
