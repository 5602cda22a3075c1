"""Target exclusions: the spans of a text whose numbers are never targets.

What belongs here: finding, before any number is read, every span that holds a number which is
not a measurable quantity -- years and dates, ages, list ordinals, grades, names and slogans in
quotes, book titles, idioms, per-capita denominators, numbers that only announce the list that
follows (以下八件事：), numbers inside 以…为牵引 frames and 在…基础上 baselines, counts of things
already named (以丽水、湖州、衢州3个示范市) ... -- each with the name of its rule as the reason. The
patterns and word lists are data (pipeline/data/targets.toml, [exclusions] and [quotes]); the rules
that need code (quote pairing, counting a list) live here. Numbers in programme names are masked by
pipeline.text.targets.extract with pipeline.text.targets.programmes. What does not: deciding what a number measures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from pipeline.text.first_chars import FirstChars, first_chars, has_digit, matches_at, never_empty, starts_re
from pipeline.text.memo import recent_texts
from pipeline.text.numbers import CHINESE_NUMERAL_CHARS, parse_number
from pipeline.text.targets.lexicon import NUMERAL, Lexicon, lexicon, words_re

_COUNT_RE = re.compile(f"({NUMERAL})(?=[个家所项名座条大道类种批位支])")
_LIST_SEPARATORS = "、"
_LEADING_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})、")


@recent_texts(32, lambda: lexicon())  # looked up when called: the lexicon in force
def pattern_spans(text: str) -> list[tuple[int, int, str]]:
    """All spans of `text` whose numbers are not targets, as (start, end, reason)."""
    lex = lexicon()
    spans: list[tuple[int, int, str]] = []
    text_chars, digit = set(text), has_digit(text)
    starts: dict[FirstChars, list[int]] = {}  # where a character that may start a match stands, per class
    for pattern, reason, unless_after, first, at_starts in _exclusion_patterns(lex):
        if first is not None and not first.may_match(text_chars, digit):
            continue  # no match can start in this text
        matches: Iterator[re.Match[str]] = pattern.finditer(text)
        if at_starts and first is not None:  # tried only where a match can start: the same matches
            if (positions := starts.get(first)) is None:
                positions = starts[first] = [m.start() for m in starts_re(first).finditer(text)]
            matches = matches_at(pattern, text, positions)
        for m in matches:
            start, end = m.span()
            if end > start and not (unless_after and any(text.endswith(w, 0, start) for w in unless_after)):
                spans.append((start, end, reason))
    spans.extend((m.start(), m.end(), "idioms") for m in words_re(lex.idioms).finditer(text))
    spans.extend(_quote_spans(text, lex))
    spans.extend((m.start(), m.end(), "titles") for m in lex.title_re.finditer(text))
    spans.extend(named_before_spans(text))
    spans.extend(counted_sequence_spans(text))
    return sorted(spans)


_compiled: list[Any] = [None, ()]  # [the lexicon, its exclusion patterns as below]


def _exclusion_patterns(
    lex: Lexicon,
) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...], FirstChars | None, bool], ...]:
    """Every exclusion pattern with its reason, the words after which it does not apply, the characters
    its matches can start with and whether it may be tried only where they stand (it never matches
    empty: pipeline.text.first_chars.matches_at), in file order."""
    if _compiled[0] is not lex:
        _compiled[:] = [
            lex,
            tuple(
                (pattern, reason, lex.exclusion_exceptions.get(reason, ()), first_chars(pattern), never_empty(pattern))
                for reason, patterns in lex.exclusions.items()
                for pattern in patterns
            ),
        ]
    return _compiled[1]


def named_before_spans(text: str) -> list[tuple[int, int, str]]:
    """Counts of things the clause has just named: 以丽水、湖州、衢州3个示范市, 甲中心、乙中心和丙中心等三大中心,
    持续迭代A、B、C等7个应用.

    The number follows a 、-list directly (or after 等) and equals the number of items listed: it
    restates what is named, it commits to nothing more. After 等 the list may name fewer items than the
    number (A、B、C等7个应用: examples of the seven): the number still counts the enumeration, and is a
    target only when a verb of the clause makes the things counted new deliverables (编制A、B等7个专项规划).
    """
    spans = []
    deliverable = lexicon().deliverable_verbs
    for m in _COUNT_RE.finditer(text):
        value = parse_number(m.group(1))
        if value is None or value < 2:
            continue
        start = m.start()
        after_deng = text.startswith("等", start - 1)
        head = start - 1 if after_deng else start
        if head == 0 or text[head - 1] in "，。；：！？\n、":
            continue
        if text[head - 1] in lexicon().quote_closers and _quoted_names_before(text, head) == value:
            spans.append((start, m.end(), "named_before"))  # “孕前优生检查”“唐氏筛查”两项: the quoted names counted
            continue
        clause_start = _enumeration_start(text, head)
        run = text[clause_start:head]
        if marker := _LEADING_MARKER.match(run):  # 一、突出两个主题: the marker's 、 separates nothing
            run = run[marker.end() :]
        if _LIST_SEPARATORS not in run:
            continue
        if any(verb in run for verb in lexicon().served_verbs):
            continue  # 对口帮扶A、B和C3家机构: the count of those served is the commitment
        items = run.count(_LIST_SEPARATORS) + 1
        last = run[run.rfind(_LIST_SEPARATORS) + 1 :]
        if any(j in last[1:] for j in lexicon().last_joiners):
            items += 1
        if items == value or (after_deng and items < value and not any(verb in run for verb in deliverable)):
            spans.append((start, m.end(), "named_before"))
    return spans


def _quoted_names_before(text: str, head: int) -> int:
    """How many quoted names stand one after another right before `head` (“A”“B”, “A”、“B”和“C”), each closed."""
    lex = lexicon()
    closers = {b: a for a, b in lex.quote_pairs}
    names, end = 0, head
    while end > 0 and text[end - 1] in lex.quote_closers:
        opener = closers.get(text[end - 1])
        begin = text.rfind(opener, max(0, end - 1 - lex.quote_max_chars), end - 1) if opener else -1
        if begin < 0 or any(stop in text[begin:end] for stop in lex.quote_stops):
            break
        names, end = names + 1, begin
        joiner = next((j for j in lex.quote_joiners if text.endswith(j, 0, end)), "")
        end -= len(joiner) if end - len(joiner) > 0 and text[end - len(joiner) - 1] in lex.quote_closers else 0
    return names


def counted_sequence_spans(text: str) -> list[tuple[int, int, str]]:
    """Counts in Chinese numerals, one in each of consecutive clauses of a sentence, whose values go up by one from
    one or two (筑牢一道防线，深化两项改革，强化三项建设，实现四方面提升): a formula naming the parts of a plan by their
    number; none of them is a quantity to reach ([sequences] in pipeline/data/targets.toml)."""
    lex = lexicon()
    if not any(c in text for c in "两二三"):
        return []
    run: list[tuple[int, int, float]] = []
    spans: list[tuple[int, int, str]] = []
    for m in _sequence_re(lex.sequence_classifiers).finditer(text):
        value = parse_number(m.group(1))
        if value is None:
            continue
        if run and value == run[-1][2] + 1 and _next_clause(text, run[-1][1], m.start(), lex.sequence_separators):
            run.append((m.start(), m.end(), value))
            continue
        spans.extend(_closed_run(run, lex))
        run = [(m.start(), m.end(), value)] if value <= lex.sequence_max_first else []
    spans.extend(_closed_run(run, lex))
    return spans


def _closed_run(run: list[tuple[int, int, float]], lex: Lexicon) -> list[tuple[int, int, str]]:
    return [(s, e, "counted_sequence") for s, e, _ in run] if len(run) >= lex.sequence_min_run else []


def _next_clause(text: str, end: int, start: int, separators: str) -> bool:
    """Whether text[end:start] crosses exactly one clause separator and no sentence mark."""
    between = text[end:start]
    return sum(between.count(c) for c in separators) == 1 and not any(c in between for c in "。！？!?\n：:")


@cache
def _sequence_re(classifiers: tuple[str, ...]) -> re.Pattern[str]:
    """A Chinese numeral of at most three characters right before one of the classifiers (一道, 两项, 三方面)."""
    numeral = f"[{CHINESE_NUMERAL_CHARS}]{{1,3}}"
    alternation = "|".join(map(re.escape, classifiers))
    return re.compile(f"(?<![{CHINESE_NUMERAL_CHARS}\\d.])({numeral})(?:{alternation})")


def _enumeration_start(text: str, head: int) -> int:
    """Where the clause holding an enumeration that ends at `head` starts. An enumeration may run over a comma
    when its next part opens with a joiner (编制A规划、B规划，以及C、D等7个专项规划): it then starts in the
    clause before, with that clause's verb."""
    joiners = lexicon().last_joiners
    start = max(text.rfind(c, 0, head) for c in "，。；：！？\n") + 1
    while start > 0 and text[start - 1] == "，" and any(text.startswith(j, start) for j in joiners):
        start = max(text.rfind(c, 0, start - 1) for c in "，。；：！？\n") + 1
    return start


