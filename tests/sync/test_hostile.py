"""What a careless or hostile officer (raw HTTP with their own token), a damaged server record,
or work done while a sync runs must not be able to do: stop other laptops, read or rewrite
what is not theirs, lose anything. One test per failure found by trying exactly that, on
SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import threading
import uuid
from pathlib import Path
from typing import Any, TypeVar

import peewee
import pytest

from liaison_app.core.models import (
    Attachment,
    AuditEntry,
    FollowUp,
    OutboxOp,
    SyncConflict,
    SyncHistory,
    Visit,
)
from liaison_app.core.models.requests import Request
from liaison_app.core.services import requests as rq
from liaison_app.core.services.attachments import AttachmentStore, store_bytes
from sync import client as sync_client
from sync import local
from sync.server.models import (
    LetterNumber,
    Record,
    SeqCounter,
    connection,
    write_transaction,
)
from sync.server.store import server_write
from tests.sync.conftest import WriterThread, new_visit
from tests.sync.hostile import call, push

T = TypeVar("T")


@pytest.fixture
def county(county: dict[str, Any]) -> dict[str, Any]:
    """The county with each officer's enterprise already on the officer's laptop."""
    for name in ("li", "wang"):
        assert county[name].sync().ok
    return county


#: A folder name a path-shaped hash aims at; unique so that no other test's file matches.
ESCAPE = f"escape-{uuid.uuid4().hex[:12]}"


def escaped(tmp_path: Path) -> list[Path]:
    """Folders a path-shaped hash made: ``../`` climbs out of a data folder's attachments, up
    to a few levels above the test's own folder, so look there as well as inside it."""
    above = [parent / ESCAPE for parent in list(tmp_path.parents)[:4]]
    return list(tmp_path.rglob(ESCAPE)) + [path for path in above if path.exists()]


def attach(dev: Any, ent: str, data: bytes, owner: Visit | None = None) -> Attachment:
    dev.use()
    owner = owner or new_visit(ent)
    stored = store_bytes(dev.paths.attachments, data, filename="现场照片.jpg")
    att = Attachment(owner_table="visit", owner_id=owner.id, enterprise=ent,
                     sha256=stored.sha256, filename=stored.filename, size=stored.size)
    att.save(force_insert=True)
    return att


def visit_op(ent: str, **changes: Any) -> dict[str, Any]:
    base = {"enterprise_id": ent, "visit_at": "2025-03-01T09:30:00", "summary": "走访"}
    return {"table": "visit", "changes": {**base, **changes}}


def legacy_record(table: str, record_id: str, data: dict[str, Any]) -> None:
    """A record stored on the server the way a server without validation stored it."""
    with connection(), write_transaction():
        counter = SeqCounter()
        server_write(table=table, record_id=record_id, data=data, counter=counter)
        counter.flush()


# -- the declared schema's reasons, one by one ---------------------------------------------------
def test_each_kind_of_bad_change_is_refused_with_its_own_reason(county: dict[str, Any]) -> None:
    li, wang, centre, url = county["li"], county["wang"], county["centre"], county["server"].url
    wang.use()
    theirs = new_visit(county["e2"], summary="王的走访")
    assert wang.sync().ok
    li.use()
    mine = new_visit(county["e1"], summary="李的走访")
    assert li.sync().ok
    missing = str(uuid.uuid4())

    def follow_up(ent: str, visit_id: str, **extra: Any) -> dict[str, Any]:
        return {"table": "follow_up", "changes": {
            "enterprise_id": ent, "visit_id": visit_id, "text": "回访", **extra}}

    cases = [
        (li, visit_op(county["e1"], colour="红"), "colour", "unknown_field"),
        (li, {"table": "follow_up", "changes": {"enterprise_id": county["e1"],
                                                "visit_id": mine.id}}, "text", "required"),
        (li, visit_op(county["e1"], kind="不是类别"), "kind", "choice"),
        (li, follow_up(county["e1"], missing), "visit_id", "reference_missing"),
        (li, follow_up(county["e1"], theirs.id), "visit_id", "reference_out_of_scope"),
        (centre, follow_up(county["e1"], theirs.id), "visit_id", "reference_other_enterprise"),
    ]
    for dev, op, field, code in cases:
        [result] = push(dev, url, op)
        assert result["status"] == "rejected", (field, code)
        assert {"field": field, "code": code} in result["problems"], (code, result["problems"])
        assert result["text_zh"] and result["text_en"]
    [plain] = push(li, url, follow_up(county["e1"], mine.id))
    assert plain["status"] == "applied"  # the same change with good values goes through


