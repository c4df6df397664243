"""The visit editor: typing, attaching, saving, validation, warnings, delete and undo."""
from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from liaison_app.core.services import attachments, demo, enterprises, visits
from tests.ui.conftest import wait_idle


def make_page(qtbot, ctx, *, enterprise_count: int = 3, visit_count: int = 0):
    from liaison_app.ui.pages.visits_page import VisitsPage

    demo.generate(enterprises=enterprise_count, visits=visit_count, officers=3)
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activate()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(page.count_label.text()), timeout=2000)
    return page


def first_enterprise():
    return enterprises.list_enterprises(limit=1)[0]


def small_png(path: Path, color: str = "red") -> Path:
    Image.new("RGB", (40, 30), color).save(path, "PNG")
    return path


def choose_files(monkeypatch, paths: list[Path]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def blobs(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")]


def ime_type(widget, text: str) -> None:
    """Type Chinese the way an input method does: a committed string, not key codes."""
    widget.setFocus()
    if hasattr(widget, "moveCursor"):  # a text box: continue after what is there
        widget.moveCursor(QTextCursor.MoveOperation.End)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def editor_laid_out(qtbot, page) -> None:
    """The editor pane appears on demand; wait until its buttons have their places."""
    qtbot.waitUntil(lambda: page.editor.save_button.isVisible()
                    and page.editor.save_button.width() > 20, timeout=2000)
    qtbot.wait(20)


def start_visit(qtbot, page, summary: str) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor_laid_out(qtbot, page)
    editor = page.editor
    ime_type(editor.enterprise.lineEdit(), first_enterprise().name)
    ime_type(editor.summary, summary)


def test_log_visit_with_photo_and_find_it_in_list(qtbot, ctx, tmp_path, monkeypatch):
    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "了解环评办理进展")
    editor = page.editor
    ime_type(editor.place, "企业会议室")
    qtbot.mouseClick(editor.follow_ups.add_button, Qt.MouseButton.LeftButton)
    ime_type(editor.follow_ups.rows()[0].text, "协调环保局现场踏勘")
    photo = small_png(tmp_path / "现场.png")
    choose_files(monkeypatch, [photo])
    qtbot.mouseClick(editor.attachments.add_photos_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert editor.attachments.list.count() == 1
    assert not editor.attachments.list.item(0).icon().isNull()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)

    assert page.model.rowCount() == 1
    row = page.model.row_at(0)
    assert row.summary == "了解环评办理进展"
    assert page.model.index(0, 1).data() == first_enterprise().name
    saved = visits.load_input(record_id=row.id)
    assert saved.place == "企业会议室"
    assert [f.text for f in saved.follow_ups] == ["协调环保局现场踏勘"]
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert [a.sha256 for a in saved.attachments] == [sha]
    store = attachments.AttachmentStore.at(ctx.paths.attachments)
    assert store.read_bytes(sha) == photo.read_bytes()
    # On disk the photo is encrypted, not the bytes that were attached.
    assert attachments.blob_path(ctx.paths.attachments, sha).read_bytes() != photo.read_bytes()
    assert "保存" in editor.status.text()
    assert not editor.is_dirty()


def test_same_file_twice_is_stored_once(qtbot, ctx, tmp_path, monkeypatch):
    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "两次附加同一照片")
    photo = small_png(tmp_path / "a.png")
    copy = tmp_path / "copy-of-a.png"
    copy.write_bytes(photo.read_bytes())
    choose_files(monkeypatch, [photo, copy])
    qtbot.mouseClick(page.editor.attachments.add_files_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert len(blobs(ctx.paths.attachments)) == 1
    assert page.editor.attachments.list.count() == 1
    assert "已" in page.editor.attachments.status.text()


def test_big_photo_is_downscaled_off_the_main_thread(qtbot, ctx, tmp_path, monkeypatch):
    ctx.settings.photo_max_edge = 1000
    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "大照片")
    big = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4000), "navy").save(big, "JPEG", quality=95)
    choose_files(monkeypatch, [big])
    strip = page.editor.attachments
    assert strip.shrink_box.isChecked()
    qtbot.mouseClick(strip.add_photos_button, Qt.MouseButton.LeftButton)
    assert strip.pending() == 1  # the click returned before the work was done
    wait_idle(qtbot, ctx)
    (stored,) = strip.values()
    store = attachments.AttachmentStore.at(ctx.paths.attachments)
    assert store.size(stored.sha256) < big.stat().st_size
    with store.open(stored.sha256) as fh, Image.open(fh) as img:
        assert max(img.size) == 1000


def test_empty_summary_is_refused_next_to_the_field(qtbot, ctx):
    page = make_page(qtbot, ctx)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor_laid_out(qtbot, page)
    editor = page.editor
    ime_type(editor.enterprise.lineEdit(), first_enterprise().name)
    ime_type(editor.place, "车间")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    feedback = editor.field_feedback["summary"]
    assert feedback.isVisible()
    expected = [f.message.text() for f in visits.validate(page.editor.value())
                if f.field == "summary"]
    assert expected and expected[0] in feedback.text()
    assert not editor.field_feedback["enterprise_id"].isVisible()
    assert editor.place.text() == "车间"
    assert page.model.rowCount() == 0
    assert visits.count_visits() == 0


def test_future_date_needs_confirmation(qtbot, ctx, monkeypatch):
    from PySide6.QtCore import QDateTime

    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "预约下月走访")
    page.editor.visit_at.setDateTime(QDateTime.currentDateTime().addDays(10))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Save))
    assert page.save_current()
    wait_idle(qtbot, ctx)
    assert asked
    assert visits.count_visits() == 1


def test_delete_and_undo(qtbot, ctx):
    page = make_page(qtbot, ctx, visit_count=5)
    assert page.model.rowCount() == 5
    page.table.selectRow(0)
    editor_laid_out(qtbot, page)
    visit_id = page.editor.record_id()
    assert visit_id == page.model.row_at(0).id
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert page.model.rowCount() == 4
    assert page.undo_bar.isVisible()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert page.model.rowCount() == 5
    assert page.editor.record_id() == visit_id


def test_edit_keeps_follow_ups_and_attachments(qtbot, ctx, tmp_path, monkeypatch):
    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "首次记录")
    choose_files(monkeypatch, [small_png(tmp_path / "p.png")])
    qtbot.mouseClick(page.editor.attachments.add_photos_button, Qt.MouseButton.LeftButton)
    page.editor.follow_ups.add_row().text.setText("跟进一")
    wait_idle(qtbot, ctx)
    page.save_current()
    wait_idle(qtbot, ctx)
    ime_type(page.editor.summary, "，补充")
    page.save_current()
    wait_idle(qtbot, ctx)
    assert visits.count_visits() == 1
    data = visits.load_input(record_id=page.editor.record_id())
    assert data.summary == "首次记录，补充"
    assert len(data.follow_ups) == 1 and len(data.attachments) == 1


def test_double_click_opens_a_named_copy(qtbot, ctx, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    page = make_page(qtbot, ctx)
    start_visit(qtbot, page, "打开附件")
    doc = tmp_path / "材料清单.pdf"
    doc.write_bytes(b"%PDF-1.4 liaison test")
    choose_files(monkeypatch, [doc])
    qtbot.mouseClick(page.editor.attachments.add_files_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    strip = page.editor.attachments
    strip.open_item(strip.list.item(0))
    wait_idle(qtbot, ctx)
    assert len(opened) == 1
    assert Path(opened[0]).name == "材料清单.pdf"
    assert Path(opened[0]).read_bytes() == doc.read_bytes()