def _quote_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Quoted names and slogans. A quote spans at most quote_max_chars and never crosses a stop."""
    opener_re, closer_res = _quote_res(lex)
    spans: list[tuple[int, int, str]] = []
    n = len(text)
    found = opener_re.search(text)
    while found:
        i = found.start()
        close, close_or_stop = closer_res[text[i]]
        limit = min(n, i + 1 + lex.quote_max_chars)
        stop = close_or_stop.search(text, i + 1, limit)  # the first closing quote or stop in reach
        j = stop.start() if stop else limit
        closed = j < n and text[j] == close
        end = j + 1 if closed else j
        # A quoted phrase holding a level quantity (“城市12分钟、农村30分钟”) is not a name.
        if not lex.level_quote_re.search(text[i + 1 : j]):
            spans.append((i, end, "quotes"))
        found = opener_re.search(text, end if closed else i + 1)
    return spans


_quotes: list[Any] = [None, None]  # [the lexicon, (opener regex, {opener: (closer, closer-or-stop regex)})]


def _quote_res(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, re.Pattern[str]]]]:
    if _quotes[0] is not lex:
        openers = {a: b for a, b in lex.quote_pairs}
        opener_re = re.compile("[" + "".join(re.escape(a) for a in openers) + "]" if openers else "(?!)")
        closers = {a: (b, re.compile("[" + re.escape(b + lex.quote_stops) + "]")) for a, b in openers.items()}
        _quotes[:] = [lex, (opener_re, closers)]
    return _quotes[1]
