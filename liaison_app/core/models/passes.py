"""The county's pass keys and the county-wide list of revoked passes.

Both are seen by every laptop, so a gate checker verifies any pass of the county offline: the
public keys say whether a card was signed by the county, the revocations whether it still
holds. Private keys never leave the server (``sync/server/pass_keys.py``).
"""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.sync_spec import ALL, Writers


class CountyKey(SyncedModel):
    """A public Ed25519 key the server signs passes with, named by its key id."""

    sync_table = "county_key"
    sync_scope = ALL
    sync_writers = Writers.CENTRE

    key_id = peewee.CharField(max_length=16, unique=True)
    #: The raw 32-byte public key, hexadecimal.
    public_key = peewee.CharField(max_length=64)
    #: Passes signed after this day use a newer key; the old one still verifies them.
    retired_on = peewee.DateField(null=True)

    class Meta:
        table_name = "county_key"


class PassRevocation(SyncedModel):
    """A pass withdrawn before its end: every laptop in the county learns of it.

    Revocations are only ever added; the pass itself (``issued_pass``) is seen only by the
    officers of its enterprise, so this small record is what a gate elsewhere checks.
    """

    sync_table = "pass_revocation"
    sync_scope = ALL
    sync_writers = Writers.APPEND
    #: The revoked pass must exist and be one the writer may see (its enterprise's officer).
    sync_refs = {"pass_id": "issued_pass"}

    pass_id = peewee.CharField(max_length=36)
    pass_no = peewee.CharField(max_length=32, index=True)
    revoked_on = peewee.DateField()
    reason = peewee.CharField(default="", max_length=120)

    class Meta:
        table_name = "pass_revocation"
