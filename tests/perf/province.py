"""A province-size server database, and the database time of what a sync reads in it.

Used by ``bench_server_load.py --province`` (or run alone: ``python -m tests.perf.province
[--postgres URL]``). Filled by SQL in the database itself (a series of numbers), not row by
row: 700,000 records in 13,600 enterprise scopes, 10,000 devices, 1,000,000 stored operation
results, the change counter and the kept counts as the server leaves them. Then, for an
officer with two enterprises whose laptop is 5 minutes (30,000 province-wide changes) behind:
the pull page (its query, through the ``(scope_key, seq)`` index), the whole pull as the
server answers it (page, parents, what left, counts, in one snapshot), the counts of its
scope, and a centre's counts, each the median of 20, with the plan printed (EXPLAIN) and
checked to use an index rather than read the table.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

RECORDS = 700_000
ENTERPRISES = 13_600
DEVICES = 10_000
OP_RESULTS = 1_000_000
BEHIND = 30_000  # changes in 5 minutes at a province's peak (100 a second)


def _series(pg: bool, n: int) -> str:
    """A ``FROM`` clause yielding x = 1..n in either database."""
    if pg:
        return f"generate_series(1, {n}) AS s(x)"
    return (f"(WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < {n}) "
            "SELECT x FROM s) AS s")


def fill(db: Any, *, pg: bool) -> None:
    text = "TEXT"
    now = "'2026-11-27T09:00:00'"
    sql = [
        # Enterprises first (scope = their own id), then visits spread over them.
        f'INSERT INTO "record" ("table", "record_id", "data", "version", "field_meta", '
        f'"deleted", "scope_key", "seq", "created_at", "updated_at", "last_device", '
        f'"last_clean") SELECT CASE WHEN x <= {ENTERPRISES} THEN \'enterprise\' ELSE '
        f"'visit' END, 'r' || CAST(x AS {text}), '{{\"summary\": \"走访企业了解生产经营情况\"}}', "
        f"1 + x % 3, '{{}}', {'false' if pg else '0'}, 'e' || CAST(CASE WHEN x <= {ENTERPRISES} "
        f"THEN x ELSE 1 + x % {ENTERPRISES} END AS {text}), x, {now}, {now}, 'seed', "
        f"{'false' if pg else '0'} FROM {_series(pg, RECORDS)}",
        f"UPDATE \"meta\" SET \"value\" = {RECORDS} WHERE \"key\" = 'seq'",
        'INSERT INTO "op_record" ("device_id", "op_id", "result", "created_at") SELECT '
        f"'d' || CAST(x % {DEVICES} AS {text}), 'op' || CAST(x AS {text}), "
        f"'{{\"status\": \"applied\"}}', {now} FROM {_series(pg, OP_RESULTS)}",
        'DELETE FROM "scope_count"',
        'INSERT INTO "scope_count" SELECT "scope_key", "table", COUNT(*), SUM("version") '
        'FROM "record" GROUP BY "scope_key", "table"',
        'INSERT INTO "scope_count" SELECT \'*\', "table", COUNT(*), SUM("version") '
        'FROM "record" GROUP BY "table"',
    ]
    with db.atomic():
        for statement in sql:
            # psycopg2 reads a lone % as the start of a parameter.
            db.execute_sql(statement.replace(" % ", " %% ") if pg else statement)
    from sync.server import auth
    from sync.server.models import Assignment, Device, User, utcnow

    with db.atomic():
        centre = User.create(username="centre", password_hash="-", role="center",
                             officer_id="o-centre")
        officer = User.create(username="officer", password_hash="-", role="liaison",
                              officer_id="o-1")
        Assignment.insert_many([{"user": officer, "enterprise_id": "e17"},
                                {"user": officer, "enterprise_id": "e9001"}]).execute()
        later = utcnow().replace(year=utcnow().year + 1)
        Device.insert_many([{"user": centre if i else officer, "device_id": f"d{i}",
                             "name": f"d{i}", "token_hash": auth.hash_token(f"t{i}"),
                             "expires_at": later, "last_seen": utcnow()}
                            for i in range(DEVICES)]).execute()
    db.execute_sql("ANALYZE")


def _median_ms(fn: Callable[[], Any]) -> float:
    fn()  # warm (plans, caches), as a running server is
    times = []
    for _ in range(20):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def _plan(db: Any, sql: str, params: list[Any], *, pg: bool) -> str:
    if pg:
        rows = db.execute_sql("EXPLAIN " + sql, params).fetchall()
        return "\n".join(r[0] for r in rows)
    rows = db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return "\n".join(str(r[-1]) for r in rows)


def _pg_execution_ms(db: Any, sql: str, params: list[Any]) -> float:
    """PostgreSQL's own time for a query (EXPLAIN ANALYZE's execution time), median of 20:
    database time without the round trip or this machine's scheduling of the client."""
    times = []
    for _ in range(21):
        rows = db.execute_sql("EXPLAIN ANALYZE " + sql, params).fetchall()
        times.append(next(float(r[0].split(":")[1].split()[0]) for r in rows
                          if r[0].startswith("Execution Time")))
    return statistics.median(times[1:])


