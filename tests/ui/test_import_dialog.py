"""Importing enterprises through the dialog: preview first, write only when accepted."""
from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from liaison_app.core.services import enterprises
from liaison_app.ui.dialogs.import_dialog import ImportDialog
from liaison_app.ui.pages.enterprises_page import EnterprisesPage
from tests.ui.conftest import wait_idle


def is_closed(window) -> bool:
    return not shiboken6.isValid(window) or not window.isVisible()

ROWS = [
    ["企业名称", "统一社会信用代码", "镇街", "联系人", "联系电话"],
    ["青州市恒达机械有限公司", "91110000600037341L", "城关街道", "王建国", "13853612345"],
    ["寿光市蔬菜物流有限公司", "9137108277526004IP", "王府街道", "李娜", "0536-5212345"],
    ["潍坊宏远化工有限公司", "91371082775260043P", "城关街道", "张伟", "13953698765"],
]


def _write_gbk(path: Path, rows: list[list[str]]) -> Path:
    path.write_bytes("\r\n".join(",".join(r) for r in rows).encode("gbk"))
    return path


def _cell(dialog: ImportDialog, row: int, column: int) -> str:
    return dialog.model.data(dialog.model.index(row, column))


@pytest.fixture
def page(qtbot, ctx):
    widget = EnterprisesPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.activate()
    return widget


def test_gbk_csv_bad_row_reported_valid_rows_imported_after_accepting(qtbot, ctx, page,
                                                                       tmp_path):
    path = _write_gbk(tmp_path / "企业名单.csv", ROWS)
    dialog = ImportDialog(ctx, parent=page)
    page.show_import(dialog, str(path))
    assert dialog.busy_row.isVisible()
    wait_idle(qtbot, ctx)

    assert not dialog.busy_row.isVisible()
    assert dialog.model.rowCount() == 3
    assert _cell(dialog, 0, 2) == "青州市恒达机械有限公司"
    assert _cell(dialog, 1, 0) == "3"  # the row number as the spreadsheet shows it
    assert _cell(dialog, 1, 1) == "错误"
    assert "“I”" in _cell(dialog, 1, 8)
    assert _cell(dialog, 1, 7) == ""  # an error row is not imported at all
    assert (_cell(dialog, 0, 1), _cell(dialog, 0, 7)) == ("有效", "新增")
    assert "3" in dialog.summary_label.text() and "2" in dialog.summary_label.text()
    assert dialog.import_button.text() == "导入有效的 2 行"
    assert dialog.findChild(type(dialog.warnings_check), "includeWarnings").isHidden()
    # Previewing wrote nothing.
    assert enterprises.count_enterprises() == 0

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    assert is_closed(dialog)
    assert enterprises.count_enterprises() == 2
    model = page.model
    names = sorted(model.data(model.index(r, 0)) for r in range(model.rowCount()))
    assert names == ["潍坊宏远化工有限公司", "青州市恒达机械有限公司"]
    assert "已导入 2 家企业" in page.undo_label.text()


def test_reimporting_a_corrected_list_shows_which_rows_update(qtbot, ctx, page, tmp_path):
    no_code = ["寿光市蔬菜物流有限公司", "", "王府街道", "李娜", "0536-5212345"]
    valid = [ROWS[0], ROWS[1], no_code, ROWS[3]]
    enterprises.create(data=enterprises.EnterpriseInput(
        name="青州恒达机械厂", uscc=ROWS[1][1], town="城关街道", contact_name="王建国",
        contact_phone="13853612345"))
    enterprises.create(data=enterprises.EnterpriseInput(
        name=ROWS[3][0], uscc=ROWS[3][1], town=ROWS[3][2], contact_name=ROWS[3][3],
        contact_phone=ROWS[3][4]))
    dialog = ImportDialog(ctx, parent=page)
    page.show_import(dialog, str(_write_gbk(tmp_path / "更正后的名单.csv", valid)))
    wait_idle(qtbot, ctx)

    assert [_cell(dialog, r, 7) for r in range(3)] == ["更新", "新增", "无变化"]
    assert "1 行将更新同一信用代码的企业" in dialog.summary_label.text()
    assert dialog.import_button.text() == "导入有效的 3 行"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    assert is_closed(dialog)
    names = sorted(e.name for e in enterprises.list_enterprises())
    assert names == ["寿光市蔬菜物流有限公司", "潍坊宏远化工有限公司", "青州市恒达机械有限公司"]


def test_cancel_writes_nothing(qtbot, ctx, tmp_path):
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(_write_gbk(tmp_path / "list.csv", ROWS))
    wait_idle(qtbot, ctx)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert is_closed(dialog)
    assert enterprises.count_enterprises() == 0


def test_unrecognised_column_is_mapped_by_hand(qtbot, ctx, tmp_path):
    rows = [["单位", "统一社会信用代码", "镇街"],
            ["青州市恒达机械有限公司", "91110000600037341L", "城关街道"]]
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(_write_gbk(tmp_path / "list.csv", rows))
    wait_idle(qtbot, ctx)

    assert dialog.error_label.isVisible()
    assert not dialog.import_button.isEnabled()
    assert "单位" in dialog.unmapped_label.text()
    combo = dialog._mapping_combos["name"]
    index = combo.findText("单位")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    wait_idle(qtbot, ctx)

    assert not dialog.error_label.isVisible()
    assert _cell(dialog, 0, 2) == "青州市恒达机械有限公司"
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "导入有效的 1 行"


def test_unreadable_file_says_so(qtbot, ctx, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a workbook")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(path)
    wait_idle(qtbot, ctx)
    assert dialog.error_label.isVisible() and dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
