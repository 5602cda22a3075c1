"""Screening each document's rows against schemas/ before any of them reaches the warehouse.

The warehouse refuses a table whose rows break a NOT NULL or key constraint, and the blocking checks
refuse values outside an enum, a pattern or a bound: either stops the whole build. So that no single
text can do that, each document's rows are first built on their own (its plans, tasks, meeting,
targets, programmes and reported figures, as if it were the only text) and checked against the constraints its schema
declares — required, type, enum, pattern, minimum/maximum, length, flagValues and a unique primary key.
A document whose rows break one (or whose rows cannot be built at all) is kept as a document only:
documents.flag `rows_refused:<problem>` (pipeline.documents.problems) and no plan rows. The checks are
generic: they hold whatever the parsers produce.

Constraints between documents (two texts stating the same key) are not screened here: the merge of
pipeline.tables.plans resolves them, and the warehouse's checks still block anything left.

A document's verdict depends only on its record and on this code (its modules, schemas/, the data they name):
given a folder, each verdict is kept there under a key of both (`verdict_key`: the document's raw and extract
keys, which fix its record) and read back by later builds, so a build after one text was added screens that
text alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import bytes_cache, schema
from pipeline.documents.problems import ROWS_REFUSED, problem_flag, problem_of, without_plans
from pipeline.documents.record import DocumentRecord
from pipeline.documents.store import DocumentKeys, modules_version
from pipeline.tables.meetings import build_meeting_tables
from pipeline.tables.plans import build_plan_tables
from pipeline.tables.programmes import programme_rows
from pipeline.tables.reported_figures import reported_figure_rows
from pipeline.tables.targets import target_rows

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "year": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "date": (str, date),
    "datetime": (str,),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def screen_records(
    records: list[DocumentRecord], folder: Path | None = None, keys: Sequence[str] | None = None
) -> list[DocumentRecord]:
    """The records, each one whose own rows would break a constraint of schemas/ replaced by the document
    kept without plan rows, flagged `rows_refused:<problem>`. Results are remembered per record in this
    process and, with a folder and each record's `verdict_key` (in the order of `records`), kept there."""
    if folder is None or keys is None:
        return [_screened(record) for record in records]
    return [_screened(record, folder, key) for record, key in zip(records, keys, strict=True)]


def verdict_key(keys: DocumentKeys) -> str:
    """Key of a document's verdict: this code's version and the document's raw and extract keys (the raw key
    fixes its file, checksum and manifest entry; the extract key its clean text and extraction results)."""
    version = modules_version("screen", ("pipeline.tables.screening",), tuple(schema.table_names()))
    return bytes_cache.key_of("screen", version, keys.raw, keys.extract)


_screened_cache: dict[int, tuple[DocumentRecord, DocumentRecord]] = {}
_CACHE_MAX = 100_000


def forget_screened() -> None:
    """Drop the screened records remembered for the callers of a build: the cache holds each record it was
    given (by identity), so the records of a whole corpus stay alive until it is cleared."""
    _screened_cache.clear()


def _screened(record: DocumentRecord, folder: Path | None = None, key: str = "") -> DocumentRecord:
    """One record screened; remembered by identity (the records of a build are shared, never changed)."""
    known = _screened_cache.get(id(record))
    if known is not None and known[0] is record:
        return known[1]
    if folder is None:
        problem = document_row_problem(record)
    else:
        kept = bytes_cache.cached_bytes(folder, key, lambda: json.dumps(document_row_problem(record)).encode())
        problem = json.loads(kept)
    result = record if problem is None else _refused(record, problem)
    if len(_screened_cache) >= _CACHE_MAX:
        _screened_cache.clear()
    _screened_cache[id(record)] = (record, result)
    return result


def _refused(record: DocumentRecord, problem: str) -> DocumentRecord:
    kind = (record.manifest or {}).get("kind")
    return replace(record, payload=without_plans(record.payload, kind, problem_flag(ROWS_REFUSED, problem)))


def document_row_problem(record: DocumentRecord) -> str | None:
    """The first constraint of schemas/ that the document's own rows break, in words, else None."""
    if not record.payload.get("plans") and not record.payload.get("meeting"):
        return None
    if problem_of(record.payload.get("kind_flag")):
        return None  # already kept without plan rows
    try:
        rows = _own_rows(record)
    except Exception as error:  # noqa: BLE001 - a text whose rows cannot even be built is refused, not fatal
        return f"its rows cannot be built: {type(error).__name__}: {error}"
    for table, table_rows in rows.items():
        if problems := row_problems(table, table_rows):
            return problems[0]
    return None


