"""The plan a conference report states: its meeting's issuer, level, region and work year, and its tasks."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any

from pipeline.data import read_csv
from pipeline.parse.conference.fallback import ConferenceMention, fallback_tasks
from pipeline.parse.conference.order import flag_swallowed_items
from pipeline.parse.conference.passages import with_later_passages
from pipeline.parse.conference.plan_tasks import edited_tasks
from pipeline.parse.conference.types import MeetingReport
from pipeline.parse.lists import reviews_past_work
from pipeline.parse.statements import statement, task
from pipeline.text.work_years import FROM_DIRECTIVE, FROM_PERIOD, FROM_REVIEWED

# Meeting flags that are also the plan's (its work year and region come from the meeting).
_SHARED_FLAGS = (
    "work_year_sources_disagree",
    "region_ambiguous",
    "joint_meeting_of_regions",
    "meeting_found_by_shape",
    FROM_DIRECTIVE,
    FROM_PERIOD,
    FROM_REVIEWED,
)


@cache
def _meeting_type_slugs() -> list[tuple[str, str]]:
    rows = [(row["name_suffix"], row["slug"]) for row in read_csv("meeting_types.csv")]
    return sorted(rows, key=lambda row: -len(row[0]))


def meeting_field(name: str) -> str:
    """Short ASCII name of a meeting's field (卫生健康工作会议 → health-work); a hash when unknown."""
    for suffix, slug in _meeting_type_slugs():
        if name.endswith(suffix):
            return slug
    return "m" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def conference_statement(text: str, report: MeetingReport, genre: str) -> dict[str, Any]:
    """The plan stated by one report of a meeting: the whole text, its tasks in order, its commentary."""
    tasks = [
        task(
            text,
            ordinal=reported.ordinal,
            title=reported.title,
            start=reported.start,
            end=reported.end,
            marker=reported.marker,
            marker_issue=reported.marker_issue,
        )
        for reported in report.tasks
    ]
    commentary = [
        {"task_ordinal": note.task_ordinal, "start": note.start, "end": note.end, "text": text[note.start : note.end]}
        for note in report.commentary
    ]
    flags = []
    spans = [(t.start - len(t.marker or ""), t.end) for t in report.tasks]
    if spans and reviews_past_work(text, spans):
        tasks, commentary = [], []
        flags.append("review_list_left_out")
    else:
        tasks, commentary = edited_tasks(text, tasks, commentary, report.work_year, flags)
    if not tasks:
        tasks, fallback_flags = fallback_tasks(text, 0, report.work_year)
        flags += fallback_flags if tasks else [*fallback_flags, "no_tasks"]
    if tasks:
        tasks = with_later_passages(text, tasks, min(t["start"] for t in tasks), report.work_year, flags)
    flag_swallowed_items(text, tasks)
    if report.work_year is None:
        flags.append("work_year_unknown")
    flags += [flag for flag in report.flags if flag in _SHARED_FLAGS]
    if tasks and report.announced_task_count and len(tasks) < report.announced_task_count:
        flags.append("list_cut_short")  # 2 of the 6 announced: the copy stops before the list ends
    if report.scope != "national" and report.region_code is None and "joint_meeting_of_regions" not in report.flags:
        flags.append("region_unresolved")
    return statement(
        genre=genre,
        level=report.scope,
        region_code=report.region_code,
        field=meeting_field(report.name),
        work_year=report.work_year,
        start=0,
        end=len(text),
        tasks=tasks,
        title=report.name,
        flags=flags,
        commentary=commentary,
    )


def mention_statement(text: str, mention: ConferenceMention, genre: str) -> dict[str, Any]:
    """The plan stated by a report of a meeting the meeting parser could not read (no meeting row)."""
    tasks, fallback_flags = fallback_tasks(text, mention.end, mention.work_year)
    flags = ["meeting_not_parsed", *mention.flags, *fallback_flags]
    tasks = with_later_passages(text, tasks, mention.end, mention.work_year, flags)
    flags += [] if tasks else ["no_tasks"]
    if mention.level != "national" and mention.region_code is None:
        flags.append("region_unresolved")
    if mention.work_year is None:
        flags.append("work_year_unknown")
    return statement(
        genre=genre,
        level=mention.level,
        region_code=mention.region_code,
        field=meeting_field(re.sub("(?:视频|电视电话)?会议?$", "会议", mention.name)),
        work_year=mention.work_year,
        start=0,
        end=len(text),
        tasks=tasks,
        title=mention.name,
        flags=flags,
    )
