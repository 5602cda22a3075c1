"""Core-table builders: meeting ids, task matching across sources, merging reports of one meeting."""

from __future__ import annotations

from pipeline.tables import DocumentRecord
from pipeline.tables.meetings import build_meeting_tables, content_similarity, match_tasks, meeting_id_for, meeting_slug


def _task(ordinal: int, text: str, start: int = 0) -> dict:
    return {
        "ordinal": ordinal,
        "marker": None,
        "marker_issue": None,
        "title": text[:8],
        "text": text,
        "start": start,
        "end": start + len(text),
        "targets": [],
    }


def _record(doc_id: str, kind: str, tasks: list[dict], commentary: list[dict] | None = None, **facts) -> DocumentRecord:
    meeting = {
        "name": "全国卫生健康工作会议",
        "scope": "national",
        "region_code": None,
        "is_national_health_work_conference": True,
        "work_year": 2025,
        "start_date": "2024-12-30",
        "end_date": "2024-12-31",
        "location": "北京",
        "lead_official": "甲乙丙",
        "officials": [],
        "tasks": tasks,
        "announced_task_count": None,
        "sections": [],
        "commentary": commentary or [],
        "flags": [],
        **facts,
    }
    return DocumentRecord(
        doc_id=doc_id,
        file=f"{doc_id}.txt",
        sha256="0" * 64,
        manifest=None,
        text="",
        cleaning_notes=(),
        metadata={},
        payload={"kind": kind, "meeting": meeting, "provinces": []},
    )


TASKS = [
    "坚持预防为主，促进社会共治、医防协同、医防融合",
    "以基层为重点推进城乡融合和区域均衡发展",
    "深化医药卫生体制改革，健全维护公益性的运行保障机制",
]


def test_similarity_ignores_punctuation_and_layout():
    assert content_similarity("坚持预防为主，促进社会共治", "坚持预防为主\n促进社会共治") == 1.0
    assert content_similarity("坚持预防为主", "加强人才队伍建设") < 0.25


def test_tasks_are_matched_by_content_not_position():
    primary = [_task(i + 1, text) for i, text in enumerate(TASKS)]
    other = [_task(1, TASKS[2]), _task(2, TASKS[0]), _task(3, "完全不同的一项任务内容")]
    matches = match_tasks(primary, other)
    assert {o: p for o, (p, _) in matches.items()} == {1: 3, 2: 1}


def test_meeting_ids_are_derived_from_content():
    assert meeting_slug("全国卫生健康工作会议") == "health-work"
    assert meeting_slug("全国疾病预防控制工作会议") == "disease-control"
    assert meeting_slug("全国某新领域工作会议").startswith("m")
    assert (
        meeting_id_for({"scope": "national", "work_year": 2025, "name": "全国卫生健康工作会议"})
        == "cn-2025-health-work"
    )
    assert (
        meeting_id_for(
            {"scope": "provincial", "region_code": "430000", "work_year": 2025, "name": "全省卫生健康工作会议"}
        )
        == "430000-2025-health-work"
    )


def test_two_reports_of_one_meeting_merge_with_the_official_report_as_primary():
    report = _record("b_report", "national_conference_report", [_task(i + 1, t) for i, t in enumerate(TASKS)])
    repost = _record(
        "a_repost",
        "conference_commentary",
        [_task(1, TASKS[1]), _task(2, TASKS[0]), _task(3, TASKS[2])],
        commentary=[{"task_ordinal": 2, "start": 5, "end": 9, "text": "对比去年"}],
    )
    tables = build_meeting_tables([repost, report])
    [meeting] = tables.meetings
    assert meeting["primary_doc_id"] == "b_report" and meeting["n_sources"] == 2 and meeting["n_tasks"] == 3
    assert [t["doc_id"] for t in tables.tasks] == ["b_report"] * 3
    assert all(t["sources_agree"] for t in tables.tasks)
    repost_rows = {r["task_id"]: r["source_ordinal"] for r in tables.task_sources if r["doc_id"] == "a_repost"}
    assert repost_rows == {"cn-2025-health-work-t01": 2, "cn-2025-health-work-t02": 1, "cn-2025-health-work-t03": 3}
    [note] = tables.commentary
    assert note["task_id"] == "cn-2025-health-work-t01"  # the repost's 2nd task is the report's 1st
    assert {r["role"] for r in tables.meeting_sources} == {"report", "commentary"}


def test_disagreeing_sources_are_flagged():
    report = _record("a", "national_conference_report", [_task(1, TASKS[0])])
    paraphrase = _record("b", "conference_paraphrase", [_task(1, TASKS[0])], location="上海")
    [meeting] = build_meeting_tables([report, paraphrase]).meetings
    assert meeting["location"] == "北京"
    assert "sources_disagree_on_location" in meeting["flag"]
