"""What makes a run cheaper without changing a byte: caches keyed by content (a changed input misses
them, a hit gives the same result as computing afresh) and checks batched into one query per table."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

from pipeline import bytes_cache
from pipeline.analysis import figure
from pipeline.analysis.settings import themes
from pipeline.analysis.tasks import build_tasks
from pipeline.cli import fingerprint
from pipeline.documents import seeds


def test_cached_bytes_are_made_once_then_read_back(tmp_path: Path):
    made = []

    def make() -> bytes:
        made.append(1)
        return b"payload"

    key = bytes_cache.key_of("a", "b")
    assert bytes_cache.cached_bytes(tmp_path, key, make) == b"payload"
    assert bytes_cache.cached_bytes(tmp_path, key, make) == b"payload"
    assert len(made) == 1
    assert bytes_cache.cached_bytes(tmp_path, bytes_cache.key_of("a", "c"), make) == b"payload"
    assert len(made) == 2  # another key is another entry
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]  # renamed into place


def test_keys_are_length_prefixed_so_parts_cannot_run_into_each_other():
    assert bytes_cache.key_of("ab", "c") != bytes_cache.key_of("a", "bc")
    assert bytes_cache.key_of("ab") != bytes_cache.key_of("a", "b")
    assert bytes_cache.key_of("x") == bytes_cache.key_of(b"x")


def test_a_damaged_cache_file_is_made_again(tmp_path: Path):
    key = bytes_cache.key_of("damaged")
    bytes_cache.cached_bytes(tmp_path, key, lambda: b"right")
    stored = (tmp_path / key).read_bytes()
    (tmp_path / key).write_bytes(stored[:-1] + b"X")  # one byte changed on disk
    assert bytes_cache.cached_bytes(tmp_path, key, lambda: b"right") == b"right"
    (tmp_path / key).write_bytes(b"")  # an empty file
    assert bytes_cache.cached_bytes(tmp_path, key, lambda: b"right") == b"right"
    assert (tmp_path / key).read_bytes() == stored


def test_without_a_folder_nothing_is_cached():
    made = []
    for _ in range(2):
        bytes_cache.cached_bytes(None, "k", lambda: made.append(1) or b"x")
    assert len(made) == 2


def _figure_inputs(name: str = "福建"):
    """A national plan of two tasks and a provincial plan of one, with themes given (no tokenizer needed)."""
    tasks = build_tasks(
        [
            {
                "task_id": f"t{n}",
                "plan_id": plan,
                "parent_task_id": None,
                "title": title,
                "text": title,
                "doc_id": "d",
                "char_start": 0,
                "char_end": len(title),
            }
            for n, (plan, title) in enumerate(
                [
                    ("cn-2030", "推进中医药传承创新发展"),
                    ("cn-2030", "大力发展普惠托育服务"),
                    ("fj-2030", "学习推广三明医改经验"),
                ]
            )
        ],
        [
            {"plan_id": "cn-2030", "level": "national", "region_code": None, "work_year": 2030},
            {"plan_id": "fj-2030", "level": "provincial", "region_code": "350000", "work_year": 2030},
        ],
        [],
        tokenizer=lambda _title: [],
    )
    taxonomy = [theme.theme_id for theme in themes()]
    task_themes = {"t0": frozenset(taxonomy[:2]), "t1": frozenset(taxonomy[2:3]), "t2": frozenset(taxonomy[:1])}
    return tasks, task_themes, {"350000": name}


@pytest.mark.slow  # draws the figure with matplotlib
def test_a_cached_figure_has_the_bytes_of_a_drawn_one_and_is_not_drawn_again(tmp_path: Path, monkeypatch):
    tasks, themes, names = _figure_inputs()
    drawn = figure.render_theme_figure(tasks, themes, names)
    first = figure.render_theme_figure(tasks, themes, names, cache_dir=tmp_path)
    assert hashlib.sha256(first).digest() == hashlib.sha256(drawn).digest()
    assert len(list(tmp_path.iterdir())) == 1

    def fail(_data):
        raise AssertionError("drawn again although the same figure is in the cache")

    monkeypatch.setattr(figure, "draw_figure", fail)
    assert figure.render_theme_figure(tasks, themes, names, cache_dir=tmp_path) == drawn


@pytest.mark.slow  # draws the figure with matplotlib
def test_a_figure_with_other_data_or_other_settings_misses_the_cache(tmp_path: Path):
    tasks, themes, names = _figure_inputs()
    data = figure.figure_data(tasks, themes, names)
    key = figure.figure_key(data)
    other_names = figure.figure_data(tasks, themes, {"350000": "闽"})
    assert figure.figure_key(other_names) != key
    fewer_themes = figure.figure_data(tasks, {}, names)
    assert figure.figure_key(fewer_themes) != key
    with matplotlib.rc_context({"image.cmap": "Reds"}):  # e.g. a matplotlibrc of the user's
        assert figure.figure_key(data) != key
    assert figure.figure_key(data) == key

    figure.render_theme_figure(tasks, themes, names, cache_dir=tmp_path)
    renamed = figure.render_theme_figure(tasks, themes, {"350000": "闽"}, cache_dir=tmp_path)
    assert renamed == figure.draw_figure(other_names)
    assert len(list(tmp_path.iterdir())) == 2


def test_the_figure_key_covers_the_drawing_code_libraries_and_font():
    environment = figure._drawing_environment()
    assert Path(figure.__file__).read_text(encoding="utf-8") in environment
    for name in ("matplotlib", "numpy", "pillow", "pylopdf-fonts-zh-cn"):
        assert f"\0{name} " in environment
    assert hashlib.sha256(figure.font_path().read_bytes()).hexdigest() in environment


_WRITER = """
import sys
from pathlib import Path
from pipeline import bytes_cache
folder, key, payload = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]).read_bytes()
for _ in range(20):
    (folder / key).unlink(missing_ok=True)
    bytes_cache.cached_bytes(folder, key, lambda: payload)
