"""Open every page and every record editor on a screen of a given size, photograph each and
list what does not fit.

Run by ``test_layouts.py`` in a child process whose offscreen screen has the size to check
(``QT_QPA_PLATFORM=offscreen:configfile=…``): ``python -m tests.ui.layout_probe DATA_DIR
OUT_DIR``. It prints one JSON object: the screens it photographed (PNG files in OUT_DIR) and
the problems found — a visible widget reaching beyond its window or cut off by its parent,
a table or scroll area that needs a horizontal scroll bar, a window larger than the screen.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)


def _inside_viewport(w: QWidget, root: QWidget) -> QWidget | None:
    """The scroll area viewport ``w`` scrolls in, if any (below ``root``)."""
    parent = w.parentWidget()
    while parent is not None and parent is not root:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        parent = parent.parentWidget()
    return None


def _skip(w: QWidget) -> bool:
    """Parts Qt places on purpose where they may be clipped: a scroll bar's own parts, the
    scroll buttons of a tab bar, a combo box's inner pieces."""
    parent = w.parentWidget()
    return (isinstance(w, QScrollBar) or isinstance(parent, QTabBar | QComboBox | QScrollBar)
            or (isinstance(w, QToolButton) and isinstance(parent, QTabBar)))


def problems(root: QWidget, name: str) -> list[str]:
    found = []
    window = QRect(QPoint(0, 0), root.size())
    for w in root.findChildren(QWidget):
        if w.isWindow() or not w.isVisibleTo(root) or w.width() <= 0 or w.height() <= 0:
            continue
        if _skip(w):
            continue
        what = f"{name}: {type(w).__name__} {w.objectName() or ''} {_text(w)!r}".strip()
        rect = QRect(w.mapTo(root, QPoint(0, 0)), w.size())
        viewport = _inside_viewport(w, root)
        if viewport is None:
            if not window.contains(rect):
                found.append(f"{what} reaches beyond the window: {_r(rect)} in {_r(window)}")
            parent = w.parentWidget()
            if parent is not None and parent is not root and not QRect(
                    QPoint(0, 0), parent.size()).contains(w.geometry()):
                found.append(f"{what} is cut off by its parent: {_r(w.geometry())} in "
                             f"{parent.width()}x{parent.height()}")
        else:
            # Inside a scroll area: scrolling up and down is fine, sideways is not.
            view = QRect(viewport.mapTo(root, QPoint(0, 0)), viewport.size())
            if isinstance(viewport.parentWidget(), QAbstractItemView):
                continue  # a cell widget: the table's own check below covers it
            if rect.left() < view.left() - 1 or rect.right() > view.right() + 1:
                found.append(f"{what} is cut off sideways in its scroll area: {_r(rect)} in "
                             f"{_r(view)}")
    for area in root.findChildren(QAbstractScrollArea):
        if not area.isVisibleTo(root) or area.width() <= 0:
            continue
        bar = area.horizontalScrollBar()
        if bar.maximum() > 0:
            found.append(f"{name}: {type(area).__name__} {area.objectName()} needs a horizontal "
                         f"scroll bar ({bar.maximum()} px)")
        if isinstance(area, QScrollArea) and area.widget() is not None:
            need = area.widget().minimumSizeHint().width()
            if need > area.viewport().width() + 1:
                found.append(f"{name}: the content of a scroll area needs {need} px, has "
                             f"{area.viewport().width()}")
    return found


def _text(w: QWidget) -> str:
    for attr in ("text", "title", "placeholderText"):
        value = getattr(w, attr, None)
        if callable(value):
            try:
                text = value()
            except TypeError:
                continue
            if isinstance(text, str) and text:
                return text[:20]
    return ""


