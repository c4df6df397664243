"""The phone scoring page and the centre's calls that issue its links.

- ``GET /m/{token}``: the form of one enterprise for one round (plain HTML, inline CSS, a few
  lines of optional script, nothing loaded from elsewhere); ``POST /m/{token}``: its one
  submission. No account: the link is the key. Refusals are short pages that name neither
  the enterprise nor the round.
- ``GET|POST /evaluation/rounds/{round_id}/links`` (centre accounts): where each invited
  enterprise stands / issue new links, whose URLs are returned once and kept nowhere.

Pages speak Chinese, or English to a browser whose first language is English.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import parse_qsl

import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, Response

from sync import protocol as p
from sync.server import auth, gate, group_commit
from sync.server import evaluation as ev
from sync.server.models import connection

if TYPE_CHECKING:
    from sync.server.app import ServerConfig

log = logging.getLogger(__name__)

#: Where phones reach the server, when that differs from the address the centre calls.
ENV_PUBLIC_URL = "LIAISON_SERVER_PUBLIC_URL"
#: A form of 30 units, each with a long comment in Chinese, is a few hundred kilobytes.
MAX_FORM_BYTES = 1 << 20

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)

#: key -> (Chinese, English)
TEXTS: dict[str, tuple[str, str]] = {
    "evaluation": ("满意度测评", "Satisfaction evaluation"),
    "enterprise": ("测评企业", "Your enterprise"),
    "anonymous": ("本次测评为匿名测评：结果只做汇总统计，不会显示哪家企业打了多少分；企业名称"
                  "只用于防止重复提交。",
                  "This evaluation is anonymous: results are reported only as totals and "
                  "never show which enterprise gave which score; your enterprise's name only "
                  "keeps a sheet from being sent twice."),
    "hint_points": ("请对以下单位的服务逐项打分（0–{max} 分，分数越高越满意）。不了解的项目请选"
                    "“不了解/不适用”，它不计为零分。",
                    "Score each unit's service on every point, from 0 to {max} (higher is "
                    "better). Choose \u201cDon't know / not applicable\u201d where you cannot "
                    "judge; it does not count as zero."),
    "hint_levels": ("请对以下单位的服务逐项选择满意程度。不了解的项目请选“不了解/不适用”，"
                    "它不计为零分。",
                    "Choose how satisfied you are with each unit's service on every point. "
                    "Choose \u201cDon't know / not applicable\u201d where you cannot judge; it "
                    "does not count as zero."),
    "points_of": ("/ {max} 分", "/ {max}"),
    "na": ("不了解/不适用", "Don't know / not applicable"),
    "comments": ("意见和建议（选填）", "Comments and suggestions (optional)"),
    "submit": ("提交测评", "Submit"),
    "sending": ("正在提交…", "Sending…"),
    "once": ("每个链接只能提交一次，提交后不能修改。", "This link accepts one submission; it "
             "cannot be changed afterwards."),
    "received": ("以下单位的测评表已经收到，无需再填：{units}",
                 "Sheets for these units have already been received: {units}"),
    "all_received_title": ("已经收到", "Already received"),
    "all_received": ("贵企业对本次测评各单位的评分已经全部收到，感谢参与！",
                     "Your enterprise's scores for every unit of this evaluation have been "
                     "received. Thank you!"),
    "errors_title": ("还有 {n} 处需要填写或修改：", "{n} answers need your attention:"),
    "missing": ("{unit} · {dim}：请打分，或选择“不了解/不适用”。",
                "{unit} · {dim}: give a score or choose \u201cDon't know / not "
                "applicable\u201d."),
    "out_of_range": ("{unit} · {dim}：请填写 0 到 {max} 之间的分数。",
                     "{unit} · {dim}: enter a score from 0 to {max}."),
    "not_a_level": ("{unit} · {dim}：请从给出的选项中选择。",
                    "{unit} · {dim}: choose one of the options given."),
    "comment_too_long": ("{unit}：意见和建议最多 {max} 个字，请删减后再提交。",
                         "{unit}: comments may have at most {max} characters; shorten them."),
    "comment_bad_text": ("{unit}：意见和建议中有无法保存的字符，请删去后再提交。",
                         "{unit}: the comments contain characters that cannot be stored; "
                         "remove them."),
    "changed": ("测评内容刚刚有所调整，请按新的内容重新填写。",
                "The evaluation was just changed; fill in the form again as it is now."),
    "taken": ("{units}的测评表刚刚已由工作人员录入，已从表中去掉。请提交其余单位的评分。",
              "Sheets for {units} were just entered by the staff and have been taken off "
              "the form. Submit the scores for the other units."),
    "thanks_title": ("提交成功", "Thank you"),
    "thanks": ("您的测评已经提交，感谢参与！此链接已失效，可以关闭本页。",
               "Your scores have been submitted. Thank you! This link no longer works; you "
               "can close this page."),
    "invalid_title": ("链接无效", "This link does not work"),
    "invalid": ("此链接无效或已被替换。请核对链接，或向会场工作人员索取新的二维码。",
                "This link is not valid or has been replaced. Check it, or ask the staff "
                "for a new QR code."),
    "used_title": ("已经提交", "Already submitted"),
    "used": ("此链接的测评已经提交过，不能重复提交。感谢您的参与！",
             "Scores have already been submitted with this link; it cannot be used again. "
             "Thank you!"),
    "not_open_title": ("测评尚未开始", "Not open yet"),
    "not_open": ("测评开始后才能打分，请稍后再打开此链接。",
                 "Scoring has not started yet; open this link again once it has."),
    "closed_title": ("测评已结束", "Evaluation closed"),
    "closed": ("本次测评已经结束，不再接受打分。感谢您的关注！",
               "This evaluation has closed and takes no more scores. Thank you!"),
    "unusable_title": ("暂时无法打分", "Scoring unavailable"),
    "unusable": ("本次测评暂时无法在手机上打分，请联系会场工作人员。",
                 "This evaluation cannot be scored on a phone at the moment; ask the staff."),
    "limited_title": ("请稍后再试", "Try again later"),
    "limited": ("无效链接的尝试次数过多，请 15 分钟后再试。",
                "Too many attempts with links that do not work; try again in 15 minutes."),
    "error_title": ("出错了", "Something went wrong"),
    "error": ("服务器暂时无法处理，请稍后再试，或使用纸质测评表。",
              "The server could not handle this just now; try again later or use the "
              "paper sheet."),
    "too_large_title": ("内容过多", "Too much text"),
    "too_large": ("提交的内容过多，请删减意见和建议后再提交。",
                  "The form is too large; shorten the comments and submit again."),
    "bad_form_title": ("无法读取", "Could not read the form"),
    "bad_form": ("无法读取提交的内容，请重新打开此链接再填写。",
                 "The form could not be read; open this link again and fill it in."),
    "centre": ("企业服务中心", "Enterprise service centre"),
    "list_sep": ("、", ", "),
}

#: Each refusal: (HTTP status, title key, text key).
_REFUSALS: dict[str, tuple[int, str, str]] = {
    ev.INVALID: (404, "invalid_title", "invalid"),
    ev.LIMITED: (429, "limited_title", "limited"),
    ev.USED: (410, "used_title", "used"),
    ev.CLOSED: (410, "closed_title", "closed"),
    ev.NOT_OPEN: (409, "not_open_title", "not_open"),
    ev.UNUSABLE: (503, "unusable_title", "unusable"),
    "error": (500, "error_title", "error"),
    "too_large": (413, "too_large_title", "too_large"),
    "bad_form": (400, "bad_form_title", "bad_form"),
}

#: Error codes of the centre's calls: (HTTP status, English, Chinese).
_API_ERRORS: dict[str, tuple[int, str, str]] = {
    "round_not_found": (404, "The server has no such evaluation round yet; sync the round "
                             "first.", "服务器上还没有该测评，请先同步。"),
    "round_closed": (409, "The evaluation round is closed; its links can no longer be issued.",
                     "该测评已结束，不能再发放链接。"),
    "round_unusable": (409, "The evaluation round is incomplete (units, dimensions or scale); "
                            "correct it and sync again.",
                       "该测评的设置不完整（测评单位、维度或评分方式），请修改后重新同步。"),
    "not_invited": (409, "Links can only be issued to enterprises invited to the round.",
                    "只能给受邀参加该测评的企业发放链接。"),
}


#: Paths of the phone page: opened by browsers, without the app's headers or a token.
PUBLIC_PREFIX = ev.PHONE_PATH


def is_public(path: str) -> bool:
    return path.startswith(PUBLIC_PREFIX)


# -- pages ---------------------------------------------------------------------------------
def _lang(request: Request) -> int:
    """0 for Chinese (the default), 1 when the browser's first language is English."""
    first = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return 1 if first.startswith("en") else 0


