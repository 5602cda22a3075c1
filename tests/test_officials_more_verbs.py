"""More ways a report names the officials who speak or send instructions: 讲了话, 对…提出要求, instructions read out
with what they are about, and a name that ends like a body (…心) printed after a title elsewhere. Sentences
written for the test."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.officials import find_officials
from pipeline.text.clean import clean_text


def _roles(text: str) -> list[tuple[str, str]]:
    return [(o.name, o.role) for o in find_officials(clean_text(text).text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("副市长张立新在县分会场就贯彻落实会议精神讲了话。", [("张立新", "speech")]),
        ("区长王海在会上讲了话。", [("王海", "speech")]),
        ("县纪委副书记刘强对全县卫生系统职工提出“三要”：一要廉洁从医。", [("刘强", "speech")]),
        ("副县长赵敏出席会议。赵敏对做好今年工作提出三点要求。", [("赵敏", "speech")]),
        ("会议宣读了市委书记孙明对全市卫生健康工作的批示。", [("孙明", "instruction")]),
        ("副县长陈冰心出席会议。陈冰心要求，要做好春季传染病防控。", [("陈冰心", "speech")]),
    ],
)
def test_officials_named_in_more_ways(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "县疾控中心要求，要做好春季传染病防控。",  # a body, no title anywhere
        "会上，市疾控中心对下一步工作提出了具体要求。",
        "会议宣读了《关于表彰先进集体的决定》。",
    ],
)
def test_bodies_and_documents_are_no_officials(text: str) -> None:
    assert _roles(text) == []
