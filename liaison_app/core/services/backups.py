"""Export the whole data folder to one file and restore it, e.g. to move to a new laptop.

A backup file is a zip: ``manifest.json`` (app and schema version, counts, the database's
hash), ``liaison.sqlite3`` (a consistent copy taken with SQLite's online backup API, so it
may be made while the app is writing) and ``attachments/xx/<sha256>``. Attachments are
stored, not deflated: they are mostly photos and PDFs that do not shrink.

Restoring never loses anything: the replaced database is kept beside the new one, unsynced
changes are only overwritten when the caller says so, and attachments are merged (they are
named by their hash, so a file already present is the same file).
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from liaison_app import __version__
from liaison_app.core import i18n
from liaison_app.core.db import SQLITE_HEADER, _copy_database, restore_backup
from liaison_app.core.migrations import LATEST_VERSION
from liaison_app.core.paths import DataPaths
from liaison_app.core.services.errors import ServiceError, describe_os_error

FORMAT = "liaison-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_NAME = "liaison.sqlite3"
ATTACHMENTS_DIR = "attachments"
CHUNK = 1 << 20

#: ``progress(done, total, text)``; called from the thread doing the work.
Progress = Callable[[int, int, str], None]


class BackupError(ServiceError):
    """The file cannot be written or restored; ``message`` says why."""


class UnsyncedChanges(BackupError):
    """Restoring would replace changes the server has not received yet."""

    def __init__(self, message: i18n.Message, *, count: int) -> None:
        super().__init__(message)
        self.count = count


@dataclass(frozen=True)
class BackupInfo:
    app_version: str
    schema_version: int
    created_at: str
    attachments: int
    attachment_bytes: int
    database_sha256: str
    pending_changes: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    info: BackupInfo


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    #: Where the database that was replaced now lives (None when there was none).
    replaced: Path | None
    attachments_added: int


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (any thread)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _query_int(path: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(sql).fetchone()
        return int(row[0]) if row else 0
    finally:
        conn.close()


def count_unsynced(path: Path) -> int:
    """Local changes in ``path`` the server has not taken yet (pending or set aside)."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        return _query_int(path, "SELECT count(*) FROM outbox")
    except sqlite3.Error:
        # No outbox table (a database from before sync) means nothing waits for the server.
        return 0


def _attachment_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.glob("??/*") if p.is_file() and not p.name.startswith("."))


def export_backup(*, paths: DataPaths, target: Path,
                  progress: Progress | None = None) -> BackupResult:
    """Write the database and attachments of ``paths`` into the zip file ``target``.

    Any thread may call it, also while the app uses the database. The file appears only
    when complete (written under a temporary name, then renamed).
    """
    if not paths.database.exists():
        raise BackupError(i18n.translate(
            "Backups", "There is no database in {path} to back up.").format(
            path=str(paths.root)))
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        workdir = tempfile.TemporaryDirectory(prefix="liaison-backup-", dir=target.parent)
    except OSError as exc:
        raise _unwritable(target, exc) from exc
    files = _attachment_files(paths.attachments)
    total = len(files) + 1
    with workdir as tmpdir:
        copy = Path(tmpdir) / DATABASE_NAME
        if progress:
            progress(0, total, i18n.translate("Backups", "Copying the database…").text())
        try:
            _copy_database(paths.database, copy)
        except sqlite3.OperationalError as exc:
            if "full" not in str(exc):
                raise
            raise _unwritable(target, OSError(errno.ENOSPC, str(exc))) from exc
        info = BackupInfo(
            app_version=__version__,
            schema_version=_query_int(copy, "PRAGMA user_version"),
            created_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            attachments=len(files),
            attachment_bytes=sum(p.stat().st_size for p in files),
            database_sha256=file_sha256(copy),
            pending_changes=count_unsynced(copy),
        )
        partial = Path(tmpdir) / "backup.partial"
        try:
            with zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
                manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                            **info.__dict__}
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
                zf.write(copy, DATABASE_NAME, compress_type=zipfile.ZIP_DEFLATED,
                         compresslevel=6)
                for i, blob in enumerate(files, start=2):
                    arcname = f"{ATTACHMENTS_DIR}/{blob.parent.name}/{blob.name}"
                    zf.write(blob, arcname, compress_type=zipfile.ZIP_STORED)
                    if progress and (i % 50 == 0 or i == total):
                        progress(i, total, i18n.translate(
                            "Backups", "Copying attachments…").text())
            with partial.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, target)
        except OSError as exc:
            raise _unwritable(target, exc) from exc
    return BackupResult(path=target, size=target.stat().st_size, info=info)