# -- 1. one bad value stops every laptop that can see it ---------------------------------------
@pytest.mark.parametrize("changes,field", [
    ({"visit_at": "not-a-date"}, "visit_at"),
    ({"visit_at": "2025-02-30T09:00:00"}, "visit_at"),
    ({"summary": 42}, "summary"),
    ({"kind": "x" * 30}, "kind"),
    ({"place": "场" * 121}, "place"),
    ({"officer_ids": "not a list"}, "officer_ids"),
])
def test_a_value_other_laptops_could_not_read_is_refused_with_its_field(
        county: dict[str, Any], changes: dict[str, Any], field: str) -> None:
    li, url = county["li"], county["server"].url
    [result] = push(li, url, visit_op(county["e1"], **changes))
    assert result["status"] == "rejected" and result["reason"] == "invalid"
    assert [p["field"] for p in result["problems"]] == [field]
    assert field in result["text_zh"] and field in result["text_en"]
    assert county["centre"].sync().ok


def test_bad_values_among_many_good_ones_are_each_refused_with_their_field(
        county: dict[str, Any]) -> None:
    """A long push is checked a column at a time first: what fails is still found one by
    one, with its own field, and the good records around it are stored."""
    li, url = county["li"], county["server"].url
    bad = [({"visit_at": "not-a-date"}, "visit_at"), ({"visit_at": "2025-02-30T09:00:00"},
           "visit_at"), ({"summary": 42}, "summary"), ({"kind": "x" * 30}, "kind"),
           ({"place": "场" * 121}, "place"), ({"officer_ids": "not a list"}, "officer_ids"),
           ({"colour": "红"}, "colour"), ({"employees": 10**30}, "employees")]
    ops = [visit_op(county["e1"], summary=f"第{n}次走访 𠮷") for n in range(60)]
    for n, (changes, _field) in enumerate(bad):
        ops[7 * n + 3] = visit_op(county["e1"], **changes)
    missing = visit_op(county["e1"])
    del missing["changes"]["visit_at"]
    ops[58] = missing
    results = push(li, url, *ops)
    refused = {n: r for n, r in enumerate(results) if r["status"] != "applied"}
    expected = {7 * n + 3: field for n, (_changes, field) in enumerate(bad)}
    expected[58] = "visit_at"
    assert {n: [p["field"] for p in r["problems"]] for n, r in refused.items()} == {
        n: [field] for n, field in expected.items()}
    assert refused[58]["problems"][0]["code"] == "required"
    assert county["centre"].sync().ok
    county["centre"].use()
    assert Visit.select().where(Visit.summary.contains("𠮷")).count() == 60 - len(expected)


def test_a_number_no_database_holds_is_refused(county: dict[str, Any]) -> None:
    li, url = county["li"], county["server"].url
    li.use()
    version = li.db.execute_sql("SELECT version FROM enterprise WHERE id = ?",
                                (county["e1"],)).fetchone()[0]
    [result] = push(li, url, {"table": "enterprise", "record_id": county["e1"],
                              "creating": False, "base_version": version,
                              "changes": {"employees": 10**30}})
    assert result["status"] == "rejected"
    assert result["problems"] == [{"field": "employees", "code": "out_of_range"}]
    assert county["centre"].sync().ok and county["li"].sync().ok


