"""The 报表 page shows the same three rates as the service and the command line, draws them,
follows a sync, and exports them to Excel."""
from __future__ import annotations

import datetime as dt

import openpyxl
from PySide6.QtCore import QDate

from liaison_app.core.models import Enterprise
from liaison_app.core.models.requests import Request
from liaison_app.core.services import departments, rates
from tests.ui.conftest import wait_idle


def test_rates_table_chart_and_excel(qtbot, ctx, tmp_path):
    from liaison_app.ui.pages.reports_page import ReportsPage

    departments.ensure_seeded()
    power = departments.seed_id("国网县供电公司")
    ent = Enterprise(name="甲公司", town="北关镇")
    ent.save(force_insert=True)
    for n, (on_time, resolved, sat) in enumerate([(True, True, "satisfied"),
                                                  (False, False, "dissatisfied")]):
        Request(enterprise=ent.id, accepted_at=dt.datetime(2024, 3, 1 + n, 9),
                description=f"诉求{n}", category="power", status="called_back",
                lead_department_id=power, dispatched_at=dt.datetime(2024, 3, 1 + n, 10),
                response_deadline=dt.date(2024, 3, 5),
                first_response_at=dt.datetime(2024, 3, 4 if on_time else 8, 9),
                enterprise_resolved=resolved, enterprise_satisfaction=sat
                ).save(force_insert=True)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.start.setDate(QDate(2024, 1, 1))
    page.end.setDate(QDate(2024, 12, 31))
    page.activate()
    page.refresh()
    expected = rates.rates_table(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31),
                                 by="department")
    assert page.table.rowCount() == len(expected.rows) + 1
    assert page.table.item(0, 0).text() == "国网县供电公司"
    assert page.table.item(0, 2).text().startswith("50.0%")
    assert page.table.item(1, 0).text() == "合计"
    assert len(page.chart.series()) == 1
    assert [s.label() for s in page.chart.series()[0].barSets()] == ["响应率", "解决率", "满意率"]
    assert "用电 2" in page.summary.text()

    # A sync brings a third request: read on the runner, shown when it comes.
    Request(enterprise=ent.id, accepted_at=dt.datetime(2024, 3, 9, 9), description="诉求2",
            category="power", status="accepted").save(force_insert=True)
    page.on_data_changed("sync")
    assert "用电 2" in page.summary.text()  # the answer has not come yet
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        pass
    assert "用电 3" in page.summary.text()

    page.by.setCurrentIndex(page.by.findData("town"))
    assert page.table.item(0, 0).text() == "北关镇"

    out = tmp_path / "rates.xlsx"
    page.export(str(out))
    wait_idle(qtbot, ctx)
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "分组" and rows[2][0] == "北关镇"
    assert rows[2][5] == 0.5 and rows[3][0] == "合计"
