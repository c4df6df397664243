"""Chinese line breaking for form text, on top of ReportLab's CJK wrapping.

ReportLab's ``wordWrap="CJK"`` may break between any two characters. It keeps a few closing
marks off a line start (``reportlab.lib.textsplit.ALL_CANNOT_START``) by letting them hang
into the margin, but its list lacks "，", "；", "：", "？", "》" and others, and it never keeps
an opening bracket off a line end, so officers saw lines start with "，" and end with "（",
"2026.11.10" broken as "2026.11.1 / 0" and "19.3亩" as "19 / 3亩".

The rules here (GB/T 15834 punctuation and common typesetting practice):

- a closing mark (ReportLab's set plus the Chinese full-width ones) never starts a line;
- an opening mark (ReportLab's ``ALL_CANNOT_END`` plus "〔", "《", "“" ...) never ends one;
- a run of Latin letters and digits is one word; so is a number with its inner ".", ",",
  ":", "/", "-" (dates, decimals, times), and a number keeps its unit (号, 年, 亩, %);
- "——" and "……" are never split, nor a document number such as "〔2026〕12号";
- a few titles and terms that read wrongly when split (常务副县长, 法定代表人) stay whole:
  this is a short list, not a word segmenter;
- a word longer than the whole line is broken where it must, so text always fits.

No mark hangs into the margin: a line ends before the last allowed break instead, so every
character stays inside its cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

__all__ = [
    "CANNOT_END",
    "CANNOT_START",
    "KEEP_WHOLE_TERMS",
    "ChineseParagraph",
    "break_allowed",
    "wrap_text",
]

CANNOT_START = frozenset(
    ALL_CANNOT_START
    + "，。、；：？！）》〉」』】〕〗〙〛｝］’”…—·～％‰℃"
    + "︰︱︳︴︵︶︸︹︺︻︼︽︾︿﹀﹁﹂﹃﹄"
    + ",.;:?!)]}%"
)
CANNOT_END = frozenset(ALL_CANNOT_END + "（《〈「『【〔〖〘〚｛［‘“(<[{")
_CONNECTORS = frozenset(".,:/-．，：／－")
#: Units and counters that belong to the number before them.
_UNITS = frozenset("年月日号时分秒亩元角万亿个人名家户项条次件岁天周期届批吨米克升%％‰℃°")
_PAIRED = frozenset("—…")

#: Terms that must not be split across lines; longer terms first wins at an overlap.
KEEP_WHOLE_TERMS: tuple[str, ...] = (
    "常务副县长",
    "副县长",
    "县长",
    "县委书记",
    "县委副书记",
    "副书记",
    "书记",
    "副主任",
    "主任",
    "副局长",
    "局长",
    "副镇长",
    "镇长",
    "乡长",
    "董事长",
    "总经理",
    "法定代表人",
    "联络员",
    "负责人",
    "联系人",
    "直通车",
    "统一社会信用代码",
)
_TERMS_RE = re.compile(
    "|".join(re.escape(t) for t in sorted(KEEP_WHOLE_TERMS, key=len, reverse=True))
)


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "０" <= ch <= "９" or "Ａ" <= ch <= "ｚ"


def _is_digit(ch: str) -> bool:
    return ch.isdigit()


def break_allowed(text: str) -> list[bool]:
    """``result[j]``: may a line break fall before ``text[j]``? (``result[0]`` is False.)"""
    n = len(text)
    allowed = [True] * (n + 1)
    allowed[0] = False
    if n:
        allowed[n] = True
    for j in range(1, n):
        a, b = text[j - 1], text[j]
        if a == "\n" or b == "\n":
            continue
        if b.isspace():
            # Never begin a line with a space; the break goes after it.
            allowed[j] = False
            continue
        if a.isspace():
            continue
        if b in CANNOT_START or a in CANNOT_END:
            allowed[j] = False
        elif _is_word(a) and _is_word(b):
            allowed[j] = False
        elif b in _CONNECTORS and _is_digit(a) and j + 1 < n and _is_digit(text[j + 1]):
            allowed[j] = False
        elif a in _CONNECTORS and _is_digit(b) and j >= 2 and _is_digit(text[j - 2]):
            allowed[j] = False
        elif _is_digit(a) and b in _UNITS:
            allowed[j] = False
        elif a in _PAIRED and b == a:
            allowed[j] = False
        elif a == "〕" and _is_digit(b):
            # A document number, 〔2026〕12号, reads as one word.
            allowed[j] = False
    for match in _TERMS_RE.finditer(text):
        for j in range(match.start() + 1, match.end()):
            allowed[j] = False
    return allowed


def _line_ends(widths: Sequence[float], allowed: Sequence[bool], max_width: float, start: int,
               ) -> tuple[int, float]:
    """Where the line starting at ``start`` ends (exclusive) and its width."""
    used = 0.0
    n = len(widths)
    i = start
    while i < n:
        w = widths[i]
        if used + w > max_width + _FUZZ and i > start:
            # Back up to the last place a break is allowed; force one if the word is longer
            # than the line.
            k = i
            while k > start and not allowed[k]:
                k -= 1
            if k == start:
                k = i
            return k, sum(widths[start:k])
        used += w
        i += 1
    return n, used


def wrap_text(text: str, *, width: float, font_name: str, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (for text drawn on a canvas)."""
    lines: list[str] = []
    for part in text.split("\n"):
        widths = [stringWidth(ch, font_name, size) for ch in part]
        allowed = break_allowed(part)
        start = 0
        if not part:
            lines.append("")
        while start < len(part):
            end, _used = _line_ends(widths, allowed, width, start)
            lines.append(part[start:end].rstrip())
            start = end
            while start < len(part) and part[start].isspace():
                start += 1
    return lines


