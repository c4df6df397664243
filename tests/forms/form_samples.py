"""Realistic Chinese sample data for the form tests and the benchmark."""

from __future__ import annotations

from datetime import date, datetime

from liaison_app.core.pass_codes import make_code
from liaison_app.forms.data import (
    AgentPerson,
    ChecklistItem,
    DailySummaryData,
    DailySummaryRow,
    DispatchSheetData,
    EnterpriseInfo,
    EvaluationReportData,
    FollowUpAction,
    LetterEntry,
    LetterRegisterData,
    MaterialNeed,
    PassApplicationData,
    PassCard,
    PassCardsData,
    PhoneInvitation,
    PhoneInvitationsData,
    PowerOfAttorneyData,
    ProcedureApplicationData,
    ProcedureItem,
    ProxyPublicEntry,
    ProxyPublicListData,
    ProxyServiceRecordData,
    ReopeningApplicationData,
    ReportTable,
    SatisfactionSheet,
    SatisfactionSheetsData,
    VisitRecordData,
    WorkerEntry,
    WorkerRosterData,
    WorkshopHeadcount,
)

ENTERPRISE = EnterpriseInfo(
    name="山东德润新材料科技有限公司",
    uscc="91371082775260043P",
    town="经济开发区",
    park="新材料产业园",
    address="山东省德州市某某县经济开发区创业大道18号",
    industry="化工新材料",
    legal_representative="赵国栋",
    contact_person="王䶮",
    contact_phone="0534-1234567",
    employees=326,
)

# Valid GB 11643 numbers (check characters computed) and plausible phones.
WORKERS = (
    WorkerEntry("张伟", "11010519491231002X", "13812341234", "聚合车间", "操作工", "白班"),
    WorkerEntry("李㛃", "360426199101010071", "15966668888", "聚合车间", "班组长", "夜班"),
    WorkerEntry("王䶮", "370101198803150018", "13705341111", "包装车间", "包装工", "白班"),
    WorkerEntry("刘芳", "371082199512070025", "18653426677", "质检中心", "质检员", "白班"),
)

OFFICE = "某某县企业服务中心"