def test_a_bad_record_already_on_the_server_is_set_aside_and_the_rest_arrives(
        county: dict[str, Any], tmp_path: Path) -> None:
    centre, li = county["centre"], county["li"]
    legacy_record("visit", str(uuid.uuid4()), {"enterprise_id": county["e1"],
                                               "visit_at": "not-a-date", "summary": "坏日期"})
    legacy_record("enterprise", county["e1"], {"employees": 10**30})
    legacy_record("attachment", str(uuid.uuid4()), {
        "enterprise_id": county["e1"], "owner_table": "visit", "owner_id": "x",
        "sha256": f"../../../{ESCAPE}/x", "filename": "x", "size": 1})
    li.use()
    good = new_visit(county["e1"], summary="正常的走访")
    assert li.sync().ok
    report = centre.sync()
    assert report.ok, report.message
    assert report.set_aside == 3
    centre.use()
    assert Visit.get_or_none(Visit.id == good.id) is not None
    status = sync_client.status()
    assert status.set_aside == 3 and status.last_outcome == "ok"
    reasons = {r.table: r.reason_zh for r in local.set_aside_records()}
    assert "visit_at" in reasons["visit"] and "sha256" in reasons["attachment"]
    assert "employees" in reasons["enterprise"]
    assert not escaped(tmp_path)
    again = centre.sync()  # and it stays that way: no sync fails because of them
    assert again.ok and again.set_aside == 0


def test_a_record_an_old_server_stored_with_a_huge_number_can_still_be_corrected(
        county: dict[str, Any]) -> None:
    """The centre sets right what an unvalidated server kept: the record as stored is
    written back with the correction, its other fields untouched."""
    legacy_record("enterprise", county["e1"], {"name": "鲁西化工有限公司", "employees": 10**30})
    [fixed] = push(county["centre"], county["server"].url, {
        "table": "enterprise", "record_id": county["e1"], "creating": False,
        "base_version": 1, "changes": {"town": "城关街道𠮷"}})
    assert fixed["status"] in ("applied", "merged"), fixed
    with connection():
        row = Record.get((Record.table == "enterprise") & (Record.record_id == county["e1"]))
    assert json.loads(row.data)["town"] == "城关街道𠮷"
    assert json.loads(row.data)["employees"] == 10**30


