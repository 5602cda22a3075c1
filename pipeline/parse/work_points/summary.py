"""A year-end summary (区卫生健康委员会2022年卫生健康工作总结): a document that reviews a year states a plan only
in a section whose heading names a later year's plan (三、2023年工作打算, 下一步工作计划).

Its title names a summary and no kind of plan (`work_points.toml [title] summary_title`); every other section
reviews the year, whatever its heading says (一、聚焦一条主线 then 一是有效推进了…). The plan's work year is the
plan section's (2023年工作打算), else the year after the summary's (flag work_year_after_summary). A summary with
no plan section states no plan: the text is `other` (flag summary_without_plan).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.parse.outline import marker_of
from pipeline.parse.work_points.header import Header, header_for_title, lexicon, title_line, top_lines

SUMMARY_TITLE = "summary_title"  # a Header flag: the title names a summary and no plan
WORK_YEAR_AFTER_SUMMARY = "work_year_after_summary"
SUMMARY_WITHOUT_PLAN = "summary_without_plan"  # documents.flag of a summary that plans no later year
_YEAR = re.compile(r"^((?:19|20)\d{2})年")


def summary_header(text: str) -> Header | None:
    """The header of a text whose title line names a summary of past work and no plan, else None: a line of the
    head block, before the body begins (a sentence, an outline heading) and before any plan title line."""
    cfg = lexicon()["title"]
    pattern = re.compile(cfg["summary_title"])
    plan_title = title_line(text)
    for start, line in top_lines(text, cfg["search_lines"]):
        if (plan_title is not None and plan_title[0] <= start) or "。" in line or marker_of(line):
            return None  # the body has begun: a section heading (一、2023年工作总结) is no document's title
        if len(line) <= cfg["max_length"] and pattern.search(line):
            if any(kind in line for kind in cfg["kinds"]):
                return None
            header = header_for_title(text, start, line, False)
            return replace(header, work_year=None, flags=(*header.flags, SUMMARY_TITLE))  # the year: the plan's
    return None


def summary_plan_year(header: Header, plan_headings: list[str]) -> tuple[Header, list[str]]:
    """The header with the work year of a summary's plan: its plan section's year, else the year after the
    summary's (flagged); with the flags to add."""
    for heading in plan_headings:
        if found := _YEAR.match(heading.strip()):
            return replace(header, work_year=int(found.group(1))), []
    if found := re.search(r"((?:19|20)\d{2})年", header.title or ""):
        return replace(header, work_year=int(found.group(1)) + 1), [WORK_YEAR_AFTER_SUMMARY]
    return header, []

