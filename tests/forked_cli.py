"""`python -m pipeline ARGS` in a process forked from the test process, so that it starts with the imports done.

Used by the integration tests that need the CLI in a process of its own (two publishes at once; a CLI run with
only a given environment) without paying a fresh interpreter's imports each time.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
import os
import sys
import traceback
from pathlib import Path

from pipeline.cli.main import main


def forked_cli(
    arguments: list[str],
    log: Path,
    *,
    environment: dict[str, str] | None = None,
    go: multiprocessing.synchronize.Event | None = None,
) -> multiprocessing.Process:
    """The started process: it waits for `go` (when given), takes `environment` as its whole environment (when
    given), runs the CLI with its stderr in `log` (a traceback too, exit code 70) and exits with the CLI's code."""

    def run() -> None:
        if go is not None:
            go.wait()
        if environment is not None:
            os.environ.clear()
            os.environ.update(environment)
        with log.open("w", encoding="utf-8") as handle:
            sys.stderr = handle
            try:
                code = main(arguments)
            except BaseException:  # noqa: BLE001 - the traceback goes to the log; the exit code says it failed
                traceback.print_exc()
                code = 70
            handle.flush()
        os._exit(code)  # not pytest's exit handlers: they belong to the parent

    process = multiprocessing.get_context("fork").Process(target=run)
    process.start()
    return process
