"""The input of every analysis: each plan task with its plan's level, region and work year and its jieba
tokens, and the terms (content tokens) that TF-IDF and theme matching work on.

A task's tokens are the rows of the tokens table that lie inside the task's span
[char_start, char_end) of its document, in order; when the task's title is not part of its text (a
provincial measure's heading stands before its body), the title is segmented with the same jieba
tokenizer and its tokens come first. The analysis step gives the tokens as SortedTokens (tuples in document and
offset order, as DuckDB sorts them), which are grouped without a dict or a sort per token.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from pipeline.analysis.settings import settings
from pipeline.text.regions import COUNTY, all_regions
from pipeline.text.segment import pos_tokenizer, tokenize

NATIONAL = "national"


class TaskToken(NamedTuple):
    """One token of a task: its word and part of speech. The analyses read nothing else, so one TaskToken
    stands for every occurrence of the same word and tag (a 10 MB corpus has a million tokens inside tasks,
    some 30,000 of them distinct): the memory of the analysis grows by a reference per token, not an object."""

    token: str
    pos: str


@dataclass(frozen=True)
class AnalysisTask:
    """One task of one plan, as the analyses see it."""

    task_id: str
    plan_id: str
    level: str  # national | provincial | municipal | county
    region_code: str | None
    work_year: int | None
    title: str
    text: str
    tokens: tuple[TaskToken, ...]
    is_top: bool  # no parent task
    is_leaf: bool  # no child task

    @property
    def is_national(self) -> bool:
        return self.level == NATIONAL


@cache
def _region_names() -> frozenset[str]:
    regions = (region for region in all_regions() if region.level != COUNTY)  # county names may be plain words
    return frozenset(name for region in regions for name in (region.name, region.short_name) if name)


def _is_cjk(token: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in token)


def is_term(token: str, pos: str) -> bool:
    """Whether a token carries topic: long enough, a content part of speech, no stop-word or region name."""
    return _term_memo()[(token, pos)]


def _is_term(token: str, pos: str, config: Any) -> bool:
    return (
        len(token) >= config.min_chars
        and not (pos or "").startswith(config.drop_pos)
        and _is_cjk(token)
        and token not in config.stop_words
        and token not in _region_names()
    )


class _TermMemo(dict):
    """is_term of each (token, pos) asked, made on first use under the settings in `config` (a TaskToken is such a
    pair: its lookup needs no new tuple). The analysis asks about every token of every task, nested tasks' tokens
    several times, for ~30,000 distinct pairs on the 10 MB corpus; at most _TERM_MEMO_MAX are kept."""

    config: Any = None

    def __missing__(self, key: tuple[str, str]) -> bool:
        if len(self) >= _TERM_MEMO_MAX:
            self.clear()
        value = self[key] = _is_term(key[0], key[1], self.config)
        return value


_TERM_MEMO_MAX = 500_000
_TERMS = _TermMemo()


def _term_memo() -> _TermMemo:
    """The memo of is_term, emptied when the settings are not those it was made under (a test may change them)."""
    config = settings()
    if _TERMS.config is not config:
        _TERMS.clear()
        _TERMS.config = config
    return _TERMS


SUBWORD_MIN_CHARS = 4


@cache
def _subwords(token: str) -> tuple[str, ...]:
    """Dictionary words inside a long token, from jieba's search mode (紧密型县域医共体 → 县域, 医共体)."""
    return tuple(word for word in pos_tokenizer().tokenizer.cut_for_search(token) if word != token)


def task_words(task: AnalysisTask) -> list[str]:
    """The task's terms as jieba segmented them, in text order (no sub-words)."""
    terms = _term_memo()
    return [token.token for token in task.tokens if terms[token]]


def task_terms(task: AnalysisTask) -> list[str]:
    """The task's terms in text order, each long term followed by its sub-word terms (repeats kept:
    they are the term frequencies)."""
    memo = _term_memo()
    terms = []
    for token in task.tokens:
        if memo[token]:
            terms.append(token.token)
            if len(token.token) >= SUBWORD_MIN_CHARS:
                terms.extend(word for word in _subwords(token.token) if memo[(word, "n")])
    return terms


