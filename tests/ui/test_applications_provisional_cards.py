"""The 申请与打印 page says in words when printed pass cards are provisional, which passes the
centre has signed since (to print again), and offers the reprint; a reprint clears it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from liaison_app.core.models import AuditEntry, IssuedPass
from liaison_app.core.services import applications as apps
from liaison_app.core.services import printing
from liaison_app.core.services.applications import ApplicationInput
from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from liaison_app.ui.pages.applications_page import ApplicationsPage
from tests.core.test_roster_samples import add_workers, enterprise
from tests.ui.conftest import wait_idle
from tests.ui.test_applications_page import _open_page


def _refresh(qtbot, ctx, page: ApplicationsPage) -> None:
    page.on_data_changed("application")
    wait_idle(qtbot, ctx)
    page.app_table.selectRow(0)
    wait_idle(qtbot, ctx)


def test_provisional_cards_then_signed_then_reprinted(qtbot, ctx, tmp_path: Path,
                                                       monkeypatch) -> None:
    ent = enterprise()
    workers = add_workers(ent.id, 3)
    app_id = apps.save(data=ApplicationInput(
        kind="pass", enterprise_id=ent.id, period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2027, 1, 31), areas=["经济开发区"], worker_ids=workers,
        details={"reason": "通勤"})).id
    page = _open_page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    _refresh(qtbot, ctx, page)
    assert page.current_application_id() == app_id
    # Nothing printed yet: nothing to say.
    assert not page.card_notice.isVisible() and not page.reprint_button.isVisible()

    printing.print_to_file(form_id="pass_cards", record_id=app_id, out=tmp_path / "a.pdf")
    _refresh(qtbot, ctx, page)
    notice = page.card_notice.text()
    assert page.card_notice.isVisible() and "3 张通行证是临时卡" in notice
    assert "中心尚未签发" in notice and not page.reprint_button.isVisible()

    # The server signs two of the passes; they arrive with a sync.
    passes = list(IssuedPass.select().where(IssuedPass.application == app_id)
                  .order_by(IssuedPass.pass_no))
    signed = passes[:2]
    IssuedPass.update(signature="c2lnbmVk", sign_key_id="k1").where(
        IssuedPass.id.in_([p.id for p in signed])).execute()
    _refresh(qtbot, ctx, page)
    notice = page.card_notice.text()
    assert "2 张通行证现已由中心签发" in notice and "1 张通行证是临时卡" in notice
    for p in signed:
        assert p.pass_no in notice.split("现已由中心签发")[1].split("1 张")[0]
    assert passes[2].pass_no in notice.split("中心尚未签发")[1]
    assert page.reprint_button.isVisible() and "2 张已签发" in page.reprint_button.text()
    page.grab().save("/tmp/applications_provisional_cards.png")

    # The button opens the cards' print preview; saving them logs which went out signed.
    qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    dialog = next(d for d in page.open_dialogs() if isinstance(d, PrintPreviewDialog))
    wait_idle(qtbot, ctx)
    target = tmp_path / "again.pdf"
    monkeypatch.setattr(PrintPreviewDialog, "choose_save_path", lambda self: str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    dialog.reject()
    assert target.exists()
    last = AuditEntry.select().order_by(AuditEntry.device_time.desc()).first()
    assert sorted(last.details["cards"]["signed"]) == sorted(p.pass_no for p in signed)
    _refresh(qtbot, ctx, page)
    notice = page.card_notice.text()
    assert "现已由中心签发" not in notice and "1 张通行证是临时卡" in notice
    assert not page.reprint_button.isVisible()

    # Once the last is signed and reprinted, the page has nothing more to say.
    IssuedPass.update(signature="c2lnbmVk", sign_key_id="k1").where(
        IssuedPass.id == passes[2].id).execute()
    _refresh(qtbot, ctx, page)
    assert page.reprint_button.isVisible() and "1 张已签发" in page.reprint_button.text()
    printing.print_to_file(form_id="pass_cards", record_id=app_id, out=tmp_path / "b.pdf")
    _refresh(qtbot, ctx, page)
    assert not page.card_notice.isVisible() and not page.reprint_button.isVisible()
