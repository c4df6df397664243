"""Enterprises' requests (企业诉求 / 吹哨事项), direct-channel letters, and record timelines."""
from __future__ import annotations

import peewee

from liaison_app.core.models.base import SearchDocument, SyncedModel
from liaison_app.core.models.enterprise import Enterprise, enterprise_name
from liaison_app.core.models.fields import JSONField, choices
from liaison_app.core.models.sync_spec import Policy, Writers

CHANNELS = ("visit", "phone", "centre", "letter")
CATEGORIES = ("water", "power", "heating", "approvals", "land", "finance", "labour",
              "logistics", "environment", "other")
URGENCIES = ("normal", "urgent", "very_urgent")
STATUSES = ("accepted", "dispatched", "in_progress", "resolved", "called_back", "closed",
            "returned", "escalated")
#: Statuses in which the request still waits for someone.
OPEN_STATUSES = ("accepted", "dispatched", "in_progress", "returned", "escalated")
SATISFACTION = ("very_satisfied", "satisfied", "basic", "dissatisfied")


class Request(SyncedModel):
    sync_table = "request"
    #: Dispatching, the departments' answers and the register's final number are the
    #: centre's: an officer records, notes, calls back and escalates.
    sync_centre_owned = frozenset({
        "lead_department_id", "co_departments", "dispatched_at", "response_deadline",
        "resolve_deadline", "co_deadline", "first_response_at", "resolved_at", "resolution",
        "closed_at"})
    #: The register's final number is given by the server when the letter arrives, and the
    #: year it counts in cannot move once it has one.
    sync_server_owned = frozenset({"registration_no"})
    sync_frozen_once = {"registration_year": "registration_no"}
    #: What the enterprise said at the call-back is the officer's record of it.
    sync_policies = {
        **dict.fromkeys(("contact_deadline", "co_deadline", "dispatched_at",
                         "first_response_at", "resolved_at", "resolution", "closed_at",
                         "registration_no"), Policy.CENTRE),
        **dict.fromkeys(("callback_comment", "enterprise_resolved", "enterprise_satisfaction"),
                        Policy.OFFICER)}
    sync_refs = {"visit_id": "visit", "lead_department_id": "department"}

    enterprise = peewee.ForeignKeyField(Enterprise, backref="requests", index=False)
    #: The visit and the line of its "problems found" this request was recorded from.
    visit_id = peewee.CharField(default="", max_length=36)
    visit_line = peewee.IntegerField(null=True)
    channel = peewee.CharField(default="visit", max_length=16, choices=choices(CHANNELS))
    category = peewee.CharField(default="other", max_length=16, choices=choices(CATEGORIES))
    urgency = peewee.CharField(default="normal", max_length=16, choices=choices(URGENCIES))
    #: Complex items get the longer resolution deadline.
    complex = peewee.BooleanField(default=False)
    description = peewee.TextField(default="")
    accepted_at = peewee.DateTimeField()
    #: The officer who took the request down (rates "per officer").
    officer_id = peewee.CharField(default="", max_length=36)
    status = peewee.CharField(default="accepted", max_length=16, choices=choices(STATUSES))

    lead_department_id = peewee.CharField(default="", max_length=36)
    co_departments = JSONField(default=list)
    dispatched_at = peewee.DateTimeField(null=True)
    contact_deadline = peewee.DateField(null=True)
    response_deadline = peewee.DateField(null=True)
    resolve_deadline = peewee.DateField(null=True)
    co_deadline = peewee.DateField(null=True)
    #: The next deadline the item has to meet (None when nothing is pending): one indexed
    #: column makes the overdue list a range scan.
    due_date = peewee.DateField(null=True, index=True)
    first_response_at = peewee.DateTimeField(null=True)
    resolved_at = peewee.DateTimeField(null=True)
    resolution = peewee.TextField(default="")

    callback_at = peewee.DateTimeField(null=True)
    enterprise_resolved = peewee.BooleanField(null=True)
    enterprise_satisfaction = peewee.CharField(default="", max_length=16,
                                               choices=choices(("", *SATISFACTION)))
    callback_comment = peewee.TextField(default="")
    closed_at = peewee.DateTimeField(null=True)

    # Direct-channel letter (直通车): provisional number on the device, final from the centre.
    addressee = peewee.CharField(default="", max_length=40)
    registration_year = peewee.IntegerField(null=True)
    provisional_no = peewee.CharField(default="", max_length=40)
    registration_no = peewee.IntegerField(null=True)
    registered_on = peewee.DateField(null=True)
    reply = peewee.TextField(default="")
    replied_on = peewee.DateField(null=True)

    class Meta:
        indexes = ((("enterprise", "accepted_at"), False), (("accepted_at",), False),
                   (("registration_year", "registration_no"), False))

    def search_document(self) -> SearchDocument | None:
        name = enterprise_name(self.enterprise_id)
        first = self.description.strip().split("\n", 1)[0][:40]
        body = "\n".join(filter(None, [self.description, self.resolution, self.callback_comment,
                                       self.reply, self.provisional_no]))
        return SearchDocument(kind="request", title=f"{name} {first}".strip(), body=body,
                              when=self.accepted_at.isoformat(timespec="minutes"))


class TimelineEvent(SyncedModel):
    """One step in a record's history: who did what, when, with which note. Append-only."""

    sync_table = "timeline_event"
    #: A request's or case's history: each step speaks for its actor and is never rewritten.
    sync_writers = Writers.APPEND
    sync_owner_column = "actor_id"
    sync_owner_ref = ("owner_table", "owner_id")

    owner_table = peewee.CharField(max_length=40)
    owner_id = peewee.CharField(max_length=36)
    enterprise = peewee.ForeignKeyField(Enterprise, backref="timeline_events", index=False)
    action = peewee.CharField(max_length=24)
    from_status = peewee.CharField(default="", max_length=16)
    to_status = peewee.CharField(default="", max_length=16)
    note = peewee.TextField(default="")
    actor_id = peewee.CharField(default="", max_length=36)
    at = peewee.DateTimeField()
    #: Details of the step (departments, new deadline, the enterprise's answer...).
    data = JSONField(default=dict)

    class Meta:
        table_name = "timeline_event"
        indexes = ((("owner_table", "owner_id", "at"), False),)
