"""Whether the build folder's package is current: a fingerprint of everything a build reads.

Same inputs and code give byte-identical outputs, so a build whose inputs have not changed since the
last successful one has nothing to do. The inputs of a build are:

- the files of the seeds folder a build reads (its texts and manifest.csv, not sub-folders or other
  files), by content;
- the code: every file under pipeline/ (sources and data files) and schemas/, by content, the Python
  version and every installed distribution (its .dist-info folder's name, which holds its name and
  version, and the size and time of its RECORD, which every install rewrites);
- the latest release in the releases folder (its name and SHA256SUMS): the package's version label
  and changes are planned against it.

After a successful build the CLI writes `<out>/build.json` (`record_build`): the fingerprint, the
digest of the package's SHA256SUMS, and the version it was labelled with. `current_build` returns that
record when the fingerprint is unchanged and every file of the package still matches its
SHA256SUMS; `python -m pipeline build|publish` then skip the Dagster run. A package labelled as a
new (unpublished) version also depends on the release date on its label, so it is current only on
that date. Plain functions, no Dagster.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline import schema
from pipeline.documents.seeds import MANIFEST_NAME, is_text_file
from pipeline.package.checksums import CHECKSUMS, verify_checksums
from pipeline.release.folders import latest_release
from pipeline.settings import Paths

RECORD_NAME = "build.json"


@dataclass(frozen=True)
class BuildRecord:
    """What the last successful build of a build folder made, and from what."""

    fingerprint: str  # inputs_fingerprint + release_fingerprint at the end of that build
    package_checksums: str  # sha256 of the package's SHA256SUMS
    version: str  # the version the package is labelled with
    new_version: bool  # whether that version is not published (yet)
    created: str  # the release date on the package's label


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def _digest_files(digest: hashlib._Hash, folder: Path, files: list[Path] | None = None) -> None:  # type: ignore[name-defined]
    for path in _files(folder) if files is None else files:
        digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def seed_files(seeds: Path) -> list[Path]:
    """The files of the seeds folder a build reads: the texts and the manifest (pipeline.documents.seeds)."""
    if not seeds.is_dir():
        return []
    return sorted(path for path in seeds.iterdir() if path.name == MANIFEST_NAME or is_text_file(path))


def code_folders() -> tuple[Path, ...]:
    """The folders whose files are code: pipeline/ and the schemas folder in use."""
    return (Path(__file__).resolve().parents[1], schema.SCHEMAS_DIR)


def code_fingerprint() -> str:
    """sha256 of the code: pipeline/ and schemas/ files, Python version, installed distributions."""
    digest = hashlib.sha256(f"python {sys.version}".encode())
    for folder in code_folders():
        digest.update(f"\0folder {folder.name}".encode())
        _digest_files(digest, folder)
    digest.update("\0".join(installed_distributions()).encode())
    return digest.hexdigest()


_DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info")
_INSTALL_RECORDS = ("RECORD", "PKG-INFO")  # a wheel's list of installed files; an egg-info's metadata


def installed_distributions() -> list[str]:
    """Every distribution importlib.metadata would find on sys.path, without parsing its metadata: the
    name of its .dist-info (or .egg-info) entry, `<name>-<version>.dist-info`, with the size and
    modification time of its RECORD, which pip rewrites on every install, so a reinstall of the same
    version counts as a change too. Sorted, so the order of sys.path's folders does not matter."""
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file or a missing folder on sys.path
            continue
        for name in names:
            if not name.endswith(_DISTRIBUTION_SUFFIXES):
                continue
            stamp = ""
            for record in _INSTALL_RECORDS:
                try:
                    stat = os.stat(os.path.join(entry or ".", name, record))
                except OSError:
                    continue
                stamp = f" {record} {stat.st_size} {stat.st_mtime_ns}"
                break
            found.add(name + stamp)
    return sorted(found)


def inputs_fingerprint(seeds: Path) -> str:
    """sha256 of the seed folder's files and of the code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(b"\0seeds")
    _digest_files(digest, seeds, seed_files(seeds))
    return digest.hexdigest()


def release_fingerprint(releases: Path) -> str:
    """sha256 of the latest release's name and SHA256SUMS ('' when there is none)."""
    latest = latest_release(releases) if releases.is_dir() else None
    if latest is None:
        return ""
    sums = latest / CHECKSUMS
    return hashlib.sha256(latest.name.encode() + b"\0" + (sums.read_bytes() if sums.is_file() else b"")).hexdigest()


def fingerprint(inputs: str, releases: Path) -> str:
    return hashlib.sha256(f"{inputs}\0{release_fingerprint(releases)}".encode()).hexdigest()


def _checksums_digest(package: Path) -> str | None:
    sums = package / CHECKSUMS
    return hashlib.sha256(sums.read_bytes()).hexdigest() if sums.is_file() else None


def record_build(paths: Paths, inputs: str, version: str, new_version: bool, created: str) -> BuildRecord | None:
    """Write OUT/build.json for the package just built from `inputs` (None when there is no package)."""
    checksums = _checksums_digest(paths.package)
    if checksums is None:
        return None
    record = BuildRecord(fingerprint(inputs, paths.releases), checksums, version, new_version, created)
    path = paths.out / RECORD_NAME
    temporary = path.with_name(f".{RECORD_NAME}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(record), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return record


def forget_build(paths: Paths) -> None:
    """Remove OUT/build.json (before a run that may rewrite the package)."""
    (paths.out / RECORD_NAME).unlink(missing_ok=True)


def current_build(paths: Paths, inputs: str, today: str) -> BuildRecord | None:
    """The last build's record if it was made from the same inputs, code and latest release, its
    package is intact, and (for an unpublished new version) it was labelled with today's release date."""
    path = paths.out / RECORD_NAME
    try:
        record = BuildRecord(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if record.fingerprint != fingerprint(inputs, paths.releases):
        return None
    if record.new_version and record.created != today:
        return None
    if record.package_checksums != _checksums_digest(paths.package):
        return None
    return record if not verify_checksums(paths.package) else None
