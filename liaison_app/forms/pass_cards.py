"""通行证: worker pass cards, eight to an A4 sheet, with cut marks and a QR code each.

The QR code carries the pass number and its check code so a guard can verify a pass with any
phone. ID numbers, when printed at all, are always masked: a pass is shown to everyone.
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

QR_PREFIX = "PASS"
_SEP = "|"


def pass_qr_payload(*, pass_no: str, check: str) -> str:
    """What a pass's QR code carries: ``PASS|<pass number>|<check code>``."""
    if _SEP in pass_no or _SEP in check:
        raise ValueError("pass number and check code must not contain '|'")
    return f"{QR_PREFIX}{_SEP}{pass_no}{_SEP}{check}"


def parse_pass_qr_payload(payload: str) -> tuple[str, str]:
    """``(pass number, check code)`` from a scanned payload; ValueError if it is not a pass."""
    parts = payload.split(_SEP)
    if len(parts) != 3 or parts[0] != QR_PREFIX or not parts[1] or not parts[2]:
        raise ValueError("not a pass code")
    return parts[1], parts[2]


@dataclass(frozen=True)
class CardLayout:
    columns: int = 2
    rows: int = 4
    width: float = 90 * mm
    height: float = 60 * mm

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


_PAD = 4.5 * mm
_QR = 25 * mm
_BORDER_INSET = 1.5 * mm


def _short_date(value: date) -> str:
    return f"{value.year}.{value.month:02d}.{value.day:02d}"


class _CardPainter:
    def __init__(self, canvas: Canvas, chain: tk.FontChain, issuer: str, title: str) -> None:
        self.c = canvas
        self.chain = chain
        self.body = chain.body
        self.head = chain.heading
        self.issuer = issuer
        self.title = title

    def _fit(self, text: str, *, size: float, width: float, font: LoadedFont) -> float:
        """The largest size <= ``size`` (down to 6.5 pt) at which ``text`` fits ``width``."""
        runs = split_runs(text, primary=font, chain=self.chain)
        natural = sum(stringWidth(r, n, size) for n, r in runs)
        if natural <= width:
            return size
        return max(6.5, size * width / natural)

    def _line(
        self, *, x: float, y: float, label: str, value: str, width: float, size: float = 9.5
    ) -> None:
        c = self.c
        c.setFillColor(colors.Color(0.3, 0.3, 0.3))
        used = draw_text(
            c, x=x, y=y, text=label, size=size - 1, primary=self.body, chain=self.chain
        )
        c.setFillColor(colors.black)
        value_size = self._fit(value, size=size, width=width - used, font=self.body)
        draw_text(
            c, x=x + used, y=y, text=value, size=value_size, primary=self.body, chain=self.chain
        )

    def paint(self, card: PassCard, *, x: float, y: float, layout: CardLayout) -> None:
        c = self.c
        w, h = layout.width, layout.height
        c.setLineWidth(0.6)
        c.roundRect(
            x + _BORDER_INSET,
            y + _BORDER_INSET,
            w - 2 * _BORDER_INSET,
            h - 2 * _BORDER_INSET,
            2.5 * mm,
            stroke=1,
            fill=0,
        )
        heading = f"{self.issuer} {self.title}" if self.issuer else self.title
        size = self._fit(heading, size=15, width=w - 2 * _PAD, font=self.head)
        draw_text(
            c,
            x=x + w / 2,
            y=y + h - 10 * mm,
            text=heading,
            size=size,
            primary=self.head,
            chain=self.chain,
            align="centre",
        )
        c.setLineWidth(1.2)
        c.line(x + _PAD, y + h - 12.5 * mm, x + w - _PAD, y + h - 12.5 * mm)

        text_w = w - 2 * _PAD - _QR - 2 * mm
        left = x + _PAD
        top = y + h - 19 * mm
        name_size = self._fit(card.name, size=15, width=text_w - 12 * mm, font=self.head)
        c.setFillColor(colors.Color(0.3, 0.3, 0.3))
        used = draw_text(
            c, x=left, y=top, text="姓名：", size=8.5, primary=self.body, chain=self.chain
        )
        c.setFillColor(colors.black)
        draw_text(
            c,
            x=left + used,
            y=top,
            text=card.name,
            size=name_size,
            primary=self.head,
            chain=self.chain,
        )
        lines = [
            ("单位：", card.enterprise_name),
            ("车间岗位：", " / ".join(v for v in (card.workshop, card.post) if v)),
        ]
        if card.id_number:
            lines.append(("证号：", mask_id_number(card.id_number)))
        if card.areas:
            lines.append(("区域：", card.areas))
        lines.append(("有效期：", f"{_short_date(card.valid_from)}—{_short_date(card.valid_to)}"))
        step = 5.6 * mm if len(lines) <= 4 else 4.9 * mm
        line_y = top - 6.5 * mm
        for label, value in lines:
            self._line(x=left, y=line_y, label=label, value=value, width=text_w)
            line_y -= step

        qr_x = x + w - _PAD - _QR
        qr_y = y + 9 * mm
        tk.draw_qr(
            c,
            payload=pass_qr_payload(pass_no=card.pass_no, check=card.check_code),
            x=qr_x,
            y=qr_y,
            size=_QR,
        )
        number = f"No. {card.pass_no}"
        size = self._fit(number, size=8.5, width=_QR, font=self.body)
        draw_text(
            c,
            x=qr_x + _QR / 2,
            y=qr_y - 3.2 * mm,
            text=number,
            size=size,
            primary=self.body,
            chain=self.chain,
            align="centre",
        )
        c.setFillColor(colors.Color(0.35, 0.35, 0.35))
        draw_text(
            c,
            x=left,
            y=y + 5 * mm,
            text="本证限本人使用，严禁涂改、转借",
            size=7,
            primary=self.body,
            chain=self.chain,
        )
        c.setFillColor(colors.black)


def _sheet_origin(layout: CardLayout) -> tuple[float, float]:
    grid_w = layout.columns * layout.width
    grid_h = layout.rows * layout.height
    return (PAGE_WIDTH - grid_w) / 2, (PAGE_HEIGHT - grid_h) / 2 + 4 * mm


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
    decor = tk.PageDecor(chain=kit.chain, footer_y=8 * mm)
    with build_lock():
        canvas = open_canvas(out, decor=decor, title=data.title, tally=tally)
        painter = _CardPainter(canvas, kit.chain, data.issuer, data.title)
        cards = data.cards
        for start in range(0, max(len(cards), 1), layout.per_sheet):
            _draw_sheet(painter, cards[start : start + layout.per_sheet], layout)
            canvas.showPage()
        canvas.save()
    return tk.BuildResult(pages=tally[-1], fonts=tuple(kit.chain.used_fonts()))
