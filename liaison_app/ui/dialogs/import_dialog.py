"""Importing enterprises from a spreadsheet: preview every row, then import the valid ones.

Reading, checking and writing all run on the database worker, so a file of ten thousand rows
keeps the window responsive; nothing is written until the officer clicks the import button,
and then all chosen rows are written in one transaction (or none).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services.enterprise_import import (
    COLUMNS,
    EnterprisePlan,
    commit_enterprises,
    plan_enterprises,
    preview_enterprises,
)
from liaison_app.core.services.tabular import (
    ImportPlan,
    RowAction,
    RowReport,
    RowStatus,
    action_label,
)
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR, WARNING_COLOR

Index = QModelIndex | QPersistentModelIndex

ROW_TINT = {RowStatus.ERROR: QColor("#fdecea"), RowStatus.WARNING: QColor("#fff4e0")}
STATUS_COLOR = {RowStatus.ERROR: QColor(ERROR_COLOR), RowStatus.WARNING: QColor(WARNING_COLOR),
                RowStatus.OK: QColor("#2e7d32")}


class ImportPreviewModel(QAbstractTableModel):
    """One line per source row: its number, status, key values, what importing it does (new;
    or, for a record already there, updated or unchanged) and its problems."""

    FIELDS = ("name", "uscc", "town", "contact_name", "contact_phone")

    def __init__(self, parent: QObject | None = None, *,
                 columns: tuple[tuple[str, str], ...] | None = None) -> None:
        """``columns``: (value key, header) of the values shown; enterprises by default."""
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self._rows: list[RowReport] = []
        self._problems: dict[int, str] = {}
        if columns is None:
            columns = tuple(zip(self.FIELDS, (
                self.tr("Enterprise name"), self.tr("Unified social credit code"),
                self.tr("Town/street"), self.tr("Contact person"), self.tr("Contact phone")),
                strict=True))
        self._fields = tuple(key for key, _ in columns)
        self._headers = [self.tr("Row"), self.tr("Status"), *(h for _, h in columns),
                         self.tr("Import as"), self.tr("Problems")]
        self._status = {RowStatus.OK: self.tr("OK"), RowStatus.WARNING: self.tr("Warning"),
                        RowStatus.ERROR: self.tr("Error")}

    def set_plan(self, plan: ImportPlan | None, *, problems_only: bool = False) -> None:
        self.beginResetModel()
        self._plan = plan
        rows = list(plan.rows) if plan else []
        self._rows = [r for r in rows if r.findings] if problems_only else rows
        self._problems = {}
        self.endResetModel()

    def report(self, row: int) -> RowReport:
        return self._rows[row]

    def problem_lines(self, row: int) -> list[str]:
        """The row's findings, each prefixed with its column's name unless it names it."""
        lines = []
        for f in self._rows[row].findings:
            label = self._plan.label(f.field.split(":", 1)[0]) if self._plan else None
            text = f.message.text()
            name = label.text() if label else ""
            lines.append(f"{name}\uff1a{text}" if name and not text.startswith(name) else text)
        return lines

    def problems(self, row: int) -> str:
        """The row's problems as one line (each message ends with its own full stop)."""
        if row not in self._problems:
            self._problems[row] = " ".join(self.problem_lines(row))
        return self._problems[row]

    def action_text(self, report: RowReport) -> str:
        """New, updated or unchanged; empty for a row that is not imported."""
        action = self._plan.action(report) if self._plan is not None else None
        return action_label(action).text() if action is not None else ""

    def display_value(self, report: RowReport, key: str) -> Any:
        """What the preview shows for ``key`` of a row (a subclass may mask it)."""
        return report.values.get(key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        report = self._rows[index.row()]
        column = index.column()
        status = report.status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(report.row_number)
            if column == 1:
                return self._status[status]
            if column == len(self._headers) - 1:
                return self.problems(index.row())
            if column == len(self._headers) - 2:
                return self.action_text(report)
            value = self.display_value(report, self._fields[column - 2])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and status in ROW_TINT:
            return QBrush(ROW_TINT[status])
        if role == Qt.ItemDataRole.ForegroundRole and (
                column == 1 or (column == len(self._headers) - 1 and status in ROW_TINT)):
            return QBrush(STATUS_COLOR[status])
        return None


class ImportDialog(QDialog):
    """Preview and import an enterprise list. Main thread.

    ``load(path)`` starts reading; ``imported`` carries the number of enterprises written.
    Another kind of record reuses the dialog by overriding ``COLUMNS``, ``CHANGE`` and the
    hooks ``make_model``, ``read``, ``recheck``, ``write`` and ``writing_text``.
    """

    imported = Signal(int)
    COLUMNS = COLUMNS
    #: What a successful import changed, for screens to refresh.
    CHANGE = "enterprise"

    def make_model(self) -> ImportPreviewModel:
        return ImportPreviewModel(self)

    def read(self, path: str) -> ImportPlan:
        """Database worker: read and check the file."""
        return preview_enterprises(path)

    def recheck(self, plan: ImportPlan, override: Mapping[str, int | None]) -> ImportPlan:
        """Database worker: check again with columns chosen by hand."""
        return _replan(plan.preview, override)

    def write(self, plan: ImportPlan, include_warnings: bool) -> Any:
        """Database worker: write the chosen rows; returns an ``ImportResult``."""
        return commit_enterprises(plan, include_warnings=include_warnings)

    def writing_text(self, n: int) -> str:
        return self.tr("Importing {n} enterprises\u2026").format(n=n)

    def window_title(self) -> str:
        return self.tr("Import enterprises")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.path = ""
        self._busy = False
        self._closed = False
        self._mapping_combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.window_title())
        self.setObjectName("importDialog")
        self.resize(1100, 680)
        self._build()
        self._update_buttons()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(objectName="importFile")
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose another file\u2026"))
        choose.clicked.connect(self._choose_again)
        self.choose_button = choose
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout.addLayout(top)

        busy = QHBoxLayout()
        self.busy_bar = QProgressBar(objectName="importBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(220)
        self.busy_label = QLabel()
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy)
        self.busy_row.hide()
        layout.addWidget(self.busy_row)

        self.error_label = QLabel(objectName="importError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color:{ERROR_COLOR};")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.mapping_box = QGroupBox(self.tr("Columns in the file"))
        grid = QGridLayout(self.mapping_box)
        per_row = 4
        for i, col in enumerate(self.COLUMNS):
            label = QLabel(col.label.text() + (" *" if col.required else ""))
            combo = QComboBox(objectName=f"map_{col.key}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(6)
            combo.activated.connect(lambda _i: self._mapping_changed())
            self._mapping_combos[col.key] = combo
            r, c = divmod(i, per_row)
            grid.addWidget(label, r, c * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(combo, r, c * 2 + 1)
        self.unmapped_label = QLabel(objectName="unmappedColumns")
        self.unmapped_label.setWordWrap(True)
        self.unmapped_label.setStyleSheet(f"color:{WARNING_COLOR};")
        grid.addWidget(self.unmapped_label, (len(self.COLUMNS) + per_row - 1) // per_row, 0, 1,
                       per_row * 2)
        self.mapping_box.hide()
        layout.addWidget(self.mapping_box)

        self.summary_label = QLabel(objectName="importSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.model = self.make_model()
        self.table = QTableView(objectName="importPreview")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((50, 56, 200, 160, 80, 70, 110, 70)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        self.row_detail = QLabel(objectName="rowProblems")
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_detail.hide()
        layout.addWidget(self.row_detail)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

        bottom = QHBoxLayout()
        self.problems_only = QCheckBox(self.tr("Show only rows with problems"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self._show_rows)
        bottom.addWidget(self.problems_only)
        self.warnings_check = QCheckBox(objectName="includeWarnings")
        self.warnings_check.toggled.connect(lambda _c: self._update_buttons())
        self.warnings_check.hide()
        self.import_button = QPushButton(objectName="importRowsButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.commit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.warnings_check)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The full problems of the chosen row, which the narrow column can only elide."""
        problems = self.model.problem_lines(current.row()) if current.isValid() else []
        if not problems:
            self.row_detail.hide()
            return
        report = self.model.report(current.row())
        color = ERROR_COLOR if report.status is RowStatus.ERROR else WARNING_COLOR
        self.row_detail.setStyleSheet(f"color:{color};")
        self.row_detail.setText(self.tr("Row {row}: {problems}").format(
            row=report.row_number, problems="\n".join(problems)))
        self.row_detail.show()

    def _show_rows(self) -> None:
        self.model.set_plan(self.plan, problems_only=self.problems_only.isChecked())
        self.row_detail.hide()

    # -- choosing and reading ----------------------------------------------------------------
    def choose_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file to import"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        return path

    def _choose_again(self) -> None:
        path = self.choose_file()
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Read and check ``path`` on the worker; the preview appears when it is done."""
        self.path = str(path)
        self.plan = None
        self.model.set_plan(None)
        self.row_detail.hide()
        self.file_label.setText(self.tr("File: {path}").format(path=self.path))
        self.error_label.hide()
        self.mapping_box.hide()
        self.summary_label.setText("")
        self._set_busy(self.tr("Reading and checking the file\u2026"))
        target = self.path
        self.ctx.runner.submit(lambda: self.read(target), on_done=self._show_plan,
                               on_error=self._read_failed)

    def _mapping_changed(self) -> None:
        if self.plan is None or self._busy:
            return
        override: dict[str, int | None] = {}
        for key, combo in self._mapping_combos.items():
            override[key] = combo.currentData()
        plan = self.plan
        self._set_busy(self.tr("Checking the rows again\u2026"))
        self.ctx.runner.submit(lambda: self.recheck(plan, override), on_done=self._show_plan,
                               on_error=self._read_failed)

    def _set_busy(self, text: str) -> None:
        self._busy = bool(text)
        self.busy_label.setText(text)
        self.busy_row.setVisible(self._busy)
        self.choose_button.setEnabled(not self._busy)
        for combo in self._mapping_combos.values():
            combo.setEnabled(not self._busy)
        self._update_buttons()

    def _read_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._set_busy("")
        self.error_label.setText(describe(exc))
        self.error_label.show()

    def _show_plan(self, plan: ImportPlan) -> None:
        if self._closed:
            return
        self._set_busy("")
        self.plan = plan
        self._fill_mapping(plan)
        if plan.file_errors:
            self.error_label.setText("\n".join(m.text() for m in plan.file_errors))
            self.error_label.show()
        else:
            self.error_label.hide()
        self._show_rows()
        s = plan.summary
        if plan.file_errors:
            self.summary_label.setText(self.tr(
                "{total} data rows in the file; none can be imported until the problem above "
                "is fixed.").format(total=plan.preview.data_rows))
        else:
            text = self.tr(
                "{total} rows in the file: {ok} can be imported, {warning} with warnings, "
                "{error} with errors (these are not imported).").format(
                total=s.total, ok=s.ok, warning=s.warning, error=s.error)
            if isinstance(plan, EnterprisePlan) and plan.matches:
                counts = plan.action_counts()
                text += " " + self.tr(
                    "{update} rows update an enterprise with the same credit code, "
                    "{unchanged} match it already, {new} are new.").format(
                    update=counts[RowAction.UPDATE], unchanged=counts[RowAction.UNCHANGED],
                    new=counts[RowAction.NEW])
            self.summary_label.setText(text)
        self.warnings_check.setText(
            self.tr("Also import the {n} rows with warnings").format(n=s.warning))
        self.warnings_check.setVisible(s.warning > 0)
        self._update_buttons()

    def _fill_mapping(self, plan: ImportPlan) -> None:
        preview = plan.preview
        for key, combo in self._mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), None)
            for i, header in enumerate(preview.headers):
                if header:
                    combo.addItem(header, i)
            index = preview.mapping.get(key)
            combo.setCurrentIndex(max(combo.findData(index), 0) if index is not None else 0)
            missing = index is None
            required = preview.column(key).required
            color = ERROR_COLOR if missing and required else ""
            combo.setStyleSheet(f"color:{color};" if color else "")
            combo.blockSignals(False)
        unmapped = preview.unmapped_headers
        self.unmapped_label.setText(self.tr(
            "Columns not recognised (not imported unless you choose them above): {names}"
        ).format(names="\u3001".join(unmapped)) if unmapped else "")
        self.unmapped_label.setVisible(bool(unmapped))
        self.mapping_box.setVisible(bool(preview.headers))

    # -- importing -----------------------------------------------------------------------
    def chosen_count(self) -> int:
        if self.plan is None:
            return 0
        return len(self.plan.importable(include_warnings=self.warnings_check.isChecked()))

    def _update_buttons(self) -> None:
        n = self.chosen_count()
        self.import_button.setText(self.tr("Import the {n} valid rows").format(n=n))
        self.import_button.setEnabled(n > 0 and not self._busy)
        self.cancel_button.setEnabled(not (self._busy and self._committing()))

    def _committing(self) -> bool:
        return getattr(self, "_commit_running", False)

    def commit(self) -> None:
        plan = self.plan
        if plan is None or self._busy or not self.chosen_count():
            return
        include = self.warnings_check.isChecked()
        self._commit_running = True
        self._set_busy(self.writing_text(self.chosen_count()))
        self.ctx.runner.submit(lambda: self.write(plan, include),
                               on_done=self._committed, on_error=self._commit_failed,
                               change=self.CHANGE)

    def _committed(self, result: Any) -> None:
        self._commit_running = False
        self._set_busy("")
        self.imported.emit(result.imported)
        self._closed = True
        self.accept()

    def _commit_failed(self, exc: BaseException) -> None:
        self._commit_running = False
        self._set_busy("")
        self.error_label.setText(describe(exc))
        self.error_label.show()

    # -- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        if self._committing():
            return  # the write cannot be stopped half-way; it finishes in a moment
        self._closed = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._committing():
            event.ignore()
            return
        self._closed = True
        super().closeEvent(event)


def _replan(preview: Any, override: Mapping[str, int | None]) -> ImportPlan:
    """Database worker: apply a hand-made column mapping and check every row again."""
    return plan_enterprises(preview.with_mapping(override))
