"""Export the whole data folder to one file and restore it, e.g. to move to a new laptop.

A backup file is a zip: ``manifest.json`` (app and schema version, counts, the database's
hash, which data key it was made with — nothing about anyone), ``liaison.sqlite3`` (a
consistent copy taken with SQLite's online backup API, so it may be made while the app is
writing), ``liaison.keys`` (the key file) and ``attachments/xx/<sha256>``.

The database copy stays encrypted with SQLCipher and each attachment stays in its encrypted,
authenticated form (``security.crypto``): a backup file is exactly as hard to read as the
laptop, and opens with the password that opened the laptop when it was made. Encrypted data
does not compress, so nothing is deflated.

Restoring never loses anything: the replaced database is kept beside the new one, unsynced
changes are only overwritten when the caller says so, and attachments are merged (they are
named by their hash, so a file already present is the same file). A backup made with another
data key (another laptop, or before this one was set up again) asks for the password it was
made with, and is re-encrypted under this laptop's key, so this laptop's password stays the
one that opens it. Backups made before encryption (format 1) are plain; they are encrypted
as they are restored, or at the next unlock.
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
from liaison_app.core.db import (
    DRIVER_ERRORS,
    _copy_database,
    connect_raw,
    is_plain,
    pragma_key,
    restore_backup,
)
from liaison_app.core.migrations import LATEST_VERSION
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import crypto, session
from liaison_app.core.security.keystore import FILE_NAME as KEYS_NAME
from liaison_app.core.security.keystore import Keystore, KeystoreError, WrongSecret
from liaison_app.core.services.attachments import AttachmentStore
from liaison_app.core.services.errors import ServiceError, describe_os_error

FORMAT = "liaison-backup"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DATABASE_NAME = "liaison.sqlite3"
ATTACHMENTS_DIR = "attachments"
CHUNK = 1 << 20

#: ``progress(done, total, text)``; called from the thread doing the work.
Progress = Callable[[int, int, str], None]


class BackupError(ServiceError):
    """The file cannot be written or restored; ``message`` says why."""


class NeedsBackupPassword(BackupError):
    """The backup was made with another data key; its password is needed to restore it."""


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
    format_version: int = FORMAT_VERSION
    #: Which data key the backup is encrypted with ("" for a plain backup).
    key_id: str = ""


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


def _query_int(path: Path, sql: str, *, key: bytes | None) -> int:
    conn = connect_raw(path, key=None if is_plain(path) else key)
    try:
        row = conn.execute(sql).fetchone()
        return int(row[0]) if row else 0
    finally:
        conn.close()


def count_unsynced(path: Path, *, key: bytes | None = None) -> int:
    """Local changes in ``path`` the server has not taken yet (pending or set aside).

    An encrypted file needs its data key; one that cannot be read counts as holding
    changes (-1), so a restore over it asks first.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    if key is None and not is_plain(path):
        return -1
    try:
        return _query_int(path, "SELECT count(*) FROM outbox", key=key)
    except (sqlite3.Error, *DRIVER_ERRORS) as exc:
        # No outbox table (a database from before sync) means nothing waits for the server.
        if "no such table" in str(exc):
            return 0
        return -1


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
    key = session.data_key(paths)
    if key is None:
        raise BackupError(i18n.translate(
            "Backups", "The data in {path} is locked; unlock it to make a backup.").format(
            path=str(paths.root)))
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        workdir = tempfile.TemporaryDirectory(prefix="liaison-backup-", dir=target.parent)
    except OSError as exc:
        raise _unwritable(target, exc) from exc
    store = AttachmentStore(paths.attachments, key)
    for sha in store.hashes():  # a stray plain file must not go into the archive plain
        store.encrypt_in_place(sha)
    files = _attachment_files(paths.attachments)
    total = len(files) + 1
    with workdir as tmpdir:
        copy = Path(tmpdir) / DATABASE_NAME
        if progress:
            progress(0, total, i18n.translate("Backups", "Copying the database…").text())
        try:
            _copy_database(paths.database, copy, key=key)
        except DRIVER_ERRORS as exc:
            if "full" not in str(exc):
                raise
            raise _unwritable(target, OSError(errno.ENOSPC, str(exc))) from exc
        info = BackupInfo(
            app_version=__version__,
            schema_version=_query_int(copy, "PRAGMA user_version", key=key),
            created_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            attachments=len(files),
            attachment_bytes=sum(p.stat().st_size for p in files),
            database_sha256=file_sha256(copy),
            pending_changes=count_unsynced(copy, key=key),
            key_id=crypto.key_id(key),
        )
        partial = Path(tmpdir) / "backup.partial"
        try:
            with zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
                manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                            **info.__dict__}
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
                zf.write(copy, DATABASE_NAME, compress_type=zipfile.ZIP_STORED)
                if Keystore.exists(paths.root):
                    zf.writestr(KEYS_NAME, _portable_keystore(paths))
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
    _audit("export", target=target, info=info)
    return BackupResult(path=target, size=target.stat().st_size, info=info)


