"""Round-ups written as one paragraph per unit (a province, or any unit opening with its own meeting), without header
lines.

    1月17日，安徽省卫生健康工作会议召开。会议指出，2025年，全省将……；……
    江苏：2025年，全省卫生健康系统将……

An item opens with a provincial unit's name (after an optional date); the paragraphs after it that
name no province continue it. The page may start or stop in the middle of the list: text before the
first item is not an item, and an item cut off mid-sentence is flagged. An item that reports a
conference ("…会议召开。") states its plan after that sentence. Its tasks are the inline 一是… markers
or the "；" clauses of the plan part (pipeline.parse.clauses).

A digest of two or three regions' meetings opens each item with the region's own meeting sentence, at any level
(平江县卫生健康工作会议召开。/ 近日，遵义市召开全市…会议。): such a unit is an item of its own even inside an earlier
item's province, a headline naming the regions opens none, the meeting's protocol (出席, 表彰, 签订) gives no task,
and an item that lists no work and says it deploys none only reviews: no plan, though it counts as an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.parse.clauses import clause_task, paragraph_tasks
from pipeline.parse.lists import list_tasks, prose_tasks
from pipeline.parse.lists.rules import reads_as_results
from pipeline.parse.lists.unmarked import framed_start
from pipeline.parse.roundup.lines import alternation, lexicon
from pipeline.parse.roundup.subjects import region_at, subject_at, subject_starts, within
from pipeline.parse.statements import numbered, roundup_item_field, statement
from pipeline.text.regions import PROVINCE, Region, find_regions
from pipeline.text.work_years import is_reviewed

GENRE = "roundup_item"
MIN_ITEMS = 2  # distinct provinces needed to call a text a paragraph round-up
_WORDS = lexicon()["items"]
_LEAD = re.compile(_WORDS["lead"])
_AFTER_NAME = re.compile(f"(?:{alternation(_WORDS['body_suffixes'])})?[：】\\]）)]?")
_PLAN_CUE = re.compile(rf"(?:19|20)\d{{2}}年|{alternation(_WORDS['plan_cues'])}")
_HELD = re.compile(f"[^。：\\n]*?(?:{alternation(_WORDS['held_verbs'])})[^。：，\\n]*(?:[。：，]|$)")
# A unit's own meeting sentence right after its name (…县卫生健康工作会议召开 / …市2026年卫生健康工作会议于1月10日召开)
_OWN_MEETING = re.compile(
    f"[^。；：，\\n]{{0,{_WORDS['meeting_reach']}}}?(?:{alternation(_WORDS['meeting_words'])})"
    f"[^。；：\\n]{{0,{_WORDS['meeting_reach']}}}?(?:{alternation(_WORDS['held_verbs'])})"
)
_HELD_VERB = re.compile(alternation(_WORDS["held_verbs"]))
_PROTOCOL = re.compile("|".join(_WORDS["protocol"]))
_DEPLOYS = re.compile(alternation(_WORDS["deploy_words"]))
_SENTENCE_MARK = re.compile("[。；，：！？]")
_WORK_YEAR = re.compile(
    rf"((?:19|20)\d{{2}})年[，]?(?:{alternation(_WORDS['work_year_scopes'])})?[^。；]{{0,12}}?(?:{alternation(_WORDS['work_year_cues'])})"
)
_RUN_ON = re.compile(r"(?<=[。！？])\s*(?=\d{1,2}月\d{1,2}日)")  # a dated item after a sentence, mid-line
_MIN_CONTINUATION = 20  # shorter paragraphs after an item (bylines, links) do not continue it


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int


def _paragraphs(text: str) -> list[_Paragraph]:
    """Lines, each split again where a new dated item starts mid-line (…。2月12日，北京市…)."""
    out, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            end = start + len(stripped)
            cuts = [m.start() for m in _RUN_ON.finditer(text, start, end) if _opens_item_at(text, m.start(), end)]
            cuts = sorted(set(cuts) | set(subject_starts(text, start, end)))  # …。上海市提出，… / …；深圳市要求，…
            for cut_start, cut_end in zip([start, *cuts], [*cuts, end], strict=True):
                out.append(_Paragraph(cut_start, cut_end))
        offset += len(raw) + 1
    return out


def _opens_item_at(text: str, at: int, end: int) -> bool:
    """A date at `at` followed by a provincial unit's name: a round-up item that runs on in the same line."""
    lead = _LEAD.match(text, at, end)
    found = find_regions(text, lead.end(), min(end, lead.end() + 12), levels=(PROVINCE,)) if lead else []
    return (bool(found) and found[0][1] == lead.end()) or (lead is not None and _meeting_unit(text, lead.end(), end))


