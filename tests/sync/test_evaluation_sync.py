"""Satisfaction evaluation through a real server: the centre's round reaches an officer's
laptop; the sheets the officer enters offline reach the centre; two laptops entering the
same returned sheet make one record; other officers never see another's enterprise's sheet;
an officer cannot change a round; the trend follows what each pull brings."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest

from liaison_app.core import scoring
from liaison_app.core.models import OutboxOp, SyncConflict
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet, sheet_id
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from sync.server.models import Record, connection

KEYS = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]


def scores(*values: float | None) -> dict[str, float | None]:
    return dict(zip(KEYS, values, strict=True))


def centre_round(county: dict[str, Any], *, anonymous: bool = False) -> EvaluationRound:
    county["centre"].use()
    rnd = ev.save_round(data=ev.RoundInput(
        name="2026年上半年企业满意度测评", held_on=dt.date(2026, 6, 18), units=["centre"],
        invite=ev.InviteRule(added=[county["e1"], county["e2"]]), anonymous=anonymous),
        role="center")
    return ev.set_status(record_id=rnd.id, status="open", role="center")


def test_a_round_reaches_the_officer_and_the_offline_sheet_reaches_the_centre(county):
    centre, li, wang = county["centre"], county["li"], county["wang"]
    rnd = centre_round(county)
    assert centre.sync().ok
    assert li.sync().ok
    li.use()
    got = EvaluationRound.get_by_id(rnd.id)
    assert got.status == "open" and got.invited == [county["e1"], county["e2"]]
    assert [d["label"] for d in got.dimensions][3] == "代办手续及解决问题"
    # The officer's laptop holds only their enterprise: the grid lists that one.
    assert [r.enterprise_id for r in ev.entry_rows(round_id=rnd.id, unit="centre")] == [
        county["e1"]]

    # Offline at the meeting: the sheet is entered and waits in the outbox.
    sheet = ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["e1"],
                                             unit="centre", scores=scores(18, 19, None, 17, 20),
                                             comments="希望𠮷日办结", method="in_person"))
    assert OutboxOp.select().where(OutboxOp.table == "score_sheet").count() == 1
    report = li.sync()
    assert report.ok and not OutboxOp.select().where(OutboxOp.state == "rejected").exists()
    with connection():
        stored = json.loads(Record.get((Record.table == "score_sheet")
                                       & (Record.record_id == sheet.id)).data)
    assert stored["scores"]["efficiency"] is None and stored["comments"] == "希望𠮷日办结"

    assert centre.sync().ok
    centre.use()
    arrived = ScoreSheet.get_by_id(sheet.id)
    assert arrived.scores == scores(18, 19, None, 17, 20)
    assert arrived.collected_by == li.officer_id and arrived.method == "in_person"
    res = er.round_results(round_id=rnd.id)
    assert res.sheets == 1 and res.overall.total == (18 + 19 + 17 + 20) / 80 * 100

    # The other officer's laptop never holds the sheet of an enterprise not theirs.
    assert wang.sync().ok
    wang.use()
    assert EvaluationRound.get_or_none(EvaluationRound.id == rnd.id) is not None
    assert ScoreSheet.get_or_none(ScoreSheet.id == sheet.id) is None


def test_the_same_returned_sheet_entered_on_two_laptops_is_one_record(county):
    centre, li = county["centre"], county["li"]
    rnd = centre_round(county)
    assert centre.sync().ok and li.sync().ok
    li.use()
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["e1"],
                                     unit="centre", scores=scores(18, 18, 18, 18, 18)))
    centre.use()
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["e1"],
                                     unit="centre", scores=scores(18, 18, 18, 18, 18),
                                     comments="中心补录意见"), role="center")
    assert li.sync().ok and centre.sync().ok and li.sync().ok
    the_id = sheet_id(round_id=rnd.id, enterprise_id=county["e1"], unit="centre")
    with connection():
        assert Record.select().where(Record.table == "score_sheet").count() == 1
        data = json.loads(Record.get(Record.record_id == the_id).data)
    assert data["scores"] == scores(18, 18, 18, 18, 18)
    # The two entries disagree on the comments: the officer's (empty) is kept by the
    # field's policy, and the centre's text waits as a conflict for a person to settle.
    centre.use()
    conflict = SyncConflict.get((SyncConflict.record_id == the_id)
                                & (SyncConflict.field == "comments"))
    assert conflict.local_value == "中心补录意见" and conflict.resolved_at is None
    for dev in (li, centre):
        dev.use()
        assert ScoreSheet.select().count() == 1
        assert ScoreSheet.get_by_id(the_id).comments == data["comments"]


def test_an_officer_cannot_change_a_round(county):
    centre, li = county["centre"], county["li"]
    rnd = centre_round(county)
    assert centre.sync().ok and li.sync().ok
    li.use()
    # The service refuses; a change forced into the outbox is refused by the server.
    got = EvaluationRound.get_by_id(rnd.id)
    got.status = "closed"
    got.save()
    report = li.sync()
    assert report.ok
    assert OutboxOp.get(OutboxOp.table == "evaluation_round").state == "rejected"
    with connection():
        stored = json.loads(Record.get((Record.table == "evaluation_round")
                                       & (Record.record_id == rnd.id)).data)
    assert stored["status"] == "open"


def test_a_sheet_outside_the_rounds_scale_pushed_by_hand_is_refused(county):
    """The laptop's grid refuses a score of 25 on a 0-20 scale; a client writing to the API by
    hand must meet the same rule on the server, with the reason in words, and nothing stored.
    An honest sheet in the same push is taken."""
    from tests.sync.hostile import push

    centre, li, url = county["centre"], county["li"], county["server"].url
    rnd = centre_round(county)
    assert centre.sync().ok and li.sync().ok
    honest_id = sheet_id(round_id=rnd.id, enterprise_id=county["e1"], unit="centre")

    def sheet_op(values: dict[str, Any], *, record_id: str | None = None) -> dict[str, Any]:
        return {"table": "score_sheet", "record_id": record_id or str(uuid.uuid4()),
                "changes": {"round_id": rnd.id, "enterprise_id": county["e1"], "unit": "centre",
                            "scores": values, "comments": "𠮷", "method": "paper",
                            "collected_by": li.officer_id, "request_id": "",
                            "collected_at": "2026-06-18T10:00:00", "deleted": False}}

    honest, too_high, negative, unknown = push(
        li, url, sheet_op(scores(18, 19, None, 17, 20), record_id=honest_id),
        sheet_op({**scores(18, 19, None, 17, 20), "efficiency": 25}),
        sheet_op({**scores(18, 19, None, 17, 20), "attitude": -1}),
        sheet_op({"kindness": 5}))
    assert honest["status"] == "applied", honest
    for refused in (too_high, negative, unknown):
        assert refused["status"] == "rejected", refused
        assert refused["problems"] == [{"field": "scores", "code": "sheet_rules"}], refused
    scale = scoring.scale({}).text()
    assert f"：25 超出评分范围（{scale}）" in too_high["text_zh"], too_high["text_zh"]
    assert f"：-1 超出评分范围（{scale}）" in negative["text_zh"], negative["text_zh"]
    assert "“kindness”不是本轮的测评项目" in unknown["text_zh"], unknown["text_zh"]
    with connection():
        stored = {r.record_id: json.loads(r.data)
                  for r in Record.select().where(Record.table == "score_sheet")}
    assert list(stored) == [honest_id]

    # The centre's results count the honest sheet alone.
    assert centre.sync().ok
    centre.use()
    assert [s.id for s in ScoreSheet.select()] == [honest_id]
    assert er.round_results(round_id=rnd.id).sheets == 1


def trend_is_results(round_id: str) -> er.TrendPoint:
    """The round's overall trend point, checked against its results; returns the point."""
    tr = er.trend()
    res = er.round_results(round_id=round_id)
    point = tr.overall[[rid for rid, _n, _d in tr.rounds].index(round_id)]
    assert point.sheets == res.sheets
    assert point.total == (None if res.overall.total is None
                           else pytest.approx(res.overall.total, rel=1e-12))
    return point


