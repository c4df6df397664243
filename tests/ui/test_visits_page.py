"""The visit list: lazy paging, filters, empty state, Ctrl+N, opening records, and the
refresh every sync makes."""
from __future__ import annotations

import datetime as dt
import time

from liaison_app.core.services import enterprises, visits
from liaison_app.ui.models.visit_table_model import PAGE_SIZE, VisitTableModel
from tests.ui.conftest import wait_idle
from tests.ui.test_visit_editor import make_page


def test_lazy_model_pages_through_5000_visits(qtbot, ctx):
    page = make_page(qtbot, ctx, enterprise_count=20, visit_count=5000)
    model = page.model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    assert "5000" in page.count_label.text() or "5,000" in page.count_label.text()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    times = [model.row_at(n).visit_at for n in range(model.rowCount())]
    assert times == sorted(times, reverse=True)
    ids = {model.row_at(n).id for n in range(model.rowCount())}
    assert len(ids) == 2 * PAGE_SIZE

    fresh = VisitTableModel()
    started = time.perf_counter()
    fresh.reload()
    assert time.perf_counter() - started < 1.0  # generous: this is not a benchmark
    while fresh.canFetchMore():
        fresh.fetchMore()
    assert fresh.rowCount() == 5000


def test_scrolling_the_view_fetches_more(qtbot, ctx):
    page = make_page(qtbot, ctx, enterprise_count=5, visit_count=600)
    assert page.model.rowCount() == PAGE_SIZE
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE, timeout=2000)


def test_filters_and_empty_state(qtbot, ctx):
    page = make_page(qtbot, ctx, enterprise_count=5, visit_count=300)
    one = enterprises.list_enterprises(limit=1)[0]
    page.enterprise_filter.set_enterprise_id(one.id)
    expected = visits.count_visits(flt=visits.VisitFilter(enterprise_id=one.id))
    assert page.model.rowCount() == min(expected, PAGE_SIZE)
    assert all(page.model.row_at(n).enterprise_id == one.id
               for n in range(page.model.rowCount()))
    qtbot.waitUntil(lambda: str(expected) in page.count_label.text(), timeout=2000)

    page.kind_filter.setCurrentIndex(page.kind_filter.findData("routine"))
    page.since_filter.setDate(page.since_filter.date().currentDate().addYears(5))
    assert page.model.rowCount() == 0
    assert page.list_stack.currentWidget() is page.empty_label
    assert "筛选" in page.empty_label.text()

    page.clear_filters()
    assert page.model.rowCount() == PAGE_SIZE
    assert page.list_stack.currentWidget() is page.table


def test_empty_database_says_so(qtbot, ctx):
    page = make_page(qtbot, ctx, enterprise_count=2, visit_count=0)
    assert page.list_stack.currentWidget() is page.empty_label
    assert "新建走访" in page.empty_label.text()


def test_new_for_enterprise_and_open_record(qtbot, ctx):
    ctx.settings.officer_id = ""
    page = make_page(qtbot, ctx, enterprise_count=3, visit_count=10)
    target = enterprises.list_enterprises(limit=3)[2]
    page.open_record(f"new:{target.id}")
    assert page.editor_stack.currentWidget() is page.editor
    assert page.editor.record_id() is None
    assert page.editor.enterprise.enterprise_id() == target.id

    row = page.model.row_at(4)
    page.open_record(row.id)
    assert page.editor.record_id() == row.id
    assert page.table.currentIndex().row() == 4
    assert page.editor.summary.toPlainText().startswith(row.summary)

    assert page.new_record()
    assert page.editor.record_id() is None
    assert page.editor.summary.toPlainText() == ""


def test_signed_in_officer_is_the_default(qtbot, ctx):
    from liaison_app.core.services import officers

    page = make_page(qtbot, ctx)
    me = officers.list_officers()[1]
    ctx.settings.officer_id = me.id
    page.new_record()
    assert page.editor.officers.selected_ids() == [me.id]


def test_splitter_state_is_remembered(qtbot, ctx):
    page = make_page(qtbot, ctx)
    page.new_record()
    page.splitter.setSizes([900, 340])
    page.save_state()
    assert ctx.settings.splitter_states["visits"]
    page.splitter.setSizes([500, 740])
    page.restore_state()
    assert page.splitter.sizes()[0] > page.splitter.sizes()[1]


