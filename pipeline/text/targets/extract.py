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
from collections.abc import Collection
from dataclasses import replace

from pipeline.text.numbers import parse_number
from pipeline.text.targets.comparators import approach, comparator
from pipeline.text.targets.exclusions import pattern_spans
from pipeline.text.targets.formulas import formula_targets
from pipeline.text.targets.indicator import read, served
from pipeline.text.targets.lexicon import CLAUSE_BREAKS, LIST_JOINERS, Lexicon, lexicon, words_re
from pipeline.text.targets.mentions import Context, Mention, find_mentions, printed_scale
from pipeline.text.targets.phrases import (
    balance_quotes,
    clause,
    core_length,
    counted_noun,
    list_noun,
    per_unit,
    quoted_from,
    strip_frames,
    target_year,
    verbs_in,
)
from pipeline.text.targets.programmes import Programme, find_programmes
from pipeline.text.targets.record import Target

__all__ = [
    "COMPARATORS",
    "KINDS",
    "Programme",
    "Target",
    "excluded_spans",
    "find_programmes",
    "extract_targets",
    "lexicon",
    "parse_number",
]

COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx", "range")
KINDS = ("level", "change", "count")


def extract_targets(text: str) -> list[Target]:
    """The targets of a plan/task statement, in text order: commitments, not every number.

    A target is a quantity the issuer commits to reach, keep or deliver. Numbers in programme names
    (pipeline.text.targets.programmes), context counts, baselines, list announcements and the other
    exclusions of pipeline/data/targets.toml are no targets.
    """
    lex = lexicon()
    mentions = find_mentions(text, lex, excluded_mask(text))
    targets = [_analyse(text, i, mentions, lex) for i in range(len(mentions))]
    targets = _pair_respectively(text, targets, mentions, lex) + formula_targets(text, lex)
    # A count of kinds that no verb governs names which things are meant (三类医疗机构, 三种以上慢性病患者): no
    # commitment; one bounded by a comparator that closes its clause (病种不少于30种。) commits to a floor.
    targets = [t for t in targets if t.unit not in lex.category_units or t.action is not None or _bounds_clause(text, t)]
    return sorted(targets, key=lambda t: (t.start, t.end))


def _bounds_clause(text: str, target: Target) -> bool:
    """Whether a target has a comparator other than eq and ends its clause (病种不少于30种，…)."""
    return target.comparator != "eq" and (target.end == len(text) or text[target.end] in CLAUSE_BREAKS + ",;、")


def excluded_spans(text: str) -> list[tuple[int, int, str]]:
    """Every span of `text` whose numbers are no targets, as (start, end, reason), programme names included."""
    spans = pattern_spans(text) + [(p.start, p.end, "programmes") for p in find_programmes(text)]
    return sorted(spans)


def excluded_mask(text: str, *, keep: Collection[str] = ()) -> bytearray:
    """One byte per character of `text`: 1 inside an excluded span, else 0. Spans excluded for one of the
    reasons in `keep` are left unmasked (a count closing an enumeration commits to nothing, but it reports)."""
    masked = bytearray(len(text))
    for start, end, reason in excluded_spans(text):
        if reason not in keep:
            masked[start:end] = b"\x01" * (end - start)
    return masked


