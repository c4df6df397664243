"""走访记录单: a visit, printed for the enterprise contact to sign."""

from __future__ import annotations

from reportlab.lib.units import mm

from . import toolkit as tk
from .blocks_official import SealBox, seal_boxes
from .data import VisitRecordData
from .formatting import enterprise_fields, fmt_date, fmt_datetime, joined, labelled

FORM_ID = "visit_record"
TITLE = "走访记录单"


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {text}" for i, text in enumerate(items, start=1))


def build(
    data: VisitRecordData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the visit record sheet to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    rows = enterprise_fields(data.enterprise)
    rows += [
        [tk.Field("走访时间", fmt_datetime(data.visited_at)), tk.Field("走访类型", data.kind)],
        [tk.Field("走访地点", data.place, wide=True)],
        [tk.Field("走访人员", joined(data.officers), wide=True)],
        [tk.Field("参加人员", joined(data.participants), wide=True)],
        [tk.Field("走访情况", data.summary, wide=True, min_height=36 * mm)],
        [tk.Field("发现问题", _numbered(data.problems), wide=True, min_height=24 * mm)],
    ]
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=labelled("单位", data.organisation),
            right=labelled("编号", data.record_no),
        ),
        tk.field_table(kit, rows),
    ]
    if data.actions:
        action_rows = [
            (str(i), a.action, a.owner, fmt_date(a.due))
            for i, a in enumerate(data.actions, start=1)
        ]
        widths = [12 * mm, tk.BODY_WIDTH - 12 * mm - 30 * mm - 34 * mm, 30 * mm, 34 * mm]
        story.append(
            tk.grid_table(
                kit,
                header=("序号", "后续措施", "责任人", "完成时限"),
                rows=action_rows,
                col_widths=widths,
                left_columns=(1,),
            )
        )
    story.append(
        seal_boxes(
            kit,
            [
                SealBox(party="企业意见", opinion_label="意见：",
                        signer_label="企业负责人（签字）："),
                SealBox(party="走访人员", opinion_label="备注：", signer_label="联络员（签字）：",
                        stamp=False),
            ],
        )
    )
    return tk.build_story(story, out=out, decor=kit.decor(header=TITLE), title=TITLE)
