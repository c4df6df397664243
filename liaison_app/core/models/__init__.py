"""All models, importable from one place."""
from __future__ import annotations

from liaison_app.core.models import departments, proxy, requests  # noqa: F401
from liaison_app.core.models.applications import Application, AuditEntry, IssuedPass, Worker
from liaison_app.core.models.base import (
    SYNCED_MODELS,
    BaseModel,
    Draft,
    LocalState,
    OutboxOp,
    SearchDocument,
    SyncedModel,
)
from liaison_app.core.models.centre import CentreSetting
from liaison_app.core.models.daily import DailyReport, ReportTemplate, ReportTemplateVersion
from liaison_app.core.models.documents import DocumentNumber
from liaison_app.core.models.enterprise import Enterprise
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet
from liaison_app.core.models.passes import CountyKey, PassRevocation
from liaison_app.core.models.people import Officer
from liaison_app.core.models.sync_records import (
    PendingFile,
    SyncConflict,
    SyncHistory,
    SyncParked,
    SyncSetAside,
)
from liaison_app.core.models.visit import VISIT_KINDS, Attachment, FollowUp, Visit

__all__ = [
    "Application", "AuditEntry", "IssuedPass", "Worker",
    "SYNCED_MODELS", "VISIT_KINDS", "Attachment", "BaseModel", "CentreSetting", "DailyReport",
    "DocumentNumber", "Draft", "Enterprise", "EvaluationRound", "ScoreSheet", "CountyKey",
    "PassRevocation",
    "FollowUp", "LocalState", "Officer", "OutboxOp", "SearchDocument", "SyncConflict",
    "ReportTemplate", "ReportTemplateVersion", "SyncHistory", "SyncParked", "SyncedModel",
    "Visit", "PendingFile", "SyncSetAside",
]
