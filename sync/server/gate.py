"""What every request passes before the API reads it: versions, body size, gzip, clean text.

One pure ASGI layer (no ``BaseHTTPMiddleware``: that costs every request a thread hop and a
task) that, in this order,

- refuses a client that is too old (426) or newer than the server (409), and stamps the
  server's protocol version on every answer;
- refuses a body larger than the server accepts (413) *before* buffering it: a declared
  ``Content-Length`` is checked first, then the bytes are counted as they arrive, and a gzip
  body is counted again as it is inflated (a small bomb must not become a large body). An
  attachment chunk has a limit of its own;
- refuses text no database column can hold — NUL, and half of a UTF-16 surrogate pair
  written as a ``\\u`` escape — with 422 in the body of every call that reads JSON,
  whatever the content type says, so a bad value never reaches PostgreSQL (which answers 500
  to NUL) or the JSON encoder (which fails on a lone surrogate). A refused body is refused
  whole, before anything of it is stored. Attachment chunks are bytes, not text; a body
  sent with a method its path does not take is left for the router to answer 405.

FastAPI's own ``max_body_size`` counts only the bytes on the wire; the body has to be read
here anyway to inflate and check it, so the limit is applied in the same pass.
"""
from __future__ import annotations

import ipaddress
import re
import zlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from fastapi.routing import APIRoute
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol as p

if TYPE_CHECKING:
    from sync.server.app import ServerConfig

#: Refusal builder: ``refuse(code, **detail)`` gives the error response for ``code``.
Refuse = Callable[..., Response]

_PROTOCOL = p.HEADER_PROTOCOL.lower().encode()
_SCHEMA = p.HEADER_SCHEMA.lower().encode()

