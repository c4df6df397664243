"""The table of procedure items shared by the proxy application and the service record."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from . import toolkit as tk
from .data import ProcedureItem
from .formatting import fmt_days, fmt_short_date, joined

__all__ = ["procedure_items_table"]


def procedure_items_table(
    kit: tk.FormKit, items: Sequence[ProcedureItem], *, with_progress: bool
) -> Flowable:
    """Item, department, documents handed over; dates and status when ``with_progress``."""
    if with_progress:
        header = ("序号", "代办事项", "审批部门", "递交日期", "办结日期", "时限(天)", "状态")
        widths = [11, 33, 33, 22, 22, 15]
        rows = [
            (
                str(i),
                it.name,
                it.department,
                fmt_short_date(it.submitted_on),
                fmt_short_date(it.approved_on),
                fmt_days(it.usual_days),
                it.status,
            )
            for i, it in enumerate(items, start=1)
        ]
        left = (1, 2)
    else:
        header = ("序号", "代办事项", "审批部门", "移交材料", "时限(天)")
        widths = [11, 38, 36, 52]
        rows = [
            (str(i), it.name, it.department, joined(it.documents), fmt_days(it.usual_days))
            for i, it in enumerate(items, start=1)
        ]
        left = (1, 2, 3)
    col_widths = [w * mm for w in widths]
    col_widths.append(tk.BODY_WIDTH - sum(col_widths))
    return tk.grid_table(kit, header=header, rows=rows, col_widths=col_widths, left_columns=left)
