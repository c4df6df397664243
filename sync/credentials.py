"""Where the device token is kept: the OS keyring when there is a trustworthy one (see
``security.keyring_access``), otherwise inside the local database, which is encrypted at
rest. Never a plain file of its own."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from liaison_app.core.models.base import LocalState, new_id
from liaison_app.core.security import keyring_access
from liaison_app.core.services.account import KEY_ACCOUNT

log = logging.getLogger(__name__)

KEY_TOKEN = "sync.token"
KEY_DEVICE = "sync.device_id"
KEYRING_SERVICE = "liaison-sync"

__all__ = ["KEY_ACCOUNT", "AccountInfo", "device_id", "forget_token", "load", "save"]


@dataclass
class AccountInfo:
    server_url: str
    username: str
    role: str
    officer_id: str
    device_id: str
    token_store: str  # "keyring" | "database"
    ca_cert: str | None = None


def _ring_name(info: AccountInfo) -> str:
    return f"{info.server_url}|{info.username}|{info.device_id}"


def device_id() -> str:
    """This installation's id, made once and kept (the server binds tokens to it)."""
    value = LocalState.get_value(KEY_DEVICE)
    if not value:
        value = new_id()
        LocalState.set_value(KEY_DEVICE, value)
    return str(value)


def save(info: AccountInfo, token: str) -> AccountInfo:
    stored = keyring_access.put(KEYRING_SERVICE, _ring_name(info), token)
    info.token_store = "keyring" if stored else "database"
    LocalState.set_value(KEY_ACCOUNT, asdict(info))
    LocalState.set_value(KEY_TOKEN, None if stored else token)
    return info


def load() -> tuple[AccountInfo | None, str]:
    raw = LocalState.get_value(KEY_ACCOUNT)
    if not raw:
        return None, ""
    known = set(AccountInfo.__dataclass_fields__)
    info = AccountInfo(**{k: v for k, v in raw.items() if k in known})
    if info.token_store == "keyring":
        token = keyring_access.get(KEYRING_SERVICE, _ring_name(info)) or ""
    else:
        token = LocalState.get_value(KEY_TOKEN) or ""
    return info, token


def forget_token() -> None:
    """Sign out on this laptop: the token goes, the account (who it was) stays."""
    info, _ = load()
    if info is not None and info.token_store == "keyring":
        keyring_access.delete(KEYRING_SERVICE, _ring_name(info))
    LocalState.set_value(KEY_TOKEN, None)
