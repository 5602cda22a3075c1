"""Analysis tables: themes, task_themes, alignments, task_continuity and plan_terms, computed by
pipeline.analysis from the published tasks, plans and tokens tables."""

from collections.abc import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource
from duckdb import DuckDBPyConnection

from pipeline import schema
from pipeline.analysis.settings import ANALYSIS_TABLES
from pipeline.defs.checks import checked, table_check_specs
from pipeline.defs.core import forget_records
from pipeline.warehouse.database import fetch_dicts, write_table

ANALYSIS = {"group_name": "analysis", "kinds": {"duckdb"}}
# The tokens inside some task, sorted by document and offset. A token lies inside a task when some task of its
# document starts at or before it and ends at or after it: the furthest end of the tasks starting at or before
# it (`reach`, the last such start's, found by an ASOF join) is at or after the token's end. Same rows as an
# EXISTS over every task, without comparing each token with each task of its document. One query reads the
# documents from $first to $last (doc_id order): see TOKENS_BATCH_CHARS.
_TOKENS_INSIDE_TASKS = """
WITH reach AS (
    SELECT DISTINCT doc_id, char_start, max(char_end) OVER (
        PARTITION BY doc_id ORDER BY char_start RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS reach
    FROM tasks WHERE doc_id BETWEEN $first AND $last
)
SELECT k.doc_id, k.char_start, k.char_end, k.token, {pos}
FROM tokens k ASOF JOIN reach r ON r.doc_id = k.doc_id AND r.char_start <= k.char_start
WHERE k.char_end <= r.reach AND k.doc_id BETWEEN $first AND $last
ORDER BY 1, 2, 3, 4, 5
"""
# Characters of text (of the documents with tasks) whose tokens one query sorts: DuckDB holds one batch's sorted
# result at a time instead of the corpus's. 10 MB benchmark corpus, 1.0 M tokens inside tasks: one query for all
# raised the process by ~270 MiB, batches of 300,000 characters (12 queries) by ~110 MiB, in less time.
TOKENS_BATCH_CHARS = 300_000
# Characters of text from which the step drops the jieba tokenizer once the analysis is computed
# (pipeline.text.segment.forget_pos_tokenizer: ~110 MiB of dictionary and tag tables that would otherwise stay through
# the package's export and SQLite copy; the search index makes it again, ~0.8 s), as the segmentation stage does for
# a corpus large enough for workers. 10 MB benchmark corpus (3.4 M characters), cold build: the build's process held
# 541 MiB when the package's export began, 511 MiB with the tokenizer dropped (freed objects are not all handed back).
FORGET_TOKENIZER_CHARS = 1_000_000
_DOCUMENTS_WITH_TASKS = """
SELECT t.doc_id, coalesce(length(d.text), 0)
FROM (SELECT DISTINCT doc_id FROM tasks) t LEFT JOIN documents d USING (doc_id)
ORDER BY t.doc_id
"""


def _document_batches(con: DuckDBPyConnection) -> Iterator[tuple[str, str]]:
    """(first, last) doc_id of consecutive runs of the documents with tasks, of about TOKENS_BATCH_CHARS characters
    (one document at least), in doc_id order."""
    first = last = None
    size = 0
    for doc_id, length in con.execute(_DOCUMENTS_WITH_TASKS).fetchall():
        if first is not None and size + length > TOKENS_BATCH_CHARS:
            yield first, last
            first, size = None, 0
        first = doc_id if first is None else first
        last, size = doc_id, size + length
    if first is not None:
        yield first, last


def tokens_inside_tasks(con: DuckDBPyConnection) -> Iterator[tuple[str, int, int, str, str]]:
    """The rows of _TOKENS_INSIDE_TASKS over every document, a batch of documents per query, in the order of one
    query over all (the batches are runs of doc_ids in order, and rows are sorted by doc_id first)."""
    sql = _TOKENS_INSIDE_TASKS.format(pos=_pos_column())
    for first, last in list(_document_batches(con)):
        cursor = con.execute(sql, {"first": first, "last": last})
        while rows := cursor.fetchmany(10_000):
            yield from rows


def forget_tokenizer_of_a_large_corpus(con: DuckDBPyConnection) -> bool:
    """Drop this process's jieba tokenizer and HMM runs (pipeline.text.segment) when the warehouse's documents hold
    at least FORGET_TOKENIZER_CHARS characters; whether it did. No token changes: the next tokenizer is the same."""
    (corpus_chars,) = con.execute("SELECT coalesce(sum(length(text)), 0) FROM documents").fetchone()
    if corpus_chars < FORGET_TOKENIZER_CHARS:
        return False
    from pipeline.text.segment import forget_hmm_runs, forget_pos_tokenizer

    forget_pos_tokenizer()
    forget_hmm_runs()
    return True


def _pos_column() -> str:
    """The part of speech sharpens the terms but is not required (a schema may drop it)."""
    names = {field["name"] for field in schema.table_schema("tokens")["fields"]}
    return "coalesce(k.pos, '')" if "pos" in names else "''"


@dg.multi_asset(
    specs=[dg.AssetSpec(name, deps=["tasks", "plans", "tokens"], **ANALYSIS) for name in ANALYSIS_TABLES],
    description="Themes of every task, national→local alignment, national continuity and plan terms.",
    check_specs=table_check_specs(*ANALYSIS_TABLES),
)
def analysis(duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    # jieba and matplotlib are imported only when the step runs, not by every process that loads the definitions.
    from pipeline.analysis.build import analysis_tables
    from pipeline.analysis.tasks import SortedTokens

    forget_records()  # the core tables are written: their records would only add to this step's memory
    with duckdb.get_connection() as con:
        tasks = fetch_dicts(
            con, "SELECT task_id, plan_id, parent_task_id, title, text, doc_id, char_start, char_end FROM tasks"
        )
        plans = fetch_dicts(con, "SELECT plan_id, level, region_code, work_year FROM plans")
        tokens = SortedTokens(tokens_inside_tasks(con))  # streamed: build_tasks holds one document's rows at a time
        tables = analysis_tables(tasks, plans, tokens)
        forget_tokenizer_of_a_large_corpus(con)
    written = {}
    for name in ANALYSIS_TABLES:
        with duckdb.get_connection() as con:
            written[name] = write_table(con, name, tables[name])
    yield from checked(duckdb, written)
