"""The SQLite copy of a package: `<package>.sqlite`, for Datasette and any SQLite tool.

Every table of schemas/package.json, read from the package's Parquet files, with its primary and foreign
keys and its table and column descriptions as comments in the CREATE TABLE statements (SQLite keeps them
in sqlite_schema.sql); the metadata tables `_package`, `_tables` and `_columns` (titles, descriptions,
licences, rights, row counts); the views of pipeline/data/sqlite_views.sql; and FTS5 full-text search
over the columns pipeline/data/search.toml names, on jieba tokens (pipeline.package.sqlite_search).

Same Parquet files, schemas and library versions → same bytes: rows are inserted in primary-key order
with rowids 1…n, the page size is fixed, nothing records a time, and the file is VACUUMed at the end.
The SQLite library version is written in the file's header, as DuckDB's is in Parquet.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from multiprocessing import get_context
from operator import itemgetter
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.data import read_text
from pipeline.package import sqlite_reuse
from pipeline.package.sqlite_search import write_search
from pipeline.settings import duckdb_memory_limit
from pipeline.warehouse.database import sql_string

PAGE_SIZE = 4096
MEDIATYPE = "application/vnd.sqlite3"
DESCRIPTION = (
    "Every table in one SQLite database, with primary and foreign keys, the descriptions of tables and columns "
    "(tables _tables, _columns, _package) and full-text search on jieba tokens (<table>_fts, rowid = the "
    "table's rowid): SELECT t.* FROM tasks t WHERE t.rowid IN (SELECT rowid FROM tasks_fts WHERE tasks_fts "
    "MATCH '医共体'). Browse it with `python -m pipeline serve` (Datasette) or any SQLite tool."
)
_BATCH = 10_000
_SQLITE_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",  # 0 or 1
    "date": "TEXT",  # ISO 8601
    "datetime": "TEXT",
    "year": "INTEGER",
}
METADATA_TABLES = ("_package", "_tables", "_columns")
# The copy is written in the build's own process by default: a process of its own (imports, jieba, DuckDB:
# 300-400 MiB) ran beside the build's at its peak (3 MB corpus: 961 -> 711 MiB, same wall). Set
# PIPELINE_SQLITE_BACKGROUND_MIN_BYTES=N for a process of its own from N Parquet bytes (a few s less); 0: never.
BACKGROUND_MIN_BYTES = int(os.environ.get("PIPELINE_SQLITE_BACKGROUND_MIN_BYTES") or 0)


def sqlite_file_name() -> str:
    """`<package name>.sqlite`, the file's name in a release folder."""
    return f"{schema.package_metadata()['name']}.sqlite"


def write_sqlite(
    package_dir: Path, dest: Path | None = None, kept: Path | None = None, memory_limit: str | None = None
) -> Path:
    """Write the SQLite copy of the package in `package_dir` (from its data/<table>.parquet files) to
    `dest` (default: package_dir/<package>.sqlite), replacing it; returns its path. With `kept`, a folder
    of the build folder, the rows of the copy kept there by the last build are reused where its Parquet
    rows are the same (pipeline.package.sqlite_reuse), and this copy is kept there in turn: same bytes.
    `memory_limit`: its DuckDB reader's (default pipeline.settings.duckdb_memory_limit)."""
    dest = dest or package_dir / sqlite_file_name()
    temporary = dest.with_name(f".{dest.name}.tmp")
    temporary.unlink(missing_ok=True)
    source = duckdb.connect()
    source.execute("SET enable_progress_bar = false")
    source.execute("SET memory_limit = ?", [memory_limit or duckdb_memory_limit()])
    target = sqlite3.connect(temporary, isolation_level=None)
    writer = sqlite_reuse.writer_fingerprint() if kept else ""
    digests = sqlite_reuse.table_digests(source, package_dir) if kept else {}
    previous = sqlite_reuse.previous_copy(kept, writer)
    try:
        target.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        target.execute("PRAGMA journal_mode = OFF")
        target.execute("PRAGMA synchronous = OFF")
        if previous:
            target.execute("ATTACH DATABASE ? AS previous", (str(previous[0]),))
        target.execute("BEGIN")
        counts = {
            table: _copy_table(
                source, target, package_dir, table,
                sqlite_reuse.copy_plan(previous[1].get(table), digests[table]) if previous else None,
            )
            for table in schema.table_names()
        }  # fmt: skip
        _write_metadata(target, counts)
        for statement in _view_statements():
            target.execute(statement)
        write_search(source, target, package_dir)
        target.execute("COMMIT")
        if previous:
            target.execute("DETACH DATABASE previous")
        target.execute("VACUUM")
    finally:
        target.close()
        source.close()
    os.replace(temporary, dest)
    sqlite_reuse.keep(kept, dest, writer, digests)
    return dest


