"""Sensors: watch seeds/ and publish once per batch of new, changed or removed texts.

A tick compares the texts' checksums with those of the last tick (the cursor). When they differ it
requests one `publish` run, keyed by the new state, so texts added together give one run and at most
one new version; the run processes only the texts not processed before (pipeline.documents.store) and
reassembles the tables. An evaluation only reads seeds/: it changes nothing in the instance or on disk
beyond the cursor and the run request Dagster records. Runs that assemble wait for each other in the
run queue (pool `warehouse`) and behind any other writer of the build folder (its writer lock).
"""

import hashlib
import json

import dagster as dg

from pipeline.defs.jobs import publish_job
from pipeline.documents.seeds import SeedError, check_seeds
from pipeline.settings import default_paths


def seeds_changes(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(new, changed, removed) doc_ids between two {doc_id: sha256} snapshots."""
    new = sorted(set(current) - set(previous))
    changed = sorted(d for d in set(current) & set(previous) if current[d] != previous[d])
    removed = sorted(set(previous) - set(current))
    return new, changed, removed


def _read_cursor(cursor: str | None) -> tuple[dict[str, str], int]:
    state = json.loads(cursor) if cursor else {}
    return state.get("seen", {}), int(state.get("generation", 0))


def _cursor(seen: dict[str, str], generation: int) -> str:
    return json.dumps({"seen": seen, "generation": generation}, sort_keys=True)


def _run_key(generation: int, current: dict[str, str]) -> str:
    """Unique per batch of changes (a text changed back and forth gets a new run each time)."""
    state = hashlib.sha256(json.dumps(current, sort_keys=True).encode()).hexdigest()[:12]
    return f"{generation}:{state}"


def _words(new: list[str], changed: list[str], removed: list[str]) -> str:
    parts = [f"{len(ids)} {what}" for ids, what in ((new, "new"), (changed, "changed"), (removed, "removed")) if ids]
    return ", ".join(parts) + " text" + ("s" if len(new) + len(changed) + len(removed) > 1 else "")


@dg.sensor(
    job=publish_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="On new, changed or removed texts in seeds/: one build and publish run for all of them.",
)
def seeds_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    try:
        current = {doc.doc_id: doc.sha256 for doc in check_seeds(default_paths().seeds)}
    except SeedError as error:
        return dg.SkipReason(f"seeds are not valid, nothing requested: {error}")
    seen, generation = _read_cursor(context.cursor)
    new, changed, removed = seeds_changes(seen, current)
    if not (new or changed or removed):
        return dg.SkipReason("no new, changed or removed seed texts")
    generation += 1
    request = dg.RunRequest(
        run_key=_run_key(generation, current),
        tags={"pipeline/changes": _words(new, changed, removed)},
    )
    return dg.SensorResult(run_requests=[request], cursor=_cursor(current, generation))
