"""The test session's processes pass on no ignored SIGTERM (tests/conftest.py, pytest_configure).

Dagster gives SIGTERM the handler of SIGINT; in a session started with SIGINT ignored, every process a test
started after that (a step's compute-log `tail` and its watcher, a Dask worker, a CLI) ignored SIGTERM, and
Dagster waited 30 s for each of those it had to stop.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from dagster._utils.interrupts import setup_interrupt_handlers


def _ignored_in_a_child() -> set[int]:
    """The signals a process started now ignores (SIG_IGN survives exec; a handler does not)."""
    probe = "import signal; print(' '.join(str(int(s)) for s in signal.valid_signals() if signal.getsignal(s) is signal.SIG_IGN))"
    said = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return {int(number) for number in said.split()}


def test_sigint_is_handled_so_a_child_started_after_dagster_maps_sigterm_does_not_ignore_sigterm():
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    setup_interrupt_handlers()  # what an in-process Dagster run does: SIGTERM takes SIGINT's handler
    assert int(signal.SIGTERM) not in _ignored_in_a_child()


def test_the_probe_sees_an_ignored_sigterm():
    """Negative case: with SIGTERM ignored here, the child started now ignores it too."""
    before = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        assert int(signal.SIGTERM) in _ignored_in_a_child()
    finally:
        signal.signal(signal.SIGTERM, before)
