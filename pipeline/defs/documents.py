"""Per-document stages as assets over every text in seeds/: raw → clean → segmented → extracted.

Each asset is one step over all current documents, so every entry point — the UI's launchpad and
"Materialize all", `dagster job execute`, `dagster asset materialize --select '*'`, the schedule and the
sensor — works on a fresh instance with nothing registered or typed, and a run over all documents is
one run. Work still follows what changed: results are files in the build folder's document store,
addressed by content and code version (pipeline.documents.store), so a document whose result exists
costs a file-exists test, a new one is processed alone, whichever run or process made the others.
The assets are not partitioned: `dagster asset materialize` refuses a selection holding a partitioned
asset unless a partition is named, and a partition per document would have to be registered in each
instance before anything could run.
"""

import dagster as dg

from pipeline.defs.resources import PipelinePaths
from pipeline.documents.seeds import discover
from pipeline.documents.stages import run_stage
from pipeline.documents.store import DocumentStore

PER_DOCUMENT = {"kinds": {"python", "parquet"}}
# How many computed doc_ids a materialisation names (the count is always given).
NAMED_DOCUMENTS = 200


def _stage(paths: PipelinePaths, stage: str) -> dg.MaterializeResult:
    """One step over every document: one materialisation whose metadata says how many documents were
    computed and reused and names the computed ones (one event per run, not one per document)."""
    documents = discover(paths.paths.seeds)
    report = run_stage(stage, DocumentStore(paths.paths.documents), documents)
    named = list(report.computed_ids[:NAMED_DOCUMENTS])
    if len(report.computed_ids) > NAMED_DOCUMENTS:
        named.append(f"… and {len(report.computed_ids) - NAMED_DOCUMENTS} more")
    return dg.MaterializeResult(
        metadata={
            "documents": len(documents),
            "computed": report.computed,
            "reused": report.reused,
            "processes": report.workers,
            "computed_documents": dg.MetadataValue.text("\n".join(named) or "none: every result was stored"),
        }
    )


@dg.asset(
    group_name="raw",
    description="Seed texts as read from seeds/, checksum-verified against the manifest.",
    **PER_DOCUMENT,
)
def raw_documents(paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(paths, "raw")


@dg.asset(
    group_name="documents",
    deps=[raw_documents],
    description="Cleaned texts: normalised, boilerplate removed.",
    **PER_DOCUMENT,
)
def clean_documents(paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(paths, "clean")


@dg.asset(
    group_name="documents",
    deps=[clean_documents],
    description="Sentences and jieba tokens of each cleaned text.",
    **PER_DOCUMENT,
)
def segmented_documents(paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(paths, "segment")


@dg.asset(
    group_name="documents",
    deps=[clean_documents],
    description="Meetings, tasks, provincial sections, measures and targets found in each text.",
    **PER_DOCUMENT,
)
def extracted_documents(paths: PipelinePaths) -> dg.MaterializeResult:
    return _stage(paths, "extract")
