"""``liaison-server serve --workers N``: several processes on one database, pools that fit.

The real command in its own process group, as systemd starts it; laptops sign in and sync
through it at the same time. On PostgreSQL the pools of all processes must fit in the
database's ``max_connections`` (4 processes x 64 once made PostgreSQL refuse clients).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from liaison_app.core.models import Visit
from sync.server.serving import MAX_POOL, PoolTooSmall, pool_size, postgres_limits
from tests.sync.conftest import PASSWORD, free_port, new_enterprise, new_visit


def test_pools_share_what_the_database_allows() -> None:
    # PostgreSQL's defaults: 100 connections, 3 for superusers, 5 kept for administration.
    assert pool_size(max_connections=100, reserved=3, processes=4) == 23
    assert 4 * pool_size(max_connections=100, reserved=3, processes=4) <= 100 - 3
    assert pool_size(max_connections=100, reserved=3, processes=1) == MAX_POOL
    assert pool_size(max_connections=1000, reserved=3, processes=8) == MAX_POOL
    with pytest.raises(PoolTooSmall) as err:
        pool_size(max_connections=20, reserved=3, processes=8)
    assert "pgbouncer" in str(err.value) and "8 server processes" in str(err.value)


@dataclass
class Served:
    url: str
    proc: subprocess.Popen[str]
    data: Path
    db_url: str
    #: The first line the command printed: where it serves, processes and connections.
    banner: str

    def workers(self) -> list[int]:
        """Process ids of the uvicorn workers the command started."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == self.proc.pid and b"spawn_main" in cmdline:
                found.append(int(entry.name))
        return found

    def add_user(self, name: str, role: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "sync.server.cli", "--data-dir", str(self.data), "--db",
             self.db_url, "user", "add", name, "--role", role, "--password-stdin"],
            input=PASSWORD + "\n", text=True, capture_output=True, timeout=60, env=_env())
        assert done.returncode == 0, done.stderr


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("LIAISON_SERVER_DB", "LIAISON_SERVER_DATA", "LIAISON_SERVER_POOL_SIZE",
                 "LIAISON_SERVER_WORKERS"):
        env.pop(name, None)
    return env


