"""Writing the distribution of a package folder: each version's zip, latest.zip, latest/ and LATEST.

The archives' bytes and the checks of what is on disk are in pipeline.release.archive; a stale archive is made
again only from a folder that verifies (pipeline.release.verify).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipeline.release.archive import (
    LATEST_ARCHIVE,
    LATEST_FILE,
    LATEST_FOLDER,
    archive_bytes,
    archive_path,
    archive_problems,
    folder_differences,
    release_date,
    top_folder,
)
from pipeline.release.folders import versions
from pipeline.release.verify import verify_release


def write_distribution(releases_dir: Path) -> list[str]:
    """Archives, latest.zip, latest/ and LATEST of one package folder, from its version folders."""
    found = versions(releases_dir)
    return write_archives(releases_dir, found, {v: release_date(releases_dir / v) for v in found})


def write_archives(releases_dir: Path, versions: list[str], created: dict[str, str]) -> list[str]:
    """Write the archive of every version that lacks one, then latest.zip, latest/ and LATEST for the newest.

    An archive holding exactly its version folder's files is never rewritten (published versions are
    immutable). One that does not (left behind by a publish that was dropped and made again, or
    damaged) is made again from its folder, but only when the folder verifies against its own
    SHA256SUMS and labels: the folder is the release, the archive its copy. `created` maps each
    version to its release date. Returns the paths written.
    """
    written: list[str] = []
    for version in versions:
        path = archive_path(releases_dir, version)
        if path.exists() and (not archive_problems(releases_dir, version) or verify_release(releases_dir / version)):
            continue  # the right archive, or a folder that is itself damaged: `validate` reports it
        data = archive_bytes(releases_dir / version, top_folder(releases_dir, version), created[version])
        _write_if_changed(path, data, written)
    if versions:
        newest = versions[-1]
        _write_if_changed(releases_dir / LATEST_ARCHIVE, archive_path(releases_dir, newest).read_bytes(), written)
        _write_if_changed(releases_dir / LATEST_FILE, f"{newest}\n".encode(), written)
        if folder_differences(releases_dir / newest, releases_dir / LATEST_FOLDER):
            _replace_folder(releases_dir / newest, releases_dir / LATEST_FOLDER)
            written.append(str(releases_dir / LATEST_FOLDER))
    return written


def _write_if_changed(path: Path, data: bytes, written: list[str]) -> None:
    """Atomic write that leaves an identical file untouched; records the path when written."""
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".tmp-{path.name}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    written.append(str(path))


def _replace_folder(source: Path, target: Path) -> None:
    """Make `target` a copy of `source`: copy beside it, then swap by rename."""
    fresh, old = target.with_name(f".tmp-{target.name}"), target.with_name(f".tmp-old-{target.name}")
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    shutil.copytree(source, fresh)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    if old.exists():
        shutil.rmtree(old)
