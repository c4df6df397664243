"""File → Export my data / Restore from file, as a person uses them."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.ui.main_window import MainWindow
from tests.core.test_backups import _names
from tests.ui.conftest import wait_idle


def test_file_menu_exports_then_restores_with_a_warning_about_unsynced_changes(
        qtbot, ctx, tmp_path, monkeypatch):
    enterprises.create(data=EnterpriseInput(name="导出前的企业"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
    assert "导出我的数据(&E)…" in texts and "从文件恢复(&R)…" in texts

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    target = tmp_path / "export.zip"
    win.backup_actions.export_data(str(target))
    wait_idle(qtbot, ctx)
    assert target.exists() and "导出我的数据" in shown[-1][0]

    enterprises.create(data=EnterpriseInput(name="导出后的企业"))
    asked: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        asked.append(box.informativeText())
        restore = next(b for b in box.buttons()
                       if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        monkeypatch.setattr(box, "clickedButton", lambda: restore)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    win.backup_actions.restore_data(str(target))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: win.backup_actions.restored is not None, timeout=5000)
    wait_idle(qtbot, ctx)
    # The warning named the unsynced changes; the restore went ahead only after the click.
    assert asked and " 2 " in asked[0]
    assert _names(ctx.paths.database) == {"导出前的企业"}
    assert "导出后的企业" in _names(win.backup_actions.restored.replaced)
    assert "恢复" in shown[-1][0]
