"""While records a sync received in bulk are still being added to the index, the search page
says its results may be incomplete, and it updates by itself once they are in."""
from __future__ import annotations

import datetime as dt

from liaison_app.core import search_backlog
from liaison_app.core.models import Enterprise
from sync import local


def test_search_says_it_is_incomplete_until_the_index_has_caught_up(qtbot, ctx, tmp_path):
    from liaison_app.ui.pages.search_page import SearchPage
    from liaison_app.ui.sync_controller import SyncController

    ent = Enterprise(name="𠮷田机械有限公司", uscc="91110000600037341L")
    ent.save(force_insert=True)
    n = search_backlog.BULK + 50
    wires = [{"table": "visit", "id": f"v-{i}", "version": 1, "deleted": False,
              "created_at": "2026-11-01T08:00:00", "updated_at": "2026-11-01T08:00:00",
              "data": {"enterprise_id": ent.id,
                       "visit_at": (dt.datetime(2026, 11, 1, 9) + dt.timedelta(hours=i)
                                    ).isoformat(),
                       "summary": f"现场协调用电负荷第{i}项"}}
             for i in range(n)]
    assert local.apply_page(wires, checkpoint_to=None).applied == n
    ctx.sync = SyncController(ctx)
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    page.set_query("用电负荷")
    assert page.incomplete.isVisible()
    assert str(n) in page.incomplete.text() and "可能不全" in page.incomplete.text()
    page.grab().save(str(tmp_path / "search-incomplete.png"))

    with qtbot.waitSignal(ctx.sync.search_caught_up, timeout=20_000):
        ctx.sync.catch_up_search()
    qtbot.waitUntil(lambda: not page.incomplete.isVisible(), timeout=5000)
    assert len(page.hits) == 100  # the page shows the best hundred
    assert "𠮷田机械有限公司" in page.hits[0].title
    assert search_backlog.count() == 0
