"""Every record editor, opened the way a person opens it, for the shared editor scenarios.

``test_editor_contract.py`` drives each case through the same scenarios. A case knows how to
pick two records of its kind, open the editor on one inside the main window, find its
multi-line field, switch to the other record, press Ctrl+N, cancel, and change the record
"elsewhere" (as a sync would). Run as ``python -m tests.ui.editor_cases CASE DATA_DIR
RECORD_ID TEXT`` it types TEXT into that editor, waits until the draft is stored and then
waits to be killed (the kill -9 scenario).
"""
from __future__ import annotations

import dataclasses
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QWidget

from liaison_app.core.models import Application, Enterprise, Visit, Worker
from liaison_app.core.models.proxy import ProxyCase
from liaison_app.core.models.requests import Request
from liaison_app.core.services import applications as apps
from liaison_app.core.services import demo, roster, visits
from liaison_app.core.services import enterprises as enterprise_service
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services import requests as rq

#: What the scenarios type: a character outside the BMP, a tab, a second line.
TYPED = "补充：𠮷祥车间\t夜班\n第二行 ABC"


def make_world(*, enterprises: int = 12, visits: int = 30) -> None:
    """A small county with two records of every kind. Database worker or test thread."""
    demo.generate(enterprises=enterprises, visits=visits, officers=3,
                  requests=max(6, enterprises // 2), cases=max(3, enterprises // 10),
                  rosters=0.5)
    first = Enterprise.select().where(Enterprise.deleted == False).first()  # noqa: E712
    # A direct-channel letter: a request that came in by letter.
    rq.save(data=rq.RequestInput(enterprise_id=first.id, channel="letter",
                                 addressee=rq.load_config().addressees[0],
                                 description="来信反映厂区道路开口审批久拖未决"))
    # Two pass applications still being prepared (submitted ones cannot be edited).
    first_pass = Application.select().where(Application.kind == "pass").order_by(
        Application.enterprise_id, Application.id).first()
    for title in ("第二批通行证", "第三批通行证"):
        data = apps.load_input(record_id=first_pass.id)
        data.title, data.application_no = title, ""
        apps.save(data=data)


@dataclass
class Case:
    """How one editor is reached and handled; ``win`` is the main window."""

    name: str
    #: (record shown, another record) of this kind.
    pick: Callable[[], tuple[str, str]]
    open: Callable[[Any, str], None]
    #: The open editor's contract and its multi-line field.
    editor: Callable[[Any], Any]
    field: Callable[[Any], QPlainTextEdit]
    switch: Callable[[Any, str], None]
    cancel_button: Callable[[Any], QPushButton]
    #: Change the stored record as a sync would (another field than the one typed in).
    change_elsewhere: Callable[[str], None]
    #: Where the multi-line field's text is in the editor's payload.
    value_of: Callable[[dict[str, Any]], str] = lambda payload: ""
    #: The editor is a window of its own (Ctrl+N and Esc go to it).
    window: bool = False

    def contract(self, win: Any) -> Any:
        return self.editor(win).contract

    def is_open(self, win: Any) -> bool:
        editor = self.editor(win)
        if editor is None:
            return False
        if self.window:
            return editor.isVisible()
        return editor.contract.is_open() and self.field(win).isVisible()


def _fresh() -> str:
    """A value no earlier change wrote, so every change elsewhere is a change."""
    return uuid.uuid4().hex[:6]


def _page(win: Any, page_id: str) -> Any:
    win.navigate(page_id)
    return win.current_page()


# -- visit ---------------------------------------------------------------------------------
def _two(model: Any, *where: Any) -> tuple[str, str]:
    query = model.select(model.id).where(model.deleted == False, *where)  # noqa: E712
    rows = [r.id for r in query.order_by(model.id).limit(2)]
    return rows[0], rows[1]


def _change_visit(record_id: str) -> None:
    data = visits.load_input(record_id=record_id)
    data.place = f"县政府三楼会议室（同步修改 {_fresh()}）"
    visits.save(data=data, record_id=record_id)


VISIT = Case(
    name="visit",
    pick=lambda: _two(Visit),
    open=lambda win, rid: _page(win, "visits").open_record(rid),
    editor=lambda win: win.page("visits").editor,
    field=lambda win: win.page("visits").editor.participants,
    switch=lambda win, rid: _select_row(win.page("visits"), rid),
    cancel_button=lambda win: win.page("visits").editor.cancel_button,
    change_elsewhere=_change_visit,
    value_of=lambda p: p["participants"],
)


def _select_row(page: Any, record_id: str) -> None:
    """Click the row of ``record_id`` in the page's list, as a person does."""
    table = page.table
    model = table.model()
    header = table.horizontalHeader()
    column = next(c for c in range(model.columnCount()) if not header.isSectionHidden(c))
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if record_id in (index.data(Qt.ItemDataRole.UserRole), _row_id(page, row)):
            table.scrollTo(index)
            rect = table.visualRect(index)
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{record_id} is not in the list")


def _row_id(page: Any, row: int) -> str:
    row_at = getattr(page.model, "row_at", None) if hasattr(page, "model") else None
    found = row_at(row) if row_at else None
    return getattr(found, "id", "")


# -- request and letter --------------------------------------------------------------------
def _change_request(record_id: str) -> None:
    data = rq.load_input(record_id=record_id)
    data.urgency = "urgent" if data.urgency != "urgent" else "normal"
    data.complex = not data.complex
    rq.save(data=data, record_id=record_id)


REQUEST = Case(
    name="request",
    pick=lambda: _two(Request, Request.channel != "letter"),
    open=lambda win, rid: _page(win, "requests").open_record(rid),
    editor=lambda win: win.page("requests"),
    field=lambda win: win.page("requests").description,
    switch=lambda win, rid: _select_row(win.page("requests"), rid),
    cancel_button=lambda win: win.page("requests").close_button,
    change_elsewhere=_change_request,
    value_of=lambda p: p["description"],
)


def _letter_and_other() -> tuple[str, str]:
    letter = Request.get(Request.channel == "letter").id
    other = Request.select().where(Request.id != letter).order_by(Request.id).first().id
    return letter, other


LETTER = dataclasses.replace(REQUEST, name="letter", pick=_letter_and_other)


# -- proxy case ----------------------------------------------------------------------------
def _change_case(record_id: str) -> None:
    data = pc.load_input(record_id=record_id)
    data.project_location = f"经济开发区（同步修改 {_fresh()}）"
    pc.save(data=data, record_id=record_id)


PROXY = Case(
    name="proxy_case",
    pick=lambda: _two(ProxyCase),
    open=lambda win, rid: _page(win, "proxy").open_record(rid),
    editor=lambda win: win.page("proxy"),
    field=lambda win: win.page("proxy").notes,
    switch=lambda win, rid: _select_row(win.page("proxy"), rid),
    cancel_button=lambda win: win.page("proxy").close_button,
    change_elsewhere=_change_case,
    value_of=lambda p: p["notes"],
)


# -- enterprise ----------------------------------------------------------------------------
def _change_enterprise(record_id: str) -> None:
    data = enterprise_service.EnterpriseInput.from_record(
        enterprise_service.get(record_id=record_id))
    data.address = f"经济开发区纬二路 8 号（同步修改 {_fresh()}）"
    enterprise_service.update(record_id=record_id, data=data, confirm_warnings=True)


ENTERPRISE = Case(
    name="enterprise",
    pick=lambda: _two(Enterprise),
    open=lambda win, rid: _page(win, "enterprises").edit_record(rid),
    editor=lambda win: win.page("enterprises").editor(),
    field=lambda win: win.page("enterprises").editor().notes_edit,
    # Double-clicking another enterprise opens it in the same editor window.
    switch=lambda win, rid: win.page("enterprises").edit_record(rid),
    cancel_button=lambda win: win.page("enterprises").editor().cancel_button,
    change_elsewhere=_change_enterprise,
    value_of=lambda p: p["notes"],
    window=True,
)


# -- worker and application (dialogs of the applications page) -----------------------------
def _with_workers() -> str:
    return Worker.select(Worker.enterprise_id).where(
        Worker.deleted == False).order_by(Worker.enterprise_id).first().enterprise_id  # noqa: E712


def _open_applications(win: Any, enterprise_id: str) -> Any:
    page = _page(win, "applications")
    page.open_record(f"roster:{enterprise_id}")
    return page


def _dialog(win: Any) -> Any:
    return win.page("applications").open_editor()


def _change_worker(record_id: str) -> None:
    data = roster.load_input(record_id=record_id)
    data.post = f"叉车工（同步修改 {_fresh()}）"
    roster.update(record_id=record_id, data=data)


def _open_worker(win: Any, record_id: str) -> None:
    page = _open_applications(win, roster.get(record_id=record_id).enterprise_id)
    page.edit_worker(record_id)


WORKER = Case(
    name="worker",
    pick=lambda: _two(Worker, Worker.enterprise_id == _with_workers()),
    open=_open_worker,
    editor=_dialog,
    field=lambda win: _dialog(win).edits["notes"],
    switch=lambda win, rid: win.page("applications").edit_worker(rid),
    cancel_button=lambda win: _cancel_of(_dialog(win)),
    change_elsewhere=_change_worker,
    value_of=lambda p: p["notes"],
    window=True,
)


def _cancel_of(dialog: Any) -> QPushButton:
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)


