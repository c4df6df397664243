"""Closing the app while a sync still runs: the sync's last writes either happen or fail,
they never wait for good on a database worker that has been told to stop."""
from __future__ import annotations

import threading
import time

from liaison_app.core import writer


def test_a_write_asked_for_while_the_runner_stops_does_not_wait_for_ever(qapp, store) -> None:
    from liaison_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    saving = threading.Event()
    release = threading.Event()
    outcome: list[str] = []

    def long_save() -> None:  # a save the database worker is busy with at closing time
        saving.set()
        release.wait(5)

    def sync_tail() -> None:  # the sync's last write, asked for just after closing began
        time.sleep(0.3)
        try:
            writer.write(lambda: None)
            outcome.append("written")
        except Exception as exc:  # noqa: BLE001 - refusing is fine, waiting for ever is not
            outcome.append(type(exc).__name__)

    runner.submit(long_save, worker="db")
    saving.wait(5)
    runner.submit(sync_tail, worker="net")
    closing = threading.Thread(target=lambda: runner.shutdown(timeout=0.2))
    closing.start()
    time.sleep(0.5)
    release.set()
    closing.join(5)
    deadline = time.monotonic() + 5
    while not outcome and time.monotonic() < deadline:
        time.sleep(0.05)
    assert outcome, "the sync's last write waits for a database worker that has stopped"


def test_a_write_queued_for_later_does_not_wait_and_a_failure_stops_nothing(
        qapp, store, caplog) -> None:
    """What a reader stores for next time (the trend's totals) is queued on the database
    worker: the caller goes on at once, even while the worker is busy, and a store that
    fails is logged without stopping the writes after it."""
    from liaison_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    busy, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def long_save() -> None:
        busy.set()
        release.wait(5)

    def failing() -> None:
        raise RuntimeError("disk full")

    try:
        runner.submit(long_save, worker="db")
        busy.wait(5)
        started = time.monotonic()
        writer.write_soon(failing)
        writer.write_soon(lambda: ran.append(threading.current_thread().name))
        assert time.monotonic() - started < 0.5 and ran == []
        release.set()
        runner.run_sync(lambda: None)
        assert ran == ["liaison-db"]
        assert "disk full" in caplog.text
    finally:
        release.set()
        runner.shutdown()
