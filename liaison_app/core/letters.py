"""Final registration numbers of direct-channel letters (直通车), shared by device and server.

Kept free of any import so the sync server can number letters without loading the desktop
app's database or services.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence


def assign_registration_numbers(*, taken: Iterable[int], pending: Sequence[str]
                                ) -> dict[str, int]:
    """Final numbers for one year's letters that have none yet.

    ``taken``: the final numbers already issued that year; ``pending``: ids of the letters
    to number, in the order the server committed them. Pure (no database, no Qt): the server
    calls it inside the transaction that stores the letters, under a lock on the year, so
    two pushes can never read the same maximum. Numbers continue from the highest issued.
    """
    start = max(taken, default=0) + 1
    out: dict[str, int] = {}
    for record_id in pending:
        if record_id not in out:
            out[record_id] = start + len(out)
    return out
