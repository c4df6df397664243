"""Which data folders this process has unlocked, and the steps from a closed folder to an open
database: set up, unlock, convert an older plain folder, open.

The data key of an unlocked folder lives here, in memory only, for as long as the process
works on the folder. The window's idle lock hides the data and asks for the password again
but keeps the key, so a sync running in the background can finish (see docs/security.md);
quitting, signing out or a wipe forgets it.

Unlock events (and failed attempts, which happen while the database is still closed) are
queued in the key file, which holds no personal data, and become audit entries as soon as
the database is open (``flush_events``).

Any thread may call these functions; the registry is guarded by a lock.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liaison_app.core.security import crypto, keyring_access
from liaison_app.core.security.crypto import KdfParams
from liaison_app.core.security.keystore import (
    Keystore,
    KeystoreError,
    TooSoon,
    WrongSecret,
    is_pin,
    looks_like_recovery_code,
)

if TYPE_CHECKING:
    import peewee

    from liaison_app.core.paths import DataPaths

log = logging.getLogger(__name__)

__all__ = ["KeystoreError", "TooSoon", "WrongSecret"]

_lock = threading.Lock()
_unlocked: dict[str, bytes] = {}
PIN_SERVICE = "liaison-pin"
#: A command-line unlock kept for a while (``liaison unlock``), in the OS keyring only.
UNLOCK_SERVICE = "liaison-unlock"
MAX_EVENTS = 200


def _name(paths: DataPaths) -> str:
    return str(Path(paths.root).resolve())


def data_key(paths: DataPaths) -> bytes | None:
    """The data key of ``paths`` if this process unlocked it, else None."""
    with _lock:
        return _unlocked.get(_name(paths))


def remember(paths: DataPaths, key: bytes) -> None:
    with _lock:
        _unlocked[_name(paths)] = key


def forget(paths: DataPaths) -> None:
    with _lock:
        _unlocked.pop(_name(paths), None)


class FolderState(str, Enum):
    #: Nothing here yet: a password must be chosen (or the laptop signed in).
    NEW = "new"
    #: A database from before encryption and no key file: choose a password, then convert.
    PLAIN = "plain"
    #: A key file: unlock with the password (a plain database left by an interrupted
    #: conversion is finished after the unlock).
    LOCKED = "locked"
    #: An encrypted database whose key file is gone (a wiped laptop): start afresh.
    ORPHANED = "orphaned"


def folder_state(paths: DataPaths) -> FolderState:
    from liaison_app.core.db import is_plain

    db = paths.database
    has_db = db.exists() and db.stat().st_size > 0
    if Keystore.exists(paths.root):
        return FolderState.LOCKED
    if not has_db:
        return FolderState.NEW
    if is_plain(db):
        return FolderState.PLAIN
    return FolderState.ORPHANED


def load_keystore(paths: DataPaths) -> Keystore:
    return Keystore.load(paths.root)


# -- setting up and unlocking -------------------------------------------------------------
def set_up(paths: DataPaths, *, password: str, device_id: str = "",
           kdf: KdfParams = crypto.PASSWORD_KDF) -> str:
    """Make this folder's data key and key file; returns the recovery code (show it once).

    For a NEW or PLAIN folder. The folder is unlocked afterwards; ``open_unlocked`` then
    creates the database or encrypts the plain one.
    """
    if Keystore.exists(paths.root):
        raise KeystoreError("this data folder has a key file already")
    key = crypto.new_data_key()
    _store, code = Keystore.create(paths.root, data_key=key, password=password,
                                   device_id=device_id, kdf=kdf)
    remember(paths, key)
    queue_event(paths, "setup")
    return code


def unlock(paths: DataPaths, *, secret: str) -> bytes:
    """Unlock with whatever the person typed: the password, the PIN or the recovery code.

    Raises WrongSecret (with the wait before the next try) or TooSoon. Any thread (the
    argon2 derivation takes about 0.2 s: not on the main thread of a window).
    """
    store = load_keystore(paths)
    pepper = pin_pepper(store) if is_pin(secret) else None
    try:
        key = store.unlock(password=secret, pin=secret if pepper else "", pin_pepper=pepper,
                           recovery=secret if looks_like_recovery_code(secret) else "")
    except WrongSecret:
        queue_event(paths, "unlock_failed", store=load_keystore(paths))
        raise
    remember(paths, key)
    queue_event(paths, "unlock", store=store)
    return key


def verify(paths: DataPaths, *, secret: str) -> bool:
    """Whether ``secret`` unlocks the folder (the idle lock: the key is already in memory)."""
    try:
        key = unlock(paths, secret=secret)
    except WrongSecret:
        return False
    return key == data_key(paths)


def unlock_with_server_key(paths: DataPaths, *, server_key: bytes) -> bytes | None:
    """Open the folder with the key the server keeps for this device (forgotten password)."""
    store = load_keystore(paths)
    key = store.try_slot("server", server_key)
    if key is not None:
        remember(paths, key)
        store.failures, store.not_before = 0, 0.0
        store.save()
        queue_event(paths, "unlock", store=store, how="server")
    return key


def change_password(paths: DataPaths, *, new_password: str) -> None:
    """Rewrap the data key under a new password (the folder must be unlocked)."""
    key = _require_key(paths)
    store = load_keystore(paths)
    store.set_password(key, new_password)
    store.save()


def new_recovery_code(paths: DataPaths) -> str:
    """Replace the recovery code (the old one stops working); shown once."""
    key = _require_key(paths)
    store = load_keystore(paths)
    code = store.new_recovery(key)
    store.save()
    return code


def _require_key(paths: DataPaths) -> bytes:
    key = data_key(paths)
    if key is None:
        raise KeystoreError("the data folder is locked")
    return key


# -- the PIN --------------------------------------------------------------------------------
def pin_available() -> bool:
    """A PIN needs a working OS keyring to hold its pepper (see ``keystore``)."""
    return keyring_access.secure_keyring() is not None


def pin_pepper(store: Keystore) -> bytes | None:
    value = keyring_access.get(PIN_SERVICE, store.key_id)
    return bytes.fromhex(value) if value else None


def set_pin(paths: DataPaths, *, pin: str) -> bool:
    """Add (or replace) the PIN; False when there is no keyring to hold its pepper."""
    if not is_pin(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    key = _require_key(paths)
    store = load_keystore(paths)
    pepper = crypto.new_data_key()
    if not keyring_access.put(PIN_SERVICE, store.key_id, pepper.hex()):
        return False
    store.set_pin(key, pin, pepper)
    store.save()
    return True


def remove_pin(paths: DataPaths) -> None:
    store = load_keystore(paths)
    store.remove("pin")
    store.save()
    keyring_access.delete(PIN_SERVICE, store.key_id)


# -- an unlock kept for later commands ------------------------------------------------------
def unlock_cache_name(paths: DataPaths) -> str:
    return _name(paths)


def keep_unlocked(paths: DataPaths, *, minutes: int) -> bool:
    """Keep this folder's key in the OS keyring for ``minutes`` (later commands need no
    password). False when there is no trustworthy keyring: nothing is kept anywhere else."""
    key = _require_key(paths)
    until = time.time() + 60 * max(1, minutes)
    return keyring_access.put(UNLOCK_SERVICE, unlock_cache_name(paths),
                              json.dumps({"key": key.hex(), "until": until}))


def unlock_from_keyring(paths: DataPaths) -> bool:
    """Unlock with a key kept by ``keep_unlocked`` if it has not expired."""
    raw = keyring_access.get(UNLOCK_SERVICE, unlock_cache_name(paths))
    if not raw:
        return False
    try:
        kept = json.loads(raw)
        key, until = bytes.fromhex(kept["key"]), float(kept["until"])
    except (ValueError, KeyError, TypeError):
        key, until = b"", 0.0
    if until < time.time():
        keyring_access.delete(UNLOCK_SERVICE, unlock_cache_name(paths))
        return False
    try:
        store = load_keystore(paths)
    except KeystoreError:
        return False
    if crypto.key_id(key) != store.key_id:
        return False
    remember(paths, key)
    return True


def drop_kept_unlock(paths: DataPaths) -> None:
    keyring_access.delete(UNLOCK_SERVICE, unlock_cache_name(paths))


# -- opening --------------------------------------------------------------------------------
def open_unlocked(paths: DataPaths, *, progress: Callable[[int, int, str], None] | None = None
                  ) -> peewee.SqliteDatabase:
    """Open the unlocked folder's database: encrypt a plain one first, create a missing one.

    Raises DatabaseOpenError (LOCKED when the folder is not unlocked in this process).
    """
    from liaison_app.core import db as dbmod
    from liaison_app.core.security import conversion

    key = data_key(paths)
    if key is not None and (dbmod.is_plain(paths.database) or conversion.pending(paths)):
        conversion.convert(paths, key=key, progress=progress)
    database = dbmod.open_database(paths)
    flush_events(paths)
    return database


# -- events for the audit log -----------------------------------------------------------------
def queue_event(paths: DataPaths, action: str, *, store: Keystore | None = None,
                **details: Any) -> None:
    """Note an unlock outcome in the key file until the database can take it."""
    try:
        store = store or load_keystore(paths)
    except KeystoreError:
        return
    events = list(getattr(store, "events", []))
    events.append({"action": action,
                   "at": dt.datetime.now().isoformat(timespec="seconds"), **details})
    store.events = events[-MAX_EVENTS:]
    store.save()


def flush_events(paths: DataPaths) -> int:
    """Write queued unlock events as audit entries (database open); returns how many."""
    try:
        store = load_keystore(paths)
    except KeystoreError:
        return 0
    if not store.events:
        return 0
    from liaison_app.core.services import account, audit

    # The laptop's owner unlocked (or failed to): the entries are theirs.
    owner = str((account.account_info() or {}).get("officer_id") or "")
    for event in store.events:
        details = {k: v for k, v in event.items() if k not in ("action", "at")}
        audit.record(action=str(event["action"]), officer_id=owner,
                     at=dt.datetime.fromisoformat(str(event["at"])), details=details)
    count = len(store.events)
    store.events = []
    store.save()
    return count
