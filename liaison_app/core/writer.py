"""The one writer of the laptop's database.

SQLite lets one connection write at a time. Two threads that both write — the app's database
worker saving what the officer typed, and the network worker applying a page of pulled
records — would take turns through SQLite's lock, and a transaction that read before it
wrote could fail at once with "database is locked" instead of waiting. So every write goes
through ``write``: in the app it runs on the background runner's database worker, in the
order it was asked for (the runner installs itself with ``install``); in the command line,
which has one thread, it runs where it is called. Every transaction also starts with
``BEGIN IMMEDIATE`` (``db.make_database``), so it takes the write lock first and waits for
it, rather than failing half-way.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from liaison_app.core.db import database_proxy

T = TypeVar("T")


class WriteExecutor(Protocol):
    def is_writer_thread(self) -> bool:
        """Whether the calling thread is the one that writes."""

    def run_and_wait(self, func: Callable[[], T]) -> T:
        """Run ``func`` on the writer thread, after what was asked before; return its result
        or raise its exception."""


_lock = threading.Lock()
_executor: WriteExecutor | None = None


def install(executor: WriteExecutor | None) -> None:
    """Make ``executor`` the writer (the app's runner at start-up; None at shutdown)."""
    global _executor
    with _lock:
        _executor = executor


def write(func: Callable[[], T], *, durable: bool = True) -> T:
    """Run ``func`` as one transaction on the writer; any thread may call it and waits.

    ``durable=False`` for bookkeeping a power cut may take back without harm (when the last
    sync ran): its commit does not wait for the disk, which costs a no-op sync as much as
    the rest of it. The database stays whole either way (WAL); every write of a record
    waits for the disk."""
    executor = _executor
    if executor is None or executor.is_writer_thread():
        return _transaction(func, durable=durable)
    return executor.run_and_wait(lambda: _transaction(func, durable=durable))


def write_soon(func: Callable[[], object]) -> None:
    """Run ``func`` as one transaction on the writer without waiting for it, when the caller
    does not need it done (derived data a reader may store for the next one, which a power
    cut may take back: its commit does not wait for the disk). On the writer thread, or
    without one (the command line), it runs now. Any thread."""
    executor = _executor
    if executor is None or executor.is_writer_thread():
        # Within the caller's own transaction its commit is the caller's, as durable as that.
        _transaction(func, durable=database_proxy.in_transaction())
    elif (run_later := getattr(executor, "run_later", None)) is not None:
        # The app's runner: queued behind the writes asked for before, never waited for.
        run_later(lambda: _transaction(func, durable=False))
    else:
        executor.run_and_wait(lambda: _transaction(func, durable=False))


def _transaction(func: Callable[[], T], *, durable: bool = True) -> T:
    if durable:
        with database_proxy.atomic():
            return func()
    database_proxy.execute_sql("PRAGMA synchronous = NORMAL")
    try:
        with database_proxy.atomic():
            return func()
    finally:
        database_proxy.execute_sql("PRAGMA synchronous = FULL")
