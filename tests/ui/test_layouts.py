"""Every page and every record editor fits a 1280×720 and a 1366×768 laptop and a full HD
screen: nothing reaches beyond its window or is cut off, no list scrolls sideways, and the
window opens within the screen.

Each screen size runs in a child process whose offscreen screen has that size, so the
window's start-up placement and the dialogs' sizing meet the screen they would on a laptop.
Set ``LIAISON_LAYOUT_SHOTS`` to a folder to keep the screenshots for looking at them.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from liaison_app.ui.main_window import start_geometry
from tests.ui.layout_probe import problems

ROOT = Path(__file__).resolve().parents[2]
SIZES = ("1280x720", "1366x768", "1920x1080")


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """One demo county for the three screens (made in a child: the test's own database
    fixture belongs to each test)."""
    folder = tmp_path_factory.mktemp("layout-county")
    script = ("import sys; from pathlib import Path; from liaison_app.core.db import "
              "open_database; from liaison_app.core.paths import DataPaths; "
              "from tests.ui.editor_cases import make_world; "
              "open_database(DataPaths(Path(sys.argv[1]))); "
              "make_world(enterprises=60, visits=300)")
    subprocess.run([sys.executable, "-c", script, str(folder)], cwd=ROOT, check=True,
                   capture_output=True)
    return folder


@pytest.mark.parametrize("size", SIZES)
def test_every_page_and_editor_fits_the_screen(size, county, tmp_path):
    width, height = (int(x) for x in size.split("x"))
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shots = Path(os.environ.get("LIAISON_LAYOUT_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_LOGGING_RULES": "qt.qpa.*=false"}
    out = subprocess.run([sys.executable, "-m", "tests.ui.layout_probe", str(county),
                          str(shots)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["screen"] == size
    assert report["maximised"], "a laptop or full HD screen is given to the window whole"
    assert report["problems"] == []
    # Every page of the navigation, the editor panes, the editor windows and search.
    names = {name.rsplit("-", 1)[0] for name in report["shots"]}
    assert {"today", "enterprises", "visits", "requests", "proxy", "applications", "reports",
            "sync", "search", "visit-editor", "request-editor", "letter-editor",
            "proxy-editor", "enterprise-editor", "worker-editor", "application-pass",
            "application-reopening", "application-procedure", "daily",
            "template-editor"} <= names
    for name in report["shots"]:
        assert (shots / name).stat().st_size > 10_000  # a real picture, not an empty grab


@pytest.mark.parametrize(("screen", "saved", "expected", "maximised"), [
    # Laptops and full HD: the whole screen, never the old 1280×800 on a 768-high one.
    (QRect(0, 0, 1366, 738), None, QRect(0, 0, 1366, 738), True),
    (QRect(0, 0, 1280, 690), None, QRect(0, 0, 1280, 690), True),
    (QRect(0, 0, 1920, 1050), None, QRect(0, 0, 1920, 1050), True),
    # A large monitor: a comfortable window in its middle.
    (QRect(0, 0, 2560, 1410), None, QRect(480, 205, 1600, 1000), False),
    # A window saved on a big monitor does not open taller than the laptop.
    (QRect(0, 0, 1366, 738), QRect(100, 100, 1500, 950), QRect(0, 0, 1366, 738), True),
    # A saved window that fits comes back where it was.
    (QRect(0, 0, 1920, 1050), QRect(200, 150, 1200, 800), QRect(200, 150, 1200, 800), False),
    # ... unless its screen is gone (it was on a second monitor): centred on this one.
    (QRect(0, 0, 1920, 1050), QRect(2100, 150, 1200, 800), QRect(360, 125, 1200, 800), False),
])
def test_the_window_opens_within_the_screen(screen, saved, expected, maximised):
    geometry, maximise = start_geometry(available=screen, saved=saved)
    assert (geometry, maximise) == (expected, maximised)
    assert screen.contains(geometry)
    assert geometry.size().boundedTo(screen.size()) == geometry.size()
    assert QSize(1280, 800) != geometry.size() or screen.height() > 800


def test_the_probe_sees_a_cut_off_button_and_a_sideways_scroll(qtbot):
    """The checks above can fail: a button pushed past the edge and a table wider than its
    view are reported."""
    from PySide6.QtWidgets import QPushButton, QTableWidget, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    QPushButton("保存", window).setGeometry(260, 10, 80, 30)
    table = QTableWidget(3, 6)
    for column in range(6):
        table.setColumnWidth(column, 120)
    QVBoxLayout(window).addWidget(table)
    window.show()
    qtbot.waitExposed(window)
    found = problems(window, "sample")
    assert any("QPushButton" in p and "beyond the window" in p for p in found)
    assert any("QTableWidget" in p and "horizontal scroll bar" in p for p in found)
