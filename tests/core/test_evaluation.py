"""Satisfaction evaluation services: rounds and invitations, entering sheets (validation, one
per enterprise and unit, closed rounds, roles), results against hand-computed values, n/a not
a zero, weights, the anonymity threshold, trend, follow-up and complaint to request."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import openpyxl
import pytest

from liaison_app.core import context, scoring
from liaison_app.core.models import Enterprise, Officer, OutboxOp
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet, sheet_id
from liaison_app.core.models.requests import Request
from liaison_app.core.services import departments
from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed

D = dt.date
KEYS = [d["key"] for d in scoring.DEFAULT_DIMENSIONS]


def enterprise(name: str, town: str, *, key: bool = False, officers=()) -> Enterprise:
    ent = Enterprise(name=name, town=town, is_key=key, officer_ids=list(officers))
    ent.save(force_insert=True)
    return ent


@pytest.fixture
def world(store):
    centre = Officer(name="王主任", role="center")
    centre.save(force_insert=True)
    liaison = Officer(name="李联络", role="liaison")
    liaison.save(force_insert=True)
    viewer = Officer(name="赵领导", role="viewer")
    viewer.save(force_insert=True)
    departments.ensure_seeded()
    ents = [
        enterprise("鲁南精工机械有限公司", "北关镇", key=True, officers=[liaison.id]),
        enterprise("𠮷祥食品有限公司", "北关镇", officers=[liaison.id]),
        enterprise("德润新材料科技有限公司", "城关街道", key=True),
        enterprise("宏达纺织有限公司", "城关街道"),
        enterprise("南湖物流有限公司", "南湖镇", key=True),
    ]
    context.set_actor(officer_id=centre.id)
    yield SimpleNamespace(centre=centre, liaison=liaison, viewer=viewer, ents=ents,
                          land=departments.seed_id("县自然资源和规划局"),
                          housing=departments.seed_id("县住房和城乡建设局"))
    context.set_actor(officer_id="")


def act_as(officer: Officer) -> None:
    context.set_actor(officer_id=officer.id)


def make_round(world, **kw) -> EvaluationRound:
    data = ev.RoundInput(name=kw.pop("name", "2026年上半年企业满意度测评"),
                         held_on=kw.pop("held_on", D(2026, 6, 18)),
                         units=kw.pop("units", ["centre", world.land, world.housing]),
                         invite=kw.pop("invite", ev.InviteRule(everyone=True)), **kw)
    rnd = ev.save_round(data=data)
    return ev.set_status(record_id=rnd.id, status="open")


def scores(*values) -> dict:
    return dict(zip(KEYS, values, strict=True))


def enter(rnd, ent, unit, values, *, replace: bool = False, **kw) -> ScoreSheet:
    return ev.save_sheet(data=ev.SheetInput(round_id=rnd.id, enterprise_id=ent.id, unit=unit,
                                            scores=values, **kw), replace=replace)


# -- rounds ----------------------------------------------------------------------------------
def test_invitation_by_town_key_flag_and_by_hand(world):
    e = world.ents
    by_town = ev.resolve_invited(ev.InviteRule(towns=["北关镇"]))
    assert set(by_town) == {e[0].id, e[1].id}
    key_only = ev.resolve_invited(ev.InviteRule(key_only=True))
    assert set(key_only) == {e[0].id, e[2].id, e[4].id}
    mixed = ev.resolve_invited(ev.InviteRule(towns=["城关街道"], key_only=True,
                                             added=[e[3].id, "no-such-id"], removed=[e[2].id]))
    assert mixed == [e[3].id]
    assert ev.resolve_invited(ev.InviteRule()) == []
    assert ev.resolve_invited(ev.InviteRule(added=[e[4].id, e[1].id])) == [e[4].id, e[1].id]


def test_a_new_round_has_the_five_default_dimensions_and_syncs_as_the_centres(world):
    rnd = make_round(world)
    assert [d["label"] for d in rnd.dimensions] == [
        "业务水平", "服务态度", "工作效率", "代办手续及解决问题", "廉洁自律"]
    assert rnd.scale == {"kind": "points", "max": 20}
    assert rnd.status == "open" and len(rnd.invited) == 5
    op = OutboxOp.select().where(OutboxOp.table == "evaluation_round").first()
    assert op.creating and op.changes["invite_rule"]["everyone"] is True


def test_only_the_centre_sets_up_rounds(world):
    act_as(world.liaison)
    with pytest.raises(ServiceError, match="Only the service centre"):
        ev.save_round(data=ev.RoundInput(name="x", held_on=D(2026, 1, 1)))
    act_as(world.centre)
    rnd = make_round(world)
    act_as(world.viewer)
    with pytest.raises(ServiceError):
        ev.set_status(record_id=rnd.id, status="closed")


@pytest.mark.parametrize("change, field", [
    ({"name": " "}, "name"),
    ({"name": "测" * 121}, "name"),
    ({"held_on": None}, "held_on"),
    ({"units": []}, "units"),
    ({"units": ["no-such-department"]}, "units"),
    ({"dimensions": []}, "dimensions"),
    ({"dimensions": [{"key": "a", "label": "甲", "weight": 0}]}, "dimensions"),
    ({"dimensions": [{"key": "a", "label": "甲", "weight": 1},
                     {"key": "b", "label": "甲", "weight": 1}]}, "dimensions"),
    ({"scale": {"kind": "points", "max": 0}}, "scale"),
    ({"scale": {"kind": "levels", "levels": [{"label": "好", "points": 1}]}}, "scale"),
    ({"scale": {"kind": "levels", "levels": [{"label": "好", "points": 1},
                                             {"label": "差", "points": 1}]}}, "scale"),
    ({"scale": {"kind": "stars"}}, "scale"),
])
def test_a_round_that_makes_no_sense_is_refused(world, change, field):
    data = ev.RoundInput(name="测评", held_on=D(2026, 6, 1), units=["centre"])
    for name, value in change.items():
        setattr(data, name, value)
    with pytest.raises(ValidationFailed) as info:
        ev.save_round(data=data)
    assert field in {f.field for f in info.value.findings}


def test_a_round_cannot_open_without_invited_enterprises_nor_close_unless_open(world):
    rnd = ev.save_round(data=ev.RoundInput(name="空轮次", held_on=D(2026, 6, 1)))
    with pytest.raises(ServiceError, match="Invite at least one"):
        ev.set_status(record_id=rnd.id, status="open")
    with pytest.raises(ServiceError, match="Only an open round"):
        ev.set_status(record_id=rnd.id, status="closed")


def test_a_scored_round_keeps_what_its_sheets_rely_on(world):
    rnd = make_round(world)
    enter(rnd, world.ents[0], world.land, scores(18, 20, None, 15, 19))
    data = ev.RoundInput.from_record(rnd)
    data.scale = {"kind": "points", "max": 10}
    with pytest.raises(ValidationFailed, match="1 sheets"):
        ev.save_round(data=data, record_id=rnd.id)
    data = ev.RoundInput.from_record(rnd)
    data.units = ["centre"]
    with pytest.raises(ValidationFailed, match="unit whose sheets"):
        ev.save_round(data=data, record_id=rnd.id)
    data = ev.RoundInput.from_record(rnd)
    data.invite = ev.InviteRule(towns=["南湖镇"])
    with pytest.raises(ValidationFailed, match="taken off the invitation"):
        ev.save_round(data=data, record_id=rnd.id)
    with pytest.raises(ServiceError, match="cannot be deleted"):
        ev.delete_round(record_id=rnd.id)
    # A new dimension is fine: the old sheets simply did not answer it.
    data = ev.RoundInput.from_record(rnd)
    data.dimensions.append({"key": ev.new_dimension_key(KEYS), "label": "营商环境",
                            "weight": 1})
    assert len(ev.save_round(data=data, record_id=rnd.id).dimensions) == 6


def test_rounds_are_listed_newest_first_with_their_sheets(world):
    older = make_round(world, name="上一轮", held_on=D(2025, 12, 1))
    newer = make_round(world, anonymous=True)
    enter(newer, world.ents[0], "centre", scores(18, 18, 18, 18, 18))
    enter(newer, world.ents[1], "centre", scores(18, 18, 18, 18, 18))
    rows = ev.list_rounds()
    assert [(r.id, r.sheets, r.invited, r.units, r.anonymous) for r in rows] == [
        (newer.id, 2, 5, 3, True), (older.id, 0, 5, 3, False)]


def test_find_round_by_id_prefix_or_name(world):
    rnd = make_round(world)
    assert ev.find_round(text=rnd.id).id == rnd.id
    assert ev.find_round(text=rnd.id[:8]).id == rnd.id
    assert ev.find_round(text="2026年上半年企业满意度测评").id == rnd.id
    with pytest.raises(NotFound):
        ev.find_round(text="没有这一轮")


# -- sheets ----------------------------------------------------------------------------------
def test_a_sheet_is_stored_with_who_collected_it_and_how(world):
    rnd = make_round(world)
    sheet = enter(rnd, world.ents[1], "centre", scores(18, 19.5, None, 16, 20),
                  comments="希望𠮷日办结", method="in_person")
    assert sheet.id == sheet_id(round_id=rnd.id, enterprise_id=world.ents[1].id, unit="centre")
    stored = ScoreSheet.get_by_id(sheet.id)
    assert stored.scores == {"competence": 18, "attitude": 19.5, "efficiency": None,
                             "proxy": 16, "integrity": 20}
    assert stored.comments == "希望𠮷日办结" and stored.method == "in_person"
    assert stored.collected_by == world.centre.id
    view = ev.open_sheet(record_id=sheet.id)
    assert view.scores["attitude"] == 19.5 and view.enterprise_name == "𠮷祥食品有限公司"


@pytest.mark.parametrize("values, message", [
    (scores(21, 20, 20, 20, 20), "业务水平: 21 is outside the scale (0–20)"),
    (scores(-1, 20, 20, 20, 20), "outside the scale"),
    ({"speed": 5}, "“speed” is not a dimension"),
])
def test_scores_outside_the_scale_are_refused_with_a_sentence(world, values, message):
    rnd = make_round(world)
    with pytest.raises(ValidationFailed) as info:
        enter(rnd, world.ents[0], "centre", values)
    assert message in info.value.findings[0].message.text()
    assert ScoreSheet.select().count() == 0


def test_a_second_sheet_for_the_same_enterprise_and_unit_points_to_the_first(world):
    rnd = make_round(world)
    first = enter(rnd, world.ents[0], "centre", scores(18, 18, 18, 18, 18))
    with pytest.raises(ev.DuplicateSheet) as info:
        enter(rnd, world.ents[0], "centre", scores(10, 10, 10, 10, 10))
    assert info.value.existing_id == first.id and not info.value.anonymous
    assert "鲁南精工机械有限公司" in info.value.message.text()
    assert "already entered" in info.value.message.text()
    assert ScoreSheet.get_by_id(first.id).scores["competence"] == 18
    # Another unit is another sheet; replacing on purpose changes the first.
    enter(rnd, world.ents[0], world.land, scores(10, 10, 10, 10, 10))
    enter(rnd, world.ents[0], "centre", scores(12, 12, 12, 12, 12), replace=True)
    assert ScoreSheet.get_by_id(first.id).scores["competence"] == 12
    assert ScoreSheet.select().count() == 2


def test_no_entry_into_a_closed_or_unopened_round(world):
    rnd = make_round(world)
    ev.set_status(record_id=rnd.id, status="closed")
    with pytest.raises(ValidationFailed, match="closed"):
        enter(rnd, world.ents[0], "centre", scores(18, 18, 18, 18, 18))
    draft = ev.save_round(data=ev.RoundInput(name="草稿", held_on=D(2026, 7, 1),
                                             invite=ev.InviteRule(everyone=True)))
    with pytest.raises(ValidationFailed, match="not open"):
        enter(draft, world.ents[0], "centre", scores(18, 18, 18, 18, 18))


def test_uninvited_enterprises_and_units_not_evaluated_are_refused(world):
    rnd = make_round(world, invite=ev.InviteRule(towns=["北关镇"]))
    with pytest.raises(ValidationFailed, match="not invited"):
        enter(rnd, world.ents[4], "centre", scores(18, 18, 18, 18, 18))
    with pytest.raises(ValidationFailed, match="not evaluated"):
        enter(rnd, world.ents[0], departments.seed_id("县税务局"), scores(18, 18, 18, 18, 18))


def test_officers_enter_sheets_of_their_enterprises_and_viewers_none(world):
    rnd = make_round(world)
    Enterprise.update(officer_ids=["another-officer"]).where(
        Enterprise.id.in_([e.id for e in world.ents[2:4]])).execute()
    act_as(world.liaison)
    sheet = enter(rnd, world.ents[0], "centre", scores(18, 18, 18, 18, 18))
    assert sheet.collected_by == world.liaison.id
    with pytest.raises(ValidationFailed, match="not assigned to you"):
        enter(rnd, world.ents[2], "centre", scores(18, 18, 18, 18, 18))
    # Assigned to nobody yet (recorded by the officer, not yet assigned by the server).
    enter(rnd, world.ents[4], "centre", scores(18, 18, 18, 18, 18))
    rows = ev.entry_rows(round_id=rnd.id, unit="centre")
    assert {r.name for r in rows} == {"鲁南精工机械有限公司", "𠮷祥食品有限公司", "南湖物流有限公司"}
    assert [r.entered for r in rows if r.enterprise_id == world.ents[0].id] == [True]
    act_as(world.viewer)
    with pytest.raises(ValidationFailed, match="read results"):
        enter(rnd, world.ents[1], "centre", scores(18, 18, 18, 18, 18))


def test_anonymous_rounds_never_show_an_enterprises_answers(world):
    rnd = make_round(world, anonymous=True)
    sheet = enter(rnd, world.ents[0], "centre", scores(5, 5, 5, 5, 5), comments="态度差")
    rows = {r.enterprise_id: r for r in ev.entry_rows(round_id=rnd.id, unit="centre")}
    assert rows[world.ents[0].id].entered and rows[world.ents[0].id].scores is None
    view = ev.open_sheet(record_id=sheet.id)
    assert view.scores is None and view.comments is None
    with pytest.raises(ev.DuplicateSheet) as info:
        enter(rnd, world.ents[0], "centre", scores(6, 6, 6, 6, 6))
    assert info.value.anonymous


def test_the_qr_code_of_a_sheet_locates_it(world):
    rnd = make_round(world)
    payload = ev.sheet_payload(round_id=rnd.id, enterprise_id=world.ents[3].id,
                               unit=world.housing)
    ref = ev.locate_sheet(payload=payload)
    assert (ref.enterprise_id, ref.unit) == (world.ents[3].id, world.housing)
    with pytest.raises(ServiceError, match="not from a satisfaction sheet"):
        ev.locate_sheet(payload="PASS|1|2")
    with pytest.raises(NotFound):
        ev.locate_sheet(payload=f"EVAL|{rnd.id}|00000000-0000-0000-0000-000000000000")


# -- results ---------------------------------------------------------------------------------
@pytest.fixture
def scored(world):
    """Three enterprises score the centre, two score the land bureau (hand-computed below)."""
    rnd = make_round(world)
    e = world.ents
    enter(rnd, e[0], "centre", scores(18, 20, 16, 15, 19))      # total 88
    enter(rnd, e[1], "centre", scores(20, 20, None, 20, 18))    # 4 answered: 78/80 -> 97.5
    enter(rnd, e[2], "centre", scores(10, 12, 8, 9, 11))        # total 50, low
    enter(rnd, e[0], world.land, scores(16, 16, 16, 16, 16), comments="规划审批还可以更快")
    enter(rnd, e[3], world.land, scores(None, None, None, None, None))  # nothing answered
    return rnd


def test_results_per_unit_match_hand_computed_values(world, scored):
    res = er.round_results(round_id=scored.id)
    centre = next(u for u in res.units if u.key == "centre")
    land = next(u for u in res.units if u.key == world.land)
    housing = next(u for u in res.units if u.key == world.housing)
    assert centre.sheets == 3 and centre.invited == 5 and centre.response_rate == 0.6
    assert centre.averages["competence"] == pytest.approx(16)          # (18+20+10)/3
    # n/a is not a zero: efficiency is the mean of the two answers, (16+8)/2.
    assert centre.averages["efficiency"] == pytest.approx(12)
    assert centre.answers["efficiency"] == 2 and centre.not_applicable["efficiency"] == 1
    assert centre.total == pytest.approx((88 + 97.5 + 50) / 3)
    assert centre.bands == (1, 1, 0, 0, 1) and centre.low == 1
    assert land.total == pytest.approx(80) and land.sheets == 2
    assert land.averages["competence"] == pytest.approx(16)
    assert housing.sheets == 0 and housing.total is None and housing.rank is None
    assert [u.key for u in res.units][:2] == [world.land, "centre"]
    assert (land.rank, centre.rank) == (1, 2)
    assert res.invited == 5 and res.responded == 4 and res.response_rate == 0.8
    assert res.sheets == 5
    assert res.overall.total == pytest.approx((88 + 97.5 + 50 + 80) / 4)
    dims = {d.key: d for d in res.by_dimension}
    assert dims["efficiency"].average == pytest.approx((16 + 8 + 16) / 3)
    assert dims["efficiency"].not_applicable == 2 and dims["efficiency"].answers == 3
    assert dims["competence"].percent == pytest.approx(100 * 64 / 4 / 20)
    towns = {t.key: t for t in res.towns}
    assert towns["北关镇"].sheets == 3 and towns["北关镇"].responded == 2
    assert towns["北关镇"].total == pytest.approx((88 + 97.5 + 80) / 3)
    assert towns["南湖镇"].sheets == 0 and towns["南湖镇"].enterprise_rate == 0


def test_weights_and_a_levels_scale(world):
    dims = [{"key": "a", "label": "服务态度", "weight": 3}, {"key": "b", "label": "工作效率",
                                                            "weight": 1}]
    rnd = make_round(world, dimensions=dims, scale=ev.levels_scale(), units=["centre"])
    enter(rnd, world.ents[0], "centre", {"a": 100, "b": 60})   # (300 + 60) / 4 = 90
    enter(rnd, world.ents[1], "centre", {"a": 40, "b": None})  # 40
    with pytest.raises(ValidationFailed, match="not one of the levels"):
        enter(rnd, world.ents[2], "centre", {"a": 70})
    res = er.round_results(round_id=rnd.id)
    assert res.units[0].total == pytest.approx(65)
    assert res.units[0].averages == {"a": pytest.approx(70), "b": pytest.approx(60)}


def test_anonymous_results_hide_groups_of_fewer_than_three_sheets(world):
    rnd = make_round(world, anonymous=True)
    e = world.ents
    for ent in e[:3]:
        enter(rnd, ent, "centre", scores(15, 15, 15, 15, 15), comments=f"{ent.name}的意见")
    enter(rnd, e[0], world.land, scores(4, 4, 4, 4, 4), comments="很不满意")
    enter(rnd, e[1], world.land, scores(20, 20, 20, 20, 20))
    res = er.round_results(round_id=rnd.id)
    centre = next(u for u in res.units if u.key == "centre")
    land = next(u for u in res.units if u.key == world.land)
    assert centre.total == pytest.approx(75) and not centre.hidden
    assert land.hidden and land.total is None and land.averages["competence"] is None
    assert land.sheets == 2  # how many came back is not a score
    assert all(t.hidden for t in res.towns if t.sheets < 3)
    items = er.follow_ups(round_id=rnd.id)
    # The land bureau's two sheets (one low, with a comment) are not listed at all...
    assert {i.unit for i in items} == {"centre"}
    # ...and the centre's comments say what was said, never who said it.
    assert all(i.enterprise == "" and i.sheet_id == "" for i in items)
    rendered = er.unit_table(res)
    assert ("*" in rendered.rows[[r[1] for r in rendered.rows].index(land.name)])
    tr = er.trend()
    assert tr.units[world.land][-1].total is None
    act_as(world.centre)
    sheet = sheet_id(round_id=rnd.id, enterprise_id=e[0].id, unit=world.land)
    with pytest.raises(ServiceError, match="anonymous"):
        er.request_from_sheet(sheet_id=sheet)


def test_trend_across_rounds_oldest_first(world, scored):
    later = make_round(world, name="2026年下半年企业满意度测评", held_on=D(2026, 12, 10))
    enter(later, world.ents[0], "centre", scores(19, 19, 19, 19, 19))
    ev.save_round(data=ev.RoundInput(name="草稿轮次", held_on=D(2027, 1, 1)))  # not counted
    tr = er.trend()
    assert [name for _i, name, _d in tr.rounds] == ["2026年上半年企业满意度测评",
                                                     "2026年下半年企业满意度测评"]
    assert [p.total for p in tr.units["centre"]] == [pytest.approx((88 + 97.5 + 50) / 3),
                                                      pytest.approx(95)]
    assert [p.total for p in tr.units[world.land]] == [pytest.approx(80), None]
    assert tr.overall[1].total == pytest.approx(95)


def test_follow_up_lists_low_scores_and_comments_and_makes_a_request(world, scored):
    items = er.follow_ups(round_id=scored.id)
    assert [i.enterprise for i in items] == ["德润新材料科技有限公司", "鲁南精工机械有限公司"]
    low, comment = items
    assert low.low and low.total == pytest.approx(50)
    # Under 60% of the top (12 of 20) is low; 12 itself is not.
    assert low.low_dimensions == ("业务水平 10", "工作效率 8", "代办手续及解决问题 9", "廉洁自律 11")
    assert not comment.low and comment.comments == "规划审批还可以更快"
    req = er.request_from_sheet(sheet_id=comment.sheet_id)
    assert req.status == "dispatched" and req.lead_department_id == world.land
    assert req.enterprise_id == world.ents[0].id
    assert "规划审批还可以更快" in req.description and "县自然资源和规划局" in req.description
    assert ScoreSheet.get_by_id(comment.sheet_id).request_id == req.id
    with pytest.raises(ServiceError, match="already"):
        er.request_from_sheet(sheet_id=comment.sheet_id)
    # The centre's own low score stays with the centre: recorded, not dispatched elsewhere.
    centre_req = er.request_from_sheet(sheet_id=low.sheet_id)
    assert centre_req.status == "accepted" and "低分项目" in centre_req.description
    assert Request.select().count() == 2
    act_as(world.liaison)
    with pytest.raises(ServiceError, match="Only the service centre"):
        er.request_from_sheet(sheet_id=items[0].sheet_id)


def test_excel_export_holds_the_same_numbers(world, scored, tmp_path):
    res = er.round_results(round_id=scored.id)
    path = tmp_path / "测评.xlsx"
    er.export_xlsx(results=res, trend_data=er.trend(), items=er.follow_ups(round_id=scored.id),
                   path=str(path))
    book = openpyxl.load_workbook(path)
    units = book.worksheets[0]
    rows = {r[1]: r for r in units.iter_rows(min_row=3, values_only=True)}
    centre = rows["县企业服务中心"]
    assert centre[0] == 2 and centre[2] == 3 and centre[3] == pytest.approx(0.6)
    assert centre[-1] == pytest.approx(round((88 + 97.5 + 50) / 3, 1))
    assert units.cell(row=3, column=4).number_format == "0.0%"
    follow = book.worksheets[-1]
    assert [c.value for c in follow[3]][4] == "规划审批还可以更快"


def test_the_printed_report_carries_the_figures(world, scored, tmp_path):
    import pypdf

    from liaison_app.forms.registry import build_form

    data = er.report_data(round_id=scored.id)
    out = tmp_path / "report.pdf"
    build_form("evaluation_report", data, out=out)
    text = "".join("".join(p.extract_text().split()) for p in pypdf.PdfReader(str(out)).pages)
    assert "2026年上半年企业满意度测评结果通报" in text
    assert "参评率80.0%" in text and "收回测评表5份" in text
    assert f"县企业服务中心3{60.0:.1f}%" in text
    assert ev.format_number((88 + 97.5 + 50) / 3) in text
    assert "规划审批还可以更快" in text


# -- command line ----------------------------------------------------------------------------
@pytest.mark.parametrize("by", ["unit", "dimension", "town"])
def test_the_command_line_prints_the_same_numbers(world, scored, store, capsys, by):
    from liaison_app.cli import main

    expected = er.table_for(er.round_results(round_id=scored.id), by)
    status = main(["--data-dir", str(store.root), "report", "satisfaction",
                   "--round", scored.id[:8], "--by", by])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert "5 enterprises invited, 4 responded (80.0%), 5 sheets" in lines[0]
    printed = [re.split(r"\s{2,}", line.strip()) for line in lines[3:]]
    # An unranked unit's empty rank cell prints as nothing.
    assert printed == [[c for c in row if c] for row in expected.rows]
    if by == "unit":
        centre = next(r for r in printed if r[1] == "县企业服务中心")
        assert centre == ["2", "县企业服务中心", "3", "60.0%", "16", "17.3", "12", "14.7", "16",
                          "78.5"]


def test_the_command_line_names_a_missing_round_and_prints_sheets(world, scored, store,
                                                                   capsys, tmp_path):
    from liaison_app.cli import main

    assert main(["--data-dir", str(store.root), "report", "satisfaction", "--round",
                 "不存在的轮次"]) == 1
    assert "no evaluation round" in capsys.readouterr().err
    out = tmp_path / "sheets.pdf"
    assert main(["--data-dir", str(store.root), "print", "satisfaction_sheet", "--id",
                 "2026年上半年企业满意度测评", "--out", str(out)]) == 0
    assert "15 pages" in capsys.readouterr().out  # 5 invited x 3 units
    assert main(["--data-dir", str(store.root), "print", "evaluation_report", "--id",
                 scored.id, "--out", str(tmp_path / "report.pdf")]) == 0


def test_rounds_whose_keys_cannot_be_json_paths_give_the_same_results(world, monkeypatch):
    """A dimension key SQLite cannot take as a path is summed in Python, the same way."""
    dims = [{"key": "a", "label": "服务态度", "weight": 2}, {"key": "b", "label": "工作效率",
                                                            "weight": 1}]
    rnd = make_round(world, dimensions=dims, units=["centre", world.land])
    for ent, values in zip(world.ents, ({"a": 20, "b": 5}, {"a": None, "b": 14},
                                        {"a": 11, "b": None}, {"a": None, "b": None}),
                           strict=False):
        enter(rnd, ent, "centre", values)
        enter(rnd, ent, world.land, {"a": 19, "b": values["b"]})
    by_sql = er.round_results(round_id=rnd.id)
    monkeypatch.setattr(er, "_SAFE_KEY", er.re.compile(r"^$"))
    by_python = er.round_results(round_id=rnd.id)
    for table in (er.unit_table, er.dimension_table, er.town_table, er.distribution_table):
        assert table(by_python) == table(by_sql)
    assert by_python.units[0].total == pytest.approx(by_sql.units[0].total)
    centre = next(u for u in by_sql.units if u.key == "centre")
    # (2*20 + 5) / 3 / 20 -> 75; 14/20 -> 70; 11/20 -> 55; nothing answered -> no total.
    assert centre.total == pytest.approx((75 + 70 + 55) / 3)
    assert centre.not_applicable == {"a": 2, "b": 2} and centre.bands == (0, 0, 2, 0, 1)
    assert centre.low == 2  # 工作效率 5 of 20 on the first sheet, and the 55 total
