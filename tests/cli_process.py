"""`python -m pipeline ARGS` as a new interpreter, for the integration tests that need the CLI in a process of
its own (two publishes at once; a CLI run with only a given environment).

A new interpreter, never a fork of the test process: a fork of a pytest-xdist worker whose other threads
(pytest-xdist's, DuckDB's) hold locks can hang before it runs a line (test_dagster_entry_points hung for 900 s
that way). The child pays its own imports, and inherits no file descriptor (so no lock) of the test process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_cli(arguments: list[str], log: Path, environment: dict[str, str] | None = None) -> subprocess.Popen:
    """The started `python -m pipeline ARGUMENTS`, what it says (stdout and stderr) going to log; its
    environment is `environment` when given, else this process's."""
    with log.open("w", encoding="utf-8") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "pipeline", *arguments],
            env=dict(os.environ) if environment is None else environment,
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )


def finish_cli(process: subprocess.Popen, log: Path, timeout: float = 900) -> tuple[int | None, str]:
    """The exit code of a started CLI (None, after killing it, if it did not end within `timeout` s) and what
    it said."""
    try:
        code: int | None = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        code = None
    return code, log.read_text(encoding="utf-8")
