"""Daily reports through a real server: a week entered offline reaches the centre's board, two
laptops entering the same enterprise and day make one report, and the server keeps the
board's figures true to the values."""
from __future__ import annotations

import datetime as dt
from typing import Any

from liaison_app.core.models import Enterprise
from liaison_app.core.models.daily import DailyReport, report_id_for
from liaison_app.core.models.sync_records import SyncConflict
from liaison_app.core.services import daily_board, daily_reports, daily_templates
from sync.server.models import Record, connection
from tests import days
from tests.core.daily_samples import GOOD, start_template

TODAY = days.TODAY
WEEK = [TODAY - dt.timedelta(days=n) for n in range(6, -1, -1)]
YESTERDAY = WEEK[-2]


def _start_on_centre(county: dict[str, Any]) -> str:
    centre = county["centre"]
    centre.use()
    tpl = start_template(starts_on=WEEK[0])
    assert centre.sync().ok
    return tpl.id


def test_a_week_entered_offline_reaches_the_centres_board(county: dict[str, Any]) -> None:
    li, wang, centre = county["li"], county["wang"], county["centre"]
    template_id = _start_on_centre(county)
    for officer in (li, wang):
        officer.use()
        daily_templates.ensure_seeded()  # as the page does before the first sync
        assert officer.sync().ok
    # Offline: li reports every day, with an anomaly today; wang stops after three days.
    li.use()
    for day in WEEK:
        values = {**GOOD, "people_on_site": 70 + day.day % 5}
        if day == TODAY:
            values.update(masks=False, anomalies="口罩只够两天")
        daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"],
                                  day=day, values=values, today=day)
    wang.use()
    for day in WEEK[:3]:
        daily_reports.save_report(template_id=template_id, enterprise_id=county["e2"],
                                  day=day, values={**GOOD, "people_on_site": 40}, today=day)
    for officer in (li, wang):
        report = officer.sync()
        assert report.ok and report.rejected == 0, report.message
    assert centre.sync().ok
    centre.use()
    assert DailyReport.select().count() == 10
    board = daily_board.board(template_id=template_id, day=TODAY)
    by_name = {b.name: b for b in board.lines}
    lu, de = by_name["鲁西化工有限公司"], by_name["德州面粉厂"]
    assert lu.status == "reported" and lu.anomalies == 2 and "异常情况：口罩只够两天" in lu.problems
    assert de.status == "missing" and de.missing_days == 4 and de.last_report == WEEK[2]
    assert [b.name for b in board.lines] == ["鲁西化工有限公司", "德州面粉厂"]
    assert [b.name for b in board.long_missing] == ["德州面粉厂"]
    assert (board.total.due, board.total.reported, board.total.anomaly_enterprises) == (2, 1, 1)
    # Each officer holds only the reports of their own enterprises.
    wang.use()
    assert {r.enterprise_id for r in DailyReport.select()} == {county["e2"]}


def test_two_laptops_entering_the_same_day_offline_make_one_report(
        county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    template_id = _start_on_centre(county)
    li.use()
    assert li.sync().ok
    # Both enter 鲁西化工's day without a network, differently.
    li.use()
    daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"], day=TODAY,
                              values={**GOOD, "people_on_site": 81, "needs": "协调用电"})
    centre.use()
    daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"], day=TODAY,
                              values={**GOOD, "people_on_site": 79})
    assert centre.sync().ok
    report = li.sync()
    assert report.ok and report.conflicts >= 1 and report.rejected == 0, report.message
    assert centre.sync().ok
    rid = report_id_for(county["e1"], template_id, TODAY)
    seen = []
    for device in (li, centre):
        device.use()
        assert DailyReport.select().where(DailyReport.enterprise == county["e1"]).count() == 1
        rec = DailyReport.get_by_id(rid)
        seen.append((rec.values, rec.people_on_site, rec.version))
    assert seen[0] == seen[1]
    values, people, _version = seen[0]
    assert people == values["people_on_site"] == 81  # the last to reach the server
    li.use()
    assert SyncConflict.select().where(SyncConflict.record_id == rid).exists()
    with connection():
        assert Record.select().where((Record.table == "daily_report")
                                     & (Record.record_id == rid)).count() == 1


