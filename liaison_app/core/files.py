"""Small file helpers shared by the laptop and the server (no Qt, no image libraries)."""
from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_of_file(path: Path) -> str:
    """The SHA-256 of a file, read a megabyte at a time (a 50 MB photo is never in memory
    whole)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
