"""Printing from records: filled values in each PDF, masking, the audit log, QR codes, CLI."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from liaison_app import cli
from liaison_app.core import pass_codes
from liaison_app.core.models import AuditEntry, Officer, Worker
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import applications as apps
from liaison_app.core.services import printing, roster, visits
from liaison_app.core.services.applications import ApplicationInput
from liaison_app.core.services.errors import ServiceError

from .test_roster_samples import add_workers, enterprise

START, END = dt.date(2024, 3, 1), dt.date(2024, 3, 31)


def _text(path: Path) -> str:
    raw = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    return re.sub(r"\s+", "", raw)


@pytest.fixture
def records(store: DataPaths) -> dict[str, str]:
    ent = enterprise()
    workers = add_workers(ent.id, 6)
    rare = roster.create(enterprise_id=ent.id, data=roster.WorkerInput(
        name="王䶮", id_number="11010519491231002X", phone="13812341234", workshop="包装车间",
        post="包装工", shift="白班"))
    workers.append(rare.id)
    pass_id = apps.save(data=ApplicationInput(
        kind="pass", enterprise_id=ent.id, period_start=START, period_end=END,
        areas=["经济开发区", "城关街道"], worker_ids=workers,
        details={"reason": "复工通勤"})).id
    reopen_id = apps.save(data=ApplicationInput(
        kind="reopening", enterprise_id=ent.id, period_start=dt.date(2024, 2, 20),
        details={"capacity": "日产50吨", "materials": [{"item": "口罩", "quantity": "2000只"}],
                 "measures": [{"text": "设置临时隔离观察场所", "done": True}]})).id
    proc_id = apps.save(data=ApplicationInput(
        kind="procedure", enterprise_id=ent.id, period_start=START, period_end=END,
        details={"project_name": "年产5万吨新材料项目", "items": [
            {"name": "道路开口许可", "department": "县交通运输局", "documents": ["设计图"]}],
            "officer": "李明", "officer_phone": "13800001111",
            "agents": [{"name": "李明", "id_number": "360426199101010071",
                        "phone": "13800001111", "title": "代办员"}]})).id
    officer = Officer(name="周联络", username="zhou")
    officer.save(force_insert=True)
    visit = visits.save(data=visits.VisitInput(
        enterprise_id=ent.id, visit_at=dt.datetime(2024, 3, 5, 9, 30), officer_ids=[officer.id],
        summary="了解复工情况", problems="缺少防疫物资\n用工缺口30人",
        participants="王主任、县工信局张科长",
        follow_ups=[visits.FollowUpInput(text="协调防疫物资", due_date=dt.date(2024, 3, 8))]))
    return {"enterprise": ent.id, "pass": pass_id, "reopening": reopen_id,
            "procedure": proc_id, "visit": visit.id, "rare": rare.id}


def test_pass_application_masked_by_default(records: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "pa.pdf"
    job = printing.render(form_id="pass_application", record_id=records["pass"], out=out)
    text = _text(out)
    assert "山东德润新材料科技有限公司" in text and "经济开发区" in text and "王䶮" in text
    assert "110105********002X" in text and "11010519491231002X" not in text
    assert job.pages >= 1 and not job.unmasked
    # Rendering alone (a preview) is not a print.
    assert AuditEntry.select().count() == 0


def test_unmasked_print_is_audited(records: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    job = printing.render(form_id="worker_roster", record_id=records["enterprise"], out=out,
                          unmasked=True)
    assert "11010519491231002X" in _text(out)
    entry = printing.record_print(job=job, destination="printer")
    assert entry.details["unmasked"] is True and entry.details["form"] == "worker_roster"
    assert entry.record_table == "enterprise" and entry.record_id == records["enterprise"]
    log = printing.print_log(record_id=records["enterprise"])
    assert len(log) == 1 and log[0].unmasked and log[0].destination == "printer"
    with pytest.raises(ServiceError):
        printing.render(form_id="pass_cards", record_id=records["pass"], out=tmp_path / "x.pdf",
                        unmasked=True)


def test_printing_marks_application_printed(records: dict[str, str], tmp_path: Path) -> None:
    printing.print_to_file(form_id="pass_application", record_id=records["pass"],
                           out=tmp_path / "a.pdf")
    assert apps.get(record_id=records["pass"]).status == "printed"
    assert AuditEntry.select().where(AuditEntry.action == "print").count() == 1


def test_pass_cards_qr_decodes(records: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    printing.render(form_id="pass_cards", record_id=records["pass"], out=out)
    text = _text(out)
    assert "110105********002X" in text and "11010519491231002X" not in text
    passes = {p.pass_no: p for p in apps.issue_passes(record_id=records["pass"])}
    assert len(passes) == 7 and all(no in text for no in passes)
    # Not signed by the server yet: every card says so.
    assert text.count("临时·待中心签发") == 7
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm
    subprocess.run([pdftoppm, "-png", "-r", "150", str(out), str(tmp_path / "s")], check=True)
    decoded = {}
    for png in sorted(tmp_path.glob("s-*.png")):
        with Image.open(png) as image:
            for code in zxingcpp.read_barcodes(image.convert("L")):
                parsed = pass_codes.parse(code.text)
                decoded[parsed.pass_no] = parsed
    assert decoded.keys() == passes.keys()
    for number, parsed in decoded.items():
        assert parsed.holder == passes[number].holder and parsed.provisional


def test_reopening_procedure_attorney_visit(records: dict[str, str], tmp_path: Path) -> None:
    cases = {
        ("reopening_application", "reopening"): ["日产50吨", "口罩", "2000只", "设置临时隔离观察场所",
                                                  "2024年2月20日"],
        ("procedure_application", "procedure"): ["年产5万吨新材料项目", "道路开口许可",
                                                  "县交通运输局", "李明"],
        ("power_of_attorney", "procedure"): ["年产5万吨新材料项目", "李明", "360426********0071"],
        ("visit_record", "visit"): ["了解复工情况", "缺少防疫物资", "协调防疫物资", "周联络",
                                    "县工信局张科长"],
    }
    for (form_id, source), expected in cases.items():
        out = tmp_path / f"{form_id}.pdf"
        printing.render(form_id=form_id, record_id=records[source], out=out)
        text = _text(out)
        for value in ["山东德润新材料科技有限公司", *expected]:
            assert value in text, (form_id, value)
    out = tmp_path / "poa-full.pdf"
    printing.render(form_id="power_of_attorney", record_id=records["procedure"], out=out,
                    unmasked=True)
    assert "360426199101010071" in _text(out)
    with pytest.raises(ServiceError):
        printing.render(form_id="pass_cards", record_id=records["procedure"],
                        out=tmp_path / "no.pdf")


def test_reopening_headcount_counts_roster(records: dict[str, str]) -> None:
    source = printing.form_data(form_id="reopening_application", record_id=records["reopening"])
    total = sum(h.total for h in source.data.headcount)
    assert total == Worker.select().count() == 7


def test_cli_forms_and_print(records: dict[str, str], store: DataPaths, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(store.root)]
    assert cli.main([*base, "forms"]) == 0
    out = capsys.readouterr().out
    assert "pass_cards" in out and "visit_record" in out
    pdf = tmp_path / "cli.pdf"
    assert cli.main([*base, "print", "pass_application", "--id", records["pass"], "--out",
                     str(pdf), "--unmasked"]) == 0
    assert "11010519491231002X" in _text(pdf)
    entry = AuditEntry.get()
    assert entry.details["unmasked"] and entry.details["destination"] == "pdf"
    assert cli.main([*base, "print", "pass_cards", "--id", records["pass"], "--out",
                     str(pdf), "--unmasked"]) == 1
    assert cli.main([*base, "print", "nonsense", "--id", "x", "--out", str(pdf)]) == 1
    assert AuditEntry.select().count() == 1
