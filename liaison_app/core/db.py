"""The one place that opens the local database.

Every connection gets the same pragmas: WAL so the UI can read while the writer works,
foreign keys on, a busy timeout instead of instant "database is locked", and
``synchronous=FULL`` because a record an officer saw saved must survive a power cut too,
not only a crash. Opening never creates an empty database over an existing file: a file that
is not a database, or a database from a newer version of the app, is reported, not touched.

The database is encrypted with SQLCipher (every page AES-256 with an HMAC-SHA512, so a
changed byte is noticed, not read as data). The key is the data folder's page key, derived
from the data key the officer unlocked (see ``security``); it is given to SQLCipher raw, so
opening costs no key derivation. A data folder that is not unlocked in this process cannot be
opened. An older, plain database is reported as such, never opened as if it were encrypted:
``security.conversion`` encrypts it first. ``plain=True`` exists for that conversion and for
measuring what encryption costs.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from enum import Enum
from pathlib import Path

import peewee
from sqlcipher3 import dbapi2 as sqlcipher

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from liaison_app.core.migrations import LATEST_VERSION, run_migrations
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import crypto, session

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
#: Errors of either driver (plain SQLite for old files, SQLCipher for the live database).
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,
                                                    sqlcipher.OperationalError,
                                                    peewee.OperationalError)


class OpenProblem(str, Enum):
    NOT_A_DATABASE = "not_a_database"
    CORRUPT = "corrupt"
    UNWRITABLE = "unwritable"
    NEWER_VERSION = "newer_version"
    #: The data folder has not been unlocked in this process.
    LOCKED = "locked"
    #: A database from before encryption: convert it (``security.conversion``) first.
    PLAIN = "plain"


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


def is_plain(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (a database from before encryption)."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _not_a_database(path: Path) -> DatabaseOpenError:
    return DatabaseOpenError(OpenProblem.NOT_A_DATABASE, i18n.translate(
        "Database",
        "The file {path} is not a Liaison database. It was left untouched; restore a "
        "backup or choose another data folder.",
    ).format(path=str(path)), path)


def _check_header(path: Path, *, encrypted: bool) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if encrypted:
        if is_plain(path):
            raise DatabaseOpenError(OpenProblem.PLAIN, i18n.translate(
                "Database", "The database {path} is not encrypted yet; it is encrypted when "
                "Liaison starts and the data folder is unlocked.").format(path=str(path)),
                path)
        # Encrypted pages look random; a file of whole pages may be one, anything else is not.
        if path.stat().st_size % 512:
            raise _not_a_database(path)
        return
    if not is_plain(path):
        raise _not_a_database(path)


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


class LiaisonCipherDatabase(LiaisonDatabase):
    """The same database through SQLCipher, keyed on every new connection (one per thread).

    peewee's ``playhouse.sqlcipher_ext`` passes the key as a passphrase, which SQLCipher
    stretches with PBKDF2 on every connection; the key here is random already, so it is given
    raw (``x'…'``) and a connection opens as fast as a plain one.
    """

    def __init__(self, database: str, *, key: bytes, **kwargs: object) -> None:
        self.page_key = crypto.database_key(key)
        self.data_key = key
        super().__init__(database, **kwargs)

    def _connect(self) -> sqlcipher.Connection:
        conn = connect_raw(Path(self.database), key=self.data_key, timeout=self._timeout,
                           **self.connect_params)
        try:
            self._add_conn_hooks(conn)
        except Exception:
            conn.close()
            raise
        return conn


def pragma_key(key: bytes) -> str:
    """The SQL literal that gives SQLCipher the page key of ``key`` raw (no derivation)."""
    return f"\"x'{crypto.database_key(key).hex()}'\""


def connect_raw(path: Path, *, key: bytes | None, cipher: bool = False, timeout: float = 10,
                **params: object) -> sqlite3.Connection:
    """A bare DB-API connection (no pragmas, no models): for copies, counts and conversion.

    With ``key`` the file is opened through SQLCipher with the page key derived from it;
    ``cipher=True`` without a key opens a plain file through SQLCipher (to export it).
    """
    if key is None and not cipher:
        return sqlite3.connect(str(path), timeout=timeout, isolation_level=None, **params)
    conn = sqlcipher.connect(str(path), timeout=timeout, isolation_level=None, **params)
    try:
        # SQLCipher prints decryption failures to stderr; ours are reported in words.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = {pragma_key(key)}")
    except Exception:
        conn.close()
        raise
    return conn


def make_database(path: Path, *, key: bytes | None = None) -> peewee.SqliteDatabase:
    # Every transaction takes the write lock when it begins (BEGIN IMMEDIATE) and waits for
    # it under the busy timeout: a transaction that read first and then wanted to write
    # while another held the lock would fail at once with "database is locked".
    if key is None:
        return LiaisonDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False, timeout=10,
                               lock_type="IMMEDIATE")
    return LiaisonCipherDatabase(str(path), key=key, pragmas=PRAGMAS, check_same_thread=False,
                                 timeout=10, lock_type="IMMEDIATE")


def database_key(db: peewee.Database) -> bytes | None:
    """The data key ``db`` was opened with (None for a plain one)."""
    return getattr(db, "data_key", None)


def open_database(paths: DataPaths, *, key: bytes | None = None, plain: bool = False,
                  migrate: bool = True) -> peewee.SqliteDatabase:
    """Open (creating if absent) and migrate the database, and bind the models to it.

    The key is the one this process unlocked the data folder with (``security.session``)
    unless given; ``plain=True`` opens an unencrypted file. Any thread may call it, once, at
    start-up; peewee then keeps a connection per thread.
    """
    _check_dir_writable(paths.root)
    if not plain and key is None:
        key = session.data_key(paths)
        if key is None:
            raise DatabaseOpenError(OpenProblem.LOCKED, i18n.translate(
                "Database", "The data in {path} is locked. Unlock it with your password "
                "first.").format(path=str(paths.root)), paths.database)
    _check_header(paths.database, encrypted=not plain)
    existed = paths.database.exists() and paths.database.stat().st_size > 0
    db = make_database(paths.database, key=None if plain else key)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    except (peewee.DatabaseError, *DRIVER_ERRORS) as exc:
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
    _copy_database(paths.database, tmp, key=database_key(db))
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


def restore_backup(paths: DataPaths, backup: Path, *, key: bytes | None = None) -> Path:
    """Put ``backup`` in place of the database; the current file is kept beside it, never lost.

    ``key`` (by default the folder's, from the session) opens an encrypted backup (the copy
    stays encrypted); a plain one is copied plain and encrypted by the next unlock. Call only
    while the database is closed.
    """
    plain = is_plain(backup)
    key = key if key is not None else session.data_key(paths)
    _check_header(backup, encrypted=not plain)
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
    if plain or key is not None:
        _copy_database(backup, current, key=None if plain else key)
    else:
        # An encrypted file whose key comes with it (a backup taken to a new laptop): its
        # bytes as they are; the key file next to it opens them.
        tmp = current.with_name(current.name + ".partial")
        shutil.copyfile(backup, tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, current)
    return kept


def _copy_database(source: Path, target: Path, *, key: bytes | None) -> None:
    """A consistent copy through SQLite's online backup API, even while ``source`` is in use.

    An encrypted source gives an encrypted copy under the same key: a backup is no easier
    to read than the database.
    """
    src = connect_raw(source, key=key)
    try:
        dst = connect_raw(target, key=key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