def synthetic_workers(count: int) -> tuple[WorkerEntry, ...]:
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
    given = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰")
    shops = ("聚合车间", "包装车间", "机修车间", "质检中心", "仓储物流部")
    posts = ("操作工", "班组长", "包装工", "维修工", "质检员", "叉车司机")
    return tuple(
        WorkerEntry(
            name=surnames[i % len(surnames)] + given[(i // 7) % len(given)],
            id_number=f"371082{1970 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}X",
            phone=f"13{5 + i % 5}{i:08d}",
            workshop=shops[i % len(shops)],
            post=posts[(i // 3) % len(posts)],
            shift=("白班", "夜班", "中班")[i % 3],
        )
        for i in range(count)
    )


def visit() -> VisitRecordData:
    return VisitRecordData(
        enterprise=ENTERPRISE,
        visited_at=datetime(2024, 3, 5, 9, 30),
        officers=("李明", "张㛃"),
        kind="现场办公",
        place="企业三楼会议室",
        participants=("县发改局 刘洋", "县供电公司 孙浩", "企业办公室主任 王䶮"),
        summary="了解企业一季度生产经营情况。\n企业二期项目已完成主体建设，计划5月投产，"
        "目前用电负荷不足，需增容至4000千伏安。",
        problems=("二期厂房用电增容手续办理慢", "员工通勤班车不足，夜班下班无车"),
        actions=(
            FollowUpAction("协调供电公司现场勘查并出具供电方案", date(2024, 3, 8), "李明"),
            FollowUpAction("对接县交通运输局增开园区夜班公交", date(2024, 3, 15), "张㛃"),
        ),
        record_no="ZF-2024-0031",
        organisation=OFFICE,
    )


def roster(workers: tuple[WorkerEntry, ...] = WORKERS) -> WorkerRosterData:
    return WorkerRosterData(enterprise=ENTERPRISE, workers=workers, as_of=date(2024, 2, 20))


def pass_application(workers: tuple[WorkerEntry, ...] = WORKERS) -> PassApplicationData:
    return PassApplicationData(
        enterprise=ENTERPRISE,
        period_start=date(2024, 2, 21),
        period_end=date(2024, 3, 20),
        areas=("经济开发区", "新材料产业园", "县城至园区通勤线路"),
        workers=workers,
        application_no="TXZ-2024-0107",
        reason="企业复工复产，返岗员工上下班往返居住地与厂区。",
        applied_on=date(2024, 2, 20),
        organisation=OFFICE,
    )


def pass_cards(workers: tuple[WorkerEntry, ...] = WORKERS) -> PassCardsData:
    cards = tuple(
        PassCard(
            pass_no=f"371082-2024-{i:06d}",
            check_code=f"{(i * 7919) % 100000:05d}K",
            name=w.name,
            enterprise_name=ENTERPRISE.name,
            valid_from=date(2024, 2, 21),
            valid_to=date(2024, 3, 20),
            workshop=w.workshop,
            post=w.post,
            id_number=w.id_number,
            plate=f"鲁H·{i:05d}" if i % 2 else "",
            qr_text=make_code(pass_no=f"371082-2024-{i:06d}", valid_from=date(2024, 2, 21),
                              valid_to=date(2024, 3, 20), holder=w.name,
                              unit=ENTERPRISE.name).text,
            provisional=True,
        )
        for i, w in enumerate(workers, start=1)
    )
    return PassCardsData(cards=cards, issuer="某某县")


def reopening(workers: tuple[WorkerEntry, ...] = WORKERS) -> ReopeningApplicationData:
    return ReopeningApplicationData(
        enterprise=ENTERPRISE,
        planned_date=date(2024, 2, 25),
        headcount=(
            WorkshopHeadcount("聚合车间", 120, 96, "操作工、班组长"),
            WorkshopHeadcount("包装车间", 80, 60, "包装工、叉车司机"),
            WorkshopHeadcount("质检中心", 26, 20, "质检员"),
        ),
        capacity="复工首周恢复至设计产能的60%，3月中旬达产。",
        material_needs=(
            MaterialNeed("医用外科口罩", "6000只", "1500只", "每人每班2只"),
            MaterialNeed("丙烯酸甲酯", "300吨", "80吨", "需协调运输通行"),
        ),
        measures=(
            ChecklistItem("成立疫情防控工作领导小组，明确防控责任人", True),
            ChecklistItem("返岗人员逐一登记，建立健康监测台账", True),
            ChecklistItem("设置临时隔离观察室", False),
            ChecklistItem("厂区实行封闭管理，出入口测温登记", True),
            ChecklistItem("食堂错峰就餐、分餐制", False),
        ),
        workers=workers,
        application_no="FG-2024-0058",
        applied_on=date(2024, 2, 20),
        organisation=OFFICE,
    )


GATE_ITEM = ProcedureItem(
    name="公路道路开口许可",
    department="县交通运输局",
    documents=("申请书", "设计图纸", "安全评价报告"),
    submitted_on=date(2024, 4, 1),
    approved_on=date(2024, 4, 3),
    usual_days=18,
    status="已办结",
)
EIA_ITEM = ProcedureItem(
    name="环境影响评价审批",
    department="市生态环境局某某分局",
    documents=("环评报告书", "公示材料"),
    submitted_on=date(2024, 4, 2),
    usual_days=30,
    status="办理中",
)


def procedure_application() -> ProcedureApplicationData:
    return ProcedureApplicationData(
        enterprise=ENTERPRISE,
        project_name="年产5万吨水性树脂二期项目",
        items=(GATE_ITEM, EIA_ITEM),
        application_no="DB-2024-0012",
        project_location="经济开发区创业大道北侧",
        investment="3.2亿元",
        description="项目主体已建成，需办理厂区出入口连接省道的道路开口许可及环评审批。",
        officer="李明",
        officer_phone="13953412345",
        applied_on=date(2024, 3, 30),
        organisation=OFFICE,
    )


def power_of_attorney() -> PowerOfAttorneyData:
    return PowerOfAttorneyData(
        enterprise=ENTERPRISE,
        agent_organisation=OFFICE,
        agents=(
            AgentPerson("李明", "371082198507150031", "13953412345", "代办员"),
            AgentPerson("张㛃", "37108219900101002X", "13853498765", "代办员"),
        ),
        project_name="年产5万吨水性树脂二期项目",
        items=("公路道路开口许可", "环境影响评价审批"),
        valid_from=date(2024, 4, 1),
        valid_to=date(2024, 9, 30),
        signed_on=date(2024, 3, 30),
        document_no="WT-2024-0012",
    )


def dispatch_sheet() -> DispatchSheetData:
    return DispatchSheetData(
        request_no="JB-2024-0213",
        enterprise=ENTERPRISE,
        category="供电",
        description="二期厂房需用电增容至4000千伏安，申请已提交一个月未获答复，影响设备调试。",
        accepted_at=datetime(2024, 3, 5, 15, 20),
        lead_department="县供电公司",
        co_departments=("县发展和改革局", "经济开发区管委会"),
        source="走访发现",
        urgency="紧急",
        contact_deadline=date(2024, 3, 6),
        first_reply_deadline=date(2024, 3, 7),
        resolve_deadline=date(2024, 3, 19),
        dispatcher="陈静",
        requirements="请主办单位于1个工作日内联系企业，10个工作日内办结并反馈。",
        organisation=OFFICE,
    )


def proxy_service_record() -> ProxyServiceRecordData:
    return ProxyServiceRecordData(
        case_no="DB-2024-0012",
        enterprise=ENTERPRISE,
        project_name="年产5万吨水性树脂二期项目",
        officer="李明",
        items=(GATE_ITEM, EIA_ITEM),
        officer_phone="13953412345",
        started_on=date(2024, 4, 1),
        finished_on=date(2024, 4, 3),
        progress="道路开口许可3天办结，较常规18天节约15天；环评审批已受理，正在技术评审。",
        days_usual=18,
        days_taken=3,
        organisation=OFFICE,
    )


def proxy_public_list() -> ProxyPublicListData:
    return ProxyPublicListData(
        period="2024年上半年",
        entries=(
            ProxyPublicEntry(
                "山东德润新材料科技有限公司",
                "年产5万吨水性树脂二期项目",
                "公路道路开口许可",
                date(2024, 4, 1),
                date(2024, 4, 3),
                "已办结",
                15,
            ),
            ProxyPublicEntry(
                "某某县鲁北食品有限公司",
                "冷链仓储中心项目",
                "供水接入、供热接入",
                date(2024, 5, 6),
                None,
                "办理中",
                None,
            ),
        ),
        publisher=OFFICE,
        published_on=date(2024, 7, 5),
    )


def letter_register() -> LetterRegisterData:
    return LetterRegisterData(
        entries=(
            LetterEntry(
                "ZTC-2024-001",
                date(2024, 3, 11),
                "山东德润新材料科技有限公司",
                "县长",
                "二期项目用电增容迟迟未落实，请求县领导协调。",
                "已批转县供电公司限期办理，3月19日完成增容。",
                date(2024, 3, 20),
            ),
            LetterEntry(
                "ZTC-2024-002",
                date(2024, 4, 2),
                "某某县鲁北食品有限公司",
                "县委书记",
                "冷链仓储项目用地指标不足。",
            ),
        ),
        period="2024年",
        clerk="孙丽",
        organisation=OFFICE,
    )


def daily_summary(officers: int = 0) -> DailySummaryData:
    """The day's summary by town; with ``officers`` > 0, that many officer lines instead."""
    towns = ["城关街道", "经济开发区街道", "东城街道", "西城街道", "北关镇", "南湖镇", "河口镇",
             "青山镇", "新桥镇"]
    names = [f"联络员{n + 1:03d}" for n in range(officers)] if officers else towns
    rows = tuple(DailySummaryRow(name, 40 + i, 38 + i % 3, i % 2, 2 - i % 3, "95.0%",
                                 1200 + 10 * i, f"+{i}" if i else "0", i % 4)
                 for i, name in enumerate(names))
    return DailySummaryData(
        title="复工复产日报核查统计表", day=date(2024, 3, 5), rows=rows,
        total=DailySummaryRow("合计", 2000, 1960, 12, 40, "98.0%", 61234, "+321", 17),
        by="officer" if officers else "town", organisation=OFFICE,
        long_missing=(("鲁西𠮷祥化工有限公司", "河口镇", 3), ("德州面粉厂", "北关镇", 2)),
        problems=(("山东德润新材料科技有限公司", "经济开发区街道",
                   "口罩等防护物资充足：否；异常情况：" + "口罩只够两天" * 40),))


DIMENSIONS = (("业务水平", 1.0), ("服务态度", 1.0), ("工作效率", 1.0), ("代办手续及解决问题", 1.0),
              ("廉洁自律", 1.0))


def satisfaction_sheets(count: int = 2) -> SatisfactionSheetsData:
    names = ["山东德润新材料科技有限公司", "某某县王䶮食品有限公司"]
    units = ["某某县企业服务中心", "县自然资源和规划局"]
    sheets = tuple(
        SatisfactionSheet(enterprise=names[i % 2], unit=units[i % 2],
                          qr_payload=f"EVAL|round-1|sheet-{i:05d}", sheet_no=f"S{i:05d}",
                          uscc=ENTERPRISE.uscc, town="经济开发区")
        for i in range(count))
    return SatisfactionSheetsData(
        round_name="2024年上半年企业满意度测评", held_on=date(2024, 6, 18),
        dimensions=DIMENSIONS, scale_kind="points", scale_max=20, sheets=sheets,
        organisation=OFFICE)


def phone_invitations(count: int = 3) -> PhoneInvitationsData:
    names = ["山东德润新材料科技有限公司", "某某县王䶮食品有限公司𠮷",
             "某某县经济开发区新型建材与装配式建筑构件生产基地建设运营管理有限责任公司"]
    invitations = tuple(
        PhoneInvitation(enterprise=names[i % 3],
                        url=f"https://pj.example.cn/p/{'Ab3-_x9' * 6}{i:03d}", town="经济开发区")
        for i in range(count))
    return PhoneInvitationsData(
        round_name="2024年上半年企业满意度测评", held_on=date(2024, 6, 18),
        units=("某某县企业服务中心", "县自然资源和规划局"), invitations=invitations,
        anonymous=True, organisation=OFFICE)


def evaluation_report() -> EvaluationReportData:
    return EvaluationReportData(
        round_name="2024年上半年企业满意度测评", held_on=date(2024, 6, 18), organisation=OFFICE,
        summary="本轮测评共邀请 31 家企业，29 家企业参加测评，参评率 93.5%。",
        tables=(ReportTable("一、各单位得分及排名", ("排名", "被测评单位", "总分"),
                            (("1", "县自然资源和规划局", "91.2"),
                             ("2", "某某县企业服务中心", "88.5"))),),
        follow_ups=(("县住房和城乡建设局（山东德润新材料科技有限公司）", "52", "工作效率 8",
                     "施工许可办理时间偏长，希望压缩审批时限。"),),
        issued_on=date(2024, 6, 25))
