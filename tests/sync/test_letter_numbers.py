"""Direct-channel letters (直通车): offline officers register letters under provisional numbers;
the server gives each its final number for the year when it first stores it, in the push's
transaction, and every device pulls that number back."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from liaison_app.core.models import OutboxOp
from liaison_app.core.models.requests import Request
from liaison_app.core.services import requests as rq
from sync.server.models import ChangeLog, Record, connection
from tests.sync.faultproxy import Fault, FaultProxy

SPRING = dt.datetime(2025, 3, 3, 9, 30)


def letter(dev: Any, ent: str, text: str, on: dt.datetime = SPRING) -> str:
    dev.use()
    req = rq.save(data=rq.RequestInput(enterprise_id=ent, channel="letter",
                                       description=text, addressee="县长"), now=on)
    assert req.registration_no is None and req.provisional_no.startswith(f"{on.year}-临-")
    return req.id


def local_number(dev: Any, record_id: str) -> int | None:
    dev.use()
    return Request.get_by_id(record_id).registration_no


@pytest.fixture
def county(county: dict[str, Any]) -> dict[str, Any]:
    """The county with each officer's enterprise already on the officer's laptop."""
    for name in ("li", "wang"):
        assert county[name].sync().ok
    return county


def server_numbers(year: int) -> dict[str, int]:
    with connection():
        out = {}
        for rec in Record.select().where(Record.table == "request"):
            data = json.loads(rec.data)
            if data.get("registration_year") == year:
                out[rec.record_id] = data.get("registration_no")
        return out


@pytest.mark.parametrize("first", ["li", "wang"])
def test_two_offline_officers_get_gap_free_numbers_in_arrival_order(
        county: dict[str, Any], first: str) -> None:
    li, wang, centre = county["li"], county["wang"], county["centre"]
    a = letter(li, county["e1"], "园区道路开口审批迟迟未批")
    b = letter(wang, county["e2"], "电力增容")
    order = [(li, a), (wang, b)] if first == "li" else [(wang, b), (li, a)]
    for number, (dev, rid) in enumerate(order, start=1):
        assert dev.sync().ok
        # The same sync pulls back the number the server gave while storing the letter.
        assert local_number(dev, rid) == number
    assert server_numbers(2025) == {rid: n for n, (_, rid) in enumerate(order, start=1)}
    assert centre.sync().ok
    assert local_number(centre, a) == (1 if first == "li" else 2)
    assert local_number(centre, b) == (2 if first == "li" else 1)
    # Numbering is a change of its own: the officers' later syncs bring nothing new, and an
    # edit by the officer afterwards keeps the number.
    li.use()
    req = Request.get_by_id(a)
    rq.save(data=rq.RequestInput(enterprise_id=county["e1"], channel="letter",
                                 description="园区道路开口审批仍未批", addressee="县长"),
            record_id=a)
    assert li.sync().ok and centre.sync().ok
    assert local_number(centre, a) == req.registration_no
    with connection():
        assert ChangeLog.select().where((ChangeLog.record_id == a)
                                        & (ChangeLog.username == "server")).count() == 1


def test_several_letters_in_one_push_and_a_new_year(county: dict[str, Any]) -> None:
    li, wang, centre = county["li"], county["wang"], county["centre"]
    mine = [letter(li, county["e1"], f"来信{n}") for n in range(3)]
    theirs = letter(wang, county["e2"], "来信乙")
    assert wang.sync().ok and li.sync().ok
    assert local_number(wang, theirs) == 1
    assert [local_number(li, r) for r in mine] == [2, 3, 4]
    # A withdrawn letter keeps its number: the next one does not reuse it.
    centre.sync()
    centre.use()
    rq.soft_delete(record_id=mine[2])
    assert centre.sync().ok
    later = letter(li, county["e1"], "年末来信", on=dt.datetime(2025, 12, 30, 9))
    new_year = letter(li, county["e1"], "新年第一封", on=dt.datetime(2026, 1, 5, 9))
    assert li.sync().ok
    assert local_number(li, later) == 5
    assert local_number(li, new_year) == 1
    assert sorted(server_numbers(2025).values()) == [1, 2, 3, 4, 5]
    assert server_numbers(2026) == {new_year: 1}


@pytest.fixture
def proxy(county: dict[str, Any]) -> Iterator[FaultProxy]:
    fp = FaultProxy(county["server"].port)
    county["li"].point_at(fp.url)
    yield fp
    fp.close()


def test_replayed_push_keeps_the_same_number(county: dict[str, Any],
                                             proxy: FaultProxy) -> None:
    li, wang = county["li"], county["wang"]
    rid = letter(li, county["e1"], "来信")
    # The server stores and numbers the letter but the answer never arrives.
    proxy.set(Fault("cut_response", after=0, match=b"/sync/push", times=0))
    assert li.sync().outcome == "offline"
    assert server_numbers(2025) == {rid: 1}
    other = letter(wang, county["e2"], "另一封")
    assert wang.sync().ok
    proxy.set(None)
    assert li.sync().ok
    li.use()
    assert OutboxOp.select().count() == 0
    assert local_number(li, rid) == 1
    assert server_numbers(2025) == {rid: 1, other: 2}
    with connection():
        assert ChangeLog.select().where(ChangeLog.record_id == rid).count() == 2
