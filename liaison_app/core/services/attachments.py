"""The attachment store: each file kept once, named by the SHA-256 of its plain content,
encrypted in the data folder.

Everything that reads or writes attachment bytes goes through ``AttachmentStore``: the editors'
thumbnails and "save a copy", sync uploads (which send, and the server checks, the plain
bytes) and downloads (encrypted as they arrive), backups and the one-time encryption of an
older data folder. Files are encrypted as streams of authenticated chunks (``security.crypto``)
under a key derived from the folder's data key, and read back through a seekable decrypting
view: a 50 MB photo is never held in memory whole.

Files are written to a temporary name and renamed only when complete, so a crash never
leaves half a photo under a real hash. Names are NFC-normalised (a Mac and a Windows laptop
spell 张.jpg differently in bytes) and only kept as metadata; the bytes are keyed by hash.

The file names are the plain content's hashes, as on the server: someone holding the laptop
can tell whether it holds one particular file they already have, but learns nothing about
any other. Keeping the names lets sync ask the server by hash without a second index.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import mimetypes
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from liaison_app.core import i18n
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import crypto, session
from liaison_app.core.security.crypto import CryptoError, DecryptingReader, EncryptingWriter
from liaison_app.core.services.errors import ServiceError

log = logging.getLogger(__name__)

CHUNK = 1 << 20
#: Above this size a file is refused: attachments travel to the server over slow links.
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg", "image/png", "image/bmp", "image/gif", "image/webp", "image/tiff"}


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    filename: str
    mime: str


class AttachmentError(ServiceError):
    """A stored file is missing, damaged or does not decrypt."""


def is_sha256(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def _clean_name(filename: str) -> str:
    return unicodedata.normalize("NFC", Path(filename).name) or "file"


def _mime(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def _durable_replace(tmp: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        tmp.unlink(missing_ok=True)
    else:
        os.replace(tmp, target)


class Incoming:
    """A download being written: encrypted as it arrives, resumable, checked at the end.

    ``have`` is how many plain bytes the part file already holds (ask the server for the
    rest). ``write`` the next bytes, then ``finish()``; if the transfer stops, ``pause()``
    keeps what arrived in whole chunks for the next attempt.
    """

    def __init__(self, store: AttachmentStore, sha: str, *, fresh: bool = False) -> None:
        self.sha = sha
        self.target = store.path(sha)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.part = self.target.parent / f".{sha}.part"
        if fresh:
            self.part.unlink(missing_ok=True)
        self._fh: IO[bytes] | None = None
        self._writer: EncryptingWriter | None = None
        self._key = key = store.key
        if self.part.exists():
            fh = self.part.open("r+b")
            try:
                self._writer = EncryptingWriter.resume(fh, key)
                self._fh = fh
            except CryptoError:
                fh.close()
                log.info("discarding an unusable part file of %s", sha)
                self.part.unlink(missing_ok=True)
        if self._writer is None:
            self._fh = self.part.open("wb")
            self._writer = EncryptingWriter(self._fh, key)

    @property
    def have(self) -> int:
        assert self._writer is not None
        return self._writer.size

    def restart(self) -> None:
        """The server sent the whole file instead of the rest: start the part again."""
        self.close_files(keep=False)
        self._fh = self.part.open("wb")
        self._writer = EncryptingWriter(self._fh, self._key)

    def write(self, block: bytes) -> None:
        assert self._writer is not None
        self._writer.write(block)

    def pause(self) -> None:
        """Keep what arrived (whole chunks) for the next attempt."""
        if self._writer is not None and self._fh is not None:
            self._writer.flush_whole_chunks()
            os.fsync(self._fh.fileno())
        self.close_files(keep=True)

    def close_files(self, *, keep: bool) -> None:
        if self._writer is not None:
            self._writer.abandon()
            self._writer = None
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if not keep:
            self.part.unlink(missing_ok=True)

    def finish(self) -> bool:
        """Seal and check the file; True when it hashed to its name and is now stored."""
        assert self._writer is not None and self._fh is not None
        writer, fh = self._writer, self._fh
        writer.close()
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        self._writer = self._fh = None
        if writer.sha256 != self.sha:
            self.part.unlink(missing_ok=True)
            return False
        _durable_replace(self.part, self.target)
        return True


class AttachmentStore:
    """The attachments of one data folder, under that folder's key. Any thread."""

    def __init__(self, root: Path, key: bytes) -> None:
        self.root = Path(root)
        self.key = crypto.attachment_key(key)

    @classmethod
    def for_paths(cls, paths: DataPaths) -> AttachmentStore:
        key = session.data_key(paths)
        if key is None:
            raise AttachmentError(i18n.translate(
                "Attachments", "The data folder is locked; unlock it to use attachments."))
        return cls(paths.attachments, key)

    @classmethod
    def at(cls, root: Path) -> AttachmentStore:
        """The store whose files are under ``root`` (a data folder's attachments folder)."""
        return cls.for_paths(DataPaths(Path(root).parent))

    # -- where and what ------------------------------------------------------------------
    def path(self, sha256: str) -> Path:
        """Where the (encrypted) file lives; for copying it whole, never for reading it."""
        return blob_path(self.root, sha256)

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def hashes(self) -> list[str]:
        """Every stored file's hash, sorted."""
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.glob("??/*")
                      if p.is_file() and is_sha256(p.name))

    def size(self, sha256: str) -> int:
        """The plain size of a stored file."""
        with self.open(sha256) as fh:
            return fh.seek(0, os.SEEK_END)

    def is_encrypted(self, sha256: str) -> bool:
        with self.path(sha256).open("rb") as fh:
            return crypto.is_encrypted(fh.read(len(crypto.MAGIC)))

    # -- reading -------------------------------------------------------------------------
    def open(self, sha256: str) -> IO[bytes]:
        """A seekable reader of the plain bytes. A file from before encryption (not yet
        converted) is read as it is."""
        path = self.path(sha256)
        try:
            raw = path.open("rb")
        except OSError as exc:
            raise AttachmentError(i18n.translate(
                "Attachments", "The attachment {sha} is not on this computer ({reason}).").format(
                sha=sha256[:12], reason=exc.strerror or str(exc))) from exc
        if not crypto.is_encrypted(raw.read(len(crypto.MAGIC))):
            raw.seek(0)
            return raw
        raw.seek(0)
        try:
            return io.BufferedReader(
                DecryptingReader(raw, self.key, failure=lambda: self._damaged(sha256)),
                buffer_size=crypto.CHUNK)
        except CryptoError as exc:
            raw.close()
            raise self._damaged(sha256) from exc

    def _damaged(self, sha256: str) -> AttachmentError:
        return AttachmentError(i18n.translate(
            "Attachments", "The attachment {sha} is damaged or belongs to another key; it "
            "cannot be read. Sync fetches it again from the server if it is there.").format(
            sha=sha256[:12]))

    def read_bytes(self, sha256: str) -> bytes:
        """The whole plain file (small files; streams are better for photos)."""
        with self.open(sha256) as fh:
            return fh.read()

    def plain_sha256(self, sha256: str) -> str:
        """Hash of the plain bytes as stored now (checks a file against its name)."""
        digest = hashlib.sha256()
        try:
            with self.open(sha256) as fh:
                while block := fh.read(CHUNK):
                    digest.update(block)
        except CryptoError as exc:
            raise self._damaged(sha256) from exc
        return digest.hexdigest()

    def export_copy(self, sha256: str, target: Path) -> None:
        """Save a plain copy where the person chose (leaves the protected store)."""
        with self.open(sha256) as src, Path(target).open("wb") as dst:
            shutil.copyfileobj(src, dst, CHUNK)

    def thumbnail(self, sha256: str, *, edge: int = 160) -> bytes | None:
        """A small PNG of an image attachment, for the editor's thumbnails; None if not an
        image."""
        from PIL import Image, ImageOps, UnidentifiedImageError

        try:
            with self.open(sha256) as fh, Image.open(fh) as img:
                img.draft("RGB", (edge * 2, edge * 2))
                img = ImageOps.exif_transpose(img).convert("RGB")
                img.thumbnail((edge, edge))
                buf = io.BytesIO()
                img.save(buf, "PNG")
                return buf.getvalue()
        except (UnidentifiedImageError, OSError, CryptoError, AttachmentError):
            return None

    # -- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def writer(self) -> Iterator[EncryptingWriter]:
        """Write a new file's plain bytes; it is stored under its hash when the block ends
        (``writer.sha256`` then names it). Nothing is stored if the block raises."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                writer = EncryptingWriter(out, self.key)
                yield writer
                writer.close()
                out.flush()
                os.fsync(out.fileno())
            _durable_replace(tmp, self.path(writer.sha256))
        finally:
            tmp.unlink(missing_ok=True)

    def put_bytes(self, data: bytes, *, filename: str) -> StoredFile:
        with self.writer() as w:
            w.write(data)
        return StoredFile(w.sha256, len(data), _clean_name(filename), _mime(filename))

    def put_stream(self, source: IO[bytes]) -> tuple[str, int]:
        """Store what ``source`` yields; returns (sha256, size)."""
        with self.writer() as w:
            while block := source.read(CHUNK):
                w.write(block)
        return w.sha256, w.size

    def put_file(self, source: Path, *, downscale_to: int | None = None) -> StoredFile:
        """Copy ``source`` into the store; photos may be downscaled so the longest edge fits.

        Database worker or any worker thread (file work only).
        """
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise ServiceError(i18n.translate(
                "Attachments", "The file {name} cannot be read: {reason}").format(
                name=source.name, reason=exc.strerror or str(exc))) from exc
        image = _mime(source.name) in IMAGE_TYPES
        if size > MAX_ATTACHMENT_BYTES and not (downscale_to and image):
            raise ServiceError(i18n.translate(
                "Attachments",
                "The file {name} is {mb} MB; files over {limit} MB cannot be attached.").format(
                name=source.name, mb=size // (1024 * 1024),
                limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)))
        if downscale_to and image:
            smaller = _downscaled(source, downscale_to)
            if smaller is not None:
                return self.put_bytes(smaller, filename=f"{Path(source.name).stem}.jpg")
        try:
            with source.open("rb") as src:
                sha, size = self.put_stream(src)
        except OSError as exc:
            raise ServiceError(i18n.translate(
                "Attachments", "The file {name} could not be stored: {reason}").format(
                name=source.name, reason=exc.strerror or str(exc))) from exc
        return StoredFile(sha, size, _clean_name(source.name), _mime(source.name))

    def incoming(self, sha256: str, *, fresh: bool = False) -> Incoming:
        """A resumable, encrypting writer for a download of ``sha256``."""
        return Incoming(self, sha256, fresh=fresh)

    def add_encrypted(self, sha256: str, source: IO[bytes]) -> bool:
        """Copy an already encrypted file (from a backup of this same key) after checking
        it decrypts to its name; False (and nothing stored) when it does not."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            digest = hashlib.sha256()
            try:
                with io.BufferedReader(DecryptingReader(tmp.open("rb"), self.key)) as fh:
                    while block := fh.read(CHUNK):
                        digest.update(block)
            except CryptoError:
                return False
            if digest.hexdigest() != sha256:
                return False
            _durable_replace(tmp, self.path(sha256))
            return True
        finally:
            tmp.unlink(missing_ok=True)

    def encrypt_in_place(self, sha256: str) -> bool:
        """Encrypt a file stored plain (a folder from before encryption). True if it was
        plain and now is encrypted; a file whose bytes do not match its name is left."""
        path = self.path(sha256)
        if self.is_encrypted(sha256):
            return False
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with path.open("rb") as src, os.fdopen(fd, "wb") as out:
                writer = EncryptingWriter(out, self.key)
                while block := src.read(CHUNK):
                    writer.write(block)
                writer.close()
                out.flush()
                os.fsync(out.fileno())
            if writer.sha256 != sha256:
                raise AttachmentError(i18n.translate(
                    "Attachments", "The attachment {sha} does not match its name; it was left "
                    "as it is.").format(sha=sha256[:12]))
            # One rename over the plain file: a crash leaves the plain or the encrypted one.
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return True


