"""The server under a province's load; prints figures, never fails on speed.

Run: ``python tests/perf/bench_server_load.py [--quick] [--only sqlite|postgres]
[--province]``

- **Mixed load**: 200 simulated devices in load-generator processes of their own (never
  threads in the server's interpreter): 80 % of syncs a no-op pull, 20 % a push of 1–5 new
  visits then a pull. The devices' syncs fall due at random moments (a Poisson process, as
  thousands of laptops each syncing every few minutes do) at 300 and at 500 syncs/s in all,
  and each sync is timed from when it was due, so a sync that waited for the device's
  previous one counts its wait; then every device syncs back to back, which shows where the
  server saturates (there latency is only devices ÷ throughput, by Little's law). Prints
  syncs/s done, p50/p95/p99 latency, and the server's CPU time per no-op pull and per push
  sync (read from ``/proc`` for every server process, so it counts whatever the processes
  spent, threads included). SQLite with one process; PostgreSQL with ``serve --workers 2``
  (one per core, the recommended setup) on a cluster of its own with fsync ON
  (``LIAISON_BENCH_PG_URL``, or one started here with ``scripts/ci-postgres.sh`` on another
  port and directory and ``LIAISON_PG_FSYNC=on``).
- **Province size** (``--province``): 700,000 records in 13,600 enterprise scopes, 10,000
  devices, 1,000,000 stored operation results; the database time of a pull for an officer's
  device 5 minutes (30,000 changes) behind, of the counts for its scope and of a centre's
  counts, each with its plan (EXPLAIN) printed.

The machine is shared: throughput and latency move with everything else that runs, so the
load average is printed with them; CPU per request is the steadier figure.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEVICES = 200
OFFICERS = 100  # two devices each
ENTERPRISES = 200  # two per officer
SUMMARY = "走访企业了解生产经营情况，企业反映用电负荷不足、物流成本上升，现场协调供电公司和交通部门"
HEADERS = {"X-Liaison-Protocol": "1", "X-Liaison-Schema": "999",
           "Content-Type": "application/json"}


# -- the server ------------------------------------------------------------------------------
def seed(db_url: str) -> list[dict[str, Any]]:
    """Accounts, enterprises, 20 visits each, and a signed-in device per simulated laptop;
    returns what each device needs (token, device id, its enterprises)."""
    from liaison_app.core.migrations import LATEST_VERSION
    from sync.server import auth
    from sync.server.models import (
        Device,
        SeqCounter,
        User,
        connection,
        open_server_database,
        utcnow,
        write_transaction,
    )
    from sync.server.store import server_write

    HEADERS["X-Liaison-Schema"] = str(LATEST_VERSION)
    db = open_server_database(db_url)
    devices: list[dict[str, Any]] = []
    with connection():
        auth.add_user(username="centre", password="bench-password", role="center")
        ents = [str(uuid.uuid4()) for _ in range(ENTERPRISES)]
        with write_transaction():
            counter = SeqCounter()
            for i, ent in enumerate(ents):
                server_write(table="enterprise", record_id=ent, counter=counter,
                             data={"name": f"企业{i}", "town": "城关街道", "deleted": False})
                for j in range(20):
                    server_write(table="visit", record_id=str(uuid.uuid4()), counter=counter,
                                 data={"enterprise_id": ent, "visit_at": "2024-03-01T09:30:00",
                                       "summary": f"{SUMMARY}{j}", "deleted": False})
            counter.flush()
        for o in range(OFFICERS):
            name = f"officer{o}"
            # Accounts without argon2 (seconds each on a busy machine): no one signs in here.
            with write_transaction():
                user = User.create(username=name, password_hash="-", role="liaison",
                                   officer_id=str(uuid.uuid4()))
            mine = ents[2 * o:2 * o + 2]
            auth.assign(username=name, enterprise_ids=mine)
            for d in range(DEVICES // OFFICERS):
                token = secrets.token_urlsafe(32)
                device_id = f"bench-{o}-{d}"
                Device.create(user=user, device_id=device_id, name=device_id,
                              token_hash=auth.hash_token(token), last_seen=utcnow(),
                              expires_at=utcnow().replace(year=utcnow().year + 1))
                devices.append({"token": token, "device": device_id, "enterprises": mine})
    if hasattr(db, "close_all"):
        db.close_all()
    else:
        db.close()
    return devices


class Server:
    """``liaison-server serve`` as deployed, in processes of its own."""

    def __init__(self, *, db_url: str, data_dir: Path, workers: int) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.args = [sys.executable, "-m", "sync.server.cli", "--db", db_url, "--data-dir",
                     str(data_dir), "serve", "--port", str(self.port), "--workers",
                     str(workers)]
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        import http.client

        self.proc = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    time.sleep(1)  # every worker up
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc: object) -> None:
        assert self.proc is not None
        self.proc.terminate()
        self.proc.wait(timeout=60)

    def cpu_seconds(self) -> float:
        """User + system CPU of the server's processes (the supervisor and its workers)."""
        assert self.proc is not None
        pids = [self.proc.pid]
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
            pids += [int(x) for x in children.split()]
        except OSError:
            pass
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total


