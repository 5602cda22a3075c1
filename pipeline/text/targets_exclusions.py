"""Target exclusions: the spans of a text whose numbers are never targets.

What belongs here: finding, before any number is read, every span that holds a number which is
not a measurable quantity -- years and dates, ages, list ordinals, grades, names and slogans in
quotes, book titles, idioms, per-capita denominators, numbers that only announce the list that
follows (以下八件事：), numbers inside 以…为牵引 frames and 在…基础上 baselines, counts of things
already named (以丽水、湖州、衢州3个示范市) ... -- each with the name of its rule as the reason. The
patterns and word lists are data (pipeline/data/targets.toml, [exclusions] and [quotes]); the rules
that need code (quote pairing, counting a list) live here. Numbers in programme names are masked by
pipeline.text.targets with pipeline.text.programmes. What does not: deciding what a number measures.
"""

from __future__ import annotations

import re

from pipeline.text.numbers import parse_number
from pipeline.text.targets_lexicon import NUMERAL, Lexicon, lexicon, words_re

_COUNT_RE = re.compile(f"({NUMERAL})(?=[个家所项名座条大道类种批位支])")
_LIST_SEPARATORS = "、"
_LAST_JOINERS = ("和", "及", "与", "以及")


def pattern_spans(text: str) -> list[tuple[int, int, str]]:
    """All spans of `text` whose numbers are not targets, as (start, end, reason)."""
    lex = lexicon()
    spans: list[tuple[int, int, str]] = []
    for reason, patterns in lex.exclusions.items():
        unless_after = lex.exclusion_exceptions.get(reason, ())
        for pattern in patterns:
            spans.extend(
                (m.start(), m.end(), reason)
                for m in pattern.finditer(text)
                if m.end() > m.start() and not any(text.endswith(w, 0, m.start()) for w in unless_after)
            )
    spans.extend((m.start(), m.end(), "idioms") for m in words_re(lex.idioms).finditer(text))
    spans.extend(_quote_spans(text, lex))
    spans.extend((m.start(), m.end(), "titles") for m in lex.title_re.finditer(text))
    spans.extend(named_before_spans(text))
    return sorted(spans)


def named_before_spans(text: str) -> list[tuple[int, int, str]]:
    """Counts of things the clause has just named: 以丽水、湖州、衢州3个示范市, 甲中心、乙中心和丙中心等三大中心.

    The number follows a 、-list directly (or after 等) and equals the number of items listed: it
    restates what is named, it commits to nothing more. With 等 and fewer items than the number
    (A、B、C等7个应用) the number says more than the list, and stays.
    """
    spans = []
    for m in _COUNT_RE.finditer(text):
        value = parse_number(m.group(1))
        if value is None or value < 2:
            continue
        start = m.start()
        head = start - 1 if text.startswith("等", start - 1) else start
        if head == 0 or text[head - 1] in "，。；：！？\n、":
            continue
        clause_start = max(text.rfind(c, 0, head) for c in "，。；：！？\n") + 1
        run = text[clause_start:head]
        if _LIST_SEPARATORS not in run:
            continue
        items = run.count(_LIST_SEPARATORS) + 1
        last = run[run.rfind(_LIST_SEPARATORS) + 1 :]
        if any(j in last[1:] for j in _LAST_JOINERS):
            items += 1
        if items == value:
            spans.append((start, m.end(), "named_before"))
    return spans


def _quote_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Quoted names and slogans. A quote spans at most quote_max_chars and never crosses a stop."""
    openers = {a: b for a, b in lex.quote_pairs}
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(text):
        close = openers.get(text[i])
        if close is None:
            i += 1
            continue
        j, limit = i + 1, min(len(text), i + 1 + lex.quote_max_chars)
        while j < limit and text[j] != close and text[j] not in lex.quote_stops:
            j += 1
        closed = j < len(text) and text[j] == close
        end = j + 1 if closed else j
        inner = text[i + 1 : j]
        # A quoted phrase holding a level quantity (“城市12分钟、农村30分钟”) is not a name.
        if not lex.level_quote_re.search(inner):
            spans.append((i, end, "quotes"))
        i = end if closed else i + 1
    return spans
