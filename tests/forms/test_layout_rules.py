"""The toolkit's layout rules one by one: Chinese line breaking, shrink-to-fit, column widths,
the running header, font roles, uncovered characters and the ToUnicode fix."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import compact, pdf_text
from form_samples import visit
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen.canvas import Canvas

from liaison_app.forms import toolkit as tk
from liaison_app.forms import visit_record
from liaison_app.forms.toolkit import tounicode
from liaison_app.forms.toolkit.glyphs import draw_text, ellipsize, text_width
from liaison_app.forms.toolkit.linebreak import CANNOT_END, CANNOT_START

KIT = tk.make_kit()
BODY = KIT.chain.body
SIZE = 10.5
# Characters outside the BMP in the forms' real data: a surname and rare given names.
RARE_NAME = "𠮷田㛃䶮"
NO_FONT_HAS = "\U000f0041"  # a private-use character no installed face draws


def lines_of(text: str, *, width: float) -> list[str]:
    """How a form cell of ``width`` points breaks ``text`` (the Paragraph path)."""
    para = KIT.para(text, "value")
    para.wrap(width, 10_000)
    return ["".join(w.text for w in line.words) for line in para.blPara.lines]


def width_of(text: str) -> float:
    return text_width(text, size=11, primary=BODY, chain=KIT.chain)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("计划于2026.11.10前完成用地审批手续并开工建设", "2026.11.10"),
        ("企业新增工业用地19.3亩需要办理规划许可", "19.3亩"),
        ("请常务副县长协调解决企业的用电增容问题", "常务副县长"),
        ("收到直通车〔2026〕12号来信后立即转交", "〔2026〕12号"),
        ("设备型号为ABB-ACS880的变频器需要更换", "ACS880"),
    ],
)
def test_numbers_dates_words_and_titles_are_never_split(text: str, whole: str) -> None:
    start = text.index(whole)
    # Every width that would cut the protected run somewhere if breaking were free (and that
    # can hold the run on a line of its own).
    for cut in range(1, len(whole)):
        width = max(width_of(text[: start + cut]), width_of(whole)) + 0.5
        lines = lines_of(text, width=width)
        assert "".join(lines) == text
        assert any(whole in line for line in lines), (width, lines)


def test_closing_marks_never_start_and_opening_marks_never_end_a_line() -> None:
    text = "企业反映：用电、用水、用气（含蒸汽）问题，请《县政府办公室》协调，“尽快”解决。" * 3
    for width in range(60, 300, 7):
        lines = lines_of(text, width=float(width))
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (width, lines)


def test_no_line_is_wider_than_its_cell() -> None:
    text = "“直通车”〔2026〕12号：企业反映2026.11.10到期的19.3亩用地，常务副县长已批示。" * 5
    for width in (45.0, 80.0, 133.0, 200.0):
        for line in lines_of(text, width=width):
            assert width_of(line) <= width + 0.01


def test_a_word_longer_than_the_line_is_broken_rather_than_overflowing() -> None:
    code = "91371082775260043P91371082775260043P"
    lines = lines_of(code, width=60.0)
    assert "".join(lines) == code and len(lines) > 1
    assert all(width_of(line) <= 60.01 for line in lines)


def test_forced_line_breaks_and_empty_lines_are_kept() -> None:
    lines = lines_of("第一行\n\n第三行", width=300.0)
    assert lines == ["第一行", "", "第三行"]


def test_wrap_text_for_canvas_drawing_follows_the_same_rules() -> None:
    lines = tk.wrap_text(
        "计划于2026.11.10完成，请常务副县长协调。", width=60, font_name=BODY.name, size=SIZE
    )
    assert "".join(lines) == "计划于2026.11.10完成，请常务副县长协调。"
    assert not any(line.startswith("，") or line.startswith("。") for line in lines)
    assert any("2026.11.10" in line for line in lines)


def test_a_long_value_shrinks_to_one_line_but_never_below_the_minimum() -> None:
    name = "山东德润新材料科技有限公司"
    para = KIT.fit_para(name, "value", width=width_of(name) * 0.8)
    assert para.style.fontSize < 11 and para.style.fontSize >= tk.FIT_MIN_SIZE
    para.wrap(width_of(name) * 0.8, 1000)
    assert len(para.blPara.lines) == 1

    long_name = "某某县" + "德润新材料科技" * 7 + "有限公司"  # 58 characters
    para = KIT.fit_para(long_name, "value", width=120)
    assert para.style.fontSize == 11  # too long to shrink: wraps at full size
    para.wrap(120, 1000)
    assert len(para.blPara.lines) > 2


def test_columns_grow_where_the_text_needs_room() -> None:
    widths = [50.0, 50.0, 50.0]
    grown = tk.spread_widths(widths, [60.0, 400.0, 40.0], 300.0)
    assert sum(grown) == pytest.approx(300.0)
    assert grown[0] >= 60.0  # a small shortfall is met in full
    assert grown[1] > grown[0] > grown[2]
    assert tk.spread_widths(widths, [60.0, 400.0, 40.0], 150.0) == widths


def test_the_running_header_is_cut_with_an_ellipsis() -> None:
    header = "山东省德州市某某县经济技术开发区新材料产业园" * 4 + "走访记录单"
    short = ellipsize(header, width=200, size=9, primary=BODY, chain=KIT.chain)
    assert short.endswith("…") and header.startswith(short[:-1])
    assert text_width(short, size=9, primary=BODY, chain=KIT.chain) <= 200
    assert ellipsize("走访记录单", width=200, size=9, primary=BODY, chain=KIT.chain) == "走访记录单"


def test_long_header_stays_inside_the_page(tmp_path: Path) -> None:
    out = tmp_path / "header.pdf"
    header = "山东省德州市某某县经济技术开发区新材料产业园" * 4
    story = [KIT.para("正文")]
    tk.build_story(story, out=out, decor=KIT.decor(header=header), title="t")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        chars = [c for c in page.chars if c["top"] < 100]
        assert chars and min(c["x0"] for c in chars) >= 28 * 72 / 25.4 - 0.5
        assert "…" in "".join(c["text"] for c in chars)


def test_font_roles_prefer_song_hei_and_fangsong_stand_ins() -> None:
    roles = KIT.chain.roles()
    # The machine has AR PL UMing (Song), WenQuanYi (Hei) and UKai (set up by scripts/setup.sh).
    assert "UMing" in roles["body"].family
    assert "WenQuanYi" in roles["heading"].family
    assert "UKai" in roles["letter"].family
    assert all(info.embedded for info in roles.values())
    assert KIT.styles["letter"].fontName == KIT.chain.letter.name
    assert KIT.styles["title"].fontName == KIT.chain.heading.name
    assert KIT.styles["value"].fontName == KIT.chain.body.name


def test_extension_b_characters_come_from_an_embedded_extension_face() -> None:
    face = KIT.chain.font_for("𠮷", primary=BODY)
    assert face.info.embedded and "HanaMin" in face.info.family


def test_reportlab_alone_writes_a_wrong_tounicode_entry_and_the_fix_corrects_it() -> None:
    broken = tounicode.original()("F1", [0x20, 0x20BB7])  # type: ignore[operator]
    assert "<01> <20BB7>" in broken  # five digits: read back as U+20BB and "7"
    fixed = tounicode.make_to_unicode_cmap("F1", [0x20, 0x20BB7, 0x4E00])
    assert "<01> <D842DFB7>" in fixed and "<02> <4E00>" in fixed and "<00> <0020>" in fixed
    assert tounicode.applied() and ttfonts.makeToUnicodeCMap is tounicode.make_to_unicode_cmap
    tounicode.apply()  # applying twice changes nothing
    assert ttfonts.makeToUnicodeCMap is tounicode.make_to_unicode_cmap


def _draw_rare_name() -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf)
    draw_text(canvas, x=72, y=700, text=RARE_NAME, size=14, primary=BODY, chain=KIT.chain)
    canvas.save()
    return buf.getvalue()


def test_characters_outside_the_bmp_extract_as_themselves(tmp_path: Path) -> None:
    pdf = tmp_path / "name.pdf"
    pdf.write_bytes(_draw_rare_name())
    with pdfplumber.open(pdf) as doc:
        assert "".join(c["text"] for c in doc.pages[0].chars) == RARE_NAME
    page = pdfium.PdfDocument(str(pdf))[0]
    assert page.get_textpage().get_text_range().replace("\r\n", "") == RARE_NAME
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert RARE_NAME in text


def test_a_character_no_font_has_stops_the_print_naming_it_and_the_field(tmp_path: Path) -> None:
    from dataclasses import replace

    out = tmp_path / "visit.pdf"
    data = replace(visit(), place="企业三楼会议室" + NO_FONT_HAS)
    with pytest.raises(tk.UncoveredCharacter) as caught:
        visit_record.build(data, out=out)
    assert caught.value.char == NO_FONT_HAS and caught.value.field == "走访地点"
    sentence = caught.value.message.text()
    assert NO_FONT_HAS in sentence and "U+F0041" in sentence and "走访地点" in sentence

    # Text drawn on a canvas (no field known) names the text around the character.
    with pytest.raises(tk.UncoveredCharacter) as caught:
        draw_text(
            Canvas(io.BytesIO()), x=0, y=0, text="持证人张" + NO_FONT_HAS, size=9,
            primary=BODY, chain=KIT.chain,
        )
    assert "持证人张" in caught.value.field


def test_the_printed_pdf_embeds_every_font_and_keeps_rare_names(tmp_path: Path) -> None:
    from dataclasses import replace

    out = tmp_path / "visit.pdf"
    data = replace(visit(), participants=("企业办公室主任 " + RARE_NAME,))
    visit_record.build(data, out=out)
    assert RARE_NAME in compact(pdf_text(out))
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts
    assert not any("Helvetica" in line for line in fonts)
