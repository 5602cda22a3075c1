"""Opening a release from anywhere with typed columns: open.sql, load.py, `pipeline open`, and the
metadata a researcher relies on (rights per table, flag vocabularies, Parquet descriptions, region names)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import schema
from pipeline.cli.main import main
from pipeline.text.regions import all_regions
from pipeline.warehouse import checks

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

TABLES = schema.table_names()


@pytest.fixture(scope="module")
def moved(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built release in an unrelated folder whose name has a space and a quote."""
    target = tmp_path_factory.mktemp("elsewhere") / "a user's release"
    shutil.copytree(built, target)
    return target


def _load_module(release: Path):
    spec = importlib.util.spec_from_file_location("release_load", release / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_load_py_is_the_pipeline_loader(built: Path):
    assert (built / "load.py").read_text(encoding="utf-8") == (
        Path(schema.PROJECT_ROOT / "pipeline" / "package" / "loader.py").read_text(encoding="utf-8")
    )


def test_open_sql_works_from_any_folder_and_csv_views_have_the_schema_types(moved: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not the release folder
    con = duckdb.connect()
    con.execute(f"SET VARIABLE release = '{moved.as_posix().replace(chr(39), chr(39) * 2)}'")
    con.execute((moved / "open.sql").read_text(encoding="utf-8"))
    for table in TABLES:
        parquet_types = [row[1] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        csv_types = [row[1] for row in con.execute(f"DESCRIBE {table}_csv").fetchall()]
        assert csv_types == parquet_types == [schema.duckdb_type(table, c) for c in schema.columns(table)], table
        (differing,) = con.execute(
            f"SELECT count(*) FROM ((FROM {table} EXCEPT ALL FROM {table}_csv) "
            f"UNION ALL (FROM {table}_csv EXCEPT ALL FROM {table}))"
        ).fetchone()
        assert differing == 0, table


def test_open_sql_defaults_to_the_current_folder(moved: Path, monkeypatch):
    monkeypatch.chdir(moved)
    con = duckdb.connect()
    con.execute((moved / "open.sql").read_text(encoding="utf-8"))
    assert con.execute("SELECT count(*) FROM regions WHERE code = '430000'").fetchone()[0] == 1


def test_pandas_reads_csv_and_parquet_with_the_same_schema_types(moved: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    load = _load_module(moved)
    for table in TABLES:
        from_csv = load.read_table(table)
        from_parquet = load.read_table(table, source="parquet")
        pd.testing.assert_frame_equal(from_csv, from_parquet)
        assert list(from_csv.columns) == schema.columns(table)
    regions = load.read_table("regions")
    assert regions["code"].dtype == "string" and "430000" in set(regions["code"])
    targets = load.read_table("targets")
    assert str(targets["char_start"].dtype) == "Int64" and str(targets["value"].dtype) == "Float64"
    # the codes join across a CSV table and a Parquet table
    joined = targets.merge(load.read_table("regions", source="parquet"), left_on="province_code", right_on="code")
    assert len(joined) == targets["province_code"].notna().sum()


def test_pandas_keeps_text_that_looks_like_a_missing_value(tmp_path: Path):
    release = tmp_path / "release"
    (release / "data").mkdir(parents=True)
    shutil.copy(schema.PROJECT_ROOT / "pipeline" / "package" / "loader.py", release / "load.py")
    fields = [{"name": "code", "type": "string"}, {"name": "n", "type": "integer"}, {"name": "d", "type": "date"}]
    (release / "datapackage.json").write_text(
        json.dumps({"resources": [{"name": "t", "type": "table", "path": "data/t.csv", "schema": {"fields": fields}}]})
    )
    (release / "data" / "t.csv").write_text("code,n,d\nNA,1,2025-01-02\n007,,\n", encoding="utf-8")
    frame = _load_module(release).read_table("t")
    assert list(frame["code"]) == ["NA", "007"]
    assert frame["n"].isna().tolist() == [False, True] and frame["n"].dtype == "Int64"
    assert str(frame["d"].iloc[0].date()) == "2025-01-02" and pd.isna(frame["d"].iloc[1])


def test_load_py_runs_a_query_from_another_folder(moved: Path, tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(moved / "load.py"), "SELECT code FROM regions WHERE short_name = '湖南'"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "430000" in result.stdout


def test_pipeline_open_prints_commands_that_work(moved: Path, tmp_path: Path, capsys):
    assert main(["open", str(moved), "--print"]) == 0
    printed = capsys.readouterr().out
    assert f"sys.path.insert(0, {str(moved.resolve())!r})" in printed
    from pipeline.cli.opening import shell_command

    executable = shutil.which("duckdb") or str(Path(sys.executable).parent / "duckdb")
    if not Path(executable).exists():
        pytest.skip("no duckdb command installed")
    result = subprocess.run(
        [executable, *shell_command(moved)[1:], "-c", "SELECT count(*) FROM tasks_csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "30" in result.stdout or result.stdout.strip()


def test_parquet_files_describe_every_column(built: Path):
    for table in TABLES:
        metadata = pq.read_schema(built / "data" / f"{table}.parquet").metadata
        assert metadata[b"description"].decode() == schema.table_schema(table)["description"]
        for field in schema.table_schema(table)["fields"]:
            assert metadata[f"description:{field['name']}".encode()].decode() == field["description"]


def test_every_resource_states_its_licence_and_rights(built: Path):
    descriptor = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    licences = {r["name"]: [x["name"] for x in r["licenses"]] for r in descriptor["resources"]}
    assert set(licences) == set(TABLES)
    for table in ("documents", "sentences", "tokens"):
        assert licences[table] == ["LicenseRef-publishers-terms"], table
    assert licences["targets"] == licences["regions"] == ["CC-BY-4.0"]
    rights = {r["name"]: r["rights"] for r in descriptor["resources"]}
    assert "raw_text" in rights["targets"] and "quotes" in rights["targets"]


def test_every_flag_column_lists_its_values_and_the_readme_shows_them(built: Path):
    readme = (built / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        for field in schema.table_schema(table)["fields"]:
            if field["name"] == "flag" or field["name"].endswith("_flag"):
                assert field.get("flagValues"), f"schemas/{table}.schema.json: {field['name']} has no flagValues"
            for value in field.get("flagValues", {}):
                assert f"`{value}`" in readme, (table, value)
            for value in field.get("constraints", {}).get("enum", []):
                assert f"`{value}`" in readme, (table, value)


def test_flag_check_rejects_values_missing_from_the_vocabulary():
    vocabulary = {"no_unit": "x", "<doc_id>_has_<n>_unmatched_tasks": "y"}
    pattern = schema.flag_pattern(vocabulary)
    assert pattern.match("no_unit") and pattern.match("001-report_has_3_unmatched_tasks")
    assert not pattern.match("no_unit_at_all") and not pattern.match("_has_3_unmatched_tasks")
    con = duckdb.connect()
    condition = checks.flag_violation("flag", vocabulary)
    rows = con.execute(
        f"SELECT flag, {condition} FROM (VALUES ('no_unit;002_has_1_unmatched_tasks'), ('no_unit;made_up'), "
        "('nothing')) t(flag) ORDER BY flag"
    ).fetchall()
    assert rows == [("no_unit;002_has_1_unmatched_tasks", False), ("no_unit;made_up", True), ("nothing", True)]


def test_regions_have_english_and_pinyin_names():
    regions = {region.code: region for region in all_regions()}
    assert all(region.name_en and region.name_pinyin for region in regions.values())
    assert (regions["610000"].name_en, regions["610000"].name_pinyin) == ("Shaanxi", "Shǎnxī")
    assert (regions["140000"].name_en, regions["140000"].name_pinyin) == ("Shanxi", "Shānxī")
    assert regions["150000"].name_en == "Inner Mongolia"
    assert (regions["430100"].name_en, regions["430100"].name_pinyin) == ("Changsha", "Chángshā")
    assert regions["610100"].name_en == "Xi'an"


def test_frictionless_reads_codes_as_strings_and_counts_as_integers(built: Path):
    import frictionless

    package = frictionless.Package(str(built / "datapackage.json"))
    regions = package.get_resource("regions").read_rows()
    assert all(isinstance(row["code"], str) and len(row["code"]) == 6 for row in regions)
    plans = package.get_resource("plans").read_rows()
    assert all(isinstance(row["n_tasks"], int) for row in plans)
