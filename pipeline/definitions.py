"""The Dagster code location: `dagster dev` loads `defs` from here (see [tool.dagster] in pyproject.toml)."""

import dagster as dg

from pipeline.defs import analysis, core, documents, package
from pipeline.defs.executors import executor_from_environment
from pipeline.defs.jobs import ALL_JOBS
from pipeline.defs.metadata import describe_tables
from pipeline.defs.resources import make_resources
from pipeline.defs.schedules import daily_publish
from pipeline.defs.sensors import seeds_sensor
from pipeline.settings import Paths


def make_definitions(paths: Paths | None = None) -> dg.Definitions:
    """Definitions for a set of folders (defaults: seeds/, build/, datasets/ of the project)."""
    return dg.Definitions(
        assets=describe_tables(dg.load_assets_from_modules([documents, core, analysis, package])),
        jobs=ALL_JOBS,
        schedules=[daily_publish],
        sensors=[seeds_sensor],
        resources=make_resources(paths),
        executor=executor_from_environment(),
    )


defs = make_definitions()
