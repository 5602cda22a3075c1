"""Hostile input, round 2 (issue 25) through the CLI: one publish of one seed text plus a conference report whose
years are misprinted (1925 for 2025), shared by the tests of that report; the release files of a publish of
one seed text, damaged in copies, for `validate` and `publish` (what they check does not depend on the size of
the release; validating the seeds' release seven times cost a minute). Pure-function cases are in
tests/test_hostile_input_round2.py."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline import schema
from pipeline.cli.main import main
from tests.conftest import made_once

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

PACKAGE = "china-health-work-plans"
BAD = "misprinted_year"
# A municipal conference report whose years are misprinted (1925 for 2025). Its plan's work year is before
# 1949, which the plans table refuses (minimum): before issue 25 such a row stopped every build. (Until
# issue 22 the construct was an empty list item, 二是；, read with an empty title; the meeting parser now
# leaves a bare item out.) If the parsers come to read this text whole, give it another row-breaking construct.
BAD_REPORT = (
    "1925年全市卫生健康工作会议召开\n2月5日，1925年全市卫生健康工作会议在株洲召开。会议总结1924年工作，"
    "部署1925年重点工作。市卫生健康委主任李四作工作报告。\n"
    "会议强调，一是加强基层医疗卫生服务能力建设；二是完善家庭医生签约服务；三是深化公立医院改革。\n"
)


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, one_seed_release: Path) -> Path:
    """The seeds of conftest.one_seed_release (one seed text and its manifest row) plus BAD_REPORT (no manifest
    row), published once per session; the CLI's words in cli.txt. One text beside the bad one shows that the
    others' rows are published unchanged as well as the five seeds did, for a third of the build."""

    def publish(folder: Path) -> None:
        seeds = folder / "seeds"
        shutil.copytree(one_seed_release / "seeds", seeds)
        (seeds / f"{BAD}.txt").write_text(BAD_REPORT, encoding="utf-8")
        code, said = _run(["publish", *_args(folder)])
        (folder / "cli.txt").write_text(said, encoding="utf-8")
        assert code == 0, said

    return made_once(tmp_path_factory, "round2", publish)


@pytest.fixture
def small(one_seed_release: Path) -> Path:
    """One seed text published once per session (conftest.one_seed_release: seeds/, build/, datasets/ and
    CITATION.cff beside it): the release whose files the damage tests break in copies."""
    return one_seed_release


def _args(folder: Path, datasets: Path | None = None) -> list[str]:
    return ["--seeds", str(folder / "seeds"), "--out", str(folder / "out"), "--datasets", str(datasets or folder / "ds")]


def _rows(path: Path, table: str, skip_doc: str | None = None) -> list[tuple]:
    columns = schema.columns(table)
    where = f" WHERE doc_id IS DISTINCT FROM '{skip_doc}'" if skip_doc and "doc_id" in columns else ""
    order = ", ".join(f'"{c}"' for c in columns)
    sql = f"SELECT * FROM read_parquet(?){where} ORDER BY {order}"
    return duckdb.connect().execute(sql, [str(path / "data" / f"{table}.parquet")]).fetchall()


def test_the_seeds_data_is_published_unchanged_and_the_bad_text_is_a_flagged_document(published: Path, small: Path):
    release = published / "ds" / PACKAGE / "1.0.0"
    for table in schema.table_names():  # the other text's rows are those of its release without the bad text
        assert _rows(release, table, skip_doc=BAD) == _rows(small / "build" / "package", table), table
    con = duckdb.connect()
    kind, flag, text = con.execute(
        "SELECT kind, flag, text FROM read_parquet(?) WHERE doc_id = ?", [str(release / "data/documents.parquet"), BAD]
    ).fetchone()
    assert kind == "municipal_conference_report" and "1925年" in text
    assert flag.startswith("rows_refused:") and "plans.work_year" in flag and "minimum 1949" in flag
    for table in ("plan_sources", "tasks", "meeting_sources", "targets"):
        assert not con.execute(
            "SELECT count(*) FROM read_parquet(?) WHERE doc_id = ?", [str(release / f"data/{table}.parquet"), BAD]
        ).fetchone()[0], table


def test_the_cli_ends_with_a_warning_naming_the_file_and_the_problem(published: Path):
    said = (published / "cli.txt").read_text(encoding="utf-8")
    warning = [line for line in said.splitlines() if line.startswith("warning:") and f"{BAD}.txt" in line]
    assert warning and str(published / "seeds" / f"{BAD}.txt") in warning[0] and "plans.work_year" in warning[0]
    assert said.rstrip().splitlines()[-1] == warning[-1]
    assert "Traceback" not in said


def test_strict_fails_naming_the_document_and_publishes_nothing(published: Path, tmp_path: Path):
    shutil.copytree(published / "ds", tmp_path / "ds")
    shutil.copytree(published / "out", tmp_path / "out")
    shutil.copytree(published / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "another.txt").write_text(BAD_REPORT.replace("株洲", "湘潭"), encoding="utf-8")
    code, said = _run(["publish", "--strict", *_args(tmp_path)])
    assert code == 1, said
    assert f"{BAD}.txt" in said and "another.txt" in said and "strict" in said and "Traceback" not in said
    assert sorted(p.name for p in (tmp_path / "ds" / PACKAGE).iterdir() if p.name[0].isdigit()) == ["1.0.0"]
    # The same package, built before: --strict refuses it without a run.
    code, said = _run(["build", "--strict", *_args(published, datasets=tmp_path / "ds")])
    assert code == 1 and f"error: {published / 'seeds' / BAD}.txt: " in said