#: An escape that may be a NUL or half of a surrogate pair: ``\\u0000`` or ``\\uD800``-``\\uDFFF``.
#: The regex engine skips everything else (other escapes, text) at C speed.
_SUSPECT = re.compile(rb"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
_LOW_HALF = re.compile(rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _escaped_backslash(body: bytes, at: int) -> bool:
    """Whether the backslash at ``at`` is itself escaped: an odd run of backslashes before
    it. ``\\\\u0000`` in JSON text is a backslash and ``u0000``, not a NUL."""
    i = at - 1
    while i >= 0 and body[i] == 0x5C:
        i -= 1
    return (at - 1 - i) % 2 == 1


def text_problem(body: bytes) -> str | None:
    """Why ``body`` (JSON text) holds a character no database can store, or None.

    ``"nul"`` for NUL (raw or escaped), ``"surrogate"`` for an escaped high surrogate not
    followed at once by a low one, or a low one on its own. The client sends UTF-8, so such
    escapes are rare and the scan costs about a millisecond per megabyte.
    """
    if b"\x00" in body:
        return "nul"
    paired_low_at = -1
    for match in _SUSPECT.finditer(body):
        at = match.start()
        if at == paired_low_at or _escaped_backslash(body, at):
            continue
        point = int(match.group()[2:], 16)
        if point == 0:
            return "nul"
        if point >= 0xDC00:
            return "surrogate"  # a low half no high half came before
        if _LOW_HALF.match(body, match.end()) is None:
            return "surrogate"  # a high half without its low half
        paired_low_at = match.end()
    return None


class BodyTooLarge(Exception):
    """The body (as sent, or once inflated) is over the limit."""


def inflate(body: bytes, *, limit: int) -> bytes:
    """A gzip body inflated, never past ``limit`` bytes. Raises ``BodyTooLarge``, or
    ``zlib.error`` for a body that is not (complete) gzip."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(body, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise BodyTooLarge
    if not inflater.eof:
        raise zlib.error("truncated gzip body")
    return out


class RequestGate:
    """The checks above, for every HTTP request. ``config`` is read per request, so a
    change to its versions takes effect at once (the tests rely on it)."""

    def __init__(self, app: ASGIApp, *, config: ServerConfig, open_paths: Iterable[str],
                 upload_prefix: str, refuse: Refuse, open_prefixes: Iterable[str] = ()
                 ) -> None:
        self.app = app
        self.config = config
        self.open_paths = frozenset(open_paths)
        #: Paths opened by a browser, which sends no version headers (the phone page).
        self.open_prefixes = tuple(open_prefixes)
        self.upload_prefix = upload_prefix
        self.refuse = refuse
        #: The methods and path of every call whose body is parsed as JSON, from the app's
        #: routes (known only once they are all added, so taken at the first request).
        self.json_calls: tuple[tuple[frozenset[str], re.Pattern[str]], ...] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        config = self.config
        stamp = (p.HEADER_PROTOCOL.encode(), str(config.protocol).encode())

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), stamp]}
            await send(message)

        proto = schema = length = encoding = None
        for name, value in scope["headers"]:
            if name == _PROTOCOL:
                proto = value
            elif name == _SCHEMA:
                schema = value
            elif name == b"content-length":
                length = value
            elif name == b"content-encoding":
                encoding = value
        path = scope["path"]
        if path not in self.open_paths and not path.startswith(self.open_prefixes):
            refusal = self._versions(proto, schema)
            if refusal is not None:
                await refusal(scope, receive, stamped)
                return
        upload = scope["method"] == "PUT" and path.startswith(self.upload_prefix)
        limit = config.max_chunk if upload else config.max_body
        if length is not None and length.isdigit() and int(length) > limit:
            await self.refuse("body_too_large", limit=limit)(scope, receive, stamped)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client has gone; there is no one to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self.refuse("body_too_large", limit=limit)(scope, receive, stamped)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        headers = scope["headers"]
        if encoding is not None and encoding.strip().lower() == b"gzip":
            try:
                body = inflate(body, limit=limit)
            except BodyTooLarge:
                await self.refuse("body_too_large", limit=limit)(scope, receive, stamped)
                return
            except zlib.error:
                await self.refuse("bad_request")(scope, receive, stamped)
                return
            headers = [(k, v) for k, v in headers
                       if k not in (b"content-encoding", b"content-length")]
            headers.append((b"content-length", str(len(body)).encode()))
        if self.json_calls is None:
            self.json_calls = _json_calls(scope["app"])
        method = scope["method"]
        if body and any(method in methods and regex.match(path)
                        for methods, regex in self.json_calls):
            problem = text_problem(body)
            if problem is not None:
                await self.refuse("invalid_text", problem=problem)(scope, receive, stamped)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # after the body: wait for a disconnect
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": headers}, replay, stamped)

    def _versions(self, proto: bytes | None, schema: bytes | None) -> Response | None:
        config = self.config
        try:
            proto_no = int(proto) if proto is not None else None
            schema_no = int(schema) if schema is not None else None
        except ValueError:
            proto_no = schema_no = None
        if proto_no is None or schema_no is None:
            # Every Liaison client has sent both since the first protocol: a request
            # without them is not from an old client but not from a client at all.
            return self.refuse("bad_request", header=f"{p.HEADER_PROTOCOL}, {p.HEADER_SCHEMA}")
        if proto_no < config.min_protocol or schema_no < config.min_client_schema:
            return self.refuse("client_outdated", protocol=config.protocol,
                               min_protocol=config.min_protocol)
        if proto_no > config.protocol:
            return self.refuse("server_outdated", protocol=config.protocol)
        return None


def _json_calls(app: Any) -> tuple[tuple[frozenset[str], re.Pattern[str]], ...]:
    return tuple((frozenset(route.methods), route.path_regex) for route in app.routes
                 if isinstance(route, APIRoute) and route.body_field is not None)


# -- the caller's address --------------------------------------------------------------------
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Proxy addresses or networks (``127.0.0.1``, ``10.0.0.0/8``, ``::1``); ValueError
    names one that is neither."""
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip())


def is_in(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(scope: Scope, trusted: tuple[Network, ...]) -> str:
    """The address a request came from, for the sign-in limit and the audit.

    ``X-Forwarded-For`` is believed only when the connection comes from a configured proxy,
    and then only as far as the proxies go: walking the list from the right (the hop the
    proxy itself added), the first address that is not a proxy is the client. Anything
    further left was written by the client and could be anything.
    """
    client: Any = scope.get("client")
    peer = str(client[0]) if client else ""
    if not trusted or not is_in(peer, trusted):
        return peer[:64]
    hops: list[str] = []
    for name, value in scope["headers"]:
        if name == b"x-forwarded-for":
            hops.extend(h.strip() for h in value.decode("latin-1").split(","))
    hops = [h for h in hops if h]
    for hop in reversed(hops):
        if not is_in(hop, trusted):
            return hop[:64]
    return (hops[0] if hops else peer)[:64]
