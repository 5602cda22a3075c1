"""Schedules: a daily full build and publish (03:00 Asia/Shanghai, or PIPELINE_PUBLISH_CRON) of seeds/.

An evaluation only reads seeds/ and returns a run request (or a reason to skip): it changes nothing,
in the instance or on disk. The run covers every text; unchanged ones cost a file-exists test.
"""

import os

import dagster as dg

from pipeline.defs.jobs import publish_job
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
        documents = check_seeds(seeds)
    except SeedError as error:
        return dg.SkipReason(f"seeds are not valid, nothing requested: {error}")
    if not documents:
        return dg.SkipReason(f"no texts in {seeds}")
    return dg.RunRequest(tags={"pipeline/documents": str(len(documents))})
