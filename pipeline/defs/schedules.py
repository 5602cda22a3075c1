"""Schedules: a daily full build and publish (Asia/Shanghai)."""

import dagster as dg

from pipeline.defs.jobs import publish_job, range_tags
from pipeline.defs.partitions import documents_partitions


@dg.schedule(job=publish_job, cron_schedule="0 3 * * *", execution_timezone="Asia/Shanghai")
def daily_publish(context: dg.ScheduleEvaluationContext) -> dg.RunRequest | dg.SkipReason:
    doc_ids = context.instance.get_dynamic_partitions(documents_partitions.name)
    if not doc_ids:
        return dg.SkipReason("no documents registered yet: the seeds sensor registers them")
    return dg.RunRequest(run_key=None, tags=range_tags(list(doc_ids)))
