"""Daily reporting benchmarks; prints medians. Run: python tests/perf/bench_daily.py [--quick]

A county of 2,000 enterprises reporting every day for a year (730,000 reports): the board for
a day, trends, an officer's entry grid and saving a line (by the services, and on the 日报
page offscreen), the day's summary to PDF and Excel, and a centre's first pull of a month of reports (60,000) from a server in its own process.
Also the same board and county trend read from the JSON values instead of the figures'
columns, to show why the figures are kept in columns.
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import peewee  # noqa: E402

from liaison_app.core import context  # noqa: E402
from liaison_app.core.daily_rules import figures  # noqa: E402
from liaison_app.core.db import database_proxy, open_database  # noqa: E402
from liaison_app.core.models import Enterprise, Officer, OutboxOp  # noqa: E402
from liaison_app.core.models.base import BOOKKEEPING, to_wire, utcnow  # noqa: E402
from liaison_app.core.models.daily import (  # noqa: E402
    DailyReport,
    ReportTemplate,
    ReportTemplateVersion,
    report_id_for,
    version_id_for,
)
from liaison_app.core.paths import DataPaths  # noqa: E402
from liaison_app.core.services import daily_board, daily_reports, daily_templates  # noqa: E402
from liaison_app.core.services.demo import TOWNS, _insert  # noqa: E402

ENTERPRISES = 2000
OFFICERS = 67  # about 30 enterprises each
END = dt.date(2025, 6, 30)


#: CPU time of the last ``timed`` call (median): on a shared machine the wall time also
#: counts waiting for the processor, which this does not.
_last_cpu = [0.0]


def timed(fn, runs: int = 9) -> tuple[float, object]:
    times, cpus, out = [], [], None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    _last_cpu[0] = statistics.median(cpus)
    return statistics.median(times), out


def ms(seconds: float) -> str:
    """Wall time, with the CPU time of the same runs beside it."""
    return f"{seconds * 1000:.1f} ms (CPU {_last_cpu[0] * 1000:.1f} ms)"


def county(rng: random.Random) -> tuple[list[dict], list[dict], str, str]:
    """Officers and enterprises (inserted), and the reopening template in use (id, version)."""
    now = utcnow()
    officers = [dict(id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=now,
                     updated_at=now, created_by="", deleted=False, name=f"联络员{n:02d}",
                     username=f"o{n}", phone="", town=TOWNS[n % 9], role="liaison",
                     active=True) for n in range(OFFICERS)]
    ents = [dict(id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=now,
                 updated_at=now, created_by="", deleted=False, name=f"基准企业{n:04d}有限公司",
                 uscc="", town=TOWNS[n % 9], park="", address="", industry="", is_key=n % 5 == 0,
                 legal_rep="", contact_name="", contact_phone="", employees=rng.randint(20, 2000),
                 officer_ids=[officers[n % OFFICERS]["id"]], visit_cadence_days=None, notes="")
            for n in range(ENTERPRISES)]
    with database_proxy.atomic():
        _insert(Officer, officers)
        _insert(Enterprise, ents)
    daily_templates.ensure_seeded()
    tid = daily_templates.seed_id("复工复产日报")
    ReportTemplate.update(active=True, starts_on=END - dt.timedelta(days=400)).execute()
    return officers, ents, tid, version_id_for(tid, daily_templates.SEED_FROM)


def report_rows(rng: random.Random, ents: list[dict], tid: str, vid: str, days: list[dt.date]
                ) -> list[dict]:
    fields = daily_templates.version_for(template_id=tid, day=days[0]).fields
    now = utcnow()
    rows = []
    for day in days:
        for ent in ents:
            if rng.random() < 0.03:
                continue  # some do not report
            people = int(ent["employees"] * rng.uniform(0.5, 1.0))
            values = {"people_on_site": people, "returned": people // 10,
                      "capacity": rng.randint(50, 100), "disinfected": True,
                      "temperature": True, "masks": rng.random() > 0.02, "canteen": True,
                      "fever": False}
            if not values["masks"]:
                values["anomalies"] = "口罩只够两天"
            fig = figures(fields=fields, values=values)
            rows.append(dict(
                id=report_id_for(ent["id"], tid, day), version=0, created_at=now,
                updated_at=now, created_by="", deleted=False, enterprise=ent["id"], template=tid,
                template_version=vid, report_date=day, values=values,
                people_on_site=fig.people_on_site, capacity_pct=fig.capacity_pct,
                anomalies=fig.anomalies, late=False, over_confirmed=False,
                entered_by=ent["officer_ids"][0], entered_at=dt.datetime.combine(
                    day, dt.time(9)), source="entry", request_id=""))
    return rows


def fill_year(rng: random.Random, ents: list[dict], tid: str, vid: str, days: int) -> int:
    total = 0
    for start in range(0, days, 10):
        chunk = [END - dt.timedelta(days=n) for n in range(start, min(days, start + 10))]
        rows = report_rows(rng, ents, tid, vid, chunk)
        with database_proxy.atomic():
            for begin in range(0, len(rows), 5000):
                _insert(DailyReport, rows[begin:begin + 5000])
        total += len(rows)
    database_proxy.execute_sql("ANALYZE")
    return total


def json_board(tid: str, day: dt.date) -> int:
    """The board's sums read from the JSON values (the road not taken)."""
    sql = ('SELECT e.town, COUNT(*), SUM(json_extract(d."values", \'$.people_on_site\')) '
           'FROM daily_report d JOIN enterprise e ON e.id = d.enterprise_id '
           'WHERE d.template_id = ? AND d.report_date = ? AND d.deleted = 0 GROUP BY e.town')
    return len(database_proxy.execute_sql(sql, (tid, day.isoformat())).fetchall())