def _split_frags(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool,
                 ) -> ParaLines:
    """ReportLab's ``cjkFragSplit`` with the rules above instead of its character breaks."""
    units: list[cjkU] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if text:
            units.extend(cjkU(t, f, "utf8") for t in text)
        else:
            units.append(cjkU(text, f, "utf8"))
    # A forced break (<br/>) is an empty unit whose frag has ``lineBreak``.
    chars = "".join(u if u else "\n" for u in units)
    allowed = break_allowed(chars) if len(chars) == len(units) else [True] * (len(units) + 1)
    widths = [u.width for u in units]
    lines: list[Any] = []
    start = 0
    n = len(units)
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        # A forced break ends the line at or before the overflow point.
        end, used = _line_ends(widths, allowed, max_width, start)
        hard = next(
            (k for k in range(start, min(end + 1, n)) if hasattr(units[k].frag, "lineBreak")),
            None,
        )
        line_break = hard is not None
        if hard is not None:
            end = hard + 1
            used = sum(widths[start:end])
        line_units = units[start:end]
        # Trailing spaces take no room: they may run past the edge.
        visible = used - sum(u.width for u in _trailing_spaces(line_units))
        lines.append(
            makeCJKParaLine(line_units, max_width, visible, max_width - visible, line_break,
                            calc_bounds)
        )
        start = end
        while start < n and units[start] and units[start].isspace() and not line_break:
            start += 1
    return ParaLines(kind=1, lines=lines)


def _trailing_spaces(units: Sequence[cjkU]) -> list[cjkU]:
    out: list[cjkU] = []
    for u in reversed(units):
        if not (u and u.isspace()):
            break
        out.append(u)
    return out


class ChineseParagraph(Paragraph):
    """A Paragraph that breaks lines by the Chinese rules above when ``wordWrap="CJK"``."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - ReportLab's name
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        frags = self.frags
        if (
            getattr(self, "bulletText", None)
            or style.endDots
            or any(hasattr(f, "cbDefn") for f in frags)
        ):
            return super().breakLinesCJK(maxWidths)
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not frags:
            return super().breakLinesCJK(maxWidths)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return _split_frags(frags, list(maxWidths), auto_leading not in ("", "off"))
