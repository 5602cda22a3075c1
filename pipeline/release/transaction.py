"""Publishing as a transaction: one lock per datasets folder, verification, commit by rename, repair.

Every writer of a datasets folder (the CLI, and the Dagster `published_release` asset whatever
launched its run: UI, schedule, sensor) holds `publish_lock(datasets_dir)` while it writes. The
lock is an exclusive `flock` on the datasets folder itself: no lock file is left behind, and the
kernel releases it when the holding process dies (kill -9 included). Inside the lock, `publish`:

1. repairs what an earlier, interrupted publish left: hidden `.tmp-*` leftovers are removed and
   the index files (CHANGELOG.md, catalog.json) are re-derived from the version folders and
   rewritten, atomically, only when their content differs;
2. verifies the latest release (every file present and matching SHA256SUMS and datapackage.json,
   and its version labels agreeing with its folder name) and refuses to diff against one that
   does not verify;
3. re-plans the version of the built package against the latest release and refuses when the
   package was labelled for another state of the folder (another publish landed in between);
   a package that is a new version is validated (Frictionless and the Parquet copies) — the one
   Frictionless pass over the rows; a build checks its tables with SQL only (pipeline.warehouse.checks);
4. copies the package into a temporary folder, checks its labels and checksums there, and renames
   it into place: the rename is the commit point. The index files follow; when they cannot be
   written, the error says that the version *was* published and the next run repairs them.

Nothing is written when nothing changed. `validate_release` is the read-only check of one release
folder used by `python -m pipeline validate`: it reports every problem and never raises.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.package.json_files import read_changes, read_descriptor
from pipeline.release.distribution import write_distribution
from pipeline.release.folders import latest_release
from pipeline.release.verify import verify_release
from pipeline.release.versions import (
    TEMP_PREFIX,
    Plan,
    ReleaseError,
    index_files,
    plan_release,
    publish_folder,
)
from pipeline.warehouse.lock import wait_for_flock

LOCK_TIMEOUT_SECONDS = 3600.0  # PIPELINE_LOCK_TIMEOUT overrides
_POLL_SECONDS = 0.2
_held = threading.local()  # datasets folders whose lock this thread holds (the lock is re-entrant per thread)


class PublishError(ReleaseError):
    """Publishing refused or failed; the message says whether anything was published."""


class IndexFilesError(PublishError):
    """The version folder was published, but CHANGELOG.md or catalog.json could not be written."""

    def __init__(self, message: str, version: str) -> None:
        super().__init__(message)
        self.version = version


@dataclass(frozen=True)
class PublishResult:
    """What one publish did."""

    version: str  # the published version, or the latest one when nothing changed
    published: bool
    path: Path
    repaired: list[str] = field(default_factory=list)  # what was repaired before publishing


def _lock_timeout() -> float:
    return float(os.environ.get("PIPELINE_LOCK_TIMEOUT") or LOCK_TIMEOUT_SECONDS)


@contextmanager
def publish_lock(
    datasets_dir: Path, timeout: float | None = None, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the one writer lock of a datasets folder (created if missing); wait for it up to `timeout` s.

    Re-entrant within a thread (the CLI holds it around a run whose publish step takes it again).
    Raises PublishError, naming the folder, when the lock is not free within the timeout.
    """
    datasets_dir.mkdir(parents=True, exist_ok=True)
    key = str(datasets_dir.resolve())
    held: set[str] = getattr(_held, "folders", None) or set()
    _held.folders = held
    if key in held:
        yield
        return
    limit = _lock_timeout() if timeout is None else timeout
    descriptor = os.open(key, os.O_RDONLY)
    try:
        wait_for_flock(
            descriptor,
            limit,
            timed_out=lambda: PublishError(
                f"{datasets_dir}: another publish has held the lock of this datasets folder for more "
                f"than {limit:.0f} s; nothing was published"
            ),
            waiting=on_wait
            and (lambda: on_wait(f"waiting for another publish into {datasets_dir} to finish (it holds the folder's lock)")),
        )
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def remove_leftovers(datasets_dir: Path) -> list[str]:
    """Remove `.tmp-*` files and folders left by an interrupted publish (call under the lock)."""
    removed = []
    folders = [datasets_dir] + sorted(p for p in datasets_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.name.startswith(TEMP_PREFIX):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(f"removed leftover {path}")
    return removed


def write_index_files(datasets_dir: Path) -> list[str]:
    """Re-derive every package's archives, latest pointers, CHANGELOG.md, the catalog and CITATION.cff from
    the version folders; write (atomically) only the files whose content differs. Returns the files written."""
    written = []
    for package_dir in sorted(p for p in datasets_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        written += write_distribution(package_dir)  # archives and latest pointers, before the catalog records them
    for path, text in index_files(datasets_dir).items():
        if path.is_file() and path.read_bytes() == text.encode("utf-8"):
            continue
        _atomic_write(path, text)
        written.append(str(path))
    return written


def _atomic_write(path: Path, text: str) -> None:
    temporary = path.with_name(f"{TEMP_PREFIX}{path.name}")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def repair(datasets_dir: Path) -> list[str]:
    """Remove leftovers and bring the index files in line with the version folders (call under the lock)."""
    if not datasets_dir.is_dir():
        return []
    done = remove_leftovers(datasets_dir)
    return done + [f"rewrote {path}" for path in write_index_files(datasets_dir)]


def _package_labels(built_dir: Path) -> tuple[str, str, dict]:
    descriptor, changes = read_descriptor(built_dir), read_changes(built_dir)
    return descriptor["version"], descriptor["created"][:10], changes


def _check_plan(built_dir: Path, plan: Plan, releases_dir: Path) -> None:
    """Refuse a package labelled for another state of the datasets folder than the current one."""
    version, created, changes = _package_labels(built_dir)
    # The publisher's note is not planned: left out on both sides (an unchanged rebuild of a release
    # published with a note plans that release's changes, note included).
    changes = {key: value for key, value in changes.items() if key != "note"}
    planned = {key: value for key, value in plan.changes.items() if key != "note"}
    if (version, created, changes) != (plan.version, plan.created, planned):
        latest = latest_release(releases_dir)
        raise PublishError(
            f"{built_dir}: the package was labelled as version {version} of {created}, but against the current "
            f"latest release ({latest.name if latest else 'none'}) in {releases_dir} it would be "
            f"{plan.version}{'' if plan.is_new else ' (unchanged)'}: another publish landed while this one was "
            "building. Nothing was published; run publish again."
        )


def publish(
    built_dir: Path,
    releases_dir: Path,
    today: str,
    on_wait: Callable[[str], None] | None = None,
    validate: Callable[[Path], list[str]] | None = None,
) -> PublishResult:
    """Publish a built, checked package into releases_dir as one transaction (see the module docstring).

    A package that would become a new version is validated first (`validate`, by default the full
    Frictionless and Parquet validation): the one validation pass of the bytes that are published."""
    datasets_dir = releases_dir.parent
    with publish_lock(datasets_dir, on_wait=on_wait):
        repaired = repair(datasets_dir)
        plan = plan_release(built_dir, releases_dir, today)  # verifies the latest release first
        _check_plan(built_dir, plan, releases_dir)
        if not plan.is_new:
            return PublishResult(plan.version, False, releases_dir / plan.version, repaired)
        if validate is None:  # Frictionless is imported only when a new version is to be validated
            from pipeline.package.validation import validate_package as validate
        if problems := validate(built_dir):
            raise PublishError(
                f"{built_dir}: the built package is not valid, nothing was published:\n  " + "\n  ".join(problems[:20])
            )
        target = publish_folder(built_dir, releases_dir, plan.version, check=verify_release)
        try:
            write_index_files(datasets_dir)
        except OSError as error:
            raise IndexFilesError(
                f"version {plan.version} WAS published to {target}, but CHANGELOG.md / catalog.json could not be "
                f"updated ({error}); the next publish rewrites them from the version folders",
                plan.version,
            ) from error
        return PublishResult(plan.version, True, target, repaired)
