from __future__ import annotations

import pytest

from liaison_app.core.masking import mask_id_number, mask_phone


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("370101199001011234", "370101********1234"),
        ("11010519491231002x", "110105********002X"),
        (" 3701 0119 9001 0112 34 ", "370101********1234"),
        ("", ""),
        (None, ""),
    ],
)
def test_id_numbers_keep_first_six_and_last_four(raw: str | None, masked: str) -> None:
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize("raw", ["12345", "1234567", "370101", "37010119900101", "A12345678"])
def test_short_or_odd_ids_never_reveal_more_than_they_hide(raw: str) -> None:
    masked = mask_id_number(raw)
    shown = [ch for ch in masked if ch != "*"]
    assert masked.count("*") >= len(shown)
    assert raw not in masked
    assert len(shown) <= 10


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812341234", "138****1234"),
        ("+86 138-1234-1234", "138****1234"),
        ("008613812341234", "138****1234"),
        ("", ""),
    ],
)
def test_phones_keep_first_three_and_last_four(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


@pytest.mark.parametrize("raw", ["12345", "1234567", "05341234"])
def test_short_phones_show_at_most_two_digits(raw: str) -> None:
    masked = mask_phone(raw)
    assert len([ch for ch in masked if ch != "*"]) <= 2
    assert raw not in masked
