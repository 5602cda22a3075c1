"""A report printed in parts (a work report's full text: 一、2023年工作回顾 / 二、2024年重点工作 / （一）…) gives the
items of its task part: its review part gives no task and the task part's heading is no task, as in work-points
documents (pipeline/parse/work_points/sections.py). Sentences written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

HEAD = "在2024年全市卫生健康工作会议上的工作报告\n市卫生健康委主任 王明\n同志们：\n现在，我代表市卫生健康委作工作报告。\n"


def _plan(body: str) -> tuple[dict, str]:
    text = clean_text(HEAD + body).text
    payload = extract_document(text, kind=None, published="2024-01-06")
    [plan] = payload["plans"]
    return plan, text


def test_the_task_part_gives_its_items_and_the_review_part_none() -> None:
    plan, text = _plan(
        "一、2023年工作回顾\n过去一年，我们新建医院3所，完成体检2万人次。\n二、2024年重点工作\n"
        "（一）加快推进医共体建设。实现乡镇全覆盖。\n（二）做好传染病防控。提高疫苗接种率。\n（三）深化医药卫生体制改革。\n"
    )
    assert [text[t["start"] : t["end"]][:6] for t in plan["tasks"]] == ["加快推进医共", "做好传染病防", "深化医药卫生"]
    assert "review_section_left_out" in plan["flag"] and "task_section_heading_dropped" in plan["flag"]


def test_parts_that_name_no_role_stay_tasks() -> None:
    plan, text = _plan("一、加快推进医共体建设\n实现乡镇全覆盖。\n二、做好传染病防控\n提高疫苗接种率。\n")
    assert [text[t["start"] : t["end"]][:6] for t in plan["tasks"]] == ["加快推进医共", "做好传染病防"]
    assert "task_section_heading_dropped" not in (plan["flag"] or "")
