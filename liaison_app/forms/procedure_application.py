"""代办事项申请表: an enterprise asks the centre to carry its procedures (领办代办)."""

from __future__ import annotations

from reportlab.lib.units import mm

from . import toolkit as tk
from .blocks_official import SealBox, seal_boxes
from .data import ProcedureApplicationData
from .formatting import enterprise_fields, fmt_date, labelled
from .procedure_items import procedure_items_table

FORM_ID = "procedure_application"
TITLE = "代办事项申请表"


def build(
    data: ProcedureApplicationData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the application to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    rows = enterprise_fields(data.enterprise)
    rows += [
        [
            tk.Field("法定代表人", data.enterprise.legal_representative),
            tk.Field("申请日期", fmt_date(data.applied_on)),
        ],
        [tk.Field("项目名称", data.project_name, wide=True)],
        [tk.Field("建设地点", data.project_location), tk.Field("总投资", data.investment)],
        [tk.Field("代办需求说明", data.description, wide=True, min_height=24 * mm)],
        [tk.Field("代办员", data.officer), tk.Field("代办员电话", data.officer_phone)],
    ]
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=labelled("受理单位", data.organisation),
            right=labelled("编号", data.application_no),
        ),
        tk.field_table(kit, rows),
        tk.section(kit, "申请代办事项"),
        procedure_items_table(kit, data.items, with_progress=False),
        seal_boxes(
            kit,
            [
                SealBox(party="申请企业", signer_label="法定代表人（签字）："),
                SealBox(party=f"受理单位意见：{data.seal_name or data.organisation}",
                        opinion_label="意见：",
                        signer_label="受理人（签字）："),
            ],
        ),
    ]
    return tk.build_story(story, out=out, decor=kit.decor(header=TITLE), title=TITLE)
