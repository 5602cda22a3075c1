"""Meetings (the events), merged over every document that reports the same meeting.

Reports of one meeting share (level, region, meeting type, work year). The best source (an official
report before a commentary before a paraphrase) supplies the facts; dates, place and lead official
come from the best source that states them. The plan a meeting deploys, with its tasks, is built by
pipeline.tables.plans; meetings.plan_id points at it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pipeline.documents.kinds import meeting_source_rank, meeting_source_role
from pipeline.documents.record import DocumentRecord
from pipeline.parse.conference import meeting_field
from pipeline.parse.statements import plan_id_for


@dataclass
class MeetingTables:
    """Rows of every meeting-related table."""

    meetings: list[dict[str, Any]] = field(default_factory=list)
    meeting_sources: list[dict[str, Any]] = field(default_factory=list)
    meeting_officials: list[dict[str, Any]] = field(default_factory=list)
    meeting_sections: list[dict[str, Any]] = field(default_factory=list)


def meeting_slug(name: str) -> str:
    """Short ASCII name of a meeting type (卫生健康工作会议 → health-work); a hash when unknown."""
    return meeting_field(name)


def meeting_id_for(report: dict[str, Any], doc_id: str) -> str:
    """<cn | region code>-<work year>-<meeting type>; an unresolved region is keyed by level and document."""
    return plan_id_for(
        report["scope"], report.get("region_code"), report.get("work_year"), meeting_slug(report["name"]), doc_id
    )


def build_meeting_tables(records: list[DocumentRecord]) -> MeetingTables:
    out = MeetingTables()
    groups: dict[str, list[DocumentRecord]] = defaultdict(list)
    for record in records:
        report = record.payload.get("meeting")
        if report:
            groups[meeting_id_for(report, record.doc_id)].append(record)
    for meeting_id in sorted(groups):
        _add_meeting(out, meeting_id, groups[meeting_id])
    return out


def _source_order(record: DocumentRecord) -> tuple[int, int, str]:
    report = record.payload["meeting"]
    return (meeting_source_rank(record.kind), -report["n_tasks"], record.doc_id)


def _add_meeting(out: MeetingTables, meeting_id: str, sources: list[DocumentRecord]) -> None:
    sources = sorted(sources, key=_source_order)
    primary = sources[0]
    report = primary.payload["meeting"]
    flags: list[str] = list(report.get("flags") or [])
    merged = _merge_facts(sources, flags)
    announced = next(
        (
            s.payload["meeting"]["announced_task_count"]
            for s in sources
            if s.payload["meeting"].get("announced_task_count")
        ),
        None,
    )
    if announced is not None and announced != report["n_tasks"]:
        flags.append("task_count_differs_from_announced")
    out.meetings.append(
        {
            "meeting_id": meeting_id,
            "plan_id": plan_id_for(
                report["scope"], report.get("region_code"), report.get("work_year"), report["field"], primary.doc_id
            ),
            "name": report["name"],
            "level": report["scope"],
            "region_code": report.get("region_code"),
            "is_national_health_work_conference": bool(report.get("is_national_health_work_conference")),
            "work_year": report.get("work_year"),
            **merged,
            "n_tasks": report["n_tasks"],
            "announced_task_count": announced,
            "n_sources": len(sources),
            "primary_doc_id": primary.doc_id,
            "flag": ";".join(dict.fromkeys(flags)) or None,
        }
    )
    for source in sources:
        out.meeting_sources.append(
            {
                "meeting_id": meeting_id,
                "doc_id": source.doc_id,
                "role": meeting_source_role(source.kind) or "report",
                "is_primary": source is primary,
                "n_tasks_reported": source.payload["meeting"]["n_tasks"],
            }
        )
    _add_officials(out, meeting_id, sources)
    _add_sections(out, meeting_id, sources)


def _merge_facts(sources: list[DocumentRecord], flags: list[str]) -> dict[str, Any]:
    """Dates, place and lead official from the best source that states them; disagreements flagged."""
    merged: dict[str, Any] = {}
    for key in ("start_date", "end_date", "location", "lead_official"):
        values = [s.payload["meeting"].get(key) for s in sources if s.payload["meeting"].get(key)]
        merged[key] = values[0] if values else None
        if len(set(values)) > 1:
            flags.append(f"sources_disagree_on_{key}")
    return merged


def _add_officials(out: MeetingTables, meeting_id: str, sources: list[DocumentRecord]) -> None:
    seen: set[tuple[str, str]] = set()
    for source in sources:
        for official in source.payload["meeting"].get("officials") or []:
            key = (official["name"], official["role"])
            if key in seen:
                continue
            seen.add(key)
            out.meeting_officials.append(
                {
                    "meeting_id": meeting_id,
                    "name": official["name"],
                    "title": official.get("title"),
                    "role": official["role"],
                    "doc_id": source.doc_id,
                    "char_start": official["start"],
                    "char_end": official["end"],
                }
            )


def _add_sections(out: MeetingTables, meeting_id: str, sources: list[DocumentRecord]) -> None:
    for kind in ("review", "requirements"):
        for source in sources:
            sections = [s for s in source.payload["meeting"].get("sections") or [] if s["kind"] == kind]
            if not sections:
                continue
            for part_no, section in enumerate(sections, start=1):
                out.meeting_sections.append(
                    {
                        "meeting_id": meeting_id,
                        "section": kind,
                        "part_no": part_no,
                        "text": section["text"],
                        "doc_id": source.doc_id,
                        "char_start": section["start"],
                        "char_end": section["end"],
                    }
                )
            break
