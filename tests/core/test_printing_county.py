"""Every printable form from the command line: the county's own names on it, its document
number (待编号 until the server gives one), and an audit entry for each print."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from liaison_app import cli
from liaison_app.core.models import AuditEntry, DocumentNumber, OutboxOp
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import printing
from liaison_app.core.services import requests as rq
from liaison_app.core.services.officers import CENTRE
from tests import days

from .test_printing import _text, records  # noqa: F401
from .test_printing_proxy import case  # noqa: F401
from .test_requests import act_as, full_input, letter, new_request, world  # noqa: F401

IDENTITY = {"organisation": "青田县企业综合服务中心", "county": "青田县",
            "seal_name": "青田县人民政府企业综合服务中心", "doc_prefix": "青企服",
            "supervision_phone": "0578-6121234"}
YEAR = days.TODAY.year


def configure_county() -> None:
    rq.save_config(config=dataclasses.replace(rq.load_config(), **IDENTITY), role=CENTRE)


@pytest.fixture
def sources(records, case, world) -> dict[str, str]:  # noqa: F811
    """What each form prints from, as ``--id``."""
    req = new_request(world)
    act_as(world.centre)
    rq.perform(record_id=req.id, action="dispatch", data=full_input(world, "dispatch"))
    letter(world, "园区道路开口审批迟迟未批")
    return {
        "visit_record": records["visit"], "worker_roster": records["enterprise"],
        "pass_application": records["pass"], "pass_cards": records["pass"],
        "reopening_application": records["reopening"],
        "procedure_application": records["procedure"],
        "power_of_attorney": records["procedure"], "dispatch_sheet": req.id,
        "proxy_service_record": case.id, "letter_register": "2024",
        "proxy_public_list": "2024-1",
    }


def _print(store: DataPaths, form_id: str, record_id: str, out: Path) -> int:
    return cli.main(["--data-dir", str(store.root), "print", form_id, "--id", record_id,
                     "--out", str(out)])


def test_every_form_prints_from_the_cli_with_the_countys_names_and_is_logged(
        sources: dict[str, str], store: DataPaths, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    configure_county()
    for form_id, record_id in sources.items():
        pdf = tmp_path / f"{form_id}.pdf"
        assert _print(store, form_id, record_id, pdf) == 0, capsys.readouterr()
        text = _text(pdf)
        assert "县企业服务中心" not in text, form_id
        if form_id != "worker_roster":  # a list of people, signed by the enterprise
            assert IDENTITY["organisation"] in text, form_id
        entry = (AuditEntry.select().where(AuditEntry.action == "print")
                 .order_by(AuditEntry.device_time.desc(), AuditEntry.id).first())
        assert entry.details["form"] == form_id and entry.details["destination"] == "pdf"
        assert entry.record_id == record_id
    assert AuditEntry.select().count() == len(sources)
    for form_id in ("dispatch_sheet", "procedure_application"):
        assert "青田县人民政府企业综合服务中心" in _text(tmp_path / f"{form_id}.pdf"), form_id
    public = _text(tmp_path / "proxy_public_list.pdf")
    today = days.TODAY
    assert f"公示期：{today.year}年{today.month}月{today.day}日至" in public
    assert "请向青田县企业综合服务中心反映，监督电话：0578-6121234。" in public
    reopening = _text(tmp_path / "reopening_application.pdf")
    assert "青田县复工复产工作领导小组" in reopening
    register = AuditEntry.get(AuditEntry.record_table == "letter_register")
    assert (register.record_table, register.record_id, register.enterprise_id) == (
        "letter_register", "2024", "")


def test_a_numbered_form_says_wait_until_the_server_numbers_it(
        sources: dict[str, str], store: DataPaths, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    configure_county()
    capsys.readouterr()
    pdf = tmp_path / "visit.pdf"
    assert _print(store, "visit_record", sources["visit_record"], pdf) == 0
    provisional = f"青企服走访〔{YEAR}〕待编号"
    assert provisional in _text(pdf)
    assert provisional in capsys.readouterr().out
    entry = DocumentNumber.get()
    assert (entry.series, entry.year, entry.record_id, entry.number) == (
        "visit_record", YEAR, sources["visit_record"], None)
    assert OutboxOp.select().where(OutboxOp.table == "document_number").count() == 1
    # A reprint is the same register entry, not a second number.
    assert _print(store, "visit_record", sources["visit_record"], pdf) == 0
    assert DocumentNumber.select().count() == 1
    # The server's number arrives (as a pull writes it) and the next print carries it.
    entry.number = 12
    entry.save(capture=False)
    assert _print(store, "visit_record", sources["visit_record"], pdf) == 0
    text = _text(pdf)
    assert f"青企服走访〔{YEAR}〕12号" in text and "待编号" not in text
    assert f"青企服走访〔{YEAR}〕12号" in capsys.readouterr().out
    assert AuditEntry.select().order_by(AuditEntry.device_time.desc()).first() \
        .details["number"] == f"青企服走访〔{YEAR}〕12号"
    # No more UUID prefixes or internal numbers on paper.
    for form_id in ("pass_application", "reopening_application", "dispatch_sheet",
                    "proxy_service_record", "power_of_attorney"):
        job = printing.render(form_id=form_id, record_id=sources[form_id],
                              out=tmp_path / f"{form_id}.pdf")
        assert job.number.endswith("待编号") and not job.number_final
        assert job.number in _text(tmp_path / f"{form_id}.pdf")
    assert not any(no in _text(tmp_path / "pass_application.pdf") for no in ("SQ-", "DB20"))


@pytest.mark.parametrize(("form_id", "period"), [
    ("letter_register", "24"), ("letter_register", "2024-1"), ("proxy_public_list", "2024"),
    ("proxy_public_list", "2024-3"), ("dispatch_sheet", "no-such-request")])
def test_a_wrong_period_or_record_is_said_in_words(
        sources: dict[str, str], store: DataPaths, tmp_path: Path, form_id: str, period: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    del sources
    assert _print(store, form_id, period, tmp_path / "x.pdf") == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    assert not (tmp_path / "x.pdf").exists()
    assert AuditEntry.select().count() == 0
