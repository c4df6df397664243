"""HTTP to the sync server: versions on every call, gzip bodies, retries with backoff.

Transient failures (no route, reset connection, timeout, 502/503/504) are retried with
exponential backoff and full jitter, so a county's laptops coming back on-line together do
not hammer the server in step. Everything else becomes a ``SyncError`` whose message says in
words what happened and what to do.
"""
from __future__ import annotations

import functools
import gzip
import json
import logging
import random
import ssl
import threading
from dataclasses import dataclass
from typing import Any

import httpx

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from sync import protocol as p

log = logging.getLogger(__name__)

_RETRY_STATUS = {502, 503, 504}


class SyncError(Exception):
    """A sync step failed. ``kind``: offline | signin | upgrade | server | cancelled."""

    def __init__(self, kind: str, message: Message, *, code: str = "") -> None:
        super().__init__(message.source.format(**message.params))
        self.kind = kind
        self.message = message
        self.code = code


def cancelled_error() -> SyncError:
    return SyncError("cancelled", i18n.translate("Sync", "Sync was cancelled."))


def _known_errors() -> dict[str, tuple[str, Message]]:
    return {
        "unauthorized": ("signin", i18n.translate(
            "Sync", "Your sign-in has expired. Sign in to the server again; your unsent "
            "changes are kept.")),
        "device_revoked": ("signin", i18n.translate(
            "Sync", "The administrator withdrew this laptop's access to the server. Sign in "
            "again or ask the service centre; your unsent changes are kept.")),
        "device_lost": ("signin", i18n.translate(
            "Sync", "The service centre reported this laptop lost; its data is removed.")),
        "device_retired": ("signin", i18n.translate(
            "Sync", "The service centre retired this laptop: it sends what it holds, then "
            "removes its data.")),
        "bad_credentials": ("signin", i18n.translate(
            "Sync", "The user name or password is wrong.")),
        "account_disabled": ("signin", i18n.translate(
            "Sync", "This account has been disabled. Ask the service centre.")),
        "rate_limited": ("signin", i18n.translate(
            "Sync", "Too many failed sign-ins. Wait 15 minutes and try again.")),
        "client_outdated": ("upgrade", i18n.translate(
            "Sync", "The server needs a newer version of Liaison. Install the update; your "
            "unsent changes are kept and will be sent after it.")),
        "server_outdated": ("upgrade", i18n.translate(
            "Sync", "The server runs an older version than this app. Ask the administrator to "
            "update it; your unsent changes are kept.")),
    }


def _error_for(code: str, status: int) -> SyncError:
    known = _known_errors().get("unauthorized" if code == "token_expired" else code)
    if known is not None:
        return SyncError(known[0], known[1], code=code)
    return SyncError("server", i18n.translate(
        "Sync", "The server could not handle the request (error {status}). It will be tried "
        "again at the next sync.").format(status=status), code=code)


@dataclass
class RetryPolicy:
    attempts: int = 4
    base: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int) -> float:
        return random.uniform(0, min(self.cap, self.base * (2 ** attempt)))


@functools.lru_cache(maxsize=8)
def _tls_context(ca_cert: str | None) -> ssl.SSLContext:
    """One verifying TLS context per trust store, shared by every connection: loading the
    system's certificates takes tens of milliseconds, longer than a sync with nothing to
    do. A context is safe to share between threads once set up."""
    if ca_cert:  # the county's own authority, and only it
        return ssl.create_default_context(cafile=ca_cert)
    return httpx.create_ssl_context()


def _file_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return i18n.translate("Sync", "there is no such file").format()
    if isinstance(exc, PermissionError):
        return i18n.translate("Sync", "no permission to read it").format()
    return exc.strerror or str(exc)


def _untrusted_certificate(exc: BaseException) -> bool:
    """Whether a connection failed because the server's certificate did not verify."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


class Transport:
    """One server connection. Worker thread only (the network worker)."""

    def __init__(self, *, server_url: str, client_schema: int, token: str = "",
                 device_id: str = "", ca_cert: str | None = None, timeout: float = 60.0,
                 retry: RetryPolicy | None = None, cancel: threading.Event | None = None,
                 protocol_version: int = p.PROTOCOL_VERSION) -> None:
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.bytes_sent = 0
        self.bytes_received = 0
        headers = {
            p.HEADER_PROTOCOL: str(protocol_version),
            p.HEADER_SCHEMA: str(client_schema),
            "Accept-Encoding": "gzip",
        }
        if device_id:
            headers[p.HEADER_DEVICE] = device_id
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            tls = _tls_context(ca_cert)
        except ssl.SSLError as exc:  # read, but no certificate in it
            raise SyncError("signin", i18n.translate(
                "Sync", "{path} is not a CA certificate. Choose the certificate file (.pem or "
                ".crt) the service centre gave you and sign in again.").format(path=ca_cert)
            ) from exc
        except OSError as exc:  # missing or unreadable
            raise SyncError("signin", i18n.translate(
                "Sync", "The CA certificate file {path} cannot be read ({reason}). Choose the "
                "certificate file (.pem or .crt) the service centre gave you and sign in again."
            ).format(path=ca_cert, reason=_file_problem(exc))) from exc
        self.client = httpx.Client(base_url=server_url.rstrip("/"), headers=headers,
                                   verify=tls, timeout=timeout)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        last: Exception | None = None
        for attempt in range(self.retry.attempts):
            if self.cancel.is_set():
                raise cancelled_error()
            try:
                response = self.client.request(method, path, **kwargs)
            except httpx.TransportError as exc:
                if _untrusted_certificate(exc):
                    raise SyncError("offline", i18n.translate(
                        "Sync", "The server's certificate is not trusted ({reason}). Ask the "
                        "service centre for its CA certificate file and sign in with it."
                    ).format(reason=str(exc)[:200])) from exc
                last = exc
                log.info("%s %s failed (%s); attempt %d", method, path, exc, attempt + 1)
            else:
                self.bytes_received += int(response.headers.get("content-length") or 0)
                if response.status_code not in _RETRY_STATUS:
                    return response
                last = RuntimeError(f"HTTP {response.status_code}")
            if attempt + 1 < self.retry.attempts and self.cancel.wait(self.retry.delay(attempt)):
                raise cancelled_error()
        raise SyncError("offline", i18n.translate(
            "Sync", "The server cannot be reached ({reason}). Your changes are kept and will "
            "be sent when the connection is back.").format(reason=str(last)[:200]))

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> Any:
        """Send ``body`` as gzip JSON; return the decoded JSON answer or raise SyncError."""
        if body is not None:
            raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            data = gzip.compress(raw, compresslevel=4)
            self.bytes_sent += len(data)
            kwargs["content"] = data
            kwargs["headers"] = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        response = self._send(method, path, **kwargs)
        return self.check(response)

    def check(self, response: httpx.Response) -> Any:
        if response.status_code < 400:
            if response.status_code == 204 or not response.content:
                return None
            if response.headers.get("content-type", "").startswith("application/json"):
                return response.json()
            return response.content
        try:
            code = response.json().get("code", "")
        except ValueError:
            code = ""
        raise _error_for(code, response.status_code)

    def raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self._send(method, path, **kwargs)

    def stream(self, path: str, *, headers: dict[str, str] | None = None) -> Any:
        return self.client.stream("GET", path, headers=headers)
