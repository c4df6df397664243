"""Forgetting safely: stored operation results, scope exits, the change log, stale devices.

Without it ``op_record`` (one row per operation ever pushed), ``change_log`` and ``device``
grow forever. What may be forgotten, and why a device is never hurt by it:

- **Operation results** older than ``ops_days`` (default 90). A stored result is what makes
  a replay harmless: a laptop that lost an answer sends the operation again and gets the
  same answer. Such a replay comes at the laptop's next sync, so only a laptop silent for
  longer than the retention could still replay a forgotten operation. The server therefore
  notes the horizon (``meta.ops_pruned_before``), and a device last seen before it is
  *stale*: its pushes and its incremental pulls are answered 409 ``resync_required`` until
  it has pulled everything from 0 (merging; the laptop keeps its outbox), after which its
  changes are taken again — an operation applied once already is then merged against the
  record as it is now, and a value someone changed meanwhile comes back as a conflict for a
  person, never silently overwritten.
- **Scope exits** older than ``ops_days``: a pull names records that left the caller's scope
  from them (``gone``). A cursor older than the oldest exit kept (``meta.exits_pruned_seq``)
  could miss one, so such a pull is answered ``resync_required`` too; the laptop pulls from
  0 and drops what it no longer sees, as after a change of its enterprises.
- **The change log** older than ``log_days`` (default 730): who changed what, for people;
  nothing in the protocol reads it.
- **Devices** whose token was withdrawn or expired more than ``device_days`` ago (default
  90). A laptop of a deleted device row that signs in again counts as last seen never:
  stale, if anything was ever pruned.

Sequence numbers are not timed; each prune notes the sequence at its moment in ``seq_mark``,
and exits are pruned up to the newest mark older than the retention.

``liaison-server prune`` runs it once; ``serve`` runs it every hour in one process only: the
one holding the prune lock (PostgreSQL: a session advisory lock, held across all server
machines; SQLite: ``flock`` on ``prune.lock`` in the data folder). Deletes go in chunks of
their own short transactions, never holding the change-sequence lock.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import random
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from sync.server.auth import SEEN_EVERY
from sync.server.models import (
    Device,
    Meta,
    SeqMark,
    connection,
    high_seq,
    server_db,
    utcnow,
)

log = logging.getLogger(__name__)

#: Any fixed number: the lock all server processes agree on for pruning.
_PG_PRUNE_LOCK = 7_243_102
_CHUNK = 5000


@dataclass(frozen=True)
class Retention:
    #: Stored operation results and scope exits (replays and cursors older are resynced).
    ops_days: int = 90
    #: The change log (history for people).
    log_days: int = 730
    #: Device rows after their token was withdrawn or expired.
    device_days: int = 90


@dataclass
class PruneReport:
    op_results: int = 0
    scope_exits: int = 0
    changes: int = 0
    devices: int = 0
    seq_marks: int = 0

    def text(self) -> str:
        return (f"removed {self.op_results} operation result(s), {self.scope_exits} scope "
                f"exit(s), {self.changes} change-log row(s), {self.devices} device(s)")


def _epoch(moment: dt.datetime) -> int:
    return int(moment.replace(tzinfo=dt.timezone.utc).timestamp())


def _delete_chunks(sql: str, params: tuple[Any, ...]) -> int:
    """Run a ``DELETE ... IN (SELECT ... LIMIT n)`` until it deletes nothing, each chunk its
    own transaction, so no lock is held for long."""
    db = server_db.obj
    total = 0
    while True:
        with db.atomic():
            count = db.execute_sql(sql.format(mark=db.param, limit=_CHUNK), params).rowcount
        total += max(count, 0)
        if count < _CHUNK:
            return total


def _raise_meta(key: str, value: int) -> None:
    """``meta[key] = max(meta[key], value)``: a horizon only moves forward."""
    with server_db.obj.atomic():
        Meta.insert(key=key, value=0).on_conflict_ignore().execute()
        Meta.update(value=value).where((Meta.key == key) & (Meta.value < value)).execute()


def prune(*, retention: Retention, now: dt.datetime | None = None) -> PruneReport:
    """Forget what ``retention`` allows (see the module docstring). Database open."""
    now = now or utcnow()
    report = PruneReport()
    SeqMark.create(at=now, seq=high_seq())
    ops_cutoff = now - dt.timedelta(days=retention.ops_days)
    # Devices last seen before the horizon are stale from now on. The horizon is moved before
    # anything is deleted, and with a margin: ``last_seen`` is written at most every
    # ``SEEN_EVERY``, so it may be that much older than a device's last push.
    _raise_meta("ops_pruned_before", _epoch(ops_cutoff + SEEN_EVERY))
    report.op_results = _delete_chunks(
        'DELETE FROM "op_record" WHERE ("device_id", "op_id") IN (SELECT "device_id", "op_id" '
        'FROM "op_record" WHERE "created_at" < {mark} LIMIT {limit})', (ops_cutoff,))
    exits_upto = (SeqMark.select(peewee.fn.MAX(SeqMark.seq))
                  .where(SeqMark.at < ops_cutoff).scalar())
    if exits_upto:
        _raise_meta("exits_pruned_seq", int(exits_upto))
        report.scope_exits = _delete_chunks(
            'DELETE FROM "scope_exit" WHERE "id" IN (SELECT "id" FROM "scope_exit" WHERE "seq" '
            '<= {mark} LIMIT {limit})', (int(exits_upto),))
        # Marks older than the one just used will never be needed again.
        report.seq_marks = (SeqMark.delete()
                            .where((SeqMark.at < ops_cutoff) & (SeqMark.seq < exits_upto))
                            .execute())
    report.changes = _delete_chunks(
        'DELETE FROM "change_log" WHERE "id" IN (SELECT "id" FROM "change_log" WHERE '
        '"server_time" < {mark} ORDER BY "id" LIMIT {limit})',
        (now - dt.timedelta(days=retention.log_days),))
    device_cutoff = now - dt.timedelta(days=retention.device_days)
    idle = (Device.last_seen < device_cutoff) | (
        Device.last_seen.is_null() & (Device.created_at < device_cutoff))
    withdrawn = (Device.revoked == True) & idle  # noqa: E712 - SQL, not Python
    report.devices = Device.delete().where(
        (Device.expires_at < device_cutoff) | withdrawn).execute()
    return report


# -- the periodic prune in one process --------------------------------------------------------
class _PruneLock:
    """Held by at most one process (of every server machine, on PostgreSQL) at a time."""

    def __init__(self, *, db_url: str, data_dir: Path) -> None:
        self.db_url = db_url
        self.data_dir = data_dir
        self.held: Any = None

    def acquire(self) -> bool:
        if self.held is not None:
            return True
        if self.db_url.startswith(("postgresql://", "postgres://")):
            import psycopg2

            conn = psycopg2.connect(self.db_url)
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT pg_try_advisory_lock(%s)", (_PG_PRUNE_LOCK,))
                got = bool(cur.fetchone()[0])
            if got:
                self.held = conn  # the lock lives as long as this session
            else:
                conn.close()
            return got
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.data_dir / "prune.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.held = fd
        return True


def start_pruner(*, db_url: str, data_dir: Path, retention: Retention,
                 every: float) -> threading.Thread:
    """Prune every ``every`` seconds in this process while it holds the prune lock; the
    other processes keep trying, so another takes over when the holder stops."""
    lock = _PruneLock(db_url=db_url, data_dir=data_dir)

    def loop() -> None:
        # Processes started together do not all try at the same instant.
        stop.wait(random.uniform(5, 30))
        while not stop.is_set():
            try:
                if lock.acquire():
                    with connection():
                        report = prune(retention=retention)
                    log.info("prune: %s", report.text())
            except Exception:  # noqa: BLE001 - tried again at the next round
                log.exception("prune failed")
            stop.wait(every)

    stop = threading.Event()
    thread = threading.Thread(target=loop, name="liaison-prune", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]
    thread.start()
    return thread
