"""Tables made of per-document files, updated by document: sentences and tokens.

`sync_parquet_files` makes a table hold the rows of exactly the given per-document files (doc_id → file,
pipeline.documents.store: a file's name is the key of its content). The warehouse remembers which file
each document's rows came from (table `_loaded_files`), so a build after one text was added reads that
text's file alone, deletes the rows of texts removed or changed, and keeps the others. Whenever what the
warehouse holds cannot be vouched for — a new warehouse, another layout of the table (schemas/ changed), a
document whose row count differs from the record — the table is made anew from every file, as a cold
build does. Either way the table holds the same rows, so everything made from it is the same.

The checks (pipeline.warehouse.checks) examine only what changed since they last passed:
- in such a table, the rows of the documents `verified_documents_sql` does not vouch for. A document is vouched
  for when its rows passed every check of the table before (table `_verified_documents`) and since then its
  files in every table loaded by document (so the keys its rows point at), its row count, the md5 of its
  documents.text and the rules (rules_key: schemas/ and the checks' code) are the same;
- in a table written whole each build (tasks, targets, …), the offsets check compares only the rows that are
  not the same document, offsets and quote as a row that passed against the same text (`_verified_quotes`).
The records are written only after a check passed (record_verified, record_verified_quotes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import schema
from pipeline.warehouse.database import create_loaded_table, insert_document_files
from pipeline.warehouse.database import sql_string as _literal

LOADED_FILES = "_loaded_files"
VERIFIED_DOCUMENTS = "_verified_documents"
VERIFIED_QUOTES = "_verified_quotes"
_OLD_RECORDS = ("_verified_offsets",)  # records of earlier code, dropped when the checks next record (record_verified)
# Every file of a document, in all the tables loaded by document, as one string.
_FILES_OF_DOCUMENTS = (
    f"SELECT doc_id, string_agg(table_name || '=' || file, ';' ORDER BY table_name) AS files FROM {LOADED_FILES} "
    "GROUP BY doc_id"
)
# The code a check's verdict depends on (rules_key), beside this module.
_RULES_SOURCES = ("checks.py", "offsets.py", "increments.py")
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
    """Whether the warehouse has a table (or a view: it keeps none) `name`: the relation API's look-up in the
    catalog, 0.05 ms where a query of duckdb_tables() took 0.5 ms (the checks ask about 170 times a build)."""
    try:
        con.table(name)
    except duckdb.CatalogException:
        return False
    return True


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
    _require_own_rows(con, wanted if held is None else new)
    con.execute("BEGIN TRANSACTION")
    try:
        if held is None:
            stale, new = [], wanted
            create_loaded_table(con, table)
            insert_document_files(con, table, wanted)
            con.execute(f"DELETE FROM {LOADED_FILES} WHERE table_name = ?", [table])
        else:
            if stale:
                con.execute(f'DELETE FROM "{table}" WHERE doc_id IN (SELECT unnest(?))', [stale])
                con.execute(f"DELETE FROM {LOADED_FILES} WHERE table_name = ? AND doc_id IN (SELECT unnest(?))",
                            [table, stale])  # fmt: skip
            insert_document_files(con, table, new)
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


def rules_key(table: str) -> str:
    """What a check's verdict on a row depends on besides the row and its document's text: the table's schema
    (constraints included) and the code of the checks. A record made under other rules vouches for nothing."""
    digest = hashlib.sha256(json.dumps(schema.table_schema(table), sort_keys=True, ensure_ascii=False).encode())
    for source in _RULES_SOURCES:
        digest.update(hashlib.sha256((Path(__file__).parent / source).read_bytes()).digest())
    return digest.hexdigest()


def loaded_by_document(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the warehouse's `table` was loaded by sync_parquet_files (it records the table's files)."""
    return _exists(con, LOADED_FILES) and bool(
        con.execute(f"SELECT count(*) FROM {LOADED_FILES} WHERE table_name = ?", [table]).fetchall()[0][0]
    )


def _require_own_rows(con: duckdb.DuckDBPyConnection, files: Mapping[str, str]) -> None:
    """ValueError when a document's file holds rows naming another document: a document's rows in the table
    must be those of its own file, for the counts and the checks' records (verified_documents_sql) to vouch for them."""
    if not files:
        return
    owners = {file: doc_id for doc_id, file in files.items()}
    for file, doc_id in con.execute(
        "SELECT DISTINCT filename, doc_id FROM read_parquet(?, filename = true)", [list(files.values())]
    ).fetchall():
        if owners.get(file) != doc_id:
            raise ValueError(f"{file}: holds rows of document {doc_id!r}, not only of {owners.get(file)!r}")


