"""Meetings and their tasks, merged over every document that reports the same meeting.

Reports of one meeting share (scope, region, meeting type, work year). The best source (an official
report before a commentary before a paraphrase) supplies the published tasks; the tasks of every
other source are matched to them by content, and the agreement is recorded in task_sources.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline.data import read_csv
from pipeline.extract import meeting_source_rank, meeting_source_role
from pipeline.tables import DocumentRecord

AGREEMENT_THRESHOLD = 0.6  # bigram Dice at or above: the sources agree on the task's content
MATCH_THRESHOLD = 0.25  # below: two tasks are not the same task
_NOT_CONTENT = re.compile(r"[\s\W_]+")


@dataclass
class MeetingTables:
    """Rows of every meeting-related table."""

    meetings: list[dict[str, Any]] = field(default_factory=list)
    meeting_sources: list[dict[str, Any]] = field(default_factory=list)
    meeting_officials: list[dict[str, Any]] = field(default_factory=list)
    meeting_sections: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    task_sources: list[dict[str, Any]] = field(default_factory=list)
    commentary: list[dict[str, Any]] = field(default_factory=list)


@cache
def _meeting_type_slugs() -> list[tuple[str, str]]:
    rows = [(row["name_suffix"], row["slug"]) for row in read_csv("meeting_types.csv")]
    return sorted(rows, key=lambda row: -len(row[0]))


def meeting_slug(name: str) -> str:
    """Short ASCII name of a meeting type (卫生健康工作会议 → health-work); a hash when unknown."""
    for suffix, slug in _meeting_type_slugs():
        if name.endswith(suffix):
            return slug
    return "m" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def meeting_id_for(report: dict[str, Any]) -> str:
    region = "cn" if report["scope"] == "national" else (report.get("region_code") or "unknown")
    year = report.get("work_year") or "undated"
    return f"{region}-{year}-{meeting_slug(report['name'])}"


def content_similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams, ignoring punctuation and whitespace (0..1)."""
    a, b = _NOT_CONTENT.sub("", a), _NOT_CONTENT.sub("", b)
    grams_a = [a[i : i + 2] for i in range(len(a) - 1)]
    grams_b = [b[i : i + 2] for i in range(len(b) - 1)]
    if not grams_a or not grams_b:
        return 1.0 if a == b else 0.0
    counts: dict[str, int] = defaultdict(int)
    for gram in grams_a:
        counts[gram] += 1
    shared = 0
    for gram in grams_b:
        if counts[gram] > 0:
            counts[gram] -= 1
            shared += 1
    return 2 * shared / (len(grams_a) + len(grams_b))


def match_tasks(primary: list[dict[str, Any]], other: list[dict[str, Any]]) -> dict[int, tuple[int, float]]:
    """Match another source's tasks to the primary ones by content: {other ordinal: (primary ordinal, score)}.

    Greedy on the best remaining pair, so each task is used once; ties break on ordinal distance.
    """
    pairs = []
    for p in primary:
        for o in other:
            score = content_similarity(p["text"], o["text"])
            if score >= MATCH_THRESHOLD:
                pairs.append((-score, abs(p["ordinal"] - o["ordinal"]), p["ordinal"], o["ordinal"], score))
    pairs.sort()
    matched: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for _, _, p_ordinal, o_ordinal, score in pairs:
        if o_ordinal not in matched and p_ordinal not in used:
            matched[o_ordinal] = (p_ordinal, score)
            used.add(p_ordinal)
    return matched


def build_meeting_tables(records: list[DocumentRecord]) -> MeetingTables:
    out = MeetingTables()
    groups: dict[str, list[DocumentRecord]] = defaultdict(list)
    for record in records:
        report = record.payload.get("meeting")
        if report:
            groups[meeting_id_for(report)].append(record)
    for meeting_id in sorted(groups):
        _add_meeting(out, meeting_id, groups[meeting_id])
    return out


def _source_order(record: DocumentRecord) -> tuple[int, int, str]:
    report = record.payload["meeting"]
    return (meeting_source_rank(record.kind), -len(report["tasks"]), record.doc_id)


