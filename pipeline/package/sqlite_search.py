"""Full-text search in the SQLite copy of a package (pipeline.package.sqlite): one FTS5 table per table that
pipeline/data/search.toml names, over the jieba tokens of its columns (see there).

A column that quotes its document takes the tokens table's tokens of its span: the tokens are read once from the
package's Parquet file, a document at a time, for every such column, and each row's words are a slice of its
document's (the words of these columns are held until their table is indexed: ~26 MB of strings on the 10 MB
corpus); any other column is segmented with the project's tokenizer (a value that repeats in a column, once).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby, pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline import schema
from pipeline.data import read_toml
from pipeline.warehouse.database import sql_string

_BATCH = 100_000  # tokens read at a time (an Arrow batch)


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

    def segmented(text: str | None) -> str:  # a value of a column that quotes no span: segmented here
        return " ".join(expanded[token.token] for token in tokenize(text)) if text else ""

    quoting = [
        (table, column)
        for table, columns in tables.items()
        for column in columns
        if (table == "documents" and column == "text") or column == schema.quote_column(table)
    ]
    spans = _span_words(source, package_dir, quoting, expanded.__getitem__)
    for table, columns in tables.items():
        fts = fts_table(table)
        target.execute(f"CREATE VIRTUAL TABLE \"{fts}\" USING fts5({', '.join(columns)}, content='')")
        rows = sql_string(package_dir / "data" / f"{table}.parquet")
        indexed = [
            spans.pop((table, column))
            if (table, column) in spans
            else _column_words(source, table, column, rows, segmented)
            for column in columns
        ]
        insert = f'INSERT INTO "{fts}" (rowid, {", ".join(columns)}) VALUES ({", ".join("?" * (len(columns) + 1))})'
        target.executemany(insert, ((rowid, *row) for rowid, row in enumerate(zip(*indexed, strict=True), start=1)))
        target.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'optimize\')')
        del indexed


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
    table: str,
    column: str,
    rows: str,
    segmented: Callable[[str | None], str],
) -> list[str]:
    """For each row of a table in primary-key order, the words of a column that quotes no span: `segmented` of its
    value (a value that repeats is segmented once)."""
    order = ", ".join(f"r.{name}" for name in schema.order_by(table).split(", "))
    values = source.execute(f'SELECT r."{column}" FROM read_parquet({rows}) r ORDER BY {order}').fetchall()
    memo = _Memo(segmented)
    return [memo[value] if value else "" for (value,) in values]


def _span_words(
    source: duckdb.DuckDBPyConnection,
    package_dir: Path,
    columns: list[tuple[str, str]],
    expanded: Callable[[str], str],
) -> dict[tuple[str, str], list[str]]:
    """For each (table, column) that quotes its document (documents.text: the whole document), the words of each row
    in primary-key order: `expanded` of each token of the tokens table inside the row's span (char_start at or after
    its start, char_end at or before its end; a token without text left out), by char_start, joined by spaces; a
    row without a token is indexed empty.

    The tokens are read once for every column, as Arrow batches in the Parquet file's order (doc_id first:
    pipeline.package.files.export_data), a document at a time; a document's tokens are put in char_start order and
    each row's are a slice of them, found by bisection when their ends are in order too (tokens that do not
    overlap), else by comparing each token's offsets."""
    data = package_dir / "data"
    words: dict[tuple[str, str], list[str]] = {}
    spans: dict[str, list[tuple[list[str], int, int | None, int | None]]] = {}
    for table, column in columns:
        rows = sql_string(data / f"{table}.parquet")
        whole = table == "documents" and column == "text"
        span = "NULL, NULL" if whole else "char_start, char_end"
        keys = source.execute(f"SELECT doc_id, {span} FROM read_parquet({rows}) ORDER BY {schema.order_by(table)}")
        found: list[str] = []
        words[(table, column)] = found
        for doc_id, start, end in keys.fetchall():
            found.append("")
            if doc_id is not None and (whole or (start is not None and end is not None)):
                spans.setdefault(doc_id, []).append((found, len(found) - 1, start, end))
    tokens = sql_string(data / "tokens.parquet")
    # One DuckDB thread reads the file: the batches are taken one at a time, and each thread held its own buffers
    # (10 MB corpus: ~20 MiB less, the read no slower than the rest of the loop).
    (threads,) = source.execute("SELECT current_setting('threads')").fetchone()
    source.execute("SET threads = 1")
    batches = source.sql(
        f"SELECT doc_id, char_start, char_end, token FROM read_parquet({tokens}) WHERE token IS NOT NULL"
    ).to_arrow_reader(_BATCH)
    try:
        done: set[str] = set()
        for doc_id, parts in groupby(_document_runs(batches, expanded), itemgetter(0)):
            if doc_id in done:
                raise ValueError(f"tokens.parquet is not sorted by doc_id at {doc_id!r}")
            done.add(doc_id)
            held = spans.get(doc_id)
            if held:
                runs = list(parts)
                starts, ends = (np.concatenate([run[i] for run in runs]) for i in (1, 2))
                _fill(held, starts, ends, [text for run in runs for text in run[3]])
    finally:
        batches.close()  # the connection's result: drained or not, the connection may take another query
        source.execute(f"SET threads = {int(threads)}")
    return words


def _document_runs(
    batches: Iterable[pa.RecordBatch], expanded: Callable[[str], str]
) -> Iterator[tuple[str, np.ndarray, np.ndarray, list[str]]]:
    """(doc_id, char_starts, char_ends, `expanded` of each token) of each run of rows of one document in each batch, in
    order (a document's rows may run over from one batch to the next). A batch's tokens are dictionary-encoded: each
    distinct token is made a Python string and expanded once per batch, not once per row."""
    for batch in batches:
        if not len(batch):
            continue
        doc = batch.column(0)
        changes = pc.not_equal(doc.slice(1), doc.slice(0, len(doc) - 1)).to_numpy(zero_copy_only=False)
        bounds = [0, *(np.flatnonzero(changes) + 1).tolist(), len(batch)]
        encoded = pc.dictionary_encode(batch.column(3))
        names = [expanded(token) for token in encoded.dictionary.to_pylist()]
        indices = encoded.indices.to_numpy(zero_copy_only=False).tolist()
        starts, ends = (batch.column(i).to_numpy(zero_copy_only=False) for i in (1, 2))
        for first, end in pairwise(bounds):
            yield doc[first].as_py(), starts[first:end], ends[first:end], [names[i] for i in indices[first:end]]


def _fill(
    held: list[tuple[list[str], int, int | None, int | None]], starts: np.ndarray, ends: np.ndarray, texts: list[str]
) -> None:
    """Write the words of each held row (its list, position, span; None: the whole document) from one document's
    tokens: their offsets and indexed words, in the order of the tokens table."""
    if len(starts) > 1 and not (starts[1:] >= starts[:-1]).all():
        order = np.argsort(starts, kind="stable")
        starts, ends, texts = starts[order], ends[order], [texts[i] for i in order.tolist()]
    ordered = len(ends) < 2 or bool((ends[1:] >= ends[:-1]).all())
    for found, position, start, end in held:
        if start is None:
            found[position] = " ".join(texts)
        elif ordered:
            first, last = int(np.searchsorted(starts, start, "left")), int(np.searchsorted(ends, end, "right"))
            found[position] = " ".join(texts[first:last])
        else:
            inside = np.flatnonzero((starts >= start) & (ends <= end)).tolist()
            found[position] = " ".join(texts[i] for i in inside)
