"""Cryptographic primitives: the data key, password-derived keys, streaming file encryption.

The data folder is protected by one random 256-bit *data key*. It never leaves memory in
plain form: the key file holds it only wrapped (AES-256-GCM) by keys derived from what a
person knows (the password, a PIN, the recovery code) or from a key the county server keeps
for the device. Changing the password rewraps the data key; nothing else is re-encrypted.

From the data key, HKDF-SHA256 derives independent keys for each use: the SQLCipher page key
(given to SQLCipher raw, so opening the database costs no key derivation), the attachment
key and a short key id that tells which data key a backup was made with.

Passwords go through argon2id (RFC 9106; 3 passes over 64 MiB, about 0.2 s on an office
laptop) so that guessing is slow even for someone holding a copy of the key file.

Attachments and other files are encrypted as a stream of 64 KiB chunks, each sealed with
AES-256-GCM under a key derived from the attachment key and a random per-file salt. The
chunk number and a "last chunk" flag form the nonce (the STREAM construction), so chunks
cannot be reordered, dropped or the file cut short without the reader noticing, and any
chunk can be read on its own: a 50 MB photo is never held in memory whole, and a reader can
seek (thumbnails, resumed uploads). 64 KiB keeps what a dropped download loses small.
"""
from __future__ import annotations

import hashlib
import hmac
import io
import os
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
MAGIC = b"LIAISONE"
FORMAT_VERSION = 1
CHUNK_LOG2 = 16
CHUNK = 1 << CHUNK_LOG2
TAG = 16
SALT_BYTES = 16
HEADER_BYTES = len(MAGIC) + 2 + SALT_BYTES


class CryptoError(Exception):
    """Data failed to decrypt: the wrong key, or the bytes were damaged or tampered with."""


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive(key: bytes, purpose: str, *, salt: bytes | None = None, length: int = KEY_BYTES
           ) -> bytes:
    """An independent key for ``purpose`` (HKDF-SHA256), so one use never leaks another."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt,
                info=f"liaison/{purpose}".encode()).derive(key)


def database_key(data_key: bytes) -> bytes:
    return derive(data_key, "sqlcipher-page-key")


def attachment_key(data_key: bytes) -> bytes:
    return derive(data_key, "attachment-key")


def key_id(data_key: bytes) -> str:
    """A short public name of a data key (which key a backup or key file belongs to)."""
    return derive(data_key, "key-id", length=8).hex()


# -- keys from secrets a person knows ---------------------------------------------------------
@dataclass(frozen=True)
class KdfParams:
    """How a key is derived from a secret; stored beside each wrapped key."""

    name: str = "argon2id"
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1
    salt: str = ""

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.name, self.time_cost, self.memory_kib, self.parallelism,
                         secrets.token_bytes(SALT_BYTES).hex())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> KdfParams:
        return cls(name=str(raw["name"]), time_cost=int(raw.get("time_cost", 0)),
                   memory_kib=int(raw.get("memory_kib", 0)),
                   parallelism=int(raw.get("parallelism", 1)), salt=str(raw.get("salt", "")))


#: For a person's password or PIN: slow on purpose.
PASSWORD_KDF = KdfParams()
#: For secrets that are random already (the recovery code, a server-held key): no stretching.
RANDOM_SECRET_KDF = KdfParams(name="hkdf", time_cost=0, memory_kib=0)


def secret_key(secret: str | bytes, params: KdfParams) -> bytes:
    """The key-encryption key for ``secret`` under ``params`` (argon2id or HKDF)."""
    raw = secret.encode("utf-8") if isinstance(secret, str) else secret
    salt = bytes.fromhex(params.salt)
    if params.name == "argon2id":
        from argon2.low_level import Type, hash_secret_raw

        return hash_secret_raw(raw, salt, time_cost=params.time_cost,
                               memory_cost=params.memory_kib, parallelism=params.parallelism,
                               hash_len=KEY_BYTES, type=Type.ID)
    if params.name == "hkdf":
        return derive(raw, "random-secret", salt=salt)
    raise CryptoError(f"unknown key derivation {params.name!r}")


def wrap(kek: bytes, data_key: bytes, *, label: str) -> tuple[str, str]:
    """Seal ``data_key`` under ``kek``; returns (nonce, sealed) as hex. ``label`` is bound in."""
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(kek).encrypt(nonce, data_key, label.encode())
    return nonce.hex(), sealed.hex()


def unwrap(kek: bytes, nonce: str, sealed: str, *, label: str) -> bytes:
    try:
        return AESGCM(kek).decrypt(bytes.fromhex(nonce), bytes.fromhex(sealed), label.encode())
    except (InvalidTag, ValueError) as exc:
        raise CryptoError("wrong secret or damaged key") from exc


def same(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


# -- streaming file encryption ----------------------------------------------------------------
def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _file_key(key: bytes, salt: bytes) -> bytes:
    return derive(key, "file", salt=salt)


def is_encrypted(head: bytes) -> bool:
    """Whether bytes starting a file look like this module's format."""
    return head[:len(MAGIC)] == MAGIC


