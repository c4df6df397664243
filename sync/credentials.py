"""Where the device token is kept: the OS keyring when there is a working one, otherwise the
local database (which a later release encrypts at rest). Never a plain file of its own."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any

from liaison_app.core.models.base import LocalState, new_id

log = logging.getLogger(__name__)

KEY_ACCOUNT = "sync.account"
KEY_TOKEN = "sync.token"
KEY_DEVICE = "sync.device_id"
KEYRING_SERVICE = "liaison-sync"


@dataclass
class AccountInfo:
    server_url: str
    username: str
    role: str
    officer_id: str
    device_id: str
    token_store: str  # "keyring" | "database"
    ca_cert: str | None = None


def _keyring() -> Any | None:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring setup means "no keyring"
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def device_id() -> str:
    """This installation's id, made once and kept (the server binds tokens to it)."""
    value = LocalState.get_value(KEY_DEVICE)
    if not value:
        value = new_id()
        LocalState.set_value(KEY_DEVICE, value)
    return str(value)


def save(info: AccountInfo, token: str) -> AccountInfo:
    ring = _keyring()
    stored = False
    if ring is not None:
        try:
            ring.set_password(KEYRING_SERVICE, f"{info.server_url}|{info.username}", token)
            stored = True
        except Exception:  # noqa: BLE001
            log.warning("the OS keyring refused the token; keeping it in the database")
    info.token_store = "keyring" if stored else "database"
    LocalState.set_value(KEY_ACCOUNT, asdict(info))
    LocalState.set_value(KEY_TOKEN, None if stored else token)
    return info


def load() -> tuple[AccountInfo | None, str]:
    raw = LocalState.get_value(KEY_ACCOUNT)
    if not raw:
        return None, ""
    info = AccountInfo(**raw)
    token = ""
    if info.token_store == "keyring":
        ring = _keyring()
        if ring is not None:
            token = ring.get_password(KEYRING_SERVICE,
                                      f"{info.server_url}|{info.username}") or ""
    else:
        token = LocalState.get_value(KEY_TOKEN) or ""
    return info, token


def forget_token() -> None:
    info, _ = load()
    if info is not None and info.token_store == "keyring":
        ring = _keyring()
        if ring is not None:
            try:
                ring.delete_password(KEYRING_SERVICE, f"{info.server_url}|{info.username}")
            except Exception:  # noqa: BLE001
                pass
    LocalState.set_value(KEY_TOKEN, None)
