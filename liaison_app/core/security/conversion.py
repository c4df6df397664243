"""Encrypting a data folder written by a version of Liaison from before encryption.

Runs once, at the first unlock after the upgrade, before the database is opened. Every step
can be cut off (power, a killed process) and the next start simply runs ``convert`` again:

1. The plain database's write-ahead log is folded into it and switched off, so no stale log
   can ever be replayed onto the encrypted file that takes its name.
2. A copy of the plain database is kept beside it (``liaison.pre-encryption.sqlite3``) until
   the end; it is the way back if anything below goes wrong.
3. The database is exported page by page into an encrypted file under a temporary name
   (``sqlcipher_export``), flushed to disk, then checked: it must open with the key, pass
   SQLite's integrity check and hold exactly as many rows in every table as the plain one.
4. One rename puts it in place of the plain file. Before the rename the plain file is the
   database, after it the encrypted one; there is no moment with neither.
5. The automatic backups and any database a restore set aside are encrypted the same way.
6. Each attachment is encrypted to a temporary file and renamed over the plain one; a file
   already encrypted is skipped, so a second run continues where the first stopped.
7. Only when all of that is done is the plain copy of step 2 removed.

A folder is "pending" while the plain copy exists or a temporary export lies around.
"""
from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from liaison_app.core import i18n
from liaison_app.core.files import fsync_dir
from liaison_app.core.paths import DataPaths

log = logging.getLogger(__name__)

PLAIN_COPY = "liaison.pre-encryption.sqlite3"
STAGING_SUFFIX = ".encrypting"

Progress = Callable[[int, int, str], None]


class ConversionError(Exception):
    """The encrypted copy did not check out; the plain database is still in place."""

    def __init__(self, message: i18n.Message) -> None:
        super().__init__(message.source.format(**message.params))
        self.message = message


def plain_copy(paths: DataPaths) -> Path:
    return paths.root / PLAIN_COPY


def _staging(target: Path) -> Path:
    return target.with_name(target.name + STAGING_SUFFIX)


def pending(paths: DataPaths) -> bool:
    """Whether a conversion started here and has not finished."""
    return plain_copy(paths).exists() or _staging(paths.database).exists()


def _side_files(db: Path) -> list[Path]:
    return [Path(str(db) + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _table_counts(conn: object) -> dict[str, int]:
    names = [r[0] for r in conn.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]  # type: ignore
            for n in sorted(names)}


def _fold_log(source: Path) -> tuple[int, dict[str, int]]:
    """Fold the write-ahead log into the plain file and stop using one; returns the schema
    version and the row counts. The encrypted file will take this name, and SQLite must
    never apply the plain file's log to it."""
    from liaison_app.core.db import connect_raw

    plain = connect_raw(source, key=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode = DELETE")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        counts = _table_counts(plain)
    finally:
        plain.close()
    for side in _side_files(source):
        side.unlink(missing_ok=True)
    return version, counts


def encrypt_database_file(source: Path, *, key: bytes) -> None:
    """Replace the plain SQLite file ``source`` by an encrypted one with the same content."""
    from liaison_app.core.db import DRIVER_ERRORS, connect_raw, pragma_key

    staging = _staging(source)
    staging.unlink(missing_ok=True)
    version, counts = _fold_log(source)
    src = connect_raw(source, key=None, cipher=True)
    try:
        src.execute(f"ATTACH DATABASE ? AS encrypted KEY {pragma_key(key)}",
                    (str(staging),))
        src.execute("SELECT sqlcipher_export('encrypted')")
        src.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        src.execute("DETACH DATABASE encrypted")
    finally:
        src.close()
    _fsync(staging)
    check = connect_raw(staging, key=key)
    try:
        ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        same = ok and _table_counts(check) == counts \
            and check.execute("PRAGMA user_version").fetchone()[0] == version
    except DRIVER_ERRORS as exc:
        same = False
        log.error("the encrypted copy of %s does not open: %s", source, exc)
    finally:
        check.close()
    if not same:
        staging.unlink(missing_ok=True)
        raise ConversionError(i18n.translate(
            "Security", "The encrypted copy of {path} did not match the original; the "
            "original was left as it is. Free some disk space and start Liaison again.")
            .format(path=str(source)))
    os.replace(staging, source)
    fsync_dir(source.parent)


def _starts_encrypted(path: Path) -> bool:
    from liaison_app.core.security import crypto

    try:
        with path.open("rb") as fh:
            return crypto.is_encrypted(fh.read(len(crypto.MAGIC)))
    except OSError:
        return True


def convert(paths: DataPaths, *, key: bytes, progress: Progress | None = None) -> None:
    """Encrypt everything in the folder that is still plain (see the module doc). Idempotent.

    Call with the database closed, before opening it. Raises ConversionError or OSError; the
    folder is then still usable by the next attempt.
    """
    from liaison_app.core.db import is_plain
    from liaison_app.core.services.attachments import AttachmentStore

    say = progress or (lambda done, total, text: None)
    copy = plain_copy(paths)
    if is_plain(paths.database):
        say(0, 0, i18n.translate("Security", "Encrypting the database…").text())
        _fold_log(paths.database)
        if not copy.exists():
            tmp = copy.with_name(copy.name + ".partial")
            shutil.copyfile(paths.database, tmp)
            _fsync(tmp)
            os.replace(tmp, copy)
            fsync_dir(paths.root)
        encrypt_database_file(paths.database, key=key)
        log.info("database encrypted")
    _staging(paths.database).unlink(missing_ok=True)
    others = [p for p in [*paths.backups.glob("*.sqlite3"), *paths.root.glob("*.sqlite3")]
              if p != paths.database and p != copy and is_plain(p)] \
        if paths.root.exists() else []
    for n, other in enumerate(others, start=1):
        say(n, len(others), i18n.translate("Security", "Encrypting the backups…").text())
        encrypt_database_file(other, key=key)
    store = AttachmentStore(paths.attachments, key)
    names = store.hashes()
    for n, sha in enumerate(names, start=1):
        try:
            store.encrypt_in_place(sha)
        except Exception:  # noqa: BLE001 - one odd file must not keep the rest plain
            log.warning("attachment %s left as it is", sha, exc_info=True)
        if n % 20 == 0 or n == len(names):
            say(n, len(names), i18n.translate("Security", "Encrypting attachments…").text())
    if paths.attachments.exists():
        # Plain leftovers of interrupted transfers: fetched or stored again when needed.
        for leftover in [*paths.attachments.glob("??/.*.part"),
                         *paths.attachments.glob(".incoming-*"),
                         *paths.attachments.glob("??/.incoming-*")]:
            if not _starts_encrypted(leftover):
                leftover.unlink(missing_ok=True)
    for side in (copy, Path(str(copy) + ".partial")):
        side.unlink(missing_ok=True)
    fsync_dir(paths.root)
