"""Memory of the build (issue 27): what the steps free or no longer hold, with the same results as before."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.documents import stages
from pipeline.release import table_files
from pipeline.text import segment


def _write(path: Path, rows: dict[str, str]) -> Path:
    pq.write_table(pa.table({"k": list(rows), "v": list(rows.values())}), path)
    return path


def test_row_changes_counts_every_change_and_quotes_the_smallest_keys_of_each_kind(tmp_path: Path):
    """More changes of each kind than are quoted: every one is counted, and the quoted keys are the
    EXAMPLE_KEYS smallest of that kind, ascending, whatever order the files hold them in."""
    shown = table_files.EXAMPLE_KEYS
    kept = {f"same{n:03d}": "x" for n in range(30)}
    removed = {f"gone{n:03d}": "x" for n in range(shown + 3)}
    changed_old = {f"edit{n:03d}": "before" for n in range(shown + 5)}
    added = {f"new{n:03d}": "x" for n in range(shown + 1)}
    old = {**kept, **removed, **changed_old}
    new = {**{key: "after" for key in changed_old}, **dict(reversed(list(added.items()))), **kept}
    changes = table_files.row_changes(
        _write(tmp_path / "old.parquet", old), _write(tmp_path / "new.parquet", new), ["k"], duckdb.connect()
    )
    assert (changes["added"], changes["removed"], changes["changed"]) == (shown + 1, shown + 3, shown + 5)
    assert changes["added_keys"] == sorted(added)[:shown]
    assert changes["removed_keys"] == sorted(removed)[:shown]
    assert changes["changed_keys"] == sorted(changed_old)[:shown]


def test_row_changes_of_identical_files_has_no_keys(tmp_path: Path):
    rows = {"a": "1", "b": "2"}
    changes = table_files.row_changes(
        _write(tmp_path / "old.parquet", rows), _write(tmp_path / "new.parquet", rows), ["k"], duckdb.connect()
    )
    assert changes == {"added": 0, "removed": 0, "changed": 0}


def test_forgetting_the_records_empties_the_cache_load_records_keeps():
    stages._records_cache[("key",)] = []
    stages.forget_records()
    assert stages._records_cache == {}


def test_forgetting_the_hmm_runs_changes_no_token():
    text = "张翊琛和李昀璟到蓟州区调研，推进紧密型县域医共体建设。"  # two names outside the dictionary: HMM runs
    before = segment.tokenize(text)
    assert segment._hmm_words.cache_info().currsize > 0
    segment.forget_hmm_runs()
    assert segment._hmm_words.cache_info().currsize == 0
    assert segment.tokenize(text) == before


def test_the_sqlite_copy_reads_parquet_rows_in_key_order_and_refuses_a_file_out_of_order():
    """The copy no longer sorts the package's Parquet files (they are written in key order): a file whose rows
    are out of key order is an error naming the table, never a copy with rows in another order."""
    from pipeline import schema
    from pipeline.package.sqlite import _in_key_order

    fields = schema.table_schema("tokens")["fields"]
    names = [field["name"] for field in fields]

    def row(doc_id: str, sentence_no: int, token_no: int) -> tuple:
        values = {"doc_id": doc_id, "sentence_no": sentence_no, "token_no": token_no}
        return tuple(values.get(name, 0) for name in names)

    ordered = [[row("a", 1, 1), row("a", 1, 2)], [row("a", 2, 1), row("b", 1, 1)]]
    assert list(_in_key_order("tokens", fields, iter(ordered))) == ordered
    swapped = [[row("a", 1, 2)], [row("a", 1, 1)]]
    with pytest.raises(ValueError, match="tokens.parquet is not sorted by its primary key"):
        list(_in_key_order("tokens", fields, iter(swapped)))
    repeated = [[row("a", 1, 1), row("a", 1, 1)]]
    with pytest.raises(ValueError, match="tokens"):
        list(_in_key_order("tokens", fields, iter(repeated)))
