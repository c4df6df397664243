"""What a synced record type declares about itself: scope, who writes it, who owns which field.

These are class attributes of every ``SyncedModel``; ``sync.schema`` reads them, together with
the peewee fields (types, lengths, choices, nullability, references), to build the one schema
the client and the server both use. Declaring a record type once on its model is therefore all
it takes to sync it: the protocol's table list, the server's validation of every pushed field,
the order pages are applied in and the conflict policy are derived from here.
"""
from __future__ import annotations

from enum import Enum

#: ``sync_scope`` of a record that *is* an enterprise: its own id decides who sees it.
SELF = "@self"
#: ``sync_scope`` of a record everyone sees (the department directory, officers).
ALL = "@all"
#: The default ``sync_scope``: the column holding the enterprise a record belongs to.
ENTERPRISE = "enterprise_id"


def officer_scope(officer_id: str) -> str:
    """The scope key of an officer's private records (those with no enterprise)."""
    return f"@officer:{officer_id}"


class Writers(str, Enum):
    """Who may create and change records of a type (the centre may always, viewers never)."""

    #: Liaison officers, for records of the enterprises assigned to them.
    SCOPE = "scope"
    #: Liaison officers, their own record only (the officer table).
    OWN = "own"
    #: Only the centre (directories, settings, evaluation rounds).
    CENTRE = "center"
    #: Anyone may add a record; nobody may change or delete one afterwards (audit entries).
    APPEND = "append"


class Policy(str, Enum):
    """Which value a field keeps when two sides changed it since the same version."""

    CENTRE = "centre"  # the centre's value wins
    OFFICER = "officer"  # the liaison officer's value wins
    LAST_WRITER = "last_writer"  # the write that reaches the server last wins


#: Field names whose conflicts the centre wins in any table that has them (dispatching,
#: deadlines, roles): a default a model can override in ``sync_policies``.
CENTRE_WINS = frozenset({
    "status", "assignee", "assignee_id", "lead_department", "lead_department_id",
    "co_departments", "departments", "deadline", "due_date", "response_deadline",
    "resolve_deadline", "role", "active",
})
#: What an officer wrote down on site: the officer's words win.
OFFICER_WINS = frozenset({
    "summary", "problems", "notes", "participants", "text", "description", "place",
    "comments", "resolution_note", "remarks",
})


def default_policy(name: str) -> Policy:
    if name in CENTRE_WINS:
        return Policy.CENTRE
    if name in OFFICER_WINS:
        return Policy.OFFICER
    return Policy.LAST_WRITER
