"""Asset checks on every published table, generated from schemas/ (no per-table code).

One check step per table runs the table's SQL checks (pipeline.warehouse.checks), each reported under its own
name: primary_key_unique, foreign_keys_resolve, values_match_schema, offsets_quote_text (blocking),
and not_empty (blocking for tables every build fills, a warning otherwise).
"""

from collections.abc import Iterator

import dagster as dg

from pipeline import schema
from pipeline.defs.resources import Warehouse
from pipeline.warehouse.checks import ALWAYS_FILLED, DESCRIPTIONS, checks_of, table_problems


def _metadata(problems: list[str]) -> dict[str, dg.MetadataValue]:
    return {"problems": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems) or "none")}


def table_checks(table: str) -> dg.AssetChecksDefinition:
    always = table in ALWAYS_FILLED
    specs = [
        dg.AssetCheckSpec(
            "not_empty",
            asset=table,
            blocking=always,
            description=DESCRIPTIONS["not_empty"] + ("" if always else " (a warning: depends on the kinds of text)"),
        ),
        *(
            dg.AssetCheckSpec(name, asset=table, blocking=True, description=DESCRIPTIONS[name])
            for name in checks_of(table)
        ),
    ]

    @dg.multi_asset_check(specs=specs, name=f"{table}_checks")
    def checks(duckdb: Warehouse) -> Iterator[dg.AssetCheckResult]:
        with duckdb.get_connection() as con:
            results = table_problems(con, table)
        for name, problems in results.items():
            severity = dg.AssetCheckSeverity.ERROR if always or name != "not_empty" else dg.AssetCheckSeverity.WARN
            yield dg.AssetCheckResult(
                asset_key=table, check_name=name, passed=not problems, severity=severity, metadata=_metadata(problems)
            )

    return checks


all_table_checks = [table_checks(table) for table in schema.table_names()]
