"""Daily reporting: templates and their versions, entering reports, the board, the trend."""
from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core import context
from liaison_app.core.daily_rules import (
    FieldDef,
    check_definition,
    check_report,
    figures,
    parse_value,
)
from liaison_app.core.models import Enterprise, OutboxOp
from liaison_app.core.models.daily import DailyReport, ReportTemplate, report_id_for
from liaison_app.core.models.requests import Request
from liaison_app.core.services import daily_board as board_service
from liaison_app.core.services import daily_reports as reports
from liaison_app.core.services import daily_templates as templates
from liaison_app.core.services.errors import NotFound, ServiceError, ValidationFailed
from tests.core.daily_samples import (
    ANOMALY,
    FEVER,
    FIELDS,
    GOOD,
    MASKS,
    NEED,
    PEOPLE,
    RETURNED,
    START,
    county,
    start_template,
)


# -- the pure rules --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), (" １２ ", 12), ("1,200", 1200), ("80人", 80), ("95%", 95), ("", None)])
def test_numbers_people_type_are_read(text, value):
    assert parse_value(PEOPLE, text) == (value, None)


@pytest.mark.parametrize("text", ["十二", "12.5", "1e3", "𠮷", "10**30"])
def test_what_is_not_a_whole_number_says_so(text):
    value, finding = parse_value(PEOPLE, text)
    assert value is None and finding is not None and finding.is_error
    assert "在岗人数" in finding.message.text()


@pytest.mark.parametrize(("text", "value"), [("是", True), ("Y", True), ("1", True), ("√", True),
                                             ("否", False), ("n", False), ("0", False),
                                             ("×", False)])
def test_checks_accept_the_usual_answers(text, value):
    assert parse_value(MASKS, text) == (value, None)
    assert parse_value(MASKS, "也许")[1] is not None


def test_a_report_is_checked_against_its_fields():
    assert check_report(fields=FIELDS, values=GOOD, employees=100) == []
    problems = check_report(fields=FIELDS, values={"people_on_site": -3, "capacity": 10**30,
                                                   "masks": "是", "ghost": 1})
    by_field = {f.field: f for f in problems}
    assert set(by_field) == {"people_on_site", "capacity", "masks", "fever", "ghost"}
    assert all(f.is_error for f in problems)
    assert "0" in by_field["people_on_site"].message.text()
    # Of whom returned cannot exceed the people on site.
    assert [f.field for f in check_report(fields=FIELDS, values={**GOOD, "returned": 81})] == [
        "returned"]
    # A bool is not a number, a float that is not whole is refused, text is limited.
    assert check_report(fields=FIELDS, values={**GOOD, "people_on_site": True})
    assert check_report(fields=FIELDS, values={**GOOD, "people_on_site": 1.5})
    assert check_report(fields=FIELDS, values={**GOOD, "anomalies": "𠮷" * 2001})
    assert check_report(fields=FIELDS, values={**GOOD, "anomalies": "a\x00b"})
    assert not check_report(fields=FIELDS, values={**GOOD, "anomalies": "𠮷" * 2000})
    assert check_report(fields=FIELDS, values=["not", "a", "dict"])[0].field == "values"


def test_more_people_than_employees_needs_confirmation():
    values = {**GOOD, "people_on_site": 120}
    warning, = check_report(fields=FIELDS, values=values, employees=100)
    assert not warning.is_error and "120" in warning.message.text()
    assert check_report(fields=FIELDS, values=values, employees=100, confirmed=True) == []
    assert check_report(fields=FIELDS, values=values, employees=None) == []


def test_figures_count_checks_against_what_is_in_order_and_written_anomalies():
    fig = figures(fields=FIELDS, values={**GOOD, "masks": False, "fever": True,
                                         "anomalies": "口罩只够两天", "needs": "协调口罩"})
    assert (fig.people_on_site, fig.capacity_pct, fig.anomalies) == (80, 90, 3)
    assert figures(fields=FIELDS, values=GOOD).anomalies == 0
    # A value that does not check out is not added up.
    assert figures(fields=FIELDS, values={"people_on_site": 10**30}).people_on_site is None


