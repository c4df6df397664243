"""Importing enterprises: per-row report, duplicates, all-or-nothing commit, the CLI."""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from liaison_app import cli
from liaison_app.core import i18n
from liaison_app.core.models import Enterprise
from liaison_app.core.models.base import OutboxOp
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import enterprises
from liaison_app.core.services.enterprise_import import (
    ImportCommitFailed,
    commit_enterprises,
    preview_enterprises,
)
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.services.tabular import RowAction, RowStatus, TableReadError
from liaison_app.core.validation import Finding, Severity

from .fixtures_import import (
    HEADERS,
    enterprise_rows,
    make_uscc,
    with_wrong_check,
    write_csv,
    write_xlsx,
)


def _live() -> list[Enterprise]:
    return list(Enterprise.select().where(Enterprise.deleted == False)  # noqa: E712
                .order_by(Enterprise.name))


def test_gbk_csv_preview_writes_nothing_commit_writes_all(store: DataPaths,
                                                          tmp_path: Path) -> None:
    rows = enterprise_rows(3)
    path = write_csv(tmp_path / "企业名单.csv", [HEADERS, *rows], encoding="gbk")
    plan = preview_enterprises(path)
    assert plan.summary.total == 3 and plan.summary.ok == 3
    assert Enterprise.select().count() == 0 and OutboxOp.select().count() == 0

    result = commit_enterprises(plan, include_warnings=False)
    assert result.imported == 3 and result.skipped == []
    saved = {e.uscc: e for e in _live()}
    first = saved[rows[0][1]]
    assert (first.name, first.town, first.park, first.contact_name, first.contact_phone,
            first.employees, first.is_key) == ("鲁信0号机械有限公司", "城关街道", "经济开发区",
                                               "王0", "13800000000", 10, True)
    assert saved[rows[1][1]].is_key is False
    # Through the service: each record is queued for the server.
    assert OutboxOp.select().where(OutboxOp.table == "enterprise").count() == 3


def test_xlsx_with_title_shuffled_headers_and_numeric_phones(store: DataPaths,
                                                             tmp_path: Path) -> None:
    rng = random.Random(3)
    codes = [make_uscc(rng) for _ in range(2)]
    path = write_xlsx(tmp_path / "e.xlsx", [
        ["2024年XX县重点企业名单"],
        ["联系方式", "Credit Code", "公司名称", "是否重点", "员工人数（人）", "所属镇街", "法人"],
        [13812345678, codes[0], "华兴纺织有限公司", "Y", 350.0, "龙山镇", "赵一"],
        [13912345678.0, codes[1], "鲁南化工有限公司", "√", "1,200", "河西镇", "钱二"],
    ], merges=["A1:G1"])
    plan = preview_enterprises(path)
    assert plan.preview.header_row == 2
    assert [r.status for r in plan.rows] == [RowStatus.OK, RowStatus.OK]
    commit_enterprises(plan, include_warnings=False)
    got = [(e.name, e.uscc, e.contact_phone, e.employees, e.is_key, e.town, e.legal_rep)
           for e in _live()]
    assert got == [
        ("华兴纺织有限公司", codes[0], "13812345678", 350, True, "龙山镇", "赵一"),
        ("鲁南化工有限公司", codes[1], "13912345678", 1200, True, "河西镇", "钱二"),
    ]


def test_merged_town_cells_and_blank_rows(store: DataPaths, tmp_path: Path) -> None:
    rows = enterprise_rows(4)
    sheet = [HEADERS, rows[0], [rows[1][0], rows[1][1], None, *rows[1][3:]], [None] * 8,
             [rows[2][0], rows[2][1], None, *rows[2][3:]], [], rows[3]]
    path = write_xlsx(tmp_path / "m.xlsx", sheet, merges=["C2:C5"])
    plan = preview_enterprises(path)
    assert [(r.row_number, r.values["town"]) for r in plan.rows] == [
        (2, "城关街道"), (3, "城关街道"), (5, "城关街道"), (7, rows[3][2])]


