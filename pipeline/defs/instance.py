"""The project's Dagster instance ($DAGSTER_HOME, default .dagster_home/): shared by the CLI, UI and daemon.

The CLI records its runs here, so the UI shows its materialisations and check results; `make dev`
(through `python -m pipeline instance`) creates it with the project's dagster.yaml (run queue, the
one-run-at-a-time warehouse pool, no telemetry, no pop-up). Nothing needs registering in it: any
DAGSTER_HOME, even one without a dagster.yaml, runs every job.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipeline.schema import PROJECT_ROOT

DEFAULT_DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"
INSTANCE_SETTINGS = PROJECT_ROOT / "deploy" / "dagster.yaml"
# An instance made before the project dropped its own run coordinator names a module that no longer
# exists, which Dagster cannot load: such a copy of deploy/dagster.yaml is replaced by the current one.
RETIRED_RUN_COORDINATOR = "pipeline.defs.run_coordinator"


def dagster_home() -> Path:
    """$DAGSTER_HOME when set, else the project's .dagster_home/."""
    return Path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME).resolve()


def ensure_dagster_home() -> Path:
    """Create DAGSTER_HOME and its dagster.yaml (from deploy/dagster.yaml) if missing; export DAGSTER_HOME."""
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists() or RETIRED_RUN_COORDINATOR in settings.read_text(encoding="utf-8"):
        shutil.copyfile(INSTANCE_SETTINGS, settings)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def project_instance():  # -> dagster.DagsterInstance (import kept local: dagster is slow to import)
    """The persistent instance in DAGSTER_HOME, created when missing, with the warehouse pool limited to 1."""
    import dagster as dg

    from pipeline.defs.pools import WAREHOUSE_POOL

    ensure_dagster_home()
    instance = dg.DagsterInstance.get()
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits and WAREHOUSE_POOL not in storage.get_concurrency_keys():
        storage.set_concurrency_slots(WAREHOUSE_POOL, 1)
    return instance
