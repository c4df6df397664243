"""Pulled records reach the laptop's search index through the same write path as saves: a
pulled record is found, a pulled edit replaces its words, a pulled delete removes it."""
from __future__ import annotations

from typing import Any

from liaison_app.core import search
from liaison_app.core.models import Visit
from tests.sync.conftest import new_visit


def found(dev: Any, words: str) -> set[str]:
    dev.use()
    return {hit.record_id for hit in search.search(words)}


def test_a_pulled_visit_is_found_by_search_and_follows_edits_and_deletes(
        county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    visit = new_visit(county["e1"], summary="𠮷田车间反映变压器增容审批缓慢")
    assert li.sync().ok and centre.sync().ok
    assert visit.id in found(centre, "变压器增容")
    assert visit.id in found(centre, "𠮷田")

    li.use()
    row = Visit.get_by_id(visit.id)
    row.summary = "供水管网改造已经完成"
    row.save()
    assert li.sync().ok and centre.sync().ok
    assert visit.id not in found(centre, "变压器增容")
    assert visit.id in found(centre, "供水管网")

    li.use()
    Visit.get_by_id(visit.id).soft_delete()
    assert li.sync().ok and centre.sync().ok
    assert visit.id not in found(centre, "供水管网")
