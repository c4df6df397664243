"""Schema 4: lost and retired devices, and the key a device's data can be recovered with.

``retire`` is empty for a device in use, ``lost`` (its data is removed at its next contact,
nothing pushed) or ``retired`` (it pushes what it holds, then removes its data); the mark
stays after the laptop confirmed the removal (the audit log has when). ``escrow_key`` is the random key a laptop wraps its data key with,
handed back only to a successful sign-in of the same account on the same device, so a
forgotten password does not cost the laptop's unsynced work; a lost device's is deleted.
"""
from __future__ import annotations

import peewee

VERSION = 4

_STATEMENTS = [
    'ALTER TABLE "device" ADD COLUMN "retire" VARCHAR(16) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "device" ADD COLUMN "escrow_key" VARCHAR(64) NOT NULL DEFAULT \'\'',
]


def migrate(db: peewee.Database, types: dict[str, str]) -> None:
    del types
    for sql in _STATEMENTS:
        db.execute_sql(sql)
