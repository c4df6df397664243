"""The trend across rounds keeps each round's totals between calls: whatever changes a round's
sheets or its weights (an edit, a withdrawn sheet, new weights, rows written as a pulled page
writes them, a change made while the totals were being worked out) shows in the next trend,
which always equals each round's own results."""
from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core import writer
from liaison_app.core.db import database_proxy
from liaison_app.core.models.base import write_records
from liaison_app.core.models.evaluation import ScoreSheet, sheet_id
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from tests.core.test_evaluation import enter, make_round, scores, world  # noqa: F401

D = dt.date


def assert_trend_is_the_results(tr: er.Trend) -> None:
    """Every round's point, overall and per unit, is the figure its results show."""
    assert tr.rounds
    for i, (round_id, _name, _held) in enumerate(tr.rounds):
        res = er.round_results(round_id=round_id)
        assert tr.overall[i].sheets == res.overall.sheets
        assert tr.overall[i].total == (None if res.overall.total is None
                                       else pytest.approx(res.overall.total, rel=1e-12))
        for unit in res.units:
            points = tr.units.get(unit.key)
            if points is None:
                assert unit.sheets == 0
                continue
            assert points[i].sheets == unit.sheets
            assert points[i].total == (None if unit.total is None
                                       else pytest.approx(unit.total, rel=1e-12))


def kept() -> dict[str, bool]:
    """Round id -> whether its totals are kept for the next trend."""
    return {rid: text is not None for rid, text in database_proxy.execute_sql(
        "SELECT round_id, totals FROM evaluation_round_totals").fetchall()}


def from_kept_totals_only(monkeypatch) -> er.Trend:
    """The trend, failing if any round had to be summed from its sheets again."""
    with monkeypatch.context() as patch:
        patch.setattr(er, "_aggregate", lambda *_a, **_k: pytest.fail("summed again"))
        return er.trend()


@pytest.fixture
def rounds(world):  # noqa: F811
    """Three rounds: default dimensions with 不了解 marks; weights on a levels scale; and an
    anonymous one whose land bureau has too few sheets to show."""
    e = world.ents
    first = make_round(world, name="第一轮", held_on=D(2025, 6, 1))
    enter(first, e[0], "centre", scores(18, 20, 16, 15, 19))
    enter(first, e[1], "centre", scores(20, 20, None, 20, 18))
    enter(first, e[2], "centre", scores(10, None, 8, None, 11))
    enter(first, e[0], world.land, scores(16, 16, 16, 16, 16))
    enter(first, e[3], world.land, scores(None, None, None, None, None))
    dims = [{"key": "a", "label": "服务态度", "weight": 3},
            {"key": "b", "label": "工作效率", "weight": 1},
            {"key": "c", "label": "廉洁自律", "weight": 0.5}]
    second = make_round(world, name="第二轮", held_on=D(2025, 12, 1), dimensions=dims,
                        scale=ev.levels_scale(), units=["centre", world.housing])
    enter(second, e[0], "centre", {"a": 100, "b": 60, "c": None})
    enter(second, e[1], "centre", {"a": 40, "b": None, "c": 80})
    enter(second, e[2], world.housing, {"a": 80, "b": 80, "c": 20})
    third = make_round(world, name="第三轮", held_on=D(2026, 6, 1), anonymous=True)
    for ent in e[:4]:
        enter(third, ent, "centre", scores(12, 14, 16, 18, 20))
    enter(third, e[4], world.land, scores(5, 5, 5, 5, 5))
    return first, second, third


def test_the_trend_equals_each_rounds_results_and_is_kept_between_calls(
        world, rounds, monkeypatch):  # noqa: F811
    first, second, third = rounds
    tr = er.trend()
    assert [rid for rid, _n, _d in tr.rounds] == [first.id, second.id, third.id]
    assert_trend_is_the_results(tr)
    # Hand-computed: (3 x 100 + 60) / 4 = 90 and (3 x 40 + 0.5 x 80) / 3.5 = 45.7 (b n/a).
    assert tr.units["centre"][1].total == pytest.approx((360 / 4 + 160 / 3.5) / 2)
    assert tr.units[world.land][2].total is None  # one sheet in an anonymous round
    assert kept() == {first.id: True, second.id: True, third.id: True}
    again = from_kept_totals_only(monkeypatch)
    assert again == tr


