"""Checks for the identifiers officers type: USCC, resident ID, phone numbers.

The rules are the national standards' (GB 32100-2015 for the unified social credit code,
GB 11643-1999 for the resident ID); the algorithms are a few lines, written out here so the
messages can say exactly which character is wrong. Each check returns a list of findings;
an ``error`` blocks saving, a ``warning`` needs the officer to confirm.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from liaison_app.core import clock, i18n
from liaison_app.core.i18n import Message


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    field: str
    severity: Severity
    message: Message

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normalize_code(value: str) -> str:
    """Upper-case and strip spaces, including full-width ones typed by Chinese IMEs."""
    table = {ord("\u3000"): None, ord(" "): None}
    text = value.translate(table).strip()
    # Full-width Latin letters and digits (Ａ-Ｚ, ０-９) come from IMEs in full-width mode.
    text = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)
    return text.upper()


def uscc_check_char(first17: str) -> str:
    """The check character of a USCC given its first 17 characters (all in the alphabet)."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_uscc(value: str, *, field: str = "uscc") -> list[Finding]:
    code = normalize_code(value)
    if not code:
        return []
    if len(code) != 18:
        return [Finding(field, Severity.ERROR, i18n.translate(
            "Validation", "A unified social credit code has 18 characters; this one has {n}."
        ).format(n=len(code)))]
    for pos, ch in enumerate(code, start=1):
        if ch not in USCC_ALPHABET:
            return [Finding(field, Severity.ERROR, i18n.translate(
                "Validation",
                "Character {pos} \u201c{ch}\u201d cannot appear in a unified social credit code "
                "(the letters I, O, Z, S and V are never used).",
            ).format(pos=pos, ch=ch))]
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return [Finding(field, Severity.WARNING, i18n.translate(
            "Validation",
            "The check character should be \u201c{expected}\u201d, not \u201c{actual}\u201d. "
            "Some early codes fail this check; confirm that you copied it from the licence.",
        ).format(expected=expected, actual=code[17]))]
    return []


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_birth_date(value: str) -> dt.date | None:
    code = normalize_code(value)
    try:
        return dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return None


def check_resident_id(value: str, *, field: str = "id_number",
                      today: dt.date | None = None) -> list[Finding]:
    """Check an 18-character resident ID. Old area codes are accepted on purpose."""
    code = normalize_code(value)
    if not code:
        return []
    if len(code) != 18:
        return [Finding(field, Severity.ERROR, i18n.translate(
            "Validation", "A resident ID number has 18 characters; this one has {n}."
        ).format(n=len(code)))]
    for pos, ch in enumerate(code[:17], start=1):
        if not ch.isdigit() or not ch.isascii():
            return [Finding(field, Severity.ERROR, i18n.translate(
                "Validation", "Character {pos} \u201c{ch}\u201d of an ID number must be a digit."
            ).format(pos=pos, ch=ch))]
    if not (code[17].isascii() and (code[17].isdigit() or code[17] == "X")):
        return [Finding(field, Severity.ERROR, i18n.translate(
            "Validation", "The last character of an ID number must be a digit or X, not \u201c{ch}\u201d."
        ).format(ch=code[17]))]
    birth = id_birth_date(code)
    today = today or clock.today()
    if birth is None or birth > today or birth.year < 1900:
        return [Finding(field, Severity.ERROR, i18n.translate(
            "Validation", "Characters 7\u201314 \u201c{digits}\u201d are not a possible birth date."
        ).format(digits=code[6:14]))]
    expected = id_check_char(code[:17])
    if code[17] != expected:
        return [Finding(field, Severity.ERROR, i18n.translate(
            "Validation",
            "The check character should be \u201c{expected}\u201d, not \u201c{actual}\u201d: "
            "a digit was probably mistyped.",
        ).format(expected=expected, actual=code[17]))]
    return []


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}(\d{1,6})?$")


def normalize_phone(value: str) -> str:
    text = normalize_code(value)
    text = re.sub(r"[\s\-()（）]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text


def check_phone(value: str, *, field: str = "phone", allow_landline: bool = True) -> list[Finding]:
    raw = value.strip()
    if not raw:
        return []
    text = normalize_phone(raw)
    if _MOBILE.match(text) or (allow_landline and _LANDLINE.match(text)):
        return []
    if allow_landline:
        message = i18n.translate(
            "Validation",
            "\u201c{value}\u201d is not a phone number: a mobile has 11 digits starting with 1, "
            "a landline starts with its area code, e.g. 0534-1234567.",
        )
    else:
        message = i18n.translate(
            "Validation", "\u201c{value}\u201d is not a mobile number: it has 11 digits starting with 1."
        )
    return [Finding(field, Severity.ERROR, message.format(value=raw))]


# Yes and no as people write them in forms and spreadsheets (是/否, Y/N, 1/0, √/×, 有/无…).
_YES = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "重点", "t", "有", "已"})
_NO = frozenset({"否", "n", "no", "false", "0", "×", "✗", "不是", "非重点", "f", "无", "不",
                 "未"})


def yes_no(text: str) -> bool | None:
    """True or False for a written yes or no (full-width forms folded), None for anything
    else."""
    key = unicodedata.normalize("NFKC", text).strip().casefold()
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def required(value: object, *, field: str, label: Message) -> list[Finding]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Finding(field, Severity.ERROR, i18n.translate(
            "Validation", "{label} is required.").format(label=label))]
    return []
