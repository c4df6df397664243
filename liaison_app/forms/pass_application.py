"""通行证申请表: the application, its counts by workshop and post, and the applicants."""

from __future__ import annotations

from . import toolkit as tk
from .blocks_official import SealBox, seal_boxes
from .data import PassApplicationData
from .formatting import enterprise_fields, fmt_date, fmt_period, joined, labelled
from .roster_section import declaration_table, roster_table, workshop_count_table
from .worker_roster import privacy_note

FORM_ID = "pass_application"
TITLE = "通行证申请表"


def build(
    data: PassApplicationData,
    *,
    out: tk.Output,
    unmasked: bool = False,
    chain: tk.FontChain | None = None,
) -> tk.BuildResult:
    """Write the application to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    rows = enterprise_fields(data.enterprise)
    rows += [
        [tk.Field("通行期限", fmt_period(data.period_start, data.period_end), wide=True)],
        [tk.Field("通行区域", joined(data.areas), wide=True)],
        [
            tk.Field("申请人数", f"{len(data.workers)} 人"),
            tk.Field("申请日期", fmt_date(data.applied_on)),
        ],
        [tk.Field("申请事由", data.reason, wide=True, min_height=60)],
    ]
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=labelled("受理单位", data.organisation),
            right=labelled("编号", data.application_no),
        ),
        tk.field_table(kit, rows),
        seal_boxes(
            kit,
            [
                SealBox(party="申请企业", signer_label="负责人（签字）："),
                SealBox(party="驻企联络员意见", opinion_label="意见：",
                        signer_label="联络员（签字）：", stamp=False),
                SealBox(party="审批部门意见", opinion_label="意见：",
                        signer_label="经办人（签字）："),
            ],
        ),
        tk.section(kit, "一、申请人员按车间、岗位统计"),
        workshop_count_table(kit, data.workers),
        tk.section(kit, "二、申请人员名单"),
        roster_table(kit, data.workers, unmasked=unmasked),
        *declaration_table(kit, data.workers, ("plate", "health", "travel"),
                           title="三、车辆及健康、行程申报"),
        privacy_note(kit, unmasked=unmasked),
    ]
    return tk.build_story(
        story,
        out=out,
        decor=kit.decor(header=f"{TITLE}·{data.enterprise.name}"),
        title=TITLE,
        unmasked=unmasked,
    )
