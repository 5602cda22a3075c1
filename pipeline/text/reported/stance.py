"""The one rule that tells a reported figure from a target: the stance of a number in its text.

What belongs here: `stance` -- commitment (the issuer commits to the quantity: a target), report
(the text says the quantity is already reached: a reported figure) or undecided -- and the review
passages it reads (paragraphs opening on an earlier year or a review phrase, lines under a review
heading). The cue words and the order of the steps are data: pipeline/data/reported_figures.toml,
whose header states the rule. What does not: finding numbers (pipeline.text.targets) or building
figure rows (pipeline.text.reported).

Pure functions over cleaned text (pipeline.text.clean); offsets are character offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.data import read_toml
from pipeline.text.modal import yao_words

COMMITMENT = "commitment"
REPORT = "report"
SENTENCE_ENDS = "。！？\n"
CLAUSE_ENDS = "，。；：！？\n"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


@dataclass(frozen=True)
class StanceRules:
    """pipeline/data/reported_figures.toml, compiled."""

    commitment: re.Pattern[str]
    future_year: re.Pattern[str]
    report_before: re.Pattern[str]
    report_adjacent: tuple[str, ...]
    adjacent_between: tuple[str, ...]
    report_after: re.Pattern[str]
    report_sentence: re.Pattern[str]
    review_phrases: tuple[str, ...]
    year_window: int
    heading_max: int
    heading_review: tuple[str, ...]
    heading_plan: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """The stance of one number and the words that decided it."""

    stance: str | None  # COMMITMENT, REPORT or None (undecided)
    reason: str | None  # the cue word, or review_section / review_paragraph / review_heading


def _cue_pattern(cues: Sequence[str], not_cues: Sequence[str]) -> re.Pattern[str]:
    """Matches a cue word unless it is part of one of `not_cues` (主要 holds 要, 为了 holds 了)."""
    words = sorted(set(cues), key=len, reverse=True)
    blockers = sorted(set(not_cues), key=len, reverse=True)
    alternation = "|".join(map(re.escape, words))
    if not blockers:
        return re.compile(f"(?:{alternation})")
    # A blocker is consumed as a whole first, so a cue inside it never matches on its own.
    return re.compile(f"(?P<blocked>{'|'.join(map(re.escape, blockers))})|(?P<cue>{alternation})")


@cache
def rules() -> StanceRules:
    """The stance rule's data file, compiled once per process."""
    data = read_toml("reported_figures.toml")
    commit, report, review = data["commitment"], data["report"], data["review"]
    return StanceRules(
        commitment=_cue_pattern(
            commit["cues"],
            [*commit["not_cues"], *(word for word in yao_words() if word not in commit["yao_words_that_commit"])],
        ),
        future_year=re.compile(commit["future_year"]),
        report_before=_cue_pattern(report["before"], report["not_cues"]),
        report_adjacent=tuple(sorted(report["adjacent"], key=len, reverse=True)),
        adjacent_between=tuple(report["adjacent_between"]),
        report_after=_cue_pattern(report["after"], report["not_cues"]),
        report_sentence=_cue_pattern(report["sentence"], ()),
        review_phrases=tuple(review["phrases"]),
        year_window=int(review["year_window"]),
        heading_max=int(review["heading_max"]),
        heading_review=tuple(review["heading_review"]),
        heading_plan=tuple(review["heading_plan"]),
    )


def find_cue(pattern: re.Pattern[str], text: str, start: int, end: int) -> str | None:
    """The first cue word of `pattern` in text[start:end] that is not part of a longer non-cue word."""
    for match in pattern.finditer(text, start, end):
        if match.groupdict().get("blocked") is None:
            return match.group()
    return None


def _future_year(text: str, start: int, end: int, reference_year: int | None) -> str | None:
    """到2025年 / 2025年前 naming a year after the reference year: a deadline, so a commitment."""
    if reference_year is None:
        return None
    for match in rules().future_year.finditer(text, start, end):
        if int(match.group(1)) > reference_year:
            return match.group()
    return None


def _adjacent_cue(text: str, start: int, end: int) -> str | None:
    """A cue that reports only right before the number (共90人), past a comparator word (共约90人)."""
    words = rules().report_adjacent
    tail = text[start:end]
    for between in ("", *rules().adjacent_between):
        if tail.endswith(between):
            head = tail[: len(tail) - len(between)]
            if word := next((w for w in words if head.endswith(w)), None):
                return word
    return None


def bounds(text: str, pos: int, end: int, stops: str) -> tuple[int, int]:
    """The span between the nearest of `stops` before `pos` and the nearest at or after `end`."""
    start = max(text.rfind(c, 0, pos) for c in stops) + 1
    ends = [i for c in stops if (i := text.find(c, end)) != -1]
    return start, min(ends, default=len(text))


