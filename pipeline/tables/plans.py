"""plans, plan_sources, tasks, task_sources and commentary: every plan merged over the texts that state it.

Statements of one plan share (level, region, work year, field). The best source (work points before a
conference report before a commentary, a paraphrase and a round-up item; a source with tasks before one
without) supplies the published task tree; the leaf tasks of every other source are matched to the
published leaves by content, and the agreement is recorded in task_sources. A top-level task of another
source none of whose leaves matches is work the best source does not state: it is appended to the tree
(flag from_other_source), with its own document and offsets, so that no stated task is lost; so is one most of
whose items match nothing, with those items only (its matched items are the best source's).

Matching is most of the merge's time. A MatchMemo keeps each match by the texts of both sides' leaves, so a
build that keeps the memo of the last one (pipeline.defs.core) matches only the sources whose leaves or whose
plan's published leaves changed.
"""

from __future__ import annotations

import hashlib
import json
import operator
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.data import read_toml
from pipeline.documents.kinds import plan_source_rank
from pipeline.documents.record import DocumentRecord
from pipeline.parse.statements import plan_id_for, task_tree_leaves

AGREEMENT_THRESHOLD = 0.6  # bigram Dice at or above: the sources agree on the task's content
MATCH_THRESHOLD = 0.25  # below: two tasks are not the same task
_NOT_CONTENT = re.compile(r"[\s\W_]+")

Path = tuple[int, ...]


@dataclass
class PlanTables:
    """Rows of every plan-related table."""

    plans: list[dict[str, Any]] = field(default_factory=list)
    plan_sources: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    task_sources: list[dict[str, Any]] = field(default_factory=list)
    commentary: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class _Source:
    record: DocumentRecord
    statement: dict[str, Any]

    @property
    def n_leaves(self) -> int:
        return len(task_tree_leaves(self.statement["tasks"]))


def plan_id_of(statement: dict[str, Any], doc_id: str) -> str:
    """The id of the plan a statement of document doc_id belongs to."""
    return plan_id_for(statement["level"], statement["region_code"], statement["work_year"], statement["field"], doc_id)


def task_id_for(plan_id: str, path: Path) -> str:
    """Stable task identifier: plan_id and the ordinals from the top (cn-2025-health-work-t01, …-t02.03)."""
    return f"{plan_id}-t" + ".".join(f"{ordinal:02d}" for ordinal in path)


@dataclass(frozen=True)
class _Bigrams:
    """A text's content (punctuation and whitespace removed), its character bigram counts and their total."""

    content: str
    counts: dict[str, int]
    grams: frozenset[str]  # the distinct bigrams
    each_once: bool  # no bigram occurs twice: the shared count with any text is the size of the intersection
    total: int


@lru_cache(maxsize=1024)  # a plan's published tasks are compared with each of its other sources
def _bigrams(text: str) -> _Bigrams:
    content = _NOT_CONTENT.sub("", text)
    counts = Counter(map(operator.add, content, content[1:]))  # every pair of adjacent characters
    total = max(len(content) - 1, 0)
    return _Bigrams(content, counts, frozenset(counts), len(counts) == total, total)


def forget_bigrams() -> None:
    """Empty the cache of texts' bigrams (the same matches after: a pure function's results). The plan tables' step
    calls it when the merge is done: its 1,024 entries are ~29 MiB that no later step reads."""
    _bigrams.cache_clear()


def _dice(a: _Bigrams, b: _Bigrams) -> float:
    if not a.total or not b.total:
        return 1.0 if a.content == b.content else 0.0
    common = a.grams & b.grams
    if a.each_once or b.each_once:
        shared = len(common)  # min(1, n) = 1 for every common bigram
    else:
        shared = sum(min(a.counts[gram], b.counts[gram]) for gram in common)
    return 2 * shared / (a.total + b.total)


