"""Records a sync receives in bulk are stored first and put in the search index right after
(``core.search_backlog``): they become searchable, an edit or delete meanwhile wins, a
laptop killed in between still indexes them, and a day's small sync is searchable at once."""
from __future__ import annotations

from typing import Any

from liaison_app.core import search, search_backlog
from liaison_app.core.db import close_database, open_database
from liaison_app.core.models import Visit
from tests.sync.conftest import new_visit


def found(words: str) -> list[str]:
    return [hit.record_id for hit in search.search(words, limit=500)]


def test_a_bulk_pull_becomes_searchable_and_what_changed_meanwhile_wins(
        county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    many = search_backlog.BULK + 20
    visits = [new_visit(county["e1"], summary=f"第{i}次走访，协调变压器增容") for i in range(many)]
    rare = new_visit(county["e1"], summary="𠮷田车间反映供水管网老化")
    assert li.sync().ok

    report = centre.sync()
    assert report.ok and report.pulled >= many + 1
    assert search_backlog.count() == many + 1
    # The officer edits one of them before the index has caught up: the edit is searchable
    # at once, and the later catching up does not bring the old words back.
    edited = Visit.get_by_id(visits[0].id)
    edited.summary = "已完成天然气管道改造"
    edited.save()
    assert found("天然气管道") == [edited.id]
    gone = Visit.get_by_id(visits[1].id)
    gone.soft_delete()

    # The laptop is killed and started again: the list is in its database.
    centre.db.close()
    close_database()
    centre.db = open_database(centre.paths)
    centre.use()
    assert search_backlog.count() == many + 1

    search_backlog.index_all()
    assert search_backlog.count() == 0
    assert found("𠮷田") == [rare.id]
    hits = found("变压器增容")
    assert len(hits) == many - 2 and edited.id not in hits and gone.id not in hits
    assert found("天然气管道") == [edited.id]

    # A day's sync brings a few records: searchable the moment it ends.
    li.use()
    today = new_visit(county["e1"], summary="企业反映招工困难")
    assert li.sync().ok
    assert centre.sync().ok
    assert search_backlog.count() == 0
    assert found("招工困难") == [today.id]
