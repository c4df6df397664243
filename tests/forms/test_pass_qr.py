"""A pass's QR code, rendered from the PDF like a printout, decodes to its number and check."""

from __future__ import annotations

import subprocess
from pathlib import Path

import form_samples as s
import pytest
import zxingcpp
from PIL import Image

from liaison_app.forms import pass_cards


def test_payload_round_trip() -> None:
    payload = pass_cards.pass_qr_payload(pass_no="371082-2024-000001", check="12345K")
    assert pass_cards.parse_pass_qr_payload(payload) == ("371082-2024-000001", "12345K")
    with pytest.raises(ValueError):
        pass_cards.parse_pass_qr_payload("https://example.com")
    with pytest.raises(ValueError):
        pass_cards.pass_qr_payload(pass_no="a|b", check="c")


def test_qr_codes_decode_from_rendered_pdf(tmp_path: Path, pdftoppm: str) -> None:
    data = s.pass_cards(s.WORKERS * 3)  # 12 cards: a full sheet and part of a second
    out = tmp_path / "passes.pdf"
    result = pass_cards.build(data, out=out)
    assert result.pages == 2
    subprocess.run([pdftoppm, "-png", "-r", "200", str(out), str(tmp_path / "sheet")], check=True)
    decoded: set[tuple[str, str]] = set()
    for png in sorted(tmp_path.glob("sheet-*.png")):
        with Image.open(png) as image:
            for barcode in zxingcpp.read_barcodes(image.convert("L")):
                if barcode.format == zxingcpp.BarcodeFormat.QRCode:
                    decoded.add(pass_cards.parse_pass_qr_payload(barcode.text))
    expected = {(c.pass_no, c.check_code) for c in data.cards}
    assert decoded == expected
