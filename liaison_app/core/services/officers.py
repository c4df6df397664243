"""Officers known on this device."""
from __future__ import annotations

from liaison_app.core import context
from liaison_app.core.models import Officer

CENTRE = "center"
LIAISON = "liaison"
VIEWER = "viewer"


def current_role() -> str:
    """The signed-in account's role; a device nobody signed in to acts as a liaison officer
    (a local officer table only stands in for laptops from before accounts were kept)."""
    from liaison_app.core.services import account

    role = account.current_role()
    if role is not None:
        return role
    officer_id = context.current_officer_id()
    if not officer_id:
        return LIAISON
    role = Officer.select(Officer.role).where(Officer.id == officer_id).scalar()
    return role or LIAISON


def list_officers(*, active_only: bool = True) -> list[Officer]:
    query = Officer.select().where(Officer.deleted == False)  # noqa: E712
    if active_only:
        query = query.where(Officer.active == True)  # noqa: E712
    return list(query.order_by(Officer.town, Officer.name))


def names_by_id() -> dict[str, str]:
    return {o.id: o.name for o in Officer.select(Officer.id, Officer.name)}


def get_officer(*, officer_id: str) -> Officer | None:
    if not officer_id:
        return None
    return Officer.get_or_none(Officer.id == officer_id)
