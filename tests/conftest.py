"""Shared fixtures: one build of the seeds per test session (the end-to-end tests read it).

`make test` runs the tests in two processes (pytest-xdist, `--dist worksteal`: a process that runs out of
tests takes some of the other's, so tests of one module may run in both); the cache of per-document
results, the Dagster instance of the CLI's recorded runs, the build of the seeds and the folders that
module fixtures publish (`made_once`) are shared by both, so each is made once per session whichever
process asks first.
"""

from __future__ import annotations

import csv
import fcntl
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.package import validation
from pipeline.release import verify

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RELEASE_DATE = "2026-01-31"

# Temporary folders on a RAM disk where the machine has one (unless TMPDIR says otherwise): Dagster's
# SQLite storage commits every event to disk, which on a slow disk costs more than the pipeline itself.
RAM_DISK = Path("/dev/shm")
if "TMPDIR" not in os.environ and RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK | os.X_OK):
    tempfile.tempdir = str(RAM_DISK)


def pytest_configure(config: pytest.Config) -> None:
    """A session started with SIGINT ignored (a background job `make test &` of a shell script, a runner that
    ignores it) gets Python's default SIGINT handler back, in the controller and in each pytest-xdist worker.
    Dagster maps SIGTERM to whatever handles SIGINT (dagster._utils.interrupts.setup_interrupt_handlers), so an
    ignored SIGINT made SIGTERM ignored too, and every process started after that inherited it: the `tail`
    and watcher processes of each step's compute-log capture then outlived their terminate(), and Dagster
    waited 2 × 30 s for them after every step (the Dask test: one minute per step, minutes in all)."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def session_folder(factory: pytest.TempPathFactory) -> Path:
    """The folder every process of this session shares: pytest's base temporary folder (under
    pytest-xdist, the controller's, which holds each worker's own)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on lock_file (created if missing) across the processes of the session."""
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` of the session folder, made by make(folder) once per test session, whichever
    process asks first (the other waits for it): a module fixture that both processes may need. Tests
    read it or copy it, never change it."""
    base = session_folder(factory)
    folder, done = base / name, base / f"{name}.done"
    with exclusive(base / f"{name}.lock"):
        if not done.exists():
            if folder.exists():  # left by an attempt that failed
                shutil.rmtree(folder)
            make(folder)
            done.touch()
    return folder


def copy_seeds(target: Path, doc_ids: list[str]) -> Path:
    """A seeds folder at target holding only the named seed texts and their rows of the manifest: the
    smallest folder a test of a mechanism needs (a build costs in proportion to its rows)."""
    target.mkdir(parents=True)
    with (SEEDS / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    kept = [row for row in rows[1:] if row[0] in doc_ids]
    assert sorted(row[0] for row in kept) == sorted(doc_ids), f"not all of {doc_ids} are in the manifest"
    with (target / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([rows[0], *kept])
    for row in kept:
        (target / row[1]).write_bytes((SEEDS / row[1]).read_bytes())
    return target


def release_problems(folder: Path) -> list[str]:
    """pipeline.release.verify.validate_release of a release folder, whose Frictionless and Parquet pass
    (validate_package) is skipped when its SHA256SUMS is that of a package which passed it before in this
    session and its files match it, as a publish does (pipeline.package.files.validate_once): the same bytes.
    Labels, checksums and the datasets folder's pointers are always checked."""
    validated = Path(os.environ["PIPELINE_CACHE"]) / "validated"
    real = verify.validate_package
    verify.validate_package = lambda dest: validation.validate_once(dest, validated)
    try:
        return verify.validate_release(folder)
    finally:
        verify.validate_package = real

# Fixtures that build or publish a package: a test that asks for one is in the slow tier (see pyproject's
# markers) even without its own mark, so `make test-fast` stays a few seconds as tests are added.
SLOW_FIXTURES = frozenset({"built", "hostile", "one_seed_release"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One content-addressed cache (per-document results, validated packages) for every build of the
    session, as one build folder would have: each build still runs every step and check, but does not
    re-segment a text or re-validate a package that an earlier build of the session made. Its files are
    written under temporary names and renamed into place, so the session's processes can share it."""
    cache = session_folder(tmp_path_factory) / "cache"
    cache.mkdir(exist_ok=True)
    os.environ["PIPELINE_CACHE"] = str(cache)


@pytest.fixture(autouse=True)
def _fixed_release_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_RELEASE_DATE", RELEASE_DATE)


@pytest.fixture(scope="session", autouse=True)
def _temporary_dagster_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Runs of the CLI are recorded in a throwaway instance, never in the project's .dagster_home/."""
    home = session_folder(tmp_path_factory) / "dagster_home"
    home.mkdir(exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(home)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into a temporary folder (once per session); returns the checked package folder."""

    def build(out: Path) -> None:
        os.environ.setdefault("PIPELINE_RELEASE_DATE", RELEASE_DATE)
        code = main(["build", "--seeds", str(SEEDS), "--out", str(out), "--datasets", str(out / "no-datasets")])
        assert code == 0, "the build of the seeds failed"

    return made_once(tmp_path_factory, "build", build) / "package"


ONE_SEED = "002_a1b3c1b0fa981a87"


@pytest.fixture(scope="session")
def one_seed_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seed text (ONE_SEED, with its manifest row) published as 1.0.0, once per session: a folder holding
    seeds/, build/ (the build folder), datasets/ and CITATION.cff beside it, as in the repository. The release
    every test of a publishing mechanism starts from (what they check does not depend on the size of the
    release, and a build costs in proportion to its rows); tests copy it, never change it."""

    def publish(folder: Path) -> None:
        os.environ["PIPELINE_RELEASE_DATE"] = RELEASE_DATE
        seeds = copy_seeds(folder / "seeds", [ONE_SEED])
        arguments = ["--seeds", str(seeds), "--out", str(folder / "build"), "--datasets", str(folder / "datasets")]
        code = main(["publish", *arguments])
        assert code == 0, "the publish of one seed text failed"

    return made_once(tmp_path_factory, "one-seed-release", publish)
