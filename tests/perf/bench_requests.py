"""Requests and proxy cases at county scale: the overdue list, the three-rates table for a
year, and the half-year public list PDF.

Run: ``python tests/perf/bench_requests.py [--requests 20000] [--cases 2000]``.
Prints medians; never fails on speed (targets: overdue list <= 100 ms, rates table for a year
<= 200 ms, half-year public list PDF <= 2 s).
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
from tests.perf.folder_keys import unlock_every_folder  # noqa: E402

unlock_every_folder()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOWNS = ("城关街道", "经济开发区街道", "东城街道", "西城街道", "北关镇", "南湖镇", "河口镇",
         "青山镇", "新桥镇")


def timed(func, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def populate(*, requests: int, cases: int, seed: int = 7) -> None:
    """Bulk rows for a year of a county (no outbox: this is data already synced)."""
    from liaison_app.core.db import database_proxy
    from liaison_app.core.models import Enterprise, Officer
    from liaison_app.core.models.proxy import ProxyCase, ProxyItem
    from liaison_app.core.models.requests import CATEGORIES, Request
    from liaison_app.core.services import departments
    from liaison_app.core.services import proxy_cases as pc

    rng = random.Random(seed)
    departments.ensure_seeded()
    dept_ids = [departments.seed_id(name) for name, kind in departments.SEED if kind != "town"]
    now = dt.datetime(2025, 1, 1)
    with database_proxy.atomic():
        officers = [dict(id=str(uuid.uuid4()), version=1, created_at=now, updated_at=now,
                         created_by="", deleted=False, name=f"联络员{n}", username=f"o{n}",
                         phone="", town=TOWNS[n % 9], role="liaison", active=True)
                    for n in range(60)]
        Officer.insert_many(officers).execute()
        ents = [dict(id=str(uuid.uuid4()), version=1, created_at=now, updated_at=now,
                     created_by="", deleted=False, name=f"企业{n:04d}有限公司", uscc="",
                     town=TOWNS[n % 9], park="", address="", industry="", is_key=n % 5 == 0,
                     legal_rep="", contact_name="", contact_phone="", employees=100,
                     officer_ids=[officers[n % 60]["id"]], visit_cadence_days=None, notes="")
                for n in range(1500)]
        for start in range(0, len(ents), 300):
            Enterprise.insert_many(ents[start:start + 300]).execute()
        rows = []
        for n in range(requests):
            accepted = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randrange(525_600))
            status = rng.choice(("accepted", "dispatched", "in_progress", "resolved",
                                 "called_back", "closed", "closed", "closed"))
            dispatched = status != "accepted"
            deadline = (accepted + dt.timedelta(days=3)).date()
            responded = (accepted + dt.timedelta(days=rng.choice((1, 2, 3, 5))) if
                         dispatched and status != "dispatched" else None)
            called = status in ("called_back", "closed")
            due = (deadline if status in ("accepted", "dispatched") else
                   (accepted + dt.timedelta(days=14)).date() if status == "in_progress"
                   else None)
            rows.append(dict(
                id=str(uuid.uuid4()), version=1, created_at=accepted, updated_at=accepted,
                created_by="", deleted=False, enterprise=ents[n % len(ents)]["id"],
                visit_id="", visit_line=None, channel="visit", category=rng.choice(CATEGORIES),
                urgency="normal", complex=False, description=f"诉求{n}", accepted_at=accepted,
                officer_id=officers[n % 60]["id"], status=status,
                lead_department_id=rng.choice(dept_ids) if dispatched else "",
                co_departments=[], dispatched_at=accepted if dispatched else None,
                contact_deadline=deadline, response_deadline=deadline if dispatched else None,
                resolve_deadline=(accepted + dt.timedelta(days=14)).date(), co_deadline=None,
                due_date=due, first_response_at=responded, resolved_at=None, resolution="",
                callback_at=accepted if called else None,
                enterprise_resolved=rng.random() < 0.85 if called else None,
                enterprise_satisfaction=rng.choice(("very_satisfied", "satisfied", "basic",
                                                    "dissatisfied")) if called else "",
                callback_comment="", closed_at=None, addressee="", registration_year=None,
                provisional_no="", registration_no=None, registered_on=None, reply="",
                replied_on=None))
        for start in range(0, len(rows), 500):
            Request.insert_many(rows[start:start + 500]).execute()
        catalogue = pc.load_catalogue()
        case_rows, item_rows = [], []
        for n in range(cases):
            started = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
            cid = str(uuid.uuid4())
            case_rows.append(dict(
                id=cid, version=1, created_at=now, updated_at=now, created_by="", deleted=False,
                enterprise=ents[n % len(ents)]["id"], case_no=f"DB2024-{n:05d}",
                project_name=f"项目{n}", project_location="", officer_id=officers[n % 60]["id"],
                started_on=started, finished_on=None, status="open", notes=""))
            for pos, entry in enumerate(rng.sample(catalogue, 4)):
                sub = started + dt.timedelta(days=pos)
                done = rng.random() < 0.7
                item_rows.append(dict(
                    id=str(uuid.uuid4()), version=1, created_at=now, updated_at=now,
                    created_by="", deleted=False, case=cid, enterprise=ents[n % len(ents)]["id"],
                    name=entry.name, department_id="", documents="", submitted_on=sub,
                    approved_on=sub + dt.timedelta(days=rng.randrange(1, 20)) if done else None,
                    usual_days=entry.usual_days, status="approved" if done else "submitted",
                    position=pos, notes=""))
        for start in range(0, len(case_rows), 500):
            ProxyCase.insert_many(case_rows[start:start + 500]).execute()
        for start in range(0, len(item_rows), 500):
            ProxyItem.insert_many(item_rows[start:start + 500]).execute()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=2_000)
    args = parser.parse_args()
    from liaison_app.core.db import close_database, open_database
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.services import proxy_cases as pc
    from liaison_app.core.services import rates
    from liaison_app.core.services import requests as rq

    with tempfile.TemporaryDirectory() as tmp:
        open_database(DataPaths(Path(tmp)))
        started = time.perf_counter()
        populate(requests=args.requests, cases=args.cases)
        print(f"data: {args.requests} requests, {args.cases} proxy cases "
              f"({time.perf_counter() - started:.1f} s to insert)")
        today = dt.date(2024, 12, 20)
        overdue = timed(lambda: rq.needing_attention(today=today), 21)
        n = len(rq.needing_attention(today=today))
        print(f"overdue/due-soon list ({n} rows shown): {overdue * 1000:.1f} ms (target 100 ms)")
        officer = rq.needing_attention(today=today, officer_id="x")
        del officer
        year = dict(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), as_of=today)
        for by in ("", "department", "town", "officer"):
            t = timed(lambda by=by: rates.rates_table(**year, by=by), 11)
            print(f"three-rates table for a year, by {by or 'total'}: {t * 1000:.1f} ms "
                  "(target 200 ms)")
        entries = len(pc.public_list_data(year=2024, half=1).entries)
        pdf = timed(lambda: pc.print_public_list(year=2024, half=1, out=io.BytesIO()), 5)
        print(f"half-year public list PDF ({entries} cases): {pdf * 1000:.0f} ms "
              "(target 2000 ms)")
        close_database()


if __name__ == "__main__":
    main()