# -- the load generator ----------------------------------------------------------------------
def _device_loop(port: int, dev: dict[str, Any], mix: float, rate: float | None,
                 seconds: float, ready: Any, out: list[tuple[str, float]]) -> None:
    """One laptop. With a ``rate`` (syncs per second of this device) its syncs are due at
    random moments (a Poisson process), as 10,000 laptops each syncing every few minutes
    are, and each one's time is taken from when it was due: a sync that had to wait for the
    previous one to end counts its wait. Without, it syncs back to back (saturation)."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {**HEADERS, "Authorization": f"Bearer {dev['token']}",
               "X-Liaison-Device": dev["device"]}
    cursor = 0
    rng = random.Random(dev["device"])

    def call(path: str, body: dict[str, Any]) -> dict[str, Any]:
        payload = json.dumps(body, ensure_ascii=False).encode()
        try:
            conn.request("POST", path, payload, headers)
            response = conn.getresponse()
        except (ConnectionError, http.client.RemoteDisconnected):
            # The server closed an idle keep-alive connection: a laptop opens a new one.
            conn.close()
            conn.request("POST", path, payload, headers)
            response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status} {data[:200]!r}")
        return json.loads(data)

    def pull() -> None:
        nonlocal cursor
        while True:
            page = call("/sync/pull", {"since": cursor, "limit": 2000})
            cursor = page["next"]
            if not page["more"]:
                return

    pull()  # catch up first: the measured syncs are those of a laptop already in step
    # The measured window starts when every device has caught up, so that syncs done per
    # second are counted over the time the load was offered.
    ready.wait()
    until = time.monotonic() + seconds
    due = time.perf_counter()
    while True:
        if rate is not None:
            due += rng.expovariate(rate)
            if time.monotonic() + (due - time.perf_counter()) >= until:
                return
            time.sleep(max(0.0, due - time.perf_counter()))
        elif time.monotonic() >= until:
            return
        else:
            due = time.perf_counter()
        push = rng.random() < mix
        if push:
            ops = [{"op_id": uuid.uuid4().hex, "table": "visit", "record_id": str(uuid.uuid4()),
                    "base_version": 0, "creating": True, "device_time": "2026-11-27T09:00:00",
                    "changes": {"enterprise_id": rng.choice(dev["enterprises"]),
                                "visit_at": "2026-11-27T09:00:00", "summary": SUMMARY,
                                "deleted": False}}
                   for _ in range(rng.randint(1, 5))]
            call("/sync/push", {"ops": ops})
        pull()
        out.append(("push" if push else "pull", time.perf_counter() - due))


def _generator(port: int, devices: list[dict[str, Any]], mix: float, rate: float | None,
               seconds: float, start_at: float, queue: Any) -> None:
    """One load-generator process: a thread per simulated device."""
    import threading

    while time.time() < start_at:
        time.sleep(0.01)
    out: list[tuple[str, float]] = []
    each = None if rate is None else rate / len(devices)
    ready = threading.Barrier(len(devices))
    threads = [threading.Thread(target=_device_loop,
                                args=(port, d, mix, each, seconds, ready, out))
               for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(out)


def _pct(values: list[float], q: float) -> float:
    return 1000 * values[int(q * (len(values) - 1))] if values else float("nan")


def run_load(server: Server, devices: list[dict[str, Any]], *, mix: float, seconds: float,
             rate: float | None = None, processes: int = 2) -> dict[str, float]:
    """``rate``: syncs per second over all devices (None: each device back to back)."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    start_at = time.time() + 3  # every generator's threads start together
    share = None if rate is None else rate / processes
    procs = [ctx.Process(target=_generator, args=(server.port, devices[i::processes], mix,
                                                  share, seconds, start_at, queue))
             for i in range(processes)]
    for proc in procs:
        proc.start()
    while time.time() < start_at:
        time.sleep(0.01)
    cpu0 = server.cpu_seconds()
    results: list[tuple[str, float]] = []
    for _ in procs:
        results += queue.get()
    cpu = server.cpu_seconds() - cpu0
    for proc in procs:
        proc.join()
    lat = sorted(t for _, t in results)
    pushes = sorted(t for k, t in results if k == "push")
    return {"syncs": len(results), "per_s": len(results) / seconds, "pushes": len(pushes),
            "p50_ms": 1000 * statistics.median(lat), "p95_ms": _pct(lat, 0.95),
            "p99_ms": _pct(lat, 0.99), "push_p95_ms": _pct(pushes, 0.95), "cpu_s": cpu}


