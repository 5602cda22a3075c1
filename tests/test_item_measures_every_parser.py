"""A heading and the verb-led measures it announces in an item's first sentence (four or more, or after a double
headline whose second clause names no work of its own: pipeline.parse.lists.measures.announces_measures) are its
depth-2 tasks when the list reader placed the item in the plan (its flag names the rule) or a bare modal prints it as
a requirement (要…): pipeline.parse.lists.with_nested_lists, reader 5. Two measures, an aim and its means, an item of
a list announced with its count, and another parser's numbered point (一是…, 一要…, 二是要…) stay whole; a numbered
requirement keeps the parts it names (强化A保障、B保障、C保障).

Every text here is written for the test (no seed, no dev-set or tune text)."""

from __future__ import annotations

from typing import Any

from pipeline.documents.extract import extract_document
from pipeline.parse.lists import with_nested_lists
from pipeline.text.clean import clean_text

ACTION_PLAN_BRIEF = """近日，某省卫生健康委会同省医保局联合制定《某省基层卫生能力提升三年行动计划(2026-2028年)》，明确今后三年工作重点。
《行动计划》包括三个方面内容。
提升县域医疗服务能力，加快推进县级医院重点专科建设，推动远程会诊覆盖全部乡镇，完善县乡急救转运网络等。
强化基层公共卫生服务，健全慢性病随访管理机制，扩大家庭医生签约覆盖面；落实重点人群健康体检，探索建立健康积分制度等。
深化基层运行机制改革，完善绩效考核办法，推进人员编制统筹使用等。
"""


def _task(text: str, words: str, *, flag: str | None, marker: str | None) -> dict[str, Any]:
    start = text.index(words)
    end = text.find("。", start) + 1 or len(text)
    return {"ordinal": 1, "start": start, "end": end, "marker": marker, "flag": flag, "children": []}


def _children(text: str, task: dict[str, Any]) -> list[str]:
    [out] = with_nested_lists(text, [task])
    return [c["text"][:6] for c in out["children"]]


def test_a_brief_of_unmarked_paragraphs_gets_each_heads_measures() -> None:
    text = clean_text(ACTION_PLAN_BRIEF).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    first, second, third = plan["tasks"]
    assert first["children"] == []  # a head and three specific measures is one task
    assert [c["text"][:6] for c in second["children"]] == ["健全慢性病随", "扩大家庭医生", "落实重点人群", "探索建立健康"]
    assert third["children"] == []  # a head and two measures is one task
    for child in second["children"]:
        assert text[child["start"] : child["end"]] == child["text"]


def test_the_list_readers_items_and_requirements_get_their_measures() -> None:
    text = "一要优化医疗资源布局，统筹推进区域医疗中心建设，加快补齐儿科短板，强化院前急救网络，推进胸痛中心建设。"
    assert _children(text, _task(text, "优化", flag="list_marked", marker="一要")) == ["统筹推进区域", "加快补齐儿科", "强化院前急救", "推进胸痛中心"]
    assert _children(text, _task(text, "优化", flag=None, marker="一要")) == []  # another parser's numbered point
    text = "要聚焦重点人群，全面抓实卫生健康工作任务，做实老年人健康管理，落实孕产妇全程服务，开展学生近视防控。"
    assert _children(text, _task(text, "聚焦", flag="list_modal_clauses", marker="要")) == [
        "做实老年人健",
        "落实孕产妇全",
        "开展学生近视",
    ]


def test_another_parsers_numbered_point_stays_whole() -> None:
    text = "三是坚持中西医并重，推进中医药服务进社区，建设名医工作室，开展中医适宜技术培训。"
    assert _children(text, _task(text, "坚持", flag=None, marker="三是")) == []


def test_two_measures_an_aim_and_a_counted_list_give_none() -> None:
    text = "要聚焦重点人群，做实老年人健康管理，落实孕产妇全程服务。"
    assert _children(text, _task(text, "聚焦", flag="list_modal_clauses", marker="要")) == []
    text = "以群众满意为目标，持续改善医疗服务。"
    assert _children(text, _task(text, "以群众", flag="list_verb_clauses", marker=None)) == []
    text = "全年五项重点任务分别为：加强基层建设，推进医共体扩面，完善家庭医生签约，落实慢病随访；深化公立医院改革。"
    assert _children(text, _task(text, "加强", flag="list_marked", marker=None)) == []


RUN_ON_LIST = (
    "推进分级诊疗，完善医联体章程，推动检查结果互认。"
    "促进中医药传承发展。建设中医药传承创新中心，开展名老中医经验整理，推广中医适宜技术等。"
    "强化人才保障，实施基层人才招引计划，落实乡村医生待遇。"
)


def _run_on_tasks(text: str, flag: str | None, marker: str | None) -> list[dict[str, Any]]:
    starts = [text.index(w) for w in ("推进分级", "促进中医药", "强化人才")] + [len(text)]
    return [
        {"ordinal": n, "start": s, "end": e, "marker": marker, "flag": flag, "children": []}
        for n, (s, e) in enumerate(zip(starts[:-1], starts[1:], strict=True), start=1)
    ]


def test_a_list_reader_item_with_a_headline_sentence_gets_the_measures_after_it() -> None:
    text = RUN_ON_LIST  # one item of three opens on a headline sentence: no list of headings
    second = with_nested_lists(text, _run_on_tasks(text, "list_lead_sentences", None))[1]
    assert [c["text"][:6] for c in second["children"]] == ["建设中医药传", "开展名老中医", "推广中医适宜"]
    second = with_nested_lists(text, _run_on_tasks(text, None, "二是"))[1]  # another parser's point stays whole
    assert second["children"] == []


def test_a_numbered_point_printed_as_a_requirement_stays_whole_but_has_the_parts_it_names() -> None:
    text = "二是要优化医疗资源布局，统筹推进区域医疗中心建设，加快补齐儿科短板，强化院前急救网络，推进胸痛中心建设。"
    for start in (0, 2):  # the task's words with or without their marker
        task = {"ordinal": 2, "start": start, "end": len(text), "marker": "二是", "flag": None, "children": []}
        assert _children(text, task) == []
    text = "二是要强化保障，落实人才保障、经费保障、制度保障“三项保障”。"
    task = {"ordinal": 2, "start": 0, "end": len(text), "marker": "二是", "flag": None, "children": []}
    assert _children(text, task) == ["人才保障", "经费保障", "制度保障"]
    text = "二是要素保障到位，统筹推进区域医疗中心建设，加快补齐儿科短板，强化院前急救网络。"  # 要素: no modal
    task = {"ordinal": 2, "start": 2, "end": len(text), "marker": "二是", "flag": None, "children": []}
    assert _children(text, task) == []
