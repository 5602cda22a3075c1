"""Officials in more of the layouts short reports use (pipeline.parse.conference.officials): two titled officials
joined by 和 before one verb, 作了工作部署, 对…进行了回顾 / 给予肯定, speaking 在…座谈会上, instructions passed on by
title (传达学习…副市长对…的批示), an interview's speaker line (主任王五：), a transcribed name with a middle dot.
Every sentence is written for the test; the negatives keep bodies, circumstances and untitled words out."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.officials import find_officials


def names(text: str) -> list[str]:
    found = find_officials(text)
    for official in found:
        assert text[official.start : official.end] == official.name
    return [o.name for o in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("省纪委驻委纪检组组长刘明和省疾控中心主任王海出席会议并讲话。", ["刘明", "王海"]),
        ("市卫生健康委副主任张琳与市医保局局长陈方出席会议并讲话。", ["张琳", "陈方"]),
        ("会议结束后，副县长李红作了工作部署。", ["李红"]),
        ("市卫生局副局长赵强对去年全市妇幼工作进行了简要回顾。", ["赵强"]),
        ("周新副书记对全区卫生工作给予充分肯定，要求再接再厉。", ["周新"]),
        ("市卫生健康委主任何平在全市医改推进会上强调，要抓好三件事。", ["何平"]),
        ("会议传达学习了郑丽副市长对全市卫生健康工作的批示精神。", ["郑丽"]),
        ("会议传达了孙涛副省长对全省疾控工作的重要批示。", ["孙涛"]),
        ("自治区主席买买提·吐尔逊代表自治区人民政府作政府工作报告。", ["买买提·吐尔逊"]),
    ],
)
def test_officials_in_the_layouts_of_short_reports(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_an_interview_speaker_line_names_the_speaker() -> None:
    text = "记者：今年有哪些新举措？\n国家卫生健康委员会主任王刚：\n今年我们将重点做好三件事。"
    assert names(text) == ["王刚"]


def test_a_bare_name_before_a_colon_counts_when_the_text_titles_it_elsewhere() -> None:
    text = "吴军：五项举措推进健康城市建设\n市卫生健康委主任吴军在全市卫生健康工作会议上透露，今年将采取五项举措。"
    assert "吴军" in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "记者：今年有哪些新举措？",  # a reporter's line: no title, no name
        "会议要求：各地要抓好落实。",
        "市卫生健康委和市医保局出席会议并讲话。",  # two bodies joined by 和: no one named
        "王五副市长在批示中对全市卫生健康工作给予了肯定。",  # 在批示中 is the circumstance, not a name
        "卫生和计划生育委员会主任出席会议并讲话。",  # 和 inside a body's name, and no name
    ],
)
def test_no_official_from_bodies_circumstances_or_untitled_lines(text: str) -> None:
    found = names(text)
    assert all(name not in ("记者", "会议要求", "在批示中", "卫生", "市卫生健康委") for name in found)
    if text.startswith(("记者", "会议要求", "市卫生健康委和", "卫生和")):
        assert found == []
