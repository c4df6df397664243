"""The visit list's first screen must cost the same however many visits the laptop holds: it
opens on every visit to the 走访 page, and on an encrypted database every page SQLite reads
is decrypted, so reading the whole table for 200 rows took 0.9 s at 100,000 visits."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from liaison_app.core.db import database_proxy
from liaison_app.core.models import Enterprise, Visit
from liaison_app.core.models.base import new_id, utcnow
from liaison_app.core.services import visits
from liaison_app.core.services.visits import VisitFilter
from tests.sql_cost import vm_steps

START = dt.datetime(2024, 1, 1, 8, 0)


def _visits(enterprises: list[str], start: int, count: int) -> None:
    """Visits written straight to the table, as a pull of the county's history brings them
    (one in ten deleted, so the list's filter on live rows matters)."""
    rows = []
    for i in range(start, start + count):
        rows.append(dict(id=new_id(), version=1, created_at=utcnow(), updated_at=utcnow(),
                         created_by="", deleted=i % 10 == 0,
                         enterprise=enterprises[i % len(enterprises)],
                         visit_at=START + dt.timedelta(minutes=37 * i),
                         officer_ids=json.dumps(["o"]), kind="routine", participants="",
                         summary=f"走访第{i}次\n详情", problems="", place=""))
    with database_proxy.atomic():
        for i in range(0, len(rows), 500):
            Visit.insert_many(rows[i:i + 500]).execute()



def _first_screen() -> list[visits.VisitRow]:
    return visits.list_visits(flt=VisitFilter(), limit=200)


def test_the_first_screen_of_the_visit_list_costs_the_same_at_any_size(store: Any) -> None:
    enterprises = []
    for n in range(20):
        ent = Enterprise(name=f"第{n}号机械厂")
        ent.save(force_insert=True)
        enterprises.append(ent.id)
    _visits(enterprises, 0, 1_000)
    small, rows = vm_steps(_first_screen)
    _visits(enterprises, 1_000, 19_000)
    large, rows_large = vm_steps(_first_screen)
    assert large <= 3 * small + 20, (small, large)
    # The newest live visits, newest first: the cheap read is still the right one.
    assert len(rows) == len(rows_large) == 200
    newest = START + dt.timedelta(minutes=37 * 19_999)
    assert rows_large[0].visit_at == newest
    assert all(a.visit_at > b.visit_at for a, b in zip(rows_large, rows_large[1:], strict=False))
    assert not any(r.summary.startswith("走访第19990次") for r in rows_large)  # deleted
