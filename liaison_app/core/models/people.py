"""Officers: the people who use the app and are assigned to enterprises."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.fields import choices
from liaison_app.core.models.sync_spec import ALL, Writers


class Officer(SyncedModel):
    sync_table = "officer"
    sync_scope = ALL
    #: An officer may correct their own phone or town; accounts and roles are the centre's.
    sync_writers = Writers.OWN
    sync_centre_owned = frozenset({"username", "role", "active"})

    name = peewee.CharField(max_length=40)
    username = peewee.CharField(default="", max_length=64, index=True)
    phone = peewee.CharField(default="", max_length=32)
    town = peewee.CharField(default="", max_length=40)
    #: liaison | center | viewer, as on the server.
    role = peewee.CharField(default="liaison", max_length=16,
                            choices=choices(("liaison", "center", "viewer")))
    active = peewee.BooleanField(default=True)
