"""A real sync server on loopback and real client data folders, for the sync tests."""
from __future__ import annotations

import datetime as dt
import os
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import uvicorn

from liaison_app.core import context, writer
from liaison_app.core.db import database_proxy, open_database
from liaison_app.core.migrations import LATEST_VERSION
from liaison_app.core.models import Enterprise, Visit
from liaison_app.core.paths import DataPaths
from sync import client as sync_client
from sync import protocol as p
from sync.client import SyncEngine, SyncReport
from sync.server import auth
from sync.server.app import UVICORN_OPTIONS, ServerConfig, create_app
from sync.server.models import connection, server_db
from sync.transport import RetryPolicy
from tests.sync.faultproxy import FaultProxy

T = TypeVar("T")

PASSWORD = "correct horse battery"
PG_URL = os.environ.get("LIAISON_TEST_PG_URL", "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The FastAPI app under uvicorn in a thread of this process."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = create_app(config)
        # As ``liaison-server serve`` runs it.
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="error", lifespan="off",
                                                    **UVICORN_OPTIONS))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def add_user(self, name: str, role: str) -> Any:
        with connection():
            return auth.add_user(username=name, password=PASSWORD, role=role)

    def assign(self, name: str, enterprise_ids: list[str]) -> None:
        with connection():
            auth.assign(username=name, enterprise_ids=enterprise_ids)


#: The version headers every call carries, as a current client sends them.
VERSIONS = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(LATEST_VERSION)}


def sign_in(server: LiveServer, name: str, role: str, device: str) -> dict[str, str]:
    """Add an account and sign it in from ``device``: the headers a raw client then sends."""
    server.add_user(name, role)
    r = httpx.post(server.url + "/auth/login", headers=VERSIONS,
                   json={"username": name, "password": PASSWORD, "device_id": device})
    assert r.status_code == 200, r.text
    return {**VERSIONS, p.HEADER_DEVICE: device, "Authorization": f"Bearer {r.json()['token']}"}


def worker_postgres_url(url: str, *, worker: str | None = None) -> str:
    """``url`` with a database of this xdist worker's own, created when missing.

    Each test empties the public schema of its database; workers running side by side on
    one database would empty it under each other.
    """
    worker = worker if worker is not None else os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return url
    from urllib.parse import urlsplit, urlunsplit

    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    base = parts.path.lstrip("/") or "postgres"
    name = f"{base}_{''.join(c for c in worker if c.isalnum())}"[:63]
    conn = psycopg2.connect(url)
    conn.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is None:
                try:
                    cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                except psycopg2.errors.DuplicateDatabase:
                    pass  # made at the same moment by a run sharing the server
    finally:
        conn.close()
    return urlunsplit(parts._replace(path="/" + name))


