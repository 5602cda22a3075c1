"""Clauses that join several measures, and clauses that are no measure of their own (pipeline.parse.lists).

* `joined_spans`: a clause of measures joined by 、 — two when the words after the 、 are led by an adverb and a
  directive verb (积极推进A改革、逐步完善B制度), or a list of [shape] min_verb_list_parts or more parts each led by
  a directive verb (稳步推进A建设、扎实开展B、推进C、加强D防控); a 、-list sized by a count (一体推进A、B、C
  “三个体系”建设) stays one enumeration, and two nouns (守正创新、传承发展工作) are none;
* `is_bare`: a bare verb (推进), a verb and a count (抓好三件大事), a verb and a slogan (坚持强基、稳二、控三), or a
  clause that only announces the list after it (做好以下重点工作);
* `count_after`: a count after an enumeration (等三项) that sizes it.

Spans are absolute (start, end) offsets; the words are pipeline/data/lists.toml [shape].
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.lists.rules import NUMERAL, alternation, shape, starts_with_adverb, verb_at, verb_end

Span = tuple[int, int]


def joined_spans(text: str, start: int, end: int) -> list[Span]:
    """The measures of the clause text[start:end]: itself, or its parts when it joins measures by 、."""
    if count_after().search(text, start, end):
        return [(start, end)]
    if parts := _verb_list(text, start, end):
        return parts
    for index in range(start + 1, end - 1):
        if text[index] == "、" and verb_at(text, index + 1, end) and starts_with_adverb(text, index + 1, end):
            if not is_bare(text, start, index) and _has_object(text, index + 1, end) and verb_at(text, start, index):
                return [(start, index), *joined_spans(text, index + 1, end)]
    return [(start, end)]


def _has_object(text: str, start: int, end: int) -> bool:
    """Whether the words text[start:end] are a measure of their own after a 、: not bare, and their verb has an object
    of [shape] min_object_chars or more (…的系统性、整体性、协同性: 协同性 is a noun, no verb and object)."""
    verb = verb_end(text, start, end)
    words = text[verb:end].rstrip("。；;，,") if verb is not None else ""
    return not is_bare(text, start, end) and len(words) >= shape("min_object_chars")


def _verb_list(text: str, start: int, end: int) -> list[Span]:
    """The parts of a 、-list of measures, each led by a directive verb and none bare or inside a quotation."""
    cuts = [i for i in range(start, end) if text[i] == "、" and text.count("“", start, i) <= text.count("”", start, i)]
    if len(cuts) + 1 < shape("min_verb_list_parts"):
        return []
    parts = list(zip([start] + [c + 1 for c in cuts], cuts + [end], strict=True))
    if all(verb_at(text, s, e) and not is_bare(text, s, e) and e - s >= shape("min_verb_list_part_chars") for s, e in parts):
        return parts
    return []


def announces(text: str, start: int, end: int) -> bool:
    """Whether a clause only announces the list after it (做好以下重点工作, 抓好如下几项任务)."""
    verb = verb_end(text, start, end)
    return verb is not None and text.startswith(tuple(shape("announcing_words")), verb)


def is_bare(text: str, start: int, end: int) -> bool:
    """A clause that is no measure of its own: a bare verb (推进), a verb and a count only (抓好三件大事:
    the count sizes a list named elsewhere), or a verb and a slogan (坚持强基、稳二、控三)."""
    verb = verb_end(text, start, end)
    if verb is None:
        return False
    words = text[verb:end].rstrip("。；;，,")
    pieces = words.split("、")
    slogan = len(pieces) >= 2 and all(len(p) <= 3 for p in pieces) and re.search(NUMERAL, words) is not None
    return verb == end or slogan or _bare_count().match(text, verb, end) is not None or announces(text, start, end)


@cache
def _bare_count() -> re.Pattern[str]:
    """A count and at most a short noun closing a clause (三件大事, 两个方面, 五项工作; several joined by
    、: 6大任务、20项具体工作)."""
    count = rf"{NUMERAL}(?:{alternation(shape('count_words'))})[\u4e00-\u9fff]{{0,4}}"
    return re.compile(rf"{count}(?:、{count})*$")


@cache
def count_after() -> re.Pattern[str]:
    """A count after an enumeration (等三项), group n its numeral."""
    return re.compile(rf"等?(?P<n>{NUMERAL})(?:{alternation(shape('count_classifiers'))})")
