"""More of what a hostile officer, a damaged server record or a sync racing a person must not
be able to do: stop a laptop, read or rewrite what is not theirs, lose anything."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

from liaison_app.core.models import Attachment, Enterprise, OutboxOp, Visit
from liaison_app.core.models.requests import Request
from liaison_app.core.services import requests as rq
from liaison_app.core.services.attachments import store_bytes
from tests.sync.conftest import new_visit
from tests.sync.hostile import push
from tests.sync.test_hostile import attach, legacy_record, visit_op


@pytest.fixture
def county(county: dict[str, Any]) -> dict[str, Any]:
    for name in ("li", "wang"):
        assert county[name].sync().ok
    return county


def test_an_empty_parent_reference_is_refused_and_stops_no_laptop(
        county: dict[str, Any]) -> None:
    """A follow-up whose visit is "" names no visit: the server must refuse it, since every
    laptop that pulls it cannot store it (the foreign key fails when the page commits)."""
    centre, li, url = county["centre"], county["li"], county["server"].url
    [result] = push(li, url, {"table": "follow_up", "changes": {
        "visit_id": "", "enterprise_id": county["e1"], "text": "跟进"}})
    report = centre.sync()
    assert report.ok, report.message
    assert result["status"] == "rejected", result


def test_a_record_under_one_set_aside_waits_instead_of_stopping_the_sync(
        county: dict[str, Any]) -> None:
    """A damaged visit is set aside; its follow-up, in the same page, must wait for it (or be
    set aside too) rather than make the whole page fail at commit, sync after sync."""
    centre = county["centre"]
    visit_id = str(uuid.uuid4())
    legacy_record("visit", visit_id, {"enterprise_id": county["e1"],
                                      "visit_at": "not-a-date", "summary": "坏日期"})
    legacy_record("follow_up", str(uuid.uuid4()), {
        "visit_id": visit_id, "enterprise_id": county["e1"], "text": "跟进"})
    first = centre.sync()
    assert first.ok, first.message
    assert first.set_aside >= 1
    assert centre.sync().ok


def test_a_record_id_the_server_takes_is_one_every_laptop_keeps(
        county: dict[str, Any]) -> None:
    """The server takes ids of up to 64 characters; a laptop drops any longer than 36 without
    a word (not set aside, not counted), so its counts never match and every sync pulls the
    whole table again."""
    centre, li, url = county["centre"], county["li"], county["server"].url
    long_id = "v" * 40
    [result] = push(li, url, {**visit_op(county["e1"]), "record_id": long_id})
    if result["status"] == "rejected":
        return  # refused with a reason: nothing for a laptop to lose
    first = centre.sync()
    assert first.ok, first.message
    centre.use()
    here = Visit.get_or_none(Visit.id == long_id) is not None
    assert here or first.set_aside == 1, "the record vanished without a word"
    second = centre.sync()
    assert second.ok and second.repulled == [], second.repulled


def test_a_record_under_a_parent_of_another_enterprise_is_refused(
        county: dict[str, Any], make_device: Any) -> None:
    """An officer with two enterprises files a follow-up in one under a visit of the other.
    Another officer of the first enterprise can never receive the visit: the follow-up waits
    on that laptop for good, its counts never match, and every sync pulls the whole
    follow-up table again. A parent must be in the record's own enterprise."""
    server, li, url = county["server"], county["li"], county["server"].url
    server.assign("li", [county["e2"]])
    server.add_user("zhao", "liaison")
    server.assign("zhao", [county["e1"]])
    zhao = make_device("zhao-laptop")
    zhao.login(server, "zhao")
    assert li.sync().ok
    visit_id = str(uuid.uuid4())
    [v, f] = push(li, url, {**visit_op(county["e2"]), "record_id": visit_id},
                  {"table": "follow_up", "changes": {
                      "visit_id": visit_id, "enterprise_id": county["e1"], "text": "跟进"}})
    assert v["status"] == "applied"
    if f["status"] == "rejected":
        return
    first = zhao.sync()
    assert first.ok, first.message
    second = zhao.sync()
    assert second.ok and second.repulled == [], second.repulled


def test_a_visits_photos_move_with_it(county: dict[str, Any]) -> None:
    """The centre moves a visit to another officer's enterprise: its follow-ups move with it,
    but its attachments (named by owner, not by a foreign key) stay behind in the old
    enterprise. The old officer keeps the photos of a visit no longer theirs; the new one
    gets the visit without them."""
    li, wang, centre = county["li"], county["wang"], county["centre"]
    li.use()
    visit = new_visit(county["e1"], summary="应属王的企业")
    photo = attach(li, county["e1"], b"photo of the site", owner=visit)
    assert li.sync().ok and centre.sync().ok
    centre.use()
    moved = Visit.get_by_id(visit.id)
    moved.enterprise = county["e2"]
    moved.save()
    assert centre.sync().ok
    assert li.sync().ok and wang.sync().ok
    wang.use()
    assert Attachment.get_or_none(Attachment.id == photo.id) is not None, \
        "the visit arrived without its photo"
    li.use()
    assert Attachment.get_or_none(Attachment.id == photo.id) is None, \
        "the old officer keeps the photo of a visit no longer theirs"


