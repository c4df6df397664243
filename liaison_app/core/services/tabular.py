"""Reading a table that a person made in Excel: .xlsx or CSV, any import.

People bring their own spreadsheets, not a template: a title row above the header, headers
in Chinese or English with stray spaces or full-width characters, columns in any order,
merged cells for a workshop that spans many rows, ID and phone numbers that Excel turned
into floats, CSV files in GBK because that is what Chinese Excel writes. This module turns
such a file into rows keyed by the caller's column keys, with a finding for every cell it
could not understand, and leaves the domain rules to the caller (enterprises, workers...).

``read_table`` gives a ``TablePreview``; an import builds an ``ImportPlan`` of ``RowReport``
from it, shows it, and writes only what the person accepts. Nothing here writes anything.
Any thread may call these functions; they touch no database.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.validation import Finding, Severity, yes_no


class TableReadError(ServiceError):
    """The file cannot be read as a table; ``message`` says why and what to do."""


class CellKind(str, Enum):
    #: Free text; a number Excel stored is given back as the digits a person typed.
    TEXT = "text"
    #: An identifier (ID, phone, credit code): like TEXT, and a number Excel mangled is caught.
    CODE = "code"
    INTEGER = "integer"
    DATE = "date"
    #: Yes/no as people write it: 是/否, Y/N, 1/0, √.
    BOOL = "bool"


@dataclass(frozen=True)
class ColumnSpec:
    """A column the caller wants, and the headers people give it."""

    key: str
    label: Message
    aliases: tuple[str, ...]
    required: bool = False
    kind: CellKind = CellKind.TEXT


@dataclass
class TableRow:
    """One data row: its row number in the file (as Excel shows it), values by column key."""

    row_number: int
    values: dict[str, Any]
    #: Cells that could not be understood (e.g. "abc" in a number column).
    findings: list[Finding] = field(default_factory=list)


@dataclass
class TablePreview:
    path: Path
    spec: tuple[ColumnSpec, ...]
    sheet: str | None
    #: Row number of the header row (1-based, as Excel shows it); 0 when the file is empty.
    header_row: int
    headers: list[str]
    #: Column key -> index into ``headers``.
    mapping: dict[str, int]
    rows: list[TableRow]
    #: Problems with the whole file (e.g. a required column is missing): nothing can be imported.
    file_errors: list[Message] = field(default_factory=list)
    #: The raw cells of the data rows, kept so the mapping can change without reading again.
    raw_rows: list[tuple[int, list[Any]]] = field(default_factory=list, repr=False)

    @property
    def unmapped_headers(self) -> list[str]:
        used = set(self.mapping.values())
        return [h for i, h in enumerate(self.headers) if h and i not in used]

    @property
    def data_rows(self) -> int:
        """Rows below the header with anything in them (a repeated header does not count),
        whether or not their columns could be matched."""
        keys = [header_key(h) for h in self.headers]
        return sum(1 for _, cells in self.raw_rows
                   if any(clean_cell(c) not in (None, "") for c in cells)
                   and [header_key(c) for c in cells[:len(self.headers)]] != keys)

    @property
    def missing_required(self) -> list[ColumnSpec]:
        return [c for c in self.spec if c.required and c.key not in self.mapping]

    def column(self, key: str) -> ColumnSpec:
        for col in self.spec:
            if col.key == key:
                return col
        raise KeyError(key)

    def with_mapping(self, mapping_override: Mapping[str, int | None]) -> TablePreview:
        """The same file with some columns mapped by hand (None: do not import that column)."""
        mapping = _apply_override(self.mapping, mapping_override, len(self.headers))
        return _build_preview(path=self.path, spec=self.spec, sheet=self.sheet,
                              header_row=self.header_row, headers=self.headers,
                              mapping=mapping, raw_rows=self.raw_rows)


# -- header matching ---------------------------------------------------------------------

_HEADER_NOISE = re.compile(r"[\s*:_\-·.、]+")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


def header_key(text: object) -> str:
    """A header reduced to what identifies it: NFKC folds full-width forms, case is ignored,
    and spaces, required-markers (*) and colons that people add are dropped."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return _HEADER_NOISE.sub("", folded)


def _alias_index(spec: Sequence[ColumnSpec]) -> dict[str, str]:
    index: dict[str, str] = {}
    for col in spec:
        for alias in (col.key, *col.aliases):
            index.setdefault(header_key(alias), col.key)
    return index


