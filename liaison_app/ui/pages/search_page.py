"""Search results across every record type, ranked, with the matched words in bold.

Reachable without the mouse: Down in the search box moves into the results, Up and Down
move between hits, Enter opens the one marked, Up above the first goes back to the box.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from liaison_app.core import search, search_backlog
from liaison_app.ui.context import AppContext
from liaison_app.ui.pages.base import Page

#: Which page opens a hit of each kind.
PAGE_FOR_KIND = {"enterprise": "enterprises", "visit": "visits", "request": "requests",
                 "proxy_case": "proxy", "application": "applications"}


class SearchPage(Page):
    page_id = "search"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.query = ""
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        #: Said while records a sync received are still being added to the index.
        self.incomplete = QLabel()
        self.incomplete.setObjectName("searchIncomplete")
        self.incomplete.setStyleSheet("color: #8a5a00;")
        self.incomplete.setWordWrap(True)
        self.incomplete.hide()
        layout.addWidget(self.incomplete)
        if ctx.sync is not None:
            ctx.sync.search_caught_up.connect(self._caught_up)
        self.results = QTextBrowser()
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._open)
        self.results.installEventFilter(self)
        layout.addWidget(self.results, 1)
        self.hits: list[search.SearchHit] = []
        #: Records received but not yet in the index when the results were read.
        self.waiting = 0
        #: The hit Enter opens (-1: none); marked in the results.
        self.selected = -1
        #: Where Up above the first hit returns (the window's search box).
        self.search_box: QWidget | None = None

    def title(self) -> str:
        return self.tr("Search")

    def kind_label(self, kind: str) -> str:
        return {"enterprise": self.tr("Enterprise"), "visit": self.tr("Visit"),
                "request": self.tr("Request"), "proxy_case": self.tr("Proxy case"),
                "application": self.tr("Application")}.get(kind, kind)

    def set_query(self, query: str) -> None:
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        query = self.query.strip()
        self.hits = search.search(query, limit=100) if query else []
        self.selected = -1
        self.waiting = search_backlog.count() if query else 0
        self.incomplete.setVisible(self.waiting > 0)
        self.incomplete.setText(self.tr(
            "{n} records just received are still being added to search; some results may "
            "be missing. The results update by themselves.").format(n=self.waiting))
        if not query:
            self.heading.setText(self.tr(
                "Type in the search box to find enterprises, visits, requests and proxy cases."))
        else:
            self.heading.setText(self.tr("{n} results for \u201c{q}\u201d").format(
                n=len(self.hits), q=query))
        self._render()

    def _caught_up(self) -> None:
        if self.incomplete.isVisible():
            self.refresh()

    def _render(self) -> None:
        parts = []
        for n, hit in enumerate(self.hits):
            day = hit.when[:10]
            when = (f' <span style="color:#777">{html.escape(day)}</span>'
                    if day and day not in hit.title else "")
            marked = ' bgcolor="#d6e9fb"' if n == self.selected else ""
            parts.append(
                f'<a name="hit{n}"></a><table width="100%" cellpadding="4"><tr><td{marked}>'
                f'<span style="color:#1565c0">[{html.escape(self.kind_label(hit.kind))}]</span> '
                f'<a href="{hit.kind}:{hit.record_id}" style="font-size:large">'
                f'{hit.title_html}</a>{when}<br>'
                f'<span style="color:#444">{hit.snippet_html}</span></td></tr></table>')
        if self.query.strip() and not self.hits:
            parts.append("<p>" + html.escape(
                self.tr("Nothing found yet among the records already added to search.")
                if self.waiting else
                self.tr("Nothing found. Check the spelling, or search for a shorter word."))
                + "</p>")
        self.results.setHtml("".join(parts))
        if self.selected >= 0:
            self._show_hit(f"hit{self.selected}")

    def _show_hit(self, anchor: str) -> None:
        """Scroll just enough for the marked hit to be in view."""
        block = self.results.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if anchor in fragment.charFormat().anchorNames():
                    cursor = QTextCursor(block)
                    cursor.setPosition(fragment.position())
                    self.results.setTextCursor(cursor)
                    self.results.ensureCursorVisible()
                    return
                it += 1
            block = block.next()

    # -- keyboard --------------------------------------------------------------------------
    def focus_results(self) -> bool:
        """From the search box: mark the first hit and move there. False with no hits."""
        if not self.hits:
            return False
        self.select(0)
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def select(self, n: int) -> None:
        self.selected = max(-1, min(n, len(self.hits) - 1))
        self._render()

    def open_selected(self) -> None:
        if 0 <= self.selected < len(self.hits):
            hit = self.hits[self.selected]
            self._open(QUrl(f"{hit.kind}:{hit.record_id}"))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is not self.results or event.type() != QEvent.Type.KeyPress:
            return False
        key = QKeyEvent.key(event)  # type: ignore[arg-type]
        if key == Qt.Key.Key_Down and self.hits:
            self.select(self.selected + 1)
            return True
        if key == Qt.Key.Key_Up:
            if self.selected <= 0 and self.search_box is not None:
                self.select(-1)
                self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.select(self.selected - 1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected >= 0:
            self.open_selected()
            return True
        return False

    def _open(self, url: QUrl) -> None:
        kind, _, record_id = url.toString().partition(":")
        page = PAGE_FOR_KIND.get(kind)
        if page:
            self.ctx.navigate(page, record_id)
