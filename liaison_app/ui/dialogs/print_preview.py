"""Preview a form filled from a record, then print it or save it as PDF.

The PDF is built on the background runner into a temporary file; the preview, the printer
and "save as" all use that one file, so what is printed is exactly what was previewed.
Printing paints the pages (rendered by pdfium) onto the ``QPrinter`` on the worker too:
Qt allows painting on a printer outside the main thread, and a 250-page pass run must not
freeze the window. Each print or save is logged by ``printing.record_print``.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core import printers
from liaison_app.core.services import printing
from liaison_app.core.services.errors import ServiceError
from liaison_app.forms.registry import form_spec
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR, WARNING_COLOR
from liaison_app.ui.widgets.pdf_preview import PdfPreview, font_display_name, render_page

#: The resolution pages are rendered at for a printer (at most).
PRINT_DPI = 300


def pages_to_print(printer: QPrinter, pages: int) -> list[int]:
    """The 0-based pages the print dialog asked for: all, or the chosen range."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(pages, printer.toPage() or pages)
        return list(range(first - 1, last))
    return list(range(pages))


def paint_to_printer(printer: QPrinter, path: str, pages: int, task: Any) -> int:
    """Render each chosen page at the printer's resolution and paint it; the copies are the
    printer's (Qt hands the count to the system). Returns the pages sent. Background
    thread."""
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        if not printer.printerName():
            raise ServiceError(printers.NO_PRINTER)
        problem = printers.printer_problem(name=printer.printerName())
        if problem is not None:
            raise ServiceError(problem)
    chosen = pages_to_print(printer, pages)
    painter = QPainter()
    if not painter.begin(printer):
        raise ServiceError(printers.printer_problem(name=printer.printerName())
                           or printers.NOT_STARTED.format(name=printer.printerName()))
    try:
        # Pages go as pictures; 300 dpi keeps text and QR modules sharp on paper, while a
        # queue's 1,200 dpi would make each A4 picture ~140 million pixels and keep the
        # print system busy for minutes per sheet.
        dpi = min(printer.resolution(), PRINT_DPI)
        for done, index in enumerate(chosen):
            if task.cancelled.is_set():
                printer.abort()
                return done
            if done:
                printer.newPage()
            image = render_page(path, index, scale=dpi / 72.0)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
            task.progress(done + 1, len(chosen))
    finally:
        painter.end()
    return len(chosen)


