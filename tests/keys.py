"""The key test and benchmark folders are encrypted with, for processes of their own.

Every data folder the suite opens is encrypted. The test process unlocks folders through a
fixture (``tests/conftest.py``); a child process a test starts (an app killed mid-typing, a
layout probe, a county built in the background) calls ``unlock_every_folder()`` first, so it
opens the same folders with the same key, without a password derivation.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

KEY = bytes(range(32))


def falling_back_to(real: Callable[[Any], bytes | None], key: bytes = KEY
                    ) -> Callable[[Any], bytes | None]:
    """``session.data_key`` that gives ``key`` for any folder not unlocked otherwise."""
    def data_key(paths: Any) -> bytes | None:
        return real(paths) or key

    data_key.fixed_key = True  # type: ignore[attr-defined]
    return data_key


def unlock_every_folder(key: bytes = KEY) -> None:
    """From now on in this process, any folder not unlocked otherwise counts as unlocked
    with ``key``."""
    from liaison_app.core.security import session

    if not getattr(session.data_key, "fixed_key", False):
        session.data_key = falling_back_to(session.data_key, key)
