"""A pass's QR code, rendered from the PDF like a printout, decodes to the text it carries."""

from __future__ import annotations

import subprocess
from pathlib import Path

import form_samples as s
import zxingcpp
from PIL import Image

from liaison_app.forms import pass_cards


def test_qr_codes_decode_from_rendered_pdf(tmp_path: Path, pdftoppm: str) -> None:
    data = s.pass_cards(s.WORKERS * 3)  # 12 cards: a full sheet and part of a second
    out = tmp_path / "passes.pdf"
    result = pass_cards.build(data, out=out)
    assert result.pages == 2
    subprocess.run([pdftoppm, "-png", "-r", "200", str(out), str(tmp_path / "sheet")], check=True)
    decoded: set[str] = set()
    for png in sorted(tmp_path.glob("sheet-*.png")):
        with Image.open(png) as image:
            for barcode in zxingcpp.read_barcodes(image.convert("L")):
                if barcode.format == zxingcpp.BarcodeFormat.QRCode:
                    decoded.add(barcode.text)
    assert decoded == {c.qr_text for c in data.cards}
