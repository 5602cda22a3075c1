"""The project's run coordinator: Dagster's run queue, plus one rule for runs launched without a partition.

A run of a job over the per-document assets (build, publish, process_documents) that names no
partition — what the UI's launchpad does by default — becomes one run over every text in seeds/
(registered as partitions first), instead of failing with "Cannot access partition_key for a
non-partitioned run". Runs with a partition or a range (CLI, schedule, sensor, backfills) are left
as they are. Configured in deploy/dagster.yaml, the template of the project's instance.
"""

from __future__ import annotations

import dagster as dg
from dagster._core.run_coordinator import QueuedRunCoordinator, SubmitRunContext

from pipeline.defs.jobs import JOBS_OVER_DOCUMENTS
from pipeline.defs.partitions import (
    PARTITION_TAG,
    PER_DOCUMENT_ASSETS,
    RANGE_START_TAG,
    documents_partitions,
    range_tags,
    sync_document_partitions,
)
from pipeline.documents.seeds import SeedError, check_seeds
from pipeline.settings import default_paths


def _targets_documents(run: dg.DagsterRun) -> bool:
    if run.asset_selection is not None:
        return any(key.to_user_string() in PER_DOCUMENT_ASSETS for key in run.asset_selection)
    return run.job_name in JOBS_OVER_DOCUMENTS


def tags_for_run_without_partition(instance: dg.DagsterInstance, run: dg.DagsterRun) -> dict[str, str]:
    """Range tags over every current document for a run that needs a partition and names none; else {}."""
    if PARTITION_TAG in run.tags or RANGE_START_TAG in run.tags or not _targets_documents(run):
        return {}
    try:
        doc_ids = sync_document_partitions(instance, [doc.doc_id for doc in check_seeds(default_paths().seeds)])
    except SeedError:  # the run's first step reports the bad input by name
        doc_ids = list(instance.get_dynamic_partitions(documents_partitions.name))
    return range_tags(doc_ids)


class DocumentsRunCoordinator(QueuedRunCoordinator):
    """QueuedRunCoordinator (same settings) that gives runs without a partition every document."""

    def submit_run(self, context: SubmitRunContext) -> dg.DagsterRun:
        run = context.dagster_run
        if tags := tags_for_run_without_partition(self._instance, run):
            self._instance.add_run_tags(run.run_id, tags)
            run = self._instance.get_run_by_id(run.run_id) or run
            context = SubmitRunContext(run, context.workspace)
        return super().submit_run(context)
