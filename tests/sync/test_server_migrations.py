"""Server schema migrations: a server started on the first schema upgrades it, keeps every
record and sign-in, and the migrated schema is exactly what the models describe."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee
import pytest

from liaison_app.core.models import Enterprise, Visit
from sync.server.app import ServerConfig
from sync.server.migrations import (
    LATEST_VERSION,
    SchemaTooNewError,
    run_migrations,
    schema_version,
)
from sync.server.models import (
    ALL_MODELS,
    AuditEvent,
    User,
    connection,
    make_database,
    open_server_database,
    server_db,
)
from tests.sync.conftest import PASSWORD, USCC, LiveServer, new_enterprise, new_visit
from tests.sync.released_server import FIRST_RELEASE, ReleasedServer, checkout
from tests.sync.test_backup_drill import _release_server_db
from tests.sync.test_cli import server_cli


@pytest.fixture
def first_release(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The first release's own server (schema 1, no audit log), from the history."""
    code = checkout(FIRST_RELEASE, tmp_path_factory.mktemp("first-release"))
    started: list[ReleasedServer] = []

    def start(db_url: str, data_dir: Path) -> ReleasedServer:
        server = ReleasedServer(code, db_url=db_url, data_dir=data_dir).start()
        started.append(server)
        return server

    yield start, lambda server: server.stop()
    for server in started:
        server.stop()


def test_a_server_started_on_the_first_schema_upgrades_it_and_keeps_everything(
        db_url: str, tmp_path: Path, make_device: Any, first_release: Any) -> None:
    start_old, stop_old = first_release
    data_dir = tmp_path / "server"
    old = start_old(db_url, data_dir)
    old.add_user("centre", "center")
    old.add_user("li", "liaison")
    centre = make_device("centre-pc")
    centre.login(old, "centre")
    ent = new_enterprise("鲁西化工有限公司", USCC[0])
    assert centre.sync().ok
    old.assign("li", [USCC[0]])
    li = make_device("li-laptop")
    li.login(old, "li")
    assert li.sync().ok
    for i in range(3):
        new_visit(ent.id, summary=f"升级前走访 {i}")
    assert li.sync().ok
    stop_old(old)
    with _database(db_url) as db:
        assert schema_version(db) == 1
        assert not db.table_exists("audit_event")

    new = LiveServer(ServerConfig(db_url=db_url, data_dir=data_dir)).start()
    try:
        # The laptop signed in before the upgrade goes on syncing without signing in again.
        li.point_at(new.url)
        li.use()
        new_visit(ent.id, summary="升级后走访")
        assert li.sync().ok
        centre.point_at(new.url)
        assert centre.sync().ok
        centre.use()
        summaries = sorted(v.summary for v in Visit.select())
        assert summaries == ["升级前走访 0", "升级前走访 1", "升级前走访 2", "升级后走访"]

        fresh = make_device("new-laptop")
        fresh.login(new, "li")
        assert fresh.sync().ok
        assert [e.name for e in Enterprise.select()] == ["鲁西化工有限公司"]
        assert Visit.select().count() == 4

        with connection():
            assert schema_version(server_db.obj) == LATEST_VERSION
            events = [(e.action, e.actor, e.detail) for e in
                      AuditEvent.select().order_by(AuditEvent.id)]
        # Sign-ins from before the log are taken from the device records, in order.
        assert events[:2] == [("login", "centre", "centre-pc"), ("login", "li", "li-laptop")]
        assert events[2][0] == "schema_upgraded" and "schema 1 to" in events[2][2]
        assert ("login", "li", "new-laptop") in events[3:]
    finally:
        new.stop()
        _release_server_db()
    if db_url.startswith("sqlite:///"):
        copies = list((data_dir / "backups").glob("server-pre-migration-v1-*.sqlite3"))
        assert len(copies) == 1
        kept = sqlite3.connect(copies[0])
        assert kept.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (1,)
        assert kept.execute("SELECT COUNT(*) FROM record WHERE \"table\" = 'visit'"
                            ).fetchone() == (3,)
        kept.close()


def test_the_first_schema_is_what_the_first_release_created(tmp_path: Path) -> None:
    """``m0001`` must never change: databases made by the first release are upgraded from
    exactly this. The file is the first release's own schema, as SQLite stored it."""
    path = tmp_path / "server.sqlite3"
    db = make_database(f"sqlite:///{path}")
    db.connect()
    run_migrations(db, target=1)
    db.close()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                        "ORDER BY type DESC, name").fetchall()
    conn.close()
    golden = Path(__file__).parent / "data" / "server_schema_1.sql"
    assert "".join(r[0] + ";\n" for r in rows) == golden.read_text(encoding="utf-8")


def test_a_migration_that_fails_part_way_leaves_the_schema_it_found(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sync.server import migrations

    real = migrations.MIGRATIONS[1]

    class Broken:
        VERSION = 2

        @staticmethod
        def migrate(db: peewee.Database, types: dict[str, str]) -> None:
            real.migrate(db, types)  # all of the real one, then a failure
            raise peewee.OperationalError("disk I/O error")

    db = make_database(db_url)
    server_db.initialize(db)
    try:
        with connection():
            run_migrations(db, target=1)
            monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], Broken])
            with pytest.raises(peewee.OperationalError):
                run_migrations(db)
            assert schema_version(db) == 1 and not db.table_exists("audit_event")
            monkeypatch.undo()
            assert run_migrations(db) == (1, LATEST_VERSION)
            assert db.table_exists("audit_event")
    finally:
        _release_server_db()


