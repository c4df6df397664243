"""Satisfaction evaluation (测评): rounds the centre holds and the score sheets enterprises fill.

A round says what is evaluated (the centre and/or departments: ``units``), who is invited,
the dimensions with their weights and the scale; the rules that check a sheet against it
live in ``liaison_app.core.scoring`` so the server applies the same ones.
"""
from __future__ import annotations

import functools
import uuid

import peewee

from liaison_app.core.models.base import SyncedModel, utcnow
from liaison_app.core.models.enterprise import Enterprise
from liaison_app.core.models.fields import JSONField, choices
from liaison_app.core.models.sync_spec import ALL, Writers
from liaison_app.core.scoring import METHODS, ROUND_STATUSES

#: Sheet ids derive from round, enterprise and unit: two laptops entering the same returned
#: sheet offline make one record, merged per field, instead of two.
SHEET_NAMESPACE = uuid.UUID("0b6c5e55-4f7d-4d2a-9c39-5a1f2f6e8d13")


@functools.lru_cache(maxsize=16_384)
def sheet_id(*, round_id: str, enterprise_id: str, unit: str) -> str:
    """The one id of the sheet an enterprise fills for ``unit`` in a round. Kept once
    worked out: a phone's page, its submission and the writer each look its sheets up."""
    return str(uuid.uuid5(SHEET_NAMESPACE, f"{round_id}|{enterprise_id}|{unit}"))


class EvaluationRound(SyncedModel):
    """One evaluation (a meeting, or a period of phone scoring); the centre's alone."""

    sync_table = "evaluation_round"
    sync_scope = ALL
    sync_writers = Writers.CENTRE

    name = peewee.CharField(max_length=120)
    held_on = peewee.DateField()
    #: Unit keys evaluated: ``"centre"`` or department ids.
    units = JSONField(default=list)
    #: Enterprise ids, resolved from ``invite_rule`` when the round is set up.
    invited = JSONField(default=list)
    #: How they were chosen: {"towns": [...], "key_only": bool, "added": [...],
    #: "removed": [...]}; kept so the rule can be shown and applied again.
    invite_rule = JSONField(default=dict)
    #: [{"key", "label", "weight"}]; empty means the five defaults (see ``scoring``).
    dimensions = JSONField(default=list)
    #: {"kind": "points", "max": 20} or {"kind": "levels", "levels": [...]}; empty: 0-20.
    scale = JSONField(default=dict)
    anonymous = peewee.BooleanField(default=False)
    status = peewee.CharField(default="draft", max_length=16, choices=choices(ROUND_STATUSES))
    phone_enabled = peewee.BooleanField(default=False)
    notes = peewee.TextField(default="")
    #: When it was last closed: sheets collected before it may still arrive from laptops
    #: that were offline.
    closed_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "evaluation_round"


class ScoreSheet(SyncedModel):
    """One enterprise's scores for one unit in one round; id from ``sheet_id``."""

    sync_table = "score_sheet"
    sync_refs = {"collected_by": "officer", "request_id": "request"}

    round = peewee.ForeignKeyField(EvaluationRound, backref="sheets", index=False)
    enterprise = peewee.ForeignKeyField(Enterprise, backref="score_sheets", index=False)
    unit = peewee.CharField(max_length=36)
    #: Dimension key -> number, or None for 不了解/不适用 (not a zero).
    scores = JSONField(default=dict)
    comments = peewee.TextField(default="")
    method = peewee.CharField(default="paper", max_length=16, choices=choices(METHODS))
    #: The officer who collected or typed it; "" for a phone submission.
    collected_by = peewee.CharField(default="", max_length=36)
    collected_at = peewee.DateTimeField(default=utcnow)
    #: The request (诉求) the centre opened from this sheet's complaint, "" for none.
    request_id = peewee.CharField(default="", max_length=36)

    class Meta:
        table_name = "score_sheet"
        indexes = ((("round", "unit"), False), (("enterprise", "round"), False))
