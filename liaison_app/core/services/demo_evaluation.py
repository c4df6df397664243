"""Demo satisfaction evaluation (测评): three rounds a county would have held, with sheets.

A meeting of 31 invited enterprises each half year, scoring the centre and the departments
that serve enterprises most: the oldest two rounds closed and named, the latest open and
anonymous with part of its sheets in. Each unit has its own level that drifts from round to
round, so the trend and the ranking have something to show; a few sheets carry low scores,
不了解/不适用 marks and comments to follow up. Rows are returned for a bulk insert (demo data
is never queued for the server).
"""
from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from liaison_app.core import scoring
from liaison_app.core.models.evaluation import sheet_id

#: Departments of the seeded directory evaluated besides the centre.
UNITS = ("县行政审批服务局", "县自然资源和规划局", "县住房和城乡建设局", "市生态环境局县分局",
         "国网县供电公司", "县市场监督管理局")
MEETING = 31
_COMPLAINTS = (
    "希望进一步压缩审批时限，减少企业跑腿次数。",
    "施工许可办理时间偏长，建议提前介入指导。",
    "用电增容报装流程还可以再简化。",
    "环评审批等待专家评审时间较长，希望加快。",
    "部分事项需要多次提交材料，建议推行容缺受理。",
    "希望定期到企业走访，了解实际困难。",
)
_PRAISE = (
    "工作人员服务热情，问题解决及时，非常满意。",
    "窗口人员业务熟练，一次性告知到位。",
)


def _round(rng: random.Random, *, name: str, held_on: dt.date, units: list[str],
           invited: list[str], status: str, anonymous: bool, stamp: dt.datetime
           ) -> dict[str, Any]:
    return dict(
        id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=stamp,
        updated_at=stamp, created_by="", deleted=False, name=name, held_on=held_on,
        units=units, invited=invited, invite_rule={"added": invited},
        dimensions=[dict(d) for d in scoring.DEFAULT_DIMENSIONS],
        scale=dict(scoring.DEFAULT_SCALE), anonymous=anonymous, status=status,
        phone_enabled=False, notes="", closed_at=(dt.datetime.combine(
            held_on, dt.time(17, 30)) if status == "closed" else None))


def evaluation_rows(rng: random.Random, *, ent_rows: Sequence[Mapping[str, Any]],
                    directory: Mapping[str, str], today: dt.date, stamp: dt.datetime
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(round rows, sheet rows) for the demo county. ``directory``: department name -> id."""
    if not ent_rows:
        return [], []
    units = ["centre", *[directory[name] for name in UNITS if name in directory]]
    keys = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]
    level = {u: rng.uniform(15.0, 18.5) for u in units}
    half = today.month <= 6
    plan = [
        (f"{today.year - 1}年上半年企业满意度测评", 540, "closed", False, 0.9),
        (f"{today.year - 1}年下半年企业满意度测评", 360, "closed", False, 0.9),
        (f"{today.year}年{'上' if half else '下'}半年企业满意度测评", 12, "open", True, 0.55),
    ]
    rounds: list[dict[str, Any]] = []
    sheets: list[dict[str, Any]] = []
    for name, days_back, status, anonymous, returned in plan:
        held = today - dt.timedelta(days=days_back)
        invited = [e["id"] for e in rng.sample(list(ent_rows), min(MEETING, len(ent_rows)))]
        rnd = _round(rng, name=name, held_on=held, units=units, invited=invited,
                     status=status, anonymous=anonymous, stamp=stamp)
        rounds.append(rnd)
        collected = dt.datetime.combine(held, dt.time(10, 0))
        officers = {e["id"]: (e["officer_ids"] or [""])[0] for e in ent_rows}
        for unit in units:
            level[unit] = min(19.5, max(12.0, level[unit] + rng.uniform(-1.2, 1.4)))
        for ent in invited:
            if rng.random() > returned:
                continue
            for unit in ["centre", *rng.sample(units[1:], min(3, len(units) - 1))]:
                scores: dict[str, float | None] = {}
                grumpy = rng.random() < 0.06
                for key in keys:
                    if rng.random() < 0.07:
                        scores[key] = None  # 不了解/不适用
                        continue
                    base = rng.uniform(6, 11) if grumpy else rng.gauss(level[unit], 1.6)
                    scores[key] = int(min(20, max(0, round(base))))
                comment = (rng.choice(_COMPLAINTS) if grumpy or rng.random() < 0.08 else
                           rng.choice(_PRAISE) if rng.random() < 0.05 else "")
                sheets.append(dict(
                    id=sheet_id(round_id=rnd["id"], enterprise_id=ent, unit=unit),
                    version=0, created_at=stamp, updated_at=stamp, created_by="",
                    deleted=False, round=rnd["id"], enterprise=ent, unit=unit, scores=scores,
                    comments=comment, method=rng.choice(("paper", "paper", "in_person")),
                    collected_by=officers.get(ent, ""), collected_at=collected, request_id=""))
    return rounds, sheets
