"""Plans stated outside a meeting report (pipeline.parse.announced, new_year): sentences written for the test.

New evidence that a text states a plan: a speaker's counted requirements (提出三点要求：一是…), the work ahead of an
answer (下一步我们将开展以下工作：一是…), a count of items and a colon (十件实事包括：（一）…), and a new-year address
whose authority is named in its greeting (我谨代表…卫生健康委员会) rather than in its head lines.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.announced import announced_statement
from pipeline.parse.new_year import new_year_address
from pipeline.text.clean import clean_text


def _plan(raw: str, published: str | None = None) -> dict:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=published)
    assert payload["kind"] == "plan_statement", payload["kind"]
    [plan] = payload["plans"]
    return plan


@pytest.mark.parametrize(
    ("raw", "n_tasks", "first"),
    [
        (
            "永安县部署今年卫生工作\n副县长李华对今年卫生工作提出三点要求：一是明确责任，要落实服务大局的责任；"
            "二是突出重点，要全力推进医药卫生体制改革；三是加强协作，要加大财政投入。",
            3,
            "明确责任",
        ),
        (
            "市卫生健康委主任王明就做好全年工作提出了四条意见：第一，加强基层服务能力建设；第二，推进公立医院改革；"
            "第三，做好传染病防控；第四，改进机关作风。",
            4,
            "加强基层服务能力建设",
        ),
        (
            "记者：2025年市卫生健康委在托育服务方面有哪些举措？\n王明：下一步我们将开展以下工作：\n"
            "一是加强托育服务。新增托位3000个，扩大普惠托育服务供给。\n二是提升基层服务能力。建设社区嵌入式托育机构20家。"
            "\n三是开展家长养育指导。举办讲座100场。",
            3,
            "加强托育服务",
        ),
        (
            "国家卫生健康委决定2025年在全国组织实施一批为民服务实事。五项实事包括：\n（一）新增500个县提供心理门诊服务。\n"
            "（二）推进检查检验结果互认。\n（三）新增普惠托位10万个。\n（四）开展健康科普进社区。\n（五）提供周末疫苗接种服务。",
            5,
            "新增500个县提供心理门诊服务",
        ),
    ],  # fmt: skip
)
def test_new_evidence_of_a_plan_stated_outside_a_meeting(raw: str, n_tasks: int, first: str) -> None:
    plan = _plan(raw, "2025-03-01")
    assert len(plan["tasks"]) == n_tasks
    assert plan["tasks"][0]["text"].startswith(first)


def test_a_count_of_items_with_a_colon_reads_a_national_plan_of_its_year() -> None:
    raw = (
        "国家卫生健康委决定2025年在全国组织实施一批为民服务实事。三件实事包括：\n（一）新增500个县提供心理门诊服务。\n"
        "（二）推进检查检验结果互认。\n（三）新增普惠托位10万个。"
    )
    plan = _plan(raw)
    assert (plan["level"], plan["work_year"]) == ("national", 2025)


@pytest.mark.parametrize(
    "raw",
    [
        # a review of what was done, with a count (no requirements, no work ahead)
        "2024年，市卫生健康委取得三项成绩：一是建成胸痛中心；二是通过国家评审；三是完成了医院改扩建。",
        # 下一步 of a timetable that says when, not what (将于)
        "下一步，市卫生健康委将于3月召开新闻发布会。",
        # a count sizing something other than a list of work (三件套包括：…)
        "这款产品的三件套包括：杯子、盘子和勺子。",
    ],
)
def test_near_misses_state_no_plan(raw: str) -> None:
    assert announced_statement(clean_text(raw).text, date(2025, 3, 1)) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "踔厉奋发新征程——2025年新春贺词\n作者：市卫健委办公室\n"
            "日月其迈，时盛岁新。值此新春佳节来临之际，我谨代表宣城市卫生健康委员会向社会各界致以衷心的感谢！",
            ("municipal", "341800", 2025),
        ),
        (
            "新年贺词\n来源：县卫健局\n值此辞旧迎新之际，谨代表竹溪县卫生健康局党组，向全县卫生健康工作者致以新年祝福！",
            ("county", "420324", 2026),
        ),
    ],  # fmt: skip
)
def test_a_new_year_address_whose_greeting_names_the_authority(raw: str, expected: tuple) -> None:
    plan = _plan(raw, "2025-12-30")
    assert (plan["level"], plan["region_code"], plan["work_year"]) == expected


def test_a_hospitals_greeting_makes_no_health_authoritys_address() -> None:
    raw = "2025年新春贺词\n作者：院办\n值此新春佳节来临之际，我谨代表市人民医院向全院职工致以新春的祝福！"
    assert new_year_address(clean_text(raw).text, date(2025, 1, 20)) is None


# --- the last resort: a plan found by its evidence (pipeline.parse.evidence) ------------------------------------


@pytest.mark.parametrize(
    ("raw", "level", "region", "year", "flag", "first"),
    [
        (
            "2026年\n政府工作报告\n卫生健康工作重点\n实施医疗卫生强基工程，推进紧密型县域医共体建设。\n"
            "深化公立医院改革，完善薪酬制度。\n加强疾病预防控制体系建设。\n健全社会救助体系\n提高城乡低保标准。",
            "national",
            None,
            2026,
            "plan_from_year_heading",
            "实施医疗卫生强基工程",
        ),
        (
            "2024年洛阳市卫生健康重点工作\n来源：市卫生健康委\n推进国家区域医疗中心建设，提升县级医院能力。\n"
            "实施基层卫生服务能力提升行动。\n做好传染病监测预警，完善应急处置机制。",
            "municipal",
            "410300",
            2024,
            "plan_from_year_heading",
            "推进国家区域医疗中心建设",
        ),
        (
            "据新华社电 浙江省人民政府办公厅日前印发《浙江省2025年卫生健康重点工作任务》，提出在全省推进县域医共体建设，"
            "完善分级诊疗制度，扩大家庭医生签约服务覆盖面。",
            "provincial",
            "330000",
            2025,
            "plan_from_issued_document",
            "完善分级诊疗制度",
        ),
    ],  # fmt: skip
)
def test_a_plan_found_by_its_evidence(
    raw: str, level: str, region: str | None, year: int, flag: str, first: str
) -> None:
    plan = _plan(raw)
    assert (plan["level"], plan["region_code"], plan["work_year"]) == (level, region, year)
    assert flag in plan["flag"].split(";")
    assert any(task["text"].startswith(first) for task in plan["tasks"])
    assert len(plan["tasks"]) >= 2


def test_a_heading_of_another_field_ends_the_lines_of_the_plan() -> None:
    raw = (
        "2026年\n政府工作报告\n卫生健康工作重点\n实施医疗卫生强基工程。\n深化公立医院改革。\n加强疾病预防控制体系建设。\n"
        "健全社会救助体系\n提高城乡低保标准。"
    )
    plan = _plan(raw)
    assert not any("低保" in task["text"] for task in plan["tasks"])


def test_a_year_summary_over_lines_that_report_what_was_done_states_no_plan() -> None:
    raw = "2024年工作总结\n卫生健康工作重点\n完成了县医院新院区建设。\n建成胸痛中心和卒中中心。\n开展了健康义诊活动。"
    payload = extract_document(clean_text(raw).text, kind=None, published=None)
    assert (payload["kind"], payload["kind_flag"]) == ("other", "summary_without_plan")  # its title says so


@pytest.mark.parametrize(
    "raw",
    [
        # a year and directive lines, but no word of the year's work in the head
        "2024年国际护士节\n加强护理队伍建设。\n提升护理服务质量。\n推进优质护理服务。",
        # two directive lines only
        "2025年重点工作\n深化医改。\n加强基层。",
        # a document issued that is no plan of a year's work
        "市卫生健康委日前印发《2025年医疗机构管理办法》，提出加强医疗机构监管，规范诊疗行为，完善考核制度。",
        # a plan document issued without its measures
        "国务院办公厅日前印发《深化医药卫生体制改革2016年重点工作任务》。",
    ],
)
def test_texts_without_the_evidence_state_no_plan(raw: str) -> None:
    payload = extract_document(clean_text(raw).text, kind=None, published=None)
    assert payload["kind"] == "other"
    assert "no_plan_evidence" in payload["kind_flag"]
