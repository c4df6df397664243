"""The visit list: lazy paging, filters, empty state, Ctrl+N and opening records."""
from __future__ import annotations

import time

from liaison_app.core.services import enterprises, visits
from liaison_app.ui.models.visit_table_model import PAGE_SIZE, VisitTableModel
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
