"""Jobs: what the UI, the schedule, the sensor and the CLI launch. None needs config or a partition.

build                 every asset but the release: seeds → checked package in the build folder
publish               build + publish a new version into datasets/ when the data changed (the CLI's
                      `publish`, the schedule's and the sensor's run)
process_documents     the per-document assets only (read, clean, segment, extract every text not yet
                      processed); no tables, no release
assemble              core tables → checked package from the documents already processed, datasets/
                      untouched
assemble_and_publish  core tables → package → release from the documents already processed

Each run covers every text in seeds/; a document already processed (its result in the store for the
current text and code) costs a file-exists test, so a run after one text was added processes that text.
"""

import dagster as dg

PER_DOCUMENT_ASSETS = ("raw_documents", "clean_documents", "segmented_documents", "extracted_documents")
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
    description="Read, clean, segment and extract every text not processed yet (no tables, no release).",
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
