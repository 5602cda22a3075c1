"""Officials printed in more layouts (pipeline.parse.conference.officials): a body before the name and the
title after it, verbs after a comma, 参会并, 作工作总结报告, 在批示中, and titled officials who 要求 / 充分肯定 /
就…提出 / 对…进行部署. Every sentence is written for the test; the negatives keep collective nouns, offices
and people without a title out."""

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
        # <body><name><title>, a two- or three-character name, 副 / 常务副 before the title
        ("市政府王立新副秘书长出席会议并讲话。", [("王立新", "speech")]),
        ("县卫生局陈东局长主持会议。", [("陈东", "chair")]),
        ("会议由区卫健委医政科刘小梅副科长主持。", [("刘小梅", "chair")]),
        ("州人民政府赵海常务副州长作重要讲话。", [("赵海", "speech")]),
        ("市疾控中心孙伟主任作了工作报告。", [("孙伟", "work_report")]),
    ],
)
def test_a_body_before_the_name_and_the_title_after_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "县卫健局办公室主任出席会议并讲话。",  # an office, no name
        "市卫生局纪检组组长出席会议并讲话。",
        "县人民医院院长出席会议并讲话。",
        "市委宣传部副部长出席会议并讲话。",
        "该局负责人对今年的工作进行了详细安排。",  # 该局 is no name
        "省委书记作出批示，对全省卫生健康工作提出要求。",  # the office, no person (session 5)
        "市政府分管领导出席会议并讲话。",
    ],
)
def test_an_office_before_a_title_is_no_name(text: str) -> None:
    assert roles(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("副县长李红出席会议，并做重要讲话。", [("李红", "speech")]),
        ("副市长周明参加会议,并作讲话。", [("周明", "speech")]),
        ("市卫生局张平局长、王安副局长参会并发表讲话。", [("张平", "speech"), ("王安", "speech")]),
        ("县纪委派驻纪检组组长黄河出席会议并作廉政讲话。", [("黄河", "speech")]),
        ("区卫健局局长马兰作简短讲话。", [("马兰", "speech")]),
        ("县卫健局局长吴江作工作总结报告。", [("吴江", "work_report")]),
        ("市卫健委主任郑丽主持会议并做工作总结报告。", [("郑丽", "chair"), ("郑丽", "work_report")]),
        ("林涛副市长在批示中对全市卫生健康工作给予了肯定。", [("林涛", "instruction")]),
        ("县长何平在书面批示中要求，要办好民生实事。", [("何平", "instruction")]),
    ],
)
def test_more_verbs_of_speaking_reporting_and_instructing(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


def test_a_comma_verb_still_needs_a_name_before_it() -> None:
    assert roles("全体参会人员出席会议，并作交流发言。") == []
    assert "参会并" not in [name for name, _ in roles("市卫生局王五局长参会并发表讲话。")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("副市长韩冰要求，全市卫生系统要抓好落实。", [("韩冰", "speech")]),
        ("县委常委、组织部部长许东充分肯定了全县卫生工作取得的成绩。", [("许东", "speech")]),
        ("县委常委、常务副县长田野出席会议。田野就做好今年的卫生工作提出三点意见。", [("田野", "speech")]),
        ("随后，市卫生局刘洋副局长对今年的重点工作进行了部署。", [("刘洋", "speech")]),
        ("区卫健局局长钟林出席会议。钟林全面安排部署了全年工作。", [("钟林", "speech")]),
        ("市卫健委主任高原作了工作报告。高原对全年工作作了具体安排。", [("高原", "work_report")]),
        # an adverb between the name and the verb of summing up or looking back
        ("市卫健委副主任周平全面总结了2023年全市卫生健康工作，部署了今年重点工作。", [("周平", "speech")]),
        ("县卫生健康局局长吴刚系统回顾了过去一年的工作。", [("吴刚", "speech")]),
    ],
)
def test_a_titled_official_who_requires_affirms_or_deploys_speaks(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议要求，各地要抓好落实。",  # the meeting, not a person
        "患者李明要求，医院要改进服务。",  # a person without an official title
        "群众王芳充分肯定了家庭医生的服务。",
        "会议对2024年工作进行了全面总结。",
        "会议全面总结了2024年工作。",
        "会议系统回顾了过去一年的工作。",
        "群众王芳全面总结了就医经验。",
        "记者张三就此提出问题。",
    ],
)
def test_no_official_without_a_title(text: str) -> None:
    assert roles(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("省妇幼保健院院长林芳作专题讲座。", [("林芳", "speech")]),
        ("省卫生健康委副主任王强作辅导报告。", [("王强", "speech")]),
        ("王丽受省卫生健康委主任赵刚委托，宣读了赵刚讲话。", [("赵刚", "speech")]),
        ("会上，宣读了副省长孙平同志的书面讲话。", [("孙平", "speech")]),
        ("会议宣读了表彰决定和市委书记钱明的批示。", [("钱明", "instruction")]),
    ],
)
def test_lectures_and_speeches_read_out_by_someone_else(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会上宣读了表彰通报。",  # a document, no one's speech
        "会议宣读了张三讲话。",  # a name no title names
        "县卫健局作了工作总结报告。",  # a body, no official
    ],
)
def test_nothing_read_out_without_a_titled_name(text: str) -> None:
    assert roles(text) == []
