"""What a test needs from the machine: absent on a developer's machine, the test is skipped
and says what to install; in CI (``LIAISON_CI``, set by ``.ci/run``), where the set-up
installs everything, a missing piece fails the test instead of hiding it."""
from __future__ import annotations

import os

import pytest


def require(present: bool, what: str) -> None:
    """Skip the calling test (fail it in CI) unless ``present``; ``what`` says what is
    missing and how to get it."""
    if present:
        return
    if os.environ.get("LIAISON_CI"):
        pytest.fail(f"{what} — CI's set-up (scripts/setup.sh as root) should provide it")
    pytest.skip(what)
