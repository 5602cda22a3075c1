"""Two structures of prose that hold several items in one row (pipeline.parse.lists.prose):

* a prose clause that joins three or more verb-led measures by 、 (将推进A、完善B、加强C) is one task per measure, as
  the unmarked reader already splits them (lists.joins.joined_spans); the clauses the last measure goes on into stay
  with it; noun fields after one verb (加强A、B、C等工作), two measures without an adverb, a count-sized enumeration
  (“三个体系”建设) and a 、-list inside quotation marks stay one task;
* a ；-part that a counted marker opens (强调：一要A；二要B；三要C。 or 第二，…) is an item of its own from the words
  after the marker, whatever verb or circumstance lead follows it; a word that only looks like a marker (第二批) opens
  nothing.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import prose_tasks


def _tasks(sentence: str) -> list[str]:
    found = prose_tasks(sentence, 0, len(sentence))
    for task in found:
        assert sentence[task["start"] : task["end"]] == task["text"]
    return [task["text"] for task in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "今年，县卫健委将推进紧密型医共体建设、完善分级诊疗制度、加强基层人才队伍建设。",
            ["推进紧密型医共体建设", "完善分级诊疗制度", "加强基层人才队伍建设"],
        ),
        (
            "明年，全市将实施健康乡村建设行动、推广家庭医生签约服务、提高基本公共卫生服务补助标准，并做好重大传染病防控。",
            ["实施健康乡村建设行动", "推广家庭医生签约服务", "提高基本公共卫生服务补助标准", "做好重大传染病防控"],
        ),
        (
            "深化公立医院综合改革、健全现代医院管理制度、加快智慧医院建设和加强医院文化建设等重点任务，明确提出到2025年，全区三级医院达到5家。",
            [
                "深化公立医院综合改革",
                "健全现代医院管理制度",
                "加快智慧医院建设和加强医院文化建设等重点任务，明确提出到2025年，全区三级医院达到5家",
            ],
        ),
    ],
)
def test_a_prose_clause_of_verb_led_measures_joined_by_a_list_comma_is_one_task_each(
    sentence: str, expected: list[str]
) -> None:
    assert _tasks(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "2024年，区卫生健康局将加强疾病防控、卫生应急、妇幼保健等工作，提升服务能力。",
            ["加强疾病防控、卫生应急、妇幼保健等工作"],
        ),
        (
            "2024年，区卫生健康局将健全公共卫生体系、建设优质高效医疗服务体系。",
            ["健全公共卫生体系、建设优质高效医疗服务体系"],
        ),
        (
            "今年，全县将一体推进医疗服务、医疗保障、医药供应“三个体系”建设，提升群众就医体验。",
            ["一体推进医疗服务、医疗保障、医药供应“三个体系”建设", "提升群众就医体验"],
        ),
        (
            "今年，全省要推进“优化服务流程、改善就医环境、提高服务质量”专项行动，完善基层医疗卫生服务网络。",
            ["推进“优化服务流程、改善就医环境、提高服务质量”专项行动", "完善基层医疗卫生服务网络"],
        ),
    ],
)
def test_fields_two_measures_a_counted_enumeration_and_a_quotation_stay_one_task(
    sentence: str, expected: list[str]
) -> None:
    assert _tasks(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "做好城区托儿所公建配套物业接收工作，力争在社区普惠托育方面探索出一条路径；二要结合“美丽家园”建设，"
            "分阶段开展好爱国卫生进社区活动；三要继续强化基层公共卫生委员会建设，提升公共卫生治理水平。",
            [
                "做好城区托儿所公建配套物业接收工作，力争在社区普惠托育方面探索出一条路径",
                "结合“美丽家园”建设，分阶段开展好爱国卫生进社区活动",
                "继续强化基层公共卫生委员会建设，提升公共卫生治理水平",
            ],
        ),
        (
            "一是做好医保基金监管，严厉打击欺诈骗保；二是围绕群众就医需求，优化就医流程；三是结合乡村振兴，推进村卫生室标准化建设。",
            [
                "做好医保基金监管，严厉打击欺诈骗保",
                "围绕群众就医需求，优化就医流程",
                "结合乡村振兴，推进村卫生室标准化建设",
            ],
        ),
        (
            "第一，提升基层服务能力；第二，落实医疗机构绩效考核；第三，着力于队伍建设。",
            ["提升基层服务能力", "落实医疗机构绩效考核", "着力于队伍建设"],
        ),
    ],
)
def test_a_counted_marker_opening_a_semicolon_part_opens_an_item(sentence: str, expected: list[str]) -> None:
    assert _tasks(sentence) == expected


def test_a_word_that_only_looks_like_a_marker_opens_no_item() -> None:
    tasks = _tasks("今年要重点抓好医共体建设；第二批项目要在六月底前开工；同时推进村卫生室改造。")
    assert tasks[0].startswith("重点抓好医共体建设")
    assert not any(task.startswith("批项目") for task in tasks)