def content_similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams (as multisets), ignoring punctuation and whitespace (0..1)."""
    return _dice(_bigrams(a), _bigrams(b))


def match_tasks(primary: list[dict[str, Any]], other: list[dict[str, Any]]) -> dict[int, tuple[int, float]]:
    """Match another source's tasks to the primary ones by content: {other ordinal: (primary ordinal, score)}.

    Greedy on the best remaining pair, so each task is used once; ties break on ordinal distance.
    Each text's bigrams are counted once; a pair whose bigram totals alone keep the Dice coefficient
    below MATCH_THRESHOLD (2·min/(sum) < threshold) is not compared.
    """
    other_grams = [(o["ordinal"], _bigrams(o["text"])) for o in other]
    pairs = []
    for p in primary:
        p_ordinal, p_grams = p["ordinal"], _bigrams(p["text"])
        for o_ordinal, o_grams in other_grams:
            if p_grams.total and o_grams.total:
                ceiling = 2 * min(p_grams.total, o_grams.total) / (p_grams.total + o_grams.total)
                if ceiling < MATCH_THRESHOLD:
                    continue
            score = _dice(p_grams, o_grams)
            if score >= MATCH_THRESHOLD:
                pairs.append((-score, abs(p_ordinal - o_ordinal), p_ordinal, o_ordinal, score))
    pairs.sort()
    matched: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for _, _, p_ordinal, o_ordinal, score in pairs:
        if o_ordinal not in matched and p_ordinal not in used:
            matched[o_ordinal] = (p_ordinal, score)
            used.add(p_ordinal)
    return matched


@dataclass
class MatchMemo:
    """Results of match_tasks by the texts of the leaves on both sides: those `known` from an earlier build (as
    [other ordinal, primary ordinal, score] lists) and those `used` by this one (kept for the next)."""

    known: dict[str, list[list[Any]]] = field(default_factory=dict)
    used: dict[str, list[list[Any]]] = field(default_factory=dict)

    def matches(self, primary: list[dict[str, Any]], other: list[dict[str, Any]]) -> dict[int, tuple[int, float]]:
        """match_tasks(primary, other) for leaves numbered 1..n in order (its result depends on their texts only)."""
        texts = json.dumps([[task["text"] for task in primary], [task["text"] for task in other]], ensure_ascii=False)
        key = hashlib.sha256(texts.encode()).hexdigest()
        found = self.used.get(key, self.known.get(key))
        if found is None:
            found = [[o, p, score] for o, (p, score) in match_tasks(primary, other).items()]
        self.used[key] = found
        return {o: (p, score) for o, p, score in found}


def build_plan_tables(records: list[DocumentRecord], memo: MatchMemo | None = None) -> PlanTables:
    """The plan tables of the records (`memo`: matches known from an earlier build; see MatchMemo)."""
    memo = memo or MatchMemo()
    out = PlanTables()
    groups: dict[str, list[_Source]] = defaultdict(list)
    for record in records:
        for statement in record.payload.get("plans") or []:
            groups[plan_id_of(statement, record.doc_id)].append(_Source(record, statement))
    for plan_id in sorted(groups):
        _add_plan(out, plan_id, groups[plan_id], memo)
    return out


def _source_order(source: _Source) -> tuple[bool, int, int, str, int]:
    n_leaves = source.n_leaves
    return (
        n_leaves == 0,
        plan_source_rank(source.record.kind),
        -n_leaves,
        source.record.doc_id,
        source.statement["start"],
    )


def _add_plan(out: PlanTables, plan_id: str, sources: list[_Source], memo: MatchMemo) -> None:
    sources = sorted(sources, key=_source_order)
    primary = sources[0]
    flags = [flag for flag in (primary.statement["flag"] or "").split(";") if flag]
    first_task_source = len(out.task_sources)  # this plan's task_sources rows are the ones added from here
    task_rows = _add_tree(out, plan_id, primary, primary.statement["tasks"], None, ())
    leaves_by_path = {path: task_rows[path] for path, _ in task_tree_leaves(primary.statement["tasks"])}
    _add_commentary(out, plan_id, primary, {path: row["task_id"] for path, row in task_rows.items()})
    matched_docs = {primary.record.doc_id}
    n_tasks = len(primary.statement["tasks"])
    for source in sources[1:]:
        if source.record.doc_id in matched_docs:
            flags.append("stated_twice_in_" + source.record.doc_id)
            continue
        matched_docs.add(source.record.doc_id)
        matched_paths = _add_secondary(out, plan_id, source, primary, leaves_by_path, flags, memo)
        for task in source.statement["tasks"]:
            if (unstated := _unstated(task, matched_paths)) is not None:
                n_tasks += 1
                appended = _add_tree(out, plan_id, source, [_from_other_source(unstated, n_tasks)], None, ())
                task_rows.update(appended)
                _add_commentary(out, plan_id, source, {(task["ordinal"],): appended[(n_tasks,)]["task_id"]})
    _set_agreement(out.task_sources[first_task_source:], task_rows, n_other_sources=len(matched_docs) - 1)
    n_leaves = sum(1 for row in task_rows.values() if not row["n_children"])
    out.plans.append(_plan_row(plan_id, sources, flags, n_tasks, n_leaves))
    for source in sources:
        statement = source.statement
        opening = statement["opening_start"] is not None
        out.plan_sources.append(
            {
                "plan_id": plan_id,
                "doc_id": source.record.doc_id,
                "genre": statement["genre"],
                "is_primary": source is primary,
                "char_start": statement["start"],
                "char_end": statement["end"],
                "headline": statement["headline"],
                "opening": source.record.text[statement["opening_start"] : statement["opening_end"]]
                if opening
                else None,
                "opening_start": statement["opening_start"],
                "opening_end": statement["opening_end"],
                "doc_number": statement.get("doc_number"),
                "issued_date": statement.get("issued_date"),
                "n_tasks_reported": len(statement["tasks"]),
                "flag": statement["flag"],
            }
        )


@lru_cache(maxsize=1)
def _unstated_share() -> tuple[int, int]:
    numerator, denominator = read_toml("identity.toml")["merge"]["unstated_share"]
    return numerator, denominator


def _unstated(task: dict[str, Any], matched_paths: set[Path]) -> dict[str, Any] | None:
    """The part of another source's top-level task that the published tree does not state: all of it when none of
    its leaves matched; when most of its items match nothing (identity.toml [merge] unstated_share: a heading of
    eight measures, two of which the best source states), the task with its unmatched items, renumbered; else None."""
    matched = {path for path in matched_paths if path[0] == task["ordinal"]}
    if not matched:
        return task
    leaves = task_tree_leaves([task])
    numerator, denominator = _unstated_share()
    if not task["children"] or denominator * (len(leaves) - len(matched)) <= numerator * len(leaves):
        return None
    children = [c for c in task["children"] if not any(path[:2] == (task["ordinal"], c["ordinal"]) for path in matched)]
    return {**task, "children": [{**child, "ordinal": n} for n, child in enumerate(children, start=1)]}


def _from_other_source(task: dict[str, Any], ordinal: int | None = None) -> dict[str, Any]:
    """A task of another source (with its children), flagged as such; a top-level one is renumbered to
    follow the published tree's tasks."""
    flag = ";".join(filter(None, [task.get("flag"), "from_other_source"]))
    children = [_from_other_source(child) for child in task["children"]]
    return {**task, "ordinal": ordinal or task["ordinal"], "flag": flag, "children": children}


