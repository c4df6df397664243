"""Printing a record with a character no font has: refused in words, nothing written or logged."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from liaison_app import cli
from liaison_app.core.models import AuditEntry
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import applications as apps
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput

from .test_roster_samples import add_workers

#: A private-use character: storable, but drawn by no font.
NO_FONT_HAS = "\U000f0041"


def pass_application(name: str) -> str:
    ent = enterprises.create(data=EnterpriseInput(
        name=name, uscc="91371082775260043P", town="经济开发区", address="创业大道18号",
        legal_rep="赵国栋", contact_name="王主任", contact_phone="0534-1234567", employees=30))
    app = apps.save(data=apps.ApplicationInput(
        kind="pass", enterprise_id=ent.id, period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30), areas=["经济开发区"],
        worker_ids=add_workers(ent.id, 2)))
    return app.id


def test_cli_print_names_the_character_and_the_field(
    store: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = pass_application(f"德润{NO_FONT_HAS}新材料有限公司")
    out = tmp_path / "form.pdf"
    status = cli.main(["--data-dir", str(store.root), "print", "pass_application", "--id",
                       record, "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert NO_FONT_HAS in err and "U+F0041" in err and "企业名称" in err
    assert "Traceback" not in err and "UncoveredCharacter" not in err
    assert not out.exists()
    assert AuditEntry.select().where(AuditEntry.action == "print").count() == 0


def test_cli_prints_an_extension_b_name_from_an_embedded_font(
    store: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = pass_application("𠮷田㛃新材料有限公司")
    out = tmp_path / "form.pdf"
    assert cli.main(["--data-dir", str(store.root), "print", "pass_application", "--id",
                     record, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "HanaMin" in said  # the face that drew 𠮷 is named among the fonts
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        assert "𠮷田㛃新材料有限公司" in "".join(c["text"] for c in pdf.pages[0].chars)
