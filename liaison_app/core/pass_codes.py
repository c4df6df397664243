"""What a pass's QR code says, and how its signature is made and checked.

Used by the laptop (verification, provisional cards), the gate checker and the server
(signing); imports no database and no Qt.

The code is one line of text, fields separated by ``|``::

    LP1|<pass no>|<valid from YYYYMMDD>|<valid to YYYYMMDD>|<masked holder>|<unit>|<key id>|<sig>

``sig`` is an Ed25519 signature (URL-safe base64, no padding) by the county key ``key id``
over the UTF-8 bytes of everything before the last ``|``. Everything a guard reads off the
card that matters (number, validity, the holder's masked name and ID, the unit) is inside
the signed text, so editing any of it, or copying the QR onto another person's card, fails.
The holder is masked because a pass is shown to everyone; a guard compares the masked name
and ID with the card and the person's ID card.

A card printed before the server signed its pass carries the same text with key id and
signature empty: it reads as *provisional*, never as valid.

Any thread may call these functions.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PREFIX = "LP1"
SEP = "|"
#: The unit's name is cut to this many characters inside the code: a 51-character
#: enterprise name would make the code too dense to read from a photo of a 25 mm square.
UNIT_IN_CODE = 24
_FIELDS = 8


class NotAPass(ValueError):
    """The text is not a pass code (another QR code, or damaged beyond parsing)."""


@dataclass(frozen=True)
class PassCode:
    pass_no: str
    valid_from: dt.date
    valid_to: dt.date
    #: The holder's masked name and masked ID number, e.g. ``张*三 330102********1234``.
    holder: str
    unit: str
    key_id: str = ""
    signature: str = ""

    @property
    def signed_text(self) -> str:
        """The bytes the signature covers, as text."""
        return SEP.join([PREFIX, self.pass_no, _day(self.valid_from), _day(self.valid_to),
                         self.holder, self.unit, self.key_id])

    @property
    def text(self) -> str:
        """The whole QR text."""
        return f"{self.signed_text}{SEP}{self.signature}"

    @property
    def provisional(self) -> bool:
        return not (self.key_id and self.signature)


def _clean(value: str, limit: int) -> str:
    # A "|" in a name would shift every later field; it never occurs in real names.
    text = " ".join(value.replace(SEP, "／").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def make_code(*, pass_no: str, valid_from: dt.date, valid_to: dt.date, holder: str,
              unit: str, key_id: str = "", signature: str = "") -> PassCode:
    """A pass code with its texts normalised the way they are signed."""
    if SEP in pass_no or not pass_no:
        raise ValueError("a pass number is not empty and has no '|'")
    return PassCode(pass_no=pass_no, valid_from=valid_from, valid_to=valid_to,
                    holder=_clean(holder, 40), unit=_clean(unit, UNIT_IN_CODE),
                    key_id=key_id, signature=signature)


def parse(text: str) -> PassCode:
    """The pass code in a scanned text; :class:`NotAPass` when it is none."""
    parts = text.strip().split(SEP)
    if len(parts) != _FIELDS or parts[0] != PREFIX or not parts[1]:
        raise NotAPass(text[:40])
    try:
        start = dt.datetime.strptime(parts[2], "%Y%m%d").date()
        end = dt.datetime.strptime(parts[3], "%Y%m%d").date()
    except ValueError as exc:
        raise NotAPass(text[:40]) from exc
    return PassCode(pass_no=parts[1], valid_from=start, valid_to=end, holder=parts[4],
                    unit=parts[5], key_id=parts[6], signature=parts[7])


# -- keys --------------------------------------------------------------------------------------

def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id_of(public_key: bytes) -> str:
    """A key's id: the first 8 hex digits of the SHA-256 of its raw public key."""
    return hashlib.sha256(public_key).hexdigest()[:8]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(code: PassCode, *, private_key: Ed25519PrivateKey) -> PassCode:
    """``code`` signed by ``private_key`` (its key id set from the key). Server only."""
    key_id = key_id_of(public_bytes(private_key.public_key()))
    unsigned = PassCode(pass_no=code.pass_no, valid_from=code.valid_from,
                        valid_to=code.valid_to, holder=code.holder, unit=code.unit,
                        key_id=key_id)
    signature = private_key.sign(unsigned.signed_text.encode("utf-8"))
    return PassCode(**{**unsigned.__dict__, "signature": _b64(signature)})


def signature_valid(code: PassCode, *, public_key: bytes) -> bool:
    """Whether ``code``'s signature was made by the private half of ``public_key``."""
    try:
        raw = _unb64(code.signature)
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            raw, code.signed_text.encode("utf-8"))
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True
