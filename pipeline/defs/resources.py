"""Resources: the run's folders and the DuckDB warehouse."""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.settings import Paths, default_paths


class PipelinePaths(dg.ConfigurableResource):
    """Folders of a run: seeds in, build folder (warehouse + checked package), datasets out."""

    seeds_dir: str
    out_dir: str
    datasets_dir: str

    @property
    def paths(self) -> Paths:
        return Paths(seeds=Path(self.seeds_dir), out=Path(self.out_dir), datasets=Path(self.datasets_dir))


def make_resources(paths: Paths | None = None) -> dict[str, object]:
    """Resources for a run; the warehouse file lives in the build folder."""
    paths = paths or default_paths()
    paths.out.mkdir(parents=True, exist_ok=True)
    return {
        "paths": PipelinePaths(seeds_dir=str(paths.seeds), out_dir=str(paths.out), datasets_dir=str(paths.datasets)),
        "duckdb": DuckDBResource(database=str(paths.warehouse)),
    }
