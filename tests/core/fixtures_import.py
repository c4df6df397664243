"""Spreadsheets for the import tests, written the way people's files really look."""
from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

from liaison_app.core.validation import USCC_ALPHABET, uscc_check_char

HEADERS = ["企业名称", "统一社会信用代码", "镇街", "园区", "联系人", "联系电话", "职工人数",
           "重点企业"]


def make_uscc(rng: random.Random) -> str:
    """A valid code: '91' (enterprise), a 6-digit area, 9 characters, then the check char."""
    first17 = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(
        rng.choice(USCC_ALPHABET) for _ in range(9))
    return first17 + uscc_check_char(first17)


def with_wrong_check(code: str) -> str:
    wrong = next(c for c in "0123456789ABC" if c != code[-1])
    return code[:-1] + wrong


def enterprise_rows(n: int, *, seed: int = 7) -> list[list[Any]]:
    rng = random.Random(seed)
    towns = ["城关街道", "开发区", "龙山镇", "河西镇"]
    return [[f"鲁信{i}号机械有限公司", make_uscc(rng), towns[i % 4], "经济开发区",
             f"王{i}", f"138{i:08d}", 10 + i, "是" if i % 3 == 0 else "否"] for i in range(n)]


def write_csv(path: Path, rows: Iterable[Sequence[Any]], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Iterable[Sequence[Any]], *,
               merges: Sequence[str] = (), sheet: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path