def test_a_definition_needs_names_keys_and_one_field_per_measure():
    assert check_definition(FIELDS) == []
    assert check_definition([])
    twice = check_definition([PEOPLE, FieldDef("p2", "另一个在岗", measure="people_on_site")])
    assert twice and "在岗" in twice[0].message.text()
    assert check_definition([FieldDef("x", "异常", kind="number", measure="anomaly")])
    assert check_definition([PEOPLE, FieldDef("y", "在岗人数")])  # the same label twice


# -- templates -------------------------------------------------------------------------------
def test_the_two_ready_templates_seed_once_with_the_same_ids_everywhere(store):
    assert templates.ensure_seeded() == 2
    assert templates.ensure_seeded() == 0
    names = [t.name for t in templates.list_templates()]
    assert names == ["复工复产日报", "安全生产日报"]
    for t in templates.list_templates():
        assert t.id == templates.seed_id(t.name)
        assert not t.active  # ready, switched on by the centre when a period starts
        version = templates.version_for(template_id=t.id, day=dt.date(2031, 1, 1))
        assert version is not None and version.measure("people_on_site") is not None
        assert any(f.kind == "check" and not f.expected for f in version.fields)
        assert check_definition(version.fields) == []
    # An officer's laptop seeds without sending; the centre's seeding is queued.
    assert not OutboxOp.select().where(OutboxOp.table == "report_template").exists()


def test_only_the_centre_changes_templates(store):
    templates.ensure_seeded()
    tpl = templates.list_templates()[0]
    with pytest.raises(ServiceError):
        templates.save_template(template_id=tpl.id, role="liaison",
                                data=templates.TemplateInput(name=tpl.name, fields=list(FIELDS)))


def test_a_template_change_applies_from_a_date_and_leaves_earlier_reports_alone(store):
    ids = county()
    tpl = start_template()
    old = templates.version_for(template_id=tpl.id, day=START)
    march3 = reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"],
                                 day=dt.date(2024, 3, 3), values=GOOD, today=dt.date(2024, 3, 3))
    # From March 5 the centre asks one more check and drops the capacity.
    new_fields = [PEOPLE, RETURNED, MASKS, FEVER,
                  FieldDef("canteen", "错峰就餐", kind="check", required=True), ANOMALY, NEED]
    templates.save_template(template_id=tpl.id, role="center", today=dt.date(2024, 3, 4), data=
                            templates.TemplateInput(
        name=tpl.name, active=True, starts_on=START, fields=new_fields,
        effective_from=dt.date(2024, 3, 5)))
    assert templates.version_for(template_id=tpl.id, day=dt.date(2024, 3, 4)).id == old.id
    new = templates.version_for(template_id=tpl.id, day=dt.date(2024, 3, 5))
    assert new.id != old.id and new.field("canteen") is not None
    again = DailyReport.get_by_id(march3.id)
    assert again.template_version_id == old.id and again.values == GOOD
    assert again.capacity_pct == 90
    # An edit of March 3 is still checked against March 3's version...
    reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=dt.date(2024, 3, 3),
                        values={**GOOD, "people_on_site": 81}, today=dt.date(2024, 3, 5))
    assert DailyReport.get_by_id(march3.id).template_version_id == old.id
    # ... and March 5 against the new one, which asks the new check.
    with pytest.raises(ValidationFailed) as failed:
        reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"],
                            day=dt.date(2024, 3, 5), values=GOOD, today=dt.date(2024, 3, 5))
    assert {f.field for f in failed.value.findings} == {"canteen", "capacity"}
    # A version already in force cannot be rewritten in place; one not yet in force can.
    with pytest.raises(ValidationFailed):
        templates.save_template(template_id=tpl.id, role="center", today=dt.date(2024, 3, 6),
                                data=templates.TemplateInput(
            name=tpl.name, active=True, starts_on=START, fields=new_fields[:-1],
            effective_from=dt.date(2024, 3, 5)))
    templates.save_template(template_id=tpl.id, role="center", today=dt.date(2024, 3, 4),
                            data=templates.TemplateInput(
        name=tpl.name, active=True, starts_on=START, fields=new_fields[:-1],
        effective_from=dt.date(2024, 3, 5)))
    # The seed's, the one the period started with, and the one from March 5.
    assert len(templates.versions(template_id=tpl.id)) == 3


