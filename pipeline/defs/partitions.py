"""Partitions: one dynamic partition per seed document (partition key = doc_id).

The instance's list of documents is kept equal to the texts in seeds/ by whatever starts work: the
CLI, `python -m pipeline instance` (run by `make dev`), the schedule, the sensor, and the project's
run coordinator for runs launched without a partition (pipeline/defs/run_coordinator.py).
"""

from collections.abc import Iterable

import dagster as dg

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
PER_DOCUMENT_ASSETS = ("raw_documents", "clean_documents", "segmented_documents", "extracted_documents")

# Concurrency pool of the assets that assemble and publish the package (a run that has them also
# rewrites the warehouse's tables, and DuckDB has one writer): with the project's dagster.yaml (run
# granularity, limit 1) at most one such run is in progress, whatever launched it; others wait queued.
# Per-document assets write their own files (pipeline.documents.store), so runs over documents may run beside it.
WAREHOUSE_POOL = "warehouse"

PARTITION_TAG = "dagster/partition"
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def sync_document_partitions(instance: dg.DagsterInstance, doc_ids: Iterable[str]) -> list[str]:
    """Make the instance's document partitions exactly `doc_ids`; returns them in the instance's order."""
    wanted = set(doc_ids)
    registered = list(instance.get_dynamic_partitions(documents_partitions.name))
    for gone in sorted(set(registered) - wanted):
        instance.delete_dynamic_partition(documents_partitions.name, gone)
    if missing := sorted(wanted - set(registered)):
        instance.add_dynamic_partitions(documents_partitions.name, missing)
    return list(instance.get_dynamic_partitions(documents_partitions.name))


def range_tags(doc_ids: list[str]) -> dict[str, str]:
    """Run tags making one run cover the partitions from the first to the last of `doc_ids`.

    Ranges follow the instance's order of the keys (the order they were registered in): pass the
    list returned by `sync_document_partitions`, so the range covers exactly the current documents.
    """
    return {RANGE_START_TAG: doc_ids[0], RANGE_END_TAG: doc_ids[-1]} if doc_ids else {}
