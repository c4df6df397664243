"""Attachment bytes on the server: content-addressed files, uploaded in resumable chunks.

An upload grows ``uploads/<sha>.part``; a chunk is accepted only at the offset the server
already holds, so a retried chunk is never appended twice. When the declared size is
reached the file is hashed, and only a file whose SHA-256 matches its name is moved into
``blobs/`` and recorded; a mismatch is deleted and reported.
"""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from sync.server.models import Blob, Record

MAX_BLOB_BYTES = 200 * 1024 * 1024
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class BlobError(Exception):
    def __init__(self, code: str, received: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.received = received


@dataclass(frozen=True)
class BlobStore:
    root: Path

    def path(self, sha: str) -> Path:
        return self.root / "blobs" / sha[:2] / sha

    def partial(self, sha: str) -> Path:
        return self.root / "uploads" / f"{sha}.part"

    def has(self, sha: str) -> bool:
        return Blob.get_or_none(Blob.sha256 == sha) is not None and self.path(sha).exists()

    def missing(self, hashes: list[str]) -> dict[str, int]:
        known = {b.sha256 for b in Blob.select(Blob.sha256).where(Blob.sha256.in_(hashes))}
        out: dict[str, int] = {}
        for sha in hashes:
            if sha in known and self.path(sha).exists():
                continue
            part = self.partial(sha)
            out[sha] = part.stat().st_size if part.exists() else 0
        return out

    def upload(self, sha: str, *, offset: int, total: int, chunk: bytes) -> tuple[int, bool]:
        """Append ``chunk`` at ``offset``; returns (bytes held, complete)."""
        if total > MAX_BLOB_BYTES or total < 0:
            raise BlobError("too_large")
        with _lock_for(sha):
            if self.has(sha):
                return total, True
            part = self.partial(sha)
            part.parent.mkdir(parents=True, exist_ok=True)
            held = part.stat().st_size if part.exists() else 0
            if offset != held:
                raise BlobError("offset_mismatch", held)
            if held + len(chunk) > total:
                raise BlobError("too_large", held)
            with part.open("ab") as fh:
                fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            held += len(chunk)
            if held < total:
                return held, False
            digest = _sha256_file(part)
            if digest != sha:
                part.unlink(missing_ok=True)
                raise BlobError("hash_mismatch", 0)
            target = self.path(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(part, target)
            Blob.insert(sha256=sha, size=total).on_conflict_ignore().execute()
            return total, True

    def readable_by(self, sha: str, scope: list[str] | None) -> bool:
        """Whole-county callers read any blob; an officer only those of records in scope."""
        if scope is None:
            return True
        # sha is validated hex, so the pattern cannot be abused.
        query = Record.select(Record.id).where(
            (Record.table == "attachment") & Record.data.contains(f'"sha256":"{sha}"')
            & Record.scope_key.in_(scope))
        return query.exists()


def _lock_for(sha: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(sha, threading.Lock())


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
