"""Reported figures: the quantities a text reports as already reached (会议指出…取得, 2023年全年新建成…).

What belongs here: `find_reported_figures` -- every number of a cleaned text that the stance rule
(pipeline.text.reported.stance) reads as reported, with its value and unit as printed (3094万人 is
3094 万人; the value multiplied out, as targets.value has it, is `base_value` in `base_unit`), its
comparator, the year it refers to, the words it is about and the cue that decided it -- and
`is_reported_target`, the same rule applied to a target, so that no quantity is both.

Numbers, units and comparators are read by the target parser (pipeline.text.targets: its mentions,
exclusions and comparator cues); this module adds only what a report has that a commitment has not:
streaks (连续四年, masked there as years), and names built from numbers (十四届四次会议) it skips.
Pure functions; offsets are character offsets into the cleaned text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.numbers import parse_number
from pipeline.text.reported.stance import (
    COMMITMENT,
    REPORT,
    Decision,
    bounds,
    review_passages,
    stance,
    year_referred,
)
from pipeline.text.targets.comparators import comparator
from pipeline.text.targets.extract import excluded_mask, lexicon
from pipeline.text.targets.mentions import Mention, find_mentions, printed_scale
from pipeline.text.targets.phrases import counted_noun

__all__ = [
    "COMMITMENT",
    "REPORT",
    "ReportedFigure",
    "committed_target",
    "find_reported_figures",
    "is_reported_target",
    "review_passages",
    "stance",
]

_CLAUSE_ENDS = "，。；：！？\n"


@dataclass(frozen=True)
class FigureRules:
    durations: re.Pattern[str]
    target_only_exclusions: frozenset[str]
    name_before: tuple[str, ...]


@cache
def _figure_rules() -> FigureRules:
    data = read_toml("reported_figures.toml")["figures"]
    return FigureRules(
        re.compile(data["durations"]),
        frozenset(data["target_only_exclusions"]),
        tuple(data["name_before"]),
    )


@dataclass(frozen=True)
class ReportedFigure:
    """One quantity a text reports as reached."""

    start: int  # half-open offsets of raw_text in the cleaned text: the number, its unit and its noun
    end: int
    raw_text: str
    subject: str | None  # what the number is about, in the text's words (the clause before it and the noun after)
    value: float  # as printed: 3094 for 3094万人, 1.1 for 1.1亿元
    value_max: float | None  # upper bound of a printed range
    unit: str | None  # as printed, with its scale: 万人, 亿元, %, 个, /10万
    base_value: float  # multiplied out, like targets.value: 30940000
    base_unit: str | None  # the unit without its scale, like targets.unit: 人
    comparator: str  # eq | ge | gt | le | lt | approx | range, read as the target parser reads it
    year: int | None  # the year it refers to, when the text names one
    cue: str  # the word or passage that made it a report (已, 共, 参加, review_section …)


def find_reported_figures(
    text: str,
    *,
    review_sections: Sequence[tuple[int, int]] = (),
    reference_year: int | None = None,
) -> list[ReportedFigure]:
    """The reported figures of a cleaned text, in text order.

    `review_sections` are the review passages the conference parser found (start, end);
    `reference_year` is the year the text plans for (None when it states no plan year).
    """
    lex = lexicon()
    passages = review_passages(text, review_sections, reference_year)
    masked = excluded_mask(text, keep=_figure_rules().target_only_exclusions)
    mentions = sorted(_quantities(text, find_mentions(text, lex, masked), masked), key=lambda m: m.start)
    figures = []
    for index, m in enumerate(mentions):
        if m.unit is None and printed_scale(text[m.start : m.num_end], lex) is None:
            continue  # a bare number (12省市, a time of day): no quantity of anything
        if m.start and text[m.start - 1] in _figure_rules().name_before:
            continue  # 十四届四次会议, 第十一次: part of a name
        previous_end = mentions[index - 1].end if index else None
        next_start = mentions[index + 1].start if index + 1 < len(mentions) else None
        decision = stance(
            text,
            m.start,
            m.end,
            region_start=previous_end,
            region_end=next_start,
            review=passages,
            reference_year=reference_year,
        )
        if decision.stance != REPORT:
            continue
        figures.append(_figure(text, m, decision, passages, reference_year, previous_end))
    return figures


def is_reported_target(
    text: str,
    target: dict[str, Any],
    *,
    review_sections: Sequence[tuple[int, int]] = (),
    reference_year: int | None = None,
) -> bool:
    """Whether the stance rule reads a target (a row of pipeline.text.targets, absolute offsets) as reported.

    The number is found again inside the target's span, so the rule reads the same words it reads
    for find_reported_figures: a quantity is a target or a reported figure, never both.
    """
    return _target_stance(text, target, review_sections, reference_year) == REPORT


def committed_target(
    text: str,
    target: dict[str, Any],
    *,
    review_sections: Sequence[tuple[int, int]] = (),
    reference_year: int | None = None,
) -> bool:
    """Whether the stance rule reads a target as committed to (a cue such as 将, 要, 力争 or a later deadline
    year before it in its sentence): the test for a target read outside a plan's tasks."""
    return _target_stance(text, target, review_sections, reference_year) == COMMITMENT


