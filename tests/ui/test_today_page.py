"""工作台 after a sync: read on the runner, shown when the answer comes, nothing stale left."""
from __future__ import annotations

import datetime as dt

from liaison_app.core.services import demo, enterprises, visits
from liaison_app.core.services.visits import VisitInput
from tests import days
from tests.ui.conftest import wait_idle


def _texts(tree) -> list[str]:
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def test_a_sync_refresh_shows_the_visit_it_brought(qtbot, ctx):
    from liaison_app.ui.pages.today_page import TodayPage

    ctx.settings.officer_id = ""
    demo.generate(enterprises=4, visits=0, officers=2)
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    assert page.week.topLevelItemCount() == 0
    overdue = page.overdue.topLevelItemCount()
    assert overdue == 4  # never visited

    # The sync brings a visit to one of them, made this morning on another laptop.
    ent = enterprises.list_enterprises(limit=1)[0]
    # A minute past the suite's midnight: in this week and in the past whenever the run is.
    morning = dt.datetime.combine(days.TODAY, dt.time(0, 1))
    visits.save(data=VisitInput(enterprise_id=ent.id, visit_at=morning,
                                summary="同步带来的走访"))
    page.on_data_changed("sync")
    assert page.refresh_pending(), "the page read on the UI thread"
    assert page.week.topLevelItemCount() == 0  # not shown before the answer comes
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        pass
    assert _texts(page.week) == [ent.name]
    assert ent.name not in [page.overdue.topLevelItem(i).text(0).lstrip("★ ")
                            for i in range(page.overdue.topLevelItemCount())]
    assert page.overdue.topLevelItemCount() == overdue - 1
    wait_idle(qtbot, ctx)


def test_a_window_left_open_past_midnight_shows_the_new_day(qtbot, ctx, monkeypatch):
    """工作台 heads the new day and the daily-report sheet opens on it, without a restart."""
    from liaison_app.core import clock
    from liaison_app.ui.main_window import MainWindow

    demo.generate(enterprises=3, visits=0, officers=1)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_started, timeout=5000)
    win.navigate("today")
    today_page = win.page("today")
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: str(days.TODAY.day) in today_page.heading.text(), timeout=5000)
    win.navigate("daily")
    wait_idle(qtbot, ctx)
    win.navigate("reports")  # its range ends today
    wait_idle(qtbot, ctx)
    win.navigate("today")
    tomorrow = days.TODAY + dt.timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda: tomorrow)
    win.check_the_day()
    heading = today_page.locale().toString(tomorrow, today_page.locale().FormatType.LongFormat)
    qtbot.waitUntil(lambda: heading in today_page.heading.text(), timeout=5000)
    win.navigate("daily")
    wait_idle(qtbot, ctx)
    assert win.page("daily").day() == tomorrow
    assert win.page("reports").period()[1] == tomorrow  # this morning's requests count
