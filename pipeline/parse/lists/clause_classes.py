"""The comma clauses of one prose sentence, classified (CONVENTIONS 9.2 and 9.4): which of them is a task.

A prose sentence gives one task per clause that names a measure; a task starts at the clause's first character
(after 要/将 and framing, which the caller has read into `Clause.lead`). These clauses give no task:

* guiding and relaying leads, stances and attitudes (贯彻落实…精神, 坚持…方针, 提高政治站位: rules.is_generic,
  is_framing, is_attitude), clauses reporting work done (a past mark) and verbs with no object;
* circumstance leads: a clause that only says what the work turns on (围绕…, 结合…, 以…为目标), the task starting at
  the next measure; but an enumeration of fields under one generic verb (围绕A、B、C等方面，进一步深化合作) gives
  one task per field;
* the closing run: after the sentence's last measure, the clauses that state its aim (为…贡献, 让群众…,
  推动…高质量发展, 确保… with no number) or sum up the measures before it (…，全面提升医疗卫生服务能力和水平;
  …，坚决打赢…攻坚战). A summing clause that holds a number, or whose object names a field no measure before it
  names (…，持续提升中医药服务能力), is a measure.

Words are data: pipeline/data/lists.toml [prose_clauses]. Offsets are absolute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.parse.lists.rules import (
    after_adverbs,
    alternation,
    is_attitude,
    is_framing,
    is_generic,
    rules,
    verb_at,
)
from pipeline.parse.lists.stances import has_past_mark, names_no_measure

_TRAILING = "。；;，,！？!? "


@dataclass(frozen=True)
class Clause:
    """A comma clause text[start:end]; `lead` is where its task would start (its directive verb, after a modal or
    framing), None when no directive leads it."""

    start: int
    end: int
    lead: int | None

    @property
    def task_start(self) -> int:
        """Where the clause's words start for its task: its lead, or its first character when nothing leads it."""
        return self.lead if self.lead is not None else self.start


def _cfg() -> dict:
    return rules()["prose_clauses"]


@cache
def _yi_wei_clause() -> re.Pattern[str]:
    return re.compile(_cfg()["yi_wei_clause"])


@cache
def _closing_aims() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in _cfg()["closing_aims"]))


@cache
def _sector_words() -> re.Pattern[str]:
    return re.compile(alternation(_cfg()["sector_words"]))


def _words(text: str, start: int, end: int) -> str:
    return text[start:end].rstrip(_TRAILING)


def _work(text: str, clause: Clause) -> str:
    """The clause's words from its task start, after its adverbs (全面提升… → 提升…)."""
    return _words(text, after_adverbs(text, clause.task_start, clause.end), clause.end)


def is_circumstance(text: str, clause: Clause) -> bool:
    """Whether a clause only says what the work turns on (围绕群众急难愁盼问题; 以提高人均预期寿命为目标): a head of
    [prose_clauses] circumstance_heads with no directive verb and object inside, or only 以…为X."""
    start = clause.task_start
    words = _words(text, start, clause.end)
    if _yi_wei_clause().match(words):
        return True
    position, head = _circumstance_head(text, clause)
    if head is None:
        return False
    inner_end = start + len(words)
    return not any(
        verb_at(text, p, inner_end) and _has_object(text, p, inner_end)
        for p in range(position + len(head) + 1, inner_end)
    )


def _circumstance_head(text: str, clause: Clause) -> tuple[int, str | None]:
    """Where the clause's words start after its adverbs, and the circumstance head (围绕, 结合…) printed there."""
    position = after_adverbs(text, clause.task_start, clause.end)
    return position, next((h for h in _cfg()["circumstance_heads"] if text.startswith(h, position)), None)


@cache
def _directive_verb() -> re.Pattern[str]:
    return re.compile(alternation(rules()["directive"]["verbs"]))


def _has_object(text: str, position: int, end: int) -> bool:
    """Whether words follow the verb at `position` inside text[:end] (围绕重点人群开展健康教育: 开展 has one)."""
    match = _directive_verb().match(text, position, end)
    return match is not None and match.end() < end - 1


def fields(text: str, clause: Clause) -> list[tuple[int, int]]:
    """The fields a circumstance lead enumerates (围绕A、B、C等方面 → A, B, C), or [] when it names none."""
    start = clause.task_start
    words = _words(text, start, clause.end)
    closer = re.search(rf"等(?:{alternation(_cfg()['field_closers'])})$", words)
    position, head = _circumstance_head(text, clause)
    if closer is None or head is None:
        return []
    spans, begin, stop = [], position + len(head), start + closer.start()
    for index in range(begin, stop + 1):
        if index == stop or text[index] == "、":
            if index > begin:
                spans.append((begin, index))
            begin = index + 1
    return spans if len(spans) >= rules()["shape"]["min_items"] else []


def _generic_for_fields(text: str, clause: Clause) -> bool:
    """Whether a clause after enumerated fields is their one generic verb (进一步深化合作, 加强交流合作)."""
    work = _work(text, clause)
    return work.endswith(tuple(_cfg()["field_objects"])) and len(work) <= 10


