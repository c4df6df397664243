"""Helpers for the form tests: extract a PDF's text and the fonts its characters use."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest

from tests.needs import require


def compact(text: str) -> str:
    """Text without any whitespace, so cell wrapping and spacing do not matter."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def fonts_of_chars(path: Path, chars: str) -> dict[str, set[str]]:
    """Which /BaseFont draws each of ``chars`` anywhere in the PDF."""
    seen: dict[str, set[str]] = {}

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: object) -> None:
        if font is None:
            return
        for ch in text:
            if ch in chars:
                seen.setdefault(ch, set()).add(str(font.get("/BaseFont")))

    for page in pypdf.PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return seen


@pytest.fixture
def pdftoppm() -> str:
    tool = shutil.which("pdftoppm")
    require(tool is not None, "pdftoppm (poppler-utils) is not installed; cannot render the PDF")
    assert tool is not None
    return tool