def _downscaled(source: Path, max_edge: int) -> bytes | None:
    """JPEG bytes of the photo with its longest edge at most ``max_edge``; None if small."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = 200_000_000  # phone panoramas are big but not hostile
    try:
        with Image.open(source) as img:
            if max(img.size) <= max_edge:
                return None
            img.draft("RGB", (max_edge, max_edge))  # JPEG: decode at reduced size, fast
            img = ImageOps.exif_transpose(img).convert("RGB")
            img.thumbnail((max_edge, max_edge))
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=85, optimize=True)
            return buf.getvalue()
    except (UnidentifiedImageError, OSError):
        return None


# -- the functions the editors call, over the store of the folder ``root`` belongs to --------
def store_bytes(root: Path, data: bytes, *, filename: str) -> StoredFile:
    return AttachmentStore.at(root).put_bytes(data, filename=filename)


def store_file(root: Path, source: Path, *, downscale_to: int | None = None) -> StoredFile:
    return AttachmentStore.at(root).put_file(source, downscale_to=downscale_to)


def thumbnail_bytes(root: Path, sha256: str, *, edge: int = 160) -> bytes | None:
    return AttachmentStore.at(root).thumbnail(sha256, edge=edge)


def export_copy(root: Path, sha256: str, target: Path) -> None:
    AttachmentStore.at(root).export_copy(sha256, target)


def blob_path(root: Path, sha256: str) -> Path:
    """Where the encrypted file of ``sha256`` lives under ``root`` (for existence checks and
    whole-file copies; read it through ``AttachmentStore.open``)."""
    return Path(root) / sha256[:2] / sha256
