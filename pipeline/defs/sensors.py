"""Sensors: watch seeds/ and process new or changed texts, one document partition per run."""

import json

import dagster as dg

from pipeline.defs.jobs import publish_job
from pipeline.defs.partitions import documents_partitions
from pipeline.seeds import SeedError, discover
from pipeline.settings import default_paths


def seeds_changes(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(new, changed, removed) doc_ids between two {doc_id: sha256} snapshots."""
    new = sorted(set(current) - set(previous))
    changed = sorted(d for d in set(current) & set(previous) if current[d] != previous[d])
    removed = sorted(set(previous) - set(current))
    return new, changed, removed


@dg.sensor(job=publish_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def seeds_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    seeds_dir = default_paths().seeds
    try:
        current = {doc.doc_id: doc.sha256 for doc in discover(seeds_dir)}
    except SeedError as error:
        return dg.SkipReason(f"seeds are not valid, nothing requested: {error}")
    previous = json.loads(context.cursor) if context.cursor else {}
    new, changed, removed = seeds_changes(previous, current)
    if not (new or changed or removed):
        return dg.SkipReason("no new or changed seed texts")
    requests = []
    if new:
        requests.append(documents_partitions.build_add_request(new))
    if removed:
        requests.append(documents_partitions.build_delete_request(removed))
    runs = [
        dg.RunRequest(partition_key=doc_id, run_key=f"{doc_id}:{current[doc_id]}") for doc_id in sorted(new + changed)
    ]
    return dg.SensorResult(
        run_requests=runs, dynamic_partitions_requests=requests, cursor=json.dumps(current, sort_keys=True)
    )
