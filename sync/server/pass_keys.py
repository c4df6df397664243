"""The county's pass-signing keys: made and rotated by the administrator, used by the server.

Why the server signs, not the laptops: a pass is shown at gates all over the county, so a
guard must be able to trust it without asking anyone; a key on every laptop would mean any
lost laptop could mint passes until someone noticed. So the private key lives only here, in
``<data dir>/pass-keys/<key id>.pem`` (mode 0600; encrypted with the passphrase in
``LIAISON_PASS_KEY_PASSPHRASE`` when that is set), and is never synced. Each public key is
published as a ``county_key`` record that every laptop pulls, which is all verification
needs. A laptop issuing passes offline prints them as *provisional* (the card says so and a
gate check says so); the server signs each pass in the push that brings it (the hook
``sign_pass``), the signature comes back with the next pull and the cards are printed again.

Rotating makes a new key the one that signs; older keys stay published (marked retired) so
passes they signed keep verifying until they expire.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from liaison_app.core import clock, pass_codes
from sync.server.hooks import BatchView

ENV_PASSPHRASE = "LIAISON_PASS_KEY_PASSPHRASE"
_FOLDER = "pass-keys"
_ACTIVE = "active"

_data_dir: Path | None = None


def configure(data_dir: Path) -> None:
    """Tell the signing hook where the keys are (the server's data folder). Called by
    ``create_app``; each worker process calls it for itself."""
    global _data_dir
    _data_dir = data_dir


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    public_key: str
    active: bool
    created: dt.datetime


def _folder(data_dir: Path) -> Path:
    return data_dir / _FOLDER


def _passphrase() -> bytes | None:
    value = os.environ.get(ENV_PASSPHRASE, "")
    return value.encode() if value else None


def _write_private(path: Path, key: Ed25519PrivateKey) -> None:
    secret = _passphrase()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(secret) if secret
        else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            encryption)
    # Created 0600 from the start: never readable by others, not even for a moment.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)


def load_private(data_dir: Path, key_id: str) -> Ed25519PrivateKey:
    pem = (_folder(data_dir) / f"{key_id}.pem").read_bytes()
    key = serialization.load_pem_private_key(pem, password=_passphrase())
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{key_id}.pem is not an Ed25519 key")
    return key


def active_key_id(data_dir: Path) -> str | None:
    marker = _folder(data_dir) / _ACTIVE
    return marker.read_text().strip() or None if marker.exists() else None


def list_keys(data_dir: Path) -> list[KeyInfo]:
    active = active_key_id(data_dir)
    out = []
    for pem in sorted(_folder(data_dir).glob("*.pem")):
        key = load_private(data_dir, pem.stem)
        public = pass_codes.public_bytes(key.public_key()).hex()
        out.append(KeyInfo(pem.stem, public, pem.stem == active,
                           dt.datetime.fromtimestamp(pem.stat().st_mtime)))
    return sorted(out, key=lambda k: k.created)


def create_key(data_dir: Path) -> KeyInfo:
    """Make a new county key, make it the one that signs, and publish its public half (the
    previous active key, if any, is published as retired). Needs the server database open."""
    from sync.server.models import SeqCounter, write_transaction
    from sync.server.store import server_write

    folder = _folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    key = Ed25519PrivateKey.generate()
    public = pass_codes.public_bytes(key.public_key())
    key_id = pass_codes.key_id_of(public)
    previous = active_key_id(data_dir)
    _write_private(folder / f"{key_id}.pem", key)
    today = clock.today().isoformat()
    with write_transaction():
        counter = SeqCounter()
        server_write(table="county_key", record_id=county_key_record_id(key_id),
                     data={"key_id": key_id, "public_key": public.hex(), "retired_on": None,
                           "created_by": "", "deleted": False}, counter=counter)
        if previous and previous != key_id:
            server_write(table="county_key", record_id=county_key_record_id(previous),
                         data={"retired_on": today}, counter=counter)
        counter.flush()
    marker = folder / _ACTIVE
    marker.write_text(key_id + "\n")
    return KeyInfo(key_id, public.hex(), True, dt.datetime.now())


def county_key_record_id(key_id: str) -> str:
    """The record id of a key: derived from its key id, so publishing again is an update."""
    import uuid

    return str(uuid.uuid5(uuid.UUID("0b6a3f7e-93a1-4c55-8a0e-5d2b8f1c7e90"), key_id))


def _signer(batch: BatchView) -> Ed25519PrivateKey | None:
    cached = batch.hook_cache.get("pass_signer", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    key = None
    if _data_dir is not None:
        key_id = active_key_id(_data_dir)
        if key_id:
            key = load_private(_data_dir, key_id)
    batch.hook_cache["pass_signer"] = key
    return key


def sign_pass(batch: BatchView, record_id: str, data: dict[str, Any],
              deleted: bool) -> dict[str, Any]:
    """Sign an issued pass (or sign it again if what the signature covers has changed).

    With no key yet (the administrator has not made one) the pass stays unsigned and its
    card provisional; it is signed when it next changes on the server (a reissue makes a new
    pass anyway). A pass from a laptop older than signed codes has no holder and is left
    unsigned: its card was never meant to be checked this way."""
    del record_id
    if deleted or data.get("state") != "active":
        return {}
    key = _signer(batch)
    if key is None:
        return {}
    code = _code_of(data)
    if code is None:
        return {}
    signed = pass_codes.sign(code, private_key=key)
    if data.get("signature") == signed.signature and data.get("sign_key_id") == signed.key_id:
        return {}
    return {"signature": signed.signature, "sign_key_id": signed.key_id}


def _code_of(data: dict[str, Any]) -> pass_codes.PassCode | None:
    if not data.get("holder"):
        return None
    try:
        return pass_codes.make_code(
            pass_no=str(data.get("pass_no") or ""),
            valid_from=dt.date.fromisoformat(str(data.get("valid_from"))),
            valid_to=dt.date.fromisoformat(str(data.get("valid_to"))),
            holder=str(data.get("holder") or ""), unit=str(data.get("unit") or ""))
    except ValueError:
        return None


# -- liaison-server pass-key ------------------------------------------------------------------

def cmd_pass_key(args: Any) -> int:
    import sys

    from sync.server.cli import _data_dir

    data_dir = _data_dir(args)
    if args.action == "list":
        keys = list_keys(data_dir) if _folder(data_dir).exists() else []
        if not keys:
            print("no pass key yet: make one with 'liaison-server pass-key create'")
            return 1
        for k in keys:
            state = "signing" if k.active else "retired (still verifies)"
            print(f"{k.key_id}  {k.created:%Y-%m-%d %H:%M}  {state}  public {k.public_key}")
        return 0
    current = active_key_id(data_dir) if _folder(data_dir).exists() else None
    if args.action == "create" and current:
        print(f"the county already has pass key {current}; use 'pass-key rotate' to replace "
              f"it", file=sys.stderr)
        return 1
    if args.action == "rotate" and not current:
        print("there is no pass key to rotate; use 'pass-key create'", file=sys.stderr)
        return 1
    info = create_key(data_dir)
    where = _folder(data_dir) / f"{info.key_id}.pem"
    protected = "encrypted with $" + ENV_PASSPHRASE if _passphrase() else "not encrypted"
    print(f"pass key {info.key_id} now signs passes ({where}, mode 0600, {protected}); "
          f"laptops receive its public key with their next sync")
    if current:
        print(f"key {current} is retired: passes it signed still verify")
    return 0


def register(sub: Any) -> None:
    keys = sub.add_parser("pass-key", help="the county's pass-signing keys")
    keys.add_argument("action", choices=["create", "rotate", "list"])
    keys.set_defaults(func=cmd_pass_key)
