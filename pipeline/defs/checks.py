"""Blocking asset checks on every published table, generated from schemas/ (no per-table code)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline import schema
from pipeline.checks import ALWAYS_FILLED, emptiness_problem, integrity_problems, schema_problems


def _result(problems: list[str], severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not problems,
        severity=severity,
        metadata={"problems": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems) or "none")},
    )


def table_checks(table: str) -> list[dg.AssetChecksDefinition]:
    @dg.asset_check(
        asset=table,
        name="integrity",
        blocking=True,
        description="Not empty; keys unique; foreign keys resolve; offsets quote documents.text.",
    )
    def integrity(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            return _result(integrity_problems(con, table))

    @dg.asset_check(
        asset=table,
        name="matches_schema",
        blocking=True,
        description=f"Frictionless validation against schemas/{table}.schema.json.",
    )
    def matches_schema(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            return _result(schema_problems(con, table))

    checks = [integrity, matches_schema]
    if table not in ALWAYS_FILLED:

        @dg.asset_check(asset=table, name="not_empty", description="Warns when the texts yield no row for this table.")
        def not_empty(duckdb: DuckDBResource) -> dg.AssetCheckResult:
            with duckdb.get_connection() as con:
                problem = emptiness_problem(con, table)
            return _result([problem] if problem else [], dg.AssetCheckSeverity.WARN)

        checks.append(not_empty)
    return checks


all_table_checks = [check for table in schema.table_names() for check in table_checks(table)]
