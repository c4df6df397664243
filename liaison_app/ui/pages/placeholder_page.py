"""Areas of the product that later versions fill: one honest line, no sample data."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from liaison_app.ui.context import AppContext
from liaison_app.ui.pages.base import Page


class PlaceholderPage(Page):
    def __init__(self, ctx: AppContext, *, page_id: str, title: str, note: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.page_id = page_id
        self._title = title
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        label = QLabel(note)
        label.setObjectName("placeholderNote")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label)
        layout.addStretch(1)

    def title(self) -> str:
        return self._title
