"""Concurrency pools: Dagster's own queueing of the runs that assemble and publish the package.

The assets that assemble and publish (checked_package, published_release) are in the pool
`warehouse`: with the project's dagster.yaml (run granularity, limit 1) the run queue starts at most
one run containing them, whatever launched it (UI, schedule, sensor, backfill); others wait queued,
shown as such in the UI. Runs that do not go through the queue (`python -m pipeline`, `dagster job
execute`) and instances without that setting are kept apart by the build folder's writer lock
(pipeline.warehouse.lock), which every writer of the warehouse takes.
"""

WAREHOUSE_POOL = "warehouse"
