"""What a database read costs in SQLite's own work, for tests that a read does not grow with
the size of the data: unlike its time, the count does not depend on how busy the machine is."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from liaison_app.core.db import database_proxy

T = TypeVar("T")


def vm_steps(func: Callable[[], T]) -> tuple[int, T]:
    """SQLite virtual machine steps (in thousands) ``func`` costs on this thread's connection,
    and what it returned."""
    conn = database_proxy.connection()
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(tick, 1000)
    try:
        result = func()
    finally:
        conn.set_progress_handler(None, 0)
    return steps[0], result
