"""Themes of each task: signal terms of the taxonomy (pipeline/data/themes.toml) matched on jieba tokens.

A term is segmented with the project's jieba tokenizer; it matches where its tokens occur as a run of
consecutive tokens of the task (so 医共体 never matches inside another word). A match that lies
inside a longer match (of any theme) is dropped: the longest reading wins. A task gets a theme when the weights
of the distinct terms matched reach the taxonomy's threshold.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from pipeline.analysis.settings import settings, themes
from pipeline.analysis.tasks import AnalysisTask
from pipeline.text.segment import tokenize

SEPARATOR = ";"


@cache
def _term_tokens(term: str, tokenizer: Callable[[str], Sequence[Any]] = tokenize) -> tuple[str, ...]:
    return tuple(token.token for token in tokenizer(term))


_index: list[Any] = [None, {}]  # [the themes() tuple it was made from, first token → terms]


def _terms_by_first_token() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First token of a term → (term tokens, theme id, term) of every term starting with it, in taxonomy order.

    Made once per taxonomy (a cleared themes() cache makes it afresh)."""
    taxonomy = themes()
    if _index[0] is not taxonomy:
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for theme in taxonomy:
            for term in theme.weights:
                if pattern := _term_tokens(term):
                    index.setdefault(pattern[0], []).append((pattern, theme.theme_id, term))
        _index[:] = [taxonomy, index]
    return _index[1]


def _matches(tokens: Sequence[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, theme id, term) of every run of task tokens equal to a term's tokens; a run that lies
    inside a longer run (of any theme) is dropped, so the longest reading wins."""
    index = _terms_by_first_token()
    tokens = tuple(tokens)
    found = []
    for start, token in enumerate(tokens):
        for pattern, theme_id, term in index.get(token, ()):
            end = start + len(pattern)
            if tokens[start:end] == pattern:
                found.append((start, end, theme_id, term))
    inside_another = _containment_test(found)
    return sorted(match for match in found if not inside_another(match[0], match[1]))


def _containment_test(found: Sequence[tuple[int, int, str, str]]) -> Callable[[int, int], bool]:
    """A test whether the span [start, end) lies inside another span of `found`, in O(log n) per span
    (a span a long task reaches thousands of times would make the pairwise test quadratic)."""
    spans = sorted({(start, end) for start, end, _, _ in found})
    starts = [start for start, _ in spans]
    widest_before = [-1]  # widest_before[i]: the largest end of spans[:i] (all starting before spans[i])
    widest_at: dict[int, int] = {}  # start -> the largest end of the spans starting there
    for start, end in spans:
        widest_before.append(max(widest_before[-1], end))
        widest_at[start] = max(widest_at.get(start, -1), end)

    def inside(start: int, end: int) -> bool:
        earlier = widest_before[bisect.bisect_left(starts, start)]  # spans starting strictly before
        return earlier >= end or widest_at[start] > end

    return inside


def theme_matches(task: AnalysisTask) -> dict[str, tuple[float, tuple[str, ...]]]:
    """theme id → (score, matched terms in text order) for every theme the task reaches."""
    by_theme: dict[str, dict[str, None]] = {}  # theme id → its distinct matched terms, in text order
    for _start, _end, theme_id, term in _matches([token.token for token in task.tokens]):
        by_theme.setdefault(theme_id, {})[term] = None
    result = {}
    if not by_theme:
        return result
    threshold = settings().theme_min_score
    for theme in themes():
        if found := by_theme.get(theme.theme_id):
            terms = tuple(found)
            score = sum(theme.weights[term] for term in terms)
            if score >= threshold:
                result[theme.theme_id] = (score, terms)
    return result


def task_theme_rows(tasks: Iterable[AnalysisTask]) -> list[dict[str, Any]]:
    """Rows of task_themes: task_id, theme, score, matched_terms (';'-separated)."""
    rows = []
    for task in tasks:
        for theme_id, (score, terms) in theme_matches(task).items():
            rows.append(
                {"task_id": task.task_id, "theme": theme_id, "score": score, "matched_terms": SEPARATOR.join(terms)}
            )
    return sorted(rows, key=lambda row: (row["task_id"], row["theme"]))


def theme_rows() -> list[dict[str, Any]]:
    """Rows of the themes reference table: theme, label_zh, label_en, signal_terms, weak_terms."""
    return [
        {
            "theme": theme.theme_id,
            "label_zh": theme.label_zh,
            "label_en": theme.label_en,
            "signal_terms": SEPARATOR.join(term for term, weight in theme.weights.items() if weight >= 1),
            "weak_terms": SEPARATOR.join(term for term, weight in theme.weights.items() if weight < 1) or None,
        }
        for theme in themes()
    ]


def themes_by_task(rows: Iterable[dict[str, Any]]) -> dict[str, frozenset[str]]:
    result: dict[str, set[str]] = {}
    for row in rows:
        result.setdefault(row["task_id"], set()).add(row["theme"])
    return {task_id: frozenset(found) for task_id, found in result.items()}
