"""Targets a plan states outside its tasks and opening (issue 22 point 6): a 主要目标 paragraph of a conference
report, a sentence that commits to a deliverable (会议提出，今年将编制…等5个专项规划). Read from the plan's text
when the stance rule reads the number as committed to, flagged from_plan_sentence; review sentences, attendance
and sentences that commit to nothing give none. Every text here is written for the test.
"""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.statements import task_tree_paths
from pipeline.text.clean import clean_text

PROVINCIAL = """1月10日，2026年全省卫生健康工作会议在太原召开。约300人参加会议。
会议指出，2025年全省新建县域医疗次中心40家，基层诊疗量占比达到56%。
会议提出，2026年全省卫生健康工作的主要目标是：人均预期寿命达到79.5岁，县域内就诊率保持在90%以上。今年省卫生健康委将牵头编制护理、康复、中医药等5个专项规划。
会议要求，重点抓好以下工作：一是深化医改，推进紧密型县域医共体建设；二是强化公共卫生，新建疾控实验室3个；三是发展中医药。"""

COUNTY = """2月3日，安吉县召开2025年卫生健康工作会议。
会议强调，力争到2026年全县乡镇卫生院全部达到服务能力基本标准，建成县域医疗次中心2家。
会议要求，要做好三项工作。一是强化基层。二是守牢底线。三是优化服务。"""


def _plan(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    [plan] = payload["plans"]
    return text, plan


def _sentence_targets(plan: dict) -> list[tuple[float, str | None]]:
    return [
        (row["value"], row["unit"])
        for row in plan["opening_targets"]
        if "from_plan_sentence" in (row["flag"] or "").split(";")
    ]


def test_main_goals_and_a_committed_deliverable_outside_the_tasks_are_the_plans_targets() -> None:
    text, plan = _plan(PROVINCIAL)
    assert len(plan["tasks"]) == 3
    assert _sentence_targets(plan) == [(79.5, "岁"), (90, "%"), (5, "个")]
    for row in plan["opening_targets"]:
        assert text[row["start"] : row["end"]] == row["raw_text"]
    task_values = [row["value"] for _, task in task_tree_paths(plan["tasks"]) for row in task["targets"]]
    assert task_values == [3]  # a task's target stays the task's, and is not read twice


def test_review_figures_and_attendance_outside_the_tasks_are_no_targets() -> None:
    _, plan = _plan(PROVINCIAL)
    values = {row["value"] for row in plan["opening_targets"]}
    assert not {300, 40, 56} & values


def test_a_county_plans_deadline_sentence_gives_its_targets() -> None:
    _, plan = _plan(COUNTY)
    assert plan["level"] == "county"
    assert (2, "家") in _sentence_targets(plan)


def test_a_plan_sentence_that_commits_to_nothing_gives_no_target() -> None:
    raw = COUNTY.replace("会议强调，力争到2026年全县乡镇卫生院全部达到服务能力基本标准，建成县域医疗次中心2家。", "会议强调，全县现有乡镇卫生院12家。")
    _, plan = _plan(raw)
    assert _sentence_targets(plan) == []
