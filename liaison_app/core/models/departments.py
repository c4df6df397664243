"""The directory of county departments and towns/streets that requests are dispatched to."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.fields import choices
from liaison_app.core.models.sync_spec import ALL, Writers

DEPARTMENT_KINDS = ("centre", "bureau", "department", "town", "utility")


class Department(SyncedModel):
    """Everyone sees the directory; only the centre edits it."""

    sync_table = "department"
    sync_scope = ALL
    sync_writers = Writers.CENTRE

    name = peewee.CharField(max_length=80, index=True)
    #: centre | bureau (the approval bureau) | department | town | utility (power, water...)
    kind = peewee.CharField(default="department", max_length=16,
                            choices=choices(DEPARTMENT_KINDS))
    contact_name = peewee.CharField(default="", max_length=40)
    contact_phone = peewee.CharField(default="", max_length=32)
    position = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)