def cpu_per_request(server: Server, devices: list[dict[str, Any]], *, seconds: float
                    ) -> tuple[float, float]:
    """Server CPU per no-op pull and per push sync, each from a load of only that kind
    (20 devices: enough to keep the server busy without queueing)."""
    few = devices[:20]
    pulls = run_load(server, few, mix=0.0, seconds=seconds, processes=1)
    pushes = run_load(server, few, mix=1.0, seconds=seconds, processes=1)
    # A push sync is a push then a pull that brings nothing new of its own (the laptop's own
    # records are not echoed) but other devices' pushes.
    return 1000 * pulls["cpu_s"] / pulls["syncs"], 1000 * pushes["cpu_s"] / pushes["syncs"]


def bench_database(name: str, db_url: str, workers: int, seconds: float,
                   rates: list[float]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        devices = seed(db_url)
        with Server(db_url=db_url, data_dir=Path(tmp) / "server", workers=workers) as server:
            pull_ms, push_ms = cpu_per_request(server, devices, seconds=min(seconds, 10))
            print(f"{name}, {workers} process(es): server CPU per no-op pull {pull_ms:.2f} ms, "
                  f"per push sync {push_ms:.2f} ms (targets 0.8 and 4 ms)", flush=True)
            for rate in [*rates, None]:
                load = os.getloadavg()[0]
                mixed = run_load(server, devices, mix=0.2, seconds=seconds, rate=rate)
                what = ("back to back (saturation)" if rate is None
                        else f"{rate:.0f} syncs/s due")
                print(f"  {DEVICES} devices, {what}: {mixed['per_s']:.0f} syncs/s done "
                      f"({mixed['syncs']} syncs, {mixed['pushes']} with a push), p50 "
                      f"{mixed['p50_ms']:.1f} ms, p95 {mixed['p95_ms']:.1f} ms, p99 "
                      f"{mixed['p99_ms']:.1f} ms, p95 of push syncs "
                      f"{mixed['push_p95_ms']:.1f} ms (load average {load:.1f} before, "
                      f"{os.getloadavg()[0]:.1f} after)", flush=True)


# -- PostgreSQL with fsync on ------------------------------------------------------------------
def fsync_postgres() -> str:
    url = os.environ.get("LIAISON_BENCH_PG_URL")
    if url:
        return url
    env = {**os.environ, "LIAISON_PG_PORT": "55439", "LIAISON_PG_DIR": "/tmp/liaison-pg-bench",
           "LIAISON_PG_FSYNC": "on", "LIAISON_PG_DB": "liaison_bench"}
    return subprocess.run(["scripts/ci-postgres.sh"], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def fresh_postgres(url: str) -> str:
    from tests.sync.conftest import reset_postgres

    reset_postgres(url)
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10 s of load instead of 30")
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--province", action="store_true",
                        help="also fill a province-size database and time pulls and counts")
    args = parser.parse_args()
    seconds = 10.0 if args.quick else 30.0
    print(f"2 load-generator processes, {DEVICES} devices; {os.cpu_count()} CPUs, load "
          f"average {os.getloadavg()[0]:.1f}", flush=True)
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            bench_database("SQLite", f"sqlite:///{tmp}/server.sqlite3", 1, seconds,
                           [300.0, 500.0])
    if args.only in (None, "postgres"):
        try:
            url = fsync_postgres()
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"PostgreSQL with fsync on could not be started: {exc}")
        else:
            bench_database("PostgreSQL (fsync on)", fresh_postgres(url), 2, seconds,
                           [300.0, 500.0])
    if args.province:
        from tests.perf import province

        province.main(postgres_url=None if args.only == "sqlite" else fsync_postgres(),
                      sqlite=args.only != "postgres")


if __name__ == "__main__":
    main()
