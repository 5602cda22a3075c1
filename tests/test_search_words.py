"""The search index's words of the columns that quote their document (pipeline.package.sqlite_search._span_words),
read from the tokens once as Arrow batches and sliced per row, are those the SQL join of each row's span with the
tokens gave (the way before, kept here as the reference): same words, same order, same empty rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.package import sqlite_search
from pipeline.warehouse.database import sql_string

# Document a: tokens that do not overlap; b: overlapping tokens (3-5 and 4-6; 10-14 holds 11-12), so their ends are
# not in order; c: two tokens at the same offset and one token without text; d has no token; e has tokens only.
# f: see there.
TOKENS = [
    ("a", 1, 0, 0, 2, "规划"),
    ("a", 1, 1, 2, 4, "推进"),
    ("a", 1, 2, 4, 9, "紧密型医共体"),
    ("a", 2, 0, 10, 12, "强化"),
    ("a", 2, 1, 12, 14, "基层"),
    ("a", 2, 2, 14, 16, "服务"),
    ("b", 1, 0, 3, 5, "全省"),
    ("b", 1, 1, 4, 6, "省卫"),
    ("b", 1, 2, 6, 8, "健康"),
    ("b", 2, 0, 10, 14, "基层医疗"),
    ("b", 2, 1, 11, 12, "层"),
    ("b", 2, 2, 14, 16, "服务"),
    ("c", 1, 0, 0, 2, "会议"),
    ("c", 1, 1, 0, 1, "会"),
    ("c", 1, 2, 2, 3, None),
    ("c", 1, 3, 3, 5, "召开"),
    ("e", 1, 0, 0, 2, "卫生"),
    ("f", 1, 0, 4, 6, "后来"),  # f: tokens not in offset order in the table's order
    ("f", 1, 1, 0, 2, "起初"),
    ("f", 1, 2, 2, 4, "中间"),
]
# Tasks (task_id order differs from document order); spans at token edges, inside a token, across documents'
# ends, a span without offsets, and a task of a document without tokens.
TASKS = [
    ("t01", "b", 0, 16),
    ("t02", "a", 2, 12),
    ("t03", "a", 0, 16),
    ("t04", "b", 4, 12),
    ("t05", "a", 3, 13),  # starts inside 推进 and ends inside 基层: neither is its token
    ("t06", "c", 0, 5),
    ("t07", "d", 0, 9),
    ("t08", "a", None, None),
    ("t09", "c", 0, 1),
    ("t10", "b", 11, 12),
    ("t11", "f", 2, 6),
]
TARGETS = [("g1", "a", 10, 16), ("g2", "e", 0, 2), ("g3", "b", 5, 9)]
DOCUMENTS = ["a", "b", "c", "d", "e", "f"]


def _package(folder: Path) -> Path:
    data = folder / "data"
    data.mkdir(parents=True)
    columns = ("doc_id", "sentence_no", "token_no", "char_start", "char_end", "token")
    pq.write_table(
        pa.Table.from_pylist([dict(zip(columns, row, strict=True)) for row in TOKENS]), data / "tokens.parquet"
    )
    for table, key, rows in (("tasks", "task_id", TASKS), ("targets", "target_id", TARGETS)):
        names = (key, "doc_id", "char_start", "char_end")
        schema = pa.schema(
            [(key, pa.string()), ("doc_id", pa.string()), ("char_start", pa.int64()), ("char_end", pa.int64())]
        )
        pq.write_table(
            pa.Table.from_pylist([dict(zip(names, row, strict=True)) for row in rows], schema=schema),
            data / f"{table}.parquet",
        )
    pq.write_table(pa.Table.from_pylist([{"doc_id": doc} for doc in DOCUMENTS]), data / "documents.parquet")
    return folder


def _joined(con: duckdb.DuckDBPyConnection, package: Path, table: str, key: str, whole: bool) -> list[str]:
    """The words of each row by the SQL join of the way before: the row's tokens in char_start order."""
    rows, tokens = sql_string(package / "data" / f"{table}.parquet"), sql_string(package / "data" / "tokens.parquet")
    join = "k.doc_id = r.doc_id" + ("" if whole else " AND k.char_start >= r.char_start AND k.char_end <= r.char_end")
    found = con.execute(
        f"SELECT r.{key}, string_agg(k.token || '+', ' ' ORDER BY k.char_start, k.char_end DESC) FROM read_parquet({rows}) r "
        f"LEFT JOIN read_parquet({tokens}) k ON {join} AND k.token IS NOT NULL GROUP BY r.{key} ORDER BY r.{key}"
    ).fetchall()
    return [words or "" for _key, words in found]


@pytest.mark.parametrize("batch", [1, 2, 5, 100_000])
def test_the_words_of_each_row_are_those_the_join_of_its_span_with_the_tokens_gives(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(sqlite_search, "_BATCH", batch)  # a document's tokens run over from one batch to the next
    package = _package(tmp_path)
    con = duckdb.connect()
    columns = [("tasks", "text"), ("targets", "raw_text"), ("documents", "text")]
    found = sqlite_search._span_words(con, package, columns, lambda token: token + "+")
    assert found[("tasks", "text")] == _joined(con, package, "tasks", "task_id", whole=False)
    assert found[("targets", "raw_text")] == _joined(con, package, "targets", "target_id", whole=False)
    assert found[("documents", "text")] == _joined(con, package, "documents", "doc_id", whole=True)


def test_the_words_written_by_hand(tmp_path):
    # the same rows as above, written out: tokens by offset, the longer first where two start together (the
    # tokens table's order), a token partly outside a span left out, a row without a token empty
    package = _package(tmp_path)
    found = sqlite_search._span_words(duckdb.connect(), package, [("tasks", "text")], str)
    assert dict(zip([task for task, *_ in TASKS], found[("tasks", "text")], strict=True)) == {
        "t01": "全省 省卫 健康 基层医疗 层 服务",
        "t02": "推进 紧密型医共体 强化",
        "t03": "规划 推进 紧密型医共体 强化 基层 服务",
        "t04": "省卫 健康 层",
        "t05": "紧密型医共体 强化",
        "t06": "会议 会 召开",
        "t07": "",
        "t08": "",
        "t09": "会",
        "t10": "层",
        "t11": "中间 后来",
    }


def test_tokens_of_one_document_not_read_together_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_search, "_BATCH", 2)
    package = _package(tmp_path)
    table = pq.read_table(package / "data" / "tokens.parquet")
    split = pa.concat_tables([table.slice(0, 3), table.slice(6), table.slice(3, 3)])  # a, b, c, e, a
    pq.write_table(split, package / "data" / "tokens.parquet")
    con = duckdb.connect()
    con.execute("SET threads = 2")
    with pytest.raises(ValueError, match="not sorted by doc_id"):
        sqlite_search._span_words(con, package, [("documents", "text")], str)
    # the read's result is closed and the connection's threads are restored: it takes the next query
    assert con.execute("SELECT current_setting('threads')").fetchone() == (2,)