class PrintPreviewDialog(QDialog):
    """Main thread. ``form_id`` filled from ``record_id``; ``title`` names the record.

    A form that is not printed through ``printing`` (a whole evaluation round's sheets)
    passes ``render(out, unmasked) -> job`` (on a worker) and ``record(job, destination)``
    (the log entry); the job needs ``pages``, ``fonts`` and ``unmasked``.
    """

    def __init__(self, ctx: AppContext, *, form_id: str, record_id: str, title: str = "",
                 parent: QWidget | None = None,
                 render: Callable[[Path, bool], Any] | None = None,
                 record: Callable[[Any, str], Any] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form_id = form_id
        self.record_id = record_id
        self._render = render
        self._record = record or (lambda job, where: printing.record_print(
            job=job, destination=where))
        self.spec = form_spec(form_id)
        self.job: printing.PrintJob | None = None
        self.pdf_path = ""
        self._tmp = tempfile.TemporaryDirectory(prefix="liaison-print-")
        self._busy = False
        self._closed = False
        self._print_task: Any = None
        self._print_expected = 0
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Preview: {form}").format(form=self.spec.title_zh))
        self.resize(820, 960)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{self.spec.title_zh}</b>" + (f"\u3000{title}" if title else ""))
        layout.addWidget(head)
        self.font_label = QLabel(objectName="fontLabel")
        self.font_label.setStyleSheet("color:#555;")
        layout.addWidget(self.font_label)
        self.unmasked_check = QCheckBox(self.tr("Print full ID numbers (this form allows it "
                                                "when the authority requires them)"))
        self.unmasked_check.setObjectName("unmaskedCheck")
        self.unmasked_check.setVisible(self.spec.may_carry_full_id)
        self.unmasked_check.clicked.connect(self._unmasked_clicked)
        layout.addWidget(self.unmasked_check)
        self.notice = QLabel(objectName="printNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        busy = QHBoxLayout()
        self.busy_bar = QProgressBar()
        self.busy_bar.setMaximumWidth(240)
        self.busy_label = QLabel()
        self.cancel_print = QPushButton(self.tr("Stop printing"))
        self.cancel_print.clicked.connect(self._stop_printing)
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        busy.addWidget(self.cancel_print)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy)
        layout.addWidget(self.busy_row)
        self.preview = PdfPreview(ctx)
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("Print\u2026"), objectName="printButton")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF\u2026"), objectName="savePdfButton")
        self.save_button.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for b in (self.print_button, self.save_button, close):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.build()

    # -- building ----------------------------------------------------------------------------
    def build(self) -> None:
        """(Re)build the PDF on the runner; the preview shows it when done."""
        unmasked = self.unmasked_check.isChecked()
        self.job = None
        self.preview.clear()
        out = Path(self._tmp.name) / f"{self.form_id}{'-full' if unmasked else ''}.pdf"
        form_id, record_id = self.form_id, self.record_id
        chain = printing.font_chain(settings_path=self.ctx.settings.form_font_path)
        self._chain = chain
        self._set_busy(self.tr("Filling in the form\u2026"))
        render = self._render or (lambda path, full: printing.render(
            form_id=form_id, record_id=record_id, out=path, unmasked=full, chain=chain))
        self.ctx.runner.submit(
            lambda: render(out, unmasked),
            on_done=lambda job: self._built(job, out), on_error=self._failed,
            change="application")

    def _built(self, job: printing.PrintJob, out: Path) -> None:
        if self._closed:
            return
        self._set_busy("")
        self.job = job
        self.pdf_path = str(out)
        # Which face serves each role (宋 body, 黑 titles, 仿宋 letters), then any face that
        # supplied rare characters.
        roles = self._chain.roles()
        extra = [f for f in job.fonts if f not in {i.family for i in roles.values()}]
        text = self.tr("{pages} pages \u00b7 fonts: body (Song) {body}, titles (Hei) {heading}, "
                       "letters (FangSong) {letter}").format(
            pages=job.pages, body=font_display_name(roles["body"].family),
            heading=font_display_name(roles["heading"].family),
            letter=font_display_name(roles["letter"].family))
        if extra:
            text += self.tr("; rare characters: {fonts}").format(
                fonts="\u3001".join(font_display_name(f) for f in extra))
        self.font_label.setText(text)
        if job.unmasked:
            self._notice(self.tr("Full ID numbers are on this form. Printing or saving it "
                                 "is logged."), WARNING_COLOR)
            from liaison_app.core.services import audit

            # Full numbers on screen are an unmasked view, logged like a print.
            self.ctx.runner.submit(lambda: audit.record(
                action="view_unmasked", record_table=job.record_table,
                record_id=job.record_id, enterprise_id=job.enterprise_id,
                details={"form": job.form_id}), change="audit")
        elif job.number and not job.number_final:
            self._notice(self.tr(
                "The form says \u201c{number}\u201d: the server gives its number when this "
                "computer next syncs. Print it again after syncing to carry the number."
            ).format(number=job.number), WARNING_COLOR)
        else:
            self.notice.hide()
        self.preview.load(out, pages=job.pages)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._set_busy("")
        self._notice(describe(exc), ERROR_COLOR)
        self._update_buttons()

    def _notice(self, text: str, color: str) -> None:
        self.notice.setStyleSheet(f"color:{color};")
        self.notice.setText(text)
        self.notice.show()

    def _unmasked_clicked(self, checked: bool) -> None:
        if checked:
            answer = QMessageBox.question(
                self, self.tr("Print full ID numbers?"),
                self.tr("Full ID numbers should be printed only where the authority requires "
                        "them on this form. A lost printout exposes them. The print will be "
                        "logged with your name. Print full numbers?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.unmasked_check.setChecked(False)
                return
        self.build()

    # -- printing and saving -----------------------------------------------------------------
    def choose_printer(self, printer: QPrinter) -> bool:
        """The system print dialog; a separate method so tests can answer it."""
        dialog = QPrintDialog(printer, self)
        if self.job is not None:
            dialog.setMinMax(1, self.job.pages)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> None:
        job = self.job
        if job is None or self._busy:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.spec.title_zh)
        # Every form is laid out on A4; a queue defaulting to Letter would cut it.
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if not self.choose_printer(printer):
            return
        path, pages = self.pdf_path, job.pages
        self._print_expected = sending = len(pages_to_print(printer, pages))
        self._set_busy(self.tr("Sending {n} pages to the printer\u2026").format(n=sending),
                       total=sending)
        self._printer = printer  # kept alive until the worker is done with it
        record = self._record
        self._print_task = self.ctx.runner.submit(
            lambda task: self._print_and_log(printer, path, pages, job, task, record),
            with_task=True,
            on_done=self._printed, on_error=self._failed, on_progress=self._progress,
            change="application")
        self.cancel_print.show()

    @staticmethod
    def _print_and_log(printer: QPrinter, path: str, pages: int, job: Any, task: Any,
                       record: Callable[[Any, str], Any]) -> int:
        done = paint_to_printer(printer, path, pages, task)
        if done == len(pages_to_print(printer, pages)):
            record(job, "printer")
        return done

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.busy_bar.setRange(0, total)
        self.busy_bar.setValue(done)

    def _stop_printing(self) -> None:
        if self._print_task is not None:
            self._print_task.cancel()

    def _printed(self, done: int) -> None:
        self._print_task = None
        self._set_busy("")
        if self.job and done == self._print_expected:
            self._notice(self.tr("Sent to the printer."), "#2e7d32")
        else:
            self._notice(self.tr("Printing was stopped after {n} pages; it was not logged as "
                                 "printed.").format(n=done), WARNING_COLOR)

    def choose_save_path(self) -> str:
        start = str(Path.home() / f"{self.spec.title_zh}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), start, self.tr("PDF files (*.pdf)"))
        return path

    def save_pdf(self) -> None:
        job = self.job
        if job is None or self._busy:
            return
        target = self.choose_save_path()
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        source = self.pdf_path
        record = self._record

        def save() -> str:
            tmp = Path(target).with_name(Path(target).name + ".part")
            shutil.copyfile(source, tmp)
            tmp.replace(target)
            record(job, "pdf")
            return target

        self._set_busy(self.tr("Saving\u2026"))
        self.ctx.runner.submit(save, on_done=self._saved, on_error=self._failed,
                               change="application")

    def _saved(self, target: str) -> None:
        if self._closed:
            return
        self._set_busy("")
        self.saved_path = target
        self._notice(self.tr("Saved as {path}").format(path=target), "#2e7d32")

    # -- state -------------------------------------------------------------------------------
    def _set_busy(self, text: str, *, total: int = 0) -> None:
        self._busy = bool(text)
        self.busy_label.setText(text)
        self.busy_bar.setRange(0, total)
        self.busy_row.setVisible(self._busy)
        self.cancel_print.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.job is not None and not self._busy
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.unmasked_check.setEnabled(not self._busy)

    def reject(self) -> None:
        if self._print_task is not None:
            self._print_task.cancel()
        self._closed = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)

    def done(self, result: int) -> None:
        super().done(result)
        if not self._busy:
            self._tmp.cleanup()
