"""Target lexicons: pipeline/data/targets.toml compiled, and the character classes all target modules share.

What belongs here: loading and compiling the data file (units, cue words, verbs, frame words,
exclusion patterns, quote rules) into one immutable `Lexicon`, the punctuation and numeral classes
of cleaned text, and small helpers over word lists (longest first, one alternation regex). What
does not: any reading of running text -- that is in the other pipeline.text.targets_* modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.clean import CJK as CJK_CHARS
from pipeline.text.numbers import CHINESE_NUMERAL_CHARS

CLAUSE_BREAKS = "，。；：！？\n"
SENTENCE_BREAKS = "。；！？\n"
LIST_JOINERS = "、和及与"
QUOTE_CHARS = '“”‘’「」"'
CJK = re.compile(f"[{CJK_CHARS}]")
NUMERAL = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?[十百千万亿]*|[{CHINESE_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?)"
NUMERAL_RE = re.compile(NUMERAL)
MULTIPLIER_CHARS = frozenset("十百千万亿")


@dataclass(frozen=True)
class Cue:
    word: str
    comparator: str
    max_gap: int  # characters allowed between the cue and the number


@dataclass(frozen=True)
class Lexicon:
    """pipeline/data/targets.toml, compiled. Word tuples are sorted longest first."""

    units: tuple[str, ...]
    rate_denominator_re: re.Pattern[str]
    unit_normalize: dict[str, str]
    scales: tuple[tuple[str, float], ...]  # scale characters ending a numeral (万, 亿), longest first
    unit_not_before: dict[str, re.Pattern[str]]
    level_units: frozenset[str]
    count_units: frozenset[str]
    category_units: frozenset[str]
    bare_chinese: frozenset[str]
    range_separators: str
    prefix_cues: tuple[Cue, ...]
    cue_words: tuple[str, ...]
    gap_cue_words: tuple[str, ...]  # non-eq cues that may stand apart from the number (突破, 至少)
    suffix_cues: tuple[tuple[str, str], ...]
    between_cues: tuple[tuple[str, str], ...]
    prefix_blockers: tuple[str, ...]
    to_markers: tuple[str, ...]
    change_verbs: tuple[str, ...]
    action_verbs: tuple[str, ...]
    governing_verbs: tuple[str, ...]  # change + action
    programme_verbs: tuple[str, ...]
    level_verbs: tuple[str, ...]  # possession verbs included
    possession_verbs: tuple[str, ...]
    adjacent_verbs: tuple[str, ...]  # level + change + action
    not_verb_before_re: re.Pattern[str]
    strippable: tuple[str, ...]  # adverbs, cue words and "to" markers between a verb and the number
    frame_re: re.Pattern[str]
    frame_suffix_re: re.Pattern[str]
    noun_stop_re: re.Pattern[str]
    programme_nouns: tuple[str, ...]
    respectively: tuple[str, ...]
    max_subject_chars: int
    max_noun_chars: int
    age_qualifiers: tuple[str, ...]  # 以上, 以下… after an age inside a noun (65岁以上老年人)
    max_modifier_chars: int
    coverage_verbs: tuple[str, ...]  # 覆盖: the number counts what is covered
    coverage_after_noun: tuple[str, ...]  # 全覆盖 after the counted noun (实现13个市全覆盖)
    coverage_join: str  # the word joining coverer and covered in the indicator
    coverage_unit_nouns: frozenset[str]  # units that name what they count (覆盖107县区)
    year_re: re.Pattern[str]
    exclusions: dict[str, tuple[re.Pattern[str], ...]]
    exclusion_exceptions: dict[str, tuple[str, ...]]
    idioms: tuple[str, ...]
    quote_pairs: tuple[tuple[str, str], ...]
    quote_max_chars: int
    quote_stops: str
    title_re: re.Pattern[str]
    level_quote_re: re.Pattern[str]
    build_verbs: tuple[str, ...]  # counts of new things: is_change
    deliverable_verbs: tuple[str, ...]  # after one of these, 等N closing an enumeration counts new things
    programme_classifiers: tuple[str, ...]
    programme_name_nouns: tuple[str, ...]
    programme_quoted_nouns: tuple[str, ...]  # name nouns and the nouns that may follow a quoted name
    after_quote_re: re.Pattern[str]
    max_name_chars: int
    quoted_from_re: re.Pattern[str]
    per_unit_re: re.Pattern[str]
    reach_units: frozenset[str]
    reach_nouns_end: tuple[str, ...]
    served_prepositions: tuple[str, ...]
    served_dropped: tuple[str, ...]
    measure_suffixes: tuple[str, ...]
    predicate_verbs: tuple[str, ...]
    announcement_nouns: tuple[str, ...]  # a name ending in one before a colon announces a list
    references: tuple[str, ...]  # words that refer back (本, 该, 上述…)
    last_joiners: tuple[str, ...]  # words that join the last item of an enumeration (和, 及…)
    served_verbs: tuple[str, ...]  # after one of these, a count of things just named counts those served (帮扶A、B两家)
    formula_facilities: tuple[str, ...]  # nouns after a number formula that make it counts (“3+9”…中心)
    sequence_classifiers: tuple[str, ...]  # [sequences]: 一道防线，两项改革，三项建设 names parts, counts nothing
    sequence_max_first: int
    sequence_min_run: int
    sequence_separators: str
    quote_closers: str  # [enumerations]: “A”“B”两项 counts the quoted names before it
    quote_joiners: tuple[str, ...]


def longest_first(words: Any) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of `words`, longest first."""
    return re.compile("|".join(re.escape(w) for w in longest_first(words)))


