"""Numeric-target extraction: the measurable quantities in a cleaned plan or task statement.

What belongs here: the public entry point -- the `Target` record and `extract_targets` -- and the
assembly of one target from its parts (value and unit, comparator, indicator and verb, increment
or level, programme count, target year, flags), including the pairing of 分别 runs. The parts are
read by the pipeline.text.targets_* modules, one concern each:

- targets_lexicon: pipeline/data/targets.toml compiled, shared character classes;
- targets_exclusions: spans whose numbers are never targets (years, ages, ordinals, quotes ...);
- targets_mentions: numbers in running text with their unit and glued cue (以上, 余);
- targets_phrases: the words around a number (clause, verbs, counted noun, frame words, year);
- targets_comparators: comparator cues and the words right before a number;
- targets_indicator: the indicator and action verb of a number.

Numeral parsing is in pipeline.text.numbers. Pure functions: no I/O beyond reading the data file.

Input is text cleaned by pipeline.text.clean (full-width CJK punctuation, ASCII digits and
% ~ + - . , no spaces next to CJK characters). Offsets are character offsets into that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.text.numbers import parse_number
from pipeline.text.targets_comparators import approach, comparator
from pipeline.text.targets_exclusions import excluded_mask, excluded_spans
from pipeline.text.targets_indicator import read
from pipeline.text.targets_lexicon import LIST_JOINERS, Lexicon, lexicon, words_re
from pipeline.text.targets_mentions import Context, Mention, find_mentions
from pipeline.text.targets_phrases import (
    clause,
    core_length,
    counted_noun,
    is_programme,
    list_noun,
    strip_frames,
    target_year,
    verbs_in,
)

__all__ = [
    "COMPARATORS",
    "KINDS",
    "Target",
    "excluded_spans",
    "extract_targets",
    "lexicon",
    "parse_number",
]

COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx", "range")
KINDS = ("level", "change", "count")


@dataclass(frozen=True)
class Target:
    """One measurable quantity found in a text."""

    start: int  # half-open char offsets into the input text; text[start:end] == raw_text
    end: int
    raw_text: str  # shortest span holding the indicator words, comparator words and the number with its unit
    indicator: str | None  # the thing measured, in the text's own words
    action: str | None  # the verb when the indicator is a counted object: 新增, 增配, 招聘, 实施, 建设
    value: float
    value_max: float | None  # upper bound of a range (1~3个百分点 → value 1, value_max 3)
    unit: str | None  # measure word or sign; None when the text has none
    comparator: str  # 'eq' | 'ge' | 'gt' | 'le' | 'lt' | 'approx' | 'range'
    is_change: bool  # an increment or decrement (新增, 增配, 新建, 提高…元, 提升…百分点, 减少 …)
    kind: str  # 'level' | 'change' | 'count' (count = number of programme items)
    year: int | None  # explicit target year in the same sentence (到2025年底 → 2025)
    flag: str | None  # why a row is uncertain ('no_unit', 'indicator_uncertain'; several joined by ';')


def extract_targets(text: str) -> list[Target]:
    """All measurable quantities in a plan/task statement, in text order."""
    lex = lexicon()
    mentions = find_mentions(text, lex, excluded_mask(text))
    targets = [_analyse(text, i, mentions, lex) for i in range(len(mentions))]
    return _pair_respectively(text, targets, mentions, lex)


def _analyse(text: str, index: int, mentions: list[Mention], lex: Lexicon) -> Target:
    m = mentions[index]
    clause_start, clause_end = clause(text, m.start, m.end)
    earlier = tuple(p for p in mentions[:index] if p.start >= clause_start)
    ctx = Context(index, clause_start, clause_end, earlier[-1].end if earlier else clause_start, earlier)

    comparator_word, cue = comparator(text, m, ctx.region_start, lex)
    before = approach(text, ctx.region_start, m.start, lex)
    noun = counted_noun(text, m.end, clause_end, lex)
    noun_word = noun.word if noun else list_noun(text, index, mentions, clause_end, lex)
    reading = read(text, m, ctx, before, noun, noun_word, lex)

    spans = [(m.start, m.end), *reading.spans] + ([(cue.start, cue.end)] if cue else [])
    action = reading.action
    if action is not None and action.start >= ctx.region_start and action.end >= min(s for s, _ in spans) - 2:
        spans.append((action.start, action.end))
    elif action is None and noun is not None and reading.spans and reading.spans[0] == (noun.start, noun.end):
        # A verb right after the counted noun: 确保2所国家区域医疗中心建成.
        after = verbs_in(text, noun.end, min(clause_end, noun.end + 4), lex.action_verbs, lex)
        action = after[0] if after and after[0].start == noun.end else None

    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    action_word = action.word if action else None
    is_change = action_word in lex.change_verbs and not before.to_marker
    flags = ["no_unit"] if m.unit is None else []
    indicator = reading.indicator
    if (
        indicator is None
        or reading.uncertain
        or not 2 <= core_length(indicator) <= lex.max_subject_chars
        or "了" in indicator  # narrative past tense (今年两次提到了…): a report, not a target
    ):
        flags.append("indicator_uncertain")
    return Target(
        start=start,
        end=end,
        raw_text=text[start:end],
        indicator=indicator,
        action=action_word,
        value=m.value,
        value_max=m.value_max,
        unit=m.unit,
        comparator=comparator_word,
        is_change=is_change,
        kind="count" if is_programme(noun_word, m.unit, lex) else ("change" if is_change else "level"),
        year=target_year(text, m.start, lex),
        flag=";".join(flags) or None,
    )


def _pair_respectively(text: str, targets: list[Target], mentions: list[Mention], lex: Lexicon) -> list[Target]:
    """A和B分别控制在X和Y: the i-th subject before 分别 goes with the i-th number of the run."""
    out = list(targets)
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and not text[mentions[j].end : mentions[j + 1].start].strip(LIST_JOINERS):
            j += 1
        if j > i:
            _pair_run(text, out, mentions, i, j, lex)
        i = j + 1
    return out


def _pair_run(text: str, out: list[Target], mentions: list[Mention], i: int, j: int, lex: Lexicon) -> None:
    clause_start, _ = clause(text, mentions[i].start, mentions[i].end)
    word = words_re(lex.respectively).search(text, clause_start, mentions[i].start)
    if word is None:
        return
    s, e = strip_frames(text, clause_start, word.start(), lex)
    pieces = [(p.start() + s, p.end() + s) for p in re.finditer(f"[^{LIST_JOINERS}]+", text[s:e])]
    if len(pieces) != j - i + 1:
        return
    # A cue said once holds for the whole run: 分别控制在9/10万、3.5‰、5‰以内.
    cues = {out[k].comparator for k in range(i, j + 1)} - {"eq", "range"}
    shared = cues.pop() if len(cues) == 1 else None
    for k, (ps, pe) in zip(range(i, j + 1), pieces, strict=True):
        t = out[k]
        if shared and t.comparator == "eq":
            t = replace(t, comparator=shared)
        flags = [f for f in (t.flag or "").split(";") if f and f != "indicator_uncertain"]
        start, end = min(t.start, ps), max(t.end, mentions[k].end)
        out[k] = replace(
            t,
            start=start,
            end=end,
            raw_text=text[start:end],
            indicator=text[ps:pe],
            flag=";".join(flags) or None,
        )
