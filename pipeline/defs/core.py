"""Core tables: unpartitioned assets that read every current document and write the published tables.

The rows come from plain functions in pipeline.tables; these assets only load the per-document
results, check they are fresh (made from the seed bytes now in seeds/), and write the tables.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.bytes_cache import write_atomically
from pipeline.defs.checks import checked, table_check_specs
from pipeline.defs.documents import extracted_documents, segmented_documents
from pipeline.defs.resources import PipelinePaths
from pipeline.documents import stages
from pipeline.documents.record import DocumentRecord
from pipeline.documents.seeds import discover
from pipeline.documents.store import DocumentStore, document_keys, modules_version
from pipeline.tables.documents import document_rows
from pipeline.tables.indicators import indicator_framework_rows, indicator_rows
from pipeline.tables.meetings import build_meeting_tables
from pipeline.tables.plans import MatchMemo, build_plan_tables, forget_bigrams
from pipeline.tables.programmes import programme_rows
from pipeline.tables.provinces import province_rows
from pipeline.tables.regions import region_rows
from pipeline.tables.reported_figures import reported_figure_rows
from pipeline.tables.screening import forget_screened, screen_records, verdict_key
from pipeline.tables.targets import target_rows
from pipeline.warehouse.database import fetch_dicts, write_table
from pipeline.warehouse.increments import sync_parquet_files

MEETING_TABLES = ("meetings", "meeting_sources", "meeting_officials", "meeting_sections")
PLAN_TABLES = ("plans", "plan_sources", "tasks", "task_sources", "commentary")
CORE = {"group_name": "tables", "kinds": {"duckdb"}}
# Reference tables that other tables' foreign keys point at: built first, so checks can resolve keys.
REFERENCED = ("documents", "regions")


def load_records(paths: PipelinePaths, duckdb: DuckDBResource) -> list[DocumentRecord]:
    """Every current seed's per-document results; fails if a document is missing or stale. A document
    whose own rows would break a constraint of schemas/ is kept without plan rows, flagged
    (pipeline.tables.screening), so that no single text can stop the build."""
    current = discover(paths.paths.seeds)
    store = DocumentStore(paths.paths.documents)
    _require_results(store, current)
    with duckdb.get_connection() as con:
        records = stages.load_records(con, store, current)
    keys = {document.doc_id: document_keys(document) for document in current}
    verdicts = [verdict_key(keys[record.doc_id]) for record in records]
    return screen_records(records, paths.paths.cache / "screening", verdicts)


def forget_records() -> None:
    """Drop every document record kept for the core tables: load_records's and the screening's, which holds
    each record it screened. The steps that need none (analysis, package) call it first: Python reuses the freed
    memory for what they allocate next (10 MB corpus: ~65 MiB of texts and parsed extraction results)."""
    stages.forget_records()
    forget_screened()


def _read_json(path: Path) -> dict:
    """A JSON object kept by an earlier build, or {} (missing or unreadable: made again)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _require_results(store: DocumentStore, current: list) -> None:
    if stale := stages.missing_results(store, current):
        raise dg.Failure(
            f"documents not (re)processed since their text or the code changed: {', '.join(stale)}; "
            "materialise raw_documents → clean_documents → segmented_documents, extracted_documents first"
        )


def _write(duckdb: DuckDBResource, tables: dict[str, list[dict]]) -> list[dg.MaterializeResult]:
    """Write each table, then check them all (pipeline.defs.checks.checked): one materialisation per table."""
    written = {}
    for table, rows in tables.items():
        with duckdb.get_connection() as con:
            written[table] = write_table(con, table, rows)
    return checked(duckdb, written)


