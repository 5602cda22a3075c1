"""Validation of a written package: Frictionless over its descriptor, every CSV decoding as UTF-8 to its end,
the Parquet copies equal to the CSV files, and the SQLite copy's row counts (pipeline.package.sqlite);
`validate_once` skips a package whose every byte passed before, and in a package that changed, the tables
whose own validation would read the same bytes as one that passed before (`table_keys`)."""

from __future__ import annotations

import codecs
import hashlib
import json
from pathlib import Path
from typing import Any

import duckdb

from pipeline import schema
from pipeline.package import csv_policy, frictionless_lookups, sqlite
from pipeline.package.checksums import CHECKSUMS, known_sha256, listed_digests, sha256_file, verify_checksums
from pipeline.package.files import SHOWN_ERRORS, sql_string
from pipeline.package.frictionless_lookups import shared_lookups
from pipeline.package.json_files import JsonFileError, read_descriptor

# Under the folder of validated markers (validate_once): one empty file per table that passed, named by its key.
TABLES = "tables"


def validate_package(dest: Path, validated: Path | None = None) -> list[str]:
    """Frictionless validation of datapackage.json (schemas, keys, hashes, bytes) plus SHA256SUMS.

    With `validated` (a folder of markers), a table whose key (table_keys) passed before is neither read by
    Frictionless nor compared with its Parquet copy again, and each table that passes now is marked."""
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
    # SHA256SUMS matched every file: its digests are the files' own, not read a second time.
    known = {} if problems else listed_digests(dest)
    keys = table_keys(dest, descriptor_data, known) if validated is not None else {}
    passed = {name for name, key in keys.items() if (validated / TABLES / key).exists()}
    try:
        with shared_lookups():  # each referenced table read once, not once per table pointing at it
            report = _frictionless_report(frictionless.Package(str(descriptor_path)), skip=passed)
    except frictionless.FrictionlessException as error:
        return [*problems, f"{descriptor_path}: {error}"]
    failing = {None}  # the names of the tables with a problem (None: the descriptor's own errors)
    for place, name, errors in [(dest / (task.place or ""), task.name, task.errors) for task in report.tasks] + [
        (descriptor_path, None, report.errors)
    ]:
        errors = [e for e in errors if not (broken and e.type == "encoding-error")]
        problems += [f"{place}: {error.message}" for error in errors[:SHOWN_ERRORS]]
        if len(errors) > SHOWN_ERRORS:  # every problem is counted, the first ones are shown
            problems.append(f"{place}: and {len(errors) - SHOWN_ERRORS} more errors")
        if errors:
            failing.add(name)
    copies = parquet_problems_by_table(dest, descriptor_data, skip=set(broken), passed=passed, known=known)
    problems += [problem for found in copies.values() for problem in found]
    failing |= {name for name, found in copies.items() if found}
    failing |= {r.get("name") for r in descriptor_data["resources"] if isinstance(r, dict) and r.get("path") in broken}
    if validated is not None and not broken:  # a table pointing into a broken CSV was not fully read
        for task in report.tasks:
            if task.name in keys and task.name not in failing:
                (validated / TABLES).mkdir(parents=True, exist_ok=True)
                (validated / TABLES / keys[task.name]).touch()
    return problems + _sqlite_problems(dest)


def _frictionless_report(package: Any, skip: set[str]) -> Any:  # a frictionless Package -> its Report
    """`package.validate()` (Frictionless 5.21's Package.validate: the descriptor, then each resource in
    order) without reading the resources named in `skip`."""
    from frictionless import FrictionlessException, Report

    try:
        package.to_descriptor(validate=True)
    except FrictionlessException as exception:
        return Report.from_validation(errors=exception.to_errors())
    reports = [resource.validate() for resource in package.resources if resource.name not in skip]
    return Report.from_validation_reports(time=0, reports=reports)


def _code_version() -> str:
    """What validates a table besides its bytes: the libraries' versions and the source of the modules."""
    from importlib.metadata import version

    modules = [Path(__file__), Path(csv_policy.__file__), Path(frictionless_lookups.__file__), Path(schema.__file__)]
    libraries = [f"{name} {version(name)}" for name in ("frictionless", "duckdb", "pyarrow")]
    return hashlib.sha256("\n".join(libraries).encode() + b"".join(m.read_bytes() for m in modules)).hexdigest()


