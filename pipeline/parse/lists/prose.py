"""Measures written as prose (CONVENTIONS 9): the tasks of a passage that states one unit's plan.

Used where the context already says the words are a plan (a round-up item about one province, a deploy sentence,
a briefing) but the measures carry no markers:

    今年，《某省政府工作报告》提出，将加快建设…，推进…，争取…。推动…，建成…。

The unit comes first (9.1): the ；-parts of a sentence, and each sentence of a run of 要-sentences built alike
(要坚持A…。要坚持B…。), are items, one task each, from their first measure (or from a circumstance lead that opens
them); a ；-part that no directive verb leads goes on with the item before it. Any other sentence is prose: each comma
clause that names a measure is one task (9.2, pipeline.parse.lists.clause_classes: no task from leads, circumstance
leads, the closing aims and the clause that sums up the measures). A clause opens a task when a directive verb leads
it (after optional adverbs, lists.toml [directive]); the first of a sentence may follow framing (今年，…提出，将…).
A clause no verb leads continues the task before it. A sentence that reviews work (a review cue such as 取得, 去年,
or a past mark such as 已, lists.toml [prose]; or most of its ；-parts stating a state reached, subject first:
…，基层服务能力持续提升；…，群众就医体验持续改善；) gives no task, and a verb-led clause longer than [prose]
max_clause_chars is not read as a measure. Every task is flagged list_prose_clauses.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.lists.clause_classes import Clause, is_circumstance, sentence_tasks
from pipeline.parse.lists.joins import joined_spans
from pipeline.parse.lists.marked import find_markers
from pipeline.parse.lists.rules import directive_at, rules, shape, states_result, verb_at
from pipeline.parse.lists.unmarked import Piece, framed_start, trim_span

PROSE = "list_prose_clauses"
_SENTENCE = re.compile("[^。！？!?\n]+[。！？!?]?")
_CLAUSE_SEPARATORS = "，,；;"
_PART = re.compile("[^；;]+")


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


def _opening_marker(text: str, start: int, end: int) -> int | None:
    """Where the words after a counted marker of the inline families ([prose] inline_marker_families: 一是/二要,
    第二，) that opens the ；-part text[start:end] start, None when no such marker opens it: a list of
    requirements run into one sentence (强调：一要A；二要B；三要C。) has one item per marker."""
    families = rules()["prose"]["inline_marker_families"]
    found = next((m for m in find_markers(text, start, end) if m.start == start and m.family in families), None)
    return found.end if found is not None and found.end < end else None


def prose_items(text: str, start: int, end: int) -> list[Piece]:
    """The measures of the prose text[start:end], in text order (one clause may be enough). The unit comes first
    (CONVENTIONS 9.1): the ；-parts of a sentence, and each sentence of a run of 要-sentences built alike, are items,
    one task each; any other sentence is prose, one task per clause that names a measure (9.2, 9.4)."""
    sentences = [
        (m.start(), min(m.end(), end))
        for m in _SENTENCE.finditer(text, start, end)
        if not _review().search(text, m.start(), min(m.end(), end)) and not _states_results(text, m.start(), min(m.end(), end))
    ]
    clauses = [_led_clauses(text, s, e) for s, e in sentences]
    alike = _alike_requirements(text, sentences, clauses)
    pieces: list[Piece] = []
    for number, (s_start, s_end) in enumerate(sentences):
        parts = _parts(text, s_start, s_end)
        if number in alike:
            pieces += _item(text, clauses[number])
        elif len(parts) >= shape("min_items"):
            first = len(pieces)
            for p_start, p_end in parts:
                part = [c for c in clauses[number] if p_start <= c.start < p_end]
                opened = _opening_marker(text, part[0].start, p_end) if part else None
                # a part neither a marker nor a verb opens goes on with the item before
                if part and opened is None and part[0].lead is None and len(pieces) > first:
                    pieces[-1] = Piece(pieces[-1].start, part[-1].end, None, PROSE)
                else:
                    pieces += _item(text, part, opened)
        else:
            tasks = sentence_tasks(text, clauses[number])
            pieces += [Piece(s, e, None, PROSE) for s, e in _split_joined(text, tasks, clauses[number])]
    return pieces


def _split_joined(text: str, tasks: list[tuple[int, int]], clauses: list[Clause]) -> list[tuple[int, int]]:
    """The tasks of a prose sentence with the measures its clauses join by 、 apart (确定了深入开展A、保障B、加快C等重点
    任务: three tasks; lists.joins.joined_spans, as the unmarked reader splits them); the clauses a task goes on
    into stay with its last measure."""
    out: list[tuple[int, int]] = []
    for start, end in tasks:
        first_end = next((c.end for c in clauses if c.start <= start < c.end), end)
        parts = joined_spans(text, start, min(first_end, end))
        out += [*parts[:-1], (parts[-1][0], end)]
    return out


def _led_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The sentence's comma clauses with where each one's task would start (the first may follow framing)."""
    limit = rules()["prose"]["max_clause_chars"]
    out: list[Clause] = []
    in_sentence = False
    for c_start, c_end in _clauses(text, start, end):
        lead = _lead(text, c_start, c_end, framed=not in_sentence)
        lead = lead if lead is not None and c_end - lead <= limit else None
        in_sentence = in_sentence or lead is not None
        out.append(Clause(c_start, c_end, lead))
    return out


