"""工作台 says when the holiday calendar does not know this year or the coming one."""
from __future__ import annotations

from liaison_app.core.services import workdays
from tests import days


def test_today_page_warns_when_the_calendar_runs_out(qtbot, ctx, monkeypatch, tmp_path):
    from liaison_app.ui.pages.today_page import TodayPage

    this_year = days.TODAY.year
    # A package whose data stopped two years ago, as an app nobody updated would have.
    old = workdays.published_schedule()
    stale = workdays.Schedule(
        frozenset(d for d in old.holidays if d.year < this_year - 1),
        frozenset(d for d in old.makeup_workdays if d.year < this_year - 1),
        frozenset(y for y in old.years if y < this_year - 1))
    monkeypatch.setattr(workdays, "published_schedule", lambda: stale)
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    assert page.calendar_notice.isVisible()
    text = page.calendar_notice.text()
    assert text.startswith(f"{this_year}") and "年的法定节假日安排尚未发布" in text
    assert "只扣除周末" in text
    assert page.calendar_notice.geometry().right() <= page.width()
    page.grab().save(str(tmp_path / "today-notice.png"))

    # The centre enters this year's and next year's days off: the notice goes.
    workdays.save_edits(role="center", edits=workdays.CalendarEdits(holidays=(
        f"{this_year}-01-01", f"{this_year}-10-01", f"{this_year + 1}-01-01")))
    page.refresh()
    assert not page.calendar_notice.isVisible()
