"""Writing and reading the DuckDB warehouse: the published tables, typed and keyed by schemas/."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import schema


def arrow_rows(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table typed by the published schema of `table`."""
    arrow_schema = schema.arrow_schema(table)
    columns = {}
    for arrow_field in arrow_schema:
        values = [row.get(arrow_field.name) for row in rows]
        if pa.types.is_date(arrow_field.type):
            values = [date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        columns[arrow_field.name] = values
    return pa.Table.from_pydict(columns, schema=arrow_schema)


def write_table(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """(Re)create a published table from its schema and load the rows, sorted by primary key."""
    data = arrow_rows(table, rows)  # noqa: F841 - referenced by name in the SQL below
    con.execute(schema.create_table_sql(table))
    con.execute(f'INSERT INTO "{table}" SELECT {_stored_values(table)} FROM data ORDER BY {schema.order_by(table)}')
    return len(rows)


def _stored_values(table: str) -> str:
    """The table's columns, with the schema's missing values (e.g. "") of text columns stored as null:
    in the published CSV they cannot be told from null, and the Parquet copy must hold the same rows."""
    missing = [value for value in schema.table_schema(table).get("missingValues", [""]) if isinstance(value, str)]
    values = []
    for spec in schema.table_schema(table)["fields"]:
        column = f'"{spec["name"]}"'
        if spec["type"] == "string" and missing:
            tokens = ", ".join("'" + value.replace("'", "''") + "'" for value in missing)
            column = f"CASE WHEN {column} IN ({tokens}) THEN NULL ELSE {column} END AS {column}"
        values.append(column)
    return ", ".join(values)


def load_parquet_files(con: duckdb.DuckDBPyConnection, table: str, files: Sequence[str]) -> int:
    """(Re)create a published table from per-document Parquet files (pipeline.documents.store), sorted by primary key.

    The rows go from the files to the table inside DuckDB, never through Python objects. The table has
    no PRIMARY KEY constraint: its index cost two thirds of loading a 10 MB corpus's 1.8 M tokens, and
    the blocking check primary_key_unique reports a duplicate key (naming the row) all the same."""
    con.execute(schema.create_table_sql(table, keyed=False))
    if files:
        con.execute(
            f'INSERT INTO "{table}" SELECT {schema.select_columns(table)} FROM read_parquet(?) '
            f"ORDER BY {schema.order_by(table)}",
            [list(files)],
        )
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def stream_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = (), batch: int = 10_000
) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts, made a batch at a time (for large results read once)."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(batch):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The rows of a query as dicts, all at once."""
    return list(stream_dicts(con, sql, params))
