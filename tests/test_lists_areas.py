"""A plan written as one enumeration of areas of work (围绕A、B、C等方面，深化合作): each area is a task when most
are written as work, only when the text holds no other list. Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists import list_tasks
from pipeline.text.clean import clean_text


def _titles(text: str) -> list[str]:
    text = clean_text(text).text
    tasks = list_tasks(text, 0, len(text))
    for task in tasks:
        assert text[task["start"] : task["end"]] == task["text"]
    return [task["title"] for task in tasks]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "会议强调，要围绕共建区域医疗中心、建立急救转运协作机制、推动检查结果互认等方面，进一步深化合作。",
            ["共建区域医疗中心", "建立急救转运协作机制", "推动检查结果互认"],
        ),
        (  # another opener and closer, a noun-led area among verb-led ones, a county-level agreement
            "两县卫生健康局商定，今年将聚焦健全医共体协作网、基层人才培训、推进远程会诊全覆盖、强化疫情联防联控等重点领域，开展合作。",
            ["健全医共体协作网", "基层人才培训", "推进远程会诊全覆盖", "强化疫情联防联控"],
        ),
        (
            "下一步，三省将在完善信息共享机制、培养中医药人才、开展联合应急演练等方面加强协作。",
            ["完善信息共享机制", "培养中医药人才", "开展联合应急演练"],
        ),
    ],
)
def test_the_areas_of_a_deploying_enumeration_are_the_tasks(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    "text",
    [
        # fields, not work: no area is led by a verb
        "会议要求，要在疾病防控、医疗服务、卫生应急、人才科技等方面继续加强协作。",
        # what was exchanged: a review of work done
        "会上，各方交流了深化医改、提升基层服务能力、推进中医药发展等方面工作情况。",
        "去年，两地围绕推进检查结果互认、建立专家共享机制、开展联合培训等方面取得了明显成效。",
        # two areas are not a list
        "会议要求，围绕建立协作机制、推动资源共享等方面深化合作。",
    ],
)
def test_no_list_of_areas_in_fields_review_or_too_short_an_enumeration(text: str) -> None:
    assert _titles(text) == []


def test_another_list_in_the_text_wins_over_the_areas() -> None:
    text = (
        "会议要求，要围绕共建区域医疗中心、建立转运协作机制、推动结果互认等方面深化合作。"
        "一是加强组织领导。二是完善工作机制。三是强化督导考核。"
    )
    assert _titles(text) == ["加强组织领导", "完善工作机制", "强化督导考核"]


def test_a_joint_meeting_of_regions_gets_one_plan_with_its_areas_as_tasks() -> None:
    raw = (
        "近日，2025年西南四省(区)卫生健康领域合作机制联席会议在四川省成都市召开。\n"
        "会议指出，要全面贯彻卫生健康工作方针，围绕推动优质医疗资源共享、建立重大疫情联防联控机制、健全急救转运协作网、"
        "深化中医药交流合作等方面，进一步深化合作。"
    )
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    [plan] = payload["plans"]
    assert plan["region_code"] is None and plan["work_year"] == 2025
    assert [task["title"] for task in plan["tasks"]] == [
        "推动优质医疗资源共享",
        "建立重大疫情联防联控机制",
        "健全急救转运协作网",
        "深化中医药交流合作",
    ]
    assert {task["flag"] for task in plan["tasks"]} == {"list_area_enumeration"}
