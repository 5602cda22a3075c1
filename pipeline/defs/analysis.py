"""Analysis tables: themes, task_themes, alignments, task_continuity and plan_terms, computed by
pipeline.analysis from the published tasks, plans and tokens tables."""

from collections.abc import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.analysis.settings import ANALYSIS_TABLES
from pipeline.defs.checks import checked, table_check_specs
from pipeline.documents.stages import forget_records
from pipeline.warehouse.database import fetch_dicts, stream_dicts, write_table

ANALYSIS = {"group_name": "analysis", "kinds": {"duckdb"}}


@dg.multi_asset(
    specs=[dg.AssetSpec(name, deps=["tasks", "plans", "tokens"], **ANALYSIS) for name in ANALYSIS_TABLES],
    description="Themes of every task, national→local alignment, national continuity and plan terms.",
    check_specs=table_check_specs(*ANALYSIS_TABLES),
)
def analysis(duckdb: DuckDBResource) -> Iterator[dg.MaterializeResult]:
    # jieba and matplotlib are imported only when the step runs, not by every process that loads the definitions.
    from pipeline.analysis.build import analysis_tables

    forget_records()  # the core tables are written: their records would only add to this step's memory
    with duckdb.get_connection() as con:
        tasks = fetch_dicts(
            con, "SELECT task_id, plan_id, parent_task_id, title, text, doc_id, char_start, char_end FROM tasks"
        )
        plans = fetch_dicts(con, "SELECT plan_id, level, region_code, work_year FROM plans")
        # Only the tokens inside some task, streamed; SELECT k.*: the part of speech sharpens the terms but
        # is not required (a schema may drop it).
        tokens = stream_dicts(
            con,
            "SELECT k.* FROM tokens k WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.doc_id = k.doc_id "
            "AND k.char_start >= t.char_start AND k.char_end <= t.char_end)",
        )
        tables = analysis_tables(tasks, plans, tokens)
    written = {}
    for name in ANALYSIS_TABLES:
        with duckdb.get_connection() as con:
            written[name] = write_table(con, name, tables[name])
    yield from checked(duckdb, written)