def _plan_row(plan_id: str, sources: list[_Source], flags: list[str], n_tasks: int, n_leaves: int) -> dict[str, Any]:
    primary = sources[0].statement

    def first(key: str) -> Any:
        return next((s.statement[key] for s in sources if s.statement[key]), None)

    return {
        "plan_id": plan_id,
        "level": primary["level"],
        "region_code": primary["region_code"],
        "field": primary["field"],
        "issuer": first("issuer"),
        "work_year": primary["work_year"],
        "title": first("title"),
        "headline": first("headline"),
        "n_tasks": n_tasks,
        "n_leaf_tasks": n_leaves,
        "n_sources": len(sources),
        "primary_doc_id": sources[0].record.doc_id,
        "flag": ";".join(dict.fromkeys(flags)) or None,
    }


def _add_tree(
    out: PlanTables, plan_id: str, primary: _Source, tasks: list[dict[str, Any]], parent: str | None, path: Path
) -> dict[Path, dict[str, Any]]:
    """Publish a source's tasks at every depth (the primary's tree, or a task only another source states);
    returns the task rows by path."""
    rows: dict[Path, dict[str, Any]] = {}
    for task in tasks:
        here = (*path, task["ordinal"])
        row = {
            "task_id": task_id_for(plan_id, here),
            "plan_id": plan_id,
            "parent_task_id": parent,
            "depth": len(here),
            "ordinal": task["ordinal"],
            "marker": task.get("marker"),
            "title": task["title"],
            "text": task["text"],
            "doc_id": primary.record.doc_id,
            "char_start": task["start"],
            "char_end": task["end"],
            "marker_issue": task.get("marker_issue"),
            "n_children": len(task["children"]),
            "n_sources": 1,
            "sources_agree": None,
            "flag": task.get("flag"),
        }
        out.tasks.append(row)
        out.task_sources.append(_task_source(row["task_id"], primary.record.doc_id, task, 1.0, "primary"))
        rows[here] = row
        rows.update(_add_tree(out, plan_id, primary, task["children"], row["task_id"], here))
    return rows


