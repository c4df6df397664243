"""HTTPS with the county's own certificate authority: the sync server behind nginx on loopback.

A throw-away CA (made with the openssl command) signs a certificate for 127.0.0.1/localhost;
nginx terminates TLS with it and proxies to the server with the shipped site file
(``packaging/server/nginx-liaison.conf``), moved to loopback ports. A laptop given the CA
file signs in and syncs; one without it (or with another CA) is told the certificate is not
trusted.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liaison_app.core.db import open_database
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session
from sync import client as sync_client
from sync.server.models import Record, connection
from sync.transport import SyncError
from tests.sync.conftest import PASSWORD, free_port, new_enterprise
from tests.sync.test_cli import liaison

NGINX = Path("/usr/sbin/nginx")


@pytest.fixture(autouse=True)
def tools() -> None:
    """scripts/setup.sh installs nginx and openssl when it runs as root. Elsewhere these
    tests are skipped and say why; in CI (LIAISON_CI, set by .ci/run) a missing tool fails
    them, since a skipped test verifies nothing."""
    missing = [why for ok, why in (
        (NGINX.exists(), "nginx (/usr/sbin/nginx, Debian package nginx-light)"),
        (shutil.which("openssl") is not None, "the openssl command"))
        if not ok]
    if missing:
        reason = "needs " + " and ".join(missing) + "; scripts/setup.sh installs them as root"
        if os.environ.get("LIAISON_CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def _openssl(*args: str, cwd: Path) -> None:
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


def make_ca(*, folder: Path, name: str) -> Path:
    """A self-signed CA: ``folder/name.pem`` and its key ``folder/name.key``."""
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
             "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "30",
             "-subj", f"/CN={name} test CA",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    return folder / f"{name}.pem"


def make_server_cert(*, folder: Path, ca: str) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost signed by the CA ``ca``."""
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1",
             cwd=folder)
    (folder / "server.ext").write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "authorityKeyIdentifier=keyid\n", encoding="utf-8")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
             "-CAcreateserial", "-out", "server.crt", "-days", "30", "-extfile", "server.ext",
             cwd=folder)
    return folder / "server.crt", folder / "server.key"


SITE = Path(__file__).resolve().parents[2] / "packaging" / "server" / "nginx-liaison.conf"

MAIN_CONF = """\
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {root}/access.log;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    include {root}/site.conf;
}}
"""


def _replace(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced; fails when the site file no longer has it, so the
    test cannot end up checking something other than the shipped file."""
    assert old in text, f"{SITE.name} no longer contains {old!r}"
    return text.replace(old, new)


def site_for_test(*, root: Path, port: int, upstream: str, crt: Path, key: Path) -> str:
    """The shipped nginx site, moved to loopback ports and this test's files."""
    site = SITE.read_text(encoding="utf-8")
    site = _replace(site, "server 127.0.0.1:8470;", f"server 127.0.0.1:{upstream};")
    site = _replace(site, "listen 80;", f"listen 127.0.0.1:{free_port()};")
    site = _replace(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;")
    site = _replace(site, "/etc/ssl/liaison/server.crt", str(crt))
    site = _replace(site, "/etc/ssl/liaison/server.key", str(key))
    return _replace(site, "/var/log/nginx/", f"{root}/")


@pytest.fixture
def tls(server: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """nginx with a test CA's certificate in front of ``server``."""
    pki = tmp_path / "pki"
    pki.mkdir()
    make_ca(folder=pki, name="ca")
    make_ca(folder=pki, name="other-ca")
    crt, key = make_server_cert(folder=pki, ca="ca")
    root = tmp_path / "nginx"
    root.mkdir()
    port = free_port()
    upstream = server.url.rsplit(":", 1)[1]
    (root / "site.conf").write_text(site_for_test(root=root, port=port, upstream=upstream,
                                                  crt=crt, key=key), encoding="utf-8")
    (root / "nginx.conf").write_text(MAIN_CONF.format(root=root), encoding="utf-8")
    proc = subprocess.Popen([str(NGINX), "-p", str(root), "-c", str(root / "nginx.conf"),
                             "-e", str(root / "error.log"), "-g", "daemon off;"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                log = (root / "error.log").read_text(errors="replace") \
                    if (root / "error.log").exists() else ""
                pytest.fail(f"nginx exited with {proc.returncode}: {out}{log}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not start listening within 10 s")
                time.sleep(0.05)
        yield {"url": f"https://127.0.0.1:{port}", "ca": pki / "ca.pem",
               "other_ca": pki / "other-ca.pem"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.mark.real_lock
def test_login_and_sync_through_nginx_with_the_county_ca(server: Any, tls: dict[str, Any],
                                                          tmp_path: Path) -> None:
    server.add_user("centre", "center")
    data = tmp_path / "laptop"
    ok = liaison(data, "login", "--server", tls["url"], "--ca-cert", str(tls["ca"]),
                 "--user", "centre", "--password-stdin", stdin=PASSWORD + "\n")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    session.unlock(DataPaths(data), secret=PASSWORD)  # the account's password, as set up
    db = open_database(DataPaths(data))
    ent = new_enterprise("加密通道企业")
    db.close()
    synced = liaison(data, "--password-stdin", "sync", stdin=PASSWORD + "\n")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    with connection():
        row = Record.get_or_none((Record.table == "enterprise") & (Record.record_id == ent.id))
    assert row is not None and "加密通道企业" in row.data


def test_the_county_ca_holds_whatever_the_environment_says(server: Any, tls: dict[str, Any],
                                                           make_device: Any,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    # Set on office machines for other programs; requests would let them replace a session's
    # own CA file, and an empty one once switched verification off.
    server.add_user("centre", "center")
    make_device("laptop")
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(variable, str(tls["other_ca"]))
    info = sync_client.login(server_url=tls["url"], username="centre", password=PASSWORD,
                             device_name="laptop", ca_cert=str(tls["ca"]))
    assert info.username == "centre"
    monkeypatch.setenv("CURL_CA_BUNDLE", "")
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    with pytest.raises(SyncError) as err:
        sync_client.login(server_url=tls["url"], username="centre", password=PASSWORD,
                          device_name="laptop", ca_cert=str(tls["other_ca"]))
    assert "certificate is not trusted" in str(err.value)


@pytest.mark.parametrize("ca", [None, "other_ca"])
def test_untrusted_certificate_is_named(server: Any, tls: dict[str, Any], make_device: Any,
                                        ca: str | None) -> None:
    server.add_user("centre", "center")
    make_device("laptop")
    with pytest.raises(SyncError) as err:
        sync_client.login(server_url=tls["url"], username="centre", password=PASSWORD,
                          device_name="laptop", ca_cert=str(tls[ca]) if ca else None)
    message = str(err.value)
    assert "certificate is not trusted" in message, message
    assert "CA certificate file" in message, message
