"""Attachment bytes on the server: content-addressed files, uploaded in resumable chunks.

An upload grows ``uploads/<uploader>/<sha>.part``: each account has its own partial file, so
nobody's half-sent (or junk) bytes can stand in the way of another's upload. A chunk is
accepted only at the offset the server already holds, so a retried chunk is never appended
twice; an offset that does not fit, or a part longer than the file, starts over from zero.
When the declared size is reached the file is hashed, and only a file whose SHA-256 matches
its name is moved into ``blobs/`` and recorded, with who sent it; a mismatch is deleted.

Sending a file the server already has is how an account proves it holds it: the bytes are
checked like any upload and only the uploader is recorded. Only then may the account's
records name the file (``store``): knowing a file's hash is not enough to read it.

**Several processes and machines on one folder.** The data folder may be shared by every
server process and machine (an NFS export). Two uploads of one part, or two completions of
one file, are kept apart by POSIX record locks (``fcntl.lockf``), which NFS carries to its
lock manager, so they hold across machines: ``uploads/<uploader>/.lock`` while a chunk is
appended to that account's part, ``blobs/<xx>/.lock`` while a finished file is moved into its
shard. Record locks belong to a process, not a thread, so a thread lock is taken first in
each process. The lock files stay (one per account and 256 shards): deleting a lock file
another process is waiting on would let a third lock a new one beside it. A file becomes
visible only by ``os.replace`` of a complete, fsynced part in the same folder tree, atomic
on NFS as on a local disk. NFS must be mounted with locking (not ``nolock``).
"""
from __future__ import annotations

import fcntl
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from liaison_app.core.files import sha256_of_file
from sync.server.models import Blob, BlobUpload, utcnow

MAX_BLOB_BYTES = 200 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class BlobError(Exception):
    def __init__(self, code: str, received: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.received = received


def _checked(sha: str) -> str:
    # Every path below is built from a hash; a hash that is not one never reaches a path.
    if not _SHA.match(sha):
        raise BlobError("bad_request")
    return sha


@dataclass(frozen=True)
class BlobStore:
    root: Path

    def path(self, sha: str) -> Path:
        sha = _checked(sha)
        return self.root / "blobs" / sha[:2] / sha

    def partial(self, sha: str, user_id: int) -> Path:
        return self.root / "uploads" / str(int(user_id)) / f"{_checked(sha)}.part"

    def has(self, sha: str) -> bool:
        return Blob.get_or_none(Blob.sha256 == sha) is not None and self.path(sha).exists()

    def uploaded_by(self, sha: str, user_id: int) -> bool:
        return BlobUpload.select().where((BlobUpload.sha256 == sha)
                                         & (BlobUpload.user == user_id)).exists()

    def missing(self, hashes: list[str], *, user_id: int, whole_county: bool,
                readable: set[str]) -> dict[str, int]:
        """Hashes the caller must send, with the bytes of each already held from them.

        A file the server has counts as missing for an officer who neither sent it nor may
        read it: sending it is how they show they hold it.
        """
        known = {b.sha256 for b in Blob.select(Blob.sha256).where(Blob.sha256.in_(hashes))}
        mine = {u.sha256 for u in BlobUpload.select(BlobUpload.sha256).where(
            BlobUpload.sha256.in_(hashes) & (BlobUpload.user == user_id))}
        out: dict[str, int] = {}
        for sha in hashes:
            if sha in known and self.path(sha).exists() and (
                    whole_county or sha in mine or sha in readable):
                continue
            part = self.partial(sha, user_id)
            out[sha] = part.stat().st_size if part.exists() else 0
        return out

    def upload(self, sha: str, *, user_id: int, offset: int, total: int, chunk: bytes
               ) -> tuple[int, bool]:
        """Append ``chunk`` at ``offset`` to the caller's part; returns (held, complete)."""
        if total > MAX_BLOB_BYTES or total < 0:
            raise BlobError("too_large")
        part = self.partial(sha, user_id)
        with _locked(part.parent / ".lock"):
            if self.uploaded_by(sha, user_id) and self.has(sha):
                return total, True
            held = part.stat().st_size if part.exists() else 0
            if held > total:
                # Left by an upload that declared another size: it cannot be this file.
                part.unlink()
                held = 0
            if offset != held:
                raise BlobError("offset_mismatch", held)
            if held + len(chunk) > total:
                part.unlink(missing_ok=True)
                raise BlobError("offset_mismatch", 0)
            with part.open("ab") as fh:
                fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            held += len(chunk)
            if held < total:
                return held, False
            digest = sha256_of_file(part)
            if digest != sha:
                part.unlink(missing_ok=True)
                raise BlobError("hash_mismatch", 0)
            target = self.path(sha)
            with _locked(target.parent / ".lock"):
                if self.has(sha):
                    part.unlink()  # the bytes are here already: the upload proved possession
                else:
                    os.replace(part, target)
                    Blob.insert(sha256=sha, size=total).on_conflict_ignore().execute()
                BlobUpload.insert(sha256=sha, user=user_id, at=utcnow()
                                  ).on_conflict_ignore().execute()
            return total, True


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the lock ``path`` names, against this process's other threads and against every
    other process on any machine sharing the folder (module docstring). Blocks."""
    with _locks_guard:
        local = _locks.setdefault(str(path), threading.Lock())
    with local:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the record lock