def _meeting_unit(text: str, at: int, end: int) -> tuple[Region, int] | None:
    """A unit of any level named at `at` whose own meeting sentence follows its name (平江县卫生健康工作会议召开;
    近日，遵义市2026年卫生健康工作会议在…召开): an item of a digest of regional meetings."""
    named = region_at(text, at, end)
    if named is None or not _OWN_MEETING.match(text, named[1], end):
        return None
    return named


def _item_unit(text: str, paragraph: _Paragraph) -> tuple[Region, int, int | None] | None:
    """The unit an item paragraph opens with, where its words after the name start, and, for an item opened as a
    subject (北京市卫生健康委表示，…; any level), where the words after its verb start."""
    if (subject := subject_at(text, paragraph.start, paragraph.end)) is not None:
        return subject
    lead = _LEAD.match(text, paragraph.start, paragraph.end)
    at = lead.end() if lead else paragraph.start
    if (meeting := _meeting_unit(text, at, paragraph.end)) is not None:
        return meeting[0], meeting[1], None
    if not _SENTENCE_MARK.search(text, paragraph.start, paragraph.end):
        return None  # a headline naming the round-up's units (湖南、江西部署2026年卫生健康工作) opens no item
    found = find_regions(text, at, min(paragraph.end, at + 12), levels=(PROVINCE,))
    if not found or found[0][1] != at:
        return None
    if not _PLAN_CUE.search(text, paragraph.start, paragraph.end):
        return None
    after = _AFTER_NAME.match(text, found[0][2], paragraph.end)
    return found[0][0], after.end() if after else found[0][2], None


def _holds_meeting(text: str, body: int, words: int | None, end: int) -> bool:
    """Whether an item opens with its unit's own meeting (…县卫生健康工作会议召开; 遵义市召开…会议): a city's or a county's
    meeting after its province's is an item of its own, not a continuation."""
    if words is not None:
        return _HELD_VERB.search(text, body, words) is not None
    return _OWN_MEETING.match(text, body, end) is not None


def _continues(text: str, paragraph: _Paragraph) -> bool:
    return paragraph.end - paragraph.start >= _MIN_CONTINUATION and bool(
        re.search("[。；]", text[paragraph.start : paragraph.end])
    )


def _reviews(text: str, clauses: list[dict[str, Any]]) -> bool:
    """Unmarked clauses most of which state results reached and none of which a directive leads."""
    led = any(framed_start(text, c["start"], c["end"]) is not None for c in clauses)
    return not led and 2 * sum(reads_as_results(c["text"]) for c in clauses) > len(clauses)


