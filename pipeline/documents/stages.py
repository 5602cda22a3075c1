"""The per-document stages (raw → clean → segment → extract) over the DocumentStore, and loading their results.

Plain functions, no Dagster: the per-document assets call `run_stage`, the core assets `load_records`
and `segment_files`. A stage computes only the documents whose result is not in the store yet; when
there is enough text to pay for starting processes, it spreads them over the machine's cores, this
process working alongside its children (the results are per document, so the output is the same as
in one process).
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline import schema
from pipeline.documents.problems import EXTRACTION_ERROR, problem_flag, without_plans
from pipeline.documents.progress import document_done
from pipeline.documents.record import DocumentRecord
from pipeline.documents.seeds import SeedDocument, SeedError, naming, read_seed
from pipeline.documents.store import DocumentKeys, DocumentStore, document_keys, manifest_json, stage_table

if TYPE_CHECKING:  # a worker process of the stages never needs DuckDB (~16 MiB of RSS each): the caller's connection
    import duckdb

STAGE_ORDER = ("raw", "clean", "segment", "extract")
UPSTREAM = {"raw": (), "clean": ("raw",), "segment": ("clean",), "extract": ("raw", "clean")}
# Stages worth running in several processes (reading is cheap; cleaning a 10 MB corpus takes seconds), and how
# many bytes of seed text they must have to compute before starting processes pays (each loads jieba: ~1-2 s).
PARALLEL_STAGES = ("clean", "segment", "extract")
PARALLEL_MIN_BYTES = int(os.environ.get("PIPELINE_PARALLEL_MIN_BYTES", 2_000_000))


def worker_count() -> int:
    """Processes for the per-document stages, this one included: PIPELINE_WORKERS, else every core."""
    return max(1, int(os.environ.get("PIPELINE_WORKERS") or os.cpu_count() or 1))


class MissingResult(RuntimeError):
    """A stage was asked for a document whose upstream result is not in the store."""


@dataclass(frozen=True)
class StageReport:
    computed: int
    reused: int
    workers: int
    computed_ids: tuple[str, ...] = ()  # the doc_ids computed, in doc_id order


def run_stage(stage: str, store: DocumentStore, documents: list[SeedDocument]) -> StageReport:
    """Make the stage's result of each document unless the store has it already."""
    items = [(document, document_keys(document)) for document in documents]
    todo = [(document, keys) for document, keys in items if not store.has(stage, keys.of(stage))]
    for document, keys in todo:
        if missing := [needed for needed in UPSTREAM[stage] if not store.has(needed, keys.of(needed))]:
            raise MissingResult(
                f"{document.doc_id}: no {' or '.join(missing)} result for the current text; "
                "materialise the upstream stage first"
            )
    todo.sort(key=lambda item: -item[0].path.stat().st_size)  # longest first: workers finish together
    pending = {document.doc_id for document, _ in todo}
    for document, _ in items:
        if document.doc_id not in pending:
            document_done(stage, document.doc_id)
    workers = worker_count() if stage in PARALLEL_STAGES and len(todo) > 1 else 1
    if workers > 1 and sum(document.path.stat().st_size for document, _ in todo) >= PARALLEL_MIN_BYTES:
        workers = min(workers, len(todo))
        if stage == "segment":  # this process segments too (its tokenizer, if made already, stays as it is)
            from pipeline.text.segment import share_tag_strings

            share_tag_strings()
        _make_in_parallel(stage, store, todo, children=workers - 1)
    else:
        workers = 1
        for document, keys in todo:
            _make(stage, store.root, document, keys)
            document_done(stage, document.doc_id)
    if stage == "segment" and todo:
        from pipeline.text.segment import forget_hmm_runs, forget_pos_tokenizer

        forget_hmm_runs()
        if workers > 1:  # a corpus large enough for workers: its later steps need the memory more than the time
            forget_pos_tokenizer()
    return StageReport(
        computed=len(todo), reused=len(items) - len(todo), workers=workers, computed_ids=tuple(sorted(pending))
    )


