"""Shared helpers of the meeting parser: the lexicon file, paragraphs with offsets, numerals, a meeting named in passing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.numbers import parse_number

# A numeral as printed in markers and dates: Arabic digits or Chinese numerals.
NUMERAL = r"(?:\d{1,2}|[〇零一二两三四五六七八九十]{1,3})"
# A year: four Arabic digits of a year since 1900 that no digit runs into (not the 6620 of 86620), or four Chinese
# digits (二〇二五).
YEAR = r"(?:(?<!\d)(?:19|20)\d{2}(?!\d)|[〇零一二三四五六七八九]{4})"
# a year printed in Arabic digits before 年 (2024年), the digits in group 1: the readers' plain year pattern
ARABIC_YEAR = re.compile(r"((?:19|20)\d{2})年")
_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


@dataclass(frozen=True)
class Paragraph:
    """One line of the cleaned text and where it sits."""

    index: int
    start: int
    end: int
    text: str


@cache
def lexicon() -> dict[str, Any]:
    """The parsed pipeline/data/meetings.toml."""
    return read_toml("meetings.toml")


SENTENCE_ENDS = "。！？\n"


def sentence_start(text: str, position: int, ends: str = SENTENCE_ENDS) -> int:
    """Where the sentence holding `position` starts: after the last of `ends` before it (0 if none)."""
    return max(text.rfind(end, 0, position) for end in ends) + 1


def sentence_end(text: str, position: int, ends: str = SENTENCE_ENDS) -> int:
    """Where the sentence holding `position` ends: at the first of `ends` from it on (len(text) if none)."""
    return min((i for end in ends if (i := text.find(end, position)) >= 0), default=len(text))


def fill(pattern: str) -> str:
    """Replace the {N} (numeral) and {Y} (year) placeholders of a lexicon regex."""
    return pattern.replace("{N}", NUMERAL).replace("{Y}", f"(?P<y>{YEAR})")


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """Compile a lexicon regex (placeholders filled), cached."""
    return re.compile(fill(pattern))


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def paragraphs(text: str) -> list[Paragraph]:
    """Split a cleaned text into its lines, keeping offsets."""
    out: list[Paragraph] = []
    offset = 0
    for index, line in enumerate(text.split("\n")):
        out.append(Paragraph(index, offset, offset + len(line), line))
        offset += len(line) + 1
    return out


def numeral_value(numeral: str) -> int | None:
    """The value of an Arabic or Chinese numeral (一 → 1, 十一 → 11, 二〇二五 → 2025, 12 → 12)."""
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 4 and all(c in _CHINESE_DIGITS for c in numeral):
        return int("".join(str(_CHINESE_DIGITS[c]) for c in numeral))
    value = parse_number(numeral)
    return int(value) if value is not None and value.is_integer() else None


def rstrip_span(text: str, start: int, end: int, chars: str = "") -> int:
    """Move `end` left over whitespace (and `chars`) but not before `start`."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return end


def lstrip_span(text: str, start: int, end: int, chars: str = "") -> int:
    """Move `start` right over whitespace (and `chars`) but not past `end`."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    return start


_CLAUSE_ENDS = "，。；！？\n"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between ，。；！？ or line ends) that holds text[start:end]."""
    clause_start = max(text.rfind(char, 0, start) for char in _CLAUSE_ENDS) + 1
    ends = [i for char in _CLAUSE_ENDS if (i := text.find(char, end)) >= 0]
    return clause_start, min(ends) if ends else len(text)


def named_in_passing(text: str, start: int, end: int) -> bool:
    """Whether the clause of the meeting named at text[start:end] names it in passing or relays it (继…会议召开之后,
    传达在京召开的…会议精神), not as held (meetings.toml [in_passing])."""
    clause_start, clause_end = _clause(text, start, end)
    cfg = lexicon()["in_passing"]
    if compiled(cfg["passing_before"]).search(text, clause_start, start):
        return True
    return compiled(cfg["passing_after"]).search(text[end:clause_end]) is not None


def named_in_passing_or_to_come(text: str, start: int, end: int) -> bool:
    """Whether the meeting named at text[start:end] is named in passing, or as to come (将于…召开, 拟召开)."""
    clause_start, clause_end = _clause(text, start, end)
    to_come = compiled(lexicon()["in_passing"]["to_come"]).search(text, clause_start, clause_end)
    return to_come is not None or named_in_passing(text, start, end)


def area_level_and_region(area: str, context: str) -> tuple[str | None, str | None]:
    """The level and region of the area a meeting's name opens on (the words before its field or year: 全县, 区,
    湖南省长沙市, 西吉县, 常宁市), one order of evidence for every reader of a meeting's name ([mention] of
    pipeline/data/meetings.toml): (1) the area is a scope or bare administrative word (全县, 区: area_levels);
    (2) it names a county, a county-level city or a district (西吉县, 常宁市, 王益区), resolved by the context;
    (3) it ends with a county's suffix (县, 旗, 区, not_county_areas apart: 自治区, 社区): a county the table
    does not single out; (4) the last region it names (湖南省长沙市: 长沙市); (5) it opens on a scope word
    (全县爱国…: county). (None, None) when none holds."""
    from pipeline.text.regions import county_named, find_regions

    words = lexicon()["mention"]
    levels = words["area_levels"]
    for level, scope in levels.items():
        if area in scope:
            return str(level), None
    if county := county_named(area, context):
        return "county", county.code
    if re.search("(?:县|旗|区)$", area) and not area.endswith(tuple(words["not_county_areas"])):
        return "county", None
    if named := find_regions(area):
        return named[-1][0].level, named[-1][0].code
    for level, scope in levels.items():
        if area.startswith(tuple(word for word in scope if word in words["area_words"])):
            return str(level), None
    return None, None
