"""Start-up when something is wrong: a damaged database, a backup to restore, demo offer."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from liaison_app.core.db import backup_database, close_database, open_database
from liaison_app.core.models import Enterprise
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.ui import app as app_module


def _wreck(path) -> None:
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)


def test_damaged_database_offers_the_newest_backup_and_keeps_the_damaged_file(
        qapp, data_paths, monkeypatch):
    open_database(data_paths)
    enterprises.create(data=EnterpriseInput(name="备份里的企业"))
    backup_database(Enterprise._meta.database, data_paths, reason="daily")
    close_database()
    _wreck(data_paths.database)
    shown = {}

    def fake_exec(box: QMessageBox) -> int:
        shown["text"] = box.text()
        shown["info"] = box.informativeText()
        restore = next(b for b in box.buttons() if b.text() == "恢复备份")
        monkeypatch.setattr(box, "clickedButton", lambda: restore)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    from liaison_app.ui.i18n import install_language

    install_language("zh_CN")
    assert app_module.open_or_recover(data_paths)
    try:
        assert "已损坏" in shown["text"]
        assert "自动备份" in shown["info"]
        assert [e.name for e in Enterprise.select()] == ["备份里的企业"]
        kept = list(data_paths.root.glob("liaison.replaced-*.sqlite3"))
        assert len(kept) == 1
    finally:
        close_database()


def test_without_a_backup_the_person_can_only_quit_and_the_file_stays(
        qapp, data_paths, monkeypatch):
    data_paths.root.mkdir(parents=True)
    data_paths.database.write_bytes(b"not a database at all" * 10)
    buttons = []

    def fake_exec(box: QMessageBox) -> int:
        buttons.extend(b.text() for b in box.buttons())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert not app_module.open_or_recover(data_paths)
    assert buttons == ["退出"]
    assert data_paths.database.read_bytes().startswith(b"not a database")


def test_first_run_offers_demo_data_once(qtbot, ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    app_module.offer_demo_data(parent, ctx)
    qtbot.waitUntil(lambda: Enterprise.select().count() > 0 and not ctx.runner.is_busy(),
                    timeout=30_000)
    assert asked and "演示" in asked[0]
    app_module.offer_demo_data(parent, ctx)
    assert len(asked) == 1
