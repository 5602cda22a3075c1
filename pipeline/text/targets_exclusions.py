"""Target exclusions: the spans of a text whose numbers are never targets.

What belongs here: finding, before any number is read, every span that holds a number which is
not a measurable quantity -- years and dates, ages, list ordinals, grades, names and slogans in
quotes, book titles, idioms, per-capita denominators, numbers that only announce the list that
follows (以下八件事：) ... -- each with the name of its rule as the reason. The patterns and word
lists are data (pipeline/data/targets.toml, [exclusions] and [quotes]); the rules that need code
(quote pairing) live here. What does not: deciding what a number that is read measures.
"""

from __future__ import annotations

from pipeline.text.targets_lexicon import Lexicon, lexicon, words_re


def excluded_spans(text: str) -> list[tuple[int, int, str]]:
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
    return sorted(spans)


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


def excluded_mask(text: str) -> bytearray:
    """One byte per character of `text`: 1 inside an excluded span, else 0."""
    masked = bytearray(len(text))
    for start, end, _ in excluded_spans(text):
        masked[start:end] = b"\x01" * (end - start)
    return masked
