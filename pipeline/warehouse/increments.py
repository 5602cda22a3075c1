"""Tables made of per-document files, updated by document: sentences and tokens.

`sync_parquet_files` makes a table hold the rows of exactly the given per-document files (doc_id → file,
pipeline.documents.store: a file's name is the key of its content). The warehouse remembers which file
each document's rows came from (table `_loaded_files`), so a build after one text was added reads that
text's file alone, deletes the rows of texts removed or changed, and keeps the others. Whenever what the
warehouse holds cannot be vouched for — a new warehouse, another layout of the table (schemas/ changed), a
document whose row count differs from the record — the table is made anew from every file, as a cold
build does. Either way the table holds the same rows, so everything made from it is the same.

The offsets check (pipeline.warehouse.checks) reads `verified_documents_sql`: the documents of such a table
whose rows come from the same file as when the check last passed, against a `documents.text` of the same
md5 (table `_verified_offsets`), are not compared with their text again; `record_verified` notes them
after a check that passed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import duckdb

from pipeline import schema
from pipeline.warehouse.database import load_parquet_files

LOADED_FILES = "_loaded_files"
VERIFIED_OFFSETS = "_verified_offsets"
# More changed documents than this share of the table's: one sorted load of every file is as quick.
RELOAD_SHARE = 0.5


@dataclass(frozen=True)
class FilesLoaded:
    """What sync_parquet_files did: rows in the table, documents whose file was read, documents kept."""

    rows: int
    loaded: int
    kept: int
    removed: int


def _layout(table: str) -> str:
    return hashlib.sha256(schema.create_table_sql(table, keyed=False).encode()).hexdigest()


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchall()[0][0])


def _held_files(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str] | None:
    """doc_id → file of the rows the table holds, or None when that cannot be vouched for."""
    if not (_exists(con, table) and _exists(con, LOADED_FILES)):
        return None
    recorded = con.execute(
        f"SELECT doc_id, file, layout, n_rows FROM {LOADED_FILES} WHERE table_name = ?", [table]
    ).fetchall()
    if not recorded or any(layout != _layout(table) for _, _, layout, _ in recorded):
        return None
    counts = dict(con.execute(f'SELECT doc_id, count(*) FROM "{table}" GROUP BY doc_id').fetchall())
    if counts != {doc_id: n_rows for doc_id, _, _, n_rows in recorded if n_rows}:
        return None  # the table was changed by something else, or a file's rows name another document
    return {doc_id: file for doc_id, file, _, _ in recorded}


def sync_parquet_files(con: duckdb.DuckDBPyConnection, table: str, files: Mapping[str, str]) -> FilesLoaded:
    """Make `table` hold the rows of exactly these per-document Parquet files (doc_id → file), reading only the
    files whose rows it does not hold yet; see the module docstring."""
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {LOADED_FILES} (table_name VARCHAR, doc_id VARCHAR, file VARCHAR, "
        "layout VARCHAR, n_rows BIGINT)"
    )
    held = _held_files(con, table)
    wanted = dict(files)
    if held is not None:
        stale = sorted(doc_id for doc_id, file in held.items() if wanted.get(doc_id) != file)
        new = {doc_id: file for doc_id, file in wanted.items() if held.get(doc_id) != file}
        if len(stale) + len(new) > RELOAD_SHARE * max(len(wanted), 1):
            held = None
    con.execute("BEGIN TRANSACTION")
    try:
        if held is None:
            stale, new = [], wanted
            load_parquet_files(con, table, list(wanted.values()))
            con.execute(f"DELETE FROM {LOADED_FILES} WHERE table_name = ?", [table])
        else:
            if stale:
                con.execute(f'DELETE FROM "{table}" WHERE doc_id IN (SELECT unnest(?))', [stale])
                con.execute(f"DELETE FROM {LOADED_FILES} WHERE table_name = ? AND doc_id IN (SELECT unnest(?))",
                            [table, stale])  # fmt: skip
            if new:
                con.execute(
                    f'INSERT INTO "{table}" SELECT {schema.select_columns(table)} FROM read_parquet(?) '
                    f"ORDER BY {schema.order_by(table)}",
                    [list(new.values())],
                )
        if new:
            counts = dict(
                con.execute(
                    f'SELECT doc_id, count(*) FROM "{table}" WHERE doc_id IN (SELECT unnest(?)) GROUP BY doc_id',
                    [list(new)],
                ).fetchall()
            )
            con.executemany(
                f"INSERT INTO {LOADED_FILES} VALUES (?, ?, ?, ?, ?)",
                [[table, doc_id, file, _layout(table), counts.get(doc_id, 0)] for doc_id, file in sorted(new.items())],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    (rows,) = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0]
    return FilesLoaded(rows=rows, loaded=len(new), kept=len(wanted) - len(new), removed=len(stale))


def verified_documents_sql(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    """SQL query of the doc_ids whose rows in `table` passed the offsets check before, unchanged since (same
    file, same md5 of documents.text); None when the warehouse keeps no such record for the table."""
    if not (_exists(con, LOADED_FILES) and _exists(con, VERIFIED_OFFSETS)):
        return None
    name = "'" + table.replace("'", "''") + "'"
    return (
        f"SELECT v.doc_id FROM {VERIFIED_OFFSETS} v "
        f"JOIN {LOADED_FILES} l ON l.table_name = v.table_name AND l.doc_id = v.doc_id AND l.file = v.file "
        f"JOIN documents d ON d.doc_id = v.doc_id AND md5(d.text) = v.text_md5 WHERE v.table_name = {name}"
    )


def record_verified(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """After the offsets check of `table` passed: note each document's file and text md5 (only for a table
    loaded by sync_parquet_files; other tables are checked in full every time)."""
    if (
        not _exists(con, LOADED_FILES)
        or not con.execute(f"SELECT count(*) FROM {LOADED_FILES} WHERE table_name = ?", [table]).fetchall()[0][0]
    ):
        return
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {VERIFIED_OFFSETS} (table_name VARCHAR, doc_id VARCHAR, file VARCHAR, "
        "text_md5 VARCHAR)"
    )
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {VERIFIED_OFFSETS} WHERE table_name = ?", [table])
        con.execute(
            f"INSERT INTO {VERIFIED_OFFSETS} SELECT l.table_name, l.doc_id, l.file, md5(d.text) "
            f"FROM {LOADED_FILES} l JOIN documents d USING (doc_id) WHERE l.table_name = ?",
            [table],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
