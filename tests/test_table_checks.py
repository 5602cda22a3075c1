"""Each table's one asset check (pipeline.defs.checks): every rule of the table with its problems in the
check's metadata; ERROR when a blocking rule fails, WARN when only not_empty fails on a table that depends on
the kinds of text; Dagster blocks what is downstream on ERROR only; the CLI names the failed rule of the table
and its problems."""

from __future__ import annotations

import re
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from pipeline import schema
from pipeline.cli.problems import report_checks
from pipeline.defs.checks import CHECK_NAME, blocking_rules, checked, rules_of, table_check_result, table_check_specs
from pipeline.warehouse.checks import ALWAYS_FILLED, CHECKS, DESCRIPTIONS, checks_of, table_problems

PROVINCE = "INSERT INTO provinces VALUES ('110000', '北京市', '北京', '京')"


def _tables(con: duckdb.DuckDBPyConnection, *tables: str) -> duckdb.DuckDBPyConnection:
    """The tables' DDL without NOT NULL and primary key, so that bad rows can be inserted."""
    for table in tables:
        con.execute(re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", schema.create_table_sql(table).replace(" NOT NULL", "")))
    return con


def _metadata(result: dg.AssetCheckResult) -> dict[str, str]:
    return {key: value.value for key, value in result.metadata.items()}


def test_every_table_has_one_blocking_check_whose_description_names_every_rule():
    from pipeline.definitions import make_definitions

    keys = make_definitions().resolve_asset_graph().asset_check_keys
    assert keys == {dg.AssetCheckKey(dg.AssetKey(table), CHECK_NAME) for table in schema.table_names()}
    for table in schema.table_names():
        [spec] = table_check_specs(table)
        assert (spec.name, spec.asset_key, spec.blocking) == (CHECK_NAME, dg.AssetKey(table), True)
        assert rules_of(table) == ["not_empty", *checks_of(table)]
        for rule in rules_of(table):
            assert f"{rule}: {DESCRIPTIONS[rule]}" in spec.description, (table, rule)
        warning = "not_empty: The table has rows. (a warning: depends on the kinds of text)"
        assert (warning in spec.description) == (table not in ALWAYS_FILLED), table
    assert blocking_rules("tokens") == rules_of("tokens")
    assert blocking_rules("provinces") == checks_of("provinces")


def test_a_table_that_passes_every_rule_says_none_for_each():
    con = _tables(duckdb.connect(), "regions", "provinces")
    con.execute(
        "INSERT INTO regions (code, name, short_name, name_en, name_pinyin, level, province_code) "
        "VALUES ('110000', '北京市', '北京', 'Beijing', 'Beijing', 'province', '110000')"
    )
    con.execute(PROVINCE)
    result = table_check_result(con, "provinces")
    assert (result.passed, result.severity, result.check_name) == (True, dg.AssetCheckSeverity.ERROR, CHECK_NAME)
    assert _metadata(result) == {**{rule: "none" for rule in rules_of("provinces")}, "failed": "none", "warned": "none"}


def test_a_failing_blocking_rule_is_an_error_listing_its_problems_beside_the_other_rules():
    con = _tables(duckdb.connect(), "regions", "provinces")
    con.execute(PROVINCE)  # regions is empty: the foreign key does not resolve
    problems = table_problems(con, "provinces")
    assert problems["foreign_keys_resolve"] and not any(problems[rule] for rule in rules_of("provinces")[:2])
    result = table_check_result(con, "provinces")
    assert (result.passed, result.severity) == (False, dg.AssetCheckSeverity.ERROR)
    metadata = _metadata(result)
    assert metadata["foreign_keys_resolve"] == "\n".join(f"- {p}" for p in problems["foreign_keys_resolve"])
    assert (
        "provinces: row (province_code=110000): province_code = 110000 is not in regions"
        in metadata["foreign_keys_resolve"]
    )
    assert {rule: metadata[rule] for rule in rules_of("provinces") if rule != "foreign_keys_resolve"} == {
        "not_empty": "none",
        "primary_key_unique": "none",
        "values_match_schema": "none",
    }
    assert (metadata["failed"], metadata["warned"]) == ("foreign_keys_resolve", "none")
    con.execute(PROVINCE.replace("京')", "京'), ('12000x', '天津市', '天津', '津')"))  # a duplicate, a bad code
    metadata = _metadata(table_check_result(con, "provinces"))
    assert metadata["failed"] == "primary_key_unique, foreign_keys_resolve, values_match_schema"


def test_an_empty_table_is_a_warning_unless_every_build_fills_it():
    con = _tables(duckdb.connect(), "regions", "provinces", "documents", "sentences", "tokens")
    result = table_check_result(con, "provinces")
    assert (result.passed, result.severity) == (False, dg.AssetCheckSeverity.WARN)
    metadata = _metadata(result)
    assert (metadata["not_empty"], metadata["failed"], metadata["warned"]) == (
        "- provinces: the table is empty",
        "none",
        "not_empty",
    )
    result = table_check_result(con, "tokens")
    assert (result.passed, result.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert (_metadata(result)["failed"], _metadata(result)["warned"]) == ("not_empty", "none")
    # Empty and failing a blocking rule: an error, the emptiness still a warning.
    con.execute("ALTER TABLE provinces ADD COLUMN extra VARCHAR")
    result = table_check_result(con, "provinces")
    assert (result.passed, result.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert (_metadata(result)["failed"], _metadata(result)["warned"]) == ("values_match_schema", "not_empty")


def _run(tmp_path: Path, rows: list[str]) -> dg.ExecuteInProcessResult:
    """A job of the provinces asset, declaring and running the table's check as the pipeline's assets do
    (pipeline.defs.checks), and an asset downstream of it."""

    @dg.asset(name="provinces", check_specs=table_check_specs("provinces"))
    def provinces(duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as con:
            _tables(con, "regions", "provinces")
            for row in rows:
                con.execute(row)
        [result] = checked(duckdb, {"provinces": len(rows)})
        return result

    @dg.asset(deps=["provinces"])
    def downstream() -> None:
        pass

    tmp_path.mkdir()
    job = dg.Definitions(
        assets=[provinces, downstream], resources={"duckdb": DuckDBResource(database=str(tmp_path / "w.duckdb"))}
    ).resolve_implicit_global_asset_job_def()
    return job.execute_in_process(raise_on_error=False)


def _materialised(result: dg.ExecuteInProcessResult) -> set[str]:
    return {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}


@pytest.mark.slow
def test_dagster_blocks_downstream_on_an_error_of_the_check_not_on_a_warning(tmp_path: Path):
    said = []
    warned = _run(tmp_path / "warned", [])  # only not_empty fails: WARN
    assert warned.success and _materialised(warned) == {"provinces", "downstream"}
    [evaluation] = [
        e.asset_check_evaluation_data for e in warned.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert report_checks([warned], said.append) == []
    assert said == ["  warning: provinces not_empty failed (not blocking)"]

    said.clear()
    failed = _run(tmp_path / "failed", [PROVINCE])  # regions is empty: foreign_keys_resolve fails, ERROR
    assert not failed.success and _materialised(failed) == {"provinces"}
    assert report_checks([failed], said.append) == ["provinces.foreign_keys_resolve"]
    assert said == [
        "error: checks failed: provinces.foreign_keys_resolve",
        "  provinces.foreign_keys_resolve:\n"
        "    - provinces: row (province_code=110000): province_code = 110000 is not in regions",
    ]


def test_an_empty_table_is_compared_with_its_columns_only_with_the_problems_of_each_check_run_alone():
    con = _tables(duckdb.connect(), "documents", "plans", "tasks", "regions", "provinces")
    for table in ("tasks", "provinces"):  # a table with a quote column and offsets, one without
        alone = {"not_empty": [f"{table}: the table is empty"]}
        alone |= {name: CHECKS[name](con, table) for name in checks_of(table)}
        assert table_problems(con, table) == alone
        assert not any(problems for name, problems in alone.items() if name != "not_empty")
    # An empty table whose columns differ from the schema still fails values_match_schema.
    con.execute("ALTER TABLE provinces ADD COLUMN extra VARCHAR")
    problems = table_problems(con, "provinces")
    assert problems["values_match_schema"] == ["provinces: column extra is not in the schema"]
    assert problems == {"not_empty": problems["not_empty"]} | {
        name: CHECKS[name](con, "provinces") for name in checks_of("provinces")
    }


def test_an_emptied_table_leaves_no_record_of_the_quotes_it_held():
    con = _tables(duckdb.connect(), "documents", "meetings", "meeting_officials")
    assert table_problems(con, "meeting_officials")["offsets_quote_text"] == []
    con.execute(
        "INSERT INTO _verified_quotes VALUES ('meeting_officials', '001', 0, 2, 'x', 'y', 'r'), "
        "('tasks', '001', 0, 2, 'x', 'y', 'r')"
    )
    table_problems(con, "meeting_officials")  # empty: its record is replaced by none, another table's kept
    assert con.execute("SELECT table_name FROM _verified_quotes").fetchall() == [("tasks",)]