def _match_header(text: object, index: Mapping[str, str]) -> str | None:
    key = header_key(text)
    if not key:
        return None
    if key in index:
        return index[key]
    # "职工人数(人)", "联系电话(手机)": a unit or note in brackets after a known header.
    bare = _TRAILING_NOTE.sub("", key)
    return index.get(bare) if bare and bare != key else None


def guess_mapping(*, headers: Sequence[object], spec: Sequence[ColumnSpec]) -> dict[str, int]:
    """Column key -> header index for every header that names a known column (first wins)."""
    index = _alias_index(spec)
    mapping: dict[str, int] = {}
    for i, text in enumerate(headers):
        key = _match_header(text, index)
        if key is not None and key not in mapping:
            mapping[key] = i
    return mapping


def _apply_override(mapping: Mapping[str, int], override: Mapping[str, int | None] | None,
                    width: int) -> dict[str, int]:
    result = dict(mapping)
    for key, index in (override or {}).items():
        if index is None or not 0 <= index < width:
            result.pop(key, None)
            continue
        # One header feeds one column: taking it away from the key that had it.
        for other, other_index in list(result.items()):
            if other_index == index and other != key:
                del result[other]
        result[key] = index
    return result


#: Rows searched for the header; a title and a note or two above it are common, more is not.
HEADER_SEARCH_ROWS = 30


def _find_header(rows: Sequence[tuple[int, list[Any]]], spec: Sequence[ColumnSpec]) -> int:
    """Position in ``rows`` of the header row: the first naming enough known columns."""
    index = _alias_index(spec)
    enough = min(2, len(spec))
    best, best_score = 0, 0
    for pos, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = len({k for k in (_match_header(c, index) for c in cells) if k})
        if score >= enough:
            return pos
        if score > best_score:
            best, best_score = pos, score
    # Nothing matched well: the first candidate still shows the person what the file holds,
    # so they can map it by hand.
    return best


# -- cell values -------------------------------------------------------------------------

_STRIP = " \t\r\n\u3000\u00a0\ufeff"
#: Excel's ways of keeping a number as text: ="0534..." and a leading apostrophe.
_EXCEL_TEXT = re.compile(r'^="(.*)"$')
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_FLOAT_INTEGRAL = re.compile(r"^(\d+)\.0+$")
#: Digits a float holds exactly; Excel keeps 15, so longer numbers stored as numbers are lost.
EXCEL_DIGITS = 15


def clean_cell(value: Any) -> Any:
    """A raw cell as a plain value: stripped text, an int for an integral float, a date for a
    midnight datetime; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip(_STRIP)
        return text or None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _number_text(value: int | float) -> str:
    if isinstance(value, float):
        return format(value, "f").rstrip("0").rstrip(".") if value == value else ""
    return str(value)


def _to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    text = str(value)
    match = _EXCEL_TEXT.match(text)
    if match:
        return match.group(1).strip(_STRIP)
    return text[1:] if text.startswith("'") else text


def _code_finding(col: ColumnSpec, shown: str) -> Finding:
    return Finding(col.key, Severity.ERROR, i18n.translate(
        "Import",
        "Excel stored {label} as a number and lost digits (\u201c{value}\u201d). Format the "
        "column as text in Excel, type the numbers again and save.",
    ).format(label=col.label, value=shown))


def _to_code(value: Any, col: ColumnSpec) -> tuple[str, Finding | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        # Past 15 digits Excel has replaced the tail with zeros: an ID number is ruined.
        return text, (_code_finding(col, text) if len(text) > EXCEL_DIGITS else None)
    if isinstance(value, float):
        return _number_text(value), _code_finding(col, repr(value))
    text = _to_text(value)
    integral = _FLOAT_INTEGRAL.match(text)
    if integral:
        return integral.group(1), None
    if _SCIENTIFIC.match(text):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text, None
        mantissa = text.lower().split("e")[0].lstrip("+-").replace(".", "").lstrip("0")
        digits = str(int(number)) if number == number.to_integral_value() else ""
        # "1.3812345678E10" still carries every digit; in "1.38123E+10" the zeros are made up.
        if digits and len(mantissa) >= len(digits):
            return digits, None
        return text, _code_finding(col, text)
    return text, None


_INT_TEXT = re.compile(r"^[+-]?\d+$")


def _to_int(value: Any, col: ColumnSpec) -> tuple[int | None, Finding | None]:
    if value is None:
        return None, None
    if isinstance(value, int) and not isinstance(value, bool):
        return value, None
    text = _to_text(value).replace(",", "").replace("，", "").replace(" ", "")
    integral = _FLOAT_INTEGRAL.match(text)
    if integral:
        text = integral.group(1)
    if _INT_TEXT.match(text):
        return int(text), None
    return None, Finding(col.key, Severity.ERROR, i18n.translate(
        "Import", "{label}: \u201c{value}\u201d is not a whole number.").format(
        label=col.label, value=_to_text(value)))


_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _to_date(value: Any, col: ColumnSpec) -> tuple[dt.date | None, Finding | None]:
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = _to_text(value)
    match = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups())), None
        except ValueError:
            pass
    return None, Finding(col.key, Severity.ERROR, i18n.translate(
        "Import", "{label}: \u201c{value}\u201d is not a date; write it like 2024-03-01.").format(
        label=col.label, value=text))


def _to_bool(value: Any, col: ColumnSpec) -> tuple[bool | None, Finding | None]:
    if value is None:
        return None, None
    if isinstance(value, bool):
        return value, None
    answer = yes_no(_to_text(value))
    if answer is not None:
        return answer, None
    return None, Finding(col.key, Severity.ERROR, i18n.translate(
        "Import", "{label}: \u201c{value}\u201d is neither yes nor no; write 是 or 否.").format(
        label=col.label, value=_to_text(value)))


def convert_cell(value: Any, col: ColumnSpec) -> tuple[Any, Finding | None]:
    """A cleaned cell as the column's kind wants it, or a finding saying why it cannot be."""
    if col.kind is CellKind.CODE:
        return _to_code(value, col) if value is not None else ("", None)
    if col.kind is CellKind.INTEGER:
        return _to_int(value, col)
    if col.kind is CellKind.DATE:
        return _to_date(value, col)
    if col.kind is CellKind.BOOL:
        return _to_bool(value, col)
    return _to_text(value), None