def test_missing_name_column_is_a_file_error(store: DataPaths, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["信用代码", "镇街"], [make_uscc(random.Random(1)), "镇"]])
    plan = preview_enterprises(path)
    text = plan.file_errors[0].text()
    assert "Enterprise name" in text and "企业名称" in text and "信用代码" in text
    with pytest.raises(ServiceError):
        commit_enterprises(plan, include_warnings=True)
    assert Enterprise.select().count() == 0


def test_row_problems_are_named(store: DataPaths, tmp_path: Path) -> None:
    good = make_uscc(random.Random(5))
    path = write_csv(tmp_path / "bad.csv", [
        ["企业名称", "统一社会信用代码", "联系电话", "职工人数", "重点企业"],
        ["甲公司", good[:4] + "I" + good[5:], "13812345678", "10", "是"],
        ["乙公司", with_wrong_check(good), "13812345678", "10", "否"],
        ["", good, "12345", "十个", "也许"],
    ])
    plan = preview_enterprises(path)
    bad_char, mismatch, broken = plan.rows
    assert bad_char.status is RowStatus.ERROR
    assert [f.field for f in bad_char.findings] == ["uscc"]
    assert "\u201cI\u201d" in bad_char.findings[0].message.text()
    assert mismatch.status is RowStatus.WARNING
    assert f"\u201c{good[-1]}\u201d" in mismatch.findings[0].message.text()
    assert sorted(f.field for f in broken.errors) == [
        "contact_phone", "employees", "is_key", "name"]
    assert (plan.summary.ok, plan.summary.warning, plan.summary.error) == (0, 1, 2)

    result = commit_enterprises(plan, include_warnings=False)
    assert result.imported == 0 and len(result.skipped) == 3
    result = commit_enterprises(plan, include_warnings=True)
    assert result.imported == 1 and [e.name for e in _live()] == ["乙公司"]


def test_a_code_repeated_in_the_file_is_refused_a_known_code_updates(store: DataPaths,
                                                                      tmp_path: Path) -> None:
    rng = random.Random(11)
    known, repeated, fresh = make_uscc(rng), make_uscc(rng), make_uscc(rng)
    existing = enterprises.create(data=EnterpriseInput(name="老字号食品有限公司", uscc=known,
                                                       town="龙山镇"))
    path = write_csv(tmp_path / "dup.csv", [
        ["企业名称", "统一社会信用代码"],
        ["一号公司", repeated], ["二号公司", fresh], ["三号公司", repeated.lower()],
        ["老字号食品股份有限公司", known],
    ])
    plan = preview_enterprises(path)
    assert [r.status for r in plan.rows] == [RowStatus.OK, RowStatus.OK, RowStatus.ERROR,
                                             RowStatus.OK]
    assert "row 2" in plan.rows[2].findings[0].message.text()
    assert [plan.action(r) for r in plan.rows] == [RowAction.NEW, RowAction.NEW, None,
                                                   RowAction.UPDATE]
    assert plan.matches[5].id == existing.id
    result = commit_enterprises(plan, include_warnings=False)
    assert (result.imported, result.created, result.updated) == (3, 2, 1)
    assert [r.row_number for r in result.skipped] == [4]
    renamed = Enterprise.get_by_id(existing.id)
    # The file has no town column: the town the enterprise had stays.
    assert (renamed.name, renamed.uscc, renamed.town) == ("老字号食品股份有限公司", known,
                                                          "龙山镇")
    assert len(_live()) == 3


