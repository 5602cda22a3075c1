"""What a conference report states when the meeting parser finds no task list, or no meeting at all.

* Tasks: the lists that the general list reader (pipeline.parse.lists) finds after the meeting sentence.
* A meeting the meeting parser does not read (a county meeting, "收看…视频会", "在…召开的…会议上"):
  its name, level, region and work year from the name itself, so that the report still states a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.parse.conference.common import (
    ARABIC_YEAR,
    area_level_and_region,
    lexicon,
    named_in_passing_or_to_come,
    sentence_start,
)
from pipeline.parse.conference.speeches import speech_meeting
from pipeline.parse.lists import list_tasks
from pipeline.parse.lists.year_passage import lead_year
from pipeline.text.regions import find_regions

_WORDS = lexicon()["mention"]
REVIEW_YEAR_LIST_LEFT_OUT = "review_year_list_left_out"


def _words(key: str) -> str:
    """A regex alternation of one word list of [mention] (pipeline/data/meetings.toml), in its order."""
    return "|".join(map(re.escape, _WORDS[key]))


_AREA = rf"([\u4e00-\u9fff]{{2,9}}?(?:{_words('area_suffixes')}))"
_NAME = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}}年)?(?P<area>{_words('area_words')}|[\u4e00-\u9fff]{{2,9}}?(?:{_words('area_suffixes')}))?"
    rf"(?P<field>{_words('fields')})工作(?:视频|电视电话)?会(?:议)?"
)
_HELD_BEFORE_NAME = f"(?:{_words('held_before_name')})$"


@cache
def _held() -> re.Pattern[str]:
    """The verbs of a sentence that reports a meeting held or watched (pipeline/data/meetings.toml)."""
    return re.compile("|".join(map(re.escape, lexicon()["meeting"]["mention_verbs"])))


def _speech_title(text: str, match: re.Match[str]) -> bool:
    """Whether the first line names a speech given at the meeting (…在2010年全国卫生工作会议上的工作报告)."""
    first_line_end = text.find("\n")
    if first_line_end >= 0 and match.end() > first_line_end:
        return False
    return text.startswith(tuple(lexicon()["meeting"]["speech_title_words"]), match.end())


@dataclass(frozen=True)
class ConferenceMention:
    """A conference named in a sentence that reports it held (or watched)."""

    name: str
    level: str
    region_code: str | None
    work_year: int | None
    start: int
    end: int
    flags: tuple[str, ...] = ()


def fallback_tasks(text: str, after: int, work_year: int | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """(tasks, flags) of the lists the general list reader finds after offset `after`; ([], []) when none. A task
    whose sentence is set by its lead-in in a year before the meeting's work year (会议指出，2023年，全市…坚持A；坚持B…,
    at a meeting deploying 2024) reviews that year: it is left out (flag review_year_list_left_out)."""
    tasks = list_tasks(text, after)
    flags = []
    if work_year is not None and (kept := [t for t in tasks if not _set_before(text, t["start"], work_year)]) != tasks:
        tasks, flags = kept, [REVIEW_YEAR_LIST_LEFT_OUT]  # renumbered with every plan's tasks (statements.numbered)
    return (tasks, ["tasks_from_list_reader", *flags]) if tasks else ([], flags)


def _set_before(text: str, start: int, work_year: int) -> bool:
    """Whether the sentence of the task at `start` is set, by a clause of its lead-in that only says when (2023年，),
    in a year before `work_year`."""
    year = lead_year(text[sentence_start(text, start) : start])
    return year is not None and year < work_year


def _area_before(text: str, sentence_start: int, match: re.Match[str]) -> str | None:
    """The area a name leaves out: a region named right before it (广西卫生健康…) or before the verb
    (西吉县召开卫生健康工作会议)."""
    field_start = match.start("field")
    named = [found for found in find_regions(text, sentence_start, field_start) if found[2] == field_start]
    if named:
        return text[named[-1][1] : field_start]
    before = re.search(_AREA + _HELD_BEFORE_NAME, text[sentence_start:field_start])
    return before.group(1) if before else None


def find_conference(text: str) -> ConferenceMention | None:
    """The first health work conference named in a sentence that reports it held or watched, not in passing nor as
    to come; else the meeting a speech transcript was given at (speeches.py, flag meeting_from_speech)."""
    for match in _NAME.finditer(text):
        start = sentence_start(text, match.start(), "。\n")
        ends = [i for i in (text.find("。", match.end()), text.find("\n", match.end())) if i >= 0]
        sentence_end = min(ends) if ends else len(text)
        if not _held().search(text, start, sentence_end) and not _speech_title(text, match):
            continue
        if named_in_passing_or_to_come(text, match.start(), match.end()):
            continue  # 传达…会议精神, 继…会议召开之后, 将于…召开: not the meeting the text reports
        area = match.group("area") or _area_before(text, start, match)
        level, region_code = area_level_and_region(area, text) if area else (None, None)
        if level is None:
            continue
        year = ARABIC_YEAR.search(text[start:sentence_end]) or ARABIC_YEAR.search(text.split("\n", 1)[0])
        return ConferenceMention(
            name=(area if not match.group("area") else "")
            + text[match.start("area") if match.group("area") else match.start("field") : match.end()],
            level=level,
            region_code=region_code,
            work_year=int(year.group(1)) if year else None,
            start=match.start(),
            end=match.end(),
        )
    if (speech := speech_meeting(text)) is not None:
        return ConferenceMention(
            speech.name, speech.level, speech.region_code, speech.work_year, speech.start, speech.end, speech.flags
        )
    return None
