"""The plan a work-points document states: header facts, the opening paragraph, the nested outline."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from pipeline.parse.conference.places import REGION_FROM_SLOGAN, slogan_county
from pipeline.parse.lists import list_tasks, lost_start_tasks
from pipeline.parse.outline import marker_of, parse_outline
from pipeline.parse.statements import DEFAULT_FIELD, named_field, statement, task_tree_paths
from pipeline.parse.work_points.header import (
    PLAN_FROM_PREAMBLE,
    PLAN_TITLE_MISSING,
    Header,
    lexicon,
    opening_header,
    parse_header,
    preamble_header,
)
from pipeline.parse.work_points.sections import section_role, sort_sections
from pipeline.parse.work_points.summary import summary_header, summary_plan_year

GENRE = "work_points"
MIN_ITEMS = 2  # without a manifest row, an outline of fewer items (at any depth) is not a plan
OUTLINE_START_LOST = "outline_start_lost"
OUTLINE_INLINE = "outline_inline"


def plan_field(title: str) -> str:
    """The field a work-points title names: a specialist field's work (爱国卫生工作要点 → patriotic-health,
    中医药工作要点 → tcm), health-work for an annual health work plan (卫生健康工作要点), a short hash of the
    title otherwise (卫生应急工作要点: a plan of its own, never merged with the annual one)."""
    core = re.sub(r"(?:19|20)\d{2}年", "", title)
    cfg = lexicon()["title"]
    field = named_field(core)
    if field and field != DEFAULT_FIELD and any(k in core for k in cfg["kinds"]):
        return field
    if any(f"{word}工作" in core for word in cfg["health_fields"]) and any(k in core for k in cfg["kinds"]):
        return DEFAULT_FIELD
    return "w" + hashlib.sha1(core.encode("utf-8")).hexdigest()[:8]


def _outline_bounds(text: str, header: Header) -> tuple[int, int, int]:
    """(opening start, outline start, outline end): the outline opens at the first marker line after the title."""
    after_title = header.title_end or 0
    outline_start = None
    offset = after_title
    for raw in text[after_title:].split("\n"):
        if marker_of(raw.strip()):
            outline_start = offset + len(raw) - len(raw.lstrip())
            break
        offset += len(raw) + 1
    if outline_start is None:
        return after_title, len(text), len(text)
    stop = re.compile("|".join(lexicon()["outline"]["stop_lines"]), re.MULTILINE).search(text, outline_start)
    return after_title, outline_start, stop.start() if stop else len(text)


def _inline_outline(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The items of a marked list run inline in a paragraph between the title and the first marker line (2027年重点
    做好以下工作：1.深化…。2.加强…。3.…): the general list reader's marked items there (list_marked) whose markers are an
    outline's (一、, （一）, 1., （1）, ①: pipeline.parse.outline.marker_of), for an outline that gives fewer than MIN_ITEMS
    items one per line. Items of prose markers (一是…二是…) are left to the readers of running text."""
    listed = [t for t in list_tasks(text, start, end) if "list_marked" in (t["flag"] or "").split(";")]
    return [t for t in listed if t["marker"] and marker_of(t["marker"])]


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _is_review(text: str, start: int, end: int) -> bool:
    """A heading line between the title and the outline names a review (2016年工作总结), not a plan."""
    cfg = lexicon()
    for line in text[start:end].split("\n"):
        line = line.strip()
        if line and len(line) <= cfg["title"]["max_length"] and "。" not in line:
            if any(word in line for word in cfg["outline"]["review_words"]):
                return True
    return False