"""


def test_two_processes_writing_the_same_entry_leave_one_whole_file(tmp_path: Path):
    """Two interpreters (started anew, not forked from the test worker, whose threads may hold locks) write the
    same entry at once, again and again: one whole file remains."""
    key = bytes_cache.key_of("shared")
    payload = os.urandom(1 << 20)
    (source := tmp_path / "payload.bin").write_bytes(payload)
    folder = tmp_path / "cache"
    folder.mkdir()
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(folder), key, str(source)]) for _ in range(2)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    assert bytes_cache.cached_bytes(folder, key, lambda: b"other") == payload
    assert [path.name for path in folder.iterdir()] == [key]


def test_the_code_fingerprint_changes_when_a_distribution_is_installed_or_reinstalled(tmp_path: Path, monkeypatch):
    before = fingerprint.code_fingerprint()
    assert before == fingerprint.code_fingerprint()
    folder = tmp_path / "site"
    record = folder / "example_dist-1.0.dist-info" / "RECORD"
    record.parent.mkdir(parents=True)
    record.write_text("example_dist/__init__.py,,\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    installed = fingerprint.code_fingerprint()
    assert installed != before
    assert "example_dist-1.0.dist-info" in " ".join(fingerprint.installed_distributions())
    record.write_text("example_dist/__init__.py,,\nexample_dist/more.py,,\n", encoding="utf-8")  # reinstalled
    assert fingerprint.code_fingerprint() != installed
    record.parent.rename(folder / "example_dist-1.1.dist-info")  # upgraded
    upgraded = fingerprint.code_fingerprint()
    assert upgraded not in (installed, before)
    monkeypatch.undo()
    assert fingerprint.code_fingerprint() == before


def test_every_distribution_importlib_finds_is_in_the_fingerprint():
    from importlib import metadata

    entries = " ".join(fingerprint.installed_distributions())
    for distribution in metadata.distributions():
        folder = getattr(distribution, "_path", None)
        assert folder is not None and Path(folder).name in entries


MANIFEST_HEADER = "doc_id,file,sha256,kind,title,source,source_attribution,published_date,url,retrieved_date,rights"


def _write_manifest(folder: Path, title: str) -> None:
    digest = hashlib.sha256(b"x").hexdigest()
    row = f"a,a.txt,{digest},municipal_conference_report,{title},,,,,,test"
    (folder / "manifest.csv").write_text(f"{MANIFEST_HEADER}\n{row}\n", encoding="utf-8")


def test_a_manifest_is_validated_once_per_content(tmp_path: Path, monkeypatch):
    validations = []
    validate = seeds._validated_manifest
    monkeypatch.setattr(seeds, "_validated_manifest", lambda path: validations.append(path) or validate(path))
    _write_manifest(tmp_path, "第一")
    first = seeds.read_manifest(tmp_path)
    assert seeds.read_manifest(tmp_path) == first and len(validations) == 1
    first.clear()  # a caller changing its copy does not change what the next caller gets
    assert seeds.read_manifest(tmp_path)["a"].title == "第一"

    _write_manifest(tmp_path, "第二")  # same size and folder, other bytes
    assert seeds.read_manifest(tmp_path)["a"].title == "第二" and len(validations) == 2
    copy = tmp_path / "copy"
    copy.mkdir()
    _write_manifest(copy, "第二")  # the same bytes elsewhere: no second validation
    assert seeds.read_manifest(copy)["a"].title == "第二" and len(validations) == 2
    (tmp_path / "manifest.csv").write_text(f"{MANIFEST_HEADER}\na,a.txt\n", encoding="utf-8")
    with pytest.raises(seeds.SeedError, match="not valid"):
        seeds.read_manifest(tmp_path)
    with pytest.raises(seeds.SeedError, match="not valid"):  # an invalid manifest is never remembered as valid
        seeds.read_manifest(tmp_path)
    (tmp_path / "manifest.csv").unlink()
    assert seeds.read_manifest(tmp_path) == {}


@pytest.mark.slow  # reads or verifies a published release
def test_row_counts_and_document_ids_from_parquet_footers_equal_those_read_from_the_csv(tmp_path: Path):
    import duckdb

    from pipeline.release import folders, table_files
    from pipeline.release import versions as release
    from pipeline.settings import PACKAGE_NAME

    latest = folders.latest_release(Path(__file__).resolve().parents[1] / "datasets" / PACKAGE_NAME)
    assert latest is not None
    csv_only = tmp_path / "csv-only"
    shutil.copytree(latest, csv_only, ignore=shutil.ignore_patterns("*.parquet"))
    assert not list(csv_only.rglob("*.parquet")) and list(latest.rglob("*.parquet"))
    con = duckdb.connect()
    for table in ("documents", "tokens", "tasks", "commentary"):
        assert table_files.count_rows(latest / "data" / f"{table}.csv", con) == table_files.count_rows(
            csv_only / "data" / f"{table}.csv", con
        )
    ids = table_files.document_ids(latest / "data" / "documents.csv", con)
    assert ids and ids == table_files.document_ids(csv_only / "data" / "documents.csv", con)
    assert release.diff_packages(None, latest) == release.diff_packages(None, csv_only)
    assert release.diff_packages(csv_only, latest)[0] is None  # same rows whichever file they are read from


def _loose_table(con, table: str) -> None:
    """The table without NOT NULL and primary key, so that bad rows can be inserted."""
    import re

    from pipeline import schema

    con.execute(re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", schema.create_table_sql(table).replace(" NOT NULL", "")))


def test_the_checks_of_a_table_run_as_one_query_find_what_each_condition_finds_alone():
    """Rows failing several conditions each, duplicate keys, a dangling key, bad offsets: the batched
    checks give the problems, in order, that one query per condition gives (the former way)."""
    import duckdb

    from pipeline.warehouse import checks

    con = duckdb.connect()
    for table in ("documents", "sentences", "tokens"):
        _loose_table(con, table)
    text = "第一句话。第二句话。" * 20
    con.execute(
        "INSERT INTO documents (doc_id, file, kind, rights, metadata_origin, sha256, n_chars, text) VALUES "
        "('d1', 'd1.txt', 'other', 'CC BY 4.0', 'manifest', ?, ?, ?), "
        "('d2', 'd2.txt', 'novel', NULL, 'guessed', 'xyz', 0, ?)",
        ["0" * 64, len(text), text, text],
    )
    con.execute(
        "INSERT INTO sentences SELECT 'd1', i + 1, 5 * i, 5 * i + 5, substr(?, 5 * i + 1, 5) FROM range(40) r(i)",
        [text],
    )
    con.execute(
        "INSERT INTO tokens SELECT 'd1', i // 2 + 1, i % 2 + 1, substr(?, 1 + 5 * (i // 2) + 2 * (i % 2), 2), "
        "CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' END, 5 * (i // 2) + 2 * (i % 2), 5 * (i // 2) + 2 * (i % 2) + 2 "
        "FROM range(80) r(i)",
        [text],
    )
    con.execute("UPDATE tokens SET token = 'xx', token_no = -token_no WHERE sentence_no % 4 = 0")
    con.execute("UPDATE tokens SET char_end = 9999 WHERE sentence_no = 7")
    con.execute("INSERT INTO tokens SELECT * FROM tokens WHERE sentence_no < 3")  # duplicate keys
    con.execute("INSERT INTO tokens VALUES ('d1', 99, 1, '第一', 'm', 0, 2), (NULL, NULL, 1, NULL, 'm', NULL, 2)")
    con.execute(
        "INSERT INTO documents SELECT * REPLACE ('d3' AS doc_id, NULL AS file) FROM documents WHERE doc_id = 'd2'"
    )
    for table in ("documents", "sentences", "tokens"):
        batched = checks.table_problems(con, table)
        assert batched == {
            name: (checks.not_empty(con, table) if name == "not_empty" else checks.CHECKS[name](con, table))
            for name in batched
        }
        label = checks._row_label(table)
        one_by_one = [
            checks._run(con, table, [checks._failing(
                f"SELECT {label} AS label, {checks._literal(reason)} AS reason FROM {checks._quoted(table)} t "
                f"WHERE coalesce({condition}, false)"
            )])
            for condition, reason in checks._constraint_conditions(table)
        ]  # fmt: skip
        conditions = [problem for problems in one_by_one for problem in problems]
        assert batched["values_match_schema"][: len(conditions)] == conditions
        assert len([problems for problems in one_by_one if problems]) >= (3 if table != "sentences" else 0)
    tokens = checks.table_problems(con, "tokens")
    assert all(tokens[name] for name in ("primary_key_unique", "foreign_keys_resolve", "offsets_quote_text"))
    assert any("more rows fail this check" in problem for problem in tokens["offsets_quote_text"])


def test_the_records_of_a_build_are_loaded_once_and_no_table_builder_changes_them(built: Path):
    """The core assets share one list of records per build: safe only while no builder changes them."""
    import dataclasses
    import json

    import duckdb

    from pipeline.documents import stages
    from pipeline.documents.seeds import discover
    from pipeline.documents.store import DocumentStore
    from pipeline.settings import default_paths
    from pipeline.tables.documents import document_rows
    from pipeline.tables.meetings import build_meeting_tables
    from pipeline.tables.plans import build_plan_tables
    from pipeline.tables.programmes import programme_rows
    from pipeline.tables.targets import target_rows

    documents = discover(default_paths().seeds)
    store = DocumentStore(Path(os.environ["PIPELINE_CACHE"]) / "documents")
    con = duckdb.connect()
    records = stages.load_records(con, store, documents)
    assert [record.doc_id for record in records] == sorted(document.doc_id for document in documents)
    before = json.dumps([dataclasses.asdict(record) for record in records], ensure_ascii=False, sort_keys=True)

    plans = build_plan_tables(stages.load_records(con, store, documents))
    build_meeting_tables(stages.load_records(con, store, documents))
    document_rows(stages.load_records(con, store, documents))
    shared = stages.load_records(con, store, documents)
    target_rows(shared, plans.tasks, plans.plans, plans.plan_sources)
    programme_rows(shared, plans.tasks, plans.plans, plans.plan_sources)

    assert all(a is b for a, b in zip(shared, records, strict=True))  # read once
    after = json.dumps([dataclasses.asdict(record) for record in records], ensure_ascii=False, sort_keys=True)
    assert after == before
    fewer = stages.load_records(con, store, documents[1:])  # other documents: other records
    assert [record.doc_id for record in fewer] == [record.doc_id for record in records[1:]]


def test_document_keys_are_remembered_per_document_and_change_with_its_inputs(tmp_path: Path):
    import dataclasses

    from pipeline.documents.seeds import SeedDocument
    from pipeline.documents.store import document_keys

    path = tmp_path / "a.txt"
    path.write_text("甲", encoding="utf-8")
    document = SeedDocument(doc_id="a", path=path, sha256="0" * 64, entry=None)
    keys = document_keys(document)
    assert document_keys(SeedDocument(doc_id="a", path=path, sha256="0" * 64, entry=None)) is keys
    changed = document_keys(dataclasses.replace(document, sha256="1" * 64))
    assert all(changed.of(stage) != keys.of(stage) for stage in ("raw", "clean", "segment", "extract"))
    entry = seeds.ManifestEntry(doc_id="a", file="a.txt", sha256="0" * 64, kind="other", title="甲", rights="x")
    listed = document_keys(dataclasses.replace(document, entry=entry))
    assert (listed.raw, listed.extract) != (keys.raw, keys.extract) and listed.segment == keys.segment


def test_tokens_loaded_from_files_without_a_key_index_still_have_duplicate_keys_reported(tmp_path: Path):
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline import schema
    from pipeline.warehouse import checks
    from pipeline.warehouse.database import load_parquet_files

    rows = [{"doc_id": "d1", "sentence_no": 1, "token_no": n, "token": "甲", "pos": "n", "char_start": n, "char_end": n + 1}
            for n in (2, 1)]  # fmt: skip
    files = []
    for name, part in (("a", rows), ("b", rows[:1])):  # the second file repeats token 2
        files.append(str(tmp_path / f"{name}.parquet"))
        pq.write_table(pa.Table.from_pylist(part, schema=schema.arrow_schema("tokens")), files[-1])
    con = duckdb.connect()
    assert load_parquet_files(con, "tokens", files) == 3
    assert [row[2] for row in con.execute("SELECT * FROM tokens").fetchall()] == [1, 2, 2]  # sorted by key
    [duplicate] = checks.primary_key_unique(con, "tokens")
    assert "token_no=2" in duplicate and "used by 2 rows" in duplicate
    assert "PRIMARY KEY" not in schema.create_table_sql("tokens", keyed=False)
    assert "PRIMARY KEY" in schema.create_table_sql("tokens")


@pytest.mark.slow  # reads or verifies a published release
def test_row_changes_between_parquet_copies_equal_those_between_the_csv_files(tmp_path: Path):
    """Rows added, removed and changed between two releases, whichever copies are compared, with one
    connection for all tables or one each."""
    import duckdb

    from pipeline.release import table_files
    from pipeline.release import versions as release
    from pipeline.settings import PACKAGE_NAME

    folder = Path(__file__).resolve().parents[1] / "datasets" / PACKAGE_NAME
    old, new = folder / "3.0.0", folder / "3.3.0"
    con = duckdb.connect()
    changed = 0
    for table in ("targets", "tokens", "documents", "tasks"):
        key = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
        [resource] = [r for r in key["resources"] if r["name"] == table]
        paths = [release_dir / "data" / f"{table}.parquet" for release_dir in (old, new)]
        exact = table_files.row_changes(*paths, resource["schema"]["primaryKey"], con)
        alone = table_files.row_changes(*paths, resource["schema"]["primaryKey"], duckdb.connect())
        assert exact == alone
        changed += exact["added"] + exact["removed"] + exact["changed"]
        for kind in ("added", "removed", "changed"):
            assert len(exact.get(f"{kind}_keys", [])) == min(exact[kind], table_files.EXAMPLE_KEYS)
            assert exact.get(f"{kind}_keys", []) == sorted(exact.get(f"{kind}_keys", []))
    assert changed  # the two releases differ in some rows
    assert release.diff_packages(old, new)[0] is not None
