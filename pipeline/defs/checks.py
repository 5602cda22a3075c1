"""Blocking asset checks on every published table, generated from schemas/ (no per-table code)."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline import schema
from pipeline.checks import integrity_problems, schema_problems


def _result(problems: list[str]) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not problems,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"problems": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems) or "none")},
    )


def table_checks(table: str) -> list[dg.AssetChecksDefinition]:
    @dg.asset_check(asset=table, name="integrity", blocking=True, description="Not empty; keys unique; foreign keys resolve; offsets quote documents.text.")
    def integrity(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            return _result(integrity_problems(con, table))

    @dg.asset_check(asset=table, name="matches_schema", blocking=True, description=f"Frictionless validation against schemas/{table}.schema.json.")
    def matches_schema(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            return _result(schema_problems(con, table))

    return [integrity, matches_schema]


all_table_checks = [check for table in schema.table_names() for check in table_checks(table)]