def test_a_sync_refresh_shows_new_visits_and_keeps_selection_scroll_and_typing(qtbot, ctx):
    """What every sync does to the page shown: the list is read again on the runner; the new
    visit appears, the visit being edited stays selected with its typing, and the rows in
    view stay in view."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    page = make_page(qtbot, ctx, enterprise_count=5, visit_count=600)
    page.model.fetchMore()  # the officer scrolled down: 400 rows loaded
    opened = page.model.row_at(300).id
    page.open_record(opened)
    assert page.table.currentIndex().row() == 300
    typed = page.editor.participants.toPlainText() + "; Wang from the tax office"
    page.editor.participants.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(page.editor.participants, "; Wang from the tax office")
    qtbot.waitUntil(lambda: page.editor.contract.is_dirty(), timeout=2000)
    top = page.model.row_at(page.table.rowAt(0)).id
    assert page.table.verticalScrollBar().value() > 0

    # The sync brings a new visit and a change to the visit being edited.
    newest = page.model.row_at(0)
    data = visits.load_input(record_id=newest.id)
    data.visit_at = newest.visit_at.replace(second=0) + dt.timedelta(minutes=5)
    data.summary = "同步带来的新走访"
    data.follow_ups, data.attachments = [], []
    brought = visits.save(data=data).id
    changed = visits.load_input(record_id=opened)
    changed.place = "县政府三楼会议室（同步修改）"
    visits.save(data=changed, record_id=opened)

    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.on_data_changed("sync")
    assert page.model.row_at(0).id == brought, "the new visit is not shown"
    assert page.model.row_at(0).summary == "同步带来的新走访"
    assert page.model.rowCount() >= 401, "the rows scrolled to were dropped"
    current = page.table.currentIndex()
    assert page.model.row_at(current.row()).id == opened, "the selection moved"
    assert page.table.selectionModel().isRowSelected(current.row())
    assert page.model.row_at(page.table.rowAt(0)).id == top, "the list jumped"
    assert page.editor.participants.toPlainText() == typed, "the typing was wiped"
    assert page.editor.contract.is_dirty()
    assert page.editor.contract.notice.isVisible()
    qtbot.waitUntil(lambda: "601" in page.count_label.text(), timeout=5000)
    assert page.model.data(page.model.index(0, 4), Qt.ItemDataRole.DisplayRole) == "同步带来的新走访"


def test_a_refresh_answer_overtaken_by_a_filter_is_not_shown(qtbot, ctx):
    page = make_page(qtbot, ctx, enterprise_count=5, visit_count=300)
    one = enterprises.list_enterprises(limit=1)[0]
    page.on_data_changed("sync")  # the read is on its way...
    page.enterprise_filter.set_enterprise_id(one.id)  # ...when the officer filters
    wait_idle(qtbot, ctx)
    assert not page.refresh_pending()
    assert page.model.rowCount() > 0
    assert all(page.model.row_at(n).enterprise_id == one.id
               for n in range(page.model.rowCount()))


def test_a_burst_of_syncs_costs_two_reads_and_shows_the_last(qtbot, ctx, monkeypatch):
    page = make_page(qtbot, ctx, enterprise_count=5, visit_count=300)
    reads = []
    real = visits.list_visits
    monkeypatch.setattr(visits, "list_visits", lambda **kw: reads.append(kw) or real(**kw))
    newest = page.model.row_at(0)
    for n in range(5):
        page.on_data_changed("sync")
        if n == 3:  # the fourth sync brought a visit
            data = visits.load_input(record_id=newest.id)
            data.visit_at = newest.visit_at + dt.timedelta(minutes=5)
            data.summary = "最后一次同步带来的走访"
            data.follow_ups, data.attachments = [], []
            visits.save(data=data)
    wait_idle(qtbot, ctx)
    assert not page.refresh_pending()
    assert len(reads) == 2, "each change read the list again"
    assert page.model.row_at(0).summary == "最后一次同步带来的走访"
