"""直通车登记簿: letters sent up the direct channel to named county leaders, and replies."""

from __future__ import annotations

from reportlab.lib.units import mm

from . import toolkit as tk
from .data import LetterRegisterData
from .formatting import fmt_short_date, labelled

FORM_ID = "letter_register"
TITLE = "直通车登记簿"


def build(
    data: LetterRegisterData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the register to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    rows = [
        (
            e.registration_no,
            fmt_short_date(e.received_on),
            e.enterprise,
            e.addressee,
            e.summary,
            e.reply,
            fmt_short_date(e.replied_on),
        )
        for e in data.entries
    ]
    widths = [26 * mm, 19 * mm, 24 * mm, 18 * mm, 26 * mm, 24 * mm]
    widths.append(tk.BODY_WIDTH - sum(widths))
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            subtitle=data.period,
            left=labelled("登记单位", data.organisation),
            right=labelled("登记员", data.clerk),
        ),
        tk.grid_table(
            kit,
            header=(
                "登记号",
                "收件日期",
                "企业名称",
                "收信领导",
                "来信摘要",
                "办理答复",
                "答复日期",
            ),
            rows=rows,
            col_widths=widths,
            left_columns=(2, 4, 5),
            min_row_height=14 * mm,
        ),
    ]
    return tk.build_story(
        story, out=out, decor=kit.decor(header=TITLE), title=TITLE, page=tk.LANDSCAPE
    )