def _make_in_parallel(
    stage: str, store: DocumentStore, todo: list[tuple[SeedDocument, DocumentKeys]], children: int
) -> None:
    """Spread the documents (longest first) over `children` spawned processes and this one.

    The children take documents from the long end of the list, this process from the short end; each
    child has at most two documents queued, so the work stays balanced. This process working too saves
    a process's memory (a jieba POS tokenizer is ~180 MB) at no cost in time."""
    queue = deque(todo)
    running: dict[Future, SeedDocument] = {}
    with ProcessPoolExecutor(
        children, mp_context=get_context("spawn"), initializer=_warm_up, initargs=(stage,)
    ) as pool:
        while queue or running:
            while queue and len(running) < 2 * children:
                document, keys = queue.popleft()
                running[pool.submit(_make, stage, store.root, document, keys)] = document
            for future in [future for future in running if future.done()]:
                future.result()  # a child's error (naming the file) stops the stage here
                document_done(stage, running.pop(future).doc_id)
            if queue:
                document, keys = queue.pop()
                _make(stage, store.root, document, keys)
                document_done(stage, document.doc_id)
            elif running:
                wait(running, return_when=FIRST_COMPLETED)


def _warm_up(stage: str) -> None:
    if stage == "segment":
        from pipeline.text.segment import pos_tokenizer, share_tag_strings

        share_tag_strings()
        pos_tokenizer()


def _make(stage: str, root: Path, document: SeedDocument, keys: DocumentKeys) -> None:
    with naming(document.path.name):  # whatever goes wrong, the error names the file
        _make_stage(stage, DocumentStore(root), document, keys)


def _make_stage(stage: str, store: DocumentStore, document: SeedDocument, keys: DocumentKeys) -> None:
    if stage == "raw":
        row = {"doc_id": document.doc_id, "file": document.path.name, "sha256": document.sha256,
               "raw_text": read_seed(document), "manifest": manifest_json(document)}  # fmt: skip
        store.write("raw", keys.raw, stage_table("raw", [row]))
    elif stage == "clean":
        _make_clean(store, document, keys)
    elif stage == "segment":
        _make_segments(store, keys)
    else:
        _make_extract(store, keys)


def _make_clean(store: DocumentStore, document: SeedDocument, keys: DocumentKeys) -> None:
    from pipeline.text.clean import clean_text

    raw = store.read_row("raw", keys.raw)
    cleaned = clean_text(raw["raw_text"])
    if not cleaned.text:
        raise SeedError(f"{raw['file']}: nothing is left of the text after cleaning")
    row = {"doc_id": keys.doc_id, "sha256": document.sha256, "text": cleaned.text,
           "notes": json.dumps(list(cleaned.notes), ensure_ascii=False),
           "published_date": cleaned.published_date, "source": cleaned.source}  # fmt: skip
    store.write("clean", keys.clean, stage_table("clean", [row]))


def _make_segments(store: DocumentStore, keys: DocumentKeys) -> None:
    """Sentences and tokens as Arrow columns (no per-row dicts), typed by their published schemas."""
    from pipeline.parse.conference.officials import official_names
    from pipeline.text.segment import split_sentences, tokenize

    text = store.read_row("clean", keys.clean)["text"]
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences, keep_whole=official_names(text))
    for table, items, sources in (
        ("sentences", sentences, {"sentence_no": "sentence_no", "char_start": "start", "char_end": "end", "text": "text"}),
        ("tokens", tokens, {"sentence_no": "sentence_no", "token_no": "token_no", "token": "token", "pos": "pos",
                            "char_start": "start", "char_end": "end"}),
    ):  # fmt: skip
        arrow_schema = schema.arrow_schema(table)
        columns = []
        for field in arrow_schema:
            if field.name == "doc_id":
                columns.append(pa.array([keys.doc_id] * len(items), field.type))
            elif field.name in sources:
                columns.append(pa.array(list(map(attrgetter(sources[field.name]), items)), field.type))
            else:
                raise KeyError(f"schemas/{table}.schema.json: column {field.name} is not made by segmentation")
        store.write(table, keys.segment, pa.Table.from_arrays(columns, schema=arrow_schema))


