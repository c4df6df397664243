"""The results of an evaluation round on the 测评 page: the table (by unit, dimension or
town), a bar chart of it, the trend across rounds, and the low scores and comments to follow
up, one click turning a complaint into a request. The figures are the results service's
formatted tables, the same the Excel file, the printed report and the command line show."""
from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from liaison_app.core.services import evaluation as ev
from liaison_app.core.services import evaluation_results as er
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import show_error

#: Bars for at most this many groups (the best first); the table lists them all.
CHART_GROUPS = 12


def _short(name: str) -> str:
    return name if len(name) <= 7 else name[:6] + "…"


def _value(text: str) -> float | None:
    try:
        return float(text.rstrip("%"))
    except ValueError:
        return None


class ResultsView(QWidget):
    """Main thread. ``show_round(round_id)``; reads are quick and run on the main thread."""

    export_requested = Signal()
    report_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = ""
        self.results: er.RoundResults | None = None
        self.trend: er.Trend | None = None
        self.shown: er.Table | None = None
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.by = QComboBox(objectName="resultsBy")
        for text, code in ((self.tr("By unit"), "unit"), (self.tr("By dimension"), "dimension"),
                           (self.tr("By town/street"), "town")):
            self.by.addItem(text, code)
        self.by.currentIndexChanged.connect(lambda _=0: self.refresh())
        top.addWidget(self.by)
        top.addStretch(1)
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportResults")
        self.export_button.clicked.connect(self.export_requested)
        self.report_button = QPushButton(self.tr("Print results report…"),
                                         objectName="printReport")
        self.report_button.clicked.connect(self.report_requested)
        top.addWidget(self.export_button)
        top.addWidget(self.report_button)
        outer.addLayout(top)
        self.summary = QLabel(objectName="resultsSummary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.note = QLabel(objectName="resultsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#666;")
        outer.addWidget(self.note)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 0, objectName="resultsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda *_a: self._fill_trend())
        splitter.addWidget(self.table)
        charts = QSplitter(Qt.Orientation.Horizontal)
        self.bar_chart = self._chart()
        self.trend_chart = self._chart()
        self.bar_view = QChartView(self.bar_chart)
        self.trend_view = QChartView(self.trend_chart)
        for view in (self.bar_view, self.trend_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(200)
            charts.addWidget(view)
        splitter.addWidget(charts)
        splitter.setSizes([260, 300])
        outer.addWidget(splitter, 1)

    @staticmethod
    def _chart() -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        return chart

    def show_round(self, round_id: str) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        if not self.round_id:
            return
        try:
            self.results = er.round_results(round_id=self.round_id)
            self.trend = er.trend()
        except Exception as exc:  # noqa: BLE001 - a deleted round: say so, keep the page
            show_error(self, exc)
            return
        res = self.results
        self.shown = er.table_for(res, self.by.currentData())
        self.summary.setText(er.summary_line(res).text())
        notes = []
        if res.anonymous:
            notes.append(er.ANONYMOUS_NOTE.text())
        if res.partial:
            notes.append(er.PARTIAL_NOTE.text())
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self._fill_table(self.shown)
        self._fill_bars()
        self._fill_trend()

    def _fill_table(self, table: er.Table) -> None:
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(table.header))
        self.table.setHorizontalHeaderLabels(list(table.header))
        self.table.setRowCount(len(table.rows))
        total_row = len(table.rows) - 1 if self.by.currentData() == "unit" else -1
        name_col = 1 if self.by.currentData() == "unit" else 0
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c != name_col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r == total_row:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(name_col, QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)

    def _fill_bars(self) -> None:
        chart, res = self.bar_chart, self.results
        assert res is not None
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        by = self.by.currentData()
        if by == "unit":
            groups = [(u.name, u.total) for u in res.units if not u.hidden][:CHART_GROUPS]
            title, label = self.tr("Total by unit (out of 100)"), self.tr("Total")
        elif by == "dimension":
            groups = [(d.label, d.percent) for d in res.by_dimension if not d.hidden]
            title, label = self.tr("Dimensions (out of 100)"), self.tr("Average")
        else:
            groups = [(t.name, t.total) for t in res.towns if not t.hidden][:CHART_GROUPS]
            title, label = self.tr("Total by town/street (out of 100)"), self.tr("Total")
        bars = QBarSet(label)
        for _name, value in groups:
            bars.append(0.0 if value is None else round(value, 1))
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(n) for n, _v in groups] or [self.tr("No data")])
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        scale = QValueAxis()
        scale.setRange(0, 100)
        scale.setLabelFormat("%d")
        chart.addAxis(scale, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(scale)
        chart.legend().hide()
        chart.setTitle(title)

    def selected_unit(self) -> str:
        """The unit of the table's current row (by unit), or "" for all."""
        if self.by.currentData() != "unit" or self.results is None:
            return ""
        r = self.table.currentRow()
        units = self.results.units
        return units[r].key if 0 <= r < len(units) else ""

    def _fill_trend(self) -> None:
        chart, tr = self.trend_chart, self.trend
        if tr is None:
            return
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        lines = [(self.tr("All units"), list(tr.overall))]
        unit = self.selected_unit()
        if unit and unit in tr.units:
            lines.append((tr.unit_names[unit], list(tr.units[unit])))
        names = QBarCategoryAxis()
        names.append([_short(name) for _i, name, _d in tr.rounds] or [self.tr("No data")])
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        scale = QValueAxis()
        scale.setRange(0, 100)
        scale.setLabelFormat("%d")
        chart.addAxis(scale, Qt.AlignmentFlag.AlignLeft)
        for label, points in lines:
            series = QLineSeries()
            series.setName(label)
            series.setPointsVisible(True)
            for i, p in enumerate(points):
                if p.total is not None:
                    series.append(i, round(p.total, 1))
            chart.addSeries(series)
            series.attachAxis(names)
            series.attachAxis(scale)
        chart.legend().show()
        chart.setTitle(self.tr("Trend of the total across rounds"))


class FollowUpView(QWidget):
    """Low scores and comments of a round; the centre turns one into a request."""

    request_made = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = ""
        self.items: list[er.FollowUp] = []
        self.can_make_requests = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(objectName="followNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#666;")
        outer.addWidget(self.note)
        self.table = QTableWidget(0, 6, objectName="followTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Enterprise"), self.tr("Total"), self.tr("Low scores"),
            self.tr("Comments"), self.tr("Request")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._update_button())
        outer.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.message = QLabel(objectName="followMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.request_button = QPushButton(self.tr("Make it a request for the department"),
                                          objectName="makeRequest")
        self.request_button.clicked.connect(self.make_request)
        row.addWidget(self.request_button)
        outer.addLayout(row)

    def show_round(self, round_id: str, *, can_make_requests: bool) -> None:
        self.round_id = round_id
        self.can_make_requests = can_make_requests
        self.refresh()

    def refresh(self) -> None:
        if not self.round_id:
            return
        try:
            self.items = er.follow_ups(round_id=self.round_id)
            anonymous = ev.get_round(record_id=self.round_id).anonymous
        except Exception:  # noqa: BLE001 - the round went away; the page reloads its list
            self.items, anonymous = [], False
        self.note.setText(
            self.tr("Anonymous round: comments are listed without their enterprise, and only "
                    "for units with 3 sheets or more.") if anonymous else
            self.tr("Sheets with a total under 60 or a dimension under 60% of the top, and "
                    "every comment; the lowest first."))
        # An anonymous round names no enterprise: the column would only stand empty.
        self.table.setColumnHidden(1, anonymous)
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            texts = [item.unit_name, item.enterprise, ev.format_number(item.total),
                     "，".join(item.low_dimensions), item.comments,
                     self.tr("Made") if item.request_id else ""]
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if c == 4:
                    cell.setToolTip(text)
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        self._update_button()

    def _current(self) -> er.FollowUp | None:
        r = self.table.currentRow()
        return self.items[r] if 0 <= r < len(self.items) else None

    def _update_button(self) -> None:
        item = self._current()
        ok = (self.can_make_requests and item is not None and bool(item.sheet_id)
              and not item.request_id)
        self.request_button.setEnabled(ok)
        if not self.can_make_requests:
            self.request_button.setToolTip(self.tr(
                "Only the service centre turns evaluation comments into requests."))

    def make_request(self) -> None:
        item = self._current()
        if item is None or not item.sheet_id:
            return
        sheet = item.sheet_id
        self.request_button.setEnabled(False)
        self.ctx.runner.submit(lambda: er.request_from_sheet(sheet_id=sheet),
                               on_done=self._made, on_error=self._failed, change="request")

    def _made(self, req: object) -> None:
        self.message.setStyleSheet("color:#2e7d32;")
        self.message.setText(self.tr("The request is recorded (and dispatched to the "
                                     "department); it is on the Requests page."))
        self.refresh()
        self.request_made.emit(getattr(req, "id", ""))

    def _failed(self, exc: BaseException) -> None:
        self._update_button()
        show_error(self, exc)

    def values(self) -> list[float | None]:
        """The totals as shown (tests)."""
        return [_value(self.table.item(r, 2).text()) for r in range(self.table.rowCount())]