def _add_secondary(
    out: PlanTables,
    plan_id: str,
    source: _Source,
    primary: _Source,
    leaves_by_path: dict[Path, dict[str, Any]],
    flags: list[str],
    memo: MatchMemo,
) -> set[Path]:
    """Match another source's leaf tasks (and its commentary) to the published leaves by content; returns
    the paths (in the other source's tree) of the leaves that matched."""
    primary_leaves = task_tree_leaves(primary.statement["tasks"])
    other_leaves = task_tree_leaves(source.statement["tasks"])
    # match_tasks works on ordinals: number the leaves of each side 1..n in text order
    numbered_primary = [dict(task, ordinal=n) for n, (_, task) in enumerate(primary_leaves, start=1)]
    numbered_other = [dict(task, ordinal=n) for n, (_, task) in enumerate(other_leaves, start=1)]
    matches = memo.matches(numbered_primary, numbered_other)
    if unmatched := len(other_leaves) - len(matches):
        flags.append(f"{source.record.doc_id}_has_{unmatched}_unmatched_tasks")
    task_ids: dict[Path, str] = {}
    for number, (path, other) in enumerate(other_leaves, start=1):
        if number not in matches:
            continue
        primary_number, score = matches[number]
        row = leaves_by_path[primary_leaves[primary_number - 1][0]]
        agreement = "agrees" if score >= AGREEMENT_THRESHOLD else "differs"
        out.task_sources.append(_task_source(row["task_id"], source.record.doc_id, other, score, agreement))
        row["n_sources"] += 1
        task_ids[path] = row["task_id"]
    _add_commentary(out, plan_id, source, task_ids)
    return set(task_ids)


def _add_commentary(out: PlanTables, plan_id: str, source: _Source, task_ids: dict[Path, str]) -> None:
    for note in source.statement.get("commentary") or []:
        task_id = task_ids.get((note["task_ordinal"],))
        if task_id is None:
            continue
        out.commentary.append(
            {
                "commentary_id": f"{source.record.doc_id}-c{note['task_ordinal']:02d}-{note['start']}",
                "task_id": task_id,
                "plan_id": plan_id,
                "doc_id": source.record.doc_id,
                "text": note["text"],
                "char_start": note["start"],
                "char_end": note["end"],
            }
        )


def _set_agreement(
    task_sources: list[dict[str, Any]], task_rows: dict[Path, dict[str, Any]], n_other_sources: int
) -> None:
    """sources_agree: every other source has a matching task with the same content (leaf tasks only)."""
    if n_other_sources == 0:
        return
    agreements: dict[str, list[str]] = defaultdict(list)
    for row in task_sources:  # the plan's own rows: task ids never repeat across plans
        if row["agreement"] != "primary":
            agreements[row["task_id"]].append(row["agreement"])
    for row in task_rows.values():
        if row["n_children"]:
            continue
        found = agreements.get(row["task_id"], [])
        row["sources_agree"] = len(found) == n_other_sources and all(a == "agrees" for a in found)


def _task_source(task_id: str, doc_id: str, task: dict[str, Any], score: float, agreement: str) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "doc_id": doc_id,
        "source_ordinal": task["ordinal"],
        "marker": task.get("marker"),
        "title": task["title"],
        "similarity": round(score, 4),
        "agreement": agreement,
        "char_start": task["start"],
        "char_end": task["end"],
    }
