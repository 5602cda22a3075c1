"""The SQLite copy of a package (pipeline.package.sqlite), its coverage summary and the serve command's
metadata, on a small package written here: one document, its jieba tokens, a plan with three tasks."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import schema
from pipeline.cli.serve import cookbook_queries, metadata
from pipeline.package import coverage, sqlite_reuse
from pipeline.package.release_notes import describe_changes
from pipeline.package.sqlite import _copy_table, row_counts, sqlite_file_name, sqlite_problems, write_sqlite
from pipeline.release.versions import file_changes
from pipeline.text.segment import contained_words, tokenize

TEXT = "一、推进紧密型县域医共体建设。二、发展普惠托育服务。三、加强儿科建设。"
TASKS = [  # (task_id, title, passage): the second title is not part of its text
    ("330000-2025-health-work-t01", "推进紧密型县域医共体建设", "推进紧密型县域医共体建设。"),
    ("330000-2025-health-work-t02", "医共体协同托育", "发展普惠托育服务。"),
    ("330000-2025-health-work-t03", "加强儿科建设", "加强儿科建设。"),
]


def _rows() -> dict[str, list[dict]]:
    tokens = tokenize(TEXT)
    tasks = []
    for ordinal, (task_id, title, passage) in enumerate(TASKS, start=1):
        start = TEXT.index(passage)
        tasks.append(
            {
                "task_id": task_id,
                "plan_id": "330000-2025-health-work",
                "depth": 1,
                "ordinal": ordinal,
                "title": title,
                "text": passage,
                "doc_id": "d1",
                "char_start": start,
                "char_end": start + len(passage),
                "n_children": 0,
                "n_sources": 1,
                "sources_agree": True,
            }
        )
    return {
        "documents": [
            {
                "doc_id": "d1",
                "kind": "work_points",
                "title": "浙江省卫生健康工作要点",
                "text": TEXT,
                "n_chars": len(TEXT),
            }
        ],
        "tokens": [
            {"doc_id": "d1", "sentence_no": t.sentence_no, "token_no": t.token_no, "token": t.token, "pos": t.pos}
            | {"char_start": t.start, "char_end": t.end}
            for t in tokens
        ],
        "provinces": [
            {"province_code": "330000", "name": "浙江省", "short_name": "浙江"},
            {"province_code": "340000", "name": "安徽省", "short_name": "安徽"},
        ],
        "plans": [
            {
                "plan_id": "330000-2025-health-work",
                "level": "provincial",
                "region_code": "330000",
                "issuer": "浙江省卫生健康委",
                "work_year": 2025,
                "n_tasks": 3,
                "n_leaf_tasks": 3,
            }
        ],
        "tasks": tasks,
    }


def _write_package(folder: Path) -> Path:
    (folder / "data").mkdir(parents=True)
    rows = _rows()
    placeholders = {"string": "x", "integer": 0, "number": 0.0, "boolean": False}
    for table in schema.table_names():
        arrow = schema.arrow_schema(table)
        fields = schema.table_schema(table)["fields"]
        table_rows = [
            {  # a required column this test does not look at gets a placeholder of its type
                field["name"]: row.get(field["name"])
                if row.get(field["name"]) is not None or not field.get("constraints", {}).get("required")
                else placeholders[field["type"]]
                for field in fields
            }
            for row in rows.get(table, [])
        ]
        pq.write_table(pa.Table.from_pylist(table_rows, schema=arrow), folder / "data" / f"{table}.parquet")
    return folder


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = _write_package(tmp_path_factory.mktemp("package"))
    write_sqlite(folder)
    return folder


def _search(path: Path, table: str, query: str) -> list[str]:
    key = schema.primary_key(table)[0]
    with sqlite3.connect(path) as con:
        return [
            row[0]
            for row in con.execute(
                f"SELECT {key} FROM {table} WHERE rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?) "
                f"ORDER BY {key}",
                (query,),
            )
        ]


def test_a_word_finds_the_tokens_that_contain_it_and_titles_outside_the_text(package: Path):
    path = package / sqlite_file_name()
    # 医共体 is inside the token 紧密型县域医共体 (task 1) and in task 2's title, which its text does not hold.
    assert _search(path, "tasks", '"医共体"') == [TASKS[0][0], TASKS[1][0]]
    assert _search(path, "tasks", '"托育"') == [TASKS[1][0]]
    assert _search(path, "tasks", '"儿科"') == [TASKS[2][0]]
    assert _search(path, "documents", '"医共体" "儿科"') == ["d1"]  # every term must match
    assert _search(path, "tasks", '"医共体" "儿科"') == []


def test_contained_words_are_dictionary_or_vocabulary_words():
    assert {"县域", "医共体"} <= set(contained_words("紧密型县域医共体"))
    assert "托育" in contained_words("普惠托育服务", {"托育"})
    assert "紧密型县域医共体" not in contained_words("紧密型县域医共体")  # never the token itself


def test_tables_carry_keys_descriptions_and_row_counts(package: Path):
    path = package / sqlite_file_name()
    assert row_counts(path) == {table: len(_rows().get(table, [])) for table in schema.table_names()}
    with sqlite3.connect(path) as con:
        ddl = con.execute("SELECT sql FROM sqlite_schema WHERE name = 'tasks'").fetchone()[0]
        assert schema.table_schema("tasks")["description"].split(".")[0] in ddl
        assert schema.field("tasks", "ordinal")["description"].split(".")[0] in ddl
        references = {row[2] for row in con.execute("PRAGMA foreign_key_list(tasks)")}
        assert {"plans", "tasks", "documents"} <= references
        assert [row[1] for row in con.execute("PRAGMA table_info(tasks)") if row[5]] == ["task_id"]
        described = con.execute("SELECT count(*) FROM _columns WHERE description <> ''").fetchone()[0]
        assert described == sum(len(schema.columns(table)) for table in schema.table_names())
        licences = dict(con.execute("SELECT table_name, licenses FROM _tables").fetchall())
        assert "LicenseRef-publishers-terms" in licences["documents"] and "CC-BY-4.0" in licences["plans"]
        assert con.execute("SELECT sources_agree FROM tasks LIMIT 1").fetchone()[0] == 1  # booleans are 0/1


def test_the_same_tables_give_the_same_bytes(package: Path, tmp_path: Path):
    again = write_sqlite(package, tmp_path / "again.sqlite")
    assert again.read_bytes() == (package / sqlite_file_name()).read_bytes()


def test_rowids_are_1_to_n_in_key_order_and_a_segment_that_does_not_continue_them_keeps_its_own(
    package: Path, tmp_path: Path
):
    with sqlite3.connect(package / sqlite_file_name()) as con:
        for table in ("tokens", "tasks", "documents"):
            key = ", ".join(f'"{name}"' for name in schema.primary_key(table))
            rowids = [row[0] for row in con.execute(f'SELECT rowid FROM "{table}" ORDER BY {key}')]
            assert rowids == list(range(1, len(rowids) + 1)) and rowids, table
    # Rows read from Parquet for rowids 5… into an empty table are numbered from 5, not by SQLite from 1.
    source, target = duckdb.connect(), sqlite3.connect(tmp_path / "gap.sqlite", isolation_level=None)
    try:
        assert _copy_table(source, target, package, "tasks", [sqlite_reuse.Read((), 5)]) == 3
        assert [row[0] for row in target.execute("SELECT rowid FROM tasks ORDER BY task_id")] == [5, 6, 7]
    finally:
        target.close()
        source.close()


def test_sqlite_problems_checks_the_descriptor_entry_and_row_counts(package: Path, tmp_path: Path):
    import hashlib
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(package, folder)
    path = folder / sqlite_file_name()
    entry = {"path": path.name, "hash": f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"}
    entry["bytes"] = path.stat().st_size
    descriptor = {"resources": [{"name": table} for table in schema.table_names()], "sqlite": entry}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert sqlite_problems(folder) == []
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM tasks WHERE task_id = ?", (TASKS[2][0],))
    entry.update(hash=f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}", bytes=path.stat().st_size)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert sqlite_problems(folder) == [f"{path}: table tasks has 2 rows, tasks.parquet 3"]
    (folder / "data" / "tasks.parquet").write_bytes(b"PAR1 not parquet PAR1")  # reported by the Parquet check
    assert sqlite_problems(folder) == []
    path.write_bytes(b"changed")
    assert sqlite_problems(folder) == [f"{path}: sha256 or size differs from datapackage.json"]


def test_coverage_says_what_the_release_holds_and_lacks(package: Path):
    with sqlite3.connect(package / sqlite_file_name()) as con:
        found = coverage.collect(con)
    plans = next(table for table in found.tables if table.title.startswith("Plans"))
    assert plans.rows == [("provincial", 2025, 1, 1, 3, 3, 0)]
    assert "Work year 2025: no provincial plan of 安徽 (1 of 2)." in found.not_covered
    assert any(note.startswith("No plans of level `national`, `municipal`, `county`") for note in found.not_covered)
    text = "\n".join(coverage.markdown(found))
    assert "| provincial | 2025 | 1 | 1 | 3 | 3 | 0 |" in text
    assert "<td>安徽" not in coverage.to_html(found) and "安徽" in coverage.to_html(found)


def test_coverage_counts_plans_without_a_work_year_apart_from_the_years(package: Path, tmp_path: Path):
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes((package / sqlite_file_name()).read_bytes())
    with sqlite3.connect(copy) as con:
        con.execute("CREATE TEMP TABLE copied AS SELECT * FROM plans")
        for number in (2, 3):  # two more plans of 安徽, like the first but without a work year
            con.execute("UPDATE copied SET plan_id = ?, region_code = '340000', work_year = NULL", (f"p{number}",))
            con.execute("INSERT INTO plans SELECT * FROM copied")
        found = coverage.collect(con)
    assert "2 plans without a work year (their work year could not be read)." in found.not_covered
    assert not any(note.startswith("Work year None") for note in found.not_covered)
    assert "Work year 2025: no provincial plan of 安徽 (1 of 2)." in found.not_covered


def test_serve_metadata_describes_every_column_and_turns_the_readme_queries_into_canned_queries(package: Path):
    readme = "```sql\n-- 1. Plans\nSELECT * FROM plans;\n\nSELECT 1;\n-- Trace\nSELECT 2;\n```\n"
    described = metadata(package / sqlite_file_name(), readme)
    database = described["databases"][Path(sqlite_file_name()).stem]
    assert database["tables"]["tasks"]["columns"]["ordinal"] == schema.field("tasks", "ordinal")["description"]
    assert database["tables"]["task_list"]["facets"][:3] == ["level", "region", "work_year"]
    titles = [query["title"] for name, query in database["queries"].items() if name.startswith("example_")]
    assert titles == ["1. Plans", "1. Plans (continued)", "Trace"]
    assert {"plan", "task"} <= set(database["queries"])
    assert "What this release covers" in described["description_html"]


def test_cookbook_queries_split_blocks_at_semicolons():
    assert cookbook_queries("text\n```sql\n-- a\nSELECT 1\nFROM x;\n```\n```sh\nls\n```") == [("a", "SELECT 1\nFROM x")]


def test_a_new_sqlite_copy_is_a_minor_change_and_said_in_words():
    entry = {"path": "p.sqlite", "hash": "sha256:1"}
    assert file_changes({}, {"sqlite": entry}) == [("minor", "file p.sqlite added")]
    assert file_changes({"sqlite": entry}, {}) == [("major", "file p.sqlite removed")]
    assert file_changes({"sqlite": entry}, {"sqlite": {**entry, "hash": "sha256:2"}}) == [
        ("patch", "bytes of p.sqlite changed")
    ]
    assert file_changes({"sqlite": entry}, {"sqlite": entry}) == []
    changes = {"bump": "minor", "reasons": [{"level": "minor", "change": "file p.sqlite added"}], "tables": {}}
    assert describe_changes(changes) == "Adds the file `p.sqlite`."
