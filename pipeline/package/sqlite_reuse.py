"""Rows of the previous SQLite copy reused by the next one (pipeline.package.sqlite), with the same bytes.

Copying a table from Parquet into SQLite goes through Python one row at a time; copying rows from another
SQLite file (`INSERT … SELECT` from an attached database) does not. So a build keeps the SQLite copy it
wrote (a hard link in a folder of its build folder) with a record of what it was written from:

- the sha256 of the SQLite file and a fingerprint of the writer (its code, schemas/, the SQLite and DuckDB
  versions): a file changed since, or written by other code, is not reused at all;
- per table, the sha256 of its Parquet file: a table whose Parquet file has the same bytes has the same
  rows, and is copied whole;
- per table whose primary key begins with doc_id (documents, sentences, tokens), each document's row count
  and a digest of its rows (md5 of each as JSON): the rows of a document with the same digest are copied, their
  rowids shifted by the rows that come before them now, and only the other documents' rows are read from
  Parquet.

Rows are inserted in rowid order either way, and a table's rowids are 1…n in key order, as a copy made
from nothing has them; the SQLite file is VACUUMed at the end, so its bytes are those of a full copy
(tests/integration/test_cli_runs.py and test_orchestration.py compare the whole package byte for byte).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.package.checksums import sha256_file

KEPT_FILE = "previous.sqlite"
RECORD_FILE = "previous.json"
DOCUMENT_KEY = "doc_id"


@dataclass(frozen=True)
class Reused:
    """Rows of one table taken from the previous copy: old rowids first…last (None: to the end) become
    rowid + shift."""

    first: int
    last: int | None
    shift: int


@dataclass(frozen=True)
class Read:
    """Rows of these documents read from Parquet, numbered from rowid `first`."""

    doc_ids: tuple[str, ...]
    first: int


def writer_fingerprint() -> str:
    """What a copy's rows depend on besides its Parquet files: the writer's code, schemas/, library versions."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for source in (here / "sqlite.py", here / "sqlite_reuse.py", Path(schema.__file__)):
        digest.update(source.read_bytes())
    for table in schema.table_names():
        digest.update(json.dumps(schema.table_schema(table), sort_keys=True, ensure_ascii=False).encode())
        digest.update(f"\0{schema.select_columns(table)}\0{schema.order_by(table)}\0".encode())
    digest.update(f"{sqlite3.sqlite_version}\0{duckdb.__version__}".encode())
    return digest.hexdigest()


def keyed_by_document(table: str) -> bool:
    return schema.primary_key(table)[0] == DOCUMENT_KEY


def table_digests(source: duckdb.DuckDBPyConnection, package_dir: Path) -> dict[str, dict[str, Any]]:
    """Per table: the sha256 of its Parquet file and, for tables keyed by document, [doc_id, rows, digest] of
    each document in doc_id order: the XOR of the md5 of each of its rows as a JSON object. A row holds its
    key, so a document's rows are a set and the digest does not depend on the order DuckDB reads them in;
    it needs no sort and little memory."""
    digests: dict[str, dict[str, Any]] = {}
    for table in schema.table_names():
        parquet = package_dir / "data" / f"{table}.parquet"
        entry: dict[str, Any] = {"parquet": sha256_file(parquet)}
        if keyed_by_document(table):
            path = "'" + str(parquet).replace("'", "''") + "'"
            rows = source.execute(
                f"SELECT {DOCUMENT_KEY}, count(*), CAST(bit_xor(md5_number(to_json(r))) AS VARCHAR) "
                f"FROM read_parquet({path}) r GROUP BY {DOCUMENT_KEY} ORDER BY {DOCUMENT_KEY}"
            ).fetchall()
            entry["documents"] = [list(row) for row in rows]
        digests[table] = entry
    return digests


def previous_copy(folder: Path | None, writer: str) -> tuple[Path, dict[str, dict[str, Any]]] | None:
    """The kept copy and the digests it was written from, when it is intact and written by the same writer."""
    if folder is None:
        return None
    kept, record_path = folder / KEPT_FILE, folder / RECORD_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        if record["writer"] != writer or record["sha256"] != sha256_file(kept):
            return None
        return kept, record["tables"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def kept_sha256(folder: Path | None, written: Path) -> str | None:
    """The sha256 `keep` recorded for the copy it kept, when `written` is that very file (a hard link of it, just
    kept: same inode); else None. Spares the package one more read of its largest file."""
    if folder is None:
        return None
    try:
        if not os.path.samefile(folder / KEPT_FILE, written):
            return None
        return json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def keep(folder: Path | None, written: Path, writer: str, digests: dict[str, dict[str, Any]]) -> None:
    """Keep the copy just written (a hard link, else a copy) and its record, for the next build."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    record_path = folder / RECORD_FILE
    record_path.unlink(missing_ok=True)  # no record names a file being replaced
    staged = folder / f".{KEPT_FILE}.tmp"
    staged.unlink(missing_ok=True)
    try:
        os.link(written, staged)
    except OSError:
        shutil.copyfile(written, staged)
    os.replace(staged, folder / KEPT_FILE)
    record = {"writer": writer, "sha256": sha256_file(folder / KEPT_FILE), "tables": digests}
    staged_record = folder / f".{RECORD_FILE}.tmp"
    staged_record.write_text(json.dumps(record), encoding="utf-8")
    os.replace(staged_record, record_path)


def copy_plan(old: dict[str, Any] | None, new: dict[str, Any]) -> list[Reused | Read] | None:
    """How to fill a table: segments in rowid order, or None to read it all from Parquet."""
    if old is None:
        return None
    if old["parquet"] == new["parquet"]:
        return [Reused(1, None, 0)]
    if "documents" not in new or "documents" not in old:
        return None
    before, start = {}, 0
    for doc_id, rows, digest in old["documents"]:
        before[doc_id] = (start, rows, digest)
        start += rows
    plan: list[Reused | Read] = []
    position = 0  # rows of the new table before the current document
    for doc_id, rows, digest in new["documents"]:
        held = before.get(doc_id)
        if held is not None and held[1] == rows and held[2] == digest:
            first, shift = held[0] + 1, position - held[0]
            last = plan[-1] if plan else None
            if isinstance(last, Reused) and last.shift == shift and last.last == held[0]:
                plan[-1] = Reused(last.first, held[0] + rows, shift)
            else:
                plan.append(Reused(first, held[0] + rows, shift))
        elif plan and isinstance(plan[-1], Read):
            plan[-1] = Read((*plan[-1].doc_ids, doc_id), plan[-1].first)
        else:
            plan.append(Read((doc_id,), position + 1))
        position += rows
    return plan
