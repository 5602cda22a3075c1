"""Resources: the run's folders and the DuckDB warehouse."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster._utils.backoff import backoff  # the retry DuckDBResource itself uses
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from pipeline.settings import Paths, default_paths, duckdb_memory_limit, seed_text_bytes
from pipeline.warehouse import lock


class PipelinePaths(dg.ConfigurableResource):
    """Folders of a run: seeds in, build folder (warehouse + checked package), datasets out."""

    seeds_dir: str
    out_dir: str
    datasets_dir: str

    @property
    def paths(self) -> Paths:
        return Paths(seeds=Path(self.seeds_dir), out=Path(self.out_dir), datasets=Path(self.datasets_dir))


class Warehouse(DuckDBResource):
    """The DuckDB warehouse, opened once per run (or per step process) and shared by its steps.

    Opening the file costs ~10-40 ms; a build has over a hundred steps and checks. Each caller gets a
    cursor of the one connection; the connection is closed when the run's resources are torn down.
    From its first use to its teardown it holds the build folder's writer lock (pipeline.warehouse.lock):
    with the in-process executor (the default) that is from the first table to the end of the run, so a
    CLI build and a run launched from the UI on one build folder take turns, the second waiting and
    saying why in its log; with an executor of one process per step, each step that uses it holds it.
    """

    _connection: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)
    _locked: bool = PrivateAttr(default=False)
    _context: dg.InitResourceContext | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._connection = None
        self._context = context

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._locked:
            lock.release(Path(self.database).parent)
            self._locked = False

    def _lock_build_folder(self) -> None:
        """Take the build folder's writer lock at the first use of the warehouse, until teardown."""
        run = self._context.run if self._context else None
        log = self._context.log if self._context else None
        who = f"Dagster run {run.run_id[:8]} of job '{run.job_name}'" if run else None
        lock.acquire(Path(self.database).parent, on_wait=log.info if log else None, who=who)
        self._locked = True

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self._locked:
            self._lock_build_folder()
        if self._connection is None:
            self._connection = backoff(
                fn=duckdb.connect,
                retry_on=(RuntimeError, duckdb.IOException),  # another process holds the file: wait for it
                kwargs={"database": self.database, "read_only": False, "config": self.connection_config},
                max_retries=10,
            )
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()


def make_resources(paths: Paths | None = None) -> dict[str, object]:
    """Resources for a run; the warehouse file lives in the build folder."""
    paths = paths or default_paths()
    paths.out.mkdir(parents=True, exist_ok=True)
    return {
        "paths": PipelinePaths(seeds_dir=str(paths.seeds), out_dir=str(paths.out), datasets_dir=str(paths.datasets)),
        "duckdb": Warehouse(
            database=str(paths.warehouse),
            connection_config={"memory_limit": duckdb_memory_limit(seed_text_bytes(paths.seeds))},
        ),
    }
