"""Plan statements: what one text says about one plan, in one JSON-ready shape for every genre.

A plan is the work one issuer (国家卫生健康委, 浙江省卫生健康委…) sets out for one work year in one
field (health work, disease control…). A text states a plan, or part of one, as a conference report,
a work-points document, a round-up item, a commentary or a paraphrase. Each genre's parser hands its
result to a builder here, which returns statements of the same shape:

    {"genre", "level", "region_code", "field", "issuer", "work_year", "title", "headline",
     "start", "end", "opening_start", "opening_end", "flag", "tasks": [task, ...], "commentary": [...]}

and every task is {"ordinal", "marker", "title", "text", "start", "end", "marker_issue", "flag",
"children": [task, ...]} (nested to any depth; a group heading is a task with children). Offsets are
absolute offsets into the cleaned text. Targets are added per task by pipeline.documents.extract.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.data import read_csv, read_toml
from pipeline.text.regions import by_code

LEVELS = ("national", "provincial", "municipal", "county")
DEFAULT_FIELD = "health-work"
LEVEL_FROM_SCOPE_WORD = "level_from_scope_word"  # a plan's level read from a scope word (全市, 我省), no region
MAX_TITLE_CHARS = 80  # a first line longer than this is prose, not a title


@cache
def _field_words() -> tuple[tuple[str, str], ...]:
    """(words naming a field's work, slug) from pipeline/data/meeting_types.csv, longest first:
    爱国卫生工作 → patriotic-health before 卫生工作 → health-work."""
    rows = {(row["name_suffix"].removesuffix("会议"), row["slug"]) for row in read_csv("meeting_types.csv")}
    return tuple(sorted(rows, key=lambda row: (-len(row[0]), row[0])))


def named_field(title: str) -> str | None:
    """The field whose work a title names (2015年全国爱国卫生工作要点 → patriotic-health), or None."""
    return next((slug for words, slug in _field_words() if words in title), None)


def first_scope_level(text: str, scope_levels: dict[str, str]) -> str | None:
    """The level of the scope word (全省, 全市, 全县…: a genre's word list) that `text` prints first; None
    when it prints none. A scope word in a comparison (位居全省前列, 排名全省同类第3, 高于全市平均) ranks the text's
    subject among that scope's peers and sets no scope (pipeline/data/identity.toml [scope_words])."""
    if not scope_levels:
        return None
    words = "|".join(re.escape(word) for word in sorted(scope_levels, key=len, reverse=True))
    for found in re.finditer(words, text):
        if not _in_comparison(text, found.start(), found.end()):
            return scope_levels[found.group()]
    return None


@cache
def _comparison() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = read_toml("identity.toml")["scope_words"]
    return re.compile(f"(?:{rules['comparison_before']})$"), re.compile(rules["comparison_after"])


def _in_comparison(text: str, start: int, end: int) -> bool:
    before, after = _comparison()
    return bool(before.search(text[max(0, start - 4) : start]) or after.match(text, end))


@cache
def _issuers() -> list[dict[str, str]]:
    return read_csv("plan_fields.csv")


def issuer_for(level: str, region_code: str | None, field: str, work_year: int | None) -> str | None:
    """The body that issues a plan, by field and work year (卫生部 until 2013, 国家卫生健康委 from 2019…).

    Local bodies are <region name><suffix>. None when the field, the year or the region is unknown, or
    when the body's name in that year is not recorded in pipeline/data/plan_fields.csv.
    """
    if work_year is None:
        return None
    column = "national_issuer" if level == "national" else "local_issuer_suffix"
    rows = [
        row
        for row in _issuers()
        if row["slug"] == field and int(row["from_year"]) <= work_year <= int(row["to_year"]) and row[column]
    ]
    if not rows:
        return None
    if level == "national":
        return rows[0][column]
    try:
        region = by_code(region_code) if region_code else None
    except KeyError:
        return None
    return f"{region.name}{rows[0][column]}" if region else None


def roundup_item_field(text: str, start: int, end: int) -> str:
    """Field of a round-up item: the health goals of a government work report (政府工作报告) when the item
    quotes one, else the health commission's annual plan (health-work)."""
    return "gov-work-report" if "政府工作报告" in text[start:end] else DEFAULT_FIELD


def plan_id_for(level: str, region_code: str | None, work_year: int | None, field: str, doc_id: str) -> str:
    """Stable plan identifier: <cn | region code>-<work year | undated>-<field slug> (cn-2025-health-work).

    A local plan whose region is not resolved cannot be told apart from another one: it is keyed by its
    level and document instead (municipal.<doc_id>-2024-health-work), so it is never merged with another.
    Nor can a plan whose work year is not known: it is keyed by its document (cn-undated.<doc_id>-health-work),
    so two documents' undated plans of one area are not taken for the same plan.
    """
    area = "cn" if level == "national" else (region_code or f"{level}.{doc_id}")
    year = work_year or (f"undated.{doc_id}" if region_code or level == "national" else "undated")
    return f"{area}-{year}-{field}"


def task_tree_paths(tasks: list[dict[str, Any]], path: tuple[int, ...] = ()) -> list[tuple[tuple[int, ...], dict]]:
    """(path of ordinals, task) of every task at every depth, parents before their children."""
    out: list[tuple[tuple[int, ...], dict]] = []
    for task in tasks:
        here = (*path, task["ordinal"])
        out.append((here, task))
        out += task_tree_paths(task.get("children") or [], here)
    return out


def numbered(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tasks with their ordinals made their positions (1, 2, … at every depth): a reader that leaves a task out
    must not leave a gap, since a merged plan numbers the tasks that other sources add after the last one."""
    return [
        {**task, "ordinal": ordinal, "children": numbered(task.get("children") or [])}
        for ordinal, task in enumerate(tasks, start=1)
    ]


def task_tree_leaves(tasks: list[dict[str, Any]], path: tuple[int, ...] = ()) -> list[tuple[tuple[int, ...], dict]]:
    """(path of ordinals, task) of every task without children, in text order."""
    leaves: list[tuple[tuple[int, ...], dict]] = []
    for task in tasks:
        here = (*path, task["ordinal"])
        if task.get("children"):
            leaves += task_tree_leaves(task["children"], here)
        else:
            leaves.append((here, task))
    return leaves


def first_line_title(text: str) -> str | None:
    """The text's first line as the title of a plan stated in prose: stripped, None when empty or too long to
    be a title (MAX_TITLE_CHARS)."""
    first_line = text.split("\n", 1)[0].strip()
    return first_line if 0 < len(first_line) <= MAX_TITLE_CHARS else None


def statement(
    *,
    genre: str,
    level: str,
    region_code: str | None,
    field: str,
    work_year: int | None,
    start: int,
    end: int,
    tasks: list[dict[str, Any]],
    title: str | None = None,
    headline: str | None = None,
    opening: tuple[int, int] | None = None,
    flags: list[str] | None = None,
    commentary: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One plan statement (see the module docstring)."""
    if level not in LEVELS:
        raise ValueError(f"unknown plan level {level!r}")
    return {
        "genre": genre,
        "level": level,
        "region_code": region_code,
        "field": field,
        "issuer": issuer_for(level, region_code, field, work_year),
        "work_year": work_year,
        "title": title,
        "headline": headline,
        "start": start,
        "end": end,
        "opening_start": opening[0] if opening else None,
        "opening_end": opening[1] if opening else None,
        "flag": ";".join(dict.fromkeys(flags or [])) or None,
        "tasks": tasks,
        "commentary": commentary or [],
    }


def task(
    text: str,
    *,
    ordinal: int,
    title: str,
    start: int,
    end: int,
    marker: str | None = None,
    marker_issue: str | None = None,
    flag: str | None = None,
    children: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One task of a statement; text is text[start:end]."""
    return {
        "ordinal": ordinal,
        "marker": marker,
        "title": title,
        "text": text[start:end],
        "start": start,
        "end": end,
        "marker_issue": marker_issue,
        "flag": flag,
        "children": children or [],
    }
