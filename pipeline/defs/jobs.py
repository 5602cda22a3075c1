"""Jobs: what the UI, the schedule, the sensor and the CLI launch.

build                 every asset but the release: seeds → checked package in the build folder
publish               build + publish a new version into datasets/ when the data changed
process_documents     the per-document assets only (the sensor runs one per new or changed text; the
                      CLI one over the new or changed texts when the others are already processed)
assemble              core tables → checked package from the documents already processed, datasets/
                      untouched (the CLI's `build` after process_documents)
assemble_and_publish  core tables → package → release from the documents already processed (the
                      sensor's single follow-up run once the per-document runs have finished; the CLI's
                      `publish` after process_documents)

The schedule, and the CLI on a cold build, run build/publish over a partition range covering every
document (the CLI otherwise runs process_documents over the new or changed documents, then the assembly
job: pipeline/cli/runs.py); a run launched without a partition (the UI launchpad's default) is given
that range by the project's run coordinator (pipeline/defs/run_coordinator.py).
"""

import dagster as dg

from pipeline.defs.partitions import PER_DOCUMENT_ASSETS, range_tags

__all__ = ["ALL_JOBS", "range_tags"]

PER_DOCUMENT = dg.AssetSelection.assets(*PER_DOCUMENT_ASSETS)
RELEASE = dg.AssetSelection.assets("published_release")

build_job = dg.define_asset_job(
    "build",
    selection=dg.AssetSelection.all() - RELEASE,
    description="Seeds → cleaned, segmented, extracted documents → core tables → checked package; datasets/ untouched.",
)
publish_job = dg.define_asset_job(
    "publish",
    selection=dg.AssetSelection.all(),
    description="Build, check, and publish a new version into datasets/ when the data changed.",
)
process_documents_job = dg.define_asset_job(
    "process_documents",
    selection=PER_DOCUMENT,
    description="Read, clean, segment and extract the documents of the run's partitions (no tables, no release).",
)
assemble_job = dg.define_asset_job(
    "assemble",
    selection=dg.AssetSelection.all() - PER_DOCUMENT - RELEASE,
    description="Core tables and checked package from the documents already processed; datasets/ untouched.",
)
assemble_and_publish_job = dg.define_asset_job(
    "assemble_and_publish",
    selection=dg.AssetSelection.all() - PER_DOCUMENT,
    description="Core tables, checked package and release from the documents already processed.",
)

ALL_JOBS = [build_job, publish_job, process_documents_job, assemble_job, assemble_and_publish_job]
ASSEMBLY_JOB = {build_job.name: assemble_job.name, publish_job.name: assemble_and_publish_job.name}
JOBS_OVER_DOCUMENTS = (build_job.name, publish_job.name, process_documents_job.name)
