"""One asset check per published table, generated from schemas/ (no per-table code).

Each table's check, `valid`, is declared on the asset that writes it (`check_specs`) and runs in that asset's
step, right after its tables are written. It applies every rule of the table (pipeline.warehouse.checks):
not_empty, primary_key_unique, foreign_keys_resolve, values_match_schema and offsets_quote_text, and its
metadata lists each rule with its problems ("none" when it passes), then the rules that `failed` (blocking)
and those that only `warned`. Its severity is ERROR when a blocking rule fails: every rule but not_empty, and
not_empty too on a table every build fills; WARN when only not_empty fails on a table that depends on the
kinds of text. The check is blocking, and Dagster blocks only on ERROR: a failing ERROR fails the step, so
nothing downstream of the table runs. (Until session 9 each rule was a check of its own: 102 check specs,
three stored events each per run; until session 7 each table also had a check step of its own.)
"""

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import table_metadata
from pipeline.warehouse.checks import ALWAYS_FILLED, DESCRIPTIONS, checks_of, table_problems

# The name of each table's one check.
CHECK_NAME = "valid"


def rules_of(table: str) -> list[str]:
    """Every rule the table's check applies, not_empty first."""
    return ["not_empty", *checks_of(table)]


def blocking_rules(table: str) -> list[str]:
    """The rules whose failure fails the table's check with ERROR severity (and so blocks downstream)."""
    return [rule for rule in rules_of(table) if rule != "not_empty" or table in ALWAYS_FILLED]


def _description(table: str) -> str:
    rules = "; ".join(
        f"{rule}: {DESCRIPTIONS[rule]}"
        + ("" if rule in blocking_rules(table) else " (a warning: depends on the kinds of text)")
        for rule in rules_of(table)
    )
    return f"Every rule of the table, each with its problems in the metadata. {rules}"


def table_check_specs(*tables: str) -> list[dg.AssetCheckSpec]:
    """The check of each table, to declare on the asset that writes it."""
    return [
        dg.AssetCheckSpec(CHECK_NAME, asset=table, blocking=True, description=_description(table)) for table in tables
    ]


def _listed(names: list[str]) -> dg.MetadataValue:
    return dg.MetadataValue.text(", ".join(names) or "none")


def table_check_result(con: duckdb.DuckDBPyConnection, table: str) -> dg.AssetCheckResult:
    """The result of the table's check (table_check_specs), once the table is written."""
    problems = table_problems(con, table)
    failed = [rule for rule in blocking_rules(table) if problems[rule]]
    warned = [rule for rule in rules_of(table) if problems[rule] and rule not in failed]
    metadata = {
        rule: dg.MetadataValue.md("\n".join(f"- {p}" for p in problems[rule]) or "none") for rule in rules_of(table)
    }
    return dg.AssetCheckResult(
        asset_key=table,
        check_name=CHECK_NAME,
        passed=not failed and not warned,
        severity=dg.AssetCheckSeverity.WARN if warned and not failed else dg.AssetCheckSeverity.ERROR,
        metadata={**metadata, "failed": _listed(failed), "warned": _listed(warned)},
    )


def checked(duckdb: DuckDBResource, written: dict[str, int]) -> list[dg.MaterializeResult]:
    """A materialisation of each table just written ({table: rows}), carrying its check result: the checks
    run once every table of the step is written, so that a foreign key may point at a table of the same step."""
    with duckdb.get_connection() as con:
        return [
            dg.MaterializeResult(
                asset_key=table, metadata=table_metadata(rows), check_results=[table_check_result(con, table)]
            )
            for table, rows in written.items()
        ]
