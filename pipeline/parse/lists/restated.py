"""Lists that say the same work twice: a summary said before the full list (会议要求，要抓好A，…；要抓好B，… and
then 一是抓好A…；二是抓好B…), or a passage that restates it after. The work is read once.

An item repeats a list when [first_passage] repeat_share of the character pairs of its headline stand in the
list's words (pipeline/data/lists.toml); a list restates another when most of its items repeat it. Of two such
lists the later goes, or the earlier when it is the shorter (a summary of the fuller list after it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from pipeline.parse.lists.rules import rules


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


def repeats(title: str, words: str) -> bool:
    """Whether most character pairs of an item's headline stand in `words` ([first_passage] repeat_share)."""
    pairs = {title[i : i + 2] for i in range(len(title) - 1)}
    return bool(pairs) and sum(pair in words for pair in pairs) >= rules()["first_passage"]["repeat_share"] * len(pairs)


def restates(titles: list[str], words: str) -> bool:
    """Whether most of a list's items (their headlines) repeat another list's words."""
    return 2 * sum(repeats(title, words) for title in titles) > len(titles)


def without_restatements(text: str, lists: list[list[S]], title: Callable[[S], str]) -> list[list[S]]:
    """The lists in their order, without those that restate another (see module doc)."""
    def words(found: list[S]) -> str:
        return "".join(text[item.start : item.end] for item in found)

    dropped: set[int] = set()
    for a, first in enumerate(lists):
        for b in range(a + 1, len(lists)):
            if a in dropped or b in dropped:
                continue
            second = lists[b]
            if restates([title(item) for item in second], words(first)):
                dropped.add(b)
            elif len(first) < len(second) and restates([title(item) for item in first], words(second)):
                dropped.add(a)
    return [found for index, found in enumerate(lists) if index not in dropped]