def test_a_crash_inside_a_sync_is_recorded_as_a_failed_sync(
        county: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    centre = county["centre"]
    centre.use()
    before = sync_client.status().last_success
    new_visit(county["e1"])
    monkeypatch.setattr(local, "apply_page", lambda *a, **k: 1 / 0)
    report = centre.sync()
    assert not report.ok and report.outcome == "error"
    centre.use()
    assert sync_client.status().last_success == before
    assert SyncHistory.select().order_by(SyncHistory.id.desc()).first().outcome == "error"
    monkeypatch.undo()
    assert centre.sync().ok


# -- 2. a file attached while a sync is uploading is never sent --------------------------------
def test_a_file_attached_during_the_upload_is_sent_by_the_next_sync(
        county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    first = attach(li, county["e1"], b"first photo" * 1000)
    late: list[Attachment] = []

    def during(progress: sync_client.Progress) -> None:
        if progress.phase == "upload" and not late:
            late.append(attach(li, county["e1"], b"attached meanwhile" * 1000))

    assert li.sync(progress=during).ok and late
    assert li.sync().ok
    report = centre.sync()
    assert report.ok and report.files_down == 2
    for att in (first, late[0]):
        held = AttachmentStore.for_paths(centre.paths).read_bytes(att.sha256)  # decrypted
        assert hashlib.sha256(held).hexdigest() == att.sha256


# -- 3. reading another enterprise's file by its hash ------------------------------------------
@pytest.mark.parametrize("deleted", [False, True])
def test_knowing_a_files_hash_does_not_let_an_officer_read_it(
        county: dict[str, Any], deleted: bool) -> None:
    li, wang, url = county["li"], county["wang"], county["server"].url
    secret = attach(wang, county["e2"], "王的花名册扫描件".encode() * 500)
    assert wang.sync().ok
    status, _ = call(li, url, "GET", f"/attachments/{secret.sha256}")
    assert status == 404
    li.use()
    own_visit = new_visit(county["e1"], summary="李的走访")
    assert li.sync().ok
    [result] = push(li, url, {"table": "attachment", "changes": {
        "enterprise_id": county["e1"], "owner_table": "visit", "owner_id": own_visit.id,
        "sha256": secret.sha256, "filename": "偷看.jpg", "size": 1, "deleted": deleted}})
    assert result["status"] == "rejected"
    assert result["problems"] == [{"field": "sha256", "code": "not_uploaded"}]
    status, _ = call(li, url, "GET", f"/attachments/{secret.sha256}")
    assert status == 404
    assert call(county["centre"], url, "GET", f"/attachments/{secret.sha256}")[0] == 200


def test_a_file_the_officer_may_already_read_can_be_named_again_without_sending_it(
        county: dict[str, Any]) -> None:
    li, url = county["li"], county["server"].url
    first = attach(li, county["e1"], "营业执照副本".encode() * 400)
    assert li.sync().ok
    li.use()
    other = new_visit(county["e1"], summary="再次走访")
    assert li.sync().ok
    [result] = push(li, url, {"table": "attachment", "changes": {
        "enterprise_id": county["e1"], "owner_table": "visit", "owner_id": other.id,
        "sha256": first.sha256, "filename": "营业执照副本.jpg", "size": first.size}})
    assert result["status"] == "applied", result


def test_an_officer_holding_the_same_file_proves_it_by_sending_it(
        county: dict[str, Any]) -> None:
    """The same scan attached by two officers: the second sends it too, and both may read
    it; nobody is refused for a file they really hold."""
    li, wang, url = county["li"], county["wang"], county["server"].url
    data = "统一的申请表模板".encode() * 800
    attach(wang, county["e2"], data)
    assert wang.sync().ok
    mine = attach(li, county["e1"], data)
    report = li.sync()
    assert report.ok and report.files_up == 1 and report.rejected == 0
    assert call(li, url, "GET", f"/attachments/{mine.sha256}")[0] == 200


# -- 4. the print audit can be rewritten -------------------------------------------------------
def audit_entry(dev: Any, ent: str, action: str = "print") -> AuditEntry:
    dev.use()
    entry = AuditEntry(officer_id=dev.officer_id, action=action, record_table="worker",
                       enterprise_id=ent, device_time=dt.datetime(2025, 3, 1, 10),
                       details={"form": "pass_card", "unmasked": True})
    entry.save(force_insert=True)
    return entry


def test_audit_entries_are_append_only_server_stamped_and_scoped(
        county: dict[str, Any]) -> None:
    centre, li, wang, url = county["centre"], county["li"], county["wang"], county["server"].url
    theirs = audit_entry(centre, county["e1"])
    private = audit_entry(wang, "", action="unlock")
    elsewhere = audit_entry(wang, county["e2"])
    mine = audit_entry(li, county["e1"])
    assert centre.sync().ok and wang.sync().ok and li.sync().ok
    li.use()
    stamped = AuditEntry.get_by_id(mine.id)
    assert stamped.server_time is not None and stamped.version == 2  # the server's stamp
    assert AuditEntry.get_or_none(AuditEntry.id == theirs.id) is not None  # its enterprise
    assert AuditEntry.get_or_none(AuditEntry.id == private.id) is None  # wang's own
    assert AuditEntry.get_or_none(AuditEntry.id == elsewhere.id) is None  # wang's enterprise
    for dev, entry in ((li, theirs), (li, mine), (centre, theirs)):
        dev.use()
        version = AuditEntry.get_by_id(entry.id).version
        for changes in ({"details": {"unmasked": False}}, {"deleted": True}):
            [result] = push(dev, url, {"table": "audit_entry", "record_id": entry.id,
                                       "creating": False, "base_version": version,
                                       "changes": changes})
            assert result["status"] == "rejected", (dev.name, changes)
    [forged] = push(li, url, {"table": "audit_entry", "changes": {
        "officer_id": wang.officer_id, "action": "print", "enterprise_id": county["e1"],
        "device_time": "2025-03-01T10:00:00"}})
    assert forged["status"] == "rejected"
    [early] = push(li, url, {"table": "audit_entry", "changes": {
        "officer_id": li.officer_id, "action": "print", "enterprise_id": county["e1"],
        "device_time": "2025-03-01T10:00:00", "server_time": "2000-01-01T00:00:00"}})
    assert early["status"] == "rejected"
    assert centre.sync().ok
    centre.use()
    assert AuditEntry.get_or_none(AuditEntry.id == private.id) is not None
    assert AuditEntry.get_by_id(theirs.id).details["unmasked"] is True


# -- 5. path-shaped hashes ---------------------------------------------------------------------
def test_a_hash_that_is_a_path_is_refused(county: dict[str, Any], tmp_path: Path) -> None:
    li, url = county["li"], county["server"].url
    [result] = push(li, url, {"table": "attachment", "changes": {
        "enterprise_id": county["e1"], "owner_table": "visit", "owner_id": "x",
        "sha256": f"../../tmp/{ESCAPE}/x", "filename": "x.jpg", "size": 1}})
    assert result["status"] == "rejected"
    assert result["problems"] == [{"field": "sha256", "code": "sha256"}]
    for path in (f"/attachments/..%2F..%2F{ESCAPE}", "/attachments/" + "A" * 64):
        assert call(li, url, "GET", path)[0] in (404, 422)
    assert county["centre"].sync().ok
    assert not escaped(tmp_path)


# -- 6. a junk partial upload under someone else's hash ----------------------------------------
def test_junk_sent_under_another_officers_hash_does_not_block_their_upload(
        county: dict[str, Any]) -> None:
    li, wang, url = county["li"], county["wang"], county["server"].url
    data = "王的现场照片".encode() * 20_000
    sha = hashlib.sha256(data).hexdigest()
    status, answer = call(li, url, "PUT", f"/attachments/{sha}?offset=0&total={len(data) * 3}",
                          raw=b"junk" * 100_000,  # longer than the real file
                          headers={"Content-Type": "application/octet-stream"})
    assert status == 200 and answer["complete"] is False
    att = attach(wang, county["e2"], data)
    report = wang.sync()
    assert report.ok and report.files_up == 1 and report.rejected == 0, report.message
    assert call(county["centre"], url, "GET", f"/attachments/{att.sha256}") == (200, data)


def test_a_resume_offset_that_does_not_fit_starts_over(county: dict[str, Any]) -> None:
    li, url = county["li"], county["server"].url
    data = b"x" * 1000
    sha = hashlib.sha256(data).hexdigest()
    hdr = {"Content-Type": "application/octet-stream"}
    assert call(li, url, "PUT", f"/attachments/{sha}?offset=0&total=5000", raw=b"y" * 3000,
                headers=hdr)[0] == 200
    status, answer = call(li, url, "PUT", f"/attachments/{sha}?offset=0&total=1000",
                          raw=data, headers=hdr)
    assert status == 200 and answer["complete"] is True


# -- 7. a delete based on an old version swallows a concurrent edit ----------------------------
@pytest.mark.parametrize("first", ["edit", "delete"])
def test_a_delete_and_a_concurrent_edit_are_both_kept_in_either_order(
        county: dict[str, Any], first: str) -> None:
    li, centre = county["li"], county["centre"]
    li.use()
    visit = new_visit(county["e1"], summary="原始记录")
    assert li.sync().ok and centre.sync().ok

    def edit() -> None:
        centre.use()
        v = Visit.get_by_id(visit.id)
        v.summary = "中心补充：已联系供电公司"
        v.save()
        assert centre.sync().ok

    def delete() -> None:
        li.use()
        Visit.get_by_id(visit.id).soft_delete()
        assert li.sync().ok

    for step in ((edit, delete) if first == "edit" else (delete, edit)):
        step()
    for dev in (li, centre, li):
        assert dev.sync().ok
    states = set()
    for dev in (li, centre):
        dev.use()
        assert Visit.get_by_id(visit.id).summary == "中心补充：已联系供电公司"
        states.add(Visit.get_by_id(visit.id).deleted)
    # Whichever arrived first stands on both laptops alike until a person settles it.
    assert states == {first == "delete"}
    someone = centre if first == "delete" else li
    someone.use()
    assert SyncConflict.select().where((SyncConflict.record_id == visit.id)
                                       & (SyncConflict.field == "deleted")).exists()


# -- 8. saving while a sync runs ---------------------------------------------------------------
def test_saving_while_a_sync_runs_never_fails_either(
        county: dict[str, Any], one_writer: WriterThread) -> None:
    li, centre = county["li"], county["centre"]
    centre.use()
    for n in range(300):
        new_visit(county["e1"], summary=f"中心记录 {n}")
    assert centre.sync().ok
    saved: list[str] = []
    errors: list[BaseException] = []
    for attempt in range(15):
        stop = threading.Event()

        def typing(attempt: int = attempt, stop: threading.Event = stop) -> None:
            li.use()
            n = 0
            while not stop.is_set() or n < 3:
                try:
                    visit = one_writer.run_and_wait(lambda n=n: new_visit(
                        county["e1"], summary=f"同步时保存 {attempt}-{n}"))
                    saved.append(visit.id)
                except BaseException as exc:  # noqa: BLE001 - the assertion below
                    errors.append(exc)
                n += 1

        person = threading.Thread(target=typing)
        person.start()
        report = li.sync()
        stop.set()
        person.join(30)
        assert report.ok, report.message
    assert errors == []
    assert li.sync().ok and li.sync().ok
    li.use()
    assert OutboxOp.select().count() == 0
    assert centre.sync().ok
    centre.use()
    assert Visit.select().where(Visit.id.in_(saved)).count() == len(saved)


# -- 10. an officer creates a letter with a number already issued ------------------------------
def test_letter_numbers_come_only_from_the_server_and_are_unique(
        county: dict[str, Any]) -> None:
    li, centre, url = county["li"], county["centre"], county["server"].url
    li.use()
    first = rq.save(data=rq.RequestInput(enterprise_id=county["e1"], channel="letter",
                                         description="道路开口", addressee="县长"))
    assert li.sync().ok and li.sync().ok
    li.use()
    assert Request.get_by_id(first.id).registration_no == 1
    for dev in (li, centre):
        [result] = push(dev, url, {"table": "request", "changes": {
            "enterprise_id": county["e1"], "channel": "letter", "description": "抢号",
            "accepted_at": "2025-03-01T09:00:00", "addressee": "县长",
            "registration_year": first.registration_year, "registration_no": 1}})
        assert result["status"] == "rejected", dev.name
        assert result["problems"] == [{"field": "registration_no", "code": "server_owned"}]
    with connection(), pytest.raises(peewee.IntegrityError), write_transaction():
        LetterNumber.create(year=first.registration_year, number=1, record_id="x")


# -- 14. a record moved out of an officer's scope ----------------------------------------------
@pytest.mark.parametrize("edited", [False, True])
def test_a_record_moved_to_another_officers_enterprise_leaves_the_old_laptop(
        county: dict[str, Any], edited: bool) -> None:
    li, wang, centre = county["li"], county["wang"], county["centre"]
    li.use()
    visit = new_visit(county["e1"], summary="应属王的企业")
    FollowUp(visit=visit, enterprise=county["e1"], text="三日内回访").save(force_insert=True)
    assert li.sync().ok and centre.sync().ok
    if edited:
        li.use()
        v = Visit.get_by_id(visit.id)
        v.summary = "李在移走前的修改"
        v.save()
    centre.use()
    moved = Visit.get_by_id(visit.id)
    moved.enterprise = county["e2"]
    moved.save()
    assert centre.sync().ok
    report = li.sync()
    assert report.ok, report.message
    li.use()
    if edited:
        assert Visit.get_by_id(visit.id).summary == "李在移走前的修改"
        refused = OutboxOp.get(OutboxOp.record_id == visit.id)
        assert refused.state == "rejected"
        assert json.loads(refused.last_error)["reason"] == "out_of_scope"
    else:
        assert Visit.get_or_none(Visit.id == visit.id) is None
        assert FollowUp.select().count() == 0
    assert wang.sync().ok
    wang.use()
    assert Visit.get_by_id(visit.id).enterprise_id == county["e2"]
    assert [f.enterprise_id for f in FollowUp.select()] == [county["e2"]]
    assert li.sync().ok  # and the next sync of the old laptop is quiet


# -- 15. op ids, centre-owned fields, whose audit entries ---------------------------------------
def test_an_op_id_is_the_devices_own(county: dict[str, Any]) -> None:
    li, wang, url = county["li"], county["wang"], county["server"].url
    op_id = str(uuid.uuid4())
    [a] = push(li, url, {**visit_op(county["e1"], summary="李的"), "op_id": op_id})
    [b] = push(wang, url, {**visit_op(county["e2"], summary="王的"), "op_id": op_id})
    assert a["status"] == b["status"] == "applied"
    centre = county["centre"]
    assert centre.sync().ok
    centre.use()
    assert sorted(v.summary for v in Visit.select()) == ["李的", "王的"]


def test_an_officer_cannot_set_what_the_centre_decides(county: dict[str, Any]) -> None:
    li, url = county["li"], county["server"].url
    li.use()
    req = rq.save(data=rq.RequestInput(enterprise_id=county["e1"], description="用电增容"))
    assert li.sync().ok
    li.use()
    version = Request.get_by_id(req.id).version
    [result] = push(li, url, {"table": "request", "record_id": req.id, "creating": False,
                              "base_version": version,
                              "changes": {"lead_department_id": "", "resolution": "已解决"}})
    assert result["status"] == "rejected" and result["reason"] == "field_not_allowed"
    assert result["problems"] == [{"field": "resolution", "code": "centre_owned"}]
    [ok] = push(li, url, {"table": "request", "record_id": req.id, "creating": False,
                          "base_version": version, "changes": {"description": "用电增容，急"}})
    assert ok["status"] == "applied"


# -- what this laptop itself could not send --------------------------------------------------
def test_a_change_with_text_no_database_holds_steps_aside_on_the_laptop(
        county: dict[str, Any]) -> None:
    """Pasted text with a NUL would make the server refuse the whole batch, every sync."""
    li = county["li"]
    li.use()
    bad = new_visit(county["e1"], summary="粘贴的文字\x00后半段")
    good = new_visit(county["e1"], summary="正常的走访")
    report = li.sync()
    assert report.ok and report.rejected == 1 and report.pushed == 1, report.message
    li.use()
    refused = OutboxOp.get(OutboxOp.record_id == bad.id)
    assert refused.state == "rejected"
    assert "summary" in json.loads(refused.last_error)["zh"]
    assert OutboxOp.get_or_none(OutboxOp.record_id == good.id) is None
    assert county["centre"].sync().ok
    county["centre"].use()
    assert Visit.get_or_none(Visit.id == good.id) is not None


def test_a_long_queue_is_sent_in_batches_the_server_takes(
        county: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from sync import protocol as p

    li = county["li"]
    li.use()
    from sync.transport import Transport

    monkeypatch.setattr(p, "DEFAULT_MAX_BODY", 400_000)  # the laptop cuts at a quarter
    batches: list[int] = []
    call = Transport.call

    def counting(self: Transport, method: str, path: str, body: Any = None, **kw: Any) -> Any:
        if path == "/sync/push":
            sent = body if body is not None else json.loads(gzip.decompress(kw["encoded"]))
            batches.append(len(sent["ops"]))
        return call(self, method, path, body, **kw)

    monkeypatch.setattr(Transport, "call", counting)
    for n in range(40):
        new_visit(county["e1"], summary=f"{n} " + "长" * 9_000)
    report = li.sync()
    assert report.ok and report.pushed == 40 and report.rejected == 0, report.message
    assert sum(batches) == 40 and len(batches) >= 4 and max(batches) <= 11, batches
