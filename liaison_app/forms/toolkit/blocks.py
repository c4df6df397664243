"""Building blocks of a Chinese government form: title, field grid, checklist, signatures,
long tables that repeat their header, and the small drawn check box."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import UncoveredCharacter
from .kit import CELL_SIZE, FormKit
from .page import BODY_HEIGHT, BODY_WIDTH

__all__ = [
    "CheckBox",
    "Field",
    "FlowGroup",
    "Signatory",
    "checklist",
    "date_blank",
    "field_table",
    "form_heading",
    "grid_table",
    "meta_line",
    "section",
    "signature_boxes",
    "spread_widths",
    "signature_line",
    "title_block",
]

LABEL_SHADE = colors.Color(0.93, 0.93, 0.93)
GRID_WIDTH = 0.75
OUTER_WIDTH = 1.2
# Row height that leaves room for a handwritten correction.
ROW_MIN = 9 * mm
CELL_PAD = 3.5
#: The least height (points) either part of a row split across pages may have.
FLOW_MIN_SPLIT = 36
_NO_PADDING = [
    (side, (0, 0), (-1, -1), 0)
    for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
]


class CheckBox(Flowable):
    """A drawn check box, so ☐/☑ never depend on a font having those glyphs."""

    def __init__(self, *, checked: bool, size: float = 3.8 * mm) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        c = self.canv
        s = self.size
        c.saveState()
        c.setLineWidth(0.8)
        c.rect(0, 0, s, s, stroke=1, fill=0)
        if self.checked:
            c.setLineWidth(1.3)
            path = c.beginPath()
            path.moveTo(s * 0.18, s * 0.52)
            path.lineTo(s * 0.42, s * 0.22)
            path.lineTo(s * 0.85, s * 0.82)
            c.drawPath(path, stroke=1, fill=0)
        c.restoreState()


def _fill_in(kit: FormKit, cells: Sequence[str], widths: Sequence[float], style: str) -> Table:
    # Blank space for handwriting as empty table cells: spaces would collapse or, in the CID
    # font, lose their width.
    table = Table(
        [[kit.para(c, style) if c else "" for c in cells]], colWidths=list(widths), hAlign="RIGHT"
    )
    table.setStyle(TableStyle(_NO_PADDING))
    return table


def date_blank(
    kit: FormKit, *, label: str = "", style: str = "sign", width: float | None = None
) -> Table:
    """A "label 年 月 日" line with room to write the date by hand, ``width`` wide at most."""
    size = kit.styles[style].fontSize
    label_w = kit.width(label, size=size) + 2 if label else 0
    unit = size * 1.2
    room = 9.5 * unit if width is None else max(width - label_w - 3 * unit, 4.5 * unit)
    room = min(room, 9.5 * unit)
    return _fill_in(
        kit,
        [label, "", "年", "", "月", "", "日"],
        [label_w, room * 0.4, unit, room * 0.3, unit, room * 0.3, unit],
        style,
    )


def signature_line(
    kit: FormKit, *, label: str, blank: float = 45 * mm, style: str = "letter_right"
) -> Table:
    """A right-aligned "label" followed by blank room for a signature."""
    size = kit.styles[style].fontSize
    return _fill_in(kit, [label, ""], [kit.width(label, size=size) + 2, blank], style)


def title_block(kit: FormKit, *, title: str, subtitle: str = "") -> list[Flowable]:
    """The centred bold title and an optional subtitle line under it."""
    items: list[Flowable] = [kit.para(title, "title")]
    if subtitle:
        items.append(kit.para(subtitle, "subtitle"))
    items.append(Spacer(1, 3 * mm))
    return items


def meta_line(kit: FormKit, *, left: str = "", right: str = "", width: float = BODY_WIDTH
              ) -> Table:
    """The line above a form's table: "填报单位：…" on the left, "编号：…" on the right."""
    table = Table(
        [[kit.para(left, "meta"), kit.para(right, "meta_right")]],
        # By default shares of the frame, so the line spans a landscape page too.
        colWidths=["60%", "40%"] if width == BODY_WIDTH else [width * 0.6, width * 0.4],
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def form_heading(
    kit: FormKit,
    *,
    title: str,
    left: str = "",
    right: str = "",
    subtitle: str = "",
    width: float = BODY_WIDTH,
) -> list[Flowable]:
    """Title block followed by the meta line, the way every form opens."""
    return [
        *title_block(kit, title=title, subtitle=subtitle),
        meta_line(kit, left=left, right=right, width=width),
    ]


def section(kit: FormKit, text: str) -> Paragraph:
    return kit.para(text, "section")


@dataclass(frozen=True)
class Field:
    """One label/value pair of a field table."""

    label: str
    value: str = ""
    #: The value spans the rest of the row.
    wide: bool = False
    #: Minimum row height in points, e.g. room for a handwritten summary.
    min_height: float = 0.0


_LABEL_W = 27 * mm
_VALUE_W = (BODY_WIDTH - 2 * _LABEL_W) / 2


def _grid_style(extra: Sequence[tuple] = ()) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
            ("BOX", (0, 0), (-1, -1), OUTER_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            *extra,
        ]
    )


