"""Every kind of record and every field has a name a person reads; no record is shown by id."""
from __future__ import annotations

import datetime as dt

from liaison_app.core.models import SYNCED_MODELS
from liaison_app.core.models.requests import TimelineEvent
from liaison_app.core.services import record_labels, requests, visits
from liaison_app.core.services.enterprises import EnterpriseInput, create
from liaison_app.core.services.visits import FollowUpInput, VisitInput


def test_every_synced_column_has_a_label_or_is_bookkeeping(store):
    missing = [f"{table}.{f.column_name}" for table, model in SYNCED_MODELS.items()
               for f in model._meta.sorted_fields
               if f.column_name not in record_labels.BOOKKEEPING
               and f.column_name not in record_labels.field_labels(table)]
    assert missing == []
    assert [t for t in SYNCED_MODELS if t not in record_labels.TYPE_LABELS] == []


def test_changes_are_told_by_field_label_without_bookkeeping():
    text = record_labels.describe_change(
        "request", {"resolve_deadline": "2026-10-09", "updated_at": "x", "version": 3,
                    "description": "…"}, creating=False)
    assert text == "Request、Resolution deadline" or text == "Resolution deadline、Request"
    assert "updated_at" not in text and "version" not in text
    assert record_labels.describe_change("visit", {"summary": "a"}, creating=True) == "New record"
    assert record_labels.describe_change("visit", {"deleted": True}, creating=False) == "Deleted"


def test_records_without_a_search_title_are_named_by_what_they_belong_to(store):
    ent = create(data=EnterpriseInput(name="鲁南𠮷祥机械有限公司"))
    visit = visits.save(data=VisitInput(
        enterprise_id=ent.id, visit_at=dt.datetime(2026, 3, 2, 9, 30), summary="例行走访",
        follow_ups=[FollowUpInput("协调供电公司增容", dt.date(2026, 3, 9))]))
    follow_up = visit.follow_ups.get()
    title = record_labels.record_title("follow_up", follow_up.id)
    assert "鲁南𠮷祥机械有限公司" in title and "协调供电公司增容" in title
    assert follow_up.id not in title
    req = requests.save(data=requests.RequestInput(enterprise_id=ent.id, description="供电"))
    event = TimelineEvent.get(TimelineEvent.owner_id == req.id)
    assert "鲁南𠮷祥机械有限公司" in record_labels.record_title("timeline_event", event.id)
    gone = record_labels.record_title("visit", "0" * 36)
    assert "0000" not in gone and "Visit" in gone


def test_a_daily_report_is_named_by_enterprise_template_and_day(store):
    """The 同步 page's lists, the conflicts and ``liaison status`` name a report by whose it
    is, which report and which day, also when it is one the sync set aside."""
    import json

    from liaison_app.core.models.daily import report_id_for
    from liaison_app.core.models.sync_records import SyncSetAside
    from liaison_app.core.services import daily_reports
    from tests.core.daily_samples import GOOD, county, start_template

    ids, tpl = county(), start_template()
    rec = daily_reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"],
                                    day=dt.date(2025, 11, 27), values=GOOD)
    assert record_labels.record_title("daily_report", rec.id) == \
        "Daily report · 甲公司 · 复工复产日报 · 2025-11-27"
    aside = report_id_for(ids["乙公司"], tpl.id, dt.date(2025, 11, 26))
    SyncSetAside.create(table="daily_report", record_id=aside, reason="{}", payload=json.dumps(
        {"table": "daily_report", "id": aside, "enterprise_id": ids["乙公司"],
         "template_id": tpl.id, "report_date": "2025-11-26", "values": {"capacity": "九十"}}))
    assert record_labels.record_title("daily_report", aside) == \
        "Daily report · 乙公司 · 复工复产日报 · 2025-11-26"
    assert record_labels.record_title("daily_report", "0" * 36) == \
        "Daily report (no longer on this computer)"
