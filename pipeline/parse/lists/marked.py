"""Marked lists: items opened by ordinal markers of one family, counting 1, 2, 3….

Families (pipeline/data/lists.toml [markers]): 一是/一要 (mixed in one list: 一要…二要…三是), 一、,
（一）, 1./1、, （1）, 第一, ①, ⑴, ㈠, 1）, 首先…其次…最后. A marker counts where it opens a paragraph or stands
after a boundary of its family (一是 after ，or 。; 一、 only after a sentence end). A chain starts at 1;
a number skipped or repeated on the way is accepted and the chain is flagged out of order.

Real pages are copied in pieces: a list may start after 1 (its first items lost), skip several numbers (lines
lost) and run its items inline after 。/；. Read with `midway` (find_chains), the markers of one family that are
next to each other in the text and count up ([markers.midway]: at least min_items, at most max_gap numbers
missing between two) are a chain too, flagged as started mid-way; a lone or decreasing number is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.parse.lists.rules import NUMERAL, rules
from pipeline.text.numbers import parse_number, series_value

_MAX_VALUE = 30


@dataclass(frozen=True)
class Marker:
    """A printed marker: family, value, span (`end` is where the item's words may start)."""

    family: str
    value: int
    start: int
    end: int
    inline: bool = False  # stands after a boundary inside a paragraph, not at its start

    def printed(self, text: str) -> str:
        return text[self.start : self.end].rstrip("，,：:")


@dataclass(frozen=True)
class Chain:
    """Markers of one list, in order; `out_of_order` when a number was skipped or repeated."""

    markers: tuple[Marker, ...]
    out_of_order: bool
    midway: bool = False  # starts after 1: the copy lost the list's first items

    @property
    def start(self) -> int:
        return self.markers[0].start


_NOT_FAMILIES = ("boundaries", "sequence_values", "midway")  # tables of [markers] that are no family's regex


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {family: re.compile(p.replace("{N}", NUMERAL)) for family, p in rules()["markers"].items() if family not in _NOT_FAMILIES}


def _value(family: str, match: re.Match[str]) -> int | None:
    if "c" in match.groupdict():  # one character of a series (①, ⑴, ㈠): its place in the series
        return series_value(match.group("c"))
    if family == "sequence":
        return rules()["markers"]["sequence_values"][match.group("s")]
    value = parse_number(match.group("n"))
    return int(value) if value is not None and value.is_integer() and 0 < value <= _MAX_VALUE else None


def find_markers(text: str, start: int, end: int) -> list[Marker]:
    """Every marker in text[start:end] that stands at a paragraph start or after its family's boundary."""
    boundaries = rules()["markers"]["boundaries"]
    found: list[Marker] = []
    for family, pattern in _patterns().items():
        for match in pattern.finditer(text, start, end):
            before = _previous_visible(text, match.start())
            if before not in ("\n", "") and before not in boundaries[family]:
                continue
            value = _value(family, match)
            if value is not None:
                found.append(Marker(family, value, match.start(), match.end(), before not in ("\n", "")))
    return sorted(found, key=lambda m: (m.start, -m.end))


def _previous_visible(text: str, position: int) -> str:
    """The character before `position`, skipping spaces (a paragraph start gives "\\n" or "")."""
    index = position - 1
    while index >= 0 and text[index] in " \t\u3000":
        index -= 1
    return text[index] if index >= 0 else ""


def find_chains(markers: list[Marker], *, midway: bool = False) -> list[Chain]:
    """Chains of each family counting up from 1 (another 1 of the family ends a chain); with `midway`, also the
    chains that start after 1 (_midway_chains)."""
    chains: list[Chain] = []
    for family in sorted({m.family for m in markers}):
        own = [m for m in markers if m.family == family]
        found = []
        for index, first in enumerate(own):
            if first.value == 1:
                chain = _chain_from(own[index:])
                if chain is not None:
                    found.append(chain)
        if midway and family in _midway()["families"]:
            found += _midway_chains(own, found)
        chains += found
    return sorted(chains, key=lambda c: c.start)


def _midway() -> dict:
    return rules()["markers"]["midway"]


def _midway_chains(own: list[Marker], chains: list[Chain]) -> list[Chain]:
    """Runs of a family's markers outside its chains from 1, each next to the one before in the text, counting up by
    at most max_gap + 1, that start after 1: a list whose first items the copy lost (3.…4.…6.…). A run of fewer than
    min_items markers is none (a lone 3.5 or 2、 in prose); a number that does not count up ends the run."""
    spans = [(c.markers[0].start, c.markers[-1].start) for c in chains]
    free = [m for m in own if not any(s <= m.start <= e for s, e in spans)]
    runs: list[list[Marker]] = []
    for marker in free:
        run = runs[-1] if runs else None
        if run and own.index(marker) == own.index(run[-1]) + 1 and 0 < marker.value - run[-1].value <= _midway()["max_gap"] + 1:
            run.append(marker)
        else:
            runs.append([marker])
    out = []
    for run in runs:
        if len(run) >= _midway()["min_items"] and run[0].value > 1:
            gapped = any(b.value != a.value + 1 for a, b in zip(run, run[1:], strict=False))
            out.append(Chain(tuple(run), gapped, midway=True))
    return out


def _chain_from(own: list[Marker]) -> Chain | None:
    """The chain from own[0] (a 1): each next number, one skipped or repeated, or, for the marker next to the chain's
    last in the text, up to [markers.midway] max_gap skipped (1.…2.…6.…: lines the copy lost)."""
    chain = [own[0]]
    out_of_order = False
    max_gap = _midway()["max_gap"] if own[0].family in _midway()["families"] else 1
    for index, marker in enumerate(own[1:], start=1):
        last = chain[-1].value
        if marker.value == 1:
            break
        if marker.value == 0:  # 最后: the last item
            chain.append(marker)
            break
        next_to_last = own[index - 1] is chain[-1]
        if marker.value == last + 1:
            chain.append(marker)
        elif (marker.value in (last, last + 2) or (next_to_last and last < marker.value <= last + 1 + max_gap)) and marker.start > chain[-1].end:
            chain.append(marker)
            out_of_order = True
    if len(chain) < 2:
        return None
    return Chain(tuple(chain), out_of_order)