def field_table(kit: FormKit, rows: Sequence[Sequence[Field]]) -> Flowable:
    """A bordered label/value grid of four columns; a ``wide`` field fills its row.

    Each row holds one wide field or up to two normal ones. A normal value too long for its
    cell first shrinks (to ``FIT_MIN_SIZE`` at least) to stay on one line, then wraps. A wide
    value too tall for a third of the page flows: its row is set as a two-column table that
    continues across pages (ReportLab cannot split a row that spans columns), so no length
    of text makes the form fail to print.
    """
    for row in rows:
        if len(row) == 1 and row[0].wide:
            continue
        if len(row) > 2 or any(f.wide for f in row):
            raise ValueError("a field row holds one wide field or at most two fields")
    segments: list[tuple[str, list[Sequence[Field]]]] = []
    for row in rows:
        kind = "flow" if len(row) == 1 and row[0].wide and _too_tall(kit, row[0]) else "grid"
        if kind == "grid" and segments and segments[-1][0] == "grid":
            segments[-1][1].append(row)
        else:
            segments.append((kind, [row]))
    tables = [
        (_field_grid if kind == "grid" else _field_flow)(
            kit, part, first=i == 0, last=i == len(segments) - 1
        )
        for i, (kind, part) in enumerate(segments)
    ]
    return tables[0] if len(tables) == 1 else FlowGroup(tables)


_FLOW_AT = BODY_HEIGHT / 3
_WIDE_VALUE_W = BODY_WIDTH - _LABEL_W


def _too_tall(kit: FormKit, f: Field) -> bool:
    if len(f.value) < 120:
        return False
    _w, h = kit.para(f.value, field=f.label).wrap(_WIDE_VALUE_W - 2 * CELL_PAD, BODY_HEIGHT)
    return h > _FLOW_AT


def _edges(*, first: bool, last: bool) -> list[tuple]:
    """The outer frame of one segment of a field table; inner joins stay thin."""
    edges: list[tuple] = [
        ("LINEBEFORE", (0, 0), (0, -1), OUTER_WIDTH, colors.black),
        ("LINEAFTER", (-1, 0), (-1, -1), OUTER_WIDTH, colors.black),
    ]
    if first:
        edges.append(("LINEABOVE", (0, 0), (-1, 0), OUTER_WIDTH, colors.black))
    if last:
        edges.append(("LINEBELOW", (0, -1), (-1, -1), OUTER_WIDTH, colors.black))
    return edges