def test_saving_the_same_content_makes_no_new_version(store):
    tpl = start_template()
    before = len(templates.versions(template_id=tpl.id))
    current = templates.version_for(template_id=tpl.id, day=START)
    templates.save_template(template_id=tpl.id, role="center", today=START, data=
                            templates.TemplateInput(
        name=tpl.name, active=True, starts_on=START, fields=list(current.fields),
        effective_from=dt.date(2024, 4, 1)))
    assert len(templates.versions(template_id=tpl.id)) == before


def test_audiences_choose_who_reports(store):
    ids = county()
    Enterprise.update(is_key=True).where(Enterprise.id == ids["丙公司"]).execute()
    tpl = start_template(audience="towns", towns=["北关镇"])
    version = templates.version_for(template_id=tpl.id, day=START)
    assert [e.name for e in templates.due_enterprises(version=version)] == ["乙公司", "甲公司"]
    assert [e.name for e in templates.due_enterprises(version=version, officer_id=ids["li"])] == []
    key = templates.Version(**{**vars(version), "audience": "key"})
    assert [e.name for e in templates.due_enterprises(version=key)] == ["丙公司"]
    listed = templates.Version(**{**vars(version), "audience": "listed",
                                  "enterprise_ids": (ids["甲公司"],)})
    assert [e.name for e in templates.due_enterprises(version=listed)] == ["甲公司"]
    with pytest.raises(ValidationFailed):
        templates.save_template(template_id=tpl.id, role="center", data=templates.TemplateInput(
            name=tpl.name, audience="towns", towns=[], fields=list(FIELDS)))


# -- entering reports ------------------------------------------------------------------------
def test_one_report_per_enterprise_template_and_day(store):
    ids = county()
    tpl = start_template()
    context.set_actor(officer_id=ids["wang"])
    day = dt.date(2024, 3, 4)
    first = reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                                values=GOOD, today=day)
    assert first.id == report_id_for(ids["甲公司"], tpl.id, day)
    assert not first.late and first.entered_by == ids["wang"] and first.source == "entry"
    second = reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                                 values={**GOOD, "people_on_site": 85}, today=day)
    assert second.id == first.id
    assert DailyReport.select().count() == 1
    assert DailyReport.get_by_id(first.id).people_on_site == 85
    ops = list(OutboxOp.select().where(OutboxOp.table == "daily_report").order_by(OutboxOp.seq))
    assert [op.creating for op in ops] == [True, False]
    # The figures always travel with the values, so the server merges them as one.
    assert {"values", "people_on_site", "capacity_pct", "anomalies"} <= set(ops[1].changes)
    # Saving what is already there writes nothing.
    reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                        values={**GOOD, "people_on_site": 85, "needs": "  "}, today=day)
    assert OutboxOp.select().where(OutboxOp.table == "daily_report").count() == 2
    context.set_actor(officer_id="")


def test_late_entries_are_allowed_and_marked_and_the_future_is_refused(store):
    ids = county()
    tpl = start_template()
    small = {**GOOD, "people_on_site": 40}
    late = reports.save_report(template_id=tpl.id, enterprise_id=ids["乙公司"],
                               day=dt.date(2024, 3, 2), values=small, today=dt.date(2024, 3, 4))
    assert late.late
    # Correcting it later keeps it late; a day before the period is refused.
    assert reports.save_report(template_id=tpl.id, enterprise_id=ids["乙公司"],
                               day=dt.date(2024, 3, 2), values={**small, "capacity": 50},
                               today=dt.date(2024, 3, 4)).late
    for day in (dt.date(2024, 3, 5), dt.date(2024, 2, 28)):
        with pytest.raises(ValidationFailed):
            reports.save_report(template_id=tpl.id, enterprise_id=ids["乙公司"], day=day,
                                values=small, today=dt.date(2024, 3, 4))


