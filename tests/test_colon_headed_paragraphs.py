"""Paragraphs headed by a verb-led phrase and a colon, then their measures (持续深化卫生健康领域改革：深化…，推进…):
the heading is the parent task and the measures its children (flag list_colon_heading); several such paragraphs are a
list of headings, each one task. Sentences written for the test."""

from __future__ import annotations

import re

from pipeline.parse.lists import headings_kept_whole, prose_tasks
from pipeline.parse.lists.headed import colon_heading_end


def _tree(text: str) -> list[tuple[str, list[str]]]:
    return [
        (text[t["start"] : t["end"]][:6], [text[c["start"] : c["end"]][:4] for c in t.get("children") or []])
        for t in prose_tasks(text, 0, len(text))
    ]


def test_a_lone_headed_paragraph_is_a_parent_of_its_measures() -> None:
    text = "筑牢公共卫生防线：完善传染病监测预警体系，加强疾控人才队伍建设，推进医防融合。\n推进智慧医院建设，优化预约诊疗。\n"
    tree = _tree(text)
    assert tree == [("筑牢公共卫生", ["完善传染", "加强疾控", "推进医防"]), ("推进智慧医院", []), ("优化预约诊疗", [])]
    first = prose_tasks(text, 0, len(text))[0]
    assert first["flag"] == "list_colon_heading" and first["title"] == "筑牢公共卫生防线"


def test_several_headed_paragraphs_are_a_list_of_headings_each_one_task() -> None:
    """Two or more headings make a list of headings ([headed] min_headings_list): each heading is a task with its
    measures inside it, read at once or line by line (the read keys, e.g. a round-up whose bold headings are keyed and
    the comma clauses under them not)."""
    text = (
        "筑牢公共卫生防线：完善传染病监测预警体系，加强疾控人才队伍建设，推进医防融合。\n"
        "提升基层服务能力:推进乡村一体化管理，加强村医培训，改善乡镇卫生院条件。\n"
    )
    assert _tree(text) == [("筑牢公共卫生", []), ("提升基层服务", [])]
    assert {t["flag"] for t in prose_tasks(text, 0, len(text))} == {"list_colon_heading"}
    lines = [m for m in re.finditer("[^\n]+", text)]
    one_by_one = headings_kept_whole([t for m in lines for t in prose_tasks(text, m.start(), m.end())])
    assert [len(t["children"]) for t in one_by_one] == [0, 0]
    single = prose_tasks(text, lines[0].start(), lines[0].end())
    assert headings_kept_whole(single) == single and len(single[0]["children"]) == 3


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
