"""Full-text search in the SQLite copy of a package (pipeline.package.sqlite): one FTS5 table per table that
pipeline/data/search.toml names, over the jieba tokens of its columns (see there).

A column that quotes its document takes the tokens table's tokens of its span, read from the package's Parquet
files as a stream sorted by row and position (DuckDB spills the sort to disk), so memory does not grow with
the corpus; any other column is segmented with the project's tokenizer (a value that repeats in a column, once).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.data import read_toml
from pipeline.warehouse.database import sql_string

_BATCH = 10_000  # (row, token) pairs fetched at a time


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

    def expand(token: str) -> str:
        if len(token) >= min_chars and _is_cjk(token):
            return " ".join((token, *contained_words(token, vocabulary)))
        return token

    expanded = _Memo(expand)  # token → the token followed by the words inside it, as indexed

    def words(tokens: Iterable[str]) -> str:
        return " ".join(map(expanded.__getitem__, tokens))

    def segmented(text: str | None) -> str:  # a value of a column that quotes no span: segmented here
        return words(token.token for token in tokenize(text)) if text else ""

    for table, columns in tables.items():
        fts = fts_table(table)
        target.execute(f"CREATE VIRTUAL TABLE \"{fts}\" USING fts5({', '.join(columns)}, content='')")
        indexed = [_column_words(source, package_dir, table, column, words, segmented) for column in columns]
        insert = f'INSERT INTO "{fts}" (rowid, {", ".join(columns)}) VALUES ({", ".join("?" * (len(columns) + 1))})'
        target.executemany(insert, ((rowid, *row) for rowid, row in enumerate(zip(*indexed, strict=True), start=1)))
        target.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'optimize\')')


class _Memo(dict):
    """A function's results by argument, made on first use (a dict's lookup, in C, for every later one); at most
    _MEMO_MAX of them, so that memory does not grow with the corpus."""

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> str:
        value = self.function(key)
        if len(self) >= _MEMO_MAX:
            self.clear()
        self[key] = value
        return value


_MEMO_MAX = 200_000


_CJK = re.compile("[\u4e00-\u9fff]+")


def _is_cjk(token: str) -> bool:
    return _CJK.fullmatch(token) is not None


def _column_words(
    source: duckdb.DuckDBPyConnection,
    package_dir: Path,
    table: str,
    column: str,
    words: Callable[[Iterable[str]], str],
    segmented: Callable[[str | None], str],
) -> Iterator[str]:
    """For each row of the table in primary-key order, the column's words as indexed: `words` of the tokens table's
    tokens of its span when the column quotes one (documents.text: the whole document), else `segmented` of its
    value (a value that repeats is segmented once)."""
    data = package_dir / "data"
    rows, tokens = sql_string(data / f"{table}.parquet"), sql_string(data / "tokens.parquet")
    if table == "documents" and column == "text":
        join = "k.doc_id = r.doc_id"
    elif column == schema.quote_column(table):
        join = "k.doc_id = r.doc_id AND k.char_start >= r.char_start AND k.char_end <= r.char_end"
    else:
        order = ", ".join(f"r.{name}" for name in schema.order_by(table).split(", "))
        values = source.execute(f'SELECT r."{column}" FROM read_parquet({rows}) r ORDER BY {order}').fetchall()
        memo = _Memo(segmented)
        yield from (memo[value] if value else "" for (value,) in values)
        return
    # (row number, token) pairs sorted by row and position, streamed: DuckDB sorts by spilling to disk; a list
    # aggregate per row would hold every token at once. Only the key and the span travel through the numbering,
    # never the text columns. A row without a token is indexed empty.
    spans = ", ".join(
        dict.fromkeys(
            [*schema.primary_key(table), "doc_id", *(("char_start", "char_end") if "char_start" in join else ())]
        )
    )
    numbered = f"SELECT {spans}, row_number() OVER (ORDER BY {schema.order_by(table)}) AS _n FROM read_parquet({rows})"
    (count,) = source.execute(f"SELECT count(*) FROM read_parquet({rows})").fetchone()
    pairs = source.cursor().execute(
        f"SELECT r._n, k.token FROM ({numbered}) r JOIN read_parquet({tokens}) k ON {join} "
        "WHERE k.token IS NOT NULL ORDER BY r._n, k.char_start"
    )
    number = 0
    for row, row_tokens in _tokens_by_row(iter(partial(pairs.fetchmany, _BATCH), [])):
        while number + 1 < row:  # rows without a token
            number += 1
            yield ""
        number = row
        yield words(row_tokens)
    yield from ("" for _ in range(count - number))


def _tokens_by_row(batches: Iterable[list[tuple[int, str]]]) -> Iterator[tuple[int, list[str]]]:
    """(row number, its tokens) from batches of (row number, token) pairs sorted by row: a row's pairs may run
    over from one batch to the next."""
    row, held = 0, []
    for batch in batches:
        for number, pairs in groupby(batch, itemgetter(0)):
            tokens = list(map(itemgetter(1), pairs))
            if number == row:
                held += tokens
                continue
            if held:
                yield row, held
            row, held = number, tokens
    if held:
        yield row, held