def _make_extract(store: DocumentStore, keys: DocumentKeys) -> None:
    from pipeline.documents.extract import extract_document, infer_title

    manifest = json.loads(store.read_row("raw", keys.raw)["manifest"] or "null") or {}
    clean = store.read_row("clean", keys.clean)
    published = manifest.get("published_date") or clean["published_date"]
    try:
        payload = extract_document(
            clean["text"], kind=manifest.get("kind"), published=published, source=clean["source"]
        )
    except Exception as error:  # noqa: BLE001 - one text's failure is its flag, never the corpus's (problems.py)
        flag = problem_flag(EXTRACTION_ERROR, f"{type(error).__name__}: {error}")
        payload = without_plans({"inferred_title": infer_title(clean["text"])}, manifest.get("kind"), flag)
    row = {"doc_id": keys.doc_id, "sha256": clean["sha256"],
           "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True)}  # fmt: skip
    store.write("extract", keys.extract, stage_table("extract", [row]))


def missing_results(store: DocumentStore, documents: list[SeedDocument]) -> list[str]:
    """doc_ids of current documents some of whose stage results are not in the store (new or changed)."""
    return sorted(
        document.doc_id
        for document in documents
        if not all(store.has(stage, document_keys(document).of(stage)) for stage in STAGE_ORDER)
    )


_records_cache: dict[tuple[str, ...], list[DocumentRecord]] = {}


def forget_records() -> None:
    """Drop the records load_records keeps for the callers of a build (texts and parsed extraction results:
    loading them took ~60 MiB on 10 MB of text). The steps that need no records (analysis, package) call it
    first: Python keeps the freed memory for what they allocate next rather than returning it to the system,
    so this lowers their peak, not the RSS at once. A later caller reads the records again."""
    _records_cache.clear()


def load_records(
    con: duckdb.DuckDBPyConnection, store: DocumentStore, documents: list[SeedDocument]
) -> list[DocumentRecord]:
    """Every document's raw, clean and extracted results, in doc_id order.

    The records are read and parsed once per process for the same result files (the files of a key
    never change; any changed text, manifest entry or code gives other keys) and shared by the callers
    of a build, which only read them: they are not to be changed (tests check the table builders).
    """
    keys = sorted((document_keys(document) for document in documents), key=lambda k: k.doc_id)
    cache_key = tuple(f"{k.raw}{k.clean}{k.extract}" for k in keys)
    if cache_key not in _records_cache:
        _records_cache.clear()  # one build's records at a time: memory does not grow over runs
        _records_cache[cache_key] = [
            DocumentRecord(doc_id=doc_id, file=file, sha256=sha256,
                           manifest=json.loads(manifest) if manifest else None, text=text,
                           cleaning_notes=tuple(json.loads(notes)),
                           metadata={"published_date": published_date, "source": source},
                           payload=json.loads(payload))
            for batch in _batches(store, keys)
            for doc_id, file, sha256, manifest, text, notes, published_date, source, payload in _result_rows(
                con, store, batch
            )
        ]  # fmt: skip
    return list(_records_cache[cache_key])


# Stored bytes (clean text and extraction results, compressed) of the documents load_records joins in one query:
# DuckDB holds one batch's texts and payloads at a time, so its memory limit (pipeline.settings) bounds the
# join whatever the size of the corpus (a join of 2 MB stored needed less than 48 MB at 10 MB).
RECORDS_BYTES_PER_QUERY = 2_000_000


def _batches(store: DocumentStore, keys: list[DocumentKeys]) -> Iterator[list[DocumentKeys]]:
    """`keys` in order, cut into runs of about RECORDS_BYTES_PER_QUERY stored bytes (one document at least)."""
    batch: list[DocumentKeys] = []
    size = 0
    for key in keys:
        stored = sum(store.path(stage, key.of(stage)).stat().st_size for stage in ("clean", "extract"))
        if batch and size + stored > RECORDS_BYTES_PER_QUERY:
            yield batch
            batch, size = [], 0
        batch.append(key)
        size += stored
    if batch:
        yield batch


def _result_rows(con: duckdb.DuckDBPyConnection, store: DocumentStore, keys: list[DocumentKeys]) -> list[tuple]:
    """The raw, clean and extract results of the documents of `keys` (sorted by doc_id), one row each, in that order."""
    files = {stage: [str(store.path(stage, k.of(stage))) for k in keys] for stage in ("raw", "clean", "extract")}
    return con.execute(
        """
        SELECT r.doc_id, r.file, r.sha256, r.manifest, c.text, c.notes, c.published_date, c.source, e.payload
        FROM read_parquet(?) r JOIN read_parquet(?) c USING (doc_id) JOIN read_parquet(?) e USING (doc_id)
        ORDER BY r.doc_id
        """,
        [files["raw"], files["clean"], files["extract"]],
    ).fetchall()


def segment_files(store: DocumentStore, documents: list[SeedDocument], table: str) -> dict[str, str]:
    """doc_id → the per-document file of `sentences` or `tokens`, for every document."""
    return {document.doc_id: str(store.path(table, document_keys(document).segment)) for document in documents}
