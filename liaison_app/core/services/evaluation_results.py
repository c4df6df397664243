"""Results of satisfaction evaluation: averages, distribution, response rate, ranking, trend,
the low scores and comments to follow up, and the Excel and printed reports.

How the numbers are made (the same for the 测评 page, the Excel file, the printed 测评结果通报
and ``liaison report satisfaction``, which all read ``round_results``):

- a sheet's **total** is on a 0-100 basis: the weighted mean of its answered dimensions, each
  as a share of the scale's top (``scoring.sheet_total``; on the default 5 x 20-point sheet it
  is the sum of the five scores). 不了解/不适用 is left out, never counted as zero;
- a group's **total** is the mean of its sheets' totals; a **dimension average** is the mean
  of the answers to it, in the scale's own points;
- **response rate**: sheets received for a unit / enterprises invited (per round: enterprises
  that returned at least one sheet / invited);
- **distribution**: sheets by total, in the bands 90-100, 80-90, 70-80, 60-70 and under 60;
- **low**: a sheet whose total is under 60 or that gives any dimension under 60% of the top.
- In an **anonymous** round no group of fewer than ``scoring.ANONYMITY_MIN`` sheets shows a
  figure, and nothing names the enterprise behind a score or a comment.

The aggregates are computed by SQLite over the JSON of the sheets (one pass per round), so a
round of thousands of sheets takes milliseconds, not a Python loop over every sheet. The
trend keeps each round's per-unit totals (``evaluation_round_totals``, schema 15), which the
database forgets by trigger whenever a sheet or the round's weights change, so it sums again
only the rounds that changed.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee

from liaison_app.core import i18n, scoring, writer
from liaison_app.core.db import DRIVER_ERRORS, database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models import Enterprise
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services.errors import NotFound, ServiceError
from liaison_app.core.services.officers import CENTRE, current_role

log = logging.getLogger(__name__)
GROUPINGS = ("unit", "dimension", "town")
#: Said under the figures wherever they are shown (page, command line).
ANONYMOUS_NOTE = i18n.translate(
    "Evaluation", "Anonymous round: * marks a group of fewer than 3 sheets, whose figures are "
                  "not shown.")
PARTIAL_NOTE = i18n.translate(
    "Evaluation", "This computer holds the sheets of your enterprises only; the centre's "
                  "figures cover the whole county.")
#: Lower bounds of the distribution bands, best first.
BANDS = (90.0, 80.0, 70.0, 60.0, 0.0)
BAND_LABELS = ("90–100", "80–90", "70–80", "60–70", "<60")
#: A total under this, or a dimension under this share of the top, is a low score.
LOW_TOTAL = 60.0
LOW_SHARE = 0.6
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_]{1,40}$")


@dataclass
class _Acc:
    """Sums and counts of one group, combinable (the total row adds up the groups)."""

    sheets: int = 0
    dim_sum: dict[str, float] = field(default_factory=dict)
    dim_n: dict[str, int] = field(default_factory=dict)
    dim_na: dict[str, int] = field(default_factory=dict)
    total_sum: float = 0.0
    total_n: int = 0
    bands: list[int] = field(default_factory=lambda: [0] * len(BANDS))
    low: int = 0

    def add(self, other: _Acc) -> None:
        self.sheets += other.sheets
        for k, v in other.dim_sum.items():
            self.dim_sum[k] = self.dim_sum.get(k, 0.0) + v
        for k, v in other.dim_n.items():
            self.dim_n[k] = self.dim_n.get(k, 0) + v
        for k, v in other.dim_na.items():
            self.dim_na[k] = self.dim_na.get(k, 0) + v
        self.total_sum += other.total_sum
        self.total_n += other.total_n
        self.bands = [a + b for a, b in zip(self.bands, other.bands, strict=True)]
        self.low += other.low


def _aggregate(rnd: EvaluationRound, *, by_town: bool = False, totals_only: bool = False
               ) -> dict[tuple[str, ...], _Acc]:
    """Sums and counts of the round's live sheets grouped by unit (and by the town of the
    enterprise when ``by_town``), in one SQL statement.

    Parsing the JSON is what costs, so each score is extracted once into a materialised
    table, the sheet's total is computed once from those columns into a second one, and
    only then is everything summed (measured: a third of the time of repeating the
    extraction in every expression). ``totals_only`` (the trend) skips the per-dimension
    sums, the bands and the low count."""
    wire = rnd.wire_fields()
    dims = scoring.dimensions(wire)
    sc = scoring.scale(wire)
    if not all(_SAFE_KEY.match(d.key) for d in dims):
        return _aggregate_python(rnd, dims, sc, by_town=by_town)
    top = float(sc.max)
    n = len(dims)
    extract = ", ".join(f"json_extract(s.scores, '$.{d.key}') AS v{i}"
                        for i, d in enumerate(dims))
    num = " + ".join(f"{d.weight!r} * COALESCE(v{i}, 0)" for i, d in enumerate(dims))
    den = " + ".join(f"{d.weight!r} * (v{i} IS NOT NULL)" for i, d in enumerate(dims))
    tot = f"CASE WHEN ({den}) > 0 THEN 100.0 * ({num}) / ({top!r} * ({den})) END"
    per_dim = "".join(f"SUM(v{i}), COUNT(v{i}), " for i in range(n))
    bands = ", ".join(
        f"SUM(tot >= {lo!r})" if i == 0 else f"SUM(tot >= {lo!r} AND tot < {BANDS[i - 1]!r})"
        for i, lo in enumerate(BANDS))
    low_dim = "".join(f" OR v{i} < {LOW_SHARE * top!r}" for i in range(n))
    if totals_only:
        per_dim, bands, low_dim = "", "0, " * (len(BANDS) - 1) + "0", ""
    keys = "unit, town" if by_town else "unit"
    town, join = (("e.town AS town, ", "JOIN enterprise e ON e.id = s.enterprise_id ")
                  if by_town else ("", ""))
    sql = (f"WITH x AS MATERIALIZED (SELECT s.unit AS unit, {town}{extract} "
           f"FROM score_sheet s {join}WHERE s.round_id = ? AND s.deleted = 0), "
           f"y AS MATERIALIZED (SELECT *, {tot} AS tot FROM x) "
           f"SELECT {keys}, COUNT(*), {per_dim}SUM(tot), COUNT(tot), {bands}, "
           f"{'0' if totals_only else f'SUM(tot < {LOW_TOTAL!r}{low_dim})'} "
           f"FROM y GROUP BY {keys}")
    out: dict[tuple[str, ...], _Acc] = {}
    width = 2 if by_town else 1
    for row in database_proxy.execute_sql(sql, (rnd.id,)).fetchall():
        key = tuple(str(k or "") for k in row[:width])
        rest = row[width:]
        acc = _Acc(sheets=int(rest[0]))
        for i, d in enumerate([] if totals_only else dims):
            total, count = rest[1 + 2 * i:3 + 2 * i]
            acc.dim_sum[d.key] = float(total or 0)
            acc.dim_n[d.key] = int(count or 0)
            # Marked 不了解/不适用 or left blank: either way not an answer, never a zero.
            acc.dim_na[d.key] = acc.sheets - acc.dim_n[d.key]
        pos = 1 if totals_only else 1 + 2 * n
        acc.total_sum = float(rest[pos] or 0)
        acc.total_n = int(rest[pos + 1] or 0)
        acc.bands = [int(v or 0) for v in rest[pos + 2:pos + 2 + len(BANDS)]]
        acc.low = int(rest[pos + 2 + len(BANDS)] or 0)
        out[key] = acc
    return out


def _responded(round_id: str) -> dict[str, int]:
    """Town -> enterprises that returned at least one sheet (an enterprise is in one town,
    so the towns add up to the round's count)."""
    sql = ("SELECT e.town, COUNT(DISTINCT s.enterprise_id) FROM score_sheet s "
           "JOIN enterprise e ON e.id = s.enterprise_id "
           "WHERE s.round_id = ? AND s.deleted = 0 GROUP BY e.town")
    return {town or "": int(n) for town, n in
            database_proxy.execute_sql(sql, (round_id,)).fetchall()}


def _aggregate_python(rnd: EvaluationRound, dims: Sequence[scoring.Dimension],
                      sc: scoring.Scale, *, by_town: bool) -> dict[tuple[str, ...], _Acc]:
    """The same sums for a round whose dimension keys cannot be put into a JSON path."""
    query = (ScoreSheet.select(ScoreSheet.unit, Enterprise.town, ScoreSheet.scores)
             .join(Enterprise, on=(ScoreSheet.enterprise == Enterprise.id))
             .where((ScoreSheet.round == rnd.id) & (ScoreSheet.deleted == False)))  # noqa: E712
    out: dict[tuple[str, ...], _Acc] = {}
    for unit, town, scores in query.tuples():
        key = (unit, town or "") if by_town else (unit,)
        acc = out.setdefault(key, _Acc())
        acc.sheets += 1
        scores = scores or {}
        low = False
        for d in dims:
            value = scores.get(d.key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                acc.dim_sum[d.key] = acc.dim_sum.get(d.key, 0.0) + value
                acc.dim_n[d.key] = acc.dim_n.get(d.key, 0) + 1
                low = low or value < LOW_SHARE * sc.max
            else:
                acc.dim_na[d.key] = acc.dim_na.get(d.key, 0) + 1
        total = scoring.sheet_total(scores, dims, sc)
        if total is not None:
            acc.total_sum += total
            acc.total_n += 1
            acc.bands[_band(total)] += 1
            low = low or total < LOW_TOTAL
        acc.low += int(low)
    return out


def _band(total: float) -> int:
    for i, lo in enumerate(BANDS):
        if total >= lo:
            return i
    return len(BANDS) - 1


@dataclass(frozen=True)
class GroupResult:
    """One row of a results table: a unit, a town or the whole round."""

    key: str
    name: str
    #: Enterprises invited (for a unit: each may return one sheet for it).
    invited: int
    sheets: int
    #: Enterprises that returned at least one sheet.
    responded: int
    #: Dimension key -> mean answer in the scale's points (None: none, or hidden).
    averages: dict[str, float | None]
    answers: dict[str, int]
    not_applicable: dict[str, int]
    #: Mean sheet total, 0-100.
    total: float | None
    bands: tuple[int, ...]
    low: int
    #: An anonymous round's group too small to show.
    hidden: bool = False
    rank: int | None = None

    @property
    def response_rate(self) -> float | None:
        return self.sheets / self.invited if self.invited else None

    @property
    def enterprise_rate(self) -> float | None:
        return self.responded / self.invited if self.invited else None


@dataclass(frozen=True)
class DimensionResult:
    key: str
    label: str
    weight: float
    answers: int
    not_applicable: int
    #: Mean answer in the scale's points, and as a share of the top (0-100).
    average: float | None
    percent: float | None
    hidden: bool = False


@dataclass(frozen=True)
class RoundResults:
    round_id: str
    name: str
    held_on: dt.date
    status: str
    anonymous: bool
    dimensions: tuple[scoring.Dimension, ...]
    scale: scoring.Scale
    invited: int
    #: Enterprises that returned at least one sheet, and all sheets received.
    responded: int
    sheets: int
    units: tuple[GroupResult, ...]
    overall: GroupResult
    by_dimension: tuple[DimensionResult, ...]
    towns: tuple[GroupResult, ...]
    #: True on a device that holds only some enterprises' sheets (an officer's laptop).
    partial: bool = False

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.invited if self.invited else None


def _result(key: str, name: str, acc: _Acc, *, invited: int, dims: Sequence[scoring.Dimension],
            hide: bool, responded: int | None = None) -> GroupResult:
    """``responded``: enterprises with a sheet in the group (for a unit: its sheets)."""
    responded = acc.sheets if responded is None else responded
    if hide:
        return GroupResult(key, name, invited, acc.sheets, responded,
                           {d.key: None for d in dims}, {d.key: 0 for d in dims},
                           {d.key: 0 for d in dims}, None, (0,) * len(BANDS), 0, hidden=True)
    averages = {d.key: (acc.dim_sum.get(d.key, 0.0) / acc.dim_n[d.key]
                        if acc.dim_n.get(d.key) else None) for d in dims}
    return GroupResult(key, name, invited, acc.sheets, responded, averages,
                       {d.key: acc.dim_n.get(d.key, 0) for d in dims},
                       {d.key: acc.dim_na.get(d.key, 0) for d in dims},
                       acc.total_sum / acc.total_n if acc.total_n else None, tuple(acc.bands),
                       acc.low)


def _ranked(rows: list[GroupResult]) -> list[GroupResult]:
    """Best total first; equal totals (to the shown decimal) share a rank (1, 1, 3)."""
    scored = sorted((r for r in rows if r.total is not None),
                    key=lambda r: (-round(r.total or 0, 1), r.name))
    out: list[GroupResult] = []
    previous: float | None = None
    rank = 0
    for i, r in enumerate(scored, start=1):
        shown = round(r.total or 0, 1)
        if shown != previous:
            rank, previous = i, shown
        out.append(GroupResult(**{**r.__dict__, "rank": rank}))
    rest = sorted((r for r in rows if r.total is None), key=lambda r: r.name)
    return out + rest


def hidden_for(rnd: EvaluationRound, sheets: int) -> bool:
    """Whether a group of ``sheets`` sheets may not show figures in this round."""
    return bool(rnd.anonymous) and sheets < scoring.ANONYMITY_MIN


def round_results(*, round_id: str) -> RoundResults:
    """Every figure of a round. Any thread (reads only)."""
    rnd = ev.get_round(record_id=round_id)
    wire = rnd.wire_fields()
    dims = scoring.dimensions(wire)
    sc = scoring.scale(wire)
    names = ev.unit_names()
    invited = list(rnd.invited or [])
    by_unit_town = _aggregate(rnd, by_town=True)
    per_unit: dict[str, _Acc] = {}
    per_town: dict[str, _Acc] = {}
    overall = _Acc()
    for (unit, town), acc in by_unit_town.items():
        per_unit.setdefault(unit, _Acc()).add(acc)
        per_town.setdefault(town, _Acc()).add(acc)
        overall.add(acc)
    unit_rows = [
        _result(u, names.get(u, u), per_unit.get(u, _Acc()), invited=len(invited), dims=dims,
                hide=hidden_for(rnd, per_unit.get(u, _Acc()).sheets))
        for u in (rnd.units or [])]
    for u in per_unit:  # sheets of a unit taken out of the round since (kept, shown apart)
        if u not in (rnd.units or []):
            unit_rows.append(_result(u, names.get(u, u), per_unit[u], invited=0, dims=dims,
                                     hide=hidden_for(rnd, per_unit[u].sheets)))
    town_invited: dict[str, int] = {}
    held = 0
    for (town,) in (Enterprise.select(Enterprise.town)
                    .where(Enterprise.id.in_(invited)).tuples()) if invited else ():
        town_invited[town or ""] = town_invited.get(town or "", 0) + 1
        held += 1
    no_town = i18n.translate("Evaluation", "(no town)").text()
    responded = _responded(rnd.id)
    towns = [_result(t, t or no_town, per_town.get(t, _Acc()), invited=n, dims=dims,
                     hide=hidden_for(rnd, per_town.get(t, _Acc()).sheets),
                     responded=responded.get(t, 0))
             for t, n in town_invited.items()]
    towns.sort(key=lambda r: (-r.sheets, r.name))
    total_row = _result("", i18n.translate("Evaluation", "All units").text(), overall,
                        invited=len(invited), dims=dims,
                        hide=hidden_for(rnd, overall.sheets),
                        responded=sum(responded.values()))
    dim_rows = []
    for d in dims:
        n = overall.dim_n.get(d.key, 0)
        avg = overall.dim_sum.get(d.key, 0.0) / n if n else None
        hide = hidden_for(rnd, overall.sheets)
        dim_rows.append(DimensionResult(
            d.key, d.label, d.weight, 0 if hide else n,
            0 if hide else overall.dim_na.get(d.key, 0), None if hide else avg,
            None if hide or avg is None else 100.0 * avg / sc.max, hidden=hide))
    return RoundResults(
        rnd.id, rnd.name, rnd.held_on, rnd.status, rnd.anonymous, tuple(dims), sc,
        len(invited), sum(responded.values()), overall.sheets, tuple(_ranked(unit_rows)),
        total_row, tuple(dim_rows), tuple(towns),
        partial=current_role() != CENTRE and held < len(invited))


# -- trend -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TrendPoint:
    round_id: str
    name: str
    held_on: dt.date
    #: Mean total (0-100) of the unit in that round; None when not evaluated or hidden.
    total: float | None
    sheets: int


@dataclass(frozen=True)
class Trend:
    """Mean totals per round, oldest round first: overall and per unit."""

    rounds: tuple[tuple[str, str, dt.date], ...]
    overall: tuple[TrendPoint, ...]
    units: dict[str, tuple[TrendPoint, ...]]
    unit_names: dict[str, str]


def trend(*, round_ids: Sequence[str] | None = None, limit: int = 12) -> Trend:
    """Each round's mean total overall and per unit, for the ``limit`` latest rounds that
    are open or closed (or the rounds given). Any thread (it may queue a write of the
    totals it had to work out, for the next call)."""
    # One snapshot: the rounds, their kept totals and what is worked out again agree.
    with database_proxy.atomic(lock_type="DEFERRED"):
        query = EvaluationRound.select().where(EvaluationRound.deleted == False)  # noqa: E712
        if round_ids is not None:
            query = query.where(EvaluationRound.id.in_(list(round_ids)))
        else:
            query = query.where(EvaluationRound.status != "draft")
        rounds = list(query.order_by(EvaluationRound.held_on.desc(), EvaluationRound.name)
                      .limit(limit))
        rounds.reverse()
        totals, fresh = _unit_totals(rounds)
    if fresh:
        _keep_totals(fresh)
    per_round = list(zip(rounds, totals, strict=True))
    names = ev.unit_names()
    overall: list[TrendPoint] = []
    seen: dict[str, None] = {}
    for rnd, per_unit in per_round:
        total = _Acc()
        for unit, acc in per_unit.items():
            total.add(acc)
            seen.setdefault(unit)
        overall.append(TrendPoint(rnd.id, rnd.name, rnd.held_on,
                                  _shown_total(rnd, total), total.sheets))
    units = {unit: tuple(TrendPoint(rnd.id, rnd.name, rnd.held_on,
                                    _shown_total(rnd, per_unit.get(unit, _Acc())),
                                    per_unit.get(unit, _Acc()).sheets)
                         for rnd, per_unit in per_round) for unit in seen}
    return Trend(tuple((r.id, r.name, r.held_on) for r in rounds), tuple(overall), units,
                 {u: names.get(u, u) for u in units})


def _unit_totals(rounds: Sequence[EvaluationRound]
                 ) -> tuple[list[dict[str, _Acc]], list[tuple[str, int, str]]]:
    """Each round's sheets and the sum and count of their totals, per unit: as kept in
    ``evaluation_round_totals`` (schema 15), or worked out from the sheets when a change
    since has made the database forget them; with the latter as (round, generation, JSON)
    to keep. Call it inside a read transaction, so the generation read and the sheets summed
    are of one moment."""
    kept: dict[str, tuple[int, str | None]] = {}
    ids = [r.id for r in rounds]
    if ids:
        marks = ", ".join("?" for _ in ids)
        sql = ("SELECT round_id, generation, totals FROM evaluation_round_totals "
               f"WHERE round_id IN ({marks})")
        kept = {rid: (gen, text) for rid, gen, text in
                database_proxy.execute_sql(sql, ids).fetchall()}
    out: list[dict[str, _Acc]] = []
    fresh: list[tuple[str, int, str]] = []
    for rnd in rounds:
        generation, text = kept.get(rnd.id, (0, None))
        if text is not None:
            out.append({unit: _Acc(sheets=int(n), total_sum=float(s), total_n=int(c))
                        for unit, (n, s, c) in json.loads(text).items()})
            continue
        per_unit = {key[0]: acc for key, acc in _aggregate(rnd, totals_only=True).items()}
        out.append(per_unit)
        # repr of a float reads back as the same float: kept totals equal fresh ones exactly.
        fresh.append((rnd.id, generation, json.dumps(
            {u: [a.sheets, a.total_sum, a.total_n] for u, a in per_unit.items()})))
    return out, fresh


def _keep_totals(fresh: Sequence[tuple[str, int, str]]) -> None:
    """Store totals worked out at ``generation``; a round changed since (its generation
    moved on) keeps none, and the next trend works it out again."""

    def store() -> None:
        for round_id, generation, text in fresh:
            database_proxy.execute_sql(
                "INSERT INTO evaluation_round_totals (round_id, generation, totals) "
                "VALUES (?, ?, ?) ON CONFLICT (round_id) DO UPDATE SET totals = excluded.totals "
                "WHERE evaluation_round_totals.generation = excluded.generation",
                (round_id, generation, text))

    try:
        writer.write_soon(store)
    except (RuntimeError, peewee.PeeweeException, *DRIVER_ERRORS):
        # Only a saving for next time: a read-only or busy database still gets its trend.
        log.warning("could not keep the evaluation totals", exc_info=True)


def _shown_total(rnd: EvaluationRound, acc: _Acc) -> float | None:
    if not acc.total_n or hidden_for(rnd, acc.sheets):
        return None
    return acc.total_sum / acc.total_n


# -- follow-up -------------------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUp:
    """A low score or a comment to follow up. In an anonymous round ``sheet_id`` and
    ``enterprise`` are empty: the list shows what was said, never who said it."""

    sheet_id: str
    unit: str
    unit_name: str
    enterprise: str
    total: float | None
    #: "服务态度 8" for each dimension under the low mark.
    low_dimensions: tuple[str, ...]
    comments: str
    low: bool
    request_id: str


def follow_ups(*, round_id: str, unit: str = "") -> list[FollowUp]:
    """Sheets with a low score or a comment, lowest total first. Any thread."""
    rnd = ev.get_round(record_id=round_id)
    wire = rnd.wire_fields()
    dims = scoring.dimensions(wire)
    sc = scoring.scale(wire)
    names = ev.unit_names()
    query = (ScoreSheet.select(ScoreSheet.id, ScoreSheet.unit, ScoreSheet.scores,
                               ScoreSheet.comments, ScoreSheet.request_id, Enterprise.name)
             .join(Enterprise, on=(ScoreSheet.enterprise == Enterprise.id))
             .where((ScoreSheet.round == round_id) & (ScoreSheet.deleted == False)))  # noqa: E712
    if unit:
        query = query.where(ScoreSheet.unit == unit)
    counts: dict[str, int] = {}
    items: list[FollowUp] = []
    for sid, u, scores, comments, request_id, ent_name in query.tuples():
        counts[u] = counts.get(u, 0) + 1
        scores = scores or {}
        total = scoring.sheet_total(scores, dims, sc)
        lows = tuple(f"{d.label} {ev.format_number(scores[d.key])}" for d in dims
                     if isinstance(scores.get(d.key), (int, float))
                     and not isinstance(scores.get(d.key), bool)
                     and scores[d.key] < LOW_SHARE * sc.max)
        low = bool(lows) or (total is not None and total < LOW_TOTAL)
        if not low and not (comments or "").strip():
            continue
        if rnd.anonymous:
            sid, ent_name, request_id = "", "", ""
        items.append(FollowUp(sid, u, names.get(u, u), ent_name, total, lows,
                              (comments or "").strip(), low, request_id))
    if rnd.anonymous:
        items = [i for i in items if counts.get(i.unit, 0) >= scoring.ANONYMITY_MIN]
        # The order the sheets were stored in could hint at who wrote them: sort by content.
        items.sort(key=lambda i: (i.unit_name, i.total if i.total is not None else 101,
                                  i.comments))
    else:
        items.sort(key=lambda i: (i.total if i.total is not None else 101, i.unit_name,
                                  i.enterprise))
    return items


def request_from_sheet(*, sheet_id: str, role: str | None = None,
                       now: dt.datetime | None = None) -> Any:
    """Turn a sheet's complaint into a request (诉求) of its enterprise, dispatched to the
    evaluated department (the centre handles its own). The centre only; not in an anonymous
    round, where it would tell who complained. Database worker thread."""
    from liaison_app.core.services import requests as rq

    if (role or current_role()) != CENTRE:
        raise ServiceError(i18n.translate(
            "Evaluation", "Only the service centre turns evaluation comments into requests."))
    with database_proxy.atomic():
        sheet = ScoreSheet.get_or_none(ScoreSheet.id == sheet_id)
        if sheet is None or sheet.deleted:
            raise NotFound(i18n.translate("Evaluation", "The sheet no longer exists."))
        rnd = ev.get_round(record_id=sheet.round_id)
        if rnd.anonymous:
            raise ServiceError(i18n.translate(
                "Evaluation", "The round is anonymous: a request would tell who complained. "
                              "Ask the enterprises to raise the matter as a request themselves."))
        if sheet.request_id:
            raise ServiceError(i18n.translate(
                "Evaluation", "This comment has already been made a request."))
        wire = rnd.wire_fields()
        dims = scoring.dimensions(wire)
        sc = scoring.scale(wire)
        names = ev.unit_names()
        scores = sheet.scores or {}
        lows = [f"{d.label} {ev.format_number(scores[d.key])}/{ev.format_number(sc.max)}"
                for d in dims if isinstance(scores.get(d.key), (int, float))
                and scores[d.key] < LOW_SHARE * sc.max]
        unit_name = names.get(sheet.unit, sheet.unit)
        text = f"满意度测评意见（{rnd.name}，被测评单位：{unit_name}）"
        if sheet.comments.strip():
            text += f"：{sheet.comments.strip()}"
        if lows:
            text += f"\n低分项目：{'，'.join(lows)}"
        req = rq.save(data=rq.RequestInput(enterprise_id=sheet.enterprise_id, channel="centre",
                                           category="other", description=text), now=now)
        if sheet.unit != scoring.CENTRE_UNIT and sheet.unit in names:
            req = rq.perform(record_id=req.id, action="dispatch",
                             data=rq.ActionInput(lead_department_id=sheet.unit,
                                                 note="满意度测评意见转办"), now=now)
        sheet.request_id = req.id
        sheet.save()
    return req


# -- tables for the page, the Excel file, the printed report and the command line ----------
@dataclass(frozen=True)
class Table:
    """Plain text cells (numbers formatted once, here) so every output shows the same."""

    title: Message
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


#: Column headings, translated when a table is made.
_HEAD: dict[str, Message] = {
    "Rank": i18n.translate("Evaluation", "Rank"),
    "Unit": i18n.translate("Evaluation", "Unit"),
    "Sheets": i18n.translate("Evaluation", "Sheets"),
    "Response rate": i18n.translate("Evaluation", "Response rate"),
    "Total": i18n.translate("Evaluation", "Total"),
    "Dimension": i18n.translate("Evaluation", "Dimension"),
    "Weight": i18n.translate("Evaluation", "Weight"),
    "Answers": i18n.translate("Evaluation", "Answers"),
    "n/a": i18n.translate("Evaluation", "n/a"),
    "Average": i18n.translate("Evaluation", "Average"),
    "Out of 100": i18n.translate("Evaluation", "Out of 100"),
    "Town/street": i18n.translate("Evaluation", "Town/street"),
    "Invited": i18n.translate("Evaluation", "Invited"),
    "Responded": i18n.translate("Evaluation", "Responded"),
    "Low scores": i18n.translate("Evaluation", "Low scores"),
    "All units": i18n.translate("Evaluation", "All units"),
    "Follow-up": i18n.translate("Evaluation", "Follow-up"),
    "Enterprise": i18n.translate("Evaluation", "Enterprise"),
    "Comments": i18n.translate("Evaluation", "Comments"),
}


def _h(label: str) -> str:
    return _HEAD[label].text()


def _unit_rate(res: RoundResults, row: GroupResult) -> str:
    """A unit's sheets per invited enterprise; for the whole round, enterprises that
    responded per invited (every enterprise may return a sheet for each unit)."""
    return percent(res.response_rate if row is res.overall else row.response_rate)


def _score(value: float | None, hidden: bool) -> str:
    return "*" if hidden else ev.format_number(value)


def unit_table(res: RoundResults) -> Table:
    header = (_h("Rank"), _h("Unit"), _h("Sheets"), _h("Response rate"),
              *[d.label for d in res.dimensions], _h("Total"))
    rows = []
    for r in [*res.units, res.overall]:
        rows.append((str(r.rank) if r.rank else "", r.name, str(r.sheets), _unit_rate(res, r),
                     *[_score(r.averages.get(d.key), r.hidden) for d in res.dimensions],
                     _score(r.total, r.hidden)))
    return Table(i18n.translate("Evaluation", "By unit"), header, tuple(rows))


def dimension_table(res: RoundResults) -> Table:
    header = (_h("Dimension"), _h("Weight"), _h("Answers"), _h("n/a"), _h("Average"),
              _h("Out of 100"))
    rows = tuple((d.label, ev.format_number(d.weight, digits=2), str(d.answers),
                  str(d.not_applicable), _score(d.average, d.hidden),
                  _score(d.percent, d.hidden)) for d in res.by_dimension)
    return Table(i18n.translate("Evaluation", "By dimension"), header, rows)


def town_table(res: RoundResults) -> Table:
    header = (_h("Town/street"), _h("Invited"), _h("Responded"), _h("Sheets"),
              _h("Response rate"), _h("Total"))
    rows = tuple((r.name, str(r.invited), str(r.responded), str(r.sheets),
                  percent(r.enterprise_rate), _score(r.total, r.hidden)) for r in res.towns)
    return Table(i18n.translate("Evaluation", "By town/street"), header, rows)


def distribution_table(res: RoundResults) -> Table:
    header = (_h("Unit"), *BAND_LABELS, _h("Low scores"))
    rows = tuple((r.name, *[("*" if r.hidden else str(n)) for n in r.bands],
                  "*" if r.hidden else str(r.low)) for r in [*res.units, res.overall])
    return Table(i18n.translate("Evaluation", "Distribution of sheet totals"), header, rows)


def trend_table(tr: Trend) -> Table:
    header = (_h("Unit"), *[f"{name} ({held.isoformat()})" for _i, name, held in tr.rounds])
    rows = [(_h("All units"), *[ev.format_number(p.total) for p in tr.overall])]
    for unit, points in sorted(tr.units.items(), key=lambda kv: tr.unit_names[kv[0]]):
        rows.append((tr.unit_names[unit], *[ev.format_number(p.total) for p in points]))
    return Table(i18n.translate("Evaluation", "Trend of the total across rounds"), header,
                 tuple(rows))


def table_for(res: RoundResults, by: str) -> Table:
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    return {"unit": unit_table, "dimension": dimension_table, "town": town_table}[by](res)


def summary_line(res: RoundResults) -> Message:
    return i18n.translate(
        "Evaluation", "{name} ({date}): {invited} enterprises invited, {responded} responded "
                      "({rate}), {sheets} sheets; total {total} of 100.").format(
        name=res.name, date=res.held_on.isoformat(), invited=res.invited,
        responded=res.responded, rate=percent(res.response_rate), sheets=res.sheets,
        total=_score(res.overall.total, res.overall.hidden))


def export_xlsx(*, results: RoundResults, trend_data: Trend, items: Sequence[FollowUp],
                path: str) -> None:
    """Write the round's tables to an Excel file: figures as numbers, rates as percentages,
    and hidden figures of an anonymous round left empty. Background thread."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = True
    tables = [unit_table(results), dimension_table(results), town_table(results),
              distribution_table(results), trend_table(trend_data)]
    for table in tables:
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = _sheet_title(table.title.text())
        sheet.append([summary_line(results).text()])
        sheet.append(list(table.header))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, float) and str(row[cell.column - 1]).endswith("%"):
                    cell.number_format = "0.0%"
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].width = 24
    follow = book.create_sheet(_sheet_title(_h("Follow-up")))
    follow.append([_h("Unit"), _h("Enterprise"), _h("Total"), _h("Low scores"),
                   _h("Comments")])
    for cell in follow[1]:
        cell.font = Font(bold=True)
    for item in items:
        follow.append([item.unit_name, item.enterprise, _cell(ev.format_number(item.total)),
                       "，".join(item.low_dimensions), item.comments])
    follow.column_dimensions["A"].width = 24
    follow.column_dimensions["B"].width = 30
    follow.column_dimensions["E"].width = 60
    book.save(path)


def _sheet_title(text: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", "-", text)[:31]


def _cell(text: str) -> Any:
    """A formatted figure back as a number for Excel ("87.5" -> 87.5, "40.0%" -> 0.4)."""
    if text in ("—", "*", ""):
        return None if text != "" else ""
    try:
        if text.endswith("%"):
            return round(float(text[:-1]) / 100, 4)
        return int(text) if text.isdigit() else float(text)
    except ValueError:
        return text


# -- the printed report ----------------------------------------------------------------------
def _issuer() -> str:
    from liaison_app.core.services import county_identity

    return county_identity.load().organisation


def report_data(*, round_id: str, organisation: str = "") -> Any:
    """The 测评结果通报 as the form prints it (Chinese, as every printed form)."""
    from liaison_app.forms import data as fd

    res = round_results(round_id=round_id)
    tr = trend()
    items = follow_ups(round_id=round_id)
    zh = _chinese_tables(res, tr)
    anonymous_note = ("本轮为匿名测评：结果只以汇总形式公布；不足 3 份测评表的单位不公布分数（以“*”表示）。"
                      if res.anonymous else "")
    comments = tuple(
        (f"{i.unit_name}" + (f"（{i.enterprise}）" if i.enterprise else ""),
         ev.format_number(i.total), "，".join(i.low_dimensions), i.comments) for i in items)
    return fd.EvaluationReportData(
        round_name=res.name, held_on=res.held_on,
        organisation=organisation or _issuer(),
        summary=(f"本轮测评于 {res.held_on.year} 年 {res.held_on.month} 月 {res.held_on.day} 日"
                 f"进行，共邀请 {res.invited} 家企业，{res.responded} 家企业参加测评，参评率 "
                 f"{percent(res.response_rate)}，收回测评表 {res.sheets} 份；"
                 f"总体满意度得分 {_score(res.overall.total, res.overall.hidden)} 分（百分制）。"),
        note=anonymous_note, tables=zh, follow_ups=comments)


def _chinese_tables(res: RoundResults, tr: Trend) -> tuple[Any, ...]:
    from liaison_app.forms import data as fd

    units = [(str(r.rank or ""), r.name, str(r.sheets), _unit_rate(res, r),
              *[_score(r.averages.get(d.key), r.hidden) for d in res.dimensions],
              _score(r.total, r.hidden)) for r in [*res.units, res.overall]]
    dims = [(d.label, ev.format_number(d.weight, digits=2), str(d.answers),
             str(d.not_applicable), _score(d.average, d.hidden), _score(d.percent, d.hidden))
            for d in res.by_dimension]
    dist = [(r.name, *[("*" if r.hidden else str(n)) for n in r.bands],
             "*" if r.hidden else str(r.low)) for r in [*res.units, res.overall]]
    towns = [(r.name, str(r.invited), str(r.responded), str(r.sheets),
              percent(r.enterprise_rate), _score(r.total, r.hidden)) for r in res.towns]
    trend_rows = [("全部单位", *[ev.format_number(p.total) for p in tr.overall])]
    trend_rows += [(tr.unit_names[u], *[ev.format_number(p.total) for p in pts])
                   for u, pts in sorted(tr.units.items(), key=lambda kv: tr.unit_names[kv[0]])]
    return (
        fd.ReportTable("一、各单位得分及排名",
                       ("排名", "被测评单位", "测评表", "参评率",
                        *[d.label for d in res.dimensions], "总分"), tuple(units)),
        fd.ReportTable("二、各测评项目得分", ("测评项目", "权重", "评价数", "不了解", "平均分",
                                      "百分制"), tuple(dims)),
        fd.ReportTable("三、得分分布", ("被测评单位", *BAND_LABELS, "低分"), tuple(dist)),
        fd.ReportTable("四、各镇街参评情况", ("镇街", "邀请", "参评", "测评表", "参评率", "总分"),
                       tuple(towns)),
        fd.ReportTable("五、历次测评总分趋势",
                       ("被测评单位", *[f"{name}" for _i, name, _d in tr.rounds]),
                       tuple(trend_rows)),
    )
