"""The restore drill: fill a server, back it up, wipe it, restore, and sync against it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from liaison_app.core.models import Attachment, Enterprise, Visit
from sync import client as sync_client
from sync.server import backup
from sync.server.app import ServerConfig
from sync.server.models import server_db
from tests.sync.conftest import LiveServer, new_visit, reset_postgres
from tests.sync.test_attachments import attach

ROOT = Path(__file__).resolve().parents[2]


def _release_server_db() -> None:
    db = server_db.obj
    if hasattr(db, "close_all"):
        db.close_all()
    elif db is not None and not db.is_closed():
        db.close()


def _counts(dev: Any) -> tuple[int, int, int]:
    dev.use()
    return Enterprise.select().count(), Visit.select().count(), Attachment.select().count()


def test_backup_wipe_restore_then_sync_loses_and_duplicates_nothing(
        county: dict[str, Any], make_device: Any, tmp_path: Path) -> None:
    server, li, centre = county["server"], county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    for i in range(5):
        new_visit(county["e1"], summary=f"备份前走访 {i}")
    att = attach(li, county["e1"], os.urandom(150_000), name="备份前照片.jpg")
    assert li.sync().ok and centre.sync().ok
    before = _counts(centre)

    config = server.config
    manifest = backup.backup_server(db_url=config.db_url, data_dir=config.data_dir,
                                    target=tmp_path / "backup-1")
    assert manifest["blobs"] == 1 and manifest["change_seq"] > 0

    # The server's machine is lost: database and attachments gone.
    server.stop()
    _release_server_db()
    if config.db_url.startswith("sqlite:///"):
        shutil.rmtree(config.data_dir)
    else:
        reset_postgres(config.db_url)
        shutil.rmtree(config.data_dir / "blobs")
    restored = backup.restore_server(db_url=config.db_url, data_dir=config.data_dir,
                                     source=tmp_path / "backup-1")
    assert restored["blobs_added"] == 1

    again = LiveServer(ServerConfig(db_url=config.db_url, data_dir=config.data_dir)).start()
    try:
        for dev in (li, centre):
            dev.point_at(again.url)
        # Devices keep their sign-in (the restored server knows them) and carry on.
        li.use()
        new_visit(county["e1"], summary="恢复后走访")
        report = li.sync()
        assert report.ok, report.message
        report = centre.sync()
        assert report.ok, report.message
        ents, visits, atts = _counts(centre)
        assert (ents, visits, atts) == (before[0], before[1] + 1, before[2])

        # A new laptop gets everything once, the attachment's bytes included.
        fresh = make_device("new-laptop")
        fresh.login(again, "li")
        report = fresh.sync()
        assert report.ok and report.files_down == 1, report.message
        fresh.use()
        summaries = [v.summary for v in Visit.select()]
        assert len(summaries) == len(set(summaries)) == _counts(li)[1]
        assert sync_client.blob_path(fresh.paths, att.sha256).exists()
    finally:
        again.stop()


def test_restore_refuses_an_unfinished_or_newer_backup(tmp_path: Path) -> None:
    (tmp_path / "half").mkdir()
    with pytest.raises(backup.ServerBackupError, match="not a finished server backup"):
        backup.restore_server(db_url=f"sqlite:///{tmp_path / 's.sqlite3'}",
                              data_dir=tmp_path, source=tmp_path / "half")
    (tmp_path / "newer").mkdir()
    (tmp_path / "newer" / "manifest.json").write_text(
        '{"format": "liaison-server-backup", "schema_version": 999, "dump": "x"}')
    with pytest.raises(backup.ServerBackupError, match="newer liaison-server"):
        backup.restore_server(db_url=f"sqlite:///{tmp_path / 's.sqlite3'}",
                              data_dir=tmp_path, source=tmp_path / "newer")


def test_backup_and_restore_commands(tmp_path: Path) -> None:
    """``liaison-server backup DIR`` / ``restore DIR`` on a SQLite server, as an admin runs them.

    Needs the two commands registered in ``sync/server/cli.py``; skipped until they are.
    """
    data = tmp_path / "srv"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sync.server.cli", "--data-dir", str(data),
                               *args], capture_output=True, text=True, cwd=ROOT,
                              stdin=subprocess.DEVNULL)

    if "backup" not in run("--help").stdout:
        pytest.skip("backup/restore not registered in sync/server/cli.py yet")
    assert run("migrate").returncode == 0
    made = subprocess.run([sys.executable, "-m", "sync.server.cli", "--data-dir", str(data),
                           "user", "add", "centre", "--role", "center", "--password-stdin"],
                          input="correct horse battery\n", capture_output=True, text=True,
                          cwd=ROOT)
    assert made.returncode == 0, made.stderr
    done = run("backup", str(tmp_path / "b"))
    assert done.returncode == 0 and "backed up sqlite" in done.stdout, done.stderr
    assert run("backup", str(tmp_path / "b")).returncode == 1  # never into a used folder
    done = run("restore", str(tmp_path / "b"))
    assert done.returncode == 0 and "kept as" in done.stdout, done.stderr
    listed = run("device", "list")
    assert listed.returncode == 0, listed.stderr
