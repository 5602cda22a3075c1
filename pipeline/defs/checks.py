"""Asset checks on every published table, generated from schemas/ (no per-table code).

Each table's checks are declared on the asset that writes it (`check_specs`) and run in that asset's step, right
after its tables are written: the table's SQL checks (pipeline.warehouse.checks), each reported under its own
name: primary_key_unique, foreign_keys_resolve, values_match_schema, offsets_quote_text (blocking),
and not_empty (blocking for tables every build fills, a warning otherwise). A failing blocking check fails the
step, so nothing downstream of the table runs. (Until session 7 each table had a check step of its own: 24 more
steps per run, which cost more than the rest of a small build.)
"""

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import table_metadata
from pipeline.warehouse.checks import ALWAYS_FILLED, DESCRIPTIONS, checks_of, table_problems


def _metadata(problems: list[str]) -> dict[str, dg.MetadataValue]:
    return {"problems": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems) or "none")}


def table_check_specs(*tables: str) -> list[dg.AssetCheckSpec]:
    """The checks of each table, to declare on the asset that writes it."""
    specs = []
    for table in tables:
        always = table in ALWAYS_FILLED
        specs.append(
            dg.AssetCheckSpec(
                "not_empty",
                asset=table,
                blocking=always,
                description=DESCRIPTIONS["not_empty"] + ("" if always else " (a warning: depends on the kinds of text)"),
            )
        )
        specs += [
            dg.AssetCheckSpec(name, asset=table, blocking=True, description=DESCRIPTIONS[name])
            for name in checks_of(table)
        ]
    return specs


def table_check_results(con: duckdb.DuckDBPyConnection, table: str) -> list[dg.AssetCheckResult]:
    """The results of every check of one table (table_check_specs), once it is written."""
    always = table in ALWAYS_FILLED
    return [
        dg.AssetCheckResult(
            asset_key=table,
            check_name=name,
            passed=not problems,
            severity=dg.AssetCheckSeverity.ERROR if always or name != "not_empty" else dg.AssetCheckSeverity.WARN,
            metadata=_metadata(problems),
        )
        for name, problems in table_problems(con, table).items()
    ]


def checked(duckdb: DuckDBResource, written: dict[str, int]) -> list[dg.MaterializeResult]:
    """A materialisation of each table just written ({table: rows}), carrying its check results: the checks
    run once every table of the step is written, so that a foreign key may point at a table of the same step."""
    with duckdb.get_connection() as con:
        return [
            dg.MaterializeResult(
                asset_key=table, metadata=table_metadata(rows), check_results=table_check_results(con, table)
            )
            for table, rows in written.items()
        ]
