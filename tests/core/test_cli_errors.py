"""Whatever goes wrong, the command line says it in a sentence and exits non-zero; never a
trace. The commands run for real, in a subprocess, in their real (Chinese) language."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from liaison_app.cli import main as cli_main
from tests.core.test_cli_language import PASSWORD, ROOT, liaison


@pytest.fixture(scope="module", autouse=True)
def compiled():
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile-if-stale"],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def big_county(tmp_path_factory) -> Path:
    """Enough records that a search prints far more than a pipe holds (64 KiB)."""
    data = tmp_path_factory.mktemp("big")
    done = liaison(data, "demo", "--enterprises", "300", "--visits", "1000")
    assert done.returncode == 0, done.stderr
    return data


def assert_sentence(done: subprocess.CompletedProcess, *parts: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    for part in parts:
        assert part in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2, done.stderr


def test_output_into_a_pipe_closed_early_ends_quietly(big_county):
    """``liaison search 山东 --limit 5000 | head -3``"""
    env_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(big_county),
               "--password-stdin", "search", "山东", "--limit", "5000"]
    proc = subprocess.Popen(env_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdin.write(f"{PASSWORD}\n".encode())
    proc.stdin.close()
    first = proc.stdout.readline()
    proc.stdout.close()  # what head does after its lines
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert first.decode().split("\t")[0] in {"企业", "走访", "诉求", "代办项目", "申请"}
    assert stderr == ""
    # The same through a real shell pipe.
    done = subprocess.run(f"{' '.join(env_cmd)} | head -3", shell=True, capture_output=True,
                          text=True, cwd=ROOT, timeout=60, input=f"{PASSWORD}\n")
    assert len(done.stdout.splitlines()) == 3 and done.stderr == ""


def test_backup_where_one_may_not_write(big_county):
    done = liaison(big_county, "backup", "/sys/x.zip")
    assert_sentence(done, "没有权限", "/sys/x.zip")
    assert done.returncode == 1


def test_backup_onto_a_folder_or_a_missing_file(tmp_path):
    liaison(tmp_path, "demo", "--enterprises", "2", "--visits", "2")
    assert_sentence(liaison(tmp_path, "backup", str(tmp_path)), "是文件夹", str(tmp_path))
    assert_sentence(liaison(tmp_path, "restore", str(tmp_path / "nope.zip")), "不存在")
    assert_sentence(liaison(tmp_path, "restore", str(tmp_path)), str(tmp_path))
    # The import's report, file problems included, is its output.
    done = liaison(tmp_path, "import", "enterprises", str(tmp_path / "无.xlsx"))
    assert done.returncode == 2 and "不存在" in done.stdout and done.stderr == ""
    done = liaison(tmp_path, "import", "enterprises", str(tmp_path))
    assert done.returncode == 2 and "是文件夹" in done.stdout and done.stderr == ""


def test_print_to_a_folder_or_forbidden_place(big_county, tmp_path):
    visit = next(line.split("\t")[1] for line in
                 liaison(big_county, "search", "山东", "--limit", "500").stdout.splitlines()
                 if line.startswith("走访"))
    done = liaison(big_county, "print", "visit_record", "--id", visit, "--out", str(tmp_path))
    assert_sentence(done, "是文件夹")
    done = liaison(big_county, "print", "visit_record", "--id", visit, "--out", "/sys/x.pdf")
    assert_sentence(done, "没有权限", "/sys/x.pdf")
    done = liaison(big_county, "print", "no_such_form", "--id", visit, "--out", "x.pdf")
    assert_sentence(done, "no_such_form")


def test_screenshot_into_a_folder_says_so_before_rendering(tmp_path):
    done = liaison(tmp_path, "screenshot", str(tmp_path))
    assert_sentence(done, "是文件夹")
    done = liaison(tmp_path, "screenshot", str(tmp_path / "无此文件夹" / "x.png"))
    assert_sentence(done, "不存在")


def test_backup_onto_a_full_disk(big_county, small_disk):
    assert (big_county / "liaison.sqlite3").stat().st_size > 3 * 1024 * 1024  # the disk's size
    target = small_disk / "备份.zip"
    done = liaison(big_county, "backup", str(target))
    assert_sentence(done, "磁盘已满", str(target))
    assert not target.exists()
    assert list(small_disk.iterdir()) == []  # no half-written file left behind


def test_unexpected_error_is_one_line_and_the_trace_goes_to_the_log(store, capsys,
                                                                   monkeypatch):
    from liaison_app.cli import record_commands

    def broken(args):
        raise RuntimeError("a fault of the program")

    monkeypatch.setattr(record_commands, "cmd_search", broken)
    status = cli_main(["--data-dir", str(store.root), "search", "环评"])
    err = capsys.readouterr().err
    assert status == 70
    assert len(err.strip().splitlines()) == 1 and "RuntimeError" in err
    assert str(store.logs / "liaison.log") in err
    log = (store.logs / "liaison.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "a fault of the program" in log
    assert "liaison search" not in err or "Traceback" not in err


def test_screenshot_leaves_the_settings_file_alone(tmp_path):
    data = tmp_path / "data"
    assert liaison(data, "demo", "--enterprises", "5", "--visits", "10").returncode == 0
    settings = data / "settings.json"
    before = {"language": "zh_CN", "last_page": "visits", "window_geometry": "AdnQywADAAA=",
              "offered_demo_data": True}
    settings.write_text(json.dumps(before), encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = liaison(data, "screenshot", str(shot), "--page", "reports", "--size", "800x540")
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 1000
    assert json.loads(settings.read_text(encoding="utf-8")) == before
    # Without a settings file, none is made.
    settings.unlink()
    assert liaison(data, "screenshot", str(shot), "--page", "sync").returncode == 0
    assert not settings.exists()


def test_import_without_a_required_column_names_it_and_counts_the_rows(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in (["统一社会信用代码", "镇街"], ["91110000600037341L", "城关街道"],
                ["91371082775260043P", "王府街道"]):
        wb.active.append(row)
    wb.save(tmp_path / "企业.xlsx")
    liaison(tmp_path / "data", "status")  # set up (the data folder's password) beforehand
    done = liaison(tmp_path / "data", "import", "enterprises", str(tmp_path / "企业.xlsx"))
    assert done.returncode == 2
    assert "没有“企业名称”列" in done.stdout and "2 行数据都无法导入" in done.stdout
    assert "0 行" not in done.stdout and done.stderr == ""
