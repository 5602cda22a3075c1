"""Releases: the version from the data diff, immutable version folders, changelog and catalog.

The bump rules live here and only here (see `bump_for`):
  nothing changed                                   -> no new version
  same documents and schema, rows changed           -> PATCH
  new documents, tables or columns                  -> MINOR
  table/column removed or renamed, type or primary
  key changed, document withdrawn                   -> MAJOR
The first release is 1.0.0. A version folder is written to a temporary folder beside it and renamed
into place, so a failure leaves either the old state or the complete new version. The latest release
is verified before anything is diffed against it. Locking, repair and the order of the writes of a
publish are in `pipeline.release.transaction`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.package.checksums import sha256_file
from pipeline.package.json_files import read_changes, read_descriptor
from pipeline.package.release_notes import describe_changes, render_citation, schema_and_move_lines
from pipeline.release.archive import LATEST_ARCHIVE, archive_path, catalog_entry
from pipeline.release.folders import latest_release, versions
from pipeline.release.table_files import count_rows, document_ids, row_changes
from pipeline.release.verify import verify_release
from pipeline.schema import SCHEMAS_DIR, package_metadata

FIRST_VERSION = "1.0.0"
TEMP_PREFIX = ".tmp-"
LEVELS = ("patch", "minor", "major")


class ReleaseError(Exception):
    """A release cannot be planned or published; the message names the folder and the problem."""


@dataclass(frozen=True)
class Plan:
    """What publishing the built package would do."""

    version: str  # the version the package gets (the latest one when nothing changed)
    is_new: bool
    created: str  # the release date
    changes: dict[str, Any]


def bump_version(version: str, level: str) -> str:
    major, minor, patch = (int(x) for x in version.split("."))
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _csv_schemas(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r["schema"] for r in descriptor["resources"] if r["format"] == "csv"}


def schema_changes(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """(level, description) for every difference between two sets of table schemas."""
    changes: list[tuple[str, str]] = []
    for table in sorted(set(old) - set(new)):
        changes.append(("major", f"table {table} removed"))
    for table in sorted(set(new) - set(old)):
        changes.append(("minor", f"table {table} added"))
    for table in sorted(set(old) & set(new)):
        old_fields = {f["name"]: f for f in old[table]["fields"]}
        new_fields = {f["name"]: f for f in new[table]["fields"]}
        for column in sorted(set(old_fields) - set(new_fields)):
            changes.append(("major", f"column {table}.{column} removed or renamed"))
        for column in sorted(set(new_fields) - set(old_fields)):
            changes.append(("minor", f"column {table}.{column} added"))
        for column in sorted(set(old_fields) & set(new_fields)):
            if old_fields[column]["type"] != new_fields[column]["type"]:
                changes.append(
                    (
                        "major",
                        f"column {table}.{column} type {old_fields[column]['type']} -> {new_fields[column]['type']}",
                    )
                )
            elif dropped := _dropped_values(old_fields[column], new_fields[column]):
                changes.append(("major", f"column {table}.{column} values {', '.join(dropped)} no longer used"))
            elif old_fields[column] != new_fields[column]:
                changes.append(("patch", f"column {table}.{column} description or constraints changed"))
        if old[table].get("primaryKey") != new[table].get("primaryKey"):
            changes.append(("major", f"table {table} primary key changed"))
        elif old[table].get("foreignKeys") != new[table].get("foreignKeys"):
            changes.append(("patch", f"table {table} foreign keys changed"))
    return changes


def _dropped_values(old_field: dict[str, Any], new_field: dict[str, Any]) -> list[str]:
    """Values of an enum that the new schema no longer allows (a query filtering on them finds nothing)."""
    old_enum = old_field.get("constraints", {}).get("enum")
    new_enum = new_field.get("constraints", {}).get("enum")
    if old_enum is None or new_enum is None:
        return []
    return [value for value in old_enum if value not in new_enum]


def diff_packages(old_dir: Path | None, new_dir: Path) -> tuple[str | None, dict[str, Any]]:
    """(bump level or None, changes) of the built package `new_dir` against the release `old_dir`."""
    new_descriptor = read_descriptor(new_dir)
    new_schemas = _csv_schemas(new_descriptor)
    with duckdb.connect() as con:  # one in-memory connection for every count and comparison
        return _diff(old_dir, new_dir, new_schemas, con)


def _diff(
    old_dir: Path | None, new_dir: Path, new_schemas: dict[str, Any], con: duckdb.DuckDBPyConnection
) -> tuple[str | None, dict[str, Any]]:
    if old_dir is None:
        tables = {
            t: {"added": count_rows(new_dir / "data" / f"{t}.csv", con), "removed": 0, "changed": 0}
            for t in new_schemas
        }
        return "major", {"bump": "first", "summary": "First release.", "tables": tables, "schema_changes": []}

    old_descriptor = read_descriptor(old_dir)
    old_schemas = _csv_schemas(old_descriptor)
    reasons: list[tuple[str, str]] = schema_changes(old_schemas, new_schemas)
    redefined = schema_redefinitions(old_schemas, new_schemas)
    reasons += [("major", f"column {name} redefined") for name in redefined]
    old_docs = document_ids(old_dir / "data" / "documents.csv", con)
    new_docs = document_ids(new_dir / "data" / "documents.csv", con)
    for doc_id in sorted(old_docs - new_docs):
        reasons.append(("major", f"document {doc_id} withdrawn"))
    for doc_id in sorted(new_docs - old_docs):
        reasons.append(("minor", f"document {doc_id} added"))

    new_descriptor = json.loads((new_dir / "datapackage.json").read_text(encoding="utf-8"))
    reasons += file_changes(old_descriptor, new_descriptor)

    tables: dict[str, Any] = {}
    for table in sorted(set(old_schemas) | set(new_schemas)):
        old_csv, new_csv = old_dir / "data" / f"{table}.csv", new_dir / "data" / f"{table}.csv"
        if table not in new_schemas:
            tables[table] = {"added": 0, "removed": count_rows(old_csv, con), "changed": 0}
        elif table not in old_schemas:
            tables[table] = {"added": count_rows(new_csv, con), "removed": 0, "changed": 0}
        elif sha256_file(old_csv) != sha256_file(new_csv):
            key = new_schemas[table]["primaryKey"]
            if key == old_schemas[table]["primaryKey"]:
                old_parquet, new_parquet = old_csv.with_suffix(".parquet"), new_csv.with_suffix(".parquet")
                exact = old_parquet.exists() and new_parquet.exists()
                pair = (old_parquet, new_parquet) if exact else (old_csv, new_csv)
                tables[table] = row_changes(*pair, key, con)
            else:
                tables[table] = {"added": count_rows(new_csv, con), "removed": count_rows(old_csv, con), "changed": 0}
            counts = tables[table]
            if counts["added"] or counts["removed"] or counts["changed"]:
                reasons.append(("patch", f"rows of {table} changed"))
            else:
                reasons.append(("patch", f"bytes of {table}.csv changed"))
    if not reasons:
        return None, {"bump": None, "summary": "No change.", "tables": {}, "schema_changes": []}
    level = max((lvl for lvl, _ in reasons), key=LEVELS.index)
    why = [text for lvl, text in reasons if lvl == level]
    summary = f"{level.upper()}: " + "; ".join(why)
    return level, {
        "bump": level,
        "summary": summary,
        "reasons": [{"level": lvl, "change": text} for lvl, text in reasons],
        "tables": tables,
        "schema_changes": [text for lvl, text in reasons if text.startswith(("table ", "column "))],
        "moves": schema_moves(old_schemas, new_schemas),
        **({"redefined": redefined} if redefined else {}),
    }


# Package-level properties of datapackage.json that describe a file of the package beside its tables.
PACKAGE_FILES = ("sqlite",)


def file_changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """(level, reason) for each file of PACKAGE_FILES that a new package adds (minor), drops (major) or
    changes without a change of its tables (patch: e.g. the SQLite copy's search index)."""
    reasons = []
    for key in PACKAGE_FILES:
        before, after = old.get(key), new.get(key)
        if after and not before:
            reasons.append(("minor", f"file {after['path']} added"))
        elif before and not after:
            reasons.append(("major", f"file {before['path']} removed"))
        elif before and after and before["hash"] != after["hash"]:
            reasons.append(("patch", f"bytes of {after['path']} changed"))
    return reasons


def schema_moves(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> dict[str, str]:
    """New place (from schemas/moves.json) of every table or column of `old` that `new` lacks."""
    known = json.loads((SCHEMAS_DIR / "moves.json").read_text(encoding="utf-8"))["moves"]
    gone = [table for table in old if table not in new]
    gone += [f"{table}.{f['name']}" for table in old if table not in new for f in old[table]["fields"]]
    for table in sorted(set(old) & set(new)):
        new_columns = {f["name"] for f in new[table]["fields"]}
        gone += [f"{table}.{f['name']}" for f in old[table]["fields"] if f["name"] not in new_columns]
    for table in sorted(old):
        if table in new and old[table].get("primaryKey") != new[table].get("primaryKey"):
            gone.append(table)
    return {name: known[name] for name in sorted(set(gone)) if name in known}


def schema_redefinitions(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> dict[str, str]:
    """What each column redefined between `old` and `new` now holds (schemas/moves.json "redefined"): a column
    kept under its name with another meaning, which breaks readers as a removal does (MAJOR). A redefinition
    happens in the version that adds the column its old meaning moved to (`old_meaning_in`)."""
    known = json.loads((SCHEMAS_DIR / "moves.json").read_text(encoding="utf-8")).get("redefined", {})

    def has(schemas: dict[str, dict[str, Any]], name: str) -> bool:
        table, column = name.split(".", 1)
        return table in schemas and column in {f["name"] for f in schemas[table]["fields"]}

    return {
        name: entry["note"]
        for name, entry in sorted(known.items())
        if has(old, name)
        and has(new, name)
        and has(new, entry["old_meaning_in"])
        and not has(old, entry["old_meaning_in"])
    }


def verify_latest(releases_dir: Path) -> None:
    """Raise ReleaseError when the latest release does not verify (checked before diffing against it)."""
    latest = latest_release(releases_dir)
    if latest is None:
        return
    problems = verify_release(latest)
    if problems:
        raise ReleaseError(
            f"{latest}: the latest release does not verify, so nothing can be diffed against it or published "
            f"after it ({len(problems)} problem(s)): " + "; ".join(problems[:5]) + f". {_restore_advice(latest)}"
        )


def _restore_advice(folder: Path) -> str:
    """How to repair a release folder that does not verify: `git checkout` only when git tracks it."""
    try:
        listed = subprocess.run(
            ["git", "-C", str(folder.parent), "ls-files", "--", folder.name],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        tracked = listed.returncode == 0 and bool(listed.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        tracked = None
    if tracked:
        return f"It is committed to git: restore it (`git checkout -- {folder}`) and run again."
    moved = (
        f"If the folder was made or copied in by hand, move it out of {folder.parent}; if it is a release, "
        f"restore it from its archive ({archive_path(folder.parent, folder.name)}) or a backup, then run again."
    )
    if tracked is None:
        return f"If it is committed to git, restore it (`git checkout -- {folder}`). {moved}"
    return f"git does not track it. {moved}"


def plan_release(built_dir: Path, releases_dir: Path, today: str) -> Plan:
    """Decide the version of a built package (whose data files and descriptor exist) against the latest release,
    after verifying that release (ReleaseError when it does not verify)."""
    verify_latest(releases_dir)
    latest = latest_release(releases_dir)
    level, changes = diff_packages(latest, built_dir)
    if latest is None:
        version, is_new = FIRST_VERSION, True
    elif level is None:
        previous = read_descriptor(latest)
        return Plan(version=latest.name, is_new=False, created=previous["created"][:10], changes=_read_changes(latest))
    else:
        version, is_new = bump_version(latest.name, level), True
    changes = {"version": version, "previous_version": latest.name if latest else None, "date": today, **changes}
    return Plan(version=version, is_new=is_new, created=today, changes=changes)


def _read_changes(release_dir: Path) -> dict[str, Any]:
    path = release_dir / "changes.json"
    return read_changes(release_dir) if path.exists() else {}


def publish_folder(
    built_dir: Path, releases_dir: Path, version: str, check: Callable[[Path, str], list[str]] | None = None
) -> Path:
    """Copy a built package into releases_dir/<version> atomically (temporary folder + rename).

    `check(temporary_folder, version)` may return problems with the copy; any problem stops the publish
    before the rename. Index files are not touched here (see pipeline.release.transaction).
    """
    target = releases_dir / version
    if target.exists():
        raise FileExistsError(f"{target}: version {version} is already published; published versions are immutable")
    releases_dir.mkdir(parents=True, exist_ok=True)
    temporary = releases_dir / f"{TEMP_PREFIX}{version}"
    try:
        if temporary.exists():
            shutil.rmtree(temporary)
        shutil.copytree(built_dir, temporary, copy_function=_copy_file)
        problems = check(temporary, version) if check else []
        if problems:
            raise ReleaseError(
                f"{target}: the copied package does not verify, nothing was published: " + "; ".join(problems[:5])
            )
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)
    return target


def _copy_file(src: str, dst: str) -> None:
    """Copy one file (a seam for tests that inject a failure between files)."""
    shutil.copy2(src, dst)


def index_files(datasets_dir: Path) -> dict[Path, str]:
    """The content of every index file, derived from the version folders: each package's CHANGELOG.md,
    datasets/catalog.json and the CITATION.cff beside datasets/ (archives: pipeline.release.archive)."""
    files = {
        package_dir / "CHANGELOG.md": render_changelog(package_dir)
        for package_dir in sorted(p for p in datasets_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
        if versions(package_dir)
    }
    files[datasets_dir / "catalog.json"] = json.dumps(render_catalog(datasets_dir), ensure_ascii=False, indent=2) + "\n"
    meta = package_metadata()
    found = versions(datasets_dir / meta["name"])
    if found:  # CITATION.cff beside datasets/ names the newest version
        created = read_descriptor(datasets_dir / meta["name"] / found[-1])
        files[datasets_dir.parent / "CITATION.cff"] = render_citation(meta, found[-1], created["created"][:10])
    return files


def render_changelog(releases_dir: Path) -> str:
    lines = [f"# Changelog of {releases_dir.name}", "", "Newest first. Generated from each version's changes.json.", ""]
    for version in reversed(versions(releases_dir)):
        changes = _read_changes(releases_dir / version)
        lines += [f"## {version} — {changes.get('date', '')}", ""]
        if changes.get("note"):
            lines += [f"Why: {changes['note']}", ""]
        lines += [describe_changes(changes), "", f"Version rule: {changes.get('summary', '')}", ""]
        tables = changes.get("tables", {})
        changed = {t: c for t, c in sorted(tables.items()) if c.get("added") or c.get("removed") or c.get("changed")}
        if changed:
            lines += ["| table | added | removed | changed | examples |", "|---|---:|---:|---:|---|"]
            for table, c in changed.items():
                examples = "; ".join(
                    f"{label}: {', '.join(_cell(key) for key in c[f'{label}_keys'])}"
                    for label in ("changed", "added", "removed")
                    if c.get(f"{label}_keys")
                )
                lines.append(f"| {table} | {c['added']} | {c['removed']} | {c['changed']} | {examples} |")
            lines.append("")
        lines += schema_and_move_lines(changes)
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (keys come from data; never let one break the table)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def render_catalog(datasets_dir: Path) -> dict[str, Any]:
    packages = []
    for package_dir in sorted(p for p in datasets_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found = versions(package_dir)
        if not found:
            continue
        entries = []
        for version in found:
            folder = package_dir / version
            descriptor = read_descriptor(folder)
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            entries.append(
                {
                    "version": version,
                    "created": descriptor["created"][:10],
                    "bytes": size,
                    "path": f"{package_dir.name}/{version}",
                    "archive": catalog_entry(package_dir, version),
                }
            )
        packages.append(
            {
                "name": package_dir.name,
                "latest": found[-1],
                "latest_archive": f"{package_dir.name}/{LATEST_ARCHIVE}",
                "versions": entries,
            }
        )
    return {"packages": packages}