@contextmanager
def written_alongside(package_dir: Path, kept: Path | None = None, memory_limit: str | None = None) -> Iterator[None]:
    """Write the SQLite copy of the package in `package_dir` while the block runs: in a process of its own
    when BACKGROUND_MIN_BYTES is set, the package's Parquet files reach it and the build may use more than one
    process (PIPELINE_WORKERS), else (the default) in this one before the block. The copy is done when the block ends,
    and its error, if any, is raised there. The copy reads only the Parquet files, so the block must
    not change them; its bytes are those of write_sqlite in this process (`kept`: see write_sqlite)."""
    if not in_background(package_dir):
        write_sqlite(package_dir, kept=kept, memory_limit=memory_limit)
        yield
        return
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        written = pool.submit(write_sqlite, package_dir, None, kept, memory_limit)
        yield
        written.result()


def in_background(package_dir: Path) -> bool:
    """Whether written_alongside writes the copy of this package in a process of its own (BACKGROUND_MIN_BYTES)."""
    from pipeline.documents.stages import worker_count

    if not BACKGROUND_MIN_BYTES or worker_count() < 2:
        return False
    return sum(path.stat().st_size for path in (package_dir / "data").glob("*.parquet")) >= BACKGROUND_MIN_BYTES


def create_table_sql(table: str) -> str:
    """CREATE TABLE of one table in SQLite: types, NOT NULL, primary and foreign keys, and the descriptions
    of the table and of each column as `--` comments (kept by SQLite in sqlite_schema.sql)."""
    spec = schema.table_schema(table)
    lines = [f'CREATE TABLE "{table}" ( -- {_comment(spec["title"] + ": " + spec["description"])}']
    items = []
    for field in spec["fields"]:
        not_null = " NOT NULL" if field.get("constraints", {}).get("required") else ""
        items.append((f'"{field["name"]}" {_SQLITE_TYPES[field["type"]]}{not_null}', field["description"]))
    items.append((f"PRIMARY KEY ({_names(spec['primaryKey'])})", "primary key"))
    for key in spec.get("foreignKeys", []):
        reference = key["reference"]
        parent = reference.get("resource") or table
        items.append(
            (
                f'FOREIGN KEY ({_names(key["fields"])}) REFERENCES "{parent}" ({_names(reference["fields"])})',
                "foreign key",
            )
        )
    for number, (item, comment) in enumerate(items):
        comma = "," if number < len(items) - 1 else ""
        lines.append(f"  {item}{comma} -- {_comment(comment)}")
    return "\n".join(lines) + "\n)"


def _names(fields: list[str] | str) -> str:
    return ", ".join(f'"{name}"' for name in ([fields] if isinstance(fields, str) else fields))


def _comment(text: str) -> str:
    return " ".join(str(text).split())  # one line: a `--` comment ends at the line break


