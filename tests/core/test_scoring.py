"""The pure rules of a score sheet (shared with the server): checks against its round, totals."""
from __future__ import annotations

import pytest

from liaison_app.core import scoring
from liaison_app.core.models.evaluation import sheet_id

ROUND = {
    "status": "open", "units": ["centre", "dep-1"], "invited": ["ent-1", "ent-2"],
    "dimensions": [dict(d) for d in scoring.DEFAULT_DIMENSIONS],
    "scale": {"kind": "points", "max": 20},
}
LEVELS_ROUND = {**ROUND, "scale": {"kind": "levels", "levels": [dict(v) for v in
                                                                 scoring.DEFAULT_LEVELS]}}


def sheet(**changes):
    base = {"round_id": "r1", "enterprise_id": "ent-1", "unit": "centre", "method": "paper",
            "scores": {"competence": 18, "attitude": 20, "efficiency": None, "proxy": 15.5,
                       "integrity": 0}, "collected_at": "2026-05-01T10:00:00"}
    return {**base, **changes}


def codes(problems):
    return [p.code for p in problems]


def test_a_good_sheet_has_no_problem():
    assert scoring.sheet_problems(sheet=sheet(), round_data=ROUND, round_id="r1") == []


@pytest.mark.parametrize("scores, code", [
    ({"competence": 21}, "out_of_range"),
    ({"competence": -1}, "out_of_range"),
    ({"competence": "18"}, "not_a_number"),
    ({"competence": True}, "not_a_number"),
    ({"competence": float("nan")}, "not_a_number"),
    ({"speed": 10}, "unknown_dimension"),
    (["competence", 10], "scores_shape"),
])
def test_scores_outside_the_scale_or_dimensions_are_refused(scores, code):
    problems = scoring.sheet_problems(sheet=sheet(scores=scores), round_data=ROUND)
    assert codes(problems) == [code]
    assert problems[0].text_zh() and problems[0].text_en()


@pytest.mark.parametrize("round_data", [ROUND, LEVELS_ROUND])
@pytest.mark.parametrize("scores", [
    {"competence": 18, "attitude": None}, {"competence": 80}, {"competence": 21},
    {"speed": 10}, {"competence": "18"}, ["competence"], None])
def test_a_rounds_dimensions_and_scale_read_once_give_the_same_answers(round_data, scores):
    # The phone page reads them once per round, not once per sheet.
    once = {"dims": scoring.dimensions(round_data), "sc": scoring.scale(round_data)}
    assert (scoring.sheet_problems(sheet=sheet(scores=scores), round_data=round_data, **once)
            == scoring.sheet_problems(sheet=sheet(scores=scores), round_data=round_data))


def test_a_levels_scale_takes_only_its_levels():
    assert scoring.score_problems({"competence": 80, "attitude": None}, LEVELS_ROUND) == []
    assert codes(scoring.score_problems({"competence": 70}, LEVELS_ROUND)) == ["not_a_level"]


def test_round_status_unit_invitation_and_method_are_checked():
    assert codes(scoring.sheet_problems(sheet=sheet(), round_data={**ROUND, "status": "draft"})
                 ) == ["round_not_open"]
    closed = {**ROUND, "status": "closed", "closed_at": "2026-05-01T12:00:00"}
    # Collected before the round closed, on a laptop that was offline: still accepted.
    assert scoring.sheet_problems(sheet=sheet(), round_data=closed) == []
    late = sheet(collected_at="2026-05-01T12:00:01")
    assert codes(scoring.sheet_problems(sheet=late, round_data=closed)) == ["round_closed"]
    assert codes(scoring.sheet_problems(sheet=sheet(), round_data={**closed, "closed_at": None})
                 ) == ["round_closed"]
    assert codes(scoring.sheet_problems(sheet=sheet(unit="dep-9"), round_data=ROUND)
                 ) == ["unit_not_evaluated"]
    assert codes(scoring.sheet_problems(sheet=sheet(enterprise_id="ent-3"), round_data=ROUND)
                 ) == ["not_invited"]
    assert codes(scoring.sheet_problems(sheet=sheet(method="fax"), round_data=ROUND)
                 ) == ["method"]
    assert codes(scoring.sheet_problems(sheet=sheet(round_id="r2"), round_data=ROUND,
                                        round_id="r1")) == ["wrong_round"]


def test_total_is_the_sum_on_the_default_sheet_and_skips_not_applicable():
    dims = scoring.dimensions(ROUND)
    sc = scoring.scale(ROUND)
    full = {"competence": 18, "attitude": 20, "efficiency": 16, "proxy": 15, "integrity": 19}
    assert scoring.sheet_total(full, dims, sc) == pytest.approx(88)
    # 不适用 is left out, not a zero: 4 answered dimensions averaging 17.5 of 20 -> 87.5.
    partial = {**full, "efficiency": None, "integrity": 17}
    assert scoring.sheet_total(partial, dims, sc) == pytest.approx(87.5)
    assert scoring.sheet_total({k: None for k in full}, dims, sc) is None


def test_weights_change_the_total():
    weighted = {**ROUND, "dimensions": [
        {"key": "a", "label": "甲", "weight": 3}, {"key": "b", "label": "乙", "weight": 1}]}
    dims = scoring.dimensions(weighted)
    # (3 * 20/20 + 1 * 10/20) / 4 * 100 = 87.5
    assert scoring.sheet_total({"a": 20, "b": 10}, dims, scoring.scale(weighted)) == 87.5


def test_empty_or_broken_round_settings_fall_back_to_the_defaults():
    assert [d.label for d in scoring.dimensions({})] == [
        "业务水平", "服务态度", "工作效率", "代办手续及解决问题", "廉洁自律"]
    assert scoring.scale({"scale": {"kind": "points", "max": "lots"}}).max == 20
    levels = scoring.scale(LEVELS_ROUND)
    assert levels.kind == "levels" and levels.max == 100 and levels.label_of(60) == "基本满意"


def test_sheet_ids_are_one_per_round_enterprise_and_unit():
    a = sheet_id(round_id="r1", enterprise_id="e1", unit="centre")
    assert a == sheet_id(round_id="r1", enterprise_id="e1", unit="centre")
    assert len({a, sheet_id(round_id="r1", enterprise_id="e1", unit="d1"),
                sheet_id(round_id="r2", enterprise_id="e1", unit="centre")}) == 3
