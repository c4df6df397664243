"""The worker roster: hand entry with validation, masked lists, counts, and the import."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from liaison_app import cli
from liaison_app.core.models import Worker
from liaison_app.core.models.base import OutboxOp
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import roster
from liaison_app.core.services.errors import ServiceError, ValidationFailed
from liaison_app.core.services.roster import WorkerFilter, WorkerInput
from liaison_app.core.services.roster_import import (
    ImportCommitFailed,
    commit_roster,
    preview_roster,
    replan,
)
from liaison_app.core.services.tabular import RowStatus

from .fixtures_import import write_csv, write_xlsx
from .test_roster_samples import (
    ROSTER_HEADERS,
    add_workers,
    enterprise,
    make_id,
    with_wrong_check,
    worker_row,
)


def _live(enterprise_id: str) -> list[Worker]:
    return list(Worker.select().where((Worker.enterprise == enterprise_id)
                                      & (Worker.deleted == False)).order_by(Worker.name))  # noqa: E712


# -- by hand -------------------------------------------------------------------------------

def test_add_worker_validates_id_phone_and_duplicates(store: DataPaths) -> None:
    ent = enterprise()
    bad = WorkerInput(name="", id_number=with_wrong_check(make_id(1)), phone="1381234")
    with pytest.raises(ValidationFailed) as err:
        roster.create(enterprise_id=ent.id, data=bad)
    fields = {f.field for f in err.value.errors}
    assert fields == {"name", "id_number", "phone"}
    assert "check character" in " ".join(f.message.text() for f in err.value.errors)

    first = roster.create(enterprise_id=ent.id, data=WorkerInput(
        name="张伟", id_number=make_id(1).lower(), phone="+86 138-1234-5678"))
    assert first.id_number == make_id(1) and first.phone == "13812345678"
    with pytest.raises(ValidationFailed) as err:
        roster.create(enterprise_id=ent.id, data=WorkerInput(name="张伟伟", id_number=make_id(1)))
    assert "张伟" in err.value.errors[0].message.text()
    # The same person may work for a second enterprise.
    other = enterprise("另一家公司", "91110000600037341L")
    roster.create(enterprise_id=other.id, data=WorkerInput(name="张伟", id_number=make_id(1)))

    impossible = make_id(2)[:10] + "0230" + make_id(2)[14:]
    with pytest.raises(ValidationFailed) as err:
        roster.create(enterprise_id=ent.id, data=WorkerInput(name="李四", id_number=impossible))
    assert "birth date" in err.value.errors[0].message.text()


def test_edit_delete_and_restore(store: DataPaths) -> None:
    ent = enterprise()
    wid = add_workers(ent.id, 2)[0]
    data = roster.load_input(record_id=wid)
    data.workshop = "新车间"
    roster.update(record_id=wid, data=data)
    assert roster.get(record_id=wid).workshop == "新车间"
    roster.soft_delete(record_id=wid)
    assert roster.count_workers(enterprise_id=ent.id) == 1
    roster.create(enterprise_id=ent.id, data=WorkerInput(name="顶替", id_number=data.id_number))
    with pytest.raises(ValidationFailed):
        roster.undelete(record_id=wid)


def test_lists_are_masked_and_counts_current(store: DataPaths) -> None:
    ent = enterprise()
    add_workers(ent.id, 12)
    rows = roster.list_workers(enterprise_id=ent.id)
    assert len(rows) == 12
    full = {w.id: w for w in _live(ent.id)}
    for row in rows:
        idn, phone = full[row.id].id_number, full[row.id].phone
        assert row.id_masked == idn[:6] + "********" + idn[-4:]
        assert row.phone_masked == phone[:3] + "****" + phone[-4:]
        assert idn not in repr(row) and phone not in repr(row)
    c = roster.counts(enterprise_id=ent.id)
    assert c.total == 12 and dict(c.by_workshop) == {"聚合车间": 3, "包装车间": 3,
                                                     "机修车间": 3, "质检中心": 3}
    assert sum(n for _, n in c.by_post) == 12 and dict(c.by_shift) == {"白班": 8, "夜班": 4}
    assert roster.count_workers(enterprise_id=ent.id, flt=WorkerFilter(workshop="包装车间")) == 3
    last4 = rows[0].id_masked[-4:]
    assert any(r.id == rows[0].id for r in roster.list_workers(
        enterprise_id=ent.id, flt=WorkerFilter(text=last4)))
    assert roster.worker_ids(enterprise_id=ent.id, workshops=["聚合车间"], posts=["操作工"])


# -- import --------------------------------------------------------------------------------

def test_gbk_csv_report_and_commit(store: DataPaths, tmp_path: Path) -> None:
    ent = enterprise()
    rows = [worker_row(n) for n in range(3)]
    bad_check = worker_row(3)
    bad_check[1] = with_wrong_check(bad_check[1])
    bad_birth = worker_row(4)
    bad_birth[1] = bad_birth[1][:10] + "1332" + bad_birth[1][14:]
    bad_phone = worker_row(5)
    bad_phone[2] = "1381234567"
    no_name = worker_row(6)
    no_name[0] = ""
    twice = worker_row(7)
    twice[1] = rows[0][1]
    path = write_csv(tmp_path / "花名册.csv",
                     [["德润公司员工花名册"], ROSTER_HEADERS, *rows, bad_check, bad_birth,
                      bad_phone, no_name, twice], encoding="gbk")
    plan = preview_roster(path, enterprise_id=ent.id)
    assert roster.count_workers(enterprise_id=ent.id) == 0
    by_row = {r.row_number: r for r in plan.rows}
    assert [by_row[n].status for n in (3, 4, 5)] == [RowStatus.OK] * 3
    messages = {n: " ".join(f.message.text() for f in by_row[n].findings) for n in by_row}
    assert "check character" in messages[6]
    assert "birth date" in messages[7]
    assert "mobile" in messages[8]
    assert "required" in messages[9]
    assert "row 3" in messages[10]
    result = commit_roster(plan)
    assert (result.imported, result.created, result.updated) == (3, 3, 0)
    assert {w.name for w in _live(ent.id)} == {r[0] for r in rows}
    assert _live(ent.id)[0].address.startswith("某某县")


def test_reimport_updates_by_id_number(store: DataPaths, tmp_path: Path) -> None:
    ent = enterprise()
    rows = [worker_row(n) for n in range(4)]
    commit_roster(preview_roster(write_csv(tmp_path / "a.csv", [ROSTER_HEADERS, *rows]),
                                 enterprise_id=ent.id))
    before = {w.id_number: w.id for w in _live(ent.id)}
    rows[1][3] = "新建车间"
    rows.append(worker_row(9))
    # A file without the plate and address columns must not blank them on the roster.
    slim = [[r[0], r[1], r[2], r[3], r[4], r[5]] for r in rows]
    plan = preview_roster(write_csv(tmp_path / "b.csv", [ROSTER_HEADERS[:6], *slim]),
                          enterprise_id=ent.id)
    assert len(plan.updates) == 4 and all(r.status is RowStatus.OK for r in plan.rows)
    result = commit_roster(plan)
    assert (result.created, result.updated) == (1, 4)
    after = {w.id_number: w for w in _live(ent.id)}
    assert len(after) == 5
    assert all(after[k].id == v for k, v in before.items())
    assert after[rows[1][1]].workshop == "新建车间"
    assert after[rows[1][1]].address == rows[1][6]


def test_xlsx_shuffled_renamed_headers_and_numeric_phones(store: DataPaths,
                                                          tmp_path: Path) -> None:
    ent = enterprise()
    header = ["联系电话", "岗位/工种", "公民身份号码", "部门", "员工姓名", "班别"]
    rows = [[int(f"139{n:08d}"), "操作工", make_id(n), "一车间", f"工人{n}", "白班"]
            for n in range(5)]
    path = write_xlsx(tmp_path / "r.xlsx", [["2024年员工名单"], [], header, *rows])
    plan = preview_roster(path, enterprise_id=ent.id)
    assert plan.summary.ok == 5, [r.findings for r in plan.rows]
    commit_roster(plan)
    worker = next(w for w in _live(ent.id) if w.name == "工人3")
    assert worker.phone == "13900000003" and worker.id_number == make_id(3)
    assert worker.workshop == "一车间" and worker.post == "操作工"


def test_missing_required_column_then_mapped_by_hand(store: DataPaths, tmp_path: Path) -> None:
    ent = enterprise()
    path = write_csv(tmp_path / "m.csv", [["姓名", "证件", "车间"],
                                          ["张三", make_id(1), "一车间"]])
    plan = preview_roster(path, enterprise_id=ent.id)
    assert plan.file_errors and "ID number" in plan.file_errors[0].text()
    with pytest.raises(ServiceError):
        commit_roster(plan)
    fixed = replan(plan, {"id_number": 1})
    assert not fixed.file_errors and fixed.summary.ok == 1
    assert commit_roster(fixed).imported == 1


def test_merged_workshop_cells_and_blank_rows(store: DataPaths, tmp_path: Path) -> None:
    ent = enterprise()
    rows: list[list] = [ROSTER_HEADERS]
    for n in range(6):
        row = worker_row(n)
        row[3] = "焊接车间" if n == 0 else ("装配车间" if n == 3 else None)
        rows.append(row)
        if n == 2:
            rows.append([None] * 8)
    path = write_xlsx(tmp_path / "merged.xlsx", rows, merges=["D2:D4", "D6:D8"])
    plan = preview_roster(path, enterprise_id=ent.id)
    assert plan.summary.total == 6 and plan.summary.ok == 6
    commit_roster(plan)
    c = roster.counts(enterprise_id=ent.id)
    assert dict(c.by_workshop) == {"焊接车间": 3, "装配车间": 3}


def test_commit_all_or_nothing(store: DataPaths, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    ent = enterprise()
    add_workers(ent.id, 2)
    rows = [worker_row(n) for n in range(5)]
    rows[0][3] = "改过的车间"
    plan = preview_roster(write_csv(tmp_path / "f.csv", [ROSTER_HEADERS, *rows]),
                          enterprise_id=ent.id)
    assert len(plan.updates) == 2
    outbox_before = OutboxOp.select().count()

    def failing(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(OutboxOp, "insert_many", failing)
    with pytest.raises(RuntimeError):
        commit_roster(plan)
    monkeypatch.undo()
    assert roster.count_workers(enterprise_id=ent.id) == 2
    assert "改过的车间" not in {w.workshop for w in _live(ent.id)}
    assert OutboxOp.select().count() == outbox_before
    commit_roster(plan)
    assert OutboxOp.select().count() == outbox_before + 4  # 3 new workers, 1 changed


def test_commit_rechecks_rows(store: DataPaths, tmp_path: Path) -> None:
    ent = enterprise()
    plan = preview_roster(write_csv(tmp_path / "f.csv", [ROSTER_HEADERS, worker_row(1)]),
                          enterprise_id=ent.id)
    plan.rows[0].values["id_number"] = "123"
    with pytest.raises(ImportCommitFailed):
        commit_roster(plan)


def test_ten_thousand_rows(store: DataPaths, tmp_path: Path) -> None:
    ent = enterprise()
    path = write_xlsx(tmp_path / "big.xlsx",
                      [["员工花名册"], ROSTER_HEADERS, *(worker_row(n) for n in range(10_000))])
    start = time.perf_counter()
    plan = preview_roster(path, enterprise_id=ent.id)
    read = time.perf_counter() - start
    # make_id repeats after 1,000 sequence numbers on the same birth date only rarely
    assert plan.summary.total == 10_000
    start = time.perf_counter()
    result = commit_roster(plan)
    print(f"\n10,000-row roster: read+validate {read:.2f} s, commit "
          f"{time.perf_counter() - start:.2f} s")
    assert result.imported == plan.summary.ok
    assert roster.count_workers(enterprise_id=ent.id) == plan.summary.ok


# -- the command line ----------------------------------------------------------------------

def test_cli_import_workers(store: DataPaths, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    ent = enterprise()
    good = write_csv(tmp_path / "ok.csv", [ROSTER_HEADERS, worker_row(1), worker_row(2)])
    args = ["--data-dir", str(store.root), "import", "workers"]
    assert cli.main([*args, str(good), "--enterprise", ent.uscc]) == 0
    assert "2 of 2 rows" in capsys.readouterr().out
    bad = worker_row(3)
    bad[1] = with_wrong_check(bad[1])
    partial = write_csv(tmp_path / "p.csv", [ROSTER_HEADERS, worker_row(1), bad])
    assert cli.main([*args, str(partial), "--enterprise", ent.uscc]) == 1
    out = capsys.readouterr().out
    assert "Row 3" in out and "check character" in out and "1 updated" in out
    assert cli.main([*args, str(good), "--enterprise", "91110000600037341L"]) == 2
    assert roster.count_workers(enterprise_id=ent.id) == 2
