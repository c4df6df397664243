#!/usr/bin/env python3
"""Draw the app icon (resources/icons/liaison.png, .ico and .svg): 驻 on a blue tile.

Run again only when the design changes; the files are kept in the repository.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
BLUE = (31, 94, 168)
FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
         "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
         "/usr/share/fonts/truetype/arphic/uming.ttc")

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="48" fill="#1f5ea8"/>
  <rect x="40" y="196" width="176" height="14" rx="7" fill="#f2b632"/>
  <text x="128" y="172" font-size="150" text-anchor="middle" fill="#ffffff"
        font-family="WenQuanYi Micro Hei, AR PL UMing CN, sans-serif">驻</text>
</svg>
"""


def draw(size: int = 256) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=48 * s, fill=BLUE)
    d.rounded_rectangle((40 * s, 196 * s, 216 * s, 210 * s), radius=7 * s, fill=(242, 182, 50))
    font_path = next((f for f in FONTS if Path(f).exists()), None)
    if font_path is None:
        raise SystemExit("no CJK font found; install fonts-wqy-microhei")
    font = ImageFont.truetype(font_path, int(150 * s))
    d.text((128 * s, 112 * s), "驻", font=font, fill="white", anchor="mm")
    return img


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    img = draw()
    img.save(ICONS / "liaison.png")
    img.save(ICONS / "liaison.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (256, 256)])
    (ICONS / "liaison.svg").write_text(SVG, encoding="utf-8")


if __name__ == "__main__":
    main()
