"""The command line answers in the language of the app's settings: Chinese unless changed.

Most tests run the real ``liaison`` in a subprocess, exactly as a person would, so that the
language comes from the data folder's settings and nothing of the test run leaks in.
"""
from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from liaison_app.cli import build_parser
from liaison_app.cli import main as cli_main
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.settings import Settings
from tests import days

ROOT = Path(__file__).resolve().parents[2]
#: A run of Latin letters that is a word, not an option (--id), a command or a form id.
ENGLISH_WORD = re.compile(r"(?<![-\w.$])[A-Za-z]{3,}(?![\w])")


@pytest.fixture(scope="module", autouse=True)
def compiled():
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile-if-stale"],
                   check=True,
                   capture_output=True)


#: The password the data folders of these tests are set up and unlocked with (the data is
#: encrypted; a script gives the password on standard input).
PASSWORD = "命令行测试密码 cli"


def liaison(data_dir: Path, *args: str, timeout: float = 120,
            password: str | None = PASSWORD) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LIAISON_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    unlock = ["--password-stdin"] if password is not None else []
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *unlock, *args], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=ROOT, input=f"{password}\n" if password else None)


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    """A data folder with a small demo county, Chinese (the default language)."""
    data = tmp_path_factory.mktemp("county")
    done = liaison(data, "demo", "--enterprises", "40", "--visits", "400")
    assert done.returncode == 0, done.stderr
    return data


def english(data: Path) -> Path:
    Settings(language="en").save(data / "settings.json")
    return data


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


def test_help_is_chinese_and_every_command_and_option_explains_itself(tmp_path):
    done = liaison(tmp_path, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("用法：liaison")
    assert "选项：" in done.stdout and "显示本帮助并退出" in done.stdout
    assert "在空数据库中生成一个逼真的演示县" in done.stdout
    for word in ("usage", "options", "show this help", "positional"):
        assert word not in done.stdout
    done = liaison(tmp_path, "demo", "--help")
    assert "随机种子" in done.stdout and "--seed S" in done.stdout
    done = liaison(tmp_path, "import", "workers", "--help")
    assert "统一社会信用代码" in done.stdout


def test_every_option_of_every_command_has_help():
    missing = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if not choice.help:
                        missing.append(f"{path} {choice.dest}")
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "liaison")
    assert missing == []


def test_help_in_english_when_the_settings_say_so(tmp_path):
    done = liaison(english(tmp_path), "search", "--help")
    assert done.stdout.startswith("usage: liaison search")
    assert "at most this many hits" in done.stdout
    assert "用法" not in done.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (["search"], "缺少必需的参数：QUERY"),
    (["frob"], "无效的选择：'frob'"),
    (["search", "环评", "多余"], "无法识别的参数：多余"),
    (["search", "环评", "--limit", "abc"], "“abc”不是不小于 1 的整数"),
    (["search", "环评", "--limit", "0"], "不小于 1 的整数"),
    (["report", "rates", "--from", "2026-01-01", "--to", "2026-02-01", "--by", "x"],
     "无效的选择"),
    (["print", "visit_record"], "缺少必需的参数：--id, --out"),
])
def test_argparse_errors_are_chinese_sentences(tmp_path, args, expected):
    done = liaison(tmp_path, *args)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "错误：" in done.stderr and done.stderr.startswith("用法：")
    assert "Traceback" not in done.stderr and "error:" not in done.stderr


def test_argparse_errors_in_english_when_chosen(tmp_path):
    done = liaison(english(tmp_path), "search")
    assert done.returncode == 2
    assert "the following arguments are required: QUERY" in done.stderr


def test_every_argparse_sentence_of_this_python_is_translated():
    """A new Python with a new argparse sentence fails here instead of printing English."""
    from liaison_app.cli.language import ARGPARSE_TEXTS

    listed = {m.source for m in ARGPARSE_TEXTS}
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    used = {arg.value for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
            for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            and arg.value}
    assert used - listed == set()
    from PySide6.QtCore import QTranslator

    from liaison_app.resources import i18n_dir

    tr = QTranslator()
    assert tr.load(str(i18n_dir() / "liaison_zh_CN.qm"))
    untranslated = [text for text in listed if not tr.translate("argparse", text)]
    assert untranslated == []


def test_help_wraps_chinese_by_display_width():
    from liaison_app.cli.language import wrap

    text = "按词语、名称、信用代码或电话号码搜索全部记录；每行一条结果：类别、编号、标题。"
    lines = wrap(text, 30)
    assert "".join(lines) == text
    assert all(len(line) * 2 <= 30 for line in lines)
    # A closing mark never starts a line; Latin words and options are not cut.
    assert not any(line[0] in "，。、；：" for line in lines)
    assert wrap("use --accept-warnings to import rows 𠮷", 12) == [
        "use", "--accept-warnings", "to import", "rows 𠮷"]


def test_forms_list_has_no_english_words(county):
    done = liaison(county, "forms")
    assert done.returncode == 0
    assert "走访记录单" in done.stdout and "号码始终打码" in done.stdout
    for line in done.stdout.splitlines():
        form_id, _, rest = line.partition(" ")
        assert not ENGLISH_WORD.search(rest), line
    english_list = liaison(english(county.parent / "en-forms"), "forms").stdout
    assert "always masked" in english_list and "Visit record" in english_list


def test_search_prints_kinds_in_chinese(county):
    done = liaison(county, "search", "山东", "--limit", "50")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) == 50
    kinds = {line.split("\t")[0] for line in lines}
    assert kinds <= {"企业", "走访", "诉求", "代办项目", "申请"}
    assert not any(ENGLISH_WORD.search(line) for line in lines)


@pytest.mark.slow
def test_self_test_speaks_chinese(county):
    done = liaison(county, "self-test", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "通过  页面：工作台" in done.stdout
    assert re.search(r"\d+ 项检查中通过 \d+ 项", done.stdout)
    assert not ENGLISH_WORD.search(done.stdout), done.stdout
    assert done.stderr == ""


@pytest.mark.cli_in_chinese
def test_report_and_status_say_when_the_holiday_calendar_runs_out(store, capsys,
                                                                  monkeypatch):

    from liaison_app.core.services import workdays

    year = workdays.last_published_year() + 1
    assert cli_main(["--data-dir", str(store.root), "report", "rates", "--from",
                     f"{year}-01-01", "--to", f"{year}-06-30"]) == 0
    out = capsys.readouterr().out
    assert f"{year} 年的法定节假日安排尚未发布" in out
    assert cli_main(["--data-dir", str(store.root), "report", "rates", "--from",
                     "2025-01-01", "--to", "2025-06-30"]) == 0
    assert "法定节假日" not in capsys.readouterr().out

    # An app whose calendar data stopped before this year: status says so.
    this_year = days.TODAY.year
    old = workdays.published_schedule()
    monkeypatch.setattr(workdays, "published_schedule", lambda: workdays.Schedule(
        frozenset(d for d in old.holidays if d.year < this_year),
        frozenset(d for d in old.makeup_workdays if d.year < this_year),
        frozenset(y for y in old.years if y < this_year)))
    assert cli_main(["--data-dir", str(store.root), "status"]) == 0
    out = capsys.readouterr().out
    assert f"{this_year}" in out and "年的法定节假日安排尚未发布" in out
