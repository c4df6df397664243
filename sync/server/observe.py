"""Every request measured and, when configured, written to the access log.

The outermost ASGI layer (pure ASGI, like the gate: no extra task or thread per request).
When the answer has been sent it counts the request and its latency by route and status
(``metrics``) and writes one access-log line:

    2026-11-27T09:30:01.123Z 10.2.3.4 li-laptop POST /sync/pull 200 3.1ms in=48 out=912

time (UTC), the client's address as the gate decides it (``X-Forwarded-For`` only from a
trusted proxy), the device id the request names (``-`` for none), method, route, status,
duration, request and answer bytes. Never a token, a query string or a body: a route is its
template (``/attachments/{sha256}``), so not even a file's hash is written. The line is
written by the ``liaison.access`` logger; ``access_logger`` sends it to a file that
logrotate may move away (``WatchedFileHandler`` reopens it), to standard error, or nowhere.
"""
from __future__ import annotations

import logging
import logging.handlers
import re
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol as p
from sync.server import gate, metrics

_DEVICE = p.HEADER_DEVICE.lower().encode()
#: Device ids are ``protocol.ID_PATTERN``; anything else is written as ``?``, so a client
#: cannot put a line break or a fake entry into the log.
_ID_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.:-")


def access_logger(target: str) -> logging.Logger | None:
    """The access log's logger writing to ``target`` (a file path, or ``-`` for standard
    error); None when ``target`` is empty."""
    if not target:
        return None
    logger = logging.getLogger("liaison.access")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    # Several worker processes append to one file; each line is one write of well under a
    # pipe buffer, which O_APPEND keeps whole. After logrotate renames the file, each
    # process notices at its next line and opens the new one.
    handler: logging.Handler = (logging.StreamHandler() if target == "-"
                                else logging.handlers.WatchedFileHandler(target,
                                                                         encoding="utf-8"))
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return logger


def _device(value: bytes | None) -> str:
    if not value:
        return "-"
    text = value[:64].decode("latin-1")
    return text if set(text) <= _ID_CHARS else "?"


def _routes(app: Any) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((route.path_regex, route.path) for route in app.routes
                 if isinstance(getattr(route, "path", None), str)
                 and getattr(route, "path_regex", None) is not None)


class Observe:
    """Metrics and the access log for every HTTP request."""

    def __init__(self, app: ASGIApp, *, trusted: tuple[gate.Network, ...],
                 access_log: logging.Logger | None) -> None:
        self.app = app
        self.trusted = trusted
        self.log = access_log
        #: The app's routes (known only once all are added, so taken at the first request).
        #: The router records the route it chose in a scope of its own (the gate hands on a
        #: copy), so the template is found again here: a dozen regular expressions.
        self.routes: tuple[tuple[re.Pattern[str], str], ...] | None = None

    def _route(self, scope: Scope) -> str:
        if self.routes is None:
            self.routes = _routes(scope["app"])
        path = scope["path"]
        for regex, template in self.routes:
            if regex.match(path):
                return template
        return "other"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        sent = 0
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            return message

        async def counting_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, counting_send)
        finally:
            elapsed = time.perf_counter() - started
            route = self._route(scope)
            code = str(status)
            metrics.REQUESTS.labels(route, scope["method"], code).inc()
            metrics.LATENCY.labels(route, code).observe(elapsed)
            if self.log is not None:
                self._write(scope, route, status, elapsed, received, sent)

    def _write(self, scope: Scope, route: str, status: int, elapsed: float, received: int,
               sent: int) -> None:
        device = None
        for name, value in scope["headers"]:
            if name == _DEVICE:
                device = value
                break
        now = time.time()
        stamp = (time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now))
                 + f".{int(now % 1 * 1000):03d}Z")
        address = gate.client_address(scope, self.trusted) or "-"
        self.log.info("%s %s %s %s %s %d %.1fms in=%d out=%d", stamp, address, _device(device),
                      scope["method"], route, status, elapsed * 1000, received, sent)
