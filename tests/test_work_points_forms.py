"""More forms of plan documents: plans named 规划 (中长期规划, 防治规划), 实施意见 and 工作谋划; a notice's long title
that issues a summary and a plan; a body before its title after a colon (卫生部：2012年卫生工作要点); a plan that
names no level but one county; review sections named by 现状 / 形势 / 完成情况; a digest of a 实施意见; a template
site's count of its documents. Sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.work_points.sections import section_role
from pipeline.text.clean import clean_text
from pipeline.text.targets.extract import extract_targets

OUTLINE = "一、加强慢性病筛查\n开展高危人群筛查。\n二、提升基层诊疗能力\n推进家庭医生签约。\n"


def _plans(raw: str, published: str | None = None) -> tuple[dict, str]:
    text = clean_text(raw).text
    return extract_document(text, kind=None, published=published), text


@pytest.mark.parametrize(
    "title",
    [
        "某市防治慢性病中长期规划（2018—2025年）",
        "某县卫生事业发展规划",
        "某县关于加强基层卫生工作的实施意见",
        "某县卫生局未来五年工作谋划",
    ],
)
def test_plans_by_other_names_are_work_points(title: str) -> None:
    payload, _ = _plans(title + "\n" + OUTLINE)
    assert payload["kind"] == "work_points" and len(payload["plans"][0]["tasks"]) == 2


def test_a_long_notice_title_that_issues_a_summary_and_a_plan() -> None:
    notice = (
        "某市爱国卫生运动委员会、某市健康促进委员会关于印发《2006年某市爱国卫生和健康城市工作总结》"
        "和《2007年某市爱国卫生和健康城市工作计划》的通知"
    )
    payload, _ = _plans(notice + "\n各区县爱卫会：\n现将两个文件印发给你们。\n" + OUTLINE)
    [plan] = payload["plans"]
    assert payload["kind"] == "work_points" and plan["work_year"] == 2007


def test_a_body_before_its_title_after_a_colon_is_the_issuer() -> None:
    payload, _ = _plans("卫生部：2012年卫生工作要点\n2012年卫生工作的总体要求是：深化医改。\n" + OUTLINE)
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("national", 2012)


def test_a_plan_that_names_one_county_and_no_level_is_that_countys() -> None:
    payload, _ = _plans("某卫生局工作计划\n今年是庆城县卫生改革的关键一年。\n" + OUTLINE)
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"]) == ("county", "621021") and "level_from_text" in plan["flag"]


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("防治现状及面临形势", "review"),
        ("2007年以来主要工作任务完成情况", "review"),
        ("加强现状调查", None),
        ("主要任务", "tasks"),
    ],
)
def test_review_sections_by_their_names(heading: str, role: str | None) -> None:
    assert section_role(heading) == role


def test_a_digest_of_an_implementing_opinion_states_its_plan() -> None:
    payload, text = _plans(
        "某县出台加强爱国卫生工作实施意见\n近日，某县出台《关于进一步加强爱国卫生工作的实施意见》。"
        "《意见》明确，深入开展城乡环境卫生整洁行动，加快农村改厕步伐，加强病媒生物防制。",
        "2018-05-02",
    )
    [plan] = payload["plans"]
    assert [text[t["start"] : t["end"]][:4] for t in plan["tasks"]] == ["深入开展", "加快农村", "加强病媒"]


def test_a_template_sites_count_of_its_documents_is_no_target() -> None:
    assert [(t.value, t.unit) for t in extract_targets("村卫生室年度工作计划（通用30篇），全年发表论文30篇。")] == [
        (30.0, "篇")
    ]


def test_a_goals_section_of_measures_gives_tasks_and_one_of_levels_none() -> None:
    head = "某市疾病预防控制中心2024年工作计划\n一、指导思想\n坚持预防为主。\n二、主要工作目标\n"
    measures, text = _plans(head + "（一）加强干部队伍建设，完成中层竞聘。\n（二）积极做好免疫规划工作。\n三、保障措施\n加强领导。\n")
    [plan] = measures["plans"]
    assert [text[t["start"] : t["end"]][:6] for t in plan["tasks"]] == ["加强干部队伍", "积极做好免疫"]
    assert "goals_section_of_measures" in plan["flag"]
    levels, _ = _plans(head + "（一）到2024年底，适龄儿童免疫规划疫苗接种率达到95%以上。\n（二）法定传染病报告率达到100%。\n")
    assert levels["plans"] == [] or levels["plans"][0]["tasks"] == []


def test_quanqu_is_a_districts_scope_unless_an_autonomous_region_is_named() -> None:
    district, _ = _plans("2010年爱国卫生工作计划\n为提高全区居民健康素质，制定本计划。\n" + OUTLINE)
    assert district["plans"][0]["level"] == "county"
    region, _ = _plans("2010年爱国卫生工作计划\n为提高全区各族群众健康素质，按照自治区要求，制定本计划。\n" + OUTLINE)
    assert region["plans"][0]["level"] != "county"
