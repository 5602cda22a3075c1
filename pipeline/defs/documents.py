"""Per-document assets, partitioned by doc_id: raw → clean → segmented → extracted.

Each asset handles the partition keys of its run (one key for a sensor run, all keys for a full
build in one run). Results are files in the build folder's document store, addressed by content and
code version (pipeline.documents.store): a document whose result exists is not processed again, whichever
run or process made it, and parallel steps never write to the same file or to the warehouse.
"""

import dagster as dg

from pipeline.defs.partitions import documents_partitions
from pipeline.defs.resources import PipelinePaths
from pipeline.documents.seeds import SeedDocument, SeedError, discover
from pipeline.documents.stages import run_stage
from pipeline.documents.store import DocumentStore

PER_DOCUMENT = {
    "partitions_def": documents_partitions,
    "backfill_policy": dg.BackfillPolicy.single_run(),
    "kinds": {"python", "parquet"},
}


def _documents(context: dg.AssetExecutionContext, paths: PipelinePaths) -> list[SeedDocument]:
    seeds = {document.doc_id: document for document in discover(paths.paths.seeds)}
    if missing := [key for key in context.partition_keys if key not in seeds]:
        raise SeedError(f"{paths.paths.seeds}: no seed text for document {missing[0]!r}")
    return [seeds[key] for key in context.partition_keys]


def _stage(context: dg.AssetExecutionContext, paths: PipelinePaths, stage: str) -> dg.MaterializeResult:
    report = run_stage(stage, DocumentStore(paths.paths.documents), _documents(context, paths))
    return dg.MaterializeResult(
        metadata={"computed": report.computed, "reused": report.reused, "processes": report.workers}
    )


@dg.asset(
    group_name="raw",
    description="Seed texts as read from seeds/, checksum-verified against the manifest.",
    **PER_DOCUMENT,
)
def raw_documents(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(context, paths, "raw")


@dg.asset(
    group_name="clean",
    deps=[raw_documents],
    description="Cleaned texts: normalised, boilerplate removed.",
    **PER_DOCUMENT,
)
def clean_documents(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(context, paths, "clean")


@dg.asset(
    group_name="clean",
    deps=[clean_documents],
    description="Sentences and jieba tokens of each cleaned text.",
    **PER_DOCUMENT,
)
def segmented_documents(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(context, paths, "segment")


@dg.asset(
    group_name="clean",
    deps=[clean_documents],
    description="Meetings, tasks, provincial sections, measures and targets found in each text.",
    **PER_DOCUMENT,
)
def extracted_documents(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(context, paths, "extract")
