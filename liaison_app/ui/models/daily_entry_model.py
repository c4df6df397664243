"""The daily entry grid as a Qt table model: one enterprise a line, one field a column.

What is typed stays in the model until the line is saved: a reload from the database (after a
sync, or another line's save) brings in what others entered but never replaces a line that
holds unsaved typing. Cells parse what is typed at once (a number must be a number), so the
mistake shows in the cell before anything is sent; the line's other problems come back from
the service when it is saved. Main thread only.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from liaison_app.core.daily_rules import FieldDef, parse_value, show_value
from liaison_app.core.services.daily_reports import EntryGrid, EntryLine, SavedReport
from liaison_app.core.validation import Finding

AnyIndex = QModelIndex | QPersistentModelIndex

ERROR_TINT = QColor("#fdecea")
WARNING_TINT = QColor("#fff4e0")
UNSAVED_TINT = QColor("#fffbe6")
SAVED_COLOR = QColor("#2e7d32")
MISSING_COLOR = QColor("#8a6d00")
ERROR_COLOR = QColor("#c62828")
GREY = QColor("#9aa5b1")
#: The columns before the template's fields.
NAME_COLUMN, STATUS_COLUMN, FIRST_FIELD = 0, 1, 2


@dataclass(slots=True)
class LineState:
    """One line: what the database holds, what is typed over it, and what is wrong."""

    line: EntryLine
    #: Field key -> text typed and not yet saved.
    typed: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    saving: bool = False

    @property
    def dirty(self) -> bool:
        return bool(self.typed)

    @property
    def saved(self) -> SavedReport | None:
        return self.line.saved

    def field(self, key: str) -> FieldDef | None:
        return next((f for f in self.line.fields if f.key == key), None)

    def text(self, key: str) -> str:
        if key in self.typed:
            return self.typed[key]
        f = self.field(key)
        if f is None or self.saved is None:
            return ""
        return show_value(f, self.saved.values.get(key))

    def values(self) -> tuple[dict[str, Any], list[Finding]]:
        """The line's values as it would be saved, and the cells that do not parse."""
        out: dict[str, Any] = dict(self.saved.values) if self.saved else {}
        bad: list[Finding] = []
        for key, text in self.typed.items():
            f = self.field(key)
            if f is None:
                continue
            value, problem = parse_value(f, text)
            if problem is not None:
                bad.append(problem)
            if value is None:
                out.pop(key, None)
            else:
                out[key] = value
        return out, bad

    def cell_findings(self, key: str) -> list[Finding]:
        return [f for f in self.findings if f.field == key]


def line_states(grid: EntryGrid) -> list[LineState]:
    """A fresh state (nothing typed) for each of the grid's lines. Any thread: no Qt."""
    return [LineState(line) for line in grid.lines]


