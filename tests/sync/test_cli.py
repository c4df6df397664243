"""The command lines: ``liaison-server`` administration and ``liaison login/sync/status``."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from liaison_app.core.db import open_database
from liaison_app.core.models.sync_records import SyncSetAside
from liaison_app.core.paths import DataPaths
from tests.sync.conftest import PASSWORD, VERSIONS, free_port, new_enterprise


def liaison(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    code = "import sys; from liaison_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, "--data-dir", str(data), *args],
                          input=stdin, text=True, capture_output=True, timeout=60)


def server_cli(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--data-dir", str(data),
                           *args], input=stdin, text=True, capture_output=True, timeout=60)


def test_login_sync_status(server: Any, tmp_path: Path) -> None:
    server.add_user("centre", "center")
    data = tmp_path / "laptop"
    bad = liaison(data, "login", "--server", server.url, "--user", "centre",
                  "--password-stdin", stdin="wrong\n")
    # The command line answers in the app's language (Chinese unless changed).
    assert bad.returncode == 1 and "用户名或密码错误" in bad.stderr
    ok = liaison(data, "login", "--server", server.url, "--user", "centre", "--password-stdin",
                 stdin=PASSWORD + "\n")
    assert ok.returncode == 0, ok.stderr
    db = open_database(DataPaths(data))
    new_enterprise("命令行企业")
    db.close()
    out = liaison(data, "status")
    assert "1" in out.stdout.splitlines()[1], out.stdout
    synced = liaison(data, "sync")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "1" in synced.stdout
    out = liaison(data, "status")
    assert out.returncode == 0 and out.stdout.splitlines()[1].endswith("0")
    # A record the sync could not apply is counted and named with its reason, in Chinese.
    db = open_database(DataPaths(data))
    SyncSetAside.create(table="visit", record_id="3f0c1d2e-0000-4000-8000-000000000009",
                        payload=json.dumps({"table": "visit", "version": 3}),
                        reason=json.dumps({"en": "visit_at: not a date and time",
                                           "zh": "走访时间：不是日期时间"}, ensure_ascii=False),
                        app_version="0")
    db.close()
    out = liaison(data, "status")
    assert out.returncode == 0
    assert "（已搁置）：1" in out.stdout, out.stdout
    assert "走访 走访（本机已无此记录）：走访时间：不是日期时间" in out.stdout, out.stdout


def test_admin_commands(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    csv = tmp_path / "ents.csv"
    csv.write_text("企业名称,统一社会信用代码,镇街\n鲁西化工,91110000600037341L,城关\n"
                   "坏代码企业,91110000600O37341L,城关\n", encoding="utf-8")
    r = server_cli(data, "import", "enterprises", str(csv))
    assert r.returncode == 1 and "1 of 2 rows imported: 1 new" in r.stdout, r.stdout + r.stderr
    assert "Row 3 坏代码企业: not imported" in r.stdout
    r = server_cli(data, "user", "add", "li", "--role", "liaison", "--password-stdin",
                   stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    r = server_cli(data, "assign", "li", "--enterprise", "91110000600037341L")
    assert r.returncode == 0 and "1 enterprise" in r.stdout
    r = server_cli(data, "assign", "li", "--enterprise", "91371082775260043P")
    assert r.returncode == 1
    assert server_cli(data, "user", "disable", "li").returncode == 0
    assert server_cli(data, "device", "list").returncode == 0
    assert server_cli(data, "migrate").returncode == 0
    # Each administrative change is in the audit log, by the system user who ran it.
    log = server_cli(data, "audit", "--user", "li").stdout
    actions = [line.split()[2] for line in log.splitlines()[1:]]
    assert actions == ["user_disabled", "assigned", "user_added"], log
    assert "system:" in log
    imported = server_cli(data, "audit", "--action", "enterprises_imported").stdout
    assert "ents.csv" in imported and "1 created" in imported


def test_an_unusable_ca_certificate_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "county-ca.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    missing = tmp_path / "missing.pem"
    for ca, said in ((missing, f"无法读取 CA 证书文件 {missing}（文件不存在）"),
                     (bad, f"{bad} 不是 CA 证书")):
        r = liaison(tmp_path / "laptop", "login", "--server", "https://127.0.0.1:9", "--user",
                    "li", "--password-stdin", "--ca-cert", str(ca), stdin=PASSWORD + "\n")
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert said in r.stderr, r.stderr


def test_the_audit_names_the_process_user_not_what_USER_says(monkeypatch: Any) -> None:
    from sync.server.audit import admin_actor

    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    monkeypatch.setenv("SUDO_USER", "wang-it")
    actor = admin_actor()
    assert actor.startswith("system:") and "mallory" not in actor
    assert actor.endswith("(sudo by wang-it)")


def test_serve_takes_a_body_limit_and_believes_forwarded_for_only_from_its_proxies(
        tmp_path: Path) -> None:
    """``liaison-server serve`` as deployed: ``--max-body`` in MiB, and X-Forwarded-For
    ignored from loopback unless ``--trusted-proxy`` names it (uvicorn alone would
    believe any loopback caller)."""
    data = tmp_path / "srv"
    assert server_cli(data, "user", "add", "li", "--role", "liaison", "--password-stdin",
                      stdin=PASSWORD + "\n").returncode == 0
    for proxies, address in (((), "127.0.0.1"), (("--trusted-proxy", "127.0.0.1"),
                                                 "203.0.113.5")):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "--data-dir",
                                 str(data), "serve", "--port", str(port), "--max-body", "1",
                                 *proxies], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(url + "/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline and proc.poll() is None, "no server"
                time.sleep(0.1)
            big = httpx.post(url + "/sync/push", content=b"{" + b" " * (2 << 20) + b"}",
                             headers={**VERSIONS, "Content-Type": "application/json"})
            assert big.status_code == 413 and big.json()["detail"]["limit"] == 1 << 20
            refused = httpx.post(url + "/auth/login",
                                 headers={**VERSIONS, "X-Forwarded-For": "203.0.113.5"},
                                 json={"username": "li", "password": "wrong", "device_id": "d"})
            assert refused.status_code == 401
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        newest = server_cli(data, "audit", "--action", "login_failed").stdout.splitlines()[1]
        assert address in newest.split(), newest
    bad = server_cli(data, "serve", "--trusted-proxy", "the-proxy")
    assert bad.returncode == 2 and "--trusted-proxy" in bad.stderr
