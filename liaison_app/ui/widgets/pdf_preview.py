"""A PDF preview: one page at a time, zoom, page through; pages rendered off the main thread.

Qt's own ``QPdfView`` is used when the PySide6 build ships the QtPdf module. The wheels in
use here do not, so the fallback renders the shown page with pdfium (pypdfium2) on the
background runner and shows it as an image in a scroll area. pdfium is not thread-safe, so
every render runs on the runner's one ``db`` worker, one after the other.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.ui.context import AppContext

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)


def font_display_name(family: str) -> str:
    """A font family as a person reads it: "文泉驿微米黑 WenQuanYi Micro Hei" -> its Chinese
    name when it has one, else the whole name."""
    first = family.split(" ", 1)[0]
    return first if any("\u4e00" <= ch <= "\u9fff" for ch in first) else family


def page_count(path: str | Path) -> int:
    """Pages in the PDF at ``path``. Background thread."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def render_page(path: str | Path, index: int, *, scale: float) -> QImage:
    """Page ``index`` as an image at ``scale`` pixels per point. Background thread (QImage,
    unlike widgets, may be made on any thread)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[index]
        bitmap = page.render(scale=scale, may_draw_forms=False)
        pil = bitmap.to_pil().convert("RGB")
        data = pil.tobytes("raw", "RGB")
        image = QImage(data, pil.width, pil.height, pil.width * 3,
                       QImage.Format.Format_RGB888).copy()
        page.close()
        return image
    finally:
        doc.close()


class PdfPreview(QWidget):
    """Shows a PDF file; ``load(path)`` from the main thread. ``page_shown(index, total)``."""

    page_shown = Signal(int, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = ""
        self.pages = 0
        self.index = 0
        self.zoom = 1.0
        self._fit_width = True
        self._pending = False
        self._again = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.prev_button = self._tool("\u25c0", self.tr("Previous page"), self.previous_page)
        self.next_button = self._tool("\u25b6", self.tr("Next page"), self.next_page)
        self.page_label = QLabel(objectName="previewPage")
        self.zoom_out_button = self._tool("\u2212", self.tr("Zoom out"), self.zoom_out)
        self.zoom_label = QLabel(objectName="previewZoom")
        self.zoom_in_button = self._tool("+", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = self._tool(self.tr("Fit width"), self.tr("Fit the page to the width"),
                                     self.fit_width)
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.image = QLabel(objectName="previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8a8a; }")
        self.scroll.setWidget(self.image)
        layout.addWidget(self.scroll, 1)
        self._update_controls()

    def _tool(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- loading and rendering -----------------------------------------------------------
    def load(self, path: str | Path, *, pages: int | None = None) -> None:
        self.path = str(path)
        self.index = 0
        if pages is None:
            self.pages = page_count(self.path)
        else:
            self.pages = pages
        self._render()

    def clear(self) -> None:
        self.path = ""
        self.pages = 0
        self.image.clear()
        self._update_controls()

    def _scale(self) -> float:
        if self._fit_width:
            # A4 is 595 points wide; leave room for the scroll bar.
            width = max(self.scroll.viewport().width() - 24, 200)
            self.zoom = width / 595.0 / (self.logicalDpiX() / 72.0)
        return self.zoom * self.logicalDpiX() / 72.0 * self.devicePixelRatioF()

    def _render(self) -> None:
        if not self.path or not self.pages:
            self._update_controls()
            return
        if self._pending:
            self._again = True
            return
        self._pending = True
        path, index, scale = self.path, self.index, self._scale()
        self._update_controls()
        self.ctx.runner.submit(lambda: render_page(path, index, scale=scale),
                               on_done=self._rendered, on_error=self._render_failed)

    def _rendered(self, image: QImage) -> None:
        self._pending = False
        if self._again:
            self._again = False
            self._render()
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(pixmap)
        self.image.resize(pixmap.deviceIndependentSize().toSize())
        self.page_shown.emit(self.index, self.pages)

    def _render_failed(self, exc: BaseException) -> None:
        self._pending = False
        self.image.setText(self.tr("The page could not be shown: {reason}").format(
            reason=str(exc)))

    # -- navigation ------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        index = max(0, min(index, self.pages - 1))
        if index != self.index:
            self.index = index
            self._render()

    def next_page(self) -> None:
        self.go_to(self.index + 1)

    def previous_page(self) -> None:
        self.go_to(self.index - 1)

    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.01),
                            ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self._fit_width = True
        self._render()

    def _set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self.zoom = zoom
        self._render()

    def _update_controls(self) -> None:
        has = bool(self.pages)
        self.page_label.setText(self.tr("Page {n} of {total}").format(
            n=self.index + 1, total=self.pages) if has else "")
        self.prev_button.setEnabled(has and self.index > 0)
        self.next_button.setEnabled(has and self.index < self.pages - 1)
        for w in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            w.setEnabled(has)
        self.zoom_label.setText(f"{round(self.zoom * 100)}%" if has else "")
