"""The data package: files written from the warehouse, the descriptor, and package validation.

A package folder holds datapackage.json (Data Package v2), data/<table>.csv and data/<table>.parquet
for every table, README.md (data dictionary generated from schemas/), open.sql (DuckDB views over
the Parquet files) and SHA256SUMS (every other file). Same warehouse content → same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.package import coverage, csv_policy, loader, sqlite, sqlite_reuse
from pipeline.package.checksums import known_sha256, sha256_file, write_checksums
from pipeline.package.readme import render_readme
from pipeline.warehouse.database import fetch_dicts, sql_string

DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
SHOWN_ERRORS = 5  # per file; the rest are counted
LOADER_FILE = "load.py"  # pipeline/package/loader.py, copied into every release
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


@dataclass(frozen=True)
class ReleaseInfo:
    """What the descriptor and README say about the release the package belongs to."""

    version: str
    created: str  # ISO date of the release
    changes: dict[str, Any]  # changes.json content (see pipeline.release.versions)


def export_data(
    con: duckdb.DuckDBPyConnection,
    dest: Path,
    formats: tuple[str, ...] = ("csv", "parquet"),
    memory_limit: str | None = None,
) -> dict[str, int]:
    """Write data/<table>.csv and data/<table>.parquet (or only the given formats) for every table, sorted
    by primary key; return the row count of each table. `memory_limit`: the connection's DuckDB memory limit as it
    was set (e.g. '256MB'); when given, the tables are written under EXPORT_MEMORY_LIMIT if that is lower, and the
    connection gets this limit back after (DuckDB shows a limit rounded, so it cannot be read back exactly)."""
    data_dir = dest / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    (threads,) = con.execute("SELECT current_setting('threads')").fetchone()
    con.execute("SET threads = 1")  # one writer thread: row groups and bytes do not vary between runs
    if memory_limit is not None:
        _lower_memory_limit(con, memory_limit)
    try:
        return _export_tables(con, data_dir, formats)
    finally:
        con.execute(f"SET threads = {int(threads)}")  # the connection is shared by the run's other steps
        if memory_limit is not None:
            con.execute(f"SET memory_limit = {sql_string(memory_limit)}")


# DuckDB's memory limit while the tables are exported (at most the connection's own). Each table is written sorted
# by its key (ORDER BY), a sort DuckDB spills to disk past the limit; the writer holds a row group. The same bytes
# under any limit. 10 MB benchmark corpus (tokens: 1.8 M rows), export of every table by a process of its own:
# +192 MiB at the build's 256 MB, +74 MiB at 64 MB, for 2.4 → 3.8 s of CPU (load ~12), the same files.
EXPORT_MEMORY_LIMIT = "64MB"


def _lower_memory_limit(con: duckdb.DuckDBPyConnection, memory_limit: str) -> None:
    con.execute(f"SET memory_limit = {sql_string(memory_limit)}")
    own = _bytes(con.execute("SELECT current_setting('memory_limit')").fetchone()[0])
    con.execute(f"SET memory_limit = {sql_string(EXPORT_MEMORY_LIMIT)}")
    if _bytes(con.execute("SELECT current_setting('memory_limit')").fetchone()[0]) > own:
        con.execute(f"SET memory_limit = {sql_string(memory_limit)}")


def _bytes(setting: str) -> float:
    """Bytes of a memory setting as DuckDB shows it (e.g. '244.1 MiB', '1.8 GiB', '64.0 MB')."""
    number, unit = setting.split()
    units = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}
    units.update({"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12})
    return float(number) * units[unit]


def _export_tables(con: duckdb.DuckDBPyConnection, data_dir: Path, formats: tuple[str, ...]) -> dict[str, int]:
    counts = {}
    for table in schema.table_names():
        query = f'SELECT {schema.select_columns(table)} FROM "{table}" ORDER BY {schema.order_by(table)}'
        csv_query = f"SELECT {csv_policy.csv_select(schema.table_schema(table)['fields'])} FROM ({query})"
        csv_path, parquet_path = data_dir / f"{table}.csv", data_dir / f"{table}.parquet"
        # CSV: text values escaped against formula injection (pipeline.package.csv_policy); Parquet: exact values.
        if "csv" in formats:
            con.execute(
                f"COPY ({csv_query}) TO {sql_string(csv_path)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"')"
            )
        if "parquet" in formats:
            con.execute(
                f"COPY ({query}) TO {sql_string(parquet_path)} (FORMAT parquet, COMPRESSION zstd, "
                f"KV_METADATA {parquet_descriptions(table)})"
            )
        counts[table] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return counts


def parquet_descriptions(table: str) -> str:
    """DuckDB struct literal of the Parquet key-value metadata: `description` (the table's) and
    `description:<column>` for every column, from schemas/ (DuckDB writes the keys in a fixed order)."""
    spec = schema.table_schema(table)
    pairs = [("description", spec["description"])]
    pairs += [(f"description:{field['name']}", field["description"]) for field in spec["fields"]]
    return "{" + ", ".join(f"{sql_string(key)}: {sql_string(value)}" for key, value in pairs) + "}"


def resource_descriptors(dest: Path, known: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One resource per table: the CSV file (validated by Frictionless) with sha256 and bytes, and its
    Parquet copy described in the custom `parquet` property (path, sha256, bytes).

    The Parquet copies are not resources of their own: frictionless 5.21 reads Parquet through pandas
    (null integers become NaN and fail validation) and records no byte statistics for it, so a
    descriptor with Parquet resources carrying hash and bytes could never validate. `validate_package`
    checks each Parquet file instead: checksum, size, column types, and the same rows as the CSV.
    `known`: sha256 of files already hashed, by path relative to `dest` (write_package's `hashes`).
    """
    resources = []
    for table in schema.table_names():
        spec = schema.table_schema(table)
        csv_path, parquet_path = dest / "data" / f"{table}.csv", dest / "data" / f"{table}.parquet"
        resources.append(
            {
                "name": table,
                "type": "table",
                "path": f"data/{table}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"header": True, "delimiter": ",", "quoteChar": '"'},
                csv_policy.DESCRIPTOR_KEY: csv_policy.DESCRIPTOR_VALUE,
                "title": spec["title"],
                "description": spec["description"],
                **schema.resource_rights(table),
                "hash": f"sha256:{known_sha256(dest, csv_path, known)}",
                "bytes": csv_path.stat().st_size,
                "parquet": {
                    "path": f"data/{table}.parquet",
                    "format": "parquet",
                    "mediatype": PARQUET_MEDIATYPE,
                    "compression": "zstd",
                    "hash": f"sha256:{known_sha256(dest, parquet_path, known)}",
                    "bytes": parquet_path.stat().st_size,
                },
                "schema": schema.resource_schema(table),
            }
        )
    return resources


def descriptor(
    dest: Path, release: ReleaseInfo, documents: list[dict[str, Any]], known: dict[str, str] | None = None
) -> dict[str, Any]:
    meta = schema.package_metadata()
    homepage = (
        {"homepage": meta["repository"]} if meta.get("repository") else {}
    )  # empty until the project has a public address
    return {
        "$schema": DATA_PACKAGE_PROFILE,
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "version": release.version,
        **homepage,
        "created": f"{release.created}T00:00:00Z",  # RFC 3339, the release date
        "keywords": meta["keywords"],
        "licenses": meta["licenses"],
        "contributors": meta["contributors"],
        "sources": [_source(doc) for doc in documents],
        "resources": resource_descriptors(dest, known),
        **sqlite_descriptor(dest, known),
    }


def sqlite_descriptor(dest: Path, known: dict[str, str] | None = None) -> dict[str, Any]:
    """The package's `sqlite` property: its SQLite copy (pipeline.package.sqlite) with sha256 and bytes. Not a
    resource: it holds every table (and search indexes), which the CSV resources already describe."""
    path = dest / sqlite.sqlite_file_name()
    if not path.exists():
        return {}
    return {
        "sqlite": {
            "path": path.name,
            "format": "sqlite",
            "mediatype": sqlite.MEDIATYPE,
            "description": sqlite.DESCRIPTION,
            "hash": f"sha256:{known_sha256(dest, path, known)}",
            "bytes": path.stat().st_size,
        }
    }


def _source(doc: dict[str, Any]) -> dict[str, Any]:
    source = {"title": f"{doc['doc_id']}: {doc['title'] or '(untitled)'}"}
    if doc.get("url"):
        source["path"] = doc["url"]
    outlet = ", ".join(x for x in (doc.get("source"), doc.get("source_attribution")) if x)
    if outlet or doc.get("published_date"):
        source["description"] = " ".join(
            x for x in (outlet, f"published {doc['published_date']}" if doc.get("published_date") else "") if x
        )
    return source


def write_package(
    con: duckdb.DuckDBPyConnection,
    dest: Path,
    release: ReleaseInfo,
    *,
    data_written: bool = False,
    figure_cache: Path | None = None,
    sqlite_kept: Path | None = None,
    hashes: dict[str, str] | None = None,
    memory_limit: str | None = None,
) -> dict[str, int]:
    """Write the whole package into `dest` (an empty or new folder); return row counts per table.

    With data_written, the data files already in `dest` (written from the same warehouse) are kept and
    only the descriptor, README, changes and checksums are (re)written for `release`. With
    figure_cache, a figure drawn before from the same data is read from there (write_figures). With sqlite_kept,
    the SQLite copy reuses the rows of the last one kept there (pipeline.package.sqlite.write_sqlite). With
    hashes (a dict the caller keeps between a call and its data_written call), the sha256 of the data files (data/,
    figures/, the SQLite copy) are noted there when they are written and read back by both calls' descriptor and
    SHA256SUMS, so that no data file is read twice to hash it. With memory_limit (the connection's, as it was set),
    the tables are exported under a lower one (export_data)."""
    dest.mkdir(parents=True, exist_ok=True)
    known = {} if hashes is None else hashes
    if not data_written:
        known.clear()  # new data files: what was noted is of others
    if data_written:
        counts = {table: con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in schema.table_names()}
    else:
        # The SQLite copy is made from the Parquet files. The CSV files are written before it, so that DuckDB's CSV
        # writer (~130 MiB on the 10 MB corpus's tokens) does not add to what the copy's search index leaves held;
        # when the copy is made in a process of its own (sqlite.in_background), while this one writes them.
        counts = export_data(con, dest, ("parquet",), memory_limit)
        (reader_limit,) = con.execute("SELECT current_setting('memory_limit')").fetchone()  # the warehouse's
        background = sqlite.in_background(dest)
        if not background:
            export_data(con, dest, ("csv",), memory_limit)
        with sqlite.written_alongside(dest, sqlite_kept, reader_limit):
            if background:
                export_data(con, dest, ("csv",), memory_limit)
        write_figures(con, dest, figure_cache)
    for path in _data_files(dest):
        relative = path.relative_to(dest).as_posix()
        if relative not in known:  # the SQLite copy was hashed when it was kept (pipeline.package.sqlite_reuse)
            known[relative] = sqlite_reuse.kept_sha256(sqlite_kept, path) or sha256_file(path)
    documents = [
        dict(
            zip(
                ("doc_id", "title", "source", "source_attribution", "published_date", "url", "kind", "rights"),
                row,
                strict=True,
            )
        )
        for row in con.execute(
            "SELECT doc_id, title, source, source_attribution, CAST(published_date AS VARCHAR), url, kind, rights "
            "FROM documents ORDER BY doc_id"
        ).fetchall()
    ]
    package = descriptor(dest, release, documents, known)
    _write_text(dest / "datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    _write_text(dest / "changes.json", json.dumps(release.changes, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    _write_text(dest / "open.sql", loader.open_sql(package))
    _write_text(dest / LOADER_FILE, Path(loader.__file__).read_text(encoding="utf-8"))
    covered = coverage.markdown(coverage.collect(con))
    _write_text(dest / "README.md", render_readme(package, counts, documents, release, covered))
    write_checksums(dest, known)
    return counts


def _data_files(dest: Path) -> list[Path]:
    """The files write_package writes only with the data: data/*, figures/* and the SQLite copy."""
    files = [path for folder in ("data", "figures") for path in sorted((dest / folder).glob("*")) if path.is_file()]
    sqlite_copy = dest / sqlite.sqlite_file_name()
    return files + ([sqlite_copy] if sqlite_copy.is_file() else [])


def figure_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The rows the release figures are drawn from (draw_figures): the tasks, plans, task_themes and regions tables
    for figures/themes.png; the targets, reported_figures, indicator_frameworks, plans and regions tables for
    figures/indicators.png."""
    return {
        # The theme figure reads a task's plan and place in the tree, never its title or text (~45 MiB fewer
        # strings on the 10 MB corpus).
        "tasks": fetch_dicts(con, "SELECT task_id, plan_id, parent_task_id, doc_id FROM tasks"),
        "plans": fetch_dicts(con, "SELECT plan_id, level, region_code, work_year FROM plans"),
        "task_themes": fetch_dicts(con, "SELECT task_id, theme FROM task_themes"),
        "short_names": {code: short for code, short in con.execute("SELECT code, short_name FROM regions").fetchall()},
        # Provinces by their short name (浙江); other regions by their full name (海南藏族自治州, not 海南).
        "full_names": {
            code: short if level == "provincial" else name
            for code, name, short, level in con.execute("SELECT code, name, short_name, level FROM regions").fetchall()
        },
        "targets": fetch_dicts(
            con,
            "SELECT indicator_id, plan_id, base_value AS value, base_unit AS unit, kind FROM targets ORDER BY target_id",
        ),
        "reported": fetch_dicts(
            con, "SELECT indicator_id, plan_id, doc_id, base_value, base_unit FROM reported_figures ORDER BY figure_id"
        ),
        "frameworks": fetch_dicts(con, "SELECT indicator_id, framework_id, year, value FROM indicator_frameworks"),
    }


def draw_figures(inputs: dict[str, Any], cache_dir: Path | None = None) -> dict[str, bytes]:
    """The release figures' PNG bytes by path in the package: figures/themes.png and figures/indicators.png (each
    read from `cache_dir` when the same data was drawn there by the same code and libraries)."""
    from pipeline.analysis.build import release_figure  # matplotlib: only when drawing
    from pipeline.analysis.indicator_figure import indicator_figure_data, render_indicator_figure
    from pipeline.analysis.settings import FIGURE_PATH, INDICATOR_FIGURE_PATH

    themes = release_figure(inputs["tasks"], inputs["plans"], inputs["task_themes"], inputs["short_names"], cache_dir)
    data = indicator_figure_data(
        inputs["targets"], inputs["reported"], inputs["frameworks"], inputs["plans"], inputs["full_names"]
    )
    return {FIGURE_PATH: themes, INDICATOR_FIGURE_PATH: render_indicator_figure(data, cache_dir)}


def write_figures(con: duckdb.DuckDBPyConnection, dest: Path, cache_dir: Path | None = None) -> None:
    """figures/themes.png and figures/indicators.png, drawn from the warehouse's tables (see draw_figures)."""
    _write_figure_files(dest, draw_figures(figure_inputs(con), cache_dir))


def _write_figure_files(dest: Path, figures: dict[str, bytes]) -> None:
    for relative, data in figures.items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
