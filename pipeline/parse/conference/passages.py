"""A conference report's later deploying passages: every passage after its list that a cue leads, read as the
prose reader reads one (issue 22).

A report often deploys in more than one passage: the leader's requirements first (会议指出，…一是…二是…), then a
sentence that announces the year's key work and lists it (2018年，全区将…，切实做好…等26项重点工作。优化…，加强…),
or a second requirements passage (会议要求，…). The meeting parser and the list reader read the first list; each
later passage is read by the announced-plan reader (pipeline.parse.announced: cued_lists, then prose_cued_lists),
one reader applied to every cue after the report's list, so that a conference report reads what a press brief of
the same words reads. A passage is left out when its cue or its items stand in a passage that reviews past work
(pipeline.parse.review_passages), when its items overlap the tasks already read, or when most of them restate
those tasks (a summary). Added tasks carry no ordinal of their own: the caller renumbers in text order, and the
plan is flagged tasks_from_later_passage.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.parse.conference.common import ARABIC_YEAR, sentence_start
from pipeline.parse.lists import restates
from pipeline.parse.review_passages import review_passages, starts_inside

FLAG = "tasks_from_later_passage"
Task = dict[str, Any]


def later_passage_tasks(text: str, tasks: list[Task], after: int, work_year: int | None) -> list[Task]:
    """Tasks of the cue-led passages after offset `after` that the `tasks` already read do not hold (see module doc);
    none of a cue whose sentence sets it in a year before the report's `work_year` (刚刚过去的2021年是…: a review)."""
    from pipeline.parse.announced import cued_lists, prose_cued_lists  # announced imports conference.common

    reviews = review_passages(text)
    taken = [(t["start"], t["end"]) for t in tasks]
    later = "".join(text[s:e] for s, e in taken)
    added: list[Task] = []
    for cue, found in [*cued_lists(text, after), *prose_cued_lists(text, after)]:
        if (
            starts_inside(cue.start(), reviews)
            or starts_inside(cue.start(), taken)
            or _set_before(text, cue, work_year)
        ):
            continue
        found = [t for t in found if not starts_inside(t["start"], reviews) and not _overlaps(t, taken)]
        if not found or restates([t["title"] for t in found], later):
            continue
        added += [{**t, "ordinal": None} for t in found]
        taken += [(t["start"], t["end"]) for t in found]
    return added


def with_later_passages(
    text: str, tasks: list[Task], after: int, work_year: int | None, flags: list[str]
) -> list[Task]:
    """`tasks` and those of the later passages after `after`, renumbered in text order; the flag appended when any."""
    added = later_passage_tasks(text, tasks, after, work_year)
    if not added:
        return tasks
    flags.append(FLAG)
    ordered = sorted([*tasks, *added], key=lambda t: t["start"])
    return [{**t, "ordinal": n} for n, t in enumerate(ordered, start=1)]


def _set_before(text: str, cue: re.Match[str], work_year: int | None) -> bool:
    """Whether the last year the cue's sentence names up to the cue's end is before `work_year`."""
    years = ARABIC_YEAR.findall(text, sentence_start(text, cue.start(), "。\n"), cue.end())
    return work_year is not None and bool(years) and int(years[-1]) < work_year


def _overlaps(task: Task, spans: list[tuple[int, int]]) -> bool:
    return any(task["start"] < e and s < task["end"] for s, e in spans)
