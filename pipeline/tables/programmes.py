"""programmes: the named standing initiatives of every published task and plan opening."""

from __future__ import annotations

from typing import Any

from pipeline.documents.record import DocumentRecord
from pipeline.tables.targets import published_statements


def programme_rows(
    records: list[DocumentRecord],
    tasks: list[dict[str, Any]],
    plans: list[dict[str, Any]],
    plan_sources: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Programmes named in every published task and plan opening (rows of `tasks`, `plans`, `plan_sources`)."""
    rows: list[dict[str, Any]] = []
    for published in published_statements(records, tasks, plans, plan_sources):
        plan = published.plan
        common = {"doc_id": published.record.doc_id, "plan_id": plan["plan_id"], "level": plan["level"]}
        opening = (published.statement.get("opening_programmes") or []) if published.is_primary else []
        rows += _rows(opening, prefix=f"{plan['plan_id']}-opening", task_id=None, **common)
        for task_id, task in published.tasks:
            rows += _rows(task.get("programmes") or [], prefix=task_id, task_id=task_id, **common)
    return rows


def _rows(
    programmes: list[dict[str, Any]], *, prefix: str, task_id: str | None, doc_id: str, plan_id: str, level: str
) -> list[dict[str, Any]]:
    return [
        {
            "programme_id": f"{prefix}-p{number:02d}",
            "plan_id": plan_id,
            "task_id": task_id,
            "level": level,
            "name": programme["name"],
            "n_parts": programme["n_parts"],
            "quoted_from": programme["quoted_from"],
            "doc_id": doc_id,
            "char_start": programme["start"],
            "char_end": programme["end"],
            "flag": programme["flag"],
        }
        for number, programme in enumerate(programmes, start=1)
    ]
