"""The key test and benchmark folders are encrypted with, for processes of their own.

Every data folder the suite opens is encrypted. The test process unlocks folders through a
fixture (``tests/conftest.py``); a child process a test starts (an app killed mid-typing, a
layout probe, a county built in the background) calls ``unlock_every_folder()`` first, so it
opens the same folders with the same key, without a password derivation.
"""
from __future__ import annotations

KEY = bytes(range(32))


def unlock_every_folder(key: bytes = KEY) -> None:
    """From now on in this process, any folder not unlocked otherwise counts as unlocked
    with ``key``."""
    from liaison_app.core.security import session

    real = session.data_key
    if getattr(real, "fixed_key", False):
        return

    def data_key(paths):  # noqa: ANN001, ANN202
        return real(paths) or key

    data_key.fixed_key = True  # type: ignore[attr-defined]
    session.data_key = data_key