def plain_size(cipher_size: int) -> int:
    """The plain length of a file whose encrypted form is ``cipher_size`` bytes long."""
    body = cipher_size - HEADER_BYTES
    if body < TAG:
        raise CryptoError("file too short")
    chunks = -(-body // (CHUNK + TAG))
    return body - TAG * chunks


class EncryptingWriter(io.RawIOBase):
    """Write plain bytes; encrypted chunks go to ``out``. ``close()`` seals the last chunk.

    Also hashes the plain bytes (``sha256``) and counts them (``size``), which is what the
    attachment store names and checks files by. Does not close ``out``.
    """

    def __init__(self, out: IO[bytes], key: bytes, *, _header: bytes | None = None) -> None:
        super().__init__()
        if _header is None:
            salt = secrets.token_bytes(SALT_BYTES)
            self._header = MAGIC + bytes([FORMAT_VERSION, CHUNK_LOG2]) + salt
            out.write(self._header)
        else:
            self._header = _header
        self._aead = AESGCM(_file_key(key, self._header[len(MAGIC) + 2:]))
        self._out = out
        self._buf = bytearray()
        self._index = 0
        self._hash = hashlib.sha256()
        self.size = 0

    @classmethod
    def resume(cls, fh: IO[bytes], key: bytes) -> EncryptingWriter:
        """Continue a stream that was cut off: keep its whole chunks, drop a torn one.

        ``fh`` is the partial file opened "r+b". Each kept chunk is authenticated and hashed
        again, so a part file that is not what it claims is refused (CryptoError).
        """
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(0)
        header = fh.read(HEADER_BYTES)
        if len(header) != HEADER_BYTES or not is_encrypted(header) \
                or header[len(MAGIC)] != FORMAT_VERSION or header[len(MAGIC) + 1] != CHUNK_LOG2:
            raise CryptoError("not a partial encrypted file")
        writer = cls(fh, key, _header=header)
        for index in range(complete_chunks(size)):
            sealed = fh.read(CHUNK + TAG)
            try:
                plain = writer._aead.decrypt(_nonce(index, False), sealed, header)
            except InvalidTag as exc:
                raise CryptoError(f"chunk {index} failed to authenticate") from exc
            writer._hash.update(plain)
            writer.size += len(plain)
            writer._index += 1
        fh.seek(HEADER_BYTES + writer._index * (CHUNK + TAG))
        fh.truncate()
        return writer

    def flush_whole_chunks(self) -> None:
        """Seal what fills whole chunks now (not the last one), so a cut-off stream can be
        resumed from here; the held-back bytes are lost if the stream is never closed."""
        while len(self._buf) >= CHUNK:
            self._seal(bytes(self._buf[:CHUNK]), last=False)
            del self._buf[:CHUNK]
        self._out.flush()

    def abandon(self) -> None:
        """Stop without sealing the last chunk (the stream stays resumable)."""
        self._buf.clear()
        super().close()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self._hash.update(view)
        self.size += len(view)
        # Up to one full chunk is always held back: only close() knows which is the last.
        pos = 0
        if self._buf:
            need = CHUNK - len(self._buf)
            if len(view) <= need:
                self._buf += view
                return len(view)
            self._buf += view[:need]
            pos = need
            self._seal(bytes(self._buf), last=False)
            self._buf.clear()
        while len(view) - pos > CHUNK:
            self._seal(view[pos:pos + CHUNK], last=False)
            pos += CHUNK
        self._buf += view[pos:]
        return len(view)

    def _seal(self, chunk: bytes | memoryview, *, last: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._index, last), chunk, self._header))
        self._index += 1

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buf), last=True)
            self._buf.clear()
            self._out.flush()
        super().close()


class DecryptingReader(io.RawIOBase):
    """A seekable, read-only view of the plain bytes of an encrypted file.

    Every chunk is authenticated before any of its bytes are returned; a damaged, truncated
    or foreign file raises CryptoError. Owns ``source`` (closes it on close()).
    """

    def __init__(self, source: IO[bytes], key: bytes,
                 failure: Callable[[], Exception] | None = None) -> None:
        """``failure`` makes the exception raised when a chunk does not authenticate (a
        CryptoError by default), so a store can say which of its files is damaged."""
        super().__init__()
        self._failure = failure
        self._src = source
        header = source.read(HEADER_BYTES)
        if len(header) != HEADER_BYTES or not is_encrypted(header):
            raise CryptoError("not an encrypted file")
        if header[len(MAGIC)] != FORMAT_VERSION or header[len(MAGIC) + 1] != CHUNK_LOG2:
            raise CryptoError("unsupported encrypted file version")
        self._header = header
        self._aead = AESGCM(_file_key(key, header[len(MAGIC) + 2:]))
        source.seek(0, os.SEEK_END)
        self._cipher_size = source.tell()
        self._size = plain_size(self._cipher_size)
        self._chunks = max(1, -(-(self._cipher_size - HEADER_BYTES) // (CHUNK + TAG)))
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._src.seek(HEADER_BYTES + index * (CHUNK + TAG))
        sealed = self._src.read(CHUNK + TAG)
        last = index == self._chunks - 1
        try:
            plain = self._aead.decrypt(_nonce(index, last), sealed, self._header)
        except InvalidTag as exc:
            if self._failure is not None:
                raise self._failure() from exc
            raise CryptoError(f"chunk {index} failed to authenticate") from exc
        self._cached = (index, plain)
        return plain

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos >= self._size or not len(view):
            if self._pos >= self._size and self._size == 0 and self._cached is None:
                self._chunk(0)  # an empty file still proves it is whole
            return 0
        index, within = divmod(self._pos, CHUNK)
        plain = self._chunk(index)
        n = min(len(view), len(plain) - within)
        view[:n] = plain[within:within + n]
        self._pos += n
        return n

    def readall(self) -> bytes:
        out = bytearray()
        while chunk := self.read(CHUNK):
            out += chunk
        return bytes(out)

    def close(self) -> None:
        if not self.closed:
            self._src.close()
        super().close()


def complete_chunks(path_size: int) -> int:
    """How many whole non-final chunks a partly written encrypted file holds."""
    body = path_size - HEADER_BYTES
    return max(0, body // (CHUNK + TAG))
