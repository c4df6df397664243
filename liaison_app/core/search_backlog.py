"""Records stored but not yet in the search index.

A first pull brings tens of thousands of records at once, and cutting their text into
bigrams and filling the index costs about as much as storing them. So records that arrive
in bulk are stored and listed here in the same transaction, the pull ends as soon as they
are, and the index catches up right after in short transactions on the laptop's one writer
(the app between the officer's own saves, the command line before it says it is done).
Until it has, a search says that records just received may be missing from its results.

Nothing can be lost in between: the list is in the database with the records, so a crash
leaves it to be worked through at the next start. A record saved, pulled again or removed
meanwhile is indexed from what is stored when its turn comes, so the order does not matter.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from liaison_app.core import search, writer
from liaison_app.core.db import database_proxy
from liaison_app.core.models.base import SYNCED_MODELS, index_records

#: Fewer new records of one type in a pulled page than this are indexed at once: a sync of
#: the day's changes keeps search exact the moment it ends.
BULK = 200
#: Records indexed per transaction while catching up: short enough (some tens of
#: milliseconds) for a save the officer makes meanwhile not to wait noticeably.
CHUNK = 1000


def add(table: str, record_ids: Iterable[str]) -> None:
    """List records to index later. Inside the transaction that stored them."""
    rows = [(rid, table) for rid in record_ids]
    database_proxy.connection().executemany(
        'INSERT OR IGNORE INTO "search_backlog" ("record_id", "table_name") VALUES (?, ?)',
        rows)


def count() -> int:
    """How many records wait for the index. Any thread."""
    return database_proxy.execute_sql('SELECT count(*) FROM "search_backlog"').fetchone()[0]


def _index_some(limit: int) -> int:
    rows = database_proxy.execute_sql(
        'SELECT "record_id", "table_name" FROM "search_backlog" LIMIT ?', (limit,)).fetchall()
    by_table: dict[str, list[str]] = {}
    for rid, table in rows:
        by_table.setdefault(table, []).append(rid)
    for table, ids in by_table.items():
        model = SYNCED_MODELS.get(table)
        if model is not None:
            index_records(model, ids)
    conn = database_proxy.connection()
    conn.executemany('DELETE FROM "search_backlog" WHERE "record_id" = ?',
                     [(rid,) for rid, _ in rows])
    return len(rows)


def index_next(*, limit: int = CHUNK) -> int:
    """Index up to ``limit`` waiting records in one transaction on the writer; how many
    still wait. Any thread."""
    writer.write(lambda: _index_some(limit))
    return count()


def tidy_next() -> bool:
    """One step of merging the search index when many of its entries were replaced since it
    was last merged whole (``search.merge_step``), in one transaction on the writer; whether
    more steps remain. Derived data: its commit does not wait for the disk. Any thread."""
    return writer.write(search.merge_step, durable=False)


def index_all(progress: Callable[[int], None] | None = None) -> None:
    """Work through the whole list (the command line, after a sync), then merge the index if
    the sync replaced much of it. ``progress`` gets how many still wait after each step."""
    while (left := index_next()) > 0:
        if progress is not None:
            progress(left)
    while tidy_next():
        pass
