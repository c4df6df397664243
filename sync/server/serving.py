"""``liaison-server serve``: one or several uvicorn worker processes on one database.

A worker process cannot be handed an application object, so each builds its own from the
environment (``app_from_environment``), which ``serve`` fills in before uvicorn starts
them: the server's settings and the size of each process's PostgreSQL pool. The schema is
brought up to date once, here, before any worker starts.

Connections: PostgreSQL refuses clients beyond ``max_connections`` (100 by default) with
"too many clients already". Every worker has its own pool, so the pools are sized to share
what the database allows, minus a few kept for the administration commands, backups and
psql. Past a few processes, or with several server machines, put pgbouncer in front of
PostgreSQL and give the pool size explicitly (README, "Several processes").
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_DB = "LIAISON_SERVER_DB"
ENV_DATA = "LIAISON_SERVER_DATA"
#: How ``serve`` hands its settings to the worker processes it starts (JSON).
ENV_WORKER_CONFIG = "LIAISON_SERVER_WORKER_CONFIG"
#: Worker processes of ``serve`` when --workers is not given.
ENV_WORKERS = "LIAISON_SERVER_WORKERS"
#: Connections each server process may hold; set by ``serve``, or by hand behind pgbouncer.
ENV_POOL_SIZE = "LIAISON_SERVER_POOL_SIZE"
#: "off" behind pgbouncer in transaction mode (``statements``).
ENV_PREPARED = "LIAISON_SERVER_PREPARED"
#: The access log's file when --access-log is not given.
ENV_ACCESS_LOG = "LIAISON_SERVER_ACCESS_LOG"
#: A token that may read /metrics from any address (kept out of the command line).
ENV_METRICS_TOKEN = "LIAISON_SERVER_METRICS_TOKEN"
#: Where the worker processes' metrics meet (``prometheus_client``'s multiprocess mode).
ENV_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"

#: Connections left for ``liaison-server`` administration, backups (pg_dump) and psql, and
#: the one session of the process holding the prune lock (``retention``).
ADMIN_RESERVE = 5
#: No process needs more: requests run on at most 40 threads (anyio's default), and most of
#: a request's time is not spent in the database.
MAX_POOL = 32
MIN_POOL = 2


class PoolTooSmall(ValueError):
    """The database allows too few connections for this many processes."""


def pool_size(*, max_connections: int, reserved: int, processes: int) -> int:
    """Connections per process so that ``processes`` pools fit in the database's limit."""
    budget = max_connections - reserved - ADMIN_RESERVE
    share = budget // max(processes, 1)
    if share < MIN_POOL:
        raise PoolTooSmall(
            f"PostgreSQL allows {max_connections} connections ({reserved} reserved for "
            f"superusers, {ADMIN_RESERVE} kept for administration): too few for {processes} "
            f"server processes of at least {MIN_POOL} each. Start fewer workers, raise "
            f"max_connections, or put pgbouncer in front and set {ENV_POOL_SIZE} (and "
            f"{ENV_PREPARED}=off).")
    return min(share, MAX_POOL)


def postgres_limits(url: str) -> tuple[int, int]:
    """``max_connections`` and the connections reserved for superusers (and, from
    PostgreSQL 16, for ``pg_use_reserved_connections``)."""
    from sync.server.models import make_database

    db = make_database(url, pool_size=1)
    try:
        with db.connection_context():
            limit = int(db.execute_sql("SHOW max_connections").fetchone()[0])
            reserved = int(db.execute_sql("SHOW superuser_reserved_connections").fetchone()[0])
            extra = db.execute_sql(
                "SELECT setting FROM pg_settings WHERE name = 'reserved_connections'").fetchone()
            reserved += int(extra[0]) if extra else 0
    finally:
        db.close_all()
    return limit, reserved


