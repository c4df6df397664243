"""日报核查统计表: the day's daily reports by town (or officer), landscape A4.

Laid out like the county's 部门核查统计表: one line per town with the enterprises due to
report, those that did, the people on site and the enterprises with anomalies, a total line,
then the enterprises silent for two days or more and what the anomalies were.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from . import toolkit as tk
from .data import DailySummaryData, DailySummaryRow
from .formatting import fmt_date, labelled

FORM_ID = "daily_summary"
TITLE = "日报核查统计表"

_HEADER = ("序号", "{group}", "应报企业数", "已报", "其中迟报", "未报", "报送率", "在岗人数",
           "较前一日增减", "异常企业数")


def _cells(row: DailySummaryRow) -> list[str]:
    return [row.name, str(row.due), str(row.reported), str(row.late), str(row.missing),
            row.rate, str(row.people_on_site), row.change, str(row.anomaly_enterprises)]


def build(
    data: DailySummaryData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the summary to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    width = tk.LANDSCAPE.body_width
    group = "联络员" if data.by == "officer" else "镇（街道）"
    header = [h.format(group=group) for h in _HEADER]
    rows = [[str(i), *_cells(r)] for i, r in enumerate(data.rows, start=1)]
    rows.append(["", "合计", *_cells(data.total)[1:]])
    widths = [12 * mm, 0.0, 24 * mm, 18 * mm, 18 * mm, 18 * mm, 20 * mm, 24 * mm, 22 * mm,
              24 * mm]
    widths[1] = width - sum(widths)
    table = tk.grid_table(kit, header=header, rows=rows, col_widths=widths, left_columns=(1,),
                          min_row_height=8 * mm)
    table.setStyle([("FONTNAME", (0, len(rows)), (-1, len(rows)), kit.chain.heading.name)])
    story: list[Flowable] = [
        *tk.form_heading(kit, title=data.title or TITLE, subtitle=fmt_date(data.day),
                         left=labelled("填报单位", data.organisation),
                         right=f"统计日期：{data.day.isoformat()}", width=width),
        table,
        Spacer(1, 2 * mm),
        kit.para("注：较前一日增减为当日与前一日均已报送企业的在岗人数变化；迟报为次日及以后补报。",
                 "note"),
    ]
    if data.long_missing:
        story += [
            Spacer(1, 4 * mm),
            tk.section(kit, f"连续两日及以上未报企业（{len(data.long_missing)}家）"),
            tk.grid_table(kit, header=("序号", "企业名称", "镇（街道）", "连续未报天数"),
                          rows=[(str(i), name, town, str(days)) for i, (name, town, days)
                                in enumerate(data.long_missing, start=1)],
                          col_widths=[12 * mm, width - 86 * mm, 44 * mm, 30 * mm],
                          left_columns=(1, 2), min_row_height=7 * mm)]
    if data.problems:
        story += [
            Spacer(1, 4 * mm),
            tk.section(kit, f"报告异常的企业（{len(data.problems)}家）"),
            tk.grid_table(kit, header=("序号", "企业名称", "镇（街道）", "异常情况及需求"),
                          rows=[(str(i), name, town, text) for i, (name, town, text)
                                in enumerate(data.problems, start=1)],
                          col_widths=[12 * mm, 70 * mm, 36 * mm, width - 118 * mm],
                          left_columns=(1, 2, 3), min_row_height=7 * mm)]
    return tk.build_story(story, out=out, title=data.title or TITLE,
                          decor=kit.decor(header=data.title or TITLE, geometry=tk.LANDSCAPE))
