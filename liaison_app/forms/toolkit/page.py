"""A4 pages with official-document geometry and "第 N 页 共 M 页" footers.

GB/T 9704: top margin 37 mm, left (binding) margin 28 mm, text block 156 x 225 mm. Wide
statistical tables print on landscape A4 (``LANDSCAPE``) with narrower margins. The total
page count is only known at the end, so the canvas keeps each finished page's content until
``save()`` and stamps the footer on all of them then (one pass, no second layout run).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any, Union

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import FontChain, FontInfo
from .glyphs import draw_text, ellipsize

__all__ = [
    "BODY_HEIGHT",
    "BODY_WIDTH",
    "LANDSCAPE",
    "PORTRAIT",
    "LEFT_MARGIN",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "TOP_MARGIN",
    "BuildResult",
    "Geometry",
    "Output",
    "PageDecor",
    "PageGeometry",
    "build_story",
    "open_canvas",
]

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
BODY_WIDTH = 156 * mm
BODY_HEIGHT = 225 * mm
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - BODY_HEIGHT
FOOTER_SIZE = 10.5
HEADER_SIZE = 9


@dataclass(frozen=True)
class Geometry:
    """Paper size and the text block on it."""

    width: float
    height: float
    left: float
    top: float
    body_width: float
    body_height: float

    @property
    def bottom(self) -> float:
        return self.height - self.top - self.body_height


PORTRAIT = Geometry(PAGE_WIDTH, PAGE_HEIGHT, LEFT_MARGIN, TOP_MARGIN, BODY_WIDTH, BODY_HEIGHT)
#: Landscape A4 for wide tables: 25 mm at the top for the running header, 20 mm at the sides.
LANDSCAPE = Geometry(*landscape(A4), left=20 * mm, top=25 * mm, body_width=257 * mm,
                     body_height=163 * mm)

#: The same type under the name build_story's ``page`` argument uses.
PageGeometry = Geometry

Output = Union[str, "os.PathLike[str]", IO[bytes]]

# ReportLab keeps per-document state inside shared font objects; one build at a time keeps
# two background prints from interleaving their subsets.
_build_lock = threading.Lock()


@dataclass(frozen=True)
class BuildResult:
    """What the caller records in the audit log after a print."""

    pages: int
    fonts: tuple[FontInfo, ...]
    unmasked: bool = False


@dataclass(frozen=True)
class PageDecor:
    """Header and footer drawn on every page."""

    chain: FontChain
    header: str = ""
    #: Footer baseline, measured from the bottom edge of the paper (default: under the body).
    footer_y: float | None = None
    header_y: float | None = None
    geometry: Geometry = PORTRAIT

    @property
    def footer_baseline(self) -> float:
        return self.geometry.bottom - 12 * mm if self.footer_y is None else self.footer_y

    @property
    def header_baseline(self) -> float:
        g = self.geometry
        return g.height - g.top + 8 * mm if self.header_y is None else self.header_y


class _PageCountingCanvas(Canvas):
    """Holds finished pages until save() so each footer can say how many pages there are."""

    def __init__(self, *args: Any, decor: PageDecor, tally: list[int], **kwargs: Any) -> None:
        # ReportLab's page preamble selects Helvetica, which would put a non-embedded font
        # into every PDF; start each page in the (embedded) body face instead.
        # (BaseDocTemplate passes None explicitly.)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or decor.chain.body.name
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10.5
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._tally = tally
        self._held_pages: list[dict[str, Any]] = []

    def setFont(  # noqa: N802 - ReportLab's name
        self, psfontname: str, size: float, leading: float | None = None
    ) -> None:
        # Table cells that hold plain strings (even empty ones) select ReportLab's default
        # Helvetica unless told otherwise; no form means it, and it is never embedded.
        if psfontname == rl_config.canvas_basefontname:
            psfontname = self._decor.chain.body.name
        super().setFont(psfontname, size, leading)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_decor(number, total)
            Canvas.showPage(self)
        self._held_pages = []
        self._tally.append(total)
        Canvas.save(self)

    def _draw_decor(self, number: int, total: int) -> None:
        decor = self._decor
        chain = decor.chain
        g = decor.geometry
        self.saveState()
        draw_text(
            self,
            x=g.width / 2,
            y=decor.footer_baseline,
            text=f"第 {number} 页 共 {total} 页",
            size=FOOTER_SIZE,
            primary=chain.body,
            chain=chain,
            align="centre",
        )
        if decor.header:
            right = g.left + g.body_width
            header_y = decor.header_baseline
            # A long enterprise name must not push the header off the left edge.
            header = ellipsize(
                decor.header,
                width=g.body_width,
                size=HEADER_SIZE,
                primary=chain.body,
                chain=chain,
            )
            draw_text(
                self,
                x=right,
                y=header_y + 2,
                text=header,
                size=HEADER_SIZE,
                primary=chain.body,
                chain=chain,
                align="right",
            )
            self.setLineWidth(0.5)
            self.line(g.left, header_y, right, header_y)
        self.restoreState()


def _target(out: Output) -> str | IO[bytes]:
    return os.fspath(out) if isinstance(out, (str, os.PathLike)) else out


def open_canvas(out: Output, *, decor: PageDecor, title: str, tally: list[int]) -> Canvas:
    """A raw A4 canvas with numbered footers, for forms laid out by hand (pass cards).

    Call ``showPage()`` after each sheet and ``save()`` at the end; the page count is appended
    to ``tally`` on save. Callers hold ``build_lock()`` around the whole drawing.
    """
    canvas = _PageCountingCanvas(
        _target(out),
        pagesize=(decor.geometry.width, decor.geometry.height),
        invariant=1,
        pageCompression=1,
        decor=decor,
        tally=tally,
    )
    canvas.setTitle(title)
    canvas.setCreator("驻企通 Liaison")
    return canvas


def build_lock() -> threading.Lock:
    return _build_lock


def build_story(
    story: Sequence[Flowable],
    *,
    out: Output,
    decor: PageDecor,
    title: str,
    unmasked: bool = False,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    page: Geometry | None = None,
) -> BuildResult:
    """Lay ``story`` out on official-geometry A4 pages and write the PDF to ``out``.

    ``page=LANDSCAPE`` (or a decor made with that geometry) turns the sheet for wide registers
    and lists; full-width grid tables widen to the larger text block, giving the room to the
    columns whose text needs it.

    Runs in the calling thread (the background runner in the app); holds a process-wide lock
    while ReportLab works.
    """
    tally: list[int] = []
    if page is not None and page != decor.geometry:
        decor = replace(decor, geometry=page)
    g = decor.geometry
    doc = BaseDocTemplate(
        _target(out),
        pagesize=(g.width, g.height),
        leftMargin=g.left,
        rightMargin=g.width - g.left - g.body_width,
        topMargin=g.top,
        bottomMargin=g.bottom,
        title=title,
        creator="驻企通 Liaison",
        invariant=1,
        pageCompression=1,
    )
    frame = Frame(
        g.left,
        g.bottom,
        g.body_width,
        g.body_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template_kwargs: dict[str, Any] = {"id": "a4", "frames": [frame]}
    if on_page is not None:
        template_kwargs["onPage"] = on_page
    doc.addPageTemplates([PageTemplate(**template_kwargs)])

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _PageCountingCanvas(*args, decor=decor, tally=tally, **kwargs)

    with _build_lock:
        doc.build(list(story), canvasmaker=make_canvas)
    return BuildResult(
        pages=tally[-1] if tally else 0,
        fonts=tuple(decor.chain.used_fonts()),
        unmasked=unmasked,
    )