def _damaged(release: Path, tmp_path: Path, damage) -> Path:  # noqa: ANN001 - a function of the package folder
    datasets = tmp_path / "ds"
    shutil.copytree(release / "datasets", datasets)
    shutil.copy(release / "CITATION.cff", tmp_path / "CITATION.cff")  # beside datasets/, as in the repository
    damage(datasets / PACKAGE)
    return datasets


def _write(relative: str, content: str):  # noqa: ANN202
    return lambda releases: (releases / relative).write_text(content, encoding="utf-8")


def _drop_catalog_version(releases: Path) -> None:
    catalog = json.loads((releases.parent / "catalog.json").read_text(encoding="utf-8"))
    del catalog["packages"][0]["versions"][0]["version"]
    (releases.parent / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")


def _cut_csv(releases: Path) -> None:
    path = releases / "1.0.0" / "data" / "documents.csv"
    data = path.read_bytes()
    path.write_bytes(data[: data.index("卫".encode()) + 1])


def _folder_line_and_edited_sql(releases: Path) -> None:
    with (releases / "1.0.0" / "SHA256SUMS").open("a", encoding="utf-8") as handle:
        handle.write(f"{'0' * 64}  data\n")
    with (releases / "1.0.0" / "open.sql").open("a", encoding="utf-8") as handle:
        handle.write("-- edited\n")


@pytest.mark.parametrize(
    ("damage", "blamed", "words"),
    [
        (_write("1.0.0/datapackage.json", "[]"), "1.0.0/datapackage.json", "holds a list, not an object"),
        (_write("1.0.0/changes.json", "[]"), "1.0.0/changes.json", "holds a list, not an object"),
        (_write("1.0.0/changes.json", "null"), "1.0.0/changes.json", "holds null, not an object"),
        (_write("../catalog.json", "[]"), "../catalog.json", "holds a list"),
        (_drop_catalog_version, "../catalog.json", "has no 'version'"),
        (_cut_csv, "1.0.0/data/documents.csv", "cut off in the middle of a character"),
        (_folder_line_and_edited_sql, "1.0.0/SHA256SUMS", "names data, a folder"),
    ],
    ids=["datapackage-list", "changes-list", "changes-null", "catalog-list", "catalog-entry-without-version",
         "csv-cut-mid-character", "checksum-line-naming-a-folder"],
)  # fmt: skip
def test_validate_names_each_damaged_file_and_goes_on(small: Path, tmp_path: Path, damage, blamed, words):  # noqa: ANN001
    datasets = _damaged(small, tmp_path, damage)
    code, said = _run(["validate", "--datasets", str(datasets)])
    assert code == 1 and "Traceback" not in said, said
    path = (datasets / PACKAGE / blamed).resolve()
    assert any(str(path) in line and words in line for line in said.splitlines()), said
    if damage is _cut_csv:  # blamed on that file alone: no intact table, no DuckDB dump
        data = datasets / PACKAGE / "1.0.0" / "data"
        named = {p.name for p in data.iterdir() if f"{p}:" in said}
        assert named == {"documents.csv"}, said
        assert "LINE 1" not in said
    if damage is _folder_line_and_edited_sql:  # validation went on past the folder line
        assert f"{datasets / PACKAGE / '1.0.0' / 'open.sql'}: sha256 differs from SHA256SUMS" in said


def test_publish_names_a_truncated_descriptor_of_an_old_version(small: Path, tmp_path: Path):
    def old_version_cut_off(releases: Path) -> None:
        shutil.copytree(releases / "1.0.0", releases / "0.9.0")
        text = (releases / "0.9.0" / "datapackage.json").read_text(encoding="utf-8")
        half = text[: len(text) // 2].rstrip().rstrip("]}")  # mid-way, not where an object happens to close
        (releases / "0.9.0" / "datapackage.json").write_text(half, encoding="utf-8")

    datasets = _damaged(small, tmp_path, old_version_cut_off)
    shutil.copytree(small / "build", tmp_path / "out")
    code, said = _run(["publish", "--seeds", str(small / "seeds"), "--out", str(tmp_path / "out"),
                       "--datasets", str(datasets)])  # fmt: skip
    assert code == 1 and "Traceback" not in said, said
    assert f"{datasets / PACKAGE / '0.9.0' / 'datapackage.json'}: not valid JSON" in said and "cut off" in said


def test_a_datasets_argument_that_is_a_file_is_refused_by_name(small: Path, tmp_path: Path):
    plain = tmp_path / "datasets.txt"
    plain.write_text("not a folder\n", encoding="utf-8")
    for command in (["publish", "--seeds", str(small / "seeds"), "--out", str(tmp_path / "out")], ["validate"]):
        code, said = _run([*command, "--datasets", str(plain)])
        assert code == 2 and f"{plain}: --datasets must be a folder" in said and "Traceback" not in said
