"""Settings the service centre decides for the county: read anywhere, written by the centre.

Each setting is one synced ``CentreSetting`` record keyed by name, so what the centre sets
reaches every laptop with the next pull (deadlines, the holiday calendar, how long an idle
laptop stays unlocked). A laptop that has not received a setting yet uses the caller's
default. Values are plain JSON; typed views over them live with the feature that uses them.
"""
from __future__ import annotations

from typing import Any

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.models.centre import CentreSetting, setting_id
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.services.officers import CENTRE, current_role


def get(key: str, default: Any = None) -> Any:
    """The centre's value for ``key``, or ``default`` when it has none (any thread)."""
    row = (CentreSetting.select(CentreSetting.value)
           .where((CentreSetting.key == key) & (CentreSetting.deleted == False))  # noqa: E712
           .first())
    return default if row is None or row.value is None else row.value


def put(key: str, value: Any, *, role: str | None = None) -> None:
    """Set ``key`` for the whole county (database worker). Only the centre may."""
    if (role or current_role()) != CENTRE:
        raise ServiceError(i18n.translate(
            "CentreSettings", "Only the service centre can change this setting."))
    with database_proxy.atomic():
        row = CentreSetting.get_or_none(CentreSetting.id == setting_id(key))
        if row is None:
            CentreSetting(id=setting_id(key), key=key, value=value).save(force_insert=True)
        elif row.value != value or row.deleted:
            row.value = value
            row.deleted = False
            row.save()
