"""员工花名册: an enterprise's workers with counts by workshop.

ID numbers and phones print masked; ``unmasked=True`` prints them in full for the authority
that requires it, and the caller records that print in the audit log.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import toolkit as tk
from .blocks_official import SealBox, kept_with_sign_off, seal_boxes
from .data import WorkerRosterData
from .formatting import fmt_date
from .roster_section import declaration_table, roster_table, workshop_count_table

FORM_ID = "worker_roster"
TITLE = "员工花名册"

UNMASKED_NOTE = "本表载有完整身份证号码和手机号码，仅供审批机关使用，请妥善保管，不得外传。"
MASKED_NOTE = "注：身份证号码、手机号码已作脱敏处理。"


def privacy_note(kit: tk.FormKit, *, unmasked: bool) -> Flowable:
    return kit.para(UNMASKED_NOTE if unmasked else MASKED_NOTE, "note")


def build(
    data: WorkerRosterData,
    *,
    out: tk.Output,
    unmasked: bool = False,
    chain: tk.FontChain | None = None,
) -> tk.BuildResult:
    """Write the roster to ``out``. Call from a background thread; audit ``unmasked`` prints."""
    kit = tk.make_kit(chain=chain)
    as_of = f"截至{fmt_date(data.as_of)}  " if data.as_of else ""
    story = [
        *tk.form_heading(
            kit,
            title=TITLE,
            left=f"企业名称：{data.enterprise.name}",
            right=f"{as_of}共 {len(data.workers)} 人",
        ),
        roster_table(kit, data.workers, unmasked=unmasked),
        *declaration_table(kit, data.workers, ("address", "plate"), title="住址及车辆"),
        tk.section(kit, "按车间统计"),
        workshop_count_table(kit, data.workers),
        # The note and the signatures together: a sign-off alone on a last page signs
        # nothing a reader can see.
        kept_with_sign_off(
            [privacy_note(kit, unmasked=unmasked)],
            [
                seal_boxes(
                    kit,
                    [
                        SealBox(party="填报人", signer_label="填报人（签字）：", stamp=False),
                        SealBox(party="企业", signer_label="负责人（签字）："),
                    ],
                )
            ],
        ),
    ]
    return tk.build_story(
        story,
        out=out,
        decor=kit.decor(header=f"{TITLE}·{data.enterprise.name}"),
        title=TITLE,
        unmasked=unmasked,
    )
