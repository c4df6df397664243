"""The 代办 page: a case with items from the catalogue, dates typed in, progress and days saved
shown, the service record and the half-year public list saved as PDF."""
from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from liaison_app.core.models import Enterprise
from liaison_app.core.models.proxy import ProxyCase, ProxyItem
from liaison_app.core.services import departments
from tests import days
from tests.ui.conftest import wait_idle


def text_of(path) -> str:
    return "".join("".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages).split())


def test_a_case_from_catalogue_items_to_printed_sheets(qtbot, ctx, tmp_path):
    from liaison_app.ui.pages.proxy_page import (
        C_APPROVED,
        C_SAVED,
        C_STATUS,
        C_SUBMITTED,
        ProxyPage,
    )

    ent = Enterprise(name="鲁南新材料有限公司", town="经济开发区街道")
    ent.save(force_insert=True)
    departments.ensure_seeded()
    page = ProxyPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activate()
    assert page.list_stack.currentWidget() is page.empty_label

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.enterprise.set_enterprise_id(ent.id)
    page.project.setText("年产5万吨新材料项目")
    year = days.TODAY.year
    for name in ("道路开口许可", "消防验收"):
        page.catalogue.setCurrentIndex(next(
            i for i in range(page.catalogue.count()) if page.catalogue.itemText(i).startswith(
                name)))
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.items.rowCount() == 2
    assert page.items.cellWidget(0, 1).currentText() == "县交通运输局"
    page.items.setItem(0, C_SUBMITTED, QTableWidgetItem(f"{year}-01-02"))
    page.items.setItem(0, C_APPROVED, QTableWidgetItem(f"{year}-01-05"))
    status = page.items.cellWidget(0, C_STATUS)
    status.setCurrentIndex(status.findData("approved"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    case = ProxyCase.get()
    assert case.project_name == "年产5万吨新材料项目" and ProxyItem.select().count() == 2
    assert page.model.rowCount() == 1 and page.model.index(0, 3).data() == "1/2"
    assert page.model.index(0, 4).data() == "15"  # 18 usual days, done in 3
    assert page.items.item(0, C_SAVED).text() == "15"
    assert page.progress.value() == 1 and page.progress.maximum() == 2
    assert page.timeline.count() >= 3

    # A date that is not one is named, nothing is saved.
    page.items.setItem(1, C_SUBMITTED, QTableWidgetItem("明天"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.isVisible() and "明天" in page.feedback.text()

    record = tmp_path / "record.pdf"
    page.print_record(str(record))
    wait_idle(qtbot, ctx)
    assert "年产5万吨新材料项目" in text_of(record)
    public = tmp_path / "public.pdf"
    page.print_public_list(str(public), year=year, half=1 if days.TODAY.month <= 6 else 2)
    wait_idle(qtbot, ctx)
    text = text_of(public)
    assert "代办情况公示" in text and "鲁南新材料有限公司" in text
