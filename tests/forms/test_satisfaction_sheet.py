"""The printed satisfaction sheet: its QR code reads back from a render, a rotated scan and a
phone-sized photo; long names stay on the page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import form_samples as s
from conftest import compact, pdf_pages
from PIL import Image, ImageFilter

from liaison_app.forms import satisfaction_sheet
from liaison_app.forms.data import SatisfactionSheet
from liaison_app.forms.toolkit.qr import read_qr_codes


def _render(pdf: Path, out: Path, pdftoppm: str, *, dpi: int, page: int = 1) -> Path:
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(out)], check=True, capture_output=True)
    return out.with_suffix(".png")


def test_each_sheet_carries_its_own_code_that_reads_back(tmp_path: Path, pdftoppm: str):
    pdf = tmp_path / "sheets.pdf"
    result = satisfaction_sheet.build(s.satisfaction_sheets(3), out=pdf)
    assert result.pages == 3
    for page in (1, 3):
        png = _render(pdf, tmp_path / f"p{page}", pdftoppm, dpi=150, page=page)
        assert read_qr_codes(png) == [f"EVAL|round-1|sheet-{page - 1:05d}"]


def test_the_code_reads_from_a_rotated_scan_and_a_phone_photo(tmp_path: Path, pdftoppm: str):
    pdf = tmp_path / "sheet.pdf"
    satisfaction_sheet.build(s.satisfaction_sheets(1), out=pdf)
    png = _render(pdf, tmp_path / "scan", pdftoppm, dpi=200)
    scan = Image.open(png).convert("L")
    # A sheet fed upside down and slightly skewed through a scanner.
    turned = scan.rotate(183, expand=True, fillcolor=255)
    turned.save(tmp_path / "turned.png")
    assert read_qr_codes(tmp_path / "turned.png") == ["EVAL|round-1|sheet-00000"]
    sideways = scan.rotate(90, expand=True)
    sideways.save(tmp_path / "sideways.tif")
    assert read_qr_codes(tmp_path / "sideways.tif") == ["EVAL|round-1|sheet-00000"]
    # A 12-megapixel phone photo: the sheet on a grey desk, a little blurred, JPEG.
    desk = Image.new("L", (4000, 3000), 120)
    page = scan.rotate(-7, expand=True, fillcolor=120).resize((2100, 2900))
    desk.paste(page, (900, 60))
    photo = desk.filter(ImageFilter.GaussianBlur(1.2)).convert("RGB")
    photo.save(tmp_path / "photo.jpg", quality=80)
    assert Image.open(tmp_path / "photo.jpg").size == (4000, 3000)
    assert read_qr_codes(tmp_path / "photo.jpg") == ["EVAL|round-1|sheet-00000"]


def test_a_picture_without_a_code_reads_nothing(tmp_path: Path):
    Image.new("L", (800, 600), 255).save(tmp_path / "blank.png")
    assert read_qr_codes(tmp_path / "blank.png") == []


def test_long_names_wrap_inside_their_row(tmp_path: Path):
    long_name = "某某县" + "德润新材料" * 22 + "科技有限公司"
    unit = "县自然资源和规划局（不动产登记中心、林业服务中心、国土空间规划编制中心联合窗口）"
    data = s.satisfaction_sheets(1)
    sheet = SatisfactionSheet(enterprise=long_name, unit=unit, qr_payload="EVAL|r|s",
                              sheet_no="S1")
    pdf = tmp_path / "long.pdf"
    satisfaction_sheet.build(type(data)(**{**data.__dict__, "sheets": (sheet,)}), out=pdf)
    text = compact(pdf_pages(pdf)[0])
    assert compact(long_name) in text and compact(unit) in text
    # Nothing pushed off the page: the closing block is still printed after the names.
    assert text.index("企业（盖章）") > text.index("被测评单位")


def test_levels_scale_prints_a_box_per_level(tmp_path: Path):
    data = s.satisfaction_sheets(1)
    levels = (("非常满意", 100.0), ("满意", 80.0), ("基本满意", 60.0), ("不满意", 40.0),
              ("非常不满意", 20.0))
    data = type(data)(**{**data.__dict__, "scale_kind": "levels", "levels": levels,
                         "scale_max": 100.0})
    pdf = tmp_path / "levels.pdf"
    satisfaction_sheet.build(data, out=pdf)
    text = compact(pdf_pages(pdf)[0])
    for label, points in levels:
        assert f"{label}{points:.0f}" in text
    assert "评分（满分" not in text


def test_phone_invitations_carry_each_link_as_a_code_that_a_phone_reads(tmp_path: Path,
                                                                         pdftoppm: str):
    from liaison_app.forms import phone_invitations

    data = s.phone_invitations(3)
    pdf = tmp_path / "invitations.pdf"
    result = phone_invitations.build(data, out=pdf)
    assert result.pages == 2  # two to a page
    png = _render(pdf, tmp_path / "p1", pdftoppm, dpi=150)
    # Both invitations of the page, each the link of its own enterprise.
    assert sorted(read_qr_codes(png)) == sorted(i.url for i in data.invitations[:2])
    text = compact("".join(pdf_pages(pdf)))
    assert compact(data.invitations[2].url) in text  # typed in when a phone cannot scan
    # The longest name wraps and stays on the page.
    assert compact(data.invitations[2].enterprise) in text
