"""An .xlsx without a required column: the dialog names the column and counts the data rows
instead of claiming the file has none."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from liaison_app.ui.dialogs.import_dialog import ImportDialog
from liaison_app.ui.pages.enterprises_page import EnterprisesPage
from tests.ui.conftest import wait_idle


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_missing_name_column_is_named_and_the_rows_counted(qtbot, ctx, tmp_path):
    path = write_xlsx(tmp_path / "企业名单.xlsx", [
        ["统一社会信用代码", "镇街", "联系人"],
        ["91110000600037341L", "城关街道", "王建国"],
        ["91371082775260043P", "王府街道", "李𠮷"],
        [None, None, None],
        ["统一社会信用代码", "镇街", "联系人"],  # the header again, as pasted pages have it
        ["91370100MA3C4X7P2D", "城关街道", "张伟"],
    ])
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    dialog = ImportDialog(ctx, parent=page)
    page.show_import(dialog, str(path))
    wait_idle(qtbot, ctx)
    error = dialog.error_label.text()
    assert "没有“企业名称”列" in error and "3 行数据都无法导入" in error
    assert "文件共有 3 行数据" in dialog.summary_label.text()
    assert "0 行" not in dialog.summary_label.text()
    dialog.grab().save(str(tmp_path / "missing-column.png"))
    dialog.close()
