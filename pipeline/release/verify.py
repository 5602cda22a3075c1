"""Verifying a release folder: checksums, files present, version labels, and full validation.

`verify_release` is the cheap integrity check run on the latest release before a new build is diffed
against it (and on a new version folder before it is renamed into place). `validate_release` adds the
full Frictionless and Parquet validation, and for a version folder in datasets/ its zip, latest.zip,
latest/, LATEST, the catalog's archive records and CITATION.cff; `python -m pipeline validate` runs it. Both report
every problem they find as a line naming the file, and never raise.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.package.checksums import CHECKSUMS, sha256_file, verify_checksums
from pipeline.package.json_files import JsonFileError, read_changes, read_descriptor
from pipeline.package.validation import validate_package
from pipeline.release.archive import distribution_problems

_NAMED_VERSION = re.compile(r"(?:^|-)(\d+\.\d+\.\d+)$")


def version_named_by(folder: Path) -> str | None:
    """The version a release folder's name states: `3.2.2` (a version folder), `<package>-3.2.2` (an
    unpacked archive), or for `latest/` the version in the LATEST file beside it; None otherwise."""
    match = _NAMED_VERSION.search(folder.name)
    if match:
        return match.group(1)
    pointer = folder.parent / "LATEST"
    if folder.name == "latest" and pointer.is_file():
        return pointer.read_text(encoding="utf-8").strip() or None
    return None


def label_problems(folder: Path, expected_version: str | None = None) -> list[str]:
    """Whether the version named by the folder (or `expected_version`), datapackage.json, changes.json
    and README.md agree."""
    version = expected_version or version_named_by(folder)
    problems = []
    try:
        descriptor = read_descriptor(folder)
        version = version or descriptor["version"]
        if descriptor["version"] != version:
            problems.append(f"{folder / 'datapackage.json'}: says version {descriptor['version']}, not {version}")
    except JsonFileError as error:
        problems.append(str(error))
    try:
        changes = read_changes(folder)
        if changes["version"] != version:
            problems.append(f"{folder / 'changes.json'}: says version {changes['version']}, not {version}")
    except JsonFileError as error:
        problems.append(str(error))
    try:
        if f"version **{version}**" not in (folder / "README.md").read_text(encoding="utf-8"):
            problems.append(f"{folder / 'README.md'}: does not name version {version}")
    except (OSError, ValueError) as error:
        problems.append(f"{folder / 'README.md'}: cannot be read: {error}")
    return problems


def verify_release(folder: Path, expected_version: str | None = None) -> list[str]:
    """Cheap integrity check of a release: every file present and matching SHA256SUMS and the hashes in
    datapackage.json, and consistent version labels. Never raises."""
    try:
        problems = verify_checksums(folder)
    except (OSError, ValueError) as error:
        problems = [f"{folder / CHECKSUMS}: cannot be read: {error}"]
    try:
        problems += described_file_problems(folder, read_descriptor(folder))
    except JsonFileError:
        pass  # reported by label_problems
    return _unique(problems + label_problems(folder, expected_version))


def described_file_problems(folder: Path, descriptor: dict) -> list[str]:
    """Each file a resource of datapackage.json (or its Parquet copy) names: present, with its hash."""
    problems = []
    for resource in descriptor["resources"]:
        parquet = resource.get("parquet")
        for part in (resource, parquet if isinstance(parquet, dict) else {}):
            if not isinstance(part.get("path"), str):
                continue
            path = folder / part["path"]
            try:
                if not path.is_file():
                    problems.append(f"{path}: described in datapackage.json but missing (or not a file)")
                elif part.get("hash") != f"sha256:{sha256_file(path)}":
                    problems.append(f"{path}: sha256 differs from datapackage.json")
            except OSError as error:
                problems.append(f"{path}: cannot be read: {error.strerror or error}")
    return problems


def validate_release(folder: Path) -> list[str]:
    """Full validation of a release folder (Frictionless, Parquet copies, checksums, version labels).

    Returns every problem found; never raises (an unreadable file is a problem, not a crash).
    """
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    try:
        problems = validate_package(folder)
    except Exception as error:  # noqa: BLE001 - validate reports, it never crashes
        problems = [f"{folder}: validation stopped: {type(error).__name__}: {error}"]
    return _unique(problems + verify_release(folder) + distribution_problems(folder))


def _unique(problems: list[str]) -> list[str]:
    return list(dict.fromkeys(problems))