def _two_pass_applications() -> tuple[str, str]:
    rows = list(Application.select().where(Application.title.in_(["第二批通行证", "第三批通行证"]))
                .order_by(Application.title))
    return rows[0].id, rows[1].id


def _change_application(record_id: str) -> None:
    data = apps.load_input(record_id=record_id)
    data.remarks = f"同步修改的备注 {_fresh()}"
    apps.save(data=data, record_id=record_id)


def _open_application(win: Any, record_id: str) -> None:
    page = _open_applications(win, apps.get(record_id=record_id).enterprise_id)
    page.edit_application(record_id)


APPLICATION = Case(
    name="application",
    pick=_two_pass_applications,
    open=_open_application,
    editor=_dialog,
    field=lambda win: _dialog(win).reason,
    switch=lambda win, rid: win.page("applications").edit_application(rid),
    cancel_button=lambda win: _cancel_of(_dialog(win)),
    change_elsewhere=_change_application,
    value_of=lambda p: p["details"]["reason"],
    window=True,
)



# -- report template (the centre's; a window of the 日报 page) ------------------------------
def _as_centre() -> None:
    """Templates are the centre's to edit: act as a centre officer (this process)."""
    from liaison_app.core import context
    from liaison_app.core.models import Officer

    centre = Officer.get_or_none(Officer.role == "center")
    if centre is None:
        centre = Officer(name="服务中心", role="center")
        centre.save(force_insert=True)
    context.set_actor(officer_id=centre.id)


