"""工作台: this week's visits, follow-ups due, enterprises overdue for a visit, recent activity."""
from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import clock
from liaison_app.core.settings import Settings
from liaison_app.ui.context import AppContext
from liaison_app.ui.pages.base import Page

if TYPE_CHECKING:  # the services load after the first frame (see ``refresh``)
    from liaison_app.core.services.daily_board import Reminder
    from liaison_app.core.services.dashboard import Today

OVERDUE = QColor("#c62828")
DUE_SOON = QColor("#b26a00")
ROLE_TARGET = Qt.ItemDataRole.UserRole
# The requests panel's share of the page's height when it lists something.
REQUESTS_STRETCH = 2
#: Enterprises named in the daily-report reminder line; the 日报 page lists them all.
REMINDED = 6


class _Read(NamedTuple):
    today: dt.date
    data: Today
    no_enterprises: bool
    reminders: list[Reminder]


class TodayPage(Page):
    page_id = "today"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.title())  # the date comes with the data
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        # Deadlines silently counting a holiday as a working day is worse than a visible note.
        self.calendar_notice = QLabel()
        self.calendar_notice.setObjectName("notice")
        self.calendar_notice.setWordWrap(True)
        self.calendar_notice.hide()
        layout.addWidget(self.calendar_notice)
        # One line while a daily report is asked for: the officer's enterprises not in yet.
        self.daily = QLabel(objectName="dailyReminder")
        self.daily.setWordWrap(True)
        self.daily.setTextFormat(Qt.TextFormat.RichText)
        self.daily.linkActivated.connect(lambda target: self.ctx.navigate("daily", target))
        self.daily.hide()
        layout.addWidget(self.daily)
        self.welcome = self._build_welcome()
        layout.addWidget(self.welcome)
        grid = QGridLayout()
        self.grid = grid
        layout.addLayout(grid, 1)
        # Requests past or near their deadline come first: they are what must not slip.
        self.requests = self._panel(grid, 0, 0, self.tr("Requests overdue or due soon"),
                                    [self.tr("Due"), self.tr("Enterprise"), self.tr("Status"),
                                     self.tr("Request")], span=2)
        self.week = self._panel(grid, 1, 0, self.tr("Visits this week"),
                                [self.tr("Time"), self.tr("Enterprise"), self.tr("Kind")])
        self.follow_ups = self._panel(grid, 1, 1, self.tr("Follow-up actions due"),
                                      [self.tr("Due"), self.tr("Enterprise"), self.tr("Action")])
        self.overdue = self._panel(grid, 2, 0, self.tr("Enterprises due for a visit"),
                                   [self.tr("Enterprise"), self.tr("Town/street"),
                                    self.tr("Last visit"), self.tr("Overdue")])
        self.recent = self._panel(grid, 2, 1, self.tr("Recent activity"),
                                  [self.tr("When"), self.tr("Record")])
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for row, stretch in enumerate((REQUESTS_STRETCH, 3, 3)):
            grid.setRowStretch(row, stretch)
        # With nothing due the requests panel is one line, not a third of the page.
        empty: QLabel = self.requests.property("emptyLabel")
        empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        empty.setStyleSheet("padding: 2px 4px;")

    def title(self) -> str:
        return self.tr("Today")

    def _build_welcome(self) -> QFrame:
        """Shown while there are no enterprises: what to do first."""
        box = QFrame(objectName="welcome")
        box.setStyleSheet("#welcome { background: #e8f0fe; border-radius: 6px; }")
        row = QHBoxLayout(box)
        text = QLabel(self.tr(
            "There are no enterprises yet. Add the enterprises you look after, import them "
            "from a spreadsheet, or load demo data to try the app."))
        text.setWordWrap(True)
        row.addWidget(text, 1)
        for label, slot in ((self.tr("New enterprise"),
                             lambda: self.ctx.navigate("enterprises", "new:")),
                            (self.tr("Import…"),
                             lambda: self.ctx.navigate("enterprises", "import:")),
                            (self.tr("Load demo data…"), self._load_demo)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
        box.hide()
        return box

    def _load_demo(self) -> None:
        from liaison_app.ui.app import load_demo_data

        load_demo_data(self.window(), self.ctx)

    def _panel(self, grid: QGridLayout, row: int, col: int, title: str,
               headers: list[str], span: int = 1) -> QTreeWidget:
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        tree.setAlternatingRowColors(True)
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.itemActivated.connect(self._open)
        box_layout.addWidget(tree)
        empty = QLabel()
        empty.setObjectName("emptyState")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box_layout.addWidget(empty)
        tree.setProperty("emptyLabel", empty)
        grid.addWidget(box, row, col, 1, span)
        return tree

    def refresh(self) -> None:
        self.supersede_reads()
        self._show(self._read(settings=self.ctx.settings))

    def refresh_in_background(self) -> None:
        """After a sync: 工作台 is a dozen queries over the whole county (80 ms at 100,000
        visits), read on the runner and shown when they come."""
        settings = self.ctx.settings
        self.read_then(lambda: self._read(settings=settings), self._show)

    @staticmethod
    def _read(*, settings: Settings) -> _Read:
        """Everything the page shows. Any thread: reads only, touches no widget."""
        # The services are imported here, not with the page: the page is the first frame
        # of every start, and its data is read only once that frame is painted.
        from liaison_app.core.services import daily_board, dashboard, enterprises
        from liaison_app.core.services.officers import CENTRE, current_role

        today = clock.today()
        data = dashboard.today_overview(settings=settings, officer_id=settings.officer_id,
                                        today=today)
        # With no enterprise at all, "every enterprise visited on schedule" would be hollow.
        no_enterprises = not data.overdue_enterprises and enterprises.count_enterprises() == 0
        # Officers are reminded of daily reports here; the centre has the board.
        reminders = ([] if current_role() == CENTRE else
                     daily_board.reminders(officer_id=settings.officer_id, today=today))
        return _Read(today, data, no_enterprises, reminders)

    def _show(self, read: _Read) -> None:
        from liaison_app.core.services.requests import STATUS_LABELS
        from liaison_app.core.services.visits import KIND_LABELS

        today, data, no_enterprises = read.today, read.data, read.no_enterprises
        self.welcome.setVisible(no_enterprises)
        self.heading.setText(self.tr("Today, {date}").format(
            date=self.locale().toString(today, self.locale().FormatType.LongFormat)))
        self.calendar_notice.setText(data.calendar_notice.text() if data.calendar_notice else "")
        self.calendar_notice.setVisible(data.calendar_notice is not None)
        self._fill(self.week, [
            ([f"{v.visit_at:%m-%d %H:%M}", v.enterprise_name,
              KIND_LABELS[v.kind].text() if v.kind in KIND_LABELS else v.kind],
             ("visits", v.id), None)
            for v in data.visits_this_week], self.tr("No visits logged this week yet."))
        self._fill(self.follow_ups, [
            ([f"{f.due_date:%Y-%m-%d}" + (self.tr(" (overdue)") if f.overdue else ""),
              f.enterprise_name, f.text], ("visits", f.visit_id),
             OVERDUE if f.overdue else DUE_SOON)
            for f in data.due_follow_ups], self.tr("No follow-up actions are due."))
        self._fill(self.overdue, [
            ([("★ " if e.is_key else "") + e.name, e.town,
              f"{e.last_visit:%Y-%m-%d}" if e.last_visit else self.tr("never"),
              self.tr("{n} days").format(n=e.days_overdue)], ("enterprises", e.id),
             OVERDUE if e.is_key else None)
            for e in data.overdue_enterprises],
            self.tr("No enterprises yet.") if no_enterprises
            else self.tr("Every enterprise has been visited on schedule."))
        self._fill(self.requests, [
            ([f"{r.due_date:%Y-%m-%d}" + (self.tr(" (overdue)") if r.deadline_state == "overdue"
                                          else ""),
              r.enterprise_name, STATUS_LABELS[r.status].text(), r.summary],
             ("requests", r.id), OVERDUE if r.deadline_state == "overdue" else DUE_SOON)
            for r in data.requests_due], self.tr("No request is overdue or due soon."))
        self._fit_requests(bool(data.requests_due))
        self._remind_daily(read.reminders)
        self._fill(self.recent, [
            ([_local(a.when).strftime("%m-%d %H:%M"),
              (self.tr("Visit: ") if a.kind == "visit" else self.tr("Enterprise: ")) + a.title],
             ("visits" if a.kind == "visit" else "enterprises", a.record_id), None)
            for a in data.recent], self.tr("Nothing recorded yet."))

    def _remind_daily(self, found: list[Reminder]) -> None:
        """Enterprises that have not reported today, longest silent first (officers only:
        the centre has the board)."""
        self.daily.setVisible(bool(found))
        if not found:
            return
        shown = "、".join(html.escape(self.tr("{name} ({n} days)").format(
            name=r.enterprise_name, n=r.missing_days)) for r in found[:REMINDED])
        more = self.tr(" and {n} more").format(n=len(found) - REMINDED) \
            if len(found) > REMINDED else ""
        first = found[0]
        self.daily.setText(self.tr(
            "<span style='color:#b26a00'><b>Daily reports not in yet today ({n}):</b></span> "
            "{names}{more} <a href='{target}'>Enter them…</a>").format(
            n=len(found), names=shown, more=html.escape(more),
            target=html.escape(f"{first.template_id}:{first.enterprise_id}")))

    def _fit_requests(self, listed: bool) -> None:
        box = self.requests.parentWidget()
        self.grid.setRowStretch(0, REQUESTS_STRETCH if listed else 0)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred
                          if listed else QSizePolicy.Policy.Maximum)

    def _fill(self, tree: QTreeWidget, rows: list, empty_text: str) -> None:
        tree.clear()
        items = []
        for texts, target, color in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, ROLE_TARGET, target)
            if color is not None:
                item.setForeground(0, QBrush(color))
            items.append(item)
        tree.addTopLevelItems(items)
        empty: QLabel = tree.property("emptyLabel")
        empty.setText(empty_text)
        empty.setVisible(not items)
        tree.setVisible(bool(items))

    def _open(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, ROLE_TARGET)
        if target:
            self.ctx.navigate(target[0], target[1])


def _local(utc: dt.datetime) -> dt.datetime:
    """Bookkeeping times are stored in UTC; people read local time."""
    return utc.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)
