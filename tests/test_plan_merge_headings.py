"""Two texts that state one plan, the other text's item a heading with its measures: when most of its measures match
none of the best text's tasks, the heading is appended (flag from_other_source) with its unmatched measures only,
renumbered, its matched measures recorded as sources of the best text's tasks; when half or more of them match, the
heading adds nothing (identity.toml [merge] unstated_share). Task lists written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.record import DocumentRecord
from pipeline.parse.statements import statement, task
from pipeline.tables.plans import build_plan_tables

PRIMARY = ["加快紧密型县域医共体建设", "推广三明医改经验", "加强乡村医生队伍建设"]
HEADING = "着力提升医疗卫生服务水平"


def _record(doc_id: str, kind: str, genre: str, items: list[str], measures: list[str]) -> DocumentRecord:
    text = "；".join(items) + "。" + (HEADING + "。" + "，".join(measures) + "。" if measures else "")
    tasks, offset = [], 0
    for ordinal, item in enumerate(items, start=1):
        tasks.append(task(text, ordinal=ordinal, title=item[:6], start=offset, end=offset + len(item)))
        offset += len(item) + 1
    if measures:
        head = text.index(HEADING)
        children = []
        for number, measure in enumerate(measures, start=1):
            start = text.index(measure, head)
            children.append(task(text, ordinal=number, title=measure[:6], start=start, end=start + len(measure)))
        tasks.append(task(text, ordinal=len(tasks) + 1, title=HEADING, start=head, end=len(text), children=children))
    plan = statement(
        genre=genre, level="provincial", region_code="110000", field="health-work", work_year=2025,
        start=0, end=len(text), tasks=tasks,
    )  # fmt: skip
    plan["opening_targets"] = []
    payload = {"kind": kind, "meeting": None, "plans": [plan]}
    return DocumentRecord(doc_id, f"{doc_id}.txt", "0" * 64, None, text, (), {}, payload)


def _tables(measures: list[str]):
    primary = _record("a_points", "work_points", "work_points", PRIMARY, [])
    other = _record("b_report", "provincial_conference_report", "conference_report", [], measures)
    return build_plan_tables([other, primary])


def test_a_heading_most_of_whose_measures_are_new_is_appended_with_those_only() -> None:
    tables = _tables(["推广三明医改经验", "开展改善就医感受主题活动", "推进优质医疗资源扩容下沉", "全面提升医疗质量和专科水平"])
    head = tables.tasks[3]
    assert (head["task_id"][-3:], head["doc_id"], head["title"], head["flag"]) == ("t04", "b_report", HEADING, "from_other_source")
    assert [t["title"] for t in tables.tasks[4:]] == ["开展改善就医", "推进优质医疗", "全面提升医疗"]
    assert [t["task_id"][-3:] for t in tables.tasks[4:]] == [".01", ".02", ".03"]
    assert all(t["flag"] == "from_other_source" and t["parent_task_id"] == tables.tasks[3]["task_id"] for t in tables.tasks[4:])
    [plan] = tables.plans
    assert (plan["n_tasks"], plan["n_leaf_tasks"]) == (4, 6)
    matched = [s["task_id"][-3:] for s in tables.task_sources if s["doc_id"] == "b_report" and s["task_id"][-3:] == "t02"]
    assert matched == ["t02"]  # 推广三明医改经验: a source of the best text's task, not appended again


@pytest.mark.parametrize(
    "measures",
    [
        ["推广三明医改经验", "开展改善就医感受主题活动"],  # half match
        ["推广三明医改经验", "加强乡村医生队伍建设", "全面提升医疗质量和专科水平"],  # most match
    ],
)
def test_a_heading_half_or_more_of_whose_measures_match_adds_nothing(measures: list[str]) -> None:
    tables = _tables(measures)
    assert [t["doc_id"] for t in tables.tasks] == ["a_points"] * 3
