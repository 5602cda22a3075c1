"""`make dev`: `dagster dev` (UI + daemon) that is gone within seconds of Ctrl-C or SIGTERM.

On Ctrl-C `dagster dev` asks its webserver and daemon to stop and waits up to 60 s for each; measured on
this project (2-core machine under load), its processes and code servers were still alive more than two
minutes after Ctrl-C. This wrapper starts `dagster dev` in its own process group, passes Ctrl-C or
SIGTERM on to it, waits PIPELINE_DEV_STOP_SECONDS (default 10) for the group to stop, then kills what is
left of it — a run in progress too: the kernel releases the build folder's lock, and a publish is a
transaction (nothing half-published).

usage: python scripts/dagster_dev.py [options of dagster dev]
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def main() -> int:
    grace = float(os.environ.get("PIPELINE_DEV_STOP_SECONDS") or 10)
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    process = subprocess.Popen([dagster, "dev", *sys.argv[1:]], start_new_session=True)
    stop: list[int] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda received, _frame: stop.append(received))
    while process.poll() is None and not stop:
        time.sleep(0.2)
    if stop:
        print(f"stopping dagster dev (up to {grace:.0f} s)", file=sys.stderr, flush=True)
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        deadline = time.monotonic() + grace
        while _group_alive(process.pid) and time.monotonic() < deadline:
            process.poll()
            time.sleep(0.2)
    if _group_alive(process.pid):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return 0 if stop else process.returncode


if __name__ == "__main__":
    sys.exit(main())
