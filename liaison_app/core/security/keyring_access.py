"""The OS keyring, when there is a trustworthy one.

The keyring holds the sync token, a PIN's pepper and a command-line unlock that expires. It
counts only when it keeps secrets sealed by the person's desktop login (Secret Service /
KWallet on Linux, the Windows Credential Locker, the macOS Keychain). Backends that write
secrets into a plain or weakly protected file (``keyrings.alt``'s file backends, the
"null" and "fail" backends) count as no keyring at all: the secret then stays inside the
encrypted database instead, or the feature is not offered.
"""
from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

#: Backend modules that store secrets in files of their own; never trusted with ours.
_UNTRUSTED_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail",
                      "keyring.backends.chainer")


def secure_keyring() -> Any | None:
    """The trusted keyring backend with the highest priority, else None. Any thread.

    A chain of backends is looked into and the trusted one used directly, so a secret never
    lands in an untrusted backend that happens to rank higher.
    """
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring set-up means "no keyring"
        return None
    backends = list(getattr(backend, "backends", None) or [backend])
    usable = [b for b in backends if _priority(b) > 0
              and not type(b).__module__.startswith(_UNTRUSTED_MODULES)]
    return max(usable, key=_priority) if usable else None


def _priority(backend: Any) -> float:
    try:
        return float(getattr(backend, "priority", 0) or 0)
    except Exception:  # noqa: BLE001 - some backends compute it and fail when unusable
        return 0.0


def get(service: str, name: str) -> str | None:
    ring = secure_keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(service, name)
    except Exception:  # noqa: BLE001 - a locked or broken keyring reads as empty
        log.info("the keyring could not be read", exc_info=True)
        return None


def put(service: str, name: str, secret: str) -> bool:
    ring = secure_keyring()
    if ring is None:
        return False
    try:
        ring.set_password(service, name, secret)
        return True
    except Exception:  # noqa: BLE001
        log.warning("the OS keyring refused a secret", exc_info=True)
        return False


def delete(service: str, name: str) -> None:
    ring = secure_keyring()
    if ring is None:
        return
    try:
        ring.delete_password(service, name)
    except Exception:  # noqa: BLE001 - nothing there is what we wanted
        pass