def _generic_next(text: str, clauses: list[Clause], clause: Clause) -> bool:
    """Whether the led clause after `clause` is the one generic verb of enumerated fields (进一步深化合作)."""
    after = [c for c in clauses if c.start > clause.start and c.lead is not None]
    return bool(after) and _generic_for_fields(text, after[0])


def _summing_object(text: str, clause: Clause) -> str | None:
    """The object of a capacity clause (提升…能力/水平), None when the clause is none."""
    work = _work(text, clause)
    verb = next((v for v in _cfg()["summing_verbs"] if work.startswith(v)), None)
    ending = next((o for o in sorted(_cfg()["summing_objects"], key=len, reverse=True) if work.endswith(o)), None)
    if verb is None or ending is None or len(work) < len(verb) + len(ending):
        return None
    return work[len(verb) : len(work) - len(ending)]


def _is_battle(text: str, clause: Clause) -> bool:
    work = _work(text, clause)
    return work.startswith(tuple(_cfg()["battle_verbs"])) and work.endswith(tuple(_cfg()["battle_ends"]))


def sums_up(text: str, clause: Clause, before: str) -> bool:
    """Whether a clause closing a sentence sums up the measures `before` it: a battle clause (坚决打赢…攻坚战), or a
    capacity clause whose object names no field of its own (提升基层医疗卫生服务能力: the sector; 提升应急处置能力
    after 健全应急物资储备: a field already named). A number makes it a commitment."""
    if re.search(r"\d", text[clause.start : clause.end]):
        return False
    if _is_battle(text, clause):
        return True
    obj = _summing_object(text, clause)
    if obj is None:
        return False
    rest = _sector_words().sub(" ", obj)
    pairs = {part[i : i + 2] for part in rest.split() for i in range(len(part) - 1)}
    return not rest.strip() or any(pair in before for pair in pairs)


def is_closing_aim(text: str, clause: Clause) -> bool:
    """Whether a clause states the aim of the measures before it (为…贡献, 让群众…, 推动…高质量发展, 确保… with no
    number, a clause that relays or exhorts), so that, in the closing run, it gives no task."""
    if re.search(r"\d", text[clause.start : clause.end]):
        return False
    start = clause.task_start
    return (
        _closing_aims().search(_work(text, clause)) is not None
        or is_generic(text, start, clause.end)
        or names_no_measure(text, start, clause.end, True)
    )


def names_no_measure_at(text: str, clause: Clause) -> bool:
    """Whether a led clause names no measure wherever it stands: relaying, framing, attitude, work done, a bare verb."""
    start = clause.task_start
    return (
        is_generic(text, start, clause.end)
        or is_framing(text, start, clause.end)
        or is_attitude(text, start, clause.end)
        or has_past_mark(text, start, clause.end)
        or names_no_measure(text, start, clause.end, False)
    )


def _is_measure(text: str, clause: Clause) -> bool:
    return clause.lead is not None and not names_no_measure_at(text, clause) and not is_circumstance(text, clause)


def closing_run(text: str, clauses: list[Clause]) -> int:
    """The index of the first clause of the sentence's closing run (len(clauses) when it has none): aims, and one
    clause that sums up the measures before it."""
    index, summed = len(clauses), False
    while index > 0:
        clause = clauses[index - 1]
        before = "，".join(text[c.start : c.end] for c in clauses[: index - 1] if _is_measure(text, c))
        if is_closing_aim(text, clause) or (before and not summed and sums_up(text, clause, before)):
            summed = summed or not is_closing_aim(text, clause)
            index -= 1
            continue
        break
    return index


def sentence_tasks(text: str, clauses: list[Clause], *, extend: bool = True) -> list[tuple[int, int]]:
    """(start, end) of the tasks of one prose sentence, in order: one per clause that names a measure. With `extend`,
    a clause no directive leads continues the task before it (not into the closing run)."""
    close = closing_run(text, clauses)
    tasks: list[tuple[int, int]] = []
    skip_generic = is_open = False  # after enumerated fields; the last led clause opened a task
    for clause in clauses[:close]:
        if clause.lead is None:
            if extend and is_open:
                tasks[-1] = (tasks[-1][0], clause.end)
            continue
        after_fields, skip_generic, is_open = skip_generic, False, False
        if after_fields and _generic_for_fields(text, clause):
            continue
        if (found := fields(text, clause)) and _generic_next(text, clauses, clause):
            tasks += found
            skip_generic = True
        elif is_circumstance(text, clause):
            continue
        elif not names_no_measure_at(text, clause):
            tasks.append((clause.lead, clause.end))
            is_open = True
    return tasks


def frames_a_plan(heading: str) -> bool:
    """Whether a paragraph is a heading line (short, no full stop) naming the section that frames a plan (一、总体目标;
    指导思想; [prose_clauses] framing_headings): the prose under it gives no task (CONVENTIONS 9.5)."""
    words = heading.strip()
    return (
        len(words) <= _cfg()["max_heading_chars"]
        and "。" not in words
        and any(w in words for w in _cfg()["framing_headings"])
    )
