"""The font chain and per-glyph fallback: rare name characters must print, never as tofu."""

from __future__ import annotations

from pathlib import Path

from conftest import compact, fonts_of_chars, pdf_text
from form_samples import visit

from liaison_app.forms import visit_record
from liaison_app.forms.toolkit import CID_FONT_NAME, current_font_info, find_font_chain
from liaison_app.forms.toolkit.fonts import default_search_dirs
from tests.needs import require

RARE = "䶮㛃"
MICRO_HEI = next(
    (p for d in default_search_dirs() if d.is_dir() for p in d.rglob("wqy-microhei.ttc")), None
)


def test_no_truetype_font_anywhere_falls_back_to_stsong(tmp_path: Path) -> None:
    chain = find_font_chain(search_dirs=[])
    assert chain.body.name == CID_FONT_NAME
    assert current_font_info(search_dirs=[]).path is None

    out = tmp_path / "visit.pdf"
    result = visit_record.build(visit(), out=out, chain=chain)
    text = compact(pdf_text(out))
    assert "走访记录单" in text
    assert "王䶮" in text
    assert [f.name for f in result.fonts] == [CID_FONT_NAME]


def test_bogus_settings_path_falls_back(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "simsun.ttc"
    chain = find_font_chain(settings_path=missing, search_dirs=[])
    assert chain.body.name == CID_FONT_NAME

    garbage = tmp_path / "broken.ttf"
    garbage.write_bytes(b"not a font at all" * 100)
    chain = find_font_chain(settings_path=garbage, search_dirs=[])
    assert chain.body.name == CID_FONT_NAME
    assert chain.info.path is None


def test_settings_font_comes_first() -> None:
    require(MICRO_HEI is not None, "WenQuanYi Micro Hei (fonts-wqy-microhei) missing")
    chain = find_font_chain(settings_path=MICRO_HEI, search_dirs=[])
    assert chain.info.path == str(MICRO_HEI)
    assert chain.info.embedded


def test_rare_characters_print_from_a_fallback_font(tmp_path: Path) -> None:
    require(MICRO_HEI is not None, "WenQuanYi Micro Hei (fonts-wqy-microhei) missing")
    # Micro Hei lacks CJK Extension A; the characters must come from the next font.
    chain = find_font_chain(settings_path=MICRO_HEI)
    assert not any(chain.body.has(ch) for ch in RARE)

    out = tmp_path / "visit.pdf"
    visit_record.build(visit(), out=out, chain=chain)
    text = compact(pdf_text(out))
    assert "王䶮" in text and "张㛃" in text

    fonts = fonts_of_chars(out, RARE + "润")
    body_fonts = fonts["润"]  # only in values, which use the body font
    assert all("MicroHei" in f for f in body_fonts)
    for ch in RARE:
        assert fonts[ch], f"{ch} not drawn"
        assert fonts[ch].isdisjoint(body_fonts), f"{ch} drawn with the body font"


def test_rare_characters_with_only_the_cid_font(tmp_path: Path) -> None:
    out = tmp_path / "visit.pdf"
    visit_record.build(visit(), out=out, chain=find_font_chain(search_dirs=[]))
    assert set(RARE) <= set(pdf_text(out))


def test_user_text_is_escaped_not_interpreted(tmp_path: Path) -> None:
    from dataclasses import replace

    data = replace(visit(), summary='<b>加粗</b> & <font name="x">不存在</font> 王䶮')
    out = tmp_path / "visit.pdf"
    visit_record.build(data, out=out)
    assert '<b>加粗</b>&<fontname="x">不存在</font>王䶮' in compact(pdf_text(out))