class _Texts:
    def __init__(self, lang: int) -> None:
        self.lang = lang

    def __getattr__(self, key: str) -> str:
        return TEXTS[key][self.lang]

    def get(self, key: str, **values: Any) -> str:
        return TEXTS[key][self.lang].format(**values)


def _headers(nonce: str, started: float, waited: float | None = None) -> dict[str, str]:
    return {
        # Nothing from elsewhere; only this response's own style and script; the form posts
        # back here only; not framed by another site.
        "Content-Security-Policy": (f"default-src 'none'; style-src 'nonce-{nonce}'; "
                                    f"script-src 'nonce-{nonce}'; img-src 'self' data:; "
                                    "form-action 'self'; base-uri 'none'; "
                                    "frame-ancestors 'none'"),
        # The token is in the address: it must not travel on as a referrer or stay in a
        # shared cache.
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        # The time the page's code took, and of it the wait for the turn to write.
        "Server-Timing": f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
                         + (f", wait;dur={waited * 1000:.1f}" if waited is not None else ""),
    }


def _page(template: str, *, status: int, lang: int, started: float,
          waited: float | None = None, **values: Any) -> HTMLResponse:
    nonce = secrets.token_urlsafe(12)
    html = _TEMPLATES.get_template(template).render(
        t=_Texts(lang), lang_tag=("zh-CN", "en")[lang], nonce=nonce, **values)
    return HTMLResponse(html, status_code=status, headers=_headers(nonce, started, waited))


