"""QR codes encoded by zxing-cpp and drawn as one small image each.

Measured for this project: ReportLab's QR widget costs ~14 ms a code and drawing module by
module several ms, while zxing-cpp encodes in ~0.15 ms and a single image draws in ~0.6 ms,
which is what makes 2,000 pass cards fit in a few seconds. Nothing is cached: payloads carry
check codes.
"""

from __future__ import annotations

import os

import zxingcpp
from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

__all__ = ["draw_qr", "qr_image", "read_qr_codes"]


def qr_image(payload: str, *, ec_level: str = "M") -> Image.Image:
    """The QR symbol with its quiet zone, one pixel per module, 8-bit grey."""
    barcode = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level)
    bitmap = barcode.to_image(scale=1, add_quiet_zones=True)
    height, width = bitmap.shape[0], bitmap.shape[1]
    return Image.frombuffer("L", (width, height), bytes(memoryview(bitmap)), "raw", "L", 0, 1)


def draw_qr(canvas: Canvas, *, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code for ``payload`` as a ``size`` x ``size`` square with its corner at x, y.

    PDF viewers scale the tiny bitmap up without smoothing (Interpolate is off), so the
    modules stay sharp at any zoom and printer resolution.
    """
    canvas.drawImage(ImageReader(qr_image(payload)), x, y, width=size, height=size)


#: Photos are scaled down to this many pixels on the long side before decoding: a phone's
#: 12-megapixel picture of a sheet decodes as well at 2,400 px and several times faster.
_DECODE_SIDE = 2400


def read_qr_codes(path: str | os.PathLike[str]) -> list[str]:
    """The texts of the QR codes in a photo or scan (PNG, JPEG, TIFF...), any rotation.

    The picture is turned upright by its EXIF orientation first (phones store it sideways
    and say so), then decoded as grey levels. Raises OSError when the file is no picture.
    """
    with Image.open(path) as img:
        picture = ImageOps.exif_transpose(img).convert("L")
    if max(picture.size) > _DECODE_SIDE:
        picture.thumbnail((_DECODE_SIDE, _DECODE_SIDE))
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode,
                                   try_rotate=True, try_downscale=True)
    if not found and max(picture.size) > 1200:
        # A code that is small in a large picture is sometimes found only at full detail.
        with Image.open(path) as img:
            full = ImageOps.exif_transpose(img).convert("L")
        found = zxingcpp.read_barcodes(full, formats=zxingcpp.BarcodeFormat.QRCode)
    return [b.text for b in found if b.valid]
