"""Plans stated outside a conference or a work-points document: a text that announces the work ahead
and lists it — a spokesman's briefing (介绍了7项重点工作任务), a director's year-ahead article (新的一年，
将…), a commentary on the government work report (部署了12项具体任务), a work-points summary in running
text (2012年工作要点有：(1)…), a fragment that opens on a meeting's requirements (会议强调，…一是…) or a speaker's
(县长强调，全县上下要…), and a work-points outline with no title line (一、…二、…三、… at the top of the text).

Evidence: a cue (pipeline/data/announced_plans.toml) followed by a list (marked lines, or markers or
"；" clauses in one paragraph, or unmarked paragraphs that open on short lead sentences) that is not a
review. Level and region: pipeline.parse.prose_level (the cue's sentence, then the whole text).
Work year: a year in the cue, else the first year the text prints before the cue that it does not review (after a
reviewed one, the next year when the cue says 今年), else one in the cue's sentence or between the cue and the list,
else the publication year (flagged).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

from pipeline.parse.clauses import paragraph_tasks
from pipeline.parse.conference.common import ARABIC_YEAR, fill, numeral_value, sentence_start
from pipeline.parse.lists import headings_kept_whole, list_tasks, prose_tasks
from pipeline.parse.lists.enumerations import counted_enumeration
from pipeline.parse.lists.leads import lead_items
from pipeline.parse.lists.rules import reads_as_results
from pipeline.parse.outline import marker_of, parse_outline
from pipeline.parse.prose_level import CUE_SENTENCE_ENDS, cue_level_and_region, lexicon
from pipeline.parse.statements import (
    DEFAULT_FIELD,
    first_line_title,
    statement,
    task,
)
from pipeline.parse.work_points.sections import sort_sections
from pipeline.text.work_years import year_before

GENRE = "press_brief"
LIST_AFTER_OVERVIEW = "list_after_overview"
WORK_YEAR_FROM_PUBLISHED = "work_year_from_published"
LIST_CUT_SHORT = "list_cut_short"
_LEAD_MARKS = "：:，, "  # a cue's colon or comma is not part of the first item
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*[—–\-－~～至到]\s*(?:19|20)\d{2}\s*年")
_YEAR_END_MONTHS = (11, 12)  # 新的一年 written in these months is the next year
_LOOKAHEAD_LINES = 6  # lines (blank ones included) after a cue's paragraph in which its list may start


@cache
def _cues() -> list[re.Pattern[str]]:
    return [re.compile(fill(cue)) for cue in [*lexicon()["cues"], *lexicon()["fragment_openings"]]]


@cache
def _prose_cues() -> list[re.Pattern[str]]:
    return [re.compile(fill(cue)) for cue in lexicon()["prose_cues"]]


@cache
def _overview_cues() -> list[re.Pattern[str]]:
    return [re.compile(fill(cue)) for cue in lexicon()["overview_cues"]]


@cache
def _prose_stop() -> re.Pattern[str]:
    return re.compile("|".join(lexicon()["prose_stop_lines"]), re.MULTILINE)


def _prose_after(text: str, cue: re.Match[str], at: int | None = None) -> list[dict[str, Any]]:
    """The verb-led clauses of the prose after a prose cue (or from `at`), up to page furniture, in lines that
    have clause marks (a line without one is a heading or a related link's title); [] when fewer than
    prose_min_items (flag list_prose_clauses)."""
    begin = cue.end() if at is None else at
    stop = _prose_stop().search(text, begin)
    end = stop.start() if stop else len(text)
    tasks: list[dict[str, Any]] = []
    for line in re.finditer("[^\n]+", text[begin:end]):
        if re.search("[，。；,;]", line.group()):  # a line with no clause mark is a heading or a link's title
            start = begin + line.start()
            tasks += prose_tasks(text, start, begin + line.end())
    tasks = headings_kept_whole(tasks)
    for ordinal, found in enumerate(tasks, start=1):
        found["ordinal"] = ordinal
    return tasks if len(tasks) >= lexicon()["prose_min_items"] else []


def announced_statement(text: str, published: date | None) -> dict[str, Any] | None:
    """The plan a text announces and lists; None when no cue is followed by a list of the work ahead."""
    for cue, tasks in cued_lists(text):
        return _statement(text, cue, tasks, published)
    if outline := _untitled_outline(text, published):
        return outline
    for cue, tasks in prose_cued_lists(text):
        return _statement(text, cue, tasks, published)
    for pattern in _overview_cues():  # the cue's paragraph is an overview: the measures follow it
        for cue in pattern.finditer(text):
            line_end = text.find("\n", cue.end())
            if line_end >= 0 and (tasks := _prose_after(text, cue, line_end + 1) or list_below(text, line_end)):
                return _statement(text, cue, tasks, published, [LIST_AFTER_OVERVIEW])
    return None


def cued_lists(text: str, start: int = 0) -> Iterator[tuple[re.Match[str], list[dict[str, Any]]]]:
    """(cue, tasks) of every cue from `start` on that is followed by a list of the work ahead, in text order: not a
    cue whose sentence reviews, nor one a counted cue of its sentence leads, nor one whose list reviews."""
    cues = sorted((m for c in _cues() for m in c.finditer(text)), key=lambda m: m.start())
    for index, cue in enumerate(cues):
        if cue.start() < start:
            continue
        sentence = text[sentence_start(text, cue.start(), CUE_SENTENCE_ENDS) : cue.end()]
        if any(word in sentence for word in lexicon()["review_words"]):
            continue
        if _defers(text, cue, cues[index + 1 :]):
            continue  # 新的一年，…要采取七项举措，…: the counted cue of the same sentence leads the list
        count = numeral_value(cue.groupdict().get("n") or "")
        tasks = _enumerated_after(text, cue, count) or _list_after(text, cue.end(), count) or _clauses_after(text, cue)
        if tasks and not _reviews(text, cue, tasks):
            yield cue, tasks


def prose_cued_lists(text: str, start: int = 0) -> Iterator[tuple[re.Match[str], list[dict[str, Any]]]]:
    """(cue, tasks) of every prose cue from `start` on followed by a list or verb-led prose, in the lexicon's order
    (a year's own cue before a report delivered), then in text order."""
    for pattern in _prose_cues():
        for cue in pattern.finditer(text, start):
            if tasks := _list_after(text, cue.end()) or _prose_after(text, cue):
                yield cue, tasks


def _clauses_after(text: str, cue: re.Match[str]) -> list[dict[str, Any]]:
    """The verb-led clauses of the rest of a cue's line when no list follows it (工作计划包括：加强…，完善…，
    做好…。), at least prose_min_items of them."""
    line_end = text.find("\n", cue.end())
    line_end = len(text) if line_end < 0 else line_end
    clauses = prose_tasks(text, _after_lead_marks(text, cue.end(), line_end), line_end)
    return clauses if len(clauses) >= lexicon()["prose_min_items"] else []


def _after_lead_marks(text: str, at: int, end: int) -> int:
    """The position after the cue's colon, comma or spaces at `at` (not past `end`)."""
    while at < end and text[at] in _LEAD_MARKS:
        at += 1
    return at


def _reviews(text: str, cue: re.Match[str], tasks: list[dict[str, Any]]) -> bool:
    """Whether a cue's list reviews past work: most items' headlines read as results (全面完成了…, …取得新成效), or the
    cue's paragraph or the heading line above it names a past period (一年来, 过去一年, 2018年工作总结)."""
    if 2 * sum(reads_as_results(t["title"]) for t in tasks) > len(tasks):  # an item's headline, not its details
        return True
    paragraph_start = text.rfind("\n", 0, cue.start()) + 1
    heading_start = text.rfind("\n", 0, max(paragraph_start - 1, 0)) + 1
    before = text[heading_start : cue.start()]
    return any(word in before for word in lexicon()["review_periods"])


def _untitled_outline(text: str, published: date | None) -> dict[str, Any] | None:
    """A work-points outline with no title line: marked lines that open the text, enough of them, no review."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lead = next((i for i, line in enumerate(lines) if marker_of(line)), None)
    if lead is None or lead > lexicon()["outline_max_lead_lines"]:
        return None
    start = text.find(lines[lead])
    tasks, outline_flags = parse_outline(text, start, len(text))
    if len(tasks) < lexicon()["outline_min_items"]:
        return None
    if any(word in task["title"] for task in tasks for word in lexicon()["review_words"]):
        return None
    sections = sort_sections(tasks, text)  # 一、总体要求 / 二、重点任务 / 三、保障措施: only task sections give tasks
    result = _statement(text, None, sections.tasks, published, [*outline_flags, *sections.flags])
    result["target_spans"] = sections.target_spans
    result["review_spans"] = sections.review_spans
    return result


def _enumerated_after(text: str, cue: re.Match[str], count: int | None) -> list[dict[str, Any]]:
    """The items a count cue announces in its own sentence (包括六个部分，分别是A、B…以及F), when the 、 and
    a last 以及/和 give exactly that many (flag list_enumeration); `count` is the cue's."""
    if not count:
        return []
    stop = re.search("[。；;\n]", text[cue.end() :])
    end = cue.end() + stop.start() if stop else len(text)
    lead = re.match(lexicon()["enumeration_leads"], text[cue.end() : end])
    start = cue.end() + (lead.end() if lead else 0)
    pieces = counted_enumeration(text, start, end, count)
    return [
        task(text, ordinal=n, title=text[p.start : p.end], start=p.start, end=p.end, flag=p.rule)
        for n, p in enumerate(pieces, start=1)
    ]


def _defers(text: str, cue: re.Match[str], later: list[re.Match[str]]) -> bool:
    """Whether a cue with no count has a later cue with a count in its own sentence."""
    if cue.groupdict().get("n"):
        return False
    stop = re.search("[。！？\n]", text[cue.end() :])
    sentence_end = cue.end() + stop.start() if stop else len(text)
    return any(other.groupdict().get("n") and other.start() < sentence_end for other in later)


def _list_after(text: str, at: int, count: int | None = None) -> list[dict[str, Any]]:
    """The list after a cue: markers or clauses in the rest of its paragraph, else the marked lines that
    start within the next few paragraphs (a commentary may put a question or a lead-in before them), or
    lead-sentence paragraphs there. When the cue announces a count that the rest of its paragraph does not
    reach (采取七项举措，力促…，推进…。), a longer list on the lines after it is preferred."""
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    at = _after_lead_marks(text, at, line_end)
    inline: list[dict[str, Any]] = []
    if text[at:line_end].strip("：: 。"):
        inline = _marked(list_tasks(text, at, line_end)) or paragraph_tasks(text, at, line_end)
        inline = inline or list_tasks(text, at, line_end)
        if inline and (count is None or len(inline) >= count):
            return inline
    below = list_below(text, line_end)
    return below if len(below) > len(inline) else inline


def _marked(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`tasks` when every one has a marker (第一，…；第二，…: the markers, not the "；", cut the items), else []."""
    return tasks if tasks and all(found["marker"] for found in tasks) else []


def list_below(text: str, line_end: int) -> list[dict[str, Any]]:
    """A list on the lines after a cue's paragraph: marked lines, else lead-sentence paragraphs."""
    offset = line_end + 1
    for line in [line for line in text[offset:].split("\n")][:_LOOKAHEAD_LINES]:
        if line.strip() and marker_of(line.strip()):
            tasks, _ = parse_outline(text, offset, len(text))
            return tasks
        offset += len(line) + 1
    return lead_items(text, min(line_end + 1, len(text)), len(text))  # unmarked: lead-sentence paragraphs


def _statement(
    text: str,
    cue: re.Match[str] | None,
    tasks: list[dict[str, Any]],
    published: date | None,
    outline_flags: list[str] | None = None,
) -> dict[str, Any]:
    flags: list[str] = list(outline_flags or [])
    level, region_code = cue_level_and_region(text, cue, flags)
    work_year = _work_year(text, cue, published, flags, tasks[0]["start"] if tasks else None)
    announced = cue.groupdict().get("n") if cue else None
    if announced and (count := numeral_value(announced)) and len(tasks) < count:
        flags.append(LIST_CUT_SHORT)
    return prose_plan_statement(text, tasks, level, region_code, work_year, flags)


def prose_plan_statement(
    text: str,
    tasks: list[dict[str, Any]],
    level: str,
    region_code: str | None,
    work_year: int | None,
    flags: list[str],
) -> dict[str, Any]:
    """The statement of a plan a whole text states outside a meeting or a work-points outline (an announced
    plan, a new-year address, a plan found by its evidence): genre press_brief, the annual health-work field,
    the text's first line as its title, its tasks numbered in order."""
    for ordinal, found in enumerate(tasks, start=1):
        found["ordinal"] = ordinal
    return statement(
        genre=GENRE,
        level=level,
        region_code=region_code,
        field=DEFAULT_FIELD,
        work_year=work_year,
        start=0,
        end=len(text),
        tasks=tasks,
        title=first_line_title(text),
        flags=flags,
    )


def _work_year(
    text: str, cue: re.Match[str] | None, published: date | None, flags: list[str], list_start: int | None = None
) -> int | None:
    if cue is not None and (found := ARABIC_YEAR.search(cue.group())):
        return int(found.group(1))
    before = text[: cue.start() if cue else len(text)]
    if found := ARABIC_YEAR.search(before):
        ranged = _YEAR_RANGE.search(before)
        if cue is not None and ranged and ranged.start() <= found.start() < ranged.end():
            return int(ranged.group(1))  # 《三年行动计划（2025-2027年）》: the plan's first year
        this_year = cue is not None and any(word in cue.group() for word in lexicon()["deploy"]["this_year_words"])
        return year_before(text, found, len(before), this_year, flags)  # 2023年工作总结和2024年工作计划: 2024
    sentence_end = text.find("。", cue.end()) if cue else -1
    if cue is not None and (
        found := ARABIC_YEAR.search(text, cue.end(), sentence_end if sentence_end >= 0 else len(text))
    ):
        return int(found.group(1))  # 会议强调，2024年全市…要: the year of the cue's own sentence
    if cue is not None and list_start is not None and (found := ARABIC_YEAR.search(text, cue.end(), list_start)):
        return int(found.group(1))  # 会议强调，…。要…做好2023年各项工作。一是…: the year of the list's lead
    if published is not None:
        flags.append(WORK_YEAR_FROM_PUBLISHED)
        ahead = cue is not None and "新的一年" in cue.group() and published.month in _YEAR_END_MONTHS
        return published.year + 1 if ahead else published.year  # 新的一年 written in December: next year
    return None