def _copy_table(
    source: duckdb.DuckDBPyConnection,
    target: sqlite3.Connection,
    package_dir: Path,
    table: str,
    plan: list[sqlite_reuse.Reused | sqlite_reuse.Read] | None = None,
) -> int:
    """Create the table and fill it in rowid order: from its Parquet file, or as `plan` says (rows reused
    from the attached previous copy, the others' rows from Parquet); return its row count."""
    target.execute(create_table_sql(table))
    fields = schema.table_schema(table)["fields"]
    parquet = sql_string(package_dir / "data" / f"{table}.parquet")
    select = ", ".join(_sqlite_value(field) for field in fields)
    columns = schema.select_columns(table)
    placeholders = ", ".join("?" for _ in range(len(fields) + 1))
    insert = f'INSERT INTO main."{table}" (rowid, {columns}) VALUES ({placeholders})'
    append = f'INSERT INTO main."{table}" ({columns}) VALUES ({placeholders[3:]})'
    for segment in plan if plan is not None else [sqlite_reuse.Read((), 1)]:
        if isinstance(segment, sqlite_reuse.Reused):
            last = "" if segment.last is None else f" AND rowid <= {int(segment.last)}"
            target.execute(
                f'INSERT INTO main."{table}" (rowid, {columns}) SELECT rowid + {int(segment.shift)}, {columns} '
                f'FROM previous."{table}" WHERE rowid >= {int(segment.first)}{last} ORDER BY rowid'
            )
            continue
        where = ""
        if segment.doc_ids:
            where = f" WHERE {sqlite_reuse.DOCUMENT_KEY} IN ({', '.join(sql_string(doc) for doc in segment.doc_ids)})"
        # The package's Parquet files are written in primary-key order (pipeline.package.files.export_data), and
        # DuckDB reads a file in its order: sorting them again held up to the memory limit (~60 MiB on a 10 MB
        # corpus's tokens). _in_key_order checks the order as the rows stream by.
        rows = source.execute(f"SELECT {select} FROM read_parquet({parquet}){where}")
        count = segment.first - 1
        # SQLite gives a row inserted without a rowid the largest rowid so far + 1: when the table holds rowids up
        # to first - 1, the batch goes in as fetched (a tuple with its rowid per row cost ~15% of the tokens' copy).
        numbered = target.execute(f'SELECT coalesce(max(rowid), 0) FROM main."{table}"').fetchone()[0] != count
        for batch in _in_key_order(table, fields, iter(partial(rows.fetchmany, _BATCH), [])):
            if numbered:
                target.executemany(insert, ((count + number, *row) for number, row in enumerate(batch, start=1)))
            else:
                target.executemany(append, batch)
            count += len(batch)
    for number, key in enumerate(schema.foreign_keys(table), start=1):
        if key["fields"] != schema.primary_key(table)[: len(key["fields"])]:  # the primary key serves its prefix
            target.execute(f'CREATE INDEX "{table}_fk{number}" ON "{table}" ({_names(key["fields"])})')
    return target.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]


def _in_key_order(table: str, fields: list[dict[str, Any]], batches: Iterator[list[tuple]]) -> Iterator[list[tuple]]:
    """The batches of rows, unchanged; ValueError naming the table when a row's primary key is not greater than
    the one before (the Parquet file is not in key order, so its copy would not be in rowid order)."""
    names = [field["name"] for field in fields]
    key = itemgetter(*(names.index(column) for column in schema.primary_key(table)))
    last = None
    for batch in batches:
        for row in batch:
            current = key(row)
            if last is not None and not last < current:
                raise ValueError(f"{table}.parquet is not sorted by its primary key at {current!r}")
            last = current
        yield batch


def _sqlite_value(field: dict[str, Any]) -> str:
    """DuckDB expression giving the column's value as SQLite stores it (dates as ISO text, booleans 0/1)."""
    name = f'"{field["name"]}"'
    if field["type"] in ("date", "datetime"):
        return f"CAST({name} AS VARCHAR)"
    if field["type"] == "boolean":
        return f"CAST({name} AS INTEGER)"
    return name


