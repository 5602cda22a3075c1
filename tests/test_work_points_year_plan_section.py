"""A summary-and-plan document (2023年工作总结和2024年工作思路): its section that names a year and a kind of plan
(二、2024年工作思路) is the year's plan, and a task section whose items are printed inline (一是…二是…三是… in one
paragraph) gives those items. Sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.work_points.sections import section_role
from pipeline.text.clean import clean_text


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("2024年工作思路", "tasks"),
        ("2025年度工作打算", "tasks"),
        ("2024年工作安排：", "tasks"),
        ("工作思路", "framing"),  # without a year it frames the plan (CONVENTIONS 9.5)
        ("总体思路", "framing"),
        ("2023年工作总结", "review"),
        ("2024年加强基层医疗服务", None),  # an ordinary task
    ],
)
def test_a_heading_with_a_year_and_a_plan_kind_is_the_plan(heading: str, role: str | None) -> None:
    assert section_role(heading) == role


def _tasks(raw: str) -> tuple[list[str], str]:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published="2024-01-10")
    assert payload["kind"] == "work_points", payload["kind"]
    [plan] = payload["plans"]
    return [text[t["start"] : t["end"]] for t in plan["tasks"]], plan["flag"]


def test_the_years_ideas_after_a_review_are_its_tasks() -> None:
    tasks, flag = _tasks(
        "区卫生健康局2023年工作总结和2024年工作思路\n一、2023年工作开展情况\n全年完成老年人体检2万人次，新建村卫生室3个。\n"
        "二、2024年工作思路\n一是推进健康促进行动，开展全民健身活动。二是做好传染病防控，提高疫苗接种率。"
        "三是加强乡村医生队伍建设，开展岗位培训。"
    )
    assert [task[:8] for task in tasks] == ["推进健康促进行动", "做好传染病防控，", "加强乡村医生队伍"]
    assert "review_section_left_out" in flag and "task_section_heading_dropped" in flag


def test_a_task_section_written_as_prose_stays_one_task() -> None:
    tasks, _ = _tasks(
        "镇卫生院2024年工作计划\n一、2023年工作总结\n全年完成老年人体检2000人次。\n"
        "二、2024年工作计划\n推进家庭医生签约服务，做好慢病随访管理。\n三、加强医疗质量管理\n落实核心制度。"
    )
    assert len(tasks) == 2 and tasks[0].startswith("2024年工作计划")


def test_a_review_with_an_inline_list_gives_no_task() -> None:
    tasks, _ = _tasks(
        "县卫生健康局2023年工作总结和2024年工作计划\n一、2023年工作总结\n一是完成了医共体建设。二是新建村卫生室5个。\n"
        "二、2024年工作计划\n一是深化医改，推进医共体建设。二是加强公共卫生，做好疾病防控。"
    )
    assert [task[:4] for task in tasks] == ["深化医改", "加强公共"]
