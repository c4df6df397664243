"""Fixtures shared by every test: a real temporary data folder with a migrated database."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LIAISON_DATA_DIR", None)

from liaison_app.core import clock  # noqa: E402
from liaison_app.core.db import close_database, open_database  # noqa: E402
from liaison_app.core.paths import DataPaths  # noqa: E402
from liaison_app.core.security import crypto, session  # noqa: E402
from tests import days  # noqa: E402
from tests.keys import KEY, falling_back_to  # noqa: E402
from tests.needs import require  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Every data folder a test opens is encrypted, with this key unless the test unlocked the
#: folder itself: the whole suite runs on SQLCipher and encrypted attachments, without
#: paying for a password derivation in each test.
TEST_KEY = KEY
#: Cheap password derivation for tests that set up real key files.
TEST_KDF = crypto.KdfParams(time_cost=1, memory_kib=8192)


@pytest.fixture(autouse=True)
def _folders_unlocked_with_a_test_key(request):
    """Any folder counts as unlocked with TEST_KEY, unless the test is marked ``real_lock``
    (it then sets up and unlocks folders the way the app does). A patch of its own, so a
    test undoing its ``monkeypatch`` does not lock every folder."""
    with pytest.MonkeyPatch.context() as patch:
        if "real_lock" not in request.keywords:
            patch.setattr(session, "data_key", falling_back_to(session.data_key, TEST_KEY))
        yield
    with session._lock:
        session._unlocked.clear()


def pytest_configure(config: pytest.Config) -> None:
    """The catalogue the app and its command line read, compiled from the sources once per
    run (by the main process only, before any worker starts)."""
    if not hasattr(config, "workerinput"):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile-if-stale"],
                       check=True, capture_output=True)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def store(data_paths: DataPaths):
    """An open, migrated database in a temp folder; yields its ``DataPaths``."""
    open_database(data_paths)
    yield data_paths
    close_database()


@pytest.fixture(autouse=True)
def _the_suites_day(monkeypatch):
    """Today is the day the suite started on, in every test (``tests.days``)."""
    monkeypatch.setattr(clock, "today", lambda: days.TODAY)


@pytest.fixture(autouse=True)
def _untranslated_core_messages():
    """Each test starts with core messages in their source language, whatever ran before."""
    from liaison_app.core import i18n

    yield
    i18n.install_translator(lambda context, text: text)


@pytest.fixture(autouse=True)
def _command_line_in_source_language(monkeypatch, request):
    """Command-line tests read the source (English) sentences unless they ask for Chinese."""
    if "cli_in_chinese" in request.keywords:
        yield
        return
    import liaison_app.cli.common as common

    monkeypatch.setattr(common, "install_cli_language", lambda data_dir: None)
    yield


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system of its own (tmpfs), to fill up."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True)
    require(done.returncode == 0, "cannot mount a small file system here (needs root)")
    yield mount
    close_database()
    subprocess.run(["umount", "-l", str(mount)], check=False)
