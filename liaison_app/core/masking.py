"""De-identification of ID numbers and phone numbers for lists and printouts.

Lists show masked numbers by default (PIPL minimum exposure). The functions never reveal more
than the agreed pattern: an ID shows its first 6 and last 4 characters, a phone its first 3
and last 4 digits. Input that is too short to keep that many characters hidden is masked
entirely rather than partly revealed.
"""

from __future__ import annotations

__all__ = ["mask_id_number", "mask_name", "mask_phone"]

_ID_HEAD = 6
_ID_TAIL = 4
_ID_STARS = 8
_PHONE_HEAD = 3
_PHONE_TAIL = 4
_PHONE_STARS = 4
_SEPARATORS = " \t-\u3000"


def _compact(value: str | None) -> str:
    if not value:
        return ""
    return "".join(ch for ch in str(value).strip() if ch not in _SEPARATORS)


def mask_id_number(value: str | None) -> str:
    """Mask a resident ID number as ``370101********1234``.

    A genuine 18-character number keeps its first 6 and last 4 characters. Shorter numbers
    (old 15-digit IDs, passports, typos) keep proportionally less, so that at least as many
    characters are hidden as shown; anything shorter than 8 characters is fully starred.
    Any thread may call this.
    """
    text = _compact(value).upper()
    if not text:
        return ""
    if len(text) >= _ID_HEAD + _ID_STARS + _ID_TAIL:
        return text[:_ID_HEAD] + "*" * _ID_STARS + text[-_ID_TAIL:]
    if len(text) < 8:
        return "*" * max(len(text), 4)
    # Show at most a quarter at each end of an odd-length identifier.
    keep = len(text) // 4
    return text[:keep] + "*" * _ID_STARS + text[-keep:]


def mask_phone(value: str | None) -> str:
    """Mask a phone number as ``138****1234``.

    Spaces, dashes and a leading +86/0086 are ignored. Numbers with fewer than 11 digits (short
    landlines, extensions, typos) show at most their last 2 characters. Any thread may call this.
    """
    text = _compact(value)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    if not text:
        return ""
    if len(text) >= _PHONE_HEAD + _PHONE_STARS + _PHONE_TAIL:
        return text[:_PHONE_HEAD] + "*" * _PHONE_STARS + text[-_PHONE_TAIL:]
    if len(text) < 6:
        return "*" * max(len(text), 4)
    return "*" * _PHONE_STARS + text[-2:]


def mask_name(value: str | None) -> str:
    """Mask a person's name as ``张*三``: the first and last character kept, the rest starred;
    a two-character name keeps its first (``李*``). Characters outside the BMP count as one.
    Any thread may call this."""
    text = "".join(str(value or "").split())
    if len(text) <= 1:
        return text
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]