def _analyse(text: str, index: int, mentions: list[Mention], lex: Lexicon) -> Target:
    m = mentions[index]
    clause_start, clause_end = clause(text, m.start, m.end)
    earlier = tuple(p for p in mentions[:index] if p.start >= clause_start)
    ctx = Context(index, clause_start, clause_end, earlier[-1].end if earlier else clause_start, earlier)

    comparator_word, cue = comparator(text, m, ctx.region_start, lex)
    before = approach(text, ctx.region_start, m.start, lex)
    noun = counted_noun(text, m.end, clause_end, lex)
    noun_word = noun.word if noun else list_noun(text, index, mentions, clause_end, lex)
    reading = served(text, m, ctx, noun, lex) or read(text, m, ctx, before, noun, noun_word, lex)

    spans = [(m.start, m.end), *reading.spans] + ([(cue.start, cue.end)] if cue else [])
    action = reading.action
    if action is not None and action.start >= ctx.region_start and action.end >= min(s for s, _ in spans) - 2:
        spans.append((action.start, action.end))
    elif action is None and noun is not None and reading.spans and reading.spans[0] == (noun.start, noun.end):
        # A verb right after the counted noun: 确保2所国家区域医疗中心建成.
        after = verbs_in(text, noun.end, min(clause_end, noun.end + 4), lex.action_verbs, lex)
        action = after[0] if after and after[0].start == noun.end else None

    if noun is not None and reading.indicator == noun.word and text.startswith(lex.predicate_verbs, noun.end):
        # 每个县至少1家县医院达到三级医院水平: what each counted thing must reach belongs to the indicator.
        reading.indicator = text[noun.start : clause_end]
        spans.append((noun.start, clause_end))
    unit_span = per_unit(text, ctx.region_start, m.start, lex)
    if unit_span is not None:
        spans.append((unit_span.start, unit_span.end))
    start, end = balance_quotes(text, min(s for s, _ in spans), max(e for _, e in spans), clause_start, clause_end)
    action_word = action.word if action else None
    builds = action_word in lex.build_verbs or (
        noun is not None and words_re(lex.build_verbs).match(text, noun.end) is not None
    )
    indicator = reading.indicator
    if unit_span is not None and indicator and indicator.startswith(unit_span.word):
        indicator = indicator[len(unit_span.word) :]
        indicator = indicator[len(w) :] if (w := endswith_any(indicator, lex.possession_verbs)) else indicator
        while indicator and (frame := lex.frame_re.match(indicator)) and frame.end() > 0:
            indicator = indicator[frame.end() :]  # 每个县区[至少要有一个]…能力
        indicator = indicator or None
    if m.unit != "%" and text.startswith("的", m.end) and (owner := counted_noun(text, m.end + 1, clause_end, lex)):
        # 培育年营业收入过50亿元的中医药龙头企业: the number qualifies the noun after 的, which is the subject;
        # 新建6万管/日的核酸检测基地: right after its verb, the number qualifies the thing built.
        adjacent = before.verb is not None and before.verb.word in lex.governing_verbs
        indicator = owner.word if adjacent or not indicator else owner.word + indicator
        spans.append((owner.start, owner.end))
        start, end = balance_quotes(text, min(start, owner.start), max(end, owner.end), clause_start, clause_end)
    kind = _kind(m, reading.kind, action_word, noun_word, indicator, unit_span is not None, lex)
    # A count of things built or added adds to what exists (新建, 打造40家, 2所…建成); a level never does.
    is_change = (action_word in lex.change_verbs or (builds and kind == "count")) and not before.to_marker
    if kind == "change" and not is_change:
        kind = "level"
    if (
        comparator_word == "eq"
        and m.unit in lex.reach_units
        and (noun_word or "").rstrip("”").endswith(lex.reach_nouns_end)
    ):
        comparator_word = "le"  # 城市12分钟、农村30分钟应急救援圈: a radius is a maximum
    flags = ["no_unit"] if m.unit is None else []
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
        kind=kind,
        year=target_year(text, m.start, lex),
        flag=";".join(flags) or None,
        per_unit=unit_span.word if unit_span else None,
        quoted_from=quoted_from(text, m.start, lex),
        scale=scale[0] if (scale := printed_scale(text[m.start : m.num_end], lex)) else None,
    )


def endswith_any(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that `text` starts with (after a per-unit: 每千人口[拥有]…)."""
    return next((w for w in words if text.startswith(w)), None)


def _kind(
    m: Mention,
    reading_kind: str | None,
    action: str | None,
    noun: str | None,
    indicator: str | None,
    per_unit: bool,
    lex: Lexicon,
) -> str:
    """level (a state), change (of a level) or count (things to build, train or deliver).

    Things built are counted (新建40家…); other change verbs change a level (托位数新增1.5万个, 提高5元).
    A per-unit count that builds nothing is a standard to reach (每个村卫生室至少配备1名乡村医生): a level.
    """
    if reading_kind is not None:
        return reading_kind
    level_unit = m.unit in lex.level_units or (m.unit or "").startswith(("/", "／"))
    if action in lex.build_verbs and not level_unit:
        return "count"
    if action in lex.change_verbs:
        return "change"
    if level_unit or (action is None and noun is None) or per_unit:
        return "level"
    return "level" if (indicator or "").endswith(lex.measure_suffixes) else "count"


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
