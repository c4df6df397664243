"""The HTTP API: login, push, pull, attachments. Every call but /health is authenticated.

Request bodies may be gzip-compressed (``Content-Encoding: gzip``), responses are gzipped
when the client accepts it: visit text compresses several times over. Every request first
passes ``gate.RequestGate`` (versions, body limits, text a database can hold); every error,
including the framework's own (404, 405, a body that is not JSON), is an ``ErrorBody`` and
is declared in the OpenAPI document with its status.
"""
from __future__ import annotations

import datetime as dt
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar

import anyio.to_thread
import peewee
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from sync import protocol as p
from sync.server import (
    auth,
    evaluation_web,
    gate,
    group_commit,
    metrics,
    observe,
    pass_keys,
    store,
)
from sync.server.blobs import BlobError, BlobStore
from sync.server.models import connection, open_server_database, server_db
from sync.server.retention import Retention, start_pruner

log = logging.getLogger(__name__)
T = TypeVar("T")


_TEXTS: dict[str, tuple[int, str, str]] = {
    "unauthorized": (401, "Sign in to the server first.", "请先登录服务器。"),
    "token_expired": (401, "Your sign-in has expired; sign in again.", "登录已过期，请重新登录。"),
    "device_revoked": (401, "This device's access was withdrawn by the administrator; sign in "
                            "again or ask the service centre.",
                       "管理员已撤销本设备的访问权限，请重新登录或联系服务中心。"),
    "device_lost": (410, "This device was reported lost; its data is removed.",
                    "本设备已被报告丢失，设备上的数据将被清除。"),
    "in_service": (409, "This device is in service: there is no removal to confirm.",
                   "本设备仍在使用，没有需要确认的清除。"),
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
    "body_too_large": (413, "The request is larger than the server accepts; nothing of it was "
                            "saved.", "请求超过服务器允许的大小，未保存任何内容。"),
    "invalid_text": (422, "The request contains a character the server cannot store (a NUL "
                          "character or half of a character pair); nothing of it was saved.",
                     "请求中含有服务器无法保存的字符（空字符或不完整的字符），未保存任何内容。"),
    "method_not_allowed": (405, "The server does not accept this kind of request here.",
                           "服务器在此不接受这种请求。"),
    "resync_required": (409, "This laptop has not synced for longer than the server keeps "
                             "its history: it receives every record again, then sends its "
                             "changes. Nothing is lost.",
                        "本机上次同步距今已超过服务器保留记录的期限，将重新接收全部记录，然后发送"
                        "本机的修改，不会丢失任何内容。"),
    "not_ready": (503, "The server cannot reach its database.", "服务器无法连接数据库。"),
}


