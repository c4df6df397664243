"""How benchmarks open data folders: encrypted like the app, or plain to show the cost.

``unlock_every_folder()`` makes every folder count as unlocked with a fixed key (no password
derivation, which the security benchmark measures on its own), so the figures are those of
encrypted folders, as officers have them. ``plain_databases()`` makes the database plain
SQLite again (attachments stay encrypted) for the "without encryption" figures.
"""
from __future__ import annotations

from tests.keys import KEY, unlock_every_folder

__all__ = ["KEY", "PASSWORD", "plain_databases", "unlock_every_folder"]

#: The password benchmarks give the command line (``--password-stdin``) for new folders.
PASSWORD = "bench password 2024"


def plain_databases(on: bool = True) -> None:
    """Open databases without SQLCipher (``on=False`` puts encryption back)."""
    from liaison_app.core import db

    if not hasattr(db, "_bench_originals"):
        db._bench_originals = (db.make_database, db._check_header)  # type: ignore[attr-defined]
    make, check = db._bench_originals  # type: ignore[attr-defined]
    if on:
        db.make_database = lambda path, *, key=None: make(path, key=None)
        db._check_header = lambda path, *, encrypted: check(path, encrypted=False)
    else:
        db.make_database, db._check_header = make, check
