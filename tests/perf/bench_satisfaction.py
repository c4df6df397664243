"""Satisfaction evaluation at county scale: a round's results, the trend across rounds,
entering one sheet, and printing a round's pre-filled sheets.

Run: ``python tests/perf/bench_satisfaction.py [--enterprises 2000] [--rounds 10]``.
Prints medians; never fails on speed. Targets (issue 13), with 2,000 enterprises,
30 departments and 10 rounds: results of a round <= 200 ms; trend across rounds <= 300 ms;
entering a sheet from the grid <= 20 ms; printing 2,000 pre-filled sheets <= 10 s. The trend
keeps each round's totals until one of its sheets changes: it is timed after a sheet of the
open round changed (what the 测评 page meets after a sheet is entered), with nothing
changed, and with every round to sum again (once, after the first sync of a laptop).

The data: every round invites all enterprises and evaluates the centre and the 30
departments; 85% of the enterprises return sheets, each for the centre and for the 4
departments it deals with, about 1 dimension in 12 marked 不了解/不适用 -- some 8,500 sheets a
round, 85,000 in all. ``--units-per-enterprise 31`` makes every enterprise score every unit
(some 53,000 sheets a round) for the worst case.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOWNS = ("城关街道", "经济开发区街道", "东城街道", "西城街道", "北关镇", "南湖镇", "河口镇",
         "青山镇", "新桥镇")


_cpu: list[float] = []


def timed(func, runs: int, *, before=None) -> float:
    """Median wall time; the median CPU time of the same runs is kept for ``cpu()`` (on a
    machine shared with other work the wall time overstates what the code costs).
    ``before`` runs ahead of each run, untimed."""
    samples, cpu_samples = [], []
    for _ in range(runs):
        if before is not None:
            before()
        started, cpu_started = time.perf_counter(), time.process_time()
        func()
        samples.append(time.perf_counter() - started)
        cpu_samples.append(time.process_time() - cpu_started)
    _cpu[:] = [statistics.median(cpu_samples)]
    return statistics.median(samples)


def cpu() -> str:
    return f"(CPU {_cpu[0] * 1000:.1f} ms)"


def populate(*, enterprises: int, rounds: int, per_enterprise: int, seed: int = 13
             ) -> list[str]:
    """Bulk rows as a synced county holds them (no outbox). Returns the round ids."""
    from liaison_app.core import scoring
    from liaison_app.core.db import database_proxy
    from liaison_app.core.models import Enterprise
    from liaison_app.core.models.departments import Department
    from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet, sheet_id

    rng = random.Random(seed)
    now = dt.datetime(2026, 1, 1)
    base = dict(version=1, created_at=now, updated_at=now, created_by="", deleted=False)
    keys = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]
    with database_proxy.atomic():
        deps = [dict(id=str(uuid.uuid4()), **base, name=f"县第{n + 1}局", kind="department",
                     contact_name="", contact_phone="", position=n, active=True)
                for n in range(30)]
        Department.insert_many(deps).execute()
        ents = [dict(id=str(uuid.uuid4()), **base, name=f"企业{n:04d}有限公司", uscc="",
                     town=TOWNS[n % 9], park="", address="", industry="", is_key=n % 5 == 0,
                     legal_rep="", contact_name="", contact_phone="", employees=100,
                     officer_ids=[], visit_cadence_days=None, notes="")
                for n in range(enterprises)]
        for start in range(0, len(ents), 300):
            Enterprise.insert_many(ents[start:start + 300]).execute()
        units = ["centre", *[d["id"] for d in deps]]
        invited = [e["id"] for e in ents]
        round_ids = []
        for r in range(rounds):
            rid = str(uuid.uuid4())
            round_ids.append(rid)
            EvaluationRound.insert(
                id=rid, **base, name=f"第{r + 1}轮企业满意度测评",
                held_on=dt.date(2022, 1, 15) + dt.timedelta(days=182 * r), units=units,
                invited=invited, invite_rule={"everyone": True},
                dimensions=[dict(d) for d in scoring.DEFAULT_DIMENSIONS],
                scale={"kind": "points", "max": 20}, anonymous=r % 2 == 1,
                status="closed" if r < rounds - 1 else "open", phone_enabled=False, notes="",
                closed_at=now if r < rounds - 1 else None).execute()
            rows = []
            for ent in invited:
                if rng.random() > 0.85:
                    continue
                chosen = ["centre", *rng.sample(units[1:], min(per_enterprise, 31) - 1)]
                for unit in chosen:
                    scores = {k: (None if rng.random() < 0.08 else rng.randint(8, 20))
                              for k in keys}
                    rows.append(dict(
                        id=sheet_id(round_id=rid, enterprise_id=ent, unit=unit), **base,
                        round=rid, enterprise=ent, unit=unit, scores=scores,
                        comments="办事效率有待提高" if rng.random() < 0.05 else "",
                        method="paper", collected_by="", collected_at=now, request_id=""))
            for start in range(0, len(rows), 500):
                ScoreSheet.insert_many(rows[start:start + 500]).execute()
    return round_ids


def main() -> None:
    from tests.perf.folder_keys import unlock_every_folder

    unlock_every_folder()  # encrypted folders, as officers have them
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--units-per-enterprise", type=int, default=5)
    args = parser.parse_args()
    from liaison_app.core import context
    from liaison_app.core.db import close_database, open_database
    from liaison_app.core.models import Officer
    from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.services import evaluation as ev
    from liaison_app.core.services import evaluation_print as ep
    from liaison_app.core.services import evaluation_results as er

    with tempfile.TemporaryDirectory() as tmp:
        open_database(DataPaths(Path(tmp)))
        centre = Officer(name="中心", role="center")
        centre.save(force_insert=True)
        context.set_actor(officer_id=centre.id)
        started = time.perf_counter()
        round_ids = populate(enterprises=args.enterprises, rounds=args.rounds,
                             per_enterprise=args.units_per_enterprise)
        sheets = ScoreSheet.select().count()
        print(f"data: {args.enterprises} enterprises, 30 departments, {args.rounds} rounds, "
              f"{sheets} sheets ({time.perf_counter() - started:.1f} s to insert)")
        latest = round_ids[-1]
        per_round = ScoreSheet.select().where(ScoreSheet.round == latest).count()
        t = timed(lambda: er.round_results(round_id=latest), 11)
        print(f"results of a round ({per_round} sheets): {t * 1000:.1f} ms {cpu()} "
              "(target 200 ms)")
        t = timed(lambda: er.follow_ups(round_id=latest), 5)
        print(f"follow-up list of a round: {t * 1000:.1f} ms {cpu()}")
        # The trend keeps each round's per-unit totals (schema 15) until a sheet of the round
        # changes: the page usually finds every round but the open one unchanged.
        db = Officer._meta.database

        def forget_all() -> None:
            db.execute_sql("UPDATE evaluation_round_totals SET totals = NULL")

        def change_latest() -> None:
            db.execute_sql("UPDATE score_sheet SET scores = scores WHERE id = (SELECT id FROM "
                           "score_sheet WHERE round_id = ? LIMIT 1)", (latest,))

        t = timed(lambda: er.trend(limit=args.rounds), 7, before=change_latest)
        print(f"trend across {args.rounds} rounds, a sheet of the open round changed: "
              f"{t * 1000:.1f} ms {cpu()} (target 300 ms)")
        t = timed(lambda: er.trend(limit=args.rounds), 7)
        print(f"trend across {args.rounds} rounds, nothing changed: {t * 1000:.1f} ms {cpu()}")
        t = timed(lambda: er.trend(limit=args.rounds), 5, before=forget_all)
        print(f"trend across {args.rounds} rounds, every round worked out again (after a "
              f"first sync): {t * 1000:.1f} ms {cpu()}")

        # Entering: the grid saves one row (sheet) at a time on the database worker.
        rnd = EvaluationRound.get_by_id(latest)
        entered = {s.enterprise_id for s in ScoreSheet.select(ScoreSheet.enterprise).where(
            (ScoreSheet.round == latest) & (ScoreSheet.unit == "centre"))}
        todo = iter([e for e in rnd.invited if e not in entered])
        values = {"competence": 18, "attitude": 19, "efficiency": None, "proxy": 17,
                  "integrity": 20}

        def enter() -> None:
            ev.save_sheet(data=ev.SheetInput(round_id=latest, enterprise_id=next(todo),
                                             unit="centre", scores=values, comments="很好"))

        t = timed(enter, 41)
        print(f"entering a sheet: {t * 1000:.1f} ms {cpu()} (target 20 ms)")
        rows = timed(lambda: ev.entry_rows(round_id=latest, unit="centre"), 5)
        print(f"entry grid rows for a unit ({len(rnd.invited)} invited): {rows * 1000:.0f} ms "
              f"{cpu()}")

        count = min(args.enterprises, 2000)
        invited = list(rnd.invited)[:count]
        t = timed(lambda: ep.render_sheets(round_id=latest, out=io.BytesIO(),
                                           enterprise_ids=invited, units=["centre"]), 3)
        printing_cpu = cpu()
        buf = io.BytesIO()
        job = ep.render_sheets(round_id=latest, out=buf, enterprise_ids=invited,
                               units=["centre"])
        print(f"printing {job.sheets} pre-filled sheets: {t:.2f} s {printing_cpu} "
              f"(target 10 s), {buf.tell() // 1024} KiB")
        close_database()


if __name__ == "__main__":
    main()
