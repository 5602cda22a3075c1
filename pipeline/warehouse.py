"""Reading and writing the DuckDB warehouse: published tables from schemas/, staging tables by layer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import schema

# Staging tables of the per-document layers (not published, so not in schemas/): one row per
# document, keyed by doc_id, with the checksum of the raw file they were made from.
STAGING_DDL = {
    "raw_documents": "doc_id VARCHAR PRIMARY KEY, file VARCHAR, sha256 VARCHAR, raw_text VARCHAR, manifest JSON",
    "clean_documents": "doc_id VARCHAR PRIMARY KEY, sha256 VARCHAR, text VARCHAR, notes JSON, "
    "published_date VARCHAR, source VARCHAR",
    "document_extracts": "doc_id VARCHAR PRIMARY KEY, sha256 VARCHAR, payload JSON",
}
# Per-document segments use the published column layout under a staging name.
SEGMENT_TABLES = {"segmented_sentences": "sentences", "segmented_tokens": "tokens"}


def ensure_staging(con: duckdb.DuckDBPyConnection) -> None:
    for table, columns in STAGING_DDL.items():
        con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({columns})')
    for table, published in SEGMENT_TABLES.items():
        existing = [
            row[0]
            for row in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
        ]
        if existing and existing != schema.columns(published):
            # The published schema changed: staging rows of the old layout are rebuilt partition by partition.
            con.execute(f'DROP TABLE "{table}"')
        con.execute(schema.create_table_sql(published, replace=False).replace(f'"{published}"', f'"{table}"', 1))


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
    con.execute(
        f'INSERT INTO "{table}" SELECT {schema.select_columns(table)} FROM data ORDER BY {schema.order_by(table)}'
    )
    return len(rows)


def replace_documents(
    con: duckdb.DuckDBPyConnection, table: str, doc_ids: Iterable[str], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Replace the rows of some documents in a staging table (one partition's worth, or several)."""
    doc_ids = sorted(set(doc_ids))
    con.execute(f'DELETE FROM "{table}" WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))', [doc_ids])
    if not rows:
        return
    published = SEGMENT_TABLES.get(table)
    if published:
        data = arrow_rows(published, rows)  # noqa: F841
        con.execute(f'INSERT INTO "{table}" SELECT * FROM data')
        return
    names = list(rows[0])
    placeholders = ", ".join("?" for _ in names)
    values = [[_sql_value(row[name]) for name in names] for row in rows]
    con.executemany(f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({placeholders})', values)


def _sql_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict | list) else value


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