def table_keys(dest: Path, descriptor_data: dict[str, Any], known: dict[str, str] | None = None) -> dict[str, str]:
    """{table: key} of each resource of the descriptor, a sha256 of everything its validation reads: its
    resource descriptor (schema, path, hash, bytes, dialect), the sha256 of its CSV and Parquet files, the
    resource descriptor and CSV sha256 of each table its foreign keys point at, and _code_version(). A
    resource whose descriptor is not of the expected shape gets no key (it is always validated). `known`: the
    sha256 of files hashed already, by path relative to `dest`."""
    code = _code_version()
    digests: dict[str, str | None] = dict(known or {})

    def digest(path: object) -> str | None:
        if not isinstance(path, str):
            raise TypeError(path)
        if path not in digests:
            digests[path] = sha256_file(dest / path) if (dest / path).is_file() else None
        return digests[path]

    resources = {r.get("name"): r for r in descriptor_data.get("resources", []) if isinstance(r, dict)}
    keys = {}
    for name, resource in resources.items():
        try:
            targets = sorted({fk["reference"]["resource"] or name for fk in resource["schema"].get("foreignKeys", [])})
            parquet = resource.get("parquet")
            read = {
                "code": code,
                "resource": resource,
                "files": [digest(resource["path"]), digest(parquet["path"]) if parquet is not None else None],
                "targets": [
                    [resources.get(t), digest(resources[t]["path"]) if t in resources else None] for t in targets
                ],
            }
            text = json.dumps(read, sort_keys=True, ensure_ascii=False)
        except (AttributeError, KeyError, TypeError, OSError):
            continue
        if isinstance(name, str):
            keys[name] = hashlib.sha256(text.encode()).hexdigest()
    return keys


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
    problems = validate_package(dest, validated)
    if not problems:
        validated.mkdir(parents=True, exist_ok=True)
        marker.touch()
    return problems


def parquet_problems_by_table(
    dest: Path,
    descriptor_data: dict[str, Any],
    skip: set[str] = frozenset(),  # type: ignore[assignment]
    passed: set[str] = frozenset(),  # type: ignore[assignment]
    known: dict[str, str] | None = None,
) -> dict[str | None, list[str]]:
    """Each Parquet copy's problems, by resource name: recorded sha256 and bytes, the schema's column types,
    and the CSV's rows (not compared for the CSVs in `skip`, which are blamed already, nor for the tables in
    `passed`, whose key passed before). `known`: the sha256 of files hashed already, by path relative to `dest`."""
    problems: dict[str | None, list[str]] = {}
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")  # no bar on the terminal of `publish`
    for resource in descriptor_data["resources"]:
        parquet = resource.get("parquet")
        if not isinstance(parquet, dict) or not isinstance(parquet.get("path"), str):
            continue
        found = problems.setdefault(resource.get("name"), [])
        path = dest / parquet["path"]
        if not path.exists():
            found.append(f"{path}: missing")
            continue
        digest = known_sha256(dest, path, known)
        if parquet.get("hash") != f"sha256:{digest}" or parquet.get("bytes") != path.stat().st_size:
            found.append(f"{path}: sha256 or size differs from datapackage.json")
        if resource.get("path") in skip or resource.get("name") in passed:
            continue
        try:
            found += _parquet_copy_problems(con, dest, resource, path)
        except Exception as error:  # noqa: BLE001 - an unreadable file is a problem to report, not a crash
            first_line = str(error).strip().split("\n", 1)[0]
            found.append(f"{path}: cannot be read as Parquet: {type(error).__name__}: {first_line}")
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
    # Each file read (and the CSV's dialect sniffed) once, not once per side of the comparison: a third less.
    differing = con.execute(
        f"WITH c AS MATERIALIZED ({csv_rows}), p AS MATERIALIZED ({parquet_rows}) SELECT count(*) FROM "
        "((SELECT * FROM c EXCEPT ALL SELECT * FROM p) UNION ALL (SELECT * FROM p EXCEPT ALL SELECT * FROM c))"
    ).fetchone()[0]
    return [f"{path}: {differing} rows differ from {resource['path']}"] if differing else []
