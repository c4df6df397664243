"""``liaison-server import enterprises``: the app's import pipeline, writing to the server.

The files are the ones people bring (GBK from Chinese Excel, 单位名称 instead of 企业名称,
a title row, a bad row) and the command is run as an administrator runs it, in its own
process; what it wrote is then read back from the server's records and pulled by a laptop.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from liaison_app.core.models import Enterprise
from sync.server.models import ChangeLog, EnterpriseCode, Record, connection, open_server_database
from tests.core.fixtures_import import make_uscc, with_wrong_check, write_xlsx
from tests.sync.test_cli import server_cli

CODES = [make_uscc(random.Random(n)) for n in range(4)]


def _write_gbk(path: Path, rows: list[list[str]], *, encoding: str = "gbk") -> Path:
    path.write_bytes("\r\n".join(",".join(r) for r in rows).encode(encoding))
    return path


def _server_enterprises(data: Path) -> dict[str, dict[str, Any]]:
    db = open_server_database(f"sqlite:///{data / 'server.sqlite3'}", migrate=False)
    try:
        rows = Record.select().where(Record.table == "enterprise")
        return {json.loads(r.data)["uscc"]: {**json.loads(r.data), "_id": r.record_id,
                                              "_version": r.version} for r in rows}
    finally:
        db.close()


def test_gbk_file_with_unit_name_header_title_row_and_a_bad_row(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    path = _write_gbk(tmp_path / "全县企业名单.csv", [
        ["2024年全县重点企业名单", "", "", ""],
        ["单位名称", "统一社会信用代码", "所属镇街", "联系电话"],
        ["鲁西化工集团股份有限公司", CODES[0], "城关街道", "13812345678"],
        ["德州面粉厂", CODES[1].lower(), "河西镇", "0534-1234567"],
        ["坏代码企业", CODES[2][:5] + "O" + CODES[2][6:], "城关街道", ""],
    ])
    r = server_cli(data, "import", "enterprises", str(path))
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Row 3 鲁西化工集团股份有限公司: new" in r.stdout
    assert "Row 5 坏代码企业: not imported" in r.stdout
    assert "\u201cO\u201d cannot appear in a unified social credit code" in r.stdout
    assert "2 of 3 rows imported: 2 new, 0 updated, 0 unchanged" in r.stdout
    saved = _server_enterprises(data)
    assert set(saved) == {CODES[0], CODES[1]}
    first = saved[CODES[0]]
    assert (first["name"], first["town"], first["contact_phone"], first["deleted"]) == (
        "鲁西化工集团股份有限公司", "城关街道", "13812345678", False)
    # Every field a laptop would send for a new enterprise, with the model's defaults.
    assert set(first) - {"_id", "_version"} >= set(Enterprise._meta.fields) - {
        "id", "version", "created_at", "updated_at"}
    db = open_server_database(f"sqlite:///{data / 'server.sqlite3'}", migrate=False)
    assert EnterpriseCode.get_by_id(CODES[1]).enterprise_id == saved[CODES[1]]["_id"]
    db.close()


def test_reimporting_a_corrected_file_updates_by_credit_code(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    header = ["企业名称", "统一社会信用代码", "镇街", "园区", "联系人"]
    first = write_xlsx(tmp_path / "v1.xlsx", [
        header,
        ["鲁西化工有限公司", CODES[0], "城关街道", "化工园", "王一"],
        ["德州面粉厂", CODES[1], "河西镇", "", "李二"],
        ["𠮷祥食品有限公司", CODES[2], "龙山镇", "", "张三"],
    ])
    r = server_cli(data, "import", "enterprises", str(first))
    assert r.returncode == 0 and "3 of 3 rows imported: 3 new" in r.stdout, r.stdout + r.stderr
    before = _server_enterprises(data)

    # Corrected: a name fixed, a contact changed, the park column gone, one row wrong.
    corrected = _write_gbk(tmp_path / "v2.csv", [
        ["单位名称", "信用代码", "镇街", "联系人"],
        ["鲁西化工集团有限公司", CODES[0], "城关街道", "王一"],
        ["德州面粉厂", CODES[1], "河西镇", "李二"],
        ["𠮷祥食品有限公司", CODES[2], "龙山镇", "赵四"],
        ["新来的企业", with_wrong_check(CODES[3]), "城关街道", ""],
    ], encoding="gb18030")
    r = server_cli(data, "import", "enterprises", str(corrected))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Row 2 鲁西化工集团有限公司: updated" in r.stdout
    assert "Row 3 德州面粉厂: unchanged" in r.stdout
    assert "Row 4 𠮷祥食品有限公司: updated" in r.stdout
    assert "Row 5 新来的企业: not imported: has warnings" in r.stdout
    after = _server_enterprises(data)
    assert set(after) == {CODES[0], CODES[1], CODES[2]}  # updated, not added again
    assert after[CODES[0]]["_id"] == before[CODES[0]]["_id"]
    assert after[CODES[0]]["name"] == "鲁西化工集团有限公司"
    assert after[CODES[0]]["park"] == "化工园"  # no park column this time: kept
    assert after[CODES[2]]["contact_name"] == "赵四"
    assert after[CODES[1]]["_version"] == before[CODES[1]]["_version"]  # unchanged: no write
    db = open_server_database(f"sqlite:///{data / 'server.sqlite3'}", migrate=False)
    changes = [json.loads(c.changes) for c in ChangeLog.select().where(
        ChangeLog.record_id == before[CODES[0]]["_id"]).order_by(ChangeLog.seq)]
    db.close()
    assert changes[-1] == {"name": "鲁西化工集团有限公司"}

    # The warning accepted, as in the app.
    r = server_cli(data, "import", "enterprises", str(corrected), "--accept-warnings")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4 of 4 rows imported: 1 new, 0 updated, 3 unchanged" in r.stdout
    audit = server_cli(data, "audit", "--action", "enterprises_imported").stdout
    assert "v2.csv" in audit and "1 created, 0 updated, 3 unchanged" in audit


def test_unreadable_files_are_named_not_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"\x81\xff\xfe\x80,\xff\n")
    no_name = _write_gbk(tmp_path / "no-name.csv", [["镇街"], ["城关街道"]])
    for path, said in ((tmp_path / "missing.csv", "does not exist"),
                       (latin, "neither UTF-8 nor GBK"),
                       (no_name, "Enterprise name")):
        r = server_cli(data, "import", "enterprises", str(path))
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert said in r.stderr, r.stderr


def test_a_laptop_pulls_what_was_imported(server: Any, make_device: Any, tmp_path: Path) -> None:
    from sync.server import importer

    path = _write_gbk(tmp_path / "e.csv", [["单位名称", "统一社会信用代码"],
                                           ["鲁西化工有限公司", CODES[0]]])
    with connection():
        importer.commit(importer.preview(path), include_warnings=False)
    server.add_user("centre", "center")
    centre = make_device("centre-pc")
    centre.login(server, "centre")
    assert centre.sync().ok
    centre.use()
    ent = Enterprise.get(Enterprise.uscc == CODES[0])
    assert ent.name == "鲁西化工有限公司" and not ent.deleted