def test_people_over_employees_is_saved_only_when_confirmed(store):
    ids = county()
    tpl = start_template()
    day = dt.date(2024, 3, 4)
    values = {**GOOD, "people_on_site": 70}  # 乙公司 employs 50
    with pytest.raises(ValidationFailed) as failed:
        reports.save_report(template_id=tpl.id, enterprise_id=ids["乙公司"], day=day,
                            values=values, today=day)
    assert failed.value.warnings and not failed.value.errors
    rec = reports.save_report(template_id=tpl.id, enterprise_id=ids["乙公司"], day=day,
                              values=values, confirm=True, today=day)
    assert rec.over_confirmed and rec.people_on_site == 70


def test_hostile_values_are_refused_whole(store):
    ids = county()
    tpl = start_template()
    day = dt.date(2024, 3, 4)
    for bad in ({**GOOD, "people_on_site": 10**30}, {**GOOD, "people_on_site": -1},
                {**GOOD, "capacity": 101}, {**GOOD, "masks": "maybe"},
                {**GOOD, "<script>": "x"}):
        with pytest.raises(ValidationFailed):
            reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                                values=bad, today=day)
    assert not DailyReport.select().exists()
    text = "原料𠮷" + "断供" * 500
    rec = reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                              values={**GOOD, "anomalies": text}, today=day)
    assert DailyReport.get_by_id(rec.id).values["anomalies"] == text


def test_same_as_yesterday_copies_numbers_and_checks_not_yesterdays_news(store):
    ids = county()
    tpl = start_template()
    reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=dt.date(2024, 3, 3),
                        values={**GOOD, "anomalies": "停电两小时"}, today=dt.date(2024, 3, 3))
    copy = reports.copy_yesterday(template_id=tpl.id, enterprise_id=ids["甲公司"],
                                  day=dt.date(2024, 3, 4), today=dt.date(2024, 3, 4))
    assert copy.values == GOOD and copy.source == "copy"
    with pytest.raises(NotFound):
        reports.copy_yesterday(template_id=tpl.id, enterprise_id=ids["乙公司"],
                               day=dt.date(2024, 3, 4), today=dt.date(2024, 3, 4))


def test_the_entry_grid_lists_an_officers_enterprises_with_today_and_yesterday(store):
    ids = county()
    tpl = start_template()
    reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=dt.date(2024, 3, 3),
                        values=GOOD, today=dt.date(2024, 3, 3))
    grid = reports.entry_grid(template_id=tpl.id, day=dt.date(2024, 3, 4), officer_id=ids["wang"])
    assert grid.due
    assert [line.enterprise.name for line in grid.lines] == ["乙公司", "甲公司"]
    jia = grid.lines[1]
    assert jia.saved is None and jia.yesterday == GOOD and jia.enterprise.employees == 100
    assert [f.key for f in jia.fields] == [f.key for f in FIELDS]
    outside = reports.entry_grid(template_id=tpl.id, day=dt.date(2024, 2, 1))
    assert not outside.lines


def test_an_anomaly_becomes_a_request_linked_to_the_report(store):
    ids = county()
    tpl = start_template()
    day = dt.date(2024, 3, 4)
    rec = reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                              values={**GOOD, "masks": False, "needs": "协调口罩两千只"},
                              today=day)
    text = reports.request_text(report_id=rec.id)
    assert "2024-03-04" in text and "口罩充足：否" in text and "协调口罩两千只" in text
    req = reports.make_request(report_id=rec.id, description=text, category="logistics")
    assert DailyReport.get_by_id(rec.id).request_id == req.id
    assert Request.get_by_id(req.id).enterprise_id == ids["甲公司"]
    with pytest.raises(ServiceError):
        reports.make_request(report_id=rec.id, description=text)
    assert Request.select().count() == 1


