"""Unmarked lists: parallel items recognised by their shape, not by ordinal markers.

* modal items (要…；要…。): pipeline.parse.lists.modal, which uses this module's clause splitting;
* clause items: clauses separated by ；or 。, each led by a directive verb (after adverbs) or by 以…为…;
* comma items: short verb-object clauses separated by ，(落实…，办好…，强化…);
* enumerations (、-separated items in parentheses or before a count that sizes them, A、B、C三项行动):
  pipeline.parse.lists.enumerations, which uses this module's Piece.

Every function takes absolute offsets and returns `Piece`s with absolute offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.parse.lists import anaphora
from pipeline.parse.lists.clause_classes import Clause, sentence_tasks
from pipeline.parse.lists.joins import announces, is_bare, joined_spans
from pipeline.parse.lists.rules import (
    NUMERAL,
    SENTENCE_WORDS,
    announces_list,
    directive_at,
    is_framing,
    is_modal_word,
    reads_as_results,
    rules,
    shape,
    slogan_led,
    verb_at,
)
from pipeline.parse.lists.stances import reports_work_done, slogan_runs
from pipeline.text.numbers import parse_number

MODAL = "list_modal_clauses"
CLAUSES = "list_verb_clauses"
COMMAS = "list_comma_clauses"
ENUMERATION = "list_enumeration"
ANNOUNCED = "list_announced_clauses"
PROSE = "list_prose_clauses"
_SPACE = " \t\u3000"


@dataclass(frozen=True)
class Piece:
    """One item found by its shape; text[start:end] are its words (without its modal)."""

    start: int
    end: int
    marker: str | None
    rule: str


def trim_span(text: str, start: int, end: int, chars: str = "，,、；;：:") -> tuple[int, int]:
    """Strip spaces and joiners at both ends (a closing 。 stays with its item)."""
    while start < end and (text[start] in _SPACE or text[start] in chars + "。\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1] in chars + "\n"):
        end -= 1
    return start, end


def clause_spans(text: str, start: int, end: int, separators: str) -> list[tuple[int, int, str]]:
    """(start, end, separator before it) of the clauses of text[start:end]."""
    out: list[tuple[int, int, str]] = []
    position, before = start, "\n"
    for index in range(start, end + 1):
        if index == end or text[index] in separators or text[index] == "\n":
            s, e = trim_span(text, position, index)
            if s < e:
                out.append((s, e, before))
            if index < end:
                before = text[index]
            position = index + 1
    return out


def paragraph_end(text: str, position: int, end: int) -> int:
    stop = text.find("\n", position, end)
    return stop if stop >= 0 else end


def framed_start(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """Where a clause's item starts after framing (会议提出，2024年全省将加强… → 加强…; 要做好以下五项
    工作：加强… → 加强…; 副县长要求加快… → 加快…, 要求2025年加强… → 加强…), and its modal."""
    announced = _after_announcing_colon(text, start, end)
    if announced is not None:
        return announced
    lead = directive_at(text, start, end)
    if lead is not None:
        return lead.start, lead.marker
    limit = min(end, start + 2 * shape("max_subject_chars"))
    for index in range(start + 1, limit):
        char = text[index - 1]
        if char in "，,：:" and (lead := directive_at(text, index, end)) is not None:
            return lead.start, lead.marker
        if _after_attribution(text, start, index):
            timed = _time_word().match(text, index, end)  # 要求2025年加强… → 加强…
            if (lead := directive_at(text, timed.end() if timed else index, end)) is not None:
                return lead.start, lead.marker  # 副县长要求加快… → 加快…
        modals = tuple(shape("framing_modals"))
        if text.startswith(modals, index) and not is_modal_word(text, index):
            modal = next(m for m in modals if text.startswith(m, index))
            after = index + len(modal)
            opens = verb_at(text, after, end) or text.startswith(tuple(rules()["directive"]["after_modal"]), after)
            opens = opens or slogan_led(text, after, end) is not None  # 全市要攻坚克难，高水平深化…
            if opens and not is_framing(text, after, end):
                return index + len(modal), (modal if modal not in shape("unprinted_framing_modals") else None)
    return None


def _after_attribution(text: str, start: int, index: int) -> bool:
    """Whether text[start:index] is a speaker and a verb of speech with no comma (县长要求, 他强调)."""
    return text.endswith(tuple(rules()["cues"]["attribution"]), start, index) and only_attributes(text, start, index)


def _after_announcing_colon(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """The first item of a list announced inside its clause (要做好以下5项重点工作：加强… → 加强…): after
    the colon of a lead that announces a list, when a directive leads the words after it."""
    colon = next((i for i in range(start, end) if text[i] in "：:"), -1)
    if colon < 0 or not announces_list().search(text, start, colon + 1):
        return None
    lead = directive_at(text, colon + 1, end)
    return (lead.start, lead.marker) if lead is not None else None


def clause_items(text: str, start: int, end: int) -> list[Piece]:
    """The longest run of clauses separated by ；/。, each led by a directive verb or 以…为… (the first
    after framing; a later one may open on framing when a directive follows it in the clause)."""
    best: list[Piece] = []
    run: list[Piece] = []
    first_clause = (start, start)  # the clause of the run's first item
    before: tuple[int, int] | None = None  # the clause before it
    spans = clause_spans(text, start, end, "；;。！？")
    for index, (s, e, _) in enumerate(spans):
        lead = framed_start(text, s, e) if not run else _direct(text, s, e)
        if lead is None and run and is_framing(text, s, e) and framed_start(text, s, e) is not None:
            lead = (s, None)  # …。以信息化为抓手，进一步优化…。: a measure with its framing continues the run
        if lead is None and run and anaphora.continues(text, _opening(run[-1], first_clause), s, e) and framed_start(text, s, e) is not None:
            lead = (s, None)  # 着眼于A，着力B；着眼于C，着力D: a clause opening on the item before's word continues it
        if lead is None or announces(text, lead[0], e):
            best = _parallel(text, run, first_clause, before) if len(run) > len(best) else best
            run = []
            lead = framed_start(text, s, e)
            if lead is None or announces(text, lead[0], e):
                continue  # 2024年要做好以下重点工作。: the lead of the list, not its first item
        item_start, modal = lead
        if not run:
            first_clause, before = (s, e), (spans[index - 1][:2] if index else None)
        run.append(Piece(item_start, e, modal, CLAUSES))
    best = _parallel(text, run, first_clause, before) if len(run) > len(best) else best
    return best if len(best) >= shape("min_items") else []


def _opening(piece: Piece, first_clause: tuple[int, int]) -> int:
    """Where a run's item opens for comparing with the next clause: the first item from its clause's start."""
    return first_clause[0] if piece.end == first_clause[1] else piece.start


def _parallel(text: str, run: list[Piece], first_clause: tuple[int, int], before: tuple[int, int] | None) -> list[Piece]:
    """A run's items read as parallel clauses when they open on one word (pipeline.parse.lists.anaphora.parallel)."""
    spans = [(p.start, p.end, p.marker) for p in run]
    found = anaphora.parallel(text, spans, first_clause, before, lambda s, e: framed_start(text, s, e) is not None)
    return run if found == spans else [Piece(s, e, marker, CLAUSES) for s, e, marker in found]