def _title_tokens(title: str, tokenizer: Callable[[str], Sequence[Any]]) -> list[TaskToken]:
    return [TaskToken(token.token, token.pos) for token in tokenizer(title)]


@dataclass(frozen=True)
class _DocumentTokens:
    """One document's tokens in text order, each made once and shared by every task that covers it."""

    starts: array
    ends: array
    tokens: list[TaskToken]

    def inside(self, start: int, end: int) -> list[TaskToken]:
        """The tokens lying wholly inside [start, end)."""
        first, stop = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [
            token
            for token, token_end in zip(self.tokens[first:stop], self.ends[first:stop], strict=True)
            if token_end <= end
        ]


@dataclass(frozen=True)
class SortedTokens:
    """Token rows as tuples (doc_id, char_start, char_end, token, pos), sorted by all five (pos "" when unknown);
    read once, one document at a time."""

    rows: Iterable[tuple[str, int, int, str, str]]


class _SharedTokens(dict[tuple[str, str], TaskToken]):
    """(token, pos) → its one TaskToken, made on the first lookup of the pair (lookups of known pairs in C)."""

    def __missing__(self, pair: tuple[str, str]) -> TaskToken:
        token = self[pair] = tuple.__new__(TaskToken, pair)
        return token


def _document_tokens(token_rows: Iterable[Mapping[str, Any]] | SortedTokens) -> dict[str, _DocumentTokens]:
    if isinstance(token_rows, SortedTokens):
        rows = token_rows.rows
    else:
        rows = sorted(
            (row["doc_id"], row["char_start"], row["char_end"], row["token"], row.get("pos") or "")
            for row in token_rows
        )
    documents = {}
    shared = _SharedTokens()
    for doc_id, group in groupby(rows, itemgetter(0)):
        held = list(group)
        documents[doc_id] = _DocumentTokens(
            starts=array("q", map(itemgetter(1), held)),
            ends=array("q", map(itemgetter(2), held)),
            tokens=list(map(shared.__getitem__, map(itemgetter(3, 4), held))),
        )
    return documents


def build_tasks(
    task_rows: Iterable[Mapping[str, Any]],
    plan_rows: Iterable[Mapping[str, Any]],
    token_rows: Iterable[Mapping[str, Any]] | SortedTokens,
    tokenizer: Callable[[str], Sequence[Any]] = tokenize,
) -> list[AnalysisTask]:
    """AnalysisTask records from rows of the tasks, plans and tokens tables, sorted by task_id.

    task_rows: task_id, plan_id, parent_task_id, title, text, doc_id, char_start, char_end.
    plan_rows: plan_id, level, region_code, work_year. token_rows: doc_id, char_start, char_end, token
    and (optional) pos, or the same as SortedTokens.
    Fails naming the task when its plan is unknown.
    """
    plans = {row["plan_id"]: row for row in plan_rows}
    documents = _document_tokens(token_rows)
    rows = sorted(task_rows, key=lambda row: row["task_id"])
    parents = {row["parent_task_id"] for row in rows if row.get("parent_task_id")}
    tasks = []
    for row in rows:
        plan = plans.get(row["plan_id"])
        if plan is None:
            raise ValueError(f"task {row['task_id']}: plan {row['plan_id']!r} is not in the plans table")
        inside = (
            documents[row["doc_id"]].inside(row["char_start"], row["char_end"]) if row["doc_id"] in documents else []
        )
        title, text = row.get("title") or "", row.get("text") or ""
        if title and title not in text:
            inside = _title_tokens(title, tokenizer) + inside
        tasks.append(
            AnalysisTask(
                task_id=row["task_id"],
                plan_id=row["plan_id"],
                level=plan["level"],
                region_code=plan.get("region_code"),
                work_year=plan.get("work_year"),
                title=title,
                text=text,
                tokens=tuple(inside),
                is_top=not row.get("parent_task_id"),
                is_leaf=row["task_id"] not in parents,
            )
        )
    return tasks
