"""plan_terms: the distinctive terms of each plan and the tracked terms counted in every plan.

Each plan is one document made of its leaf tasks (titles and texts). Top terms: TF-IDF over the
plans (tf = the count, idf = 1 + ln((1 + n) / (1 + df)), stop-words and region names excluded),
the top_n of analysis.toml per plan, ties broken by the term. Tracked terms (analysis.toml): counted
as substrings of the plan's leaf-task titles and texts, zero counts included.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from pipeline.analysis.settings import settings
from pipeline.analysis.similarity import tfidf_vectors
from pipeline.analysis.tasks import AnalysisTask, task_words

TOP, TRACKED = "top", "tracked"


def _leaf_tasks_by_plan(tasks: Iterable[AnalysisTask]) -> dict[str, list[AnalysisTask]]:
    by_plan: dict[str, list[AnalysisTask]] = defaultdict(list)
    for task in tasks:
        if task.is_leaf:
            by_plan[task.plan_id].append(task)
    return {plan_id: sorted(found, key=lambda t: t.task_id) for plan_id, found in sorted(by_plan.items())}


def _plan_text(tasks: list[AnalysisTask]) -> str:
    parts = []
    for task in tasks:
        if task.title and task.title not in task.text:
            parts.append(task.title)
        parts.append(task.text)
    return "\n".join(parts)


def plan_term_rows(tasks: Iterable[AnalysisTask]) -> list[dict[str, Any]]:
    """Rows of plan_terms: plan_id, work_year, level, kind, term, rank, tfidf, count."""
    config = settings()
    by_plan = _leaf_tasks_by_plan(tasks)
    words = {plan_id: [word for task in found for word in task_words(task)] for plan_id, found in by_plan.items()}
    vectors = tfidf_vectors(words, sublinear=False)
    rows = []
    for plan_id, found in by_plan.items():
        first = found[0]
        common = {"plan_id": plan_id, "work_year": first.work_year, "level": first.level}
        counts = Counter(words[plan_id])
        ranked = sorted(vectors[plan_id].items(), key=lambda item: (-item[1], item[0]))[: config.top_n]
        for rank, (term, weight) in enumerate(ranked, start=1):
            rows.append(
                {**common, "kind": TOP, "term": term, "rank": rank, "tfidf": round(weight, 4), "count": counts[term]}
            )
        text = _plan_text(found)
        for term in config.tracked:
            rows.append(
                {**common, "kind": TRACKED, "term": term, "rank": None, "tfidf": None, "count": text.count(term)}
            )
    return sorted(rows, key=lambda row: (row["plan_id"], row["kind"], row["term"]))
