"""The 代办 page previews the procedure application and the power of attorney of a case."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from liaison_app.core.models import AuditEntry, Enterprise, Officer
from liaison_app.core.services import departments
from liaison_app.core.services import proxy_cases as pc
from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from tests.ui.conftest import wait_idle


def test_a_case_previews_its_forms(qtbot, ctx, tmp_path, monkeypatch):
    from liaison_app.ui.pages.proxy_page import ProxyPage

    departments.ensure_seeded()
    officer = Officer(name="张代办", phone="13800001111", role="center")
    officer.save(force_insert=True)
    ent = Enterprise(name="鲁南新材料有限公司", uscc="91371300MA3C8QJ21X")
    ent.save(force_insert=True)
    entry = next(c for c in pc.load_catalogue() if c.name == "道路开口许可")
    case = pc.save(data=pc.CaseInput(
        enterprise_id=ent.id, project_name="年产5万吨新材料项目", officer_id=officer.id,
        started_on=dt.date(2024, 3, 1), items=[pc.ItemInput(
            name=entry.name, department_id=departments.seed_id(entry.department),
            usual_days=entry.usual_days)]))
    page = ProxyPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activate()
    wait_idle(qtbot, ctx)
    assert not page.application_button.isVisible()  # no case chosen yet
    page.table.selectRow(0)
    assert page.current_id == case.id and page.application_button.isEnabled()

    for button, form_id in ((page.application_button, "procedure_application"),
                            (page.attorney_button, "power_of_attorney")):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = page._dialogs[-1]
        assert isinstance(dialog, PrintPreviewDialog) and dialog.isVisible()
        wait_idle(qtbot, ctx)
        wait_idle(qtbot, ctx)
        assert dialog.form_id == form_id and dialog.record_id == case.id
        assert dialog.job is not None and dialog.job.pages >= 1
        assert not dialog.preview.image.pixmap().isNull()
        target = tmp_path / f"{form_id}.pdf"
        monkeypatch.setattr(PrintPreviewDialog, "choose_save_path", lambda self, t=target: str(t))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, ctx)
        assert target.stat().st_size > 0
        dialog.reject()
    logged = list(AuditEntry.select().order_by(AuditEntry.device_time))
    assert [(e.record_table, e.record_id) for e in logged] == [("proxy_case", case.id)] * 2
    assert {e.details["form"] for e in logged} == {"procedure_application", "power_of_attorney"}
