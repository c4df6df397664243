"""Importing a day's reports: the spreadsheet import dialog, with the template's columns."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from liaison_app.core.services import daily_import, daily_templates
from liaison_app.core.services.tabular import ImportPlan, RowReport
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.import_dialog import ImportDialog, ImportPreviewModel


class DailyPreviewModel(ImportPreviewModel):
    def display_value(self, report: RowReport, key: str) -> Any:
        value = report.values.get(key)
        if key == "report_date" and value is None:
            return getattr(self._plan, "day", None)  # the day chosen for the import
        return value


class DailyImportDialog(ImportDialog):
    """Main thread; ``imported`` carries the number of reports written."""

    CHANGE = "daily_import"

    def __init__(self, ctx: AppContext, *, template_id: str, day: dt.date,
                 template_name: str = "", parent: QWidget | None = None) -> None:
        self.template_id = template_id
        self.day = day
        self.template_name = template_name
        version = daily_templates.version_for(template_id=template_id, day=day)
        self.fields = version.fields if version is not None else ()
        # The columns depend on the template's fields that day; the base builds from these.
        self.COLUMNS = daily_import.columns_for(self.fields)
        super().__init__(ctx, parent)
        self.setObjectName("dailyImportDialog")

    def window_title(self) -> str:
        return self.tr("Import {name} of {date}").format(name=self.template_name,
                                                         date=self.day.isoformat())

    def make_model(self) -> ImportPreviewModel:
        shown = [f for f in self.fields if f.kind == "number"][:3]
        return DailyPreviewModel(self, columns=(
            ("name", self.tr("Enterprise")), ("report_date", self.tr("Date")),
            *((f.key, f.label) for f in shown)))

    def read(self, path: str) -> ImportPlan:
        return daily_import.preview_daily(path, template_id=self.template_id, day=self.day)

    def recheck(self, plan: ImportPlan, override: Mapping[str, int | None]) -> ImportPlan:
        return daily_import.replan(plan, override)

    def write(self, plan: ImportPlan, include_warnings: bool) -> Any:
        return daily_import.commit_daily(plan, include_warnings=include_warnings)

    def writing_text(self, n: int) -> str:
        return self.tr("Importing {n} reports\u2026").format(n=n)

    def _show_plan(self, plan: ImportPlan) -> None:
        super()._show_plan(plan)
        updates = len(getattr(plan, "updates", ()))
        if updates and not self._closed:
            self.summary_label.setText(self.summary_label.text() + " " + self.tr(
                "{n} of them were already reported that day and will be updated, not added "
                "twice.").format(n=updates))
