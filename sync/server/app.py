"""The HTTP API: login, push, pull, attachments. Every call but /health is authenticated.

Request bodies may be gzip-compressed (``Content-Encoding: gzip``), responses are gzipped
when the client accepts it: visit text compresses several times over.
"""
from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol as p
from sync.server import auth, store
from sync.server.blobs import BlobError, BlobStore
from sync.server.models import connection, open_server_database

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024 * 1024

_TEXTS: dict[str, tuple[int, str, str]] = {
    "unauthorized": (401, "Sign in to the server first.", "请先登录服务器。"),
    "token_expired": (401, "Your sign-in has expired; sign in again.", "登录已过期，请重新登录。"),
    "device_revoked": (401, "This device's access was withdrawn by the administrator; sign in "
                            "again or ask the service centre.",
                       "管理员已撤销本设备的访问权限，请重新登录或联系服务中心。"),
    "device_lost": (410, "This device was reported lost; its data is removed.",
                    "本设备已被报告丢失，设备上的数据将被清除。"),
    "device_retired": (410, "This device is retired: it sends what it holds, then removes its "
                            "data.", "本设备已停用：发送完本机数据后将清除本机数据。"),
    "bad_credentials": (401, "The user name or password is wrong.", "用户名或密码错误。"),
    "account_disabled": (403, "This account is disabled.", "该账号已停用。"),
    "rate_limited": (429, "Too many failed sign-ins; wait 15 minutes and try again.",
                     "登录失败次数过多，请 15 分钟后再试。"),
    "client_outdated": (426, "This version of Liaison is too old for the server; install the "
                             "update. Your unsent changes are kept.",
                        "此版本过旧，服务器无法接收，请安装更新。未发送的修改已保留。"),
    "server_outdated": (409, "The server is older than this app; ask the administrator to "
                             "update it. Your unsent changes are kept.",
                        "服务器版本较旧，请联系管理员升级。未发送的修改已保留。"),
    "forbidden": (403, "Your account may not do this.", "您的账号无权执行此操作。"),
    "not_found": (404, "Not found on the server.", "服务器上不存在。"),
    "bad_request": (422, "The server could not read the request.", "服务器无法读取该请求。"),
    "hash_mismatch": (422, "The file arrived damaged; it will be sent again.",
                      "文件传输损坏，将重新发送。"),
    "offset_mismatch": (409, "The upload continues from where the server stopped.",
                        "上传将从服务器已收到的位置继续。"),
    "too_large": (413, "The file is too large for the server.", "文件过大，服务器无法接收。"),
}


def error(code: str, **detail: Any) -> JSONResponse:
    status, en, zh = _TEXTS[code]
    body = p.ErrorBody(code=code, text_en=en, text_zh=zh, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status)


class ApiError(Exception):
    def __init__(self, code: str, **detail: Any) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


@dataclass
class ServerConfig:
    db_url: str
    data_dir: Path
    protocol: int = p.PROTOCOL_VERSION
    min_protocol: int = p.MIN_PROTOCOL_VERSION
    min_client_schema: int = 1
    gzip_level: int = 4
    extra: dict[str, Any] = field(default_factory=dict)


