"""Dagster definitions: thin assets, checks, jobs, schedules, sensors and resources.

One module per Dagster concept. The work itself lives in plain Python (pipeline.text, pipeline.tables,
pipeline.package.files); these modules only move data between the warehouse and those functions.
"""

import warnings

import dagster as dg

# Single-run backfills of the document partitions are the point of the design; silence the beta notice.
warnings.filterwarnings("ignore", category=dg.BetaWarning, message=".*backfill_policy.*")
