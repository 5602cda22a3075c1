"""Core-table builders: meeting and plan ids, task matching across sources, merging the statements of one plan."""

from __future__ import annotations

from pipeline.documents.record import DocumentRecord
from pipeline.parse.statements import statement, task
from pipeline.tables.meetings import build_meeting_tables, meeting_id_for, meeting_slug
from pipeline.tables.plans import build_plan_tables, content_similarity, match_tasks, task_id_for

TASKS = [
    "坚持预防为主，促进社会共治、医防协同、医防融合",
    "以基层为重点推进城乡融合和区域均衡发展",
    "深化医药卫生体制改革，健全维护公益性的运行保障机制",
]


def _text_and_tasks(texts: list[str]) -> tuple[str, list[dict]]:
    """A document made of the given task texts, one per line, and its flat task list."""
    document = "\n".join(texts)
    tasks, offset = [], 0
    for ordinal, text in enumerate(texts, start=1):
        tasks.append(task(document, ordinal=ordinal, title=text[:8], start=offset, end=offset + len(text)))
        offset += len(text) + 1
    return document, tasks


def _record(doc_id: str, kind: str, text: str, statements: list[dict], meeting: dict | None = None) -> DocumentRecord:
    return DocumentRecord(
        doc_id=doc_id,
        file=f"{doc_id}.txt",
        sha256="0" * 64,
        manifest=None,
        text=text,
        cleaning_notes=(),
        metadata={},
        payload={"kind": kind, "meeting": meeting, "plans": statements},
    )


def _national(genre: str, tasks: list[dict], text: str, commentary: list[dict] | None = None) -> dict:
    return statement(
        genre=genre,
        level="national",
        region_code=None,
        field="health-work",
        work_year=2025,
        start=0,
        end=len(text),
        tasks=tasks,
        title="全国卫生健康工作会议",
        commentary=commentary,
    )


def _meeting(**facts) -> dict:
    return {
        "name": "全国卫生健康工作会议",
        "field": "health-work",
        "scope": "national",
        "region_code": None,
        "is_national_health_work_conference": True,
        "work_year": 2025,
        "start_date": "2024-12-30",
        "end_date": "2024-12-31",
        "location": "北京",
        "lead_official": "甲乙丙",
        "officials": [],
        "n_tasks": 1,
        "announced_task_count": None,
        "sections": [],
        "flags": [],
        **facts,
    }


def test_similarity_ignores_punctuation_and_layout():
    assert content_similarity("坚持预防为主，促进社会共治", "坚持预防为主\n促进社会共治") == 1.0
    assert content_similarity("坚持预防为主", "加强人才队伍建设") < 0.25


def test_tasks_are_matched_by_content_not_position():
    _, primary = _text_and_tasks(TASKS)
    _, other = _text_and_tasks([TASKS[2], TASKS[0], "完全不同的一项任务内容"])
    matches = match_tasks(primary, other)
    assert {o: p for o, (p, _) in matches.items()} == {1: 3, 2: 1}


def test_meeting_ids_are_derived_from_content():
    assert meeting_slug("全国卫生健康工作会议") == "health-work"
    assert meeting_slug("全国疾病预防控制工作会议") == "disease-control"
    assert meeting_slug("全国某新领域工作会议").startswith("m")
    assert (
        meeting_id_for({"scope": "national", "work_year": 2025, "name": "全国卫生健康工作会议"}, "d")
        == "cn-2025-health-work"
    )
    assert (
        meeting_id_for(
            {"scope": "provincial", "region_code": "430000", "work_year": 2025, "name": "全省卫生健康工作会议"}, "d"
        )
        == "430000-2025-health-work"
    )
    unresolved = {"scope": "municipal", "region_code": None, "work_year": 2024, "name": "全市卫生健康工作会议"}
    assert meeting_id_for(unresolved, "doc_a") != meeting_id_for(unresolved, "doc_b")


def test_task_ids_follow_the_tree():
    assert task_id_for("cn-2025-health-work", (1,)) == "cn-2025-health-work-t01"
    assert task_id_for("350000-2025-health-work", (2, 3)) == "350000-2025-health-work-t02.03"


