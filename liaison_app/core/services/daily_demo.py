"""Demo daily reports: the county's reopening report in use for the last three weeks.

Most enterprises report every day; some miss a day now and then, a few have gone silent for
several days, and a few report anomalies (masks running out, a worker with a fever, a need
for the centre), so the board, the reminders and the trend have something to show.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

from liaison_app.core.daily_rules import figures
from liaison_app.core.models.daily import (
    DailyReport,
    ReportTemplate,
    ReportTemplateVersion,
    report_id_for,
    version_id_for,
)
from liaison_app.core.services import daily_templates

#: Days of reporting the demo county has behind it (today included).
DAYS = 21
_ANOMALIES = ("口罩库存仅够两天", "一名员工体温37.6℃，已送县医院排查", "原料运输车辆在高速卡口滞留",
              "食堂未分餐，已当场要求整改")
_NEEDS = ("请协调口罩2000只", "请协调外地员工返岗包车", "请协调原料运输通行证",
          "请协调测温枪10把")


def generate(rng: random.Random, *, ent_rows: list[dict[str, Any]], today: dt.date,
             stamp: dt.datetime, insert: Any) -> int:
    """Insert the templates and ``DAYS`` days of reports; returns how many reports.

    ``insert(model, rows)`` is the demo generator's bulk insert. Call inside its transaction.
    """
    start = today - dt.timedelta(days=DAYS - 1)
    now = dt.datetime.now().replace(second=0, microsecond=0)
    template_rows, version_rows = [], []
    for pos, (name, description, fields) in enumerate(daily_templates.SEEDS):
        tid = daily_templates.seed_id(name)
        active = pos == 0
        template_rows.append(dict(
            id=tid, version=0, created_at=stamp, updated_at=stamp, created_by="",
            deleted=False, name=name, description=description, active=active,
            starts_on=start if active else daily_templates.SEED_FROM, ends_on=None,
            position=pos))
        version_rows.append(dict(
            id=version_id_for(tid, daily_templates.SEED_FROM), version=0, created_at=stamp,
            updated_at=stamp, created_by="", deleted=False, template=tid,
            effective_from=daily_templates.SEED_FROM, audience="all", towns=[],
            enterprise_ids=[], fields=[f.to_json() for f in fields]))
    insert(ReportTemplate, template_rows)
    insert(ReportTemplateVersion, version_rows)
    name, _description, fields = daily_templates.SEEDS[0]
    tid = daily_templates.seed_id(name)
    vid = version_id_for(tid, daily_templates.SEED_FROM)
    rows: list[dict[str, Any]] = []
    for ent in ent_rows:
        employees = ent.get("employees") or 100
        # A few enterprises stopped reporting some days ago; the rest miss a day rarely.
        silent_from = today - dt.timedelta(days=rng.randint(1, 4)) if rng.random() < 0.04 \
            else None
        share = rng.uniform(0.55, 0.95)
        officer = (ent.get("officer_ids") or [""])[0]
        for n in range(DAYS):
            day = start + dt.timedelta(days=n)
            # Today is still going on: a third have not reported yet.
            skip = 0.35 if day == today else 0.04
            if (silent_from is not None and day >= silent_from) or rng.random() < skip:
                continue
            share = min(1.0, share + rng.uniform(-0.01, 0.03))
            people = max(1, int(employees * share))
            values: dict[str, Any] = {
                "people_on_site": people, "returned": int(people * rng.uniform(0, 0.15)),
                "capacity": min(100, int(share * 100) + rng.randint(-5, 5)),
                "disinfected": True, "temperature": True, "masks": True, "canteen": True,
                "fever": False}
            if rng.random() < 0.03:
                values["masks" if rng.random() < 0.5 else "fever"] = rng.random() < 0.5
                values["anomalies"] = rng.choice(_ANOMALIES)
                if rng.random() < 0.6:
                    values["needs"] = rng.choice(_NEEDS)
            fig = figures(fields=fields, values=values)
            late = rng.random() < 0.05 and day < today
            entered = min(now, dt.datetime.combine(day + dt.timedelta(days=1 if late else 0),
                                                   dt.time(rng.randint(8, 11), rng.randint(0, 59))))
            rows.append(dict(
                id=report_id_for(ent["id"], tid, day), version=0, created_at=stamp,
                updated_at=stamp, created_by=officer, deleted=False, enterprise=ent["id"],
                template=tid, template_version=vid, report_date=day, values=values,
                people_on_site=fig.people_on_site, capacity_pct=fig.capacity_pct,
                anomalies=fig.anomalies, late=late, over_confirmed=False, entered_by=officer,
                entered_at=entered, source="entry", request_id=""))
    for begin in range(0, len(rows), 5000):
        insert(DailyReport, rows[begin:begin + 5000])
    return len(rows)
