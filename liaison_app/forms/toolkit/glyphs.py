"""Per-glyph font fallback: split text into runs that each font can actually draw.

A rare name character (䶮, 㛃 from CJK Extension A, 𠮷 from Extension B) is often missing
from the body font. Left alone, ReportLab would print an empty box; instead every run of such
characters is set in the next font of the chain that has them. When no font has one,
``FontChain.font_for`` raises ``UncoveredCharacter``; the callers here add where the
character is.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import FontChain, LoadedFont, UncoveredCharacter

__all__ = ["draw_text", "ellipsize", "excerpt", "paragraph_markup", "split_runs", "text_width"]

_ALWAYS_PRIMARY = frozenset(" \t\n\r")


def split_runs(text: str, *, primary: LoadedFont, chain: FontChain) -> list[tuple[str, str]]:
    """``[(font name, text), ...]`` covering ``text`` in order, merging neighbours."""
    runs: list[tuple[str, str]] = []
    current_font = primary.name
    start = 0
    for i, ch in enumerate(text):
        name = (
            primary.name
            if ch in _ALWAYS_PRIMARY or primary.has(ch)
            else chain.font_for(ch, primary=primary).name
        )
        if name != current_font:
            if i > start:
                runs.append((current_font, text[start:i]))
            current_font, start = name, i
    if start < len(text):
        runs.append((current_font, text[start:]))
    return runs


def _covered(text: str, primary: LoadedFont) -> bool:
    return all(ch in _ALWAYS_PRIMARY or primary.has(ch) for ch in text)


def paragraph_markup(text: str, *, primary: LoadedFont, chain: FontChain) -> str:
    """Escaped Paragraph markup for user text; line breaks kept, missing glyphs wrapped."""
    if _covered(text, primary):
        return escape(text).replace("\n", "<br/>")
    parts: list[str] = []
    for name, run in split_runs(text, primary=primary, chain=chain):
        body = escape(run).replace("\n", "<br/>")
        parts.append(body if name == primary.name else f'<font name="{name}">{body}</font>')
    return "".join(parts)


def text_width(text: str, *, size: float, primary: LoadedFont, chain: FontChain) -> float:
    if _covered(text, primary):
        return stringWidth(text, primary.name, size)
    return sum(
        stringWidth(run, name, size) for name, run in split_runs(text, primary=primary, chain=chain)
    )


def excerpt(text: str, char: str) -> str:
    """A few characters around ``char``, to say where it is when no field name is known."""
    at = max(text.find(char), 0)
    start = max(at - 6, 0)
    part = text[start : at + 7].replace("\n", " ")
    return ("…" if start else "") + part + ("…" if at + 7 < len(text) else "")


def ellipsize(
    text: str, *, width: float, size: float, primary: LoadedFont, chain: FontChain
) -> str:
    """``text`` cut at the end with "…" so it is no wider than ``width``."""
    if text_width(text, size=size, primary=primary, chain=chain) <= width:
        return text
    lo, hi = 0, len(text)
    # The longest prefix that fits with the ellipsis (widths grow with length).
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid] + "…", size=size, primary=primary, chain=chain) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def draw_text(
    canvas: Canvas,
    *,
    x: float,
    y: float,
    text: str,
    size: float,
    primary: LoadedFont,
    chain: FontChain,
    align: str = "left",
) -> float:
    """Draw one line with per-glyph fallback; returns its width. ``align``: left/centre/right."""
    try:
        runs = (
            [(primary.name, text)]
            if _covered(text, primary)
            else split_runs(text, primary=primary, chain=chain)
        )
    except UncoveredCharacter as exc:
        raise exc.in_field(excerpt(text, exc.char)) from None
    widths = [stringWidth(run, name, size) for name, run in runs]
    total = sum(widths)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    for (name, run), width in zip(runs, widths, strict=True):
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += width
    return total
