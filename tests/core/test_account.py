"""The officer is known: the account decides officer and role; the officer's own profile
gives the agent's ID number on the power of attorney; prints say who printed them, or that
the laptop is not signed in."""
from __future__ import annotations

import pytest

from liaison_app.core import context
from liaison_app.core.models import LocalState, Officer
from liaison_app.core.services import account, printing
from liaison_app.core.services import requests as rq
from liaison_app.core.services.errors import ValidationFailed
from tests.core.test_printing_proxy import _text
from tests.core.test_printing_proxy import case as case  # noqa: F401 - fixture

ID_NUMBER = "360426199101010071"


def _sign_in_as(officer: Officer, role: str = "liaison") -> None:
    LocalState.set_value(account.KEY_ACCOUNT, {
        "username": "zhang", "officer_id": officer.id, "role": role,
        "server_url": "https://liaison.example", "device_id": "d", "token_store": "database",
        "ca_cert": None})
    account.act_as_account()


def test_the_account_decides_officer_and_role_not_the_local_table(store):
    officer = Officer(name="张代办", role="center")  # the local table says centre
    officer.save(force_insert=True)
    assert account.whoami().has_account is False
    _sign_in_as(officer, role="liaison")
    me = account.whoami()
    assert me.has_account and me.name == "张代办" and me.role == "liaison"
    assert context.current_officer_id() == officer.id
    assert rq.current_role() == "liaison"  # the account's, not the table's "center"
    context.set_actor(officer_id="")


def test_the_profile_is_checked_and_kept(store):
    with pytest.raises(ValidationFailed):
        account.save_profile(profile=account.Profile(id_number="360426199101010072"))
    saved = account.save_profile(profile=account.Profile(
        name=" 张代办 ", id_number=ID_NUMBER.lower(), phone="138 0000 1111"))
    assert saved.name == "张代办" and saved.id_number == ID_NUMBER
    assert account.get_profile().id_number == ID_NUMBER


def test_the_power_of_attorney_carries_the_officers_own_id_number(case, tmp_path):  # noqa: F811
    officer = Officer.get_by_id(case.officer_id)
    _sign_in_as(officer)
    account.save_profile(profile=account.Profile(id_number=ID_NUMBER))
    masked = tmp_path / "masked.pdf"
    printing.print_to_file(form_id="power_of_attorney", record_id=case.id, out=masked)
    text = _text(masked)
    assert "代办员" in text and "360426********0071" in text and ID_NUMBER not in text
    assert "打印人：张代办" in text
    full = tmp_path / "full.pdf"
    printing.print_to_file(form_id="power_of_attorney", record_id=case.id, out=full,
                           unmasked=True)
    assert ID_NUMBER in _text(full)
    # Another officer's laptop does not know this officer's number.
    LocalState.set_value(account.KEY_ACCOUNT, {"username": "li", "officer_id": "someone-else",
                                               "role": "liaison"})
    other = tmp_path / "other.pdf"
    printing.print_to_file(form_id="power_of_attorney", record_id=case.id, out=other,
                           unmasked=True)
    assert ID_NUMBER not in _text(other)
    context.set_actor(officer_id="")


def test_a_laptop_nobody_signed_in_to_says_so_on_the_print(case, tmp_path):  # noqa: F811
    out = tmp_path / "demo.pdf"
    printing.print_to_file(form_id="power_of_attorney", record_id=case.id, out=out)
    assert "未登录设备打印·仅供演示" in _text(out)

