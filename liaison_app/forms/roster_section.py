"""The worker roster table and workshop counts shared by the roster, the pass application
and the reopening application."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from . import toolkit as tk
from .data import WorkerEntry
from .formatting import shown_id, shown_phone

__all__ = [
    "DECLARATION_COLUMNS",
    "ROSTER_HEADER",
    "declaration_table",
    "roster_table",
    "workshop_count_table",
    "workshop_counts",
]

ROSTER_HEADER = ("序号", "姓名", "身份证号", "手机", "车间", "岗位", "班次")
_ROSTER_WIDTHS_MM = (11, 20, 42, 27, 22, 20, 14)


def roster_table(
    kit: tk.FormKit, workers: Sequence[WorkerEntry], *, unmasked: bool = False
) -> Flowable:
    """One row per worker; ID numbers and phones masked unless ``unmasked``."""
    widths = [w * mm for w in _ROSTER_WIDTHS_MM]
    widths[-1] += tk.BODY_WIDTH - sum(widths)
    rows = [
        (
            str(i),
            w.name,
            shown_id(w.id_number, unmasked=unmasked),
            shown_phone(w.phone, unmasked=unmasked),
            w.workshop,
            w.post,
            w.shift,
        )
        for i, w in enumerate(workers, start=1)
    ]
    return tk.grid_table(kit, header=ROSTER_HEADER, rows=rows, col_widths=widths)


#: What workers declare beyond the roster's columns, as the forms head them.
DECLARATION_COLUMNS = {"plate": "车牌号", "health": "健康状况", "travel": "行程", "address": "住址"}
#: Widths of the short columns; the rest share what is left.
_NARROW_MM = {"plate": 24, "health": 26}


def declaration_table(
    kit: tk.FormKit, workers: Sequence[WorkerEntry], columns: Sequence[str], *, title: str
) -> list[Flowable]:
    """A section listing ``columns`` (keys of ``DECLARATION_COLUMNS``) for the workers who
    declared any of them, numbered as on the roster; nothing when nobody did."""
    rows = [
        (str(i), w.name, *(getattr(w, c) for c in columns))
        for i, w in enumerate(workers, start=1)
        if any(getattr(w, c) for c in columns)
    ]
    if not rows:
        return []
    widths = [11 * mm, 20 * mm, *(_NARROW_MM.get(c, 0) * mm for c in columns)]
    wide = [i for i, c in enumerate(columns, start=2) if c not in _NARROW_MM]
    rest = (tk.BODY_WIDTH - sum(widths)) / max(len(wide), 1)
    for i in wide:
        widths[i] = rest
    return [
        tk.section(kit, title),
        tk.grid_table(
            kit,
            header=("序号", "姓名", *(DECLARATION_COLUMNS[c] for c in columns)),
            rows=rows,
            col_widths=widths,
            left_columns=tuple(wide),
        ),
    ]


def workshop_counts(workers: Sequence[WorkerEntry]) -> list[tuple[str, int]]:
    """Headcount per workshop, largest first, ties by name; blanks as 未分车间."""
    counts = Counter((w.workshop or "未分车间") for w in workers)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def workshop_count_table(kit: tk.FormKit, workers: Sequence[WorkerEntry]) -> Flowable:
    """Counts by workshop and by post within it, with a total row."""
    posts: dict[str, Counter[str]] = {}
    for w in workers:
        posts.setdefault(w.workshop or "未分车间", Counter())[w.post or "未填岗位"] += 1
    rows = []
    for workshop, count in workshop_counts(workers):
        detail = "、".join(f"{p} {n} 人" for p, n in sorted(posts[workshop].items()))
        rows.append((workshop, str(count), detail))
    rows.append(("合计", str(len(workers)), ""))
    widths = [40 * mm, 22 * mm, tk.BODY_WIDTH - 62 * mm]
    return tk.grid_table(
        kit, header=("车间", "人数", "岗位构成"), rows=rows, col_widths=widths, left_columns=(2,)
    )
