"""Section headings that join a goals word and a tasks word (工作目标和任务, 主要目标和任务, 目标任务) head the plan's
tasks: the heading is no task, its items are; headings of work stay tasks (目标管理, 加强任务落实), and a bare 目标
names no role (tests/test_work_points_sections.py). Headings written for these tests (work_points.toml [sections])."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.work_points.sections import section_role


@pytest.mark.parametrize("heading", ["工作目标和任务", "目标任务", "主要目标和任务", "年度目标和任务"])
def test_goals_and_tasks_headings_head_tasks(heading: str) -> None:
    assert section_role(heading) == "tasks"


@pytest.mark.parametrize("heading", ["目标管理", "加强任务落实", "强化目标考核"])
def test_headings_of_work_stay_tasks(heading: str) -> None:
    assert section_role(heading) is None


def test_the_items_of_a_goals_and_tasks_section_are_the_tasks() -> None:
    text = (
        "某市2024年基层卫生强基行动方案\n"
        "为提升基层医疗卫生服务能力，制定本方案。\n"
        "一、总体要求\n以基层为重点，推动优质资源下沉。\n"
        "二、工作目标和任务\n"
        "（一）促进医疗卫生资源均衡发展。到2024年底，每个镇街建成一家达标卫生院。\n"
        "（二）加强基层卫生人才队伍建设。每年培训基层卫生人员500人次。\n"
        "（三）提升基层中医药服务能力。\n"
        "三、保障措施\n加强组织领导，落实经费保障。\n"
    )
    payload = extract_document(text, kind=None, published="2024-01-10")
    [plan] = payload["plans"]
    starts = [text[t["start"] : t["start"] + 6] for t in plan["tasks"]]
    assert starts == ["促进医疗卫生", "加强基层卫生", "提升基层中医"]
