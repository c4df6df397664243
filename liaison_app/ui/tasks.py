"""The one background runner.

Two worker threads: ``db`` serialises every database write (SQLite allows one writer, and a
single queue keeps saves in the order they were asked for) and ``net`` does network work
(sync), so a slow server never delays a save. The runner is the app's one writer
(``core.writer``): what the sync engine writes from the ``net`` worker (a page of pulled
records, the answers to a push) is queued on the ``db`` worker like any save. Work is a plain callable; its result, error
and progress come back to the main thread through Qt signals (queued connections), so no
widget is ever touched from a worker. A task can be cancelled: the callable receives a
``Task`` whose ``cancelled`` event it may poll.
"""
from __future__ import annotations

import itertools
import logging
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from liaison_app.core import writer
from liaison_app.core.services.errors import ServiceError

log = logging.getLogger(__name__)

Worker = str  # "db" or "net"


class Task:
    """Handle given to a running callable: progress reporting and cancellation."""

    def __init__(self, runner: TaskRunner, task_id: int) -> None:
        self._runner = runner
        self.id = task_id
        self.cancelled = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Any thread: report progress; delivered on the main thread."""
        self._runner._progress.emit(self.id, done, total, text)

    def cancel(self) -> None:
        self.cancelled.set()


class _WaitedCall:
    """A callable run on a worker for a caller that waits for its result or exception."""

    def __init__(self, func: Callable[[], Any]) -> None:
        self.func = func
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None

    def __call__(self) -> None:
        try:
            self.value = self.func()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            self.error = exc
        finally:
            self.done.set()

    def result(self, timeout: float | None) -> Any:
        if not self.done.wait(timeout):
            raise TimeoutError("background work did not finish in time")
        if self.error is not None:
            raise self.error
        return self.value


class TaskRunner(QObject):
    """Create once on the main thread; ``submit`` from the main thread."""

    _done = Signal(int, object)
    _failed = Signal(int, object, str)
    _progress = Signal(int, int, int, str)
    #: Emitted on the main thread after any ``db`` task finished: screens refresh from it.
    changed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None, Callable | None,
                                         str]] = {}
        self._tasks: dict[int, Task] = {}
        self._queues: dict[Worker, queue.Queue] = {}
        self._threads: dict[Worker, threading.Thread] = {}
        self._active = 0
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        for name in ("db", "net"):
            q: queue.Queue = queue.Queue()
            t = threading.Thread(target=self._loop, args=(q,), name=f"liaison-{name}",
                                 daemon=True)
            self._queues[name] = q
            self._threads[name] = t
            t.start()
        self._stopping = False
        self._stopping_lock = threading.Lock()
        writer.install(self)

    # -- main thread API ---------------------------------------------------------------
    def submit(self, func: Callable[..., Any], *, worker: Worker = "db",
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None,
               with_task: bool = False, change: str = "") -> Task:
        """Run ``func()`` (or ``func(task)`` with ``with_task``) on a worker.

        ``change`` names what the task modifies; ``changed`` is emitted with it on success.
        """
        task_id = next(self._ids)
        task = Task(self, task_id)
        self._tasks[task_id] = task
        self._callbacks[task_id] = (on_done, on_error, on_progress, change)
        self._active += 1
        if self._active == 1:
            self.busy_changed.emit(True)
        self._queues[worker].put((task, func, with_task))
        return task

    def run_sync(self, func: Callable[[], Any], *, worker: Worker = "db",
                 timeout: float | None = 30.0) -> Any:
        """Run on a worker and wait (for shutdown, the writer and tests: it blocks the
        caller)."""
        call = _WaitedCall(func)
        self._queues[worker].put((None, call, False))
        return call.result(timeout)

    # -- the one writer (``core.writer``) ---------------------------------------------------
    def is_writer_thread(self) -> bool:
        return threading.current_thread() is self._threads["db"]

    def run_and_wait(self, func: Callable[[], Any]) -> Any:
        """Any thread but the ``db`` worker: run ``func`` there after what is queued, wait.

        Refused once shutdown has begun: queued behind the worker's stop it would never run.
        """
        call = _WaitedCall(func)
        with self._stopping_lock:  # queued before the worker's stop, or refused
            if self._stopping or not self._threads["db"].is_alive():
                raise RuntimeError("the database worker has stopped")
            self._queues["db"].put((None, call, False))
        return call.result(None)

    def run_later(self, func: Callable[[], Any]) -> None:
        """Any thread: queue ``func`` on the ``db`` worker and return at once (``core.writer``
        ``write_soon``). Its failure is logged; once shutdown has begun it is dropped."""

        def call() -> None:
            try:
                func()
            except Exception:  # noqa: BLE001 - nobody waits for it; the log says why
                log.warning("queued write failed:\n%s", traceback.format_exc())

        with self._stopping_lock:
            if self._stopping or not self._threads["db"].is_alive():
                return
            self._queues["db"].put((None, call, False))

    def is_busy(self) -> bool:
        return self._active > 0

    def shutdown(self, *, timeout: float = 10.0) -> None:
        """Finish queued work, then stop the workers. Main thread, at exit.

        The network worker stops first: a sync still running hands its last writes to the
        database worker, which must still be there to take them.
        """
        for task in self._tasks.values():
            task.cancel()
        self._queues["net"].put(None)
        self._threads["net"].join(timeout)
        with self._stopping_lock:
            self._stopping = True
            self._queues["db"].put(None)
        self._threads["db"].join(timeout)
        writer.install(None)

    # -- worker side -------------------------------------------------------------------
    def _loop(self, q: queue.Queue) -> None:
        while True:
            item = q.get()
            if item is None:
                return
            task, func, with_task = item
            if task is None:
                func()
                continue
            try:
                result = func(task) if with_task else func()
            except BaseException as exc:  # noqa: BLE001 - delivered to the main thread
                trace = traceback.format_exc()
                if isinstance(exc, ServiceError):
                    # Refused input or a record gone: the person is told; not a fault.
                    log.info("background task refused: %s", exc)
                else:
                    log.error("background task failed:\n%s", trace)
                self._failed.emit(task.id, exc, trace)
            else:
                self._done.emit(task.id, result)

    # -- back on the main thread -------------------------------------------------------
    def _finish(self, task_id: int) -> tuple[Callable | None, Callable | None, Callable | None,
                                             str]:
        self._tasks.pop(task_id, None)
        self._active -= 1
        if self._active == 0:
            self.busy_changed.emit(False)
        return self._callbacks.pop(task_id, (None, None, None, ""))

    def _on_done(self, task_id: int, result: Any) -> None:
        on_done, _on_error, _on_progress, change = self._finish(task_id)
        if change:
            self.changed.emit(change)
        if on_done is not None:
            on_done(result)

    def _on_failed(self, task_id: int, exc: BaseException, trace: str) -> None:
        _on_done, on_error, _on_progress, _change = self._finish(task_id)
        if on_error is not None:
            on_error(exc)
        else:
            from liaison_app.ui.errors import show_error

            show_error(None, exc)

    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        callbacks = self._callbacks.get(task_id)
        if callbacks and callbacks[2] is not None:
            callbacks[2](done, total, text)
