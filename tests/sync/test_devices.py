"""Lost and retired laptops, a forgotten password, signing out and signing in as another
account — against a real server on loopback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from liaison_app.core.db import close_database, open_database
from liaison_app.core.models import AuditEntry, OutboxOp, Visit
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session, wipe
from liaison_app.core.security.keystore import Keystore, WrongSecret
from liaison_app.core.services import attachments
from liaison_app.core.services.errors import ServiceError
from sync import signin
from sync.server import auth
from sync.server.models import AuditEvent, connection
from sync.server.models import Device as ServerDevice
from tests.sync.conftest import PASSWORD, Device, new_visit


def _server_device(server: Any, username: str) -> ServerDevice:
    with connection():
        return (ServerDevice.select().join(auth.User)
                .where(auth.User.username == username).order_by(ServerDevice.id.desc()).get())


def _revoke(server: Any, username: str, mode: str) -> None:
    with connection():
        assert auth.revoke_device(device_pk=_server_device(server, username).id, mode=mode,
                                  by="system:test")


def _audit(server: Any) -> list[tuple[str, str]]:
    with connection():
        return [(e.action, e.detail) for e in AuditEvent.select().order_by(AuditEvent.id)]


def _leftovers(paths: DataPaths) -> list[str]:
    return sorted(str(p.relative_to(paths.root)) for p in paths.root.rglob("*")
                  if p.is_file() and p.name != wipe.MARKER)


def test_a_lost_laptop_removes_its_data_at_its_next_contact_without_pushing(
        county: dict[str, Any]) -> None:
    server, li = county["server"], county["li"]
    assert li.sync().ok
    new_visit(county["e1"], summary="丢失前未同步的走访")
    attachments.store_bytes(li.paths.attachments, b"photo of an ID card" * 100,
                            filename="身份证.jpg")
    laptop_id = _server_device(server, "li").device_id
    _revoke(server, "li", "lost")
    report = li.sync()
    assert report.outcome == "wiped" and report.pushed == 0
    assert "丢失" in report.message.text() or "lost" in report.message.text()
    # Nothing of it reached the server; nothing of it is left on the laptop.
    county["centre"].use()
    assert county["centre"].sync().ok
    assert not Visit.select().where(Visit.summary == "丢失前未同步的走访").exists()
    assert _leftovers(li.paths) == []
    assert wipe.marker(li.paths)["reason"] == "lost"
    actions = [a for a, _ in _audit(server)]
    assert "device_lost" in actions and "device_wiped" in actions
    # The thief cannot sign in again with the officer's password on that laptop.
    with connection(), pytest.raises(auth.AuthError) as info:
        auth.login(username="li", password=PASSWORD, device_id=laptop_id, device_name="x",
                   address="127.0.0.1")
    assert info.value.code == "device_lost"


def test_a_retired_laptop_pushes_everything_then_removes_its_data(
        county: dict[str, Any]) -> None:
    server, li, centre = county["server"], county["li"], county["centre"]
    assert li.sync().ok
    new_visit(county["e1"], summary="停用前最后一次走访")
    _revoke(server, "li", "retired")
    report = li.sync()
    assert report.outcome == "wiped" and report.pushed >= 1, report.message
    centre.use()
    assert centre.sync().ok
    assert Visit.select().where(Visit.summary == "停用前最后一次走访").exists()
    assert _leftovers(li.paths) == []
    assert wipe.marker(li.paths)["reason"] == "retired"
    events = _audit(server)
    assert "device_retired" in [a for a, _ in events]
    assert ("device_wiped", "retired") in events


def test_a_retired_laptop_with_refused_changes_keeps_its_data(
        county: dict[str, Any]) -> None:
    server, li = county["server"], county["li"]
    assert li.sync().ok
    new_visit(county["e1"])
    OutboxOp.update(state="rejected").execute()  # the server refused them earlier
    _revoke(server, "li", "retired")
    report = li.sync()
    assert report.outcome == "server"
    assert "refused" in report.message.text() or "拒" in report.message.text()
    li.use()
    assert Visit.select().count() >= 1  # kept


@pytest.mark.real_lock
def test_a_forgotten_password_reset_by_the_centre_opens_the_laptop_with_its_work(
        server: Any, tmp_path: Path) -> None:
    server.add_user("li", "liaison")
    paths = DataPaths(tmp_path / "li-laptop")
    info, code = signin.first_sign_in(paths=paths, server_url=server.url, username="li",
                                      password=PASSWORD)
    assert code and info.username == "li"
    store = Keystore.load(paths.root)
    assert store.owner_kind == "account" and store.has("server") and store.has("recovery")
    visit = new_visit_for_nobody()
    close_database()
    session.forget(paths)
    # The account's password unlocks offline (no server involved).
    session.unlock(paths, secret=PASSWORD)
    session.forget(paths)
    # Forgotten; the centre sets a new one on the server.
    with connection():
        auth.set_password(username="li", password="a new password from the centre")
    with pytest.raises(WrongSecret):
        session.unlock(paths, secret="a new password from the centre")
    signin.unlock_through_server(paths=paths, server_url=server.url, username="li",
                                 password="a new password from the centre")
    assert Visit.get_by_id(visit).summary == "忘记密码前的走访"
    assert OutboxOp.select().where(OutboxOp.record_id == visit).exists()
    close_database()
    session.forget(paths)
    session.unlock(paths, secret="a new password from the centre")  # offline from now on
    open_database(paths)
    assert [e.details.get("how") for e in AuditEntry.select().where(
        AuditEntry.action == "sign_in").order_by(AuditEntry.device_time)] == ["first", "server"]
    close_database()


def new_visit_for_nobody() -> str:
    from liaison_app.core.services import enterprises
    from liaison_app.core.services.enterprises import EnterpriseInput

    ent = enterprises.create(data=EnterpriseInput(name="本机新建企业"))
    return new_visit(ent.id, summary="忘记密码前的走访").id


def test_unsynced_work_is_never_sent_under_another_account(county: dict[str, Any]) -> None:
    server, li = county["server"], county["li"]
    assert li.sync().ok
    li.use()
    new_visit(county["e1"], summary="李的未同步走访")
    signin.sign_out()
    with pytest.raises(ServiceError) as info:
        signin.sign_in(paths=li.paths, server_url=server.url, username="wang",
                       password=PASSWORD)
    assert "li" in info.value.message.text()
    # The same account signs in again and the work goes out under it.
    signin.sign_in(paths=li.paths, server_url=server.url, username="li", password=PASSWORD)
    report = li.sync()
    assert report.ok and report.pushed >= 1


def test_sign_out_forgets_the_token_and_keeps_the_work(county: dict[str, Any]) -> None:
    server, li = county["server"], county["li"]
    assert li.sync().ok
    new_visit(county["e1"], summary="退出前的走访")
    signin.sign_out()
    from sync import client, credentials

    info, token = credentials.load()
    assert token == "" and info is not None and info.username == "li"
    assert client.status().pending >= 1
    assert li.sync().outcome == "signin"
    assert "logout" in [a for a, _ in _audit(server)]


@pytest.mark.real_lock
def test_liaison_cli_unlock_login_and_a_wipe_end_to_end(server: Any, tmp_path: Path) -> None:
    """The command line as a script drives it: no terminal, passwords on standard input."""
    server.add_user("li", "liaison")
    data = tmp_path / "laptop"
    code = "import sys; from liaison_app.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    def liaison(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code, "--data-dir", str(data), *args],
                              input=stdin, text=True, capture_output=True, timeout=60, env=env)

    made = liaison("--password-stdin", "demo", "--enterprises", "3", "--visits", "5",
                   stdin="a local password\n")
    assert made.returncode == 0, made.stderr
    assert liaison("search", "企业").returncode == 3
    wrong = liaison("--password-stdin", "search", "企业", stdin="not it\n")
    assert wrong.returncode == 3 and "密码错误" in wrong.stderr
    # Signing in: the laptop's own password first, then the account's, which replaces it.
    signed = liaison("--password-stdin", "login", "--server", server.url, "--user", "li",
                     "--password-stdin", stdin=f"a local password\n{PASSWORD}\n")
    assert signed.returncode == 0, signed.stderr
    assert liaison("--password-stdin", "status", stdin=f"{PASSWORD}\n").returncode == 0
    assert liaison("--password-stdin", "status", stdin="a local password\n").returncode == 3
    with connection():
        dev = ServerDevice.select().order_by(ServerDevice.id.desc()).get()
        auth.revoke_device(device_pk=dev.id, mode="lost")
    gone = liaison("--password-stdin", "sync", stdin=f"{PASSWORD}\n")
    assert gone.returncode == 1 and "清除" in gone.stdout + gone.stderr
    assert not (data / "liaison.keys").exists() and not (data / "liaison.sqlite3").exists()


def test_the_server_cli_marks_devices_lost_and_retired(server: Any, make_device: Any) -> None:
    from tests.sync.test_cli import server_cli

    server.add_user("li", "liaison")
    dev: Device = make_device("li-laptop")
    dev.login(server, "li")
    pk = str(_server_device(server, "li").id)
    data, url = server.config.data_dir, server.config.db_url
    done = server_cli(data, "--db", url, "device", "revoke", pk, "--retired")
    assert done.returncode == 0 and "retired" in done.stdout, done.stderr
    assert _server_device(server, "li").retire == "retired"
    assert server_cli(data, "--db", url, "device", "revoke", pk, "--lost", "--retired"
                      ).returncode == 2  # one or the other
    done = server_cli(data, "--db", url, "device", "revoke", pk, "--lost")
    assert done.returncode == 0 and "lost" in done.stdout
    row = _server_device(server, "li")
    assert row.retire == "lost" and row.revoked and row.escrow_key == ""
    listing = server_cli(data, "--db", url, "device", "list").stdout
    assert "lost" in listing
    audit_log = server_cli(data, "--db", url, "audit").stdout
    assert "device_lost" in audit_log and "device_retired" in audit_log
