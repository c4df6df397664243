"""The set-up installs what the desktop package depends on, and that is everything Qt's
window-system plugin (xcb) loads: without one of them ``make run`` aborts inside Qt."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.needs import require

ROOT = Path(__file__).resolve().parents[2]


def deb_depends() -> list[str]:
    text = (ROOT / "packaging" / "deb" / "control.in").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("Depends:"))
    return [re.sub(r"\s*\|\s*", "|", re.sub(r"\([^)]*\)", "", g)).strip()
            for g in line.removeprefix("Depends:").split(",")]


def test_setup_installs_every_package_the_deb_depends_on():
    listed = subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh"),
                             "--list-system-packages"], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()
    depends = deb_depends()
    assert "libxcb-icccm4" in depends and "libxcb-cursor0" in depends
    assert [g for g in depends if g not in listed] == []


def _qxcb_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def test_the_window_plugin_finds_every_library_and_the_deb_names_their_packages():
    require(shutil.which("dpkg-query") is not None, "a Debian-family system only")
    plugin = _qxcb_plugin()
    assert plugin.exists()
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                         check=True).stdout
    assert "not found" not in ldd, ldd
    packages = set()
    for name, path in re.findall(r"^\s*(\S+) => (/\S+)", ldd, re.M):
        if not re.match(r"lib(xcb|X11|xkbcommon)", name):
            continue
        owner = subprocess.run(["dpkg-query", "-S", os.path.realpath(path)],
                               capture_output=True, text=True).stdout
        packages.add(owner.split(":")[0])
    alternatives = {alt for group in deb_depends() for alt in group.split("|")}
    assert packages and packages - alternatives == set()
