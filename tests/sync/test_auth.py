"""Authorisation on every call, scope, revoked devices, secrets never stored in plain text."""
from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from liaison_app.core.models import LocalState, OutboxOp, Visit
from sync import protocol as p
from sync.server import auth, evaluation_web
from sync.server.app import _OPEN_PATHS, ServerConfig
from sync.server.cli import build_parser
from sync.server.models import AuditEvent, Device, connection, is_postgres, server_db
from tests.sync.conftest import PASSWORD, new_visit, running_server, sign_in

HEADERS = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: "2"}
SHA = "a" * 64


def routes(server: Any) -> list[tuple[str, str]]:
    out = []
    for route in server.server.config.app.routes:
        # The phone scoring page's link is its key (tests/sync/test_phone_scoring.py).
        if isinstance(route, APIRoute) and route.path not in _OPEN_PATHS \
                and not evaluation_web.is_public(route.path):
            for method in route.methods:
                out.append((method, route.path_format.replace("{sha256}", SHA)))
    return out


def test_every_endpoint_needs_a_token(server: Any) -> None:
    found = routes(server)
    assert len(found) >= 6
    for method, path in found:
        if path == "/auth/login":
            continue
        for headers in (HEADERS, {**HEADERS, "Authorization": "Bearer forged"}):
            r = httpx.request(method, server.url + path, headers=headers,
                              params={"offset": 0, "total": 1}, json={})
            assert r.status_code == 401, (method, path, r.status_code)
            assert r.json()["code"] == "unauthorized"


def test_a_token_works_only_from_the_device_it_was_issued_to(server: Any) -> None:
    mine = sign_in(server, "zhao", "center", device="zhao-pc")
    without_device = {k: v for k, v in mine.items() if k != p.HEADER_DEVICE}
    copied = {**mine, p.HEADER_DEVICE: "another-pc"}
    for method, path in routes(server):
        if path == "/auth/login":
            continue
        for headers in (without_device, copied):
            r = httpx.request(method, server.url + path, headers=headers,
                              params={"offset": 0, "total": 1}, json={})
            assert r.status_code == 401, (method, path, headers.get(p.HEADER_DEVICE))
            assert r.json()["code"] == "unauthorized"
    # From its own device the token works, and the refusals above did not revoke it.
    r = httpx.get(server.url + "/me", headers=mine)
    assert r.status_code == 200 and r.json()["username"] == "zhao"
    r = httpx.post(server.url + "/sync/pull", headers=mine, json={})
    assert r.status_code == 200


def test_health_needs_no_token(server: Any) -> None:
    r = httpx.get(server.url + "/health")
    assert r.status_code == 200 and r.json()["protocol"] == p.PROTOCOL_VERSION


def test_officer_cannot_write_or_read_outside_scope(county: dict[str, Any]) -> None:
    li, wang = county["li"], county["wang"]
    assert wang.sync().ok
    wang.use()
    theirs = new_visit(county["e2"], "王的走访")
    assert wang.sync().ok
    assert li.sync().ok
    li.use()
    assert Visit.get_or_none(Visit.id == theirs.id) is None
    # Forge a change to wang's enterprise from li's laptop: it comes back refused, visible.
    OutboxOp.create(table="visit", record_id=str(uuid.uuid4()), base_version=0, creating=True,
                    changes={"enterprise_id": county["e2"], "summary": "越权记录"})
    mine = new_visit(county["e1"], "正常记录")
    report = li.sync()
    assert report.ok and report.rejected == 1 and report.pushed == 1
    li.use()
    refused = OutboxOp.get(OutboxOp.state == "rejected")
    assert json.loads(refused.last_error)["reason"] == "out_of_scope"
    assert "not assigned to you" in json.loads(refused.last_error)["en"]
    assert OutboxOp.select().where(OutboxOp.record_id == mine.id).count() == 0


def test_viewer_reads_everything_changes_nothing(county: dict[str, Any],
                                                make_device: Any) -> None:
    server = county["server"]
    assert county["li"].sync().ok
    county["li"].use()
    new_visit(county["e1"])
    assert county["li"].sync().ok
    server.add_user("leader", "viewer")
    viewer = make_device("leader-pc")
    viewer.login(server, "leader")
    assert viewer.sync().ok
    viewer.use()
    assert Visit.select().count() == 1
    v = Visit.get()
    v.summary = "领导改的"
    v.save()
    report = viewer.sync()
    assert report.rejected == 1
    assert json.loads(OutboxOp.get().last_error)["reason"] == "read_only"


def test_revoked_device_is_told_in_words(county: dict[str, Any]) -> None:
    li = county["li"]
    assert li.sync().ok
    li.use()
    new_visit(county["e1"])
    with connection():
        Device.update(revoked=True).where(Device.name == "li-laptop").execute()
    report = li.sync()
    assert report.outcome == "signin"
    assert "withdrew this laptop's access" in str(report.message)
    li.use()
    assert OutboxOp.select().count() == 1


def test_no_plaintext_password_or_token_in_server_database(county: dict[str, Any],
                                                          tmp_path: Path) -> None:
    li = county["li"]
    li.use()
    token = LocalState.get_value("sync.token")
    assert token
    if is_postgres(server_db.obj):
        pytest.skip("file check is for the SQLite server")
    server_db.obj.execute_sql("PRAGMA wal_checkpoint(FULL)")
    raw = b"".join(f.read_bytes() for f in (tmp_path / "server").glob("server.sqlite3*"))
    assert PASSWORD.encode() not in raw
    assert token.encode() not in raw
    assert b"$argon2" in raw


