"""Printing through a real CUPS queue: the app's print path (QPrinter to the ``Liaison-PDF``
cups-pdf queue that ``scripts/setup.sh`` sets up) sends the chosen pages and copies on A4, and a
missing, paused or out-of-paper printer is reported in words instead of a job that waits."""
from __future__ import annotations

import datetime as dt
import os
import pwd
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtPrintSupport import QPrinter

from liaison_app.core import printers
from liaison_app.core.services import applications as apps
from liaison_app.core.services import roster
from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from tests import days
from tests.core.test_roster_samples import enterprise, worker_row
from tests.ui.conftest import wait_idle

QUEUE = "Liaison-PDF"
TEST_QUEUE = f"Liaison-Test-{os.getpid()}"


def _lp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=30)


@pytest.fixture(scope="module")
def cups() -> None:
    if shutil.which("lpstat") is None:
        pytest.fail("CUPS is not installed: run scripts/setup.sh as root (it installs cups "
                    "and printer-driver-cups-pdf and adds the queue)")
    found = _lp("lpstat", "-r", "-p", QUEUE)
    if found.returncode != 0:
        pytest.fail(f"the CUPS queue {QUEUE} is missing ({found.stdout.strip()} "
                    f"{found.stderr.strip()}): run scripts/setup.sh as root (it installs cups "
                    "and printer-driver-cups-pdf, starts the scheduler and adds the queue)")


@pytest.fixture
def spare_queue(cups: None) -> Iterator[str]:
    """A queue of this test's own, to pause and empty of paper."""
    made = _lp("lpadmin", "-p", TEST_QUEUE, "-E", "-v", "cups-pdf:/", "-m",
               "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd")
    assert made.returncode == 0, made.stderr
    yield TEST_QUEUE
    _lp("lpadmin", "-x", TEST_QUEUE)


def _out_dir() -> Path:
    # cups-pdf writes to "${HOME}/PDF" of the job's owner (its default Out setting).
    return Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"


def _pass_application(workers: int) -> str:
    ent = enterprise()
    ids = []
    for n in range(workers):
        row = worker_row(n)
        ids.append(roster.create(enterprise_id=ent.id, data=roster.WorkerInput(
            name=row[0], id_number=row[1], workshop=row[3], post=row[4])).id)
    return apps.save(data=apps.ApplicationInput(
        kind="pass", enterprise_id=ent.id, period_start=days.TODAY,
        period_end=days.TODAY + dt.timedelta(days=30), areas=["厂区"], worker_ids=ids,
        details={"reason": "通勤"})).id


