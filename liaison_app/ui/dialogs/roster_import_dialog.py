"""Importing a worker roster: the spreadsheet import dialog, for workers of one enterprise.

Numbers are masked in the preview as in every list; rows that update a worker already on
the roster say so.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from liaison_app.core.masking import mask_id_number, mask_phone
from liaison_app.core.services import roster_import
from liaison_app.core.services.tabular import ImportPlan, RowReport
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.import_dialog import ImportDialog, ImportPreviewModel


class RosterPreviewModel(ImportPreviewModel):
    def display_value(self, report: RowReport, key: str) -> Any:
        value = report.values.get(key)
        if key == "id_number":
            return mask_id_number(str(value or ""))
        if key == "phone":
            return mask_phone(str(value or ""))
        return value


class RosterImportDialog(ImportDialog):
    """Main thread; ``imported`` carries the number of workers written."""

    COLUMNS = roster_import.COLUMNS
    CHANGE = "worker"

    def __init__(self, ctx: AppContext, *, enterprise_id: str, enterprise_name: str = "",
                 parent: QWidget | None = None) -> None:
        self.enterprise_id = enterprise_id
        self.enterprise_name = enterprise_name
        super().__init__(ctx, parent)
        self.setObjectName("rosterImportDialog")

    def window_title(self) -> str:
        return self.tr("Import the worker roster of {name}").format(name=self.enterprise_name)

    def make_model(self) -> ImportPreviewModel:
        return RosterPreviewModel(self, columns=(
            ("name", self.tr("Name")), ("id_number", self.tr("ID number")),
            ("phone", self.tr("Mobile phone")), ("workshop", self.tr("Workshop")),
            ("post", self.tr("Post"))))

    def read(self, path: str) -> ImportPlan:
        return roster_import.preview_roster(path, enterprise_id=self.enterprise_id)

    def recheck(self, plan: ImportPlan, override: Mapping[str, int | None]) -> ImportPlan:
        return roster_import.replan(plan, override)

    def write(self, plan: ImportPlan, include_warnings: bool) -> Any:
        return roster_import.commit_roster(plan, include_warnings=include_warnings)

    def writing_text(self, n: int) -> str:
        return self.tr("Importing {n} workers\u2026").format(n=n)

    def _show_plan(self, plan: ImportPlan) -> None:
        super()._show_plan(plan)
        updates = len(getattr(plan, "updates", {}))
        if updates and not self._closed:
            self.summary_label.setText(self.summary_label.text() + " " + self.tr(
                "{n} of them are already on the roster (same ID number) and will be "
                "updated, not added twice.").format(n=updates))
