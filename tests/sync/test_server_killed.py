"""The server process is killed in the middle of a push and started again."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from liaison_app.core.models import OutboxOp
from tests.sync.conftest import PASSWORD, free_port, new_enterprise, new_visit


def cli(*args: str, data: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--data-dir", str(data),
                           *args], input=stdin, text=True, capture_output=True, check=True)


def start(data: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "--data-dir", str(data),
                             "serve", "--port", str(port)])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server did not start")


def server_counts(data: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(data / "server.sqlite3")
    try:
        records = conn.execute("SELECT count(*) FROM record WHERE \"table\" = 'visit'"
                               ).fetchone()
        changes = conn.execute("SELECT count(*) FROM change_log WHERE \"table\" = 'visit'"
                               ).fetchone()
        versions = conn.execute("SELECT max(version) FROM record WHERE \"table\" = 'visit'"
                                ).fetchone()
        return records[0], changes[0], versions[0] or 0
    finally:
        conn.close()


def test_kill_mid_push_then_restart(tmp_path: Path, make_device: Any) -> None:
    data = tmp_path / "srv"
    port = free_port()
    cli("user", "add", "centre", "--role", "center", "--password-stdin", data=data,
        stdin=PASSWORD + "\n")
    proc = start(data, port)
    try:
        dev = make_device("centre-pc")
        dev.login(type("S", (), {"url": f"http://127.0.0.1:{port}"})(), "centre")
        dev.engine.batch_size = 100
        ent = new_enterprise("被中断的企业")
        total = 3000
        for i in range(total):
            new_visit(ent, f"记录{i}")
        result: dict[str, Any] = {}
        worker = threading.Thread(target=lambda: result.update(report=dev.sync()))
        worker.start()
        deadline = time.monotonic() + 30
        while server_counts(data)[1] == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert server_counts(data)[1] < total  # killed part-way through the push
        worker.join(timeout=60)
        assert result["report"].outcome == "offline", result["report"].message
        dev.use()
        left = OutboxOp.select().count()
        assert 0 < left <= total + 1
        proc = start(data, port)
        report = dev.sync()
        assert report.ok, report.message
        dev.use()
        assert OutboxOp.select().count() == 0
        assert server_counts(data) == (total, total, 1)
    finally:
        proc.kill()
        proc.wait()
