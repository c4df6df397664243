"""The main window as a person meets it: pages, search, status bar, keyboard, languages."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QWidget

from liaison_app.core.services import demo
from liaison_app.core.settings import Settings
from liaison_app.ui.app import acquire_lock
from liaison_app.ui.main_window import PAGES, MainWindow

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, ctx):
    demo.generate(enterprises=20, visits=120, officers=4)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_started, timeout=5000)
    return win


def test_navigation_has_every_area_in_chinese(window):
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["工作台", "企业", "走访", "日报", "诉求", "代办", "申请与打印", "测评", "报表",
                      "同步"]


def test_no_area_is_left_as_a_placeholder(window):
    for i in range(window.nav.count()):
        window.navigate(window.nav.item(i).data(Qt.ItemDataRole.UserRole))
        notes = [w.text() for w in window.current_page().findChildren(QLabel)
                 if w.objectName() == "placeholderNote"]
        assert notes == [], window.nav.item(i).text()


def test_today_shows_the_five_panels_with_data(window):
    window.navigate("today")
    titles = [b.title() for b in window.current_page().findChildren(QGroupBox)]
    assert titles == ["逾期和即将到期的诉求", "本周走访", "待办跟进事项", "逾期未走访企业",
                      "最近动态"]
    assert window.current_page().recent.topLevelItemCount() > 0


def test_today_requests_panel_is_full_size_only_when_something_is_due(qtbot, ctx, window):
    window.resize(1280, 800)
    window.navigate("today")
    qtbot.wait(50)
    busy = window.current_page().requests.parentWidget().height()
    from liaison_app.core.models.requests import Request

    Request.update(due_date=None).execute()
    empty = MainWindow(ctx)
    qtbot.addWidget(empty)
    empty.resize(1280, 800)
    empty.show()
    empty.navigate("today")
    qtbot.wait(50)
    page = empty.current_page()
    assert page.requests.isHidden()
    assert page.requests.parentWidget().height() < 90 < 150 < busy


def test_ctrl_f_focuses_search_and_typing_two_characters_finds_visits(qtbot, window):
    window.navigate("visits")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    window.search_box.insert("供电")
    qtbot.waitUntil(lambda: window.current_page().page_id == "search", timeout=3000)
    page = window.current_page()
    assert page.hits and "“供电”的搜索结果" in page.heading.text()
    assert "<b>供电</b>" in page.results.toHtml().replace("font-weight:700", "b") or \
        "供电" in page.results.toPlainText()


def test_opening_a_search_hit_goes_to_the_record(qtbot, window):
    window.search_box.setText("有限公司")
    window._run_search()
    hit = next(h for h in window.current_page().hits if h.kind == "enterprise")
    window.current_page()._open(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl(
        f"enterprise:{hit.record_id}"))
    assert window.current_page().page_id == "enterprises"


def test_search_results_are_reached_and_opened_by_keyboard(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search_box.insert("有限公司")  # as an input method commits it
    # Down before the typing pause has run the search: it searches and moves there.
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    page = window.current_page()
    assert page.page_id == "search" and len(page.hits) > 2
    assert page.results.hasFocus() and page.selected == 0
    qtbot.keyClick(page.results, Qt.Key.Key_Down)
    qtbot.keyClick(page.results, Qt.Key.Key_Down)
    assert page.selected == 2
    qtbot.keyClick(page.results, Qt.Key.Key_Up)
    chosen = page.hits[1]
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    expected = {"enterprise": "enterprises", "visit": "visits", "request": "requests",
                "proxy_case": "proxy", "application": "applications"}[chosen.kind]
    assert window.current_page().page_id == expected
    # Up from the first hit goes back to the search box.
    window.navigate("search")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(page.results, Qt.Key.Key_Up)
    assert window.search_box.hasFocus() and page.selected == -1


def test_status_bar_shows_officer_and_data_location(window, ctx):
    assert window.officer_label.text() == "未登录"
    assert str(ctx.paths.root) in window.location_label.text()
    from liaison_app.core.models import Officer

    officer = Officer.select().first()
    ctx.settings.officer_id = officer.id
    window.update_status()
    assert officer.name in window.officer_label.text()


def test_ctrl_n_on_a_page_without_records_says_so(qtbot, window):
    window.navigate("satisfaction")
    window.new_record()
    assert "没有可新建" in window.statusBar().currentMessage()


def test_window_geometry_and_last_page_persist(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.resize(800, 640)  # the offscreen screen is 800x800
    width = win.width()
    win.navigate("visits")
    win.close()
    saved = Settings.load(ctx.paths.settings)
    assert saved.window_geometry and saved.last_page == "visits"
    ctx.settings = saved
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.current_page().page_id == "visits"
    assert (again.width(), again.height()) == (width, 640)


def test_a_second_copy_on_the_same_data_folder_is_refused(store):
    first = acquire_lock(store)
    assert first is not None
    try:
        second_copy = subprocess.run(
            [sys.executable, "-c",
             "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
             "from liaison_app.ui.app import acquire_lock; from liaison_app.core.paths import "
             "DataPaths; app = QCoreApplication([]);"
             f"print(acquire_lock(DataPaths(Path({str(store.root)!r}))) is None)"],
            capture_output=True, text=True, cwd=ROOT)
        assert second_copy.stdout.strip() == "True", second_copy.stderr
    finally:
        first.unlock()


VISIBLE_ENGLISH = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")
#: Words that are the same in both languages: the product name, codes, formats.
ALLOWED = {"Liaison", "USCC", "Ctrl", "PDF", "xlsx", "csv", "CSV", "TrueType", "ttf", "ttc"}


#: Widgets whose text is a proper name in Latin letters (the font forms print in).
NAMES = {"formFont"}


def _visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) or child.objectName() in NAMES:
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
    return texts


def test_no_visible_english_on_any_page_in_chinese(window, qtbot):
    offenders = []
    for spec in PAGES:
        window.navigate(spec.page_id)
        qtbot.wait(10)
        for text in _visible_texts(window):
            plain = re.sub(r"<[^>]+>", "", text)
            plain = re.sub(r"/[\w/.-]+", "", plain)  # paths
            words = set(VISIBLE_ENGLISH.findall(plain)) - ALLOWED
            if words:
                offenders.append((spec.page_id, text))
    assert offenders == []


def test_every_source_string_has_a_zh_cn_translation():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "missing"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, "untranslated strings:\n" + out.stdout


def test_english_can_be_chosen(qtbot, ctx):
    from liaison_app.ui.i18n import install_language

    install_language("en")
    try:
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        assert win.nav.item(0).text() == "Today"
    finally:
        install_language("zh_CN")


def test_self_test_command_passes():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "self-test"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "FAIL" not in out.stdout


def test_screenshot_command_writes_a_png(tmp_path, store):
    png = tmp_path / "shot.png"
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(store.root),
                          "screenshot", str(png), "--page", "enterprises", "--size", "1024x700"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 700)
