"""What operations see: readiness, Prometheus metrics (summed over worker processes, only
for the scrape address or token) and the access log (rotated without losing lines)."""
from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import peewee
import pytest

from sync.server.app import ServerConfig
from sync.server.models import server_db
from tests.sync.conftest import free_port, running_server, sign_in

ROOT = Path(__file__).resolve().parents[2]


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one series in Prometheus' text format (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            series, value = line.rsplit(" ", 1)
            got = series[len(name):].strip("{}")
            if ",".join(sorted(got.split(","))) == wanted or (not labels and not got):
                return float(value)
    return 0.0


def test_ready_answers_only_when_the_database_does(tmp_path: Path, db_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with running_server(ServerConfig(db_url=db_url, data_dir=tmp_path / "s")) as live:
        assert httpx.get(live.url + "/ready").status_code == 200

        def down(*_args: Any, **_kwargs: Any) -> Any:
            raise peewee.OperationalError("database unreachable")

        monkeypatch.setattr(server_db.obj, "execute_sql", down)
        r = httpx.get(live.url + "/ready")
        assert r.status_code == 503 and r.json()["code"] == "not_ready", r.text
        assert httpx.get(live.url + "/health").status_code == 200  # alive all the same
        monkeypatch.undo()
        assert httpx.get(live.url + "/ready").status_code == 200


def test_metrics_only_for_the_scrape_address_or_token(tmp_path: Path, db_url: str) -> None:
    config = ServerConfig(db_url=db_url, data_dir=tmp_path / "s", metrics_token="scrape-secret")
    with running_server(config) as live:
        headers = sign_in(live, "centre", "center", "centre-pc")
        assert httpx.get(live.url + "/metrics").status_code == 403
        bad = httpx.get(live.url + "/metrics", headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 403
        scrape = {"Authorization": "Bearer scrape-secret"}
        before = httpx.get(live.url + "/metrics", headers=scrape).text
        op = {"op_id": "op-1", "table": "enterprise",
              "record_id": "6f1c2d4e-0000-4000-8000-000000000001", "base_version": 0,
              "creating": True, "device_time": "2026-11-27T09:00:00",
              "changes": {"name": "鲁西化工有限公司", "town": "城关街道", "deleted": False}}
        assert httpx.post(live.url + "/sync/push", headers=headers,
                          json={"ops": [op]}).status_code == 200
        for _ in range(3):
            assert httpx.post(live.url + "/sync/pull", headers=headers,
                              json={"since": 0}).status_code == 200
        r = httpx.get(live.url + "/metrics", headers=scrape)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
        after = r.text
    pulls = {"route": "/sync/pull", "method": "POST", "status": "200"}
    assert (_sample(after, "liaison_http_requests_total", **pulls)
            - _sample(before, "liaison_http_requests_total", **pulls)) == 3
    assert (_sample(after, "liaison_push_operations_total", result="applied")
            - _sample(before, "liaison_push_operations_total", result="applied")) == 1
    assert _sample(after, "liaison_sequence_lock_held_seconds_count") >= 1
    assert "liaison_http_request_duration_seconds_bucket" in after
    assert "Bearer" not in after and "scrape-secret" not in after


def test_access_log_one_line_per_request_no_secrets_survives_rotation(
        tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    config = ServerConfig(db_url=f"sqlite:///{tmp_path / 's' / 'server.sqlite3'}",
                          data_dir=tmp_path / "s", access_log=str(log))
    with running_server(config) as live:
        headers = sign_in(live, "centre", "center", "centre-pc")
        token = headers["Authorization"].split()[1]
        assert httpx.post(live.url + "/sync/pull?x=secret-query", headers=headers,
                          json={"since": 0}).status_code == 200
        assert httpx.get(live.url + "/attachments/" + "a" * 64,
                         headers=headers).status_code in (403, 404)
        assert httpx.post(live.url + "/sync/pull", headers={**headers,
                          "X-Liaison-Device": "evil 127.0.0.1 fake line"},
                          json={"since": 0}).status_code == 401
        # A line is written once its answer has gone out: wait for the last one.
        deadline = time.monotonic() + 10
        while " 401 " not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.02)
        log.rename(tmp_path / "access.log.1")  # what logrotate does
        assert httpx.get(live.url + "/health").status_code == 200
    rotated = (tmp_path / "access.log.1").read_text(encoding="utf-8").splitlines()
    fresh = log.read_text(encoding="utf-8").splitlines()
    text = "\n".join(rotated + fresh)
    assert token not in text and "secret-query" not in text and "a" * 64 not in text
    assert "fake line" not in text
    pull = next(line for line in rotated if " /sync/pull 200 " in line)
    stamp, address, device, method, route, status, took, sent_in, sent_out = pull.split()
    assert (address, device, method, route) == ("127.0.0.1", "centre-pc", "POST", "/sync/pull")
    assert took.endswith("ms") and sent_in == "in=11"  # {"since":0} and int(sent_out[4:]) > 0
    assert stamp.endswith("Z") and stamp[:2] == "20"
    assert any(" /attachments/{sha256:sha256} " in line for line in rotated)
    assert any(" ? POST /sync/pull 401 " in line for line in rotated)
    assert len(fresh) == 1 and " GET /health 200 " in fresh[0]


def test_metrics_add_up_over_worker_processes(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    server = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--db",
         f"sqlite:///{tmp_path / 'server.sqlite3'}", "--data-dir", str(tmp_path / "s"),
         "serve", "--port", str(port), "--workers", "2", "--metrics-from", "127.0.0.1",
         "--prune-every", "0"], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env=env)

    def get(path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()

    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None and time.monotonic() < deadline
            try:
                if get("/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        time.sleep(2)  # the second worker too
        # Each on a connection of its own: the workers share them out between them.
        for _ in range(40):
            assert get("/health")[0] == 200
        # A request is counted just after its answer has gone out: give the last one a moment.
        settle = time.monotonic() + 10
        while _sample(get("/metrics")[1], "liaison_http_requests_total", route="/health",
                      method="GET", status="200") < 41 and time.monotonic() < settle:
            time.sleep(0.1)
        # Whichever worker answers a scrape, it reports every worker's requests.
        scrapes = [get("/metrics") for _ in range(6)]
    finally:
        server.terminate()
        server.wait(timeout=60)
    for status, body in scrapes:
        assert status == 200
        assert _sample(body, "liaison_http_requests_total", route="/health", method="GET",
                       status="200") >= 41
    totals = {_sample(b, "liaison_http_requests_total", route="/health", method="GET",
                      status="200") for _s, b in scrapes}
    assert len(totals) == 1  # no scrape saw only its own worker's share
