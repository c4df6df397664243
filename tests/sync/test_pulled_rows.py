"""Pulled records new to the laptop are stored as rows built from the wire a column at a
time, and checked a column at a time: the rows must be exactly the rows the field-by-field
way stores, the search entries the same, and every record the per-record check refuses must
still be refused."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison_app.core.models import SYNCED_MODELS, Enterprise, Visit
from liaison_app.core.models.base import BOOKKEEPING, _row_values, has_search
from liaison_app.core.services import demo
from sync import local, pulled_rows
from sync.schema import SCHEMA


def wire_of(rec: Any) -> dict[str, Any]:
    data = rec.wire_fields([n for n in rec._meta.sorted_field_names
                            if n not in BOOKKEEPING])
    return {"table": rec.sync_table, "id": rec.id, "version": rec.version or 1,
            "deleted": rec.deleted, "created_at": rec.created_at.isoformat(),
            "updated_at": rec.updated_at.isoformat(), "data": data}


def as_stored(value: Any) -> Any:
    """A value as the database driver stores it (its adapters for dates and times)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def field_by_field(model: Any, wires: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [tuple(map(as_stored, _row_values(local._new_instance(model, w),
                                             model._meta.sorted_fields)))
            for w in wires]


def test_rows_of_every_record_type_are_the_rows_filling_instances_gives(store) -> None:
    demo.generate(enterprises=12, visits=60, officers=4, seed=3, rosters=0.5)
    covered = 0
    for table, model in SYNCED_MODELS.items():
        wires = [wire_of(rec) for rec in model.select()]
        if not wires:
            continue
        covered += 1
        rows, instances = pulled_rows.fresh_rows(model, wires)
        assert rows == field_by_field(model, wires), table
        if has_search(model):
            expected = [local._new_instance(model, w).search_document() for w in wires]
            assert [rec.search_document() for rec in instances] == expected, table
        else:
            assert instances == []
    assert covered >= 10


def test_what_the_wire_lacks_or_gives_loosely_is_stored_as_filling_would(store) -> None:
    ent = Enterprise(name="𠮷田机械有限公司", uscc="91110000600037341L")
    ent.save(force_insert=True)
    base = {"table": "visit", "version": 3, "deleted": False,
            "created_at": "2026-01-05T08:00:00", "updated_at": "2026-01-05T08:00:00.250000"}
    wires = [
        # Only what a new visit must carry: every other column takes its default.
        {**base, "id": "v-1", "data": {"enterprise_id": ent.id,
                                       "visit_at": "2026-02-01T09:30"}},
        # Text outside the BMP, a long summary, a JSON list, stamps that are not moments.
        {**base, "id": "v-2", "created_at": "2026-13-01T00:00:00", "updated_at": None,
         "data": {"enterprise_id": ent.id, "visit_at": "2026-02-01 10:00:00.123456",
                  "summary": "𠮷" * 5000, "officer_ids": ["a", "𠮷"], "kind": "callback"}},
        {**base, "id": "v-3", "deleted": True,
         "data": {"enterprise_id": ent.id, "visit_at": "2026-02-01T10:00:00",
                  "officer_ids": []}},
    ]
    rows, instances = pulled_rows.fresh_rows(Visit, wires)
    stamps = {f.name: i for i, f in enumerate(Visit._meta.sorted_fields)}
    clock = {stamps["created_at"], stamps["updated_at"]}
    expected = field_by_field(Visit, wires)
    assert [rows[0], rows[2]] == [expected[0], expected[2]]
    assert ([v for i, v in enumerate(rows[1]) if i not in clock]
            == [v for i, v in enumerate(expected[1]) if i not in clock])
    assert rows[0][stamps["visit_at"]] == "2026-02-01 09:30:00"
    assert rows[1][stamps["visit_at"]] == "2026-02-01 10:00:00.123456"
    assert rows[0][stamps["updated_at"]] == "2026-01-05 08:00:00.250000"
    # A stamp that is no moment is the laptop's clock, as for a record made here.
    made = dt.datetime.fromisoformat(rows[1][stamps["created_at"]])
    assert abs(made - dt.datetime.utcnow()) < dt.timedelta(minutes=1)
    assert [r.search_document().title for r in instances] == ["𠮷田机械有限公司 2026-02-01"] * 3


def test_a_page_with_one_record_twice_is_merged_in_order(store) -> None:
    ent = Enterprise(name="甲企业", uscc="91110000600037341L")
    ent.save(force_insert=True)
    first = {"table": "visit", "id": "v-9", "version": 1, "deleted": False,
             "data": {"enterprise_id": ent.id, "visit_at": "2026-02-01T09:30:00",
                      "summary": "第一稿"}}
    second = {**first, "version": 2, "data": {**first["data"], "summary": "第二稿"}}
    result = local.apply_page([first, second], checkpoint_to=None)
    assert result.applied == 2 and result.set_aside == 0
    assert Visit.get_by_id("v-9").summary == "第二稿"


# -- checking a page a column at a time -----------------------------------------------------
GOOD: dict[str, Any] = {
    "str": ["", "甲", "𠮷" * 10], "text": ["", "多行\n文本", "𠮷" * 300],
    "ref": ["", "e-1", "0f2c9a7e-1d2b-4c3d-8e9f-0a1b2c3d4e5f"],
    "sha256": ["a" * 64], "date": ["2026-02-28", "2024-02-29"],
    "datetime": ["2026-02-28T08:00:00", "2026-02-28 08:00", "2026-02-28T08:00:00.5"],
    "int": [0, -5, 2**63 - 1], "float": [0.5, 3, -1e10], "bool": [True, False],
    "json": [[], {}, ["𠮷"], {"a": [1, 2]}],
}
BAD: list[Any] = ["x\x00y", "\ud800", "2026-02-30", "2026-02-28T25:00", "2026-02-28T08:00\n",
                  "a" * 300, 2**63, True, 1.5, float("nan"), None, "../x", "A" * 64, [1], {},
                  "e 1", "2025-W01-1", "2026-02-28T08:00:00+08:00", "2026-2-28",
                  ["a\x00"], {"k": "\ud800"}, [2**64], {"n": -(2**63) - 1},
                  functools.reduce(lambda inner, _: [inner], range(22), []),
                  list(range(12_000)),
                  ["长" * 60_000, "长" * 50_000], {"\x00": 1}]


def value_for(spec: Any) -> st.SearchStrategy[Any]:
    good = GOOD[spec.kind]
    if spec.choices:
        good = sorted(spec.choices)
    return st.one_of(st.sampled_from(good), st.sampled_from(BAD))


@st.composite
def page(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]], list[bool]]:
    table = draw(st.sampled_from(sorted(SCHEMA)))
    fields = SCHEMA[table].fields
    datas = []
    for _ in range(draw(st.integers(1, 6))):
        names = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
        datas.append({n: draw(value_for(fields[n])) for n in names})
    creating = [draw(st.booleans()) for _ in datas]
    return table, datas, creating


@settings(max_examples=400, deadline=None)
@given(page())
def test_every_record_the_per_record_check_refuses_is_named_by_the_column_check(
        case: tuple[str, list[dict[str, Any]], list[bool]]) -> None:
    table, datas, creating = case
    schema = SCHEMA[table]
    refused = {i for i, (d, c) in enumerate(zip(datas, creating, strict=True))
               if schema.check(d, creating=c, ignore_unknown=True)}
    assert refused <= schema.suspects(datas, creating=creating)


@pytest.mark.parametrize("table", sorted(SCHEMA))
def test_a_clean_page_has_no_suspects(table: str) -> None:
    fields = SCHEMA[table].fields
    good = {n: next(v for v in [*sorted(s.choices or ()), *reversed(GOOD[s.kind])]
                    if s.problem(v) is None)
            for n, s in fields.items()}
    datas = [dict(good) for _ in range(50)]
    assert SCHEMA[table].suspects(datas, creating=[True] * 50) == set()
