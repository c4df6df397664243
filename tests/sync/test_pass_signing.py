"""Passes signed by the county: the server holds the key and signs each pass as it arrives;
any laptop of the county verifies it offline with the public key it pulled, and learns of a
revocation made on another officer's laptop."""
from __future__ import annotations

import datetime as dt
import json
import stat
from typing import Any

from liaison_app.core.models import CountyKey, IssuedPass
from liaison_app.core.services import applications as apps
from liaison_app.core.services import passes, roster
from sync.server import pass_keys
from sync.server.models import Record, connection
from tests import days
from tests.core.test_roster_samples import make_id

TODAY = days.TODAY


def issue(dev: Any, enterprise_id: str, names: list[str]) -> list[IssuedPass]:
    dev.use()
    ids = [roster.create(enterprise_id=enterprise_id, data=roster.WorkerInput(
        name=name, id_number=make_id(n + len(IssuedPass.select())), workshop="一车间")).id
        for n, name in enumerate(names)]
    app = apps.save(data=apps.ApplicationInput(
        kind="pass", enterprise_id=enterprise_id, period_start=TODAY - dt.timedelta(days=1),
        period_end=TODAY + dt.timedelta(days=30), areas=["厂区"], worker_ids=ids,
        details={"reason": "通勤"}))
    return apps.issue_passes(record_id=app.id)


def code(dev: Any, pass_id: str) -> str:
    dev.use()
    return passes.code_of(IssuedPass.get_by_id(pass_id)).text


def check(dev: Any, text: str) -> passes.Outcome:
    dev.use()
    return passes.check_text(text).outcome


def test_server_signs_and_every_laptop_verifies_offline(county: dict[str, Any]) -> None:
    server, li, wang = county["server"], county["li"], county["wang"]
    data_dir = server.config.data_dir
    with connection():
        first_key = pass_keys.create_key(data_dir)
    pem = data_dir / "pass-keys" / f"{first_key.key_id}.pem"
    assert stat.S_IMODE(pem.stat().st_mode) == 0o600
    assert li.sync().ok and wang.sync().ok

    [p] = issue(li, county["e1"], ["𠮷田㛃"])
    provisional = code(li, p.id)
    assert check(li, provisional) is passes.Outcome.PROVISIONAL
    assert li.sync().ok
    li.use()
    signed = IssuedPass.get_by_id(p.id)
    assert signed.sign_key_id == first_key.key_id and signed.signature
    text = code(li, p.id)
    assert "𠮷*㛃" in text and make_id(0)[:6] in text and make_id(0) not in text
    assert check(li, text) is passes.Outcome.VALID

    # Wang's laptop never sees li's enterprise or its passes, yet verifies the card offline.
    assert wang.sync().ok
    wang.use()
    assert IssuedPass.get_or_none(IssuedPass.id == p.id) is None
    assert CountyKey.select().count() == 1
    assert check(wang, text) is passes.Outcome.VALID
    assert check(wang, text.replace("𠮷*㛃", "王*明")) is passes.Outcome.FORGED

    # Revoked on li's laptop: wang's checker says so after its next sync.
    li.use()
    apps.revoke_pass(pass_id=p.id, reason="遗失")
    assert li.sync().ok and wang.sync().ok
    assert check(wang, text) is passes.Outcome.REVOKED

    # After a rotation new passes carry the new key; the old pass's key still verifies.
    with connection():
        second_key = pass_keys.create_key(data_dir)
    [q] = issue(li, county["e1"], ["张三"])
    assert li.sync().ok and wang.sync().ok
    li.use()
    assert IssuedPass.get_by_id(q.id).sign_key_id == second_key.key_id
    assert check(wang, code(li, q.id)) is passes.Outcome.VALID
    wang.use()
    old = CountyKey.get(CountyKey.key_id == first_key.key_id)
    assert old.retired_on == TODAY

    # The private key never reaches the database the laptops sync from.
    private = pem.read_bytes().decode()
    with connection():
        for rec in Record.select().where(Record.table == "county_key"):
            data = json.loads(rec.data)
            assert set(data) >= {"key_id", "public_key"}
            assert "PRIVATE" not in rec.data and private.splitlines()[1] not in rec.data


def test_an_officer_cannot_sign_a_pass_or_revoke_another_enterprises(
        county: dict[str, Any]) -> None:
    server, li, wang = county["server"], county["li"], county["wang"]
    with connection():
        pass_keys.create_key(server.config.data_dir)
    assert li.sync().ok and wang.sync().ok
    [p] = issue(li, county["e1"], ["李四"])
    li.use()
    rec = IssuedPass.get_by_id(p.id)
    rec.signature, rec.sign_key_id = "A" * 86, "deadbeef"
    rec.save()
    report = li.sync()
    # The laptop's own "signature" is refused; the server keeps the one it made.
    assert report.rejected == 1
    with connection():
        stored = json.loads(Record.get((Record.table == "issued_pass")
                                       & (Record.record_id == p.id)).data)
    assert stored["sign_key_id"] not in ("", "deadbeef") and stored["signature"] != "A" * 86
    # Wang names li's pass in a revocation: the server refuses it (not his enterprise).
    wang.use()
    from liaison_app.core.models import PassRevocation

    PassRevocation.create(pass_id=p.id, pass_no=p.pass_no, revoked_on=TODAY, reason="恶意")
    wang.sync()
    with connection():
        assert not Record.select().where(Record.table == "pass_revocation").exists()
