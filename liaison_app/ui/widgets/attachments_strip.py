"""Photos and files attached to a record: thumbnails, add, remove.

Files are copied into the attachment store (by SHA-256) on the background runner, so a
50 MB photo being hashed or downscaled never freezes the window; the strip only keeps the
resulting ``AttachmentInput`` values until the record is saved.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import attachments
from liaison_app.core.services.visits import AttachmentInput
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR

THUMB_EDGE = 96
PHOTO_FILTER = "*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff *.heic"


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


class AttachmentsStrip(QWidget):
    """Main thread. ``changed`` fires when the set of attachments changes."""

    changed = Signal()
    #: Emitted when the number of files still being stored changes.
    pending_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending = 0
        self._progress_shown = False
        #: Bumped whenever the whole set is replaced, so late results of an old set are dropped.
        self._generation = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_EDGE, THUMB_EDGE))
        self.list.setGridSize(QSize(THUMB_EDGE + 40, THUMB_EDGE + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setFixedHeight(THUMB_EDGE + 56)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self.open_item)
        outer.addWidget(self.list)
        self.empty_hint = QLabel(self.tr("No photos or files attached."))
        self.empty_hint.setObjectName("hint")
        outer.addWidget(self.empty_hint)
        row = QHBoxLayout()
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.shrink_box = QCheckBox(self.tr("Shrink large photos"))
        self.shrink_box.setChecked(True)
        self.shrink_box.setToolTip(self.tr(
            "Photos whose longest edge exceeds {edge} pixels are stored smaller, which saves "
            "disk space and sync time.").format(edge=ctx.settings.photo_max_edge))
        for w in (self.add_photos_button, self.add_files_button, self.remove_button,
                  self.shrink_box):
            row.addWidget(w)
        row.addStretch(1)
        outer.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        self.add_photos_button.clicked.connect(self._choose_photos)
        self.add_files_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self._update_buttons()

    # -- values ------------------------------------------------------------------------
    def values(self) -> list[AttachmentInput]:
        return [self.list.item(n).data(Qt.ItemDataRole.UserRole)
                for n in range(self.list.count())]

    def set_values(self, items: list[AttachmentInput]) -> None:
        self._generation += 1
        self.list.clear()
        self._show_status("")
        for item in items:
            self._add_item(item, None)
            if item.mime in attachments.IMAGE_TYPES:
                self._load_thumbnail(item.sha256)
        self._update_buttons()

    def pending(self) -> int:
        """Files still being copied into the store."""
        return self._pending

    # -- adding ------------------------------------------------------------------------
    def _choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Photos ({patterns})").format(
                patterns=PHOTO_FILTER))
        self.add_paths([Path(p) for p in paths])

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files"), "", self.tr("All files (*)"))
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        """Store each file on the runner; thumbnails appear when it is done."""
        root = self.ctx.paths.attachments
        edge = self.ctx.settings.photo_max_edge if self.shrink_box.isChecked() else None
        generation = self._generation
        for path in paths:
            def work(path: Path = path) -> tuple[attachments.StoredFile, bytes | None]:
                stored = attachments.store_file(root, path, downscale_to=edge)
                thumb = None
                if stored.mime in attachments.IMAGE_TYPES:
                    thumb = attachments.thumbnail_bytes(root, stored.sha256, edge=THUMB_EDGE)
                return stored, thumb

            self._set_pending(self._pending + 1)
            self.ctx.runner.submit(
                work,
                on_done=lambda result, g=generation: self._stored(result, g),
                on_error=lambda exc, g=generation: self._store_failed(exc, g))

    def _stored(self, result: tuple[attachments.StoredFile, bytes | None],
                generation: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_pending(self._pending - 1)
        if generation != self._generation:
            return
        stored, thumb = result
        if any(a.sha256 == stored.sha256 for a in self.values()):
            self._show_status(self.tr("{name} is already attached.").format(
                name=stored.filename))
            return
        self._show_status("")
        self._add_item(AttachmentInput(sha256=stored.sha256, filename=stored.filename,
                                       mime=stored.mime, size=stored.size), thumb)
        self._update_buttons()
        self.changed.emit()

    def _store_failed(self, exc: BaseException, generation: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_pending(self._pending - 1)
        if generation == self._generation:
            self._show_status(describe(exc), error=True)

    def _load_thumbnail(self, sha256: str) -> None:
        root = self.ctx.paths.attachments
        generation = self._generation
        self.ctx.runner.submit(
            lambda: attachments.thumbnail_bytes(root, sha256, edge=THUMB_EDGE),
            on_done=lambda data: self._thumbnail_ready(sha256, data, generation),
            on_error=lambda exc: None)

    def _thumbnail_ready(self, sha256: str, data: bytes | None, generation: int) -> None:
        if not shiboken6.isValid(self) or generation != self._generation or not data:
            return
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(Qt.ItemDataRole.UserRole).sha256 == sha256:
                item.setIcon(self._icon(data))

    # -- opening -----------------------------------------------------------------------
    def open_item(self, item: QListWidgetItem) -> None:
        """Open a copy under its own name (the store keeps bare hashes) with the system viewer."""
        value: AttachmentInput = item.data(Qt.ItemDataRole.UserRole)
        root = self.ctx.paths.attachments
        target = Path(tempfile.gettempdir()) / "liaison-open" / value.sha256[:12] / value.filename

        def work() -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                attachments.export_copy(root, value.sha256, target)
            return target

        self.ctx.runner.submit(work, on_done=self._open_copy,
                               on_error=lambda exc: self._store_failed_now(exc))

    def _open_copy(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) and shiboken6.isValid(
                self):
            self._show_status(self.tr("No program on this computer opens {name}.").format(
                name=path.name), error=True)

    def _store_failed_now(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self._show_status(describe(exc), error=True)

    # -- removing ----------------------------------------------------------------------
    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self._update_buttons()
            self.changed.emit()

    # -- helpers -----------------------------------------------------------------------
    def _add_item(self, value: AttachmentInput, thumb: bytes | None) -> None:
        item = QListWidgetItem(self._icon(thumb), value.filename)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setToolTip(self.tr("{name}\n{size}\nDouble-click to open").format(
            name=value.filename, size=_size_text(value.size)))
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.list.addItem(item)

    def _icon(self, thumb: bytes | None) -> QIcon:
        if thumb:
            pixmap = QPixmap()
            if pixmap.loadFromData(thumb):
                return QIcon(pixmap)
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _set_pending(self, value: int) -> None:
        self._pending = max(0, value)
        if self._pending:
            self._show_status(self.tr("Storing {n} file(s)…").format(n=self._pending))
            self._progress_shown = True
        elif self._progress_shown:
            self._show_status("")
        self.pending_changed.emit(self._pending)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self._progress_shown = False
        self.status.setStyleSheet(f"color: {ERROR_COLOR}" if error else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _update_buttons(self) -> None:
        has_items = self.list.count() > 0
        self.list.setVisible(has_items)
        self.empty_hint.setVisible(not has_items)
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