# -- reading files -----------------------------------------------------------------------

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A password-protected .xlsx is an OLE container holding this stream (name in UTF-16).
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


def list_sheets(*, path: Path) -> list[str]:
    """The sheet names of an .xlsx file (for a sheet chooser); [] for a CSV file."""
    path = Path(path)
    if _file_format(path) != "xlsx":
        return []
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_table(*, path: Path | str, spec: Sequence[ColumnSpec], sheet: str | None = None,
               mapping_override: Mapping[str, int | None] | None = None) -> TablePreview:
    """Read ``path`` (.xlsx or CSV) and map its columns to ``spec``.

    Raises ``TableReadError`` when the file cannot be read at all (missing, not a spreadsheet,
    old .xls, password-protected, empty). A file that reads but lacks a required column gives
    a preview whose ``file_errors`` say which, so the mapping can be fixed by hand.
    """
    path = Path(path)
    fmt = _file_format(path)
    if fmt == "xlsx":
        sheet_name, rows, merged = _read_xlsx(path, sheet)
    else:
        sheet_name, rows, merged = None, _read_csv(path), []
    if not rows:
        raise TableReadError(i18n.translate(
            "Import", "{path} is empty: it has no rows to import.").format(path=str(path)))
    header_pos = _find_header(rows, spec)
    header_row, header_cells = rows[header_pos]
    _fill_merged(rows, merged, header_row=header_row)
    headers = [_to_text(clean_cell(c)) for c in header_cells]
    mapping = _apply_override(guess_mapping(headers=headers, spec=spec), mapping_override,
                              len(headers))
    return _build_preview(path=path, spec=tuple(spec), sheet=sheet_name, header_row=header_row,
                          headers=headers, mapping=mapping, raw_rows=rows[header_pos + 1:])


