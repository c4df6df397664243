"""The 验证通行证 dialog: a photo of a printed card gives the verdict in large words with the
masked holder, unit and validity; a tampered code reads as forged; a picture without a code
and a file that is no picture are answered in sentences."""
from __future__ import annotations

import datetime as dt
import shutil

from PySide6.QtCore import Qt

from liaison_app.ui.dialogs.verify_pass_dialog import VerifyPassDialog
from tests import days
from tests import pass_samples as ps
from tests.ui.conftest import wait_idle

TODAY = days.TODAY


def test_photo_of_a_card_and_a_tampered_code(qtbot, ctx, tmp_path, monkeypatch) -> None:
    ps.publish_key()
    code = ps.code("AB2CD-000031", start=TODAY - dt.timedelta(days=3),
                   end=TODAY + dt.timedelta(days=30))
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None
    photo = ps.photo_of(ps.card_png(tmp_path, pdftoppm, code, "card"), tmp_path / "card.jpg")
    dialog = VerifyPassDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(600, 420)
    dialog.show()
    monkeypatch.setattr(VerifyPassDialog, "choose_image", lambda self: str(photo))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert dialog.headline.text() == "有效通行证"
    assert "#2e7d32" in dialog.headline.styleSheet()
    assert dialog.holder.text().startswith("𠮷*㛃") and ps.ID_NUMBER not in dialog.holder.text()
    assert dialog.unit.text() == ps.UNIT[:23] + "…"
    assert dialog.validity.text().endswith((TODAY + dt.timedelta(days=30)).isoformat())
    assert dialog.details.isVisible()

    # Pasted, as a scanner app hands it over (typing 𠮷 key by key is not how it arrives).
    dialog.code_edit.setText(code.text.replace(ps.UNIT[:6], "某某公司", 1))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert dialog.headline.text() == "伪造或被改动" and not dialog.details.isVisible()

    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (400, 300), 255).save(blank)
    monkeypatch.setattr(VerifyPassDialog, "choose_image", lambda self: str(blank))
    dialog.choose_and_check()
    wait_idle(qtbot, ctx)
    assert dialog.headline.text() == "未找到通行证二维码"
    not_a_picture = tmp_path / "notes.jpg"
    not_a_picture.write_text("hello")
    monkeypatch.setattr(VerifyPassDialog, "choose_image", lambda self: str(not_a_picture))
    dialog.choose_and_check()
    wait_idle(qtbot, ctx)
    assert dialog.headline.text() == "无法核验" and dialog.explanation.text()
    assert dialog.choose_button.isEnabled()
