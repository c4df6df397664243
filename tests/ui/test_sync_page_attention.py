"""The 同步 page shows everything sync leaves for a person: records it could not apply, and
refused changes of every kind of record, named in the person's language."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel, QTabWidget, QTreeWidget, QWidget

from liaison_app.core.models.base import OutboxOp
from liaison_app.core.models.sync_records import SyncSetAside


def _texts(shown: QWidget) -> list[str]:
    out: list[str] = []
    for label in shown.findChildren(QLabel):
        out.append(label.text())
    for tabs in shown.findChildren(QTabWidget):
        out.extend(tabs.tabText(i) for i in range(tabs.count()))
    for tree in shown.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            out.extend(item.text(c) for c in range(item.columnCount()))
    return out


def _set_aside_bad_visit(record_id: str) -> None:
    SyncSetAside.create(table="visit", record_id=record_id,
                        payload=json.dumps({"table": "visit", "version": 3}),
                        reason=json.dumps({"en": "visit_at: not a date and time",
                                           "zh": "visit_at：不是日期时间"}, ensure_ascii=False),
                        app_version="0")


def test_a_record_set_aside_by_the_sync_is_shown_with_its_reason(sync_page) -> None:
    _set_aside_bad_visit("3f0c1d2e-0000-4000-8000-000000000001")
    sync_page.refresh()
    assert any("不是日期时间" in text for text in _texts(sync_page)), \
        "the person is never told a record could not be applied"


@pytest.mark.parametrize("table", ["timeline_event", "audit_entry", "score_sheet",
                                   "issued_pass", "evaluation_round", "centre_setting"])
def test_a_refused_change_names_its_kind_of_record_in_chinese(sync_page, table: str) -> None:
    OutboxOp.create(table=table, record_id="3f0c1d2e-0000-4000-8000-000000000002",
                    base_version=1, changes={"note": "x"}, state="rejected",
                    last_error=json.dumps({"reason": "read_only", "en": "no", "zh": "不可"}))
    sync_page.refresh()
    shown = sync_page.rejected.topLevelItem(0).text(0)
    assert shown != table, f"the refused list shows the table name {shown!r}"


def test_an_english_speaker_reads_the_reasons_in_english(sync_page) -> None:
    from liaison_app.ui.i18n import install_language

    _set_aside_bad_visit("3f0c1d2e-0000-4000-8000-000000000003")
    OutboxOp.create(table="visit", record_id="3f0c1d2e-0000-4000-8000-000000000004",
                    base_version=1, changes={"summary": "x"}, state="rejected",
                    last_error=json.dumps({"reason": "read_only", "en": "read only",
                                           "zh": "只读"}, ensure_ascii=False))
    install_language("en")
    try:
        sync_page.refresh()
        texts = _texts(sync_page)
    finally:
        install_language("zh_CN")
    assert "visit_at: not a date and time" in texts and "read only" in texts
    assert not any("不是日期时间" in t or t == "只读" for t in texts)


def test_a_daily_report_waiting_or_refused_is_named_by_enterprise_template_and_day(
        sync_page) -> None:
    import datetime as dt

    from liaison_app.core.services import daily_reports
    from liaison_app.ui.i18n import install_language
    from tests.core.daily_samples import GOOD, county, start_template

    ids, tpl = county(), start_template()
    daily_reports.save_report(template_id=tpl.id, enterprise_id=ids["甲公司"],
                              day=dt.date(2025, 11, 27), values=GOOD)
    refused = daily_reports.save_report(template_id=tpl.id, enterprise_id=ids["丙公司"],
                                        day=dt.date(2025, 11, 26),
                                        values={**GOOD, "people_on_site": 25})
    OutboxOp.update(state="rejected", last_error=json.dumps(
        {"reason": "forbidden", "en": "not yours", "zh": "无权修改"}, ensure_ascii=False)
    ).where(OutboxOp.record_id == refused.id).execute()
    sync_page.refresh()
    assert [sync_page.waiting.topLevelItem(i).text(1)
            for i in range(sync_page.waiting.topLevelItemCount())
            if sync_page.waiting.topLevelItem(i).text(0) == "日报"] == [
        "日报 · 甲公司 · 复工复产日报 · 2025-11-27"]
    assert sync_page.rejected.topLevelItem(0).text(1) == \
        "日报 · 丙公司 · 复工复产日报 · 2025-11-26"
    install_language("en")
    try:
        sync_page.refresh()
        shown = sync_page.rejected.topLevelItem(0).text(1)
    finally:
        install_language("zh_CN")
    assert shown == "Daily report · 丙公司 · 复工复产日报 · 2025-11-26"
