"""Layout helpers that let screens fit a 1280×720 laptop and use a 1920×1080 one.

``FlowLayout`` puts buttons side by side and wraps them onto further rows when the pane is
narrow, so a row of buttons never forces horizontal scrolling. ``fit_columns`` sizes a
table's columns to their content and gives the rest of the width to the one column of free
text, so names are not cut short while a status column takes half the screen.
``CompactTextEdit`` and ``CompactList`` prefer a few lines of height and grow into the room
a larger screen gives, instead of preferring 200 pixels and pushing the buttons below them
off a small one.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QTreeView,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's bookkeeping -----------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Preferred: everything on one row.
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(
            0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        # As narrow as the widest single item: the rest wraps.
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing -------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x = area.x()
                y += row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


def flow_of(widgets: list[QWidget], *, parent: QWidget | None = None) -> QWidget:
    """A widget holding ``widgets`` in a ``FlowLayout``."""
    box = QWidget(parent)
    flow = FlowLayout(box)
    for w in widgets:
        flow.addWidget(w)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    box.setSizePolicy(policy)
    return box


COLUMN_PADDING = 8
#: What Qt's item delegate adds around a cell's text.
CELL_MARGIN = 8


class ColumnFitter(QObject):
    """Sizes a table's columns whenever the table or its rows change (see ``fit_columns``)."""

    def __init__(self, view: QAbstractItemView, *, stretch: int, min_stretch: int,
                 drop: tuple[int, ...]) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.min_stretch = min_stretch
        self.drop = drop
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header = _header(view)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Size to the rows on screen, not to a thousand of them: a refresh stays quick.
        rows_header = view.verticalHeader() if isinstance(view, QTableView) else header
        rows_header.setResizeContentsPrecision(0)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.viewport().installEventFilter(self)
        self._watch_model()

    def _watch_model(self) -> None:
        model = self.view.model()
        if model is None:
            return
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged, model.dataChanged):
            signal.connect(self._schedule)

    def _schedule(self, *args: object) -> None:
        """Fit once, after a burst of changes (filling a list changes every cell)."""
        del args
        if not self._timer.isActive():
            self._timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    def fit(self) -> None:
        view = self.view
        header = _header(view)
        count = header.count()
        if not count:
            return
        room = view.viewport().width()
        least = header.minimumSectionSize()
        content = self._content_widths(count)
        # A little air after each column's widest text keeps neighbours apart.
        wants = [max(content[c] + COLUMN_PADDING, header.sectionSizeHint(c), least)
                 for c in range(count)]
        others = [c for c in range(count) if c != self.stretch]
        # Columns that matter least are hidden first when the table is narrow.
        hidden: set[int] = set()
        for c in self.drop:
            if room - sum(wants[o] for o in others if o not in hidden) >= self.min_stretch:
                break
            hidden.add(c)
        for c in range(count):
            header.setSectionHidden(c, c in hidden)
        others = [c for c in others if c not in hidden]
        left = room - sum(wants[c] for c in others)
        if left < self.min_stretch:
            # Too little room: the widest other columns give way (their text elides) down
            # to a common cap, until the free text keeps its minimum.
            budget = max(0, room - self.min_stretch)
            cap = max((wants[c] for c in others), default=0)
            while cap > least and sum(min(wants[c], cap) for c in others) > budget:
                cap -= 4
            for c in others:
                wants[c] = min(wants[c], cap)
            left = room - sum(wants[c] for c in others)
        for c in others:
            header.resizeSection(c, wants[c])
        if 0 <= self.stretch < count:
            header.resizeSection(self.stretch, max(left, least))
        # The scroll range is otherwise computed from the sizes before this fit.
        view.updateGeometries()

    def _content_widths(self, count: int) -> list[int]:
        """The widest text (or cell widget) of each column among the rows on screen.

        Measured from the shown text alone: Qt's own size hint asks the model for half a
        dozen roles per cell, which made a refresh of a long list slow."""
        view = self.view
        model = view.model()
        widths = [0] * count
        if model is None or not model.rowCount():
            return widths
        metrics = view.fontMetrics()
        viewport = view.viewport()
        first = view.indexAt(QPoint(1, 1)).row()
        last = view.indexAt(QPoint(1, viewport.height() - 2)).row()
        first = max(first, 0)
        last = model.rowCount() - 1 if last < 0 else last
        for row in range(first, min(last, first + 100) + 1):
            for column in range(count):
                index = model.index(row, column)
                widget = view.indexWidget(index)
                if widget is not None:
                    width = widget.sizeHint().width()
                else:
                    text = index.data()
                    width = metrics.horizontalAdvance(str(text)) if text else 0
                widths[column] = max(widths[column], width + CELL_MARGIN)
        return widths


def _header(view: QAbstractItemView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]


def fit_columns(view: QAbstractItemView, *, stretch: int, min_stretch: int = 120,
                drop: tuple[int, ...] = ()) -> ColumnFitter:
    """Columns as wide as their content (and header); column ``stretch``, the free text,
    takes the width left over, at least ``min_stretch``, eliding what does not fit.

    When the table is too narrow for that, the columns in ``drop`` are hidden, in that
    order (what the detail pane shows anyway), and if it is still too narrow the widest
    other columns elide too, so the table never needs a horizontal scroll bar. Call after
    the model is set."""
    fitter = ColumnFitter(view, stretch=stretch, min_stretch=min_stretch, drop=drop)
    fitter.fit()
    return fitter


def _lines_height(widget: QWidget, lines: int) -> int:
    return widget.fontMetrics().lineSpacing() * lines + 2 * widget.frameWidth() + 8


class CompactTextEdit(QPlainTextEdit):
    """A multi-line field preferring ``lines`` lines of height."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self._lines = lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), _lines_height(self, self._lines))


class CompactList(QListWidget):
    """A list preferring ``lines`` lines of height."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self._lines = lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), _lines_height(self, self._lines))


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Open ``dialog`` at ``preferred`` size, but never larger than the screen it opens on
    (less room for the window frame and a panel), and never smaller than its content needs
    when the screen allows it."""
    screen = dialog.screen() if dialog.screen() is not None else QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - QSize(40, 60) if screen else preferred
    wanted = preferred.expandedTo(dialog.minimumSizeHint())
    dialog.resize(wanted.boundedTo(room))
