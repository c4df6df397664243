"""Attachment folders shared by several server processes (and machines, over NFS): the
locks that keep uploads apart hold across processes, not only threads."""
from __future__ import annotations

import multiprocessing as mp
import time
from pathlib import Path
from typing import Any

from sync.server.blobs import _locked


def _hold(path: str, held: Any, seconds: float) -> None:
    with _locked(Path(path)):
        held.set()
        time.sleep(seconds)


def test_a_lock_held_by_another_process_is_waited_for(tmp_path: Path) -> None:
    lock = tmp_path / "uploads" / "7" / ".lock"
    ctx = mp.get_context("spawn")
    held = ctx.Event()
    other = ctx.Process(target=_hold, args=(str(lock), held, 1.5))
    other.start()
    try:
        assert held.wait(60), "the other process did not take the lock"
        started = time.monotonic()
        with _locked(lock):
            waited = time.monotonic() - started
        assert waited > 0.5  # it waited for the other process to let go
    finally:
        other.join(timeout=60)
    assert other.exitcode == 0
    # Free again: taken at once, and the lock file stays for the next one.
    started = time.monotonic()
    with _locked(lock):
        assert time.monotonic() - started < 0.5
    assert lock.exists()
