"""The 申请与打印 page: import a roster, create a pass application, preview, print, save."""
from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from liaison_app.core.models import AuditEntry
from liaison_app.core.services import applications as apps
from liaison_app.core.services import roster
from liaison_app.ui.dialogs.application_editor import ApplicationEditor
from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from liaison_app.ui.dialogs.roster_import_dialog import RosterImportDialog
from liaison_app.ui.dialogs.worker_editor import WorkerEditor
from liaison_app.ui.pages.applications_page import ApplicationsPage
from tests.core.fixtures_import import write_csv
from tests.core.test_roster_samples import (
    ROSTER_HEADERS,
    enterprise,
    make_id,
    with_wrong_check,
    worker_row,
)
from tests.ui.conftest import wait_idle


def _text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages))


def _open_page(qtbot, ctx) -> ApplicationsPage:
    widget = ApplicationsPage(ctx)
    ctx.runner.changed.connect(widget.on_data_changed)  # the main window does this
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.activate()
    wait_idle(qtbot, ctx)
    return widget


@pytest.fixture
def page(qtbot, ctx):
    ent = enterprise()
    widget = _open_page(qtbot, ctx)
    assert widget.enterprise_id == ent.id
    return widget


def _dialog(page: ApplicationsPage, kind: type):
    return next(d for d in page.open_dialogs() if isinstance(d, kind))


def test_import_roster_then_masked_list_and_counts(qtbot, ctx, page, tmp_path, monkeypatch):
    bad = worker_row(5)
    bad[1] = with_wrong_check(bad[1])
    path = write_csv(tmp_path / "花名册.csv",
                     [ROSTER_HEADERS, *(worker_row(n) for n in range(5)), bad], encoding="gbk")
    monkeypatch.setattr(RosterImportDialog, "choose_file", lambda self: str(path))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page, RosterImportDialog)
    wait_idle(qtbot, ctx)
    assert dialog.model.rowCount() == 6
    assert dialog.model.data(dialog.model.index(0, 3)).count("*") == 8  # masked in preview
    assert "错误" in dialog.model.data(dialog.model.index(5, 1))
    assert roster.count_workers(enterprise_id=page.enterprise_id) == 0
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert roster.count_workers(enterprise_id=page.enterprise_id) == 5
    assert page.worker_model.rowCount() == 5
    shown = page.worker_model.data(page.worker_model.index(0, 1))
    assert "********" in shown and make_id(0) not in shown
    assert "5" in page.counts_label.text() and "聚合车间" in page.counts_label.text()


def test_add_worker_by_hand_shows_problems(qtbot, ctx, page):
    qtbot.mouseClick(page.add_worker_button, Qt.MouseButton.LeftButton)
    editor = _dialog(page, WorkerEditor)
    editor.edits["name"].setText("张三")
    editor.edits["id_number"].setText(with_wrong_check(make_id(3)))
    editor.save()
    wait_idle(qtbot, ctx)
    label = editor.feedback._labels["id_number"]
    assert editor.isVisible() and "校验码" in label.text() and label.isVisible()
    editor.edits["id_number"].setText(make_id(3))
    assert not label.isVisible(), "the message stays after the number was corrected"
    editor.save()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert page.worker_model.rowCount() == 1