def test_servers_starting_together_migrate_once(db_url: str,
                                                caplog: pytest.LogCaptureFixture) -> None:
    """Six servers reach the runner at the same moment on an empty database: each step is
    run by one of them, the others find it done under the lock."""
    import logging
    import threading

    caplog.set_level(logging.INFO, logger="sync.server.migrations")

    barrier = threading.Barrier(6)
    results: list[tuple[int, int] | BaseException] = []

    def start() -> None:
        db = make_database(db_url)
        db.connect()
        try:
            barrier.wait()
            results.append(run_migrations(db))
        except BaseException as exc:  # reported below, not lost in the thread
            results.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=start) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not [r for r in results if isinstance(r, BaseException)], results
    # Every step ran once. Servers may take turns step by step (one runs 1, another 2, the
    # first 3 and 4), so the ranges they report need not chain: count the steps run.
    ran = sorted(int(r.getMessage().split("schema ")[1].split()[0]) for r in caplog.records
                 if r.getMessage().startswith("migrating server database to schema"))
    assert ran == list(range(1, LATEST_VERSION + 1)), (ran, results)
    steps = [r for r in results if r[0] != r[1]]
    assert min(a for a, _ in steps) == 0 and max(b for _, b in steps) == LATEST_VERSION, results


def test_a_backup_from_the_first_schema_restores_and_upgrades_and_rolls_back(
        db_url: str, tmp_path: Path, first_release: Any) -> None:
    from sync.server.backup import backup_server

    start_old, stop_old = first_release
    data = tmp_path / "srv"
    old = start_old(db_url, data)
    old.add_user("li", "liaison")
    stop_old(old)
    with _database(db_url) as db:
        assert schema_version(db) == 1
    backup_server(db_url=db_url, data_dir=data, target=tmp_path / "before-upgrade")

    def cli(*args: str) -> Any:
        return server_cli(data, "--db", db_url, *args, stdin=PASSWORD + "\n")

    assert cli("migrate").returncode == 0
    assert cli("user", "add", "wang", "--role", "liaison", "--password-stdin").returncode == 0
    r = cli("restore", str(tmp_path / "before-upgrade"))
    assert r.returncode == 0, r.stdout + r.stderr
    with _database(db_url) as db:
        assert schema_version(db) == LATEST_VERSION
        assert [u.username for u in User.select()] == ["li"]  # wang came after the backup
        assert AuditEvent.select().where(AuditEvent.action == "restore").count() == 1
    backup_server(db_url=db_url, data_dir=data, target=tmp_path / "latest")
    # A newer version upgraded the database, then was taken back: this version restores
    # the backup taken before, over the newer schema and its tables.
    with _database(db_url) as db:
        db.execute_sql(f"UPDATE meta SET value = {LATEST_VERSION + 1} WHERE key = 'schema'")
        db.execute_sql('CREATE TABLE "from_the_future" ("id" INTEGER)')
    r = cli("restore", str(tmp_path / "latest"))
    assert r.returncode == 0, r.stdout + r.stderr
    with _database(db_url) as db:
        assert schema_version(db) == LATEST_VERSION
        assert not db.table_exists("from_the_future")
        assert [u.username for u in User.select()] == ["li"]


@contextmanager
def _database(url: str) -> Iterator[peewee.Database]:
    """The server database as it is (not migrated), for looking at between runs."""
    db = open_server_database(url, migrate=False)
    try:
        with connection():
            yield db
    finally:
        _release_server_db()


def _expected_indexes(model: type[peewee.Model]) -> set[tuple[str, bool]]:
    return {(idx._name, bool(idx._unique)) for idx in model._meta.fields_to_index()}


def test_the_migrations_build_exactly_what_the_models_describe(db_url: str) -> None:
    with _database(db_url) as db:
        run_migrations(db)
        for model in ALL_MODELS:
            table = model._meta.table_name
            columns = {c.name: c.null for c in db.get_columns(table)}
            assert columns == {f.column_name: f.null for f in model._meta.sorted_fields}, table
            indexes = {(i.name, bool(i.unique)) for i in db.get_indexes(table)
                       if not i.name.endswith("_pkey")
                       and not i.name.startswith("sqlite_autoindex")}
            assert indexes == _expected_indexes(model), table
            keys = {(k.column, k.dest_table) for k in db.get_foreign_keys(table)}
            assert keys == {(f.column_name, f.rel_model._meta.table_name)
                            for f in model._meta.refs}, table


def test_a_database_from_a_newer_server_is_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    assert server_cli(data, "migrate").returncode == 0
    path = data / "server.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (LATEST_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError):
        open_server_database(f"sqlite:///{path}")
    _release_server_db()
    for command in (["migrate"], ["serve", "--port", "0"], ["device", "list"]):
        r = server_cli(data, *command)
        assert r.returncode == 2 and "newer version" in r.stderr, (command, r.stderr)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (
        LATEST_VERSION + 1,)
    conn.close()


def test_migrate_command_upgrades_a_first_schema_database_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    data.mkdir()
    path = data / "server.sqlite3"
    db = make_database(f"sqlite:///{path}")
    db.connect()
    run_migrations(db, target=1)
    db.close()
    r = server_cli(data, "migrate")
    assert r.returncode == 0 and "from schema 1 to" in r.stdout, r.stdout + r.stderr
    r = server_cli(data, "migrate")
    assert "nothing to do" in r.stdout
    r = server_cli(data, "audit", "--action", "schema_upgraded")
    assert "schema 1 to" in r.stdout and "pre-migration-v1" in r.stdout
