"""Pass cards with hostile data keep every character inside its own card, clear of the QR code
and of each other: long units, names and areas shrink, wrap and end in "…" instead of running
under the code or into the next card (checked from the PDF's character boxes)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.units import mm

from liaison_app.core import pass_codes
from liaison_app.forms import pass_cards
from liaison_app.forms.data import PassCard, PassCardsData

UNIT = "山东省德州市经济技术开发区新材料产业园德润高性能复合材料科技股份有限公司第二分公司"
AREAS = "、".join(["经济开发区", "新材料产业园", "县城至园区通勤线路", "宋官屯街道至园区",
                   "抬头寺镇至园区", "黄河涯镇至园区"] * 3)


def _cards(n: int) -> tuple[PassCard, ...]:
    start, end = dt.date(2026, 11, 1), dt.date(2027, 1, 31)
    out = []
    for i in range(n):
        name = ["𠮷田㛃", "王䶮", "欧阳娜娜娜娜娜娜娜娜娜娜娜", "李"][i % 4]
        code = pass_codes.make_code(pass_no=f"AB2CD-{i:06d}", valid_from=start, valid_to=end,
                                    holder=name, unit=UNIT)
        out.append(PassCard(
            pass_no=code.pass_no, check_code="", name=name, enterprise_name=UNIT,
            valid_from=start, valid_to=end, workshop="高性能复合材料事业部第三生产车间" * 2,
            post="设备维修与安全生产管理岗位", id_number="37108219900101123X",
            areas=AREAS if i % 2 else "厂区", plate="鲁N·A12345" if i % 3 else "",
            qr_text=code.text, provisional=bool(i % 2)))
    return tuple(out)


def _overlap(a: tuple[float, ...], b: tuple[float, ...], slack: float = 0.3) -> bool:
    return (a[0] < b[2] - slack and b[0] < a[2] - slack
            and a[1] < b[3] - slack and b[1] < a[3] - slack)


def test_every_character_stays_in_its_card(tmp_path: Path) -> None:
    cards = _cards(20)
    out = tmp_path / "cards.pdf"
    result = pass_cards.build(PassCardsData(cards=cards, issuer="山东省德州市某某县新冠肺炎疫情防控指挥部办公室"),
                              out=out)
    assert result.pages == 3
    boxes = pass_cards.card_boxes(len(cards))
    layout = pass_cards.CardLayout()
    pdf = pdfium.PdfDocument(str(out))
    seen_units = 0
    for page_index in range(result.pages):
        page = pdf[page_index]
        text = page.get_textpage()
        on_page = [b for b in boxes if b[0] == page_index]
        per_card: dict[int, list[tuple[float, ...]]] = {}
        for i in range(text.count_chars()):
            ch = text.get_text_range(i, 1)
            if not ch.strip():
                continue
            box = text.get_charbox(i)
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            owner = [k for k, b in enumerate(on_page) if b[1] <= cx <= b[3] and b[2] <= cy <= b[4]]
            if not owner:
                # Only the page number may stand outside the cards, below them.
                assert cy < min(b[2] for b in on_page), (page_index, ch, box)
                continue
            _p, x0, y0, x1, y1 = on_page[owner[0]]
            inset = 1.2 * mm
            assert x0 + inset <= box[0] and box[2] <= x1 - inset, (ch, box, (x0, x1))
            assert y0 + inset <= box[1] and box[3] <= y1 - inset, (ch, box, (y0, y1))
            # Nothing on the QR code.
            qr = (x1 - 4 * mm - 25 * mm, y0 + 9 * mm, x1 - 4 * mm, y0 + 34 * mm)
            assert not _overlap(box, qr), (ch, box)
            per_card.setdefault(owner[0], []).append(box)
        for card_boxes in per_card.values():
            for a in range(len(card_boxes)):
                for b in range(a + 1, len(card_boxes)):
                    assert not _overlap(card_boxes[a], card_boxes[b], slack=0.6), \
                        (card_boxes[a], card_boxes[b])
        full = text.get_text_range()
        seen_units += full.count(UNIT[:12])
        assert "…" in full  # the long values were cut, visibly
    assert seen_units == len(cards)
    assert layout.per_sheet == 8