def test_a_letters_year_cannot_be_moved_onto_a_number_already_issued(
        county: dict[str, Any]) -> None:
    """The register's number is the server's, but the year it counts in is not: an officer
    who moves a numbered letter to another year gives it a number that year has issued
    already, and the register holds the same number twice."""
    li, centre, url = county["li"], county["centre"], county["server"].url

    def letter(year: int) -> str:
        rid = str(uuid.uuid4())
        [r] = push(li, url, {"table": "request", "record_id": rid, "changes": {
            "enterprise_id": county["e1"], "channel": "letter", "description": "直通车",
            "accepted_at": "2025-03-01T09:00:00", "addressee": "县长",
            "registration_year": year}})
        assert r["status"] == "applied", r
        return rid

    first, second = letter(2024), letter(2025)
    [moved] = push(li, url, {"table": "request", "record_id": first, "creating": False,
                             "base_version": 2, "changes": {"registration_year": 2025}})
    assert centre.sync().ok
    centre.use()
    numbers = [(r.registration_year, r.registration_no)
               for r in Request.select().where(Request.id.in_([first, second]))]
    assert len(set(numbers)) == 2, f"{moved['status']}: {numbers}"


def test_an_officer_cannot_hang_records_on_another_enterprises_request(
        county: dict[str, Any]) -> None:
    """Wang (德州面粉厂) files, under his own enterprise, a file and a timeline step whose
    owner is a request of Li's enterprise. The centre then shows a dispatch nobody made in
    that request's history, and a stranger's file among its attachments."""
    li, wang, centre, url = county["li"], county["wang"], county["centre"], county["server"].url
    li.use()
    req = rq.save(data=rq.RequestInput(enterprise_id=county["e1"], channel="visit",
                                       description="用电紧张"))
    assert li.sync().ok
    wang.use()
    stored = store_bytes(wang.paths.attachments, b"not li's file", filename="x.jpg")
    Attachment(owner_table="request", owner_id=req.id, enterprise=county["e2"],
               sha256=stored.sha256, filename=stored.filename, size=stored.size
               ).save(force_insert=True)
    assert wang.sync().ok
    results = push(wang, url, {"table": "timeline_event", "changes": {
        "owner_table": "request", "owner_id": req.id, "enterprise_id": county["e2"],
        "action": "dispatch", "at": "2025-03-02T10:00:00", "note": "已派单",
        "actor_id": centre.officer_id}})
    assert centre.sync().ok
    centre.use()
    forged = [e for e in rq.timeline(owner_id=req.id) if e.note == "已派单"]
    assert rq.attachments_of(owner_table="request", owner_id=req.id) == [], \
        "a file from another enterprise's officer shows among the request's attachments"
    assert results[0]["status"] == "rejected" or forged == [], \
        "a step from another enterprise's officer shows in the request's history"


def test_a_request_history_written_by_the_centre_cannot_be_rewritten_by_an_officer(
        county: dict[str, Any]) -> None:
    """Timeline steps are the request's history (its model calls them append-only, and the
    dispatch sheet names the dispatcher from them), yet an officer may edit or delete the
    centre's steps like any record of their enterprise."""
    li, centre, url = county["li"], county["centre"], county["server"].url
    li.use()
    req = rq.save(data=rq.RequestInput(enterprise_id=county["e1"], channel="visit",
                                       description="用电紧张"))
    assert li.sync().ok
    step = str(uuid.uuid4())
    [made] = push(centre, url, {"table": "timeline_event", "record_id": step, "changes": {
        "owner_table": "request", "owner_id": req.id, "enterprise_id": county["e1"],
        "action": "dispatch", "at": "2025-03-02T10:00:00", "note": "派往供电公司",
        "actor_id": centre.officer_id}})
    assert made["status"] == "applied"
    [rewritten, deleted] = push(
        li, url,
        {"table": "timeline_event", "record_id": step, "creating": False, "base_version": 1,
         "changes": {"note": "从未派单", "actor_id": li.officer_id}},
        {"table": "timeline_event", "record_id": step, "creating": False, "base_version": 2,
         "changes": {"deleted": True}})
    assert (rewritten["status"], deleted["status"]) == ("rejected", "rejected")


