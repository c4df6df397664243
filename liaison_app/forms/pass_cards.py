"""通行证: worker pass cards, eight to an A4 sheet, with cut marks and a QR code each.

Each card has fixed fields that never overflow: a value shrinks on one line down to 8 pt (the
size no printed form goes below), then wraps by the toolkit's Chinese line breaking onto the
lines its field allows, then ends in "…" (the toolkit's ``ellipsize``) — a long unit name is
cut on the card rather than printed under the QR code, into the next card or too small to
read. The full values are on the pass application and the roster; the card must stay
readable at a gate. A 51-character unit does not fit the card's fixed boxes at any readable
size (two lines of about ten characters at 8 pt), so it is cut, not shrunk.

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
from .toolkit.fonts import LoadedFont, UncoveredCharacter
from .toolkit.glyphs import draw_text, ellipsize, split_runs, text_width
from .toolkit.linebreak import wrap_text
from .toolkit.page import PAGE_HEIGHT, PAGE_WIDTH, build_lock, open_canvas

FORM_ID = "pass_cards"
TITLE = "通行证"


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
#: The smallest text on a card: the size the printed forms never go below either
#: (``toolkit.FIT_MIN_SIZE``). A value that does not fit its box at this size is cut with
#: "…" rather than set smaller: at a gate, in poor light, 6.5 pt could not be read, and the
#: full value is on the pass application and the roster.
_MIN_SIZE = tk.FIT_MIN_SIZE
_LABEL_SIZE = _MIN_SIZE
#: A pass number is never cut: the older 18-character numbers fit at 8 pt without "No.", and
#: anything longer (none is issued) would be set smaller, down to this, rather than cut.
_NUMBER_MIN_SIZE = 6.5


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
            max_lines: int = 1, min_size: float = _MIN_SIZE,
            wrap_size: float | None = None) -> _Fitted:
        """``text`` in at most ``max_lines`` lines of ``width`` points: on one line at
        ``size`` or smaller down to ``min_size``; else at the largest size (in half points)
        (from ``wrap_size`` down, if given) at which the Chinese line breaking fits it into
        ``max_lines``; else at ``min_size`` with the last line ending in "…"."""
        text = " ".join(text.split())
        unit = self._char_widths(text, 1.0, font)
        natural = sum(unit)
        if natural * size <= width or not text:
            return _Fitted(size, (text,))
        # Rounded down to a tenth of a point so that the line still fits.
        one_line = int(width / natural * 10) / 10
        if one_line >= min_size:
            return _Fitted(one_line, (text,))
        current = max(min_size, min(size, wrap_size or size))
        while True:
            lines = wrap_text(text, width=width, font_name=font.name, size=current,
                              measure=lambda _part, at=current: [w * at for w in unit])
            if len(lines) <= max_lines or current <= min_size:
                break
            current = max(min_size, current - 0.5)
        if len(lines) > max_lines:
            kept = lines[: max_lines - 1]
            at = 0
            for line in kept:
                at = text.index(line, at) + len(line)
            last = ellipsize(text[at:].lstrip(), width=width, size=current, primary=font,
                             chain=self.chain)
            lines = [*kept, last]
        return _Fitted(current, tuple(lines))

    def _pass_number(self, pass_no: str) -> _Fitted:
        """The pass number under the QR code, always whole: the gate reads it out. "No." goes
        first when there is room (older 18-character numbers go without it); a number too
        long even alone is set smaller rather than cut, down to ``_NUMBER_MIN_SIZE``."""
        width = _QR + 2 * mm
        for text in (f"No. {pass_no}", pass_no):
            fitted = self.fit(text, size=8, width=width, font=self.body)
            if fitted.lines == (text,):
                return fitted
        return self.fit(pass_no, size=8, width=width, font=self.body, min_size=_NUMBER_MIN_SIZE)

    # -- drawing --------------------------------------------------------------------------
    def _field(self, *, x: float, y: float, label: str, value: str, width: float,
               size: float = 8.5, max_lines: int = 1, step: float = 4.2 * mm,
               font: LoadedFont | None = None, wrap_size: float | None = None,
               wrapped_step: float | None = None) -> float:
        """A label and its value; returns the y of the next field (``wrapped_step`` below
        the first line instead of ``step`` when the value took several lines)."""
        c = self.c
        c.setFillColor(_GREY)
        used = draw_text(c, x=x, y=y, text=label, size=_LABEL_SIZE, primary=self.body,
                         chain=self.chain)
        c.setFillColor(colors.black)
        font = font or self.body
        try:
            fitted = self.fit(value, size=size, width=width - used, font=font,
                              max_lines=max_lines, wrap_size=wrap_size)
        except UncoveredCharacter as exc:
            # Name the field ("姓名"), not a stretch of the text: the officer corrects it there.
            raise exc.in_field(label.rstrip("：")) from None
        line_y = y
        for line in fitted.lines:
            draw_text(c, x=x + used, y=line_y, text=line, size=fitted.size, primary=font,
                      chain=self.chain)
            line_y -= fitted.size * 1.15
        if len(fitted.lines) > 1 and wrapped_step is not None:
            step = wrapped_step
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
        number = self._pass_number(card.pass_no)
        draw_text(c, x=qr_x + _QR / 2, y=qr_y - 3.2 * mm, text=number.lines[0],
                  size=number.size, primary=self.body, chain=self.chain, align="centre")
        if card.provisional:
            c.setFillColor(_RED)
            draw_text(c, x=qr_x + _QR / 2, y=qr_y + _QR + 2.2 * mm, text="临时·待中心签发",
                      size=_MIN_SIZE, primary=self.head, chain=self.chain, align="centre")
            c.setFillColor(colors.black)

        # Fields beside the photo, between it and the QR code.
        fx = photo_x + _PHOTO_W + 2.5 * mm
        fw = qr_x - 2 * mm - fx
        fy = photo_top - 4 * mm
        # Name and unit share three lines beside the photo: a name too long for one line
        # (rare, but a name is never cut while it can be helped) takes the unit's second.
        name_top = fy
        fy = self._field(x=fx, y=fy, label="姓名：", value=card.name, width=fw, size=12,
                         font=self.head, step=5.2 * mm, max_lines=2, wrap_size=9.5,
                         wrapped_step=4.2 * mm)
        name_lines = 1 if name_top - fy < 6 * mm else 2
        fy = self._field(x=fx, y=fy, label="单位：", value=card.enterprise_name, width=fw,
                         max_lines=3 - name_lines)
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
        # The issuer's name gives way, never "（盖章）": the seal goes over that word.
        frame = ("发证单位：", "（盖章）")
        room = seal_cx + _SEAL / 2 - bx - sum(
            text_width(t, size=_MIN_SIZE, primary=self.body, chain=self.chain) for t in frame)
        issuer = ellipsize(self.issuer or "", width=room, size=_MIN_SIZE, primary=self.body,
                           chain=self.chain)
        draw_text(c, x=bx, y=y + 4 * mm, text=issuer.join(frame), size=_MIN_SIZE,
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


def card_regions(box: tuple[int, float, float, float, float]
                 ) -> dict[str, tuple[float, float, float, float]]:
    """Named parts of the card at ``box`` (from ``card_boxes``) as (x0, y0, x1, y1): the QR
    code, the fields beside the photo and the rows under it; for checks that text stays in
    its part."""
    _page, x0, y0, x1, y1 = box
    qr_x = x1 - _PAD - _QR
    photo_top = y1 - 12.5 * mm
    fields_x = x0 + _PAD + _PHOTO_W + 2.5 * mm
    return {
        "qr": (qr_x, y0 + 9 * mm, qr_x + _QR, y0 + 9 * mm + _QR),
        "fields": (fields_x, photo_top - _PHOTO_H - 1.5 * mm, qr_x - 2 * mm, photo_top),
        "lower": (x0 + _PAD, y0 + 2 * mm, qr_x - 2 * mm, photo_top - _PHOTO_H - 1.5 * mm),
    }


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
