from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core.validation import (
    Severity,
    check_phone,
    check_resident_id,
    check_uscc,
    id_check_char,
    normalize_phone,
    uscc_check_char,
)


@pytest.mark.parametrize("code", ["91110000600037341L", "91371082775260043P"])
def test_valid_usccs_from_the_standard_pass(code):
    assert check_uscc(code) == []
    assert uscc_check_char(code[:17]) == code[17]


def test_uscc_typed_in_lower_case_or_full_width_is_accepted():
    assert check_uscc("91110000600037341l") == []
    assert check_uscc("９１１１００００６０００３７３４１Ｌ") == []


def test_uscc_with_wrong_check_character_is_a_warning_naming_the_expected_one():
    findings = check_uscc("91110000600037341M")
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "L" in findings[0].message.text() and "M" in findings[0].message.text()


@pytest.mark.parametrize("bad,char,pos", [("91110000600O37341L", "O", 12),
                                          ("9111000060003734IL", "I", 17),
                                          ("91110000600037341Z", "Z", 18)])
def test_uscc_with_impossible_character_is_an_error_naming_it(bad, char, pos):
    findings = check_uscc(bad)
    assert len(findings) == 1 and findings[0].is_error
    text = findings[0].message.text()
    assert f"\u201c{char}\u201d" in text and str(pos) in text


def test_uscc_of_wrong_length_is_an_error_with_the_count():
    findings = check_uscc("9111000060003734")
    assert findings[0].is_error and "16" in findings[0].message.text()


@pytest.mark.parametrize("number", ["11010519491231002X", "360426199101010071"])
def test_valid_resident_ids_pass(number):
    assert check_resident_id(number) == []
    assert id_check_char(number[:17]) == number[17]


def test_resident_id_with_wrong_check_character_is_an_error():
    findings = check_resident_id("110105194912310021")
    assert findings[0].is_error
    assert "X" in findings[0].message.text()


def test_resident_id_with_impossible_birth_date_is_an_error():
    body = "11010519490231002"  # 31 February
    number = body + id_check_char(body)
    findings = check_resident_id(number)
    assert findings and "19490231" in findings[0].message.text()


def test_resident_id_born_in_the_future_is_an_error():
    body = "11010520991231002"
    findings = check_resident_id(body + id_check_char(body), today=dt.date(2026, 1, 1))
    assert findings and findings[0].is_error


def test_resident_id_with_retired_area_code_is_accepted():
    body = "37142519800101123"  # an area code that may no longer exist is still valid
    assert check_resident_id(body + id_check_char(body)) == []


def test_resident_id_with_letter_in_body_names_the_position():
    findings = check_resident_id("1101051949A231002X")
    assert "11" in findings[0].message.text() and "A" in findings[0].message.text()


@pytest.mark.parametrize("phone", ["13812345678", "+86 138 1234 5678", "0086-13812345678",
                                   "138-1234-5678", "0534-1234567", "05341234567"])
def test_phone_numbers_people_type_are_accepted(phone):
    assert check_phone(phone) == []


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "abc", "138123456789"])
def test_bad_phone_numbers_are_errors_quoting_the_input(phone):
    findings = check_phone(phone)
    assert findings and findings[0].is_error and phone in findings[0].message.text()


def test_landline_refused_where_a_mobile_is_required():
    assert check_phone("0534-1234567", allow_landline=False)


def test_normalize_phone_strips_country_code_and_separators():
    assert normalize_phone("+86 138-1234-5678") == "13812345678"
