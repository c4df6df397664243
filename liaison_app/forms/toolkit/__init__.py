"""A small layout toolkit for printed forms: fonts, page geometry, blocks, QR codes."""

from __future__ import annotations

from .blocks import (
    CheckBox,
    Field,
    FlowGroup,
    Signatory,
    checklist,
    date_blank,
    field_table,
    form_heading,
    grid_table,
    meta_line,
    section,
    signature_boxes,
    signature_line,
    spread_widths,
    title_block,
)
from .cutmarks import draw_cut_marks
from .fonts import (
    CID_FONT_NAME,
    ROLE_NAMES,
    FontChain,
    FontInfo,
    UncoveredCharacter,
    current_font_info,
    find_font_chain,
)
from .glyphs import ellipsize
from .kit import FIT_MIN_SIZE, FormKit, make_kit
from .linebreak import ChineseParagraph, break_allowed, wrap_text
from .page import (
    BODY_HEIGHT,
    BODY_WIDTH,
    LANDSCAPE,
    PORTRAIT,
    BuildResult,
    Geometry,
    Output,
    PageDecor,
    PageGeometry,
    build_story,
)
from .qr import draw_qr, qr_image

__all__ = [
    "BODY_HEIGHT",
    "BODY_WIDTH",
    "CID_FONT_NAME",
    "FIT_MIN_SIZE",
    "LANDSCAPE",
    "PORTRAIT",
    "ROLE_NAMES",
    "BuildResult",
    "CheckBox",
    "ChineseParagraph",
    "Field",
    "FlowGroup",
    "FontChain",
    "FontInfo",
    "FormKit",
    "Geometry",
    "Output",
    "PageDecor",
    "PageGeometry",
    "Signatory",
    "UncoveredCharacter",
    "break_allowed",
    "build_story",
    "checklist",
    "date_blank",
    "current_font_info",
    "draw_cut_marks",
    "draw_qr",
    "ellipsize",
    "field_table",
    "form_heading",
    "find_font_chain",
    "grid_table",
    "make_kit",
    "meta_line",
    "qr_image",
    "section",
    "signature_boxes",
    "signature_line",
    "spread_widths",
    "title_block",
    "wrap_text",
]