@dataclass(frozen=True)
class ServeOptions:
    db_url: str
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8470
    workers: int = 1
    ssl_cert: str | None = None
    ssl_key: str | None = None
    #: Connections per process; None: from the database's limit and the number of workers.
    pool_size: int | None = None
    #: Largest request body in bytes (None: the server's default).
    max_body: int | None = None
    #: Reverse proxies whose X-Forwarded-For names the caller.
    trusted_proxies: tuple[str, ...] = ()
    #: Addresses that may read /metrics.
    metrics_from: tuple[str, ...] = ()
    #: The access log: a file, "-" for standard error, "" for none.
    access_log: str = ""
    #: Retention in days: operation results and scope exits, change log, withdrawn devices.
    keep_ops: int = 90
    keep_log: int = 730
    keep_devices: int = 90
    #: Seconds between prunes (in one process); 0: never.
    prune_every: float = 3600.0

    def worker_config(self) -> dict[str, Any]:
        """What each worker builds its ``ServerConfig`` from."""
        config: dict[str, Any] = {"db_url": self.db_url, "data_dir": str(self.data_dir),
                                  "trusted_proxies": list(self.trusted_proxies),
                                  "metrics_from": list(self.metrics_from),
                                  "access_log": self.access_log,
                                  "retention": [self.keep_ops, self.keep_log,
                                                self.keep_devices],
                                  "prune_every": self.prune_every}
        if self.max_body is not None:
            config["max_body"] = self.max_body
        return config


def prepare(options: ServeOptions) -> int | None:
    """Migrate once and work out each process's pool; returns that size (None for SQLite).

    Sets the environment the worker processes build their application from.
    """
    if options.workers > 1:
        _metrics_folder()
    from sync.server.models import is_postgres, open_server_database

    db = open_server_database(options.db_url, migrate=True)
    postgres = is_postgres(db)
    if postgres:
        db.close_all()
    else:
        db.close()
    size = options.pool_size or int(os.environ.get(ENV_POOL_SIZE) or 0) or None
    if postgres and size is None:
        limit, reserved = postgres_limits(options.db_url)
        size = pool_size(max_connections=limit, reserved=reserved, processes=options.workers)
    os.environ[ENV_WORKER_CONFIG] = json.dumps(options.worker_config())
    if size is not None:
        os.environ[ENV_POOL_SIZE] = str(size)
    return size


def _metrics_folder() -> Path:
    """The folder the workers' metrics meet in, emptied: values of processes from an earlier
    start must not be added to this one's. A folder of its own unless one is given."""
    import tempfile

    given = os.environ.get(ENV_METRICS_DIR)
    folder = Path(given) if given else Path(tempfile.mkdtemp(prefix="liaison-metrics-"))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    os.environ[ENV_METRICS_DIR] = str(folder)
    return folder


def run(options: ServeOptions) -> None:
    """Run until stopped (SIGTERM or Ctrl+C), after ``prepare``. With several workers the
    calling process supervises them and restarts one that dies."""
    import uvicorn

    from sync.server.app import UVICORN_OPTIONS

    uvicorn.run("sync.server.serving:app_from_environment", factory=True,
                host=options.host, port=options.port, workers=options.workers,
                log_level="warning", ssl_certfile=options.ssl_cert, ssl_keyfile=options.ssl_key,
                **UVICORN_OPTIONS)


def app_from_environment() -> object:
    """The application of one worker process, from what ``prepare`` put in the environment."""
    from sync.server.app import ServerConfig, create_app
    from sync.server.retention import Retention

    config = json.loads(os.environ[ENV_WORKER_CONFIG])
    config["data_dir"] = Path(config["data_dir"])
    config["trusted_proxies"] = tuple(config["trusted_proxies"])
    config["metrics_from"] = tuple(config.get("metrics_from", ()))
    config["retention"] = Retention(*config.get("retention", ()))
    config["metrics_token"] = os.environ.get(ENV_METRICS_TOKEN, "")
    return create_app(ServerConfig(**config))
