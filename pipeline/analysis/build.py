"""Entry points of the analysis: the five analysis tables and the release figure from rows of the
published core tables (tasks, plans, tokens, regions)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pipeline.analysis.alignment import alignment_rows, continuity_rows
from pipeline.analysis.figure import render_theme_figure
from pipeline.analysis.tasks import build_tasks
from pipeline.analysis.terms import plan_term_rows
from pipeline.analysis.themes import task_theme_rows, theme_rows, themes_by_task


def analysis_tables(
    task_rows: Iterable[Mapping[str, Any]],
    plan_rows: Iterable[Mapping[str, Any]],
    token_rows: Iterable[Mapping[str, Any]],
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every analysis table, keyed by table name (see pipeline.analysis.settings.ANALYSIS_TABLES)."""
    tasks = build_tasks(task_rows, plan_rows, token_rows)
    task_themes = task_theme_rows(tasks)
    by_task = themes_by_task(task_themes)
    return {
        "themes": theme_rows(),
        "task_themes": task_themes,
        "alignments": alignment_rows(tasks, by_task),
        "task_continuity": continuity_rows(tasks, by_task),
        "plan_terms": plan_term_rows(tasks),
    }


def release_figure(
    task_rows: Iterable[Mapping[str, Any]],
    plan_rows: Iterable[Mapping[str, Any]],
    task_theme_rows_: Iterable[Mapping[str, Any]],
    region_names: Mapping[str, str],
    cache_dir: Path | None = None,
) -> bytes:
    """The release figure (PNG bytes) from the tasks, plans and task_themes tables (kept in `cache_dir`
    by the content of what it shows and how it is drawn, when given; see render_theme_figure)."""
    tasks = build_tasks(task_rows, plan_rows, [], tokenizer=lambda _title: [])
    return render_theme_figure(tasks, themes_by_task(task_theme_rows_), region_names, cache_dir=cache_dir)