class DailyEntryModel(QAbstractTableModel):
    #: A person typed in a line (its row): the page's editor contract drafts the lines.
    typed_changed = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: EntryGrid | None = None
        self.lines: list[LineState] = []
        self.fields: tuple[FieldDef, ...] = ()

    # -- loading -----------------------------------------------------------------------
    def load(self, grid: EntryGrid, states: list[LineState] | None = None) -> None:
        """Show ``grid``; lines with unsaved typing keep it (and their problems).

        ``states`` are the grid's fresh lines (``line_states``), made beforehand on the
        runner with the grid: 2,000 of them took a quarter of a refresh's UI-thread time.
        A line being typed that the new grid no longer lists (the enterprise moved to
        another officer meanwhile) stays at the end until it is saved or cleared.
        """
        same_sheet = (self.grid is not None and self.grid.template.id == grid.template.id
                      and self.grid.day == grid.day)
        kept = {s.line.enterprise.id: s for s in self.lines
                if same_sheet and (s.dirty or s.saving)}
        if states is None:
            states = line_states(grid)
        self.beginResetModel()
        self.grid = grid
        self.fields = grid.version.fields if grid.version is not None else ()
        lines: list[LineState] = []
        for fresh in states:
            old = kept.pop(fresh.line.enterprise.id, None) if kept else None
            if old is None:
                lines.append(fresh)
            else:
                old.line = fresh.line
                lines.append(old)
        lines.extend(kept.values())
        self.lines = lines
        self.endResetModel()

    def put_typed(self, typed_lines: Mapping[str, Mapping[str, str]]) -> None:
        """Show exactly ``typed_lines`` typed over what is stored (enterprise id -> field
        key -> text): a draft put back, or nothing when typing is put aside. Each cell is
        checked as if typed now; a line being saved is left to its save."""
        for row, state in enumerate(self.lines):
            typed = typed_lines.get(state.line.enterprise.id) or {}
            if state.saving or (not typed and not state.typed):
                continue
            state.typed = {}
            state.findings = []
            for key, text in typed.items():
                f = state.field(key)
                if f is None:
                    continue  # a field the version of this line does not ask
                saved = show_value(f, state.saved.values.get(key)) if state.saved else ""
                if str(text) == saved:
                    continue
                state.typed[key] = str(text)
                _, problem = parse_value(f, str(text))
                if problem is not None:
                    state.findings.append(problem)
            self._row_changed(row)

    def typed_lines(self) -> dict[str, dict[str, str]]:
        """The lines typed and not handed to a save: enterprise id -> field key -> text."""
        return {s.line.enterprise.id: dict(s.typed) for s in self.lines
                if s.dirty and not s.saving}

    # -- lookup ------------------------------------------------------------------------
    def state(self, row: int) -> LineState:
        return self.lines[row]

    def row_of(self, enterprise_id: str) -> int:
        return next((i for i, s in enumerate(self.lines)
                     if s.line.enterprise.id == enterprise_id), -1)

    def key_of(self, column: int) -> str:
        index = column - FIRST_FIELD
        return self.fields[index].key if 0 <= index < len(self.fields) else ""

    def column_of(self, key: str) -> int:
        return next((FIRST_FIELD + i for i, f in enumerate(self.fields) if f.key == key), -1)

    def is_field(self, column: int) -> bool:
        return bool(self.key_of(column))

    def problems_column(self) -> int:
        return FIRST_FIELD + len(self.fields)

    def dirty_rows(self) -> list[int]:
        return [i for i, s in enumerate(self.lines) if s.dirty]

    def unsaved_rows(self) -> list[int]:
        """Lines typed and not being saved (not left yet, or refused)."""
        return [i for i, s in enumerate(self.lines) if s.dirty and not s.saving]

    # -- changes -----------------------------------------------------------------------
    def set_findings(self, row: int, findings: Iterable[Finding]) -> None:
        self.lines[row].findings = list(findings)
        self._row_changed(row)

    def set_saving(self, row: int, saving: bool) -> None:
        self.lines[row].saving = saving
        self._row_changed(row)

    def mark_saved(self, row: int, saved: SavedReport, sent: dict[str, str]) -> None:
        """The line was saved with ``sent`` typed: what was typed since stays typed."""
        state = self.lines[row]
        state.line = EntryLine(state.line.enterprise, state.line.report_id, saved,
                               state.line.fields, state.line.yesterday)
        for key, text in sent.items():
            if state.typed.get(key) == text:
                del state.typed[key]
        state.saving = False
        state.findings = []
        self._row_changed(row)

    def clear_typed(self, row: int) -> None:
        state = self.lines[row]
        state.typed.clear()
        state.findings = []
        self._row_changed(row)
        self.typed_changed.emit(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else FIRST_FIELD + len(self.fields) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        key = self.key_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME_COLUMN:
                return self.tr("Enterprise")
            if section == STATUS_COLUMN:
                return self.tr("Status")
            if key:
                f = self.fields[section - FIRST_FIELD]
                mark = "*" if f.required else ""
                unit = f"({f.unit})" if f.unit and f.kind == "number" else ""
                return f"{f.label}{unit}{mark}"
            return self.tr("Problems")
        if role == Qt.ItemDataRole.ToolTipRole and key:
            f = self.fields[section - FIRST_FIELD]
            if f.kind == "check":
                return self.tr("Type 是 or 否 (1 or 0); in order: {answer}").format(
                    answer="是" if f.expected else "否")
            if f.kind == "number":
                return self.tr("A whole number from {low} to {high}").format(
                    low=f.minimum, high=f.maximum)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.key_of(index.column())
        if key and self.lines[index.row()].field(key) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        state = self.lines[index.row()]
        column = index.column()
        key = self.key_of(column)
        if column == NAME_COLUMN:
            return self._name_data(state, role)
        if column == STATUS_COLUMN:
            return self._status_data(state, role)
        if key:
            return self._cell_data(state, key, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return " ".join(f.message.text() for f in state.findings)
        if role == Qt.ItemDataRole.ForegroundRole and state.findings:
            return QBrush(ERROR_COLOR if any(f.is_error for f in state.findings)
                          else MISSING_COLOR)
        return None

    def _name_data(self, state: LineState, role: int) -> Any:
        ent = state.line.enterprise
        if role == Qt.ItemDataRole.DisplayRole:
            return ("★ " if ent.is_key else "") + ent.name
        if role == Qt.ItemDataRole.ToolTipRole:
            employees = "—" if ent.employees is None else str(ent.employees)
            return self.tr("{name}, {town}; employees: {n}").format(
                name=ent.name, town=ent.town or "—", n=employees)
        return None

    def status_text(self, state: LineState) -> str:
        saved = state.saved
        if state.saving:
            return self.tr("Saving…")
        if state.dirty:
            return self.tr("Not saved")
        if saved is None:
            return self.tr("Not reported")
        parts = [self.tr("Late") if saved.late else self.tr("Reported")]
        if saved.entered_at is not None:
            parts.append(f"{saved.entered_at:%H:%M}")
        if saved.source == "copy":
            parts.append(self.tr("same as yesterday"))
        elif saved.source == "import":
            parts.append(self.tr("imported"))
        if saved.request_id:
            parts.append(self.tr("→ request"))
        return " ".join(parts)

    def _status_data(self, state: LineState, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.status_text(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            if state.dirty or state.saving:
                return QBrush(MISSING_COLOR)
            return QBrush(SAVED_COLOR if state.saved else MISSING_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and state.dirty:
            return QBrush(UNSAVED_TINT)
        return None

    def _cell_data(self, state: LineState, key: str, role: int) -> Any:
        f = state.field(key)
        if f is None:
            # The line was entered against another version, which has no such field.
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#eef1f4"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not asked in the version this report was entered against.")
            return None
        findings = state.cell_findings(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return state.text(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [x.message.text() for x in findings]
            before = (state.line.yesterday or {}).get(key)
            if before is not None:
                lines.append(self.tr("Yesterday: {value}").format(value=show_value(f, before)))
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if any(x.is_error for x in findings):
                return QBrush(ERROR_TINT)
            if findings:
                return QBrush(WARNING_TINT)
            if key in state.typed:
                return QBrush(UNSAVED_TINT)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if f.kind == "check":
                value, _ = parse_value(f, state.text(key))
                if value is not None and value is not f.expected:
                    return QBrush(ERROR_COLOR)
            return None
        if role == Qt.ItemDataRole.FontRole and f.kind == "check":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and f.kind != "text":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key_of(index.column())
        if role != Qt.ItemDataRole.EditRole or not key:
            return False
        state = self.lines[index.row()]
        f = state.field(key)
        if f is None:
            return False
        text = "" if value is None else str(value)
        if text == state.text(key):
            return False
        saved_text = show_value(f, state.saved.values.get(key)) if state.saved else ""
        if text == saved_text:
            state.typed.pop(key, None)  # typed back to what is saved
        else:
            state.typed[key] = text
        _, problem = parse_value(f, text)
        state.findings = [x for x in state.findings if x.field != key]
        if problem is not None:
            state.findings.append(problem)
        self._row_changed(index.row())
        self.typed_changed.emit(index.row())
        return True
