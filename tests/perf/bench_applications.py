"""Benchmarks for rosters, applications and printing; prints medians (not a test).

    python tests/perf/bench_applications.py [--runs N]

Targets: a one-page form to a PDF file <= 50 ms; a 2,000-worker roster plus 2,000 pass cards
<= 5 s (peak memory reported); a 10,000-row .xlsx roster read and validated <= 5 s (the
commit is reported separately).
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.perf.folder_keys import unlock_every_folder  # noqa: E402

unlock_every_folder()

from liaison_app.core.db import close_database, open_database  # noqa: E402
from liaison_app.core.paths import DataPaths  # noqa: E402
from liaison_app.core.services import applications as apps  # noqa: E402
from liaison_app.core.services import printing, roster, roster_import  # noqa: E402
from tests.core.fixtures_import import write_xlsx  # noqa: E402
from tests.core.test_roster_samples import ROSTER_HEADERS, enterprise, worker_row  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _median(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, " \
           f"max {max(values) * 1000:.0f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-apps-"))
    open_database(DataPaths(tmp / "data"))
    chain = printing.font_chain()
    ent = enterprise()

    # 2,000 workers: a pass application, its roster and 2,000 pass cards.
    small = enterprise("二千人公司", "91110000600037341L")
    rows = write_xlsx(tmp / "2000.xlsx",
                      [ROSTER_HEADERS, *(worker_row(n) for n in range(20_000, 22_000))])
    roster_import.commit_roster(roster_import.preview_roster(rows, enterprise_id=small.id))
    ids = roster.worker_ids(enterprise_id=small.id)
    app = apps.save(data=apps.ApplicationInput(
        kind="pass", enterprise_id=small.id, period_start=dt.date(2024, 3, 1),
        period_end=dt.date(2024, 3, 31), areas=["经济开发区"], worker_ids=ids))
    start = time.perf_counter()
    apps.issue_passes(record_id=app.id)
    print(f"issuing 2,000 pass numbers: {(time.perf_counter() - start) * 1000:.0f} ms")
    before = _peak_mb()
    both = []
    for _ in range(args.runs):
        start = time.perf_counter()
        r = printing.render(form_id="worker_roster", record_id=app.id, out=tmp / "roster.pdf",
                            chain=chain)
        c = printing.render(form_id="pass_cards", record_id=app.id, out=tmp / "cards.pdf",
                            chain=chain)
        both.append(time.perf_counter() - start)
    print(f"2,000-worker roster ({r.pages} pages) + 2,000 pass cards ({c.pages} pages): "
          f"{_median(both)}  [target <= 5000 ms]; peak RSS {_peak_mb():.0f} MB "
          f"(was {before:.0f} MB before)")

    # 10,000-row roster import (after the above, so the peak memory figure is the cards')
    big = write_xlsx(tmp / "big.xlsx",
                     [["员工花名册"], ROSTER_HEADERS, *(worker_row(n) for n in range(10_000))])
    reads, commits = [], []
    for run in range(args.runs):
        target = ent if run == 0 else enterprise(f"基准公司{run}", "")
        start = time.perf_counter()
        plan = roster_import.preview_roster(big, enterprise_id=target.id)
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        roster_import.commit_roster(plan)
        commits.append(time.perf_counter() - start)
    print(f"10,000-row .xlsx roster read+validated: {_median(reads)}  [target <= 5000 ms]")
    print(f"10,000-row roster commit (new workers, one transaction): {_median(commits)}")

    # One-page form.
    one = apps.save(data=apps.ApplicationInput(
        kind="pass", enterprise_id=small.id, period_start=dt.date(2024, 3, 1),
        period_end=dt.date(2024, 3, 31), areas=["经济开发区"], worker_ids=ids[:4]))
    printing.render(form_id="pass_application", record_id=one.id, out=tmp / "w.pdf",
                    chain=chain)
    times = []
    for _ in range(max(args.runs, 10)):
        start = time.perf_counter()
        job = printing.render(form_id="pass_application", record_id=one.id,
                              out=tmp / "one.pdf", chain=chain)
        times.append(time.perf_counter() - start)
    print(f"one-page form (pass application, 4 workers, {job.pages} page) from the database to "
          f"a PDF file: {_median(times)}  [target <= 50 ms]")
    close_database()


if __name__ == "__main__":
    main()