def json_trend(tid: str, start: dt.date, end: dt.date) -> int:
    sql = ('SELECT report_date, SUM(json_extract("values", \'$.people_on_site\')), '
           'AVG(json_extract("values", \'$.capacity\')) FROM daily_report '
           'WHERE template_id = ? AND report_date BETWEEN ? AND ? AND deleted = 0 '
           'GROUP BY report_date')
    return len(database_proxy.execute_sql(sql, (tid, start.isoformat(), end.isoformat()))
               .fetchall())


def local_figures(root: Path, days: int) -> None:
    rng = random.Random(14)
    open_database(DataPaths(root / "county"))
    officers, ents, tid, vid = county(rng)
    start = time.perf_counter()
    n = fill_year(rng, ents, tid, vid, days)
    print(f"generated {n} reports of {ENTERPRISES} enterprises over {days} days in "
          f"{time.perf_counter() - start:.0f} s")
    day = END - dt.timedelta(days=1)
    secs, board = timed(lambda: daily_board.board(template_id=tid, day=day))
    print(f"board for a day ({board.total.due} due, {board.total.reported} reported, "
          f"{len(board.long_missing)} silent 2+ days): {ms(secs)}  [target <= 100 ms]")
    secs, _ = timed(lambda: daily_board.board(template_id=tid, day=day, by="officer"))
    print(f"board for a day by officer: {ms(secs)}")
    secs, _ = timed(lambda: json_board(tid, day))
    print(f"  the same sums from the JSON values instead of the columns: {ms(secs)}")
    year = (END - dt.timedelta(days=364), END)
    one = ents[7]["id"]
    secs, points = timed(lambda: daily_board.trend(template_id=tid, start=year[0], end=year[1],
                                                   enterprise_id=one))
    print(f"an enterprise's one-year trend ({len(points)} days): {ms(secs)}  [target <= 50 ms]")
    secs, _ = timed(lambda: daily_board.trend(template_id=tid, start=year[0], end=year[1],
                                              town=TOWNS[0]), runs=3)
    print(f"a town's one-year trend: {ms(secs)}")
    secs, _ = timed(lambda: daily_board.trend(template_id=tid, start=year[0], end=year[1]),
                    runs=3)
    print(f"the county's one-year trend ({n} reports): {ms(secs)}")
    secs, _ = timed(lambda: json_trend(tid, *year), runs=3)
    print(f"  the same from the JSON values instead of the columns: {ms(secs)}")
    officer = officers[3]["id"]
    secs, grid = timed(lambda: daily_reports.entry_grid(template_id=tid, day=END,
                                                        officer_id=officer))
    print(f"an officer's entry grid ({len(grid.lines)} enterprises, today and yesterday): "
          f"{ms(secs)}  [target <= 50 ms]")
    secs, found = timed(lambda: daily_board.reminders(officer_id=officer, today=END))
    print(f"an officer's reminders on 工作台 ({len(found)}): {ms(secs)}")
    context.set_actor(officer_id=officer)
    lines = iter(grid.lines)

    def save() -> None:
        line = next(lines)
        values = dict(line.yesterday or {"people_on_site": 10, "returned": 0, "capacity": 80,
                                           "disinfected": True, "temperature": True,
                                           "masks": True, "fever": False})
        values["people_on_site"] = min(values["people_on_site"] + 1,
                                       line.enterprise.employees or 10**6)
        daily_reports.save_report(template_id=tid, enterprise_id=line.enterprise.id,
                                  day=END + dt.timedelta(days=1), values=values,
                                  today=END + dt.timedelta(days=1))

    secs, _ = timed(save, runs=min(15, len(grid.lines)))
    print(f"saving a line (row, figures and outbox in one transaction, fsync): {ms(secs)}  "
          f"[target <= 20 ms]")
    pdf, xlsx = root / "summary.pdf", root / "summary.xlsx"
    secs, _ = timed(lambda: daily_board.print_summary(
        b=daily_board.board(template_id=tid, day=day), out=pdf), runs=5)
    print(f"the day's summary to PDF (board read included): {ms(secs)}  [target <= 1 s]")
    secs, _ = timed(lambda: daily_board.print_summary(
        b=daily_board.board(template_id=tid, day=day, by="officer"), out=pdf), runs=5)
    print(f"  by officer ({OFFICERS} lines): {ms(secs)}")
    secs, _ = timed(lambda: daily_board.export_xlsx(
        b=daily_board.board(template_id=tid, day=day), path=str(xlsx)), runs=5)
    print(f"the day's summary to Excel (every enterprise on a second sheet): {ms(secs)}  "
          f"[target <= 2 s]")
    size = (root / "county" / "liaison.sqlite3").stat().st_size
    print(f"database with {n} reports: {size / 2**20:.0f} MiB")
    on_the_page(root / "county", officer, tid)


