"""The audit log: sign-ins, sign-in failures and every administrative change.

Events are only ever added. Each names who acted (an account, or ``system:<login>`` for
the administration command line run by that operating-system user), what it acted on, and
from which address and device. ``liaison-server audit`` lists them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from typing import Any

from sync.server.models import AuditEvent, utcnow

#: What each action means, for the listing's help text.
ACTIONS = {
    "login": "signed in",
    "login_failed": "sign-in refused (detail: why)",
    "logout": "signed out from the app",
    "device_revoked": "an administrator withdrew a device's access",
    "device_lost": "a device reported lost: its data is removed at its next contact",
    "device_retired": "a device retired: it sends what it holds, then removes its data",
    "device_wiped": "a lost or retired device confirmed that its data was removed",
    "user_added": "account created (detail: role)",
    "password_changed": "password set; the account's devices must sign in again",
    "user_disabled": "account disabled and its devices signed out",
    "assigned": "enterprises assigned to a liaison officer",
    "enterprises_imported": "enterprises imported from a file",
    "backup": "server backup written",
    "restore": "server database replaced from a backup",
    "schema_upgraded": "database created or upgraded to a new schema",
    "evaluation_links_issued": "phone scoring links of an evaluation round issued (target: "
                               "round id)",
    "pruned": "old operation results, scope exits, change log and devices removed (detail: "
              "how many)",
}


def admin_actor() -> str:
    """The operating-system account running the command line (and who ran sudo for it).

    Taken from the process's user id where there is one, not from $USER, which anyone can
    set to anything.
    """
    try:
        import pwd

        name = pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):  # Windows, or no name for this uid in a bare container
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = ""
    by = os.environ.get("SUDO_USER", "")
    actor = f"system:{name or '?'}" + (f" (sudo by {by})" if by and by != name else "")
    return actor[:64]


def record(action: str, *, actor: str | None = None, target: str = "", address: str = "",
           device_id: str = "", detail: str = "") -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    AuditEvent.insert(at=utcnow(), action=action, actor=(actor or admin_actor())[:64],
                      target=target[:100], address=address[:64], device_id=device_id[:64],
                      detail=detail).execute()


def seen_since(action: str, *, actor: str, address: str, detail: str,
               since: dt.datetime) -> bool:
    return AuditEvent.select().where(
        (AuditEvent.action == action) & (AuditEvent.actor == actor)
        & (AuditEvent.address == address) & (AuditEvent.detail == detail)
        & (AuditEvent.at >= since)).exists()


def events(*, since: dt.datetime | None = None, action: str | None = None,
           who: str | None = None, limit: int = 100) -> list[AuditEvent]:
    """The newest events first; ``who`` matches the actor or the target."""
    query = AuditEvent.select()
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if action:
        query = query.where(AuditEvent.action == action)
    if who:
        query = query.where((AuditEvent.actor == who) | (AuditEvent.target == who))
    return list(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit))


# -- command line ------------------------------------------------------------------------
def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="list sign-ins and administrative changes, newest first",
                       description="Actions: " + "; ".join(f"{k}: {v}" for k, v in
                                                          ACTIONS.items()))
    p.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="from this day on (local time)")
    p.add_argument("--action", choices=sorted(ACTIONS))
    p.add_argument("--user", metavar="NAME", help="events by or about this account")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=cmd_audit)


def _local(at: dt.datetime) -> str:
    return at.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _shown(text: str) -> str:
    """Control characters escaped: a name typed at sign-in cannot forge a line or colour."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def cmd_audit(args: argparse.Namespace) -> int:
    since = None
    if args.since is not None:
        local_midnight = dt.datetime.combine(args.since, dt.time()).astimezone()
        since = local_midnight.astimezone(dt.timezone.utc).replace(tzinfo=None)
    rows = events(since=since, action=args.action, who=args.user, limit=max(1, args.limit))
    if not rows:
        print("no events", file=sys.stderr)
        return 0
    print(f"{'TIME':<19}  {'ACTION':<20} {'BY':<20} {'TARGET':<20} {'ADDRESS':<15} DETAIL")
    for e in rows:
        print(f"{_local(e.at):<19}  {e.action:<20} {_shown(e.actor):<20} "
              f"{_shown(e.target):<20} {_shown(e.address):<15} {_shown(e.detail)}")
    return 0
