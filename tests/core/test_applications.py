"""Applications: statuses with history, pass numbers and check codes, reissue and revocation."""
from __future__ import annotations

import datetime as dt

import pytest

from liaison_app.core.models import IssuedPass
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import applications as apps
from liaison_app.core.services import passes, roster
from liaison_app.core.services.applications import ApplicationInput
from liaison_app.core.services.errors import ServiceError, ValidationFailed

from .test_roster_samples import add_workers, enterprise

START, END = dt.date(2024, 3, 1), dt.date(2024, 3, 31)


def _pass_app(enterprise_id: str, worker_ids: list[str]) -> str:
    return apps.save(data=ApplicationInput(
        kind="pass", enterprise_id=enterprise_id, period_start=START, period_end=END,
        areas=["经济开发区"], worker_ids=worker_ids, details={"reason": "通勤"})).id


def test_pass_application_validation(store: DataPaths) -> None:
    ent = enterprise()
    with pytest.raises(ValidationFailed) as err:
        apps.save(data=ApplicationInput(kind="pass", enterprise_id=ent.id, period_start=END,
                                        period_end=START))
    assert {f.field for f in err.value.errors} == {"period", "areas", "worker_ids"}
    with pytest.raises(ValidationFailed):
        apps.save(data=ApplicationInput(kind="procedure", enterprise_id=ent.id,
                                        details={"project_name": "x", "items": []}))


def test_status_flow_and_history(store: DataPaths) -> None:
    ent = enterprise()
    app_id = _pass_app(ent.id, add_workers(ent.id, 3))
    app = apps.get(record_id=app_id)
    assert app.status == "draft" and app.application_no.startswith("SQ-")
    with pytest.raises(ServiceError):
        apps.set_status(record_id=app_id, status="approved")
    apps.mark_printed(record_id=app_id)
    apps.set_status(record_id=app_id, status="submitted", note="交县指挥部")
    with pytest.raises(ServiceError):
        apps.save(data=apps.load_input(record_id=app_id), record_id=app_id)
    apps.set_status(record_id=app_id, status="approved")
    history = apps.get(record_id=app_id).history
    assert [h["status"] for h in history] == ["draft", "printed", "submitted", "approved"]
    assert history[2]["note"] == "交县指挥部"
    with pytest.raises(ServiceError):
        apps.soft_delete(record_id=app_id)
    row = apps.list_applications(enterprise_id=ent.id)[0]
    assert (row.status, row.workers) == ("approved", 3)


def test_edit_after_printing_goes_back_to_draft(store: DataPaths) -> None:
    ent = enterprise()
    workers = add_workers(ent.id, 3)
    app_id = _pass_app(ent.id, workers[:2])
    apps.mark_printed(record_id=app_id)
    data = apps.load_input(record_id=app_id)
    data.worker_ids = workers
    apps.save(data=data, record_id=app_id)
    assert apps.get(record_id=app_id).status == "draft"


def test_pass_numbers_unique_and_codes_provisional_until_signed(store: DataPaths) -> None:
    ent = enterprise()
    workers = add_workers(ent.id, 5)
    first = apps.issue_passes(record_id=_pass_app(ent.id, workers))
    second = apps.issue_passes(record_id=_pass_app(ent.id, workers[:2]))
    numbers = [p.pass_no for p in first + second]
    assert len(set(numbers)) == 7
    tag = apps.issuer_tag()
    assert all(n.startswith(tag + "-") for n in numbers)
    p = first[0]
    worker = roster.get(record_id=p.worker_id)
    # The code shows the holder masked, never the full ID number, and is unsigned until
    # the server signs it.
    code = passes.code_of(p)
    assert worker.id_number not in code.text
    assert worker.id_number[-4:] in code.holder and worker.name[0] in code.holder
    assert code.provisional and passes.check_text(code.text).outcome is passes.Outcome.PROVISIONAL
    # Issuing again gives the same passes, not new ones.
    again = apps.issue_passes(record_id=first[0].application_id)
    assert [x.pass_no for x in again] == [x.pass_no for x in first]


def test_reissue_and_revoke(store: DataPaths) -> None:
    ent = enterprise()
    workers = add_workers(ent.id, 3)
    app_id = _pass_app(ent.id, workers)
    passes = apps.issue_passes(record_id=app_id)
    new = apps.reissue_pass(pass_id=passes[0].id, reason="遗失")
    old = IssuedPass.get_by_id(passes[0].id)
    assert old.state == "revoked" and old.revoke_reason == "遗失"
    assert new.replaces == old.id and new.pass_no != old.pass_no
    apps.revoke_pass(pass_id=passes[1].id, reason="离职")
    with pytest.raises(ServiceError):
        apps.revoke_pass(pass_id=passes[1].id, reason="again")
    rows = apps.list_passes(record_id=app_id)
    assert [r.state for r in rows].count("revoked") == 2 and len(rows) == 4
    # Issuing again gives the revoked worker (still on the application) a fresh pass.
    active = apps.issue_passes(record_id=app_id)
    assert len(active) == 3 and passes[1].pass_no not in {p.pass_no for p in active}


def test_a_pass_from_before_signatures_gets_its_holder_when_printed(store: DataPaths) -> None:
    ent = enterprise()
    workers = add_workers(ent.id, 2)
    app_id = _pass_app(ent.id, workers)
    [p, q] = apps.issue_passes(record_id=app_id)
    # As schema 10 left it: no holder or unit, never signable.
    IssuedPass.update(holder="", unit="").where(IssuedPass.id == p.id).execute()
    again = apps.issue_passes(record_id=app_id)
    assert [x.pass_no for x in again] == [p.pass_no, q.pass_no]
    rec = IssuedPass.get_by_id(p.id)
    worker = roster.get(record_id=rec.worker_id)
    assert rec.holder == passes.holder_of(name=worker.name, id_number=worker.id_number)
    assert rec.unit == ent.name
