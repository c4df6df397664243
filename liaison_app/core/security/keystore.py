"""The key file: the data key, wrapped once per way of unlocking, and the unlock throttle.

``liaison.keys`` sits beside the database. It holds nothing readable about anyone: the data
key only sealed (see ``crypto``), the owner's user name, the device id, and the count of
failed unlocks. Without one of the secrets the file is worthless; without the file the
database and attachments are noise, so removing it is how a lost laptop's data is destroyed.

Ways in ("slots"), each an independent wrapping of the same data key:

- ``password``: the officer's password. Before the laptop is signed in to a server this is a
  local password chosen at first start; the first sign-in replaces it with the account's
  password, so an officer has one password to remember.
- ``recovery``: a random code shown once at set-up (120 bits; no stretching needed) for a
  forgotten password without a network.
- ``server``: a key the county server keeps for this device and account, handed out again
  only to a successful online sign-in — a forgotten password reset by the centre still
  opens the laptop, with every unsynced change in it. A lost laptop's server key is deleted.
- ``pin``: a short PIN set after the password. A PIN alone is too short to resist someone
  guessing against a copied file, so its key also needs a random "pepper" kept in the OS
  keyring (sealed by the person's desktop login); without a keyring there is no PIN. Five
  failed unlocks in a row remove the PIN; the password is then needed.

Failed unlocks slow down exponentially (``delay_after``); the count is kept in the file so
restarting the app does not reset it. Someone who copies the file can of course try offline:
against that only the cost of argon2id helps, which is why the password is required to be
long enough (``MIN_PASSWORD``).

Writes go to a temporary file, are flushed to disk and renamed over the old file: a crash
leaves the old key file or the new one, never half of one.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liaison_app.core.files import write_atomic
from liaison_app.core.security import crypto
from liaison_app.core.security.crypto import CryptoError, KdfParams

log = logging.getLogger(__name__)

FORMAT = "liaison-keys"
VERSION = 1
FILE_NAME = "liaison.keys"
MIN_PASSWORD = 8
PIN_DIGITS = (4, 8)
#: Unlocks that may fail before any waiting starts.
FREE_FAILURES = 3
MAX_DELAY = 15 * 60
#: Failed unlocks after which a PIN no longer works.
PIN_FAILURES = 5
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 4

PASSWORD, PIN, RECOVERY, SERVER = "password", "pin", "recovery", "server"


class KeystoreError(Exception):
    """The key file is missing, unreadable or from a newer version."""


class WrongSecret(Exception):
    """The secret did not unwrap any slot; ``wait`` seconds must pass before the next try."""

    def __init__(self, *, failures: int, wait: float) -> None:
        super().__init__(f"wrong secret ({failures} failures)")
        self.failures = failures
        self.wait = wait


class TooSoon(Exception):
    """An unlock was attempted before the throttle allows the next one."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"wait {wait:.0f} s")
        self.wait = wait


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed unlocks in a row: 0, 0, 0, 2, 4, 8, …"""
    if failures < FREE_FAILURES:
        return 0.0
    return float(min(MAX_DELAY, 2 ** (failures - FREE_FAILURES + 1)))


def new_recovery_code() -> str:
    groups = ["".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LEN))
              for _ in range(RECOVERY_GROUPS)]
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """Accept the code as a person types it: any case, spaces or dashes anywhere."""
    raw = "".join(c for c in text.upper() if c.isalnum())
    if len(raw) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN:
        return ""
    return "-".join(raw[i:i + RECOVERY_GROUP_LEN]
                    for i in range(0, len(raw), RECOVERY_GROUP_LEN))


def looks_like_recovery_code(text: str) -> bool:
    code = normalise_recovery_code(text)
    return bool(code) and all(c in RECOVERY_ALPHABET for c in code.replace("-", ""))


def is_pin(text: str) -> bool:
    return text.isdigit() and PIN_DIGITS[0] <= len(text) <= PIN_DIGITS[1]


@dataclass
class Slot:
    kind: str
    kdf: KdfParams
    nonce: str
    sealed: str
    #: For a ``server`` slot: the account it was issued to.
    username: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "kdf": self.kdf.to_dict(), "nonce": self.nonce,
                "sealed": self.sealed, "username": self.username}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Slot:
        return cls(kind=str(raw["kind"]), kdf=KdfParams.from_dict(raw["kdf"]),
                   nonce=str(raw["nonce"]), sealed=str(raw["sealed"]),
                   username=str(raw.get("username", "")))


def _label(kind: str) -> str:
    return f"liaison-keys/v{VERSION}/{kind}"


@dataclass
class Keystore:
    path: Path
    key_id: str
    device_id: str = ""
    #: "local" until the laptop is signed in to a server, then "account".
    owner_kind: str = "local"
    owner_username: str = ""
    owner_server: str = ""
    slots: list[Slot] = field(default_factory=list)
    failures: int = 0
    not_before: float = 0.0
    created_at: str = ""
    #: Unlock outcomes not yet written to the audit log (the database was closed).
    events: list[dict[str, Any]] = field(default_factory=list)
    #: Password KDF parameters for new slots (tests use cheaper ones).
    kdf: KdfParams = crypto.PASSWORD_KDF

    # -- files ---------------------------------------------------------------------------
    @classmethod
    def file_for(cls, root: Path) -> Path:
        return root / FILE_NAME

    @classmethod
    def exists(cls, root: Path) -> bool:
        return cls.file_for(root).exists()

    @classmethod
    def load(cls, root: Path) -> Keystore:
        path = cls.file_for(root)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KeystoreError(f"no key file at {path}") from exc
        except (OSError, ValueError) as exc:
            raise KeystoreError(f"the key file {path} is unreadable: {exc}") from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise KeystoreError(f"{path} is not a Liaison key file")
        if int(raw.get("version", 0)) > VERSION:
            raise KeystoreError(f"{path} was written by a newer version of Liaison")
        try:
            return cls(
                path=path, key_id=str(raw["key_id"]), device_id=str(raw.get("device_id", "")),
                owner_kind=str(raw.get("owner", {}).get("kind", "local")),
                owner_username=str(raw.get("owner", {}).get("username", "")),
                owner_server=str(raw.get("owner", {}).get("server", "")),
                slots=[Slot.from_dict(s) for s in raw.get("slots", [])],
                failures=int(raw.get("throttle", {}).get("failures", 0)),
                not_before=float(raw.get("throttle", {}).get("not_before", 0.0)),
                created_at=str(raw.get("created_at", "")),
                events=[e for e in raw.get("events", []) if isinstance(e, dict)],
                kdf=KdfParams.from_dict(raw["kdf"]) if "kdf" in raw else crypto.PASSWORD_KDF)
        except (KeyError, TypeError, ValueError) as exc:
            raise KeystoreError(f"the key file {path} is damaged: {exc}") from exc

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "key_id": self.key_id,
            "device_id": self.device_id, "created_at": self.created_at,
            "owner": {"kind": self.owner_kind, "username": self.owner_username,
                      "server": self.owner_server},
            "kdf": self.kdf.to_dict(),
            "slots": [s.to_dict() for s in self.slots],
            "throttle": {"failures": self.failures, "not_before": self.not_before},
            "events": self.events,
        }

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.to_dict(), indent=1).encode())

    # -- creating ------------------------------------------------------------------------
    @classmethod
    def create(cls, root: Path, *, data_key: bytes, password: str, device_id: str = "",
               kdf: KdfParams = crypto.PASSWORD_KDF) -> tuple[Keystore, str]:
        """A new key file for ``data_key`` with a password and a recovery code.

        Returns the key file and the recovery code, which is shown once and never stored.
        """
        store = cls(path=cls.file_for(root), key_id=crypto.key_id(data_key),
                    device_id=device_id, kdf=kdf,
                    created_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
        store.set_password(data_key, password)
        code = store.new_recovery(data_key)
        root.mkdir(parents=True, exist_ok=True)
        store.save()
        return store, code

    def _slot(self, kind: str, secret: str | bytes, data_key: bytes, params: KdfParams,
              username: str = "") -> Slot:
        params = params.with_new_salt()
        kek = crypto.secret_key(secret, params)
        nonce, sealed = crypto.wrap(kek, data_key, label=_label(kind))
        return Slot(kind=kind, kdf=params, nonce=nonce, sealed=sealed, username=username)

    def _replace(self, slot: Slot) -> None:
        self.slots = [s for s in self.slots if s.kind != slot.kind] + [slot]

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.slots)

    def set_password(self, data_key: bytes, password: str) -> None:
        self._replace(self._slot(PASSWORD, password, data_key, self.kdf))

    def new_recovery(self, data_key: bytes) -> str:
        code = new_recovery_code()
        self._replace(self._slot(RECOVERY, code, data_key, crypto.RANDOM_SECRET_KDF))
        return code

    def set_pin(self, data_key: bytes, pin: str, pepper: bytes) -> None:
        self._replace(self._slot(PIN, pin.encode() + pepper, data_key, self.kdf))

    def remove(self, kind: str) -> None:
        self.slots = [s for s in self.slots if s.kind != kind]

    def set_server_key(self, data_key: bytes, server_key: bytes, *, username: str) -> None:
        self._replace(self._slot(SERVER, server_key, data_key, crypto.RANDOM_SECRET_KDF,
                                 username=username))

    # -- unlocking -----------------------------------------------------------------------
    def wait_seconds(self, *, now: float | None = None) -> float:
        now = time.time() if now is None else now
        return max(0.0, self.not_before - now)

    def try_slot(self, kind: str, secret: str | bytes) -> bytes | None:
        """The data key if ``secret`` opens the ``kind`` slot; None otherwise. No throttle."""
        for slot in self.slots:
            if slot.kind != kind:
                continue
            try:
                key = crypto.unwrap(crypto.secret_key(secret, slot.kdf), slot.nonce,
                                    slot.sealed, label=_label(kind))
            except CryptoError:
                continue
            if crypto.key_id(key) != self.key_id:
                raise KeystoreError("the key file holds a key for another database")
            return key
        return None

    def unlock(self, *, password: str = "", pin: str = "", pin_pepper: bytes | None = None,
               recovery: str = "", server_key: bytes | None = None) -> bytes:
        """The data key, or WrongSecret / TooSoon. Persists the outcome in the key file."""
        wait = self.wait_seconds()
        if wait > 0:
            raise TooSoon(wait)
        key: bytes | None = None
        if server_key is not None:
            key = self.try_slot(SERVER, server_key)
        if key is None and pin and pin_pepper is not None and self.has(PIN):
            key = self.try_slot(PIN, pin.encode() + pin_pepper)
        if key is None and recovery:
            code = normalise_recovery_code(recovery)
            key = self.try_slot(RECOVERY, code) if code else None
        if key is None and password:
            key = self.try_slot(PASSWORD, password)
        if key is None:
            self.failures += 1
            wait = delay_after(self.failures)
            self.not_before = time.time() + wait
            if self.failures >= PIN_FAILURES and self.has(PIN):
                log.warning("%d failed unlocks: the PIN is withdrawn", self.failures)
                self.remove(PIN)
            self.save()
            raise WrongSecret(failures=self.failures, wait=wait)
        if self.failures or self.not_before:
            self.failures = 0
            self.not_before = 0.0
            self.save()
        return key


def shred(path: Path) -> None:
    """Overwrite a small file with random bytes, then delete it.

    On a flash disk the old blocks may survive the overwrite; what makes the data
    unreadable is that every copy of the key file is gone and the rest is ciphertext.
    """
    try:
        size = path.stat().st_size
        with path.open("r+b") as fh:
            fh.write(secrets.token_bytes(max(size, 1)))
            fh.flush()
            os.fsync(fh.fileno())
    except FileNotFoundError:
        return
    except OSError:
        log.warning("could not overwrite %s before deleting it", path)
    path.unlink(missing_ok=True)
