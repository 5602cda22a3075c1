"""Validation of a written package: Frictionless over its descriptor, every CSV decoding as UTF-8 to its end,
the Parquet copies equal to the CSV files, and the SQLite copy's row counts (pipeline.package.sqlite);
`validate_once` skips a package whose every byte passed before."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.package import csv_policy, sqlite
from pipeline.package.checksums import CHECKSUMS, sha256_file, verify_checksums
from pipeline.package.files import SHOWN_ERRORS, sql_string
from pipeline.package.frictionless_lookups import shared_lookups
from pipeline.package.json_files import JsonFileError, read_descriptor


def validate_package(dest: Path) -> list[str]:
    """Frictionless validation of datapackage.json (schemas, keys, hashes, bytes) plus SHA256SUMS."""
    descriptor_path = dest / "datapackage.json"
    problems = verify_checksums(dest)
    try:
        descriptor_data = read_descriptor(dest)
    except JsonFileError as error:
        return [*problems, str(error)]
    import frictionless  # slow to import: only when validating

    # A CSV that is not UTF-8 (e.g. cut off mid-character) is blamed alone: Frictionless would also blame
    # every table whose foreign keys point into it, with the broken file's decoding error.
    broken = undecodable_csvs(dest, descriptor_data)
    problems += list(broken.values())
    try:
        with shared_lookups():  # each referenced table read once, not once per table pointing at it
            report = frictionless.Package(str(descriptor_path)).validate()
    except frictionless.FrictionlessException as error:
        return [*problems, f"{descriptor_path}: {error}"]
    for place, errors in [(dest / (task.place or ""), task.errors) for task in report.tasks] + [
        (descriptor_path, report.errors)
    ]:
        errors = [e for e in errors if not (broken and e.type == "encoding-error")]
        problems += [f"{place}: {error.message}" for error in errors[:SHOWN_ERRORS]]
        if len(errors) > SHOWN_ERRORS:  # every problem is counted, the first ones are shown
            problems.append(f"{place}: and {len(errors) - SHOWN_ERRORS} more errors")
    return problems + parquet_problems(dest, descriptor_data, skip=set(broken)) + _sqlite_problems(dest)


def _sqlite_problems(dest: Path) -> list[str]:
    try:
        return sqlite.sqlite_problems(dest)
    except Exception as error:  # noqa: BLE001 - validate reports, it never crashes
        return [f"{dest}: the SQLite copy cannot be checked: {type(error).__name__}: {str(error).splitlines()[0]}"]


def undecodable_csvs(dest: Path, descriptor_data: dict[str, Any]) -> dict[str, str]:
    """{resource path: problem} of each CSV of the descriptor that is not valid UTF-8 from start to end."""
    broken = {}
    for resource in descriptor_data["resources"]:
        path = resource.get("path")
        if isinstance(path, str) and (dest / path).is_file():
            if problem := _utf8_problem(dest / path):
                broken[path] = problem
    return broken


def _utf8_problem(path: Path) -> str | None:
    decoder, offset = codecs.getincrementaldecoder("utf-8")(), 0
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            return f"{path}: cut off in the middle of a character at byte {offset}: the file is truncated"
        return f"{path}: not valid UTF-8 near byte {offset + error.start}"
    except OSError as error:
        return f"{path}: cannot be read: {error.strerror or error}"
    return None


def validate_once(dest: Path, validated: Path) -> list[str]:
    """validate_package, skipped for a package whose every byte passed before (markers in `validated`).

    SHA256SUMS lists the sha256 of every file, so a package whose SHA256SUMS has the same hash as one
    that passed (with the same Frictionless version) and whose files match it is the same package."""
    from importlib.metadata import version

    key = hashlib.sha256((dest / CHECKSUMS).read_bytes() + version("frictionless").encode()).hexdigest()
    marker = validated / key
    if marker.exists() and not verify_checksums(dest):
        return []
    problems = validate_package(dest)
    if not problems:
        validated.mkdir(parents=True, exist_ok=True)
        marker.touch()
    return problems


def parquet_problems(dest: Path, descriptor_data: dict[str, Any], skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Each Parquet copy: recorded sha256 and bytes, the schema's column types, and the CSV's rows (not
    compared for the CSVs in `skip`, which are blamed already)."""
    problems = []
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")  # no bar on the terminal of `publish`
    for resource in descriptor_data["resources"]:
        parquet = resource.get("parquet")
        if not isinstance(parquet, dict) or not isinstance(parquet.get("path"), str):
            continue
        path = dest / parquet["path"]
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        if parquet.get("hash") != f"sha256:{sha256_file(path)}" or parquet.get("bytes") != path.stat().st_size:
            problems.append(f"{path}: sha256 or size differs from datapackage.json")
        if resource.get("path") in skip:
            continue
        try:
            problems += _parquet_copy_problems(con, dest, resource, path)
        except Exception as error:  # noqa: BLE001 - an unreadable file is a problem to report, not a crash
            first_line = str(error).strip().split("\n", 1)[0]
            problems.append(f"{path}: cannot be read as Parquet: {type(error).__name__}: {first_line}")
    con.close()
    return problems


def _parquet_copy_problems(
    con: duckdb.DuckDBPyConnection, dest: Path, resource: dict[str, Any], path: Path
) -> list[str]:
    """The Parquet copy's column types against the schema, and its rows against the CSV's."""
    import pyarrow.parquet as pq

    expected = schema.arrow_schema_of(resource["schema"])  # the release's own schema, not today's schemas/
    actual = pq.read_schema(path)
    if [(f.name, f.type) for f in actual] != [(f.name, f.type) for f in expected]:
        return [f"{path}: columns or types differ from the schema of {resource['name']} in datapackage.json"]
    csv_path = dest / resource["path"]
    # The CSV's text values read back to exact values by the release's own CSV rule (pipeline.package.csv_policy).
    csv_rows = f"SELECT {csv_policy.exact_select(resource)} FROM read_csv({sql_string(csv_path)}, all_varchar = true)"
    parquet_rows = f"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet({sql_string(path)})"
    differing = con.execute(
        f"SELECT count(*) FROM ((SELECT * FROM ({csv_rows}) EXCEPT ALL SELECT * FROM ({parquet_rows})) "
        f"UNION ALL (SELECT * FROM ({parquet_rows}) EXCEPT ALL SELECT * FROM ({csv_rows})))"
    ).fetchone()[0]
    return [f"{path}: {differing} rows differ from {resource['path']}"] if differing else []
