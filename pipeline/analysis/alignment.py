"""Alignment of local plan tasks to the national plan they follow, and continuity of national tasks.

Both compare tasks by the same score (pipeline.analysis.similarity): TF-IDF cosine over the tasks'
terms, where the documents of the IDF are every task compared, plus a share for common themes.

- alignments: each leaf task of a provincial, municipal or county plan against the top-level tasks
  of the national plan of its work year (or the latest earlier national plan in the corpus); pairs
  reaching the thresholds of analysis.toml, at most max_links per task, best first.
- task_continuity: each top-level national task against the top-level tasks of the national plans
  of the previous and next work years: the nearest one, and new / continued / dropped by threshold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.analysis.settings import settings
from pipeline.analysis.similarity import PairScore, Vector, pair_score, tfidf_vectors
from pipeline.analysis.tasks import AnalysisTask, task_terms

SEPARATOR = ";"
MAX_SHARED_TERMS = 8


def _joined(values: Iterable[str]) -> str | None:
    """';'-joined values, or None when there are none (an empty string would not survive CSV)."""
    return SEPARATOR.join(values) or None


def _national_by_year(tasks: Iterable[AnalysisTask]) -> dict[int, list[AnalysisTask]]:
    by_year: dict[int, list[AnalysisTask]] = {}
    for task in tasks:
        if task.is_national and task.is_top and task.work_year is not None:
            by_year.setdefault(task.work_year, []).append(task)
    return {year: sorted(found, key=lambda t: t.task_id) for year, found in sorted(by_year.items())}


def _local(tasks: Iterable[AnalysisTask]) -> list[AnalysisTask]:
    return [task for task in tasks if not task.is_national and task.is_leaf and task.work_year is not None]


def _vectors(tasks: Iterable[AnalysisTask]) -> dict[str, Vector]:
    return tfidf_vectors({task.task_id: task_terms(task) for task in tasks})


def _score(
    a: AnalysisTask, b: AnalysisTask, vectors: Mapping[str, Vector], themes: Mapping[str, frozenset[str]]
) -> PairScore:
    empty: frozenset[str] = frozenset()
    return pair_score(
        vectors[a.task_id],
        vectors[b.task_id],
        themes.get(a.task_id, empty),
        themes.get(b.task_id, empty),
        settings().theme_weight,
    )


def reference_year(year: int, national_years: Iterable[int]) -> int | None:
    """The work year of the national plan a local plan of `year` follows: the same, else the latest earlier."""
    earlier = [candidate for candidate in national_years if candidate <= year]
    return max(earlier) if earlier else None


def alignment_rows(tasks: list[AnalysisTask], themes: Mapping[str, frozenset[str]]) -> list[dict[str, Any]]:
    """Rows of alignments: task_id, national_task_id, national_work_year, rank, score, cosine,
    shared_themes, shared_terms."""
    config = settings()
    national = _national_by_year(tasks)
    local = _local(tasks)
    vectors = _vectors([*local, *(task for found in national.values() for task in found)])
    rows = []
    for task in local:
        year = reference_year(task.work_year, national)
        if year is None:
            continue
        scored = [(candidate, _score(task, candidate, vectors, themes)) for candidate in national[year]]
        kept = [
            (candidate, pair)
            for candidate, pair in scored
            if pair.score >= config.align_min_score and pair.cosine >= config.align_min_cosine
        ]
        kept.sort(key=lambda item: (-item[1].score, item[0].task_id))
        for rank, (candidate, pair) in enumerate(kept[: config.align_max_links], start=1):
            rows.append(
                {
                    "task_id": task.task_id,
                    "national_task_id": candidate.task_id,
                    "national_work_year": year,
                    "rank": rank,
                    "score": pair.score,
                    "cosine": pair.cosine,
                    "shared_themes": _joined(pair.shared_themes),
                    "shared_terms": _joined(pair.shared_terms[:MAX_SHARED_TERMS]),
                }
            )
    return sorted(rows, key=lambda row: (row["task_id"], row["national_task_id"]))


def _nearest(
    task: AnalysisTask,
    others: list[AnalysisTask],
    vectors: Mapping[str, Vector],
    themes: Mapping[str, frozenset[str]],
) -> tuple[AnalysisTask, PairScore] | None:
    scored = [(other, _score(task, other, vectors, themes)) for other in others]
    scored.sort(key=lambda item: (-item[1].score, item[0].task_id))
    return scored[0] if scored else None


def continuity_rows(tasks: list[AnalysisTask], themes: Mapping[str, frozenset[str]]) -> list[dict[str, Any]]:
    """Rows of task_continuity, one per top-level national task: its nearest task in the previous and
    next years' national plans, and whether it is new / continued (from the previous year) and
    continued / dropped (into the next year). Columns of a year without a national plan stay empty."""
    threshold = settings().continuity_min_score
    national = _national_by_year(tasks)
    vectors = _vectors(task for found in national.values() for task in found)
    rows = []
    for year, found in national.items():
        for task in found:
            row: dict[str, Any] = {"task_id": task.task_id, "work_year": year}
            for side, other_year, below in (("previous", year - 1, "new"), ("next", year + 1, "dropped")):
                nearest = _nearest(task, national.get(other_year, []), vectors, themes)
                row[f"{side}_task_id"] = nearest[0].task_id if nearest else None
                row[f"{side}_score"] = nearest[1].score if nearest else None
                row[f"{side}_shared_terms"] = _joined(nearest[1].shared_terms[:MAX_SHARED_TERMS]) if nearest else None
                row[f"status_{side}"] = (
                    None if not nearest else ("continued" if nearest[1].score >= threshold else below)
                )
            rows.append(row)
    return sorted(rows, key=lambda row: row["task_id"])
