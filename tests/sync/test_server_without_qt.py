"""The server installs and runs without the desktop app's packages (Qt, PDF, images).

``pip install 'liaison[server]'`` must not bring PySide6, and nothing the server runs may
import it or the other packages of the ``gui`` extra. The second test runs the real
``liaison-server`` command and the HTTP API with those packages made unimportable: a folder
on PYTHONPATH holds stand-ins that raise on import, ahead of the installed ones.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

#: Top-level modules of the ``gui`` extra's distributions.
DESKTOP_MODULES = ("PySide6", "shiboken6", "reportlab", "PIL", "zxingcpp", "pypdfium2")
GUI_DISTRIBUTIONS = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6",
                     "reportlab", "pillow", "zxing-cpp", "pypdfium2"}


def requirement_closure(name: str, extras: frozenset[str]) -> set[str]:
    """Every distribution ``pip install name[extras]`` brings, from installed metadata."""
    seen: set[tuple[str, frozenset[str]]] = set()
    names: set[str] = set()
    todo = [(name, extras)]
    while todo:
        dist, wanted = todo.pop()
        key = (canonicalize_name(dist), wanted)
        if key in seen:
            continue
        seen.add(key)
        names.add(key[0])
        try:
            requires = metadata.requires(dist) or []
        except metadata.PackageNotFoundError:
            continue  # for another platform or Python; not installed here
        for line in requires:
            req = Requirement(line)
            envs = [{"extra": e} for e in wanted] or [{"extra": ""}]
            if req.marker is not None and not any(req.marker.evaluate(e) for e in envs):
                continue
            todo.append((req.name, frozenset(req.extras)))
    return names


def test_the_server_extra_brings_no_desktop_package() -> None:
    server = requirement_closure("liaison", frozenset({"server"}))
    assert {"fastapi", "uvicorn", "psycopg2-binary", "requests", "openpyxl"} <= server
    # The server imports the core's models, which open databases through SQLCipher and
    # hold the file cipher: a server installed alone must have them.
    assert {"sqlcipher3", "cryptography", "argon2-cffi"} <= server
    assert not server & GUI_DISTRIBUTIONS, sorted(server & GUI_DISTRIBUTIONS)
    # The app's set-up (the dev extra) still has everything the window needs.
    assert {"pyside6-essentials", "pypdfium2", "reportlab"} <= requirement_closure(
        "liaison", frozenset({"dev"}))


def _blocked_env(tmp_path: Path) -> dict[str, str]:
    shadow = tmp_path / "no-desktop"
    for module in DESKTOP_MODULES:
        (shadow / module).mkdir(parents=True)
        # As if not installed, which is what a server installed alone looks like.
        (shadow / module / "__init__.py").write_text(
            f"raise ModuleNotFoundError('{module} belongs to the desktop app; the server must "
            f"not import it', name='{module}')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(shadow), "LIAISON_SERVER_DATA": str(tmp_path / "srv")}
    env.pop("LIAISON_SERVER_DB", None)
    return env


API_SCRIPT = textwrap.dedent("""
    import sys, uuid
    from pathlib import Path
    from fastapi.testclient import TestClient
    from liaison_app.core.migrations import LATEST_VERSION
    from liaison_app.core.services.enterprise_import import wire_values
    from liaison_app.core.services.enterprises import EnterpriseInput
    from sync import protocol as p
    from sync.server.app import ServerConfig, create_app

    data = Path(sys.argv[1])
    app = create_app(ServerConfig(db_url=f"sqlite:///{data / 'server.sqlite3'}", data_dir=data))
    device = "laptop-" + uuid.uuid4().hex[:8]
    headers = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(LATEST_VERSION),
               p.HEADER_DEVICE: device}
    with TestClient(app) as client:
        login = client.post("/auth/login", headers=headers, json={
            "username": "centre", "password": sys.stdin.readline().strip(),
            "device_id": device, "device_name": "test"})
        assert login.status_code == 200, login.text
        headers["Authorization"] = "Bearer " + login.json()["token"]
        op = {"op_id": str(uuid.uuid4()), "table": "enterprise", "record_id": str(uuid.uuid4()),
              "base_version": 0, "creating": True,
              "changes": wire_values(EnterpriseInput(name="推送企业", uscc="91371082775260043P"))}
        push = client.post("/sync/push", headers=headers, json={"ops": [op]})
        assert push.status_code == 200, push.text
        assert push.json()["results"][0]["status"] == "applied", push.text
        pull = client.post("/sync/pull", headers=headers,
                           json={"since": 0, "limit": 100, "include_own": True})
        assert pull.status_code == 200, pull.text
        names = sorted(r["data"]["name"] for r in pull.json()["records"]
                       if r["table"] == "enterprise")
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in DESKTOP_MODULES)
    print("names:", ",".join(names), "desktop modules:", loaded)
""").replace("DESKTOP_MODULES", repr(DESKTOP_MODULES))


def test_the_server_runs_with_the_desktop_packages_blocked(tmp_path: Path) -> None:
    env = _blocked_env(tmp_path)
    command = Path(sys.executable).parent / "liaison-server"
    assert command.exists(), "the liaison-server command is installed by the set-up"

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(command), *args], env=env, input=stdin, text=True,
                              capture_output=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, f"liaison-server {' '.join(args)}:\n{done.stderr}"
        assert "Traceback" not in done.stderr
        return done

    # The stand-ins really are in the way.
    probe = subprocess.run([sys.executable, "-c", "import PySide6"], env=env, text=True,
                           capture_output=True, timeout=60)
    assert probe.returncode != 0 and "belongs to the desktop app" in probe.stderr

    assert "serve" in run("--help").stdout
    assert "--workers" in run("serve", "--help").stdout
    assert "created the database" in run("migrate").stdout
    run("user", "add", "centre", "--role", "center", "--password-stdin",
        stdin="correct horse battery\n")
    roster = tmp_path / "企业名单.csv"
    roster.write_bytes("单位名称,统一社会信用代码,镇街\r\n鲁西化工有限公司,91110000600037341L,城关街道\r\n"
                       .encode("gbk"))
    assert "1 new" in run("import", "enterprises", str(roster)).stdout
    api = subprocess.run([sys.executable, "-c", API_SCRIPT, str(tmp_path / "srv")], env=env,
                         input="correct horse battery\n", text=True, capture_output=True,
                         timeout=120, cwd=tmp_path)
    assert api.returncode == 0, api.stderr
    assert "names: 推送企业,鲁西化工有限公司 desktop modules: []" in api.stdout, api.stdout


def test_the_app_command_without_the_desktop_packages_says_what_to_install(
        tmp_path: Path) -> None:
    done = subprocess.run([str(Path(sys.executable).parent / "liaison"), "--data-dir",
                           str(tmp_path / "laptop"), "status"], env=_blocked_env(tmp_path),
                          text=True, capture_output=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "pip install 'liaison[gui]'" in done.stderr
