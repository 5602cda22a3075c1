"""Task markers of a conference report: inline chains (一是…二是…), paragraph markers, bare numbers.

An inline marker opens a task inside running text; it must stand at a paragraph start or after a
boundary character of its family (一是 after 。 or ，; 一、 only after a sentence end). A chain is a
run of markers of one family counting 1, 2, 3… (是 and 要 mix: 一要…二是…三是). A paragraph marker is
the numeral that opens a task paragraph: a standard one (二是, （三）, 4、) or, in garbled texts, any
numeral prefix up to the first comma (六啊, 十一月一日, 第一个方面是).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.parse.conference.common import Paragraph, compiled, lexicon, numeral_value

_MAX_MARKER_VALUE = 30


@dataclass(frozen=True)
class Marker:
    """A printed marker: its family (shi, paren, dun, di, digit), value and span."""

    family: str
    value: int
    start: int
    end: int


@dataclass(frozen=True)
class LeadingMarker:
    """The marker that opens a paragraph; `standard` is False for broken forms (六啊)."""

    printed: str
    value: int
    standard: bool
    start: int
    end: int  # where the task text may start (after the marker and its delimiter)


@cache
def _inline_patterns() -> dict[str, re.Pattern[str]]:
    return {family: compiled(p) for family, p in lexicon()["tasks"]["inline"].items()}


def inline_markers(text: str, start: int, end: int) -> list[Marker]:
    """Inline markers in text[start:end] standing at a paragraph start or after a boundary."""
    boundaries = lexicon()["tasks"]["boundaries"]
    found: list[Marker] = []
    for family, pattern in _inline_patterns().items():
        for match in pattern.finditer(text, start, end):
            before = text[match.start() - 1] if match.start() > 0 else "\n"
            if before != "\n" and before not in boundaries[family]:
                continue
            value = numeral_value(match.group("n"))
            if value is not None and 0 < value <= _MAX_MARKER_VALUE:
                found.append(Marker(family, value, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def chains(markers: list[Marker]) -> list[list[Marker]]:
    """Runs of one family counting up from 1; another 1 of the family ends a run, other values are skipped."""
    found: list[list[Marker]] = []
    families = {m.family for m in markers}
    for family in sorted(families):
        own = [m for m in markers if m.family == family]
        for i, first in enumerate(own):
            if first.value != 1:
                continue
            chain = [first]
            for marker in own[i + 1 :]:
                if marker.value == chain[-1].value + 1:
                    chain.append(marker)
                elif marker.value == 1:
                    break
            if len(chain) >= 2:
                found.append(chain)
    return found


def leading_marker(paragraph: Paragraph) -> LeadingMarker | None:
    """The numeral marker opening a paragraph, standard or broken, if any."""
    cfg = lexicon()["tasks"]["paragraph"]
    for pattern in cfg["standard"]:
        match = compiled(pattern).match(paragraph.text)
        if match and (value := numeral_value(match.group("n"))) and value <= _MAX_MARKER_VALUE:
            return _leading(paragraph, match.group(), value, True, match.end())
    return _numeral_prefix(paragraph)


def _numeral_prefix(paragraph: Paragraph) -> LeadingMarker | None:
    cfg = lexicon()["tasks"]["paragraph"]
    text = paragraph.text
    cut = min((i for i in (text.find(d) for d in cfg["prefix_delimiters"]) if i > 0), default=-1)
    if cut < 0 or cut > cfg["max_prefix_chars"]:
        return None
    match = compiled(cfg["numeral_prefix"]).match(text[:cut])
    if not match or (match.end() < cut and text[match.end()].isdigit()):
        return None
    value = numeral_value(match.group("n"))
    if not value or value > _MAX_MARKER_VALUE:
        return None
    return _leading(paragraph, text[:cut], value, False, cut + 1)


def _leading(paragraph: Paragraph, printed: str, value: int, standard: bool, end: int) -> LeadingMarker:
    return LeadingMarker(printed, value, standard, paragraph.start, paragraph.start + end)


def opens_inner_list(paragraph: Paragraph, marker: LeadingMarker) -> bool:
    """Whether a leading 一要/一是 starts an enumeration inside the paragraph (…，二要…)."""
    if marker.value != 1 or not marker.standard:
        return False
    inner = inline_markers(paragraph.text, 0, len(paragraph.text))
    return any(c[0].start == 0 for c in chains(inner))


@cache
def _bare_number() -> re.Pattern[str]:
    return compiled(lexicon()["tasks"]["paragraph"]["bare_number"])


def bare_number(paragraph: Paragraph) -> int | None:
    """The value of a paragraph that is only a task number ("1", "01", "（一）"), else None."""
    match = _bare_number().match(paragraph.text)
    if not match:
        return None
    return numeral_value(match.group("d") or match.group("n"))
