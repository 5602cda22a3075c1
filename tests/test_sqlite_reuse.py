"""The SQLite copy reuses the rows of the copy the last build kept (pipeline.package.sqlite_reuse) and has
the bytes of a copy made from nothing: documents added between others, changed, removed; a kept copy that
was changed since is not reused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.package import sqlite_reuse
from pipeline.package.sqlite import write_sqlite
from pipeline.package.sqlite_reuse import Read, Reused, copy_plan

TEXTS = {
    "a1": "一、推进紧密型县域医共体建设。二、发展普惠托育服务。",
    "b2": "加强儿科建设，提升基层服务能力。",
    "c3": "完善公共卫生体系。推进健康乡村建设。",
    "d4": "深化医药卫生体制改革。",
}
PLACEHOLDERS = {"string": "x", "integer": 0, "number": 0.0, "boolean": False}


def _write_package(folder: Path, texts: dict[str, str]) -> Path:
    """Documents and their tokens (one token per character) for the given texts; every other table empty."""
    rows = {
        "documents": [
            {"doc_id": doc, "kind": "work_points", "title": f"{doc}工作要点", "text": text, "n_chars": len(text)}
            for doc, text in sorted(texts.items())
        ],
        "tokens": [
            {"doc_id": doc, "sentence_no": 1, "token_no": number, "token": char, "pos": "x"}
            | {"char_start": number, "char_end": number + 1}
            for doc, text in sorted(texts.items())
            for number, char in enumerate(text)
        ],
    }
    (folder / "data").mkdir(parents=True)
    for table in schema.table_names():
        fields = schema.table_schema(table)["fields"]
        table_rows = [
            {
                field["name"]: row.get(field["name"])
                if row.get(field["name"]) is not None or not field.get("constraints", {}).get("required")
                else PLACEHOLDERS[field["type"]]
                for field in fields
            }
            for row in rows.get(table, [])
        ]
        pq.write_table(
            pa.Table.from_pylist(table_rows, schema=schema.arrow_schema(table)), folder / "data" / f"{table}.parquet"
        )
    return folder


def test_a_copy_after_documents_were_added_changed_and_removed_has_the_bytes_of_a_full_copy(tmp_path: Path):
    kept = tmp_path / "kept"
    first = _write_package(tmp_path / "first", {doc: TEXTS[doc] for doc in ("a1", "c3", "d4")})
    write_sqlite(first, kept=kept)
    assert (kept / sqlite_reuse.KEPT_FILE).exists()

    # b2 added before c3 (whose rowids move), d4 changed; then d4 removed and a1 changed.
    for number, texts in enumerate(
        [
            {"a1": TEXTS["a1"], "b2": TEXTS["b2"], "c3": TEXTS["c3"], "d4": "深化医改。"},
            {"a1": "一、推进医共体建设。", "b2": TEXTS["b2"], "c3": TEXTS["c3"]},
        ]
    ):
        package = _write_package(tmp_path / f"next{number}", texts)
        incremental = write_sqlite(package, tmp_path / f"incremental{number}.sqlite", kept=kept)
        full = write_sqlite(package, tmp_path / f"full{number}.sqlite")
        assert incremental.read_bytes() == full.read_bytes()
        assert (kept / sqlite_reuse.KEPT_FILE).read_bytes() == full.read_bytes()  # kept for the next build


def test_the_rows_of_unchanged_documents_come_from_the_kept_copy_and_a_changed_kept_copy_is_not_used(
    tmp_path: Path,
):
    kept = tmp_path / "kept"
    write_sqlite(_write_package(tmp_path / "first", {doc: TEXTS[doc] for doc in ("a1", "c3")}), kept=kept)
    # Change a kept row behind the record's back, then vouch for the file again: the reused row shows it.
    copy = kept / sqlite_reuse.KEPT_FILE
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE documents SET title = '改过' WHERE doc_id = 'c3'")
    con.close()
    record = json.loads((kept / sqlite_reuse.RECORD_FILE).read_text(encoding="utf-8"))
    (kept / sqlite_reuse.RECORD_FILE).write_text(
        json.dumps({**record, "sha256": sqlite_reuse.sha256_file(copy)}), encoding="utf-8"
    )
    package = _write_package(tmp_path / "next", {doc: TEXTS[doc] for doc in ("a1", "b2", "c3")})
    reused = write_sqlite(package, tmp_path / "reused.sqlite", kept=kept)
    with sqlite3.connect(reused) as con:
        titles = dict(con.execute("SELECT doc_id, title FROM documents").fetchall())
        assert titles == {"a1": "a1工作要点", "b2": "b2工作要点", "c3": "改过"}
        assert con.execute("SELECT rowid FROM documents WHERE doc_id = 'c3'").fetchone()[0] == 3
    con.close()

    # The same change without a new record: the kept copy no longer matches it and nothing is reused.
    with sqlite3.connect(kept / sqlite_reuse.KEPT_FILE) as con:
        con.execute("UPDATE documents SET title = '又改过' WHERE doc_id = 'c3'")
    con.close()
    again = write_sqlite(package, tmp_path / "again.sqlite", kept=kept)
    assert again.read_bytes() == write_sqlite(package, tmp_path / "full.sqlite").read_bytes()


def test_a_copy_by_other_code_is_not_reused(tmp_path: Path, monkeypatch):
    kept = tmp_path / "kept"
    write_sqlite(_write_package(tmp_path / "first", {"a1": TEXTS["a1"]}), kept=kept)
    assert sqlite_reuse.previous_copy(kept, sqlite_reuse.writer_fingerprint()) is not None
    assert sqlite_reuse.previous_copy(kept, "another writer") is None
    assert sqlite_reuse.previous_copy(None, sqlite_reuse.writer_fingerprint()) is None


def test_the_plan_reuses_runs_of_unchanged_documents_with_their_shift_and_reads_the_others():
    old = {"parquet": "p1", "documents": [["a", 2, "ma"], ["c", 3, "mc"], ["d", 1, "md"], ["e", 4, "me"]]}
    new = {
        "parquet": "p2",
        "documents": [["a", 2, "ma"], ["b", 5, "mb"], ["c", 3, "mc"], ["d", 1, "md2"], ["e", 4, "me"]],
    }
    assert copy_plan(old, new) == [
        Reused(1, 2, 0),
        Read(("b",), 3),
        Reused(3, 5, 5),
        Read(("d",), 11),
        Reused(7, 10, 5),
    ]
    assert copy_plan(old, {**new, "parquet": "p1"}) == [Reused(1, None, 0)]  # the same Parquet bytes: all of it
    assert copy_plan(None, new) is None
    assert copy_plan({"parquet": "p1"}, {"parquet": "p2"}) is None  # not keyed by document: read it all
    removed = {"parquet": "p3", "documents": [["a", 2, "ma"], ["e", 4, "me"]]}
    assert copy_plan(old, removed) == [Reused(1, 2, 0), Reused(7, 10, -4)]


def test_the_sha256_recorded_when_a_copy_is_kept_is_given_only_for_that_very_file(tmp_path: Path):
    kept = tmp_path / "kept"
    written = write_sqlite(_write_package(tmp_path / "first", {"a1": TEXTS["a1"]}), kept=kept)
    assert sqlite_reuse.kept_sha256(kept, written) == sqlite_reuse.sha256_file(written)
    copied = tmp_path / "copied.sqlite"  # the same bytes in another file: not vouched for (it may change alone)
    copied.write_bytes(written.read_bytes())
    assert sqlite_reuse.kept_sha256(kept, copied) is None
    assert sqlite_reuse.kept_sha256(None, written) is None
    (kept / sqlite_reuse.RECORD_FILE).unlink()
    assert sqlite_reuse.kept_sha256(kept, written) is None