def _field_grid(
    kit: FormKit, rows: Sequence[Sequence[Field]], *, first: bool = True, last: bool = True
) -> Table:
    data: list[list[object]] = []
    commands: list[tuple] = []
    heights: list[float] = []
    for r, row in enumerate(rows):
        cells: list[object] = []
        min_h = max([f.min_height for f in row] + [ROW_MIN])
        if len(row) == 1 and row[0].wide:
            f = row[0]
            cells = [kit.para(f.label, "label"), kit.para(f.value, field=f.label), "", ""]
            commands.append(("SPAN", (1, r), (3, r)))
            if f.min_height:
                commands.append(("VALIGN", (1, r), (1, r), "TOP"))
        else:
            for f in row:
                cells += [
                    kit.para(f.label, "label"),
                    kit.fit_para(f.value, "value", width=_VALUE_W - 2 * CELL_PAD, field=f.label),
                ]
            while len(cells) < 4:
                cells.append("")
        commands.append(("BACKGROUND", (0, r), (0, r), LABEL_SHADE))
        if not (len(row) == 1 and row[0].wide) and len(row) == 2:
            commands.append(("BACKGROUND", (2, r), (2, r), LABEL_SHADE))
        data.append(cells)
        heights.append(min_h)
    table = Table(
        data,
        colWidths=[_LABEL_W, _VALUE_W, _LABEL_W, _VALUE_W],
        minRowHeights=heights,
        splitByRow=1,
    )
    table.setStyle(_segment_style(commands, first=first, last=last))
    return table


