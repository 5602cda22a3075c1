"""Target comparators: whether a number is a minimum, a maximum, an approximation, a range or exact.

What belongs here: reading the comparator of one mention from its range, from the cue glued after
it (以上, 以内, 左右, 余) or from a cue word before it (至少, 不超过, 突破, 近 ...), and the words
right before the number that stand between it and its verb (adverbs, cue words, "to" markers).
What does not: the verb's meaning for the indicator (targets_indicator).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.text.targets.lexicon import Lexicon
from pipeline.text.targets.mentions import Mention
from pipeline.text.targets.phrases import Span, blocked, endswith


@dataclass(frozen=True)
class Approach:
    """The words right before a number, read backwards past adverbs, cue words and "to" markers."""

    verb: Span | None  # a verb right before the number (新增, 达到, 增配 …)
    tail: int  # end of the words before the number once adverbs and cue words are removed
    to_marker: bool  # 提高到, 至: the number is the level reached, not an increment
    cue_before: bool  # a comparator word stands right before the number (床位数不超过6张)


def comparator(text: str, m: Mention, region_start: int, lex: Lexicon) -> tuple[str, Span | None]:
    """Comparator of a mention: range, else a cue after it, else a non-eq cue before it, else eq."""
    cue = prefix_cue(text, region_start, m.start, lex)
    if m.value_max is not None:
        return "range", cue
    if m.cue:
        return m.cue, cue
    if cue and cue.word in lex.cue_words:
        return next(c.comparator for c in lex.prefix_cues if c.word == cue.word), cue
    return "eq", cue


def prefix_cue(text: str, region_start: int, pos: int, lex: Lexicon) -> Span | None:
    """The cue word before a number (至少, 不少于, 突破, 过, 达到 …): non-eq first, then the closest."""
    found: list[tuple[bool, int, int, Span]] = []
    for cue in lex.prefix_cues:
        i = text.find(cue.word, max(region_start, pos - cue.max_gap - len(cue.word)), pos)
        while i != -1:
            e = i + len(cue.word)
            gap = pos - e
            if 0 <= gap <= cue.max_gap and not any(ch.isdigit() for ch in text[e:pos]):
                if not blocked(text, i, e, lex):
                    found.append((cue.comparator == "eq", gap, -len(cue.word), Span(i, e, cue.word)))
            i = text.find(cue.word, i + 1, pos)
    return min(found, key=lambda f: f[:3])[3] if found else None


def approach(text: str, region_start: int, pos: int, lex: Lexicon) -> Approach:
    """The verb right before a number at `pos`, read back past adverbs, cue words and "to" markers."""
    tail, to_marker, cue_before = pos, False, False
    while tail > region_start:
        word = endswith(text, region_start, tail, lex.adjacent_verbs)
        if word and not blocked(text, tail - len(word), tail, lex):
            return Approach(Span(tail - len(word), tail, word), tail, to_marker, cue_before)
        word = endswith(text, region_start, tail, lex.strippable)
        if not word:
            break
        to_marker = to_marker or word.endswith(lex.to_markers)
        cue_before = cue_before or word in lex.cue_words
        tail -= len(word)
    return Approach(None, tail, to_marker, cue_before)
