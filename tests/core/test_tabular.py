"""Reading people's spreadsheets: encodings, delimiters, title rows, merged cells, bad files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from liaison_app.core import i18n
from liaison_app.core.services.tabular import (
    CellKind,
    ColumnSpec,
    RowReport,
    RowStatus,
    TableReadError,
    build_plan,
    flag_repeats,
    list_sheets,
    read_table,
)
from liaison_app.core.validation import Finding, Severity

from .fixtures_import import write_csv, write_xlsx


def _label(text: str) -> i18n.Message:
    return i18n.translate("Test", text)


SPEC = (
    ColumnSpec("name", _label("Name"), ("姓名", "名字", "name"), required=True),
    ColumnSpec("phone", _label("Phone"), ("手机", "联系电话", "phone"), kind=CellKind.CODE),
    ColumnSpec("workshop", _label("Workshop"), ("车间", "workshop")),
    ColumnSpec("count", _label("Count"), ("人数", "count"), kind=CellKind.INTEGER),
    ColumnSpec("day", _label("Day"), ("日期", "date"), kind=CellKind.DATE),
    ColumnSpec("flag", _label("Flag"), ("是否重点", "key"), kind=CellKind.BOOL),
)
ROWS = [["姓名", "手机", "车间", "人数"],
        ["张三", "13812345678", "一车间", "12"],
        ["李䶮", "13912345678", "二车间", "3"]]


def _simple(preview) -> list[tuple]:
    return [(r.row_number, r.values["name"], r.values["phone"], r.values["workshop"],
             r.values["count"]) for r in preview.rows]


EXPECTED = [(2, "张三", "13812345678", "一车间", 12), (3, "李䶮", "13912345678", "二车间", 3)]


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("gbk", ","), ("gb18030", ","), ("utf-8", ";"),
    ("gbk", "\t"), ("utf-16", "\t"),
])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = ROWS if encoding != "gbk" else [r if r[0] != "李䶮" else ["李四", *r[1:]]
                                           for r in ROWS]
    path = write_csv(tmp_path / "roster.csv", rows, encoding=encoding, delimiter=delimiter)
    preview = read_table(path=path, spec=SPEC)
    assert preview.file_errors == []
    expected = EXPECTED if encoding != "gbk" else [EXPECTED[0], (3, "李四", *EXPECTED[1][2:])]
    assert _simple(preview) == expected
    assert preview.headers == ["姓名", "手机", "车间", "人数"]


def test_xlsx_title_row_shuffled_renamed_headers(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [
        ["XX公司员工花名册"],
        ["填表日期：2024年3月1日"],
        ["人数（人）", " 车 间 ", "ＮＡＭＥ", "*联系电话", "备注说明"],
        [12, "一车间", "张三", 13812345678, "夜班"],
        ["3", "二车间", "李四", 13912345678.0, None],
    ], merges=["A1:E1"])
    preview = read_table(path=path, spec=SPEC)
    assert preview.header_row == 3
    assert preview.mapping == {"count": 0, "workshop": 1, "name": 2, "phone": 3}
    assert preview.unmapped_headers == ["备注说明"]
    assert [c.key for c in preview.missing_required] == []
    assert _simple(preview) == [(4, "张三", "13812345678", "一车间", 12),
                                (5, "李四", "13912345678", "二车间", 3)]
    # Columns the file lacks are there with an empty value, so callers need no guards.
    assert preview.rows[0].values["day"] is None and preview.rows[0].values["flag"] is None


def test_xlsx_merged_cells_and_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "m.xlsx", [
        ["姓名", "车间", "手机"],
        ["甲", "冲压车间", "13800000001"],
        ["乙", None, "13800000002"],
        [None, None, None],
        ["丙", None, "13800000003"],
        [],
        ["丁", "焊装车间", "13800000004"],
    ], merges=["B2:B5"])
    preview = read_table(path=path, spec=SPEC)
    got = [(r.row_number, r.values["name"], r.values["workshop"]) for r in preview.rows]
    assert got == [(2, "甲", "冲压车间"), (3, "乙", "冲压车间"), (5, "丙", "冲压车间"),
                   (7, "丁", "焊装车间")]


def test_merged_header_cells_take_the_top_left_value(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", [
        ["姓名", "车间", None],
        [None, None, None],
        ["甲", "一车间", "x"],
    ], merges=["A1:A2", "B1:C1"])
    preview = read_table(path=path, spec=SPEC)
    assert preview.headers == ["姓名", "车间", "车间"]
    assert preview.mapping["workshop"] == 1
    assert [r.values["name"] for r in preview.rows] == ["甲"]


def test_missing_required_column_names_it_and_the_headers_found(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "no-name.csv", [["手机", "车间"], ["13812345678", "一车间"]])
    preview = read_table(path=path, spec=SPEC)
    assert [c.key for c in preview.missing_required] == ["name"]
    assert preview.rows == []
    text = preview.file_errors[0].text()
    assert "Name" in text and "手机" in text and "车间" in text


def test_mapping_fixed_by_hand(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "odd.csv", [["员工", "手机"], ["张三", "13812345678"]])
    preview = read_table(path=path, spec=SPEC)
    assert preview.file_errors
    fixed = preview.with_mapping({"name": 0})
    assert fixed.file_errors == []
    assert fixed.rows[0].values["name"] == "张三"
    again = read_table(path=path, spec=SPEC, mapping_override={"name": 0, "phone": None})
    assert again.rows[0].values == {**fixed.rows[0].values, "phone": ""}
    # Giving a header to another column takes it away from the one that had it.
    moved = read_table(path=path, spec=SPEC, mapping_override={"name": 0, "workshop": 1})
    assert "phone" not in moved.mapping and moved.rows[0].values["workshop"] == "13812345678"


def test_codes_stored_as_numbers_by_excel(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [
        ["姓名", "手机"],
        ["int", 13812345678],
        ["float", 13812345678.0],
        ["id as number", 110105194912310000],
        ["fraction", 1381234.5],
    ])
    rows = read_table(path=path, spec=SPEC).rows
    assert [r.values["phone"] for r in rows[:2]] == ["13812345678", "13812345678"]
    assert rows[0].findings == [] and rows[1].findings == []
    # Beyond 15 digits Excel has already replaced the tail with zeros: say so, do not guess.
    assert rows[2].findings and rows[2].findings[0].field == "phone"
    assert "110105194912310000" in rows[2].findings[0].message.text()
    assert rows[3].findings


def test_codes_in_csv_written_by_excel(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [
        ["姓名", "手机"], ["a", "1.3812345678E10"], ["b", "13812345678.0"], ["c", '="05341234567"'],
        ["d", "1.38123E+10"], ["e", "'0534-1234567"],
    ])
    rows = read_table(path=path, spec=SPEC).rows
    assert [r.values["phone"] for r in rows] == [
        "13812345678", "13812345678", "05341234567", "1.38123E+10", "0534-1234567"]
    assert [bool(r.findings) for r in rows] == [False, False, False, True, False]


def test_numbers_dates_and_yes_no(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "k.xlsx", [
        ["姓名", "人数", "日期", "是否重点"],
        ["a", "1,200", dt.datetime(2024, 3, 1), "是"],
        ["b", 7.0, "2024年3月2日", "N"],
        ["c", "many", "2024/3/3", "√"],
        ["d", None, "20240304", "0"],
        ["e", "-", "31/02/2024", "maybe"],
    ])
    rows = read_table(path=path, spec=SPEC).rows
    values = [(r.values["count"], r.values["day"], r.values["flag"]) for r in rows]
    assert values[:4] == [(1200, dt.date(2024, 3, 1), True), (7, dt.date(2024, 3, 2), False),
                          (None, dt.date(2024, 3, 3), True), (None, dt.date(2024, 3, 4), False)]
    assert [f.field for f in rows[2].findings] == ["count"]
    assert "many" in rows[2].findings[0].message.text()
    assert sorted(f.field for f in rows[4].findings) == ["count", "day", "flag"]


def test_repeated_header_rows_are_skipped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pages.csv", [ROWS[0], ROWS[1], ROWS[0], ROWS[2]])
    assert [r.values["name"] for r in read_table(path=path, spec=SPEC).rows] == ["张三", "李䶮"]


def test_named_sheet(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表说明"])
    ws = wb.create_sheet("花名册")
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    assert list_sheets(path=path) == ["说明", "花名册"]
    assert _simple(read_table(path=path, spec=SPEC, sheet="花名册")) == EXPECTED
    with pytest.raises(TableReadError) as err:
        read_table(path=path, spec=SPEC, sheet="Sheet9")
    assert "花名册" in err.value.message.text()


def _read_error(path: Path) -> str:
    with pytest.raises(TableReadError) as err:
        read_table(path=path, spec=SPEC)
    return err.value.message.text()


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    assert "does not exist" in _read_error(tmp_path / "nope.xlsx")
    (tmp_path / "empty.csv").write_bytes(b"")
    assert "empty" in _read_error(tmp_path / "empty.csv")
    (tmp_path / "blank.csv").write_text("\n ,, \n\n", encoding="utf-8")
    assert "empty" in _read_error(tmp_path / "blank.csv")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    (tmp_path / "old.xls").write_bytes(ole + "Workbook".encode("utf-16-le"))
    message = _read_error(tmp_path / "old.xls")
    assert ".xlsx" in message and "CSV" in message
    (tmp_path / "locked.xlsx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le"))
    assert "password" in _read_error(tmp_path / "locked.xlsx")
    (tmp_path / "fake.xlsx").write_text("hello", encoding="utf-8")
    assert "not a spreadsheet" in _read_error(tmp_path / "fake.xlsx")
    (tmp_path / "notes.pdf").write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    assert "not a spreadsheet" in _read_error(tmp_path / "notes.pdf")
    (tmp_path / "zip.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "not a spreadsheet" in _read_error(tmp_path / "zip.xlsx")
    (tmp_path / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "not a spreadsheet" in _read_error(tmp_path / "photo.csv")


def test_header_without_data_is_a_file_error(tmp_path: Path) -> None:
    preview = read_table(path=write_csv(tmp_path / "h.csv", [ROWS[0]]), spec=SPEC)
    assert preview.rows == [] and "no data" in preview.file_errors[0].text()


def test_plan_statuses_counts_and_repeats(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [
        ["姓名", "手机"], ["a", "13800000001"], ["b", "13800000002"], ["c", "13800000001"],
        ["", "13800000004"]])
    preview = read_table(path=path, spec=SPEC)

    def check(row) -> list[Finding]:
        if not row.values["name"]:
            return [Finding("name", Severity.ERROR, _label("Name is required."))]
        if row.values["name"] == "b":
            return [Finding("phone", Severity.WARNING, _label("Odd."))]
        return []

    plan = build_plan(preview=preview, check=check, title_key="name")
    flag_repeats(plan.rows, key="phone", message=_label("Same as row {row}."))
    assert [r.status for r in plan.rows] == [RowStatus.OK, RowStatus.WARNING, RowStatus.ERROR,
                                             RowStatus.ERROR]
    assert plan.rows[2].errors[0].message.text() == "Same as row 2."
    assert (plan.summary.total, plan.summary.ok, plan.summary.warning, plan.summary.error) == (
        4, 1, 1, 2)
    assert [r.row_number for r in plan.importable(include_warnings=False)] == [2]
    assert [r.row_number for r in plan.importable(include_warnings=True)] == [2, 3]
    assert plan.label("phone").text() == "Phone"
    assert isinstance(plan.rows[0], RowReport) and plan.rows[0].title == "a"


def test_merged_cells_without_the_fast_path(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from liaison_app.core.services import tabular

    monkeypatch.setattr(tabular, "_worksheet_part", lambda ws: None)
    path = write_xlsx(tmp_path / "m.xlsx", [["姓名", "车间"], ["甲", "一车间"], ["乙", None]],
                      merges=["B2:B3"])
    assert [r.values["workshop"] for r in read_table(path=path, spec=SPEC).rows] == [
        "一车间", "一车间"]


def test_data_merged_sideways_is_not_spread_into_the_next_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", [
        ["姓名", "车间", "手机"],
        ["甲", "总装车间（含二楼）", None],
    ], merges=["B2:C2"])
    row = read_table(path=path, spec=SPEC).rows[0]
    assert (row.values["workshop"], row.values["phone"]) == ("总装车间（含二楼）", "")
