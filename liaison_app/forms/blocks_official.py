"""Blocks of the county's official papers that the layout toolkit does not have: boxes with
room for a written opinion and a real seal, and a sign-off kept with the text it closes.

An official round seal is 40-42 mm across. It is stamped over the end of the opinion, the
signature and "（盖章）  年  月  日", so below its heading each box is at least ``SEAL_SIZE``
high and wide, and higher when the opinion needs more room.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from . import toolkit as tk

__all__ = ["SEAL_SIZE", "SealBox", "kept_with_sign_off", "seal_boxes"]

#: The clear square a seal needs: the largest official round seal.
SEAL_SIZE = 42 * mm
#: Boxes per row: three still leave each wider than a seal.
_PER_ROW = 3
_PAD = 3.5


@dataclass(frozen=True)
class SealBox:
    """One party's box: whose it is, what it writes, who signs, whether it stamps."""

    #: The box's heading, e.g. 乡镇（街道）意见, 领导批示, 承办单位反馈.
    party: str
    #: A label for the written part (意见：); empty for a box with only signature and seal.
    opinion_label: str = ""
    #: Already known text for the written part (printed, not handwritten).
    opinion: str = ""
    #: e.g. 负责人（签字）：; empty for no signature line.
    signer_label: str = "负责人（签字）："
    #: Printed after the signer label (a name already known).
    signer: str = ""
    stamp: bool = True
    #: Height kept for a handwritten opinion, above the seal square.
    opinion_height: float = 18 * mm


def _box(kit: tk.FormKit, box: SealBox, width: float) -> Table:
    inner = width - 2 * _PAD
    line = 8 * mm
    body: list[list[object]] = []
    heights: list[float | None] = []
    if box.opinion_label or box.opinion:
        body.append([kit.para(f"{box.opinion_label}{box.opinion}", "sign")])
        heights.append(None if box.opinion else box.opinion_height)
    if box.signer_label:
        body.append([kit.para(f"{box.signer_label}{box.signer}", "sign")])
        heights.append(line)
    # The date closes the box; the seal is stamped over it and the lines above, so what is
    # written and the date together are never lower than a seal.
    written = sum(h or line for h in heights)
    label = "（盖章）" if box.stamp else ""
    size = kit.styles["sign"].fontSize
    if label and kit.width(label, size=size) + 2 + 7.5 * size * 1.2 > inner:
        # A narrow box: "（盖章）" above the date, so neither runs out of the box.
        date: object = Table([[kit.para(label, "sign_right")], [tk.date_blank(kit, width=inner)]],
                             colWidths=[inner])
        date.setStyle(TableStyle([(side, (0, 0), (-1, -1), 0) for side in (
            "LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
    else:
        date = tk.date_blank(kit, label=label, width=inner)
    body.append([date])
    heights.append(max(line, (SEAL_SIZE if box.stamp else 0) - written))
    rows: list[list[object]] = [[kit.para(box.party, "head_cell")], *body]
    table = Table(rows, colWidths=[inner], rowHeights=[None, *heights])
    table.setStyle(TableStyle([
        *[(side, (0, 0), (-1, -1), 0)
          for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")],
        ("TOPPADDING", (0, 1), (0, 1), 3),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, -1), (0, -1), "BOTTOM"),
        ("ALIGN", (0, -1), (0, -1), "RIGHT"),
    ]))
    return table


def seal_boxes(kit: tk.FormKit, boxes: Sequence[SealBox]) -> Flowable:
    """The parties' boxes side by side, up to three a row, each with a seal's room."""
    if not boxes:
        return Spacer(1, 0)
    per_row = min(len(boxes), _PER_ROW) if len(boxes) != 4 else 2
    width = tk.BODY_WIDTH / per_row
    grid: list[list[object]] = []
    for start in range(0, len(boxes), per_row):
        chunk = [_box(kit, b, width) for b in boxes[start:start + per_row]]
        grid.append(chunk + [""] * (per_row - len(chunk)))
    table = Table(grid, colWidths=[width] * per_row)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    # A row of boxes never splits (a table breaks only between rows); no KeepTogether here,
    # so the block can go inside ``kept_with_sign_off`` (nested ones always move on a page).
    table.spaceBefore = 1.5 * mm
    return table


def kept_with_sign_off(last: Sequence[Flowable], sign_off: Sequence[Flowable]) -> Flowable:
    """A letter's last paragraph and its sign-off (signatures, seal, date) on one page: a
    seal alone on a page of its own seals nothing."""
    return KeepTogether([*last, *sign_off])