def test_the_trend_follows_sheets_and_weights_that_arrive_by_sync(county):
    """Each laptop keeps its rounds' totals between trends; what a pull brings (a new, an
    edited or a withdrawn sheet, new weights) shows in the next one."""
    centre, li = county["centre"], county["li"]
    rnd = centre_round(county)
    assert centre.sync().ok and li.sync().ok
    centre.use()
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["e2"],
                                     unit="centre", scores=scores(20, 20, 20, 20, 20)),
                  role="center")
    assert trend_is_results(rnd.id).total == 100  # kept from here on

    li.use()
    sheet = ev.save_sheet(data=ev.SheetInput(
        round_id=rnd.id, enterprise_id=county["e1"], unit="centre",
        scores=scores(10, 10, None, 10, 10)))
    assert trend_is_results(rnd.id).total == 50
    assert li.sync().ok and centre.sync().ok
    centre.use()
    assert trend_is_results(rnd.id).total == pytest.approx((100 + 50) / 2)

    li.use()
    ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=county["e1"],
                                     unit="centre", scores=scores(20, 12, 12, 12, 12)),
                  replace=True)
    assert trend_is_results(rnd.id).total == pytest.approx(68)
    assert li.sync().ok and centre.sync().ok
    centre.use()
    assert trend_is_results(rnd.id).total == pytest.approx((100 + 68) / 2)

    # The centre weighs competence three times; the officer's laptop pulls the new weights.
    data = ev.RoundInput.from_record(EvaluationRound.get_by_id(rnd.id))
    data.dimensions = [{**d, "weight": 3 if d["key"] == "competence" else 1}
                       for d in data.dimensions]
    ev.save_round(data=data, record_id=rnd.id, role="center")
    assert centre.sync().ok and li.sync().ok
    li.use()
    assert trend_is_results(rnd.id).total == pytest.approx(100 * (3 + 4 * 0.6) / 7)

    # The officer withdraws the sheet; the centre's next trend has the centre's one left.
    ev.delete_sheet(record_id=sheet.id)
    assert li.sync().ok and centre.sync().ok
    centre.use()
    point = trend_is_results(rnd.id)
    assert point.sheets == 1 and point.total == 100
