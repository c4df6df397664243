"""Export my data / restore from file: what a person moving to a new laptop relies on."""
from __future__ import annotations

import json
import zipfile

import pytest

from liaison_app.cli import main as cli_main
from liaison_app.core.db import close_database, connect_raw, open_database
from liaison_app.core.migrations import LATEST_VERSION
from liaison_app.core.models import Enterprise
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import attachments, backups, enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from tests.conftest import TEST_KEY


def _fill(paths: DataPaths) -> list[str]:
    enterprises.create(data=EnterpriseInput(name="齐河县示范企业"))
    enterprises.create(data=EnterpriseInput(name="城关街道化工厂"))
    return [attachments.store_bytes(paths.attachments, f"照片{i}".encode() * 1000,
                                    filename=f"照片{i}.jpg").sha256 for i in range(3)]


def _names(path) -> set[str]:
    conn = connect_raw(path, key=TEST_KEY)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM enterprise")}
    finally:
        conn.close()


def test_backup_then_restore_on_a_new_laptop_brings_records_and_attachments(store, tmp_path):
    shas = _fill(store)
    result = backups.export_backup(paths=store, target=tmp_path / "my-data.zip")
    assert result.info.schema_version == LATEST_VERSION
    assert result.info.attachments == 3
    with zipfile.ZipFile(result.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["schema_version"] == LATEST_VERSION and manifest["app_version"]
        assert f"attachments/{shas[0][:2]}/{shas[0]}" in zf.namelist()
    close_database()

    laptop = DataPaths(tmp_path / "new-laptop")
    restored = backups.restore_from_backup(paths=laptop, source=result.path)
    assert restored.replaced is None and restored.attachments_added == 3
    open_database(laptop)
    assert {e.name for e in Enterprise.select()} == {"齐河县示范企业", "城关街道化工厂"}
    for sha in shas:
        assert attachments.blob_path(laptop.attachments, sha).exists()


def test_restore_refuses_to_overwrite_unsynced_changes_without_force(store, tmp_path):
    _fill(store)
    backup = backups.export_backup(paths=store, target=tmp_path / "b.zip").path
    enterprises.create(data=EnterpriseInput(name="备份之后新建的企业"))
    close_database()
    pending = backups.count_unsynced(store.database, key=TEST_KEY)
    assert pending == 4  # two enterprises, the export's audit entry and the new enterprise

    with pytest.raises(backups.UnsyncedChanges) as err:
        backups.restore_from_backup(paths=store, source=backup)
    assert err.value.count == 4
    assert "4" in err.value.message.text() and "kept" in err.value.message.text()
    assert "备份之后新建的企业" in _names(store.database)  # untouched

    result = backups.restore_from_backup(paths=store, source=backup, force=True)
    assert "备份之后新建的企业" not in _names(store.database)
    # The replaced database is kept beside the new one, with the change in it.
    assert result.replaced is not None and result.replaced.parent == store.root
    assert "备份之后新建的企业" in _names(result.replaced)


def test_restore_refuses_a_backup_from_a_newer_schema(store, tmp_path):
    backup = backups.export_backup(paths=store, target=tmp_path / "b.zip").path
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest.update(schema_version=LATEST_VERSION + 1, app_version="9.0.0")
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    close_database()
    before = store.database.read_bytes()
    with pytest.raises(backups.BackupError) as err:
        backups.restore_from_backup(paths=store, source=newer)
    assert "newer version" in err.value.message.text() and "9.0.0" in err.value.message.text()
    assert store.database.read_bytes() == before


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(store, tmp_path):
    _fill(store)
    backup = backups.export_backup(paths=store, target=tmp_path / "b.zip").path
    close_database()
    before = store.database.read_bytes()
    foreign = tmp_path / "notes.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(backups.BackupError, match="not a Liaison backup"):
        backups.restore_from_backup(paths=store, source=foreign, force=True)
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    with pytest.raises(backups.BackupError):
        backups.restore_from_backup(paths=store, source=truncated, force=True)
    assert store.database.read_bytes() == before


def test_cli_backup_and_restore(store, tmp_path, capsys):
    _fill(store)
    close_database()
    target = tmp_path / "out" / "liaison-backup.zip"
    assert cli_main(["--data-dir", str(store.root), "backup", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and "3" in out

    laptop = tmp_path / "laptop"
    assert cli_main(["--data-dir", str(laptop), "restore", str(target)]) == 0
    assert "齐河县示范企业" in _names(laptop / "liaison.sqlite3")

    # The original folder has unsynced changes: refused, with the count and the way out.
    assert cli_main(["--data-dir", str(store.root), "restore", str(target)]) == 1
    err = capsys.readouterr().err
    assert " 3 " in err and "--force" in err  # two enterprises and the backup's audit entry
    assert cli_main(["--data-dir", str(store.root), "restore", "--force", str(target)]) == 0
    kept = list(store.root.glob("liaison.replaced-*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in capsys.readouterr().out
