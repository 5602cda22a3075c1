"""The build folder's writer lock: one writer at a time across processes, re-entrant within one, and a
clear message naming the holder for whoever waits (pipeline.warehouse.lock)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.warehouse.lock import LOCK_NAME, BuildFolderBusy, acquire, build_lock, release

HOLD = """
import sys, time
from pathlib import Path
from pipeline.warehouse.lock import build_lock
with build_lock(Path(sys.argv[1]), who="a test holder"):
    print("held", flush=True)
    if sys.argv[2] == "until-told":
        sys.stdin.readline()
    else:
        time.sleep(float(sys.argv[2]))
print("released", flush=True)
"""


def _holder(out: Path, seconds: float | str) -> subprocess.Popen:
    """A process that holds the lock for `seconds`, or "until-told": until a line comes on its stdin."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out), str(seconds)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_process_waits_saying_who_holds_the_folder_then_gets_it(tmp_path: Path):
    holder = _holder(tmp_path / "out", "until-told")
    said: list[str] = []

    def waiting(message: str) -> None:  # told only once the lock was found taken: then let the holder go
        said.append(message)
        holder.stdin.write("go\n")
        holder.stdin.flush()

    try:
        with build_lock(tmp_path / "out", on_wait=waiting, who="the waiting test"):
            assert said, "the lock was taken while another process held it"
            assert holder.stdout.readline().strip() == "released"  # the holder had let go before we got it
            assert "the waiting test" in (tmp_path / "out" / LOCK_NAME).read_text(encoding="utf-8")
    finally:
        holder.kill()
    assert len(said) == 1 and "a test holder" in said[0] and str(tmp_path / "out") in said[0]
    assert (tmp_path / "out" / LOCK_NAME).read_text(encoding="utf-8") == ""  # released: nobody named
    holder.wait()


def test_a_writer_that_holds_the_folder_too_long_is_named_in_the_error(tmp_path: Path):
    holder = _holder(tmp_path / "out", "until-told")
    try:
        with pytest.raises(BuildFolderBusy, match="a test holder .* more than 0 s"):
            acquire(tmp_path / "out", timeout=0.05)
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_is_re_entrant_within_a_process_and_the_last_release_frees_it(tmp_path: Path):
    out = tmp_path / "out"
    acquire(out, who="outer")
    acquire(out, timeout=0)  # the same process again: no wait
    release(out)
    assert "outer" in (out / LOCK_NAME).read_text(encoding="utf-8")
    release(out)
    assert (out / LOCK_NAME).read_text(encoding="utf-8") == ""
    holder = _holder(out, 0)  # another process can take it now
    holder.wait()
