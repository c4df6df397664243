"""``liaison backup FILE`` and ``liaison restore FILE``: the data folder in one file."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from liaison_app.cli.common import fail, say
from liaison_app.core import i18n
from liaison_app.core.paths import DataPaths


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("backup", help=i18n.translate(
        "Cli", "write the database and attachments to one file (.zip)").text(),
        description=i18n.translate(
        "Cli", "Write a consistent copy of the database and every attachment to one .zip "
        "file, also while the window is open.").text())
    p.add_argument("file", metavar="FILE", help=i18n.translate(
        "Cli", "the .zip file to write").text())
    p.set_defaults(func=cmd_backup)
    p = subparsers.add_parser("restore", help=i18n.translate(
        "Cli", "replace the database with a backup file; the old one is kept beside it"
    ).text())
    p.add_argument("file", metavar="FILE", help=i18n.translate(
        "Cli", "a .zip file written by liaison backup or 导出我的数据").text())
    p.add_argument("--force", action="store_true", help=i18n.translate(
        "Cli", "restore even if this computer has changes the server has not received"
    ).text())
    p.set_defaults(func=cmd_restore)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


def cmd_backup(args: argparse.Namespace) -> int:
    from liaison_app.cli.common import open_store
    from liaison_app.core.services import backups

    _db, paths, _settings = open_store(args.data_dir)
    try:
        result = backups.export_backup(paths=paths, target=Path(args.file).expanduser())
    except backups.BackupError as exc:
        fail(exc.message)
    say(i18n.translate(
        "Backups", "Backup written to {path} ({size}): schema {schema}, {count} attachments.")
        .format(path=str(result.path), size=_size(result.size),
                schema=result.info.schema_version, count=result.info.attachments))
    return 0


def _folder_in_use(paths: DataPaths) -> bool:
    """True when a running window holds the data folder (its lock file is live)."""
    from PySide6.QtCore import QLockFile

    paths.root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        lock.unlock()
        return False
    return True


def cmd_restore(args: argparse.Namespace) -> int:
    from liaison_app.cli.security_commands import read_secret, unlock_for_command
    from liaison_app.core.db import DatabaseOpenError, close_database
    from liaison_app.core.security import session
    from liaison_app.core.services import backups

    paths = DataPaths(args.data_dir)
    source = Path(args.file).expanduser()
    if _folder_in_use(paths):
        fail(i18n.translate(
            "Backups", "Liaison is open on {path}. Close the window, then restore again.")
            .format(path=str(paths.root)))
    if session.folder_state(paths) == session.FolderState.LOCKED:
        unlock_for_command(paths)
    password = ""
    while True:
        try:
            result = backups.restore_from_backup(paths=paths, source=source, force=args.force,
                                                 backup_password=password)
            break
        except backups.NeedsBackupPassword as exc:
            if password:
                fail(exc.message)
            say(exc.message)
            typed = read_secret(i18n.translate("Backups", "Password of the backup: "))
            if not typed:
                fail(exc.message)
            password = str(typed)
        except backups.UnsyncedChanges as exc:
            fail(i18n.translate(
                "Backups", "{reason}\nTo restore anyway, run the command again with --force.")
                .format(reason=exc.message.text()))
        except backups.BackupError as exc:
            fail(exc.message)
    say(i18n.translate(
        "Backups", "Restored the backup of {created} (schema {schema}); {added} attachments "
        "added.").format(created=result.info.created_at, schema=result.info.schema_version,
                         added=result.attachments_added))
    if result.replaced is not None:
        say(i18n.translate("Backups", "The replaced database is kept as {path}.").format(
            path=str(result.replaced)))
    try:
        # Opening upgrades a backup of an older schema now, with its own backup first.
        unlock_for_command(paths)
        session.open_unlocked(paths)
        backups.record_restore(result=result, source=source)
    except DatabaseOpenError as exc:
        fail(exc.message)
    finally:
        close_database()
    return 0

