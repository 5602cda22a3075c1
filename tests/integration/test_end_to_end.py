"""End to end: build the seeds into a temporary folder, validate with Frictionless, query with DuckDB."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import duckdb
import frictionless
import pytest

from pipeline import schema
from pipeline.cli.main import main
from pipeline.package.sqlite import sqlite_file_name, write_sqlite
from pipeline.package.validation import validate_package
from pipeline.release.folders import latest_release
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

TABLES = schema.table_names()


@pytest.fixture(scope="module")
def con(built: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    for table in TABLES:
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{built}/data/{table}.parquet')")
    return connection


def test_package_is_valid_under_frictionless(built: Path):
    report = frictionless.Package(str(built / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])[:5]
    assert validate_package(built) == []


def test_every_table_is_present_in_csv_and_parquet_with_its_columns_and_rows(built: Path, con):
    for table in TABLES:
        csv_columns = (built / "data" / f"{table}.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        assert csv_columns == schema.columns(table)
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


def test_required_columns_of_the_issue_exist():
    required = {
        "documents": "doc_id kind title published_date source sha256 text",
        "plans": "plan_id level region_code issuer work_year title headline n_tasks primary_doc_id flag",
        "plan_sources": "plan_id doc_id genre is_primary char_start char_end",
        "meetings": "meeting_id plan_id level work_year start_date end_date location lead_official n_tasks",
        "tasks": "task_id plan_id parent_task_id depth ordinal marker title text doc_id char_start char_end "
        "marker_issue flag",
        "task_sources": "task_id doc_id similarity agreement char_start char_end",
        "provinces": "province_code name short_name",
        "commentary": "commentary_id task_id plan_id doc_id text char_start char_end",
        "targets": "target_id level province_code plan_id task_id year deadline_year indicator value value_max unit "
        "per_unit comparator is_change quoted_from raw_text doc_id char_start char_end",
        "tokens": "doc_id sentence_no token_no token char_start char_end",
        "programmes": "programme_id plan_id task_id name n_parts quoted_from doc_id char_start char_end flag",
    }
    for table, names in required.items():
        assert set(names.split()) <= set(schema.columns(table)), table


@pytest.mark.parametrize(
    "table,column",
    [
        ("tasks", "text"),
        ("task_sources", "NULL"),
        ("commentary", "text"),
        ("targets", "raw_text"),
        ("programmes", "name"),
        ("tokens", "token"),
        ("sentences", "text"),
        ("meeting_sections", "text"),
    ],
)
def test_offsets_reproduce_the_text_of_every_row(con, table, column):
    texts = dict(con.execute("SELECT doc_id, text FROM documents").fetchall())
    rows = con.execute(f"SELECT doc_id, char_start, char_end, {column} FROM {table}").fetchall()
    assert rows
    for doc_id, start, end, value in rows:
        assert 0 <= start <= end <= len(texts[doc_id])
        if value is not None:
            assert texts[doc_id][start:end] == value


def test_plan_source_offsets_and_openings_reproduce_their_text(con):
    texts = dict(con.execute("SELECT doc_id, text FROM documents").fetchall())
    rows = con.execute("SELECT doc_id, char_start, char_end, opening, opening_start, opening_end FROM plan_sources")
    for doc_id, start, end, opening, opening_start, opening_end in rows.fetchall():
        assert 0 <= start < end <= len(texts[doc_id])
        if opening_start is not None:
            assert start <= opening_start <= opening_end <= end
            assert texts[doc_id][opening_start:opening_end] == (opening or "")


def test_seed_plans_national_and_provincial(con):
    national = con.execute(
        "SELECT work_year, n_tasks, issuer FROM plans WHERE level = 'national' ORDER BY work_year"
    ).fetchall()
    assert [(year, n) for year, n, _ in national] == [(2024, 9), (2025, 10), (2026, 11)]
    assert {issuer for *_, issuer in national} == {"国家卫生健康委"}
    top = con.execute(
        "SELECT plan_id, list(ordinal ORDER BY task_id) FROM tasks WHERE depth = 1 AND plan_id LIKE 'cn-%' GROUP BY 1"
    ).fetchall()
    assert all(ordinals == list(range(1, len(ordinals) + 1)) for _, ordinals in top)
    issues = con.execute(
        "SELECT count(*) FROM tasks WHERE plan_id = 'cn-2026-health-work' AND marker_issue IS NOT NULL"
    ).fetchone()[0]
    assert issues > 0
    provincial = con.execute(
        "SELECT count(*), count(DISTINCT region_code) FROM plans WHERE level = 'provincial'"
    ).fetchone()
    assert provincial == (32, 32)
    assert con.execute("SELECT count(*) FROM provinces").fetchone()[0] == 32
    leaves = con.execute(
        "SELECT count(*) FROM tasks t JOIN plans p USING (plan_id) WHERE p.level = 'provincial' AND t.n_children = 0"
    ).fetchone()[0]
    assert leaves == 212
    orphans = con.execute(
        "SELECT count(*) FROM tasks c LEFT JOIN tasks p ON p.task_id = c.parent_task_id "
        "WHERE c.parent_task_id IS NOT NULL AND (p.task_id IS NULL OR p.depth <> c.depth - 1)"
    ).fetchone()[0]
    assert orphans == 0


def test_seed_targets_are_commitments_and_programme_counts_are_programmes(con):
    # No target overlaps a programme's name: a number in a programme's name is never a target.
    overlaps = con.execute(
        "SELECT t.target_id, p.name FROM targets t JOIN programmes p USING (doc_id) "
        "WHERE t.char_start < p.char_end AND p.char_start < t.char_end"
    ).fetchall()
    assert overlaps == []
    counted = dict(con.execute("SELECT name, n_parts FROM programmes WHERE n_parts IS NOT NULL").fetchall())
    assert {
        "健康广东18项专项行动": 18,
        "母婴安全五项制度": 5,
        "三项民生工程": 3,
        "8项为民服务实事": 8,
    }.items() <= counted.items()
    levels = con.execute("SELECT DISTINCT level FROM programmes WHERE name = '8项为民服务实事'").fetchall()
    assert ("national",) in levels  # the national plan's package (a province may name it too)
    # Every target is a level, a change or a count of things, with what it measures.
    rows = con.execute("SELECT kind, indicator FROM targets").fetchall()
    assert rows and all(kind in ("level", "change", "count") and indicator for kind, indicator in rows)
    assert con.execute("SELECT count(*) FROM targets WHERE task_id IS NULL").fetchone()[0] == 0


def test_csv_rows_are_sorted_by_primary_key(built: Path):
    connection = duckdb.connect()
    for table in TABLES:
        key = schema.order_by(table)
        path = built / "data" / f"{table}.csv"
        unsorted = connection.execute(
            f"SELECT count(*) FROM (SELECT row_number() OVER () AS n, row_number() OVER (ORDER BY {key}) AS m "
            f"FROM read_csv('{path}', header = true, types = {json.dumps(_types(table))})) WHERE n <> m"
        ).fetchone()[0]
        assert unsorted == 0, table


def _types(table: str) -> dict[str, str]:
    return {column: schema.duckdb_type(table, column) for column in schema.columns(table)}


def test_open_sql_opens_the_release_in_duckdb(built: Path):
    connection = duckdb.connect()
    connection.execute(f"SET VARIABLE release = '{built}'")
    connection.execute((built / "open.sql").read_text(encoding="utf-8"))
    titles = connection.execute(
        "SELECT t.title FROM tasks t JOIN meetings m USING (plan_id) WHERE m.work_year = 2025 ORDER BY t.ordinal"
    ).fetchall()
    assert len(titles) == 10


def test_descriptor_records_sha256_and_bytes_of_every_file(built: Path):
    from pipeline.package.checksums import sha256_file

    descriptor = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "china-health-work-plans" and descriptor["version"]
    for resource in descriptor["resources"]:
        for entry in (resource, resource["parquet"]):
            path = built / entry["path"]
            assert entry["hash"] == f"sha256:{sha256_file(path)}"
            assert entry["bytes"] == path.stat().st_size


def test_release_readme_documents_every_column(built: Path):
    readme = (built / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"### {table}" in readme
        for column in schema.columns(table):
            assert f"`{column}`" in readme, (table, column)


def test_build_is_byte_identical_to_the_latest_release(built: Path):
    """Reproducibility: the committed release must equal a rebuild from seeds/ (run `make publish` if not),
    except the tables and files listed in tests/data/unreleased_tables.toml, changed on purpose since the release."""
    release = latest_release(ROOT / "datasets" / "china-health-work-plans")
    if release is None:
        pytest.fail("no release in datasets/: run `make publish` and commit the release")
    declared = tomllib.loads((ROOT / "tests" / "data" / "unreleased_tables.toml").read_text("utf-8"))
    unreleased = declared["tables"]
    assert set(unreleased) <= set(TABLES), "tests/data/unreleased_tables.toml names a table the package has not"
    for table in TABLES:
        same = [
            (release / "data" / f"{table}.{suffix}").is_file()  # a table new since the release differs
            and (built / "data" / f"{table}.{suffix}").read_bytes()
            == (release / "data" / f"{table}.{suffix}").read_bytes()
            for suffix in ("csv", "parquet")
        ]
        if table in unreleased:
            assert not all(same), (
                f"{table} equals {release.name} again: remove it from tests/data/unreleased_tables.toml"
            )
            continue
        assert all(same), (
            f"{release.name}/data/{table} is stale: the code or seeds changed since it was published; "
            "run `make publish` and commit the new release, or list the table in tests/data/unreleased_tables.toml"
        )
    # Files beside the tables (the SQLite copy): equal to the release's, or declared under [files].
    unreleased_files = declared.get("files", {})
    for name in [sqlite_file_name()]:
        built_file, released_file = built / name, release / name
        if name in unreleased_files:
            assert not released_file.exists() or released_file.read_bytes() != built_file.read_bytes(), (
                f"{name} equals {release.name}'s again: remove it from [files] of tests/data/unreleased_tables.toml"
            )
            continue
        assert released_file.exists() and released_file.read_bytes() == built_file.read_bytes(), (
            f"{release.name}/{name} is stale or missing: publish a new release, or list it under [files] "
            "in tests/data/unreleased_tables.toml"
        )


def test_sqlite_copy_is_rebuilt_byte_identical_from_the_same_tables(built: Path, tmp_path: Path):
    """The SQLite copy is a function of the package's Parquet files: written again, twice, it is the same bytes
    as the build's (whatever the release holds: see the test above)."""
    first, second = write_sqlite(built, tmp_path / "first.sqlite"), write_sqlite(built, tmp_path / "second.sqlite")
    assert first.read_bytes() == second.read_bytes() == (built / sqlite_file_name()).read_bytes()


def test_build_works_on_texts_without_a_manifest(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, seeds / path.name)
    out = tmp_path / "out"
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--datasets", str(tmp_path / "ds")]) == 0
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT doc_id, kind, metadata_origin, title, published_date FROM read_parquet('{out}/package/data/documents.parquet') ORDER BY doc_id"
    ).fetchall()
    assert {row[2] for row in rows} == {"inferred"}
    kinds = {row[0][:3]: row[1] for row in rows}
    assert kinds["003"] == "provincial_plan_roundup"
    assert kinds["000"] == "national_conference_report"
    assert kinds["001"] == "conference_commentary"
    assert all(row[3] for row in rows)  # a title is inferred for every text
    assert not (tmp_path / "ds").exists()