def _r(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


def settle(app: QApplication, runner: Any, until: Callable[[], bool] | None = None,
           timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not runner.is_busy() and (until is None or until()):
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def main(data_dir: str, out_dir: str) -> None:
    from liaison_app.core.db import open_database
    from liaison_app.core.models import Application, Enterprise
    from liaison_app.core.models.requests import Request
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.settings import Settings
    from liaison_app.ui.app import make_application
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.main_window import PAGES, MainWindow
    from liaison_app.ui.tasks import TaskRunner

    app = make_application()
    install_language("zh_CN")
    open_database(DataPaths(Path(data_dir)))
    runner = TaskRunner()
    ctx = AppContext(paths=DataPaths(Path(data_dir)), settings=Settings(), runner=runner)
    screen = app.primaryScreen().availableGeometry()
    size = f"{screen.width()}x{screen.height()}"
    out = Path(out_dir)
    report: dict[str, Any] = {"screen": size, "shots": [], "problems": []}
    win = MainWindow(ctx)
    win.place_on_screen()  # as the app does at start-up
    win.show()
    settle(app, runner)
    report["maximised"] = win.isMaximized()
    if not screen.contains(win.frameGeometry()):
        report["problems"].append(f"the window {_r(win.frameGeometry())} does not fit the "
                                  f"screen {_r(screen)}")

    def shoot(widget: QWidget, name: str) -> None:
        settle(app, runner)
        path = out / f"{name}-{size}.png"
        widget.grab().save(str(path))
        report["shots"].append(path.name)
        report["problems"].extend(problems(widget, f"{name} at {size}"))

    def first_row(page: Any) -> None:
        table = page.table
        table.selectRow(0)

    letter = Request.get_or_none(Request.channel == "letter")
    steps: list[tuple[str, str, Callable[[Any], None] | None]] = [
        (spec.page_id, spec.page_id, None) for spec in PAGES]
    steps += [("visits", "visit-editor", first_row),
              ("visits", "visit-new", lambda p: p.new_record()),
              ("requests", "request-editor", first_row),
              ("requests", "request-new", lambda p: p.new_record()),
              ("proxy", "proxy-editor", first_row),
              ("proxy", "proxy-new", lambda p: p.new_record())]
    if letter is not None:
        steps.append(("requests", "letter-editor", lambda p: p.open_record(letter.id)))
    for page_id, name, action in steps:
        win.navigate(page_id)
        settle(app, runner)
        if action is not None:
            action(win.current_page())
        shoot(win, name)
    win.search_box.setText("有限公司")
    win._run_search()
    shoot(win, "search")

    # The editor windows.
    enterprises_page = win.page("enterprises")
    win.navigate("enterprises")
    first = Enterprise.select().where(Enterprise.deleted == False).first()  # noqa: E712
    enterprises_page.edit_record(first.id)
    editor = enterprises_page.editor()
    shoot(editor, "enterprise-editor")
    _close(editor)
    applications = win.page("applications")
    application = Application.select().where(Application.kind == "pass").first()
    win.navigate("applications")
    applications.open_record(f"roster:{application.enterprise_id}")
    settle(app, runner)
    applications.edit_worker(None)
    worker = applications.open_editor()
    shoot(worker, "worker-editor")
    id_field = worker.edits["id_number"]
    id_field.setText("11010519491231002X")
    needed = id_field.fontMetrics().horizontalAdvance(id_field.text()) + 8
    if id_field.width() < needed:
        report["problems"].append(f"the ID number field is {id_field.width()} px wide, an "
                                  f"18-character number needs {needed} px")
    _close(worker)
    for kind, record in (("pass", application.id), ("reopening", None), ("procedure", None)):
        applications.edit_application(record, kind=kind)
        settle(app, runner, until=lambda: applications.open_editor() is not None
               and applications.open_editor().contract is not None)
        shoot(applications.open_editor(), f"application-{kind}")
        _close(applications.open_editor())
    # The report template editor, as the centre opens it (officers see it read-only).
    from tests.ui.editor_cases import _two_templates

    template_id, _other = _two_templates()
    win.navigate("daily")
    templates = win.current_page().edit_templates(template_id=template_id)
    shoot(templates, "template-editor")
    _close(templates)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    runner.shutdown()


def _close(dialog: Any) -> None:
    dialog.contract.discard()
    dialog.close_editor()


if __name__ == "__main__":
    main(*sys.argv[1:3])
    sys.stdout.flush()
    os._exit(0)