def stance(
    text: str,
    start: int,
    end: int,
    *,
    region_start: int | None = None,
    region_end: int | None = None,
    review: Sequence[tuple[int, int, str]] = (),
    reference_year: int | None = None,
) -> Decision:
    """Is the number at text[start:end] committed to (a target) or reported as reached (a figure)?

    `region_start`/`region_end` bound the words that belong to this number in its clause (the end of
    the previous number, the start of the next one); `review` holds the review passages of the text
    (see review_passages); `reference_year` is the year the text plans for (its work year), so that
    an earlier year reports and a later one commits. The steps are in pipeline/data/reported_figures.toml.
    """
    r = rules()
    clause_start, clause_end = bounds(text, start, end, CLAUSE_ENDS)
    sentence_start, _ = bounds(text, start, end, SENTENCE_ENDS)
    before_start = max(clause_start, region_start if region_start is not None else clause_start)
    after_end = min(clause_end, region_end if region_end is not None else clause_end)
    # 1. a commitment cue in the clause, before the number
    if cue := find_cue(r.commitment, text, clause_start, start) or _future_year(
        text, clause_start, start, reference_year
    ):
        return Decision(COMMITMENT, cue)
    # 2. a report cue next to the number, or reported statistics introduced earlier in the sentence
    if cue := (
        find_cue(r.report_before, text, before_start, start)
        or _adjacent_cue(text, before_start, start)
        or find_cue(r.report_after, text, end, after_end)
        or find_cue(r.report_sentence, text, sentence_start, start)
    ):
        return Decision(REPORT, cue)
    # 3. a commitment cue earlier in the sentence
    if cue := find_cue(r.commitment, text, sentence_start, clause_start) or _future_year(
        text, sentence_start, clause_start, reference_year
    ):
        return Decision(COMMITMENT, cue)
    # 4. a review passage
    for passage_start, passage_end, reason in review:
        if passage_start <= start < passage_end:
            return Decision(REPORT, reason)
    return Decision(None, None)


def review_passages(
    text: str, sections: Sequence[tuple[int, int]] = (), reference_year: int | None = None
) -> list[tuple[int, int, str]]:
    """Every passage of `text` that reviews results, as (start, end, reason), in text order.

    `sections` are review sections another parser found (the conference parser's 会议指出 passages);
    to them are added paragraphs that open on an earlier year than `reference_year` or on a review
    phrase (过去的一年), and the lines under a review heading (2016年工作总结, 一、工作开展情况) up to a
    plan heading (二、2024年工作安排).
    """
    r = rules()
    passages = [(s, e, "review_section") for s, e in sections]
    heading_start: int | None = None
    pos = 0
    for line in text.split("\n"):
        line_end = pos + len(line)
        if len(line) <= r.heading_max and (kind := _heading_kind(line)) is not None:
            if heading_start is not None:
                passages.append((heading_start, pos, "review_heading"))
                heading_start = None
            if kind == "review":
                heading_start = line_end
        elif _opens_review(line, reference_year):
            passages.append((pos, line_end, "review_paragraph"))
        pos = line_end + 1
    if heading_start is not None:
        passages.append((heading_start, len(text), "review_heading"))
    return sorted(passages)


def _heading_kind(line: str) -> str | None:
    """'review' for a review heading, 'plan' for a plan heading, None for a line that is neither (or both)."""
    r = rules()
    review = any(word in line for word in r.heading_review)
    plan = any(word in line for word in r.heading_plan)
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return None


def _opens_review(paragraph: str, reference_year: int | None) -> bool:
    """A paragraph whose opening names an earlier year (2023年，) or a review phrase (过去的一年)."""
    r = rules()
    head = paragraph[: r.year_window + 8]
    if any(phrase in head for phrase in r.review_phrases):
        return True
    if reference_year is None:
        return False
    year = _YEAR.search(paragraph, 0, r.year_window + 5)
    return year is not None and int(year.group(1)) < reference_year and year.start() <= r.year_window


def year_referred(text: str, start: int, review_start: int | None, reference_year: int | None) -> int | None:
    """The year a reported figure refers to: the last year named before it in its sentence, else in the
    opening of its review passage; None when the text names none (no year is guessed)."""
    sentence_start, _ = bounds(text, start, start, SENTENCE_ENDS)
    candidates = [int(m.group(1)) for m in _YEAR.finditer(text, sentence_start, start)]
    if not candidates and review_start is not None:
        candidates = [int(m.group(1)) for m in _YEAR.finditer(text, review_start, min(start, review_start + 40))]
    candidates = [y for y in candidates if reference_year is None or y <= reference_year]
    return candidates[-1] if candidates else None
