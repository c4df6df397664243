"""满意度测评表: one enterprise's sheet for one evaluated unit, a page each, with a QR code.

The enterprise and the evaluated unit are printed on the sheet, the dimensions have boxes to
write a score in (or a box per level to tick) and a 不了解/不适用 box, then room for
comments, the signature and the stamp. The QR code carries the round and the sheet, so a
photo or scan of the returned sheet opens the right one for entry.

Sheets are drawn straight onto the canvas (like the pass cards): a round's 2,000 sheets must
print in seconds, which platypus' layout of tables and paragraphs per page would not allow.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import toolkit as tk
from .data import SatisfactionSheet, SatisfactionSheetsData
from .formatting import fmt_date
from .toolkit.fonts import LoadedFont
from .toolkit.glyphs import draw_text, text_width
from .toolkit.page import PAGE_HEIGHT, build_lock, open_canvas

FORM_ID = "satisfaction_sheet"
TITLE = "满意度测评表"

_LEFT = 25 * mm
_WIDTH = 160 * mm
_RIGHT = _LEFT + _WIDTH
_TOP = PAGE_HEIGHT - 22 * mm
_BOTTOM = 30 * mm
_QR = 24 * mm
_LABEL_W = 32 * mm
_SHADE = colors.Color(0.93, 0.93, 0.93)
_GREY = colors.Color(0.3, 0.3, 0.3)
#: Punctuation that never starts a line in Chinese typesetting (it stays with the line before).
_NO_LINE_START = frozenset("，。、；：！？）》」』”’,.;:!?)")


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


class TextPainter:
    """Text on a canvas with per-glyph font fallback, wrapped or shrunk to fit (shared with
    the phone invitations)."""

    def __init__(self, canvas: Canvas, chain: tk.FontChain) -> None:
        self.c = canvas
        self.chain = chain

    def width(self, text: str, size: float, font: LoadedFont) -> float:
        return text_width(text, size=size, primary=font, chain=self.chain)

    def text(self, x: float, y: float, text: str, size: float, *, heading: bool = False,
             align: str = "left") -> float:
        font = self.chain.heading if heading else self.chain.body
        return draw_text(self.c, x=x, y=y, text=text, size=size, primary=font,
                         chain=self.chain, align=align)

    def lines(self, text: str, width: float, size: float, font: LoadedFont) -> list[str]:
        """``text`` broken into lines of at most ``width`` (any character may end a line,
        as in Chinese typesetting)."""
        out: list[str] = []
        line = ""
        for ch in text:
            if ch == "\n":
                out.append(line)
                line = ""
                continue
            if line and ch not in _NO_LINE_START and self.width(line + ch, size, font) > width:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
        return out

    def fitted(self, text: str, width: float, *, size: float, heading: bool = False,
               smallest: float = 7.5) -> tuple[float, list[str]]:
        """The size (down to ``smallest``) at which ``text`` fits one line, or its lines at
        ``smallest`` when it never does: long names wrap instead of running off the page."""
        font = self.chain.heading if heading else self.chain.body
        natural = self.width(text, size, font)
        if natural <= width:
            return size, [text]
        shrunk = size * width / natural
        if shrunk >= smallest:
            return shrunk, [text]
        return smallest, self.lines(text, width, smallest, font)

    def cell_text(self, x: float, top: float, width: float, height: float, text: str,
                  *, size: float, heading: bool = False, align: str = "left") -> None:
        size, rows = self.fitted(text, width - 4 * mm, size=size, heading=heading)
        leading = size * 1.25
        y = top - height / 2 + (len(rows) - 1) * leading / 2 - size * 0.35
        for row in rows:
            if align == "centre":
                self.text(x + width / 2, y, row, size, heading=heading, align="centre")
            else:
                self.text(x + 2 * mm, y, row, size, heading=heading)
            y -= leading


class _Painter(TextPainter):
    def __init__(self, canvas: Canvas, chain: tk.FontChain, data: SatisfactionSheetsData) -> None:
        super().__init__(canvas, chain)
        self.data = data
        weights = {w for _label, w in data.dimensions}
        self.show_weights = len(weights) > 1

    def box(self, x: float, y: float, w: float, h: float, *, shade: bool = False,
            line: float = 0.75) -> None:
        c = self.c
        c.setLineWidth(line)
        if shade:
            c.setFillColor(_SHADE)
            c.rect(x, y, w, h, stroke=1, fill=1)
            c.setFillColor(colors.black)
        else:
            c.rect(x, y, w, h, stroke=1, fill=0)

    def tick_box(self, cx: float, cy: float, size: float = 4.2 * mm) -> None:
        self.c.setLineWidth(0.8)
        self.c.rect(cx - size / 2, cy - size / 2, size, size, stroke=1, fill=0)

    # -- the sheet ---------------------------------------------------------------------------
    # Everything but the enterprise, the unit and the QR code is the same on every sheet of a
    # round: it is drawn once as a form XObject that each page places, which is what lets a
    # round's 2,000 sheets print in a few seconds. The rows that hold names are therefore of
    # fixed height; a long name is set smaller and wrapped inside its row.
    _NAME_H = 12 * mm
    _CODE_H = 9 * mm
    _UNIT_H = 12 * mm

    def template(self) -> None:
        """Draw the parts every sheet shares (inside ``beginForm``)."""
        data = self.data
        title_centre = _LEFT + (_WIDTH - _QR - 4 * mm) / 2
        self.text(title_centre, _TOP - 10 * mm, data.title, 20, heading=True, align="centre")
        subtitle = f"{data.round_name}（{fmt_date(data.held_on)}）"
        size, rows = self.fitted(subtitle, _WIDTH - _QR - 8 * mm, size=11.5)
        self.text(title_centre, _TOP - 18 * mm, rows[0], size, align="centre")
        y = self.info_frame(_TOP - _QR - 8 * mm)
        y = self.instructions(y - 3 * mm)
        y = self.scores(y - 2 * mm)
        self.closing(y - 4 * mm)

    def paint(self, sheet: SatisfactionSheet) -> None:
        c = self.c
        c.doForm(self.form_name)
        qr_x = _RIGHT - _QR
        tk.draw_qr(c, payload=sheet.qr_payload, x=qr_x, y=_TOP - _QR, size=_QR)
        c.setFillColor(_GREY)
        self.text(qr_x + _QR / 2, _TOP - _QR - 3.5 * mm, f"No. {sheet.sheet_no}", 8,
                  align="centre")
        c.setFillColor(colors.black)
        top = _TOP - _QR - 8 * mm
        value_w = _WIDTH - _LABEL_W
        x = _LEFT + _LABEL_W
        self.cell_text(x, top, value_w, self._NAME_H, sheet.enterprise, size=11)
        top -= self._NAME_H
        self.cell_text(x, top, self._VALUE1_W, self._CODE_H, sheet.uscc, size=11)
        x2 = x + self._VALUE1_W + self._LABEL2_W
        self.cell_text(x2, top, _RIGHT - x2, self._CODE_H, sheet.town, size=11)
        top -= self._CODE_H
        self.cell_text(x, top, value_w, self._UNIT_H, sheet.unit, size=13, heading=True)

    form_name = "satisfactionSheet"
    _LABEL2_W = 22 * mm
    _VALUE1_W = 58 * mm

    def info_frame(self, top: float) -> float:
        """The enterprise block's boxes and labels (the values are each sheet's own)."""
        value_w = _WIDTH - _LABEL_W
        rows: list[tuple[float, Sequence[tuple[str, float, float]]]] = [
            (self._NAME_H, (("企业名称", _LABEL_W, value_w),)),
            (self._CODE_H, (("统一社会信用代码", _LABEL_W, self._VALUE1_W),
                            ("所在镇街", self._LABEL2_W,
                             value_w - self._VALUE1_W - self._LABEL2_W))),
            (self._UNIT_H, (("被测评单位", _LABEL_W, value_w),)),
        ]
        y = top
        for height, cells in rows:
            x = _LEFT
            for label, label_w, width in cells:
                self.box(x, y - height, label_w, height, shade=True)
                self.cell_text(x, y, label_w, height, label, size=10.5, heading=True,
                               align="centre")
                self.box(x + label_w, y - height, width, height)
                x += label_w + width
            y -= height
        self.c.setLineWidth(1.2)
        self.c.rect(_LEFT, y, _WIDTH, top - y, stroke=1, fill=0)
        return y

    def instructions(self, top: float) -> float:
        data = self.data
        if data.scale_kind == "levels":
            text = ("评分说明：请在每个测评项目相应的等级下打“√”，每项只选一个等级；对该项目"
                    "不了解或不适用的，请在“不了解/不适用”栏打“√”。")
        else:
            text = (f"评分说明：每项满分 {_number(data.scale_max)} 分，请在“评分”栏内填写分数；"
                    "对该项目不了解或不适用的，请在“不了解/不适用”栏打“√”，不要填 0 分。")
        if data.anonymous:
            text += "本次测评结果只以汇总形式使用，不公开单个企业的评分。"
        body = self.chain.body
        y = top - 10
        for row in self.lines(text, _WIDTH, 10, body):
            self.text(_LEFT, y, row, 10)
            y -= 14
        return y + 4

    def _columns(self) -> list[tuple[str, float]]:
        data = self.data
        cols = [("序号", 12 * mm)]
        na = ("不了解/不适用", 27 * mm)
        if data.scale_kind == "levels":
            na = ("不了解\n不适用", 17 * mm)
            weight = [("权重", 11 * mm)] if self.show_weights else []
            spare = _WIDTH - 12 * mm - na[1] - sum(w for _t, w in weight) - 42 * mm
            level_w = min(19 * mm, spare / len(data.levels))
            levels = [(f"{label}\n{_number(points)}", level_w) for label, points in data.levels]
            name_w = _WIDTH - 12 * mm - na[1] - sum(w for _t, w in levels + weight)
            return [*cols, ("测评项目", name_w), *weight, *levels, na]
        weight = [("权重", 14 * mm)] if self.show_weights else []
        score = (f"评分（满分 {_number(data.scale_max)}）", 36 * mm)
        name_w = _WIDTH - 12 * mm - na[1] - score[1] - sum(w for _t, w in weight)
        return [*cols, ("测评项目", name_w), *weight, score, na]

    def scores(self, top: float) -> float:
        data = self.data
        cols = self._columns()
        head_h = 11 * mm
        # Room left above the comments and signature (at least 60 mm) decides the row height.
        room = top - head_h - (_BOTTOM + 62 * mm)
        row_h = max(7.5 * mm, min(12 * mm, room / max(len(data.dimensions), 1)))
        x = _LEFT
        for title, width in cols:
            self.box(x, top - head_h, width, head_h, shade=True)
            parts = title.split("\n")
            size = 9.5 if len(parts) > 1 or data.scale_kind == "levels" else 10.5
            y = top - head_h / 2 + (len(parts) - 1) * size * 0.6 - size * 0.35
            for part in parts:
                fit = self.fitted(part, width - 1.5 * mm, size=size, heading=True)[0]
                self.text(x + width / 2, y, part, fit, heading=True, align="centre")
                y -= size * 1.2
            x += width
        y = top - head_h
        for number, (label, weight) in enumerate(data.dimensions, start=1):
            x = _LEFT
            for i, (title, width) in enumerate(cols):
                self.box(x, y - row_h, width, row_h)
                centre_y = y - row_h / 2
                if i == 0:
                    self.cell_text(x, y, width, row_h, str(number), size=10.5, align="centre")
                elif title == "测评项目":
                    self.cell_text(x, y, width, row_h, label, size=11)
                elif title == "权重":
                    self.cell_text(x, y, width, row_h, _number(weight), size=10.5,
                                   align="centre")
                elif title.startswith("评分"):
                    # The writing box inside the cell: an obvious place for the number.
                    inner_w, inner_h = width - 10 * mm, row_h - 3 * mm
                    self.c.setLineWidth(1.0)
                    self.c.rect(x + 5 * mm, centre_y - inner_h / 2, inner_w, inner_h,
                                stroke=1, fill=0)
                else:
                    self.tick_box(x + width / 2, centre_y)
                x += width
            y -= row_h
        self.c.setLineWidth(1.2)
        self.c.rect(_LEFT, y, _WIDTH, top - y, stroke=1, fill=0)
        return y

    def closing(self, top: float) -> None:
        sign_h = 30 * mm
        comments_h = max(22 * mm, top - (_BOTTOM + sign_h + 8 * mm))
        y = top - comments_h
        self.box(_LEFT, y, _LABEL_W, comments_h, shade=True)
        self.cell_text(_LEFT, top, _LABEL_W, comments_h, "意见和建议", size=10.5, heading=True,
                       align="centre")
        self.box(_LEFT + _LABEL_W, y, _WIDTH - _LABEL_W, comments_h)
        self.c.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
        self.c.setLineWidth(0.4)
        line_y = top - 9 * mm
        while line_y > y + 3 * mm:
            self.c.line(_LEFT + _LABEL_W + 3 * mm, line_y, _RIGHT - 3 * mm, line_y)
            line_y -= 8 * mm
        self.c.setStrokeColor(colors.black)
        top = y
        y = top - sign_h
        half = _WIDTH / 2
        self.box(_LEFT, y, half, sign_h)
        self.box(_LEFT + half, y, half, sign_h)
        self.text(_LEFT + 3 * mm, top - 7 * mm, "企业负责人（签字）：", 11)
        self.text(_LEFT + 3 * mm, y + 5 * mm, "联系电话：", 11)
        self.text(_LEFT + half + 3 * mm, top - 7 * mm, "企业（盖章）", 11)
        self.text(_RIGHT - 4 * mm, y + 5 * mm, "年　　月　　日", 11, align="right")
        self.c.setLineWidth(1.2)
        self.c.rect(_LEFT, y, _WIDTH, top - y, stroke=1, fill=0)
        self.c.setFillColor(_GREY)
        note = "请勿折叠、涂改或遮挡右上角的二维码；填好后交回"
        self.text(_LEFT, y - 5 * mm, note + (self.data.organisation or "组织单位") + "。", 8.5)
        self.c.setFillColor(colors.black)


def build(
    data: SatisfactionSheetsData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write one page per sheet to ``out``. Background thread."""
    kit = tk.make_kit(chain=chain)
    tally: list[int] = []
    decor = tk.PageDecor(chain=kit.chain, footer_y=12 * mm)
    with build_lock():
        canvas = open_canvas(out, decor=decor, title=f"{data.round_name} {data.title}",
                             tally=tally)
        painter = _Painter(canvas, kit.chain, data)
        canvas.beginForm(painter.form_name)
        painter.template()
        canvas.endForm()
        for sheet in data.sheets:
            painter.paint(sheet)
            canvas.showPage()
        if not data.sheets:
            canvas.doForm(painter.form_name)
            canvas.showPage()
        canvas.save()
    return tk.BuildResult(pages=tally[-1], fonts=tuple(kit.chain.used_fonts()))