def verified_documents_sql(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    """SQL query of the doc_ids whose rows in `table` (loaded by sync_parquet_files) passed every check before and
    are unchanged since: the same files in every table loaded by document (so the keys they point at in another
    such table are the same too), as many rows as their file holds, the same md5 of documents.text and the same
    rules (rules_key). None when the warehouse keeps no such record for the table."""
    if not (_exists(con, LOADED_FILES) and _exists(con, VERIFIED_DOCUMENTS)):
        return None
    name, rules = _literal(table), _literal(rules_key(table))
    return (
        f"SELECT v.doc_id FROM {VERIFIED_DOCUMENTS} v "
        f"JOIN ({_FILES_OF_DOCUMENTS}) f ON f.doc_id = v.doc_id AND f.files = v.files "
        f"JOIN {LOADED_FILES} l ON l.table_name = v.table_name AND l.doc_id = v.doc_id "
        f'JOIN (SELECT doc_id, count(*) AS n FROM "{table}" GROUP BY doc_id) c ON c.doc_id = v.doc_id AND c.n = l.n_rows '
        f"JOIN documents d ON d.doc_id = v.doc_id AND md5(d.text) = v.text_md5 "
        f"WHERE v.table_name = {name} AND v.rules = {rules}"
    )


def record_verified(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """After every check of `table` passed: note each document's files and text md5 (only for a table loaded by
    sync_parquet_files; see verified_documents_sql), so that the next build checks the changed documents only."""
    if not loaded_by_document(con, table):
        return
    for old in _OLD_RECORDS:
        con.execute(f"DROP TABLE IF EXISTS {old}")
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {VERIFIED_DOCUMENTS} (table_name VARCHAR, doc_id VARCHAR, files VARCHAR, "
        "text_md5 VARCHAR, rules VARCHAR)"
    )
    _replace(
        con,
        VERIFIED_DOCUMENTS,
        table,
        f"SELECT l.table_name, l.doc_id, f.files, md5(d.text), ? FROM {LOADED_FILES} l "
        f"JOIN ({_FILES_OF_DOCUMENTS}) f USING (doc_id) JOIN documents d USING (doc_id) WHERE l.table_name = ?",
        [rules_key(table), table],
    )


def quoted_text_md5s_name(table: str) -> str:
    return f"__text_md5_{table}"


def quoted_text_md5s(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The name of a temporary table of (doc_id, text_md5): the md5 of documents.text of every document `table`
    quotes, made once for its offsets check and the record after it."""
    name = quoted_text_md5s_name(table)
    con.execute(
        f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT doc_id, md5(text) AS text_md5 FROM documents '
        f'WHERE doc_id IN (SELECT doc_id FROM "{table}")'
    )
    return name


def verified_quotes_sql(con: duckdb.DuckDBPyConnection, table: str, quote: str, md5s: str) -> str | None:
    """For a table written whole each build (not loaded by document): SQL condition on its row `t`, true when a
    row with the same document, offsets and quote (md5) passed the offsets check before, against a
    documents.text of the same md5 (`md5s`: quoted_text_md5s) and under the same rules; None when no such
    record is kept."""
    if not _exists(con, VERIFIED_QUOTES):
        return None
    return (
        f'EXISTS (SELECT 1 FROM {VERIFIED_QUOTES} v JOIN "{md5s}" d ON d.doc_id = v.doc_id AND d.text_md5 = v.text_md5 '
        f"WHERE v.table_name = {_literal(table)} AND v.rules = {_literal(rules_key(table))} AND v.doc_id = t.doc_id "
        f'AND v.char_start = t.char_start AND v.char_end = t.char_end AND v.quote_md5 = md5(t."{quote}"))'
    )


def record_verified_quotes(con: duckdb.DuckDBPyConnection, table: str, quote: str, md5s: str) -> None:
    """After the offsets check of a table written whole passed: note the document, offsets and quote md5 of each
    row with its document's text md5 (`md5s`, as the check read them), replacing the table's earlier record."""
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {VERIFIED_QUOTES} (table_name VARCHAR, doc_id VARCHAR, char_start BIGINT, "
        "char_end BIGINT, quote_md5 VARCHAR, text_md5 VARCHAR, rules VARCHAR)"
    )
    _replace(
        con,
        VERIFIED_QUOTES,
        table,
        f'SELECT DISTINCT ?, t.doc_id, t.char_start, t.char_end, md5(t."{quote}"), d.text_md5, ? FROM "{table}" t '
        f'JOIN "{md5s}" d USING (doc_id)',
        [table, rules_key(table)],
    )


def _replace(con: duckdb.DuckDBPyConnection, record: str, table: str, select: str, params: list) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {record} WHERE table_name = ?", [table])
        con.execute(f"INSERT INTO {record} {select}", params)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
