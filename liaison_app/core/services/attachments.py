"""The attachment store: each file kept once, named by its SHA-256, in the data folder.

Files are written to a temporary name and renamed only when complete, so a crash never
leaves half a photo under a real hash. Names are NFC-normalised (a Mac and a Windows laptop
spell 张.jpg differently in bytes) and only kept as metadata; the bytes are keyed by hash.
"""
from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from liaison_app.core import i18n
from liaison_app.core.services.errors import ServiceError

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


def blob_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def _finish(root: Path, tmp: Path, sha: str) -> Path:
    target = blob_path(root, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        tmp.unlink(missing_ok=True)
    else:
        os.replace(tmp, target)
    return target


def store_bytes(root: Path, data: bytes, *, filename: str) -> StoredFile:
    root.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256(data).hexdigest()
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".incoming-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    _finish(root, Path(tmp), sha)
    return StoredFile(sha, len(data), _clean_name(filename), _mime(filename))


def _clean_name(filename: str) -> str:
    return unicodedata.normalize("NFC", Path(filename).name) or "file"


def _mime(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def store_file(root: Path, source: Path, *, downscale_to: int | None = None) -> StoredFile:
    """Copy ``source`` into the store; photos may be downscaled so the longest edge fits.

    Database worker or any worker thread (file work only).
    """
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ServiceError(i18n.translate(
            "Attachments", "The file {name} cannot be read: {reason}").format(
            name=source.name, reason=exc.strerror or str(exc))) from exc
    if size > MAX_ATTACHMENT_BYTES and not (downscale_to and _mime(source.name) in IMAGE_TYPES):
        raise ServiceError(i18n.translate(
            "Attachments",
            "The file {name} is {mb} MB; files over {limit} MB cannot be attached.").format(
            name=source.name, mb=size // (1024 * 1024), limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)))
    if downscale_to and _mime(source.name) in IMAGE_TYPES:
        smaller = _downscaled(source, downscale_to)
        if smaller is not None:
            stem = Path(source.name).stem
            return store_bytes(root, smaller, filename=f"{stem}.jpg")
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ServiceError(i18n.translate(
            "Attachments", "The file {name} could not be stored: {reason}").format(
            name=source.name, reason=exc.strerror or str(exc))) from exc
    sha = digest.hexdigest()
    _finish(root, Path(tmp), sha)
    return StoredFile(sha, size, _clean_name(source.name), _mime(source.name))


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


def thumbnail_bytes(root: Path, sha256: str, *, edge: int = 160) -> bytes | None:
    """A small PNG of an image attachment, for the editor's thumbnails; None if not an image."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = blob_path(root, sha256)
    try:
        with Image.open(path) as img:
            img.draft("RGB", (edge * 2, edge * 2))
            img = ImageOps.exif_transpose(img).convert("RGB")
            img.thumbnail((edge, edge))
            buf = io.BytesIO()
            img.save(buf, "PNG")
            return buf.getvalue()
    except (UnidentifiedImageError, OSError):
        return None


def export_copy(root: Path, sha256: str, target: Path) -> None:
    shutil.copyfile(blob_path(root, sha256), target)