def _states_results(text: str, start: int, end: int) -> bool:
    """Whether a sentence of ；-parts reviews by its shape: most of its parts (two at least) hold a clause written as
    a state reached, subject first (优质资源扩容提质，基层服务能力持续提升；…，群众就医体验持续改善；: rules.states_result)."""
    parts = _parts(text, start, end)
    return len(parts) >= 2 and 2 * sum(states_result(text[s:e]) for s, e in parts) > len(parts)


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ；-separated parts of a sentence (one part when it has no ；)."""
    return [(m.start(), m.end()) for m in _PART.finditer(text, start, end) if m.group().strip(" 。")]


def _item(text: str, clauses: list[Clause], opened: int | None = None) -> list[Piece]:
    """An item (CONVENTIONS 9.1) as one task: from its first measure, or from a circumstance lead that opens it
    (围绕…，着力构建…), to its end; none when no clause of it names a measure. An item a counted marker opens
    (`opened`: where the words after 二要/三是/第二， start) is a task from there whatever verb leads it."""
    if opened is not None and clauses:
        return [Piece(opened, clauses[-1].end, None, PROSE)]
    tasks = sentence_tasks(text, clauses)
    if not tasks:
        return []
    first = next((c.lead for c in clauses if c.lead is not None and is_circumstance(text, c)), None)
    begin = min(tasks[0][0], first) if first is not None and first < tasks[0][0] else tasks[0][0]
    return [Piece(begin, clauses[-1].end, None, PROSE)]


def _alike_requirements(text: str, sentences: list[tuple[int, int]], clauses: list[list[Clause]]) -> set[int]:
    """The sentences of runs of two or more 要-sentences built alike (CONVENTIONS 9.1 b): each opens on 要 and
    shares its next two characters (要坚持A…。要坚持B…。) or its closing two characters with a neighbour."""

    def opening(number: int) -> str | None:
        lead = next((c.lead for c in clauses[number] if c.lead is not None), None)
        if lead is None or not text.startswith(tuple(rules()["directive"]["modals"]), lead - 1):
            return None
        return text[lead : lead + 2]

    alike: set[int] = set()
    for number in range(1, len(sentences)):
        first, second = opening(number - 1), opening(number)
        closing = [text[s:e].rstrip("。！？!? ")[-2:] for s, e in sentences[number - 1 : number + 1]]
        if first and second and (first == second or closing[0] == closing[1]):
            alike.update((number - 1, number))
    return alike
