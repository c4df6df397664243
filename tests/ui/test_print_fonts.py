"""The print preview names the face of each font role, and refuses a character no font has
with a sentence (no trace) instead of printing something else."""
from __future__ import annotations

import os

from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from tests.core.test_printing_fonts import NO_FONT_HAS, pass_application
from tests.ui.conftest import wait_idle


def _preview(qtbot, ctx, record: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(ctx, form_id="pass_application", record_id=record)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    return dialog


def _shot(dialog: PrintPreviewDialog, name: str) -> None:
    folder = os.environ.get("LIAISON_SHOTS")  # set by hand to look at the dialog
    if folder:
        dialog.grab().save(os.path.join(folder, name))


def test_preview_names_the_song_hei_and_fangsong_faces(qtbot, ctx) -> None:
    dialog = _preview(qtbot, ctx, pass_application("𠮷田㛃新材料有限公司"))
    _shot(dialog, "preview-fonts.png")
    assert dialog.job is not None
    label = dialog.font_label.text()
    assert "正文（宋）文鼎细上海宋" in label
    assert "标题（黑）文泉驿微米黑" in label
    assert "函件（仿宋）文鼎中楷" in label
    assert "生僻字：花园明朝" in label  # 𠮷 came from Hanazono
    assert dialog.print_button.isEnabled()


def test_preview_refuses_a_character_no_font_has_in_words(qtbot, ctx) -> None:
    dialog = _preview(qtbot, ctx, pass_application(f"德润{NO_FONT_HAS}新材料有限公司"))
    _shot(dialog, "preview-uncovered.png")
    assert dialog.job is None
    assert dialog.notice.isVisible()
    notice = dialog.notice.text()
    assert NO_FONT_HAS in notice and "企业名称" in notice and "无法打印" in notice
    assert "Traceback" not in notice
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
