"""Document kinds (pipeline/data/document_kinds.csv): each kind's genre, and its rank and role as a source of
meetings and plans. Read by the extraction and by the tables; it imports no parser."""

from __future__ import annotations

from functools import cache

from pipeline.data import read_csv

ROUNDUP_KIND = "provincial_plan_roundup"
WORK_POINTS_KIND = "work_points"
PLAN_STATEMENT_KIND = "plan_statement"


@cache
def document_kinds() -> dict[str, dict[str, str]]:
    """Document kinds (pipeline/data/document_kinds.csv): role and rank as a meeting source."""
    return {row["kind"]: row for row in read_csv("document_kinds.csv")}


def meeting_source_role(kind: str) -> str | None:
    return document_kinds().get(kind, {}).get("source_role") or None


def meeting_source_rank(kind: str) -> int:
    rank = document_kinds().get(kind, {}).get("source_rank")
    return int(rank) if rank else 99


def document_genre(kind: str) -> str | None:
    """The genre of the plan statements a document of this kind makes (conference_report, roundup_item…)."""
    return document_kinds().get(kind, {}).get("genre") or None


def plan_source_rank(kind: str) -> int:
    """Rank of a document kind as the source of a plan's tasks: 1 (work points) is the best."""
    rank = document_kinds().get(kind, {}).get("plan_rank")
    return int(rank) if rank else 99
