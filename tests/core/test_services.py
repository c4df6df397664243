"""Enterprises, visits, attachments, drafts and 工作台 through the services."""
from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from PIL import Image

from liaison_app.cli import main as cli_main
from liaison_app.core.models import Attachment, FollowUp, Visit
from liaison_app.core.services import attachments, dashboard, demo, drafts, enterprises, visits
from liaison_app.core.services.enterprises import EnterpriseFilter, EnterpriseInput
from liaison_app.core.services.errors import ValidationFailed
from liaison_app.core.services.visits import (
    AttachmentInput,
    FollowUpInput,
    VisitFilter,
    VisitInput,
)
from liaison_app.core.settings import Settings


def test_enterprise_name_is_required_and_bad_phone_refused(store):
    with pytest.raises(ValidationFailed) as info:
        enterprises.create(data=EnterpriseInput(name="  ", contact_phone="12345"))
    fields = {f.field for f in info.value.errors}
    assert fields == {"name", "contact_phone"}


def test_uscc_check_warning_needs_confirmation(store):
    data = EnterpriseInput(name="试点企业", uscc="91110000600037341M")
    with pytest.raises(ValidationFailed) as info:
        enterprises.create(data=data)
    assert info.value.warnings and not info.value.errors
    rec = enterprises.create(data=data, confirm_warnings=True)
    assert rec.uscc == "91110000600037341M"


def test_duplicate_uscc_names_and_links_the_existing_enterprise(store):
    first = enterprises.create(data=EnterpriseInput(name="先有企业", uscc="91110000600037341L"))
    with pytest.raises(ValidationFailed) as info:
        enterprises.create(data=EnterpriseInput(name="后来企业", uscc="91110000600037341l"))
    dup = info.value.errors[0]
    assert dup.existing_id == first.id and "先有企业" in dup.message.text()


def test_deleted_enterprise_frees_its_code_and_cannot_come_back_over_a_new_one(store):
    old = enterprises.create(data=EnterpriseInput(name="旧名", uscc="91110000600037341L"))
    enterprises.soft_delete(record_id=old.id)
    enterprises.create(data=EnterpriseInput(name="新名", uscc="91110000600037341L"))
    with pytest.raises(ValidationFailed):
        enterprises.undelete(record_id=old.id)


def test_enterprise_filters(store):
    enterprises.create(data=EnterpriseInput(name="甲", town="祝阿镇", is_key=True,
                                            officer_ids=["o1"]))
    enterprises.create(data=EnterpriseInput(name="乙", town="城关街道", industry="化工"))
    assert [e.name for e in enterprises.list_enterprises(flt=EnterpriseFilter(key_only=True))] \
        == ["甲"]
    assert [e.name for e in enterprises.list_enterprises(flt=EnterpriseFilter(
        town="城关街道"))] == ["乙"]
    assert [e.name for e in enterprises.list_enterprises(flt=EnterpriseFilter(
        officer_id="o1"))] == ["甲"]
    assert enterprises.filter_choices()["town"] == ["城关街道", "祝阿镇"]


@pytest.fixture
def ent(store):
    return enterprises.create(data=EnterpriseInput(name="走访测试企业", is_key=True))


def test_visit_needs_enterprise_and_summary(store):
    with pytest.raises(ValidationFailed) as info:
        visits.save(data=VisitInput())
    assert {f.field for f in info.value.errors} == {"enterprise_id", "summary"}


def test_visit_with_follow_ups_and_attachment_round_trips(ent, tmp_path, store):
    photo = tmp_path / "现场.png"
    Image.new("RGB", (40, 30), "red").save(photo)
    stored = attachments.store_file(store.attachments, photo)
    data = VisitInput(enterprise_id=ent.id, summary="了解生产情况",
                      follow_ups=[FollowUpInput("联系供电公司", dt.date(2026, 1, 5))],
                      attachments=[AttachmentInput(stored.sha256, stored.filename, stored.mime,
                                                   stored.size)])
    visit = visits.save(data=data)
    loaded = visits.load_input(record_id=visit.id)
    assert loaded.summary == "了解生产情况"
    assert [f.text for f in loaded.follow_ups] == ["联系供电公司"]
    assert loaded.attachments[0].sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    # Edit: drop the follow-up, keep the attachment.
    loaded.follow_ups = []
    visits.save(data=loaded, record_id=visit.id)
    assert FollowUp.select().where(FollowUp.deleted == False).count() == 0  # noqa: E712
    assert Attachment.select().where(Attachment.deleted == False).count() == 1  # noqa: E712


def test_same_file_twice_is_stored_once(store, tmp_path):
    a = tmp_path / "a.pdf"
    b = tmp_path / "b.pdf"
    a.write_bytes(b"%PDF-1.4 same bytes")
    b.write_bytes(b"%PDF-1.4 same bytes")
    sa = attachments.store_file(store.attachments, a)
    sb = attachments.store_file(store.attachments, b)
    assert sa.sha256 == sb.sha256
    blobs = [p for p in store.attachments.rglob("*") if p.is_file()]
    assert len(blobs) == 1


