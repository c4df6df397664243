"""Links to the phone scoring page, fetched from the server for the centre's laptop. No Qt.

The server keeps only a hash of each link, so a link's address exists in the answer of
``issue_phone_links`` and nowhere else: keep it (print it, show its QR code) if it is
needed again. Asking again issues a new link and the earlier one stops working, which is
also how a lost invitation is replaced. ``phone_link_status`` says where each invited
enterprise stands (link waiting, submitted) without any address.

Both run on the network worker (or the command line's thread) with the database open, since
the sign-in is read from it; they raise ``SyncError`` with a sentence for people.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from liaison_app.core.migrations import LATEST_VERSION
from sync import credentials
from sync import protocol as p
from sync.transport import RetryPolicy, SyncError, Transport


@dataclass(frozen=True)
class PhoneLink:
    enterprise_id: str
    enterprise_name: str
    #: issued (a link waits for its one submission) | submitted | none (never issued)
    status: str
    #: The link, only from ``issue_phone_links`` and only for links it issued; else "".
    url: str
    issued_at: dt.datetime | None
    submitted_at: dt.datetime | None


@dataclass(frozen=True)
class RoundLinks:
    round_id: str
    round_name: str
    #: draft | open | closed, as the server holds the round.
    round_status: str
    phone_enabled: bool
    #: One per invited enterprise (or per enterprise asked for), by enterprise name.
    links: list[PhoneLink]


def _errors() -> dict[str, Message]:
    return {
        "round_not_found": i18n.translate(
            "EvaluationLinks", "The server does not have this evaluation round yet. Sync, "
            "then try again."),
        "round_closed": i18n.translate(
            "EvaluationLinks", "The evaluation round is closed, so no more links can be "
            "issued for it."),
        "round_unusable": i18n.translate(
            "EvaluationLinks", "The evaluation round has no unit or dimension to score. "
            "Complete it, sync, then try again."),
        "not_invited": i18n.translate(
            "EvaluationLinks", "Links can only be issued to enterprises invited to the "
            "round. Sync the round's invitations, then try again."),
        "bad_base_url": i18n.translate(
            "EvaluationLinks", "The address for phones must start with http:// or https://."),
        "forbidden": i18n.translate(
            "EvaluationLinks", "Only a service centre account can issue the links of an "
            "evaluation round."),
        "not_found": i18n.translate(
            "EvaluationLinks", "The server does not offer phone scoring. Ask the "
            "administrator to update it."),
    }


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _parse(answer: Any) -> RoundLinks:
    body = p.EvaluationLinks.model_validate(answer)
    return RoundLinks(
        round_id=body.round_id, round_name=body.round_name, round_status=body.round_status,
        phone_enabled=body.phone_enabled,
        links=[PhoneLink(enterprise_id=x.enterprise_id, enterprise_name=x.enterprise_name,
                         status=x.status, url=x.url or "", issued_at=_time(x.issued_at),
                         submitted_at=_time(x.submitted_at)) for x in body.links])


def _call(method: str, round_id: str, body: dict[str, Any] | None, timeout: float
          ) -> RoundLinks:
    info, token = credentials.load()
    if info is None or not token:
        raise SyncError("signin", i18n.translate(
            "EvaluationLinks", "This laptop is not signed in to a server yet. Sign in first."))
    path = f"/evaluation/rounds/{quote(round_id, safe='')}/links"
    try:
        with Transport(server_url=info.server_url, client_schema=LATEST_VERSION, token=token,
                       device_id=info.device_id, ca_cert=info.ca_cert, timeout=timeout,
                       retry=RetryPolicy(attempts=2)) as t:
            return _parse(t.call(method, path, body))
    except SyncError as exc:
        known = _errors().get(exc.code)
        if known is None:
            raise
        raise SyncError("server", known, code=exc.code) from exc


def issue_phone_links(*, round_id: str, enterprise_ids: Sequence[str] | None = None,
                      base_url: str | None = None, timeout: float = 30.0) -> RoundLinks:
    """Issue a new link for each invited enterprise that has not submitted yet (or for those
    of ``enterprise_ids``); each one's earlier link stops working. Enterprises that have
    submitted come back with status "submitted" and no link. ``base_url`` is the address
    phones reach the server at, when it is not the one this laptop uses (the server may be
    set up with one of its own). Network worker; raises SyncError.

    Sending again after a lost answer is harmless: the links in the answer that arrives are
    the ones that work, and those of the lost answer were never seen.
    """
    body: dict[str, Any] = {"enterprise_ids": list(enterprise_ids)
                            if enterprise_ids is not None else None}
    if base_url:
        base_url = base_url.strip()
        if not re.match(p.BASE_URL_PATTERN, base_url):
            raise SyncError("server", _errors()["bad_base_url"], code="bad_base_url")
        body["base_url"] = base_url
    return _call("POST", round_id, body, timeout)


def phone_link_status(*, round_id: str, timeout: float = 30.0) -> RoundLinks:
    """Where each invited enterprise of the round stands: status "issued" (waiting),
    "submitted" or "none"; no links. Network worker; raises SyncError."""
    return _call("GET", round_id, None, timeout)
