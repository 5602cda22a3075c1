"""Measures written as prose: the verb-led clauses of a passage that states one unit's plan.

Used where the context already says the words are a plan (a round-up item about one province) but the
measures carry no markers and no ；-structure:

    今年，《某省政府工作报告》提出，将加快建设…，推进…，争取…。推动…，建成…。

Each clause (separated by ，/；/。) led by a directive verb (after optional adverbs, pipeline/data/lists.toml
[directive]) opens a task; the first clause of a sentence may follow framing (今年，…提出，将…; 2023年某省将…).
A clause not led by a directive verb continues the task before it in the same sentence, or gives nothing.
A sentence that reviews work (a review cue such as 取得, 去年, or a past mark such as 已, lists.toml
[prose]) gives no task, and a verb-led clause longer than [prose] max_clause_chars is not read as a
measure. A clause that relays or exhorts (贯彻落实…精神), states an attitude, or names no measure (a verb with no
object, an aim closing the sentence: 确保…, 实现…; stances.names_no_measure) gives no task. Every task is flagged
list_prose_clauses.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.lists.rules import directive_at, is_attitude, is_generic, rules, verb_at
from pipeline.parse.lists.stances import names_no_measure
from pipeline.parse.lists.unmarked import Piece, framed_start, trim_span

PROSE = "list_prose_clauses"
_SENTENCE = re.compile("[^。！？!?\n]+[。！？!?]?")
_CLAUSE_SEPARATORS = "，,；;"


@cache
def _review() -> re.Pattern[str]:
    words = rules()["cues"]["review"] + rules()["prose"]["past_marks"]
    return re.compile("|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True)))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    position = start
    for index in range(start, end + 1):
        if index == end or text[index] in _CLAUSE_SEPARATORS:
            s, e = trim_span(text, position, index)
            while e > s and text[e - 1] in "。！？!?":
                e -= 1
            if s < e:
                out.append((s, e))
            position = index + 1
    return out


def _lead(text: str, start: int, end: int, framed: bool) -> int | None:
    """Where a task starts in the clause text[start:end]: at its directive verb (after a modal, or after
    framing when `framed`), None when the clause is not led like a measure."""
    for modal in rules()["prose"]["leading_words"]:
        if text.startswith(modal, start) and verb_at(text, start + len(modal), end):
            return start + len(modal)
    lead = directive_at(text, start, end)
    if lead is not None:
        return lead.start
    if framed and (found := framed_start(text, start, end)) is not None:
        return found[0]
    return None


def prose_items(text: str, start: int, end: int) -> list[Piece]:
    """The measures of the prose text[start:end], in text order (one clause may be enough)."""
    limit = rules()["prose"]["max_clause_chars"]
    pieces: list[Piece] = []
    for sentence in _SENTENCE.finditer(text, start, end):
        s_start, s_end = sentence.start(), min(sentence.end(), end)
        if _review().search(text, s_start, s_end):
            continue
        in_sentence = False
        first = len(pieces)
        clauses = _clauses(text, s_start, s_end)
        for c_start, c_end in clauses:
            lead = _lead(text, c_start, c_end, framed=not in_sentence)
            if lead is not None and c_end - lead <= limit:
                pieces.append(Piece(lead, c_end, None, PROSE))
                in_sentence = True
            elif in_sentence:
                last = pieces[-1]
                pieces[-1] = Piece(last.start, c_end, None, PROSE)
        closing = clauses[-1][1] if clauses else s_end
        pieces[first:] = [p for p in pieces[first:] if is_measure(text, p, p.end == closing)]
    return pieces


def is_measure(text: str, piece: Piece, closes_sentence: bool) -> bool:
    """Whether a verb-led clause of prose names a measure (CONVENTIONS 1): not one that relays or exhorts
    (贯彻落实…精神), states an attitude (提高政治站位) or names no measure (an aim closing the sentence, a bare verb)."""
    start, end = piece.start, piece.end
    return not (is_generic(text, start, end) or is_attitude(text, start, end) or names_no_measure(text, start, end, closes_sentence))
