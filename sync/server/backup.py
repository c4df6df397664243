"""``liaison-server backup DIR`` and ``liaison-server restore DIR``: database and attachments.

A backup is a folder: ``manifest.json``, the database (``server.sqlite3`` copied with
SQLite's online backup API, or ``server.pgdump`` from ``pg_dump -Fc``) and ``blobs/``.
The database is copied first and the attachments after: attachments are only ever added,
so every file the copied database refers to is already there when the folder is written.

Backing up may run while the server serves. Restore the server stopped: it replaces the
database (a SQLite file is kept beside as ``*.replaced-<time>``; PostgreSQL tables are
all dropped and the dump loaded in one transaction) and adds the attachments that are missing,
each checked against its hash. Nothing in ``blobs/`` is ever deleted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from liaison_app.core.services.backups import file_sha256

FORMAT = "liaison-server-backup"
MANIFEST = "manifest.json"
SQLITE_NAME = "server.sqlite3"
PG_NAME = "server.pgdump"
BLOBS = "blobs"
CHUNK = 1 << 20


class ServerBackupError(Exception):
    """A backup or restore cannot go ahead; the text says why and what to do."""


def _sqlite_path(db_url: str) -> Path | None:
    return Path(db_url[len("sqlite:///"):]) if db_url.startswith("sqlite:///") else None


def _is_postgres(db_url: str) -> bool:
    return db_url.startswith(("postgresql://", "postgres://"))


def _run(cmd: list[str]) -> None:
    tool = cmd[0]
    if shutil.which(tool) is None:
        raise ServerBackupError(
            f"{tool} is not installed; install the PostgreSQL client (postgresql-client) of "
            "the server's major version or newer")
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise ServerBackupError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}")


def _schema_of_sqlite(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('schema', 'seq')"))
    finally:
        conn.close()
    return int(rows.get("schema", 0)), int(rows.get("seq", 0))


def _schema_of_live() -> tuple[int, int]:
    from sync.server.models import Meta, connection

    with connection():
        found = {m.key: m.value for m in Meta.select().where(Meta.key.in_(["schema", "seq"]))}
    return int(found.get("schema", 0)), int(found.get("seq", 0))


def _blob_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.glob("??/*") if p.is_file() and len(p.name) == 64)


def backup_server(*, db_url: str, data_dir: Path, target: Path) -> dict[str, Any]:
    """Write a backup of the server into the new or empty folder ``target``."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise ServerBackupError(f"{target} is not empty; give a new folder for each backup")
    target.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    sqlite_path = _sqlite_path(db_url)
    if sqlite_path is not None:
        if not sqlite_path.exists():
            raise ServerBackupError(f"no server database at {sqlite_path}")
        src = sqlite3.connect(str(sqlite_path))
        dst = sqlite3.connect(str(target / SQLITE_NAME))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        schema, seq = _schema_of_sqlite(target / SQLITE_NAME)
        kind, dump = "sqlite", SQLITE_NAME
    elif _is_postgres(db_url):
        # Read the sequence before the dump: the dump holds at least this much.
        schema, seq = _schema_of_live()
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--file={target / PG_NAME}", f"--dbname={db_url}"])
        kind, dump = "postgresql", PG_NAME
    else:
        raise ServerBackupError(f"unsupported database URL: {db_url}")
    blobs = _blob_files(data_dir / BLOBS)
    total = 0
    for blob in blobs:
        out = target / BLOBS / blob.parent.name / blob.name
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(blob, out)
        total += blob.stat().st_size
    manifest = {
        "format": FORMAT, "database": kind, "dump": dump, "schema_version": schema,
        "change_seq": seq, "dump_sha256": file_sha256(target / dump), "blobs": len(blobs),
        "blob_bytes": total,
        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    tmp = target / (MANIFEST + ".partial")
    tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(tmp, target / MANIFEST)  # a folder without a manifest is an unfinished backup
    manifest["seconds"] = round(time.monotonic() - started, 2)
    return manifest


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((Path(source) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ServerBackupError(
            f"{source} is not a finished server backup (no readable {MANIFEST})") from exc
    if manifest.get("format") != FORMAT:
        raise ServerBackupError(f"{source} is not a Liaison server backup")
    return manifest


def restore_server(*, db_url: str, data_dir: Path, source: Path) -> dict[str, Any]:
    """Replace the server's database with the backup in ``source`` and add its attachments.

    Run with the server stopped and no connection open on its database in this process.
    Returns the manifest, with ``replaced`` (a kept SQLite file) and ``blobs_added``.
    """
    from sync.server.models import SCHEMA_VERSION

    source = Path(source)
    manifest = read_manifest(source)
    if int(manifest["schema_version"]) > SCHEMA_VERSION:
        raise ServerBackupError(
            f"this backup has server schema {manifest['schema_version']}, this server knows "
            f"{SCHEMA_VERSION}; install the newer liaison-server to restore it")
    dump = source / manifest["dump"]
    if not dump.exists() or file_sha256(dump) != manifest["dump_sha256"]:
        raise ServerBackupError(f"{dump} is missing or damaged (checksum differs); nothing "
                                "was changed")
    sqlite_path = _sqlite_path(db_url)
    if (manifest["database"] == "sqlite") != (sqlite_path is not None):
        raise ServerBackupError(
            f"this is a {manifest['database']} backup and the server uses "
            f"{'SQLite' if sqlite_path else 'PostgreSQL'}; restore it into the same kind of "
            "database")
    started = time.monotonic()
    added = _restore_blobs(source / BLOBS, data_dir / BLOBS)
    replaced: Path | None = None
    if sqlite_path is not None:
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        if sqlite_path.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            replaced = sqlite_path.with_name(f"{sqlite_path.name}.replaced-{stamp}")
            os.replace(sqlite_path, replaced)
            for suffix in ("-wal", "-shm"):
                side = Path(str(sqlite_path) + suffix)
                if side.exists():
                    os.replace(side, Path(str(replaced) + suffix))
        tmp = sqlite_path.with_name(sqlite_path.name + ".restoring")
        src = sqlite3.connect(str(dump))
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        os.replace(tmp, sqlite_path)
    else:
        _restore_postgres(db_url, dump)
    return {**manifest, "replaced": str(replaced) if replaced else None, "blobs_added": added,
            "seconds": round(time.monotonic() - started, 2)}


#: Every table of the server's schema goes, not only those in the dump: a backup from an
#: older version lacks the tables a later one added, and they would stop it upgrading again.
_DROP_ALL_TABLES = b"""
DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename);
  END LOOP;
END $$;
"""


def _restore_postgres(db_url: str, dump: Path) -> None:
    """Empty the schema and load the dump in one transaction: all of it or nothing."""
    for tool in ("pg_restore", "psql"):
        if shutil.which(tool) is None:
            raise ServerBackupError(
                f"{tool} is not installed; install the PostgreSQL client (postgresql-client) "
                "of the server's major version or newer")
    script = subprocess.Popen(["pg_restore", "--no-owner", "--no-privileges", "--file=-",
                               str(dump)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL)
    loader = subprocess.Popen(["psql", "--no-psqlrc", "--quiet", "--single-transaction",
                               "--set=ON_ERROR_STOP=1", f"--dbname={db_url}"],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    assert script.stdout is not None and loader.stdin is not None
    try:
        loader.stdin.write(_DROP_ALL_TABLES)
        shutil.copyfileobj(script.stdout, loader.stdin, CHUNK)
    except BrokenPipeError:
        pass  # psql stopped at an error: its message is read below
    finally:
        loader.stdin.close()
    made_err = script.stderr.read().decode(errors="replace") if script.stderr else ""
    loaded_err = loader.stderr.read().decode(errors="replace") if loader.stderr else ""
    if script.wait() != 0:
        loader.wait()
        raise ServerBackupError(f"pg_restore failed: {made_err.strip()}; nothing was changed")
    if loader.wait() != 0:
        raise ServerBackupError(f"loading the dump failed: {loaded_err.strip()}; nothing was "
                                "changed")


def _restore_blobs(source: Path, target: Path) -> int:
    added = 0
    for blob in _blob_files(source):
        out = target / blob.parent.name / blob.name
        if out.exists():
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{blob.name}.restoring")
        shutil.copyfile(blob, tmp)
        if file_sha256(tmp) != blob.name:
            tmp.unlink(missing_ok=True)
            raise ServerBackupError(f"attachment {blob} is damaged (its hash differs from its "
                                    "name); restore from another copy of the backup")
        os.replace(tmp, out)
        added += 1
    return added


# -- command line ------------------------------------------------------------------------
def register(sub: Any) -> None:
    """Add ``backup`` and ``restore`` to ``liaison-server``'s subcommands."""
    p = sub.add_parser("backup", help="copy the database and attachments into a new folder")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(func=cmd_backup, database="as-is")
    p = sub.add_parser("restore", help="replace the database with a backup folder and add its "
                                       "attachments (stop the server first)")
    p.add_argument("dir", metavar="DIR")
    # Not opened (nor migrated) first: the database may be empty, damaged, or from a newer
    # version being rolled back.
    p.set_defaults(func=cmd_restore, database="none")


def _where(args: argparse.Namespace) -> tuple[str, Path]:
    from sync.server.cli import _data_dir, _db_url

    return _db_url(args), _data_dir(args)


def _close_server_db() -> None:
    from sync.server.models import server_db

    db = server_db.obj
    if db is None:
        return
    if hasattr(db, "close_all"):
        db.close_all()
    elif not db.is_closed():
        db.close()


def _audit(action: str, folder: Path, manifest: dict[str, Any]) -> None:
    from sync.server import audit

    audit.record(action, target=str(folder.resolve())[-100:],
                 detail=f"schema {manifest['schema_version']}, change {manifest['change_seq']}, "
                        f"{manifest['blobs']} attachments")


def cmd_backup(args: argparse.Namespace) -> int:
    db_url, data_dir = _where(args)
    try:
        m = backup_server(db_url=db_url, data_dir=data_dir, target=Path(args.dir))
    except ServerBackupError as exc:
        print(f"backup failed: {exc}", file=sys.stderr)
        return 1
    print(f"backed up {m['database']} database (schema {m['schema_version']}, change "
          f"{m['change_seq']}) and {m['blobs']} attachments ({m['blob_bytes'] / 1e6:.1f} MB) "
          f"to {args.dir} in {m['seconds']} s")
    _audit("backup", Path(args.dir), m)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from sync.server.models import connection, open_server_database

    db_url, data_dir = _where(args)
    try:
        m = restore_server(db_url=db_url, data_dir=data_dir, source=Path(args.dir))
    except ServerBackupError as exc:
        print(f"restore failed: {exc}", file=sys.stderr)
        return 1
    open_server_database(db_url)  # upgrades a backup of an older schema
    with connection():
        _audit("restore", Path(args.dir), m)
    _close_server_db()
    print(f"restored {m['database']} database of {m['created_at']} (schema "
          f"{m['schema_version']}, change {m['change_seq']}); {m['blobs_added']} attachments "
          f"added in {m['seconds']} s")
    if m["replaced"]:
        print(f"the replaced database is kept as {m['replaced']}")
    return 0
