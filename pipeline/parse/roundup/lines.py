"""Line-level recognisers of a round-up with province header lines: items, group headings, headlines.

Input is the cleaned text split into non-blank lines (split_lines); pipeline.parse.roundup.sections
uses these to find the province sections and their measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.data import read_toml

MAX_HEADING = 30  # a measure or group heading is short
MAX_LONG_HEADING = 50  # an item heading longer than MAX_HEADING is accepted but flagged "long_heading"
MAX_HEADLINE = 50  # a section's slogan headline
MAX_GROUP_LINE = 40  # a numbered group line without a colon

CN_NUM = "一二三四五六七八九十"
SENTENCE_PUNCT = re.compile("[。；！？]")
YEAR_LED = re.compile(r"^(展望|面向)?(?:19|20)\d{2}年")
MARKER = rf"(?:第?[{CN_NUM}]{{1,3}}[、.．]|[（(][{CN_NUM}\d]{{1,3}}[）)]|\d{{1,2}}[、.．]|[①-⑳])\s*"
NUMBER_MARKER = re.compile(f"^{MARKER}")


@cache
def lexicon() -> dict[str, Any]:
    """The round-up parser's words (pipeline/data/roundup.toml)."""
    return read_toml("roundup.toml")


def alternation(words: list[str]) -> str:
    """A regex alternation of the words, in their order (write longer words first)."""
    return "|".join(map(re.escape, words))


LEAD_IN = re.compile(alternation(lexicon()["lines"]["lead_in"]))


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Item:
    heading_start: int
    heading_end: int
    body_start: int
    body_end: int


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            lines.append(Line(offset + lead, offset + len(stripped), stripped.strip()))
        offset += len(raw) + 1
    return lines


def is_heading_text(heading: str, max_length: int = MAX_HEADING) -> bool:
    """A heading is short, has no sentence punctuation and is not a dated intro or a lead-in."""
    return (
        2 <= len(heading) <= max_length
        and not SENTENCE_PUNCT.search(heading)
        and not YEAR_LED.match(heading)
        and not LEAD_IN.search(heading)
    )


def colon_split(line: Line) -> tuple[int, str, str] | None:
    """Split "<head>：<rest>" at the first colon; return (colon index, head, rest)."""
    match = re.search("[：:]", line.text)
    if match is None:
        return None
    return match.start(), line.text[: match.start()], line.text[match.end() :]


def match_item(line: Line) -> Item | None:
    """A headed item "<heading>：<body>" (an optional list marker before the heading is skipped)."""
    split = colon_split(line)
    if split is None:
        return None
    colon, head, rest = split
    marker = NUMBER_MARKER.match(head)
    skip = marker.end() if marker else 0
    if not rest.strip() or not is_heading_text(head[skip:].strip(), MAX_LONG_HEADING):
        return None
    heading_end = line.start + len(head.rstrip())
    body_start = line.start + colon + 1 + (len(rest) - len(rest.lstrip()))
    return Item(line.start + skip, heading_end, body_start, line.end)


def group_heading(lines: list[Line], index: int) -> str | None:
    """The group heading on this line, if the line is one; else None."""
    line = lines[index]
    split = colon_split(line)
    if split is not None:
        _, head, rest = split
        if not rest.strip() and is_heading_text(head.strip()):
            return head.strip()  # "十大重点任务："
        return None
    if SENTENCE_PUNCT.search(line.text) or YEAR_LED.match(line.text):
        return None
    if NUMBER_MARKER.match(line.text) and len(line.text) <= MAX_GROUP_LINE:
        return line.text  # "一、优化医疗资源布局，提升基层服务能力"
    follows_item = index + 1 < len(lines) and match_item(lines[index + 1]) is not None
    if len(line.text) <= MAX_HEADING and follows_item:
        return line.text  # "实施“两大战略”"
    return None


def is_headline(line: Line) -> bool:
    return (
        len(line.text) <= MAX_HEADLINE
        and not SENTENCE_PUNCT.search(line.text)
        and not re.search("[：:]", line.text)
        and not YEAR_LED.match(line.text)
        and not NUMBER_MARKER.match(line.text)
    )


def is_lead_in(line: Line) -> bool:
    """A short line announcing a list, e.g. "主要工作如下：" (neither intro nor group)."""
    return len(line.text) <= MAX_HEADING and bool(LEAD_IN.search(line.text)) and line.text[-1] in "：:"
