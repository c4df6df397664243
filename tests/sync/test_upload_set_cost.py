"""What a sync with nothing to send costs must not grow with the attachments a laptop holds:
the centre's laptop holds every file of the county and syncs every few minutes."""
from __future__ import annotations

import hashlib
from typing import Any

from liaison_app.core.db import database_proxy
from liaison_app.core.models import Attachment, Enterprise
from liaison_app.core.models.base import new_id, utcnow
from sync import local
from tests.sql_cost import vm_steps


def _attachments(ent: str, start: int, count: int, *, deleted_every: int = 0) -> None:
    """Attachments as a pull brings them (the county's files, sent by others)."""
    rows = []
    for i in range(start, start + count):
        sha = hashlib.sha256(str(i).encode()).hexdigest()
        deleted = bool(deleted_every) and i % deleted_every == 0
        rows.append(dict(id=new_id(), version=1, created_at=utcnow(), updated_at=utcnow(),
                         created_by="", deleted=deleted, owner_table="visit", owner_id="v",
                         enterprise=ent, sha256=sha, filename="f.jpg", mime="image/jpeg",
                         size=1, note="", position=0))
    with database_proxy.atomic():
        for i in range(0, len(rows), 500):
            Attachment.insert_many(rows[i:i + 500]).execute()


def test_the_upload_set_of_a_laptop_with_nothing_to_send_costs_the_same_at_any_size(
        store: Any) -> None:
    ent = Enterprise(name="鲁西化工有限公司")
    ent.save(force_insert=True)
    _attachments(ent.id, 0, 1_000, deleted_every=10)
    small, found = vm_steps(local.pending_files)
    _attachments(ent.id, 1_000, 49_000, deleted_every=10)
    large, found_large = vm_steps(local.pending_files)
    assert large <= 3 * small + 50, (small, large)
    assert found == found_large == []
