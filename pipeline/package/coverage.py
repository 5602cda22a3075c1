"""What a release covers, generated from its data: documents by kind, plan statements by genre, plans by level
and work year, tasks and targets by level, and what it does not cover (levels, genres and kinds of documents
with no row, provinces without a provincial plan in a work year that has plans).

The queries are plain SQL that DuckDB (the warehouse, when the release README is written) and SQLite (the
release's SQLite copy, when `python -m pipeline serve` draws its home page) both run, on a connection with
`execute(sql).fetchall()`. Rendered as Markdown for the README and as HTML for the served home page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline import schema


class Connection(Protocol):
    def execute(self, sql: str, /) -> Any: ...


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Coverage:
    tables: list[Table]
    not_covered: list[str]


_TABLES = [
    (
        "Documents by kind",
        ("kind", "documents", "characters"),
        "SELECT kind, count(*), sum(n_chars) FROM documents GROUP BY kind ORDER BY kind",
    ),
    (
        "Plan statements by genre of source",
        ("genre", "statements", "documents"),
        "SELECT genre, count(*), count(DISTINCT doc_id) FROM plan_sources GROUP BY genre ORDER BY genre",
    ),
    (
        "Plans by level and work year",
        ("level", "work year", "plans", "regions", "tasks", "leaf tasks", "targets"),
        "SELECT p.level, p.work_year, count(*), count(DISTINCT p.region_code), "
        "sum((SELECT count(*) FROM tasks t WHERE t.plan_id = p.plan_id)), sum(p.n_leaf_tasks), "
        "sum((SELECT count(*) FROM targets tg WHERE tg.plan_id = p.plan_id)) "
        "FROM plans p GROUP BY p.level, p.work_year ORDER BY p.level, p.work_year",
    ),
    (
        "Targets by kind",
        ("kind", "targets", "plans", "with a deadline year"),
        "SELECT kind, count(*), count(DISTINCT plan_id), count(deadline_year) FROM targets GROUP BY kind ORDER BY kind",
    ),
]


def collect(con: Connection) -> Coverage:
    """The coverage of the release whose tables `con` holds."""
    tables = [
        Table(title, header, [tuple(row) for row in con.execute(sql).fetchall()]) for title, header, sql in _TABLES
    ]
    return Coverage(tables, _not_covered(con))


def _not_covered(con: Connection) -> list[str]:
    notes = []
    for table, column, what in (
        ("plans", "level", "plans of level"),
        ("plan_sources", "genre", "plan statements from sources of genre"),
        ("documents", "kind", "documents of kind"),
    ):
        present = {value for (value,) in con.execute(f'SELECT DISTINCT "{column}" FROM "{table}"').fetchall()}
        absent = [
            value
            for value in schema.field(table, column).get("constraints", {}).get("enum", [])
            if value not in present
        ]
        if absent:
            notes.append(f"No {what} {', '.join(f'`{value}`' for value in absent)}.")
    years = [year for (year,) in con.execute("SELECT DISTINCT work_year FROM plans ORDER BY work_year").fetchall()]
    if None in years:  # a plan whose work year could not be read belongs to no year
        years.remove(None)
        [(unknown,)] = con.execute("SELECT count(*) FROM plans WHERE work_year IS NULL").fetchall()
        notes.append(
            f"{unknown} plan{'s' if unknown > 1 else ''} without a work year (their work year could not be read)."
        )
    provinces = con.execute("SELECT province_code, short_name FROM provinces ORDER BY province_code").fetchall()
    for year in years:
        covered = {
            code
            for (code,) in con.execute(
                f"SELECT DISTINCT region_code FROM plans WHERE level = 'provincial' AND work_year = {int(year)}"
            ).fetchall()
        }
        missing = [name for code, name in provinces if code not in covered]
        if len(missing) == len(provinces):
            notes.append(f"Work year {year}: no provincial plan.")
        elif missing:
            notes.append(
                f"Work year {year}: no provincial plan of {'、'.join(missing)} ({len(missing)} of {len(provinces)})."
            )
    return notes


def markdown(coverage: Coverage) -> list[str]:
    """The coverage as Markdown lines (a section body: tables, then what is not covered)."""
    lines = []
    for table in coverage.tables:
        lines += [f"**{table.title}**", "", "| " + " | ".join(table.header) + " |"]
        lines.append("|" + "|".join("---" if number == 0 else "---:" for number in range(len(table.header))) + "|")
        lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in table.rows]
        lines.append("")
    if coverage.not_covered:
        lines += ["**Not covered**", "", *[f"- {note}" for note in coverage.not_covered], ""]
    return lines


def to_html(coverage: Coverage) -> str:
    """The coverage as an HTML fragment (for the served home page)."""
    parts = ['<div class="coverage">']
    for table in coverage.tables:
        parts.append(f"<h3>{html.escape(table.title)}</h3><table><thead><tr>")
        parts += [f"<th>{html.escape(name)}</th>" for name in table.header]
        parts.append("</tr></thead><tbody>")
        for row in table.rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(_cell(value))}</td>" for value in row) + "</tr>")
        parts.append("</tbody></table>")
    if coverage.not_covered:
        parts.append("<h3>Not covered</h3><ul>")
        parts += [f"<li>{html.escape(note.replace('`', ''))}</li>" for note in coverage.not_covered]
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