@pytest.fixture
def start_server(tmp_path: Path, db_url: str) -> Iterator[Any]:
    """``start(*args)`` runs ``liaison-server --data-dir D serve --workers 2 --db URL *args``,
    with --db after the command as people write it, and waits until it answers."""
    started: list[subprocess.Popen[str]] = []

    def start(*args: str) -> Served:
        data = tmp_path / "srv"
        port = free_port()
        env = _env()
        url_ = db_url
        if db_url.startswith("sqlite"):
            # Not where the data folder or the environment would put it: --db counts.
            url_ = f"sqlite:///{tmp_path / 'elsewhere' / 'county.sqlite3'}"
            env["LIAISON_SERVER_DB"] = f"sqlite:///{tmp_path / 'wrong.sqlite3'}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data), "serve",
             "--port", str(port), "--workers", "2", "--db", url_, *args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
            start_new_session=True)
        started.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve exited with {proc.returncode}: {proc.stdout.read()}")
            try:
                if requests.get(url + "/health", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail("serve did not answer within 60 s")
            time.sleep(0.1)
        return Served(url=url, proc=proc, data=data, db_url=url_,
                      banner=proc.stdout.readline().strip())

    yield start
    for proc in started:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def test_several_workers_serve_laptops_syncing_at_once(start_server: Any, make_device: Any,
                                                       tmp_path: Path) -> None:
    served = start_server()
    assert len(served.workers()) == 2
    assert "with 2 process(es)" in served.banner, served.banner
    if served.db_url.startswith("sqlite"):
        assert (tmp_path / "elsewhere" / "county.sqlite3").exists()
        assert not (tmp_path / "wrong.sqlite3").exists()
    served.add_user("centre", "center")
    centre = make_device("centre")
    centre.login(served, "centre")
    ent = new_enterprise("多进程企业")
    assert centre.sync().ok
    laptops = []
    for n in range(4):
        served.add_user(f"officer{n}", "center")
        dev = make_device(f"laptop{n}")
        dev.login(served, f"officer{n}")
        assert dev.sync().ok
        for i in range(30):
            new_visit(ent.id, f"第{n}台第{i}次")
        dev.db.close()
        laptops.append(dev)
    # Four officers' laptops sync at the same moment, each with its own `liaison sync`.
    runs = [subprocess.Popen([sys.executable, "-c", LIAISON, "--data-dir", str(dev.paths.root),
                              "sync"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for dev in laptops]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, outputs
    centre.use()
    report = centre.sync()
    assert report.ok, report.message
    centre.use()
    assert Visit.select().where(Visit.enterprise == ent.id).count() == 120
    # SIGTERM, as systemd stops the service: the supervisor stops its workers and exits.
    workers = served.workers()
    served.proc.send_signal(signal.SIGTERM)
    assert served.proc.wait(timeout=30) == 0
    assert not [pid for pid in workers if _running(pid)]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


#: The command line in a process of its own, on laptops encrypted with the suite's key.
LIAISON = ("import sys; from tests.keys import unlock_every_folder; unlock_every_folder(); "
           "from liaison_app.cli import main; sys.exit(main(sys.argv[1:]))")


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_postgres_pool_is_sized_from_max_connections_and_requests_wait_for_it(
        start_server: Any, db_url: str, make_device: Any) -> None:
    import psycopg2

    limit, reserved = postgres_limits(db_url)
    served = start_server()
    expected = pool_size(max_connections=limit, reserved=reserved, processes=2)
    assert f"{expected} database connections each" in served.banner, served.banner
    served.proc.send_signal(signal.SIGTERM)
    served.proc.wait(timeout=30)

    # A pool of 2 per process: 40 laptops pulling at once queue for a connection, none fails.
    served = start_server("--pool-size", "2")
    assert "2 database connections each" in served.banner
    served.add_user("centre", "center")
    dev = make_device("centre")
    dev.login(served, "centre")
    assert dev.sync().ok
    from sync import credentials

    info, token = credentials.load()
    headers = {"X-Liaison-Protocol": "1", "X-Liaison-Schema": "99",
               "X-Liaison-Device": info.device_id, "Authorization": f"Bearer {token}"}
    failures: list[Any] = []

    def pull() -> None:
        with requests.Session() as session:
            for _ in range(5):
                r = session.post(served.url + "/sync/pull", headers=headers, timeout=60,
                                 json={"since": 0, "limit": 100, "want_counts": True})
                if r.status_code != 200:
                    failures.append(r.text)

    threads = [threading.Thread(target=pull) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not failures, failures[:3]
    conn = psycopg2.connect(db_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            held = cur.fetchone()[0]
    finally:
        conn.close()
    # Two pools of two, and the session of the process holding the prune lock.
    assert 0 < held <= 2 * 2 + 1, held


def test_the_systemd_unit_starts_serve_on_the_port_nginx_proxies_to() -> None:
    import re
    import shlex

    from sync.server.cli import build_parser

    packaging = Path(__file__).resolve().parents[2] / "packaging" / "server"
    unit = (packaging / "liaison-server.service").read_text(encoding="utf-8")
    command = shlex.split(re.search(r"^ExecStart=(.+)$", unit, re.M).group(1))
    assert command[0].endswith("/bin/liaison-server")
    args = build_parser().parse_args(command[1:])
    assert args.command == "serve" and args.host == "127.0.0.1"
    site = (packaging / "nginx-liaison.conf").read_text(encoding="utf-8")
    assert f"server 127.0.0.1:{args.port};" in site
    # SIGTERM to the supervising process only; it stops its workers itself.
    assert re.search(r"^KillMode=mixed$", unit, re.M)
    # The access log goes where the shipped logrotate file rotates it, in a folder systemd
    # makes for the service.
    rotate = (packaging / "logrotate-liaison").read_text(encoding="utf-8")
    assert args.access_log.startswith("/var/log/liaison-server/")
    assert f"{args.access_log} {{" in rotate
    assert re.search(r"^LogsDirectory=liaison-server$", unit, re.M)


def test_workers_get_the_body_limit_and_the_trusted_proxy(start_server: Any) -> None:
    served = start_server("--max-body", "1", "--trusted-proxy", "127.0.0.1")
    headers = {"X-Liaison-Protocol": "1", "X-Liaison-Schema": "99",
               "Content-Type": "application/json"}
    big = b'{"ops": [], "pad": "' + b"x" * (2 << 20) + b'"}'
    for _ in range(4):  # whichever worker takes it
        assert requests.post(served.url + "/sync/push", data=big, headers=headers,
                             timeout=30).status_code == 413
    # A refused sign-in is audited with the laptop's address as nginx passes it on.
    r = requests.post(served.url + "/auth/login", timeout=30, json={
        "username": "nobody", "password": "wrong password", "device_id": "laptop-1",
        "device_name": "x"}, headers={**headers, "X-Forwarded-For": "203.0.113.9"})
    assert r.status_code == 401
    audit = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "--data-dir", str(served.data), "--db",
         served.db_url, "audit"], text=True, capture_output=True, timeout=60, env=_env())
    assert "203.0.113.9" in audit.stdout, audit.stdout + audit.stderr
