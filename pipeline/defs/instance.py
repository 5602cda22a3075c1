"""The project's Dagster instance ($DAGSTER_HOME, default .dagster_home/): shared by the CLI, UI and daemon.

The CLI records its runs here, so the UI shows its materialisations and check results; `make dev`
(through `python -m pipeline instance`) creates it with the project's dagster.yaml (run queue, the
one-run-at-a-time warehouse pool, no telemetry, no pop-up). Nothing needs registering in it: any
DAGSTER_HOME, even one without a dagster.yaml, runs every job.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
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


def throwaway_instance():  # -> dagster.DagsterInstance
    """An in-memory instance, as `DagsterInstance.ephemeral()` makes it, for a run nobody will look at again
    (the CLI's runs over a seeds folder other than the project's), whose event log storage runs its
    queries on the one connection it holds (see HeldConnectionEventLogStorage), and whose two storages
    start as copies of empty ones made once per thread (see _copy_of_empty)."""
    from dagster._core.instance import DagsterInstance, InstanceType
    from dagster._core.launcher.sync_in_memory_run_launcher import SyncInMemoryRunLauncher
    from dagster._core.run_coordinator import DefaultRunCoordinator
    from dagster._core.storage.noop_compute_log_manager import NoOpComputeLogManager
    from dagster._core.storage.root import TemporaryLocalArtifactStorage
    from dagster._core.storage.runs import InMemoryRunStorage

    return DagsterInstance(
        instance_type=InstanceType.EPHEMERAL,
        local_artifact_storage=TemporaryLocalArtifactStorage(),
        run_storage=_copied_run_storage(InMemoryRunStorage),
        event_storage=_held_connection_storage(),
        compute_log_manager=NoOpComputeLogManager(),
        run_coordinator=DefaultRunCoordinator(),
        run_launcher=SyncInMemoryRunLauncher(),
    )


def _held_connection_storage():  # -> an InMemoryEventLogStorage
    from collections import defaultdict
    from contextlib import contextmanager

    import sqlalchemy
    from dagster._core.storage.event_log import InMemoryEventLogStorage

    class HeldConnectionEventLogStorage(InMemoryEventLogStorage):
        """Dagster's in-memory event log storage opens a connection to its in-memory SQLite database and sets
        two PRAGMAs for every query (about 1,000 per run of this pipeline, a sixth of a small build's time);
        this one runs them on the connection it holds for its life, in the thread that made it (any other
        thread gets a connection of its own, as before). Same tables, same rows: only the connection differs."""

        def __init__(self) -> None:  # InMemoryEventLogStorage.__init__, the database copied (_copy_of_empty)
            self._inst_data = None
            self._handlers = defaultdict(set)
            self._storage_id = 0
            self._db_lock = threading.Lock()
            self._engine, self._held_conn = _copy_of_empty(InMemoryEventLogStorage, "events")
            self._owner = threading.get_ident()
            self._held_conn.execute(sqlalchemy.text("PRAGMA foreign_keys=ON;")).close()
            self._held_conn.commit()

        @contextmanager
        def _connect(self):  # noqa: ANN202 - a context manager of a SQLAlchemy connection, as the parent's
            if threading.get_ident() != self._owner:
                with super()._connect() as conn:
                    yield conn
                return
            with self._db_lock, self._held_conn.begin():
                yield self._held_conn

    return HeldConnectionEventLogStorage()


def _copied_run_storage(in_memory_run_storage: type):  # -> an InMemoryRunStorage
    class CopiedRunStorage(in_memory_run_storage):
        """Dagster's in-memory run storage, its database copied from an empty one (_copy_of_empty)."""

        def __init__(self) -> None:  # InMemoryRunStorage.__init__ without preload, the database copied
            self._engine, self._held_conn = _copy_of_empty(in_memory_run_storage, "runs")

    return CopiedRunStorage()


# storage class → a copy of the database of an empty one, readable from any thread under _EMPTY_LOCK.
_EMPTY: dict[type, sqlite3.Connection] = {}
_EMPTY_LOCK = threading.Lock()


def _copy_of_empty(storage_class: type, prefix: str):  # -> (sqlalchemy Engine, its held Connection)
    """A new in-memory SQLite database named as Dagster names it, holding a copy (SQLite's backup) of the
    database of an empty `storage_class()`, made once per process: the same tables and the same alembic
    revision stamp, without creating the tables and running alembic's stamp again (~20-30 ms per instance, 3 %
    of a small build's CPU, since alembic loads its env.py each time)."""
    import uuid

    from dagster._core.storage.sql import create_engine
    from dagster._core.storage.sqlite import create_in_memory_conn_string
    from sqlalchemy.pool import NullPool

    engine = create_engine(create_in_memory_conn_string(f"{prefix}-{uuid.uuid4()}"), poolclass=NullPool)
    held = engine.connect()  # held for the storage's life, as Dagster's in-memory storages do
    with _EMPTY_LOCK:
        if storage_class not in _EMPTY:
            empty = storage_class()
            _EMPTY[storage_class] = sqlite3.connect(":memory:", check_same_thread=False)
            empty._held_conn.connection.driver_connection.backup(_EMPTY[storage_class])
            empty.dispose()
        _EMPTY[storage_class].backup(held.connection.driver_connection)
    return engine, held
