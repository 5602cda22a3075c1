"""Jobs: build (everything up to the checked package) and publish (build + release)."""

import dagster as dg

from pipeline.defs.executors import default_execution_config

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

build_job = dg.define_asset_job(
    "build",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("published_release"),
    description="Raw → clean → core tables → checked package in the build folder; datasets/ untouched.",
    config=default_execution_config(),
)
publish_job = dg.define_asset_job(
    "publish",
    selection=dg.AssetSelection.all(),
    description="Build, check, and publish a new version into datasets/ when the data changed.",
    config=default_execution_config(),
)


def range_tags(doc_ids: list[str]) -> dict[str, str]:
    """Run tags that make one run cover every document partition (the per-document assets run once)."""
    return {RANGE_START_TAG: doc_ids[0], RANGE_END_TAG: doc_ids[-1]} if doc_ids else {}
