"""Paragraphs headed by a verb-led phrase and a colon, then their measures (持续深化卫生健康领域改革：深化…，推进…):
the heading is the parent task and the measures its children (flag list_colon_heading). Sentences written for the
test."""

from __future__ import annotations

from pipeline.parse.lists import prose_tasks
from pipeline.parse.lists.headed import colon_heading_end


def _tree(text: str) -> list[tuple[str, list[str]]]:
    return [
        (text[t["start"] : t["end"]][:6], [text[c["start"] : c["end"]][:4] for c in t.get("children") or []])
        for t in prose_tasks(text, 0, len(text))
    ]


def test_each_headed_paragraph_is_a_parent_of_its_measures() -> None:
    text = (
        "筑牢公共卫生防线：完善传染病监测预警体系，加强疾控人才队伍建设，推进医防融合。\n"
        "提升基层服务能力:推进乡村一体化管理，加强村医培训，改善乡镇卫生院条件。\n"
    )
    tree = _tree(text)
    assert tree == [
        ("筑牢公共卫生", ["完善传染", "加强疾控", "推进医防"]),
        ("提升基层服务", ["推进乡村", "加强村医", "改善乡镇"]),
    ]
    [first, _] = prose_tasks(text, 0, len(text))
    assert first["flag"] == "list_colon_heading" and first["title"] == "筑牢公共卫生防线"


def test_paragraphs_without_a_heading_keep_their_prose_measures() -> None:
    text = "深化医药卫生体制改革：推进分级诊疗，完善医保支付方式。\n加快建设区域医疗中心，推进智慧医院建设。\n"
    assert _tree(text) == [("深化医药卫生", ["推进分级", "完善医保"]), ("加快建设区域", []), ("推进智慧医院", [])]


def test_headings_that_are_no_directive_head_nothing() -> None:
    for paragraph in (
        "北京市：深化公立医院改革，推进分级诊疗。",
        "会议要求：加强组织领导，压实工作责任。",
        "提高政治站位：加强组织领导，压实工作责任。",
        "全力做好重大会议、重要活动的医疗卫生服务保障工作，深化京津冀协同发展，推动资源整合下沉：以后再议。",
    ):
        assert colon_heading_end(paragraph, 0, len(paragraph)) is None, paragraph


def test_a_heading_with_one_measure_is_read_as_before() -> None:
    text = "加强妇幼健康服务：推进出生缺陷综合防治。\n"
    assert all(not t.get("children") for t in prose_tasks(text, 0, len(text)))
