"""Trend charts of the daily reports: people on site and average capacity, day by day, for
the county, a town or one enterprise (QtCharts)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from liaison_app.core import clock
from liaison_app.core.services import daily_board
from liaison_app.core.services.daily_board import TrendPoint

PERIODS = (30, 90, 365)
PEOPLE_COLOR = QColor("#1f5fa8")
CAPACITY_COLOR = QColor("#e08a00")


def _msecs(day: dt.date) -> float:
    return float(QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch())


class DailyTrendView(QWidget):
    """Main thread; ``show_trend`` reads (a year of a county's reports is one indexed query)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template_id = ""
        self.end = clock.today()
        self.points: list[TrendPoint] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.scope = QComboBox(objectName="trendScope")
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period = QComboBox(objectName="trendPeriod")
        for days in PERIODS:
            self.period.addItem(self.tr("Last {n} days").format(n=days), days)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(QLabel(self.tr("Trend of")))
        row.addWidget(self.scope, 1)
        row.addWidget(self.period)
        layout.addLayout(row)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        layout.addWidget(self.view, 1)
        self.note = QLabel(objectName="hint")
        layout.addWidget(self.note)

    def set_scopes(self, *, towns: list[str], enterprise: tuple[str, str] | None = None) -> None:
        """The county, each town, and (when given) one enterprise (id, name) to choose from."""
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("The whole county"), ("county", ""))
        for town in towns:
            self.scope.addItem(town, ("town", town))
        if enterprise is not None:
            self.scope.addItem(enterprise[1], ("enterprise", enterprise[0]))
        wanted = ("enterprise", enterprise[0]) if enterprise is not None else current
        # Not findData: it compares Python tuples by identity, never finding an equal one.
        index = next((i for i in range(self.scope.count())
                      if self.scope.itemData(i) == wanted), 0)
        self.scope.setCurrentIndex(index)
        self.scope.blockSignals(False)

    def show_trend(self, *, template_id: str, end: dt.date) -> None:
        self.template_id = template_id
        self.end = end
        self.refresh()

    def refresh(self) -> None:
        if not self.template_id:
            return
        kind, value = self.scope.currentData() or ("county", "")
        days = self.period.currentData() or PERIODS[0]
        start = self.end - dt.timedelta(days=days - 1)
        self.points = daily_board.trend(
            template_id=self.template_id, start=start, end=self.end,
            enterprise_id=value if kind == "enterprise" else "",
            town=value if kind == "town" else "")
        self._draw(start)

    def _draw(self, start: dt.date) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        people = QLineSeries()
        people.setName(self.tr("People on site"))
        people.setPen(QPen(PEOPLE_COLOR, 2))
        capacity = QLineSeries()
        capacity.setName(self.tr("Average capacity %"))
        capacity.setPen(QPen(CAPACITY_COLOR, 2))
        top = 0
        for p in self.points:
            people.append(_msecs(p.day), p.people_on_site)
            top = max(top, p.people_on_site)
            if p.capacity_pct is not None:
                capacity.append(_msecs(p.day), p.capacity_pct)
        self.chart.addSeries(people)
        self.chart.addSeries(capacity)
        days = QDateTimeAxis()
        days.setFormat("MM-dd")
        days.setRange(QDateTime(start, QTime(0, 0)), QDateTime(self.end, QTime(23, 59)))
        days.setTickCount(7)
        self.chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        left = QValueAxis()
        left.setRange(0, max(10, int(top * 1.15)))
        left.setLabelFormat("%d")
        left.setTitleText(self.tr("People"))
        self.chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        right = QValueAxis()
        right.setRange(0, 100)
        right.setLabelFormat("%d%%")
        self.chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        for series, axis in ((people, left), (capacity, right)):
            series.attachAxis(days)
            series.attachAxis(axis)
        self.chart.setTitle(self.tr("{scope}: {start} to {end}").format(
            scope=self.scope.currentText(), start=start.isoformat(), end=self.end.isoformat()))
        reported = sum(p.reported for p in self.points)
        self.note.setText(self.tr("No reports in this period.") if not self.points else
                          self.tr("{days} days with reports, {n} reports.").format(
                              days=len(self.points), n=reported))
