"""报表: the three rates per department, town or officer, with a bar chart; requests by category
and status; proxy items done and days saved; export to Excel."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.services import rates
from liaison_app.core.services import requests as rq
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import show_error
from liaison_app.ui.pages.base import Page

#: Bars for at most this many groups (the largest); the table shows them all.
CHART_GROUPS = 12


class _Read(NamedTuple):
    """The page's figures for a period and grouping."""

    start: dt.date
    end: dt.date
    by: str
    table: rates.RatesTable
    categories: dict[str, int]
    statuses: dict[str, int]
    proxy: rates.ProxySummary


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class ReportsPage(Page):
    page_id = "reports"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.table_data: rates.RatesTable | None = None
        self._build()

    def title(self) -> str:
        return self.tr("Reports")

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        heading = QLabel(self.tr("Reports"))
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        header.addWidget(heading)
        header.addSpacing(16)
        today = clock.today()
        self.start = QDateEdit(QDate(today.year, 1, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.by = QComboBox()
        for text, code in ((self.tr("By department"), "department"),
                           (self.tr("By town/street"), "town"),
                           (self.tr("By officer"), "officer")):
            self.by.addItem(text, code)
        self.by.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export())
        header.addWidget(QLabel(self.tr("Accepted from")))
        header.addWidget(self.start)
        header.addWidget(QLabel(self.tr("to")))
        header.addWidget(self.end)
        header.addWidget(self.by)
        header.addStretch(1)
        header.addWidget(self.export_button)
        outer.addLayout(header)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Requests"), self.tr("Response rate"),
            self.tr("Resolution rate"), self.tr("Satisfaction rate")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        splitter.addWidget(self.table)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        splitter.addWidget(self.chart_view)
        splitter.setSizes([300, 320])
        outer.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #666;")
        outer.addWidget(self.message)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def on_day_changed(self, was: dt.date) -> None:
        # A range that ended today goes on ending today: this morning's requests count.
        if self.end.date().toPython() == was:
            self.end.blockSignals(True)
            self.end.setDate(QDate(clock.today()))
            self.end.blockSignals(False)
        super().on_day_changed(was)

    def refresh(self) -> None:
        self.supersede_reads()
        self._show(self._read(*self.period(), self.by.currentData()))

    def refresh_in_background(self) -> None:
        """After a sync: the figures are read on the runner; the chart is drawn when they
        come (reading and drawing together came close to a frame budget of 50 ms)."""
        start, end = self.period()
        by = self.by.currentData()
        self.read_then(lambda: self._read(start, end, by), self._show_read)

    def _show_read(self, read: _Read) -> None:
        if (read.start, read.end, read.by) != (*self.period(), self.by.currentData()):
            self.refresh()  # the period or grouping changed meanwhile
            return
        self._show(read)

    @staticmethod
    def _read(start: dt.date, end: dt.date, by: str) -> _Read:
        """Every figure the page shows. Any thread (reads only)."""
        return _Read(start, end, by, rates.rates_table(start=start, end=end, by=by),
                     rates.by_category(start=start, end=end),
                     rates.by_status(start=start, end=end),
                     rates.proxy_summary(start=start, end=end))

    def _show(self, read: _Read) -> None:
        table = read.table
        self.table_data = table
        rows = [*table.rows, table.total]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = [row.name, str(row.requests),
                     f"{percent(row.response_rate)}  ({row.response_on_time}/{row.response_base})",
                     f"{percent(row.resolution_rate)}  ({row.resolved}/{row.resolution_base})",
                     f"{percent(row.satisfaction_rate)}  "
                     f"({row.satisfied}/{row.satisfaction_base})"]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row is table.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self._fill_chart(table)
        cats, stats, proxy = read.categories, read.statuses, read.proxy
        cat_text = "、".join(f"{rq.CATEGORY_LABELS[k].text()} {n}" for k, n in
                            sorted(cats.items(), key=lambda kv: -kv[1]) if k in rq.CATEGORY_LABELS)
        stat_text = "、".join(f"{rq.STATUS_LABELS[k].text()} {n}" for k, n in
                             sorted(stats.items(), key=lambda kv: -kv[1]) if k in rq.STATUS_LABELS)
        self.summary.setText("<br>".join([
            self.tr("<b>By category:</b> {text}").format(text=cat_text or "—"),
            self.tr("<b>By status:</b> {text}").format(text=stat_text or "—"),
            self.tr("<b>Proxy handling:</b> {done} items approved; {taken} days taken against "
                    "{usual} usual, {saved} days saved").format(
                done=proxy.items_done, taken=proxy.days_taken, usual=proxy.days_usual,
                saved=proxy.days_saved)]))

    def _fill_chart(self, table: rates.RatesTable) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        groups = table.rows[:CHART_GROUPS]
        series = QBarSeries()
        for label, attr in ((self.tr("Response rate"), "response_rate"),
                            (self.tr("Resolution rate"), "resolution_rate"),
                            (self.tr("Satisfaction rate"), "satisfaction_rate")):
            bars = QBarSet(label)
            for row in groups:
                value = getattr(row, attr)
                bars.append(0.0 if value is None else round(value * 100, 1))
            series.append(bars)
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([g.name if len(g.name) <= 8 else g.name[:7] + "…" for g in groups]
                     or [self.tr("No data")])
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        scale = QValueAxis()
        scale.setRange(0, 100)
        scale.setLabelFormat("%d%%")
        self.chart.addAxis(scale, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(scale)
        self.chart.setTitle(self.tr("Three rates, {start} to {end}").format(
            start=table.start.isoformat(), end=table.end.isoformat()))

    def export(self, path: str = "") -> None:
        if self.table_data is None:
            self.refresh()
        table = self.table_data
        start, end = self.period()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to Excel"),
                str(Path.home() / f"三率-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"), "Excel (*.xlsx)")
        if not path:
            return
        cats = {rq.CATEGORY_LABELS[k].text(): n
                for k, n in rates.by_category(start=start, end=end).items()
                if k in rq.CATEGORY_LABELS}
        stats = {rq.STATUS_LABELS[k].text(): n
                 for k, n in rates.by_status(start=start, end=end).items()
                 if k in rq.STATUS_LABELS}
        proxy = rates.proxy_summary(start=start, end=end)
        self.ctx.runner.submit(
            lambda: rates.export_xlsx(table=table, path=path, categories=cats, statuses=stats,
                                      proxy=proxy),
            on_done=lambda _: self._exported(path), on_error=lambda e: show_error(self, e))

    def _exported(self, path: str) -> None:
        self.message.setText(self.tr("Saved {path}").format(path=path))
        self.last_export = path
