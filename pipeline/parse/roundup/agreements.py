"""Agreements between health bodies of several regions (京冀签署…合作框架协议): one plan per body that
commits to work.

A text that reports an agreement signed (签署, 签订 … 协议, 框架协议, 备忘录) and then, per body, what it
will do (北京市卫生计生委支持…主要内容包括：…；…。河北省卫生计生委支持…) states one plan per body:
level and region from the body's region, tasks from the list after its commitment, work year from the
first year the text prints (flagged work_year_from_document), since an agreement rarely names one.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.parse.clauses import paragraph_tasks
from pipeline.parse.conference.common import alternation, lexicon
from pipeline.parse.lists import list_tasks
from pipeline.parse.roundup import lines
from pipeline.parse.statements import roundup_item_field, statement
from pipeline.text.regions import find_regions

GENRE = "roundup_item"
MIN_BODIES = 2  # an agreement binds at least two bodies
_WORDS = lines.lexicon()["agreements"]
_SIGNED = re.compile(
    rf"(?:{lines.alternation(_WORDS['signing_verbs'])})[^。]{{0,80}}?(?:{lines.alternation(_WORDS['documents'])})"
)
_YEAR = re.compile(r"((?:19|20)\d{2})年")


@cache
def _commitment() -> re.Pattern[str]:
    bodies = alternation(lexicon()["meeting"]["organisers"])
    modals, verbs = lines.alternation(_WORDS["commitment_modals"]), lines.alternation(_WORDS["commitment_verbs"])
    return re.compile(rf"(?P<area>[\u4e00-\u9fff]{{2,8}}?)(?:{bodies})(?:{modals})?(?:{verbs})")


def agreement_statements(text: str) -> list[dict[str, Any]]:
    """One statement per body that commits to work under an agreement; [] when the text reports none."""
    signed = _SIGNED.search(text)
    if signed is None:
        return []
    found = []
    for match in _commitment().finditer(text, signed.end()):
        regions = find_regions(match.group("area"))
        if regions and regions[-1][2] == len(match.group("area")):
            found.append((regions[-1][0], match.start()))
    if len({region.code for region, _ in found}) < MIN_BODIES:
        return []
    year = _YEAR.search(text)
    out = []
    for index, (region, start) in enumerate(found):
        end = found[index + 1][1] if index + 1 < len(found) else _item_end(text, start)
        colon = re.search("[：:]", text[start:end])
        body = start + colon.end() if colon else end
        tasks = (paragraph_tasks(text, body, end) or list_tasks(text, body, end)) if colon else []
        flags = ["work_year_from_document" if year else "work_year_unknown"]
        if not tasks:
            flags.append("tasks_not_listed")
        out.append(
            statement(
                genre=GENRE,
                level=region.level,  # find_regions searches provinces and prefectures only
                region_code=region.code,
                field=roundup_item_field(text, start, end),
                work_year=int(year.group(1)) if year else None,
                start=start,
                end=end,
                tasks=tasks,
                opening=(start, tasks[0]["start"] if tasks else end),
                flags=flags,
            )
        )
    return out


def _item_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
