"""Satisfaction scoring (测评) as plain data: dimensions, scales, a sheet's checks and total.

Kept free of the database and of Qt (its sentences are lazy ``i18n`` messages, plain Python)
so the sync server can check a pushed or phone-submitted
score sheet against its round with the very rules the laptops use. Everything takes the wire
form of the records (plain dicts, column names as on the wire: ``round_id``, ``scores``...).

A round's ``dimensions`` is a list of ``{"key", "label", "weight"}``; its ``scale`` is either
``{"kind": "points", "max": 20}`` (a number from 0 to max per dimension) or
``{"kind": "levels", "levels": [{"label": "非常满意", "points": 100}, ...]}`` (one of the
levels, stored as its points). A round that carries no dimensions or no scale uses the
defaults below. A sheet's ``scores`` maps dimension key to a number, or to ``None`` for
不了解/不适用, which is left out of every average rather than counted as zero.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from liaison_app.core import i18n
from liaison_app.core.i18n import Message

#: The unit key of the service centre itself; other units are department ids.
CENTRE_UNIT = "centre"
ROUND_STATUSES = ("draft", "open", "closed")
METHODS = ("paper", "phone", "in_person")
#: Fewer sheets than this in an anonymous round: no figure is shown for the group.
ANONYMITY_MIN = 3

DEFAULT_DIMENSIONS: tuple[Mapping[str, Any], ...] = (
    {"key": "competence", "label": "业务水平", "weight": 1},
    {"key": "attitude", "label": "服务态度", "weight": 1},
    {"key": "efficiency", "label": "工作效率", "weight": 1},
    {"key": "proxy", "label": "代办手续及解决问题", "weight": 1},
    {"key": "integrity", "label": "廉洁自律", "weight": 1},
)
DEFAULT_SCALE: Mapping[str, Any] = {"kind": "points", "max": 20}
DEFAULT_LEVELS: tuple[Mapping[str, Any], ...] = (
    {"label": "非常满意", "points": 100},
    {"label": "满意", "points": 80},
    {"label": "基本满意", "points": 60},
    {"label": "不满意", "points": 40},
    {"label": "非常不满意", "points": 20},
)


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    weight: float


@dataclass(frozen=True)
class Scale:
    """``kind`` points: any number from 0 to ``max``; levels: one of ``levels``' points."""

    kind: str
    max: float
    #: (label, points), best first; empty for a points scale.
    levels: tuple[tuple[str, float], ...] = ()

    def allows(self, value: float) -> bool:
        if self.kind == "levels":
            return any(value == points for _label, points in self.levels)
        return 0 <= value <= self.max

    def label_of(self, value: float) -> str:
        for label, points in self.levels:
            if points == value:
                return label
        return ""

    def text(self) -> str:
        """"0–20" or "非常满意 100 / 满意 80 / …", for messages and hints."""
        if self.kind == "levels":
            return " / ".join(f"{label} {format_number(points)}" for label, points in
                              self.levels)
        return f"0–{format_number(self.max)}"


