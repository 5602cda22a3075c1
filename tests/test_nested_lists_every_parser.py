"""A marked sub-list inside any parser's item is its depth-2 tasks (CONVENTIONS 3, third form: 一是… under （一）),
one rule for every genre but round-ups (pipeline.parse.lists.with_nested_lists, applied in extract_document).

Every text here is written for the test (no seed, no dev-set or tune text)."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.lists import with_nested_lists
from pipeline.text.clean import clean_text

DISTRICT_POINTS = """某区卫生健康局2026年工作要点
2026年全区卫生健康工作的总体要求是：坚持以人民健康为中心，推动卫生健康事业高质量发展。
（一）守牢公共卫生安全底线
一是健全应急指挥体系。完善平急转换机制，开展实战演练。二是提升监测预警能力。建设多点触发监测网络。三是加强院感防控。落实分级管理责任。
（二）推进县域医共体建设
一是完善医共体章程。二是推动检查结果互认。
（三）加强人才队伍建设
引进急需紧缺人才，开展全员岗位培训。
"""


def _plan(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    return text, plan


def test_a_work_points_heading_gets_the_marked_items_printed_under_it():
    text, plan = _plan(DISTRICT_POINTS)
    first, second, third = plan["tasks"]
    assert [c["title"] for c in first["children"]] == ["健全应急指挥体系", "提升监测预警能力", "加强院感防控"]
    assert [c["title"] for c in second["children"]] == ["完善医共体章程", "推动检查结果互认"]
    assert {c["flag"] for c in first["children"] + second["children"]} == {"list_marked"}
    assert all(text[c["start"] : c["end"]].startswith(c["title"]) for c in first["children"])
    assert third["children"] == []  # prose under a heading is no printed sub-list


def test_one_marked_sentence_is_no_sub_list():
    text = "加强基层能力建设。一是培训乡村医生，提升服务水平。"
    task = {"ordinal": 1, "start": 0, "end": len(text), "children": []}
    assert with_nested_lists(text, [task]) == [task]


def test_an_item_that_has_children_keeps_them():
    text = "优化医疗服务。一是推行预约诊疗；二是扩大日间手术。"
    own = [{"ordinal": 1, "start": 7, "end": 13, "children": []}]
    task = {"ordinal": 1, "start": 0, "end": len(text), "children": own}
    assert with_nested_lists(text, [task]) == [task]


def test_a_sub_list_of_another_family_inside_a_prose_item():
    text = "要完善基层服务网络。第一，建设社区医院；第二，推进村卫生室标准化；第三，落实家庭医生签约。"
    task = {"ordinal": 1, "start": 1, "end": len(text), "children": []}
    [out] = with_nested_lists(text, [task])
    assert [c["title"] for c in out["children"]] == ["建设社区医院", "推进村卫生室标准化", "落实家庭医生签约"]
    assert [c["ordinal"] for c in out["children"]] == [1, 2, 3]
