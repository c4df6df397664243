"""Desktop benchmarks: start-up to a painted window, opening each record editor, and a
background refresh (what every sync triggers) of each page.

Run: ``python tests/perf/bench_ui.py [--enterprises 2000] [--visits 100000] [--data-dir D]``.
Prints medians; never fails on speed (targets: start-up ≤ 500 ms, an editor ≤ 100 ms, a
page refresh ≤ 50 ms of the UI thread, with the new rows on screen promptly). Start-up is measured as bench_foundation measures it: a new process
each time, here from just before it is spawned to the moment its window reports the first
paint (the app prints the wall-clock time of that moment).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from tests.perf.folder_keys import PASSWORD  # noqa: E402


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms"


def make_county(data_dir: Path, enterprises: int, visits: int) -> None:
    """An encrypted demo county, as officers have them (its password on standard input)."""
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                    "--password-stdin", "demo", "--enterprises", str(enterprises),
                    "--visits", str(visits)],
                   check=True, stdout=subprocess.DEVNULL, input=PASSWORD + "\n", text=True)


def bench_startup(data_dir: Path, runs: int) -> list[float]:
    """Seconds from spawning ``main.py`` to its first paint: the lock screen of an encrypted
    folder (tests/perf/bench_security.py measures the unlock to the window)."""
    env = {**os.environ, "LIAISON_EXIT_AFTER_PAINT": "1"}
    samples = []
    for _ in range(runs):
        spawned = time.time()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                              str(data_dir)], env=env, capture_output=True, text=True,
                             check=True)
        line = next((x for x in out.stdout.splitlines() if x.startswith("painted")), "")
        if " at " not in line:
            raise SystemExit(f"the window did not report painting:\n{out.stdout}{out.stderr}")
        samples.append(float(line.rsplit(" at ", 1)[1]) - spawned)
    return samples


def timed(app: Any, runner: Any, action: Callable[[], Any],
          done: Callable[[], bool]) -> float:
    """Seconds from ``action`` until ``done()`` holds and the window has painted it."""
    started = time.perf_counter()
    action()
    while not done():
        pump(app)
    app.processEvents()  # the paint of what changed
    return time.perf_counter() - started


def pump(app: Any) -> None:
    """Let Qt run; never in a tight loop: each processEvents() call of this PySide loses a
    reference to None, and millions of them crash the interpreter."""
    app.processEvents()
    time.sleep(0.0005)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", help="an existing demo county to use (kept)")
    args = parser.parse_args()
    data_dir = Path(args.data_dir) if args.data_dir else Path(
        tempfile.mkdtemp(prefix="liaison-bench-ui-"))
    try:
        if not args.data_dir:
            make_county(data_dir, args.enterprises, args.visits)
        startup = bench_startup(data_dir, args.runs)
        print(f"start-up, process spawned to the lock screen painted: median {median_ms(startup)}, "
              f"fastest {min(startup) * 1000:.0f} ms over {len(startup)} runs "
              f"(target <= 500 ms)")
        bench_in_window(data_dir, args.runs)
    finally:
        if not args.data_dir:
            shutil.rmtree(data_dir, ignore_errors=True)


def bench_in_window(data_dir: Path, runs: int) -> None:
    from liaison_app.core.db import open_database
    from liaison_app.core.models import Application, Enterprise, Visit, Worker
    from liaison_app.core.models.proxy import ProxyCase
    from liaison_app.core.models.requests import Request
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.security import session
    from liaison_app.core.settings import Settings
    from liaison_app.ui.app import make_application
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.main_window import PAGES, MainWindow
    from liaison_app.ui.tasks import TaskRunner

    app = make_application()
    install_language("zh_CN")
    paths = DataPaths(data_dir)
    session.unlock(paths, secret=PASSWORD)  # a --data-dir folder: made as make_county does
    open_database(paths)
    runner = TaskRunner()
    ctx = AppContext(paths=paths, settings=Settings(), runner=runner)
    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()

    def idle() -> None:
        deadline = time.monotonic() + 30
        while (runner.is_busy() or not win.isVisible()) and time.monotonic() < deadline:
            pump(app)
        for _ in range(3):
            pump(app)

    idle()

    def ids(model: Any, *where: Any, n: int = runs + 1) -> list[str]:
        query = model.select(model.id).where(model.deleted == False, *where)  # noqa: E712
        return [r.id for r in query.order_by(model.id).limit(n)]

    # -- editors: from the click to the record shown in its editor ------------------------
    def pane(page_id: str, records: list[str]) -> list[float]:
        win.navigate(page_id)
        idle()
        page = win.current_page()
        editor = getattr(page, "editor", page)
        contract = editor.contract
        samples = []
        for record_id in records:
            samples.append(timed(app, runner, lambda r=record_id: page.open_record(r),
                                 lambda r=record_id: contract.record_id == r))
            idle()
        return samples

    def window(page_id: str, open_: Callable[[str], None], current: Callable[[], Any],
               records: list[str]) -> list[float]:
        win.navigate(page_id)
        idle()
        samples = []
        for record_id in records:
            samples.append(timed(
                app, runner, lambda r=record_id: open_(r),
                lambda r=record_id: current() is not None and current().isVisible()
                and getattr(current(), "contract", None) is not None
                and current().contract.record_id == r))
            editor = current()
            editor.contract.discard()
            editor.close_editor()
            idle()
        return samples

    results: dict[str, list[float]] = {}
    results["visit"] = pane("visits", ids(Visit))
    results["request"] = pane("requests", ids(Request, Request.channel != "letter"))
    results["proxy case"] = pane("proxy", ids(ProxyCase))
    enterprises_page = win.page("enterprises")
    results["enterprise"] = window("enterprises", enterprises_page.edit_record,
                                   enterprises_page.editor, ids(Enterprise))
    applications = win.page("applications")
    worker = Worker.select().where(Worker.deleted == False).first()  # noqa: E712
    win.navigate("applications")
    applications.open_record(f"roster:{worker.enterprise_id}")
    idle()
    results["worker"] = window("applications", applications.edit_worker,
                               applications.open_editor,
                               ids(Worker, Worker.enterprise_id == worker.enterprise_id))
    first = Application.select().where(Application.deleted == False).first()  # noqa: E712
    applications.open_record(f"roster:{first.enterprise_id}")
    idle()
    results["application"] = window(
        "applications", applications.edit_application, applications.open_editor,
        ids(Application, Application.enterprise_id == first.enterprise_id, n=runs))
    for name, samples in results.items():
        print(f"open the {name} editor on a record: median {median_ms(samples)} "
              f"over {len(samples)} (target <= 100 ms)")

    # -- a background refresh of the page shown (what every sync triggers) ----------------
    # A page may read on the runner and show the answer when it comes; meanwhile the UI
    # thread waits in Qt's event loop, as the app's does, free for the officer's input.
    # Figures per refresh, from the call every sync makes until the new rows are painted:
    # the UI thread's CPU time (what it spent on the refresh: the call, applying the answer,
    # the paint), the call itself (wall clock), and the wall-clock time until the new rows
    # are on the screen.
    from PySide6.QtCore import QEventLoop, QTimer

    def wait_for_answer(page: Any) -> None:
        loop = QEventLoop()
        page.refreshed.connect(loop.quit)
        check = QTimer(interval=5)  # an answer overtaken by a newer read never comes
        check.timeout.connect(lambda: None if page.refresh_pending() else loop.quit())
        check.start()
        if page.refresh_pending():
            loop.exec()
        check.stop()
        page.refreshed.disconnect(loop.quit)

    for spec in PAGES:
        win.navigate(spec.page_id)
        idle()
        page = win.current_page()
        busy, call, on_screen = [], [], []
        background = False
        for _ in range(runs):
            started, cpu = time.perf_counter(), time.thread_time()
            page.on_data_changed("sync")
            call.append(time.perf_counter() - started)
            background = background or page.refresh_pending()
            wait_for_answer(page)
            app.processEvents()  # the paint of what changed
            on_screen.append(time.perf_counter() - started)
            busy.append(time.thread_time() - cpu)
            idle()
        how = ("read on the runner" if background else "read on the UI thread")
        print(f"refresh of {spec.page_id} after a sync ({how}): UI thread busy median "
              f"{median_ms(busy)} (CPU time; target <= 50 ms), the call {median_ms(call)}, "
              f"the new rows on screen after {median_ms(on_screen)}")
    runner.shutdown()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
