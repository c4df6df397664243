"""A realistic demo county: towns, enterprises with valid credit codes, officers, visits.

Demo records are written straight to the tables in bulk (one transaction per few thousand
rows), without outbox operations: they are sample data for trying the app and must never be
sent to a real server. The database is marked as holding demo data for that reason.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import peewee

from liaison_app.core import clock, search
from liaison_app.core.db import database_proxy
from liaison_app.core.models import (
    VISIT_KINDS,
    Application,
    CountyKey,
    Enterprise,
    FollowUp,
    IssuedPass,
    LocalState,
    Officer,
    SearchDocument,
    Visit,
    Worker,
)
from liaison_app.core.models.base import utcnow
from liaison_app.core.models.departments import Department
from liaison_app.core.models.evaluation import EvaluationRound, ScoreSheet
from liaison_app.core.models.proxy import ProxyCase, ProxyItem
from liaison_app.core.models.requests import (
    CATEGORIES,
    CHANNELS,
    SATISFACTION,
    URGENCIES,
    Request,
    TimelineEvent,
)
from liaison_app.core.services import departments, proxy_cases
from liaison_app.core.services import requests as rq
from liaison_app.core.services.demo_evaluation import evaluation_rows
from liaison_app.core.services.workdays import WorkCalendar, county_calendar
from liaison_app.core.validation import USCC_ALPHABET, id_check_char, uscc_check_char

DEMO_FLAG = "demo_data"

#: The 9 towns/streets of the seeded department directory, so a request can be dispatched to
#: the town an enterprise is in.
TOWNS = [name for name, kind in departments.SEED if kind == "town"]
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


def _new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128)))


def _utc(local: dt.datetime) -> dt.datetime:
    """Bookkeeping times are stored in UTC."""
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))


@dataclass(frozen=True)
class DemoResult:
    officers: int
    enterprises: int
    visits: int
    follow_ups: int
    requests: int = 0
    proxy_cases: int = 0
    workers: int = 0
    applications: int = 0
    passes: int = 0
    evaluation_rounds: int = 0
    score_sheets: int = 0


def is_demo_database() -> bool:
    return bool(LocalState.get_value(DEMO_FLAG, False))


def database_is_empty() -> bool:
    return not (Enterprise.select().exists() or Visit.select().exists())


def generate(*, enterprises: int = 300, visits: int = 3000, officers: int = 30, seed: int = 1,
             today: dt.date | None = None, requests: int | None = None,
             cases: int | None = None, rosters: float = 0.1,
             progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """Fill an empty database with a demo county. Database worker thread (or the CLI).

    Besides officers, enterprises and visits: ``requests`` requests (default one per
    enterprise) in every workflow state with their timelines, ``cases`` proxy cases
    (default one per ten enterprises), and worker rosters with applications and issued passes
    for the share ``rosters`` of the enterprises.
    """
    rng = random.Random(seed)
    today = today or clock.today()
    now = utcnow()
    span_days = 730
    officer_rows = []
    for n in range(officers):
        officer_rows.append(dict(
            id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=now,
            updated_at=now, created_by="", deleted=False, name=_person(rng),
            username=f"officer{n + 1:02d}", phone=_mobile(rng), town=TOWNS[n % len(TOWNS)],
            role="liaison", active=True))
    if len(officer_rows) > 1:
        # The first officer works at the service centre and dispatches the requests.
        officer_rows[0]["role"] = "center"
    officer_ids_by_town: dict[str, list[str]] = {}
    for row in officer_rows:
        if row["role"] == "liaison":
            officer_ids_by_town.setdefault(row["town"], []).append(row["id"])

    seen_names: set[str] = set()
    ent_rows = []
    # The county's enterprises were registered before the two years of visits.
    registered = now - dt.timedelta(days=span_days + 1)
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
            id=str(uuid.UUID(int=rng.getrandbits(128))), version=0, created_at=registered,
            updated_at=registered, created_by="", deleted=False, name=name,
            uscc=uscc_for(rng, "371425"), town=town, park=rng.choice(PARKS),
            address=f"{town}{rng.choice(_ROADS)}{rng.randint(1, 999)}号", industry=industry,
            is_key=is_key, legal_rep=_person(rng), contact_name=_person(rng),
            contact_phone=_mobile(rng), employees=rng.randint(20, 2000),
            officer_ids=[rng.choice(officer_ids_by_town.get(town) or [officer_rows[0]["id"]])]
            if officer_rows else [],
            visit_cadence_days=None, notes=""))

    request_count = len(ent_rows) if requests is None else max(0, requests)
    case_count = max(1, len(ent_rows) // 10) if cases is None else max(0, cases)
    total = len(officer_rows) + len(ent_rows) + visits + request_count + case_count
    done = 0
    with database_proxy.atomic():
        _insert(Officer, officer_rows)
        _insert(Enterprise, ent_rows)
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
    batch = 5000
    for start in range(0, visits, batch):
        visit_rows, follow_rows, docs = [], [], []
        for _ in range(min(batch, visits - start)):
            ent = ent_rows[rng.randrange(len(ent_rows))] if ent_rows else None
            if ent is None:
                break
            day = today - dt.timedelta(days=int(span_days * rng.random() ** 1.3))
            at = _not_after_now(dt.datetime.combine(
                day, dt.time(rng.randint(8, 17), rng.choice((0, 15, 30, 45)))))
            summary = rng.choice(_SUMMARIES).format(pct=rng.randint(60, 98),
                                                    n=rng.randint(10, 200),
                                                    m=rng.randint(100, 5000))
            problems = "\n".join(rng.sample(_PROBLEMS, k=rng.choice((0, 0, 1, 1, 2))))
            participants = f"企业：{ent['contact_name']}；{rng.choice(['发改局', '工信局', '供电公司', '生态环境分局', '自然资源局', '住建局'])}：{_person(rng)}"
            vid = str(uuid.UUID(int=rng.getrandbits(128)))
            # Logged when it took place, so 最近动态 shows the latest visits first.
            logged = min(now, _utc(at))
            visit_rows.append(dict(
                id=vid, version=0, created_at=logged, updated_at=logged, created_by="",
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
            _insert(Visit, visit_rows)
            _insert(FollowUp, follow_rows)
            search.index_many(docs)
        follow_count += len(follow_rows)
        done += len(visit_rows)
        if progress:
            progress(done, total)
    extra = _generate_services(seed=seed, ent_rows=ent_rows, requests=request_count,
                               cases=case_count, rosters=rosters, today=today, stamp=now,
                               centre=officer_rows[0]["id"] if officer_rows else "")
    if progress:
        progress(total, total)
    return DemoResult(len(officer_rows), len(ent_rows), visits if ent_rows else 0, follow_count,
                      **extra)


def _generate_services(*, seed: int, ent_rows: list[dict[str, Any]], requests: int,
                       cases: int, rosters: float, today: dt.date, stamp: dt.datetime,
                       centre: str) -> dict[str, int]:
    """Requests, proxy cases, rosters and applications, each from its own random stream so
    that changing one count leaves the others as they were."""
    if not ent_rows:
        return {}
    now = min(_local_now(), dt.datetime.combine(today, dt.time(18, 0)))
    if now.date() < today:
        now = dt.datetime.combine(today, dt.time(18, 0))
    with database_proxy.atomic():
        directory = _seed_directory(now=stamp)
        req_rows, req_events, req_docs = _request_rows(
            random.Random(f"{seed}-requests"), count=requests, ent_rows=ent_rows,
            directory=directory, centre=centre, now=now, today=today, stamp=stamp)
        case_rows, item_rows, case_events, case_docs = _proxy_rows(
            random.Random(f"{seed}-proxy"), count=cases, ent_rows=ent_rows,
            directory=directory, today=today, stamp=stamp)
        workers, apps, passes, app_docs = _roster_rows(
            random.Random(f"{seed}-rosters"), ent_rows=ent_rows, share=rosters if rosters > 0
            else 0.0, today=today, stamp=stamp, seed=seed) if rosters > 0 else ([], [], [], [])
        rounds, sheets = evaluation_rows(random.Random(f"{seed}-evaluation"),
                                         ent_rows=ent_rows, directory=directory.ids,
                                         today=today, stamp=stamp)
        for model, rows in ((Request, req_rows), (TimelineEvent, req_events + case_events),
                            (ProxyCase, case_rows), (ProxyItem, item_rows), (Worker, workers),
                            (Application, apps), (IssuedPass, passes),
                            (EvaluationRound, rounds), (ScoreSheet, sheets)):
            _insert(model, rows)
        search.index_many(req_docs + case_docs + app_docs)
        from liaison_app.core.services import daily_demo  # it uses this module's insert

        daily_demo.generate(random.Random(f"{seed}-daily"), ent_rows=ent_rows, today=today,
                            stamp=stamp, insert=_insert)
    return dict(requests=len(req_rows), proxy_cases=len(case_rows), workers=len(workers),
                applications=len(apps), passes=len(passes), evaluation_rounds=len(rounds),
                score_sheets=len(sheets))


def _insert(model: type[peewee.Model], rows: list[dict[str, Any]]) -> None:
    """Insert new rows with one prepared statement (``insert_many`` spends most of its time
    building SQL text). Each value goes through its field's ``db_value``, as a save would;
    dates and times are written in the text form peewee reads back."""
    if not rows:
        return
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'

    def plain(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.isoformat(" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    names = [f.name for f in fields]
    database_proxy.connection().executemany(sql, (
        [plain(f.db_value(row[name])) for f, name in zip(fields, names, strict=True)]
        for row in rows))


# -- requests (诉求) ---------------------------------------------------------------------------
#: Per category: (what the enterprise asks for, how it was resolved, the lead department).
_REQUEST_TEXTS: dict[str, list[tuple[str, str, str]]] = {
    "water": [
        ("新建车间需接入市政供水管网，日用水量约{n}立方米，请协调自来水公司尽快勘察接水。",
         "自来水公司已现场勘察并完成接水施工，新车间供水已通。", "县自来水公司"),
        ("厂区供水压力不足，用水高峰时段生产线用水无法保障，请求排查供水管网。",
         "自来水公司更换主管道阀门并增设加压泵，水压恢复正常。", "县自来水公司"),
        ("企业污水管网尚未与园区污水处理厂接通，影响项目环保验收。",
         "园区污水管网已接通，企业已通过环保验收。", "县水利局"),
    ],
    "power": [
        ("厂区供电线路老化，雨季多次跳闸停电，影响连续生产，请求供电公司排查线路。",
         "供电公司已更换老化线路和开关设备，近一个月未再发生跳闸。", "国网县供电公司"),
        ("新上生产线需增加变压器容量{n}千伏安，申请办理增容手续。",
         "增容手续已办结，新变压器已投运。", "国网县供电公司"),
        ("企业对近两个月电费结算有疑问，希望供电公司上门核对峰谷电量。",
         "供电公司上门核对计量数据，已按峰谷电价重新结算。", "国网县供电公司"),
    ],
    "heating": [
        ("冬季供暖期间天然气供气压力不足，烘干工序受影响，请求协调增加供气量。",
         "燃气公司调整调压设备并增加供气量，供气压力已满足生产需要。", "县燃气公司"),
        ("新建办公楼需接入集中供热管网，请协调热力公司办理接入。",
         "热力公司已完成管网接入，办公楼供暖正常。", "县热力公司"),
        ("企业申请天然气开户并新建调压站，询问办理流程和时限。",
         "已指导企业提交开户资料，调压站已验收通气。", "县燃气公司"),
    ],
    "approvals": [
        ("新建车间施工许可已提交材料{d}天仍未办结，影响开工，请求协调加快办理。",
         "行政审批服务局开辟绿色通道，施工许可证已核发。", "县行政审批服务局"),
        ("扩建项目需办理建设工程规划许可，部分材料暂缺，希望容缺受理。",
         "自然资源和规划局容缺受理，建设工程规划许可证已核发。", "县自然资源和规划局"),
        ("新厂房消防验收排队时间较长，影响投产，请求加快安排验收。",
         "住建局已安排现场验收，消防验收合格。", "县住房和城乡建设局"),
        ("企业申请食品生产许可证变更（新增生产线），请求指导准备材料。",
         "市场监管局上门指导，许可证变更已办结。", "县市场监督管理局"),
    ],
    "land": [
        ("项目用地约{n}亩，土地手续尚未完善，影响项目开工，请求协调办理。",
         "自然资源和规划局已完成用地预审和供地手续。", "县自然资源和规划局"),
        ("企业拟在厂区内新建仓库，需核实用地性质和容积率要求。",
         "已书面答复用地性质和规划指标，企业已按要求完成设计。", "县自然资源和规划局"),
        ("企业办理不动产权证遇到历史遗留问题，多年未能办证，请求协调解决。",
         "经自然资源、住建、税务等部门会商，不动产权证已办理。", "县自然资源和规划局"),
    ],
    "finance": [
        ("企业流动资金紧张，需融资约{m}万元采购原材料，请求对接银行。",
         "已组织银企对接，县农商银行发放流动资金贷款。", "县地方金融监督管理局"),
        ("企业去年申报的技改补贴资金尚未拨付，希望了解拨付进度。",
         "财政局已将技改补贴资金拨付到位。", "县财政局"),
        ("企业一笔贷款即将到期，续贷存在困难，请求金融部门协调。",
         "地方金融监管局协调银行为企业办理无还本续贷。", "县地方金融监督管理局"),
    ],
    "labour": [
        ("企业一线工人缺口约{n}人，请求人社部门组织专场招聘。",
         "人社局组织专场招聘会，企业已招聘到岗一线工人。", "县人力资源和社会保障局"),
        ("企业申请稳岗返还和社保补贴，询问政策条件和办理流程。",
         "已指导企业在线申报，稳岗返还资金已到账。", "县人力资源和社会保障局"),
        ("企业急需焊工、电工等技术工人，希望纳入职业技能培训计划。",
         "已纳入年度职业技能培训计划，首期培训已完成。", "县人力资源和社会保障局"),
    ],
    "logistics": [
        ("企业物流货车进城通行受限，影响原料运输，请求办理货车通行证。",
         "公安交警部门已为企业办理货车通行证。", "县公安局"),
        ("厂区门前道路破损严重，大货车通行困难，请求维修。",
         "交通运输局已完成路面修复。", "县交通运输局"),
        ("企业计划在省道旁开设道路开口，请求协调交通部门办理许可。",
         "道路开口许可已办结，实际用时3天。", "县交通运输局"),
    ],
    "environment": [
        ("新建项目环评报告已编制完成，请求生态环境部门尽快审批。",
         "环评批复已下达。", "市生态环境局县分局"),
        ("企业排污许可证即将到期，申请办理延续。",
         "排污许可证延续已办结。", "市生态环境局县分局"),
        ("企业反映周边有异味影响员工生产生活，请求生态环境部门核查。",
         "生态环境分局现场核查并督促相关企业整改，异味问题已解决。", "市生态环境局县分局"),
    ],
    "other": [
        ("企业希望参加县里组织的产品推介会，拓展销售渠道。",
         "商务局已将企业纳入推介会参展名单。", "县商务局"),
        ("企业对增值税留抵退税办理流程不清楚，请求上门辅导。",
         "税务局上门辅导，留抵退税已到账。", "县税务局"),
        ("企业拟申报高新技术企业，请求指导准备申报材料。",
         "工信局组织专家辅导，申报材料已按时提交。", "县工业和信息化局"),
        ("厂区周边路灯损坏，夜班职工上下班不便，请求维修。",
         "所在镇街已协调维修路灯。", "县工业和信息化局"),
    ],
}
_CATEGORY_WEIGHTS = (8, 12, 6, 20, 9, 10, 12, 9, 8, 6)
_RETURN_NOTES = ["该事项不属于本单位职责范围，建议改派。", "事项涉及多个部门，建议由牵头单位重新交办。"]
_EXTEND_NOTES = ["需协调多个部门会商，申请延期办理。", "需上级部门审批，申请延长办理时限。"]
_CALLBACK_COMMENTS = {
    "very_satisfied": ["问题已解决，办理速度快，对服务很满意。", "感谢服务中心和相关部门的帮助。"],
    "satisfied": ["问题已解决，服务态度好。", "基本按时办结，比较满意。"],
    "basic": ["问题基本解决，希望今后办理更快一些。", "办理时间偏长，结果可以接受。"],
    "dissatisfied": ["问题尚未彻底解决，希望继续协调。", "答复与企业诉求差距较大。"],
}
#: Departments that often help the lead one (co-departments, 协办).
_CO_DEPARTMENTS = ("县行政审批服务局", "县发展和改革局", "县工业和信息化局", "县自然资源和规划局",
                   "县住房和城乡建设局", "市生态环境局县分局", "县应急管理局")
#: Requests made to stop in a given state (see ``_request_life``), and how many working
#: days ago they came in.
_FORCED_MODES = ("accepted", "returned", "escalated", "resolved", "called_back", "letter")
_MODE_AGES = {"due_soon": (0, 1), "accepted": (0, 0), "escalated": (1, 2), "returned": (2, 3),
              "resolved": (6, 8), "called_back": (10, 14)}
_LETTER_REPLY = "已批示：请{lead}牵头办理，限期解决并向企业反馈。"


@dataclass
class _RequestLife:
    """One request as it moved through the workflow up to now: the row and its timeline."""

    row: dict[str, Any]
    now: dt.datetime
    events: list[dict[str, Any]] = field(default_factory=list)

    def step(self, action: str, at: dt.datetime, to: str | None = None, *, actor: str,
             note: str = "", data: dict[str, Any] | None = None) -> bool:
        """Take the step unless it lies in the future; False when it does."""
        last = self.events[-1]["at"] if self.events else at
        if at <= last and self.events:
            at = last + dt.timedelta(minutes=17)
        if at > self.now:
            return False
        before = self.row["status"] if self.events else ""
        self.events.append(dict(action=action, at=at, from_status=before,
                                to_status=to or self.row["status"], note=note,
                                actor_id=actor, data=data or {}))
        if to:
            self.row["status"] = to
        return True


def _at(rng: random.Random, day: dt.date) -> dt.datetime:
    return _not_after_now(dt.datetime.combine(
        day, dt.time(rng.randint(8, 17), rng.choice((0, 10, 20, 30, 40, 50)))))


def _local_now() -> dt.datetime:
    return dt.datetime.now().replace(second=0, microsecond=0)


def _not_after_now(at: dt.datetime) -> dt.datetime:
    """Demo records have happened: a time later today moves to shortly before now.

    The shift depends on the drawn time only, so the same seed still makes the same county.
    """
    now = _local_now()
    if at <= now:
        return at
    return now - dt.timedelta(minutes=5 + (at.hour * 60 + at.minute) % 120)


def _workdays_back(cal: WorkCalendar, day: dt.date, days: int) -> dt.date:
    while days > 0:
        day -= dt.timedelta(days=1)
        if cal.is_workday(day):
            days -= 1
    return day


@dataclass(frozen=True)
class _Directory:
    ids: dict[str, str]
    names: dict[str, str]
    towns: dict[str, str]


def _seed_directory(*, now: dt.datetime) -> _Directory:
    """The department directory, added in bulk when empty (never queued for the server)."""
    if not Department.select().exists():
        Department.insert_many([dict(
            id=departments.seed_id(name), version=0, created_at=now, updated_at=now,
            created_by="", deleted=False, name=name, kind=kind, contact_name="",
            contact_phone="", position=pos, active=True)
            for pos, (name, kind) in enumerate(departments.SEED)]).execute()
    rows = list(Department.select(Department.id, Department.name, Department.kind).where(
        Department.deleted == False).tuples())  # noqa: E712
    return _Directory(ids={name: rid for rid, name, _kind in rows},
                      names={rid: name for rid, name, _kind in rows},
                      towns={name: rid for rid, name, kind in rows if kind == "town"})


def _dispatch(life: _RequestLife, rng: random.Random, *, day: dt.date, lead: str,
              co: list[str], cal: WorkCalendar, config: rq.RequestConfig, actor: str) -> bool:
    row = life.row
    response = cal.add_workdays(day, config.first_reply_days)
    resolve = cal.add_workdays(day, config.complex_resolve_days if row["complex"]
                               else config.resolve_days)
    co_deadline = cal.add_workdays(day, config.co_answer_days) if co else None
    at = _at(rng, day)
    if not life.step("dispatch", at, "dispatched", actor=actor, data={
            "lead": lead, "co": co, "response_deadline": response.isoformat(),
            "resolve_deadline": resolve.isoformat()}):
        return False
    row.update(lead_department_id=lead, co_departments=co, dispatched_at=life.events[-1]["at"],
               first_response_at=None, response_deadline=response, resolve_deadline=resolve,
               co_deadline=co_deadline)
    return True


def _request_life(rng: random.Random, *, row: dict[str, Any], mode: str, town_id: str,
                  resolution: str, lead: str, others: list[str], directory: _Directory,
                  cal: WorkCalendar, config: rq.RequestConfig, now: dt.datetime,
                  centre: str, liaison: str, letter_no: Iterator[int]) -> _RequestLife:
    """Walk a request through the workflow as far as ``now``.

    ``mode`` "normal" takes each step after a plausible delay (most requests end closed);
    "overdue" leaves it stuck with its deadline passed, "due_soon" dispatches it just now,
    and a status name stops it in that status.
    """
    life = _RequestLife(row, now)
    accepted: dt.datetime = row["accepted_at"]
    day = accepted.date()
    life.step("accept", accepted, "accepted", actor=row["officer_id"])
    if mode == "accepted":
        return life
    if row["channel"] == "letter":
        _letter(row, rng, day=day, config=config, letter_no=letter_no)
    elif mode == "escalated" or (mode == "normal" and rng.random() < 0.03):
        # What the town could not solve goes up the direct channel before dispatch.
        esc = cal.add_workdays(day, 1)
        if not life.step("escalate", _at(rng, esc), "escalated", actor=liaison,
                         note="镇街层面难以协调，转直通车办理。"):
            return life
        _letter(row, rng, day=esc, config=config, letter_no=letter_no)
        life.events[-1]["data"] = {"addressee": row["addressee"],
                                   "provisional_no": row["provisional_no"]}
        if mode == "escalated":
            return life
        day = esc
    co = [d for d in ([town_id] if town_id and rng.random() < 0.4 else [])
          + rng.sample(others, k=rng.choice((0, 0, 1))) if d and d != lead][:2]
    dispatch_day = cal.add_workdays(day, 0 if mode != "normal" else rng.choice((0, 0, 1)))
    if not _dispatch(life, rng, day=dispatch_day, lead=lead, co=co, cal=cal, config=config,
                     actor=centre):
        return life
    if mode == "returned" or (mode == "normal" and rng.random() < 0.05):
        back = cal.add_workdays(dispatch_day, 1)
        if not life.step("return", _at(rng, back), "returned", actor=centre,
                         note=rng.choice(_RETURN_NOTES)) or mode == "returned":
            return life
        new_lead = rng.choice([d for d in others if d != lead] or [lead])
        dispatch_day = cal.add_workdays(back, 1)
        if not _dispatch(life, rng, day=dispatch_day, lead=new_lead,
                         co=[d for d in co if d != new_lead], cal=cal, config=config,
                         actor=centre):
            return life
    if mode == "due_soon" or (mode == "overdue" and rng.random() < 0.3):
        return life
    reply_day = cal.add_workdays(dispatch_day, rng.choices((0, 1, 2, 3, 4),
                                                           weights=(30, 35, 20, 10, 5))[0])
    if not life.step("start", _at(rng, reply_day), "in_progress", actor=centre):
        return life
    row["first_response_at"] = life.events[-1]["at"]
    if mode == "overdue":
        return life
    limit = config.complex_resolve_days if row["complex"] else config.resolve_days
    late = mode == "normal" and rng.random() < 0.12
    needed = (limit + rng.randint(1, 8) if late else rng.randint(2, 5) if mode != "normal"
              else rng.randint(2, limit - 1))
    resolve_day = max(cal.add_workdays(dispatch_day, needed), reply_day)
    if late and rng.random() < 0.5:
        old = row["resolve_deadline"]
        new = cal.add_workdays(old, rng.randint(5, 10))
        if not life.step("extend", _at(rng, _workdays_back(cal, old, 1)), actor=centre,
                         note=rng.choice(_EXTEND_NOTES),
                         data={"old": old.isoformat(), "new": new.isoformat()}):
            return life
        row["resolve_deadline"] = new
    if not life.step("resolve", _at(rng, resolve_day), "resolved", actor=centre):
        return life
    row.update(resolution=resolution, resolved_at=life.events[-1]["at"])
    if mode == "resolved":
        return life
    if row["registration_year"] and resolve_day - day > dt.timedelta(days=3):
        row.update(reply=_LETTER_REPLY.format(lead=directory.names.get(lead, "相关部门")),
                   replied_on=day + dt.timedelta(days=rng.randint(2, 5)))
    call_day = cal.add_workdays(resolve_day, rng.randint(1, config.callback_days))
    solved = rng.random() < (0.7 if late else 0.94)
    satisfaction = rng.choices(SATISFACTION, weights=(
        (55, 33, 9, 3) if solved else (5, 15, 45, 35)))[0]
    comment = rng.choice(_CALLBACK_COMMENTS[satisfaction])
    if not life.step("call_back", _at(rng, call_day), "called_back", actor=liaison,
                     note=comment, data={"resolved": solved, "satisfaction": satisfaction}):
        return life
    row.update(callback_at=life.events[-1]["at"], enterprise_resolved=solved,
               enterprise_satisfaction=satisfaction, callback_comment=comment)
    if mode == "called_back":
        return life
    close_day = cal.add_workdays(call_day, rng.randint(0, 2))
    if life.step("close", _at(rng, close_day), "closed", actor=centre):
        row["closed_at"] = life.events[-1]["at"]
    return life


def _letter(row: dict[str, Any], rng: random.Random, *, day: dt.date,
            config: rq.RequestConfig, letter_no: Iterator[int]) -> None:
    row.update(addressee=rng.choice(config.addressees), registration_year=day.year,
               registered_on=day, provisional_no=rq.provisional_number(
                   year=day.year, device="demo", sequence=next(letter_no)))


def _request_rows(rng: random.Random, *, count: int, ent_rows: list[dict[str, Any]],
                  directory: _Directory, centre: str, now: dt.datetime, today: dt.date,
                  stamp: dt.datetime) -> tuple[list[dict], list[dict], list[tuple]]:
    """Requests over two years, most of them closed, the recent ones in every state."""
    config = rq.load_config()
    cal = county_calendar()
    letter_no = itertools.count(1)
    # However few the requests, the lists show every state and the 工作台 has work on it.
    few = max(1, count // 150)
    modes = (["overdue"] * 2 * few + ["due_soon"] * 2 * few + [
        m for m in _FORCED_MODES for _ in range(few)])[:count]
    rows, events, docs = [], [], []
    names = {e["id"]: e["name"] for e in ent_rows}
    for n in range(count):
        mode = modes[n] if n < len(modes) else "normal"
        ent = ent_rows[rng.randrange(len(ent_rows))]
        category = rng.choices(CATEGORIES, weights=_CATEGORY_WEIGHTS)[0]
        text, resolution, lead_name = rng.choice(_REQUEST_TEXTS[category])
        values = dict(n=rng.randint(10, 200), m=rng.randint(100, 3000), d=rng.randint(12, 30))
        low, high = _MODE_AGES.get(mode, (0, 0))
        if mode == "overdue":
            day = today - dt.timedelta(days=rng.randint(22, 45))
        elif mode in _MODE_AGES:
            day = _workdays_back(cal, today, rng.randint(low, high))
        elif rng.random() < 0.25:
            day = today - dt.timedelta(days=rng.randint(0, 40))
        else:
            day = today - dt.timedelta(days=int(730 * rng.random() ** 1.3))
        accepted = _at(rng, day)
        if accepted > now:
            accepted = now - dt.timedelta(minutes=rng.randint(5, 90))
        channel = ("letter" if mode == "letter"
                   else rng.choices(CHANNELS, weights=(55, 25, 17, 3))[0])
        liaison = (ent["officer_ids"] or [centre])[0]
        row: dict[str, Any] = dict(
            id=_new_id(rng), version=0, created_at=stamp, updated_at=stamp, created_by="",
            deleted=False, enterprise=ent["id"], visit_id="", visit_line=None,
            channel=channel, category=category,
            urgency=rng.choices(URGENCIES, weights=(75, 20, 5))[0],
            complex=mode == "normal" and rng.random() < 0.15,
            description=text.format(**values), accepted_at=accepted,
            officer_id=liaison if channel in ("visit", "phone") else centre,
            status="accepted", lead_department_id="", co_departments=[], dispatched_at=None,
            contact_deadline=cal.add_workdays(accepted.date(), config.contact_days),
            response_deadline=None, resolve_deadline=None, co_deadline=None, due_date=None,
            first_response_at=None, resolved_at=None, resolution="", callback_at=None,
            enterprise_resolved=None, enterprise_satisfaction="", callback_comment="",
            closed_at=None, addressee="", registration_year=None, provisional_no="",
            registration_no=None, registered_on=None, reply="", replied_on=None)
        lead = directory.ids.get(lead_name, "")
        others = [directory.ids[x] for x in _CO_DEPARTMENTS if x in directory.ids]
        life = _request_life(rng, row=row, mode=mode, town_id=directory.towns.get(ent["town"], ""),
                             resolution=resolution.format(**values), lead=lead, others=others,
                             directory=directory, cal=cal, config=config, now=now,
                             centre=centre, liaison=liaison, letter_no=letter_no)
        row["due_date"] = rq.next_due(Request(**{k: row[k] for k in (
            "status", "contact_deadline", "response_deadline", "resolve_deadline",
            "resolved_at")}), cal=cal, config=config)
        rows.append(row)
        for event in life.events:
            events.append(dict(id=_new_id(rng), version=0, created_at=stamp, updated_at=stamp,
                               created_by="", deleted=False, owner_table="request",
                               owner_id=row["id"], enterprise=ent["id"], **event))
    _number_letters(rows, events, rng)
    for row in rows:
        first = row["description"].split("\n", 1)[0][:40]
        docs.append((row["id"], SearchDocument(
            kind="request", title=f"{names[row['enterprise']]} {first}",
            body="\n".join(filter(None, [row["description"], row["resolution"],
                                         row["callback_comment"], row["reply"],
                                         row["provisional_no"]])),
            when=row["accepted_at"].isoformat(timespec="minutes"))))
    return rows, events, docs


def _number_letters(rows: list[dict[str, Any]], events: list[dict[str, Any]],
                    rng: random.Random) -> None:
    """Final registration numbers, per year in the order the letters came in, as the centre
    gives them; each with its "final number" step on the timeline."""
    letters = sorted((r for r in rows if r["registration_year"]),
                     key=lambda r: (r["registration_year"], r["registered_on"], r["accepted_at"],
                                    r["id"]))
    registered = {(e["owner_id"]): e for e in events
                  if e["action"] == "escalate" or (e["action"] == "accept"
                                                   and e["owner_id"] in
                                                   {r["id"] for r in letters
                                                    if r["channel"] == "letter"})}
    numbers: dict[int, int] = {}
    for row in letters:
        year = row["registration_year"]
        numbers[year] = numbers.get(year, 0) + 1
        row["registration_no"] = numbers[year]
        step = registered.get(row["id"])
        if step is None:
            continue
        events.append(dict(step, id=_new_id(rng), action="register",
                           at=step["at"] + dt.timedelta(minutes=5),
                           from_status=step["to_status"], note="",
                           data={"number": numbers[year]}))


# -- proxy cases (代办) ------------------------------------------------------------------------
_PROJECTS = ["年产{n}万吨{word}项目", "新建智能化生产车间项目", "厂区扩建项目", "{word}技术改造项目",
             "新建仓储物流中心项目", "研发中心及配套设施建设项目", "二期厂房建设项目"]
_DOCUMENTS = ["营业执照复印件", "法定代表人身份证明", "授权委托书", "项目备案证明", "建设用地规划许可证",
              "施工图设计文件", "环境影响报告表", "用水（用电）申请表", "不动产权证书", "消防设计文件"]


def _proxy_rows(rng: random.Random, *, count: int, ent_rows: list[dict[str, Any]],
                directory: _Directory, today: dt.date, stamp: dt.datetime
                ) -> tuple[list[dict], list[dict], list[dict], list[tuple]]:
    """Proxy cases with catalogue items in every state; most done in a fraction of the usual
    time, which is what the days-saved figures show."""
    catalogue = proxy_cases.load_catalogue()
    keyed = [e for e in ent_rows if e["is_key"]] or ent_rows
    cases, items, events, docs = [], [], [], []
    for n in range(count):
        ent = keyed[rng.randrange(len(keyed))] if n % 3 else ent_rows[rng.randrange(
            len(ent_rows))]
        started = today - dt.timedelta(days=rng.randint(2, 15) if n % 8 == 0
                                       else int(700 * rng.random() ** 1.2))
        case_id = _new_id(rng)
        officer = (ent["officer_ids"] or [""])[0]
        project = rng.choice(_PROJECTS).format(n=rng.randint(1, 30),
                                               word=_INDUSTRY_WORDS[ent["industry"]])

        def event(action: str, day: dt.date, note: str = "", before: str = "",
                  after: str = "", *, case_id: str = case_id, ent_id: str = ent["id"],
                  officer: str = officer) -> None:
            events.append(dict(id=_new_id(rng), version=0, created_at=stamp,
                               updated_at=stamp, created_by="", deleted=False,
                               owner_table="proxy_case", owner_id=case_id,
                               enterprise=ent_id, action=action, from_status=before,
                               to_status=after, note=note, actor_id=officer,
                               at=_at(rng, day), data={}))

        event("opened", started, after="open")
        chosen = sorted(rng.sample(range(len(catalogue)), k=min(len(catalogue),
                                                                rng.randint(2, 5))))
        day = started
        live_status = []
        approved_days = []
        for pos, index in enumerate(chosen):
            entry = catalogue[index]
            event("item_added", started, note=entry.name)
            day = day + dt.timedelta(days=rng.randint(1, 6))
            taken = rng.randint(1, max(1, entry.usual_days * 2 // 5))
            status, submitted, approved, notes = "pending", None, None, ""
            if rng.random() < 0.03:
                status, notes = "withdrawn", "项目调整，不再办理"
            elif day <= today:
                submitted, status = day, "submitted"
                event("item_submitted", day, note=entry.name)
                if rng.random() < 0.04:
                    status, notes = "rejected", "材料不全，补正后重新报件"
                    event("item_rejected", min(today, day + dt.timedelta(days=taken)),
                          note=entry.name)
                elif day + dt.timedelta(days=taken) <= today:
                    approved, status = day + dt.timedelta(days=taken), "approved"
                    event("item_approved", approved, note=entry.name)
                    approved_days.append(approved)
                    day = approved
            if status != "withdrawn":
                live_status.append(status)
            items.append(dict(
                id=_new_id(rng), version=0, created_at=stamp, updated_at=stamp, created_by="",
                deleted=False, case=case_id, enterprise=ent["id"], name=entry.name,
                department_id=directory.ids.get(entry.department, ""),
                documents="\n".join(rng.sample(_DOCUMENTS, k=3) + [f"{entry.name}申请表"]),
                submitted_on=submitted, approved_on=approved, usual_days=entry.usual_days,
                status=status, position=pos, notes=notes))
        status, finished = "open", None
        if live_status and all(s == "approved" for s in live_status):
            status, finished = "done", max(approved_days)
            event("done", finished, before="open", after="done")
        elif started < today - dt.timedelta(days=200) and rng.random() < 0.3:
            status = "cancelled"
            event("cancelled", started + dt.timedelta(days=rng.randint(60, 150)),
                  before="open", after="cancelled", note="企业调整投资计划，项目暂缓")
        location = f"{ent['town']}{ent['park']}"
        cases.append(dict(
            id=case_id, version=0, created_at=stamp, updated_at=stamp, created_by="",
            deleted=False, enterprise=ent["id"],
            case_no=proxy_cases.case_number(started_on=started, record_id=case_id),
            project_name=project, project_location=location, officer_id=officer,
            started_on=started, finished_on=finished, status=status, notes=""))
        docs.append((case_id, SearchDocument(
            kind="proxy_case", title=f"{ent['name']} {project}",
            body="\n".join(filter(None, [cases[-1]["case_no"], location])),
            when=started.isoformat())))
    return cases, items, events, docs


# -- worker rosters and applications ---------------------------------------------------------
_WORKSHOPS = ["一车间", "二车间", "三车间", "包装车间", "仓储部", "质检部", "机修车间"]
_POSTS = ["操作工", "操作工", "操作工", "班组长", "质检员", "叉车司机", "电工", "仓管员", "机修工",
          "技术员"]
_SHIFTS = ["白班", "夜班", "常白班", "早班", "中班"]
#: Area codes of the county and its neighbours, and a few from other provinces; old codes
#: included, as people carry them for life.
_ID_AREAS = ["371425"] * 8 + ["371402", "371421", "371424", "371426", "371427", "371428",
                              "371481", "371482", "370105", "370112", "410523", "130527",
                              "342201"]
_VILLAGES = ["王庄", "李家", "前屯", "后屯", "东关", "西关", "大刘", "小张", "孙集", "河西"]
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_MATERIALS = [("口罩", "{n}只"), ("消毒液", "{m}升"), ("额温枪", "{k}把"), ("防护手套", "{n}副")]
DEMO_PASS_TAG = "DEMSJ"


def resident_id(rng: random.Random, *, born: dt.date, male: bool) -> str:
    """A resident ID number with a real birth date and the right check character."""
    seq = rng.randint(0, 499) * 2 + (1 if male else 0)
    body = f"{rng.choice(_ID_AREAS)}{born:%Y%m%d}{seq:03d}"
    return body + id_check_char(body)


def _worker_rows(rng: random.Random, *, ent: dict[str, Any], stamp: dt.datetime,
                 today: dt.date) -> list[dict[str, Any]]:
    seen: set[str] = set()
    rows = []
    workshops = rng.sample(_WORKSHOPS, k=rng.randint(2, 4))
    for _ in range(min(ent["employees"], rng.randint(12, 60))):
        born = dt.date(1966, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        id_number = resident_id(rng, born=born, male=rng.random() < 0.6)
        if id_number in seen or born > today:
            continue
        seen.add(id_number)
        town = rng.choice(TOWNS)
        rows.append(dict(
            id=_new_id(rng), version=0, created_at=stamp, updated_at=stamp, created_by="",
            deleted=False, enterprise=ent["id"], name=_person(rng), id_number=id_number,
            phone=_mobile(rng), workshop=rng.choice(workshops), post=rng.choice(_POSTS),
            shift=rng.choice(_SHIFTS),
            address=f"{town}{rng.choice(_VILLAGES)}村{rng.randint(1, 120)}号", home_town=town,
            plate=("鲁N" + "".join(rng.choice(_PLATE_LETTERS + "0123456789") for _ in range(5))
                   if rng.random() < 0.3 else ""),
            health="健康", travel=rng.choice(["", "", "未离开本县"]), notes=""))
    return rows


def _history(rng: random.Random, statuses: list[str], start: dt.date,
             officer: str) -> list[dict[str, str]]:
    out, day = [], start
    for status in statuses:
        out.append({"status": status, "at": _at(rng, day).isoformat(timespec="seconds"),
                    "by": officer, "note": ""})
        day += dt.timedelta(days=rng.randint(0, 2))
    return out


def _roster_rows(rng: random.Random, *, ent_rows: list[dict[str, Any]], share: float,
                 today: dt.date, stamp: dt.datetime, seed: int
                 ) -> tuple[list[dict], list[dict], list[dict], list[tuple]]:
    """Rosters for ``share`` of the enterprises; reopening and pass applications for most of
    them, the approved pass applications with their passes issued."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from liaison_app.core import pass_codes
    from liaison_app.core.services import applications as apps
    from liaison_app.core.services import passes as pass_checks

    # A demo county key, known only to demo databases (its record is made here, never
    # synced), so demo passes verify like real ones.
    key = Ed25519PrivateKey.from_private_bytes(
        hashlib.sha256(f"liaison-demo-{seed}".encode()).digest())
    count = max(1, round(len(ent_rows) * share))
    chosen = sorted(rng.sample(range(len(ent_rows)), k=min(count, len(ent_rows))))
    workers, applications, passes, docs = [], [], [], []
    app_seq = pass_seq = 0
    for pos, index in enumerate(chosen):
        ent = ent_rows[index]
        roster = _worker_rows(rng, ent=ent, stamp=stamp, today=today)
        workers += roster
        officer = (ent["officer_ids"] or [""])[0]
        # An approved pass application each, most with the reopening application before
        # it, and now and then a new pass application still in draft.
        kinds = (["reopening"] if pos == 0 or rng.random() < 0.6 else []) + ["pass"] + (
            ["draft"] if pos % 5 == 2 else [])
        applied = today - dt.timedelta(days=rng.randint(60, 120))
        for kind_name in kinds:
            kind = "pass" if kind_name == "draft" else kind_name
            app_seq += 1
            applied = (today - dt.timedelta(days=rng.randint(0, 3)) if kind_name == "draft"
                       else applied + dt.timedelta(days=rng.randint(2, 10)))
            app_id = _new_id(rng)
            # Listed newest first: the bookkeeping time is when it was written.
            written = min(stamp, _utc(_at(rng, applied)))
            base = dict(id=app_id, version=0, created_at=written, updated_at=written,
                        created_by="", deleted=False, enterprise=ent["id"], kind=kind,
                        application_no=f"SQ-{DEMO_PASS_TAG}-{app_seq:06d}", applied_on=applied,
                        remarks="")
            if kind == "reopening":
                planned = applied + dt.timedelta(days=rng.randint(3, 7))
                status = rng.choice(["approved", "approved", "submitted"])
                values = dict(n=rng.randint(5, 50) * 100, m=rng.randint(2, 20) * 10,
                              k=rng.randint(2, 10))
                base.update(
                    title=f"复工复产申请 {planned.isoformat()}", status=status,
                    period_start=planned, period_end=None, areas=[],
                    worker_ids=[w["id"] for w in roster],
                    details={"capacity": f"复工后产能恢复至{rng.randint(60, 95)}%",
                             "addressee": "县复工复产工作领导小组",
                             "materials": [{"item": item, "quantity": q.format(**values),
                                            "stock": q.format(**values), "note": ""}
                                           for item, q in _MATERIALS],
                             "measures": [{"text": m, "done": True}
                                          for m in apps.STANDARD_MEASURES],
                             "commitment": ""},
                    history=_history(rng, ["draft", "printed", "submitted"]
                                     + (["approved"] if status == "approved" else []),
                                     applied, officer))
            else:
                chosen_workers = rng.sample(roster, k=max(1, len(roster) * rng.randint(4, 10)
                                                          // 10)) if roster else []
                start = applied + dt.timedelta(days=1)
                end = start + dt.timedelta(days=rng.choice((90, 120, 180)))
                status = "draft" if kind_name == "draft" else "approved"
                base.update(
                    title=f"通行证申请（{len(chosen_workers)}人）", status=status,
                    period_start=start, period_end=end,
                    areas=["厂区", f"{ent['town']}至厂区通勤道路"],
                    worker_ids=[w["id"] for w in chosen_workers],
                    details={"reason": "员工上下班通勤及厂区出入"},
                    history=_history(rng, ["draft"] if status == "draft"
                                     else ["draft", "printed", "submitted", "approved"],
                                     applied, officer))
                if status == "approved":
                    for w in sorted(chosen_workers, key=lambda w: (
                            w["workshop"], w["post"], w["name"], w["id"])):
                        pass_seq += 1
                        pass_no = f"{DEMO_PASS_TAG}-{pass_seq:06d}"
                        code = pass_codes.sign(pass_codes.make_code(
                            pass_no=pass_no, valid_from=start, valid_to=end,
                            holder=pass_checks.holder_of(name=w["name"],
                                                         id_number=w["id_number"]),
                            unit=ent["name"]), private_key=key)
                        passes.append(dict(
                            id=_new_id(rng), version=0, created_at=stamp, updated_at=stamp,
                            created_by="", deleted=False, application=app_id,
                            enterprise=ent["id"], worker=w["id"], pass_no=pass_no,
                            check_code="", key_id="", valid_from=start, valid_to=end,
                            state="active", revoked_at=None, revoke_reason="", replaces="",
                            holder=code.holder, unit=code.unit, signature=code.signature,
                            sign_key_id=code.key_id))
            applications.append(base)
            docs.append((app_id, SearchDocument(
                kind="application", title=f"{ent['name']} {base['title']}",
                body=base["application_no"], when=applied.isoformat())))
    if passes:
        public = pass_codes.public_bytes(key.public_key())
        _insert(CountyKey, [dict(
            id=_new_id(rng), version=0, created_at=stamp, updated_at=stamp, created_by="",
            deleted=False, key_id=pass_codes.key_id_of(public), public_key=public.hex(),
            retired_on=None)])
    return workers, applications, passes, docs
