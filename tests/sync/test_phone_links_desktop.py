"""The centre's laptop issues, shows, copies and prints a round's phone links (the 测评 page's
手机测评链接 window) against a real server on loopback; the links never reach its disk."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from liaison_app.core.models import EvaluationRound, ScoreSheet
from liaison_app.core.models.departments import Department
from liaison_app.core.settings import Settings
from liaison_app.forms.toolkit.qr import read_qr_codes

ROOT = Path(__file__).resolve().parents[2]
#: Where the windows are photographed for a person to look at (never in the repository).
SHOTS = Path(tempfile.gettempdir()) / "liaison-phone-shots"


@pytest.fixture
def desk(county: dict[str, Any], qapp: Any) -> Any:
    """The centre's laptop with a round open to phones (both enterprises invited), its app
    context in Chinese."""
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.tasks import TaskRunner

    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile-if-stale"],
                   check=True, capture_output=True)
    centre = county["centre"]
    centre.use()
    Department(name="县企业服务中心", kind="centre").save(force_insert=True)
    land = Department(name="县自然资源局", kind="department")
    land.save(force_insert=True)
    rnd = EvaluationRound(name="2026年第四季度企业满意度测评", held_on=dt.date(2026, 11, 27),
                          units=["centre", land.id], invited=[county["e1"], county["e2"]],
                          scale={"kind": "points", "max": 20}, status="open",
                          phone_enabled=True, anonymous=True)
    rnd.save(force_insert=True)
    assert centre.sync().ok
    install_language("zh_CN")
    runner = TaskRunner()
    ctx = AppContext(paths=centre.paths, settings=Settings(), runner=runner)
    yield {**county, "ctx": ctx, "round": rnd.id}
    runner.shutdown()


def _page(qtbot: Any, ctx: Any) -> Any:
    from liaison_app.ui.pages.evaluation_page import EvaluationPage

    page = EvaluationPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: not ctx.runner.is_busy(), timeout=10_000)
    return page


def _row(dialog: Any, enterprise_id: str) -> int:
    for r in range(dialog.table.rowCount()):
        if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == enterprise_id:
            return r
    raise AssertionError(enterprise_id)


def _submit(url: str) -> int:
    fingerprint = httpx.get(url).text.split('name="v" value="')[1].split('"')[0]
    form = {"v": fingerprint, **{f"s{u}_{d}": "16" for u in range(2) for d in range(5)}}
    return httpx.post(url, data=form).status_code


def test_the_centre_issues_shows_copies_and_prints_the_phone_links(
        qtbot: Any, desk: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    ctx, e1, e2 = desk["ctx"], desk["e1"], desk["e2"]
    page = _page(qtbot, ctx)
    assert page.phone_button.isVisible() and page.phone_button.isEnabled()
    dialog = page.phone_links()
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=15_000)
    assert dialog.table.rowCount() == 2
    assert {dialog.table.item(r, 1).text() for r in range(2)} == {"还没有链接"}
    assert not dialog.print_button.isEnabled() and not dialog.copy_button.isEnabled()

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.links) == 2 and not dialog._working, timeout=15_000)
    url1, url2 = dialog.links[e1], dialog.links[e2]
    server_url = desk["server"].url
    assert url1.startswith(server_url + "/m/") and url1 != url2
    assert "已发放 2 个链接" in dialog.message.text()
    first = httpx.get(url1).text
    assert "鲁西化工有限公司" in first and "德州面粉厂" not in first

    # Copy one link, show it as a QR code a phone reads off the screen.
    dialog.table.selectRow(_row(dialog, e1))
    assert dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == url1
    qr = dialog.show_qr()
    shot = tmp_path / "qr.png"
    qr.grab().save(str(shot))
    assert read_qr_codes(shot) == [url1]
    assert qr.url.text() == url1
    SHOTS.mkdir(parents=True, exist_ok=True)
    qr.grab().save(str(SHOTS / "desktop-qr.png"))
    dialog.grab().save(str(SHOTS / "desktop-links.png"))
    qr.close()
    dialog.copy_all_button.click()
    assert sorted(QGuiApplication.clipboard().text().splitlines()) == sorted(
        [f"鲁西化工有限公司\t{url1}", f"德州面粉厂\t{url2}"])

    # The printed invitations: each enterprise's own link, readable from the paper.
    preview = dialog.print_invitations()
    qtbot.waitUntil(lambda: preview.job is not None, timeout=30_000)
    assert preview.job.pages == 1 and preview.job.sheets == 2
    pdf = tmp_path / "invitations.pdf"
    preview.choose_save_path = lambda: str(pdf)
    preview.save_pdf()
    qtbot.waitUntil(lambda: not ctx.runner.is_busy(), timeout=10_000)
    text = pypdf.PdfReader(str(pdf)).pages[0].extract_text()
    assert "手机评分邀请" in text and "匿名测评" in text and "县自然资源局" in text
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)
    assert sorted(read_qr_codes(tmp_path / "page.png")) == sorted([url1, url2])
    preview.close()

    # A representative scores on the phone; the window learns who has scored.
    assert _submit(url1) == 200
    dialog.refresh_button.click()
    qtbot.waitUntil(lambda: not dialog._working and dialog.table.item(
        _row(dialog, e1), 1).text() == "已评分 ✓", timeout=15_000)
    assert e1 not in dialog.links  # used: it works no more
    dialog.table.selectRow(_row(dialog, e1))
    assert not dialog.copy_button.isEnabled() and not dialog.reissue_button.isEnabled()
    assert "1/2" in dialog.message.text() or "2 家企业中已有 1 家" in dialog.message.text()

    # A lost invitation is replaced: asked first, the old link then stops working.
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        asked.append(a[2]), QMessageBox.StandardButton.Yes)[1])
    dialog.table.selectRow(_row(dialog, e2))
    dialog.reissue_button.click()
    qtbot.waitUntil(lambda: dialog.links.get(e2, url2) != url2, timeout=15_000)
    assert len(asked) == 1 and "停止" in asked[0]
    assert httpx.get(url2).status_code == 404
    assert httpx.get(dialog.links[e2]).status_code == 200
    dialog.close()

    # Opened again (here from a row of the entry grid), the window still has the link of
    # this session, with that enterprise chosen.
    page.grid.phone_link_requested.emit(e2)
    again = page._dialogs[-1]
    qtbot.waitUntil(lambda: again.state is not None and not again._working, timeout=15_000)
    assert again._selected() == e2 and again.links[e2] == dialog.links[e2]
    again.grab().save(str(SHOTS / "desktop-links-again.png"))
    page.grab().save(str(SHOTS / "desktop-page.png"))
    assert again.table.item(_row(again, e2), 2).text() == dialog.links[e2]

    # Working links are keys: none is written to the laptop's disk.
    qtbot.waitUntil(lambda: not ctx.runner.is_busy(), timeout=10_000)
    stored = b"".join(p.read_bytes() for p in Path(ctx.paths.root).rglob("*") if p.is_file())
    for url in (url1, url2, dialog.links[e2]):
        assert url.rsplit("/", 1)[1].encode() not in stored
    desk["centre"].use()
    assert desk["centre"].sync().ok
    assert ScoreSheet.select().where(ScoreSheet.enterprise == e1).count() == 2


def test_a_laptop_without_a_server_gets_a_sentence_not_a_trace(
        qtbot: Any, desk: dict[str, Any]) -> None:
    ctx = desk["ctx"]
    desk["server"].stop()
    page = _page(qtbot, ctx)
    dialog = page.phone_links()
    qtbot.waitUntil(lambda: not dialog._working, timeout=30_000)
    text = dialog.message.text()
    assert text and "Traceback" not in text and dialog.table.rowCount() == 0
