"""The county's own templates: seal boxes a real seal fits in, a sign-off never alone on a
page, the power of attorney's parties, wording and signatures."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import form_samples as s
import pypdfium2 as pdfium
import pytest
from conftest import compact, pdf_pages
from reportlab.lib.units import mm

from liaison_app.forms.data import AgentPerson
from liaison_app.forms.power_of_attorney import project_phrase
from liaison_app.forms.registry import build_form

STAMP = "（盖章）"
#: The date line's "年" closes every box; the seal is stamped down to it.
DATE_MARK = "年"


def _boxes(path: Path, heading_prefixes: tuple[str, ...]) -> list[tuple[str, float]]:
    """(heading, room in mm between the bottom of a box's heading and the bottom of its
    "年 月 日" line) for every box whose heading starts with one of the prefixes."""
    found = []
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        text = page.get_textpage()
        stamps = []
        search = text.search(DATE_MARK)
        while (hit := search.get_next()):
            left, bottom, _r, _t = text.get_charbox(hit[0])
            stamps.append((left, bottom))
        for prefix in heading_prefixes:
            search = text.search(prefix)
            while (hit := search.get_next()):
                left, bottom, right, _top = text.get_charbox(hit[0])
                # The stamp line of the same box: below the heading, in the same column.
                below = [b for x, b in stamps if b < bottom and abs(x - left) < 160]
                if below:
                    found.append((prefix, (bottom - max(below)) / mm))
    return found


@pytest.mark.parametrize(("form_id", "headings"), [
    ("visit_record", ("企业意见",)),
    ("dispatch_sheet", ("承办单位反馈", "主办单位签收", "交办单位")),
    ("power_of_attorney", ("委托人：", "受托人：")),
])
def test_every_seal_box_has_room_for_a_42_mm_seal(form_id: str, headings: tuple[str, ...],
                                                 tmp_path: Path) -> None:
    make = {"visit_record": s.visit, "dispatch_sheet": s.dispatch_sheet,
            "power_of_attorney": s.power_of_attorney}[form_id]
    out = tmp_path / f"{form_id}.pdf"
    build_form(form_id, make(), out=out)
    boxes = _boxes(out, headings)
    assert {h for h, _ in boxes} == set(headings)
    for heading, room in boxes:
        # The seal covers the date line; from the heading down to that line's foot there is
        # a seal's height, less the line's own descent.
        assert room >= 39.5, (heading, room)
    assert "（盖章）年月日" in compact("".join(pdf_pages(out)))


def test_the_power_of_attorney_names_both_parties_once_and_both_sign(tmp_path: Path) -> None:
    out = tmp_path / "poa.pdf"
    build_form("power_of_attorney", s.power_of_attorney(), out=out)
    pages = [compact(p) for p in pdf_pages(out)]
    text = "".join(pages)
    for expected in ("委托人", "受托人", "受托单位：某某县企业服务中心", "法定代表人（签字）",
                     "受托代办人（签字）", "委托权限：", "代办人无转委托权", "2024年9月30日",
                     "371082********0031"):
        assert expected in text, expected
    assert "项目”项目" not in text and "“年产5万吨水性树脂二期项目”的" in text
    assert text.count("代办人无转委托权") == 1
    # The sign-off is on the page of the closing sentence.
    assert all(("特此委托" in p) == ("受托代办人（签字）" in p) for p in pages)


def test_the_sign_off_follows_a_long_letter_to_its_last_page(tmp_path: Path) -> None:
    many = tuple(f"第{i}项审批事项（含前置条件的联合审查与现场踏勘）" for i in range(1, 41))
    data = dataclasses.replace(s.power_of_attorney(), items=many)
    out = tmp_path / "long.pdf"
    result = build_form("power_of_attorney", data, out=out)
    pages = [compact(p) for p in pdf_pages(out)]
    assert result.pages == len(pages) >= 2
    last = pages[-1]
    assert "特此委托" in last and "法定代表人（签字）" in last and "受托代办人（签字）" in last
    assert not any("受托代办人（签字）" in p for p in pages[:-1])


def test_project_wording_is_not_doubled() -> None:
    assert project_phrase("年产5万吨新材料项目") == "“年产5万吨新材料项目”"
    assert project_phrase("园区道路改造") == "“园区道路改造”项目"
    assert project_phrase("  ") == ""


def test_an_unmasked_print_without_numbers_on_record_is_not_logged_as_full(
        tmp_path: Path) -> None:
    data = dataclasses.replace(s.power_of_attorney(),
                               agents=(AgentPerson("李明", "", "13953412345", "代办员"),))
    result = build_form("power_of_attorney", data, out=tmp_path / "a.pdf", unmasked=True)
    assert not result.unmasked
    full = build_form("power_of_attorney", s.power_of_attorney(), out=tmp_path / "b.pdf",
                      unmasked=True)
    assert full.unmasked and "371082198507150031" in compact(
        "".join(pdf_pages(tmp_path / "b.pdf")))


def test_declared_plate_health_travel_and_address_print_where_the_form_needs_them(
        tmp_path: Path) -> None:
    declared = dataclasses.replace(s.WORKERS[0], plate="鲁N·A12345", health="健康码绿码，体温正常",
                                   travel="近14天未离开本县", address="经济开发区纬二路𠮷祥小区3号楼")
    workers = (declared, *s.WORKERS[1:])
    expected = {
        "pass_application": (s.pass_application(workers), ("鲁N·A12345", "健康码绿码",
                                                          "近14天未离开本县")),
        "reopening_application": (s.reopening(workers), ("健康码绿码", "近14天未离开本县",
                                                         "经济开发区纬二路𠮷祥小区3号楼")),
        "worker_roster": (s.roster(workers), ("鲁N·A12345", "经济开发区纬二路𠮷祥小区3号楼")),
    }
    for form_id, (data, values) in expected.items():
        out = tmp_path / f"{form_id}.pdf"
        build_form(form_id, data, out=out)
        text = compact("".join(pdf_pages(out)))
        for value in values:
            assert compact(value) in text, (form_id, value)
    # Nobody declared anything: no empty section.
    out = tmp_path / "plain.pdf"
    build_form("pass_application", s.pass_application(), out=out)
    assert "车辆及健康、行程申报" not in compact("".join(pdf_pages(out)))
