"""Document numbers of printed forms across laptops: printed offline, numbered by the server
on arrival, one number per form and record, no gaps and no duplicates, never from a device."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from liaison_app.core.models import DocumentNumber
from liaison_app.core.models.documents import document_id
from liaison_app.core.services import printing
from sync.server.models import DocumentRegister, connection
from tests import days
from tests.sync.conftest import new_visit
from tests.sync.hostile import push

YEAR = days.TODAY.year


def _print(dev: Any, visit_id: str, out: Path) -> printing.PrintJob:
    dev.use()
    return printing.render(form_id="visit_record", record_id=visit_id, out=out)


def _numbers(dev: Any) -> dict[str, int | None]:
    dev.use()
    return {e.record_id: e.number for e in DocumentNumber.select()}


def test_two_offline_laptops_get_one_gapless_series(county: dict[str, Any],
                                                    tmp_path: Path) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    mine = [new_visit(county["e1"], summary=f"走访{i}").id for i in range(3)]
    assert li.sync().ok
    centre.use()
    theirs = new_visit(county["e2"], summary="中心走访").id
    assert centre.sync().ok
    # Both offline: li prints its three visits (one twice), the centre prints its own and,
    # at the same time, one of li's, which it has pulled.
    for visit_id in [*mine, mine[0]]:
        job = _print(li, visit_id, tmp_path / "li.pdf")
        assert not job.number_final and job.number == f"走访〔{YEAR}〕待编号"
    _print(centre, theirs, tmp_path / "c.pdf")
    _print(centre, mine[1], tmp_path / "c2.pdf")
    assert centre.sync().ok and li.sync().ok and centre.sync().ok

    everyone = [*mine, theirs]
    on_li, on_centre = _numbers(li), _numbers(centre)
    assert sorted(on_centre.values()) == [1, 2, 3, 4]  # no gap, no duplicate
    assert set(on_centre) == set(everyone)
    assert on_li == {k: on_centre[k] for k in mine}  # li sees only its enterprise's
    with connection():
        register = {(r.series, r.year, r.number): r.record_id for r in DocumentRegister.select()}
    assert register == {("visit_record", YEAR, n): document_id("visit_record", rid)
                        for rid, n in on_centre.items()}
    # What a reprint now carries: the final number, the same on both laptops.
    job = _print(li, mine[1], tmp_path / "li2.pdf")
    assert job.number_final and job.number == f"走访〔{YEAR}〕{on_centre[mine[1]]}号"
    assert _print(centre, mine[1], tmp_path / "c3.pdf").number == job.number


def test_a_laptop_cannot_choose_or_change_a_number(county: dict[str, Any],
                                                   tmp_path: Path) -> None:
    li, centre, url = county["li"], county["centre"], county["server"].url
    assert li.sync().ok
    li.use()
    visit = new_visit(county["e1"]).id
    _print(li, visit, tmp_path / "a.pdf")
    assert li.sync().ok and li.sync().ok
    assert _numbers(li) == {visit: 1}
    other = new_visit(county["e1"], summary="另一次走访").id
    assert li.sync().ok
    for dev in (li, centre):
        [result] = push(dev, url, {
            "table": "document_number", "record_id": document_id("visit_record", other),
            "changes": {"enterprise_id": county["e1"], "series": "visit_record", "year": YEAR,
                        "record_table": "visit", "record_id": other, "number": 1}})
        assert result["status"] == "rejected", dev.name
        assert {"field": "number", "code": "server_owned"} in result["problems"]
    # A year moved after numbering would put the number in another register: refused.
    entry = (li.use(), DocumentNumber.get())[1]
    [result] = push(li, url, {
        "table": "document_number", "record_id": entry.id, "base_version": entry.version,
        "creating": False, "changes": {"year": YEAR + 1}})
    assert result["status"] == "rejected"
    with connection():
        assert DocumentRegister.select().count() == 1


@pytest.mark.parametrize("year", [YEAR + 1, 1999])
def test_each_form_and_year_counts_on_its_own(county: dict[str, Any], year: int) -> None:
    from liaison_app.core.services import document_numbers

    li = county["li"]
    assert li.sync().ok
    li.use()
    visit = new_visit(county["e1"]).id
    for series in ("visit_record", "dispatch_sheet"):
        document_numbers.ensure(series=series, record_table="visit", record_id=visit,
                                enterprise_id=county["e1"], on=dt.date(year, 6, 1))
    document_numbers.ensure(series="visit_record", record_table="visit",
                            record_id=new_visit(county["e1"]).id, enterprise_id=county["e1"])
    assert li.sync().ok and li.sync().ok
    li.use()
    got = sorted((e.series, e.year, e.number) for e in DocumentNumber.select())
    assert got == sorted([("dispatch_sheet", year, 1), ("visit_record", year, 1),
                          ("visit_record", YEAR, 1)])