def _target_stance(
    text: str, target: dict[str, Any], review_sections: Sequence[tuple[int, int]], reference_year: int | None
) -> str | None:
    """The stance the rule reads for a target's number, found again inside its span (None when it is not)."""
    m = _number_of(text, target)
    if m is None:
        return None
    passages = review_passages(text, review_sections, reference_year)
    return stance(text, m.start, m.end, review=passages, reference_year=reference_year).stance


def _number_of(text: str, target: dict[str, Any]) -> Mention | None:
    lex = lexicon()
    start, end = target["start"], target["end"]
    span = text[start:end]
    for m in find_mentions(span, lex, bytearray(len(span))):
        if abs(m.value - float(target["value"])) < 1e-9:
            return Mention(m.start + start, m.num_end + start, m.end + start, m.value, m.value_max, m.unit, m.cue)
    return None


def _quantities(text: str, mentions: list[Mention], masked: bytearray) -> list[Mention]:
    """The target parser's mentions plus the streaks it masks as years (连续四年 → 4 年)."""
    found = list(mentions)
    taken = {m.start for m in mentions}
    for match in _figure_rules().durations.finditer(text):
        start = match.start("number")
        value = parse_number(match.group("number"))
        if value is None or start in taken:
            continue
        found.append(Mention(start, match.end("number"), match.end(), value, None, match.group("unit"), None))
    return found


def _figure(
    text: str,
    m: Mention,
    decision: Decision,
    passages: list[tuple[int, int, str]],
    reference_year: int | None,
    previous_end: int | None,
) -> ReportedFigure:
    lex = lexicon()
    clause_start, clause_end = bounds(text, m.start, m.end, _CLAUSE_ENDS)
    region_start = max(clause_start, previous_end or clause_start)
    comparator_word, _ = comparator(text, m, region_start, lex)
    scale = printed_scale(text[m.start : m.num_end], lex)
    value, value_max, unit = m.value, m.value_max, m.unit
    if scale is not None:
        word, factor = scale
        value, unit = m.value / factor, word + (m.unit or "")
        value_max = m.value_max / factor if m.value_max is not None else None
    noun = counted_noun(text, m.end, clause_end, lex)
    end = noun.end if noun is not None else m.end
    before = text[region_start : m.start].strip("、和及与")
    subject = (before + (noun.word if noun else "")) or None
    review_start = next((s for s, e, _ in passages if s <= m.start < e), None)
    return ReportedFigure(
        start=m.start,
        end=end,
        raw_text=text[m.start : end],
        subject=subject,
        value=round(value, 6),
        value_max=round(value_max, 6) if value_max is not None else None,
        unit=unit,
        base_value=m.value,
        base_unit=m.unit,
        comparator=comparator_word,
        year=year_referred(text, m.start, review_start, reference_year),
        cue=decision.reason or "",
    )


def reference_year(
    text: str, plan_years: Sequence[int | None], meeting_year: int | None, published: int | None
) -> int | None:
    """The year a text plans for, against which an earlier year reports: the plans' work year, else the
    meeting's, else the year the text was published, else the first year its opening line names."""
    for year in (*plan_years, meeting_year, published):
        if year is not None:
            return year
    first_line = text.split("\n", 1)[0]
    match = re.search(r"(?<!\d)((?:19|20)\d{2})年", first_line)
    return int(match.group(1)) if match else None


def drop_reported_targets(
    text: str, plan: dict[str, Any], *, review_sections: Sequence[tuple[int, int]], reference_year: int | None
) -> int:
    """Remove from a plan statement (pipeline.extract payload) the targets the stance rule reads as reported.

    They are reported figures (find_reported_figures finds them): a quantity is never both. Returns how
    many were removed.
    """
    removed = 0

    def keep(targets: list[dict[str, Any]]) -> list[dict[str, Any]]:
        nonlocal removed
        kept = [
            t
            for t in targets
            if not is_reported_target(text, t, review_sections=review_sections, reference_year=reference_year)
        ]
        removed += len(targets) - len(kept)
        return kept

    def visit(tasks: list[dict[str, Any]]) -> None:
        for task in tasks:
            task["targets"] = keep(task.get("targets") or [])
            visit(task["children"])

    plan["opening_targets"] = keep(plan.get("opening_targets") or [])
    visit(plan["tasks"])
    return removed
