"""The Dask executor (PIPELINE_EXECUTOR=dask): dagster-dask's, adapted to the dask this project pins.

Every step of a run becomes a task on a Dask cluster, run by dagster-dask's own worker function with
its config (`cluster: existing: address: …` for a scheduler of many machines, `local: …` or nothing
for a cluster the run starts itself; deploy/run_config/dask.yaml). What differs from
dagster-dask 0.29.27's executor:

- the dask pinned here (2026.8) looks for futures inside every tuple, list, set and dict argument of
  `Client.submit`, and a DagsterRun (a named tuple) holds a Dagster `@record` that refuses iteration,
  so each run failed before its first step ("Iteration is not allowed on `@record`
  RunOpConcurrency"). The step's arguments travel in one plain object, which dask passes as it is;
  only the futures of the step's upstream steps stay visible, so dask still orders the steps;
- a step's events come back in one plain object too (dask would try to size a list of them item by
  item, warning on each);
- a task is named after the run as well as the step, so two runs of one job on one cluster do not
  share task keys (dagster issue #21418), and a local cluster the run started is closed with it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from typing import Any

import dagster as dg
import dask.distributed
from dagster._core.errors import raise_execution_interrupts
from dagster._core.events import DagsterEvent
from dagster._core.execution.context.system import PlanOrchestrationContext
from dagster._core.execution.plan.plan import ExecutionPlan
from dagster._utils import iterate_with_context
from dagster_dask.executor import DaskExecutor, get_dask_resource_requirements, query_on_dask_worker
from dagster_dask.executor import dask_executor as upstream_dask_executor

CLUSTERS = {  # cluster type of the config → (module, class); "existing" is an address, not a class
    "local": ("dask.distributed", "LocalCluster"),
    "ssh": ("dask.distributed", "SSHCluster"),
    "yarn": ("dask_yarn", "YarnCluster"),
    "kube": ("dask_kubernetes", "KubeCluster"),
    **{kind: ("dask_jobqueue", f"{kind.upper()}Cluster") for kind in ("pbs", "sge", "lsf", "slurm", "oar")},
    "moab": ("dask_jobqueue", "MoabCluster"),
}


class StepArguments:
    """What a step needs on its worker, in one object that dask hands over without looking inside."""

    def __init__(self, **values: Any) -> None:
        self.values = values


class StepEvents:
    """A step's events, handed back the same way (dask would try to measure a list of them item by item)."""

    def __init__(self, events: Sequence[DagsterEvent]) -> None:
        self.events = events


def run_step_on_worker(dependencies: Sequence[Any], arguments: StepArguments) -> StepEvents:
    """dagster-dask's worker function; `dependencies` (upstream results) only orders the tasks."""
    return StepEvents(query_on_dask_worker(dependencies, **arguments.values))


class PinnedDaskExecutor(DaskExecutor):
    def execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan) -> Iterator[DagsterEvent]:
        if not plan_context.instance.is_persistent:
            raise dg.DagsterInvariantViolationError("Dask execution requires a persistent DagsterInstance")
        run = plan_context.dagster_run
        cluster = self._cluster(plan_context.job_name)
        try:
            with dask.distributed.Client(cluster) as client:
                futures: dict[str, Any] = {}
                for level in execution_plan.get_steps_to_execute_by_level():
                    for step in level:
                        upstream = [futures[key] for step_input in step.step_inputs for key in step_input.dependency_keys]
                        futures[step.key] = client.submit(
                            run_step_on_worker,
                            upstream,
                            StepArguments(
                                recon_job=plan_context.reconstructable_job,
                                dagster_run=run,
                                run_config=plan_context.run_config,
                                step_keys=[step.key],
                                instance_ref=plan_context.instance.get_ref(),
                                known_state=execution_plan.known_state,
                            ),
                            key=f"{plan_context.job_name}.{step.key}.{run.run_id}",
                            resources=get_dask_resource_requirements(step.tags),
                        )
                done = dask.distributed.as_completed(list(futures.values()), with_results=True)
                for _future, result in iterate_with_context(raise_execution_interrupts, done):
                    yield from result.events
        finally:
            if not isinstance(cluster, str):
                cluster.close()

    def _cluster(self, job_name: str) -> Any:  # an address, or a dask cluster object
        if self.cluster_type == "existing":
            return self.cluster_configuration["address"]
        if self.cluster_type not in CLUSTERS:
            raise ValueError(f"unknown Dask cluster type {self.cluster_type!r}: expected existing or {', '.join(CLUSTERS)}")
        module, name = CLUSTERS[self.cluster_type]
        return getattr(importlib.import_module(module), name)(**self.build_dict(job_name))


@dg.executor(
    name="dask",
    requirements=dg.multiple_process_executor_requirements(),
    config_schema=upstream_dask_executor.config_schema,
)
def dask_executor(init_context: dg.InitExecutorContext) -> PinnedDaskExecutor:
    """Each step a task on a Dask cluster (config as dagster-dask's dask_executor)."""
    ((cluster_type, cluster_configuration),) = init_context.executor_config["cluster"].items()
    return PinnedDaskExecutor(cluster_type, cluster_configuration)
