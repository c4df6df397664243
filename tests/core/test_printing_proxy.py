"""The procedure application and the power of attorney filled from a proxy case (领办代办):
enterprise, project, items with their departments, the officer in charge; every print logged."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest

from liaison_app import cli
from liaison_app.core import context
from liaison_app.core.models import AuditEntry, Enterprise, Officer
from liaison_app.core.models.proxy import ProxyCase
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import applications as apps
from liaison_app.core.services import departments, printing
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services.applications import ApplicationInput
from liaison_app.core.services.errors import NotFound
from tests import days

D = dt.date
USCC = "91371300MA3C8QJ21X"
ITEMS = (("道路开口许可", "县交通运输局"), ("环境影响评价审批（环评）", "市生态环境局县分局"),
         ("消防验收", "县住房和城乡建设局"))


def _text(path: Path) -> str:
    raw = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    return re.sub(r"\s+", "", raw)


def _item(name: str, **kw) -> pc.ItemInput:
    entry = next(c for c in pc.load_catalogue() if c.name == name)
    return pc.ItemInput(name=entry.name, department_id=departments.seed_id(entry.department),
                        usual_days=entry.usual_days, **kw)


@pytest.fixture
def case(store: DataPaths):
    departments.ensure_seeded()
    officer = Officer(name="张代办", phone="13800001111", role="center")
    officer.save(force_insert=True)
    context.set_actor(officer_id=officer.id)
    ent = Enterprise(name="鲁南新材料有限公司", uscc=USCC, town="经济开发区街道",
                     legal_rep="王建国", contact_name="刘会计", contact_phone="13911112222")
    ent.save(force_insert=True)
    items = [_item("道路开口许可", documents="设计图\n用地证明", submitted_on=D(2024, 3, 4),
                   approved_on=D(2024, 3, 7), status="approved"),
             _item("环境影响评价审批（环评）", documents="环评报告书"),
             _item("消防验收"),
             _item("节能审查", status="withdrawn")]
    rec = pc.save(data=pc.CaseInput(enterprise_id=ent.id, project_name="年产5万吨新材料项目",
                                    project_location="经济开发区纬二路", started_on=D(2024, 3, 1),
                                    notes="企业委托中心全程代办", items=items))
    yield rec
    context.set_actor(officer_id="")


def test_form_data_from_a_case(case: ProxyCase) -> None:
    data = printing.form_data(form_id="procedure_application", record_id=case.id).data
    assert data.enterprise.uscc == USCC and data.project_name == "年产5万吨新材料项目"
    assert [(i.name, i.department) for i in data.items] == list(ITEMS)  # withdrawn left out
    first = data.items[0]
    assert first.documents == ("设计图", "用地证明") and first.usual_days == 18
    assert (first.submitted_on, first.approved_on) == (D(2024, 3, 4), D(2024, 3, 7))
    assert first.status == pc.ITEM_STATUS_ZH["approved"]
    assert (data.officer, data.officer_phone) == ("张代办", "13800001111")
    year = days.TODAY.year
    assert data.organisation == "县企业服务中心" and data.application_no == f"领办〔{year}〕待编号"
    assert data.applied_on == D(2024, 3, 1) and data.project_location == "经济开发区纬二路"

    poa = printing.form_data(form_id="power_of_attorney", record_id=case.id)
    assert poa.table == "proxy_case" and poa.enterprise_id == case.enterprise_id
    assert poa.data.agent_organisation == "县企业服务中心"
    assert [a.name for a in poa.data.agents] == ["张代办"]
    assert poa.data.items == tuple(name for name, _ in ITEMS)
    assert (poa.data.valid_from, poa.data.valid_to) == (D(2024, 3, 1), D(2024, 8, 28))


@pytest.mark.parametrize("form_id", ["procedure_application", "power_of_attorney"])
def test_printed_from_a_case_and_logged(case: ProxyCase, tmp_path: Path, form_id: str) -> None:
    out = tmp_path / f"{form_id}.pdf"
    job = printing.print_to_file(form_id=form_id, record_id=case.id, out=out)
    assert job.pages >= 1 and job.record_table == "proxy_case"
    text = _text(out)
    for expected in ("鲁南新材料有限公司", USCC, "年产5万吨新材料项目", "张代办",
                     *(name for name, _ in ITEMS)):
        assert expected in text, expected
    if form_id == "procedure_application":
        for _, department in ITEMS:
            assert department in text, department
    assert "节能审查" not in text
    entry = AuditEntry.get()
    assert (entry.action, entry.record_table, entry.record_id) == ("print", "proxy_case", case.id)
    assert entry.enterprise_id == case.enterprise_id and entry.details["form"] == form_id
    assert ProxyCase.get_by_id(case.id).status == "open"


def test_a_deleted_case_does_not_print(case: ProxyCase) -> None:
    pc.soft_delete(record_id=case.id)
    with pytest.raises(NotFound):
        printing.form_data(form_id="procedure_application", record_id=case.id)


def test_cli_prints_a_case_and_an_application(case: ProxyCase, store: DataPaths,
                                              tmp_path: Path) -> None:
    app_id = apps.save(data=ApplicationInput(
        kind="procedure", enterprise_id=case.enterprise_id, period_start=D(2024, 3, 1),
        period_end=D(2024, 3, 31), details={"project_name": "老厂区改造项目", "items": [
            {"name": "供水接入", "department": "县自来水公司"}], "officer": "李明"})).id
    base = ["--data-dir", str(store.root)]
    for form_id in ("procedure_application", "power_of_attorney"):
        pdf = tmp_path / f"case-{form_id}.pdf"
        assert cli.main([*base, "print", form_id, "--id", case.id, "--out", str(pdf)]) == 0
        assert "年产5万吨新材料项目" in _text(pdf) and "道路开口许可" in _text(pdf)
        pdf = tmp_path / f"app-{form_id}.pdf"
        assert cli.main([*base, "print", form_id, "--id", app_id, "--out", str(pdf)]) == 0
        assert "老厂区改造项目" in _text(pdf) and "供水接入" in _text(pdf)
    tables = sorted(e.record_table for e in AuditEntry.select())
    assert tables == ["application", "application", "proxy_case", "proxy_case"]
