"""Form printing benchmark: prints medians. Run: python tests/perf/bench_forms.py

Targets (issue 4): a one-page form to a PDF file <= 50 ms; a 2,000-worker roster plus
2,000 pass cards <= 5 s, with peak memory reported.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "forms")]

import form_samples as s  # noqa: E402

from liaison_app.forms import pass_cards, visit_record, worker_roster  # noqa: E402
from liaison_app.forms.toolkit import current_font_info, make_kit  # noqa: E402


def median_ms(fn: Callable[[], object], *, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    font = current_font_info()
    print(f"font: {font.family} ({font.path or 'built-in CID'})")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        start = time.perf_counter()
        make_kit()
        visit_record.build(s.visit(), out=out / "warm.pdf")
        print(f"first build incl. font registration: {(time.perf_counter() - start) * 1000:.0f} ms")

        one_page = median_ms(lambda: visit_record.build(s.visit(), out=out / "v.pdf"), runs=30)
        print(f"one-page form (visit_record): median {one_page:.1f} ms  (target <= 50 ms)")

        workers = s.synthetic_workers(2000)
        roster = s.roster(workers)
        cards = s.pass_cards(workers)

        def big() -> None:
            worker_roster.build(roster, out=out / "roster.pdf")
            pass_cards.build(cards, out=out / "cards.pdf")

        roster_ms = median_ms(lambda: worker_roster.build(roster, out=out / "r.pdf"), runs=3)
        cards_ms = median_ms(lambda: pass_cards.build(cards, out=out / "c.pdf"), runs=3)
        both = median_ms(big, runs=3)
        print(f"2,000-worker roster: median {roster_ms:.0f} ms")
        print(f"2,000 pass cards: median {cards_ms:.0f} ms")
        print(f"roster + cards: median {both:.0f} ms  (target <= 5000 ms)")
        sizes = {p.name: p.stat().st_size // 1024 for p in (out / "r.pdf", out / "c.pdf")}
        print(f"file sizes: roster {sizes['r.pdf']} KiB, cards {sizes['c.pdf']} KiB")

        tracemalloc.start()
        big()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak Python allocations during roster + cards: {peak / 2**20:.1f} MiB")
        print(f"process peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