# load_records requires every per-document stage's result (stages.missing_results), so the assets that call
# it depend on both branches, segmented and extracted: a parallel executor (dask) starts a step as soon as
# the steps it depends on are done.
@dg.asset(
    deps=[segmented_documents, extracted_documents],
    description="Provenance and cleaned text of each source document.",
    check_specs=table_check_specs("documents"),
    **CORE,
)
def documents(paths: PipelinePaths, duckdb: DuckDBResource) -> dg.MaterializeResult:
    [result] = _write(duckdb, {"documents": document_rows(load_records(paths, duckdb))})
    return result


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "sentences", deps=[segmented_documents, "documents"], description="Sentences of every document.", **CORE
        ),
        dg.AssetSpec(
            "tokens", deps=[segmented_documents, "documents"], description="jieba tokens of every sentence.", **CORE
        ),
    ],
    check_specs=table_check_specs("sentences", "tokens"),
)
def sentences_and_tokens(paths: PipelinePaths, duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    current = discover(paths.paths.seeds)
    store = DocumentStore(paths.paths.documents)
    _require_results(store, current)
    loads = {}
    for table in ("sentences", "tokens"):
        with duckdb.get_connection() as con:  # only the files of new or changed documents are read
            loads[table] = sync_parquet_files(con, table, stages.segment_files(store, current, table))
    for result in checked(duckdb, {table: loaded.rows for table, loaded in loads.items()}):
        loaded = loads[result.asset_key.to_user_string()]
        metadata = {
            "documents_loaded": loaded.loaded,
            "documents_kept": loaded.kept,
            "documents_removed": loaded.removed,
        }
        yield dg.MaterializeResult(
            asset_key=result.asset_key, metadata={**result.metadata, **metadata}, check_results=result.check_results
        )


@dg.asset(
    description="Reference table of administrative regions (GB/T 2260).", check_specs=table_check_specs("regions"), **CORE
)
def regions(duckdb: DuckDBResource) -> dg.MaterializeResult:
    [result] = _write(duckdb, {"regions": region_rows()})
    return result


@dg.multi_asset(
    specs=[
        dg.AssetSpec("indicators", description="The reviewed vocabulary of indicators (pipeline/data).", **CORE),
        dg.AssetSpec(
            "indicator_frameworks",
            deps=["indicators"],
            description="The national frameworks' values of their main indicators, each with its document.",
            **CORE,
        ),
    ],
    check_specs=table_check_specs("indicators", "indicator_frameworks"),
)
def indicator_tables(duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    yield from _write(duckdb, {"indicators": indicator_rows(), "indicator_frameworks": indicator_framework_rows()})


@dg.asset(
    deps=[*REFERENCED],
    description="The provincial-level units that issue plans (31 + 兵团).",
    check_specs=table_check_specs("provinces"),
    **CORE,
)
def provinces(duckdb: DuckDBResource) -> dg.MaterializeResult:
    [result] = _write(duckdb, {"provinces": province_rows()})
    return result


@dg.multi_asset(
    specs=[dg.AssetSpec(name, deps=[extracted_documents, *REFERENCED], **CORE) for name in PLAN_TABLES],
    description="Plans merged over every text that states them; tasks at every depth from the best source.",
    check_specs=table_check_specs(*PLAN_TABLES),
)
def plan_tables(paths: PipelinePaths, duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    # The matches of the last build's plan merge (same code: the file is named by its version) are reused.
    version = modules_version("plan_matches", ("pipeline.tables.plans",), ())
    kept = paths.paths.cache / "plan_matches" / f"{version}.json"
    memo = MatchMemo(known=_read_json(kept))
    tables = build_plan_tables(load_records(paths, duckdb), memo)
    forget_bigrams()
    write_atomically(kept, json.dumps(memo.used, ensure_ascii=False).encode("utf-8"))
    yield from _write(duckdb, {name: getattr(tables, name) for name in PLAN_TABLES})


@dg.multi_asset(
    specs=[dg.AssetSpec(name, deps=[extracted_documents, "plans", *REFERENCED], **CORE) for name in MEETING_TABLES],
    description="Meetings (the events) merged over their reports, each pointing at the plan it deploys.",
    check_specs=table_check_specs(*MEETING_TABLES),
)
def meeting_tables(paths: PipelinePaths, duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    tables = build_meeting_tables(load_records(paths, duckdb))
    yield from _write(duckdb, {name: getattr(tables, name) for name in MEETING_TABLES})


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, deps=["tasks", "plans", "plan_sources", "indicators", *REFERENCED], **CORE)
        for name in ("targets", "programmes")
    ],
    description="Numeric targets (commitments) and named programmes of every published task and plan opening.",
    check_specs=table_check_specs("targets", "programmes"),
)
def targets_and_programmes(paths: PipelinePaths, duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    with duckdb.get_connection() as con:
        tasks = fetch_dicts(con, "SELECT task_id, doc_id, char_start, char_end FROM tasks")
        plans = fetch_dicts(con, "SELECT plan_id, level, region_code, work_year FROM plans")
        sources = fetch_dicts(con, "SELECT plan_id, doc_id, char_start, is_primary FROM plan_sources")
    records = load_records(paths, duckdb)
    targets = target_rows(records, tasks, plans, sources)
    yield from _write(duckdb, {"targets": targets, "programmes": programme_rows(records, tasks, plans, sources)})


@dg.asset(
    deps=[extracted_documents, "plans", "indicators", *REFERENCED],
    description="Quantities each text reports as already reached, with the plan whose text reports them.",
    check_specs=table_check_specs("reported_figures"),
    **CORE,
)
def reported_figures(paths: PipelinePaths, duckdb: DuckDBResource) -> dg.MaterializeResult:
    with duckdb.get_connection() as con:
        plans = fetch_dicts(con, "SELECT plan_id FROM plans")
    [result] = _write(duckdb, {"reported_figures": reported_figure_rows(load_records(paths, duckdb), plans)})
    return result
