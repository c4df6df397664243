"""测评结果通报: a round's satisfaction results for the county leadership.

The figures arrive formatted (the results service formats them once for the page, the Excel
file, this report and the command line, so all four agree); this module only lays them out:
a summary paragraph, the tables (units ranked, dimensions, distribution, towns, trend), the
comments to follow up, and the issuing office and date.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from . import toolkit as tk
from .data import EvaluationReportData, ReportTable
from .formatting import fmt_date

FORM_ID = "evaluation_report"
TITLE = "满意度测评结果通报"

#: Columns wider than the rest: the first (names) of every table.
_FIRST_SHARE = 0.26


def _table(kit: tk.FormKit, table: ReportTable) -> list[Flowable]:
    count = len(table.header)
    first = tk.BODY_WIDTH * (_FIRST_SHARE if count > 3 else 0.4)
    if table.header and table.header[0] == "排名":
        # Rank is a narrow number; the unit's name beside it takes the wide column.
        widths = [11 * mm, first]
        rest = (tk.BODY_WIDTH - sum(widths)) / max(count - 2, 1)
        widths += [rest] * (count - 2)
    else:
        rest = (tk.BODY_WIDTH - first) / max(count - 1, 1)
        widths = [first] + [rest] * (count - 1)
    name_col = 1 if table.header and table.header[0] == "排名" else 0
    rows = list(table.rows) or [("无",) + ("",) * (count - 1)]
    return [
        KeepTogether([tk.section(kit, table.heading)]),
        tk.grid_table(kit, header=table.header, rows=rows, col_widths=widths,
                      left_columns=(name_col,), min_row_height=7 * mm),
    ]


def build(
    data: EvaluationReportData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the results report to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    # "2024年上半年企业满意度测评" + "结果通报", not "…测评满意度测评结果通报".
    title = (f"{data.round_name}结果通报" if data.round_name.endswith("测评")
             else f"{data.round_name}{TITLE}")
    story: list[Flowable] = [
        *tk.title_block(kit, title=title),
        kit.para(data.summary, "letter"),
    ]
    if data.note:
        story.append(kit.para(data.note, "note"))
    for table in data.tables:
        story += _table(kit, table)
    if data.follow_ups:
        story.append(tk.section(kit, f"六、需跟进的低分和意见（{len(data.follow_ups)} 条）"))
        widths = [40 * mm, 16 * mm, 38 * mm]
        widths.append(tk.BODY_WIDTH - sum(widths))
        story.append(tk.grid_table(kit, header=("被测评单位", "总分", "低分项目", "意见和建议"),
                                   rows=list(data.follow_ups), col_widths=widths,
                                   left_columns=(0, 2, 3), min_row_height=7 * mm))
    story += [
        Spacer(1, 10 * mm),
        kit.para(data.organisation, "letter_right"),
        kit.para(fmt_date(data.issued_on) if data.issued_on else "", "letter_right"),
    ]
    return tk.build_story(story, out=out, decor=kit.decor(header=title), title=title)
