"""The per-build toolbox: the font chain, paragraph styles and fallback-aware paragraphs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .fonts import FontChain, LoadedFont, UncoveredCharacter, find_font_chain
from .glyphs import excerpt, paragraph_markup, text_width
from .linebreak import ChineseParagraph
from .page import PORTRAIT, Geometry, PageDecor

__all__ = ["FormKit", "make_kit"]

# Forms use 10.5-12 pt; a document body (commitment letter) a little larger.
VALUE_SIZE = 11.0
CELL_SIZE = 10.5
#: Text shrunk to fit its cell never gets smaller than this: below it a printed form is
#: hard to read.
FIT_MIN_SIZE = 8.0


def _styles(chain: FontChain) -> dict[str, ParagraphStyle]:
    body = chain.body.name
    head = chain.heading.name
    letter = chain.letter.name

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
        # Letters and undertakings are set in the 仿宋 role, as official letters are.
        "letter": style(
            "letter",
            fontName=letter,
            fontSize=13,
            leading=26,
            alignment=TA_JUSTIFY,
            firstLineIndent=26,
        ),
        "letter_plain": style(
            "letter_plain", fontName=letter, fontSize=13, leading=24, alignment=TA_LEFT
        ),
        "letter_right": style(
            "letter_right", fontName=letter, fontSize=13, leading=30, alignment=TA_RIGHT
        ),
        "note": style("note", fontSize=9.5, leading=13, alignment=TA_LEFT),
        "sign": style("sign", fontSize=VALUE_SIZE, leading=20, alignment=TA_LEFT),
        "sign_right": style("sign_right", fontSize=VALUE_SIZE, leading=20, alignment=TA_RIGHT),
    }


@dataclass
class FormKit:
    """Everything a form module needs to turn plain text into flowables."""

    chain: FontChain
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    _shrunk: dict[tuple[str, float], ParagraphStyle] = field(default_factory=dict, repr=False)

    def font_for_style(self, style: ParagraphStyle | str) -> LoadedFont:
        name = style if isinstance(style, str) else style.fontName
        for face in (self.chain.body, self.chain.heading, self.chain.letter):
            if face.name == name:
                return face
        return self.chain.body

    def para(self, text: str, style: str | ParagraphStyle = "value", *, field: str = "",
             ) -> Paragraph:
        """A Paragraph of user text: escaped, line breaks kept, rare glyphs from a fallback,
        lines broken by the Chinese rules (``linebreak``).

        ``field`` names the text in the error raised when no font has one of its characters.
        """
        st = self.styles[style] if isinstance(style, str) else style
        markup = self._markup(text or "", primary=self.font_for_style(st), field=field)
        return ChineseParagraph(markup, st)

    def fit_para(self, text: str, style: str = "value", *, width: float, field: str = "",
                 min_size: float = FIT_MIN_SIZE) -> Paragraph:
        """Text for a cell ``width`` wide: shrunk (to ``min_size`` at least) to stay on one
        line, else wrapped at the style's own size."""
        st = self.styles[style]
        text = text or ""
        if not text or "\n" in text:
            return self.para(text, st, field=field)
        primary = self.font_for_style(st)
        try:
            needed = text_width(text, size=st.fontSize, primary=primary, chain=self.chain)
        except UncoveredCharacter as exc:
            raise exc.in_field(field or excerpt(text, exc.char)) from None
        if needed <= width:
            return self.para(text, st, field=field)
        # Quarter points, rounded down, so the shrunk line surely fits.
        size = int(st.fontSize * width / needed * 4) / 4
        if size < min_size:
            return self.para(text, st, field=field)
        key = (st.name, size)
        small = self._shrunk.get(key)
        if small is None:
            small = ParagraphStyle(
                f"{st.name}@{size}", parent=st, fontSize=size,
                leading=st.leading * size / st.fontSize,
            )
            self._shrunk[key] = small
        return self.para(text, small, field=field)

    def _markup(self, text: str, *, primary: LoadedFont, field: str) -> str:
        try:
            return paragraph_markup(text, primary=primary, chain=self.chain)
        except UncoveredCharacter as exc:
            raise exc.in_field(field or excerpt(text, exc.char)) from None

    def markup(self, text: str, *, heading: bool = False, field: str = "") -> str:
        """Escaped markup for text that is combined with literal markup by the caller."""
        primary = self.chain.heading if heading else self.chain.body
        return self._markup(text or "", primary=primary, field=field)

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
