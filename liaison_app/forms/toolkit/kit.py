"""The per-build toolbox: the font chain, paragraph styles and fallback-aware paragraphs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .fonts import FontChain, LoadedFont, find_font_chain
from .glyphs import paragraph_markup, text_width
from .page import PORTRAIT, Geometry, PageDecor

__all__ = ["FormKit", "make_kit"]

# Forms use 10.5-12 pt; a document body (commitment letter) a little larger.
VALUE_SIZE = 11.0
CELL_SIZE = 10.5


def _styles(chain: FontChain) -> dict[str, ParagraphStyle]:
    body = chain.body.name
    head = chain.heading.name

    def style(name: str, **kw: object) -> ParagraphStyle:
        kw.setdefault("fontName", body)
        kw.setdefault("wordWrap", "CJK")
        return ParagraphStyle(name, **kw)  # type: ignore[arg-type]

    return {
        "title": style(
            "title", fontName=head, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=6
        ),
        "subtitle": style("subtitle", fontSize=12, leading=18, alignment=TA_CENTER),
        "section": style(
            "section",
            fontName=head,
            fontSize=12.5,
            leading=18,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "label": style(
            "label", fontName=head, fontSize=VALUE_SIZE, leading=15, alignment=TA_CENTER
        ),
        "value": style("value", fontSize=VALUE_SIZE, leading=15, alignment=TA_LEFT),
        "value_centre": style("value_centre", fontSize=VALUE_SIZE, leading=15, alignment=TA_CENTER),
        "cell": style("cell", fontSize=CELL_SIZE, leading=13, alignment=TA_CENTER),
        "cell_left": style("cell_left", fontSize=CELL_SIZE, leading=13, alignment=TA_LEFT),
        "head_cell": style(
            "head_cell", fontName=head, fontSize=CELL_SIZE, leading=13, alignment=TA_CENTER
        ),
        "meta": style("meta", fontSize=10.5, leading=14, alignment=TA_LEFT),
        "meta_right": style("meta_right", fontSize=10.5, leading=14, alignment=TA_RIGHT),
        "letter": style(
            "letter", fontSize=13, leading=26, alignment=TA_JUSTIFY, firstLineIndent=26
        ),
        "letter_plain": style("letter_plain", fontSize=13, leading=24, alignment=TA_LEFT),
        "letter_right": style("letter_right", fontSize=13, leading=30, alignment=TA_RIGHT),
        "note": style("note", fontSize=9.5, leading=13, alignment=TA_LEFT),
        "sign": style("sign", fontSize=VALUE_SIZE, leading=20, alignment=TA_LEFT),
        "sign_right": style("sign_right", fontSize=VALUE_SIZE, leading=20, alignment=TA_RIGHT),
    }


@dataclass
class FormKit:
    """Everything a form module needs to turn plain text into flowables."""

    chain: FontChain
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    def font_for_style(self, style: ParagraphStyle) -> LoadedFont:
        return self.chain.heading if style.fontName == self.chain.heading.name else self.chain.body

    def para(self, text: str, style: str = "value") -> Paragraph:
        """A Paragraph of user text: escaped, line breaks kept, rare glyphs from a fallback."""
        st = self.styles[style]
        markup = paragraph_markup(text or "", primary=self.font_for_style(st), chain=self.chain)
        return Paragraph(markup, st)

    def markup(self, text: str, *, heading: bool = False) -> str:
        """Escaped markup for text that is combined with literal markup by the caller."""
        primary = self.chain.heading if heading else self.chain.body
        return paragraph_markup(text or "", primary=primary, chain=self.chain)

    def width(self, text: str, *, size: float, heading: bool = False) -> float:
        primary = self.chain.heading if heading else self.chain.body
        return text_width(text, size=size, primary=primary, chain=self.chain)

    def decor(self, *, header: str = "", geometry: Geometry = PORTRAIT) -> PageDecor:
        return PageDecor(chain=self.chain, header=header, geometry=geometry)


_kits: dict[int, FormKit] = {}


def make_kit(
    *,
    chain: FontChain | None = None,
    settings_path: str | os.PathLike[str] | None = None,
) -> FormKit:
    """A kit over ``chain`` (or the chain found from ``settings_path``); cached per chain."""
    chain = chain or find_font_chain(settings_path=settings_path)
    kit = _kits.get(id(chain))
    if kit is None or kit.chain is not chain:
        kit = FormKit(chain=chain, styles=_styles(chain))
        _kits[id(chain)] = kit
    return kit