def _two_templates() -> tuple[str, str]:
    from liaison_app.core.services import daily_templates

    _as_centre()
    daily_templates.ensure_seeded()
    rows = daily_templates.list_templates()
    return rows[0].id, rows[1].id


def _open_template(win: Any, record_id: str) -> None:
    _as_centre()
    _page(win, "daily").edit_templates(template_id=record_id)


def _change_template(record_id: str) -> None:
    from liaison_app.core.services import daily_templates

    template = daily_templates.get_template(template_id=record_id)
    version = daily_templates.versions(template_id=record_id)[-1]
    daily_templates.save_template(template_id=record_id, data=daily_templates.TemplateInput(
        name=f"{template.name[:40]}（同步修改 {_fresh()}）", description=template.description,
        active=template.active, starts_on=template.starts_on, ends_on=template.ends_on,
        audience=version.audience, towns=list(version.towns),
        enterprise_ids=list(version.enterprise_ids), fields=list(version.fields)))


def _template_dialog(win: Any) -> Any:
    return win.page("daily").template_dialog


def _switch_template(win: Any, record_id: str) -> None:
    """Click another template in the editor's list."""
    listing = _template_dialog(win).list
    row = next(i for i in range(listing.count())
               if listing.item(i).data(Qt.ItemDataRole.UserRole) == record_id)
    listing.setCurrentRow(row)


TEMPLATE = Case(
    name="report_template",
    pick=_two_templates,
    open=_open_template,
    editor=_template_dialog,
    field=lambda win: _template_dialog(win).description,
    switch=_switch_template,
    cancel_button=lambda win: _template_dialog(win).close_button,
    change_elsewhere=_change_template,
    value_of=lambda p: p["description"],
    window=True,
)

CASES = {c.name: c for c in (VISIT, REQUEST, LETTER, PROXY, ENTERPRISE, WORKER, APPLICATION,
                             TEMPLATE)}


# -- driving -------------------------------------------------------------------------------
def settle(app: QApplication, runner: Any, *, until: Callable[[], bool] | None = None,
           timeout: float = 10.0) -> bool:
    """Process events until the runner is idle (and ``until`` holds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not runner.is_busy() and (until is None or until()):
            for _ in range(3):
                app.processEvents()
            return True
        time.sleep(0.01)
    return False


def ime_type(widget: QWidget, text: str) -> None:
    """Type the way an input method does: committed text, not key codes."""
    widget.setFocus()
    if isinstance(widget, QPlainTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_case(case: Case, win: Any, record_id: str, app: QApplication, runner: Any) -> None:
    case.open(win, record_id)
    settle(app, runner, until=lambda: case.editor(win) is not None
           and getattr(case.editor(win), "contract", None) is not None
           and case.contract(win).record_id == record_id)


def child(case_name: str, data_dir: str, record_id: str, text: str) -> None:
    """Type into the editor like a person, wait until the draft is stored, then wait for
    the kill."""
    from pathlib import Path

    from liaison_app.core.db import open_database
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.services import drafts
    from liaison_app.core.settings import Settings
    from liaison_app.ui.app import make_application
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.main_window import MainWindow
    from liaison_app.ui.tasks import TaskRunner

    app = make_application()
    install_language("zh_CN")
    paths = DataPaths(Path(data_dir))
    open_database(paths)
    runner = TaskRunner()
    ctx = AppContext(paths=paths, settings=Settings(), runner=runner)
    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    case = CASES[case_name]
    open_case(case, win, record_id, app, runner)
    ime_type(case.field(win), text)
    key = case.contract(win).draft_key
    stored = settle(app, runner, until=lambda: drafts.load_draft(key=key) is not None)
    print("ready" if stored else "no draft", flush=True)
    while True:  # until killed
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    child(*sys.argv[1:5])