def on_the_page(folder: Path, officer_id: str, tid: str,
                day: dt.date = END + dt.timedelta(days=2)) -> None:
    """The entry grid as the 日报 page opens it (read, model, columns, the day's draft), and
    a line typed there and saved, until the page shows it saved (the worker's round trip).
    ``day`` is one nobody has reported yet."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop

    from liaison_app.core.settings import Settings
    from liaison_app.ui.app import make_application
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.pages.daily_page import ENTRY, DailyPage
    from liaison_app.ui.tasks import TaskRunner

    app = make_application()
    runner = TaskRunner()
    context.set_actor(officer_id=officer_id)
    settings = Settings()
    settings.officer_id = officer_id
    page = DailyPage(AppContext(paths=DataPaths(folder), settings=settings, runner=runner))
    page.resize(1366, 700)
    page.show()

    def idle() -> None:
        while runner.is_busy():
            app.processEvents()
        app.processEvents()

    idle()
    page.refresh()
    idle()

    def open_grid() -> int:
        page._set_header(tid, day)
        page._load(ENTRY)
        return len(page.model.lines)

    times, cpus = [], []
    for _ in range(9):
        start, cpu = time.perf_counter(), time.process_time()
        lines = open_grid()
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        idle()
    _last_cpu[0] = statistics.median(cpus)
    print(f"the 日报 page's entry grid ({lines} lines: read, model, columns, the day's draft): "
          f"{ms(statistics.median(times))}  [target <= 50 ms]")
    model = page.model
    times, cpus = [], []
    for row in range(min(15, len(model.lines))):
        for f in model.state(row).line.fields:
            text = {"number": "10" if f.key == "people_on_site" else "0",
                    "check": "是" if f.expected else "否"}.get(f.kind, "")
            if text:
                model.setData(model.index(row, model.column_of(f.key)), text)
        start, cpu = time.perf_counter(), time.process_time()
        page.save_line(row)
        while model.state(row).saving:  # asleep until the worker's answer arrives
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        assert not model.state(row).dirty, model.state(row).findings
    _last_cpu[0] = statistics.median(cpus)
    print(f"a line typed on the page and saved, until it shows saved: "
          f"{ms(statistics.median(times))}  [target <= 20 ms]")
    page.close()
    runner.shutdown()


def first_pull(root: Path, days: int) -> None:
    from sync import client
    from sync.server.app import ServerConfig
    from tests.perf.bench_sync import ServerProcess
    from tests.sync.conftest import PASSWORD, LiveServer

    server = LiveServer(ServerConfig(db_url=f"sqlite:///{root / 'srv.sqlite3'}",
                                     data_dir=root / "srv")).start()
    for name in ("seed", "centre"):
        server.add_user(name, "center")
    rng = random.Random(15)
    paths = DataPaths(root / "seed")
    open_database(paths)
    client.login(server_url=server.url, username="seed", password=PASSWORD)
    _officers, ents, tid, vid = county(rng)
    for model in (Enterprise, ReportTemplate, ReportTemplateVersion):
        queue(list(model.select()), model)
    rows = report_rows(rng, ents, tid, vid, [END - dt.timedelta(days=n) for n in range(days)])
    with database_proxy.atomic():
        for begin in range(0, len(rows), 5000):
            _insert(DailyReport, rows[begin:begin + 5000])
    queue(list(DailyReport.select()), DailyReport)
    seed = client.SyncEngine(data_paths=paths, page_size=5000, batch_size=1000)
    start = time.perf_counter()
    report = seed.sync_once()
    assert report.ok, report.message
    print(f"pushing {len(rows)} reports (+{ENTERPRISES} enterprises) to the server: "
          f"{time.perf_counter() - start:.1f} s")
    server.stop()
    served = ServerProcess(db_url=f"sqlite:///{root / 'srv.sqlite3'}",
                           data_dir=root / "srv").start()
    try:
        centre_paths = DataPaths(root / "centre")
        open_database(centre_paths)
        client.login(server_url=served.url, username="centre", password=PASSWORD)
        centre = client.SyncEngine(data_paths=centre_paths, page_size=5000, batch_size=1000)
        server_cpu = _cpu_seconds(served.proc.pid)
        start, cpu = time.perf_counter(), time.process_time()
        report = centre.sync_once()
        secs, cpu = time.perf_counter() - start, time.process_time() - cpu
        server_cpu = _cpu_seconds(served.proc.pid) - server_cpu
        assert report.ok and DailyReport.select().count() == len(rows), report.message
        print(f"a centre's first pull of a month of reports ({len(rows)}, with "
              f"{ENTERPRISES} enterprises; server in its own process): {secs:.2f} s "
              f"({len(rows) / secs:.0f}/s)  [target <= 6 s]; CPU: laptop {cpu:.2f} s, "
              f"server {server_cpu:.2f} s (on a busy machine the wall time is no measure)")
    finally:
        served.stop()


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux), to tell work from waiting."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def queue(records: list[peewee.Model], model: type) -> None:
    """Outbox operations for records inserted in bulk, as ``save(force_insert=True)`` makes."""
    wire = [(f.name, f.column_name, f) for f in model._meta.sorted_fields
            if f.name not in BOOKKEEPING]
    ops = [{"table": model.sync_table, "record_id": rec.id, "base_version": 0, "creating": True,
            "changes": {column: to_wire(field, rec.__data__.get(name))
                        for name, column, field in wire},
            "officer_id": "", "device_time": utcnow()} for rec in records]
    with database_proxy.atomic():
        for begin in range(0, len(ops), 2000):
            OutboxOp.insert_many(ops[begin:begin + 2000]).execute()


def main() -> None:
    from tests.perf.folder_keys import unlock_every_folder

    unlock_every_folder()  # encrypted folders, as officers have them
    quick = "--quick" in sys.argv
    root = Path(tempfile.mkdtemp(prefix="bench-daily-"))
    local_figures(root, 60 if quick else 365)
    first_pull(root, 5 if quick else 30)


if __name__ == "__main__":
    main()
