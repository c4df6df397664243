"""代办情况公示: the half-yearly public list of proxy-handled projects."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from . import toolkit as tk
from .data import ProxyPublicListData
from .formatting import fmt_date, fmt_days, fmt_short_date

FORM_ID = "proxy_public_list"
TITLE = "代办情况公示"


def _notice(data: ProxyPublicListData) -> str:
    """公示期 and where to object, as a public notice says it."""
    period = (f"公示期：{fmt_date(data.published_on)}至{fmt_date(data.public_until)}。"
              if data.published_on and data.public_until else "")
    phone = f"，监督电话：{data.supervision_phone}" if data.supervision_phone else ""
    return (f"{period}公示期内如对上述代办事项有异议，请向{data.publisher or '公示单位'}"
            f"反映{phone}。")


def build(
    data: ProxyPublicListData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the public list to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    rows = [
        (
            str(i),
            e.enterprise,
            e.project,
            e.items,
            fmt_short_date(e.started_on),
            fmt_short_date(e.finished_on),
            e.status,
            fmt_days(e.days_saved),
        )
        for i, e in enumerate(data.entries, start=1)
    ]
    widths = [10 * mm, 27 * mm, 26 * mm, 24 * mm, 19 * mm, 19 * mm, 13 * mm]
    widths.append(tk.BODY_WIDTH - sum(widths))
    story = [
        *tk.title_block(kit, title=f"{data.period}{TITLE}"),
        tk.grid_table(
            kit,
            header=(
                "序号",
                "企业名称",
                "项目名称",
                "代办事项",
                "受理日期",
                "办结日期",
                "状态",
                "节约天数",
            ),
            rows=rows,
            col_widths=widths,
            left_columns=(1, 2, 3),
        ),
        Spacer(1, 4 * mm),
        kit.para(_notice(data), "letter"),
        Spacer(1, 6 * mm),
        kit.para(f"公示单位：{data.publisher}", "letter_right"),
        kit.para(fmt_date(data.published_on), "letter_right"),
    ]
    return tk.build_story(
        story,
        out=out,
        decor=kit.decor(header=f"{data.period}{TITLE}"),
        title=TITLE,
        page=tk.LANDSCAPE,
    )
