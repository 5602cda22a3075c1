"""Which Dagster runs a CLI build or publish makes, so that its work follows what changed.

- No document processed yet (a cold build): one run of the job over every document, as the schedule
  makes it.
- Some documents new or changed: `process_documents` over those documents only, then the assembly
  job (`assemble` for build, `assemble_and_publish` for publish), which reads every document's
  stored results (pipeline.documents.store) and rewrites the tables and the package.
- None: the assembly job alone (the code of the tables, checks or package changed, or a new release
  landed).

A document counts as processed when every per-document stage has its result in the build folder's
store (content-addressed by the seed's bytes and the code version of the stage). In the project's own
Dagster instance it must also have been materialised there, so that the UI never shows a document as
missing that the CLI took from the store.
"""

from __future__ import annotations

from dataclasses import dataclass

import dagster as dg

from pipeline.defs.jobs import ASSEMBLY_JOB, process_documents_job
from pipeline.defs.partitions import PER_DOCUMENT_ASSETS, range_tags
from pipeline.documents.seeds import SeedDocument
from pipeline.documents.stages import missing_results
from pipeline.documents.store import DocumentStore
from pipeline.settings import Paths


@dataclass(frozen=True)
class PlannedRun:
    job_name: str
    tags: dict[str, str]
    documents: int  # documents whose per-document steps the run covers (0: assembly only)


def documents_to_process(paths: Paths, documents: list[SeedDocument], instance: dg.DagsterInstance | None) -> set[str]:
    """doc_ids without a stored result of some stage; with `instance`, also those it has not materialised."""
    stale = set(missing_results(DocumentStore(paths.documents), documents))
    if instance is not None:
        current = {document.doc_id for document in documents}
        for asset in PER_DOCUMENT_ASSETS:
            stale |= current - instance.get_materialized_partitions(dg.AssetKey(asset))
    return stale


def plan_runs(command: str, doc_ids: list[str], to_process: set[str]) -> list[PlannedRun]:
    """The runs of `command` (build or publish) over `doc_ids` (in the instance's partition order).

    The per-document run covers the range from the first to the last document to process (a run
    covers one range of partitions); documents inside it that are already processed are reused, not
    made again. Documents added since the last build come last in the order, so adding texts gives a
    range of exactly the new ones.
    """
    if set(doc_ids) <= to_process:
        return [PlannedRun(command, range_tags(doc_ids), len(doc_ids))]
    assembly = PlannedRun(ASSEMBLY_JOB[command], {}, 0)
    positions = [index for index, doc_id in enumerate(doc_ids) if doc_id in to_process]
    if not positions:
        return [assembly]
    covered = doc_ids[positions[0] : positions[-1] + 1]
    return [PlannedRun(process_documents_job.name, range_tags(covered), len(covered)), assembly]


def describe(runs: list[PlannedRun], documents: int, to_process: int) -> str:
    """The runs in words, for the CLI's second line."""
    if len(runs) == 1 and runs[0].documents:
        return f"the Dagster job '{runs[0].job_name}' over {documents} documents"
    if len(runs) == 1:
        return f"the Dagster job '{runs[0].job_name}' over the {documents} documents already processed"
    first, assembly = runs
    changed = f"{to_process} new or changed document{'s' if to_process > 1 else ''}"
    covered = f"{first.documents} documents ({changed})" if first.documents > to_process else changed
    return f"the Dagster job '{first.job_name}' over {covered}, then '{assembly.job_name}' over all {documents}"