def _own_rows(record: DocumentRecord) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows made from this document alone."""
    plans = build_plan_tables([record])
    meetings = build_meeting_tables([record])
    rows = {name: getattr(plans, name) for name in ("plans", "plan_sources", "tasks", "task_sources", "commentary")}
    rows |= {
        name: getattr(meetings, name) for name in ("meetings", "meeting_sources", "meeting_officials", "meeting_sections")
    }
    published = (rows["tasks"], rows["plans"], rows["plan_sources"])
    rows["targets"] = target_rows([record], *published)
    rows["programmes"] = programme_rows([record], *published)
    rows["reported_figures"] = reported_figure_rows([record], rows["plans"])
    return rows


def row_problems(table: str, rows: list[dict[str, Any]]) -> list[str]:
    """Each way the rows break a constraint schemas/<table>.schema.json declares: `table.column` (with the
    row's key) and the constraint. Checks required, type, enum, pattern, bounds, lengths, flagValues and
    a unique primary key."""
    problems: list[str] = []
    key_columns = schema.primary_key(table)
    seen_keys: set[tuple[Any, ...]] = set()
    for row in rows:
        key = tuple(row.get(column) for column in key_columns)
        where = f"{table} row {', '.join(f'{c}={v!r}' for c, v in zip(key_columns, key, strict=True))}"
        for spec in schema.table_schema(table)["fields"]:
            if reason := _value_problem(spec, row.get(spec["name"]), _missing_values(table)):
                problems.append(f"{where}: {table}.{spec['name']} {reason}")
        if key in seen_keys:
            problems.append(f"{where}: the primary key ({', '.join(key_columns)}) is repeated")
        seen_keys.add(key)
    return problems


@cache
def _missing_values(table: str) -> frozenset[str]:
    return frozenset(v for v in schema.table_schema(table).get("missingValues", [""]) if isinstance(v, str))


_flag_patterns: dict[int, re.Pattern[str]] = {}  # by the field descriptor (schema.table_schema is cached)


def _value_problem(spec: dict[str, Any], value: Any, missing: frozenset[str]) -> str | None:  # noqa: ANN401, PLR0911
    """Why one value breaks its field's constraints, else None (null or a missing value is checked only
    against `required`)."""
    constraints = spec.get("constraints", {})
    if value is None or (spec["type"] == "string" and value in missing):
        return "is empty but required (NOT NULL)" if constraints.get("required") else None
    types = _TYPES.get(spec["type"], (object,))
    if not isinstance(value, types) or (spec["type"] != "boolean" and isinstance(value, bool)):
        return f"is {type(value).__name__} {value!r}, not of type {spec['type']}"
    if spec["type"] == "date" and isinstance(value, str) and not _valid_date(value):
        return f"is {value!r}, not a date (YYYY-MM-DD)"
    if "enum" in constraints and value not in constraints["enum"]:
        return f"is {value!r}, not one of its enum"
    if "pattern" in constraints and isinstance(value, str) and not re.fullmatch(constraints["pattern"], value):
        return f"is {value!r}, which does not match the pattern {constraints['pattern']}"
    for bound, breaks in (("minimum", lambda v, b: v < b), ("maximum", lambda v, b: v > b)):
        if bound in constraints and isinstance(value, int | float) and breaks(value, constraints[bound]):
            return f"is {value!r}, beyond its {bound} {constraints[bound]}"
    for bound, breaks in (("minLength", lambda n, b: n < b), ("maxLength", lambda n, b: n > b)):
        if bound in constraints and isinstance(value, str) and breaks(len(value), int(constraints[bound])):
            return f"has {len(value)} characters, beyond its {bound} {constraints[bound]}"
    if "flagValues" in spec and isinstance(value, str):
        pattern = _flag_patterns.get(id(spec)) or _flag_patterns.setdefault(id(spec), schema.flag_pattern(spec["flagValues"]))
        if unknown := [flag for flag in value.split(";") if not pattern.fullmatch(flag)]:
            return f"has the flag {unknown[0]!r}, not listed in flagValues"
    return None


def _valid_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