def _build_preview(*, path: Path, spec: tuple[ColumnSpec, ...], sheet: str | None,
                   header_row: int, headers: list[str], mapping: dict[str, int],
                   raw_rows: list[tuple[int, list[Any]]]) -> TablePreview:
    preview = TablePreview(path=path, spec=spec, sheet=sheet, header_row=header_row,
                           headers=headers, mapping=mapping, rows=[], raw_rows=raw_rows)
    missing = preview.missing_required
    if missing:
        found = "、".join(h for h in headers if h) or "—"
        for col in missing:
            preview.file_errors.append(i18n.translate(
                "Import",
                "The file has no \u201c{label}\u201d column (looked for: {aliases}), so none of "
                "its {count} data rows can be imported. Its header row {row} has: {found}. "
                "Rename that column or choose it by hand.",
            ).format(label=col.label, aliases="、".join(col.aliases[:4]), row=header_row,
                     found=found, count=preview.data_rows))
        return preview
    columns = [(col, mapping[col.key]) for col in spec if col.key in mapping]
    header_keys = [header_key(h) for h in headers]
    for row_number, cells in raw_rows:
        present = [cells[i] if i < len(cells) else None for _, i in columns]
        if all(v is None for v in present):
            continue  # blank, or only notes in columns nobody imports
        if [header_key(c) for c in cells[:len(headers)]] == header_keys:
            continue  # the header repeated, as when several printed pages were pasted together
        row = TableRow(row_number=row_number, values={})
        for (col, _), raw in zip(columns, present, strict=True):
            value, finding = convert_cell(raw, col)
            row.values[col.key] = value
            if finding is not None:
                row.findings.append(finding)
        for col in spec:
            if col.key not in row.values:
                row.values[col.key] = convert_cell(None, col)[0]
        preview.rows.append(row)
    if not preview.rows:
        preview.file_errors.append(i18n.translate(
            "Import", "{path} has a header row (row {row}) but no data below it.").format(
            path=str(path), row=header_row))
    return preview


