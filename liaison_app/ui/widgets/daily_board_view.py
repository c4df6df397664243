"""日调度: the board of a day — totals, the table by town or officer, and every enterprise,
those with anomalies first, then those that have not reported (longest silent first)."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import daily_board
from liaison_app.core.services.daily_board import Board, BoardLine
from liaison_app.ui.models.rows_model import Colours, RowsModel

ANOMALY = QColor("#c62828")
MISSING = QColor("#8a6d00")
#: The figures' columns (people, capacity, days without a report), aligned right.
FIGURES = (4, 5, 6)
#: What is wrong: also the line's tooltip, escaped (a tooltip may be read as rich text).
PROBLEMS = 7


class _LinesModel(RowsModel):
    """Every enterprise's line: 2,000 of them at a county's scale, so the view asks only for
    the cells it shows (building an item per cell blocked the window 100 ms per refresh)."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in FIGURES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(index.row(), index.column())
            return html.escape(text) if index.column() == PROBLEMS and text else None
        return super().data(index, role)


def _line_cells(b: BoardLine) -> list[str]:
    return [("★ " if b.is_key else "") + b.name, b.town, b.officers,
            daily_board.STATUS_LABELS[b.status].text(),
            "" if b.people_on_site is None else str(b.people_on_site),
            "" if b.capacity_pct is None else f"{b.capacity_pct}%",
            str(b.missing_days) if b.missing_days else "",
            "；".join(b.problems)]


def _line_colours(b: BoardLine, column: int) -> Colours:
    color = ANOMALY if b.anomalies else (MISSING if b.status == "missing" else None)
    return (color if column in (0, 3, 6, 7) else None), None


class DailyBoardView(QWidget):
    """Shows a ``Board``; the page reads it and hands it over. Main thread."""

    #: An enterprise was activated (its id): the page shows its trend.
    enterprise_chosen = Signal(str)
    #: Town/officer grouping changed: the page reads the board again.
    grouping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board: Board | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.summary = QLabel(objectName="boardSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.by = QComboBox(objectName="boardBy")
        self.by.addItem(self.tr("By town/street"), "town")
        self.by.addItem(self.tr("By officer"), "officer")
        self.by.currentIndexChanged.connect(lambda _i: self.grouping_changed.emit())
        self.show_filter = QComboBox(objectName="boardFilter")
        for text, code in ((self.tr("All enterprises"), "all"),
                           (self.tr("With anomalies"), "anomalies"),
                           (self.tr("Not reported"), "missing"),
                           (self.tr("Not reported for 2 days or more"), "long")):
            self.show_filter.addItem(text, code)
        self.show_filter.currentIndexChanged.connect(lambda _i: self._fill_lines())
        row.addWidget(self.by)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Show")))
        row.addWidget(self.show_filter)
        layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.groups = self._table("boardGroups")
        splitter.addWidget(self.groups)
        self.lines_model = _LinesModel(
            [self.tr("Enterprise"), self.tr("Town/street"), self.tr("Officer"),
             self.tr("Status"), self.tr("People on site"), self.tr("Capacity %"),
             self.tr("Days without a report"), self.tr("What is wrong")],
            _line_cells, self, colours=_line_colours)
        self.lines = QTableView(objectName="boardLines")
        self.lines.setModel(self.lines_model)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.verticalHeader().hide()
        self.lines.setAlternatingRowColors(True)
        self.lines.setWordWrap(False)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((230, 100, 80, 104, 80, 70, 90)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.lines.activated.connect(self._activated)
        splitter.addWidget(self.lines)
        splitter.setSizes([220, 400])
        layout.addWidget(splitter, 1)
        self.empty = QLabel(objectName="emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.empty.hide()

    def grouping(self) -> str:
        return self.by.currentData()

    @staticmethod
    def _table(name: str) -> QTableWidget:
        table = QTableWidget(objectName=name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        return table

    def show_board(self, board: Board) -> None:
        self.board = board
        t = board.total
        if not t.due:
            self.empty.setText(self.tr(
                "No enterprise was due to report {name} on {date}: the day is outside its "
                "reporting period, or no enterprise matches who must report.").format(
                name=board.template.name, date=board.day.isoformat()))
        self.empty.setVisible(not t.due)
        change = daily_board.signed(t.people_change)
        self.summary.setText(self.tr(
            "<b>{date}</b>: {due} enterprises due, <b>{reported}</b> reported ({late} late), "
            "<b style='color:#8a6d00'>{missing} not reported</b>, reporting rate {rate}; "
            "<b>{people}</b> people on site ({change} since the day before); "
            "<b style='color:#c62828'>{anomalies} with anomalies</b>; {long} silent for 2 "
            "days or more.").format(
            date=board.day.isoformat(), due=t.due, reported=t.reported, late=t.late,
            missing=t.missing, rate=daily_board.percent(t.rate), people=t.people_on_site,
            change=change, anomalies=t.anomaly_enterprises, long=len(board.long_missing)))
        self._fill_groups()
        self._fill_lines()

    def _fill_groups(self) -> None:
        board = self.board
        assert board is not None
        heads = daily_board.summary_columns(board.by)
        rows = [*board.groups, board.total]
        self.groups.clear()
        self.groups.setColumnCount(len(heads))
        self.groups.setHorizontalHeaderLabels(heads)
        self.groups.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(daily_board.summary_cells(row)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row is board.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c == 4 and row.missing:
                    item.setForeground(QBrush(MISSING))
                if c == 8 and row.anomaly_enterprises:
                    item.setForeground(QBrush(ANOMALY))
                self.groups.setItem(r, c, item)
        header = self.groups.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def shown_lines(self) -> list[BoardLine]:
        if self.board is None:
            return []
        mode = self.show_filter.currentData()
        lines = self.board.lines
        if mode == "anomalies":
            return [b for b in lines if b.anomalies]
        if mode == "missing":
            return [b for b in lines if b.status == "missing"]
        if mode == "long":
            return list(self.board.long_missing)
        return list(lines)

    def _fill_lines(self) -> None:
        self.lines_model.set_rows(self.shown_lines())

    def _activated(self, index: QModelIndex) -> None:
        line = self.lines_model.row_at(index.row())
        if line is not None:
            self.enterprise_chosen.emit(line.enterprise_id)
