"""The local store: opening, migrating, refusing bad files, never losing what was saved."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

import peewee
import pytest

from liaison_app.core.db import (
    DatabaseOpenError,
    OpenProblem,
    backup_database,
    close_database,
    connect_raw,
    list_backups,
    make_database,
    open_database,
    restore_backup,
)
from liaison_app.core.migrations import LATEST_VERSION, MIGRATIONS, run_migrations
from liaison_app.core.models import Enterprise, OutboxOp, Visit
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from tests.conftest import TEST_KEY


def test_pragmas_are_set_on_every_connection(store):
    db = Enterprise._meta.database
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_a_new_database_is_created_in_an_empty_folder(data_paths):
    open_database(data_paths)
    try:
        assert data_paths.database.exists()
    finally:
        close_database()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(data_paths):
    data_paths.root.mkdir(parents=True)
    data_paths.database.write_bytes(b"PK\x03\x04 this is a zip file, not a database")
    before = data_paths.database.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(data_paths)
    assert info.value.problem is OpenProblem.NOT_A_DATABASE
    assert str(data_paths.database) in info.value.message.text()
    assert data_paths.database.read_bytes() == before


def test_a_damaged_database_is_reported_not_replaced(data_paths):
    open_database(data_paths)
    enterprises.create(data=EnterpriseInput(name="测试企业"))
    close_database()
    raw = bytearray(data_paths.database.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    data_paths.database.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        p = data_paths.database.with_name(data_paths.database.name + side)
        p.unlink(missing_ok=True)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(data_paths)
    assert info.value.problem is OpenProblem.CORRUPT
    assert data_paths.database.read_bytes() == bytes(raw)


def test_a_database_from_a_newer_version_is_refused(data_paths):
    data_paths.root.mkdir(parents=True)
    con = connect_raw(data_paths.database, key=TEST_KEY)
    con.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    con.close()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(data_paths)
    assert info.value.problem is OpenProblem.NEWER_VERSION
    assert "newer version" in info.value.message.text()


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can write anywhere")
def test_an_unwritable_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(DataPaths(locked / "data"))
    assert info.value.problem is OpenProblem.UNWRITABLE


def test_a_data_folder_that_is_a_file_is_reported(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseOpenError) as info:
        open_database(DataPaths(blocker))
    assert info.value.problem is OpenProblem.UNWRITABLE


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
@pytest.mark.parametrize("start", [m.VERSION for m in MIGRATIONS])
def test_every_earlier_schema_upgrades_to_the_latest_keeping_data(data_paths, start, encrypted):
    """Build a database as schema ``start`` left it, with data, then open it normally.

    Schemas up to 4 were written plain by the versions of their time: those are encrypted,
    then migrated. Later ones are encrypted already."""
    data_paths.root.mkdir(parents=True)
    db = make_database(data_paths.database, key=TEST_KEY if encrypted else None)
    db.connect()
    run_migrations(db, current=0, target=start)
    db.execute_sql(
        "INSERT INTO enterprise (id, version, created_at, updated_at, created_by, deleted, name, "
        "uscc, town, park, address, industry, is_key, legal_rep, contact_name, contact_phone, "
        "employees, officer_ids, visit_cadence_days, notes) VALUES ('e1', 0, '2024-01-01', "
        "'2024-01-01', '', 0, '旧企业', '', '', '', '', '', 0, '', '', '', NULL, '[]', NULL, '')")
    db.close()
    session.open_unlocked(data_paths)
    try:
        assert Enterprise.get_by_id("e1").name == "旧企业"
        version = Enterprise._meta.database.execute_sql("PRAGMA user_version").fetchone()[0]
        assert version == LATEST_VERSION
        if start < LATEST_VERSION:
            assert any(f"pre-migration-v{start}" in p.name for p in list_backups(data_paths))
    finally:
        close_database()


def test_a_change_and_its_outbox_operation_are_one_transaction(store):
    class Boom(Exception):
        pass

    db = Enterprise._meta.database
    with pytest.raises(Boom), db.atomic():
        enterprises.create(data=EnterpriseInput(name="回滚企业"))
        raise Boom
    assert Enterprise.select().count() == 0
    assert OutboxOp.select().count() == 0


def test_outbox_records_only_changed_fields_with_base_version(store):
    rec = enterprises.create(data=EnterpriseInput(name="甲企业", town="城关街道"))
    Enterprise.update(version=7).where(Enterprise.id == rec.id).execute()
    enterprises.update(record_id=rec.id, data=EnterpriseInput(name="甲企业", town="祝阿镇"))
    ops = list(OutboxOp.select().order_by(OutboxOp.seq))
    assert ops[0].creating and ops[0].changes["name"] == "甲企业"
    assert not ops[1].creating and ops[1].base_version == 7
    assert set(ops[1].changes) == {"town"} and ops[1].changes["town"] == "祝阿镇"


def test_synced_records_cannot_be_hard_deleted(store):
    rec = enterprises.create(data=EnterpriseInput(name="乙企业"))
    with pytest.raises(TypeError):
        rec.delete_instance()
    enterprises.soft_delete(record_id=rec.id)
    assert Enterprise.get_by_id(rec.id).deleted
    assert OutboxOp.select().order_by(OutboxOp.seq.desc()).first().changes == {"deleted": True}


def test_backup_and_restore_keep_the_replaced_file(store):
    enterprises.create(data=EnterpriseInput(name="备份前企业"))
    backup = backup_database(Enterprise._meta.database, store, reason="manual")
    enterprises.create(data=EnterpriseInput(name="备份后企业"))
    close_database()
    kept = restore_backup(store, backup)
    assert kept.exists()
    open_database(store)
    assert [e.name for e in Enterprise.select()] == ["备份前企业"]


KILL_SCRIPT = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from liaison_app.core.db import open_database
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.security import session
    session.remember(DataPaths(Path(sys.argv[1])), bytes(range(32)))
    from liaison_app.core.services import enterprises, visits
    from liaison_app.core.services.enterprises import EnterpriseInput
    from liaison_app.core.services.visits import VisitInput
    open_database(DataPaths(Path(sys.argv[1])))
    ent = enterprises.create(data=EnterpriseInput(name="断电测试企业"))
    n = 0
    while True:
        v = visits.save(data=VisitInput(enterprise_id=ent.id, summary="走访记录 %d" % n,
                                        visit_at=dt.datetime(2026, 1, 1, 9, 0)))
        print(v.id, flush=True)
        n += 1
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_the_process_mid_save_loses_no_visit_reported_saved(data_paths, tmp_path):
    import signal
    import time

    script = tmp_path / "writer.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(os.getcwd())}
    proc = subprocess.Popen([sys.executable, str(script), str(data_paths.root)],
                            stdout=subprocess.PIPE, text=True, env=env)
    reported: list[str] = []
    deadline = time.monotonic() + 60
    while len(reported) < 150 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        reported.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(reported) >= 150, "the writer did not get going"
    open_database(data_paths)
    try:
        db = Visit._meta.database
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = {v.id for v in Visit.select(Visit.id)}
        assert set(reported) <= saved
        ops = {o.record_id for o in OutboxOp.select().where(OutboxOp.table == "visit")}
        assert set(reported) <= ops
    finally:
        close_database()


def test_core_forms_and_sync_import_no_qt(tmp_path):
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("Qt is not allowed here: " + name)
        sys.meta_path.insert(0, Block())
        import liaison_app.core, liaison_app.forms, sync
        for pkg in (liaison_app.core, liaison_app.forms, sync):
            for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                if ".server" in info.name:
                    try:
                        importlib.import_module(info.name)
                    except ImportError as exc:
                        if "Qt is not allowed" in str(exc):
                            raise
                    continue
                importlib.import_module(info.name)
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=os.getcwd())
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout


def test_database_object_is_peewee(store):
    assert isinstance(Enterprise._meta.database.obj, peewee.SqliteDatabase)


def test_a_stale_copy_saves_only_what_it_changed(store):
    rec = enterprises.create(data=EnterpriseInput(name="旧名称", town="城关街道"))
    stale = Enterprise.get_by_id(rec.id)
    # Meanwhile a sync brings a new town and version from the server.
    fresh = Enterprise.get_by_id(rec.id)
    fresh.town = "祝阿镇"
    fresh.version = 5
    fresh.save(capture=False)
    # The form opened before the sync changes only the notes.
    stale.notes = "新备注"
    stale.save()
    now = Enterprise.get_by_id(rec.id)
    assert (now.town, now.version, now.notes) == ("祝阿镇", 5, "新备注")