def test_login_attempts_are_rate_limited(server: Any) -> None:
    server.add_user("zhao", "liaison")
    body = {"username": "zhao", "password": "wrong password", "device_id": "d1"}
    codes = [httpx.post(server.url + "/auth/login", headers=HEADERS, json=body).status_code
             for _ in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    good = httpx.post(server.url + "/auth/login", headers=HEADERS,
                      json={**body, "password": PASSWORD})
    assert good.status_code == 429  # even the right password waits out the window
    # Every refusal is in the audit log with its reason and address, and no password; a
    # flood while rate limited is written once per window.
    for _ in range(20):
        httpx.post(server.url + "/auth/login", headers=HEADERS, json=body)
    # A password typed as the user name is not kept: unknown names are not written down.
    httpx.post(server.url + "/auth/login", headers=HEADERS,
               json={**body, "username": "Secret#2026\nforged line"})
    with connection():
        refused = [(e.actor, e.detail, e.address) for e in AuditEvent.select().where(
            AuditEvent.action == "login_failed").order_by(AuditEvent.id)]
        everything = " ".join(f"{e.actor} {e.target} {e.detail}" for e in AuditEvent.select())
    assert refused == ([("zhao", "bad_credentials", "127.0.0.1")] * 5
                       + [("zhao", "rate_limited", "127.0.0.1")]
                       + [(auth.UNKNOWN_ACCOUNT, "bad_credentials", "127.0.0.1")])
    assert "wrong password" not in everything and PASSWORD not in everything
    assert "Secret#2026" not in everything


def test_a_device_name_cannot_forge_lines_in_the_audit_listing(
        server: Any, capsys: pytest.CaptureFixture[str]) -> None:
    server.add_user("li", "liaison")
    forged = "pc\n2026-11-26 09:00:00  login  centre\x1b[8m"
    r = httpx.post(server.url + "/auth/login", headers=HEADERS, json={
        "username": "li", "password": PASSWORD, "device_id": "d1", "device_name": forged})
    assert r.status_code == 200
    args = build_parser().parse_args(["audit"])
    with connection():
        assert args.func(args) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [line.split()[2] for line in lines[1:]] == ["login", "user_added", "schema_upgraded"]
    assert "\x1b" not in out and "pc\\n2026-11-26" in out


def failed_sign_ins() -> list[tuple[str, str, str]]:
    with connection():
        return [(e.actor, e.detail, e.address) for e in AuditEvent.select().where(
            AuditEvent.action == "login_failed").order_by(AuditEvent.id)]


def test_parallel_wrong_passwords_are_limited_like_serial_ones(server: Any) -> None:
    server.add_user("zhao", "liaison")
    body = {"username": "zhao", "password": "wrong password", "device_id": "d1"}
    attempts = 16
    together = threading.Barrier(attempts)

    def attempt(_: int) -> int:
        together.wait()  # all at once: none of them is counted before the others start
        return httpx.post(server.url + "/auth/login", headers=HEADERS, json=body,
                          timeout=60).status_code

    with ThreadPoolExecutor(attempts) as pool:
        codes = sorted(pool.map(attempt, range(attempts)))
    limit = auth.MAX_FAILURES_PER_USER
    assert codes == [401] * limit + [429] * (attempts - limit)
    # Only the attempts within the limit had their password checked.
    checked = [f for f in failed_sign_ins() if f[1] == "bad_credentials"]
    assert len(checked) == limit
    right = httpx.post(server.url + "/auth/login", headers=HEADERS,
                       json={**body, "password": PASSWORD})
    assert right.status_code == 429


def test_forwarded_for_from_a_client_is_not_believed(server: Any) -> None:
    """Without a configured proxy, a client naming a new address on every attempt still
    meets the per-address limit, and the audit shows where the attempts really came from."""
    for i in range(auth.MAX_FAILURES_PER_ADDRESS):
        r = httpx.post(server.url + "/auth/login",
                       headers={**HEADERS, "X-Forwarded-For": f"198.51.100.{i}"},
                       json={"username": f"guess{i}", "password": "x", "device_id": "d1"})
        assert r.status_code == 401
    r = httpx.post(server.url + "/auth/login",
                   headers={**HEADERS, "X-Forwarded-For": "198.51.100.250"},
                   json={"username": "guess-again", "password": "x", "device_id": "d1"})
    assert r.status_code == 429
    assert {address for _, _, address in failed_sign_ins()} == {"127.0.0.1"}


def test_forwarded_for_from_a_configured_proxy_names_the_client(tmp_path: Path,
                                                               db_url: str) -> None:
    config = ServerConfig(db_url=db_url, data_dir=tmp_path / "server",
                          trusted_proxies=("127.0.0.1", "10.0.0.0/8"))
    with running_server(config) as server:
        server.add_user("zhao", "liaison")

        def refused_from(forwarded: str) -> str:
            httpx.post(server.url + "/auth/login",
                       headers={**HEADERS, "X-Forwarded-For": forwarded},
                       json={"username": "zhao", "password": "wrong", "device_id": "d1"})
            return failed_sign_ins()[-1][2]

        assert refused_from("203.0.113.9") == "203.0.113.9"
        # What the client wrote before the proxy's own entry is not believed; an inner
        # proxy (10.x) is skipped to find the client it forwarded for.
        assert refused_from("192.0.2.66, 203.0.113.10") == "203.0.113.10"
        assert refused_from("203.0.113.11, 10.1.2.3") == "203.0.113.11"
        r = httpx.post(server.url + "/auth/login",
                       headers={**HEADERS, "X-Forwarded-For": "203.0.113.12"},
                       json={"username": "zhao", "password": PASSWORD, "device_id": "d1"})
        assert r.status_code == 200
        with connection():
            signed_in = AuditEvent.get(AuditEvent.action == "login")
        assert signed_in.address == "203.0.113.12"
