"""Full-text search in the SQLite copy of a package (pipeline.package.sqlite): one FTS5 table per table that
pipeline/data/search.toml names, over the jieba tokens of its columns (see there).

A column that quotes its document takes the tokens table's tokens of its span, read from the package's Parquet
files as a stream sorted by row and position (DuckDB spills the sort to disk), so memory does not grow with
the corpus; any other column is segmented with the project's tokenizer.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.data import read_toml
from pipeline.warehouse.database import sql_string

_BATCH = 10_000  # (row, token) pairs fetched at a time
_VALUE_BATCH = 32  # values of a column fetched at a time (a document's text: thousands of characters)


def search_settings() -> dict[str, Any]:
    """pipeline/data/search.toml: the indexed columns of each table and the sub-word threshold."""
    return read_toml("search.toml")


def fts_table(table: str) -> str:
    return f"{table}_fts"


def write_search(source: duckdb.DuckDBPyConnection, target: sqlite3.Connection, package_dir: Path) -> None:
    settings = search_settings()
    tables = {table: spec["columns"] for table, spec in settings["tables"].items() if table in schema.table_names()}
    if not tables:
        return
    from pipeline.text.segment import contained_words, tokenize  # jieba: only when writing search

    min_chars = int(settings["subword_min_chars"])
    tokens = sql_string(package_dir / "data" / "tokens.parquet")
    vocabulary = frozenset(
        token
        for (token,) in source.execute(
            f"SELECT DISTINCT token FROM read_parquet({tokens}) WHERE length(token) >= 2"
        ).fetchall()
    )
    expanded: dict[str, str] = {}  # token → the token followed by the words inside it, as indexed

    def expand(token: str) -> str:
        if len(token) >= min_chars and _is_cjk(token):
            return " ".join((token, *contained_words(token, vocabulary)))
        return token

    def words(tokens: list[str]) -> str:
        return " ".join([expanded.get(token) or expanded.setdefault(token, expand(token)) for token in tokens])

    for table, columns in tables.items():
        fts = fts_table(table)
        target.execute(f"CREATE VIRTUAL TABLE \"{fts}\" USING fts5({', '.join(columns)}, content='')")
        token_lists = [_column_tokens(source, package_dir, table, column) for column in columns]
        insert = f'INSERT INTO "{fts}" (rowid, {", ".join(columns)}) VALUES ({", ".join("?" * (len(columns) + 1))})'
        for rowid, row in enumerate(zip(*token_lists, strict=True), start=1):
            values = [words(tokens if tokens is not None else _segmented(tokenize, text)) for tokens, text in row]
            target.execute(insert, (rowid, *values))
        target.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'optimize\')')


_CJK = re.compile("[\u4e00-\u9fff]+")


def _is_cjk(token: str) -> bool:
    return _CJK.fullmatch(token) is not None


def _segmented(tokenize: Any, text: str | None) -> list[str]:
    return [token.token for token in tokenize(text)] if text else []


def _column_tokens(
    source: duckdb.DuckDBPyConnection, package_dir: Path, table: str, column: str
) -> Iterator[tuple[list[str] | None, str | None]]:
    """For each row of the table in primary-key order: (the tokens table's tokens of the column, or None when
    the column does not quote a span of its document, and the column's value)."""
    data = package_dir / "data"
    rows, tokens = sql_string(data / f"{table}.parquet"), sql_string(data / "tokens.parquet")
    order = ", ".join(f"r.{name}" for name in schema.order_by(table).split(", "))
    if table == "documents" and column == "text":
        join = "k.doc_id = r.doc_id"
    elif column == schema.quote_column(table):
        join = "k.doc_id = r.doc_id AND k.char_start >= r.char_start AND k.char_end <= r.char_end"
    else:
        yield from (
            (None, value)
            for (value,) in source.execute(
                f'SELECT r."{column}" FROM read_parquet({rows}) r ORDER BY {order}'
            ).fetchall()
        )
        return
    # Two streams in the same row order, merged here: the column's values in key order, and (row number, token)
    # pairs sorted by row and position. DuckDB sorts by spilling to disk; a list aggregate per row would hold every
    # token at once. Only the key and the span travel through the numbering, never the text columns.
    spans = ", ".join(dict.fromkeys([*schema.primary_key(table), "doc_id", *(("char_start", "char_end") if "char_start" in join else ())]))
    numbered = (
        f"SELECT {spans}, row_number() OVER (ORDER BY {schema.order_by(table)}) AS _n FROM read_parquet({rows})"
    )
    values = source.cursor().execute(f'SELECT r."{column}" FROM read_parquet({rows}) r ORDER BY {order}')
    pairs = source.cursor().execute(
        f"SELECT r._n, k.token FROM ({numbered}) r JOIN read_parquet({tokens}) k ON {join} "
        "WHERE k.token IS NOT NULL ORDER BY r._n, k.char_start"
    )
    pending: list[tuple[int, str]] = []
    number = 0
    while batch := values.fetchmany(_VALUE_BATCH):
        for (value,) in batch:
            number += 1
            row_tokens = []
            while True:
                if not pending:
                    pending = pairs.fetchmany(_BATCH)[::-1]  # reversed: the next pair is popped from the end
                    if not pending:
                        break
                if pending[-1][0] != number:
                    break
                row_tokens.append(pending.pop()[1])
            yield row_tokens, value
