"""New-year addresses (新年致辞, 新年贺词) by the head of a health authority: the address opens a year, so it
states that year's plan, even when the page is cut before the part that sets the work out.

Evidence: a title-like line (no sentence or clause mark) at the top names the address (pipeline/data/announced_plans.toml [new_year] titles) and a
health authority (a meeting organiser of pipeline/data/meetings.toml: 卫生健康委, 卫生健康局, 疾控局…) is named
in those lines as the speaker's body, or, when they name none that gives a level and a region (作者：市卫健委办公室), in the
greeting that opens the address (我谨代表宣城市卫生健康委员会，向…: its first greeting_chars characters). An address by a hospital, a company or a government as a whole states
no health plan here.

Level and region: the body's (pipeline.parse.work_points.issuer.level_from_body). Work year: the year printed
before the address word (2019年新年致辞), else the year after the publication date's when it falls in the
last months of a year, else that year (flagged work_year_from_published), else the latest year the head lines and
the greeting print (2018年就要离去，…2019年即将走来; flagged work_year_from_greeting). Tasks: none are read from the
address itself; the plan's list, when the page reaches it, is read by pipeline.parse.announced (新的一年，
我们将…) before this reader is tried. A plan without tasks is flagged plan_text_not_reached.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.announced import prose_plan_statement
from pipeline.parse.conference.common import alternation, lexicon
from pipeline.parse.work_points.issuer import level_from_body
from pipeline.parse.work_points.issuer import lexicon as work_points_lexicon

PLAN_TEXT_NOT_REACHED = "plan_text_not_reached"
WORK_YEAR_FROM_PUBLISHED = "work_year_from_published"
WORK_YEAR_FROM_GREETING = "work_year_from_greeting"


@cache
def _rules() -> dict[str, Any]:
    return read_toml("announced_plans.toml")["new_year"]


@cache
def _body() -> re.Pattern[str]:
    return re.compile(rf"[\u4e00-\u9fff]{{0,20}}?(?:{alternation(lexicon()['meeting']['organisers'])})")


def _head(text: str) -> str:
    """The lines at the top of the text (up to head_lines, stopping before the first long paragraph)."""
    lines = []
    for line in text.split("\n")[: _rules()["head_lines"]]:
        if len(line) > _rules()["head_line_max"]:
            break
        lines.append(line)
    return "\n".join(lines)


def new_year_address(text: str, published: date | None) -> dict[str, Any] | None:
    """The plan a health authority's new-year address opens; None when the text is no such address."""
    head = _head(text)
    address = re.compile(rf"((?:19|20)\d{{2}})?年?(?:{alternation(_rules()['titles'])})")
    titles = [  # a title line: no clause mark before the address word (…新年寄语：改革开放再出发，…: a subtitle after it)
        found
        for line in head.split("\n")
        if (found := address.search(line)) and not re.search("[。，；！？]", line[: found.start()]) and "。" not in line
    ]
    if not titles:
        return None
    titled = titles[0]
    greeting = text[len(head) : len(head) + _rules()["greeting_chars"]]  # 我谨代表宣城市卫生健康委员会，向…
    national = work_points_lexicon()["header"]["national_words"]
    bodies = [(body, *level_from_body(body.group(), national)) for body in [*_body().finditer(head), *_body().finditer(greeting)]]
    # a body that names its region (我谨代表宣城市卫生健康委员会) outranks one that names only a level (作者：市卫健委办公室)
    placed = [found for found in bodies if found[1] is not None and (found[2] is not None or found[1] == "national")]
    levelled = [found for found in bodies if found[1] is not None]
    if not levelled:
        return None
    body, level, region_code = (placed or levelled)[0]
    flags = [PLAN_TEXT_NOT_REACHED]
    if titled.group(1):
        work_year: int | None = int(titled.group(1))
    elif published is not None:
        flags.append(WORK_YEAR_FROM_PUBLISHED)
        work_year = published.year + 1 if published.month in _rules()["next_year_months"] else published.year
    elif years := [int(found) for found in re.findall(r"((?:19|20)\d{2})年", head + greeting)]:
        flags.append(WORK_YEAR_FROM_GREETING)  # 2018年就要离去，…的2019年即将走来: the latest year is the new one
        work_year = max(years)
    else:
        work_year = None
    result = prose_plan_statement(text, [], level, region_code, work_year, flags)
    result["issuer"] = body.group()
    return result
