"""Writing and reading the DuckDB warehouse: the published tables, typed and keyed by schemas/."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import schema


def sql_string(value: object) -> str:
    """A SQL string literal (paths with apostrophes included) for DuckDB statements."""
    return "'" + str(value).replace("'", "''") + "'"


def sql_identifier(name: str) -> str:
    """A quoted SQL identifier (a table or column name)."""
    return '"' + name.replace('"', '""') + '"'


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


# Bytes of rows per INSERT of write_table. DuckDB holds a statement's new rows in memory until they are
# committed, and a table of few rows (documents: one per text) fills no row group it could write out early:
# inserting a large corpus's texts in one statement needs about twice their size under the memory limit.
INSERT_BATCH_BYTES = 16_000_000


def write_table(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """(Re)create a published table from its schema and load the rows, sorted by primary key, in batches of
    about INSERT_BATCH_BYTES (each committed on its own), so that DuckDB's memory limit holds for any corpus."""
    ordered = arrow_rows(table, rows).sort_by([(column, "ascending") for column in schema.primary_key(table)])
    con.execute(schema.create_table_sql(table))
    per_batch = max(1, ordered.num_rows * INSERT_BATCH_BYTES // max(ordered.nbytes, 1))
    for start in range(0, ordered.num_rows, per_batch):
        batch = ordered.slice(start, per_batch)  # noqa: F841 - referenced by name in the SQL below
        con.execute(f'INSERT INTO "{table}" SELECT {_stored_values(table)} FROM batch')
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
    the rule primary_key_unique of the table's blocking check reports a duplicate key (naming the row)
    all the same. The warehouse loads documents' files with insert_document_files (a batch at a time, the same
    rows in the same order) into a table made by create_loaded_table; this one INSERT is the reference it is tested
    against."""
    create_loaded_table(con, table)
    if files:
        con.execute(
            f'INSERT INTO "{table}" SELECT {schema.select_columns(table)} FROM read_parquet(?) '
            f"ORDER BY {schema.order_by(table)}",
            [list(files)],
        )
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def create_loaded_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """(Re)create a published table to be loaded from per-document Parquet files: no PRIMARY KEY constraint
    (load_parquet_files says why)."""
    con.execute(schema.create_table_sql(table, keyed=False))


# Bytes of per-document Parquet files whose rows one INSERT of insert_document_files sorts. 10 MB benchmark corpus
# (493 documents, 1.8 M tokens), cold build: one INSERT sorting every token took the build's process from 470 to
# 703 MiB, the peak of the whole build; batches of 2 MB of files from 472 to 533 MiB.
LOAD_BATCH_BYTES = 2_000_000


def insert_document_files(con: duckdb.DuckDBPyConnection, table: str, files: Mapping[str, str]) -> None:
    """Append the rows of per-document Parquet files (doc_id → file, each holding rows of its own document only:
    pipeline.warehouse.increments checks it first) to `table`, in primary-key order: the documents in doc_id order,
    about LOAD_BATCH_BYTES of files per INSERT, each INSERT sorted by the key. The key starts with doc_id, so the
    rows go in in the order of one INSERT sorting them all, while DuckDB sorts one batch at a time."""
    if schema.primary_key(table)[0] != "doc_id":
        raise ValueError(f"{table}: its primary key does not start with doc_id")
    sql = f'INSERT INTO "{table}" SELECT {schema.select_columns(table)} FROM read_parquet(?) ORDER BY {schema.order_by(table)}'
    batch: list[str] = []
    size = 0
    for _doc_id, file in sorted(files.items()):
        if batch and size + _file_bytes(file) > LOAD_BATCH_BYTES:
            con.execute(sql, [batch])
            batch, size = [], 0
        batch.append(file)
        size += _file_bytes(file)
    if batch:
        con.execute(sql, [batch])


def _file_bytes(file: str) -> int:
    try:
        return os.stat(file).st_size
    except OSError:
        return 0  # DuckDB names the missing file


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
