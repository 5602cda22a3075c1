"""Sensors: watch seeds/; process each new or changed text, then assemble and publish once.

Tick with changes    register new texts as partitions (forget removed ones) and request one
                     `process_documents` run per new or changed text (a single run over the range
                     when every text is new, as on an empty instance); an assembly is now due.
Later ticks          while any `process_documents` run is queued or running, wait; then request a
                     single `assemble_and_publish` run for all documents. Texts added together
                     therefore lead to one assembly and at most one new version.
The cursor holds the checksums last seen and whether an assembly is due.
"""

import hashlib
import json

import dagster as dg

from pipeline.defs.jobs import assemble_and_publish_job, process_documents_job
from pipeline.defs.partitions import documents_partitions, range_tags
from pipeline.documents.seeds import SeedError, check_seeds
from pipeline.settings import default_paths

IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def seeds_changes(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(new, changed, removed) doc_ids between two {doc_id: sha256} snapshots."""
    new = sorted(set(current) - set(previous))
    changed = sorted(d for d in set(current) & set(previous) if current[d] != previous[d])
    removed = sorted(set(previous) - set(current))
    return new, changed, removed


def _read_cursor(cursor: str | None) -> tuple[dict[str, str], bool, int]:
    state = json.loads(cursor) if cursor else {}
    return state.get("seen", {}), bool(state.get("assembly_due")), int(state.get("generation", 0))


def _cursor(seen: dict[str, str], assembly_due: bool, generation: int) -> str:
    return json.dumps({"seen": seen, "assembly_due": assembly_due, "generation": generation}, sort_keys=True)


def _run_key(generation: int, current: dict[str, str], what: str) -> str:
    """Unique per batch of changes (a text changed back and forth gets new runs each time)."""
    state = hashlib.sha256(json.dumps(current, sort_keys=True).encode()).hexdigest()[:12]
    return f"{generation}:{state}:{what}"


@dg.sensor(
    jobs=[process_documents_job, assemble_and_publish_job],
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="On a new, changed or removed text in seeds/: process those documents, then one assembly and publish.",
)
def seeds_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    try:
        current = {doc.doc_id: doc.sha256 for doc in check_seeds(default_paths().seeds)}
    except SeedError as error:
        return dg.SkipReason(f"seeds are not valid, nothing requested: {error}")
    seen, assembly_due, generation = _read_cursor(context.cursor)
    new, changed, removed = seeds_changes(seen, current)
    if new or changed or removed:
        generation += 1
        registered = list(context.instance.get_dynamic_partitions(documents_partitions.name))
        missing = sorted(set(current) - set(registered))
        gone = sorted(set(registered) - set(current))
        partition_requests = []
        if missing:
            partition_requests.append(documents_partitions.build_add_request(missing))
        if gone:
            partition_requests.append(documents_partitions.build_delete_request(gone))
        to_process = new + changed
        if to_process and len(to_process) == len(current) > 1:
            # Every text is new or changed: one run over the whole range, in the instance's key order.
            ordered = [key for key in registered if key in current] + missing
            runs = [
                dg.RunRequest(
                    job_name=process_documents_job.name,
                    tags=range_tags(ordered),
                    run_key=_run_key(generation, current, "all"),
                )
            ]
        else:
            runs = [
                dg.RunRequest(
                    job_name=process_documents_job.name,
                    partition_key=doc_id,
                    run_key=_run_key(generation, current, doc_id),
                )
                for doc_id in to_process
            ]
        return dg.SensorResult(
            run_requests=runs,
            dynamic_partitions_requests=partition_requests,
            cursor=_cursor(current, True, generation),
        )
    if not assembly_due:
        return dg.SkipReason("no new or changed seed texts")
    in_flight = context.instance.get_runs(
        filters=dg.RunsFilter(job_name=process_documents_job.name, statuses=IN_FLIGHT), limit=1
    )
    if in_flight:
        return dg.SkipReason("waiting for the document runs to finish before assembling")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(job_name=assemble_and_publish_job.name, run_key=_run_key(generation, current, "assemble"))
        ],
        cursor=_cursor(current, False, generation),
    )
