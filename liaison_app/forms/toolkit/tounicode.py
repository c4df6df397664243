"""Correct ToUnicode maps for characters outside the BMP in ReportLab's TrueType subsets.

ReportLab (5.1 and earlier) writes each entry of a subset's ToUnicode CMap as
``<%02X> <%04X>`` of the code point. For U+20BB7 (𠮷) that gives ``<20BB7>``, which a reader
takes as the five-digit string "20BB7" and decodes as two UTF-16 code units (U+20BB and a
stray 7): the glyph on paper is right but copying, searching and checking the PDF's text give
"₻" instead of the stored name. The PDF specification (ToUnicode, section 9.10.3) wants the
destination as UTF-16BE, so a character above U+FFFF must be written as its surrogate pair:
``<D842DFB7>``.

``apply()`` swaps ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap`` for ``make_to_unicode_cmap``
below, which differs from the original only in how it formats a destination. It is applied
once, when the toolkit's font module is imported. The function is self-contained so that it
can be offered upstream as a replacement for the original.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

__all__ = ["apply", "make_to_unicode_cmap", "utf16_hex"]

_ORIGINAL = ttfonts.makeToUnicodeCMap


def utf16_hex(code_point: int) -> str:
    """The code point as UTF-16BE hex digits: 4 in the BMP, 8 (a surrogate pair) above."""
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap for ``subset`` (code i -> subset[i]), in UTF-16BE."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def apply() -> None:
    """Install the corrected CMap writer; calling it again changes nothing."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def applied() -> bool:
    return ttfonts.makeToUnicodeCMap is make_to_unicode_cmap


def original() -> object:
    """ReportLab's own function, for the test that shows the defect."""
    return _ORIGINAL
