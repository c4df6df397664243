"""Who is using this laptop: the signed-in account decides the officer, the role and the
scope, in the window and on the command line alike.

The account is what the server answered at the last sign-in (kept in the encrypted database,
``sync.account``). Until a first sign-in the laptop has no account: it works on a local
password, its records carry no officer, and the status bar and printed forms say so. After
a sign-out the account is still known (the same officer comes back with the same password)
but the token is gone.

The officer's own profile ("本人": the officer's name as printed, ID number and phone) is
kept in the same encrypted database and never synced: only forms that need the agent's ID
number (the power of attorney) print it.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from liaison_app.core import context, i18n
from liaison_app.core.models import LocalState, Officer, OutboxOp
from liaison_app.core.services.errors import ServiceError, ValidationFailed
from liaison_app.core.validation import check_phone, check_resident_id, normalize_code

log = logging.getLogger(__name__)

#: Where the sync client keeps the account of the last sign-in (also read here).
KEY_ACCOUNT = "sync.account"
KEY_PROFILE = "me.profile"
#: The centre setting (``centre_settings``) for minutes without input before the lock.
IDLE_LOCK_KEY = "idle_lock_minutes"
ROLES = ("liaison", "center", "viewer")


@dataclass(frozen=True)
class Me:
    """The person this laptop works for, as the status bar and the forms show them."""

    #: An account signed in at least once (False: a laptop on a local password, or demo).
    has_account: bool
    signed_in: bool
    username: str
    role: str
    officer_id: str
    name: str
    server_url: str

    def label(self) -> str:
        return self.name or self.username


@dataclass
class Profile:
    """The officer's own details, for forms that name the agent."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def account_info() -> dict[str, Any] | None:
    """The stored account of the last sign-in, or None. Database open."""
    raw = LocalState.get_value(KEY_ACCOUNT)
    return raw if isinstance(raw, dict) else None


def whoami(*, token_present: bool | None = None) -> Me:
    """Who uses this laptop now. Database open; any thread.

    ``token_present`` says whether a sync token is held (the sync client knows); None
    treats an account as signed in.
    """
    info = account_info()
    if not info:
        return Me(has_account=False, signed_in=False, username="", role="liaison",
                  officer_id="", name="", server_url="")
    officer_id = str(info.get("officer_id") or "")
    officer = Officer.get_or_none(Officer.id == officer_id) if officer_id else None
    profile = get_profile()
    role = str(info.get("role") or "liaison")
    return Me(has_account=True, signed_in=True if token_present is None else token_present,
              username=str(info.get("username") or ""),
              role=role if role in ROLES else "liaison", officer_id=officer_id,
              name=profile.name or (officer.name if officer else ""),
              server_url=str(info.get("server_url") or ""))


def current_role() -> str | None:
    """The role of the signed-in account, or None when nobody has signed in."""
    info = account_info()
    if not info:
        return None
    role = str(info.get("role") or "")
    return role if role in ROLES else None


def act_as_account() -> str:
    """Make the account's officer the one who acts (records carry them); returns the id.

    Called once the database is open, by the window and by every command.
    """
    info = account_info()
    officer_id = str(info.get("officer_id") or "") if info else ""
    context.set_actor(officer_id=officer_id)
    return officer_id


def foreign_pending_changes(*, username: str) -> int:
    """Changes waiting to be sent that another account made on this laptop.

    They must go to the server under that account: never under ``username``'s.
    """
    info = account_info()
    if not info or str(info.get("username") or "") == username:
        return 0
    officer_id = str(info.get("officer_id") or "")
    if not officer_id:
        return 0
    return OutboxOp.select().where(OutboxOp.officer_id == officer_id).count()


def refuse_other_account(*, username: str) -> None:
    """Raise ServiceError when ``username`` may not sign in here yet (see above)."""
    waiting = foreign_pending_changes(username=username)
    if waiting:
        previous = str((account_info() or {}).get("username") or "")
        raise ServiceError(i18n.translate(
            "Account", "This laptop holds {count} changes of the account {previous} that the "
            "server has not received. Sign in as {previous} and sync first, or ask the service "
            "centre to retire the laptop; the changes are never sent under another account.")
            .format(count=waiting, previous=previous))


# -- the officer's own profile --------------------------------------------------------------
def get_profile() -> Profile:
    raw = LocalState.get_value(KEY_PROFILE) or {}
    if not isinstance(raw, dict):
        raw = {}
    return Profile(name=str(raw.get("name") or ""), id_number=str(raw.get("id_number") or ""),
                   phone=str(raw.get("phone") or ""))


def save_profile(*, profile: Profile) -> Profile:
    """Check and keep the profile. Database worker thread."""
    clean = Profile(name=profile.name.strip()[:40], id_number=normalize_code(profile.id_number),
                    phone=profile.phone.strip())
    findings = [*check_resident_id(clean.id_number), *check_phone(clean.phone)]
    errors = [f for f in findings if f.is_error]
    if errors:
        raise ValidationFailed(errors)
    data = asdict(clean)
    data.pop("extra", None)
    LocalState.set_value(KEY_PROFILE, data)
    return clean


def agent_id_number(*, officer_id: str) -> str:
    """The ID number to print for ``officer_id`` as an agent: only the officer's own, from
    their profile on their own laptop; "" for anyone else."""
    info = account_info()
    if not officer_id or not info or str(info.get("officer_id") or "") != officer_id:
        return ""
    return get_profile().id_number


def print_note() -> str:
    """What printed forms say about who printed them (in Chinese: forms are Chinese)."""
    me = whoami()
    if not me.has_account:
        return "未登录设备打印·仅供演示"
    return f"打印人：{me.label()[:12]}"


def idle_lock_minutes(*, default: int) -> int:
    """Minutes without input before the window locks: the centre's setting, else
    ``default``; never less than one, never more than a working day."""
    from liaison_app.core.services import centre_settings

    value = centre_settings.get(IDLE_LOCK_KEY, default)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        minutes = default
    return min(max(1, minutes), 8 * 60)
