"""Pass cards print rare name characters (𠮷 outside the BMP, 䶮 and 㛃 from Extension A) with
the glyph of an embedded font that has them, and the PDF's text gives back what was stored; a
character no font has stops the print and names the card's field."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics

from liaison_app.core import pass_codes
from liaison_app.forms import pass_cards
from liaison_app.forms.data import PassCard, PassCardsData
from liaison_app.forms.toolkit import UncoveredCharacter, find_font_chain

RARE = "𠮷䶮㛃"
PEOPLE = (("𠮷田㛃", "𠮷祥䶮㛃机械有限公司"), ("王䶮", "㛃氏纺织厂"), ("李㛃", "德州𠮷利化工"))


def _card(name: str, unit: str, *, provisional: bool = False) -> PassCard:
    start, end = dt.date(2026, 11, 1), dt.date(2027, 1, 31)
    code = pass_codes.make_code(pass_no="AB2CD-000001", valid_from=start, valid_to=end,
                                holder=name, unit=unit)
    return PassCard(pass_no=code.pass_no, check_code="", name=name, enterprise_name=unit,
                    valid_from=start, valid_to=end, areas="厂区、𠮷祥路",
                    qr_text=code.text, provisional=provisional)


def _lines(path: Path) -> list[tuple[str, set[str]]]:
    """Each printed line's text (characters on one baseline, left to right) and its fonts."""
    with pdfplumber.open(path) as pdf:
        rows: dict[tuple[int, int], list[dict]] = {}
        for n, page in enumerate(pdf.pages):
            for c in page.chars:
                # By baseline: faces of one line differ in ascent and descent.
                rows.setdefault((n, -round(c["matrix"][5], 1)), []).append(c)
    out = []
    for _key, chars in sorted(rows.items()):
        chars.sort(key=lambda c: c["x0"])
        out.append(("".join(c["text"] for c in chars), {c["fontname"] for c in chars}))
    return out


def test_rare_characters_print_from_an_embedded_font_and_extract_as_stored(
        tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    cards = tuple(_card(n, u, provisional=i == 1) for i, (n, u) in enumerate(PEOPLE))
    result = pass_cards.build(PassCardsData(cards=cards, issuer="某某县指挥部"), out=out)
    assert all(f.embedded for f in result.fonts)
    text = "\n".join(t for t, _f in _lines(out))
    for name, unit in PEOPLE:
        # The value follows its label on the same line, character for character.
        assert f"姓名：{name}" in text.replace(" ", "")
        assert f"单位：{unit}" in text.replace(" ", "")
    chain = find_font_chain()
    with pdfplumber.open(out) as pdf:
        rare = [c for c in pdf.pages[0].chars if c["text"] in RARE]
    assert {c["text"] for c in rare} == set(RARE)
    for c in rare:
        # A subset font ("ABCDEF+Name") is embedded; it must be a face that has the
        # character, or a reader would draw a box or a look-alike from another font.
        assert "+" in c["fontname"], c
        # ReportLab names a face of a collection "Name-<index>".
        family = re.sub(r"-\d+$", "", c["fontname"].split("+", 1)[1])
        having = {_postscript_name(f.name) for f in chain._iter_faces() if f.has(c["text"])}
        assert family in having, (c["text"], family, having)


def _postscript_name(registered: str) -> str:
    name = pdfmetrics.getFont(registered).face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def test_a_character_no_font_has_stops_the_print_naming_the_field(tmp_path: Path) -> None:
    # A machine with only the body face: 𠮷 is in no font there.
    body = find_font_chain().body
    assert body.info.path and not body.has("𠮷")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / Path(body.info.path).name).symlink_to(body.info.path)
    chain = find_font_chain(search_dirs=[fonts])
    out = tmp_path / "cards.pdf"
    with pytest.raises(UncoveredCharacter) as caught:
        pass_cards.build(PassCardsData(cards=(_card("𠮷田", "德润"),)), out=out, chain=chain)
    assert caught.value.char == "𠮷" and caught.value.field == "姓名"
    message = caught.value.message.text()
    assert "𠮷" in message and "姓名" in message
    with pytest.raises(UncoveredCharacter) as caught:
        pass_cards.build(PassCardsData(cards=(_card("王田", "𠮷祥化工"),)), out=out, chain=chain)
    assert caught.value.field == "单位"