def _dialog(qtbot, ctx, record_id: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(ctx, form_id="pass_cards", record_id=record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert dialog.job is not None
    return dialog


def _print(qtbot, ctx, dialog: PrintPreviewDialog, monkeypatch, queue: str, *,
           copies: int = 1, pages: tuple[int, int] | None = None,
           then: Callable[[], object] = lambda: None) -> None:
    def answer(self, printer: QPrinter) -> bool:
        printer.setPrinterName(queue)
        assert printer.printerName() == queue
        then()
        printer.setCopyCount(copies)
        if pages is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return True

    monkeypatch.setattr(PrintPreviewDialog, "choose_printer", answer)
    dialog.print_document()
    wait_idle(qtbot, ctx, timeout=60_000)


def _qr_texts(pdf: Path, tmp_path: Path, page: int) -> set[str]:
    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    with Image.open(f"{stem}.png") as image:
        return {b.text for b in zxingcpp.read_barcodes(image.convert("L"))}


def test_chosen_pages_and_copies_arrive_on_a4(qtbot, ctx, monkeypatch, tmp_path, cups) -> None:
    app_id = _pass_application(32)  # 4 sheets of 8 cards
    dialog = _dialog(qtbot, ctx, app_id)
    assert dialog.job.pages == 4
    out = _out_dir()
    before = set(out.glob("*.pdf")) if out.exists() else set()
    done_before = len(_lp("lpstat", "-W", "completed", "-o", QUEUE).stdout.splitlines())
    _print(qtbot, ctx, dialog, monkeypatch, QUEUE, copies=2, pages=(2, 3))
    assert dialog.notice.text() == "已发送到打印机。"
    deadline = time.monotonic() + 60
    new: set[Path] = set()
    while time.monotonic() < deadline:
        new = set(out.glob("*.pdf")) - before if out.exists() else set()
        if new and _lp("lpstat", "-o", QUEUE).stdout.strip() == "":
            break
        time.sleep(0.3)
    assert len(new) == 1, "the job never came out of the queue"
    assert len(_lp("lpstat", "-W", "completed", "-o", QUEUE).stdout.splitlines()) \
        == done_before + 1
    [pdf] = new
    reader = pypdf.PdfReader(str(pdf))
    # Sheets 2 and 3, twice: four A4 pages.
    assert len(reader.pages) == 4
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - 595) < 3 and abs(h - 842) < 3
    cards = [p for p in apps.list_passes(record_id=app_id)]
    numbers = sorted(p.pass_no for p in cards)
    sheet2 = _qr_texts(pdf, tmp_path, 1)
    sheet3 = _qr_texts(pdf, tmp_path, 2)
    assert sorted(t.split("|")[1] for t in sheet2) == numbers[8:16]
    assert sorted(t.split("|")[1] for t in sheet3) == numbers[16:24]
    assert _qr_texts(pdf, tmp_path, 3) == sheet2 and _qr_texts(pdf, tmp_path, 4) == sheet3
    pdf.unlink()
    dialog.reject()


def test_missing_paused_and_out_of_paper_printers_in_words(
        qtbot, ctx, monkeypatch, tmp_path, spare_queue) -> None:
    dialog = _dialog(qtbot, ctx, _pass_application(2))
    # Chosen in the dialog, then removed (unplugged, deleted by an administrator).
    gone = f"{spare_queue}-gone"
    assert _lp("lpadmin", "-p", gone, "-E", "-v", "cups-pdf:/", "-m",
               "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd").returncode == 0
    _print(qtbot, ctx, dialog, monkeypatch, gone,
           then=lambda: _lp("lpadmin", "-x", gone))
    assert dialog.notice.text() == (f"本机没有名为“{gone}”的打印机。"
                                    "请选择其他打印机，或在系统设置中重新添加。")

    assert _lp("cupsdisable", spare_queue).returncode == 0
    _print(qtbot, ctx, dialog, monkeypatch, spare_queue)
    assert dialog.notice.text() == (f"打印机“{spare_queue}”已暂停。请在系统的打印机设置中"
                                    "恢复后再打印。")
    assert _lp("cupsenable", spare_queue).returncode == 0

    # Out of paper, as a printer reports it to CUPS (printer-state-reasons).
    test = tmp_path / "reasons.test"
    test.write_text(
        "{\nOPERATION CUPS-Add-Modify-Printer\nGROUP operation-attributes-tag\n"
        "ATTR charset attributes-charset utf-8\n"
        "ATTR naturalLanguage attributes-natural-language en\nATTR uri printer-uri $uri\n"
        "GROUP printer-attributes-tag\n"
        "ATTR keyword printer-state-reasons media-empty-error\nSTATUS successful-ok\n}\n")
    done = _lp("ipptool", "-t", f"ipp://localhost/printers/{spare_queue}", str(test))
    assert done.returncode == 0, done.stdout
    _print(qtbot, ctx, dialog, monkeypatch, spare_queue)
    assert dialog.notice.text() == f"打印机“{spare_queue}”缺纸。请装纸后再打印。"
    # Nothing was sent to either queue, and nothing logged as printed.
    assert _lp("lpstat", "-o", spare_queue).stdout.strip() == ""
    dialog.reject()


def test_state_reasons_read_as_sentences() -> None:
    attrs = printers.parse_options(
        "copies=1 printer-is-accepting-jobs=true printer-make-and-model='Generic CUPS-PDF "
        "Printer (w/ options)' printer-state=3 printer-state-reasons=media-low-warning")
    assert attrs["printer-make-and-model"] == "Generic CUPS-PDF Printer (w/ options)"
    assert printers.problem_from_attributes("P", attrs) is None  # low paper still prints
    for reasons, word in (("media-jam-error", "jammed"), ("toner-empty-error", "toner"),
                          ("door-open-error", "door"), ("offline-report,media-empty", "paper")):
        problem = printers.problem_from_attributes("P", {**attrs, "printer-state-reasons":
                                                         reasons})
        assert problem is not None and word in problem.text(), reasons
    refusing = printers.problem_from_attributes("P", {**attrs,
                                                      "printer-is-accepting-jobs": "false"})
    assert refusing is not None and "not accepting" in refusing.text()
