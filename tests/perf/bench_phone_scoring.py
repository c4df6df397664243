"""Phone scoring page under a meeting's load; prints medians. Run:
python tests/perf/bench_phone_scoring.py [--quick] [--workers N]

The server runs as deployed (``liaison-server serve``, its own process) on a county's data:
2,000 enterprises, 30 departments, earlier rounds' sheets. A load generator in a process of
its own plays waves of 100 phones: all open their link at once, then all submit at once
(a round of five units, five dimensions each), while 20 more phones open their page in the
middle of the submissions. Each answer's time is taken by the phone (the load generator)
and by the server (its ``Server-Timing``, from the moment the page's code starts to its
answer, the wait for the turn to write included). The page's reads run on the event loop
from start to answer, so a request's wait for the loop in a burst shows only in the
phone's figure, which therefore is the one to read for opening the page. Set
LIAISON_TEST_PG_URL to measure PostgreSQL too. Target: the page answers in <= 100 ms on the
server.
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WAVE = 100
WATCHERS = 20
UNITS = 5


def prepare(db_url: str, data_dir: Path, *, waves: int) -> dict[str, Any]:
    """A county on the server and a round whose links are returned (phone, watcher)."""
    import uuid

    from liaison_app.core.models.evaluation import sheet_id
    from sync.server import evaluation as ev
    from sync.server.models import (
        SeqCounter,
        connection,
        open_server_database,
        server_db,
        write_transaction,
    )
    from sync.server.store import server_write

    data_dir.mkdir(parents=True, exist_ok=True)
    open_server_database(db_url)
    with connection():
        with write_transaction():
            counter = SeqCounter()
            ents = [str(uuid.uuid4()) for _ in range(2000)]
            for i, ent in enumerate(ents):
                server_write(table="enterprise", record_id=ent, counter=counter, data={
                    "name": f"基准测评企业{i:04d}有限公司", "uscc": "", "town": "城关街道",
                    "officer_ids": [], "deleted": False})
            depts = [str(uuid.uuid4()) for _ in range(30)]
            server_write(table="department", record_id=str(uuid.uuid4()), counter=counter,
                         data={"name": "县企业服务中心", "kind": "centre", "deleted": False})
            for i, dept in enumerate(depts):
                server_write(table="department", record_id=dept, counter=counter,
                             data={"name": f"县直部门{i:02d}", "kind": "department",
                                   "deleted": False})
            invited = ents[:waves * WAVE + WATCHERS * waves]
            units = ["centre", *depts[:UNITS - 1]]
            # Earlier rounds: their sheets are part of what the server holds.
            for r in range(3):
                old = str(uuid.uuid4())
                server_write(table="evaluation_round", record_id=old, counter=counter, data={
                    "name": f"往期测评{r}", "held_on": "2026-06-01", "units": units,
                    "invited": ents[:300], "status": "closed", "phone_enabled": False,
                    "deleted": False})
                for ent in ents[:300]:
                    for unit in units:
                        server_write(table="score_sheet", counter=counter,
                                     record_id=sheet_id(round_id=old, enterprise_id=ent,
                                                        unit=unit),
                                     data={"round_id": old, "enterprise_id": ent,
                                           "unit": unit, "scores": {"competence": 18},
                                           "method": "paper", "deleted": False})
            round_id = str(uuid.uuid4())
            server_write(table="evaluation_round", record_id=round_id, counter=counter, data={
                "name": "基准满意度测评", "held_on": "2026-11-27", "units": units,
                "invited": invited, "scale": {"kind": "points", "max": 20},
                "status": "open", "phone_enabled": True, "anonymous": False,
                "deleted": False})
            counter.flush()
        issued = ev.issue_links(round_id=round_id, by="bench")
    tokens = [s.token for s in issued.links]
    db = server_db.obj
    if hasattr(db, "close_all"):
        db.close_all()
    else:
        db.close()
    per_wave = WAVE + WATCHERS
    return {"waves": [tokens[w * per_wave:(w + 1) * per_wave] for w in range(waves)]}


# -- the load generator (its own process) ------------------------------------------------------
async def _one(client: Any, method: str, url: str, out: list[tuple[float, float, int, float]],
               data: dict[str, str] | None = None) -> str:
    start = time.perf_counter()
    answer = await (client.get(url) if method == "GET" else client.post(url, data=data))
    took = time.perf_counter() - start
    timing = dict(part.strip().split(";dur=")
                  for part in answer.headers.get("server-timing", "app;dur=nan").split(","))
    out.append((took * 1000, float(timing["app"]), answer.status_code,
                float(timing.get("wait", 0))))
    return answer.text


async def _wave(base: str, tokens: list[str]
                ) -> dict[str, list[tuple[float, float, int, float]]]:
    import httpx

    phones, watchers = tokens[:WAVE], tokens[WAVE:]
    opened: list[tuple[float, float, int, float]] = []
    sent: list[tuple[float, float, int, float]] = []
    watched: list[tuple[float, float, int, float]] = []
    # A connection per request, as separate phones have: a kept-alive one left idle while
    # the others wait could be closed by the server just as it is used again.
    limits = httpx.Limits(max_connections=WAVE + WATCHERS + 10, max_keepalive_connections=0)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        pages = await asyncio.gather(*(_one(client, "GET", f"{base}/m/{t}", opened)
                                       for t in phones))
        forms = []
        for page in pages:
            form = {"v": page.split('name="v" value="')[1].split('"')[0]}
            for u in range(UNITS):
                for d in range(5):
                    form[f"s{u}_{d}"] = str(12 + (u + d) % 9)
                form[f"c{u}"] = "窗口服务热情，希望进一步压缩审批时间。"
            forms.append(form)

        async def watch() -> None:
            await asyncio.sleep(0.02)  # once the submissions are under way
            await asyncio.gather(*(_one(client, "GET", f"{base}/m/{t}", watched)
                                   for t in watchers))

        await asyncio.gather(watch(), *(_one(client, "POST", f"{base}/m/{t}", sent, form)
                                        for t, form in zip(phones, forms, strict=True)))
    return {"open": opened, "submit": sent, "watch": watched}


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time the server has used so far (Linux): its process and, with
    several workers, the worker processes it started."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that has just ended
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def load(spec_file: str) -> None:
    spec = json.loads(Path(spec_file).read_text())
    results: dict[str, list[Any]] = {"open": [], "submit": [], "watch": []}
    cpu = 0.0
    for tokens in spec["waves"]:
        before = _cpu_seconds(spec["pid"])
        wave = asyncio.run(_wave(spec["base"], tokens))
        cpu += _cpu_seconds(spec["pid"]) - before
        for key, rows in wave.items():
            results[key].extend(rows)
    print(json.dumps({**results, "cpu": cpu}))


# -- the report -----------------------------------------------------------------------------------
def _describe(rows: list[list[float]]) -> str:
    client = sorted(r[0] for r in rows)
    server = sorted(r[1] for r in rows)
    work = sorted(r[1] - r[3] for r in rows)
    bad = sum(1 for r in rows if r[2] != 200)

    def pct(values: list[float], q: float) -> float:
        return values[min(len(values) - 1, int(len(values) * q))]

    waits = "" if not any(r[3] for r in rows) else (
        f"; without the wait for its turn to write: median {statistics.median(work):.0f} ms, "
        f"p95 {pct(work, .95):.0f}")
    return (f"server median {statistics.median(server):.0f} ms, p95 {pct(server, .95):.0f}, "
            f"max {server[-1]:.0f}; phone median {statistics.median(client):.0f} ms, "
            f"p95 {pct(client, .95):.0f}{waits}" + (f"; {bad} NOT 200" if bad else ""))


def measure(name: str, db_url: str, root: Path, waves: int, workers: int) -> None:
    from tests.perf.bench_sync import ServerProcess

    data_dir = root / name
    spec = prepare(db_url, data_dir, waves=waves)
    server = ServerProcess(db_url=db_url, data_dir=data_dir)
    server.args += ["--workers", str(workers)]
    server.start()
    try:
        spec_file = root / f"{name}.json"
        assert server.proc is not None
        spec_file.write_text(json.dumps({**spec, "base": server.url, "pid": server.proc.pid}))
        done = subprocess.run([sys.executable, __file__, "--load", str(spec_file)], cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        results = json.loads(done.stdout)
    finally:
        server.stop()
    print(f"{name}, {workers} server process(es), {waves} waves of {WAVE} phones ({UNITS} "
          "units x 5 dimensions each):")
    print(f"  {WAVE} open the page at once:   {_describe(results['open'])}")
    print(f"  {WAVE} submit at once:          {_describe(results['submit'])}  "
          "[target <= 100 ms]")
    print(f"  {WATCHERS} open during submissions: {_describe(results['watch'])}  "
          "[target <= 100 ms]")
    # What the machine's load blurs least: the server's own CPU time per phone (its page,
    # its submission, and one more page for a fifth of them), over all its processes; one
    # core answers a burst of 100 in about 100 times it.
    per_phone = results["cpu"] / (waves * WAVE) * 1000
    print(f"  server CPU per phone: {per_phone:.1f} ms")


def main() -> None:
    if "--load" in sys.argv:
        load(sys.argv[sys.argv.index("--load") + 1])
        return
    waves = 1 if "--quick" in sys.argv else 3
    workers = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 1
    root = Path(tempfile.mkdtemp(prefix="bench-phone-"))
    measure("SQLite", f"sqlite:///{root / 'sqlite' / 'server.sqlite3'}", root, waves, workers)
    pg = os.environ.get("LIAISON_TEST_PG_URL")
    if pg:
        from tests.sync.conftest import reset_postgres

        reset_postgres(pg)
        measure("PostgreSQL", pg, root, waves, workers)


if __name__ == "__main__":
    main()
