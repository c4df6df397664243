"""Four server processes on one PostgreSQL, pushers and pullers in processes of their own:
no puller misses a record, and the counts sent with a page always describe exactly the
records up to that page's cursor (one read-only snapshot per pull)."""
from __future__ import annotations

import datetime as dt
import http.client
import json
import multiprocessing as mp
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.sync.conftest import PG_URL, free_port, reset_postgres, worker_postgres_url

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
PUSH_SECONDS = 6.0


def _seed(url: str) -> dict[str, Any]:
    """A centre account and an officer with two of three enterprises; signed-in devices
    (tokens made here: no argon2 sign-in needed)."""
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

    db = open_server_database(url)
    ents = [str(uuid.uuid4()) for _ in range(3)]
    tokens: dict[str, tuple[str, str]] = {}
    with connection():
        with write_transaction():
            counter = SeqCounter()
            for i, ent in enumerate(ents):
                server_write(table="enterprise", record_id=ent, counter=counter,
                             data={"name": f"企业{i}", "town": "城关街道", "deleted": False})
            counter.flush()
        users = {}
        for name, role in (("centre", "center"), ("li", "liaison")):
            with write_transaction():
                users[name] = User.create(username=name, password_hash="-", role=role,
                                          officer_id=str(uuid.uuid4()))
        auth.assign(username="li", enterprise_ids=ents[:2])
        devices = [("centre", f"pusher-{n}") for n in range(3)] + [
            ("li", "pusher-li"), ("centre", "puller-centre"), ("li", "puller-li")]
        for user, device in devices:
            token = secrets.token_urlsafe(32)
            Device.create(user=users[user], device_id=device, name=device,
                          token_hash=auth.hash_token(token), last_seen=utcnow(),
                          expires_at=utcnow() + dt.timedelta(days=365))
            tokens[device] = (token, user)
    db.close_all()
    return {"ents": ents, "tokens": tokens, "schema": str(LATEST_VERSION)}


class _Client:
    def __init__(self, port: int, device: str, token: str, schema: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {"X-Liaison-Protocol": "1", "X-Liaison-Schema": schema,
                        "Content-Type": "application/json", "X-Liaison-Device": device,
                        "Authorization": f"Bearer {token}"}

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        self.conn.request("POST", path, json.dumps(body, ensure_ascii=False).encode(),
                          self.headers)
        response = self.conn.getresponse()
        data = response.read()
        assert response.status == 200, (path, response.status, data[:300])
        return json.loads(data)


def _pusher(port: int, device: str, token: str, schema: str, ents: list[str],
            queue: Any) -> None:
    """Push batches of 1–5 new visits back to back; report every id the server took."""
    client = _Client(port, device, token, schema)
    pushed: list[tuple[str, str]] = []
    until = time.monotonic() + PUSH_SECONDS
    n = 0
    while time.monotonic() < until:
        n += 1
        ops = []
        for _ in range(1 + n % 5):
            ent = ents[(n + len(ops)) % len(ents)]
            ops.append({"op_id": uuid.uuid4().hex, "table": "visit",
                        "record_id": str(uuid.uuid4()), "base_version": 0, "creating": True,
                        "device_time": "2026-11-27T09:00:00",
                        "changes": {"enterprise_id": ent, "visit_at": "2026-11-27T09:00:00",
                                    "summary": "走访𠮷", "deleted": False}})
        answer = client.post("/sync/push", {"ops": ops})
        for op, result in zip(ops, answer["results"], strict=True):
            if result["status"] == "applied":
                pushed.append((op["record_id"], op["changes"]["enterprise_id"]))
    queue.put(("pushed", device, pushed))


def _puller(port: int, device: str, token: str, schema: str, pushed_all: Any,
            queue: Any) -> None:
    """Pull with counts until the pushers are done and one more time after; every page's
    counts are compared with what this puller holds once it has applied the page."""
    client = _Client(port, device, token, schema)
    held: dict[tuple[str, str], int] = {}
    cursor = checks = 0
    disagreed: list[str] = []
    last = False
    while True:
        if pushed_all.is_set():
            last = True
        while True:
            page = client.post("/sync/pull", {"since": cursor, "limit": 50,
                                              "want_counts": True})
            for rec in page["records"]:
                held[(rec["table"], rec["id"])] = rec["version"]
            for gone in page["gone"]:
                held.pop((gone["table"], gone["id"]), None)
            cursor = page["next"]
            if not page["more"]:
                break
        mine: dict[str, dict[str, int]] = {}
        for (table, _rid), version in held.items():
            tally = mine.setdefault(table, {"count": 0, "version_sum": 0})
            tally["count"] += 1
            tally["version_sum"] += version
        checks += 1
        if page["counts"] != mine:
            disagreed.append(f"at {cursor}: server {page['counts']}, puller {mine}")
        if last:
            break
    queue.put(("pulled", device, sorted(rid for _t, rid in held), checks, disagreed))


def test_four_processes_no_puller_misses_a_record_and_counts_agree(tmp_path: Path) -> None:
    if not PG_URL:
        pytest.skip("set LIAISON_TEST_PG_URL (scripts/ci-postgres.sh) to run on PostgreSQL")
    url = worker_postgres_url(PG_URL)
    reset_postgres(url)
    seeded = _seed(url)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--db", url, "--data-dir",
         str(tmp_path / "server"), "serve", "--port", str(port), "--workers", "4",
         "--prune-every", "0"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        ready = 0
        while ready < 8:  # answered several times in a row: every worker is up
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/ready")
                ready = ready + 1 if conn.getresponse().status == 200 else 0
                conn.close()
            except OSError:
                time.sleep(0.2)
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        tokens, schema, ents = seeded["tokens"], seeded["schema"], seeded["ents"]
        pushed_all = ctx.Event()
        procs = []
        for device, (token, user) in tokens.items():
            if device.startswith("pusher"):
                mine = ents if user == "centre" else ents[:2]
                procs.append(ctx.Process(target=_pusher,
                                         args=(port, device, token, schema, mine, queue)))
            else:
                procs.append(ctx.Process(target=_puller,
                                         args=(port, device, token, schema, pushed_all, queue)))
        for proc in procs:
            proc.start()
        pushers = sum(1 for device in tokens if device.startswith("pusher"))
        answers = [queue.get(timeout=180) for _ in range(pushers)]
        pushed_all.set()  # the pullers make one more pass and stop
        answers += [queue.get(timeout=180) for _ in range(len(procs) - pushers)]
        for proc in procs:
            proc.join(timeout=30)
            assert proc.exitcode == 0
    finally:
        server.terminate()
        server.wait(timeout=60)

    pushed = [(rid, ent) for kind, *rest in answers if kind == "pushed" for rid, ent in rest[1]]
    pulled = {rest[0]: rest[1:] for kind, *rest in answers if kind == "pulled"}
    assert len(pushed) > 50  # the load was real
    centre_ids, centre_checks, centre_bad = pulled["puller-centre"]
    li_ids, li_checks, li_bad = pulled["puller-li"]
    assert set(rid for rid, _ in pushed) <= set(centre_ids)
    assert {rid for rid, ent in pushed if ent != ents[2]} <= set(li_ids)
    assert not {rid for rid, ent in pushed if ent == ents[2]} & set(li_ids)
    assert centre_checks > 3 and li_checks > 3
    assert centre_bad == [] and li_bad == []

    # The counts every write kept are what the records themselves add up to.
    from sync.server.models import connection, open_server_database
    from sync.server.store import kept_counts, recount

    db = open_server_database(url)
    try:
        with connection():
            assert kept_counts() == recount()
    finally:
        db.close_all()
