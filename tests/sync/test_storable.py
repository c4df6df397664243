"""Before a push, the laptop finds what no database could store for a whole batch at once
(``all_storable``); only when that says no does it look at each change, so the quick answer
must never pass a change that the one-by-one look refuses."""
from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sync.schema import all_storable, clean_text, json_size

_TEXT = st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x2FFFF))
_SCALARS = (st.none() | st.booleans() | st.floats()
            | st.integers(min_value=-(2**70), max_value=2**70) | _TEXT)
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(_TEXT, inner, max_size=4), max_leaves=12)
_CHANGES = st.dictionaries(_TEXT | st.integers(), _VALUES, max_size=6)


def _each_storable(changes: dict[Any, Any]) -> bool:
    return all(isinstance(k, str) and clean_text(k) and json_size(v) >= 0
               for k, v in changes.items())


@settings(max_examples=400, deadline=None)
@given(batch=st.lists(_CHANGES, max_size=8))
def test_the_quick_answer_never_passes_what_the_one_by_one_look_refuses(
        batch: list[dict[Any, Any]]) -> None:
    if all_storable(batch):
        assert all(_each_storable(changes) for changes in batch)


def test_a_clean_batch_passes_and_each_kind_of_bad_value_fails_it() -> None:
    good = [{"summary": "走访 𠮷", "employees": 2**63 - 1, "tags": ["甲", {"k": 1.5}],
             "deleted": False, "note": None}] * 50
    assert all_storable(good)
    for bad in ({"summary": "a\x00b"}, {"summary": "\ud800"}, {"employees": 2**63},
                {"tags": ["\udc00"]}, {"坏\x00": 1}, {3: "x"}):
        assert not all_storable([*good, bad]), bad