def _refusal(kind: str, *, lang: int, started: float) -> HTMLResponse:
    status, title, text = _REFUSALS[kind]
    t = _Texts(lang)
    return _page("phone_message.html", status=status, lang=lang, started=started,
                 title=getattr(t, title), message=getattr(t, text), kind=kind)


@dataclass(frozen=True)
class _Unit:
    index: int
    key: str
    name: str


@dataclass(frozen=True)
class _FormView:
    """What the form shows: the units still to score, those already received."""

    units: list[_Unit]
    received: list[str]
    enterprise_name: str
    #: Every unit's name, received or not.
    names: dict[str, str]


def _form_view(found: ev.Round, enterprise_id: str, lang: int) -> _FormView:
    names = ev.unit_names(found.units, centre_name=_Texts(lang).centre)
    known = [u for u in found.units if u in names]
    if len(known) != len(found.units):
        log.warning("evaluation round %s names units the server has no record of: %s",
                    found.id, [u for u in found.units if u not in names])
    received = ev.received_units(found.id, enterprise_id, known)
    units = [_Unit(i, u, names[u]) for i, u in enumerate(found.units)
             if u in names and u not in received]
    enterprise = ev.enterprise_names([enterprise_id]).get(enterprise_id, "")
    return _FormView(units, [names[u] for u in known if u in received], enterprise, names)


def _form_page(found: ev.Round, view: _FormView, *, lang: int, started: float,
               values: Mapping[str, str] | None = None,
               problems: Sequence[ev.Problem] = (), notice: str = "",
               status: int = 200) -> HTMLResponse:
    t = _Texts(lang)
    if not view.units:
        return _page("phone_message.html", status=200, lang=lang, started=started,
                     title=t.all_received_title, message=t.all_received, kind="received")
    unit_name = {u.key: u.name for u in view.units}
    dim_label = {d.key: d.label for d in found.dimensions}
    messages = []
    for pr in problems:
        messages.append({"anchor": pr.anchor, "text": t.get(
            pr.code, unit=unit_name.get(pr.unit, ""), dim=dim_label.get(pr.dimension, ""),
            max=found.top if pr.code == "out_of_range" else ev.MAX_COMMENT)})
    hint = (t.get("hint_points", max=found.top) if found.scale.kind == "points"
            else t.hint_levels)
    return _page(
        "phone_form.html", status=status, lang=lang, started=started, round=found,
        held_on=_day(found.held_on, lang),
        enterprise_name=view.enterprise_name, units=view.units,
        received=t.list_sep.join(view.received), hint=hint, values=values or {},
        problems=messages, wrong={pr.anchor for pr in problems}, notice=notice,
        score_field=ev.score_field, na_field=ev.na_field, comment_field=ev.comment_field,
        max_comment=ev.MAX_COMMENT, points_of=t.get("points_of", max=found.top))


def _day(iso: str, lang: int) -> str:
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日" if lang == 0 else day.isoformat()


def _show(token: str, address: str, lang: int, started: float) -> HTMLResponse:
    with connection():
        opened = ev.open_link(token, address=address)
        if opened.refusal is not None:
            return _refusal(opened.refusal, lang=lang, started=started)
        assert opened.round is not None and opened.link is not None
        view = _form_view(opened.round, opened.link.enterprise_id, lang)
        return _form_page(opened.round, view, lang=lang, started=started)


