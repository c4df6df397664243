"""The one place that opens the local database.

Every connection gets the same pragmas: WAL so the UI can read while the writer works,
foreign keys on, a busy timeout instead of instant "database is locked", and
``synchronous=FULL`` because a record an officer saw saved must survive a power cut too,
not only a crash. Opening never creates an empty database over an existing file: a file that
is not a database, or a database from a newer version of the app, is reported, not touched.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from enum import Enum
from pathlib import Path

import peewee

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from liaison_app.core.migrations import LATEST_VERSION, run_migrations
from liaison_app.core.paths import DataPaths

log = logging.getLogger(__name__)

database_proxy: peewee.DatabaseProxy = peewee.DatabaseProxy()

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 10_000),
    ("synchronous", "full"),
    ("cache_size", -32_000),
    ("temp_store", "memory"),
)
SQLITE_HEADER = b"SQLite format 3\x00"


class OpenProblem(str, Enum):
    NOT_A_DATABASE = "not_a_database"
    CORRUPT = "corrupt"
    UNWRITABLE = "unwritable"
    NEWER_VERSION = "newer_version"


class DatabaseOpenError(Exception):
    """The database could not be opened; ``message`` says so in words, ``problem`` says why."""

    def __init__(self, problem: OpenProblem, message: Message, path: Path) -> None:
        super().__init__(message.source.format(**message.params))
        self.problem = problem
        self.message = message
        self.path = path


def _check_dir_writable(root: Path) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / ".write-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DatabaseOpenError(OpenProblem.UNWRITABLE, i18n.translate(
            "Database",
            "The data folder {path} cannot be written to ({reason}). Choose another folder "
            "with --data-dir or ask IT to fix its permissions.",
        ).format(path=str(root), reason=exc.strerror or str(exc)), root) from exc


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(OpenProblem.NOT_A_DATABASE, i18n.translate(
            "Database",
            "The file {path} is not a Liaison database. It was left untouched; restore a "
            "backup or choose another data folder.",
        ).format(path=str(path)), path)


class LiaisonDatabase(peewee.SqliteDatabase):
    """SQLite that reports the error that happened, not the failed clean-up after it.

    On "disk full" (and some I/O errors) SQLite rolls the transaction back by itself; the
    rollback peewee then issues fails with "no transaction is active" and would hide the real
    reason from the person. Rolling back what is already rolled back is a no-op here.
    """

    def _in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is not None and conn.in_transaction

    def rollback(self) -> None:
        if self._in_transaction():
            super().rollback()

    def execute_sql(self, sql: str, params: object = None) -> object:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return None
        return super().execute_sql(sql, params)


def make_database(path: Path) -> peewee.SqliteDatabase:
    # Every transaction takes the write lock when it begins (BEGIN IMMEDIATE) and waits for
    # it under the busy timeout: a transaction that read first and then wanted to write
    # while another held the lock would fail at once with "database is locked".
    return LiaisonDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False, timeout=10,
                           lock_type="IMMEDIATE")


def open_database(paths: DataPaths, *, migrate: bool = True) -> peewee.SqliteDatabase:
    """Open (creating if absent) and migrate the database, and bind the models to it.

    Any thread may call it, once, at start-up; peewee then keeps a connection per thread.
    """
    _check_dir_writable(paths.root)
    _check_header(paths.database)
    existed = paths.database.exists() and paths.database.stat().st_size > 0
    db = make_database(paths.database)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise DatabaseOpenError(OpenProblem.CORRUPT, i18n.translate(
            "Database",
            "The database {path} is damaged and cannot be read ({reason}). It was left "
            "untouched; restore one of the automatic backups.",
        ).format(path=str(paths.database), reason=str(exc)), paths.database) from exc
    if version > LATEST_VERSION:
        db.close()
        raise DatabaseOpenError(OpenProblem.NEWER_VERSION, i18n.translate(
            "Database",
            "This database was written by a newer version of Liaison (schema {found}, this "
            "version knows {known}). Install the newer version to open it.",
        ).format(found=version, known=LATEST_VERSION), paths.database)
    database_proxy.initialize(db)
    if migrate and version < LATEST_VERSION:
        if existed and version > 0:
            backup_database(db, paths, reason=f"pre-migration-v{version}")
        run_migrations(db, current=version)
    return db


def close_database() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


def backup_database(db: peewee.SqliteDatabase, paths: DataPaths, *, reason: str,
                    keep: int | None = None) -> Path:
    """Copy the live database with SQLite's online backup API (safe while in use)."""
    paths.backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups / f"liaison-{stamp}-{reason}.sqlite3"
    tmp = target.with_suffix(".partial")
    _copy_database(paths.database, tmp)
    os.replace(tmp, target)
    if keep is not None:
        prune_backups(paths, keep=keep)
    log.info("database backed up to %s", target)
    return target


def list_backups(paths: DataPaths) -> list[Path]:
    if not paths.backups.exists():
        return []
    return sorted(paths.backups.glob("liaison-*.sqlite3"), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def prune_backups(paths: DataPaths, *, keep: int) -> None:
    automatic = [p for p in list_backups(paths) if p.stem.endswith("-daily")]
    for old in automatic[keep:]:
        old.unlink(missing_ok=True)


def restore_backup(paths: DataPaths, backup: Path) -> Path:
    """Put ``backup`` in place of the database; the current file is kept beside it, never lost.

    Call only while the database is closed.
    """
    _check_header(backup)
    current = paths.database
    kept = current
    if current.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = current.with_name(f"{current.stem}.replaced-{stamp}{current.suffix}")
        os.replace(current, kept)
        for suffix in ("-wal", "-shm"):
            side = Path(str(current) + suffix)
            if side.exists():
                os.replace(side, Path(str(kept) + suffix))
    _copy_database(backup, current)
    return kept


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API, even while ``source`` is in use."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
