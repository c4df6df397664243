"""A realistic demo county: towns, enterprises with valid credit codes, officers, visits.

Demo records are written straight to the tables in bulk (one transaction per few thousand
rows), without outbox operations: they are sample data for trying the app and must never be
sent to a real server. The database is marked as holding demo data for that reason.
"""
from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from liaison_app.core import search
from liaison_app.core.db import database_proxy
from liaison_app.core.models import (
    VISIT_KINDS,
    Enterprise,
    FollowUp,
    LocalState,
    Officer,
    SearchDocument,
    Visit,
)
from liaison_app.core.models.base import utcnow
from liaison_app.core.validation import USCC_ALPHABET, uscc_check_char

DEMO_FLAG = "demo_data"

TOWNS = ["城关街道", "开发区街道", "晏城街道", "祝阿镇", "焦庙镇", "赵官镇", "刘桥镇",
         "胡官屯镇", "宣章屯镇"]
PARKS = ["经济开发区", "化工产业园", "新材料产业园", "食品产业园", "物流园", "高新技术产业园", ""]
INDUSTRIES = ["化工", "装备制造", "食品加工", "纺织服装", "新材料", "生物医药", "电子信息",
              "物流", "建材", "汽车零部件", "农副产品加工", "造纸"]
_NAME_HEADS = ["鲁", "齐", "泉", "华", "恒", "鑫", "宏", "瑞", "德", "金", "永", "信", "晨", "海",
               "天", "盛", "通", "远", "博", "康", "丰", "泰", "嘉", "润", "源", "昌", "隆", "新"]
_NAME_TAILS = ["达", "源", "泰", "通", "盛", "丰", "华", "鑫", "远", "博", "康", "力", "美", "宇",
               "诚", "宏", "科", "创", "和", "兴", "益", "安", "邦", "顺"]
_INDUSTRY_WORDS = {
    "化工": "化工", "装备制造": "机械制造", "食品加工": "食品", "纺织服装": "纺织",
    "新材料": "新材料科技", "生物医药": "生物医药", "电子信息": "电子科技", "物流": "物流",
    "建材": "建材", "汽车零部件": "汽车零部件", "农副产品加工": "农业开发", "造纸": "纸业",
}
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
          "明", "超", "秀英", "霞", "平", "刚", "桂英", "建国", "志强", "海燕", "晓东", "红梅",
          "立新", "文博", "子涵", "宏伟", "春生"]
_ROADS = ["齐鲁大道", "迎宾路", "工业一路", "工业二路", "建设路", "开元大街", "新华路", "经二路"]

_SUMMARIES = [
    "走访了解企业生产经营情况，企业订单饱满，产能利用率约{pct}%。",
    "企业反映厂区供电线路老化，雨季多次跳闸停电，影响连续生产。",
    "新建车间项目环评报告已编制完成，需协调生态环境分局尽快审批。",
    "企业计划在省道旁新开道路开口，询问道路开口许可办理流程。",
    "了解企业用工情况，一线工人缺口约{n}人，已对接人社局招聘会。",
    "企业反映天然气供气压力不足，冬季供暖期间生产受影响。",
    "协调供水公司为新厂区接通供水管网，企业对服务表示满意。",
    "企业申请技改补贴，指导准备申报材料，并联系工信局确认政策。",
    "现场办公：发改、自然资源、住建等部门共同研究项目用地规划问题。",
    "企业融资需求约{m}万元，已对接县内两家银行开展银企对接。",
    "检查复工复产疫情防控措施落实情况，员工台账和消杀记录齐全。",
    "企业物流车辆通行受限，协调交警部门办理货车通行证。",
    "回访上月反映的供电问题，供电公司已更换变压器，企业确认已解决。",
    "企业反映消防验收排队时间较长，已联系住建局加快消防验收。",
    "企业拟扩大产能，咨询施工许可和规划许可办理时限。",
]
_PROBLEMS = [
    "厂区供电不稳定，需供电公司排查线路",
    "环评审批进度慢",
    "道路开口许可尚未办理",
    "一线用工缺口较大",
    "天然气供应不足",
    "项目用地手续未完善",
    "货车通行证办理难",
    "消防验收等待时间长",
    "融资成本较高",
    "污水管网未接通",
]
_FOLLOW_UPS = [
    "联系供电公司现场查看线路", "跟进环评审批进度", "协调交通运输局办理道路开口",
    "对接人社局组织专场招聘", "协调燃气公司增加供气", "联系自然资源局核实用地手续",
    "督促消防验收排期", "组织银企对接会",
]


def uscc_for(rng: random.Random, area: str) -> str:
    body = "91" + area + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


def _mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))


@dataclass(frozen=True)
class DemoResult:
    officers: int
    enterprises: int
    visits: int
    follow_ups: int


def is_demo_database() -> bool:
    return bool(LocalState.get_value(DEMO_FLAG, False))


def database_is_empty() -> bool:
    return not (Enterprise.select().exists() or Visit.select().exists())


