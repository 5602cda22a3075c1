"""Executors: chosen by configuration (PIPELINE_EXECUTOR), never by editing code.

in_process (default)  every step in the run's own process: the fastest for this pipeline, whose
                      per-document steps already cover many documents each (UI, schedule, sensor, CLI)
multiprocess          one process per step on this machine (deploy/run_config/multiprocess.yaml)
dask                  each step a task on a Dask cluster (dagster-dask, pipeline/defs/dask_executor.py): a
                      local cluster by default, or the scheduler of many machines (deploy/run_config/
                      dask.yaml); tested on a LocalCluster of two worker processes
                      (tests/integration/test_dagster_entry_points.py)
celery / k8s          steps spread across machines; needs dagster-celery or dagster-k8s and their own
                      run config (deploy/run_config/celery.yaml, deploy/run_config/k8s.yaml); only their
                      configs are checked by the tests, no run
"""

import importlib
import os

import dagster as dg

EXECUTORS = {  # name → (module, executor, the package it needs)
    "in_process": ("dagster", "in_process_executor", "dagster"),
    "multiprocess": ("dagster", "multiprocess_executor", "dagster"),
    "dask": ("pipeline.defs.dask_executor", "dask_executor", "dagster-dask"),
    "celery": ("dagster_celery", "celery_executor", "dagster-celery"),
    "k8s": ("dagster_k8s", "k8s_job_executor", "dagster-k8s"),
}


def executor_from_environment() -> dg.ExecutorDefinition:
    """The executor named by PIPELINE_EXECUTOR (default in_process) for every job of the code location."""
    choice = os.environ.get("PIPELINE_EXECUTOR", "in_process")
    if choice not in EXECUTORS:
        raise RuntimeError(f"PIPELINE_EXECUTOR={choice!r}: expected one of {', '.join(EXECUTORS)}")
    module, name, package = EXECUTORS[choice]
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as error:
        raise RuntimeError(f"PIPELINE_EXECUTOR={choice} needs the {package} package") from error
