"""工作台 after a sync: read on the runner, shown when the answer comes, nothing stale left."""
from __future__ import annotations

import datetime as dt

from liaison_app.core.services import demo, enterprises, visits
from liaison_app.core.services.visits import VisitInput
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
    now = dt.datetime.now().replace(second=0, microsecond=0)
    visits.save(data=VisitInput(enterprise_id=ent.id, visit_at=now - dt.timedelta(minutes=1),
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