def test_the_server_keeps_figures_true_to_the_values(county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    template_id = _start_on_centre(county)
    li.use()
    assert li.sync().ok
    rec = daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"],
                                    day=TODAY, values=GOOD)
    # A client that sends figures disagreeing with its values (written by hand to the API).
    DailyReport.update(people_on_site=99_999, anomalies=0).where(
        DailyReport.id == rec.id).execute()
    from liaison_app.core.models import OutboxOp

    op = OutboxOp.get(OutboxOp.record_id == rec.id)
    op.changes = {**op.changes, "people_on_site": 99_999}
    op.save()
    assert li.sync().ok
    assert centre.sync().ok
    centre.use()
    assert DailyReport.get_by_id(rec.id).people_on_site == GOOD["people_on_site"]
    assert daily_board.board(template_id=template_id, day=TODAY).total.people_on_site == 80
    li.use()
    assert li.sync().ok
    assert DailyReport.get_by_id(rec.id).people_on_site == 80


def test_a_template_change_reaches_the_officers_and_leaves_their_reports(
        county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    template_id = _start_on_centre(county)
    li.use()
    assert li.sync().ok
    before = daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"],
                                       day=TODAY, values=GOOD)
    assert li.sync().ok
    centre.use()
    current = daily_templates.version_for(template_id=template_id, day=TODAY)
    tomorrow = TODAY + dt.timedelta(days=1)
    daily_templates.save_template(template_id=template_id, role="center", data=
                                  daily_templates.TemplateInput(
        name="复工复产日报", active=True, starts_on=WEEK[0],
        fields=[f for f in current.fields if f.key != "returned"], effective_from=tomorrow))
    assert centre.sync().ok
    assert li.sync().ok
    li.use()
    assert daily_templates.version_for(template_id=template_id, day=tomorrow).field(
        "returned") is None
    kept = DailyReport.get_by_id(before.id)
    assert kept.template_version_id == current.id and kept.values == GOOD
    assert Enterprise.get_by_id(county["e1"]).name == "鲁西化工有限公司"


def test_a_request_made_from_a_report_reaches_the_centre_linked(county: dict[str, Any]) -> None:
    from liaison_app.core.models.requests import Request

    li, centre = county["li"], county["centre"]
    template_id = _start_on_centre(county)
    li.use()
    assert li.sync().ok
    rec = daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"],
                                    day=TODAY, values={**GOOD, "needs": "请协调口罩2000只"})
    req = daily_reports.make_request(report_id=rec.id,
                                     description=daily_reports.request_text(report_id=rec.id),
                                     category="logistics")
    report = li.sync()
    assert report.ok and report.rejected == 0, report.message
    assert centre.sync().ok
    centre.use()
    assert DailyReport.get_by_id(rec.id).request_id == req.id
    assert "请协调口罩2000只" in Request.get_by_id(req.id).description


def test_the_server_refuses_values_that_break_the_template(county: dict[str, Any]) -> None:
    from liaison_app.core.models import OutboxOp

    li, centre = county["li"], county["centre"]
    template_id = _start_on_centre(county)
    li.use()
    assert li.sync().ok
    good = daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"],
                                     day=TODAY, values=GOOD)
    bad = daily_reports.save_report(template_id=template_id, enterprise_id=county["e1"],
                                    day=YESTERDAY, values=GOOD)
    # Written to the API by hand: a count that is text, a number far out of range.
    op = OutboxOp.get(OutboxOp.record_id == bad.id)
    op.changes = {**op.changes, "values": {**GOOD, "people_on_site": "很多", "capacity": 10**12}}
    op.save()
    report = li.sync()
    assert report.rejected == 1, report.message
    rejected = OutboxOp.get(OutboxOp.record_id == bad.id)
    assert rejected.state == "rejected" and "日报内容不符合其模板" in rejected.last_error
    assert centre.sync().ok
    centre.use()
    assert DailyReport.get_or_none(DailyReport.id == good.id) is not None
    assert DailyReport.get_or_none(DailyReport.id == bad.id) is None