def _unwritable(target: Path, exc: OSError) -> BackupError:
    """Name the backup file the person chose, whichever temporary file the system refused."""
    return BackupError(describe_os_error(OSError(exc.errno, exc.strerror, str(target))))


def read_backup_info(*, source: Path) -> BackupInfo:
    """The manifest of a backup file, or a BackupError saying why it is not one."""
    not_backup = i18n.translate(
        "Backups", "The file {path} is not a Liaison backup (made with “Export my data” or "
        "liaison backup).").format(path=str(source))
    try:
        with zipfile.ZipFile(source) as zf:
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            names = set(zf.namelist())
    except FileNotFoundError as exc:
        raise BackupError(i18n.translate("Backups", "The file {path} does not exist.").format(
            path=str(source))) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BackupError(not_backup) from exc
    if manifest.get("format") != FORMAT or DATABASE_NAME not in names:
        raise BackupError(not_backup)
    try:
        return BackupInfo(
            app_version=str(manifest["app_version"]),
            schema_version=int(manifest["schema_version"]),
            created_at=str(manifest["created_at"]),
            attachments=int(manifest["attachments"]),
            attachment_bytes=int(manifest["attachment_bytes"]),
            database_sha256=str(manifest["database_sha256"]),
            pending_changes=int(manifest.get("pending_changes", 0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError(not_backup) from exc


def check_restorable(*, paths: DataPaths, source: Path, force: bool = False) -> BackupInfo:
    """Raise BackupError (or UnsyncedChanges) if restoring ``source`` must not go ahead."""
    info = read_backup_info(source=source)
    if info.schema_version > LATEST_VERSION:
        raise BackupError(i18n.translate(
            "Backups", "This backup was made by a newer version of Liaison ({version}, schema "
            "{found}; this version knows schema {known}). Install Liaison {version} or later "
            "to restore it.").format(version=info.app_version, found=info.schema_version,
                                     known=LATEST_VERSION))
    pending = count_unsynced(paths.database)
    if pending and not force:
        raise UnsyncedChanges(i18n.translate(
            "Backups", "This computer has {count} changes the server has not received yet. "
            "Restoring would replace them (they stay in the replaced database file, kept "
            "beside the new one). Sync first, or confirm to restore anyway.").format(
            count=pending), count=pending)
    return info


def _damaged(source: Path, reason: str) -> BackupError:
    return BackupError(i18n.translate(
        "Backups", "The backup file {path} is damaged ({reason}); nothing was changed. Use "
        "another copy of the backup.").format(path=str(source), reason=reason))


def restore_from_backup(*, paths: DataPaths, source: Path, force: bool = False,
                        progress: Progress | None = None) -> RestoreResult:
    """Put the backup ``source`` in place of the data folder's database and add its attachments.

    Call only while the database is closed (no connection in this process, no app running
    on the folder). The replaced database is renamed beside the new one, never deleted.
    """
    info = check_restorable(paths=paths, source=source, force=force)
    paths.root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=paths.root) as tmpdir:
        extracted = Path(tmpdir) / DATABASE_NAME
        try:
            with zipfile.ZipFile(source) as zf:
                with zf.open(DATABASE_NAME) as src, extracted.open("wb") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
                blobs = [n for n in zf.namelist()
                         if n.startswith(ATTACHMENTS_DIR + "/") and not n.endswith("/")]
                if file_sha256(extracted) != info.database_sha256:
                    raise _damaged(source, "database checksum")
                with extracted.open("rb") as fh:
                    if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                        raise _damaged(source, "not a database")
                added = _restore_attachments(zf, blobs, paths.attachments, source=source,
                                             progress=progress)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _damaged(source, str(exc)) from exc
        if progress:
            progress(len(blobs), len(blobs) + 1,
                     i18n.translate("Backups", "Restoring the database…").text())
        had_database = paths.database.exists()
        kept = restore_backup(paths, extracted)
    return RestoreResult(info=info, replaced=kept if had_database else None,
                         attachments_added=added)


def _restore_attachments(zf: zipfile.ZipFile, names: list[str], root: Path, *, source: Path,
                         progress: Progress | None) -> int:
    """Copy the attachments not already present, each verified against its hash-name."""
    added = 0
    for i, name in enumerate(names, start=1):
        sha = name.rsplit("/", 1)[-1]
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            continue  # never write a path the archive made up
        target = root / sha[:2] / sha
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            h = hashlib.sha256()
            with zf.open(name) as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    dst.write(chunk)
            if h.hexdigest() != sha:
                Path(tmp).unlink(missing_ok=True)
                raise _damaged(source, f"attachment {sha[:12]}")
            os.replace(tmp, target)
            added += 1
        if progress and i % 50 == 0:
            progress(i, len(names) + 1,
                     i18n.translate("Backups", "Restoring attachments…").text())
    return added
