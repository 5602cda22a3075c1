"""A task-breakdown document (县卫健委2024年重点工作任务分解) states its issuer's plan like work points do, and the
lines that name who answers for an item or by when (牵头单位：…, 完成时限：…) are not part of the item's text.
Sentences written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.outline import parse_outline
from pipeline.text.clean import clean_text


def _payload(raw: str) -> tuple[dict, str]:
    text = clean_text(raw).text
    return extract_document(text, kind=None, published="2024-03-01"), text


def test_a_task_breakdown_title_states_the_plan_and_annotations_end_each_item() -> None:
    payload, text = _payload(
        "区卫生健康局2024年重点工作任务分解\n发布时间：2024-03-01\n"
        "1.推进紧密型县域医共体建设，年底前实现乡镇全覆盖。\n牵头单位：医政科\n配合单位：各卫生院\n"
        "2.开展老年人健康管理，规范管理率达到65%以上。\n责任单位：基层科\n完成时限：2024年12月底\n"
        "3.创建省级慢性病综合防控示范区。\n牵头单位：疾控中心\n"
    )
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert plan["work_year"] == 2024
    assert [text[t["start"] : t["end"]] for t in plan["tasks"]] == [
        "推进紧密型县域医共体建设，年底前实现乡镇全覆盖。",
        "开展老年人健康管理，规范管理率达到65%以上。",
        "创建省级慢性病综合防控示范区。",
    ]


def test_a_task_list_title_with_bracketed_markers_states_the_plan() -> None:
    payload, text = _payload(
        "市卫生健康委2025年卫生健康重点工作任务清单\n（一）实施妇幼健康促进行动。\n责任处室：妇幼处\n"
        "（二）推进智慧医院建设，新增互联网医院5家。\n责任处室：规划信息处\n"
    )
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("municipal", 2025)
    assert [text[t["start"] : t["end"]] for t in plan["tasks"]] == [
        "实施妇幼健康促进行动。",
        "推进智慧医院建设，新增互联网医院5家。",
    ]


def test_a_sentence_that_names_a_task_breakdown_is_no_title() -> None:
    payload, _ = _payload(
        "全县卫生健康系统召开干部大会\n3月5日，县卫健局召开干部大会，会上对县政府工作报告任务分解作了说明，"
        "局班子成员参加会议。\n"
    )
    assert payload["kind"] != "work_points"


def test_plain_lines_after_an_annotation_continue_no_item() -> None:
    text = "（一）加强院前急救网络建设。\n  责任科室： 应急办\n  完成时间：6月底\n备注：以上任务按季度通报。\n（二）提升基层服务能力。\n"
    tasks, _ = parse_outline(text)
    assert [text[t["start"] : t["end"]] for t in tasks] == ["加强院前急救网络建设。", "提升基层服务能力。"]


def test_a_line_that_only_mentions_a_unit_still_continues_the_item() -> None:
    text = "1.建设区域医疗中心。\n各责任单位要按月报送进展。\n2.加强人才培养。\n"
    tasks, _ = parse_outline(text)
    assert text[tasks[0]["start"] : tasks[0]["end"]] == "建设区域医疗中心。\n各责任单位要按月报送进展。"
