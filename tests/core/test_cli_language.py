"""The command line answers in the language of the app's settings: Chinese unless changed."""
from __future__ import annotations

import subprocess
import sys

import pytest

from liaison_app.cli import main as cli_main
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.settings import Settings

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def compiled():
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile-if-stale"],
                   check=True,
                   capture_output=True)


@pytest.mark.cli_in_chinese
def test_chinese_by_default(store, capsys):
    enterprises.create(data=EnterpriseInput(name="已有企业"))
    assert cli_main(["--data-dir", str(store.root), "demo"]) == 1
    assert "未添加演示数据" in capsys.readouterr().err


@pytest.mark.cli_in_chinese
def test_english_when_chosen(store, capsys):
    Settings(language="en").save(store.settings)
    enterprises.create(data=EnterpriseInput(name="已有企业"))
    assert cli_main(["--data-dir", str(store.root), "demo"]) == 1
    assert "demo data was not added" in capsys.readouterr().err