def _any_of(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


@cache
def lexicon() -> Lexicon:
    """The lexicons of pipeline/data/targets.toml, compiled once."""
    raw = read_toml("targets.toml")
    units, comparators, verbs = raw["units"], raw["comparators"], raw["verbs"]
    indicator, exclusions, quotes = raw["indicator"], raw["exclusions"], raw["quotes"]
    coverage = indicator["coverage"]
    prefix = tuple(
        Cue(word, group["comparator"], int(group["max_gap"]))
        for group in comparators["prefix"]
        for word in group["words"]
    )
    suffix = [(w, g["comparator"]) for g in comparators["suffix"] for w in g["words"]]
    cue_words = longest_first(c.word for c in prefix)
    change, action = verbs["change"], verbs["action"]
    level = verbs["level"] + verbs["possession"]
    opening, closing = (re.escape(t) for t in quotes["titles"])
    programmes, per_unit, reach, served = raw["programmes"], raw["per_unit"], raw["reach"], raw["served"]
    return Lexicon(
        units=longest_first(units["all"]),
        rate_denominator_re=re.compile(units["rate_denominator"]),
        unit_normalize=dict(units["normalize"]),
        scales=tuple(sorted(units["scales"].items(), key=lambda item: (-len(item[0]), item[0]))),
        unit_not_before={u: re.compile(p) for u, p in units["not_before"].items()},
        level_units=frozenset(units["level"]),
        count_units=frozenset(units["count"]),
        category_units=frozenset(units["category"]),
        bare_chinese=frozenset(raw["numbers"]["bare_chinese_not_numbers"]),
        range_separators=raw["numbers"]["range_separators"].replace("\\", ""),
        prefix_cues=prefix,
        cue_words=cue_words,
        gap_cue_words=longest_first(c.word for c in prefix if c.comparator != "eq" and c.max_gap > 0),
        suffix_cues=tuple(sorted(suffix, key=lambda x: -len(x[0]))),
        between_cues=tuple((w, g["comparator"]) for g in comparators["between"] for w in g["words"]),
        prefix_blockers=tuple(comparators["prefix_blockers"]),
        to_markers=tuple(comparators["to_markers"]),
        change_verbs=longest_first(change),
        action_verbs=longest_first(action),
        governing_verbs=longest_first(change + action),
        programme_verbs=longest_first(verbs["programme"]),
        level_verbs=longest_first(level),
        possession_verbs=longest_first(verbs["possession"]),
        adjacent_verbs=longest_first(level + change + action),
        not_verb_before_re=re.compile(verbs["not_verb_before"]),
        strippable=longest_first(verbs["adverbs"] + list(cue_words) + comparators["to_markers"]),
        frame_re=re.compile("^" + _any_of(sorted(indicator["frame_prefixes"], key=len, reverse=True))),
        frame_suffix_re=re.compile(_any_of(indicator["frame_suffixes"]) + "$"),
        noun_stop_re=re.compile(_any_of(indicator["noun_stops"])),
        programme_nouns=longest_first(indicator["programme_nouns"]),
        respectively=longest_first(indicator["respectively"]),
        max_subject_chars=int(indicator["max_subject_chars"]),
        max_noun_chars=int(indicator["max_noun_chars"]),
        age_qualifiers=tuple(indicator["age_qualifiers"]),
        max_modifier_chars=int(indicator["max_modifier_chars"]),
        coverage_verbs=longest_first(coverage["verbs"]),
        coverage_after_noun=longest_first(coverage["after_noun"]),
        coverage_join=coverage["join"],
        coverage_unit_nouns=frozenset(coverage["unit_nouns"]),
        year_re=re.compile(raw["year"]["pattern"]),
        exclusions={
            name: tuple(re.compile(p) for p in patterns) for name, patterns in exclusions.items() if name != "idioms"
        },
        exclusion_exceptions={k: longest_first(v) for k, v in raw["exclusion_exceptions"].items()},
        idioms=longest_first(exclusions["idioms"]),
        quote_pairs=tuple((a, b) for a, b in quotes["pairs"]),
        quote_max_chars=int(quotes["max_chars"]),
        quote_stops=quotes["stops"],
        title_re=re.compile(f"{opening}[^{closing}\\n]{{0,80}}{closing}"),
        level_quote_re=re.compile(rf"{NUMERAL}(?:余|多)?{_any_of([re.escape(u) for u in units['level']])}"),
        build_verbs=longest_first(verbs["build"]),
        deliverable_verbs=longest_first(verbs["deliverable"]),
        programme_classifiers=tuple(programmes["count_classifiers"]),
        programme_name_nouns=longest_first(programmes["name_nouns"]),
        programme_quoted_nouns=longest_first(programmes["name_nouns"] + programmes["quoted_nouns"]),
        after_quote_re=re.compile(programmes["after_quote"]),
        max_name_chars=int(programmes["max_name_chars"]),
        quoted_from_re=re.compile(programmes["quoted_from"]),
        per_unit_re=re.compile(_any_of(per_unit["patterns"]) + f"(?!{per_unit['not_before']})"),
        reach_units=frozenset(reach["units"]),
        reach_nouns_end=tuple(reach["nouns_end"]),
        served_prepositions=tuple(served["prepositions"]),
        served_dropped=tuple(served["dropped_verbs"]),
        measure_suffixes=longest_first(indicator["measure_suffixes"]),
        predicate_verbs=longest_first(indicator["predicate_verbs"]),
        announcement_nouns=tuple(programmes["announcement_nouns"]),
        references=tuple(programmes["references"]),
        last_joiners=tuple(raw["enumerations"]["last_joiners"]),
        served_verbs=longest_first(raw["enumerations"]["served_verbs"]),
        formula_facilities=longest_first(raw["formulas"]["facilities"]),
        sequence_classifiers=longest_first(raw["sequences"]["classifiers"]),
        sequence_max_first=int(raw["sequences"]["max_first"]),
        sequence_min_run=int(raw["sequences"]["min_run"]),
        sequence_separators=raw["sequences"]["separators"],
        quote_closers=raw["enumerations"]["quote_closers"],
        quote_joiners=longest_first(raw["enumerations"]["quote_joiners"]),
    )
