"""代办委托书: the enterprise (委托人) authorises the centre's staff (受托人) to handle named
procedures.

A power of attorney names each agent with an ID number, which departments check against the
agent's card. The numbers print masked unless the caller asks for the full ones (audited);
an agent whose number is not on record gets an empty cell to write it in, and such a print
is not logged as carrying full numbers. Both parties sign and stamp, and the sign-off stays
on the page of the text it closes.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from . import toolkit as tk
from .blocks_official import SealBox, kept_with_sign_off, seal_boxes
from .data import PowerOfAttorneyData
from .formatting import fmt_date, fmt_period, joined, labelled, shown_id

FORM_ID = "power_of_attorney"
TITLE = "代办委托书"

#: What the agents may do (委托权限), said once.
POWERS = (
    "代为递交申请材料，领取相关文书，接收补正、受理及审批结果通知。"
    "代办人在上述权限内签署的文件和办理的事项，委托人均予认可，并承担相应的法律责任。"
    "代办人无转委托权。"
)


def project_phrase(name: str) -> str:
    """“…项目” once: a project named “…项目” is not called “…项目”项目."""
    name = name.strip()
    if not name:
        return ""
    return f"“{name}”" if name.endswith("项目") else f"“{name}”项目"


def build(
    data: PowerOfAttorneyData,
    *,
    out: tk.Output,
    unmasked: bool = False,
    chain: tk.FontChain | None = None,
) -> tk.BuildResult:
    """Write the power of attorney to ``out``. Call from a background thread."""
    kit = tk.make_kit(chain=chain)
    e = data.enterprise
    names = joined(a.name for a in data.agents)
    items = joined(f"“{item}”" for item in data.items)
    project = project_phrase(data.project_name)
    work = f"{project}的{items}" if project and items else (project or items or "相关审批")
    body = (
        f"兹委托{data.agent_organisation}{names}同志为我单位代办人，代为办理{work}手续。"
    )
    agent_rows = [
        (a.name, a.title, shown_id(a.id_number, unmasked=unmasked), a.phone) for a in data.agents
    ]
    contact = " ".join(x for x in (e.contact_person, e.contact_phone) if x)
    sign_off = [
        Spacer(1, 2 * mm),
        seal_boxes(
            kit,
            [
                SealBox(party=f"委托人：{e.name}", signer_label="法定代表人（签字）："),
                SealBox(party=f"受托人：{data.agent_organisation}",
                        signer_label="受托代办人（签字）："),
            ],
        ),
    ]
    if data.signed_on:
        sign_off.append(kit.para(f"签署日期：{fmt_date(data.signed_on)}", "letter_right"))
    story = [
        *tk.form_heading(kit, title=TITLE, right=labelled("编号", data.document_no)),
        tk.section(kit, "委托人"),
        kit.para(
            f"单位名称：{e.name}\n统一社会信用代码：{e.uscc}\n"
            f"法定代表人：{e.legal_representative}\n地址：{e.address}"
            + (f"\n联系人及电话：{contact}" if contact else ""),
            "sign",
        ),
        tk.section(kit, "受托人"),
        kit.para(f"受托单位：{data.agent_organisation}", "sign"),
        tk.grid_table(
            kit,
            header=("受托代办人", "职务", "身份证号", "联系电话"),
            rows=agent_rows,
            col_widths=[30 * mm, 30 * mm, 50 * mm, tk.BODY_WIDTH - 110 * mm],
        ),
        Spacer(1, 2 * mm),
        kit.para(body, "letter"),
        kit.para(f"委托权限：{POWERS}", "letter"),
        kit.para(f"委托期限：{fmt_period(data.valid_from, data.valid_to)}。", "letter"),
        kept_with_sign_off([kit.para("特此委托。", "letter")], sign_off),
    ]
    carries_full = unmasked and any(a.id_number for a in data.agents)
    return tk.build_story(
        story, out=out, decor=kit.decor(header=TITLE), title=TITLE, unmasked=carries_full
    )
