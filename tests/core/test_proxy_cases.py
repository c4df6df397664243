"""Proxy cases: items from the catalogue, progress, days saved, timeline, printed sheets."""
from __future__ import annotations

import datetime as dt

import pypdf
import pytest

from liaison_app.core import context
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.services import departments
from liaison_app.core.services import proxy_cases as pc
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ServiceError, ValidationFailed

D = dt.date


@pytest.fixture
def ent(store):
    departments.ensure_seeded()
    officer = Officer(name="张代办", phone="13800001111", role="center")
    officer.save(force_insert=True)
    context.set_actor(officer_id=officer.id)
    e = Enterprise(name="鲁南新材料有限公司", town="经济开发区街道")
    e.save(force_insert=True)
    yield e
    context.set_actor(officer_id="")


def item(name: str, **kw) -> pc.ItemInput:
    entry = next(c for c in pc.load_catalogue() if c.name == name)
    return pc.ItemInput(name=entry.name, department_id=departments.seed_id(entry.department),
                        usual_days=entry.usual_days, **kw)


def pdf_text(path) -> str:
    return "".join("".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages).split())


def test_the_catalogue_is_editable(store):
    names = [c.name for c in pc.load_catalogue()]
    assert "道路开口许可" in names and "消防验收" in names and "供水接入" in names
    pc.save_catalogue(entries=[pc.CatalogueEntry("排水许可", "县水利局", 10)])
    assert [c.name for c in pc.load_catalogue()] == ["排水许可"]
    with pytest.raises(ServiceError):
        pc.save_catalogue(entries=[pc.CatalogueEntry("", "县水利局", 10)])


def test_progress_days_saved_and_timeline(ent):
    data = pc.CaseInput(enterprise_id=ent.id, project_name="年产5万吨新材料项目",
                        started_on=D(2024, 3, 1), items=[
                            item("道路开口许可", documents="申请书\n平面图",
                                 submitted_on=D(2024, 3, 4), approved_on=D(2024, 3, 7),
                                 status="approved"),
                            item("供电接入", submitted_on=D(2024, 3, 5), status="submitted"),
                            item("消防验收")])
    case = pc.save(data=data, now=dt.datetime(2024, 3, 1, 9))
    assert case.status == "open" and case.case_no.startswith("DB2024-")
    rows = pc.case_items(record_id=case.id)
    gate = rows[0]
    assert (gate.usual_days, gate.days_taken, gate.days_saved) == (18, 3, 15)
    assert gate.department == "县交通运输局"
    [row] = pc.list_cases()
    assert (row.totals.items, row.totals.done, row.totals.days_saved) == (3, 1, 15)
    assert row.totals.progress == pytest.approx(1 / 3)

    edit = pc.load_input(record_id=case.id)
    edit.items[1].approved_on, edit.items[1].status = D(2024, 3, 25), "approved"  # 20 of 30
    edit.items[2].status = "withdrawn"
    case = pc.save(data=edit, record_id=case.id, now=dt.datetime(2024, 3, 25, 9))
    assert case.status == "done" and case.finished_on == D(2024, 3, 25)
    [row] = pc.list_cases()
    assert (row.totals.items, row.totals.done, row.totals.days_usual, row.totals.days_taken,
            row.totals.days_saved) == (2, 2, 48, 23, 25)
    steps = [e.action for e in rq.timeline(owner_id=case.id, owner_table="proxy_case")]
    assert steps == ["opened", "item_added", "item_approved", "item_added", "item_submitted",
                     "item_added", "item_approved", "item_withdrawn", "done"]


def test_dates_must_make_sense(ent):
    bad = pc.CaseInput(enterprise_id=ent.id, project_name="扩建", items=[
        item("环境影响评价审批（环评）", submitted_on=D(2024, 3, 5),
             approved_on=D(2024, 3, 1), status="approved"),
        item("供水接入", status="approved")])
    with pytest.raises(ValidationFailed) as err:
        pc.save(data=bad)
    assert [f.field for f in err.value.findings] == ["item:1", "item:2", "item:2"]


def test_service_record_and_half_year_public_list(ent, tmp_path):
    first = pc.save(data=pc.CaseInput(
        enterprise_id=ent.id, project_name="新厂房建设", started_on=D(2024, 2, 1), items=[
            item("道路开口许可", submitted_on=D(2024, 2, 2), approved_on=D(2024, 2, 5),
                 status="approved")]))
    pc.save(data=pc.CaseInput(enterprise_id=ent.id, project_name="仓库扩建",
                              started_on=D(2024, 5, 6), items=[item("建筑工程施工许可证")]))
    pc.save(data=pc.CaseInput(enterprise_id=ent.id, project_name="下半年项目",
                              started_on=D(2024, 8, 1), items=[item("供水接入")]))
    out = tmp_path / "record.pdf"
    pc.print_service_record(record_id=first.id, out=out)
    text = pdf_text(out)
    for expected in ("代办服务记录单", "鲁南新材料有限公司", "新厂房建设", "道路开口许可",
                     "县交通运输局", "张代办", first.case_no):
        assert expected in text, expected

    data = pc.public_list_data(year=2024, half=1)
    assert data.period == "2024年上半年"
    assert [(e.project, e.status, e.days_saved) for e in data.entries] == [
        ("新厂房建设", "已办结", 15), ("仓库扩建", "办理中", None)]
    out = tmp_path / "list.pdf"
    pc.print_public_list(year=2024, half=1, out=out)
    text = pdf_text(out)
    assert "代办情况公示" in text and "仓库扩建" in text and "下半年项目" not in text
    second_half = pc.public_list_data(year=2024, half=2)
    assert [e.project for e in second_half.entries] == ["仓库扩建", "下半年项目"]