def _checked(name: str, plan: str) -> str:
    lines = plan.splitlines()
    full_scan = [ln for ln in lines if ("Seq Scan on record" in ln)
                 or ln.strip().startswith("SCAN record") and "USING" not in ln]
    verdict = "reads the table whole!" if full_scan else "index only"
    indented = "\n".join("    " + ln for ln in lines[:14])
    return f"  plan of {name} ({verdict}):\n{indented}"


def measure(db: Any, *, pg: bool) -> None:
    from sync.protocol import PullRequest
    from sync.server import auth, store
    from sync.server.models import read_snapshot

    officer = auth.authenticate(token="t0", device_id="d0")
    centre = auth.authenticate(token="t1", device_id="d1")
    since = RECORDS - BEHIND
    keys = store.visible_keys(officer)
    request = PullRequest(since=since, limit=2000, want_counts=True)

    page_sql = store._page_sql(len(keys), 0, False, db.param)
    params: list[Any] = []
    for key in [*keys, ""]:
        params += [key, since, officer.device_id, 2001]
    params.append(2001)
    page_ms = _median_ms(lambda: db.execute_sql(page_sql, params).fetchall())
    rows = len(db.execute_sql(page_sql, params).fetchall())

    def whole_pull() -> None:
        store.pull_page(officer, request)

    pull_ms = _median_ms(whole_pull)

    def counts(keys: list[str] | None) -> Callable[[], Any]:
        def run() -> Any:
            with read_snapshot():
                return store._counts(keys)
        return run

    scope_ms = _median_ms(counts(keys))
    centre_ms = _median_ms(counts(store.visible_keys(centre)))
    print(f"{'PostgreSQL' if pg else 'SQLite'}, {RECORDS:,} records in {ENTERPRISES:,} "
          f"enterprises, {DEVICES:,} devices, {OP_RESULTS:,} operation results; an officer's "
          f"laptop {BEHIND:,} changes behind:")
    print(f"  pull page query {page_ms:.2f} ms ({rows} records); whole pull as answered "
          f"(page, parents, gone, counts, one snapshot) {pull_ms:.2f} ms")
    print(f"  counts of the officer's scope {scope_ms:.2f} ms; a centre's counts "
          f"{centre_ms:.2f} ms")
    mark = db.param
    count_sql = ('SELECT "table", SUM("count"), SUM("version_sum") FROM "scope_count" WHERE '
                 f'"scope_key" IN ({", ".join(mark for _ in keys)}) GROUP BY "table"')
    if pg:
        print(f"  PostgreSQL's execution time (EXPLAIN ANALYZE): page "
              f"{_pg_execution_ms(db, page_sql, params):.3f} ms, counts of the scope "
              f"{_pg_execution_ms(db, count_sql, keys):.3f} ms")
    print(_checked("the page", _plan(db, page_sql, params, pg=pg)))
    print(_checked("the counts", _plan(db, count_sql, keys, pg=pg)), flush=True)


def main(*, postgres_url: str | None, sqlite: bool = True) -> None:
    from sync.server.models import connection, open_server_database

    if sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_server_database(f"sqlite:///{tmp}/province.sqlite3")
            with connection():
                started = time.perf_counter()
                fill(db, pg=False)
                print(f"SQLite filled in {time.perf_counter() - started:.0f} s", flush=True)
                measure(db, pg=False)
            db.close()
    if postgres_url:
        from tests.sync.conftest import reset_postgres, worker_postgres_url

        # A database of its own beside the given one: the fill is dropped next time.
        postgres_url = worker_postgres_url(postgres_url, worker="province")
        reset_postgres(postgres_url)
        db = open_server_database(postgres_url)
        with connection():
            started = time.perf_counter()
            fill(db, pg=True)
            print(f"PostgreSQL filled in {time.perf_counter() - started:.0f} s", flush=True)
            measure(db, pg=True)
        db.close_all()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--measure-only", action="store_true",
                        help="measure the PostgreSQL province database filled last time")
    args = parser.parse_args()
    if args.measure_only:
        from sync.server.models import connection, open_server_database
        from tests.sync.conftest import worker_postgres_url

        filled = open_server_database(worker_postgres_url(args.postgres, worker="province"))
        with connection():
            measure(filled, pg=True)
    else:
        main(postgres_url=args.postgres, sqlite=not args.no_sqlite)
