"""Tests of the officials a meeting report names, whatever the verb (pipeline.parse.conference.officials).

Every sentence is written for the test."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.officials import find_officials


def roles(text: str) -> list[tuple[str, str]]:
    found = find_officials(text)
    for official in found:
        assert text[official.start : official.end] == official.name
    return [(o.name, o.role) for o in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市卫生健康委党组书记、主任张明出席会议并作工作报告。", [("张明", "work_report")]),
        ("县卫健局局长李强作了题为《凝心聚力、开拓创新，推动卫生健康事业高质量发展》的工作报告。", [("李强", "work_report")]),
        ("卫生部部长王平在会上做了题为《深化改革 提高质量》的工作报告。", [("王平", "work_report")]),
        ("市卫生健康委主任赵敏作了题为《聚焦使命担当 推进高质量发展》工作报告。", [("赵敏", "work_report")]),  # no 的
        ("省委书记赵文对全省卫生健康工作作出批示。", [("赵文", "instruction")]),
        ("省卫生健康委主任钱进主持会议并作工作报告。", [("钱进", "chair"), ("钱进", "work_report")]),
        ("副市长孙丽参加会议并讲话。", [("孙丽", "speech")]),
        ("区政府副区长周华在会上介绍了本区卫生健康事业发展情况。", [("周华", "speech")]),
        ("省卫健委副主任吴刚传达了全国卫生健康工作会议精神。", [("吴刚", "speech")]),
        ("郑红副县长出席会议并作总结讲话。", [("郑红", "summary")]),
        ("王建国副省长出席会议并作重要讲话。", [("王建国", "speech")]),
    ],
)
def test_officials_whatever_the_verb(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


def test_officials_listed_before_one_verb_are_each_read_and_fenbie_is_no_name() -> None:
    text = "会前，李四总理、王五副总理分别作出重要批示和指示。"
    assert roles(text) == [("李四", "instruction"), ("王五", "instruction")]
    assert all(name != "分别" for name, _ in roles("各地分别作出批示。会议由刘六主持。"))


def test_a_title_with_a_comma_is_one_official() -> None:
    assert roles("省卫生健康委党组书记、主任陈七出席会议并讲话。") == [("陈七", "speech")]


def test_collective_nouns_are_not_officials() -> None:
    assert roles("委领导出席会议并讲话。全体参会人员参加会议并讲话。") == []


def test_a_list_of_officials_running_over_a_comma_shares_the_verb() -> None:
    text = "重庆市卫生健康委副书记王一，四川省卫生健康委副主任王二、王三出席会议并讲话。"
    assert roles(text) == [("王一", "speech"), ("王二", "speech"), ("王三", "speech")]


def test_a_clause_before_the_comma_that_is_no_title_and_name_is_left_out() -> None:
    text = "会议由市卫健委主任张三主持，副主任李四作工作报告。"
    assert roles(text) == [("张三", "chair"), ("李四", "work_report")]


def test_briefing_official_who_answers_questions_speaks() -> None:
    assert roles("国家卫生健康委主任马五出席记者会并答问。") == [("马五", "speech")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会上，自治区副主席王新总结了“十四五”以来的工作，对全区提出三点要求。", [("王新", "speech")]),
        ("副市长刘军强调，要深化医改。", [("刘军", "speech")]),
        ("卫生部部长张林神情凝重。在会上，张林部署了今年要抓好的几项工作。", [("张林", "speech")]),
        ("县委书记陈平出席会议。陈平指出，今年要加强基层。", [("陈平", "speech")]),
    ],
)
def test_a_titled_official_before_a_weak_speech_verb_speaks(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议总结了2023年工作，部署了2024年重点任务。",  # 会议 is no name
        "全县又全面部署了疫情防控工作。",  # no title anywhere: a clause, not a name
        "王五强调，要加强基层。",  # a name never printed with a title
        "大会总结讲话由他作出。",
    ],
)
def test_weak_speech_verbs_alone_name_no_official(text: str) -> None:
    assert roles(text) == []


def test_an_official_read_with_a_role_is_not_read_again_as_speaker() -> None:
    text = "省卫生健康委主任钱进作工作报告。钱进强调，要深化医改。"
    assert roles(text) == [("钱进", "work_report")]
