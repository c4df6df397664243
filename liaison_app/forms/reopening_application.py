"""复工复产申请表: enterprise details, headcount by workshop, needs, prevention checklist,
the commitment letter (承诺书) to sign and stamp, and the roster of returning workers."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from . import toolkit as tk
from .blocks_official import SealBox, kept_with_sign_off, seal_boxes
from .data import ReopeningApplicationData
from .formatting import enterprise_fields, fmt_date, labelled
from .roster_section import declaration_table, roster_table
from .worker_roster import privacy_note

FORM_ID = "reopening_application"
TITLE = "复工复产申请表"

#: What an application is handed in with when the enterprise lists nothing else.
STANDARD_ATTACHMENTS = (
    "营业执照复印件",
    "疫情防控工作方案及应急处置预案",
    "返岗人员花名册（见本表附页）",
    "防疫物资储备清单",
)
#: Who approves when the county names no other bodies.
STANDARD_APPROVERS = ("属地镇街（园区）意见", "行业主管部门意见", "县复工复产工作领导小组意见")

STANDARD_COMMITMENT = (
    "本企业郑重承诺：严格落实疫情防控主体责任，建立健全防控工作机制；"
    "对返岗人员逐一登记、每日健康监测，发现异常立即报告并妥善处置；"
    "落实厂区封闭管理、通风消毒、错峰就餐和防护物资储备等措施；"
    "如实报送返岗人员、生产经营和防控措施落实情况，坚持日上报、日调度；"
    "所报材料真实有效。如有隐瞒、虚报或防控措施落实不到位，本企业愿承担相应责任。"
)


def _people(count: int | None) -> str:
    return "" if count is None else f"{count} 人"


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
            tk.Field("外地返岗人数", _people(data.returning_from_outside)),
        ],
        [
            tk.Field("防疫负责人", data.epidemic_officer),
            tk.Field("负责人电话", data.epidemic_phone),
        ],
        [tk.Field("申请日期", fmt_date(data.applied_on), wide=True)],
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
    attachments = data.attachments or STANDARD_ATTACHMENTS
    approvers = data.approvers or STANDARD_APPROVERS
    story += [
        tk.section(kit, "三、防控措施落实情况（已落实的打“√”）"),
        tk.checklist(kit, [(m.text, m.done) for m in data.measures]),
        tk.section(kit, "四、附件"),
        kit.para("\n".join(f"{i}. {a}" for i, a in enumerate(attachments, start=1)), "sign"),
        seal_boxes(
            kit,
            [
                SealBox(party="申请企业", signer_label="法定代表人（签字）："),
                *(SealBox(party=name, opinion_label="意见：", signer_label="经办人（签字）：",
                          opinion_height=14 * mm) for name in approvers),
            ],
        ),
        PageBreak(),
        *tk.title_block(kit, title="承诺书"),
        kit.para(f"{data.addressee}：", "letter_plain"),
        kit.para(data.commitment or STANDARD_COMMITMENT, "letter"),
        kept_with_sign_off(
            [kit.para("特此承诺。", "letter")],
            [
                Spacer(1, 14 * mm),
                kit.para(f"承诺企业（盖章）：{e.name}", "letter_right"),
                tk.signature_line(kit, label="法定代表人（签字）："),
                tk.date_blank(kit, style="letter_plain"),
            ],
        ),
    ]
    if data.workers:
        story += [
            PageBreak(),
            *tk.title_block(kit, title="返岗人员花名册", subtitle=e.name),
            roster_table(kit, data.workers, unmasked=unmasked),
            *declaration_table(kit, data.workers, ("health", "travel", "address"),
                               title="返岗人员健康、行程及住址"),
            privacy_note(kit, unmasked=unmasked),
        ]
    return tk.build_story(
        story,
        out=out,
        decor=kit.decor(header=f"{TITLE}·{e.name}"),
        title=TITLE,
        unmasked=unmasked,
    )
