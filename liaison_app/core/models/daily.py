"""Daily reporting (日上报): the centre's report templates, their dated versions, and the
reports enterprises make each day through their liaison officer.

A template says who must report and over which period; what is reported (the fields) lives
in its versions, each applying from a date, so a change never rewrites what was reported
before: every report keeps the version it was entered against. Ids that two laptops could
create offline for the same thing are derived from what identifies it (UUID 5), so both
make one record that the server merges per field instead of two: a version by template and
date, a report by enterprise, template and day.
"""
from __future__ import annotations

import datetime as dt
import uuid

import peewee

from liaison_app.core.models.base import SyncedModel
from liaison_app.core.models.enterprise import Enterprise
from liaison_app.core.models.fields import JSONField
from liaison_app.core.models.sync_spec import ALL, Writers

_NAMESPACE = uuid.UUID("0c3d7a52-94e1-4b8e-8f27-5d6b1e9a4c70")

#: Who must report: every enterprise, those of some towns, key enterprises, or a hand-made list.
AUDIENCES = ("all", "towns", "key", "listed")
#: How a report got its values: typed in the grid, copied from the day before, imported.
SOURCES = ("entry", "copy", "import")


def new_id_if_taken(model: type[SyncedModel], wanted: str) -> str:
    """``wanted``, or a random id when a record already has it (a renamed template keeps the
    id its first name gave it, and a new template may take that name again)."""
    if model.select().where(model.id == wanted).exists():
        return str(uuid.uuid4())
    return wanted


def template_id_for(name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"template:{name}"))


def version_id_for(template_id: str, effective_from: dt.date) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"version:{template_id}:{effective_from.isoformat()}"))


def report_id_for(enterprise_id: str, template_id: str, day: dt.date) -> str:
    """One report per enterprise, template and day, whichever laptop enters it first."""
    return str(uuid.uuid5(_NAMESPACE, f"report:{enterprise_id}:{template_id}:{day.isoformat()}"))


class ReportTemplate(SyncedModel):
    """A kind of daily report (复工复产日报, 安全生产日报, …) and the period it is required."""

    sync_table = "report_template"
    sync_scope = ALL
    sync_writers = Writers.CENTRE

    name = peewee.CharField(max_length=60)
    description = peewee.TextField(default="")
    #: Reports are due while the template is active, from ``starts_on`` to ``ends_on``.
    active = peewee.BooleanField(default=False)
    starts_on = peewee.DateField()
    ends_on = peewee.DateField(null=True)
    position = peewee.IntegerField(default=0)

    class Meta:
        table_name = "report_template"


class ReportTemplateVersion(SyncedModel):
    """What a template asks, and of whom, from ``effective_from`` until the next version."""

    sync_table = "report_template_version"
    sync_scope = ALL
    sync_writers = Writers.CENTRE

    template = peewee.ForeignKeyField(ReportTemplate, backref="versions", index=False)
    effective_from = peewee.DateField()
    audience = peewee.CharField(default="all", max_length=16, choices=AUDIENCES)
    #: The towns/streets whose enterprises report (audience ``towns``).
    towns = JSONField(default=list)
    #: The enterprises chosen by hand (audience ``listed``).
    enterprise_ids = JSONField(default=list)
    #: The fields, in order (see ``core.daily_rules.FieldDef``).
    fields = JSONField(default=list)

    class Meta:
        table_name = "report_template_version"
        indexes = ((("template", "effective_from"), False),)


class DailyReport(SyncedModel):
    """One enterprise's day: values keyed by field, and the figures the board adds up.

    ``people_on_site``, ``capacity_pct`` and ``anomalies`` are worked out from ``values``
    (``core.daily_rules.figures``) and always saved together with them: the board and the
    trend charts add them up over thousands of reports, which indexed columns do in
    milliseconds and JSON parsing per row does not.
    """

    sync_table = "daily_report"
    sync_refs = {"request_id": "request"}

    enterprise = peewee.ForeignKeyField(Enterprise, backref="daily_reports", index=False)
    template = peewee.ForeignKeyField(ReportTemplate, backref="reports", index=False)
    #: The version the report was entered against; a later version never changes it.
    template_version = peewee.ForeignKeyField(ReportTemplateVersion, backref="reports",
                                              index=False)
    report_date = peewee.DateField()
    values = JSONField(default=dict)
    people_on_site = peewee.IntegerField(null=True)
    capacity_pct = peewee.IntegerField(null=True)
    anomalies = peewee.IntegerField(default=0)
    #: Entered on a later day than the day it reports.
    late = peewee.BooleanField(default=False)
    #: More people on site than the enterprise employs, and the officer confirmed it.
    over_confirmed = peewee.BooleanField(default=False)
    #: The officer who last entered it, and when (device time).
    entered_by = peewee.CharField(default="", max_length=36)
    entered_at = peewee.DateTimeField(null=True)
    source = peewee.CharField(default="entry", max_length=16, choices=SOURCES)
    #: The request (诉求) made from this report's anomaly or need.
    request_id = peewee.CharField(default="", max_length=36)

    class Meta:
        table_name = "daily_report"
        # Both carry the figures, so the board and the trends are read from the index alone
        # (a county's year of trend is 730,000 reports): by day for the board and the
        # county, by enterprise for one enterprise's trend and a town's.
        indexes = (
            (("template", "report_date", "deleted", "people_on_site", "capacity_pct",
              "anomalies", "enterprise"), False),
            (("enterprise", "template", "report_date", "deleted", "people_on_site",
              "capacity_pct", "anomalies"), False),
        )
