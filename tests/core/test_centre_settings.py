"""Settings the centre decides for the county: one synced record per key."""
from __future__ import annotations

import pytest

from liaison_app.core.models import CentreSetting, OutboxOp
from liaison_app.core.services import centre_settings
from liaison_app.core.services.errors import ServiceError


def test_unset_setting_gives_the_default(store):
    assert centre_settings.get("lock.idle_minutes", 10) == 10


def test_centre_sets_a_value_that_is_queued_for_every_laptop(store):
    centre_settings.put("lock.idle_minutes", 5, role="center")
    centre_settings.put("lock.idle_minutes", 7, role="center")
    assert centre_settings.get("lock.idle_minutes", 10) == 7
    assert CentreSetting.select().count() == 1
    ops = list(OutboxOp.select().where(OutboxOp.table == "centre_setting").order_by(OutboxOp.seq))
    assert [op.changes.get("value") for op in ops] == [5, 7]


def test_an_officer_cannot_change_a_centre_setting(store):
    with pytest.raises(ServiceError):
        centre_settings.put("lock.idle_minutes", 1, role="liaison")
    assert centre_settings.get("lock.idle_minutes", 10) == 10
