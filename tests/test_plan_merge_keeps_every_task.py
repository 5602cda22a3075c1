"""Two texts that state one plan: the best one gives the task tree, and the other's tasks that match none of
it are appended (flag from_other_source) with their own document, offsets and targets, so that no stated
work is lost; and a specialist field's work points (爱国卫生, 中医药) are a plan of their own, never merged
into the annual health work plan of the same year."""

from __future__ import annotations

import pytest

from pipeline.documents.record import DocumentRecord
from pipeline.parse.statements import statement, task
from pipeline.parse.work_points.plan import plan_field
from pipeline.tables.plans import build_plan_tables
from pipeline.tables.targets import target_rows

PRIMARY = ["加快紧密型县域医共体建设", "推广三明医改经验", "加强乡村医生队伍建设"]
OTHER = ["推广三明医改经验", "新建紧密型城市医疗集团5个", "开展儿科和精神卫生服务年行动"]


def _target(text: str, phrase: str, value: float, unit: str) -> dict:
    start = text.index(phrase)
    return {
        "start": start, "end": start + len(phrase), "raw_text": phrase, "indicator": "城市医疗集团",
        "action": "新建", "value": value, "value_max": None, "unit": unit, "comparator": "eq",
        "is_change": True, "kind": "count", "year": None, "flag": None,
    }  # fmt: skip


def _record(doc_id: str, kind: str, items: list[str], genre: str) -> DocumentRecord:
    text = "；".join(items) + "。"
    tasks, offset = [], 0
    for ordinal, item in enumerate(items, start=1):
        row = task(text, ordinal=ordinal, title=item[:6], start=offset, end=offset + len(item))
        row["targets"] = [_target(text, item, 5, "个")] if "5个" in item else []
        tasks.append(row)
        offset += len(item) + 1
    plan = statement(
        genre=genre, level="provincial", region_code="110000", field="health-work", work_year=2025,
        start=0, end=len(text), tasks=tasks,
    )  # fmt: skip
    plan["opening_targets"] = []
    payload = {"kind": kind, "meeting": None, "plans": [plan]}
    return DocumentRecord(doc_id, f"{doc_id}.txt", "0" * 64, None, text, (), {}, payload)


def _tables():
    primary = _record("a_points", "work_points", PRIMARY, "work_points")
    other = _record("b_briefing", "provincial_plan_roundup", OTHER, "roundup_item")
    return [primary, other], build_plan_tables([other, primary])


def test_tasks_only_the_other_text_states_follow_the_primary_tree_with_their_own_document() -> None:
    _, tables = _tables()
    [plan] = tables.plans
    assert plan["primary_doc_id"] == "a_points"
    assert plan["n_tasks"] == 5 and plan["n_leaf_tasks"] == 5
    rows = [(t["task_id"][-3:], t["doc_id"], t["flag"]) for t in tables.tasks]
    assert rows == [
        ("t01", "a_points", None),
        ("t02", "a_points", None),
        ("t03", "a_points", None),
        ("t04", "b_briefing", "from_other_source"),
        ("t05", "b_briefing", "from_other_source"),
    ]
    # the shared task is matched, not repeated; the appended ones are their own published source
    assert {(r["task_id"][-3:], r["doc_id"], r["agreement"]) for r in tables.task_sources if r["doc_id"] == "b_briefing"} == {
        ("t02", "b_briefing", "agrees"),
        ("t04", "b_briefing", "primary"),
        ("t05", "b_briefing", "primary"),
    }  # fmt: skip
    texts = {t["task_id"][-3:]: t["text"] for t in tables.tasks}
    assert texts["t04"] == OTHER[1] and texts["t05"] == OTHER[2]


def test_the_targets_of_an_appended_task_are_published_from_its_document() -> None:
    records, tables = _tables()
    rows = target_rows(records, tables.tasks, tables.plans, tables.plan_sources)
    assert [(r["task_id"][-3:], r["doc_id"], r["value"], r["unit"]) for r in rows] == [("t04", "b_briefing", 5, "个")]


def test_a_source_whose_tasks_all_match_adds_nothing() -> None:
    primary = _record("a_points", "work_points", PRIMARY, "work_points")
    repeat = _record("b_briefing", "provincial_plan_roundup", PRIMARY[::-1], "roundup_item")
    tables = build_plan_tables([primary, repeat])
    assert [t["doc_id"] for t in tables.tasks] == ["a_points"] * 3
    assert tables.plans[0]["n_tasks"] == 3


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("全国爱国卫生运动委员会关于印发2015年全国爱国卫生工作要点的通知", "patriotic-health"),
        ("2024年全省中医药工作要点", "tcm"),
        ("2022年全市疾病预防控制工作计划", "disease-control"),
        ("2025年基层卫生健康工作要点", "primary-care"),
        ("2023年卫生健康工作要点", "health-work"),
        ("全县卫生计生工作要点", "health-work"),
    ],
)
def test_a_work_points_title_names_its_field(title: str, field: str) -> None:
    assert plan_field(title) == field


def test_work_points_of_an_unlisted_field_are_a_plan_of_their_own() -> None:
    emergency = plan_field("2009年全区卫生应急工作要点")
    assert emergency.startswith("w") and emergency != plan_field("2009年全区卫生监督工作要点")
