"""Parallel clauses that open on the same word (排比): the shared opening marks each item where no ordinal does.

Reports often list work as ；-separated clauses that repeat their first word: 着眼于A，着力B；着眼于C，着力D；…,
聚焦A，在B上发力；聚焦C，在D上发力；…, 抓A，B；抓C，D；…. Three readings follow from the repetition
(lists.toml [anaphora]):

* a clause that opens on the same word (of at least `min_chars` characters) as the clause before it continues a run
  of ；-separated items even when that word is no directive verb (着眼于), provided a directive follows in the clause;
* the first item of such a run starts at the shared word where its clause prints it after a comma, a colon or a
  word that introduces the items (…要求做好六个“聚焦”，即聚焦A，…), not at a directive found earlier in the clause;
* inside a run whose items all open on the same word, a 、 followed by that word and a clause of its own
  (抓A，B、抓C，D；) joins two items, as a ； would.

Pure functions over absolute offsets.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from pipeline.parse.lists.ends import passage_opening
from pipeline.parse.lists.rules import rules

_CJK = ("\u4e00", "\u9fff")
Span = tuple[int, int, str | None]  # an item's start, end and modal


@cache
def _config() -> dict[str, Any]:
    return rules()["anaphora"]


def _is_cjk(char: str) -> bool:
    return _CJK[0] <= char <= _CJK[1]


def shared_opening(text: str, first: int, second: int, limit: int | None = None) -> str:
    """The words that the clauses at `first` and `second` both open on (at most `max_chars` characters of CJK)."""
    size = 0
    cap = _config()["max_chars"] if limit is None else limit
    while size < cap and second + size < len(text) and text[first + size] == text[second + size]:
        if not _is_cjk(text[first + size]):
            break
        size += 1
    return text[first : first + size]


def continues(text: str, previous: int, start: int, end: int) -> bool:
    """Whether the clause text[start:end] opens on the same word, of at least `min_chars` characters, as the item at
    `previous` (着眼于…；着眼于…), and is no new passage (会议指出…；会议强调…: the same speaker, not parallel items)."""
    if passage_opening().match(text[start:end]):
        return False
    return len(shared_opening(text, previous, start)) >= _config()["min_chars"]


def run_opening(text: str, starts: list[int]) -> str:
    """The word every item of a run opens on ('' when they share none)."""
    if len(starts) < 2:
        return ""
    word = shared_opening(text, starts[0], starts[1])
    for start in starts[2:]:
        word = word[: len(shared_opening(text, starts[0], start, len(word)))]
    return word


def first_item_start(text: str, clause_start: int, clause_end: int, word: str) -> int | None:
    """Where the first item of a run opening on `word` starts in its clause: the clause's start when it opens on the
    word, else the last place the word follows a comma or colon (and a word that introduces the items: 即) or a
    modal (全县将针对A，…), or None."""
    if text.startswith(word, clause_start):
        return clause_start
    boundaries = tuple(_config()["boundaries"])
    lead_ins = sorted(_config()["lead_ins"], key=len, reverse=True)
    modals = tuple(_config()["modals"])
    found = None
    at = text.find(word, clause_start + 1, clause_end)
    while at >= 0:
        before = text[clause_start:at]
        lead = next((w for w in lead_ins if before.endswith(w)), "")
        if before[: len(before) - len(lead)].endswith(boundaries) or before.endswith(modals):
            found = at
        at = text.find(word, at + 1, clause_end)
    return found


def joined_items(text: str, start: int, end: int, word: str) -> list[tuple[int, int]]:
    """The spans of an item of a run opening on `word`, split where a 、 is followed by the word and a clause of
    its own and the words before it hold one too (抓A，B、抓C，D → 抓A，B | 抓C，D; not 抓A、抓B等，C); [(start, end)]
    when there is no such place."""
    if not word:
        return [(start, end)]
    reach = _config()["max_head_chars"]
    spans, position = [], start
    at = text.find("、" + word, start, end)
    while at >= 0:
        head_end = at + 1 + len(word)
        comma = next((i for i in range(head_end, min(end, head_end + reach)) if text[i] in "，,"), None)
        own_clause = any(c in text[position:at] for c in "，,")  # 抓A，B、抓C，D: not 抓A、抓B等，D
        if comma is not None and own_clause and "、" not in text[head_end:comma]:
            spans.append((position, at))
            position = at + 1
        at = text.find("、" + word, at + 1, end)
    return [*spans, (position, end)]


def parallel(
    text: str, run: list[Span], first_clause: tuple[int, int], before: tuple[int, int] | None, opens: Callable[[int, int], bool]
) -> list[Span]:
    """A run of ；-separated items (start, end, modal) read as parallel clauses when they open on one word: when the
    second and third items share it, the first item from that word in its clause `first_clause` (or, when that clause
    opens on it, from the word in the clause `before`, after its framing, if `opens` finds a directive after it:
    会议要求，着眼于A，着力B；着眼于C…); when every item shares it, an item holding 、 + the word split in two."""
    if len(run) < 2:
        return run
    # the word the two items after the first open on; for a run of two, the word both clauses open on, when the
    # clause before supplies a third item (将针对A，加快B；针对C，推进D；针对E，…)
    word = run_opening(text, [s for s, _, _ in run[1:3]]) if len(run) > 2 else shared_opening(text, first_clause[0], run[1][0])
    if len(word) < (1 if len(run) > 2 else _config()["min_chars"]):
        return run
    head = first_item_start(text, *first_clause, word) if run[0][1] == first_clause[1] else None
    if head is not None:
        run = [(head, run[0][1], run[0][2] if head >= run[0][0] else None), *run[1:]]
    if head == first_clause[0] and before is not None:
        earlier = first_item_start(text, *before, word)
        if earlier is not None and earlier > before[0] and opens(earlier, before[1]):
            run = [(earlier, before[1], None), *run]
    if len(run) < 3 or run_opening(text, [s for s, _, _ in run]) != word:
        return run
    return [(s, e, marker if s == start else None) for start, end, marker in run for s, e in joined_items(text, start, end, word)]
