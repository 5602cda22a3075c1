"""The SQL of the offsets check (pipeline.warehouse.checks.offsets_quote_text), one batch of documents at a time.

A batch is a run of documents in doc_id order holding about BATCH_CHARS characters of text: the query cuts
each document's text into blocks and joins the table's rows to them, so DuckDB holds one batch's texts at a
time and its memory limit (pipeline.settings) bounds the check whatever the size of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

from pipeline.warehouse.database import sql_identifier

# documents.text is cut into blocks of this many characters once per check; a row's quote is
# compared with the few blocks its offsets cover, so the cost per row does not grow with the document.
BLOCK = 64
# Characters of documents.text per batch of the check. A batch's query needed 100-128 MB for 3.4 M characters (the
# 10 MB benchmark corpus, 2026-12-06), within DuckDB's least limit of 256 MB (pipeline.settings); a corpus of one
# batch is checked by the query without any condition, several times faster than by ranges.
BATCH_CHARS = 4_000_000


def document_ranges(con: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, str]]:
    """(first, last) doc_id of each batch of documents, in doc_id order."""
    first = last = None
    size = 0
    for doc_id, length in con.execute("SELECT doc_id, length(text) FROM documents ORDER BY doc_id").fetchall():
        if first is not None and size + length > BATCH_CHARS:
            yield first, last
            first, size = None, 0
        first = doc_id if first is None else first
        last = doc_id
        size += length
    if first is not None:
        yield first, last


def failing_rows_sql(table: str, columns: str, quote: str, label: str, rows_where: str) -> str:
    """(part, label, reason) of the rows of `table` matching `rows_where` whose offsets fail: part 0, offsets
    that are not a span of the document; part 1, spans whose text is not the quote."""
    return f"""
        WITH rows AS (
            SELECT {columns}, t.{sql_identifier(quote)} AS __quote, l.__length
            FROM {sql_identifier(table)} t LEFT JOIN (SELECT doc_id, length(text) AS __length FROM documents) l USING (doc_id)
            {rows_where}
        ),
        blocks AS (
            SELECT doc_id, unnest(parts) AS block, generate_subscripts(parts, 1) - 1 AS block_no
            FROM (SELECT doc_id, regexp_extract_all(text, '(?s).{{1,{BLOCK}}}') AS parts FROM documents
                  WHERE doc_id IN (SELECT doc_id FROM rows))  -- only the documents the table quotes
        ),
        pairs AS (
            SELECT doc_id, block_no,
                   block || coalesce(lead(block) OVER (PARTITION BY doc_id ORDER BY block_no), '') AS span
            FROM blocks
        ),
        valid AS (
            SELECT *, char_start // {BLOCK} AS __first FROM rows
            WHERE __length IS NOT NULL AND char_start >= 0 AND char_end > char_start AND char_end <= __length
        ),
        short AS (
            SELECT v.*, p.span AS __span FROM valid v JOIN pairs p ON p.doc_id = v.doc_id AND p.block_no = v.__first
            WHERE v.char_end <= (v.__first + 2) * {BLOCK}
        ),
        longer AS (  -- numbered, to put each one's blocks back together
            SELECT *, row_number() OVER () AS __row FROM valid WHERE char_end > (__first + 2) * {BLOCK}
        ),
        wanted AS (
            SELECT __row, doc_id, unnest(range(__first, (char_end - 1) // {BLOCK} + 1)) AS block_no FROM longer
        ),
        long AS (
            SELECT v.* EXCLUDE (__row), s.__span FROM longer v JOIN (
                SELECT w.__row, string_agg(b.block, '' ORDER BY w.block_no) AS __span
                FROM wanted w JOIN blocks b USING (doc_id, block_no) GROUP BY w.__row
            ) s USING (__row)
        ),
        found AS (
            SELECT *, substr(__span, char_start - __first * {BLOCK} + 1, char_end - char_start) AS __found
            FROM (SELECT * FROM short UNION ALL SELECT * FROM long)
        )
        SELECT 0 AS part, {label} AS label, CASE
            WHEN t.__length IS NULL THEN 'document ' || coalesce(t.doc_id, 'null') || ' is not in documents'
            WHEN t.char_start IS NULL OR t.char_end IS NULL THEN 'offsets are null'
            ELSE 'offsets [' || t.char_start || ', ' || t.char_end || ') are not a non-empty span of the '
                 || t.__length || ' characters of the document' END AS reason
        FROM rows t WHERE t.__length IS NULL OR t.char_start IS NULL OR t.char_end IS NULL
            OR t.char_start < 0 OR t.char_end <= t.char_start OR t.char_end > t.__length
        UNION ALL
        SELECT 1 AS part, {label} AS label, 'documents.text[' || t.char_start || ':' || t.char_end || '] is '
               || to_json(t.__found) || ' but {quote} is ' || coalesce(to_json(t.__quote), 'null') AS reason
        FROM found t
        WHERE t.__quote IS DISTINCT FROM t.__found"""