def _item_tasks(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """An item's tasks: its inline markers or "；" clauses (the first after its framing: 会议指出，2025年，全省将
    加强… → 加强…; none when they state results), or the general reader's list when that finds more items (a list of "。" sentences after
    a lead such as 会上介绍了2025年重点工作。)."""
    clauses = paragraph_tasks(text, start, end)
    if clauses and clauses[0]["marker"] is None and _reviews(text, clauses):
        clauses = []  # 会议指出，全省…取得新进展；…持续提升: results, no work
    if clauses and clauses[0]["marker"] is None:
        if (stop := text.rfind("。", clauses[0]["start"], clauses[0]["end"])) >= 0:  # a ；-list lies in one sentence:
            clauses[0] = clause_task(text, 1, stop + 1, clauses[0]["end"])  # the sentences before it frame it
        framed = framed_start(text, clauses[0]["start"], clauses[0]["end"])
        if framed is not None and framed[0] > clauses[0]["start"]:
            clauses[0] = clause_task(text, 1, framed[0], clauses[0]["end"])
    listed = list_tasks(text, start, end)
    return listed if len(listed) > len(clauses) else clauses


def parse_paragraph_roundup(text: str, default_year: int | None) -> list[dict[str, Any]]:
    """One statement per unit item; [] when fewer than MIN_ITEMS distinct units open items. A unit inside another
    item's unit (a city named after its province's report) continues the item before it; items opened as subjects
    count only when they state work (tasks found), so a round-up of results is none."""
    items: list[dict[str, Any]] = []
    for paragraph in _paragraphs(text):
        opened = _item_unit(text, paragraph)
        if opened is not None:
            region, body, words = opened
            own = _holds_meeting(text, body, words, paragraph.end)
            items.append(
                {"region": region, "body": body, "words": words, "first": paragraph, "last": paragraph, "open": True}
                | {"own_meeting": own}
            )
        elif items and items[-1]["open"] and _continues(text, paragraph):
            items[-1]["last"] = paragraph
        elif items:
            items[-1]["open"] = False  # a byline or a link: later paragraphs do not continue the item
    items = _without_nested(items)
    if len({item["region"].code for item in items}) < MIN_ITEMS:
        return []
    out = [
        (
            item,
            _statement(text, item["region"], (item["body"], item["words"]), item["first"], item["last"], default_year),
        )
        for item in items
    ]
    kept = [
        (item, plan)
        for item, plan in out
        if plan["tasks"] or ((item["words"] is None or item["own_meeting"]) and not _reviewed(plan))
    ]
    units = {item["region"].code for item, _ in kept} | {item["region"].code for item in items if item["own_meeting"]}
    return [plan for _, plan in kept] if kept and len(units) >= MIN_ITEMS else []


def _reviewed(plan: dict[str, Any]) -> bool:
    """An item that reports its unit's meeting, lists no work and says it deploys none (部署, 安排…): the meeting only
    reviewed, no plan for the unit (it still counts as an item of the digest)."""
    return "item_reviews_only" in (plan["flag"] or "").split(";")


def _deployed_year(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first work-year cue in text[start:end] whose year the item does not review (会议总结了2025年工作，部署2026年…)."""
    for found in _WORK_YEAR.finditer(text, start, end):
        if not is_reviewed(text, found.start(1), found.end(1) + 1):
            return found
    return None


def _without_nested(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items whose unit lies inside another item's unit are merged into the item before them, unless they open with
    their own meeting."""
    kept: list[dict[str, Any]] = []
    for item in items:
        if kept and not item["own_meeting"] and any(within(item["region"], other["region"]) for other in items):
            kept[-1] = {**kept[-1], "last": item["last"], "open": item["open"]}
        else:
            kept.append(item)
    return kept


def _statement(
    text: str,
    region: Region,
    opening: tuple[int, int | None],
    first: _Paragraph,
    last: _Paragraph,
    default_year: int | None,
) -> dict[str, Any]:
    """A unit item's plan; `opening` is where the words after the unit's name start and, for an item opened as a
    subject, where the words after its verb start (an item reporting an event states its plan after that sentence)."""
    body, words = opening
    subject = words is not None
    flags = ["item_opened_by_subject"] if subject else []
    held = _HELD.match(text, body, first.end)
    plan_start = held.end() if held else (words if subject else body)
    year = _deployed_year(text, plan_start, last.end) or _deployed_year(text, first.start, last.end)
    work_year = int(year.group(1)) if year else default_year
    if year is None:
        flags.append("work_year_from_document" if default_year else "work_year_unknown")
    if text[last.end - 1] not in "。！？；”）)":
        flags.append("cut_off")
    tasks = _item_tasks(text, plan_start, last.end)
    if not tasks and (subject or held):  # the words after 表示/提出/将 or a meeting: its verb-led clauses are measures
        tasks = [] if _reviews(text, prose := prose_tasks(text, plan_start, last.end)) else prose
    if held:  # who attended, who was commended, who signed: the meeting's protocol, no task of the unit
        tasks = numbered([t for t in tasks if not _PROTOCOL.search(text, t["start"], t["end"])])
    if not tasks:
        flags.append("tasks_not_listed")
        if held and not _DEPLOYS.search(text, plan_start, last.end):
            flags.append("item_reviews_only")
    if held:
        flags.append("reports_conference")
    return statement(
        genre=GENRE,
        level=region.level,
        region_code=region.code,
        field=roundup_item_field(text, first.start, last.end),
        work_year=work_year,
        start=first.start,
        end=last.end,
        tasks=tasks,
        opening=(first.start, tasks[0]["start"] if tasks else last.end),  # each target read once
        flags=flags,
    )
