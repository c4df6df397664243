"""手机测评邀请: an enterprise's invitation to score on a phone, two to an A4 page with a dashed
line to cut along between them.

Each carries the enterprise's one-time link as a large QR code and, under it, as text (to
type in when a phone cannot scan), the units to score and what a representative needs to
know: no app and no account, one submission, the link ends with the round. The link is the
key to the enterprise's scoring: the invitation says it is not to be passed on.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import toolkit as tk
from .data import PhoneInvitation, PhoneInvitationsData
from .formatting import fmt_date
from .satisfaction_sheet import TextPainter
from .toolkit.page import PAGE_HEIGHT, PAGE_WIDTH, build_lock, open_canvas

FORM_ID = "phone_invitations"
TITLE = "手机测评邀请"

_HALF = PAGE_HEIGHT / 2
_LEFT = 22 * mm
_WIDTH = PAGE_WIDTH - 2 * _LEFT
_QR = 60 * mm
_GREY = colors.Color(0.3, 0.3, 0.3)


class _Painter(TextPainter):
    def __init__(self, canvas: Canvas, chain: tk.FontChain, data: PhoneInvitationsData) -> None:
        super().__init__(canvas, chain)
        self.data = data

    def paint(self, inv: PhoneInvitation, *, bottom: float) -> None:
        data = self.data
        c = self.c
        top = bottom + _HALF - 16 * mm
        centre = PAGE_WIDTH / 2
        heading = f"{data.organisation}企业满意度测评 · 手机评分邀请" if data.organisation \
            else "企业满意度测评 · 手机评分邀请"
        size, _rows = self.fitted(heading, _WIDTH, size=16, heading=True)
        self.text(centre, top, heading, size, heading=True, align="centre")
        line = f"{data.round_name}（{fmt_date(data.held_on)}）"
        size, _rows = self.fitted(line, _WIDTH, size=11)
        self.text(centre, top - 8 * mm, line, size, align="centre")
        c.setLineWidth(1)
        c.line(_LEFT, top - 11 * mm, _LEFT + _WIDTH, top - 11 * mm)

        y = top - 19 * mm
        used = self.text(_LEFT, y, "受邀企业：", 11)
        size, rows = self.fitted(inv.enterprise, _WIDTH - used, size=14, heading=True,
                                 smallest=9)
        for row in rows[:2]:
            self.text(_LEFT + used, y, row, size, heading=True)
            y -= size * 1.3

        qr_top = top - 28 * mm
        tk.draw_qr(c, payload=inv.url, x=_LEFT, y=qr_top - _QR, size=_QR)
        text_x = _LEFT + _QR + 8 * mm
        text_w = _LEFT + _WIDTH - text_x
        notes = [
            "请用手机扫描左侧二维码打开评分页面，无需安装应用，无需注册登录。",
            "请为以下单位评分：" + "、".join(data.units) + "。",
            "每个二维码只能提交一次评分；测评结束后自动失效。",
            "本邀请仅供贵企业使用，请勿转发、外传。",
        ]
        if data.anonymous:
            notes.append("本次测评为匿名测评，结果只公布汇总，不显示各企业的评分。")
        y = qr_top - 4 * mm
        font = self.chain.body
        for number, note in enumerate(notes, start=1):
            for k, row in enumerate(self.lines(note, text_w - 6 * mm, 10, font)):
                if k == 0:
                    self.text(text_x, y, f"{number}.", 10)
                self.text(text_x + 6 * mm, y, row, 10)
                y -= 5.4 * mm
            y -= 1.2 * mm

        # The link as text, for a phone that cannot scan: monospaced glyphs are not needed,
        # but it must never run off the card.
        c.setFillColor(_GREY)
        y = qr_top - _QR - 6 * mm
        self.text(_LEFT, y, "无法扫码时，请在手机浏览器中输入：", 8.5)
        y -= 4.6 * mm
        for row in self.lines(inv.url, _WIDTH, 8.5, font)[:3]:
            self.text(_LEFT, y, row, 8.5)
            y -= 4.4 * mm
        c.setFillColor(colors.black)
        if data.organisation:
            self.text(_LEFT + _WIDTH, bottom + 12 * mm, data.organisation, 10, align="right")


def build(
    data: PhoneInvitationsData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the invitations to ``out``, two to a page. Background thread."""
    kit = tk.make_kit(chain=chain)
    tally: list[int] = []
    decor = tk.PageDecor(chain=kit.chain, footer_y=8 * mm)
    with build_lock():
        canvas = open_canvas(out, decor=decor, title=f"{data.round_name} {data.title}",
                             tally=tally)
        painter = _Painter(canvas, kit.chain, data)
        invitations = data.invitations
        for start in range(0, max(len(invitations), 1), 2):
            for k, inv in enumerate(invitations[start:start + 2]):
                painter.paint(inv, bottom=_HALF * (1 - k))
            # Where to cut the two invitations apart.
            canvas.saveState()
            canvas.setLineWidth(0.4)
            canvas.setDash(3, 3)
            canvas.line(10 * mm, _HALF, PAGE_WIDTH - 10 * mm, _HALF)
            canvas.restoreState()
            canvas.showPage()
        canvas.save()
    return tk.BuildResult(pages=tally[-1], fonts=tuple(kit.chain.used_fonts()))
