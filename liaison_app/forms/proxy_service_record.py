"""代办服务记录单: what the centre did for one proxy case, item by item, and days saved."""

from __future__ import annotations

from reportlab.lib.units import mm

from . import toolkit as tk
from .blocks_official import SealBox, seal_boxes
from .data import ProxyServiceRecordData
from .formatting import enterprise_fields, fmt_days, fmt_period, labelled
from .procedure_items import procedure_items_table

FORM_ID = "proxy_service_record"
TITLE = "代办服务记录单"


def build(
    data: ProxyServiceRecordData, *, out: tk.Output, chain: tk.FontChain | None = None
) -> tk.BuildResult:
    """Write the service record to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    saved = (
        data.days_usual - data.days_taken
        if data.days_usual is not None and data.days_taken is not None
        else None
    )
    rows = enterprise_fields(data.enterprise)
    rows += [
        [tk.Field("项目名称", data.project_name, wide=True)],
        [tk.Field("代办员", data.officer), tk.Field("联系电话", data.officer_phone)],
        [tk.Field("代办期间", fmt_period(data.started_on, data.finished_on), wide=True)],
        [
            tk.Field("常规用时(天)", fmt_days(data.days_usual)),
            tk.Field("实际用时(天)", fmt_days(data.days_taken)),
        ],
        [tk.Field("节约时间(天)", fmt_days(saved), wide=True)],
        [tk.Field("办理情况", data.progress, wide=True, min_height=30 * mm)],
    ]
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=labelled("代办单位", data.organisation),
            right=labelled("编号", data.case_no),
        ),
        tk.field_table(kit, rows),
        tk.section(kit, "代办事项办理情况"),
        procedure_items_table(kit, data.items, with_progress=True),
        seal_boxes(
            kit,
            [
                SealBox(party="企业确认", opinion_label="意见：",
                        signer_label="企业经办人（签字）："),
                SealBox(party="代办员", signer_label="代办员（签字）：", stamp=False),
            ],
        ),
    ]
    return tk.build_story(story, out=out, decor=kit.decor(header=TITLE), title=TITLE)
