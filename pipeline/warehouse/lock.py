"""One writer at a time in a build folder: its DuckDB warehouse and its checked package.

Whatever writes them — `python -m pipeline build|publish`, a run launched from the Dagster UI, the
schedule, the sensor, `dagster job execute`, `dagster asset materialize` — holds `build_lock(out)`, an
exclusive `flock` on `OUT/.writer`, while it does. A second writer waits for the first (up to
PIPELINE_LOCK_TIMEOUT seconds, default 3600), saying who holds the folder and since when; the kernel
releases the lock if the holder dies (kill -9 included). The lock is re-entrant within a process: the
CLI holds it around the in-process Dagster run whose warehouse resource takes it again.

Per-document results (OUT/cache/documents) need no lock: each is written under a temporary name and
renamed into place, and its name is its content's key.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_NAME = ".writer"
LOCK_TIMEOUT_SECONDS = 3600.0  # PIPELINE_LOCK_TIMEOUT overrides (the same setting as the datasets folder's lock)
_POLL_SECONDS = 0.2

_guard = threading.Lock()
_held: dict[str, tuple[int, int]] = {}  # build folder → (descriptor, depth) of the locks this process holds


class BuildFolderBusy(RuntimeError):
    """Another writer held the build folder for longer than the timeout."""


def _timeout() -> float:
    return float(os.environ.get("PIPELINE_LOCK_TIMEOUT") or LOCK_TIMEOUT_SECONDS)


def _holder(descriptor: int) -> str:
    os.lseek(descriptor, 0, os.SEEK_SET)
    return os.read(descriptor, 1000).decode("utf-8", "replace").strip() or "another process"


def acquire(
    out: Path, on_wait: Callable[[str], None] | None = None, timeout: float | None = None, who: str | None = None
) -> None:
    """Take the build folder's writer lock (created with the folder if missing); wait up to `timeout` s.

    `who` names the holder for the messages of those who wait (default: this process's command line)."""
    out.mkdir(parents=True, exist_ok=True)
    key = str(out.resolve())
    with _guard:
        if key in _held:
            descriptor, depth = _held[key]
            _held[key] = (descriptor, depth + 1)
            return
    limit = _timeout() if timeout is None else timeout
    descriptor = os.open(Path(key) / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        wait_for_flock(
            descriptor,
            limit,
            timed_out=lambda: BuildFolderBusy(
                f"{out}: {_holder(descriptor)} has been writing this build folder for more than "
                f"{limit:.0f} s (PIPELINE_LOCK_TIMEOUT); nothing was built"
            ),
            waiting=on_wait and (lambda: on_wait(f"waiting for {_holder(descriptor)} to finish writing {out} (one writer at a time)")),
        )
    except BaseException:
        os.close(descriptor)
        raise
    since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"{who or _command()} (process {os.getpid()}, since {since})\n".encode(), 0)
    with _guard:
        _held[key] = (descriptor, 1)


def release(out: Path) -> None:
    """Give back one hold of the build folder's lock (the last one unlocks it)."""
    key = str(out.resolve())
    with _guard:
        descriptor, depth = _held[key]
        if depth > 1:
            _held[key] = (descriptor, depth - 1)
            return
        del _held[key]
    os.ftruncate(descriptor, 0)
    fcntl.flock(descriptor, fcntl.LOCK_UN)
    os.close(descriptor)


@contextmanager
def build_lock(
    out: Path, on_wait: Callable[[str], None] | None = None, timeout: float | None = None, who: str | None = None
) -> Iterator[None]:
    """Hold the build folder's writer lock for the block (see the module's docstring)."""
    acquire(out, on_wait, timeout, who)
    try:
        yield
    finally:
        release(out)


def _command() -> str:
    """This process's command, in words a person recognises (`python -m pipeline build`, `dagster job execute`)."""
    program = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "python"
    if program == "__main__.py":
        return " ".join(["python -m pipeline", *sys.argv[1:2]])
    return " ".join(word if len(word) <= 40 else word[:37] + "..." for word in [program, *sys.argv[1:3]])


def wait_for_flock(
    descriptor: int, limit: float, *, timed_out: Callable[[], Exception], waiting: Callable[[], None] | None = None
) -> None:
    """Take an exclusive flock on `descriptor`, polling; call `waiting` once when it has to wait, and raise
    `timed_out()` after `limit` seconds. Shared by this lock and the datasets folder's publish lock."""
    deadline = time.monotonic() + limit
    told = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise timed_out() from None
            if not told and waiting is not None:
                waiting()
                told = True
            time.sleep(_POLL_SECONDS)
