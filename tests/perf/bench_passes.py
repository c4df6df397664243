"""Benchmark: verifying a pass from a photo of its card; prints medians (not a test).

    python tests/perf/bench_passes.py [--runs N]

Target: a phone photo (about 12 megapixels, JPEG) of a printed card checked <= 200 ms, from
the file to the verdict (decoding, scaling, the signature and the revocation lookup). Also
reports a 300 dpi scan and checking the code's text alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from liaison_app.core.db import close_database, open_database  # noqa: E402
from liaison_app.core.paths import DataPaths  # noqa: E402
from liaison_app.core.services import passes  # noqa: E402
from liaison_app.forms import pass_cards  # noqa: E402
from tests import pass_samples as ps  # noqa: E402


def _median(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.1f} ms (min {min(values) * 1000:.1f}, " \
           f"max {max(values) * 1000:.1f}, n={len(values)})"


def main() -> None:
    from tests.perf.folder_keys import unlock_every_folder

    unlock_every_folder()  # encrypted folders, as officers have them
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        open_database(DataPaths(folder / "data"))
        try:
            ps.publish_key()
            today = dt.date.today()
            code = ps.code("AB2CD-000001", start=today, end=today + dt.timedelta(days=30))
            scan = ps.card_png(folder, pdftoppm, code, "card")
            photo = ps.photo_of(scan, folder / "photo.jpg")
            # A 12-megapixel phone picture of the card (the guard photographs the card, not
            # the sheet): the card cut from the scan, blown up to 4,000 px, made photo-like.
            _page, x0, y0, x1, y1 = pass_cards.card_boxes(1)[0]
            px = 300 / 72
            with Image.open(scan) as image:
                card = image.crop((int(x0 * px) - 40, int(image.height - y1 * px) - 40,
                                   int(x1 * px) + 40, int(image.height - y0 * px) + 40))
                card.resize((4000, int(4000 * card.height / card.width))).save(
                    folder / "phone.png")
            ps.photo_of(folder / "phone.png", folder / "phone.jpg")
            for label, path in (("300 dpi scan (PNG)", scan), ("photo-like JPEG", photo),
                                ("phone JPEG of the card", folder / "phone.jpg")):
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    result = passes.check_image(path)
                    times.append(time.perf_counter() - start)
                    assert result.outcome is passes.Outcome.VALID, result.outcome
                print(f"verify from {label}: {_median(times)}  (target <= 200 ms)")
            times = []
            for _ in range(runs * 20):
                start = time.perf_counter()
                passes.check_text(code.text)
                times.append(time.perf_counter() - start)
            print(f"verify the code's text: {_median(times)}")
        finally:
            close_database()


if __name__ == "__main__":
    main()