def format_number(value: float | None, *, digits: int = 1) -> str:
    """A score as people write it: 18, 17.5, 87.3; "—" for none."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _number(value: Any) -> float | None:
    """A finite JSON number (not a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def dimensions(round_data: Mapping[str, Any]) -> list[Dimension]:
    """The round's dimensions (the five defaults when it names none); malformed entries are
    skipped, a missing or negative weight counts as 1."""
    raw = round_data.get("dimensions") or DEFAULT_DIMENSIONS
    out: list[Dimension] = []
    seen: set[str] = set()
    for item in raw if isinstance(raw, list | tuple) else DEFAULT_DIMENSIONS:
        if not isinstance(item, Mapping):
            continue
        key = item.get("key")
        if not isinstance(key, str) or not key or key in seen:
            continue
        weight = _number(item.get("weight"))
        seen.add(key)
        out.append(Dimension(key, str(item.get("label") or key),
                             weight if weight is not None and weight >= 0 else 1.0))
    return out


def scale(round_data: Mapping[str, Any]) -> Scale:
    """The round's scale (0-20 points when it names none or names one that makes no sense)."""
    raw = round_data.get("scale") or DEFAULT_SCALE
    if not isinstance(raw, Mapping):
        raw = DEFAULT_SCALE
    if raw.get("kind") == "levels":
        levels = []
        for item in raw.get("levels") or ():
            if isinstance(item, Mapping) and _number(item.get("points")) is not None:
                levels.append((str(item.get("label") or ""), float(item["points"])))
        if levels:
            levels.sort(key=lambda lv: -lv[1])
            return Scale("levels", max(p for _l, p in levels), tuple(levels))
    top = _number(raw.get("max")) if raw.get("kind") == "points" else None
    if top is None or top <= 0:
        top = float(DEFAULT_SCALE["max"])
    return Scale("points", top)


def sheet_total(scores: Mapping[str, Any] | None, dims: Sequence[Dimension], sc: Scale
                ) -> float | None:
    """A sheet's overall score on a 0-100 basis: the weighted mean of its answered dimensions,
    each as a share of the scale's top. Dimensions marked 不了解/不适用 (None) are left out
    and the weights of the others renormalised; None when nothing was answered.

    On the default sheet (five dimensions of 0-20 points, equal weights) this is simply the
    sum of the five scores, as the paper sheet adds them up.
    """
    if not scores or sc.max <= 0:
        return None
    num = den = 0.0
    for d in dims:
        value = _number(scores.get(d.key))
        if value is None or d.weight <= 0:
            continue
        num += d.weight * value / sc.max
        den += d.weight
    return 100.0 * num / den if den else None


@dataclass(frozen=True)
class SheetProblem:
    """Why a sheet cannot be stored: a stable ``code``, the dimension or unit it is on, the
    value, and the scale (as text) it had to fit."""

    code: str
    field: str = ""
    value: Any = None
    scale: str = ""

    def message(self) -> Message:
        """The sentence, translated when shown (the app)."""
        value = self.value
        shown = format_number(value) if _number(value) is not None else str(value)
        return MESSAGES[self.code].format(field=self.field, value=shown, scale=self.scale)

    def text_en(self) -> str:
        return self.message().source.format(**self.message().params)

    def text_zh(self) -> str:
        """Chinese without the app's translator (the server's answer to a push)."""
        return _ZH[self.code].format(**self.message().params)


#: One sentence per problem; the app translates them, the server answers in ``_ZH``.
MESSAGES: dict[str, Message] = {
    "round_not_open": i18n.translate("Evaluation", "The round is not open for scoring yet."),
    "round_closed": i18n.translate(
        "Evaluation", "The round is closed; no more sheets can be entered."),
    "wrong_round": i18n.translate("Evaluation", "The sheet belongs to another round."),
    "unit_not_evaluated": i18n.translate(
        "Evaluation", "This unit is not evaluated in the round."),
    "not_invited": i18n.translate("Evaluation", "The enterprise is not invited to the round."),
    "scores_shape": i18n.translate("Evaluation", "The scores could not be read."),
    "unknown_dimension": i18n.translate(
        "Evaluation", "“{field}” is not a dimension of this round."),
    "not_a_number": i18n.translate("Evaluation", "{field}: “{value}” is not a score."),
    "out_of_range": i18n.translate(
        "Evaluation", "{field}: {value} is outside the scale ({scale})."),
    "not_a_level": i18n.translate(
        "Evaluation", "{field}: {value} is not one of the levels ({scale})."),
    "method": i18n.translate("Evaluation", "Choose how the sheet was collected."),
}
_ZH: dict[str, str] = {
    "round_not_open": "本轮测评尚未开放。",
    "round_closed": "本轮测评已结束，不能再录入测评表。",
    "wrong_round": "该测评表属于其他轮次。",
    "unit_not_evaluated": "本轮未测评该单位。",
    "not_invited": "该企业未被邀请参加本轮测评。",
    "scores_shape": "无法读取评分。",
    "unknown_dimension": "“{field}”不是本轮的测评项目。",
    "not_a_number": "{field}：“{value}”不是分数。",
    "out_of_range": "{field}：{value} 超出评分范围（{scale}）。",
    "not_a_level": "{field}：{value} 不是评价等级之一（{scale}）。",
    "method": "请选择测评表的收集方式。",
}


def _as_time(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def sheet_problems(*, sheet: Mapping[str, Any], round_data: Mapping[str, Any],
                   round_id: str = "", dims: Sequence[Dimension] | None = None,
                   sc: Scale | None = None) -> list[SheetProblem]:
    """Everything wrong with ``sheet`` (a score sheet's wire data, merged: the stored record
    with the pushed changes on top) against ``round_data`` (its round's wire data).

    Checked: the round is open (a sheet collected before the round's ``closed_at`` may
    still arrive after it, from a laptop that was offline), the unit is evaluated in the
    round, the enterprise is invited, the method is known, and every score is a number
    within the scale for a dimension of the round (None, 不了解/不适用, is always allowed).
    An empty list means the sheet may be stored. Pure: no database, any thread. ``dims``
    and ``sc``: the round's dimensions and scale when the caller has read them already.
    """
    problems: list[SheetProblem] = []
    if round_id and sheet.get("round_id") not in (None, round_id):
        problems.append(SheetProblem("wrong_round"))
    status = round_data.get("status")
    if status == "closed":
        closed_at = _as_time(round_data.get("closed_at"))
        collected = _as_time(sheet.get("collected_at"))
        if closed_at is None or collected is None or collected > closed_at:
            problems.append(SheetProblem("round_closed"))
    elif status != "open":
        problems.append(SheetProblem("round_not_open"))
    unit = sheet.get("unit")
    units = round_data.get("units") or []
    if not isinstance(unit, str) or unit not in units:
        problems.append(SheetProblem("unit_not_evaluated", field=str(unit)))
    invited = round_data.get("invited") or []
    if sheet.get("enterprise_id") not in invited:
        problems.append(SheetProblem("not_invited"))
    method = sheet.get("method", "paper")
    if method not in METHODS:
        problems.append(SheetProblem("method", value=method))
    problems.extend(score_problems(sheet.get("scores"), round_data, dims=dims, sc=sc))
    return problems


def score_problems(scores: Any, round_data: Mapping[str, Any], *,
                   dims: Sequence[Dimension] | None = None, sc: Scale | None = None
                   ) -> list[SheetProblem]:
    """The problems of a sheet's ``scores`` alone against the round's dimensions and scale
    (``dims`` and ``sc`` as read from ``round_data`` already, if the caller has them)."""
    if scores is None:
        return []
    if not isinstance(scores, Mapping):
        return [SheetProblem("scores_shape")]
    by_key = {d.key: d for d in (dimensions(round_data) if dims is None else dims)}
    sc = scale(round_data) if sc is None else sc
    problems: list[SheetProblem] = []
    for key, value in scores.items():
        dim = by_key.get(key)
        if dim is None:
            problems.append(SheetProblem("unknown_dimension", field=str(key)))
            continue
        if value is None:
            continue
        number = _number(value)
        if number is None:
            problems.append(SheetProblem("not_a_number", field=dim.label, value=value))
        elif not sc.allows(number):
            code = "not_a_level" if sc.kind == "levels" else "out_of_range"
            problems.append(SheetProblem(code, field=dim.label, value=value, scale=sc.text()))
    return problems
