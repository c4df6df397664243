"""Forms printed with real, long and rare data, checked from the PDF's text positions.

For each form: every character lies on the page's text block (header and footer aside),
none crosses a ruling line of the table it sits in (so it stays inside its cell), no two
characters overlap, and the stored text comes back out of the PDF character for character.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import form_samples as s
import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import compact

from liaison_app.forms import (
    dispatch_sheet,
    letter_register,
    proxy_public_list,
    visit_record,
    worker_roster,
)
from liaison_app.forms.data import LetterEntry, ProxyPublicEntry, WorkerEntry
from liaison_app.forms.toolkit.page import LANDSCAPE, PORTRAIT, PageGeometry

# 51 characters: a real-length group subsidiary's name.
LONG_NAME = "山东省德州市某某县经济技术开发区德润新材料科技集团股份有限公司第二分公司聚合车间项目部"
LONG_NAME = (LONG_NAME + "某某" * 30)[:51]
# 66 characters.
LONG_ADDRESS = (
    "山东省德州市某某县经济技术开发区新材料产业园创业大道18号德润科技园区3号楼东侧"
    "二层208室（原县化肥厂旧址南门对面）邮编253000"
)
LONG_ADDRESS = (LONG_ADDRESS + "附近" * 20)[:66]
NAMES = ("𠮷田㛃", "王䶮", "李㛃", "𠮷祥")
_SENTENCE = (
    "企业反映：二期厂房用电增容手续已于2026.11.10提交，涉及新增工业用地19.3亩，"
    "请常务副县长协调县供电公司、县自然资源局（含不动产登记中心）加快办理，"
    "《直通车〔2026〕12号》已转交。联系人𠮷田㛃、王䶮。"
)


def text_of(length: int) -> str:
    return (_SENTENCE * (length // len(_SENTENCE) + 1))[:length]


SUMMARY = text_of(1500)
DESCRIPTION = text_of(2000)
ENTERPRISE = replace(
    s.ENTERPRISE, name=LONG_NAME, address=LONG_ADDRESS, contact_person=NAMES[0],
    legal_representative=NAMES[1],
)


def chars_and_rulings(
    path: Path, pages: Sequence[int] | None
) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Characters and ruling lines of the chosen pages (0-based; negative from the end)."""
    with pdfplumber.open(path) as pdf:
        count = len(pdf.pages)
        chosen = range(count) if pages is None else sorted({i % count for i in pages})
        return [
            (
                [
                    {k: c[k] for k in ("text", "x0", "x1", "top", "bottom", "size")}
                    for c in pdf.pages[i].chars
                ],
                [
                    {k: e[k] for k in ("orientation", "x0", "x1", "top", "bottom")}
                    for e in pdf.pages[i].edges
                ],
            )
            for i in chosen
        ]


