"""The last resort of plan recognition: a plan found by its evidence when no meeting, title, cue or address is read.

Two kinds of evidence, each naming itself in the plan's flag:

* `plan_from_year_heading`: the head lines name a year and its work (2025年 / 政府工作报告 / 卫生健康工作重点; 2024年
  全市卫生健康重点工作), and the lines after them are led by directive verbs (实施…, 深化…, 加强…), at least
  `min_lines` of them; a line without a clause mark ends the list (the heading of another field), and so does a
  line that is no directive (a review, a caption).
* `plan_from_issued_document`: a sentence reports a plan document issued (…印发《…2016年重点工作任务》) and goes
  on to state its measures (提出…, 明确…, 要求…): the verb-led clauses of that paragraph are its tasks.

Level and region are read as for announced plans (pipeline.parse.announced.level_and_region); the work year is the
year of the heading or of the document's title. Lexicon: pipeline/data/announced_plans.toml [evidence].
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.parse.announced import lexicon, prose_plan_statement
from pipeline.parse.lists import prose_tasks
from pipeline.parse.lists.rules import alternation, directive_at
from pipeline.parse.lists.stances import has_past_mark
from pipeline.parse.prose_level import level_and_region

FROM_YEAR_HEADING = "plan_from_year_heading"
FROM_ISSUED_DOCUMENT = "plan_from_issued_document"
_YEAR = r"((?:19|20)\d{2})年"


@cache
def _rules() -> dict[str, Any]:
    return lexicon()["evidence"]


@cache
def _issued() -> re.Pattern[str]:
    rules = _rules()
    return re.compile(
        rf"(?:{alternation(rules['issue_verbs'])})了?《(?P<title>[^》\n]{{0,40}}?{_YEAR}[^》\n]{{0,20}}?"
        rf"(?:{alternation(rules['plan_words'])})[^》\n]{{0,6}}?)》[^。\n]{{0,6}}?(?:{alternation(rules['measure_verbs'])})"
    )


def evidence_statement(text: str) -> dict[str, Any] | None:
    """The plan the text states by its evidence, or None."""
    if found := _year_heading_plan(text):
        return found
    if (issued := _issued().search(text)) is None:
        return None
    line_end = text.find("\n", issued.end())
    tasks = prose_tasks(text, issued.end(), len(text) if line_end < 0 else line_end)
    if len(tasks) < _rules()["min_lines"] - 1:
        return None
    return _statement(text, tasks, int(issued.group(2)), FROM_ISSUED_DOCUMENT)


def _year_heading_plan(text: str) -> dict[str, Any] | None:
    """Head lines that name a year and its work, then lines led by directive verbs."""
    rules = _rules()
    lines = [m for m in re.finditer("[^\n]+", text) if m.group().strip()]
    head = []
    for line in lines[: rules["head_lines"]]:
        if re.search("[。，；,;]", line.group()) or len(line.group()) > rules["head_line_max"]:
            break
        head.append(line)
    joined = "".join(line.group() for line in head)
    year = re.search(_YEAR, joined)
    if year is None or not any(word in joined for word in rules["plan_words"]):
        return None
    tasks: list[dict[str, Any]] = []
    for line in lines[len(head) :]:
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        if not re.search("[。，；,;]", line.group()) or directive_at(text, start, line.end()) is None:
            break
        if has_past_mark(text, start, line.end()):
            return None  # the lines report what was done
        tasks += prose_tasks(text, start, line.end())
    if len({task["start"] for task in tasks}) < rules["min_lines"]:
        return None
    return _statement(text, tasks, int(year.group(1)), FROM_YEAR_HEADING)


def _statement(text: str, tasks: list[dict[str, Any]], year: int, evidence: str) -> dict[str, Any]:
    flags = [evidence]
    level, region_code = level_and_region(text, flags)
    return prose_plan_statement(text, tasks, level, region_code, year, flags)