def _add_meeting(out: MeetingTables, meeting_id: str, sources: list[DocumentRecord]) -> None:
    sources = sorted(sources, key=_source_order)
    primary = sources[0]
    report = primary.payload["meeting"]
    flags: list[str] = list(report.get("flags") or [])
    merged = _merge_facts(sources, flags)
    by_ordinal = _add_primary_tasks(out, meeting_id, primary)
    for source in sources[1:]:
        _add_secondary_source(out, source, report["tasks"], by_ordinal, flags)
    if len(sources) > 1:
        _set_agreement(out, by_ordinal, n_other_sources=len(sources) - 1)

    announced = next(
        (
            s.payload["meeting"]["announced_task_count"]
            for s in sources
            if s.payload["meeting"].get("announced_task_count")
        ),
        None,
    )
    if announced is not None and announced != len(report["tasks"]):
        flags.append("task_count_differs_from_announced")
    out.meetings.append(
        {
            "meeting_id": meeting_id,
            "name": report["name"],
            "scope": report["scope"],
            "region_code": report.get("region_code"),
            "is_national_health_work_conference": bool(report.get("is_national_health_work_conference")),
            "work_year": report.get("work_year"),
            **merged,
            "n_tasks": len(report["tasks"]),
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
                "n_tasks_reported": len(source.payload["meeting"]["tasks"]),
            }
        )
    _add_officials(out, meeting_id, sources)
    _add_sections(out, meeting_id, sources)


def _add_primary_tasks(out: MeetingTables, meeting_id: str, primary: DocumentRecord) -> dict[int, dict[str, Any]]:
    """Publish the best source's tasks; returns the task rows by ordinal."""
    report = primary.payload["meeting"]
    by_ordinal: dict[int, dict[str, Any]] = {}
    for task in report["tasks"]:
        row = {
            "task_id": f"{meeting_id}-t{task['ordinal']:02d}",
            "meeting_id": meeting_id,
            "work_year": report.get("work_year"),
            "ordinal": task["ordinal"],
            "title": task["title"],
            "text": task["text"],
            "marker": task.get("marker"),
            "marker_issue": task.get("marker_issue"),
            "doc_id": primary.doc_id,
            "char_start": task["start"],
            "char_end": task["end"],
            "n_sources": 1,
            "sources_agree": None,
        }
        out.tasks.append(row)
        out.task_sources.append(_task_source(row["task_id"], primary.doc_id, task, 1.0, "primary"))
        by_ordinal[task["ordinal"]] = row
    return by_ordinal


def _add_secondary_source(
    out: MeetingTables,
    source: DocumentRecord,
    primary_tasks: list[dict[str, Any]],
    by_ordinal: dict[int, dict[str, Any]],
    flags: list[str],
) -> None:
    """Match another source's tasks (and its commentary) to the published tasks by content."""
    other_tasks = source.payload["meeting"]["tasks"]
    matches = match_tasks(primary_tasks, other_tasks)
    if unmatched := len(other_tasks) - len(matches):
        flags.append(f"{source.doc_id}_has_{unmatched}_unmatched_tasks")
    for other in other_tasks:
        if other["ordinal"] in matches:
            primary_ordinal, score = matches[other["ordinal"]]
            task_row = by_ordinal[primary_ordinal]
            agreement = "agrees" if score >= AGREEMENT_THRESHOLD else "differs"
            out.task_sources.append(_task_source(task_row["task_id"], source.doc_id, other, score, agreement))
            task_row["n_sources"] += 1
    for note in source.payload["meeting"].get("commentary") or []:
        if note["task_ordinal"] in matches:
            task_row = by_ordinal[matches[note["task_ordinal"]][0]]
            out.commentary.append(
                {
                    "commentary_id": f"{source.doc_id}-c{note['task_ordinal']:02d}-{note['start']}",
                    "task_id": task_row["task_id"],
                    "doc_id": source.doc_id,
                    "text": note["text"],
                    "char_start": note["start"],
                    "char_end": note["end"],
                }
            )


def _set_agreement(out: MeetingTables, by_ordinal: dict[int, dict[str, Any]], n_other_sources: int) -> None:
    """sources_agree: every other source has a matching task with the same content."""
    agreements: dict[str, list[str]] = defaultdict(list)
    for row in out.task_sources:
        if row["agreement"] != "primary":
            agreements[row["task_id"]].append(row["agreement"])
    for row in by_ordinal.values():
        found = agreements.get(row["task_id"], [])
        row["sources_agree"] = len(found) == n_other_sources and all(a == "agrees" for a in found)


def _merge_facts(sources: list[DocumentRecord], flags: list[str]) -> dict[str, Any]:
    """Dates, place and lead official from the best source that states them; disagreements flagged."""
    merged: dict[str, Any] = {}
    for key in ("start_date", "end_date", "location", "lead_official"):
        values = [s.payload["meeting"].get(key) for s in sources if s.payload["meeting"].get(key)]
        merged[key] = values[0] if values else None
        if len(set(values)) > 1:
            flags.append(f"sources_disagree_on_{key}")
    return merged


def _task_source(task_id: str, doc_id: str, task: dict[str, Any], score: float, agreement: str) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "doc_id": doc_id,
        "source_ordinal": task["ordinal"],
        "marker": task.get("marker"),
        "title": task["title"],
        "similarity": round(score, 4),
        "agreement": agreement,
        "char_start": task["start"],
        "char_end": task["end"],
    }


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
