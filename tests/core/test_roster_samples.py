"""Sample people and enterprises for the roster, application and printing tests (no tests).

ID numbers are generated with correct check characters, so every sample is a valid number
unless a test breaks it on purpose.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from liaison_app.core.models import Enterprise
from liaison_app.core.services import enterprises, roster
from liaison_app.core.services.enterprises import EnterpriseInput
from liaison_app.core.validation import id_check_char

ROSTER_HEADERS = ["姓名", "身份证号", "手机", "车间", "岗位", "班次", "住址", "车牌"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰")
SHOPS = ("聚合车间", "包装车间", "机修车间", "质检中心")
POSTS = ("操作工", "班组长", "包装工", "维修工", "质检员")


def make_id(n: int, *, area: str = "371082") -> str:
    """A valid resident ID number, different for every ``n``."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=(n * 37) % 12000)
    first17 = f"{area}{birth:%Y%m%d}{n % 1000:03d}"
    return first17 + id_check_char(first17)


def with_wrong_check(code: str) -> str:
    return code[:-1] + next(c for c in "0123456789" if c != code[-1])


def worker_row(n: int) -> list[Any]:
    return [SURNAMES[n % 20] + GIVEN[n % 14], make_id(n), f"138{n:08d}", SHOPS[n % 4],
            POSTS[n % 5], "白班" if n % 3 else "夜班", f"某某县城关街道{n}号", ""]


def enterprise(name: str = "山东德润新材料科技有限公司", uscc: str = "91371082775260043P"
               ) -> Enterprise:
    return enterprises.create(data=EnterpriseInput(
        name=name, uscc=uscc, town="经济开发区", address="创业大道18号", legal_rep="赵国栋",
        contact_name="王主任", contact_phone="0534-1234567", employees=300))


def add_workers(enterprise_id: str, count: int, *, start: int = 0) -> list[str]:
    ids = []
    for n in range(start, start + count):
        name, idn, phone, shop, post, shift, address, _plate = worker_row(n)
        rec = roster.create(enterprise_id=enterprise_id, data=roster.WorkerInput(
            name=name, id_number=idn, phone=phone, workshop=shop, post=post, shift=shift,
            address=address))
        ids.append(rec.id)
    return ids