def _write_metadata(target: sqlite3.Connection, counts: dict[str, int]) -> None:
    """_package (key, value), _tables (one row per table) and _columns (one row per column)."""
    meta = schema.package_metadata()
    target.execute(
        "CREATE TABLE _package (key TEXT PRIMARY KEY, value TEXT NOT NULL) -- the package: name, title, licences"
    )
    package_rows = [
        ("name", meta["name"]),
        ("title", meta["title"]),
        ("description", meta["description"]),
        ("licenses", json.dumps(meta["licenses"], ensure_ascii=False)),
        ("rights", meta["rights"]),
        ("search", read_text("search.toml").split("\n\n")[0].replace("# ", "").replace("#", "").strip()),
    ]
    target.executemany("INSERT INTO _package VALUES (?, ?)", sorted(package_rows))
    target.execute(
        "CREATE TABLE _tables (table_name TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT, "
        "description TEXT, primary_key TEXT, licenses TEXT, rights TEXT, rows INTEGER) "
        "-- every table: title, description, primary key (JSON), licences (JSON), rights, row count"
    )
    target.execute(
        "CREATE TABLE _columns (table_name TEXT, column_name TEXT, position INTEGER NOT NULL, type TEXT, "
        "required INTEGER, description TEXT, PRIMARY KEY (table_name, column_name)) "
        "-- every column: its Table Schema type (string, integer, number, boolean, date), required, description"
    )
    for position, table in enumerate(schema.table_names(), start=1):
        spec, rights = schema.table_schema(table), schema.resource_rights(table)
        target.execute(
            "INSERT INTO _tables VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                table,
                position,
                spec["title"],
                spec["description"],
                json.dumps(spec["primaryKey"]),
                json.dumps(rights["licenses"], ensure_ascii=False),
                rights["rights"],
                counts[table],
            ),
        )
        target.executemany(
            "INSERT INTO _columns VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    table,
                    field["name"],
                    number,
                    field["type"],
                    int(bool(field.get("constraints", {}).get("required"))),
                    field["description"],
                )
                for number, field in enumerate(spec["fields"], start=1)
            ],
        )


def _view_statements() -> list[str]:
    """The CREATE VIEW statements of pipeline/data/sqlite_views.sql (separated by blank lines)."""
    return [part.strip() for part in read_text("sqlite_views.sql").split("\n\n") if part.strip().startswith("CREATE")]


def sqlite_problems(package_dir: Path) -> list[str]:
    """The SQLite copy a package's datapackage.json names: its sha256 and bytes, and the row count of each of
    the descriptor's tables against its Parquet file. No problem when the descriptor names none."""
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    entry = descriptor.get("sqlite")
    if not entry:
        return []
    path = package_dir / entry["path"]
    if not path.exists():
        return [f"{path}: missing"]
    if (
        entry["hash"] != f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        or entry["bytes"] != path.stat().st_size
    ):
        return [f"{path}: sha256 or size differs from datapackage.json"]
    tables = [resource["name"] for resource in descriptor["resources"]]
    try:
        counts = row_counts(path, tables)
    except sqlite3.Error as error:
        return [f"{path}: cannot be read as SQLite: {error}"]
    problems = []
    with duckdb.connect() as con:
        for table in tables:
            parquet = package_dir / "data" / f"{table}.parquet"
            try:
                (expected,) = con.execute(f"SELECT count(*) FROM read_parquet({sql_string(parquet)})").fetchone()
            except duckdb.Error:
                continue  # an unreadable Parquet file is reported by the Parquet check
            if counts[table] != expected:
                problems.append(f"{path}: table {table} has {counts[table]} rows, {parquet.name} {expected}")
    return problems


def row_counts(path: Path, tables: list[str] | None = None) -> dict[str, int]:
    """Rows of each table (default: every table of schemas/) in a SQLite file, opened read-only."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            table: con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in (tables or schema.table_names())
        }
    finally:
        con.close()