# -- the board -------------------------------------------------------------------------------
def _week(ids: dict[str, str], tpl: templates.Template) -> None:
    """甲 reports every day (an anomaly on the 5th), 乙 stops after the 2nd, 丙 reports the 5th
    late."""
    for n in range(5):
        day = START + dt.timedelta(days=n)
        values = {**GOOD, "people_on_site": 80 + n}
        if n == 4:
            values["masks"] = False
            values["anomalies"] = "口罩只够两天"
        reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                            values=values, today=day)
        if n < 2:
            reports.save_report(template_id=tpl.id, enterprise_id=ids["乙公司"], day=day,
                                values={**GOOD, "people_on_site": 40}, today=day)
    reports.save_report(template_id=tpl.id, enterprise_id=ids["丙公司"], day=dt.date(2024, 3, 4),
                        values={**GOOD, "people_on_site": 20}, today=dt.date(2024, 3, 4))
    reports.save_report(template_id=tpl.id, enterprise_id=ids["丙公司"], day=dt.date(2024, 3, 5),
                        values={**GOOD, "people_on_site": 25}, today=dt.date(2024, 3, 6))


def test_the_board_shows_who_is_missing_and_what_is_wrong(store):
    ids = county()
    tpl = start_template()
    _week(ids, tpl)
    b = board_service.board(template_id=tpl.id, day=dt.date(2024, 3, 5))
    assert [(x.name, x.status) for x in b.lines] == [
        ("甲公司", "reported"), ("乙公司", "missing"), ("丙公司", "late")]
    jia = b.lines[0]
    assert jia.anomalies == 2 and jia.problems == ("口罩充足：否", "异常情况：口罩只够两天")
    assert [(x.name, x.missing_days, x.last_report) for x in b.long_missing] == [
        ("乙公司", 3, dt.date(2024, 3, 2))]
    assert [(g.name, g.due, g.reported, g.missing, g.people_on_site, g.people_change)
            for g in b.groups] == [("北关镇", 2, 1, 1, 84, 1), ("南湖镇", 1, 1, 0, 25, 5)]
    t = b.total
    assert (t.due, t.reported, t.late, t.missing, t.people_on_site, t.people_change,
            t.anomaly_enterprises) == (3, 2, 1, 1, 109, 6, 1)
    by_officer = board_service.board(template_id=tpl.id, day=dt.date(2024, 3, 5), by="officer")
    assert [(g.name, g.due, g.reported) for g in by_officer.groups] == [
        ("李强", 1, 1), ("王芳", 2, 1)]
    cells = board_service.summary_cells(b.total)
    assert cells[1:] == ["3", "2", "1", "1", "66.7%", "109", "+6", "1"]
    first = board_service.board(template_id=tpl.id, day=START)
    assert board_service.summary_cells(first.total)[7] == "—"  # nothing the day before


def test_trend_per_enterprise_town_and_county(store):
    ids = county()
    tpl = start_template()
    _week(ids, tpl)
    end = dt.date(2024, 3, 5)
    whole = board_service.trend(template_id=tpl.id, start=START, end=end)
    assert [(p.day.day, p.reported, p.people_on_site) for p in whole] == [
        (1, 2, 120), (2, 2, 121), (3, 1, 82), (4, 2, 103), (5, 2, 109)]
    assert whole[-1].anomaly_enterprises == 1 and whole[0].capacity_pct == 90.0
    one = board_service.trend(template_id=tpl.id, start=START, end=end,
                              enterprise_id=ids["乙公司"])
    assert [p.people_on_site for p in one] == [40, 40]
    town = board_service.trend(template_id=tpl.id, start=START, end=end, town="南湖镇")
    assert [p.people_on_site for p in town] == [20, 25]


def test_reminders_list_an_officers_silent_enterprises_longest_first(store):
    ids = county()
    tpl = start_template()
    _week(ids, tpl)
    wang = board_service.reminders(officer_id=ids["wang"], today=dt.date(2024, 3, 5))
    assert [(r.enterprise_name, r.missing_days) for r in wang] == [("乙公司", 3)]
    assert board_service.reminders(officer_id=ids["li"], today=dt.date(2024, 3, 5)) == []
    ReportTemplate.update(active=False).execute()
    assert board_service.reminders(officer_id=ids["wang"], today=dt.date(2024, 3, 5)) == []


