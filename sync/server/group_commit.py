"""Writes of one server process that arrive together share one transaction and one commit.

Every write holds the change-sequence lock until it has committed (``models.write_transaction``),
and each commit waits for the disk (SQLite with ``synchronous=full``, PostgreSQL with fsync
on): about 10–15 ms on an ordinary server disk. Written one at a time, a hundred pushes or
phone submissions arriving in the same second queue behind each other's disk waits, and
their threads sit in the pool meanwhile.

Here a request works out what it will write in a thread of its own, as before, and hands
the last step to this process's writer: a callable that runs under the lock. The writer
takes whatever has queued, runs each in a savepoint of its own inside one transaction and
commits once. A write that raises is rolled back to its savepoint alone and its request gets
the exception; the others stand. If the transaction itself fails (the database went away),
every request of the group gets that error and none of them was written. Writes run in
arrival order, so each sees the effects of those before it, exactly as if they had
committed one by one.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import anyio.to_thread

from sync.server.models import connection, server_db, write_transaction

T = TypeVar("T")

Write = Callable[[], Any]


def write_together(writes: Sequence[Write]) -> list[Any]:
    """Run ``writes`` in one write transaction, each in a savepoint; returns each one's
    result or the exception it raised. Raises if the transaction could not commit."""
    outcomes: list[Any] = []
    with connection(), write_transaction():
        for write in writes:
            try:
                with server_db.atomic():
                    outcomes.append(write())
            except Exception as exc:  # noqa: BLE001 - rolled back to its savepoint alone
                outcomes.append(exc)
    return outcomes


class GroupCommit:
    """The writer of one server process (see the module docstring)."""

    #: Writes per transaction at most: enough to share a commit among a burst, few enough
    #: that the first of a burst are answered before the whole burst is written.
    MOST = 16

    def __init__(self) -> None:
        self._waiting: list[tuple[Write, asyncio.Future[Any]]] = []
        self._task: asyncio.Task[None] | None = None

    async def write(self, write: Callable[[], T]) -> T:
        """Run ``write`` under the change-sequence lock, committed with whatever else is
        waiting; returns its result once it is committed."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._waiting.append((write, future))
        if self._task is None:
            # A task of its own, not the caller's coroutine: a client that goes away must not
            # stop the writing of the others'.
            self._task = loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                group = self._waiting[:self.MOST]
                del self._waiting[:self.MOST]
                try:
                    outcomes = await anyio.to_thread.run_sync(
                        write_together, [write for write, _future in group])
                except Exception as exc:  # noqa: BLE001 - nothing of the group was written
                    outcomes = [exc] * len(group)
                for (_write, future), outcome in zip(group, outcomes, strict=True):
                    if future.done():  # its client went away
                        continue
                    if isinstance(outcome, Exception):
                        future.set_exception(outcome)
                    else:
                        future.set_result(outcome)
        finally:
            self._task = None


def writer_of(state: Any) -> GroupCommit:
    """The process's writer, kept on the application's ``state``."""
    writer = getattr(state, "group_commit", None)
    if writer is None:
        writer = state.group_commit = GroupCommit()
    return writer