def test_large_photo_is_downscaled_on_attach(store, tmp_path):
    big = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4000), "blue").save(big, quality=95)
    stored = attachments.store_file(store.attachments, big, downscale_to=2048)
    with attachments.AttachmentStore.at(store.attachments).open(stored.sha256) as fh, \
            Image.open(fh) as img:
        assert max(img.size) == 2048
    assert attachments.thumbnail_bytes(store.attachments, stored.sha256)


def test_unreadable_file_gives_a_sentence(store, tmp_path):
    from liaison_app.core.services.errors import ServiceError

    with pytest.raises(ServiceError) as info:
        attachments.store_file(store.attachments, tmp_path / "missing.jpg")
    assert "missing.jpg" in info.value.message.text()


def test_visit_list_pages_by_keyset_without_gaps_or_repeats(ent):
    base = dt.datetime(2026, 1, 1, 9, 0)
    for n in range(25):
        visits.save(data=VisitInput(enterprise_id=ent.id, summary=f"第{n}次",
                                    visit_at=base + dt.timedelta(hours=n // 2)))
    seen, after = [], None
    while True:
        page = visits.list_visits(limit=7, after=after)
        if not page:
            break
        seen.extend(r.id for r in page)
        after = (page[-1].visit_at, page[-1].id)
    assert len(seen) == len(set(seen)) == 25 == visits.count_visits()
    times = [Visit.get_by_id(i).visit_at for i in seen]
    assert times == sorted(times, reverse=True)
    assert visits.count_visits(flt=VisitFilter(enterprise_id=ent.id)) == 25


def test_a_visit_list_row_shows_what_was_saved(ent):
    at = dt.datetime(2026, 3, 2, 9, 30)
    visits.save(data=VisitInput(enterprise_id=ent.id, visit_at=at, officer_ids=["o-1", "o-2"],
                                kind="callback", summary="协调供电线路改造\n第二行不在列表里"))
    # A visit as a pull stores it, with seconds (a record made elsewhere).
    other = Visit.create(enterprise=ent.id, visit_at=dt.datetime(2026, 1, 5, 8, 15, 30),
                         summary="年初走访")
    first, second = visits.list_visits(limit=10)
    assert (first.visit_at, first.enterprise_id, first.enterprise_name, first.kind,
            first.officer_ids, first.summary) == (at, ent.id, "走访测试企业", "callback",
                                                  ["o-1", "o-2"], "协调供电线路改造")
    assert (second.id, second.visit_at, second.officer_ids) == (
        other.id, dt.datetime(2026, 1, 5, 8, 15, 30), [])


def test_today_lists_due_follow_ups_and_overdue_enterprises(ent, store):
    today = dt.date(2026, 6, 15)
    visits.save(data=VisitInput(enterprise_id=ent.id, summary="上次走访",
                                visit_at=dt.datetime(2026, 4, 1, 10, 0),
                                follow_ups=[FollowUpInput("督促环评", dt.date(2026, 6, 10)),
                                            FollowUpInput("回访", dt.date(2026, 6, 16)),
                                            FollowUpInput("远期", dt.date(2026, 9, 1))]))
    never = enterprises.create(data=EnterpriseInput(name="从未走访企业"))
    overview = dashboard.today_overview(settings=Settings(), today=today)
    due = {f.text: f.overdue for f in overview.due_follow_ups}
    assert due == {"督促环评": True, "回访": False}
    overdue = {e.name: e.days_overdue for e in overview.overdue_enterprises}
    assert overdue["走访测试企业"] == (today - dt.date(2026, 4, 1)).days - 30
    assert never.name in overdue


def test_drafts_survive_and_are_replaced(store):
    drafts.save_draft(key="visit:new", kind="visit", title="草稿", payload={"summary": "一"})
    drafts.save_draft(key="visit:new", kind="visit", title="草稿", payload={"summary": "二"})
    assert [d.payload["summary"] for d in drafts.list_drafts(kind="visit")] == ["二"]
    drafts.discard_draft(key="visit:new")
    assert drafts.load_draft(key="visit:new") is None


def test_demo_refuses_a_non_empty_database_unless_forced(store, capsys):
    enterprises.create(data=EnterpriseInput(name="真实企业"))
    assert cli_main(["--data-dir", str(store.root), "demo", "--visits", "10"]) == 1
    assert "--force" in capsys.readouterr().err
    assert not demo.is_demo_database()
    assert cli_main(["--data-dir", str(store.root), "demo", "--enterprises", "3", "--visits",
                     "10", "--force"]) == 0
    assert demo.is_demo_database()


def test_demo_data_is_valid_and_searchable(store):
    result = demo.generate(enterprises=40, visits=400, officers=5, seed=3)
    assert result.enterprises == 40 and result.visits == 400
    from liaison_app.core import search
    from liaison_app.core.validation import check_uscc

    for e in enterprises.list_enterprises():
        assert check_uscc(e.uscc) == []
    assert len({e.town for e in enterprises.list_enterprises()}) > 5
    assert search.search("供电") or search.search("环评")


def test_image_bytes_helper_works_without_a_file(store):
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "PNG")
    stored = attachments.store_bytes(store.attachments, buf.getvalue(), filename="x.png")
    assert attachments.blob_path(store.attachments, stored.sha256).exists()
