"""Schema 15: each evaluation round's per-unit totals kept for the trend across rounds.

The trend needs, per round and unit, the number of sheets and the sum and count of their
totals; working them out again from every sheet's JSON costs some 30 ms a round. They are
kept in ``evaluation_round_totals`` (local, derived, never synced). Triggers make every
change to a sheet or to a round's dimensions or scale -- whoever writes it: a service, a
pulled sync page, a bulk insert -- bump the round's ``generation`` and forget its totals in
the same transaction, so a stored total is only ever read for the data it was computed from
(``evaluation_results.trend`` recomputes the round when ``totals`` is NULL or missing).
"""
from __future__ import annotations

import peewee
from playhouse.migrate import SqliteMigrator

VERSION = 15


def _bump(round_id: str) -> str:
    return ("INSERT INTO evaluation_round_totals (round_id, generation) "
            f"VALUES ({round_id}, 1) ON CONFLICT (round_id) DO UPDATE SET "
            "generation = generation + 1, totals = NULL;")


_STATEMENTS = [
    'CREATE TABLE "evaluation_round_totals" ("round_id" VARCHAR(36) NOT NULL PRIMARY KEY, '
    '"generation" INTEGER NOT NULL, "totals" TEXT)',
    # A sheet's round, unit, scores and tombstone are all the totals read from it.
    "CREATE TRIGGER score_sheet_totals_insert AFTER INSERT ON score_sheet BEGIN "
    f"{_bump('NEW.round_id')} END",
    "CREATE TRIGGER score_sheet_totals_update AFTER UPDATE OF round_id, unit, scores, deleted "
    f"ON score_sheet BEGIN {_bump('OLD.round_id')} {_bump('NEW.round_id')} END",
    "CREATE TRIGGER score_sheet_totals_delete AFTER DELETE ON score_sheet BEGIN "
    f"{_bump('OLD.round_id')} END",
    # The round's dimensions (and their weights) and its scale decide each sheet's total.
    "CREATE TRIGGER evaluation_round_totals_update AFTER UPDATE OF id, dimensions, scale ON "
    f"evaluation_round BEGIN {_bump('OLD.id')} {_bump('NEW.id')} END",
    "CREATE TRIGGER evaluation_round_totals_delete AFTER DELETE ON evaluation_round BEGIN "
    f"{_bump('OLD.id')} END",
]


def migrate(db: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    del migrator
    for sql in _STATEMENTS:
        db.execute_sql(sql)