def test_a_letter_recorded_and_withdrawn_between_two_syncs_is_simply_withdrawn(
        county: dict[str, Any]) -> None:
    """An officer records a letter by mistake and deletes it before the next sync. Both
    changes are this laptop's own, made in order; the number the server stamps on arrival
    is no edit anybody made concurrently, yet it turns the delete into a conflict: the
    letter stays, numbered, and a person is asked to settle a conflict with nobody."""
    li, centre = county["li"], county["centre"]
    li.use()
    letter = rq.save(data=rq.RequestInput(enterprise_id=county["e1"], channel="letter",
                                          description="写错了", addressee="县长"))
    rq.soft_delete(record_id=letter.id)
    report = li.sync()
    assert report.ok, report.message
    assert report.conflicts == 0
    assert centre.sync().ok
    centre.use()
    assert Request.get_by_id(letter.id).deleted


def test_one_damaged_file_on_the_laptop_does_not_hold_up_every_change(
        county: dict[str, Any]) -> None:
    """A file in the laptop's attachment folder no longer matches its hash (a disk error, a
    virus scanner, a person editing it in place). The server refuses its upload each time,
    and because files go up before changes, not one change of this laptop reaches the server
    again: every sync fails at the same file."""
    li = county["li"]
    photo = attach(li, county["e1"], b"the site as it was")
    path = li.paths.attachments / photo.sha256[:2] / photo.sha256
    path = path if path.exists() else next(li.paths.attachments.rglob(photo.sha256))
    path.write_bytes(b"the site as it was, damaged")
    li.use()
    later = new_visit(county["e1"], summary="文件损坏之后的走访")
    report = li.sync()
    assert report.ok or report.pushed > 0, report.message
    li.use()
    assert OutboxOp.get_or_none(OutboxOp.record_id == later.id) is None, \
        "a change unrelated to the damaged file was never sent"


def test_an_officer_cannot_take_a_colleague_off_a_shared_enterprise(
        county: dict[str, Any]) -> None:
    """Who looks after an enterprise is the centre's assignment; the laptop reads it from
    ``officer_ids`` ("my" requests, who may enter its evaluation sheets). An officer who
    shares an enterprise may rewrite that list and take the colleague off it everywhere."""
    server, li, wang, url = county["server"], county["li"], county["wang"], county["server"].url
    server.assign("wang", [county["e1"]])
    assert wang.sync().ok and li.sync().ok
    li.use()
    version = Enterprise.get_by_id(county["e1"]).version
    [result] = push(li, url, {"table": "enterprise", "record_id": county["e1"],
                              "creating": False, "base_version": version,
                              "changes": {"officer_ids": [li.officer_id]}})
    assert wang.sync().ok
    wang.use()
    assert wang.officer_id in Enterprise.get_by_id(county["e1"]).officer_ids, result["status"]


def test_a_refused_change_stays_in_the_record_until_the_person_fixes_it(
        county: dict[str, Any]) -> None:
    """A change the laptop refuses to send (pasted text with a NUL) tells the person to edit
    the record. But once refused, its field is no longer protected: the next time anyone
    changes another field of the record, the pull puts the server's old text back, and
    what the officer wrote survives only inside the refused change, which no screen shows."""
    li, centre = county["li"], county["centre"]
    li.use()
    visit = new_visit(county["e1"], summary="原来的记录")
    assert li.sync().ok and centre.sync().ok
    li.use()
    mine = Visit.get_by_id(visit.id)
    mine.summary = "李补充的长篇记录\x00（粘贴）"
    mine.save()
    assert li.sync().rejected == 1
    centre.use()
    theirs = Visit.get_by_id(visit.id)
    theirs.place = "二号车间"
    theirs.save()
    assert centre.sync().ok and li.sync().ok
    li.use()
    assert "李补充的长篇记录" in Visit.get_by_id(visit.id).summary, \
        "the officer's text was replaced by the server's while its change sat refused"


def test_a_file_confirmed_for_one_account_is_sent_again_for_the_next(
        county: dict[str, Any]) -> None:
    """A laptop passed from one officer to another (signed in again with the other account)
    still takes the files the first one sent as confirmed. The second officer attaches the
    same document: the laptop never sends it, and the server, which only lets an account
    name a file it sent or may read, refuses the attachment every time it is tried."""
    server, laptop = county["server"], county["li"]
    laptop.use()
    attach(laptop, county["e1"], b"county notice, scanned")
    assert laptop.sync().ok
    laptop.login(server, "wang")
    assert laptop.sync().ok
    laptop.use()
    theirs = attach(laptop, county["e2"], b"county notice, scanned")
    assert laptop.sync().ok
    laptop.use()
    refused = OutboxOp.get_or_none(OutboxOp.record_id == theirs.id)
    assert refused is None, refused.last_error
