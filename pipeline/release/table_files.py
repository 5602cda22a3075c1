"""Reading the table files of two packages for their diff: row counts, document ids and the rows
added, removed or changed by primary key, each from the Parquet copy when there is one (exact values,
column by column) and from the CSV otherwise (releases before Parquet copies). Plain functions, no Dagster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from pipeline.package.files import sql_string

EXAMPLE_KEYS = 10  # keys quoted per kind of change in changes.json


def row_changes(old_path: Path, new_path: Path, key: list[str], con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Rows added, removed and changed between two files (Parquet or CSV) of a table, by primary key.

    Parquet copies are compared when both exist: they hold the exact values in every release, whatever
    rule its CSV files follow (pipeline.package.csv_policy). One query pairs the rows by key (a full outer
    join): a row of one side only was added or removed, a pair whose shared columns differ changed.
    """
    key_expr = " || '|' || ".join(f"coalesce(\"{column}\", '')" for column in key)
    sources = [_as_text(path) for path in (old_path, new_path)]
    headers = [[row[0] for row in con.execute(f"DESCRIBE {source}").fetchall()] for source in sources]
    shared = [column for column in headers[1] if column in headers[0]]  # an added column changes no row
    row_expr = "struct_pack(" + ", ".join(f'"{column}" := "{column}"' for column in shared) + ")"
    # k: the primary key as text (never null); h: a hash of the row's shared columns, to tell changed rows apart.
    old, new = (f"(SELECT {key_expr} AS k, md5(to_json({row_expr})::VARCHAR) AS h FROM {source})" for source in sources)
    # Per kind of change, its count and its EXAMPLE_KEYS smallest keys, aggregated as the pairs stream by: a window
    # over every changed row (count(*) OVER, row_number() OVER) held them all (+280 MiB for a 10 MB corpus's tokens).
    rows = con.execute(
        f"""SELECT change, count(*), min(k, {EXAMPLE_KEYS}) FROM (
                SELECT CASE WHEN o.k IS NULL THEN 'added' WHEN n.k IS NULL THEN 'removed' ELSE 'changed' END
                       AS change, coalesce(n.k, o.k) AS k
                FROM {new} n FULL OUTER JOIN {old} o ON n.k = o.k
                WHERE o.k IS NULL OR n.k IS NULL OR n.h <> o.h)
            GROUP BY change ORDER BY change"""
    ).fetchall()
    found: dict[str, list[str]] = {"added": [], "removed": [], "changed": []}
    counts = dict.fromkeys(found, 0)
    for change, count, keys in rows:
        found[change] = list(keys)  # ascending, as min(k, n) gives them
        counts[change] = count
    result: dict[str, Any] = dict(counts)
    for label, keys in found.items():
        if keys:
            result[f"{label}_keys"] = keys
    return result


def _as_text(path: Path) -> str:
    """A DuckDB subquery giving a table file's rows with every column as text."""
    if path.suffix == ".parquet":
        return f"(SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet({sql_string(path)}))"
    return f"(SELECT * FROM read_csv({sql_string(path)}, all_varchar = true, header = true))"


def _preferred_source(csv_path: Path) -> str | None:
    """A DuckDB table function reading a table file: its Parquet copy when there is one (exact values,
    the same rows as the CSV: written by one query, compared when a package is validated), else the CSV
    as text; None when neither exists."""
    parquet = csv_path.with_suffix(".parquet")
    if parquet.exists():
        return f"read_parquet({sql_string(parquet)})"
    if csv_path.exists():
        return f"read_csv({sql_string(csv_path)}, all_varchar = true)"
    return None


def document_ids(csv_path: Path, con: duckdb.DuckDBPyConnection) -> set[str]:
    """doc_ids of a documents table (a doc_id is never escaped in the CSV). `con`: any DuckDB
    connection (opening one costs ~15 ms, more than the query)."""
    source = _preferred_source(csv_path)
    return {doc_id for (doc_id,) in con.execute(f"SELECT doc_id FROM {source}").fetchall()} if source else set()


def count_rows(csv_path: Path, con: duckdb.DuckDBPyConnection) -> int:
    """Rows of a table file (from a Parquet copy, DuckDB reads the count from its footer)."""
    source = _preferred_source(csv_path)
    return con.execute(f"SELECT count(*) FROM {source}").fetchone()[0] if source else 0
