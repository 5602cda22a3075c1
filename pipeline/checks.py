"""Table checks built from schemas/: SQL integrity checks and Frictionless validation of rows.

Used by the blocking asset checks that guard publishing, and by tests. Each function returns a list
of problems (empty when the table passes).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import frictionless

from pipeline import schema

# Tables every build fills whatever its texts are; the others depend on the kinds of text in seeds/
# (a folder without a round-up has no provinces), so their emptiness is a warning, not an error.
ALWAYS_FILLED = ("documents", "sentences", "tokens", "regions")


def emptiness_problem(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    (count,) = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return f"{table}: the table is empty" if count == 0 else None


def integrity_problems(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Not empty (for ALWAYS_FILLED tables), primary key unique, foreign keys resolve, offsets quote the text."""
    problems = []
    if table in ALWAYS_FILLED and (empty := emptiness_problem(con, table)):
        problems.append(empty)
    key = schema.order_by(table)
    (duplicates,) = con.execute(
        f'SELECT count(*) FROM (SELECT {key} FROM "{table}" GROUP BY {key} HAVING count(*) > 1)'
    ).fetchone()
    if duplicates:
        problems.append(f"{table}: {duplicates} duplicated primary keys ({key})")
    for foreign in schema.foreign_keys(table):
        fields, reference = foreign["fields"], foreign["reference"]
        join = " AND ".join(f't."{a}" = r."{b}"' for a, b in zip(fields, reference["fields"], strict=True))
        not_null = " AND ".join(f't."{a}" IS NOT NULL' for a in fields)
        (dangling,) = con.execute(
            f'SELECT count(*) FROM "{table}" t LEFT JOIN "{reference["resource"]}" r ON {join} '
            f'WHERE {not_null} AND r."{reference["fields"][0]}" IS NULL'
        ).fetchone()
        if dangling:
            problems.append(f"{table}: {dangling} rows whose {', '.join(fields)} is not in {reference['resource']}")
    quote = schema.quote_column(table)
    if quote:
        (bad,) = con.execute(
            f'SELECT count(*) FROM "{table}" t JOIN documents d USING (doc_id) '
            f"WHERE t.char_start < 0 OR t.char_end <= t.char_start OR t.char_end > length(d.text) "
            f'OR substr(d.text, t.char_start + 1, t.char_end - t.char_start) <> t."{quote}"'
        ).fetchone()
        if bad:
            problems.append(f"{table}: {bad} rows whose offsets do not reproduce {quote} from documents.text")
    problems += flag_problems(con, table)
    return problems


def flag_problems(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Every ';'-separated flag of a column with a `flagValues` vocabulary (schemas/) is one of its values."""
    problems = []
    for spec in schema.table_schema(table)["fields"]:
        if "flagValues" not in spec:
            continue
        pattern = schema.flag_pattern(spec["flagValues"])
        found = con.execute(
            f'SELECT DISTINCT unnest(string_split("{spec["name"]}", \';\')) FROM "{table}" '
            f'WHERE "{spec["name"]}" IS NOT NULL'
        ).fetchall()
        unknown = sorted(value for (value,) in found if not pattern.match(value))
        if unknown:
            problems.append(
                f"{table}.{spec['name']}: values not listed in flagValues of schemas/{table}.schema.json: "
                + ", ".join(unknown)
            )
    return problems


def schema_problems(con: duckdb.DuckDBPyConnection, table: str, limit: int = 10) -> list[str]:
    """Frictionless validation of the table's rows (as they would be published in CSV) against its schema."""
    descriptor = {k: v for k, v in schema.table_schema(table).items() if k not in {"name", "foreignKeys"}}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{table}.csv"
        query = f'SELECT {schema.select_columns(table)} FROM "{table}" ORDER BY {schema.order_by(table)}'
        con.execute(f"COPY ({query}) TO '{path}' (FORMAT csv, HEADER true)")
        resource = frictionless.Resource(
            path=path.name, basepath=folder, schema=frictionless.Schema.from_descriptor(descriptor)
        )
        report = resource.validate()
    return [f"{table}: {error.message}" for task in report.tasks for error in task.errors[:limit]]
