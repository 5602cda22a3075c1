"""A marked item whose headline sentence is followed by two or more requirements (二是围绕目标，明确责任。要紧紧围绕…，
科学制定…；要突出重点，…。) has them as its depth-2 tasks; one requirement alone, or a requirement that only
exhorts, gives none. Reports written for these tests; extraction only, no build."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.lists.item_measures import requirement_children
from pipeline.text.clean import clean_text


def _children(text: str) -> list[str]:
    return [text[c.start : c.end][:6] for c in requirement_children(text, 0, len(text))]


def test_requirements_after_the_headline_are_children() -> None:
    text = (
        "围绕目标，明确责任，科学制定年度任务。要紧紧围绕全市卫生健康总体思路，立足基层工作实际，结合年度考核要求，"
        "科学制定符合本地特点的具体任务；要突出“实”字，结合群众需求，在补齐短板上下功夫。"
    )
    assert _children(text) == ["紧紧围绕全市", "突出“实”字"]


def test_one_requirement_or_an_exhortation_gives_none() -> None:
    assert _children("强化督导，严明奖惩。要建立定期督导和通报机制，及时发现问题。") == []
    assert _children("提高站位，高度重视。要切实提高思想认识；要进一步增强责任感和使命感。") == []
    assert _children("要建立定期督导机制；要完善通报制度。") == []  # no headline sentence before them


def test_a_leaders_points_nest_their_requirements() -> None:
    raw = (
        "3月25日上午，某某市卫生健康委召开专题会议，部署2025年重点工作。主任王某强调了三点意见。"
        "一是提高站位，深刻认识会议的重大意义。二是围绕目标，明确责任，科学制定全年任务。要紧紧围绕全省卫生健康总体思路，"
        "立足本市工作实际，结合年度考核要求，科学制定符合本市特点的具体任务；要突出“干”字，结合群众需求，在打造亮点上下功夫。"
        "三是强化督导，严明奖惩。要建立定期督导推进机制。"
    )
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    second = next(t for t in plan["tasks"] if t["text"].startswith("围绕目标"))
    assert [c["text"][:6] for c in second["children"]] == ["紧紧围绕全省", "突出“干”字"]
    third = next(t for t in plan["tasks"] if t["text"].startswith("强化督导"))
    assert not third["children"]