# -- importing a day's sheet -----------------------------------------------------------------
def test_a_towns_gbk_sheet_with_its_own_headers_imports_per_row(store, tmp_path):
    from liaison_app.core.services import daily_import
    from tests.core.fixtures_import import write_csv

    ids = county()
    Enterprise.update(uscc="91371082775260043P").where(Enterprise.id == ids["丙公司"]).execute()
    tpl = start_template()
    day = dt.date(2024, 3, 4)
    reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"], day=day,
                        values=GOOD, today=day)
    path = write_csv(tmp_path / "北关镇日报.csv", [
        ["北关镇企业复工复产日报（3月4日）"],
        ["企业名称", "信用代码", "到岗人数", "县外返回人员", "产能(%)", "口罩充足", "有发热人员",
         "异常说明", "备注"],
        ["甲公司", "", "82", "2", "90", "是", "否", "", "改"],
        [],
        ["乙公司", "", "四十", "0", "80", "√", "否", "", ""],
        ["丙公司", "91371082775260043P", "21", "0", "70", "是", "是", "一人低烧已送医", ""],
        ["丁公司", "", "5", "0", "50", "是", "否", "", ""],
        ["甲公司", "", "83", "2", "90", "是", "否", "", "又一行"],
        ["", "", "", "", "", "", "", "", "合计 188"],
    ], encoding="gbk")
    plan = daily_import.preview_daily(path, template_id=tpl.id, day=day, today=day)
    assert not plan.file_errors
    status = {r.row_number: (r.status.value, [f.field for f in r.findings]) for r in plan.rows}
    assert status == {
        3: ("ok", []),
        5: ("error", ["people_on_site"]),
        6: ("ok", []),
        7: ("error", ["name"]),
        8: ("error", ["name"]),
    }
    assert "四十" in plan.rows[1].findings[0].message.text()
    assert plan.updates == {3}
    result = daily_import.commit_daily(plan, today=day)
    assert (result.imported, result.updated, len(result.skipped)) == (2, 1, 3)
    jia = DailyReport.get_by_id(report_id_for(ids["甲公司"], tpl.id, day))
    assert jia.people_on_site == 82 and jia.source == "import"
    bing = DailyReport.get_by_id(report_id_for(ids["丙公司"], tpl.id, day))
    assert bing.values["anomalies"] == "一人低烧已送医" and bing.anomalies == 2


def test_a_sheet_without_its_enterprise_column_says_which_is_missing(store, tmp_path):
    from liaison_app.core.services import daily_import
    from tests.core.fixtures_import import write_xlsx

    county()
    tpl = start_template()
    path = write_xlsx(tmp_path / "日报.xlsx", [["日期", "在岗人数", "产能恢复率"],
                                               ["2024-03-04", 10, 50]])
    plan = daily_import.preview_daily(path, template_id=tpl.id, day=dt.date(2024, 3, 4),
                                      today=dt.date(2024, 3, 4))
    assert plan.file_errors and "企业名称" in plan.file_errors[0].text()
    with pytest.raises(ServiceError):
        daily_import.commit_daily(plan)


def test_rows_may_carry_their_own_dates_and_late_ones_are_marked(store, tmp_path):
    from liaison_app.core.services import daily_import
    from tests.core.fixtures_import import write_xlsx

    ids = county()
    tpl = start_template()
    path = write_xlsx(tmp_path / "甲.xlsx", [
        ["企业名称", "日期", "在岗人数", "其中县外返岗人数", "产能恢复率", "口罩充足",
         "有发热人员"],
        ["甲公司", "2024-03-02", 80, 1, 90, "是", "否"],
        ["甲公司", "2024/3/3", 81, 1, 90, "是", "否"],
        ["甲公司", "2024-03-09", 81, 1, 90, "是", "否"],
    ])
    day = dt.date(2024, 3, 4)
    plan = daily_import.preview_daily(path, template_id=tpl.id, day=day, today=day)
    assert [r.status.value for r in plan.rows] == ["ok", "ok", "error"]
    daily_import.commit_daily(plan, today=day)
    late = DailyReport.get_by_id(report_id_for(ids["甲公司"], tpl.id, dt.date(2024, 3, 3)))
    assert late.late and late.people_on_site == 81