def test_two_statements_of_one_plan_merge_with_the_official_report_as_primary():
    report_text, report_tasks = _text_and_tasks(TASKS)
    repost_text, repost_tasks = _text_and_tasks([TASKS[1], TASKS[0], TASKS[2]])
    note = {"task_ordinal": 2, "start": 5, "end": 9, "text": repost_text[5:9]}
    report = _record(
        "b_report",
        "national_conference_report",
        report_text,
        [_national("conference_report", report_tasks, report_text)],
    )
    repost = _record(
        "a_repost", "conference_commentary", repost_text, [_national("commentary", repost_tasks, repost_text, [note])]
    )
    tables = build_plan_tables([repost, report])
    [plan] = tables.plans
    assert plan["plan_id"] == "cn-2025-health-work" and plan["issuer"] == "国家卫生健康委"
    assert plan["primary_doc_id"] == "b_report" and plan["n_sources"] == 2 and plan["n_tasks"] == 3
    assert [t["doc_id"] for t in tables.tasks] == ["b_report"] * 3
    assert all(t["sources_agree"] for t in tables.tasks)
    repost_rows = {r["task_id"]: r["source_ordinal"] for r in tables.task_sources if r["doc_id"] == "a_repost"}
    assert repost_rows == {"cn-2025-health-work-t01": 2, "cn-2025-health-work-t02": 1, "cn-2025-health-work-t03": 3}
    [comment] = tables.commentary
    assert comment["task_id"] == "cn-2025-health-work-t01"  # the repost's 2nd task is the report's 1st
    assert comment["plan_id"] == "cn-2025-health-work"
    assert {(r["doc_id"], r["genre"], r["is_primary"]) for r in tables.plan_sources} == {
        ("b_report", "conference_report", True),
        ("a_repost", "commentary", False),
    }


def _provincial(text: str, tasks: list[dict], start: int, end: int, genre: str = "roundup_item") -> dict:
    return statement(
        genre=genre,
        level="provincial",
        region_code="350000",
        field="health-work",
        work_year=2025,
        start=start,
        end=end,
        tasks=tasks,
    )


def test_nested_tasks_get_parents_depths_and_leaf_matching():
    text = "一、强基层\n推进医共体建设：加快紧密型县域医共体建设。\n加强村医队伍：落实乡村医生待遇。\n二、促改革\n深化医改：推广三明医改经验。"
    children_a = [
        task(text, ordinal=1, title="推进医共体建设", start=text.index("加快"), end=text.index("。") + 1),
        task(text, ordinal=2, title="加强村医队伍", start=text.index("落实"), end=text.index("待遇。") + 3),
    ]
    group_a = task(
        text, ordinal=1, title="强基层", marker="一、", start=2, end=children_a[-1]["end"], children=children_a
    )
    leaf = task(text, ordinal=2, title="深化医改", start=text.index("推广"), end=len(text))
    roundup = _record("r", "provincial_plan_roundup", text, [_provincial(text, [group_a, leaf], 0, len(text))])
    other_text = "全省将加快紧密型县域医共体建设，推广三明医改经验。"
    other_tasks = [
        task(other_text, ordinal=1, title="医共体", start=0, end=16),
        task(other_text, ordinal=2, title="医改", start=17, end=len(other_text)),
    ]
    report = _record(
        "s", "provincial_plan_roundup", other_text, [_provincial(other_text, other_tasks, 0, len(other_text))]
    )
    tables = build_plan_tables([roundup, report])
    by_id = {row["task_id"]: row for row in tables.tasks}
    assert set(by_id) == {
        "350000-2025-health-work-t01",
        "350000-2025-health-work-t01.01",
        "350000-2025-health-work-t01.02",
        "350000-2025-health-work-t02",
    }
    child = by_id["350000-2025-health-work-t01.01"]
    assert child["parent_task_id"] == "350000-2025-health-work-t01" and child["depth"] == 2
    assert by_id["350000-2025-health-work-t01"]["n_children"] == 2
    assert by_id["350000-2025-health-work-t01"]["sources_agree"] is None  # parents are not matched
    matched = {r["task_id"] for r in tables.task_sources if r["doc_id"] == "s"}
    assert matched == {"350000-2025-health-work-t01.01", "350000-2025-health-work-t02"}
    [plan] = tables.plans
    assert plan["n_tasks"] == 2 and plan["n_leaf_tasks"] == 3 and plan["issuer"] == "福建省卫生健康委"


def test_a_plan_stated_twice_in_one_document_is_one_plan_with_two_sources():
    text, tasks = _text_and_tasks(TASKS)
    half = len(TASKS[0]) + 1
    first = _provincial(text, tasks[:1], 0, half)
    second = _provincial(text, [dict(tasks[1], ordinal=1)], half, len(text))
    tables = build_plan_tables([_record("r", "provincial_plan_roundup", text, [first, second])])
    [plan] = tables.plans
    assert plan["n_sources"] == 2 and "stated_twice_in_r" in plan["flag"]
    assert len(tables.plan_sources) == 2 and len({r["task_id"] for r in tables.task_sources}) == len(tables.tasks)


def test_disagreeing_meeting_sources_are_flagged():
    report = _record("a", "national_conference_report", "", [], _meeting())
    paraphrase = _record("b", "conference_paraphrase", "", [], _meeting(location="上海"))
    [meeting] = build_meeting_tables([report, paraphrase]).meetings
    assert meeting["location"] == "北京" and meeting["plan_id"] == "cn-2025-health-work"
    assert meeting["level"] == "national"
    assert "sources_disagree_on_location" in meeting["flag"]
