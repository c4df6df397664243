"""What the server saves per request under load must not change what anyone receives: the
officer's enterprises read with the token, small pushes worked out and nearly-in-step pulls
read on the event loop in pages of a bounded size, pooled connections handed out again
without a round trip when they were in use moments ago."""
from __future__ import annotations

import datetime as dt
import json
import threading
import time
from pathlib import Path
from typing import Any

import psycopg2
import pytest

from liaison_app.core.models import Visit
from sync.server import statements, store
from sync.server.app import ServerConfig
from sync.server.models import Record, connection, make_database, server_db
from tests.sync.conftest import (
    PG_URL,
    new_enterprise,
    new_visit,
    reset_postgres,
    running_server,
    worker_postgres_url,
)


@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, Any]]:
    """Each page the server read: its length and the thread that read it."""
    seen: list[tuple[int, Any]] = []
    real = store.pull_page

    def noting(caller: Any, req: Any) -> Any:
        page, sent = real(caller, req)
        seen.append((sent, threading.current_thread()))
        return page, sent

    monkeypatch.setattr(store, "pull_page", noting)
    return seen


@pytest.mark.parametrize("made", [300, 700])
def test_an_officer_a_little_behind_gets_a_short_page_on_the_loop_and_further_behind_full_pages(
        county: dict[str, Any], pages: list[tuple[int, Any]], made: int) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok  # in step
    centre.use()
    ids = {new_visit(county["e1"], summary=f"中心补录走访{n} 𠮷").id for n in range(made)}
    assert centre.sync().ok
    pages.clear()
    assert li.sync().ok
    li.use()
    assert ids <= {v.id for v in Visit.select(Visit.id)}
    assert Visit.get_by_id(next(iter(ids))).summary.endswith("𠮷")
    # A few hundred changes behind: one page, read on the event loop; further: whole pages
    # (the laptop asks for 2,000 at a time) in a worker thread, never cut short.
    assert sum(n for n, _ in pages) == made
    loop = county["server"].thread  # the server's event loop runs in it
    assert [thread is loop for n, thread in pages if n] == ([True] if made < 500 else [False])


def test_an_enterprise_assigned_between_syncs_arrives_with_the_next(
        county: dict[str, Any]) -> None:
    li, centre, server = county["li"], county["centre"], county["server"]
    assert li.sync().ok
    centre.use()
    later = new_enterprise("新分配企业")
    visit = new_visit(later, summary="分配前的走访")
    assert centre.sync().ok
    server.assign("li", [county["e1"], later.id])
    assert li.sync().ok
    li.use()
    assert Visit.get_or_none(Visit.id == visit.id) is not None
    # And a push into it right away is taken (its scope is read again under the lock).
    mine = new_visit(later.id, summary="李的走访")
    assert li.sync().ok
    centre.use()
    assert centre.sync().ok
    assert Visit.get_by_id(mine.id).summary == "李的走访"


@pytest.fixture
def pg_url() -> str:
    if not PG_URL:
        pytest.skip("set LIAISON_TEST_PG_URL (scripts/ci-postgres.sh) to run on PostgreSQL")
    url = worker_postgres_url(PG_URL)
    reset_postgres(url)
    return url


@pytest.mark.postgres
def test_a_connection_in_use_moments_ago_is_handed_out_without_a_round_trip(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db = make_database(pg_url, pool_size=2)
    asked: list[int] = []
    real = db._adapter.is_connection_closed

    def asking(conn: Any) -> bool:
        asked.append(1)
        return bool(real(conn))

    monkeypatch.setattr(db._adapter, "is_connection_closed", asking)
    server_db.initialize(db)
    try:
        for _ in range(5):
            with connection():
                assert db.execute_sql("SELECT 1").fetchone() == (1,)
        assert asked == []
        monkeypatch.setattr(db, "TRUSTED_FOR", 0.0)
        with connection():
            db.execute_sql("SELECT 1")
        assert asked == [1]
    finally:
        db.close_all()


@pytest.mark.postgres
def test_connections_the_database_dropped_are_replaced(
        pg_url: str, tmp_path: Path, make_device: Any) -> None:
    with running_server(ServerConfig(db_url=pg_url, data_dir=tmp_path / "server")) as server:
        server.add_user("centre", "center")
        centre = make_device("centre-pc")
        centre.login(server, "centre")
        new_visit(new_enterprise("鲁西化工有限公司"), summary="第一次")
        assert centre.sync().ok
        # The database ends every connection of the server's (a restart, an administrator).
        conn = psycopg2.connect(pg_url)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                        "datname = current_database() AND pid <> pg_backend_pid()")
        conn.close()
        time.sleep(server_db.obj.TRUSTED_FOR + 0.2)
        second = new_visit(Visit.get().enterprise_id, summary="第二次")
        report = centre.sync()
        assert report.ok, report
        with connection():
            stored = Record.get((Record.table == "visit") & (Record.record_id == second.id))
        assert json.loads(stored.data)["summary"] == "第二次"


@pytest.mark.postgres
@pytest.mark.parametrize("setting", ["on", "off"])
def test_statements_run_often_are_planned_once_per_connection(
        pg_url: str, setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(statements.ENV_PREPARED, setting)  # off: behind pgbouncer
    db = make_database(pg_url, pool_size=1)
    server_db.initialize(db)
    try:
        with connection():
            for n in range(3):
                row = statements.run_prepared("liaison_sum", "SELECT %s::int + %s::int, %s",
                                              (n, 1, "𠮷'; --")).fetchone()
                assert row == (n + 1, "𠮷'; --")
            names = [name for (name,) in db.execute_sql(
                "SELECT name FROM pg_prepared_statements").fetchall()]
        assert names == (["liaison_sum"] if setting == "on" else [])
    finally:
        db.close_all()


def test_the_enterprises_read_with_the_token_are_the_officers_own(server: Any) -> None:
    """The sign-in check's copy of an officer's enterprises is the same list as a read of
    them, ids an administrator typed with a comma or in another order included."""
    import secrets

    from sync.server import auth
    from sync.server.models import Device, User, utcnow

    server.add_user("li", "liaison")
    server.add_user("centre", "center")
    ids = ["企业,甲", "b-2", "A-1", "a-1", "𠮷"]
    server.assign("li", ids)
    with connection():
        for name, want in (("li", tuple(sorted(ids))), ("centre", None)):
            user = User.get(User.username == name)
            token = secrets.token_urlsafe(16)
            Device.create(user=user, device_id=f"{name}-pc", name=f"{name}-pc",
                          token_hash=auth.hash_token(token), last_seen=utcnow(),
                          expires_at=utcnow() + dt.timedelta(days=365))
            caller = auth.authenticate(token=token, device_id=f"{name}-pc")
            assert caller.assigned == want
            if want is not None:
                assert list(want) == auth.assigned_enterprises(user.id)
