"""While records a sync received in bulk are still being added to the index, the search page
says its results may be incomplete, and it updates by itself once they are in."""
from __future__ import annotations

import datetime as dt
import time

from liaison_app.core import search, search_backlog
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


def _bulk(ent: Enterprise, word: str, n: int) -> list[dict]:
    return [{"table": "visit", "id": f"v{len(word)}-{ord(word[0])}-{i}", "version": 1, "deleted": False,
             "created_at": "2026-11-01T08:00:00", "updated_at": "2026-11-01T08:00:00",
             "data": {"enterprise_id": ent.id, "visit_at": "2026-11-02T09:00:00",
                      "summary": f"{word}第{i}项"}} for i in range(n)]


def test_records_a_sync_stores_while_the_index_is_merged_are_indexed_after_it(
        qtbot, ctx, monkeypatch):
    from liaison_app.ui.sync_controller import SyncController

    ent = Enterprise(name="合并期间企业", uscc="91110000600037341L")
    ent.save(force_insert=True)
    n = search_backlog.BULK + 10
    assert local.apply_page(_bulk(ent, "排污许可", n), checkpoint_to=None).applied == n
    steps: list[int] = []

    def slow_merge() -> bool:  # an index that takes a few steps to merge
        steps.append(1)
        time.sleep(0.1)
        return len(steps) < 4

    monkeypatch.setattr(search_backlog, "tidy_next", slow_merge)
    ctx.sync = SyncController(ctx)
    with qtbot.waitSignal(ctx.sync.search_caught_up, timeout=20_000):
        ctx.sync.catch_up_search()
    # While the index is being merged, the next sync stores records in bulk and asks again.
    assert local.apply_page(_bulk(ent, "安全生产", n), checkpoint_to=None).applied == n
    ctx.sync.catch_up_search()

    with qtbot.waitSignal(ctx.sync.search_caught_up, timeout=20_000):
        pass
    assert search_backlog.count() == 0
    assert len(search.search("安全生产", limit=500)) == n
    assert len(search.search("排污许可", limit=500)) == n