def _field_flow(
    kit: FormKit, rows: Sequence[Sequence[Field]], *, first: bool = True, last: bool = True
) -> Table:
    f = rows[0][0]
    table = Table(
        [[kit.para(f.label, "label"), kit.para(f.value, field=f.label)]],
        colWidths=[_LABEL_W, _WIDE_VALUE_W],
        minRowHeights=[max(f.min_height, ROW_MIN)],
        splitByRow=1,
        # The row continues on the next page rather than failing the print; at least a few
        # lines stay on either side of the break.
        splitInRow=FLOW_MIN_SPLIT,
    )
    # Both cells top-aligned: ReportLab splits a middle-aligned label badly.
    commands = [("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle(_segment_style(commands, first=first, last=last))
    return table


def _segment_style(commands: list[tuple], *, first: bool, last: bool) -> TableStyle:
    if first and last:
        return _grid_style(commands)
    style = _grid_style(commands)
    # Drop the full box: each segment draws only the outer edges it owns.
    style = TableStyle([c for c in style.getCommands() if c[0] != "BOX"])
    for command in _edges(first=first, last=last):
        style.add(*command)
    return style


class FlowGroup(Flowable):
    """Flowables laid out one under the other that the page may break between.

    When everything fits it draws as one block; otherwise ``split`` hands its parts to the
    frame, which places them (and splits them further) as usual.
    """

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._sizes = [p.wrapOn(self.canv, availWidth, availHeight) for p in self.parts]
        self.width = max((w for w, _h in self._sizes), default=0)
        self.height = sum(h for _w, h in self._sizes)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return list(self.parts)

    def draw(self) -> None:
        y = self.height
        for part, (_w, h) in zip(self.parts, self._sizes, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)


def grid_table(
    kit: FormKit,
    *,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    left_columns: Sequence[int] = (),
    min_row_height: float = 7.5 * mm,
    repeat_header: bool = True,
) -> Table:
    """A bordered table of plain text; the header row repeats on every page it spans.

    Cells the body font can draw on one line stay plain strings: a 2,000-row roster would
    spend seconds wrapping Paragraphs otherwise. Anything wider than its column, multi-line,
    or needing a fallback glyph becomes a wrapping Paragraph.

    A table whose ``col_widths`` fill the portrait text block widens with a wider frame (a
    landscape page): the extra room goes first to the columns whose longest text does not
    fit, then to all in proportion.
    """
    chain = kit.chain
    body = chain.body
    limit = [w - 2 * CELL_PAD for w in col_widths]
    full_width = abs(sum(col_widths) - BODY_WIDTH) < 1
    natural = [
        kit.width(h, size=CELL_SIZE, heading=True) if full_width else 0.0 for h in header
    ]
    data: list[list[object]] = [
        [kit.para(h, "head_cell", field=h) for h in header]
    ]
    left = set(left_columns)
    for row in rows:
        cells: list[object] = []
        for i, text in enumerate(row):
            text = text or ""
            plain = "\n" not in text and all(body.has(ch) for ch in text)
            if plain or full_width:
                try:
                    width = max(
                        (kit.width(line, size=CELL_SIZE) for line in text.split("\n")),
                        default=0.0,
                    )
                except UncoveredCharacter as exc:
                    raise exc.in_field(header[i] if i < len(header) else "") from None
                if full_width and width > natural[i]:
                    natural[i] = width
                plain = plain and width <= limit[i]
            if plain:
                cells.append(text)
            else:
                field = header[i] if i < len(header) else ""
                cells.append(kit.para(text, "cell_left" if i in left else "cell", field=field))
        data.append(cells)
    table = _GridTable(
        data,
        colWidths=list(col_widths),
        repeatRows=1 if repeat_header else 0,
        splitByRow=1,
        minRowHeights=[min_row_height] * len(data),
    )
    if full_width:
        table.natural_widths = [w + 2 * CELL_PAD for w in natural]
    commands: list[tuple] = [
        ("FONTNAME", (0, 1), (-1, -1), body.name),
        ("FONTSIZE", (0, 1), (-1, -1), CELL_SIZE),
        ("ALIGN", (0, 1), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
    ]
    commands += [("ALIGN", (c, 1), (c, -1), "LEFT") for c in left]
    table.setStyle(_grid_style(commands))
    return table


def spread_widths(
    widths: Sequence[float], natural: Sequence[float], total: float
) -> list[float]:
    """``widths`` grown to ``total``: columns short of their ``natural`` width first.

    Small shortfalls are met in full before large ones share what is left (a date column
    gets its few points; the summary columns split the rest), then any room left over goes
    to all columns in proportion.
    """
    out = list(widths)
    extra = total - sum(out)
    if extra <= 0.5:
        return out
    need = [max(n - w, 0.0) for n, w in zip(natural, out, strict=True)]
    waiting = sorted((d, i) for i, d in enumerate(need) if d > 0)
    while waiting and extra > 0.01:
        fair = extra / len(waiting)
        d, i = waiting.pop(0)
        give = min(d, fair)
        out[i] += give
        extra -= give
    base = sum(out)
    return [w + extra * w / base for w in out] if base > 0 and extra > 0.01 else out


class _GridTable(LongTable):
    """A LongTable that takes a wider frame's room the first time it is laid out."""

    natural_widths: list[float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        natural = self.natural_widths
        if natural is not None and len(natural) == len(self._argW):
            self.natural_widths = None
            self._argW = self._colWidths = spread_widths(self._argW, natural, availWidth)
        return super().wrap(availWidth, availHeight)


def checklist(kit: FormKit, items: Sequence[tuple[str, bool]], *, columns: int = 1) -> Table:
    """Check items with drawn boxes, in one or two columns."""
    box_w = 7 * mm
    text_w = BODY_WIDTH / columns - box_w
    rows: list[list[object]] = []
    for start in range(0, len(items), columns):
        row: list[object] = []
        for text, checked in items[start : start + columns]:
            row += [CheckBox(checked=checked), kit.para(text)]
        while len(row) < 2 * columns:
            row += ["", ""]
        rows.append(row)
    table = Table(rows, colWidths=[box_w, text_w] * columns)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class Signatory:
    """One signature box: whose it is and whether a stamp is expected."""

    party: str
    signer_label: str = "签字"
    stamp: bool = False
    name: str = ""


def signature_boxes(
    kit: FormKit, signatories: Sequence[Signatory], *, height: float = 30 * mm
) -> KeepTogether:
    """Side-by-side boxes with room for a signature, a stamp and the date."""
    count = max(len(signatories), 1)
    width = BODY_WIDTH / count
    cells: list[object] = []
    for s in signatories:
        party = s.party + ("（盖章）" if s.stamp else "")
        signer = f"{s.signer_label}：{s.name}" if s.name else f"{s.signer_label}："
        inner = Table(
            [
                [kit.para(party, "sign")],
                [kit.para(signer, "sign")],
                [date_blank(kit, label="日期：", width=width - 2 * CELL_PAD)],
            ],
            colWidths=[width - 2 * CELL_PAD],
            rowHeights=[None, height - 2 * 20 - 16, 20],
        )
        inner.setStyle(TableStyle([*_NO_PADDING, ("VALIGN", (0, 1), (0, 1), "BOTTOM")]))
        cells.append(inner)
    table = Table([cells], colWidths=[width] * count, rowHeights=[height])
    table.setStyle(
        _grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6)])
    )
    return KeepTogether([Spacer(1, 2 * mm), table])
