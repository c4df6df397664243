"""Cut marks around a grid of cards, drawn outside the cards so a cut never shows a line."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

__all__ = ["draw_cut_marks"]


def draw_cut_marks(
    canvas: Canvas,
    *,
    xs: Sequence[float],
    ys: Sequence[float],
    length: float = 5 * mm,
    gap: float = 1.5 * mm,
) -> None:
    """Short marks pointing at every vertical (``xs``) and horizontal (``ys``) cut line.

    Marks sit beyond the outer edges of the grid, starting ``gap`` away from it.
    """
    left, right = min(xs), max(xs)
    bottom, top = min(ys), max(ys)
    canvas.saveState()
    canvas.setLineWidth(0.4)
    for x in xs:
        canvas.line(x, top + gap, x, top + gap + length)
        canvas.line(x, bottom - gap, x, bottom - gap - length)
    for y in ys:
        canvas.line(left - gap - length, y, left - gap, y)
        canvas.line(right + gap, y, right + gap + length, y)
    canvas.restoreState()
