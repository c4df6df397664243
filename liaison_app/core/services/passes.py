"""Checking a pass: from its QR text or a photo of the card, offline, with the county's keys.

A laptop holds the county's public keys (``county_key``) and the county-wide revocations
(``pass_revocation``), both pulled by sync, so it can answer for any pass in the county with
no network. The order of the checks matters to the guard: a code that is not signed by a
county key is *forged* whatever it says; only a genuine pass can be *revoked*, *not yet
valid* or *expired*.

How signatures are made and why the server makes them: ``sync/server/pass_keys.py``. The
code's format: ``core/pass_codes.py``.

Any thread may call these functions (reads only).
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path

from liaison_app.core import clock, i18n, pass_codes
from liaison_app.core.i18n import Message
from liaison_app.core.masking import mask_id_number, mask_name
from liaison_app.core.models import CountyKey, IssuedPass, PassRevocation


class Outcome(str, enum.Enum):
    VALID = "valid"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    #: Printed before the server signed it: not proof of anything at a gate.
    PROVISIONAL = "provisional"
    #: Signed by a key this laptop does not know: sync to get the county's keys.
    UNKNOWN_KEY = "unknown_key"
    FORGED = "forged"
    #: No pass code could be read at all.
    UNREADABLE = "unreadable"


#: ``liaison verify-pass`` exit codes: 0 only for a pass that lets its holder in.
EXIT_CODES: dict[Outcome, int] = {
    Outcome.VALID: 0, Outcome.EXPIRED: 1, Outcome.NOT_YET_VALID: 1, Outcome.REVOKED: 2,
    Outcome.FORGED: 3, Outcome.UNKNOWN_KEY: 4, Outcome.PROVISIONAL: 5, Outcome.UNREADABLE: 6,
}

HEADLINES: dict[Outcome, Message] = {
    Outcome.VALID: i18n.translate("Passes", "Valid pass"),
    Outcome.NOT_YET_VALID: i18n.translate("Passes", "Not valid yet"),
    Outcome.EXPIRED: i18n.translate("Passes", "Expired"),
    Outcome.REVOKED: i18n.translate("Passes", "Revoked"),
    Outcome.PROVISIONAL: i18n.translate("Passes", "Provisional: not signed yet"),
    Outcome.UNKNOWN_KEY: i18n.translate("Passes", "Unknown signing key"),
    Outcome.FORGED: i18n.translate("Passes", "Forged or altered"),
    Outcome.UNREADABLE: i18n.translate("Passes", "No pass code found"),
}

_EXPLANATIONS: dict[Outcome, Message] = {
    Outcome.VALID: i18n.translate(
        "Passes", "The county's signature is genuine and the pass is valid today. Compare "
        "the name and ID number with the holder's ID card."),
    Outcome.NOT_YET_VALID: i18n.translate(
        "Passes", "The pass is genuine but only valid from {start}."),
    Outcome.EXPIRED: i18n.translate(
        "Passes", "The pass is genuine but expired on {end}."),
    Outcome.REVOKED: i18n.translate(
        "Passes", "The pass was withdrawn on {day}: do not let the holder in on it."),
    Outcome.PROVISIONAL: i18n.translate(
        "Passes", "This card was printed before the service centre signed the pass. Ask the "
        "liaison officer to sync and print it again."),
    Outcome.UNKNOWN_KEY: i18n.translate(
        "Passes", "The pass names signing key {key}, which this computer does not have. Sync "
        "with the server, then check again; if it stays unknown, treat the pass as forged."),
    Outcome.FORGED: i18n.translate(
        "Passes", "The code does not carry the county's signature, or something on it was "
        "changed. Do not let the holder in on it."),
    Outcome.UNREADABLE: i18n.translate(
        "Passes", "No pass QR code could be read. Take the photo straight on, in good light, "
        "with the whole code in the picture."),
}


@dataclass(frozen=True)
class PassCheck:
    outcome: Outcome
    code: pass_codes.PassCode | None = None
    revoked_on: dt.date | None = None

    @property
    def headline(self) -> str:
        return HEADLINES[self.outcome].text()

    @property
    def explanation(self) -> str:
        code = self.code
        return _EXPLANATIONS[self.outcome].format(
            start=code.valid_from.isoformat() if code else "",
            end=code.valid_to.isoformat() if code else "",
            key=code.key_id if code else "",
            day=self.revoked_on.isoformat() if self.revoked_on else "").text()

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.outcome]


_LABELS: dict[str, Message] = {
    "pass_no": i18n.translate("Passes", "Pass number: {value}"),
    "holder": i18n.translate("Passes", "Holder: {value}"),
    "unit": i18n.translate("Passes", "Unit: {value}"),
    "validity": i18n.translate("Passes", "Valid: {value}"),
    "key": i18n.translate("Passes", "Signed with county key {value}"),
}


def describe(result: PassCheck) -> list[str]:
    """The answer as lines for a person: the verdict, why, then what the code says."""
    lines = [result.headline, result.explanation]
    code = result.code
    if code is not None and result.outcome is not Outcome.FORGED:
        lines += [_LABELS["pass_no"].format(value=code.pass_no).text(),
                  _LABELS["holder"].format(value=code.holder).text(),
                  _LABELS["unit"].format(value=code.unit).text(),
                  _LABELS["validity"].format(
                      value=f"{code.valid_from.isoformat()} — {code.valid_to.isoformat()}"
                  ).text()]
        if code.key_id:
            lines.append(_LABELS["key"].format(value=code.key_id).text())
    return lines


def holder_of(*, name: str, id_number: str) -> str:
    """What a pass shows of its holder: masked name and masked ID number."""
    return " ".join(filter(None, [mask_name(name), mask_id_number(id_number)]))


def code_of(rec: IssuedPass) -> pass_codes.PassCode:
    """The QR code of an issued pass: signed when the server signed it, else provisional."""
    return pass_codes.make_code(pass_no=rec.pass_no, valid_from=rec.valid_from,
                                valid_to=rec.valid_to, holder=rec.holder, unit=rec.unit,
                                key_id=rec.sign_key_id, signature=rec.signature)


def _public_key(key_id: str) -> bytes | None:
    row = CountyKey.get_or_none((CountyKey.key_id == key_id)
                                & (CountyKey.deleted == False))  # noqa: E712
    return bytes.fromhex(row.public_key) if row is not None else None


def _revoked_on(pass_no: str) -> dt.date | None:
    row = (PassRevocation.select(PassRevocation.revoked_on)
           .where(PassRevocation.pass_no == pass_no)
           .order_by(PassRevocation.revoked_on).first())
    if row is not None:
        return row.revoked_on  # type: ignore[no-any-return]
    # This laptop's own revocation of a pass not yet on the county-wide list.
    local = IssuedPass.get_or_none((IssuedPass.pass_no == pass_no)
                                   & (IssuedPass.state == "revoked"))
    if local is not None and local.revoked_at is not None:
        return local.revoked_at.date()  # type: ignore[no-any-return]
    return None


def check_text(text: str, *, today: dt.date | None = None) -> PassCheck:
    """What a scanned or typed pass code is worth today."""
    try:
        code = pass_codes.parse(text)
    except pass_codes.NotAPass:
        return PassCheck(Outcome.UNREADABLE)
    if code.provisional:
        return PassCheck(Outcome.PROVISIONAL, code)
    public = _public_key(code.key_id)
    if public is None:
        return PassCheck(Outcome.UNKNOWN_KEY, code)
    if not pass_codes.signature_valid(code, public_key=public):
        return PassCheck(Outcome.FORGED, code)
    revoked = _revoked_on(code.pass_no)
    if revoked is not None:
        return PassCheck(Outcome.REVOKED, code, revoked_on=revoked)
    today = today or clock.today()
    if today < code.valid_from:
        return PassCheck(Outcome.NOT_YET_VALID, code)
    if today > code.valid_to:
        return PassCheck(Outcome.EXPIRED, code)
    return PassCheck(Outcome.VALID, code)


#: Long sides a picture is decoded at, smallest first: a photo of one card reads at the
#: first (fast: a 12-megapixel JPEG is decoded straight at a reduced scale), a scan of a
#: whole sheet, where the code is a small part, needs the second.
_DECODE_SIDES = (1200, 2400)


def _read_codes(image_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image, ImageOps

    texts: list[str] = []
    for side in _DECODE_SIDES:
        with Image.open(image_path) as raw:
            # JPEG: let the decoder scale down by 1/2-1/8 while decoding (several times
            # faster than decoding 12 megapixels and resizing after).
            raw.draft("L", (side, side))
            picture = ImageOps.exif_transpose(raw).convert("L")
        if max(picture.size) > side:
            picture.thumbnail((side, side))
        texts = [b.text for b in zxingcpp.read_barcodes(
            picture, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=True,
            try_downscale=True)]
        if any(t.startswith(pass_codes.PREFIX + pass_codes.SEP) for t in texts):
            return texts
    return texts


def check_image(image_path: Path, *, today: dt.date | None = None) -> PassCheck:
    """The best answer for the pass codes in a photo or scan (zxing-cpp, any rotation): a
    pass among other codes counts. OSError when the file is no picture."""
    results = [check_text(t, today=today) for t in _read_codes(image_path)]
    passes = [r for r in results if r.code is not None]
    if not passes:
        return results[0] if results else PassCheck(Outcome.UNREADABLE)
    return min(passes, key=lambda r: EXIT_CODES[r.outcome])
