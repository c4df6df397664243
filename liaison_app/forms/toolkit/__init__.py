"""A small layout toolkit for printed forms: fonts, page geometry, blocks, QR codes."""

from __future__ import annotations

from .blocks import (
    CheckBox,
    Field,
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
    title_block,
)
from .cutmarks import draw_cut_marks
from .fonts import CID_FONT_NAME, FontChain, FontInfo, current_font_info, find_font_chain
from .kit import FormKit, make_kit
from .page import (
    BODY_HEIGHT,
    BODY_WIDTH,
    LANDSCAPE,
    PORTRAIT,
    BuildResult,
    Geometry,
    Output,
    PageDecor,
    build_story,
)
from .qr import draw_qr, qr_image

__all__ = [
    "BODY_HEIGHT",
    "BODY_WIDTH",
    "CID_FONT_NAME",
    "LANDSCAPE",
    "PORTRAIT",
    "BuildResult",
    "CheckBox",
    "Field",
    "FontChain",
    "FontInfo",
    "FormKit",
    "Geometry",
    "Output",
    "PageDecor",
    "Signatory",
    "build_story",
    "checklist",
    "date_blank",
    "current_font_info",
    "draw_cut_marks",
    "draw_qr",
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
    "title_block",
]
