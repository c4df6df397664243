"""In a province the change sequence moves many times a second, nearly always by other
officers' enterprises. An officer whose own enterprises did not change is answered from two
or three index reads (no page is read, no worker thread), with a cursor that moves to the
mark; anything of theirs that changed or left them is still sent, the same moment."""
from __future__ import annotations

from typing import Any

import pytest

from liaison_app.core.models import Visit
from sync.server import store
from tests.sync.conftest import new_visit


@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many full page reads the server made."""
    calls: list[int] = []
    real = store.pull_page

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "pull_page", counting)
    return calls


def test_others_changes_cost_an_officer_no_page_and_their_own_still_arrive(
        county: dict[str, Any], pages: list[int]) -> None:
    li, wang, centre = county["li"], county["wang"], county["centre"]
    assert li.sync().ok and wang.sync().ok
    li.use()
    mine = new_visit(county["e1"], summary="李的走访 𠮷")
    assert li.sync().ok  # its own push comes back to it as nothing new
    wang.use()
    for n in range(3):
        new_visit(county["e2"], summary=f"王的走访{n}")
    assert wang.sync().ok
    del pages[:]

    report = li.sync()

    assert report.ok and report.pulled == 0
    assert pages == []  # answered from the index reads alone
    li.use()
    assert Visit.get_or_none(Visit.id == mine.id) is not None
    assert Visit.select().where(Visit.summary.startswith("王的走访")).count() == 0

    centre.use()
    theirs = new_visit(county["e1"], summary="中心在李的企业记的走访")
    assert centre.sync().ok
    report = li.sync()
    assert report.ok and report.pulled == 1 and pages  # something of li's: a page is read
    li.use()
    assert Visit.get(Visit.id == theirs.id).summary == "中心在李的企业记的走访"


def test_a_record_that_left_an_officers_scope_is_still_taken_away(
        county: dict[str, Any], pages: list[int]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    moved = new_visit(county["e1"], summary="将移走的走访")
    assert li.sync().ok and centre.sync().ok
    centre.use()
    visit = Visit.get(Visit.id == moved.id)
    visit.enterprise = county["e2"]
    visit.save()
    assert centre.sync().ok
    del pages[:]

    assert li.sync().ok

    assert pages  # the exit is news to li: the full page names it
    li.use()
    assert Visit.get_or_none(Visit.id == moved.id) is None
