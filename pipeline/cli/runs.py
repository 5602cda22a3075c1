"""Which Dagster run a CLI build or publish makes, and how the CLI describes it.

One run of the job (`build` or `publish`) over every text in seeds/, the same run the UI, the
schedule, the sensor and `dagster job execute` make. Its per-document steps compute only the
documents whose result is not in the build folder's store yet (content-addressed by the seed's bytes
and the code version of each stage, pipeline.documents.store), so a run after one text was added
processes that text alone, then reassembles the tables. When nothing a build reads changed since the
last build of the folder, the CLI starts no run at all (pipeline.cli.fingerprint).
"""

from __future__ import annotations

from pipeline.documents.seeds import SeedDocument
from pipeline.documents.stages import missing_results
from pipeline.documents.store import DocumentStore
from pipeline.settings import Paths


def documents_to_process(paths: Paths, documents: list[SeedDocument]) -> set[str]:
    """doc_ids without a stored result of some per-document stage (new or changed texts, or new code)."""
    return set(missing_results(DocumentStore(paths.documents), documents))


def describe(job_name: str, documents: int, to_process: int) -> str:
    """The run in words, for the CLI's second line."""
    if to_process == documents:
        return f"the Dagster job '{job_name}' over {documents} documents"
    if to_process == 0:
        return f"the Dagster job '{job_name}' over the {documents} documents already processed"
    texts = f"{to_process} new or changed document{'s' if to_process > 1 else ''}"
    return f"the Dagster job '{job_name}' over {documents} documents ({texts} to process, the others reused)"