def error(code: str, *, headers: dict[str, str] | None = None, **detail: Any) -> JSONResponse:
    status, en, zh = _TEXTS[code]
    body = p.ErrorBody(code=code, text_en=en, text_zh=zh, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


class ApiError(Exception):
    def __init__(self, code: str, **detail: Any) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


#: How uvicorn must run the app. Its own ``X-Forwarded-For`` handling believes the header from
#: any loopback caller by default; the app reads it itself, and only from the proxies its
#: configuration names (``ServerConfig.trusted_proxies``).
UVICORN_OPTIONS: dict[str, Any] = {"proxy_headers": False}


@dataclass
class ServerConfig:
    db_url: str
    data_dir: Path
    protocol: int = p.PROTOCOL_VERSION
    min_protocol: int = p.MIN_PROTOCOL_VERSION
    min_client_schema: int = 1
    gzip_level: int = 4
    #: Largest request body in bytes, counted after gzip is undone (413 above it). The largest
    #: push batch of a demo county's data is 0.6 MiB and 1,000 visits written at great length
    #: 18 MiB (tests/perf/bench_body_limit.py); parsing a body costs the server several times
    #: its size, so the limit is also what keeps a flood of them from exhausting it.
    max_body: int = p.DEFAULT_MAX_BODY
    #: Largest attachment upload request: one chunk.
    max_chunk: int = p.ATTACHMENT_CHUNK
    #: Proxies (addresses or networks) whose ``X-Forwarded-For`` names the caller's address;
    #: from anyone else the header is ignored.
    trusted_proxies: tuple[str, ...] = ()
    #: Addresses or networks that may read ``/metrics`` (the Prometheus server); none by
    #: default.
    metrics_from: tuple[str, ...] = ()
    #: A token that may read ``/metrics`` from anywhere (``Authorization: Bearer``).
    metrics_token: str = ""
    #: Where the access log goes: a file (reopened when logrotate moves it), "-" for standard
    #: error, "" for nowhere.
    access_log: str = ""
    #: What is kept how long, and how often it is pruned (seconds; 0: only by the command).
    retention: Retention = field(default_factory=Retention)
    prune_every: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def on_loop(read: Callable[[], T]) -> T:
    """Run a short database read on the event loop's own connection, without a thread.

    Only reads that never wait for a lock belong here: the token lookup and what a no-op
    pull reads (a read in SQLite's WAL mode or on PostgreSQL never waits for a writer). The
    loop keeps one connection for itself (PostgreSQL: taken from the pool once, so it never
    waits for a free one); if the database was restarted under it, it is replaced once.
    """
    db = server_db.obj
    try:
        db.connect(reuse_if_open=True)
        return read()
    except (peewee.OperationalError, peewee.InterfaceError):
        db.close()
        db.connect()
        return read()


async def current_caller(request: Request) -> auth.Caller:
    """The authenticated caller: one indexed read on the event loop, so an unauthenticated
    call is refused (401) before its body is looked at, and without a thread hop."""
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    device = request.headers.get(p.HEADER_DEVICE)
    try:
        return on_loop(lambda: auth.authenticate(token=token, device_id=device))
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


async def in_thread(who: auth.Caller | None, work: Callable[[], T]) -> T:
    """A request's database work, in one worker thread with a connection of its own; the
    caller's ``last_seen`` is written there when due (a write may wait for the lock)."""
    def run() -> T:
        with connection():
            if who is not None and who.seen_due:
                auth.touch(who)
            return work()

    return await anyio.to_thread.run_sync(run)


#: A push answer of at most this many results is encoded on the event loop (a thread hop
#: costs more); a longer one in a thread, so the loop keeps answering others meanwhile.
_ANSWER_ON_LOOP = 50
#: A push of at most this many operations is worked out on the event loop.
_PREPARE_ON_LOOP = 10
#: An officer at most this many changes (of anyone's) behind the mark pulls on the loop: a
#: page of at most that many records (and their parents).
_NEARLY_IN_STEP = 500

_OPEN_PATHS = ("/health", "/ready", "/metrics", "/openapi.json", "/docs", "/redoc")


class _Sha256(Convertor[str]):
    """``{name:sha256}`` in a route: only a file hash matches, so ``/attachments/missing``
    is never taken for a hash and other methods on it get 405, not a validation error."""

    regex = "[0-9a-f]{64}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("sha256", _Sha256())
#: A hash in a path, with its pattern in the OpenAPI document.
ShaParam = Annotated[str, PathParam(pattern=p.SHA_PATTERN)]

#: Refusals every call but the open ones can meet before it reaches its endpoint.
_GATE_CODES = ("bad_request", "invalid_text", "body_too_large", "client_outdated",
               "server_outdated")
_AUTH_CODES = ("unauthorized", "token_expired", "device_revoked", "device_lost",
               "device_retired")


def _errors(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error codes and the gate's, one entry per status
    naming the codes it carries."""
    by_status: dict[int, list[str]] = {}
    for code in (*_GATE_CODES, *codes):
        by_status.setdefault(_TEXTS[code][0], []).append(code)
    return {status: {"model": p.ErrorBody, "description": "Error codes: " + ", ".join(found)}
            for status, found in sorted(by_status.items())}


_DOWNLOAD_RANGES: dict[int | str, dict[str, Any]] = {
    206: {"description": "The rest of the file from the requested ``Range: bytes=N-``",
          "content": {"application/octet-stream": {"schema": {"type": "string",
                                                              "format": "binary"}}}},
    416: {"description": "The requested range starts past the end of the file"},
}


def _allowed_methods(app: FastAPI, path: str) -> str:
    """The methods some route takes at ``path``, for the ``Allow`` header of a 405."""
    methods: set[str] = set()
    for route in app.router.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


#: Text the server takes: no NUL (``gate.text_problem``; lone surrogates cannot be written
#: in a pattern every JSON Schema dialect reads, so they are named in the description).
_NO_NUL = "^[^\\x00]*$"
_JSON_VALUE = {"description": "Any JSON value; text without NUL or unpaired surrogates",
               "anyOf": [
                   {"type": "null"}, {"type": "boolean"}, {"type": "number"},
                   {"type": "string", "pattern": _NO_NUL},
                   {"type": "array", "items": {"$ref": "#/components/schemas/JsonValue"}},
                   {"type": "object", "propertyNames": {"pattern": _NO_NUL},
                    "additionalProperties": {"$ref": "#/components/schemas/JsonValue"}}]}


def _clean_text_only(schema: Any) -> None:
    """Say in the document what the gate enforces: every string is text without NUL, and a
    free-form object (``changes``, ``data``, ``detail``) holds only such text."""
    if isinstance(schema, list):
        for item in schema:
            _clean_text_only(item)
        return
    if not isinstance(schema, dict):
        return
    if (schema.get("type") == "string" and not
            {"pattern", "format", "enum", "const", "contentMediaType"} & schema.keys()):
        schema["pattern"] = _NO_NUL
    if schema.get("type") == "object" and schema.get("additionalProperties") is True:
        schema["propertyNames"] = {"pattern": _NO_NUL}
        schema["additionalProperties"] = {"$ref": "#/components/schemas/JsonValue"}
    for value in schema.values():
        _clean_text_only(value)


def _openapi(app: FastAPI, config: ServerConfig) -> dict[str, Any]:
    """FastAPI's document plus what every call carries in its headers: the versions, and
    for authenticated calls the device token and the device it was issued to, and that
    text carries no NUL."""
    doc = get_openapi(title=app.title, version=app.version, routes=app.routes)
    _clean_text_only(doc)
    doc.setdefault("components", {}).setdefault("schemas", {})["JsonValue"] = _JSON_VALUE
    # The token and the device it was issued to are one credential: both are required.
    doc["components"]["securitySchemes"] = {
        "deviceToken": {"type": "http", "scheme": "bearer",
                        "description": "The token POST /auth/login issued"},
        "deviceId": {"type": "apiKey", "in": "header", "name": p.HEADER_DEVICE,
                     "description": "The device id the token was issued to; the token is "
                                    "refused with any other or none"}}
    versions = [
        {"name": p.HEADER_PROTOCOL, "in": "header", "required": True,
         "description": "The client's protocol version (426 when too old, 409 when newer "
                        "than the server)",
         "schema": {"type": "integer", "minimum": config.min_protocol,
                    "maximum": config.protocol}},
        {"name": p.HEADER_SCHEMA, "in": "header", "required": True,
         "description": "The client's local database schema version (426 when too old)",
         "schema": {"type": "integer", "minimum": config.min_client_schema}},
    ]
    for path, item in doc.get("paths", {}).items():
        if path in _OPEN_PATHS:
            continue
        for operation in item.values():
            params = operation.setdefault("parameters", [])
            params.extend(versions)
            if path != "/auth/login":
                operation["security"] = [{"deviceToken": [], "deviceId": []}]
    return doc


def create_app(config: ServerConfig) -> FastAPI:
    open_server_database(config.db_url)
    pass_keys.configure(config.data_dir)
    blobs = BlobStore(config.data_dir)
    if config.prune_every > 0:
        start_pruner(db_url=config.db_url, data_dir=config.data_dir,
                     retention=config.retention, every=config.prune_every)
    # FastAPI's own OpenTelemetry hooks off: the server has its metrics and access log
    # (``observe``), and asking whether telemetry is configured read the environment in
    # every request.
    app = FastAPI(title="Liaison sync server", version=str(config.protocol),
                  telemetry={"tracing": False, "metrics": False, "logs": False})
    # Attachments (photos, PDFs) are compressed already: gzip would spend the server's CPU
    # for nothing. Records (JSON) shrink several times.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=config.gzip_level,
                       exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES,
                                              "application/octet-stream"))
    app.add_middleware(gate.RequestGate, config=config, open_paths=_OPEN_PATHS,
                       open_prefixes=(evaluation_web.PUBLIC_PREFIX,),
                       upload_prefix="/attachments/", refuse=error)
    trusted = gate.parse_networks(config.trusted_proxies)
    # Outermost: it times and logs every request, the gate's refusals included.
    app.add_middleware(observe.Observe, trusted=trusted,
                       access_log=observe.access_logger(config.access_log))

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        del request
        return error(exc.code, **exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        del request
        return error("bad_request", errors=len(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def refused(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # The framework's own refusals, in the same shape as every other error.
        if exc.status_code == 405:
            return error("method_not_allowed",
                         headers={"Allow": _allowed_methods(app, request.url.path)})
        if exc.status_code == 404:
            return error("not_found")
        if exc.status_code == 413:
            return error("body_too_large", limit=config.max_body)
        # 400: a body FastAPI could not read as JSON (e.g. not UTF-8).
        return error("bad_request")

    @app.get("/health", response_model=p.Health)
    async def health() -> p.Health:
        """Liveness: the process answers. Touches nothing else."""
        return p.Health(status="ok", protocol=config.protocol, min_protocol=config.min_protocol,
                        server_time=dt.datetime.now(dt.timezone.utc).isoformat())

    @app.get("/ready", response_model=p.Health, responses={503: {"model": p.ErrorBody}})
    async def ready() -> p.Health:
        """Readiness: the database answers a query (a load balancer sends no laptop to a
        process that cannot serve it)."""
        try:
            await in_thread(None, lambda: server_db.obj.execute_sql("SELECT 1").fetchone())
        except Exception:  # noqa: BLE001 - whatever failed, the answer is "not ready"
            log.warning("readiness check failed", exc_info=True)
            raise ApiError("not_ready") from None
        return await health()

    @app.get("/metrics", include_in_schema=False)
    async def metrics_page(request: Request) -> Response:
        """Prometheus metrics, to the configured scrape addresses or with the admin token."""
        if not _may_scrape(request, config, trusted):
            raise ApiError("forbidden")
        body, content_type = metrics.render()
        return Response(body, media_type=content_type)

    @app.post("/auth/login", response_model=p.LoginResponse,
              responses=_errors("bad_credentials", "account_disabled", "rate_limited"))
    async def login(body: p.LoginRequest, request: Request) -> p.LoginResponse:
        address = gate.client_address(request.scope, trusted)

        def work() -> p.LoginResponse:
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

        return await in_thread(None, work)

    def _account(username: str, role: str, officer_id: str, user_id: int) -> p.Account:
        ents = None if role in auth.WHOLE_COUNTY else auth.assigned_enterprises(user_id)
        return p.Account(username=username, role=role, officer_id=officer_id,
                         enterprise_ids=ents)

    @app.get("/me", response_model=p.Account, responses=_errors(*_AUTH_CODES))
    async def me(who: CallerDep) -> p.Account:
        _not_retiring(who)
        return await in_thread(who, lambda: _account(who.username, who.role, who.officer_id,
                                                     who.user_id))

    @app.post("/auth/logout", status_code=204, responses=_errors(*_AUTH_CODES))
    async def logout(who: CallerDep) -> Response:
        await in_thread(who, lambda: auth.revoke_device(device_pk=who.device_pk,
                                                        by=who.username))
        return Response(status_code=204)

    @app.post("/device/wiped", status_code=204, responses=_errors(*_AUTH_CODES, "in_service"))
    def device_wiped(who: AnyCallerDep, request: Request) -> Response:
        with connection():
            try:
                auth.confirm_wiped(who, address=request.client.host if request.client else "")
            except auth.AuthError as exc:
                raise ApiError(exc.code) from None
        return Response(status_code=204)

    @app.post("/sync/push", response_model=p.PushResponse,
              responses=_errors(*_AUTH_CODES, "resync_required"))
    async def push(body: p.PushRequest, who: CallerDep, request: Request) -> Response:
        if who.stale:
            # Its replays may find their stored answers pruned and be applied twice.
            metrics.RESYNC.inc()
            raise ApiError("resync_required")

        if len(body.ops) <= _PREPARE_ON_LOOP and not who.seen_due:
            # Reads only, a millisecond or two: cheaper than the hop to a thread and back.
            prepared = on_loop(lambda: store.prepare_push(who, body.ops))
        else:
            prepared = await in_thread(who, lambda: store.prepare_push(who, body.ops))
        if prepared.writes:
            # Committed together with the pushes and submissions that arrive meanwhile.
            await group_commit.writer_of(request.app.state).write(prepared.commit)
            prepared.count()

        def answer() -> str:
            return p.PushResponse(results=prepared.results,
                                  high_seq=prepared.high).model_dump_json()

        if len(prepared.results) <= _ANSWER_ON_LOOP:
            return Response(answer(), media_type="application/json")
        return Response(await anyio.to_thread.run_sync(answer), media_type="application/json")

    @app.post("/sync/pull", response_model=p.PullResponse,
              responses=_errors(*_AUTH_CODES, "resync_required"))
    async def pull(body: p.PullRequest, who: CallerDep) -> Response:
        _not_retiring(who)
        full = body.since == 0 and not body.tables
        if who.stale and not full:
            metrics.RESYNC.inc()
            raise ApiError("resync_required")
        try:
            text = None
            if not (who.stale or who.seen_due or body.want_counts or body.tables):
                # A device in step: a few reads answer it on the loop, no thread needed.
                text = on_loop(lambda: store.nothing_new(who, body))
            if text is None:
                def work(req: p.PullRequest) -> str:
                    page, sent = store.pull_page(who, req)
                    if who.stale:  # it is pulling everything again: its pushes count now
                        auth.touch(who)
                    metrics.PULLED.inc(sent)
                    return page

                if (who.assigned is not None and not who.stale and not who.seen_due
                        and 0 < body.since and who.high_seq - body.since <= _NEARLY_IN_STEP):
                    # An officer nearly in step (the laptop's pull right after its push):
                    # no more changes than that were made since its cursor, in the whole
                    # county, so the page is short; read on the loop without a thread hop.
                    text = on_loop(lambda: work(body))
                else:
                    text = await in_thread(who, lambda: work(body))
        except store.ResyncRequired:
            metrics.RESYNC.inc()
            raise ApiError("resync_required") from None
        return Response(text, media_type="application/json")

    @app.post("/attachments/missing", response_model=p.MissingResponse,
              responses=_errors(*_AUTH_CODES))
    async def missing(body: p.MissingRequest, who: CallerDep) -> p.MissingResponse:
        hashes = [h for h in body.hashes if _is_sha(h)]

        def work() -> p.MissingResponse:
            readable = store.readable_blobs(hashes, who) if not who.whole_county else set()
            return p.MissingResponse(missing=blobs.missing(
                hashes, user_id=who.user_id, whole_county=who.whole_county, readable=readable))

        return await in_thread(who, work)

    @app.put("/attachments/{sha256:sha256}", response_model=p.UploadResult,
             responses=_errors(*_AUTH_CODES, "not_found", "forbidden", "offset_mismatch",
                               "too_large", "hash_mismatch"),
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {
                     "type": "string", "format": "binary", "maxLength": config.max_chunk}}}}})
    async def upload(sha256: ShaParam, request: Request, who: CallerDep,
                     offset: int = Query(ge=0, le=2**40),
                     total: int = Query(ge=0, le=2**40)) -> p.UploadResult:
        if not who.can_write:
            raise ApiError("forbidden")
        if not _is_sha(sha256):
            raise ApiError("bad_request")
        chunk = await request.body()

        def work() -> p.UploadResult:
            try:
                held, done = blobs.upload(sha256, user_id=who.user_id, offset=offset,
                                          total=total, chunk=chunk)
            except BlobError as exc:
                raise ApiError(exc.code, received=exc.received) from None
            return p.UploadResult(sha256=sha256, received=held, complete=done)

        return await in_thread(who, work)

    @app.get("/attachments/{sha256:sha256}", response_class=FileResponse,
             responses={**_errors(*_AUTH_CODES, "not_found"), **_DOWNLOAD_RANGES})
    async def download(sha256: ShaParam, who: CallerDep) -> FileResponse:
        if not _is_sha(sha256):
            raise ApiError("bad_request")
        _not_retiring(who)

        def work() -> None:
            if not blobs.has(sha256) or not store.blob_readable(sha256, who):
                raise ApiError("not_found")

        await in_thread(who, work)
        return FileResponse(blobs.path(sha256), media_type="application/octet-stream")

    evaluation_web.register(app, config)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _openapi(app, config)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _may_scrape(request: Request, config: ServerConfig, trusted: tuple[gate.Network, ...]
                ) -> bool:
    """Metrics are for the monitoring system: its configured addresses, or whoever shows
    the metrics token (``Authorization: Bearer``)."""
    token = config.metrics_token
    if token:
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if given and hmac.compare_digest(given.encode(), token.encode()):
            return True
    allowed = gate.parse_networks(config.metrics_from)
    return bool(allowed) and gate.is_in(gate.client_address(request.scope, trusted), allowed)


def _is_sha(value: str) -> bool:
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)

