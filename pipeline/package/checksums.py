"""SHA256SUMS of a package or release folder: the sha256 of a file, writing the list, checking a folder against it.

No DuckDB or Arrow here: the CLI checks a built package against its SHA256SUMS before deciding whether to
start a run at all (pipeline.cli.fingerprint), and its start-up does not pay for them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CHECKSUMS = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def known_sha256(dest: Path, path: Path, known: dict[str, str] | None) -> str:
    """The sha256 of `path` (a file inside `dest`): the one noted in `known` (by path relative to `dest`, for a
    file hashed already and unchanged since), else read from the file (also for a path outside `dest`)."""
    noted = known.get(path.relative_to(dest).as_posix()) if known and path.is_relative_to(dest) else None
    return noted or sha256_file(path)


def listed_digests(dest: Path) -> dict[str, str]:
    """{path relative to dest: sha256} as the folder's SHA256SUMS lists them."""
    listed = {}
    for line in (dest / CHECKSUMS).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    return listed


def write_checksums(dest: Path, known: dict[str, str] | None = None) -> None:
    """SHA256SUMS in `sha256sum -c` format for every file of the package except itself (`known`: the sha256 of
    files hashed already, by path relative to `dest`, unchanged since)."""
    lines = [
        f"{known_sha256(dest, path, known)}  {path.relative_to(dest).as_posix()}"
        for path in sorted(dest.rglob("*"))
        if path.is_file() and path.name != CHECKSUMS
    ]
    _write_text(dest / CHECKSUMS, "\n".join(lines) + "\n")


def verify_checksums(dest: Path) -> list[str]:
    """Problems found re-checking every file against SHA256SUMS (missing, changed, or unlisted files)."""
    sums_path = dest / CHECKSUMS
    if not sums_path.exists():
        return [f"{sums_path}: missing"]
    problems = []
    listed = set()
    for number, line in enumerate(sums_path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if "  " not in line:
            problems.append(f"{sums_path}: line {number} is not '<sha256>  <file>'")
            continue
        digest, name = line.split("  ", 1)
        listed.add(name)
        path = dest / name
        try:
            if path.is_dir():
                problems.append(f"{sums_path}: line {number} names {name}, a folder, not a file")
            elif not path.exists():
                problems.append(f"{path}: listed in {CHECKSUMS} but missing")
            elif sha256_file(path) != digest:
                problems.append(f"{path}: sha256 differs from {CHECKSUMS}")
        except OSError as error:
            problems.append(f"{path}: cannot be read: {error.strerror or error}")
    for path in sorted(dest.rglob("*")):
        name = path.relative_to(dest).as_posix()
        if path.is_file() and path.name != CHECKSUMS and name not in listed:
            problems.append(f"{path}: not listed in {CHECKSUMS}")
    return problems


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
