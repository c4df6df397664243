"""Every form builds a PDF whose extracted text carries the filled values, Chinese included,
the page footer, and only masked numbers on lists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import form_samples as s
import pytest
from conftest import compact, pdf_pages, pdf_text

from liaison_app.forms.registry import FORMS, build_form, form_spec

SAMPLES = {
    "visit_record": (
        s.visit,
        [
            "走访记录单",
            "山东德润新材料科技有限公司",
            "现场办公",
            "二期厂房用电增容手续办理慢",
            "协调供电公司现场勘查并出具供电方案",
            "2024年3月8日",
            "企业负责人（签字）",
            "联络员（签字）",
            "张㛃",
        ],
    ),
    "worker_roster": (
        s.roster,
        ["员工花名册", "聚合车间", "质检员", "夜班", "按车间统计", "李㛃", "合计"],
    ),
    "pass_application": (
        s.pass_application,
        [
            "通行证申请表",
            "TXZ-2024-0107",
            "2024年2月21日至2024年3月20日",
            "县城至园区通勤线路",
            "申请人员名单",
            "王䶮",
        ],
    ),
    "pass_cards": (
        s.pass_cards,
        [
            "通行证",
            "371082-2024-000001",
            "刘芳",
            "2024.02.21—2024.03.20",
            "岗位：聚合车间/班组长",
        ],
    ),
    "reopening_application": (
        s.reopening,
        [
            "复工复产申请表",
            "2024年2月25日",
            "226人",
            "176人",
            "医用外科口罩",
            "设置临时隔离观察室",
            "承诺书",
            "日上报、日调度",
            "返岗人员花名册",
        ],
    ),
    "procedure_application": (
        s.procedure_application,
        [
            "代办事项申请表",
            "年产5万吨水性树脂二期项目",
            "公路道路开口许可",
            "县交通运输局",
            "安全评价报告",
            "3.2亿元",
        ],
    ),
    "power_of_attorney": (
        s.power_of_attorney,
        [
            "代办委托书",
            "某某县企业服务中心李明、张㛃",
            "环境影响评价审批",
            "2024年9月30日",
            "特此委托",
        ],
    ),
    "dispatch_sheet": (
        s.dispatch_sheet,
        [
            "问题交办单",
            "JB-2024-0213",
            "县供电公司",
            "县发展和改革局、经济开发区管委会",
            "2024年3月19日",
            "陈静",
        ],
    ),
    "proxy_service_record": (
        s.proxy_service_record,
        ["代办服务记录单", "较常规18天节约15天", "市生态环境局某某分局", "办理中", "15"],
    ),
    "proxy_public_list": (
        s.proxy_public_list,
        ["2024年上半年代办情况公示", "冷链仓储中心项目", "供水接入、供热接入", "2024.4.3"],
    ),
    "letter_register": (
        s.letter_register,
        [
            "直通车登记簿",
            "ZTC-2024-001",
            "县委书记",
            "冷链仓储项目用地指标不足",
            "2024.3.20",
            "孙丽",
        ],
    ),
    "daily_summary": (
        s.daily_summary,
        ["复工复产日报核查统计表", "2024年3月5日", "镇（街道）", "经济开发区街道", "合计", "61234",
         "+321", "连续两日及以上未报企业（2家）", "鲁西𠮷祥化工有限公司河口镇3",
         "报告异常的企业（1家）"],
    ),
    "satisfaction_sheet": (
        s.satisfaction_sheets,
        ["满意度测评表", "2024年上半年企业满意度测评（2024年6月18日）", "山东德润新材料科技有限公司",
         "某某县王䶮食品有限公司", "县自然资源和规划局", "91371082775260043P", "代办手续及解决问题",
         "评分（满分20）", "不了解/不适用", "意见和建议", "企业负责人（签字）", "企业（盖章）",
         "No.S00001"],
    ),
    "phone_invitations": (
        s.phone_invitations,
        ["手机评分邀请", "2024年上半年企业满意度测评（2024年6月18日）", "山东德润新材料科技有限公司",
         "某某县王䶮食品有限公司", "县自然资源和规划局", "只能提交一次", "匿名测评",
         "https://pj.example.cn/p/"],
    ),
    "evaluation_report": (
        s.evaluation_report,
        ["2024年上半年企业满意度测评结果通报", "参评率93.5%", "县自然资源和规划局",
         "91.2", "施工许可办理时间偏长", "2024年6月25日"],
    ),
}

ID_AND_PHONE = [(w.id_number, w.phone) for w in s.WORKERS]
LIST_FORMS = ["worker_roster", "pass_application", "reopening_application", "pass_cards"]


def test_every_registered_form_has_a_sample() -> None:
    assert {f.form_id for f in FORMS} == set(SAMPLES)
    assert len({f.title_zh for f in FORMS}) == len(FORMS)


@pytest.mark.parametrize("form_id", sorted(SAMPLES))
def test_form_prints_its_values_and_page_footer(form_id: str, tmp_path: Path) -> None:
    make, expected = SAMPLES[form_id]
    out = tmp_path / f"{form_id}.pdf"
    result = build_form(form_id, make(), out=out)
    pages = pdf_pages(out)
    assert result.pages == len(pages) >= 1
    text = compact("\n".join(pages))
    for value in expected:
        assert compact(value) in text, f"{value!r} missing from {form_id}"
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in compact(page)


def test_build_accepts_a_binary_file(tmp_path: Path) -> None:
    out = tmp_path / "visit.pdf"
    with out.open("wb") as fh:
        build_form("visit_record", s.visit(), out=fh)
    assert "走访记录单" in pdf_text(out)


@pytest.mark.parametrize("form_id", LIST_FORMS)
def test_lists_carry_only_masked_numbers(form_id: str, tmp_path: Path) -> None:
    out = tmp_path / f"{form_id}.pdf"
    build_form(form_id, SAMPLES[form_id][0](), out=out)
    text = compact(pdf_text(out))
    for id_number, phone in ID_AND_PHONE:
        assert id_number not in text and id_number[6:14] not in text
        assert phone not in text
    assert "110105********002X" in text
    if form_id != "pass_cards":
        assert "138****1234" in text


@pytest.mark.parametrize("form_id", ["worker_roster", "pass_application", "reopening_application"])
def test_unmasked_print_shows_full_numbers(form_id: str, tmp_path: Path) -> None:
    out = tmp_path / f"{form_id}.pdf"
    result = build_form(form_id, SAMPLES[form_id][0](), out=out, unmasked=True)
    assert result.unmasked
    text = compact(pdf_text(out))
    for id_number, phone in ID_AND_PHONE:
        assert id_number in text and phone in text
    assert "仅供审批机关使用" in text


def test_power_of_attorney_masks_agent_ids_unless_asked(tmp_path: Path) -> None:
    out = tmp_path / "poa.pdf"
    build_form("power_of_attorney", s.power_of_attorney(), out=out)
    assert "371082198507150031" not in compact(pdf_text(out))
    assert "371082********0031" in compact(pdf_text(out))
    build_form("power_of_attorney", s.power_of_attorney(), out=out, unmasked=True)
    assert "371082198507150031" in compact(pdf_text(out))


def test_registry_refuses_unmasked_passes_and_wrong_data(tmp_path: Path) -> None:
    assert not form_spec("pass_cards").may_carry_full_id
    with pytest.raises(ValueError):
        build_form("pass_cards", s.pass_cards(), out=tmp_path / "p.pdf", unmasked=True)
    with pytest.raises(ValueError):
        build_form("visit_record", s.roster(), out=tmp_path / "v.pdf")
    with pytest.raises(KeyError):
        form_spec("no_such_form")


def test_long_roster_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    result = build_form("worker_roster", s.roster(s.synthetic_workers(150)), out=out)
    pages = pdf_pages(out)
    assert result.pages == len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        text = compact(page)
        assert f"第{number}页共{len(pages)}页" in text
        if number < len(pages):
            assert "序号姓名身份证号手机车间岗位班次" in text
    # The signatures share their page with the note they close.
    assert "已作脱敏处理" in compact(pages[-1]) and "负责人（签字）" in compact(pages[-1])
    assert "150" in "".join(compact(p) for p in pages[-2:])


def test_forms_import_no_qt() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import liaison_app.forms.registry, liaison_app.core.masking\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_daily_summary_prints_landscape_and_repeats_its_header(tmp_path: Path) -> None:
    import pypdf

    out = tmp_path / "daily.pdf"
    result = build_form("daily_summary", s.daily_summary(officers=60), out=out)
    pages = pdf_pages(out)
    assert result.pages == len(pages) >= 2
    for page in pypdf.PdfReader(str(out)).pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    listing = [compact(p) for p in pages if "联络员0" in compact(p)]
    assert len(listing) >= 2
    for page in listing:
        assert "联络员应报企业数已报其中迟报未报报送率在岗人数较前一日增减异常企业数" in page
    assert "联络员060" in listing[-1] and "合计" in listing[-1]