def _direct(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    lead = directive_at(text, start, end)  # or a slogan head and its measure, from the head (多措并举，高标准提升…)
    if lead is None and subject_scoped(text, start, end):
        return start, None  # 所有三级公立医院均开展…: a measure stated on its own subject, from the subject
    return (lead.start, lead.marker) if lead else ((start, None) if slogan_led(text, start, end) is not None else None)


def subject_scoped(text: str, start: int, end: int) -> bool:
    """Whether a clause states a measure on its own subject: a short subject (at most [shape] max_subject_chars, no
    comma) that opens on a word of scope (所有, 全部, 每个: [shape] scope_subjects), then a word that spreads the
    measure over it (均, 都: [shape] scope_adverbs) and a directive verb (所有三级公立医院均开展巡回医疗服务; 每个县都
    建成…). A subject without such a word (医疗资源布局…) or a clause that reports a result stays none."""
    if not text.startswith(tuple(shape("scope_subjects")), start):
        return False
    limit = min(end, start + shape("max_subject_chars") + 1)
    for index in range(start + 2, limit):
        if text[index] in "，,；;。：:":
            return False
        adverb = next((a for a in shape("scope_adverbs") if text.startswith(a, index)), None)
        if adverb is not None:
            return verb_at(text, index + len(adverb), end) and not reads_as_results(text[start:end])
    return False


def prose_items(text: str, start: int, end: int) -> list[Piece]:
    """Verb-led comma clauses of sentences made (almost) only of them: a plan stated in prose (将加快建设…，
    推进…，争取获批…。推动…，建成…。). A sentence counts when at least two of its clauses, and two thirds of
    them ([shape] prose_share), are led by a directive verb (the first after framing: 明确提出，将…); half of them
    ([shape] prose_share_in_mood) when the first follows its subject's modal (国家将支持…，推动…，尽可能减少…)."""
    pieces: list[Piece] = []
    for sentence in SENTENCE_WORDS.finditer(text[start:end]):
        s, e = start + sentence.start(), start + sentence.end()
        clauses = clause_spans(text, s, e, "，,；;")
        led: list[Piece] = []
        neutral = 0  # an attribution (她强调) before the first led clause, and framing, count neither way
        in_mood = False  # the first measure follows a modal of its subject (全省将加强…, 要加强…)
        phrases: list[tuple[int, int]] = []  # each clause from where its words of work start
        for cs, ce, _ in clauses:
            lead = framed_start(text, cs, ce) if not led else _direct(text, cs, ce)
            phrases.append((lead[0] if lead is not None else cs, ce))
            if lead is not None and (not led or lead[1] is None) and not is_bare(text, lead[0], ce):
                in_mood = in_mood or (not led and text.endswith(tuple(shape("framing_modals")), cs, lead[0]))
                led.append(Piece(lead[0], ce, None, PROSE))
            elif lead is None and (_frames(text, cs, ce) or (not led and only_attributes(text, cs, ce))):
                neutral += 1
        joined = sum(len(joined_spans(text, p.start, p.end)) - 1 for p in led)  # A、B、C: three measures
        measures, counted = len(led) + joined, len(clauses) - neutral + joined
        numerator, denominator = shape("prose_share_in_mood" if in_mood else "prose_share")
        if measures >= shape("min_items") and denominator * measures >= numerator * counted and not reports_work_done(text, [(p.start, p.end) for p in led]):
            slogans = slogan_runs(text, phrases)
            leads = {p.end: p.start for p in led}
            classified = [Clause(cs, ce, leads.get(ce)) for cs, ce, _ in clauses]
            work = [Piece(s, e, None, PROSE) for s, e in sentence_tasks(text, classified, extend=False) if e not in slogans]
            pieces += [Piece(s, e, None, PROSE) for piece in work for s, e in joined_spans(text, piece.start, piece.end)]
    return pieces


def _frames(text: str, start: int, end: int) -> bool:
    """Whether a clause frames the work (坚持以…统揽全局; 全省各级要坚持以…为指导): framing at its start or
    after a short subject (and a modal)."""
    limit = min(end, start + shape("max_subject_chars") + 2)
    return any(is_framing(text, position, end) for position in range(start, limit))


def only_attributes(text: str, start: int, end: int) -> bool:
    """Whether a clause only says who speaks (她强调, 县长在讲话中指出, 会议要求) or when (2024年, 当前)."""
    words = text[start:end]
    return words.endswith(tuple(rules()["cues"]["attribution"])) or _time_lead().match(words) is not None


@cache
def _time_lead() -> re.Pattern[str]:
    return re.compile(rules()["cues"]["time_lead"])


@cache
def _time_word() -> re.Pattern[str]:
    """A word that only says when ([cues] time_lead without its anchors), printed right before the work."""
    return re.compile(rules()["cues"]["time_lead"].removeprefix("^").removesuffix("$"))


def announced_items(text: str, start: int, end: int) -> list[Piece]:
    """The ；-separated clauses after a lead that announces them with their count (重点做好六项工作：A；B；…), or
    the ，-separated clauses of the sentence after it when their number is the count (做好八个方面工作：A，B，…。)."""
    for colon in re.finditer("[：:]", text[start:end]):
        position = start + colon.end()
        lead_start = max(start, position - 40)
        announced = _announced_count().search(text, lead_start, position)
        if announced is None:
            continue
        count = parse_number(announced.group("n"))
        stop = paragraph_end(text, position, end)
        sentence_end = next((i + 1 for i in range(position, stop) if text[i] in "。！？"), stop)
        by_comma = ("，,", sentence_end) if not re.search("[；;]", text[position:sentence_end]) else ("；;", stop)
        for separators, until in (("；;", stop), by_comma):
            pieces = [Piece(s, e, None, ANNOUNCED) for s, e, _ in clause_spans(text, position, until, separators)]
            if count is not None and len(pieces) == int(count) >= shape("min_items"):
                return pieces
    return []


def announces_count(lead: str) -> bool:
    """Whether `lead` (words ending in a colon) announces a list with its count (重点做好六项工作：)."""
    return _announced_count().search(lead[-60:]) is not None


@cache
def _announced_count() -> re.Pattern[str]:
    return re.compile(shape("announced_count").replace("{N}", NUMERAL))


def comma_items(text: str, start: int, end: int, *, framed_first: bool = False) -> list[Piece]:
    """The first run of short comma clauses, each led by a directive verb, inside one sentence (with
    `framed_first`, the first clause may follow framing, 今年要…, and be twice as long)."""
    limit = shape("max_comma_item_chars")
    modals = tuple(rules()["directive"]["modals"])
    run: list[Piece] = []
    for s, e, _ in clause_spans(text, start, end, "，,；;。"):
        if text[e - 1] == "。":
            e -= 1
        lead = framed_start(text, s, e) if framed_first and not run else None
        item_start = lead[0] if lead else s
        short = e - item_start <= (2 * limit if lead else limit) and not is_bare(text, item_start, e)
        if short and (lead or directive_at(text, s, e) is not None) and not text.startswith(modals, item_start):
            run.append(Piece(item_start, e, None, COMMAS))
            continue
        if len(run) >= shape("min_comma_items"):
            return run
        run = []
    return run if len(run) >= shape("min_comma_items") else []
