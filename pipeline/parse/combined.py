"""A plan guessed from combined evidence, tried after every other recogniser has found none.

No single reader recognised the text (no meeting held, no work-points title, no cue, no address, no heading, no
digest, no deploy sentence), yet many plans are printed that way: a page of a plan cut from its title, a task table,
a leader's requirements reported in a news item, a document's measures retold. Instead of one more gate fitted to
one wording, several independent kinds of evidence are weighed together:

* the work itself: at least `min_clauses` directive clauses (verb-led, pipeline.parse.lists.prose) in the lines
  of the text that have clause marks and report nothing done (no past or report words, no past mark, most of
  their clauses no result reached, no clause listed after a past verb of its sentence: 近年推进了…，签署…);
* and at least `min_kinds` of these kinds of evidence that the clauses are a plan, each named in the plan's flag
  (a kind may weigh more than one: [combined.weights]):
  - `evidence_plan_noun`: the title or the head lines name a plan document or the year's work (工作计划, 实施方案,
    规划, 工作思路, 重点工作…);
  - `evidence_deadline`: the clauses' lines set a time ahead (年内, 年底前, 3月底前, 到2025年, 下一步…);
  - `evidence_target`: the clauses' lines commit to a quantity (达到90%以上, 不少于30种, 控制在10%以内);
  - `evidence_sections`: a heading names a part of a plan (工作目标, 重点任务, 保障措施: pipeline/data/
    work_points.toml [sections], review sections excluded);
  - `evidence_task_table`: the head words of a task table (具体任务, 责任单位, 完成时限);
  - `evidence_speaker`: an official of a government, a party committee or a health body requires the work
    (副总理…强调，要…; 省长指出);
  - `evidence_requirements`: a meeting or a document is quoted as requiring the work (会议强调，…; 《意见》指出，…), or
    a plan document is issued (印发《…的意见》);
  - `evidence_many_clauses`: the clauses are many (`many_clauses`); it weighs as two kinds.

Its tasks are, when headings of the first marker family (一、) name the plan's task sections (工作重点, 主要任务),
the marked items of those sections (goals, framing and safeguards give none, as in work points); else the items of
the marked lists that deploy work (一是…二是…), two or more, most of them led like a plan's items; else the directive
clauses.

A text whose title lines name what is not a plan (总结, 通知 of a meeting, 培训, 考核, 表彰: `not_plan_head`) states
none; a section heading (（三）加强人员培训) and the body are not read for these work words, and the head up to its
first sentence's end only for an event held (召开, 举行, 举办: `not_plan_lead`; the meeting readers judge such a
text). The text must name health work (pipeline.parse.health_work, checked by the caller). The plan carries
`plan_guessed_from_evidence` and the evidence flags. Level and region as for announced plans, except that a
speaker's office gives the level when it differs (国务院副总理: national, flag level_from_speaker_office); work year:
the first year the head lines print, else the first year before the clauses, else the publication year (flagged).
Lexicon: pipeline/data/announced_plans.toml [combined].
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.parse.announced import lexicon, prose_plan_statement
from pipeline.parse.lists import list_tasks, prose_tasks, title_at
from pipeline.parse.lists.marked import find_markers
from pipeline.parse.lists.rules import alternation, directive_at, is_requirement_marker, reads_as_results
from pipeline.parse.lists.stances import has_past_mark
from pipeline.parse.outline import marker_of
from pipeline.parse.prose_level import level_and_region
from pipeline.parse.statements import task
from pipeline.parse.work_points.sections import section_role
from pipeline.text.work_years import printed_or_published

GUESSED = "plan_guessed_from_evidence"
LEVEL_FROM_OFFICE = "level_from_speaker_office"
_YEAR = re.compile(r"(?<![到至])((?:19|20)\d{2})年")  # not a horizon (到2020年)
_CLAUSE_MARKS = re.compile("[，。；,;]")
_TOP_MARKERS = "一二三四五六七八九十"  # the first family of an outline's markers (一、)
_FIRST_NUMBER = re.compile(r"[。：:\s]*(1[.．、](?!\d))")
_DIGIT = "digit"
_HEADING = re.compile(
    r"(?:^|(?<=[。；：:\s]))\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*"
    r"(?P<heading>[^\n。：:，,；;0-9（(]{2,16})"
)


@cache
def _rules() -> dict[str, Any]:
    return lexicon()["combined"]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    rules = _rules()
    return {
        "plan_noun": re.compile(alternation(rules["plan_nouns"])),
        "not_plan_head": re.compile(alternation(rules["not_plan_head"])),
        "not_plan_lead": re.compile(alternation(rules["not_plan_lead"])),
        "deadline": re.compile(rules["deadline"]),
        "target": re.compile(rules["target"]),
        "task_table": re.compile(alternation(rules["task_table"])),
        "speaker": re.compile(rules["speaker"]),
        "requirements": re.compile(rules["requirements"]),
        "past": re.compile(
            alternation([*lexicon()["deploy"]["past_words"], *rules["report_words"]])
        ),
    }


def _head(text: str) -> tuple[str, str]:
    """(the title lines, the head). The title lines are the first lines of the text that hold no sentence's end and
    open on no list marker (a title, a subtitle, a site's heading; not a section heading such as （三）加强人员培训);
    the head is the text up to the end of the first sentence (a headline written as a sentence: 国务院印发…规划，到
    2020年…). At most `head_chars` characters each."""
    limit = _rules()["head_chars"]
    titles = []
    for line in text[:limit].split("\n"):
        if "。" in line:
            break
        if not marker_of(line.strip()):
            titles.append(line)
    end = text.find("。")
    return "\n".join(titles), text[: min(limit, end + 1 if end >= 0 else len(text))]


def _work(text: str) -> tuple[list[dict[str, Any]], str]:
    """The directive clauses of the lines with clause marks that report nothing done (no past word, most clauses no
    result reached), a clause printed twice (a page's headline repeating its lead) once; and those lines."""
    patterns = _patterns()
    tasks: list[dict[str, Any]] = []
    lines = []
    for line in re.finditer("[^\n]+", text):
        words = line.group()
        if not _CLAUSE_MARKS.search(words) or patterns["past"].search(words):
            continue
        found = [
            t
            for t in prose_tasks(text, line.start(), line.end())
            if not has_past_mark(text, t["start"], t["end"]) and not _after_past_clause(text, t["start"])
        ]
        if 2 * sum(reads_as_results(t["text"]) for t in found) > len(found):
            continue  # most of the line's clauses state results reached: it reports
        for clause in found:
            if clause["title"] not in {taken["title"] for taken in tasks}:
                tasks.append(clause)
        lines += [line.group()] if found else []
    return tasks, "\n".join(lines)


def _after_past_clause(text: str, start: int) -> bool:
    """Whether a clause of its sentence before the one at `start` carries a past mark (近年推进了…，签署…，实施…) and
    no clause between opens on a word that turns to work ahead (要, 将, 下一步: `past_list_resets`) or sets a time
    ahead: the verbs listed after a past verb report done work too."""
    sentence = max(text.rfind(mark, 0, start) for mark in "。；;！？\n") + 1
    clauses = [m.start() for m in re.finditer("[^，,]+", text[sentence:start])]
    past = [i for i, at in enumerate(clauses) if has_past_mark(text, sentence + at, start)]
    if not past:
        return False
    later = text[sentence + clauses[past[-1]] : start]
    resets = _rules()["past_list_resets"]
    turns = any(clause.lstrip().startswith(tuple(resets)) for clause in re.split("[，,]", later)[1:])
    return not turns and _patterns()["deadline"].search(later) is None


def _evidence(text: str, head: str, lines: str, n_clauses: int) -> list[str]:
    """The kinds of evidence that the clauses (written in `lines`) are a plan, in the lexicon's order."""
    patterns = _patterns()
    headings = [m.group("heading") for m in _HEADING.finditer(text)]
    found = {
        "plan_noun": patterns["plan_noun"].search(head) is not None,
        "deadline": patterns["deadline"].search(lines) is not None,
        "target": patterns["target"].search(lines) is not None,
        "sections": any(section_role(h) in ("tasks", "goals", "safeguards", "framing") for h in headings),
        "task_table": len(set(patterns["task_table"].findall(text))) >= 2,
        "speaker": patterns["speaker"].search(text) is not None,
        "requirements": patterns["requirements"].search(text) is not None,
        "many_clauses": n_clauses >= _rules()["many_clauses"],
    }
    return [f"evidence_{kind}" for kind, seen in found.items() if seen]


def combined_statement(text: str, published: date | None) -> dict[str, Any] | None:
    """The plan guessed from the text's combined evidence, or None."""
    rules = _rules()
    title_lines, head = _head(text)
    if _patterns()["not_plan_head"].search(title_lines) or _patterns()["not_plan_lead"].search(head):
        return None
    tasks, lines = _work(text)
    if len(tasks) < rules["min_clauses"]:
        return None
    evidence = _evidence(text, head, lines, len(tasks))
    if sum(rules["weights"].get(kind, 1) for kind in evidence) < rules["min_kinds"]:
        return None
    flags = [GUESSED, *evidence]
    tasks = _section_tasks(text) or _marked_list(text) or tasks
    level, region_code = level_and_region(text, flags)
    if (speaker := _patterns()["speaker"].search(text)) and (office := _office_level(speaker.group("office"))):
        if office != level:  # 国务院副总理…强调: the nation's plan, whatever regions the attendees come from
            level, region_code = office, None
            flags.append(LEVEL_FROM_OFFICE)
    year = _YEAR.search(head) or _YEAR.search(text, 0, tasks[0]["start"])
    work_year = printed_or_published(year, published, flags)
    return prose_plan_statement(text, tasks, level, region_code, work_year, flags)


def _section_tasks(text: str) -> list[dict[str, Any]]:
    """The marked items of the task sections of a plan's own outline (一、工作目标…二、工作重点 1.…2.… 三、工作措施 1.…),
    its headings maybe run into their items on one line; [] when no heading of the first marker family (一、) names a
    task section. Sections of goals, framing, safeguards and review give none."""
    headings = [m for m in _HEADING.finditer(text) if m.group().strip()[0] in _TOP_MARKERS]
    tasks: list[dict[str, Any]] = []
    for index, heading in enumerate(headings):
        if section_role(heading.group("heading").strip()) != "tasks":
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        tasks += _numbered_items(text, heading.end(), end) or list_tasks(text, heading.end(), end)
    return tasks


def _marked_list(text: str) -> list[dict[str, Any]]:
    """The items of the marked lists the general list reader finds deploying work (一是…二是…; not requirements 要…；
    要…), when there are two or more: a list the text marks is read as marked, not clause by clause."""
    items = [found for found in list_tasks(text) if found["marker"] and not is_requirement_marker(found["marker"])]
    led = sum(directive_at(text, found["start"], found["end"]) is not None for found in items)
    if _rules()["marked_items_led"] * len(items) > led:
        return []  # a news item's numbered paragraphs, each a statement (背景源于…; 新协议明确…): its clauses are the work
    return items if len(items) >= 2 else []


def _numbered_items(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The items 1. 2. 3. … of a section whose heading runs into its first item (工作重点1.加大…。2.深入…), each up to
    the next number; [] when the section does not open on 1."""
    opening = _FIRST_NUMBER.match(text, start, end)
    if opening is None:
        return []
    starts = [(opening.start(1), opening.end())]
    for marker in find_markers(text, opening.end(), end):
        if marker.family == _DIGIT and marker.value == len(starts) + 1:
            starts.append((marker.start, marker.end))
    bounds = [*(s for s, _ in starts[1:]), end]
    return [
        task(text, ordinal=n, title=title_at(text, at, stop), start=at, end=stop, marker=text[m:at], flag="list_marked")
        for n, ((m, at), stop) in enumerate(zip(starts, bounds, strict=True), start=1)
    ]


def _office_level(office: str) -> str | None:
    """The level of an official's office (国务院副总理: national; 副省长: provincial)."""
    for level, words in _rules()["office_levels"].items():
        if any(word in office for word in words):
            return str(level)
    return None
