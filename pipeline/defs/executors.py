"""Executors: chosen by configuration (PIPELINE_EXECUTOR), never by editing code.

in_process (default)  one process; fastest start for small runs (what the CLI always uses)
multiprocess          one process per step on this machine; override per run with run config
                      `execution: {config: {multiprocess: {max_concurrent: 4}}}`
celery / k8s          steps spread across machines; needs dagster-celery or dagster-k8s installed
                      and their own configuration (broker, namespace) in the run config
"""

import importlib
import os

import dagster as dg

_DISTRIBUTED = {"celery": ("dagster_celery", "celery_executor"), "k8s": ("dagster_k8s", "k8s_job_executor")}


def executor_from_environment() -> dg.ExecutorDefinition:
    choice = os.environ.get("PIPELINE_EXECUTOR", "in_process")
    if choice in ("in_process", "multiprocess"):
        return dg.multi_or_in_process_executor
    if choice in _DISTRIBUTED:
        module, name = _DISTRIBUTED[choice]
        try:
            return getattr(importlib.import_module(module), name)
        except ImportError as error:
            raise RuntimeError(f"PIPELINE_EXECUTOR={choice} needs the {module.replace('_', '-')} package") from error
    raise RuntimeError(f"PIPELINE_EXECUTOR={choice!r}: expected in_process, multiprocess, celery or k8s")


def default_execution_config() -> dict:
    """Run config giving each job its default executor mode (in-process unless PIPELINE_EXECUTOR says otherwise)."""
    if os.environ.get("PIPELINE_EXECUTOR", "in_process") == "multiprocess":
        return {"execution": {"config": {"multiprocess": {}}}}
    if os.environ.get("PIPELINE_EXECUTOR", "in_process") == "in_process":
        return {"execution": {"config": {"in_process": {}}}}
    return {}