def test_pass_application_preview_save_and_print(qtbot, ctx, page, tmp_path, monkeypatch):
    for n in range(4):
        row = worker_row(n)
        roster.create(enterprise_id=page.enterprise_id, data=roster.WorkerInput(
            name=row[0], id_number=row[1], phone=row[2], workshop=row[3], post=row[4]))
    page.edit_application(None, kind="pass")
    editor = _dialog(page, ApplicationEditor)
    wait_idle(qtbot, ctx)
    editor.areas.setText("经济开发区、城关街道")
    editor.chooser.workshop.setCurrentText("聚合车间")
    editor.chooser._tick("workshop", "聚合车间")
    assert len(editor.chooser.chosen()) == 1
    editor.chooser._set_all(True)
    editor.save()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert page.app_model.rowCount() == 1
    app_id = page.current_application_id()
    assert apps.get(record_id=app_id).worker_ids

    dialog = page.preview_form("pass_cards", app_id)
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert dialog.job is not None and dialog.job.pages == 1
    assert dialog.preview.image.pixmap() is not None and not dialog.preview.image.pixmap().isNull()
    assert "字体" in dialog.font_label.text()
    assert not dialog.unmasked_check.isVisible()  # passes are always masked
    target = tmp_path / "passes.pdf"
    monkeypatch.setattr(PrintPreviewDialog, "choose_save_path", lambda self: str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    text = _text(target)
    assert "经济开发区、城关街道" in text and make_id(0) not in text
    assert AuditEntry.select().count() == 1

    printed = tmp_path / "printer.pdf"

    def fake_printer(self, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        return True

    monkeypatch.setattr(PrintPreviewDialog, "choose_printer", fake_printer)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx, timeout=30_000)
    assert printed.exists() and len(pypdf.PdfReader(str(printed)).pages) == 1
    entries = [e.details for e in AuditEntry.select()]
    assert {e["destination"] for e in entries} == {"pdf", "printer"}
    assert apps.get(record_id=app_id).status == "printed"
    dialog.reject()


def test_unmasked_roster_print_needs_confirmation(qtbot, ctx, page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    roster.create(enterprise_id=page.enterprise_id, data=roster.WorkerInput(
        name="王䶮", id_number=make_id(7)))
    dialog = page.preview_form("worker_roster", page.enterprise_id)
    wait_idle(qtbot, ctx)
    assert dialog.unmasked_check.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.unmasked_check.click()
    wait_idle(qtbot, ctx)
    assert not dialog.unmasked_check.isChecked() and not dialog.job.unmasked
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.unmasked_check.click()
    wait_idle(qtbot, ctx)
    assert dialog.job.unmasked and dialog.notice.isVisible()
    target = tmp_path / "full.pdf"
    monkeypatch.setattr(PrintPreviewDialog, "choose_save_path", lambda self: str(target))
    dialog.save_pdf()
    wait_idle(qtbot, ctx)
    assert make_id(7) in _text(target)
    assert AuditEntry.get(AuditEntry.action == "print").details["unmasked"] is True
    # Seeing the full numbers on screen is logged too, before any print.
    viewed = AuditEntry.get(AuditEntry.action == "view_unmasked")
    assert viewed.details["form"] == "worker_roster"
    dialog.reject()


def test_navigation_from_enterprise_page_opens_roster(qtbot, ctx, page):
    page.tabs.setCurrentIndex(1)
    page.open_record(f"roster:{page.enterprise_id}")
    wait_idle(qtbot, ctx)
    assert page.tabs.currentIndex() == 0


def test_title_and_what_to_do_when_there_is_no_enterprise(qtbot, ctx):
    widget = _open_page(qtbot, ctx)
    assert widget.heading.objectName() == "pageTitle" and widget.heading.text() == "申请与打印"
    assert widget.tabs.isHidden() and not widget.empty_label.isHidden()
    assert "企业" in widget.empty_label.text()
    assert widget.enterprise_combo.lineEdit().placeholderText() == "输入或选择企业"


def test_opens_on_the_first_enterprise_with_a_roster(qtbot, ctx):
    from liaison_app.core.services import enterprises
    from tests.core.test_roster_samples import add_workers

    enterprise("山东丁香化工有限公司", uscc="91110000600037341L")
    second = enterprise()
    assert [e.id for e in enterprises.list_enterprises()][-1] == second.id
    add_workers(second.id, 3)
    widget = _open_page(qtbot, ctx)
    assert widget.enterprise_id == second.id
    assert widget.enterprise_combo.currentText() == second.name
    assert widget.worker_model.rowCount() == 3 and not widget.worker_table.isHidden()
    assert widget.roster_empty.isHidden() and not widget.tabs.isHidden()


def test_an_empty_roster_and_no_applications_say_what_to_do(page):
    assert page.worker_table.isHidden() and not page.roster_empty.isHidden()
    assert "导入" in page.roster_empty.text()
    assert page.app_split.isHidden() and not page.apps_empty.isHidden()


def test_reopening_application_details_reach_the_printed_form(qtbot, ctx, page, tmp_path):
    from liaison_app.core.services import printing

    row = worker_row(0)
    roster.create(enterprise_id=page.enterprise_id, data=roster.WorkerInput(
        name=row[0], id_number=row[1], phone=row[2], workshop=row[3], post=row[4]))
    page.edit_application(None, kind="reopening")
    editor = _dialog(page, ApplicationEditor)
    wait_idle(qtbot, ctx)
    assert editor.addressee.placeholderText() == "县复工复产工作领导小组"
    editor.capacity.setText("日产50吨")
    editor.epidemic_officer.setText("孙𠮷")  # typed through an input method
    editor.epidemic_phone.setText("13912345678")
    qtbot.keyClicks(editor.outside_returning, "12x")  # the validator keeps the digits only
    editor.attachments.setText("营业执照复印件、消毒记录台账")
    editor.resize(1100, 740)
    editor.grab().save(str(tmp_path / "reopening-editor.png"))
    editor.save()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    app_id = page.current_application_id()
    details = apps.get(record_id=app_id).details
    assert (details["epidemic_officer"], details["outside_returning"]) == ("孙𠮷", 12)
    out = tmp_path / "reopening.pdf"
    ctx.runner.run_sync(lambda: printing.render(form_id="reopening_application",
                                                record_id=app_id, out=out))
    text = _text(out)
    for expected in ("防疫负责人", "孙𠮷", "13912345678", "外地返岗人数", "12人", "消毒记录台账",
                     "属地镇街（园区）意见", "行业主管部门意见", "县复工复产工作领导小组意见"):
        assert expected in text, expected
    assert "疫情防控工作方案" not in text  # the standard list only when none is given
    # The preview says that the number is still to come, and when it comes.
    dialog = page.preview_form("reopening_application", app_id)
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert dialog.job is not None and not dialog.job.number_final
    assert dialog.notice.isVisible() and "待编号" in dialog.notice.text()
    dialog.grab().save(str(tmp_path / "reopening-preview.png"))
    dialog.reject()
