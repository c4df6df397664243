"""A server of an earlier release, run from its own code out of this repository's history.

Upgrade tests start the database the way a county's server really was: written by the
released code, not by today's code pretending to be old.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.sync.conftest import PASSWORD, free_port

ROOT = Path(__file__).resolve().parents[2]
#: The last release whose server created its tables without numbered migrations (schema 1).
FIRST_RELEASE = "0837fb16332f8a4dff1cecc1eef4cd5320d0d45d"


def checkout(commit: str, target: Path) -> Path:
    """The release's ``liaison_app`` and ``sync`` packages, unpacked into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "liaison_app", "sync"],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise RuntimeError("the release's code is not in this checkout's history "
                           f"({archive.stderr.decode(errors='replace').strip()}); "
                           "clone the repository with its history")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


class ReleasedServer:
    """``liaison-server`` of an earlier release on loopback, in a process of its own."""

    def __init__(self, code: Path, *, db_url: str, data_dir: Path) -> None:
        self.code = code
        self.db_url = db_url
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def _command(self, *args: str) -> list[str]:
        bootstrap = ("import sys; sys.path.insert(0, sys.argv.pop(1)); "
                     "from sync.server.cli import main; sys.exit(main(sys.argv[1:]))")
        return [sys.executable, "-c", bootstrap, str(self.code), "--db", self.db_url,
                "--data-dir", str(self.data_dir), *args]

    def _env(self) -> dict[str, str]:
        # Only the release's own packages: no path leading to today's code first.
        return {**os.environ, "PYTHONPATH": str(self.code)}

    def cli(self, *args: str, password: bool = False) -> None:
        done = subprocess.run(self._command(*args), env=self._env(), capture_output=True,
                              input=(PASSWORD + "\n").encode() if password else None,
                              timeout=60, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"released liaison-server {args} failed: "
                               f"{done.stderr.decode(errors='replace')}")

    def start(self) -> ReleasedServer:
        self.process = subprocess.Popen(
            self._command("serve", "--port", str(self.port)), env=self._env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/health", timeout=1).read()
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    err = self.process.stderr.read().decode(errors="replace") \
                        if self.process.stderr else ""
                    raise RuntimeError(f"the released server did not start: {err}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def add_user(self, name: str, role: str) -> None:
        self.cli("user", "add", name, "--role", role, "--password-stdin", password=True)

    def assign(self, name: str, usccs: list[str]) -> None:
        self.cli("assign", name, "--enterprise", *usccs)
