"""复工复产申请表: enterprise details, headcount by workshop, needs, prevention checklist,
the commitment letter (承诺书) to sign and stamp, and the roster of returning workers."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from . import toolkit as tk
from .data import ReopeningApplicationData
from .formatting import enterprise_fields, fmt_date, labelled
from .roster_section import roster_table
from .worker_roster import privacy_note

FORM_ID = "reopening_application"
TITLE = "复工复产申请表"

STANDARD_COMMITMENT = (
    "本企业郑重承诺：严格落实疫情防控主体责任，建立健全防控工作机制；"
    "对返岗人员逐一登记、每日健康监测，发现异常立即报告并妥善处置；"
    "落实厂区封闭管理、通风消毒、错峰就餐和防护物资储备等措施；"
    "如实报送返岗人员、生产经营和防控措施落实情况，坚持日上报、日调度；"
    "所报材料真实有效。如有隐瞒、虚报或防控措施落实不到位，本企业愿承担相应责任。"
)


def build(
    data: ReopeningApplicationData,
    *,
    out: tk.Output,
    unmasked: bool = False,
    chain: tk.FontChain | None = None,
) -> tk.BuildResult:
    """Write the application, commitment letter and roster to ``out``. Background thread."""
    kit = tk.make_kit(chain=chain)
    e = data.enterprise
    total = sum(h.total for h in data.headcount)
    returning = sum(h.returning for h in data.headcount)
    rows = enterprise_fields(e)
    rows += [
        [tk.Field("法定代表人", e.legal_representative), tk.Field("所属行业", e.industry)],
        [
            tk.Field("计划复工日期", fmt_date(data.planned_date)),
            tk.Field("职工总数", f"{total} 人"),
        ],
        [
            tk.Field("拟返岗人数", f"{returning} 人"),
            tk.Field("申请日期", fmt_date(data.applied_on)),
        ],
        [tk.Field("产能恢复计划", data.capacity, wide=True, min_height=16 * mm)],
    ]
    head_rows = [(h.workshop, str(h.total), str(h.returning), h.posts) for h in data.headcount]
    head_rows.append(("合计", str(total), str(returning), ""))
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=labelled("受理单位", data.organisation),
            right=labelled("编号", data.application_no),
        ),
        tk.field_table(kit, rows),
        tk.section(kit, "一、分车间返岗人数"),
        tk.grid_table(
            kit,
            header=("车间", "职工人数", "拟返岗人数", "主要岗位"),
            rows=head_rows,
            col_widths=[38 * mm, 24 * mm, 26 * mm, tk.BODY_WIDTH - 88 * mm],
            left_columns=(3,),
        ),
    ]
    if data.material_needs:
        story += [
            tk.section(kit, "二、原材料及防疫物资需求"),
            tk.grid_table(
                kit,
                header=("物资名称", "需求数量", "现有库存", "备注"),
                rows=[(m.item, m.quantity, m.stock, m.note) for m in data.material_needs],
                col_widths=[44 * mm, 32 * mm, 32 * mm, tk.BODY_WIDTH - 108 * mm],
                left_columns=(0, 3),
            ),
        ]
    story += [
        tk.section(kit, "三、防控措施落实情况（已落实的打“√”）"),
        tk.checklist(kit, [(m.text, m.done) for m in data.measures]),
        tk.signature_boxes(
            kit,
            [
                tk.Signatory(party="申请企业", signer_label="法定代表人签字", stamp=True),
                tk.Signatory(party="镇街（园区）审核意见", signer_label="经办人", stamp=True),
            ],
        ),
        PageBreak(),
        *tk.title_block(kit, title="承诺书"),
        kit.para(f"{data.addressee}：", "letter_plain"),
        kit.para(data.commitment or STANDARD_COMMITMENT, "letter"),
        kit.para("特此承诺。", "letter"),
        Spacer(1, 14 * mm),
        kit.para(f"承诺企业（盖章）：{e.name}", "letter_right"),
        tk.signature_line(kit, label="法定代表人（签字）："),
        tk.date_blank(kit, style="letter_plain"),
    ]
    if data.workers:
        story += [
            PageBreak(),
            *tk.title_block(kit, title="返岗人员花名册", subtitle=e.name),
            roster_table(kit, data.workers, unmasked=unmasked),
            privacy_note(kit, unmasked=unmasked),
        ]
    return tk.build_story(
        story,
        out=out,
        decor=kit.decor(header=f"{TITLE}·{e.name}"),
        title=TITLE,
        unmasked=unmasked,
    )