def _opening(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The paragraphs between the title and the outline, stripped; None when there are none."""
    chunk = text[start:end]
    if not chunk.strip():
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def _states_a_plan(text: str, header: Header, tasks: list[dict[str, Any]], opening_start: int, outline_start: int) -> bool:
    """The evidence that a text with a work-points title states the plan itself: the notice that issues it,
    an outline of MIN_ITEMS items, or, with a shorter outline, a 文号, a signature date, an issuing body, or
    a notice or opening that speaks of the document itself (现将…印发给你们, 制定本方案, 重点做好以下工作)."""
    if header.is_notice or len(task_tree_paths(tasks)) >= MIN_ITEMS:
        return True
    cues = lexicon()["evidence"]["self_reference"]
    opening = text[: max(outline_start, opening_start)]  # the notice before the title, and the opening
    has_own_words = bool(header.doc_number or header.issued_date or header.issuer) or any(c in opening for c in cues)
    return has_own_words and (bool(tasks) or any(c in opening for c in cues))


def work_points_statement(text: str, *, required: bool = False) -> dict[str, Any] | None:
    """The plan of a work-points text; None when it is not one (unless `required`: the manifest says it is)."""
    header = parse_header(text)
    summary = summary_header(text)  # a year-end summary: only a later year's plan section states the plan
    header = summary or header or opening_header(text) or preamble_header(text)  # untitled: its opening or preamble
    if header is None and not required:
        return None
    if header is None:
        header = Header(None, None, 0, False, None, None, None, None, None, None, ())
    opening_start, outline_start, outline_end = _outline_bounds(text, header)
    tasks, flags = parse_outline(text, outline_start, outline_end)
    if lost := lost_start_tasks(text, opening_start, outline_start):  # 研究制定…。3.根据…。4.…: the outline's first part
        tasks, flags, outline_start = [*lost, *tasks], [*flags, OUTLINE_START_LOST], _paragraph_start(text, lost[0]["start"])
    n_outlined = len(task_tree_paths(tasks))
    if n_outlined < MIN_ITEMS and len(listed := list_tasks(text, outline_start, outline_end)) > n_outlined:
        tasks = listed  # markers inside a line (一、深化医改；二、加强公共卫生；三、…): the general list reader's items
    elif n_outlined < MIN_ITEMS and len(inline := _inline_outline(text, opening_start, outline_start)) >= MIN_ITEMS:
        tasks, flags, outline_start = [*inline, *tasks], [*flags, OUTLINE_INLINE], _paragraph_start(text, inline[0]["start"])
    if tasks and summary is None and _is_review(text, opening_start, outline_start):
        tasks, flags = [], [*flags, "plan_text_not_reached"]  # the outline reviews last year's work
    if summary is None and not required and not _states_a_plan(text, header, tasks, opening_start, outline_start):
        return None
    untitled = PLAN_TITLE_MISSING in header.flags or PLAN_FROM_PREAMBLE in header.flags
    if untitled and not required and len(task_tree_paths(tasks)) < MIN_ITEMS:
        return None  # an untitled opening or a preamble is a plan only over a numbered outline
    plan_headings = [task["title"] for task in tasks if section_role(task["title"]) == "tasks"]
    # framing, goals, review and safeguards sections give no task; a summary's sections review unless they plan
    sections = sort_sections(tasks, text, summary=summary is not None)
    tasks, flags = sections.tasks, [*flags, *sections.flags]
    if summary is not None:
        if not tasks and not required:
            return None  # a summary with no plan section states no plan
        header, year_flags = summary_plan_year(header, plan_headings)
        flags += year_flags
    flags += header.flags
    if header.is_notice:
        flags.append("plan_title_from_notice")
    if header.work_year is None:
        flags.append("work_year_unknown")
    region_code = header.region_code
    if header.level == "county" and region_code is None and (county := slogan_county(text)) is not None:
        region_code = county.code  # 区2023年…工作计划 whose text speaks of 健康临川: that one county
        flags.append(REGION_FROM_SLOGAN)
    if header.level is None:
        flags.append("level_unknown")
    elif header.level != "national" and region_code is None:
        flags.append("region_unresolved")
    if not tasks:
        flags.append("no_tasks")
    result = statement(
        genre=GENRE,
        level=header.level or "provincial",
        region_code=region_code,
        field=plan_field(header.title) if header.title else DEFAULT_FIELD,
        work_year=header.work_year,
        start=0,
        end=len(text),
        tasks=tasks,
        title=header.title,
        opening=_opening(text, opening_start, outline_start),
        flags=flags,
    )
    result["target_spans"] = sections.target_spans
    result["review_spans"] = sections.review_spans
    result["issuer"] = header.issuer or result["issuer"]
    result["doc_number"] = header.doc_number
    result["issued_date"] = header.issued_date.isoformat() if header.issued_date else None
    return result
