"""Settings the service centre decides for the whole county, synced to every laptop."""
from __future__ import annotations

import uuid

import peewee

from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.fields import JSONField
from liaison_app.core.models.sync_spec import ALL, Writers

#: Ids of settings are derived from their key, so two centre laptops that first write the
#: same setting offline make one record, merged per field, not two.
_NAMESPACE = uuid.UUID("6f1d9c2e-6a43-4f0e-9a57-2f3e0b8c1d45")


def setting_id(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


class CentreSetting(SyncedModel):
    """One named setting (deadlines and holidays, lock time, …) as JSON; the centre's only."""

    sync_table = "centre_setting"
    sync_scope = ALL
    sync_writers = Writers.CENTRE

    key = peewee.CharField(max_length=60, unique=True)
    value = JSONField(null=True)

    class Meta:
        table_name = "centre_setting"
