"""通行证: worker pass cards, eight to an A4 sheet, with cut marks and a QR code each.

Each card has fixed fields that never overflow: a value shrinks to a smallest size, then
wraps onto the lines its field allows, then ends in "…" — a long unit name is cut on the card
rather than printed under the QR code or into the next card. The full values are on the pass
application and the roster; the card must stay readable at a gate.

Around the fields: a box for a photo, the vehicle plate, and the issuing unit's seal area
(a dashed circle where the seal goes, over the issuer's name as seals are placed).

The QR code carries the pass number, its validity, the masked holder and unit and the
county's signature (``core/pass_codes.py``). A pass the server has not signed yet prints as
*provisional*, in red, and its code checks as provisional, never as valid. ID numbers,
when printed at all, are always masked: a pass is shown to everyone.
Cards are drawn straight onto the canvas; platypus layout would cost far more for 2,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from liaison_app.core.masking import mask_id_number

from . import toolkit as tk
from .data import PassCard, PassCardsData
from .toolkit.fonts import LoadedFont
from .toolkit.glyphs import draw_text, split_runs
from .toolkit.page import PAGE_HEIGHT, PAGE_WIDTH, build_lock, open_canvas

FORM_ID = "pass_cards"
TITLE = "通行证"
ELLIPSIS = "…"


@dataclass(frozen=True)
class CardLayout:
    columns: int = 2
    rows: int = 4
    width: float = 95 * mm
    height: float = 66 * mm

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


_PAD = 4 * mm
_QR = 25 * mm
_BORDER_INSET = 1.2 * mm
_PHOTO_W = 20 * mm
_PHOTO_H = 26 * mm
_SEAL = 18 * mm
_GREY = colors.Color(0.35, 0.35, 0.35)
_RED = colors.Color(0.78, 0.08, 0.08)
_MIN_SIZE = 6.5


def _short_date(value: date) -> str:
    return f"{value.year}.{value.month:02d}.{value.day:02d}"


@dataclass(frozen=True)
class _Fitted:
    size: float
    lines: tuple[str, ...]


class _CardPainter:
    def __init__(self, canvas: Canvas, chain: tk.FontChain, issuer: str, title: str) -> None:
        self.c = canvas
        self.chain = chain
        self.body = chain.body
        self.head = chain.heading
        self.issuer = issuer
        self.title = title

    # -- measuring ------------------------------------------------------------------------
    def _char_widths(self, text: str, size: float, font: LoadedFont) -> list[float]:
        out: list[float] = []
        for name, run in split_runs(text, primary=font, chain=self.chain):
            out.extend(stringWidth(ch, name, size) for ch in run)
        return out

    def fit(self, text: str, *, size: float, width: float, font: LoadedFont,
            max_lines: int = 1, min_size: float = _MIN_SIZE) -> _Fitted:
        """``text`` in at most ``max_lines`` lines of ``width`` points: at ``size`` if it
        fits, else smaller down to ``min_size``, else wrapped there and cut with "…"."""
        text = " ".join(text.split())
        unit = self._char_widths(text, 1.0, font)
        natural = sum(unit)
        if natural * size <= width or not text:
            return _Fitted(size, (text,))
        one_line = width / natural
        if one_line >= min_size:
            return _Fitted(one_line, (text,))
        # Wrapped: the largest size at which it fits the allowed lines, not below min_size.
        size = max(min_size, min(size, width * max_lines / natural * 0.92))
        lines: list[str] = []
        start, used = 0, 0.0
        for i, w in enumerate(unit):
            if used + w * size > width and i > start:
                lines.append(text[start:i])
                start, used = i, 0.0
            used += w * size
        lines.append(text[start:])
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            limit = width - stringWidth(ELLIPSIS, self.body.name, size)
            widths = self._char_widths(last, size, font)
            while last and sum(widths) > limit:
                last, widths = last[:-1], widths[:-1]
            lines[-1] = last + ELLIPSIS
        return _Fitted(size, tuple(lines))

    # -- drawing --------------------------------------------------------------------------
    def _field(self, *, x: float, y: float, label: str, value: str, width: float,
               size: float = 8.5, max_lines: int = 1, step: float = 4.2 * mm,
               font: LoadedFont | None = None) -> float:
        """A label and its value; returns the y of the next field."""
        c = self.c
        c.setFillColor(_GREY)
        used = draw_text(c, x=x, y=y, text=label, size=7.5, primary=self.body,
                         chain=self.chain)
        c.setFillColor(colors.black)
        font = font or self.body
        fitted = self.fit(value, size=size, width=width - used, font=font,
                          max_lines=max_lines)
        line_y = y
        for line in fitted.lines:
            draw_text(c, x=x + used, y=line_y, text=line, size=fitted.size, primary=font,
                      chain=self.chain)
            line_y -= fitted.size * 1.15
        return y - step - (len(fitted.lines) - 1) * fitted.size * 1.15

    def paint(self, card: PassCard, *, x: float, y: float, layout: CardLayout) -> None:
        c = self.c
        w, h = layout.width, layout.height
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        c.roundRect(x + _BORDER_INSET, y + _BORDER_INSET, w - 2 * _BORDER_INSET,
                    h - 2 * _BORDER_INSET, 2.5 * mm, stroke=1, fill=0)
        heading = f"{self.issuer} {self.title}" if self.issuer else self.title
        fitted = self.fit(heading, size=14, width=w - 2 * _PAD, font=self.head, min_size=9)
        draw_text(c, x=x + w / 2, y=y + h - 8.5 * mm, text=fitted.lines[0], size=fitted.size,
                  primary=self.head, chain=self.chain, align="centre")
        c.setLineWidth(1.0)
        c.line(x + _PAD, y + h - 10.5 * mm, x + w - _PAD, y + h - 10.5 * mm)

        # Photo box, top left.
        photo_x, photo_top = x + _PAD, y + h - 12.5 * mm
        c.setLineWidth(0.4)
        c.setStrokeColor(_GREY)
        c.rect(photo_x, photo_top - _PHOTO_H, _PHOTO_W, _PHOTO_H, stroke=1, fill=0)
        c.setFillColor(_GREY)
        draw_text(c, x=photo_x + _PHOTO_W / 2, y=photo_top - _PHOTO_H / 2 - 1.2 * mm,
                  text="照片", size=8, primary=self.body, chain=self.chain, align="centre")
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)

        # QR code, right; the pass number under it.
        qr_x = x + w - _PAD - _QR
        qr_y = y + 9 * mm
        if card.qr_text:
            tk.draw_qr(c, payload=card.qr_text, x=qr_x, y=qr_y, size=_QR)
        number = self.fit(f"No. {card.pass_no}", size=8, width=_QR + 2 * mm, font=self.body)
        draw_text(c, x=qr_x + _QR / 2, y=qr_y - 3.2 * mm, text=number.lines[0],
                  size=number.size, primary=self.body, chain=self.chain, align="centre")
        if card.provisional:
            c.setFillColor(_RED)
            draw_text(c, x=qr_x + _QR / 2, y=qr_y + _QR + 2.2 * mm, text="临时·待中心签发",
                      size=7.5, primary=self.head, chain=self.chain, align="centre")
            c.setFillColor(colors.black)

        # Fields beside the photo, between it and the QR code.
        fx = photo_x + _PHOTO_W + 2.5 * mm
        fw = qr_x - 2 * mm - fx
        fy = photo_top - 4 * mm
        fy = self._field(x=fx, y=fy, label="姓名：", value=card.name, width=fw, size=12,
                         font=self.head, step=5.2 * mm)
        fy = self._field(x=fx, y=fy, label="单位：", value=card.enterprise_name, width=fw,
                         max_lines=2)
        job = " / ".join(v for v in (card.workshop, card.post) if v)
        fy = self._field(x=fx, y=fy, label="岗位：", value=job or "—", width=fw)
        if card.id_number:
            fy = self._field(x=fx, y=fy, label="证号：", value=mask_id_number(card.id_number),
                             width=fw)
        self._field(x=fx, y=fy, label="车牌：", value=card.plate or "—", width=fw)

        # Under the photo, as wide as photo and fields: areas and validity, then the seal.
        bx = photo_x
        bw = qr_x - 2 * mm - bx
        by = photo_top - _PHOTO_H - 4 * mm
        by = self._field(x=bx, y=by, label="通行区域：", value=card.areas or "—", width=bw,
                         max_lines=2)
        self._field(x=bx, y=by, label="有效期：",
                    value=f"{_short_date(card.valid_from)}—{_short_date(card.valid_to)}",
                    width=bw, size=8.5, font=self.head)
        seal_cx = x + w - _PAD - _QR - 2 * mm - _SEAL / 2
        seal_cy = y + 2 * mm + _SEAL / 2
        c.setStrokeColor(_GREY)
        c.setDash(2, 2)
        c.circle(seal_cx, seal_cy, _SEAL / 2, stroke=1, fill=0)
        c.setDash()
        c.setStrokeColor(colors.black)
        c.setFillColor(_GREY)
        issuer = self.fit(f"发证单位：{self.issuer or ''}（盖章）", size=7,
                          width=seal_cx + _SEAL / 2 - bx, font=self.body)
        draw_text(c, x=bx, y=y + 4 * mm, text=issuer.lines[0], size=issuer.size,
                  primary=self.body, chain=self.chain)
        c.setFillColor(colors.black)


def _sheet_origin(layout: CardLayout) -> tuple[float, float]:
    grid_w = layout.columns * layout.width
    grid_h = layout.rows * layout.height
    return (PAGE_WIDTH - grid_w) / 2, (PAGE_HEIGHT - grid_h) / 2 + 4 * mm


def card_boxes(count: int, *, layout: CardLayout | None = None
               ) -> list[tuple[int, float, float, float, float]]:
    """(page index, x0, y0, x1, y1) of each card, in PDF points from the page's lower left:
    for checks that nothing printed leaves its card."""
    layout = layout or CardLayout()
    x0, y0 = _sheet_origin(layout)
    top = y0 + layout.rows * layout.height
    out = []
    for i in range(count):
        page, k = divmod(i, layout.per_sheet)
        row, col = divmod(k, layout.columns)
        x = x0 + col * layout.width
        y = top - (row + 1) * layout.height
        out.append((page, x, y, x + layout.width, y + layout.height))
    return out


def _draw_sheet(painter: _CardPainter, cards: Sequence[PassCard], layout: CardLayout) -> None:
    x0, y0 = _sheet_origin(layout)
    top = y0 + layout.rows * layout.height
    for i, card in enumerate(cards):
        row, col = divmod(i, layout.columns)
        painter.paint(
            card, x=x0 + col * layout.width, y=top - (row + 1) * layout.height, layout=layout
        )
    xs = [x0 + k * layout.width for k in range(layout.columns + 1)]
    ys = [y0 + k * layout.height for k in range(layout.rows + 1)]
    tk.draw_cut_marks(painter.c, xs=xs, ys=ys)


def build(
    data: PassCardsData,
    *,
    out: tk.Output,
    chain: tk.FontChain | None = None,
    layout: CardLayout | None = None,
) -> tk.BuildResult:
    """Write the pass cards to ``out``, ``layout.per_sheet`` to a page. Background thread."""
    kit = tk.make_kit(chain=chain)
    layout = layout or CardLayout()
    tally: list[int] = []
    # The cards fill most of the sheet; the page number goes just above the bottom edge.
    decor = tk.PageDecor(chain=kit.chain, footer_y=6 * mm)
    with build_lock():
        canvas = open_canvas(out, decor=decor, title=data.title, tally=tally)
        painter = _CardPainter(canvas, kit.chain, data.issuer, data.title)
        cards = data.cards
        for start in range(0, max(len(cards), 1), layout.per_sheet):
            _draw_sheet(painter, cards[start : start + layout.per_sheet], layout)
            canvas.showPage()
        canvas.save()
    return tk.BuildResult(pages=tally[-1], fonts=tuple(kit.chain.used_fonts()))
