"""HTTP to the sync server: versions on every call, gzip bodies, retries with backoff.

One ``requests.Session`` per sync keeps its connection (and TLS session) open from the first
call to the last, so a sync of a dozen calls over a township's slow link pays for one
handshake, not twelve. Transient failures (no route, reset connection, timeout,
502/503/504) are retried with exponential backoff and full jitter, so a county's laptops
coming back on-line together do not hammer the server in step. Everything else becomes a
``SyncError`` whose message says in words what happened and what to do.
"""
from __future__ import annotations

import gzip
import json
import logging
import random
import ssl
import threading
from dataclasses import dataclass
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from sync import protocol as p

log = logging.getLogger(__name__)

_RETRY_STATUS = {502, 503, 504}

# What a dropped or refused connection raises; ``download_blob`` catches it too.
NetworkError = requests.RequestException


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


def _file_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return i18n.translate("Sync", "there is no such file").format()
    if isinstance(exc, PermissionError):
        return i18n.translate("Sync", "no permission to read it").format()
    return exc.strerror or str(exc)


def _check_ca_file(ca_cert: str) -> None:
    """Fail now, in words, on a CA file that is missing or holds no certificate, rather than
    at the first connection with a message about TLS internals."""
    try:
        ssl.create_default_context(cafile=ca_cert)
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


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what lies under it, outermost first. requests wraps urllib3's errors, which
    keep theirs as ``reason`` or as the cause."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 10 and seen not in chain:
        chain.append(seen)
        reason = getattr(seen, "reason", None)
        first = seen.args[0] if seen.args else None
        seen = (reason if isinstance(reason, BaseException)
                else seen.__cause__ or seen.__context__
                or (first if isinstance(first, BaseException) else None))
    return chain


def _untrusted_certificate(exc: BaseException) -> bool:
    """Whether a connection failed because the server's certificate did not verify."""
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in _causes(exc)):
        return True
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


def network_problem(exc: BaseException) -> str:
    """What went wrong, short enough for a sentence: "Connection refused", "Read timed out",
    not requests' account of its connection pool."""
    for cause in reversed(_causes(exc)):
        if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_message:
            return str(cause.verify_message)
        if isinstance(cause, OSError) and cause.strerror:
            return str(cause.strerror)
    return str(exc).rsplit("): ", 1)[-1][:200]


def _require_framing(response: requests.Response) -> None:
    """Raise if the answer's head was cut off.

    A connection that drops inside the headers leaves urllib3 a status line and nothing
    else, which it only logs and hands on as an empty answer; a sync would take that for the
    server's reply. Every answer of the server (uvicorn, or nginx in front) states its length
    or is chunked, so an answer that does neither was cut short.
    """
    if response.status_code in (204, 304) or response.request.method == "HEAD":
        return
    headers = response.headers
    if "content-length" in headers or "chunked" in headers.get("transfer-encoding", "").lower():
        return
    response.close()
    raise requests.exceptions.ChunkedEncodingError(
        "the connection closed in the middle of the answer", response=response)


class _Bearer(AuthBase):
    """The device token. Given as the session's auth so that requests never replaces it
    with credentials it would otherwise look up in a ~/.netrc."""

    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


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
        self.base_url = server_url.rstrip("/")
        self.timeout = timeout
        if ca_cert:
            _check_ca_file(ca_cert)
        session = requests.Session()
        session.headers.update({
            p.HEADER_PROTOCOL: str(protocol_version),
            p.HEADER_SCHEMA: str(client_schema),
            "Accept-Encoding": "gzip",
        })
        if device_id:
            session.headers[p.HEADER_DEVICE] = device_id
        if token:
            session.auth = _Bearer(token)
        # The county's own authority and only it, or the system's; never switched off. Given
        # with every request too: requests lets $REQUESTS_CA_BUNDLE or $CURL_CA_BUNDLE
        # override a session's own setting, and offices set those for other programs.
        self.verify: str | bool = ca_cert or True
        session.verify = self.verify
        # Retries are ours (below): they back off with jitter and stop when cancelled.
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=2, max_retries=0)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        self.session = session

    def close(self) -> None:
        self.session.close()

    def start_over(self, cancel: threading.Event) -> None:
        """Use this connection for another sync: its own cancel, its own byte counts."""
        self.cancel = cancel
        self.bytes_sent = self.bytes_received = 0

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _url(self, path: str) -> str:
        return self.base_url + path

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        kwargs["verify"] = self.verify
        last: Exception | None = None
        for attempt in range(self.retry.attempts):
            if self.cancel.is_set():
                raise cancelled_error()
            try:
                response = self.session.request(method, self._url(path), **kwargs)
                _require_framing(response)
            except requests.RequestException as exc:
                if _untrusted_certificate(exc):
                    raise SyncError("offline", i18n.translate(
                        "Sync", "The server's certificate is not trusted ({reason}). Ask the "
                        "service centre for its CA certificate file and sign in with it."
                    ).format(reason=network_problem(exc))) from exc
                last = exc
                log.info("%s %s failed (%s); attempt %d", method, path, exc, attempt + 1)
                if isinstance(exc, ValueError):  # a malformed address: trying again is futile
                    break
            else:
                self.bytes_received += int(response.headers.get("content-length") or 0)
                if response.status_code not in _RETRY_STATUS:
                    return response
                last = RuntimeError(f"HTTP {response.status_code}")
            if attempt + 1 < self.retry.attempts and self.cancel.wait(self.retry.delay(attempt)):
                raise cancelled_error()
        raise SyncError("offline", i18n.translate(
            "Sync", "The server cannot be reached ({reason}). Your changes are kept and will "
            "be sent when the connection is back.").format(
            reason=network_problem(last) if last is not None else ""))

    @staticmethod
    def encode(body: Any) -> bytes:
        """``body`` as ``call`` sends it (gzip JSON), for a caller that prepares a body while
        the one before is still on its way."""
        raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        return gzip.compress(raw, compresslevel=4)

    def call(self, method: str, path: str, body: Any = None, *, encoded: bytes | None = None,
             **kwargs: Any) -> Any:
        """Send ``body`` as gzip JSON (or a body ``encode`` made already); return the decoded
        JSON answer or raise SyncError."""
        if body is not None:
            encoded = self.encode(body)
        if encoded is not None:
            self.bytes_sent += len(encoded)
            kwargs["data"] = encoded
            kwargs["headers"] = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        response = self._send(method, path, **kwargs)
        return self.check(response)

    def check(self, response: requests.Response) -> Any:
        if response.status_code < 400:
            if response.status_code == 204 or not response.content:
                return None
            if response.headers.get("content-type", "").startswith("application/json"):
                return response.json()
            return response.content
        try:
            code = response.json().get("code", "")
        except (ValueError, AttributeError):
            code = ""
        raise _error_for(code, response.status_code)

    def raw(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """A request with retries whose answer the caller reads (``requests`` arguments)."""
        return self._send(method, path, **kwargs)

    def stream(self, path: str, *, headers: dict[str, str] | None = None) -> requests.Response:
        """A GET whose body is read as it arrives (``iter_content``); use it in ``with``.

        Not retried here: the caller keeps what arrived and asks for the rest by range.
        """
        if self.cancel.is_set():
            raise cancelled_error()
        response = self.session.get(self._url(path), headers=headers, stream=True,
                                    timeout=self.timeout, verify=self.verify)
        _require_framing(response)
        return response
