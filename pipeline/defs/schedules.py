"""Schedules: a daily full build and publish (03:00 Asia/Shanghai, or PIPELINE_PUBLISH_CRON) of seeds/.

The schedule needs nothing else switched on: it registers the documents it finds in seeds/ (and
forgets removed ones) and requests one run over all of them.
"""

import os

import dagster as dg

from pipeline.defs.jobs import publish_job
from pipeline.defs.partitions import range_tags, sync_document_partitions
from pipeline.documents.seeds import SeedError, check_seeds
from pipeline.settings import default_paths


@dg.schedule(
    job=publish_job,
    cron_schedule=os.environ.get("PIPELINE_PUBLISH_CRON", "0 3 * * *"),
    execution_timezone="Asia/Shanghai",
    description="Daily: build every text in seeds/ and publish a new version when the data changed.",
)
def daily_publish(context: dg.ScheduleEvaluationContext) -> dg.RunRequest | dg.SkipReason:
    seeds = default_paths().seeds
    try:
        doc_ids = [doc.doc_id for doc in check_seeds(seeds)]
    except SeedError as error:
        return dg.SkipReason(f"seeds are not valid, nothing requested: {error}")
    if not doc_ids:
        return dg.SkipReason(f"no texts in {seeds}")
    registered = sync_document_partitions(context.instance, doc_ids)
    return dg.RunRequest(tags=range_tags(registered))
