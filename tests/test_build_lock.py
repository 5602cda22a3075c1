"""The build folder's writer lock: one writer at a time across processes, re-entrant within one, and a
clear message naming the holder for whoever waits (pipeline.warehouse.lock)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.warehouse.lock import LOCK_NAME, BuildFolderBusy, acquire, build_lock, release

HOLD = """
import sys, time
from pathlib import Path
from pipeline.warehouse.lock import build_lock
with build_lock(Path(sys.argv[1]), who="a test holder"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(out: Path, seconds: float) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(out), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_process_waits_saying_who_holds_the_folder_then_gets_it(tmp_path: Path):
    holder = _holder(tmp_path / "out", 1.5)
    said: list[str] = []
    started = time.monotonic()
    with build_lock(tmp_path / "out", on_wait=said.append, who="the waiting test"):
        assert holder.poll() is not None  # the holder had finished
        assert "the waiting test" in (tmp_path / "out" / LOCK_NAME).read_text(encoding="utf-8")
    assert time.monotonic() - started > 0.5
    assert len(said) == 1 and "a test holder" in said[0] and str(tmp_path / "out") in said[0]
    assert (tmp_path / "out" / LOCK_NAME).read_text(encoding="utf-8") == ""  # released: nobody named
    holder.wait()


def test_a_writer_that_holds_the_folder_too_long_is_named_in_the_error(tmp_path: Path):
    holder = _holder(tmp_path / "out", 30)
    try:
        with pytest.raises(BuildFolderBusy, match="a test holder .* more than 0 s"):
            acquire(tmp_path / "out", timeout=0.3)
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