def generate(*, enterprises: int = 300, visits: int = 3000, officers: int = 30, seed: int = 1,
             today: dt.date | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """Fill an empty database with a demo county. Database worker thread (or the CLI)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    now = utcnow()
    officer_rows = []
    for n in range(officers):
        officer_rows.append(dict(
            id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=now,
            updated_at=now, created_by="", deleted=False, name=_person(rng),
            username=f"officer{n + 1:02d}", phone=_mobile(rng), town=TOWNS[n % len(TOWNS)],
            role="liaison", active=True))
    officer_ids_by_town: dict[str, list[str]] = {}
    for row in officer_rows:
        officer_ids_by_town.setdefault(row["town"], []).append(row["id"])

    seen_names: set[str] = set()
    ent_rows = []
    for _ in range(enterprises):
        industry = rng.choice(INDUSTRIES)
        while True:
            name = (f"山东{rng.choice(_NAME_HEADS)}{rng.choice(_NAME_TAILS)}"
                    f"{_INDUSTRY_WORDS[industry]}有限公司")
            if name not in seen_names or len(seen_names) > len(_NAME_HEADS) * len(_NAME_TAILS) * 8:
                break
        if name in seen_names:
            name = name.replace("有限公司", f"第{len(seen_names)}分公司")
        seen_names.add(name)
        town = rng.choice(TOWNS)
        is_key = rng.random() < 0.2
        ent_rows.append(dict(
            id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=now,
            updated_at=now, created_by="", deleted=False, name=name,
            uscc=uscc_for(rng, "371425"), town=town, park=rng.choice(PARKS),
            address=f"{town}{rng.choice(_ROADS)}{rng.randint(1, 999)}号", industry=industry,
            is_key=is_key, legal_rep=_person(rng), contact_name=_person(rng),
            contact_phone=_mobile(rng), employees=rng.randint(20, 2000),
            officer_ids=[rng.choice(officer_ids_by_town.get(town) or [officer_rows[0]["id"]])]
            if officer_rows else [],
            visit_cadence_days=None, notes=""))

    total = len(officer_rows) + len(ent_rows) + visits
    done = 0
    with database_proxy.atomic():
        if officer_rows:
            Officer.insert_many(officer_rows).execute()
        for chunk in _chunks(ent_rows, 500):
            Enterprise.insert_many(chunk).execute()
        search.index_many((r["id"], SearchDocument(
            kind="enterprise", title=r["name"],
            body=" ".join([r["uscc"], r["town"], r["park"], r["address"], r["industry"],
                           r["legal_rep"], r["contact_name"], r["contact_phone"]])))
            for r in ent_rows)
        LocalState.set_value(DEMO_FLAG, True)
    done += len(officer_rows) + len(ent_rows)
    if progress:
        progress(done, total)

    follow_count = 0
    span_days = 730
    batch = 5000
    for start in range(0, visits, batch):
        visit_rows, follow_rows, docs = [], [], []
        for _ in range(min(batch, visits - start)):
            ent = ent_rows[rng.randrange(len(ent_rows))] if ent_rows else None
            if ent is None:
                break
            day = today - dt.timedelta(days=int(span_days * rng.random() ** 1.3))
            at = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.choice((0, 15, 30, 45))))
            summary = rng.choice(_SUMMARIES).format(pct=rng.randint(60, 98),
                                                    n=rng.randint(10, 200),
                                                    m=rng.randint(100, 5000))
            problems = "\n".join(rng.sample(_PROBLEMS, k=rng.choice((0, 0, 1, 1, 2))))
            participants = f"企业：{ent['contact_name']}；{rng.choice(['发改局', '工信局', '供电公司', '生态环境分局', '自然资源局', '住建局'])}：{_person(rng)}"
            vid = str(uuid.UUID(int=rng.getrandbits(128)))
            visit_rows.append(dict(
                id=vid, version=0, created_at=now, updated_at=now, created_by="",
                deleted=False, enterprise=ent["id"], visit_at=at,
                officer_ids=list(ent["officer_ids"]), kind=rng.choices(
                    VISIT_KINDS, weights=(70, 10, 8, 7, 5))[0],
                participants=participants, summary=summary, problems=problems,
                place=rng.choice(["企业会议室", "生产车间", "企业办公室", "项目现场"])))
            docs.append((vid, SearchDocument(
                kind="visit", title=f"{ent['name']} {at:%Y-%m-%d}",
                body="\n".join(filter(None, [summary, problems, participants])),
                when=at.isoformat(timespec="minutes"))))
            if problems and rng.random() < 0.6:
                due = day + dt.timedelta(days=rng.randint(3, 30))
                follow_rows.append(dict(
                    id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=now,
                    updated_at=now, created_by="", deleted=False, visit=vid,
                    enterprise=ent["id"], text=rng.choice(_FOLLOW_UPS), due_date=due,
                    done=due < today - dt.timedelta(days=14) or rng.random() < 0.3,
                    done_at=None, position=0))
        with database_proxy.atomic():
            for chunk in _chunks(visit_rows, 1000):
                Visit.insert_many(chunk).execute()
            for chunk in _chunks(follow_rows, 1000):
                FollowUp.insert_many(chunk).execute()
            search.index_many(docs)
        follow_count += len(follow_rows)
        done += len(visit_rows)
        if progress:
            progress(done, total)
    return DemoResult(len(officer_rows), len(ent_rows), visits if ent_rows else 0, follow_count)


def _chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
