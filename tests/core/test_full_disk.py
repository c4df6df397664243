"""A full disk: the save that does not fit fails cleanly, everything saved before stays."""
from __future__ import annotations

import uuid

import peewee
import pytest

from liaison_app.core.db import close_database, open_database
from liaison_app.core.models import Visit
from liaison_app.core.paths import DataPaths
from liaison_app.core.services import enterprises, visits
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.services.visits import VisitInput


def test_saving_on_a_full_disk_fails_cleanly_and_loses_nothing(small_disk):
    paths = DataPaths(small_disk / "data")
    open_database(paths)
    ent = enterprises.create(data=EnterpriseInput(name="磁盘测试企业"))
    saved: list[str] = []
    with pytest.raises(peewee.OperationalError) as info:
        for n in range(100_000):
            visit = visits.save(data=VisitInput(
                enterprise_id=ent.id, summary=f"第{n}次走访：" + uuid.uuid4().hex * 20))
            saved.append(visit.id)
    assert "full" in str(info.value)
    assert len(saved) > 5
    close_database()
    # Room again (e.g. the officer deleted photos): every visit reported saved is there.
    (small_disk / "data" / "attachments").mkdir(exist_ok=True)
    open_database(paths)
    db = Visit._meta.database
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert set(saved) <= {v.id for v in Visit.select(Visit.id)}


def test_the_message_for_a_full_disk_is_a_sentence(qapp):
    from liaison_app.ui.errors import describe
    from liaison_app.ui.i18n import install_language

    install_language("zh_CN")
    text = describe(peewee.OperationalError("database or disk is full"))
    assert "磁盘已满" in text
    text = describe(OSError(28, "No space left on device"))
    assert "磁盘已满" in text
