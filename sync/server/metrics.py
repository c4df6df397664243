"""Prometheus metrics of the server, summed over its worker processes.

With several worker processes each keeps its own counters; ``prometheus_client``'s
multiprocess mode has every process write its values to memory-mapped files in one folder
(``$PROMETHEUS_MULTIPROC_DIR``, which ``serve`` creates and empties at start) and ``/metrics``,
whichever process answers it, adds them up. The folder must be set before
``prometheus_client`` is first imported, which is why ``serve`` sets it before anything of
the server is loaded. Without it (one process, the tests) the values live in the process.

Labels stay few: a route is its template (``/attachments/{sha256}``), never a path, and an
unknown path is ``other``, so a scan of random URLs cannot grow the series without end.
"""
from __future__ import annotations

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

ENV_DIR = "PROMETHEUS_MULTIPROC_DIR"

_LATENCY = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)
_LOCK = (0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)

REQUESTS = Counter("liaison_http_requests_total", "HTTP requests answered",
                   ["route", "method", "status"])
LATENCY = Histogram("liaison_http_request_duration_seconds",
                    "Time from a request's arrival to the end of its answer",
                    ["route", "status"], buckets=_LATENCY)
PUSH_OPS = Counter("liaison_push_operations_total",
                   "Pushed operations by result (applied, merged, conflict, rejected, replayed)",
                   ["result"])
PULLED = Counter("liaison_pull_records_total", "Records sent in pull pages")
LOCK_WAIT = Histogram("liaison_sequence_lock_wait_seconds",
                      "Time a write waited for the change-sequence lock", buckets=_LOCK)
LOCK_HELD = Histogram("liaison_sequence_lock_held_seconds",
                      "Time a write held the change-sequence lock, commit included",
                      buckets=_LOCK)
REDONE = Counter("liaison_push_batches_redone_total",
                 "Push batches worked out again under the lock because a record they touch "
                 "changed meanwhile")
RESYNC = Counter("liaison_resync_required_total",
                 "Requests answered resync_required (device or cursor older than retention)")


def shared() -> bool:
    """Whether this process writes its values to the shared folder: only when the folder
    was set before ``prometheus_client`` was imported (``serve`` with several workers)."""
    from prometheus_client import values

    return values.ValueClass is not values.MutexValue


def render() -> tuple[bytes, str]:
    """The metrics in Prometheus' text format, and its content type."""
    if shared():
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
