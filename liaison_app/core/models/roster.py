"""The worker roster (员工花名册) of an enterprise. Every field here is personal data."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.enterprise import Enterprise


class Worker(SyncedModel):
    """One person on an enterprise's roster, identified within it by the resident ID number.

    Only what the pass and reopening applications ask for is kept (minimum collection):
    no birth date (it is in the ID number), no ethnicity, no family details. Not put in the
    full-text index: a search box must not become a way to look people up by name.
    """

    sync_table = "worker"

    enterprise = peewee.ForeignKeyField(Enterprise, backref="workers", index=False)
    name = peewee.CharField(max_length=40)
    #: Normalised (upper case, no spaces); the key an import updates by.
    id_number = peewee.CharField(default="", max_length=18)
    phone = peewee.CharField(default="", max_length=32)
    workshop = peewee.CharField(default="", max_length=60)
    post = peewee.CharField(default="", max_length=60)
    shift = peewee.CharField(default="", max_length=30)
    address = peewee.CharField(default="", max_length=200)
    #: Town or street of residence: commuting across towns is what a pass is checked for.
    home_town = peewee.CharField(default="", max_length=40)
    plate = peewee.CharField(default="", max_length=16)
    #: Health declaration as the application asks for it (e.g. 健康, 绿码), free text.
    health = peewee.CharField(default="", max_length=60)
    #: Travel declaration: places visited in the period the application asks about.
    travel = peewee.CharField(default="", max_length=200)
    notes = peewee.CharField(default="", max_length=200)

    class Meta:
        indexes = ((("enterprise", "id_number"), False), (("enterprise", "workshop"), False))
