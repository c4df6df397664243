"""Search results across every record type, ranked, with the matched words in bold."""
from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from liaison_app.core import search
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
        self.results = QTextBrowser()
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._open)
        layout.addWidget(self.results, 1)
        self.hits: list[search.SearchHit] = []

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
        if not query:
            self.heading.setText(self.tr(
                "Type in the search box to find enterprises, visits, requests and proxy cases."))
        else:
            self.heading.setText(self.tr("{n} results for \u201c{q}\u201d").format(
                n=len(self.hits), q=query))
        parts = []
        for hit in self.hits:
            day = hit.when[:10]
            when = (f' <span style="color:#777">{html.escape(day)}</span>'
                    if day and day not in hit.title else "")
            parts.append(
                f'<p style="margin-bottom:10px"><span style="color:#1565c0">['
                f'{html.escape(self.kind_label(hit.kind))}]</span> '
                f'<a href="{hit.kind}:{hit.record_id}" style="font-size:large">'
                f'{hit.title_html}</a>{when}<br>'
                f'<span style="color:#444">{hit.snippet_html}</span></p>')
        if query and not self.hits:
            parts.append("<p>" + html.escape(self.tr(
                "Nothing found. Check the spelling, or search for a shorter word.")) + "</p>")
        self.results.setHtml("".join(parts))

    def _open(self, url: QUrl) -> None:
        kind, _, record_id = url.toString().partition(":")
        page = PAGE_FOR_KIND.get(kind)
        if page:
            self.ctx.navigate(page, record_id)