@dataclass(frozen=True)
class _Ready:
    """A submission read and checked, waiting for its turn to be written."""

    round: ev.Round
    link_id: int
    enterprise_id: str
    answers: ev.Answers
    view: _FormView
    form: dict[str, str]


def _check(token: str, address: str, form: dict[str, str], lang: int,
           started: float) -> HTMLResponse | _Ready:
    """Everything about a submission that needs no write: the page to answer with when it
    cannot be stored, else what to store."""
    t = _Texts(lang)
    with connection():
        opened = ev.open_link(token, address=address)
        if opened.refusal is not None:
            return _refusal(opened.refusal, lang=lang, started=started)
        assert opened.round is not None and opened.link is not None
        found, link = opened.round, opened.link
        view = _form_view(found, link.enterprise_id, lang)
        if not view.units and ev.link_used(link.id):
            # Sent again while the first submission was being written.
            return _refusal(ev.USED, lang=lang, started=started)
        if form.get("v") != found.fingerprint:
            return _form_page(found, view, lang=lang, started=started, notice=t.changed,
                              status=409)
        # Units received (on paper) since the form was shown are off the form now; answers
        # for them must not vanish without a word.
        shown = {u.key for u in view.units}
        gone = [u for i, u in enumerate(found.units)
                if u in view.names and u not in shown and ev.answered(form, i, found)]
        if gone:
            taken = t.list_sep.join(view.names[u] for u in gone)
            return _form_page(found, view, lang=lang, started=started, values=form,
                              notice=t.get("taken", units=taken), status=409)
        answers = ev.read_answers(found, [u.key for u in view.units], form)
        if answers.problems:
            return _form_page(found, view, lang=lang, started=started, values=form,
                              problems=answers.problems, status=422)
    return _Ready(found, link.id, link.enterprise_id, answers, view, form)


def _answer(ready: _Ready, stored: ev.Stored, lang: int, started: float,
            waited: float) -> HTMLResponse:
    """The page for a submission once the writer has dealt with it."""
    t = _Texts(lang)
    if stored.refusal is None and not stored.taken:
        return _page("phone_message.html", status=200, lang=lang, started=started,
                     waited=waited, title=t.thanks_title, message=t.thanks, kind="thanks")
    with connection():
        if stored.taken:
            taken = t.list_sep.join(ready.view.names[u] for u in stored.taken)
            view = _form_view(ready.round, ready.enterprise_id, lang)
            return _form_page(ready.round, view, lang=lang, started=started,
                              values=ready.form, notice=t.get("taken", units=taken),
                              status=409)
        if stored.refusal == ev.CHANGED:
            latest = ev.load_round(ready.round.id) or ready.round
            view = _form_view(latest, ready.enterprise_id, lang)
            return _form_page(latest, view, lang=lang, started=started, notice=t.changed,
                              status=409)
    return _refusal(stored.refusal or "error", lang=lang, started=started)


async def _read_form(request: Request) -> dict[str, str] | str:
    """The posted form, or the refusal kind when it is too large or not a form."""
    size = 0
    chunks = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return "too_large"
        chunks.append(chunk)
    try:
        text = b"".join(chunks).decode("ascii")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=False,
                          encoding="utf-8", errors="strict", max_num_fields=5000)
    except (UnicodeDecodeError, ValueError):
        return "bad_form"
    return dict(pairs)


# -- the centre's calls ----------------------------------------------------------------------
def _api_error(code: str, **detail: Any) -> JSONResponse:
    status, en, zh = _API_ERRORS[code]
    body = p.ErrorBody(code=code, text_en=en, text_zh=zh, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status)


_BASE_URL = re.compile(p.BASE_URL_PATTERN)


def _base_url(given: str | None, config: ServerConfig, request: Request) -> str:
    """Where phones reach the server: as the call says (its schema checked it), else as the
    server is set up, else the address the call came to."""
    for base in (given, config.extra.get("public_url"), os.environ.get(ENV_PUBLIC_URL)):
        if base and _BASE_URL.match(base.strip()):
            return base.strip().rstrip("/")
        if base:
            log.warning("ignoring the address for phones %r: not an http(s) address", base)
    return str(request.base_url).rstrip("/")