def all_text(path: Path) -> str:
    """The whole PDF's text, compacted (pdfium: fast enough for a 70-page roster)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return compact("".join(page.get_textpage().get_text_range() for page in doc))
    finally:
        doc.close()


def body_chars(page: list[dict[str, Any]], geometry: PageGeometry) -> list[dict[str, Any]]:
    """The characters of the text block: the header above and the footer below left out."""
    top = geometry.top - 1
    bottom = geometry.height - geometry.bottom + 1
    return [c for c in page if c["top"] >= top and c["bottom"] <= bottom]


def assert_layout_sound(
    path: Path, geometry: PageGeometry, *, pages: Sequence[int] | None = None
) -> str:
    """Check the rules above on every page (or ``pages``); return the text of those pages'
    text blocks (no running header or footer), compacted."""
    checked = chars_and_rulings(path, pages)
    width, height = geometry.width, geometry.height
    left, right = geometry.left - 0.5, geometry.left + geometry.body_width + 0.5
    for number, (page, edges) in enumerate(checked, start=1):
        assert page, f"page {number} is empty"
        for c in page:
            where = f"page {number}: {c['text']!r} at ({c['x0']:.1f}, {c['top']:.1f})"
            assert 0 <= c["x0"] and c["x1"] <= width and 0 <= c["top"] and c["bottom"] <= height
            assert c["size"] >= 7.9, f"{where} printed at {c['size']:.1f} pt"
        body = body_chars(page, geometry)
        for c in body:
            assert left <= c["x0"] and c["x1"] <= right, f"page {number}: {c['text']!r} off"
        _assert_no_crossing(body, edges, number)
        _assert_no_overlap(page, number)
    return compact(
        "".join(c["text"] for page, _edges in checked for c in body_chars(page, geometry))
    )


def _assert_no_crossing(chars: list[dict[str, Any]], edges: list[dict[str, Any]], n: int) -> None:
    # Rulings bucketed by position, so a 2,000-row roster is checked in seconds.
    vertical: dict[int, list[dict[str, Any]]] = defaultdict(list)
    horizontal: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        if e["orientation"] == "v":
            vertical[int(e["x0"] // 10)].append(e)
        else:
            horizontal[int(e["top"] // 10)].append(e)
    for c in chars:
        # A glyph's box, shrunk a little: fonts' boxes touch the next line's by design.
        x0, x1 = c["x0"] + 0.3, c["x1"] - 0.3
        top, bottom = c["top"] + c["size"] * 0.15, c["bottom"] - c["size"] * 0.15
        near_v = (e for k in range(int(x0 // 10), int(x1 // 10) + 1) for e in vertical[k])
        near_h = (e for k in range(int(top // 10), int(bottom // 10) + 1) for e in horizontal[k])
        for e in near_v:
            assert not (x0 < e["x0"] < x1 and e["top"] < bottom and top < e["bottom"]), (
                f"page {n}: {c['text']!r} at ({c['x0']:.1f}, {c['top']:.1f}) crosses a "
                "vertical ruling"
            )
        for e in near_h:
            assert not (top < e["top"] < bottom and e["x0"] < x1 and x0 < e["x1"]), (
                f"page {n}: {c['text']!r} at ({c['x0']:.1f}, {c['top']:.1f}) crosses a "
                "horizontal ruling"
            )


def _assert_no_overlap(chars: list[dict[str, Any]], n: int) -> None:
    cells: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for c in chars:
        if not c["text"].strip():
            continue
        key = (int(c["x0"] // 20), int(c["top"] // 20))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in cells.get((key[0] + dx, key[1] + dy), ()):
                    overlap_x = min(c["x1"], other["x1"]) - max(c["x0"], other["x0"])
                    c_mid = (c["top"] + c["bottom"]) / 2
                    o_mid = (other["top"] + other["bottom"]) / 2
                    same_line = abs(c_mid - o_mid) < min(c["size"], other["size"]) * 0.8
                    assert not (same_line and overlap_x > 0.5), (
                        f"page {n}: {c['text']!r} overlaps {other['text']!r} "
                        f"at ({c['x0']:.1f}, {c['top']:.1f})"
                    )
        cells[key].append(c)


def test_visit_record_with_a_1500_character_summary(tmp_path: Path) -> None:
    out = tmp_path / "visit.pdf"
    data = replace(
        s.visit(), enterprise=ENTERPRISE, summary=SUMMARY, place=LONG_ADDRESS,
        participants=tuple(f"企业办公室主任 {n}" for n in NAMES),
    )
    result = visit_record.build(data, out=out)
    assert result.pages >= 2
    text = assert_layout_sound(out, PORTRAIT)
    for stored in (SUMMARY, LONG_NAME, LONG_ADDRESS, *NAMES):
        assert compact(stored) in text, stored[:20]


def test_dispatch_sheet_with_a_2000_character_request(tmp_path: Path) -> None:
    out = tmp_path / "dispatch.pdf"
    data = replace(s.dispatch_sheet(), enterprise=ENTERPRISE, description=DESCRIPTION)
    result = dispatch_sheet.build(data, out=out)
    assert result.pages >= 2
    text = assert_layout_sound(out, PORTRAIT)
    assert compact(DESCRIPTION) in text and compact(LONG_NAME) in text


def test_a_summary_longer_than_a_page_flows_over_several(tmp_path: Path) -> None:
    out = tmp_path / "visit.pdf"
    huge = text_of(6000)
    result = visit_record.build(replace(s.visit(), summary=huge), out=out)
    assert result.pages >= 4
    assert compact(huge) in assert_layout_sound(out, PORTRAIT)


def test_roster_of_2000_workers_with_rare_names(tmp_path: Path) -> None:
    workers = list(s.synthetic_workers(2000))
    for i, name in enumerate(NAMES):
        workers[i * 500] = replace(workers[i * 500], name=name)
    workers[1999] = WorkerEntry(
        NAMES[0], "11010519491231002X", "13812341234", LONG_NAME, "操作工", "白班"
    )
    out = tmp_path / "roster.pdf"
    data = replace(s.roster(tuple(workers)), enterprise=ENTERPRISE)
    result = worker_roster.build(data, out=out)
    assert result.pages > 40
    # Positions on the first pages and the last (parsing all 70 takes pdfplumber ~20 s);
    # the text of all of them.
    assert_layout_sound(out, PORTRAIT, pages=[0, 1, 2, -2, -1])
    text = all_text(out)
    for name in NAMES:
        assert name in text
    assert compact(LONG_NAME) in text


def test_wide_registers_print_landscape_with_long_entries(tmp_path: Path) -> None:
    register = replace(
        s.letter_register(),
        entries=tuple(
            LetterEntry(
                registration_no=f"直通车〔2026〕{i}号",
                received_on=date(2026, 11, 10),
                enterprise=LONG_NAME,
                addressee="常务副县长",
                summary=text_of(300),
                reply=text_of(120),
                replied_on=date(2026, 11, 30),
            )
            for i in range(1, 13)
        ),
    )
    out = tmp_path / "register.pdf"
    letter_register.build(register, out=out)
    text = assert_layout_sound(out, LANDSCAPE)
    assert compact("直通车〔2026〕12号") in text and compact(text_of(300)) in text
    with pdfplumber.open(out) as pdf:
        assert all(p.width > p.height for p in pdf.pages)

    public = replace(
        s.proxy_public_list(),
        entries=tuple(
            ProxyPublicEntry(LONG_NAME, text_of(60), text_of(80), date(2026, 11, 10),
                             date(2026, 11, 30), "已办结", 19)
            for _ in range(30)
        ),
    )
    out = tmp_path / "public.pdf"
    proxy_public_list.build(public, out=out)
    text = assert_layout_sound(out, LANDSCAPE)
    assert compact(LONG_NAME) in text and compact(text_of(80)) in text


@pytest.mark.parametrize("length", [0, 1, 119, 121, 700])
def test_summaries_of_every_length_print(tmp_path: Path, length: int) -> None:
    out = tmp_path / "visit.pdf"
    summary = text_of(length)
    visit_record.build(replace(s.visit(), summary=summary), out=out)
    assert compact(summary) in assert_layout_sound(out, PORTRAIT)
