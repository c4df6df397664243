"""问题交办单: a request the enterprise raised, dispatched to a lead department and
co-departments with its response deadlines (企业吹哨 部门报到)."""

from __future__ import annotations

from reportlab.lib.units import mm

from . import toolkit as tk
from .blocks_official import SealBox, seal_boxes
from .data import DispatchSheetData
from .formatting import enterprise_fields, fmt_date, fmt_datetime, joined, labelled

FORM_ID = "dispatch_sheet"
TITLE = "问题交办单"


def build(
    data: DispatchSheetData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the dispatch sheet to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    rows = enterprise_fields(data.enterprise)
    rows += [
        [tk.Field("诉求类别", data.category), tk.Field("紧急程度", data.urgency)],
        [tk.Field("诉求来源", data.source), tk.Field("受理时间", fmt_datetime(data.accepted_at))],
        [tk.Field("诉求内容", data.description, wide=True, min_height=20 * mm)],
        [tk.Field("主办单位", data.lead_department, wide=True)],
        [tk.Field("协办单位", joined(data.co_departments), wide=True)],
        [
            tk.Field("联系企业时限", fmt_date(data.contact_deadline)),
            tk.Field("首次答复时限", fmt_date(data.first_reply_deadline)),
        ],
        [
            tk.Field("办结时限", fmt_date(data.resolve_deadline)),
            tk.Field("交办日期", fmt_date(data.dispatched_on)),
        ],
        [tk.Field("交办人", data.dispatcher, wide=True)],
        [tk.Field("办理要求", data.requirements, wide=True, min_height=12 * mm)],
        [tk.Field("领导批示", data.instruction, wide=True, min_height=14 * mm)],
    ]
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=labelled("交办单位", data.organisation),
            right=labelled("编号", data.request_no),
        ),
        tk.field_table(kit, rows),
        seal_boxes(
            kit,
            [
                SealBox(party="承办单位反馈", opinion_label="办理结果：",
                        signer_label="承办人（签字）：", opinion_height=22 * mm),
                SealBox(party="主办单位签收", signer_label="签收人（签字）："),
                SealBox(party=f"交办单位：{data.seal_name or data.organisation}",
                        signer_label="交办人（签字）："),
            ],
        ),
    ]
    return tk.build_story(story, out=out, decor=kit.decor(header=TITLE), title=TITLE)
