"""Removing a laptop's data when the centre reports it lost or retires it.

The data is destroyed by destroying its key first: the key file is overwritten and deleted,
and the secrets kept for it in the OS keyring are removed. From that moment the database,
attachments and backups left on the disk are ciphertext nobody can open, wherever copies of
them went. Then the files themselves are deleted (on Windows a file still open is deleted at
the next start). A small note says when and why, so the next start can tell the person.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
from typing import Any

from liaison_app.core.files import write_atomic
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import keyring_access, session
from liaison_app.core.security.keystore import Keystore, KeystoreError, shred

log = logging.getLogger(__name__)

MARKER = "wiped.json"


def destroy_keys(paths: DataPaths, *, reason: str) -> None:
    """Make the folder's data unreadable for good (see the module doc). Any thread."""
    try:
        store = Keystore.load(paths.root)
        keyring_access.delete(session.PIN_SERVICE, store.key_id)
    except KeystoreError:
        pass
    keyring_access.delete(session.UNLOCK_SERVICE, session.unlock_cache_name(paths))
    shred(Keystore.file_for(paths.root))
    session.forget(paths)
    write_atomic(paths.root / MARKER, json.dumps({
        "reason": reason, "at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }).encode())
    log.warning("data key destroyed (%s)", reason)


def remove_files(paths: DataPaths) -> None:
    """Delete what is left: database, attachments, backups, logs. Best effort."""
    root = paths.root
    victims = [paths.attachments, paths.backups, paths.logs,
               *root.glob("liaison*.sqlite3*"), *root.glob("*.encrypting")]
    for victim in victims:
        try:
            if victim.is_dir():
                shutil.rmtree(victim, ignore_errors=True)
            else:
                victim.unlink(missing_ok=True)
        except OSError:
            log.info("could not delete %s now", victim)


def marker(paths: DataPaths) -> dict[str, Any] | None:
    """When and why this folder's data was removed, if it was."""
    try:
        raw = json.loads((paths.root / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) else None


def clear_marker(paths: DataPaths) -> None:
    (paths.root / MARKER).unlink(missing_ok=True)


def finish_if_wiped(paths: DataPaths) -> bool:
    """At start: if the folder was wiped, delete any leftovers (files that were open
    then). True when the folder had been wiped."""
    if marker(paths) is None:
        return False
    if not Keystore.exists(paths.root):
        remove_files(paths)
    return True
