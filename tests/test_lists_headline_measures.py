"""In a list of headings (most items open on a headline that is a sentence of one clause: 一是科学精准做好防控工作。),
an item whose headline sentence is followed by a sentence of verb-led comma measures (持续加强监测预警，完善…，加强…。)
has the headline as its task and each measure as a depth-2 task, however long the measures are, under any marker
(一是, 一、, （一）, 一要) and from any parser; a closing purpose or call (为…提供健康保障, 推动…事业高质量发展) is
no measure; a second sentence of review or of reasons, or an aim and its means (坚持以基层为重点，推进…), gives no
children; a list of run-on items keeps each item whole. Sentences written for these tests; extraction only."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists import with_nested_lists
from pipeline.text.clean import clean_text

_MEETING = "3月5日，2025年全市卫生健康工作会议召开。市卫生健康委主任王某作工作报告。\n"


def _tree(body: str) -> list[tuple[str, list[str]]]:
    text = clean_text(_MEETING + body).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    for task in plan["tasks"] + [c for t in plan["tasks"] for c in t["children"]]:
        assert text[task["start"] : task["end"]] == task["text"]
    return [(t["text"][:8], [c["text"] for c in t["children"]]) for t in plan["tasks"]]


_MARKERS = [
    (
        "会议强调，2025年要重点抓好以下工作。一是全力做好传染病防控工作。持续加强监测预警，完善重点人群健康管理和"
        "分级诊疗服务，加强药品和医疗物资储备。二是深化公立医院改革。推进紧密型县域医共体建设，完善现代医院管理制度，"
        "健全公立医院薪酬制度。",
        [
            ["持续加强监测预警", "完善重点人群健康管理和分级诊疗服务", "加强药品和医疗物资储备"],
            ["推进紧密型县域医共体建设", "完善现代医院管理制度", "健全公立医院薪酬制度"],
        ],
    ),
    (
        "会议要求，今年全市要做好四方面工作：\n一、着力提升基层服务能力。推进乡镇卫生院、村卫生室标准化建设，"
        "加强全科医生培养，扩大家庭医生签约服务覆盖面。\n二、加强妇幼健康服务。实施出生缺陷综合防治，"
        "开展适龄妇女“两癌”免费筛查。",
        [
            ["推进乡镇卫生院、村卫生室标准化建设", "加强全科医生培养", "扩大家庭医生签约服务覆盖面"],
            ["实施出生缺陷综合防治", "开展适龄妇女“两癌”免费筛查"],
        ],
    ),
    (
        "会议部署了2024年重点工作。\n（一）抓实疾病预防控制。健全疾控机构与医疗机构协作机制，推进疾控人才队伍建设，"
        "开展慢性病综合防控示范区建设。\n（二）提升中医药服务能力。建设县级中医医院重点专科，推广中医药适宜技术。",
        [
            ["健全疾控机构与医疗机构协作机制", "推进疾控人才队伍建设", "开展慢性病综合防控示范区建设"],
            ["建设县级中医医院重点专科", "推广中医药适宜技术"],
        ],
    ),
    (
        "局长强调，一要抓好医疗质量安全。开展医疗质量安全提升行动，落实医疗质量安全核心制度，严格医院感染防控。"
        "二要抓好卫生应急。完善突发事件应急预案体系，组织开展卫生应急演练，加强应急物资储备。",
        [
            ["开展医疗质量安全提升行动", "落实医疗质量安全核心制度", "严格医院感染防控"],
            ["完善突发事件应急预案体系", "组织开展卫生应急演练", "加强应急物资储备"],
        ],
    ),
]


@pytest.mark.parametrize(("text", "children"), _MARKERS)
def test_the_sentence_after_a_headline_sentence_gives_its_measures(text: str, children: list[list[str]]) -> None:
    assert [kids for _, kids in _tree(text)] == children


@pytest.mark.parametrize(
    "closing",
    ["为全面推进乡村振兴提供健康保障", "推动全市卫生健康事业高质量发展", "促进全县医疗服务高质量发展和群众满意度相统一"],
)
def test_a_closing_purpose_or_call_is_no_measure(closing: str) -> None:
    text = (
        f"会议强调，要做好以下工作。一是巩固基层医疗卫生服务网络。推进村卫生室标准化建设，加强乡村医生队伍建设，"
        f"{closing}。二是提升医院服务能力。加强重点专科建设，推广远程会诊服务，{closing}。"
    )
    assert [kids for _, kids in _tree(text)] == [
        ["推进村卫生室标准化建设", "加强乡村医生队伍建设"],
        ["加强重点专科建设", "推广远程会诊服务"],
    ]


@pytest.mark.parametrize(
    "second",
    [
        "去年全市推进了县乡村一体化管理，完善了乡村医生养老保障政策，取得明显成效。",  # review
        "这是人民群众的期盼，关系到千家万户的健康，关系到社会和谐稳定。",  # reasons
        "坚持以基层为重点，推进优质医疗资源下沉。",  # an aim and its means: one task
    ],
)
def test_a_second_sentence_of_review_reasons_or_an_aim_and_its_means_does_not_split(second: str) -> None:
    text = (
        f"会议强调，要做好以下工作。一是夯实基层基础。{second}二是强化人才支撑。实施卫生人才引进计划，"
        "加强住院医师规范化培训，完善卫生人才评价机制。三是提升中医药服务能力。建设县级中医医院重点专科，"
        "推广中医药适宜技术。"
    )
    tree = {head[:4]: kids for head, kids in _tree(text)}
    assert tree.get("夯实基层", []) == []  # a review item may be left out of the plan altogether
    assert tree["强化人才"] == ["实施卫生人才引进计划", "加强住院医师规范化培训", "完善卫生人才评价机制"]
    assert tree["提升中医"] == ["建设县级中医医院重点专科", "推广中医药适宜技术"]


def test_a_headline_that_goes_on_in_its_own_sentence_is_left_to_the_other_rules() -> None:
    text = (
        "会议强调，要做好以下工作。一是夯实基层基础，推进优质医疗资源下沉。开展县乡村一体化管理试点，"
        "完善乡村医生养老保障政策。二是强化人才支撑，实施卫生人才引进计划。"
    )
    assert [kids for _, kids in _tree(text)] == [[], []]


def test_a_list_of_run_on_items_keeps_each_item_whole() -> None:
    text = (
        "会议强调，要做好以下工作。一是夯实基层基础。推进县乡村一体化管理，完善乡村医生养老保障政策。"
        "二是深化医改，健全公立医院运行机制。推进医保支付方式改革，完善药品集中采购制度。"
        "三是强化疾病防控，完善监测预警体系。加强重点传染病防控，推进慢性病综合防控。"
    )
    assert [kids for _, kids in _tree(text)] == [[], [], []]


def test_a_meeting_reports_items_get_the_measures_after_their_headline() -> None:
    raw = (
        "3月23日，全区卫生健康工作会议召开。区卫健委主任王某作工作报告。\n"
        "会议对2025年工作进行了安排。一是强化医药卫生体制改革。巩固和完善现有医改成果，加快推进区人民医院和"
        "区中医院综合改革。二是强化公共卫生服务。以做实现有项目为原则，以妇女儿童、老年人为重点，不断提升公共卫生"
        "服务均等化水平。三是强化计划生育服务管理。继续做好生育登记服务；做好计生特殊家庭扶助保障工作。"
    )
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    tree = [(t["text"][:4], [c["text"] for c in t["children"]]) for t in plan["tasks"]]
    assert tree == [
        ("强化医药", ["巩固和完善现有医改成果", "加快推进区人民医院和区中医院综合改革"]),
        ("强化公共", []),
        ("强化计划", ["继续做好生育登记服务", "做好计生特殊家庭扶助保障工作"]),
    ]
    for child in (c for t in plan["tasks"] for c in t["children"]):
        assert text[child["start"] : child["end"]] == child["text"]
        assert child["flag"] == "list_prose_clauses"


def test_a_task_that_has_children_keeps_them() -> None:
    text = "一是强化医改。巩固现有医改成果，加快推进公立医院综合改革。"
    kept = {"start": 0, "end": len(text), "children": [{"text": "x"}]}
    assert with_nested_lists(text, [kept]) == [kept]
