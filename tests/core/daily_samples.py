"""A small county and the reopening template for the daily-report tests (no tests)."""
from __future__ import annotations

import datetime as dt

from liaison_app.core.daily_rules import FieldDef
from liaison_app.core.models import Enterprise, Officer
from liaison_app.core.services import daily_templates as templates

START = dt.date(2024, 3, 1)
PEOPLE = FieldDef("people_on_site", "在岗人数", required=True, measure="people_on_site")
RETURNED = FieldDef("returned", "其中县外返岗人数", measure="returned")
CAPACITY = FieldDef("capacity", "产能恢复率", measure="capacity", maximum=100)
MASKS = FieldDef("masks", "口罩充足", kind="check", required=True)
FEVER = FieldDef("fever", "有发热人员", kind="check", required=True, expected=False)
ANOMALY = FieldDef("anomalies", "异常情况", kind="text", measure="anomaly")
NEED = FieldDef("needs", "需协调问题", kind="text", measure="need")
FIELDS = (PEOPLE, RETURNED, CAPACITY, MASKS, FEVER, ANOMALY, NEED)
GOOD = {"people_on_site": 80, "returned": 3, "capacity": 90, "masks": True, "fever": False}


def start_template(name: str = "复工复产日报", *, fields=FIELDS, audience="all", towns=(),
                   starts_on=START) -> templates.Template:
    """The seeded template, in use from ``starts_on`` with ``fields``."""
    templates.ensure_seeded(send=True)
    tpl = templates.find_template(name=name)
    assert tpl is not None
    templates.save_template(template_id=tpl.id, role="center", today=starts_on, data=
                            templates.TemplateInput(
        name=name, active=True, starts_on=starts_on, audience=audience, towns=list(towns),
        fields=list(fields), effective_from=starts_on))
    return templates.get_template(template_id=tpl.id)


def county() -> dict[str, str]:
    """Two officers and three enterprises: name (or officer username) -> id."""
    wang = Officer(name="王芳", username="wang")
    wang.save(force_insert=True)
    li = Officer(name="李强", username="li")
    li.save(force_insert=True)
    out = {"wang": wang.id, "li": li.id}
    for name, town, employees, officer in (("甲公司", "北关镇", 100, wang.id),
                                           ("乙公司", "北关镇", 50, wang.id),
                                           ("丙公司", "南湖镇", 30, li.id)):
        ent = Enterprise(name=name, town=town, employees=employees, officer_ids=[officer])
        ent.save(force_insert=True)
        out[name] = ent.id
    return out
