"""代办委托书: the enterprise authorises the centre's staff to handle named procedures.

A power of attorney names each agent with an ID number, which departments check against the
agent's card. The numbers print masked unless the caller asks for the full ones (audited).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from . import toolkit as tk
from .data import PowerOfAttorneyData
from .formatting import fmt_date, fmt_period, joined, labelled, shown_id

FORM_ID = "power_of_attorney"
TITLE = "代办委托书"


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
    body = (
        f"兹委托{data.agent_organisation}{names}同志为我单位代办人，"
        f"代为办理“{data.project_name}”项目的{items}等手续，"
        "包括递交申请材料、领取相关文书、接收补正通知等事宜。"
        "代办人在委托权限内所签署的文件和办理的事项，我单位均予以认可，并承担相应的法律责任。"
    )
    agent_rows = [
        (a.name, a.title, shown_id(a.id_number, unmasked=unmasked), a.phone) for a in data.agents
    ]
    story = [
        *tk.form_heading(kit, title=TITLE, right=labelled("编号", data.document_no)),
        kit.para(
            f"委托单位：{e.name}\n统一社会信用代码：{e.uscc}\n"
            f"法定代表人：{e.legal_representative}\n地址：{e.address}",
            "letter_plain",
        ),
        Spacer(1, 3 * mm),
        kit.para(f"受托单位：{data.agent_organisation}", "letter_plain"),
        kit.para("受托代办人：", "letter_plain"),
        tk.grid_table(
            kit,
            header=("姓名", "职务", "身份证号", "联系电话"),
            rows=agent_rows,
            col_widths=[30 * mm, 30 * mm, 50 * mm, tk.BODY_WIDTH - 110 * mm],
        ),
        Spacer(1, 4 * mm),
        kit.para(body, "letter"),
        kit.para(f"委托期限：{fmt_period(data.valid_from, data.valid_to)}。", "letter"),
        kit.para("代办人无转委托权。", "letter"),
        kit.para("特此委托。", "letter"),
        Spacer(1, 12 * mm),
        kit.para(f"委托单位（盖章）：{e.name}", "letter_right"),
        tk.signature_line(kit, label="法定代表人（签字）："),
        (
            kit.para(fmt_date(data.signed_on), "letter_right")
            if data.signed_on
            else tk.date_blank(kit, style="letter_plain")
        ),
    ]
    return tk.build_story(
        story, out=out, decor=kit.decor(header=TITLE), title=TITLE, unmasked=unmasked
    )