def _portable_keystore(paths: DataPaths) -> bytes:
    """The key file as a backup carries it: without this laptop's throttle and events."""
    store = Keystore.load(paths.root)
    store.failures, store.not_before, store.events = 0, 0.0, []
    return json.dumps(store.to_dict(), indent=1).encode()


def record_restore(*, result: RestoreResult, source: Path) -> None:
    """Audit a restore once the restored database is open (the caller's last step)."""
    _audit("restore", target=source, info=result.info)


def _audit(action: str, *, target: Path, info: BackupInfo) -> None:
    """Record an export or restore in the audit log when the database is open."""
    from liaison_app.core.db import database_proxy

    if database_proxy.obj is None or database_proxy.obj.is_closed():
        return
    from liaison_app.core.services import audit

    audit.record(action=action, details={"file": target.name,
                                         "attachments": info.attachments,
                                         "schema": info.schema_version})


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
        if int(manifest.get("format_version", 1)) > FORMAT_VERSION:
            raise BackupError(i18n.translate(
                "Backups", "This backup was made by a newer version of Liaison ({version}). "
                "Install that version or later to restore it.").format(
                version=str(manifest.get("app_version", "?"))))
        return BackupInfo(
            app_version=str(manifest["app_version"]),
            schema_version=int(manifest["schema_version"]),
            created_at=str(manifest["created_at"]),
            attachments=int(manifest["attachments"]),
            attachment_bytes=int(manifest["attachment_bytes"]),
            database_sha256=str(manifest["database_sha256"]),
            pending_changes=int(manifest.get("pending_changes", 0)),
            format_version=int(manifest.get("format_version", 1)),
            key_id=str(manifest.get("key_id", "")),
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
    pending = count_unsynced(paths.database, key=session.data_key(paths))
    if pending and not force:
        raise UnsyncedChanges(i18n.translate(
            "Backups", "This computer has {count} changes the server has not received yet. "
            "Restoring would replace them (they stay in the replaced database file, kept "
            "beside the new one). Sync first, or confirm to restore anyway.").format(
            count=pending if pending > 0 else "?"), count=pending)
    return info


def _damaged(source: Path, reason: str) -> BackupError:
    return BackupError(i18n.translate(
        "Backups", "The backup file {path} is damaged ({reason}); nothing was changed. Use "
        "another copy of the backup.").format(path=str(source), reason=reason))


def restore_from_backup(*, paths: DataPaths, source: Path, force: bool = False,
                        progress: Progress | None = None,
                        backup_password: str = "") -> RestoreResult:
    """Put the backup ``source`` in place of the data folder's database and add its attachments.

    Into an unlocked folder the backup is restored under the folder's own key (a backup made
    with another key needs ``backup_password``, else NeedsBackupPassword). Into a new, empty
    folder the backup's key file comes along, and its password opens the folder afterwards.

    Call only while the database is closed (no connection in this process, no app running
    on the folder). The replaced database is renamed beside the new one, never deleted.
    """
    info = check_restorable(paths=paths, source=source, force=force)
    key = session.data_key(paths)
    adopting = key is None and not Keystore.exists(paths.root)
    if key is None and not adopting:
        raise BackupError(i18n.translate(
            "Backups", "The data in {path} is locked; unlock it before restoring.").format(
            path=str(paths.root)))
    encrypted = info.format_version >= 2
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
                if is_plain(extracted) == encrypted:
                    raise _damaged(source, "not a database")
                backup_key = None
                if encrypted and not adopting and info.key_id != crypto.key_id(key):
                    backup_key = _unlock_backup(zf, source=source, password=backup_password)
                    extracted = _rekey_database(extracted, old=backup_key, new=key)
                if adopting and encrypted:
                    keys = _backup_keystore_bytes(zf, source=source)
                added = _restore_attachments(zf, blobs, paths.attachments, source=source,
                                             progress=progress, key=key,
                                             backup_key=backup_key if encrypted else None,
                                             encrypted=encrypted)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _damaged(source, str(exc)) from exc
        if progress:
            progress(len(blobs), len(blobs) + 1,
                     i18n.translate("Backups", "Restoring the database…").text())
        if adopting and encrypted:
            from liaison_app.core.files import write_atomic

            # The key file first: a database without its key file could never be opened.
            write_atomic(Keystore.file_for(paths.root), keys)
        had_database = paths.database.exists()
        kept = restore_backup(paths, extracted, key=None if adopting else key)
    return RestoreResult(info=info, replaced=kept if had_database else None,
                         attachments_added=added)


def _backup_keystore_bytes(zf: zipfile.ZipFile, *, source: Path) -> bytes:
    try:
        raw = zf.read(KEYS_NAME)
        parsed = json.loads(raw.decode("utf-8"))
    except (KeyError, ValueError) as exc:
        raise _damaged(source, "key file") from exc
    if not isinstance(parsed, dict) or parsed.get("format") != "liaison-keys":
        raise _damaged(source, "key file")
    return raw


def _unlock_backup(zf: zipfile.ZipFile, *, source: Path, password: str) -> bytes:
    """The data key of a backup made with another key, from the password it was made with."""
    raw = _backup_keystore_bytes(zf, source=source)
    with tempfile.TemporaryDirectory(prefix="liaison-keys-") as tmp:
        (Path(tmp) / KEYS_NAME).write_bytes(raw)
        try:
            store = Keystore.load(Path(tmp))
        except KeystoreError as exc:
            raise _damaged(source, "key file") from exc
        store.failures, store.not_before = 0, 0.0
        if not password:
            raise NeedsBackupPassword(i18n.translate(
                "Backups", "This backup was made on another computer or with another key. "
                "Enter the password that opened Liaison when the backup was made."))
        try:
            return store.unlock(password=password, recovery=password)
        except WrongSecret as exc:
            raise NeedsBackupPassword(i18n.translate(
                "Backups", "That is not the password of this backup. Enter the password that "
                "opened Liaison when the backup was made.")) from exc


def _rekey_database(path: Path, *, old: bytes, new: bytes) -> Path:
    """A copy of the encrypted database ``path`` under the key ``new``."""
    target = path.with_name(path.name + ".rekeyed")
    conn = connect_raw(path, key=old)
    try:
        conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY {pragma_key(new)}", (str(target),))
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()
    return target


def _restore_attachments(zf: zipfile.ZipFile, names: list[str], root: Path, *, source: Path,
                         progress: Progress | None, key: bytes | None,
                         backup_key: bytes | None, encrypted: bool) -> int:
    """Add the attachments not already present, each verified against its hash-name.

    Files of a backup under this folder's key are copied as they are (checked by
    decrypting); those under another key are decrypted and stored under this one; plain
    ones (old backups) are encrypted on the way in. Into a new folder that takes the
    backup's key file they are copied as they are: reading them checks them.
    """
    store = AttachmentStore(root, key) if key is not None else None
    added = 0
    for i, name in enumerate(names, start=1):
        sha = name.rsplit("/", 1)[-1]
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            continue  # never write a path the archive made up
        target = root / sha[:2] / sha
        if not target.exists():
            if store is None:
                _copy_member(zf, name, target, sha=None if encrypted else sha, source=source)
            elif backup_key is not None:
                reader = crypto.DecryptingReader(zf.open(name), crypto.attachment_key(backup_key))
                try:
                    got, _size = store.put_stream(reader)
                except crypto.CryptoError as exc:
                    raise _damaged(source, f"attachment {sha[:12]}") from exc
                finally:
                    reader.close()
                if got != sha:
                    raise _damaged(source, f"attachment {sha[:12]}")
            elif encrypted:
                with zf.open(name) as src:
                    if not store.add_encrypted(sha, src):
                        raise _damaged(source, f"attachment {sha[:12]}")
            else:
                with zf.open(name) as src:
                    got, _size = store.put_stream(src)
                if got != sha:
                    raise _damaged(source, f"attachment {sha[:12]}")
            added += 1
        if progress and i % 50 == 0:
            progress(i, len(names) + 1,
                     i18n.translate("Backups", "Restoring attachments…").text())
    return added


def _copy_member(zf: zipfile.ZipFile, name: str, target: Path, *, sha: str | None,
                 source: Path) -> None:
    """Copy an archive member to ``target`` as it is; check it against ``sha`` if given."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    h = hashlib.sha256()
    with zf.open(name) as src, os.fdopen(fd, "wb") as dst:
        while chunk := src.read(CHUNK):
            h.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    if sha is not None and h.hexdigest() != sha:
        Path(tmp).unlink(missing_ok=True)
        raise _damaged(source, f"attachment {sha[:12]}")
    os.replace(tmp, target)
