"""Passages of a text that review past work: no task starts in one, whichever reader found it (issue 22, rule 3).

A report or a plan often reviews before it deploys, and says so in the line that leads the review in:

    在对过去五年的工作回顾中，总理提到：        <- a lead-in that reviews: the lines after it are review
    建立了统一的城乡居民基本医疗保险制度。实施医疗、医保、医药联动改革，…
    在对今年工作的建议中，总理表示：            <- the next lead-in ends the passage

or in a section heading (一、2015年工作情况; 二、发展基础), whose section runs to the next heading of its marker
family or a higher one. The review cue words are the list reader's (pipeline.parse.lists.rules.nearest_cue: the
nearest cue decides, so 总结去年工作，部署今年任务： deploys); a heading's role is the work points' (pipeline.parse.
work_points.sections.section_role). Sizes and heading families are data: pipeline/data/lists.toml [review_passages].
`without_review` drops the tasks that start in such a passage and says so in the plan's flag
(review_section_left_out). Offsets are absolute.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from pipeline.parse.flags import add_flags
from pipeline.parse.lists.rules import REVIEW, nearest_cue, rules
from pipeline.parse.work_points.sections import section_role

FLAG = "review_section_left_out"
_SENTENCE_MARK = re.compile("[。；;！？!?]")


@cache
def _families() -> list[re.Pattern[str]]:
    return [re.compile(pattern) for pattern in rules()["review_passages"]["headings"]]


def _family(line: str) -> int | None:
    """The rank of a marked heading's family (0 highest), None when the line opens on no heading marker."""
    return next((rank for rank, pattern in enumerate(_families()) if pattern.match(line)), None)


def review_passages(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the passages that review past work, in text order."""
    return list(_review_passages(text))


def starts_inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `offset` lies inside one of the half-open `spans`."""
    return any(s <= offset < e for s, e in spans)


@lru_cache(maxsize=4)  # read for a text by every plan of it and by the conference path's later passages
def _review_passages(text: str) -> tuple[tuple[int, int], ...]:
    cfg = rules()["review_passages"]
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # where the passage being read starts
    rank: int | None = None  # its heading's family, None for a lead-in's passage
    last_end = position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        words = line.strip()
        if not words:
            continue
        family = _family(words)
        lead = len(words) <= cfg["max_lead_chars"] and words[-1] in "：:"
        heading = family is not None or (len(words) <= cfg["max_heading_chars"] and not _SENTENCE_MARK.search(words))
        if open_at is not None and (lead or heading):
            ends = rank is None or (family is not None and family <= rank) or (family is None and lead)
            if ends:
                spans.append((open_at, last_end))
                open_at = None
        if open_at is None and lead and nearest_cue(words) == REVIEW:
            open_at, rank = start + len(line), None
        elif open_at is None and family is not None and _reviews(words, family):
            open_at, rank = start, family
        last_end = start + len(line)
    if open_at is not None:
        spans.append((open_at, last_end))
    return tuple((s, e) for s, e in spans if e > s)


def _reviews(heading: str, family: int) -> bool:
    """Whether a marked heading names a review (一、2015年工作情况): its words after the marker, up to a sentence end."""
    words = _families()[family].sub("", heading, count=1)
    title = re.split("[。：:]", words, maxsplit=1)[0].strip()
    return bool(title) and section_role(title) == "review"


def without_review(text: str, plan: dict[str, Any]) -> None:
    """Drop the plan's tasks (and children) that start inside a review passage; flag the plan when any goes."""
    spans = review_passages(text)
    if not spans:
        return
    kept, dropped = _kept(plan["tasks"], spans)
    if dropped:
        plan["tasks"] = kept
        add_flags(plan, FLAG)


def _kept(tasks: list[dict[str, Any]], spans: list[tuple[int, int]]) -> tuple[list[dict[str, Any]], bool]:
    kept: list[dict[str, Any]] = []
    dropped = False
    for task in tasks:
        if starts_inside(task["start"], spans):
            dropped = True
            continue
        children, gone = _kept(task.get("children") or [], spans)
        if gone:
            task = {**task, "children": children}
            dropped = True
        kept.append(task)
    return kept, dropped
