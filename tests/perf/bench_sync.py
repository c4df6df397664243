"""Sync benchmarks on loopback; prints medians. Run: python tests/perf/bench_sync.py [--quick]

Set LIAISON_TEST_PG_URL to also measure the concurrent-clients case on PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.perf.folder_keys import unlock_every_folder  # noqa: E402

unlock_every_folder()

from liaison_app.core import search, search_backlog  # noqa: E402
from liaison_app.core.db import database_proxy, open_database  # noqa: E402
from liaison_app.core.models import Enterprise, OutboxOp, Visit  # noqa: E402
from liaison_app.core.paths import DataPaths  # noqa: E402
from sync import client, local  # noqa: E402
from sync import protocol as p  # noqa: E402
from sync.server.app import ServerConfig  # noqa: E402
from sync.transport import Transport  # noqa: E402
from tests.sync.conftest import PASSWORD, LiveServer, reset_postgres  # noqa: E402

SUMMARY = "走访企业了解生产经营情况，企业反映用电负荷不足、物流成本上升，现场协调供电公司和交通部门"


def make_visits(n: int, ent: str) -> None:
    with database_proxy.atomic():
        for i in range(n):
            Visit(enterprise=ent, visit_at=dt.datetime(2024, 1, 1) + dt.timedelta(hours=i),
                  summary=f"{SUMMARY}{i}", participants="张三、李四", problems="用电紧张",
                  place="厂区办公室").save(force_insert=True)


class ServerProcess:
    """``liaison-server serve`` in a process of its own, as deployed (no shared Python lock
    with the client being measured)."""

    def __init__(self, *, db_url: str, data_dir: Path) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = [sys.executable, "-m", "sync.server.cli", "--db", db_url, "--data-dir",
                     str(data_dir), "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        import httpx

        self.proc = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server process did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def device(root: Path, name: str, server: LiveServer | ServerProcess, user: str
           ) -> client.SyncEngine:
    paths = DataPaths(root / name)
    open_database(paths)
    client.login(server_url=server.url, username=user, password=PASSWORD)
    return client.SyncEngine(data_paths=paths, page_size=5000, batch_size=1000)


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Cpu:
    """CPU seconds this process and the server process spend meanwhile: what a busy machine
    does not inflate, unlike wall time."""

    def __init__(self, server: ServerProcess) -> None:
        self.pid = server.proc.pid if server.proc is not None else None
        self.laptop = self.server = 0.0

    def __enter__(self) -> Cpu:
        self._laptop = time.process_time()
        self._server = process_cpu(self.pid) if self.pid else 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.laptop = time.process_time() - self._laptop
        self.server = (process_cpu(self.pid) if self.pid else 0.0) - self._server

    def __str__(self) -> str:
        return f"CPU: laptop {self.laptop:.2f} s, server {self.server:.2f} s"


def concurrent(server: LiveServer, clients: int, rounds: int) -> tuple[float, float]:
    tokens = []
    import httpx

    for i in range(clients):
        r = httpx.post(server.url + "/auth/login", headers={p.HEADER_PROTOCOL: "1",
                                                            p.HEADER_SCHEMA: "2"},
                       json={"username": f"c{i}", "password": PASSWORD, "device_id": f"d{i}"})
        tokens.append(r.json()["token"])
    latencies: list[float] = []
    lock = threading.Lock()

    def work(i: int) -> None:
        with Transport(server_url=server.url, client_schema=2, token=tokens[i],
                       device_id=f"d{i}") as t:
            since = 0
            for n in range(rounds):
                op = {"op_id": f"op-{i}-{n}", "table": "enterprise", "record_id": f"e-{i}",
                      "base_version": 0, "creating": n == 0,
                      "changes": {"name": f"企业{i}", "notes": f"第{n}次"}}
                for path, body in (("/sync/push", {"ops": [op]}),
                                   ("/sync/pull", {"since": since, "limit": 500})):
                    s = time.perf_counter()
                    answer = t.call("POST", path, body)
                    with lock:
                        latencies.append(time.perf_counter() - s)
                    if path == "/sync/pull":
                        since = answer["next"]

    start = time.perf_counter()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - start
    latencies.sort()
    return len(latencies) / wall, latencies[int(len(latencies) * 0.95)]


def push_once(root: Path, n: int) -> tuple[float, Cpu]:
    """``n`` new visits pushed by an officer into an empty server of its own."""
    server = LiveServer(ServerConfig(db_url=f"sqlite:///{root / 'srv.sqlite3'}",
                                     data_dir=root / "srv")).start()
    server.add_user("officer", "center")
    server.stop()
    served = ServerProcess(db_url=f"sqlite:///{root / 'srv.sqlite3'}",
                           data_dir=root / "srv").start()
    try:
        officer = device(root, "officer", served, "officer")
        ent = Enterprise(name="基准企业", uscc="91110000600037341L")
        ent.save(force_insert=True)
        make_visits(n, ent.id)
        with Cpu(served) as cpu:
            secs, report = timed(officer.sync_once)
        assert report.ok, report.message
        return secs, cpu
    finally:
        served.stop()


def main() -> None:
    quick = "--quick" in sys.argv
    n_push, n_pull = (2000, 10000) if quick else (10000, 50000)
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    # Two pushes on servers of their own, the third on the server the rest goes on with.
    pushes = [push_once(root / f"push{run}", n_push) for run in range(2)]
    server = LiveServer(ServerConfig(db_url=f"sqlite:///{root / 'srv.sqlite3'}",
                                     data_dir=root / "srv")).start()
    for name, role in (("centre", "center"), ("officer", "center"), ("seed", "center"),
                       ("reader", "center")):
        server.add_user(name, role)
    server.stop()
    # The server in a process of its own, as deployed: no Python lock shared with the
    # laptop being measured.
    served = ServerProcess(db_url=f"sqlite:///{root / 'srv.sqlite3'}",
                           data_dir=root / "srv").start()
    officer = device(root, "officer", served, "officer")
    ent = Enterprise(name="基准企业", uscc="91110000600037341L")
    ent.save(force_insert=True)
    make_visits(n_push, ent.id)
    ops = [local.op_to_wire(o) for o in OutboxOp.select().limit(500)]
    raw = len(json.dumps({"ops": ops}, ensure_ascii=False).encode())
    packed = len(gzip.compress(json.dumps({"ops": ops}, ensure_ascii=False).encode(), 4))
    with Cpu(served) as cpu:
        secs, report = timed(officer.sync_once)
    assert report.ok, report.message
    pushes.append((secs, cpu))
    secs, cpu = sorted(pushes, key=lambda run: run[0])[1]
    print(f"push {n_push} new visits, median of 3: {secs:.2f} s ({n_push / secs:.0f}/s)  "
          f"[target <= 1.5 s for 10,000]; {cpu}; each: "
          f"{', '.join(f'{s:.2f} s' for s, _ in pushes)}")
    print(f"  wire: {report.bytes_sent / (n_push + 1):.0f} B/record sent gzip; JSON "
          f"{raw / 500:.0f} B/record, gzip {packed / 500:.0f} B/record "
          f"({raw / packed:.1f}x)")
    server = served
    seed = device(root, "seed", server, "seed")
    seed.sync_once()
    make_visits(n_pull - n_push, ent.id)
    seed.sync_once()
    centre = device(root, "centre", served, "centre")
    with Cpu(served) as cpu:
        secs, report = timed(centre.sync_once)
    assert report.ok and Visit.select().count() == n_pull, report.message
    print(f"first pull of {n_pull} visits (stored, listed, sync done; server in its own "
          f"process): {secs:.2f} s "
          f"({n_pull / secs:.0f}/s)  [target <= 3 s for 50,000]; {cpu}; received "
          f"{report.bytes_received / n_pull:.0f} B/record gzip")
    waiting = search_backlog.count()
    index_secs, _ = timed(search_backlog.index_all)
    assert search.search("协调供电公司")
    print(f"  then the search index catches up with them ({waiting} records, in the "
          f"background in the app): {index_secs:.2f} s more")
    noop, noop_cpu = [], []
    with Cpu(served) as cpu:
        for _ in range(40):
            began = time.process_time()
            noop.append(timed(centre.sync_once)[0])
            noop_cpu.append(time.process_time() - began)
    print(f"no-op sync: median {statistics.median(noop) * 1000:.1f} ms  [target <= 5 ms]; "
          f"CPU: laptop median {statistics.median(noop_cpu) * 1000:.1f} ms, server "
          f"{cpu.server / 40 * 1000:.1f} ms on average")
    # Pushing into a server that already holds the county's records: each batch looks up
    # the records it touches among all of them.
    make_visits(n_push, ent.id)
    with Cpu(served) as cpu:
        secs, report = timed(centre.sync_once)
    assert report.ok, report.message
    print(f"push {n_push} new visits into a server holding {n_pull + 1} records: {secs:.2f} s "
          f"({n_push / secs:.0f}/s); {cpu}")
    served.stop()
    # A fresh server, as for PostgreSQL below: on the one above, each centre client's first
    # pulls would be pages of the 50,000 visits, not small syncs, and the two would differ.
    server = LiveServer(ServerConfig(db_url=f"sqlite:///{root / 'small.sqlite3'}",
                                     data_dir=root / "small")).start()
    for i in range(50):
        server.add_user(f"c{i}", "center")
    rps, p95 = concurrent(server, 50, 5 if quick else 10)
    print(f"50 concurrent clients, SQLite: {rps:.0f} requests/s, p95 {p95 * 1000:.0f} ms")
    server.stop()
    pg = os.environ.get("LIAISON_TEST_PG_URL")
    if pg:
        reset_postgres(pg)
        server = LiveServer(ServerConfig(db_url=pg, data_dir=root / "pg")).start()
        for i in range(50):
            server.add_user(f"c{i}", "center")
        rps, p95 = concurrent(server, 50, 5 if quick else 10)
        print(f"50 concurrent clients, PostgreSQL: {rps:.0f} requests/s, p95 {p95 * 1000:.0f} ms")
        server.stop()


if __name__ == "__main__":
    main()
