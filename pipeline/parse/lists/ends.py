"""Where a list's last item ends inside its paragraph: before a reporter's byline (（记者 王五）), a site's notice, or a
sentence that opens a new passage (会议要求，…; 会上，…). The patterns are data (lists.toml [ends])."""

from __future__ import annotations

import re
from functools import cache

from pipeline.data import read_toml
from pipeline.parse.lists.rules import rules


@cache
def _byline() -> re.Pattern[str]:
    return re.compile(rules()["ends"]["byline"])


@cache
def site_notice() -> re.Pattern[str]:
    return re.compile(rules()["ends"]["site_notice"])


@cache
def passage_opening() -> re.Pattern[str]:
    return re.compile(rules()["ends"]["passage_opening"])


def closed_end(text: str, start: int, end: int) -> int:
    """End of a list's last item inside its paragraph: before a byline or a sentence opening a new passage."""
    position = start
    while (stop := text.find("。", position, end)) >= 0:
        if passage_opening().match(text[stop + 1 : end]):  # the pattern opens on ^: match a slice, not at pos
            end = stop + 1
            break
        position = stop + 1
    byline = _byline().search(text[start:end].rstrip())
    if byline:
        end = start + byline.start()
    while end > start and text[end - 1] in " \t\u3000，,、；;：:\n":
        end -= 1
    return end


@cache
def _sector_lead() -> re.Pattern[str]:
    return re.compile(rules()["ends"]["sector_lead"])


def other_sectors_part(text: str, position: int) -> bool:
    """Whether the paragraph holding `position` reports another sector's part of a joint meeting: its lead names that
    sector's work (关于文化工作，…) and no health field (lists.toml [ends] sector_lead, other_sectors)."""
    start = text.rfind("\n", 0, position) + 1
    lead = _sector_lead().match(text[start : start + 40])  # the pattern opens on ^: match a slice
    if lead is None:
        return False
    field = lead.group("field")
    health = read_toml("meetings.toml")["meeting"]["health_keywords"]
    return any(word in field for word in rules()["ends"]["other_sectors"]) and not any(word in field for word in health)