def reset_postgres(url: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        # Connections an earlier test left behind (a killed server process, a pool not yet
        # collected) would hold locks the DROP waits on, or deadlock with it. The database
        # is this worker's alone, so nothing else is using it.
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    conn.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("set LIAISON_TEST_PG_URL (scripts/ci-postgres.sh) to run on PostgreSQL")
        url = worker_postgres_url(PG_URL)
        reset_postgres(url)
        return url
    return f"sqlite:///{tmp_path / 'server' / 'server.sqlite3'}"


@contextmanager
def running_server(config: ServerConfig) -> Iterator[LiveServer]:
    live = LiveServer(config).start()
    try:
        yield live
    finally:
        live.stop()
        db = server_db.obj
        if hasattr(db, "close_all"):
            db.close_all()  # pooled PostgreSQL connections: the next test drops the schema
        elif db is not None and not db.is_closed():
            db.close()


@pytest.fixture
def server(tmp_path: Path, db_url: str) -> Iterator[LiveServer]:
    with running_server(ServerConfig(db_url=db_url, data_dir=tmp_path / "server")) as live:
        yield live


@dataclass
class Device:
    """One laptop: its data folder, database and sync engine."""

    name: str
    paths: DataPaths
    db: Any
    engine: SyncEngine | None = None
    officer_id: str = ""

    def use(self) -> Device:
        database_proxy.initialize(self.db)
        context.set_actor(officer_id=self.officer_id, device_id=self.name)
        return self

    def login(self, server: LiveServer, username: str, password: str = PASSWORD) -> None:
        self.use()
        info = sync_client.login(server_url=server.url, username=username, password=password,
                                 device_name=self.name)
        self.officer_id = info.officer_id
        self.engine = SyncEngine(data_paths=self.paths,
                                 retry=RetryPolicy(attempts=2, base=0.01, cap=0.05),
                                 timeout=20)

    def sync(self, **kwargs: Any) -> SyncReport:
        self.use()
        assert self.engine is not None
        return self.engine.sync_once(**kwargs)

    def point_at(self, url: str) -> None:
        assert self.engine is not None
        self.engine.server_url = url


@pytest.fixture
def make_device(tmp_path: Path) -> Iterator[Any]:
    made: list[Device] = []

    def make(name: str) -> Device:
        paths = DataPaths(tmp_path / name)
        db = open_database(paths)
        dev = Device(name=name, paths=paths, db=db)
        made.append(dev)
        return dev.use()

    yield make
    for dev in made:
        dev.db.close()


USCC = ["91110000600037341L", "91371082775260043P", "91370100MA3C4X7P2D"]


def new_enterprise(name: str, uscc: str = "") -> Enterprise:
    ent = Enterprise(name=name, uscc=uscc, town="城关街道")
    ent.save(force_insert=True)
    return ent


def new_visit(ent: Enterprise | str, summary: str = "走访了解生产情况") -> Visit:
    visit = Visit(enterprise=ent, visit_at=dt.datetime(2024, 3, 1, 9, 30), summary=summary,
                  participants="张三", problems="用电紧张")
    visit.save(force_insert=True)
    return visit


@pytest.fixture
def proxy(county: dict[str, Any]) -> Iterator[FaultProxy]:
    """A fault proxy in front of the server, which li's and the centre's laptops go through."""
    fp = FaultProxy(county["server"].port)
    for name in ("li", "centre"):
        county[name].point_at(fp.url)
    yield fp
    fp.close()


@pytest.fixture
def county(server: LiveServer, make_device: Any) -> dict[str, Any]:
    """A centre account, two liaison officers and one enterprise for each officer."""
    server.add_user("centre", "center")
    server.add_user("li", "liaison")
    server.add_user("wang", "liaison")
    centre = make_device("centre-pc")
    centre.login(server, "centre")
    e1 = new_enterprise("鲁西化工有限公司", USCC[0])
    e2 = new_enterprise("德州面粉厂", USCC[1])
    assert centre.sync().ok
    server.assign("li", [e1.id])
    server.assign("wang", [e2.id])
    li = make_device("li-laptop")
    li.login(server, "li")
    wang = make_device("wang-laptop")
    wang.login(server, "wang")
    return {"server": server, "centre": centre, "li": li, "wang": wang, "e1": e1.id,
            "e2": e2.id}


class WriterThread:
    """The app's database worker in miniature: one thread that runs every write in order."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[Any] = queue.Queue()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while (job := self.jobs.get()) is not None:
            job()

    def is_writer_thread(self) -> bool:
        return threading.current_thread() is self.thread

    def run_and_wait(self, func: Callable[[], T]) -> T:
        box: dict[str, Any] = {}
        done = threading.Event()

        def job() -> None:
            try:
                box["result"] = func()
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                box["error"] = exc
            done.set()

        self.jobs.put(job)
        done.wait()
        if "error" in box:
            raise box["error"]
        return box["result"]

    def submit(self, func: Callable[[], Any]) -> None:
        """Queue a write and go on, as a person saving while a sync runs does; a failure is
        kept for ``drain`` to raise."""
        def job() -> None:
            try:
                func()
            except BaseException as exc:  # noqa: BLE001 - raised by drain
                self.errors.append(exc)
        self.jobs.put(job)

    def drain(self) -> None:
        """Wait for every queued write; raise the first that failed."""
        self.run_and_wait(lambda: None)
        if self.errors:
            raise self.errors.pop(0)

    def stop(self) -> None:
        self.jobs.put(None)
        self.thread.join(10)


@pytest.fixture
def one_writer() -> Iterator[WriterThread]:
    thread = WriterThread()
    writer.install(thread)
    yield thread
    writer.install(None)
    thread.stop()