def _file_format(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise TableReadError(i18n.translate(
            "Import", "The file {path} does not exist.").format(path=str(path))) from None
    except IsADirectoryError:
        raise TableReadError(i18n.translate(
            "Import", "{path} is a folder, not a spreadsheet file.").format(path=str(path))
        ) from None
    except OSError as exc:
        raise TableReadError(i18n.translate(
            "Import", "The file {path} cannot be opened ({reason}).").format(
            path=str(path), reason=exc.strerror or str(exc))) from None
    if not head:
        raise TableReadError(i18n.translate(
            "Import", "{path} is empty: it has no rows to import.").format(path=str(path)))
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTION_STREAM in path.read_bytes():
            raise TableReadError(i18n.translate(
                "Import",
                "{path} is protected by a password. Open it in Excel, remove the password "
                "(File \u2192 Info \u2192 Protect Workbook) and save it again.",
            ).format(path=str(path)))
        raise _xls_error(path)
    if path.suffix.lower() in {".xls", ".et"}:
        # Some systems export an HTML page named .xls; either way openpyxl cannot read it.
        raise _xls_error(path)
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        # Any text splits into "columns" on commas; only a file meant as a table is read as one.
        raise _not_spreadsheet(path)
    return "csv"


def _xls_error(path: Path) -> TableReadError:
    return TableReadError(i18n.translate(
        "Import",
        "{path} is in the old Excel 97\u20132003 (.xls) format, which cannot be read. Open it "
        "in Excel or WPS and save it as .xlsx (Excel workbook) or CSV, then import that file.",
    ).format(path=str(path)))


def _not_spreadsheet(path: Path) -> TableReadError:
    return TableReadError(i18n.translate(
        "Import",
        "{path} is not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV file.",
    ).format(path=str(path)))


def _open_workbook(path: Path, *, read_only: bool = True) -> Any:
    import openpyxl  # imported here: opening the app should not pay for it

    try:
        return openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except Exception as exc:
        # A damaged or foreign zip fails deep inside openpyxl with BadZipFile, KeyError,
        # InvalidFileException and more; to the person they all mean the same thing.
        raise _not_spreadsheet(path) from exc


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
#: Above this, the fallback that opens the workbook fully for its merged cells is too slow.
FULL_OPEN_LIMIT = 5 * 1024 * 1024


Merge = tuple[int, int, int, int]


def _worksheet_part(ws: Any) -> str | None:
    """The sheet's XML file inside the .xlsx; a private openpyxl detail, hence the fallback."""
    return getattr(ws, "_worksheet_path", None)


def _merged_ranges(path: Path, ws: Any) -> list[Merge]:
    """Merged ranges as (min_col, min_row, max_col, max_row).

    openpyxl's fast read-only mode does not report them, and opening the workbook fully
    costs half as much again as reading it; the sheet's XML lists them in <mergeCell>
    elements, which a regular expression finds in milliseconds.
    """
    from openpyxl.utils.cell import range_boundaries

    part = _worksheet_part(ws)
    refs: list[str] = []
    if part:
        with zipfile.ZipFile(path) as archive:
            refs = [m.decode() for m in _MERGE_REF.findall(archive.read(part))]
    elif path.stat().st_size < FULL_OPEN_LIMIT:
        full = _open_workbook(path, read_only=False)
        try:
            refs = [str(r) for r in full[ws.title].merged_cells.ranges]
        finally:
            full.close()
    return [tuple(range_boundaries(ref)) for ref in refs if ":" in ref]  # type: ignore[misc]


def _read_xlsx(path: Path, sheet: str | None
               ) -> tuple[str, list[tuple[int, list[Any]]], list[Merge]]:
    wb = _open_workbook(path)
    try:
        if sheet is None:
            if not wb.worksheets:
                raise TableReadError(i18n.translate(
                    "Import", "{path} is empty: it has no rows to import.").format(
                    path=str(path)))
            ws = wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            raise TableReadError(i18n.translate(
                "Import", "{path} has no sheet named \u201c{sheet}\u201d; its sheets are: {names}."
            ).format(path=str(path), sheet=sheet, names="、".join(wb.sheetnames)))
        # Some programs write a wrong <dimension>, which would cut rows or columns short.
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
        grid = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
        merged = _merged_ranges(path, ws)
        title = ws.title
    finally:
        wb.close()
    for cells in grid:
        for c, value in enumerate(cells):
            if value is not None:
                cells[c] = clean_cell(value)
    rows = [(i + 1, cells) for i, cells in enumerate(grid)
            if any(v is not None for v in cells)]
    return title, rows, merged


def _fill_merged(rows: list[tuple[int, list[Any]]], merged: Iterable[Merge], *,
                 header_row: int) -> None:
    """Give the cells of a merged range their top-left value, as a person reading it does.

    A header merged over two columns names both; below the header a merge means "same as
    above" (a workshop written once beside twenty workers), so it is spread down its first
    column only: spreading it sideways would put an address into the next column. Blank
    rows are not in ``rows`` and stay blank, so a merged block does not turn spacer rows
    into records.
    """
    by_number = {number: cells for number, cells in rows}
    for min_col, min_row, max_col, max_row in merged:
        source = by_number.get(min_row)
        if source is None or min_col > len(source) or source[min_col - 1] is None:
            continue
        value = source[min_col - 1]
        last_col = max_col if min_row <= header_row else min_col
        for number in range(min_row, max_row + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            if len(cells) < last_col:
                cells.extend([None] * (last_col - len(cells)))
            for c in range(min_col - 1, last_col):
                if cells[c] is None:
                    cells[c] = value


_DELIMITERS = (",", ";", "\t")
#: Sniffing looks at this much text; enough for a title, a header and some data rows.
_SNIFF_CHARS = 64 * 1024


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # Excel's "Unicode text"
    if b"\x00" in data[:_SNIFF_CHARS]:
        raise _not_spreadsheet(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312, which Chinese Excel and WPS write.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise TableReadError(i18n.translate(
            "Import",
            "The text encoding of {path} is neither UTF-8 nor GBK. Save it from Excel as "
            "\u201cCSV UTF-8\u201d and import it again.",
        ).format(path=str(path))) from None


def _sniff_delimiter(sample: str) -> str:
    """The delimiter that splits most sample lines into the same number (> 1) of fields."""
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    best, best_score = ",", (0, 0)
    for delim in _DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        wide = [n for n in counts if n > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = (wide.count(modal), modal)
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_csv(path: Path) -> list[tuple[int, list[Any]]]:
    text = _decode(path, path.read_bytes())
    delimiter = _sniff_delimiter(text[:_SNIFF_CHARS])
    rows: list[tuple[int, list[Any]]] = []
    for number, record in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter),
                                    start=1):
        cells = [clean_cell(c) for c in record]
        if any(c is not None for c in cells):
            rows.append((number, cells))
    return rows


# -- import plans ------------------------------------------------------------------------

class RowStatus(str, Enum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


class RowAction(str, Enum):
    """What importing a row does to the records already there."""

    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"


def action_label(action: RowAction) -> Message:
    return {
        RowAction.NEW: i18n.translate("Import", "new"),
        RowAction.UPDATE: i18n.translate("Import", "updated"),
        RowAction.UNCHANGED: i18n.translate("Import", "unchanged"),
    }[action]


@dataclass
class RowReport:
    """One source row of an import: its values, what is wrong with it, and so its status."""

    row_number: int
    values: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    #: How a person recognises the row in a report (an enterprise's or a worker's name).
    title: str = ""

    @property
    def status(self) -> RowStatus:
        if any(f.is_error for f in self.findings):
            return RowStatus.ERROR
        return RowStatus.WARNING if self.findings else RowStatus.OK

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


@dataclass(frozen=True)
class ImportSummary:
    total: int
    ok: int
    warning: int
    error: int


@dataclass
class ImportPlan:
    """What an import would do, row by row; built by a preview, executed by a commit."""

    preview: TablePreview
    rows: list[RowReport]

    @property
    def file_errors(self) -> list[Message]:
        return self.preview.file_errors

    @property
    def summary(self) -> ImportSummary:
        statuses = [r.status for r in self.rows]
        return ImportSummary(total=len(statuses), ok=statuses.count(RowStatus.OK),
                             warning=statuses.count(RowStatus.WARNING),
                             error=statuses.count(RowStatus.ERROR))

    def importable(self, *, include_warnings: bool) -> list[RowReport]:
        accepted = {RowStatus.OK, RowStatus.WARNING} if include_warnings else {RowStatus.OK}
        return [] if self.file_errors else [r for r in self.rows if r.status in accepted]

    def action(self, report: RowReport) -> RowAction | None:
        """What importing the row would do; None for a row that cannot be imported. Every
        row is new unless the kind of import matches rows to records already there."""
        return None if report.status is RowStatus.ERROR else RowAction.NEW

    def action_counts(self) -> dict[RowAction, int]:
        counts = dict.fromkeys(RowAction, 0)
        for report in self.rows:
            action = self.action(report)
            if action is not None:
                counts[action] += 1
        return counts

    def label(self, key: str) -> Message | None:
        """The column label a finding's ``field`` refers to, for reports."""
        try:
            return self.preview.column(key).label
        except KeyError:
            return None


@dataclass
class ImportResult:
    imported: int
    record_ids: list[str]
    #: Rows left out: errors, and warnings when they were not accepted.
    skipped: list[RowReport]


def report_lines(plan: ImportPlan, *, accepted_warnings: bool,
                 done: Mapping[int, Message] | None = None) -> list[Message | str]:
    """A command line's report: the file's problems, then a line per row that has problems
    or is in ``done`` (row number -> what was done with it), each problem indented below."""
    lines: list[Message | str] = list(plan.file_errors)
    done = done or {}
    for report in plan.rows:
        if report.row_number in done:
            state = done[report.row_number]
        elif report.status is RowStatus.OK:
            continue
        elif report.status is RowStatus.ERROR:
            state = i18n.translate("Import", "not imported")
        elif accepted_warnings:
            state = i18n.translate("Import", "imported despite warnings")
        else:
            state = i18n.translate("Import", "not imported: has warnings")
        lines.append(i18n.translate("Import", "Row {row} {title}: {state}").format(
            row=report.row_number, title=report.title or "\u2014", state=state))
        for finding in report.findings:
            label = plan.label(finding.field)
            kind = (i18n.translate("Import", "error") if finding.is_error
                    else i18n.translate("Import", "warning"))
            lines.append(f"    [{kind.text()}] " + (f"{label.text()}: " if label else "")
                         + finding.message.text())
    return lines


def build_plan(*, preview: TablePreview, check: Callable[[TableRow], list[Finding]],
               title_key: str) -> ImportPlan:
    """Run ``check`` on every row and collect the reports, cell findings first."""
    rows = [RowReport(row_number=row.row_number, values=row.values,
                      findings=[*row.findings, *check(row)],
                      title=str(row.values.get(title_key) or ""))
            for row in preview.rows]
    return ImportPlan(preview=preview, rows=rows)


def flag_repeats(rows: Iterable[RowReport], *, key: str, message: Message,
                 normalize: Callable[[Any], str] = str) -> None:
    """Add an error to every row whose ``key`` value already appeared in an earlier row.

    ``message`` gets ``row`` (the first row with the value) and ``value``, so the person knows
    which two rows to compare. Rows whose value already has an error are left alone: a
    malformed value repeated is one problem, reported where it is.
    """
    first: dict[str, int] = {}
    for report in rows:
        value = normalize(report.values.get(key) or "")
        if not value or any(f.field == key and f.is_error for f in report.findings):
            continue
        if value in first:
            report.findings.append(Finding(key, Severity.ERROR, message.format(
                row=first[value], value=value)))
        else:
            first[value] = report.row_number
