"""Round-up items led by a region or its health body as the subject of a plan sentence, at any level.

    北京市卫生健康委表示，今年将加快…。上海市提出，2026年要深化…；广州市将…
    江苏省政府工作报告明确，今年要实施…

A sentence (or a ；-clause) opens an item when it starts with a region's name (province, prefecture or county),
optionally its body (卫生健康委, 政府工作报告…), and a statement verb or modal (表示, 提出, 将, 要…) follows within a
few characters (pipeline/data/roundup.toml [subjects]). The verb must be close: a region named inside a sentence
of results (浙江省已建成…) or as an example opens nothing.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.roundup.lines import alternation, lexicon
from pipeline.text.regions import COUNTY, PREFECTURE, PROVINCE, Region, find_counties, find_regions, resolve_county

_WORDS = lexicon()["subjects"]
_LEAD = re.compile(_WORDS["lead"])
_BODY = re.compile(f"{_WORDS['between']}(?:{alternation(_WORDS['bodies'])})[》”]?")
_SENTENCE_START = re.compile(r"(?<=[。！？；])\s*")


@cache
def _verb_after(limit: int) -> re.Pattern[str]:
    return re.compile(rf"[^，。；：、]{{0,{limit}}}?(?:{alternation(_WORDS['verbs'])})")


def region_at(text: str, at: int, end: int) -> tuple[Region, int] | None:
    """The region whose name starts exactly at `at` (province, prefecture, or a county's full name resolved by the
    text's other names), and where its name ends."""
    stop = min(end, at + 12)
    found = find_regions(text, at, stop, levels=(PROVINCE, PREFECTURE))
    if found and found[0][1] == at:
        return found[0][0], found[0][2]
    counties = find_counties(text, at, stop)
    if counties and counties[0][1] == at:
        county = resolve_county(counties[0][0], text)
        if county is not None and county.level == COUNTY:
            return county, counties[0][2]
    return None


def subject_at(text: str, at: int, end: int) -> tuple[Region, int, int] | None:
    """(region, where its name ends, where the words after its verb start) when a region or its body at `at`
    (after a lead: a date, 记者从, 在…) is the subject of a statement verb or modal within a few characters."""
    at = _LEAD.match(text, at, end).end()
    named = region_at(text, at, end)
    if named is None:
        return None
    region, after = named
    body = _BODY.match(text, after, end)
    limit = _WORDS["after_body"] if body else _WORDS["after_region"]
    verb = _verb_after(limit).match(text, body.end() if body else after, end)
    if verb is None:
        return None
    words = verb.end()
    while words < end and text[words] in "，：,:":
        words += 1
    return region, after, words


def subject_starts(text: str, start: int, end: int) -> list[int]:
    """Where sentences or ；-clauses inside text[start:end] (not at `start`) open with a region as a subject."""
    return [
        match.end()
        for match in _SENTENCE_START.finditer(text, start, end)
        if match.end() < end and subject_at(text, match.end(), end) is not None
    ]


def within(inner: Region, outer: Region) -> bool:
    """Whether `inner` lies inside `outer` (a city in its province, a county in its prefecture or province)."""
    return inner.code != outer.code and outer.code in (inner.province_code, inner.prefecture_code)
