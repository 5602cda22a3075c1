"""Per-document assets, partitioned by doc_id: raw → clean → segmented → extracted.

Each asset handles the partition keys of its run (one key for a sensor run, all keys for a full
build in one run) and replaces only those documents' rows in its warehouse staging table.
"""

import json

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.partitions import WAREHOUSE_POOL, documents_partitions
from pipeline.defs.resources import PipelinePaths
from pipeline.extract import extract_document
from pipeline.progress import document_done
from pipeline.seeds import SeedError, discover, read_seed
from pipeline.text.clean import clean_text
from pipeline.text.segment import split_sentences, tokenize
from pipeline.warehouse import ensure_staging, fetch_dicts, replace_documents

PER_DOCUMENT = {
    "partitions_def": documents_partitions,
    "backfill_policy": dg.BackfillPolicy.single_run(),
    "kinds": {"python", "duckdb"},
    "pool": WAREHOUSE_POOL,
}


def _rows_for(duckdb: DuckDBResource, table: str, keys: list[str]) -> list[dict]:
    with duckdb.get_connection() as con:
        ensure_staging(con)
        rows = fetch_dicts(
            con, f'SELECT * FROM "{table}" WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id', [keys]
        )
    missing = sorted(set(keys) - {row["doc_id"] for row in rows})
    if missing:
        raise dg.Failure(f"{table} has no rows for {', '.join(missing)}: materialise the upstream partitions first")
    return rows


@dg.asset(
    group_name="raw",
    description="Seed texts as read from seeds/, checksum-verified against the manifest.",
    **PER_DOCUMENT,
)
def raw_documents(
    context: dg.AssetExecutionContext, paths: PipelinePaths, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    seeds = {doc.doc_id: doc for doc in discover(paths.paths.seeds)}
    rows = []
    for key in context.partition_keys:
        if key not in seeds:
            raise SeedError(f"{paths.paths.seeds}: no seed text for document {key!r}")
        document = seeds[key]
        rows.append(
            {
                "doc_id": key,
                "file": document.path.name,
                "sha256": document.sha256,
                "raw_text": read_seed(document),
                "manifest": json.loads(json.dumps(document.entry.__dict__)) if document.entry else None,
            }
        )
        document_done("read", key)
    with duckdb.get_connection() as con:
        ensure_staging(con)
        replace_documents(con, "raw_documents", context.partition_keys, rows)
    return dg.MaterializeResult(metadata={"documents": len(rows)})


@dg.asset(
    group_name="clean",
    deps=[raw_documents],
    description="Cleaned texts: normalised, boilerplate removed.",
    **PER_DOCUMENT,
)
def clean_documents(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    rows = []
    for raw in _rows_for(duckdb, "raw_documents", context.partition_keys):
        cleaned = clean_text(raw["raw_text"])
        if not cleaned.text:
            raise SeedError(f"{raw['file']}: nothing is left of the text after cleaning")
        rows.append(
            {
                "doc_id": raw["doc_id"],
                "sha256": raw["sha256"],
                "text": cleaned.text,
                "notes": list(cleaned.notes),
                "published_date": cleaned.published_date,
                "source": cleaned.source,
            }
        )
        document_done("clean", raw["doc_id"])
    with duckdb.get_connection() as con:
        replace_documents(con, "clean_documents", context.partition_keys, rows)
    return dg.MaterializeResult(metadata={"characters": sum(len(r["text"]) for r in rows)})


@dg.asset(
    group_name="clean",
    deps=[clean_documents],
    description="Sentences and jieba tokens of each cleaned text.",
    **PER_DOCUMENT,
)
def segmented_documents(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    sentence_rows, token_rows = [], []
    for clean in _rows_for(duckdb, "clean_documents", context.partition_keys):
        sentences = split_sentences(clean["text"])
        doc_id = clean["doc_id"]
        sentence_rows += [
            {"doc_id": doc_id, "sentence_no": s.sentence_no, "char_start": s.start, "char_end": s.end, "text": s.text}
            for s in sentences
        ]
        token_rows += [
            {
                "doc_id": doc_id,
                "sentence_no": t.sentence_no,
                "token_no": t.token_no,
                "token": t.token,
                "pos": t.pos,
                "char_start": t.start,
                "char_end": t.end,
            }
            for t in tokenize(clean["text"], sentences)
        ]
        document_done("segment", doc_id)
    with duckdb.get_connection() as con:
        replace_documents(con, "segmented_sentences", context.partition_keys, sentence_rows)
        replace_documents(con, "segmented_tokens", context.partition_keys, token_rows)
    return dg.MaterializeResult(metadata={"sentences": len(sentence_rows), "tokens": len(token_rows)})


@dg.asset(
    group_name="clean",
    deps=[clean_documents],
    description="Meetings, tasks, provincial sections, measures and targets found in each text.",
    **PER_DOCUMENT,
)
def extracted_documents(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    with duckdb.get_connection() as con:
        raw = {
            row["doc_id"]: row
            for row in fetch_dicts(
                con,
                "SELECT doc_id, manifest FROM raw_documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [context.partition_keys],
            )
        }
    rows = []
    for clean in _rows_for(duckdb, "clean_documents", context.partition_keys):
        manifest = json.loads(raw[clean["doc_id"]]["manifest"]) if raw[clean["doc_id"]]["manifest"] else None
        published = (manifest or {}).get("published_date") or clean["published_date"]
        payload = extract_document(clean["text"], kind=(manifest or {}).get("kind"), published=published)
        rows.append({"doc_id": clean["doc_id"], "sha256": clean["sha256"], "payload": payload})
        document_done("extract", clean["doc_id"])
    with duckdb.get_connection() as con:
        replace_documents(con, "document_extracts", context.partition_keys, rows)
    return dg.MaterializeResult(metadata={"documents": len(rows)})
