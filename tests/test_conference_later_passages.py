"""A conference report that deploys in more than one passage: every cue-led passage after the report's list is read
as the announced-plan reader reads one (pipeline.parse.conference.passages), not review passages, not a closing
paragraph of attitudes, not a summary of the list. Every sentence here is written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

_MEETING = "3月5日，市卫生健康委召开2024年全市卫生健康工作会议，总结2023年工作，部署2024年重点任务。"
_REQUIREMENTS = (
    "会议要求，一是要深化医药卫生体制改革，推进紧密型县域医共体建设；二是要加强公共卫生体系建设，做好重点传染病防控；"
    "三是要提升基层医疗卫生服务能力。"
)


def _plan(*paragraphs: str) -> dict[str, Any]:
    cleaned = clean_text("\n".join([_MEETING, *paragraphs]))
    [plan] = extract_document(cleaned.text, kind=None, published=None, source=None)["plans"]
    return plan


def _titles(plan: dict[str, Any]) -> list[str]:
    return [task["title"] for task in plan["tasks"]]


_ATTITUDES = "会议要求：统一思想，明确目标，全力推进健康城市建设；加强协作，压实责任，确保各项工作落地见效。"


@pytest.mark.parametrize(
    "later",
    [
        "新的一年，全市卫生健康系统将重点抓好以下工作。完善分级诊疗制度，推进智慧医院建设，加强妇幼健康服务，提升中医药服务能力。",
        "2024年，全县卫生健康系统将完善分级诊疗制度，推进智慧医院建设，加强妇幼健康服务，提升中医药服务能力。",
    ],
)
def test_a_later_passage_setting_out_the_years_work_adds_its_items(later: str) -> None:
    plan = _plan(_ATTITUDES, later)
    titles = _titles(plan)
    first = _titles(_plan(_ATTITUDES))  # 全力推进健康城市建设 (加强协作，压实责任，确保各项工作落地见效 names no work)
    assert titles[: len(first)] == first
    assert titles[len(first) :] == ["完善分级诊疗制度", "推进智慧医院建设", "加强妇幼健康服务", "提升中医药服务能力"]
    assert "tasks_from_later_passage" in plan["flag"]
    assert [t["ordinal"] for t in plan["tasks"]] == list(range(1, len(titles) + 1))


def test_a_second_requirements_passage_with_its_count_adds_its_items() -> None:
    plan = _plan(
        _REQUIREMENTS,
        "会议还部署了三项重点工作：实施健康乡村行动，巩固家庭医生签约服务，加快全民健康信息平台建设。",
    )
    titles = _titles(plan)
    assert any(t.startswith("实施健康乡村行动") for t in titles)
    assert any(t.startswith("加快全民健康信息平台建设") for t in titles)


def test_a_review_list_then_a_deploy_list_gives_the_deploy_items_only() -> None:
    plan = _plan(
        "会议指出，2023年全市卫生健康工作取得显著成效：一是医改持续深化，医共体实现全覆盖；"
        "二是公共卫生体系不断完善，重大疫情得到有效处置；三是基层服务能力明显提升。",
        _REQUIREMENTS,
    )
    titles = _titles(plan)
    assert any("深化医药卫生体制改革" in t for t in titles)
    assert not any("医改持续深化" in t or "显著成效" in t for t in titles)


def test_a_closing_paragraph_of_attitudes_adds_no_task() -> None:
    without = _plan(_REQUIREMENTS)
    plan = _plan(
        _REQUIREMENTS,
        "会议强调，新的一年，全市卫生健康系统要进一步统一思想，提高站位，振奋精神，以更加饱满的热情和务实的作风，"
        "奋力开创卫生健康事业高质量发展新局面。",
    )
    assert _titles(plan) == _titles(without)
    assert "tasks_from_later_passage" not in plan["flag"]


def test_a_later_passage_that_reviews_adds_no_task() -> None:
    without = _plan(_REQUIREMENTS)
    plan = _plan(
        _REQUIREMENTS,
        "过去一年工作回顾：",
        "2023年，全市卫生健康系统将医共体建设作为重点，完善了分级诊疗制度，推进了智慧医院建设，加强了妇幼健康服务。",
    )
    assert _titles(plan) == _titles(without)


def test_a_later_passage_set_in_the_year_before_reviews_and_adds_no_task() -> None:
    without = _plan(_ATTITUDES)
    plan = _plan(
        _ATTITUDES,
        "会议指出，刚刚过去的2023年是全市卫生健康事业具有重要意义的一年。全市卫生健康系统紧盯群众健康需求，把握形势变化，"
        "狠抓工作落实，推动卫生健康事业持续向前发展。",
    )
    assert _titles(plan) == _titles(without)


def test_a_requirements_passage_after_the_meetings_own_list_adds_its_items() -> None:
    plan = _plan(
        "会议强调，要重点抓好四项工作：（一）深化医药卫生体制改革；（二）加强公共卫生体系建设；（三）提升基层服务能力；"
        "（四）推进中医药传承创新。",
        "会议还要求，2024年，全市各医疗卫生单位要加强医疗质量管理，开展改善就医感受提升患者体验行动，"
        "推进卫生健康信息化建设，做好安全生产工作。",
    )
    titles = _titles(plan)
    assert titles[:4] == ["深化医药卫生体制改革", "加强公共卫生体系建设", "提升基层服务能力", "推进中医药传承创新"]
    assert titles[4:] == ["加强医疗质量管理", "开展改善就医感受提升患者体验行动", "推进卫生健康信息化建设", "做好安全生产工作"]