def test_reimporting_a_corrected_file_updates_and_says_so_per_row(store: DataPaths,
                                                                  tmp_path: Path) -> None:
    rows = enterprise_rows(4)
    first = commit_enterprises(preview_enterprises(
        write_csv(tmp_path / "v1.csv", [HEADERS, *rows], encoding="gbk")),
        include_warnings=False)
    assert first.created == 4
    OutboxOp.delete().execute()  # as after a sync
    fixed = [list(r) for r in rows]
    fixed[0][0] = "鲁信机械集团有限公司"  # renamed
    fixed[1][5] = "13912345678"  # new phone
    fixed[3][1] = rows[3][1][:4] + "I" + rows[3][1][5:]  # a bad row: refused, nothing new
    extra = enterprise_rows(5, seed=99)[4]
    plan = preview_enterprises(write_csv(tmp_path / "v2.csv", [HEADERS, *fixed, extra],
                                         encoding="gbk"))
    assert [plan.action(r) for r in plan.rows] == [
        RowAction.UPDATE, RowAction.UPDATE, RowAction.UNCHANGED, None, RowAction.NEW]
    result = commit_enterprises(plan, include_warnings=False)
    assert result.actions == {2: RowAction.UPDATE, 3: RowAction.UPDATE,
                              4: RowAction.UNCHANGED, 6: RowAction.NEW}
    assert (result.created, result.updated, result.unchanged) == (1, 2, 1)
    by_code = {e.uscc: e for e in _live()}
    assert len(by_code) == 5
    assert by_code[rows[0][1]].name == "鲁信机械集团有限公司"
    assert by_code[rows[1][1]].contact_phone == "13912345678"
    # Only what changed goes to the server, as an edit of the record it already has.
    ops = {(op.record_id, op.creating): json.loads(op.changes) if isinstance(op.changes, str)
           else op.changes for op in OutboxOp.select()}
    assert ops[(by_code[rows[0][1]].id, False)] == {"name": "鲁信机械集团有限公司"}
    assert ops[(by_code[rows[1][1]].id, False)] == {"contact_phone": "13912345678"}
    assert (by_code[extra[1]].id, True) in ops and len(ops) == 3
    # The same file again changes nothing.
    again = commit_enterprises(preview_enterprises(tmp_path / "v2.csv"), include_warnings=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert OutboxOp.select().count() == 3


def test_unit_name_header_and_a_name_outside_the_bmp(store: DataPaths, tmp_path: Path) -> None:
    code = make_uscc(random.Random(21))
    path = tmp_path / "单位名单.csv"
    path.write_bytes(f"单位名称,信用代码,所属镇街\r\n𠮷祥䶮记食品有限公司,{code},城关街道\r\n"
                     .encode("gb18030"))
    plan = preview_enterprises(path)
    assert plan.summary.ok == 1, [f.message.text() for f in plan.rows[0].findings]
    commit_enterprises(plan, include_warnings=False)
    assert [(e.name, e.uscc, e.town) for e in _live()] == [
        ("𠮷祥䶮记食品有限公司", code, "城关街道")]


def test_commit_is_all_or_nothing(store: DataPaths, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "five.csv", [HEADERS, *enterprise_rows(5)])
    plan = preview_enterprises(path)
    real_create = enterprises.create
    calls = []

    def failing_create(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real_create(**kwargs)

    monkeypatch.setattr(enterprises, "create", failing_create)
    with pytest.raises(RuntimeError):
        commit_enterprises(plan, include_warnings=False)
    assert len(calls) == 3
    assert Enterprise.select().count() == 0 and OutboxOp.select().count() == 0


def test_commit_rechecks_against_changes_since_preview(store: DataPaths, tmp_path: Path) -> None:
    rows = enterprise_rows(4)
    plan = preview_enterprises(write_csv(tmp_path / "four.csv", [HEADERS, *rows]))
    assert plan.action(plan.rows[2]) is RowAction.NEW
    early = enterprises.create(data=EnterpriseInput(name="抢先录入的公司", uscc=rows[2][1]))
    result = commit_enterprises(plan, include_warnings=False)
    # Typed in by hand meanwhile: the row updates it instead of adding a second one.
    assert result.actions[4] is RowAction.UPDATE and result.created == 3
    assert len(_live()) == 4
    assert Enterprise.get_by_id(early.id).name == rows[2][0]


def test_commit_refuses_a_row_that_became_invalid(store: DataPaths, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    rows = enterprise_rows(3)
    plan = preview_enterprises(write_csv(tmp_path / "three.csv", [HEADERS, *rows]))
    real_validate = enterprises.validate

    def stricter(data, **kwargs):
        found = real_validate(data, **kwargs)
        if data.name == rows[1][0]:
            found.append(Finding("name", Severity.ERROR, i18n.translate("Test", "Now refused.")))
        return found

    monkeypatch.setattr(enterprises, "validate", stricter)
    with pytest.raises(ImportCommitFailed) as err:
        commit_enterprises(plan, include_warnings=False)
    assert err.value.row_number == 3 and rows[1][0] in err.value.message.text()
    assert _live() == []


def test_unreadable_file(store: DataPaths, tmp_path: Path) -> None:
    with pytest.raises(TableReadError):
        preview_enterprises(tmp_path / "missing.xlsx")


def test_ten_thousand_rows_read_and_validate_quickly(store: DataPaths, tmp_path: Path) -> None:
    rows = enterprise_rows(10_000)
    path = write_xlsx(tmp_path / "big.xlsx", [["全县企业名单"], HEADERS, *rows])
    start = time.perf_counter()
    plan = preview_enterprises(path)
    elapsed = time.perf_counter() - start
    print(f"\n10,000-row .xlsx read and validated in {elapsed:.2f} s")
    assert plan.summary.total == 10_000 and plan.summary.ok == 10_000
    assert plan.rows[-1].values["uscc"] == rows[-1][1]


# -- the command line ----------------------------------------------------------------------

def _run(data_paths: DataPaths, *args: str) -> int:
    return cli.main(["--data-dir", str(data_paths.root), "import", "enterprises", *args])


def test_cli_exit_zero_only_when_every_row_imported(store: DataPaths, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rows = enterprise_rows(6)
    ok = write_csv(tmp_path / "ok.csv", [HEADERS, *rows[:2]])
    assert _run(store, str(ok)) == 0
    assert "2 of 2 rows imported" in capsys.readouterr().out

    warn = write_csv(tmp_path / "warn.csv", [HEADERS, rows[2],
                                             [rows[3][0], with_wrong_check(rows[3][1])]])
    assert _run(store, str(warn)) == 1
    out = capsys.readouterr().out
    assert "Row 3" in out and rows[3][0] in out and "check character" in out
    assert len(_live()) == 3

    again = write_csv(tmp_path / "again.csv", [HEADERS, [rows[3][0],
                                                         with_wrong_check(rows[3][1])]])
    assert _run(store, str(again), "--accept-warnings") == 0
    assert len(_live()) == 4

    corrected = [rows[0][0] + "（更正）", *rows[0][1:]]
    fixed = write_csv(tmp_path / "fixed.csv", [HEADERS, corrected, rows[1], rows[4]])
    assert _run(store, str(fixed)) == 0
    out = capsys.readouterr().out
    assert f"Row 2 {corrected[0]}: updated" in out
    assert f"Row 3 {rows[1][0]}: unchanged" in out
    assert f"Row 4 {rows[4][0]}: new" in out
    assert "3 of 3 rows imported: 1 new, 1 updated, 1 unchanged" in out
    assert len(_live()) == 5


def test_cli_nothing_imported(store: DataPaths, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(store, str(tmp_path / "none.csv")) == 2
    assert "does not exist" in capsys.readouterr().out
    no_name = write_csv(tmp_path / "n.csv", [["镇街"], ["龙山镇"]])
    assert _run(store, str(no_name)) == 2
    assert "Enterprise name" in capsys.readouterr().out
    all_bad = write_csv(tmp_path / "b.csv", [HEADERS, ["", "X"]])
    assert _run(store, str(all_bad)) == 2
    assert Enterprise.select().count() == 0


def test_import_command_leaves_room_for_other_kinds() -> None:
    import argparse

    from liaison_app.cli.import_commands import import_kinds

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    from liaison_app.cli import import_commands

    import_commands.register(sub)
    workers = import_kinds(sub).add_parser("workers")
    workers.add_argument("file")
    workers.set_defaults(func=lambda args: 0)
    args = parser.parse_args(["import", "workers", "r.xlsx"])
    assert args.import_kind == "workers" and args.file == "r.xlsx"
    assert parser.parse_args(["import", "enterprises", "e.csv"]).import_kind == "enterprises"