def phone_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}{ev.PHONE_PATH}{token}"


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def links_body(found: ev.RoundLinks, base_url: str) -> p.EvaluationLinks:
    return p.EvaluationLinks(
        round_id=found.round.id, round_name=found.round.name, round_status=found.round.status,
        phone_enabled=found.round.phone_enabled,
        links=[p.EvaluationLink(
            enterprise_id=s.enterprise_id, enterprise_name=s.enterprise_name, status=s.status,
            url=phone_url(base_url, s.token) if s.token else None,
            issued_at=_iso(s.issued_at), submitted_at=_iso(s.used_at))
            for s in found.links])


async def _centre(request: Request) -> auth.Caller:
    """The signed-in caller, who must be a centre account."""
    # Late: the app module imports this one.
    from sync.server.app import ApiError, current_caller

    who = await current_caller(request)
    if who.role != "center":
        raise ApiError("forbidden")
    return who


CentreDep = Annotated[auth.Caller, Depends(_centre)]
RoundId = Annotated[str, PathParam(pattern=p.ID_PATTERN)]


def _responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses``: the server's refusals every authenticated call can meet and
    ``codes`` of this module's own, one entry per status naming its codes."""
    from sync.server.app import _AUTH_CODES, _errors  # late: the app module imports this one

    out = _errors(*_AUTH_CODES, "forbidden")
    for code in codes:
        status = _API_ERRORS[code][0]
        if status in out:
            out[status]["description"] += f", {code}"
        else:
            out[status] = {"model": p.ErrorBody, "description": f"Error codes: {code}"}
    return out


def register(app: FastAPI, config: ServerConfig) -> None:
    """Add the phone page and the centre's link calls to the server's app."""
    trusted = gate.parse_networks(config.trusted_proxies)

    def address(request: Request) -> str:
        """The phone's address, for the limit on guessing: behind the county's proxy, the
        one it names, when the server is told to believe it."""
        return gate.client_address(request.scope, trusted)

    @app.get("/evaluation/rounds/{round_id}/links", response_model=p.EvaluationLinks,
             responses=_responses("round_not_found", "round_unusable"))
    def link_status(request: Request, round_id: RoundId, who: CentreDep) -> Response:
        del who
        with connection():
            try:
                found = ev.link_states(round_id=round_id)
            except ev.LinkError as exc:
                return _api_error(exc.code)
        body = links_body(found, _base_url(None, config, request))
        return Response(body.model_dump_json(), media_type="application/json")

    @app.post("/evaluation/rounds/{round_id}/links", response_model=p.EvaluationLinks,
              responses=_responses(*_API_ERRORS))
    def issue(body: p.EvaluationLinksRequest, request: Request, round_id: RoundId,
              who: CentreDep) -> Response:
        base = _base_url(body.base_url, config, request)
        with connection():
            try:
                found = ev.issue_links(round_id=round_id, enterprise_ids=body.enterprise_ids,
                                       by=who.username, address=address(request))
            except ev.LinkError as exc:
                detail = {"enterprises": exc.detail} if exc.detail else {}
                return _api_error(exc.code, **detail)
        return Response(links_body(found, base).model_dump_json(),
                        media_type="application/json",
                        # The answer holds working links: no cache may keep it.
                        headers={"Cache-Control": "no-store"})

    @app.get(ev.PHONE_PATH + "{token}", response_class=HTMLResponse, include_in_schema=False)
    async def phone_form(token: str, request: Request) -> HTMLResponse:
        started = time.perf_counter()
        lang = _lang(request)
        try:
            return await anyio.to_thread.run_sync(_show, token, address(request), lang,
                                                  started)
        except Exception:  # noqa: BLE001 - a person gets a sentence, the log the details
            log.exception("phone page failed")
            return _refusal("error", lang=lang, started=started)

    @app.post(ev.PHONE_PATH + "{token}", response_class=HTMLResponse, include_in_schema=False)
    async def phone_submit(token: str, request: Request) -> HTMLResponse:
        started = time.perf_counter()
        lang = _lang(request)
        form = await _read_form(request)
        if isinstance(form, str):
            return _refusal(form, lang=lang, started=started)
        try:
            ready = await anyio.to_thread.run_sync(_check, token, address(request), form,
                                                   lang, started)
            if isinstance(ready, HTMLResponse):
                return ready
            queued = time.perf_counter()
            item = ev.Submission(ready.link_id, ready.round, ready.answers)
            stored = await group_commit.writer_of(request.app.state).write(
                functools.partial(ev.store_submission, item))
            waited = time.perf_counter() - queued
            return await anyio.to_thread.run_sync(_answer, ready, stored, lang, started,
                                                  waited)
        except Exception:  # noqa: BLE001
            log.exception("phone submission failed")
            return _refusal("error", lang=lang, started=started)