class RequestBodies:
    """Inflate gzip request bodies (with a size cap) and refuse JSON carrying NUL characters,
    which PostgreSQL text cannot hold, before FastAPI reads them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers") or [])
        gzipped = headers.get(b"content-encoding", b"").lower() == b"gzip"
        is_json = headers.get(b"content-type", b"").startswith(b"application/json")
        if scope["type"] != "http" or not (gzipped or is_json):
            await self.app(scope, receive, send)
            return
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        try:
            if gzipped:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                body = inflater.decompress(body, MAX_BODY)
                if inflater.unconsumed_tail:
                    raise ValueError("body too large")
            if is_json and b"\\u0000" in body:
                raise ValueError("NUL in JSON")
        except (zlib.error, ValueError):
            await error("bad_request")(scope, receive, send)
            return
        new_headers = [(k, v) for k, v in scope["headers"]
                       if k not in (b"content-encoding", b"content-length")]
        new_headers.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": new_headers}, replay, send)


def current_caller(request: Request) -> auth.Caller:
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    with connection():
        try:
            return auth.authenticate(token=token, device_id=request.headers.get(p.HEADER_DEVICE))
        except auth.AuthError as exc:
            raise ApiError(exc.code) from None


CallerDep = Annotated[auth.Caller, Depends(current_caller)]


def any_caller(request: Request) -> auth.Caller:
    """The caller, lost devices included (they may only confirm their wipe)."""
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    with connection():
        try:
            return auth.authenticate(token=token, device_id=request.headers.get(p.HEADER_DEVICE),
                                     allow_lost=True)
        except auth.AuthError as exc:
            raise ApiError(exc.code) from None


AnyCallerDep = Annotated[auth.Caller, Depends(any_caller)]


def _not_retiring(who: auth.Caller) -> None:
    """A retired device may send what it holds and nothing else."""
    if who.retire:
        raise ApiError("device_retired")

_OPEN_PATHS = ("/health", "/openapi.json", "/docs", "/redoc")


def create_app(config: ServerConfig) -> FastAPI:
    open_server_database(config.db_url)
    blobs = BlobStore(config.data_dir)
    app = FastAPI(title="Liaison sync server", version=str(config.protocol))
    # Attachments (photos, PDFs) are compressed already: gzip would spend the server's CPU
    # for nothing. Records (JSON) shrink several times.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=config.gzip_level,
                       exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES,
                                              "application/octet-stream"))
    app.add_middleware(RequestBodies)

    @app.middleware("http")
    async def versions(request: Request,
                       call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path not in _OPEN_PATHS:
            try:
                proto = int(request.headers.get(p.HEADER_PROTOCOL, "0"))
                schema = int(request.headers.get(p.HEADER_SCHEMA, "0"))
            except ValueError:
                proto = schema = 0
            if proto < config.min_protocol or schema < config.min_client_schema:
                return error("client_outdated", protocol=config.protocol,
                             min_protocol=config.min_protocol)
            if proto > config.protocol:
                return error("server_outdated", protocol=config.protocol)
        response = await call_next(request)
        response.headers[p.HEADER_PROTOCOL] = str(config.protocol)
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        del request
        return error(exc.code, **exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        del request
        return error("bad_request", errors=len(exc.errors()))

    @app.get("/health", response_model=p.Health)
    def health() -> p.Health:
        return p.Health(status="ok", protocol=config.protocol, min_protocol=config.min_protocol,
                        server_time=dt.datetime.now(dt.timezone.utc).isoformat())

    @app.post("/auth/login", response_model=p.LoginResponse,
              responses={401: {"model": p.ErrorBody}, 429: {"model": p.ErrorBody}})
    def login(body: p.LoginRequest, request: Request) -> p.LoginResponse:
        address = request.client.host if request.client else ""
        with connection():
            try:
                token, device = auth.login(username=body.username, password=body.password,
                                           device_id=body.device_id,
                                           device_name=body.device_name, address=address)
            except auth.AuthError as exc:
                raise ApiError(exc.code) from None
            user = device.user
            return p.LoginResponse(
                token=token, expires_at=device.expires_at.isoformat(),
                account=_account(user.username, user.role, user.officer_id, user.id),
                device_key=device.escrow_key)

    def _account(username: str, role: str, officer_id: str, user_id: int) -> p.Account:
        ents = None if role in ("center", "viewer") else auth.assigned_enterprises(user_id)
        return p.Account(username=username, role=role, officer_id=officer_id,
                         enterprise_ids=ents)

    @app.get("/me", response_model=p.Account, responses={401: {"model": p.ErrorBody}})
    def me(who: CallerDep) -> p.Account:
        _not_retiring(who)
        with connection():
            return _account(who.username, who.role, who.officer_id, who.user_id)

    @app.post("/auth/logout", status_code=204, responses={401: {"model": p.ErrorBody}})
    def logout(who: CallerDep) -> Response:
        with connection():
            auth.revoke_device(device_pk=who.device_pk, by=who.username)
        return Response(status_code=204)

    @app.post("/device/wiped", status_code=204, responses={401: {"model": p.ErrorBody}})
    def device_wiped(who: AnyCallerDep, request: Request) -> Response:
        with connection():
            try:
                auth.confirm_wiped(who, address=request.client.host if request.client else "")
            except auth.AuthError as exc:
                raise ApiError(exc.code) from None
        return Response(status_code=204)

    @app.post("/sync/push", response_model=p.PushResponse,
              responses={401: {"model": p.ErrorBody}})
    def push(body: p.PushRequest, who: CallerDep) -> Response:
        with connection():
            results, high = store.push(who, body.ops)
        payload = p.PushResponse(results=results, high_seq=high)
        return Response(payload.model_dump_json(), media_type="application/json")

    @app.post("/sync/pull", response_model=p.PullResponse,
              responses={401: {"model": p.ErrorBody}})
    def pull(body: p.PullRequest, who: CallerDep) -> Response:
        _not_retiring(who)
        with connection():
            text = store.pull_page(who, body)
        return Response(text, media_type="application/json")

    @app.post("/attachments/missing", response_model=p.MissingResponse,
              responses={401: {"model": p.ErrorBody}})
    def missing(body: p.MissingRequest, who: CallerDep) -> p.MissingResponse:
        hashes = [h for h in body.hashes if _is_sha(h)]
        with connection():
            readable = store.readable_blobs(hashes, who) if not who.whole_county else set()
            return p.MissingResponse(missing=blobs.missing(
                hashes, user_id=who.user_id, whole_county=who.whole_county,
                readable=readable))

    @app.put("/attachments/{sha256}", response_model=p.UploadResult,
             responses={401: {"model": p.ErrorBody}, 409: {"model": p.ErrorBody},
                        422: {"model": p.ErrorBody}})
    async def upload(sha256: str, request: Request, who: CallerDep,
                     offset: int = Query(ge=0, le=2**40),
                     total: int = Query(ge=0, le=2**40)) -> p.UploadResult:
        if not who.can_write:
            raise ApiError("forbidden")
        if not _is_sha(sha256):
            raise ApiError("bad_request")
        chunk = await request.body()
        def work() -> p.UploadResult:
            with connection():
                try:
                    held, done = blobs.upload(sha256, user_id=who.user_id, offset=offset,
                                              total=total, chunk=chunk)
                except BlobError as exc:
                    raise ApiError(exc.code, received=exc.received) from None
            return p.UploadResult(sha256=sha256, received=held, complete=done)

        return await anyio.to_thread.run_sync(work)

    @app.get("/attachments/{sha256}", response_class=FileResponse,
             responses={401: {"model": p.ErrorBody}, 404: {"model": p.ErrorBody}})
    def download(sha256: str, who: CallerDep) -> FileResponse:
        if not _is_sha(sha256):
            raise ApiError("bad_request")
        _not_retiring(who)
        with connection():
            if not blobs.has(sha256) or not store.blob_readable(sha256, who):
                raise ApiError("not_found")
        return FileResponse(blobs.path(sha256), media_type="application/octet-stream")

    return app


def _is_sha(value: str) -> bool:
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)