def test_an_edited_or_withdrawn_sheet_shows_in_the_next_trend(world, rounds, monkeypatch):  # noqa: F811
    first, second, _third = rounds
    before = er.trend()
    enter(first, world.ents[2], "centre", scores(20, 20, 20, 20, 20), replace=True)
    assert kept()[first.id] is False and kept()[second.id] is True
    after = er.trend()
    assert_trend_is_the_results(after)
    assert after.units["centre"][0].total > before.units["centre"][0].total
    assert after.units["centre"][0].total == pytest.approx((88 + 97.5 + 100) / 3)

    ev.delete_sheet(record_id=sheet_id(round_id=second.id, enterprise_id=world.ents[1].id,
                                       unit="centre"))
    withdrawn = er.trend()
    assert_trend_is_the_results(withdrawn)
    assert withdrawn.units["centre"][1].sheets == 1
    assert withdrawn.units["centre"][1].total == pytest.approx(360 / 4)
    assert from_kept_totals_only(monkeypatch) == withdrawn


def test_new_weights_of_a_scored_round_show_in_the_next_trend(world, rounds):  # noqa: F811
    _first, second, _third = rounds
    before = er.trend()
    data = ev.RoundInput.from_record(second)
    data.dimensions = [{**d, "weight": 1} for d in data.dimensions]
    ev.save_round(data=data, record_id=second.id)
    after = er.trend()
    assert_trend_is_the_results(after)
    # Equal weights, c now counted as much as a: (100 + 60) / 2 and (40 + 80) / 2.
    assert after.units["centre"][1].total == pytest.approx((80 + 60) / 2)
    assert after.units["centre"][1].total != pytest.approx(before.units["centre"][1].total)


def test_sheets_written_as_a_pulled_page_writes_them_show_in_the_next_trend(
        world, rounds):  # noqa: F811
    """The sync engine writes a page of pulled sheets in bulk, without the services."""
    first, _second, _third = rounds
    er.trend()
    e = world.ents
    pulled = [ScoreSheet(id=sheet_id(round_id=first.id, enterprise_id=e[4].id, unit="centre"),
                         round=first.id, enterprise=e[4].id, unit="centre",
                         scores=scores(4, 4, None, 4, 4), version=3)]
    changed = ScoreSheet.get_by_id(sheet_id(round_id=first.id, enterprise_id=e[0].id,
                                            unit=world.land))
    changed.scores = scores(8, 8, 8, 8, 8)
    changed.version = 4
    with database_proxy.atomic():
        write_records(ScoreSheet, pulled, new=True)
        write_records(ScoreSheet, [changed], new=False)
    tr = er.trend()
    assert_trend_is_the_results(tr)
    assert tr.units["centre"][0].sheets == 4
    assert tr.units[world.land][0].total == pytest.approx(40)


def test_a_sheet_changed_while_the_totals_were_worked_out_is_not_hidden_by_them(
        world, rounds, monkeypatch):  # noqa: F811
    """The totals are stored after they were read (queued on the writer): a sheet saved in
    between must not leave the older totals kept."""
    first, second, third = rounds
    queued: list = []
    monkeypatch.setattr(writer, "write_soon", queued.append)
    stale = er.trend()
    assert len(queued) == 1
    enter(first, world.ents[1], "centre", scores(0, 0, 0, 0, 0), replace=True)
    with database_proxy.atomic():
        queued.pop()()
    assert kept() == {first.id: False, second.id: True, third.id: True}
    monkeypatch.undo()
    tr = er.trend()
    assert_trend_is_the_results(tr)
    assert tr.units["centre"][0].total < stale.units["centre"][0].total
