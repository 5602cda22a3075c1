"""Tables loaded by document (pipeline.warehouse.increments): a changed corpus reads only the new files and ends
with the rows a load of every file gives; the offsets check skips only documents it passed before, unchanged."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import schema
from pipeline.warehouse import checks
from pipeline.warehouse.database import load_parquet_files, write_table
from pipeline.warehouse.increments import (
    FilesLoaded,
    _exists,
    quoted_text_md5s,
    sync_parquet_files,
    verified_documents_sql,
    verified_quotes_sql,
)

TEXTS = {"a": "推进医改。加强基层。", "b": "发展托育。", "c": "建设医共体。提升服务。", "d": "完善医保。"}
# Unchanged documents beside them: a build that changes a few of many documents (past RELOAD_SHARE it reloads all).
OTHERS = {f"z{number}": "甲乙。" for number in range(8)}


def _files(folder: Path, doc_id: str, text: str, version: str = "") -> dict[str, str]:
    """One sentences file and one tokens file of a text (a sentence ends after 。; a token is a character)."""
    sentences, tokens, start = [], [], 0
    for number, sentence in enumerate(text.split("。")[:-1], start=1):
        end = start + len(sentence) + 1
        sentences.append({"doc_id": doc_id, "sentence_no": number, "char_start": start, "char_end": end,
                          "text": text[start:end]})  # fmt: skip
        tokens += [
            {"doc_id": doc_id, "sentence_no": number, "token_no": offset - start + 1, "token": text[offset],
             "pos": "x", "char_start": offset, "char_end": offset + 1}
            for offset in range(start, end)
        ]  # fmt: skip
        start = end
    paths = {}
    for table, rows in (("sentences", sentences), ("tokens", tokens)):
        paths[table] = str(folder / f"{table}-{doc_id}{version}.parquet")
        pq.write_table(pa.Table.from_pylist(rows, schema=schema.arrow_schema(table)), paths[table])
    return paths


def _warehouse(texts: dict[str, str]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    _documents(con, texts)
    return con


def _documents(con: duckdb.DuckDBPyConnection, texts: dict[str, str]) -> None:
    con.execute("CREATE OR REPLACE TABLE documents (doc_id VARCHAR, text VARCHAR)")
    con.executemany("INSERT INTO documents VALUES (?, ?)", sorted(texts.items()))


def _sync(con: duckdb.DuckDBPyConnection, files: dict[str, dict[str, str]]) -> dict[str, FilesLoaded]:
    return {
        table: sync_parquet_files(con, table, {doc_id: paths[table] for doc_id, paths in files.items()})
        for table in ("sentences", "tokens")
    }


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    return con.execute(f'SELECT * FROM "{table}" ORDER BY {schema.order_by(table)}').fetchall()


def test_a_changed_corpus_reads_only_new_files_and_holds_what_a_full_load_holds(tmp_path: Path):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in (TEXTS | OTHERS).items() if doc_id != "d"}
    con = _warehouse(TEXTS | OTHERS)
    first = _sync(con, files)
    assert first["tokens"] == FilesLoaded(rows=sum(len(TEXTS[d]) for d in "abc") + 24, loaded=11, kept=0, removed=0)

    changed = dict(files)
    changed["b"] = _files(tmp_path, "b", "发展普惠托育。", version="-2")  # another text: another file
    del changed["c"]
    changed["d"] = _files(tmp_path, "d", TEXTS["d"])
    again = _sync(con, changed)
    assert again["tokens"] == FilesLoaded(rows=len(TEXTS["a"]) + 7 + len(TEXTS["d"]) + 24, loaded=2, kept=9, removed=2)

    full = duckdb.connect()
    for table in ("sentences", "tokens"):
        load_parquet_files(full, table, [paths[table] for paths in changed.values()])
        assert _rows(con, table) == _rows(full, table), table
    assert _sync(con, changed)["sentences"].loaded == 0  # nothing new: nothing read


def test_a_table_changed_behind_the_record_or_a_new_layout_is_loaded_again_in_full(tmp_path: Path, monkeypatch):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in (TEXTS | OTHERS).items()}
    con = _warehouse(TEXTS | OTHERS)
    _sync(con, files)
    con.execute("DELETE FROM tokens WHERE doc_id = 'a' AND token_no = 1")
    assert _sync(con, files)["tokens"].loaded == 12  # the row count of a no longer matches: every file again
    assert _sync(con, files)["tokens"].loaded == 0
    monkeypatch.setattr("pipeline.warehouse.increments._layout", lambda table: "another layout")
    assert _sync(con, files)["tokens"].loaded == 12


def test_the_offsets_check_skips_only_documents_it_passed_with_the_same_file_and_text(tmp_path: Path):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in (TEXTS | OTHERS).items()}
    con = _warehouse(TEXTS | OTHERS)
    _sync(con, files)
    assert verified_documents_sql(con, "tokens") is None  # no check has passed yet: every row is compared
    assert checks.table_problems(con, "tokens")["offsets_quote_text"] == []

    def verified() -> set[str]:
        return {doc_id for (doc_id,) in con.execute(verified_documents_sql(con, "tokens")).fetchall()}

    assert verified() == set(TEXTS | OTHERS)
    _documents(con, TEXTS | OTHERS | {"a": "推进医改。加强基础。"})  # a's text changed: its tokens are compared again
    assert verified() == set(TEXTS | OTHERS) - {"a"}
    [problem] = checks.table_problems(con, "tokens")["offsets_quote_text"]
    assert "doc_id=a" in problem and 'but token is "层"' in problem
    _documents(con, TEXTS | OTHERS)  # a's text as it was when its tokens passed
    files["b"] = _files(tmp_path, "b", TEXTS["b"], version="-2")  # b's rows from another file
    _sync(con, files)
    assert verified() == set(TEXTS | OTHERS) - {"b"}
    assert checks.table_problems(con, "tokens")["offsets_quote_text"] == []
    assert verified() == set(TEXTS | OTHERS)
    assert con.execute(verified_documents_sql(con, "sentences")).fetchall() == []  # its check has not run yet


def test_a_record_of_earlier_code_is_dropped_when_the_checks_next_record(tmp_path: Path):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in TEXTS.items()}
    con = _warehouse(TEXTS)
    _sync(con, files)
    con.execute("CREATE TABLE _verified_offsets (table_name VARCHAR, doc_id VARCHAR, file VARCHAR, text_md5 VARCHAR)")
    assert checks.table_problems(con, "tokens")["offsets_quote_text"] == []
    tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "_verified_offsets" not in tables and "_verified_documents" in tables


def _verified(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {doc_id for (doc_id,) in con.execute(verified_documents_sql(con, table)).fetchall()}


def test_every_check_of_a_table_loaded_by_document_examines_the_changed_documents_and_finds_their_faults(
    tmp_path: Path,
):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in (TEXTS | OTHERS).items()}
    con = _warehouse(TEXTS | OTHERS)
    _sync(con, files)
    for table in ("sentences", "tokens"):
        assert not any(checks.table_problems(con, table).values())
        assert _verified(con, table) == set(TEXTS | OTHERS)

    # b's new files: a token key used twice, a part of speech out of the schema's enum, a sentence number that
    # is not in sentences, inside a text that is otherwise well cut.
    files["b"] = _files(tmp_path, "b", TEXTS["b"], version="-2")
    rows = pq.read_table(files["b"]["tokens"]).to_pylist()
    rows[1]["token_no"] = rows[0]["token_no"]
    rows[2]["sentence_no"] = 9
    pq.write_table(pa.Table.from_pylist(rows, schema=schema.arrow_schema("tokens")), files["b"]["tokens"])
    _sync(con, files)
    assert _verified(con, "tokens") == set(TEXTS | OTHERS) - {"b"}
    problems = checks.table_problems(con, "tokens")
    assert "primary key" in " ".join(problems["primary_key_unique"]) and "doc_id=b" in problems["primary_key_unique"][0]
    [dangling] = problems["foreign_keys_resolve"]
    assert "doc_id, sentence_no = b, 9 is not in sentences" in dangling
    assert _verified(con, "tokens") == set(TEXTS | OTHERS) - {"b"}  # a failed check records nothing


def test_a_document_whose_file_changed_in_another_table_or_whose_rules_changed_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in (TEXTS | OTHERS).items()}
    con = _warehouse(TEXTS | OTHERS)
    _sync(con, files)
    for table in ("sentences", "tokens"):
        checks.table_problems(con, table)
    # a's sentences come from another file, its tokens' file is the same: the keys a's tokens point at may have
    # changed, so its tokens are checked again.
    a_sentences = str(tmp_path / "sentences-a-moved.parquet")
    rows = pq.read_table(files["a"]["sentences"]).to_pylist()[:1]  # a's second sentence is gone
    pq.write_table(pa.Table.from_pylist(rows, schema=schema.arrow_schema("sentences")), a_sentences)
    sync_parquet_files(con, "sentences", {d: (a_sentences if d == "a" else p["sentences"]) for d, p in files.items()})
    assert _verified(con, "tokens") == set(TEXTS | OTHERS) - {"a"}
    dangling = checks.table_problems(con, "tokens")["foreign_keys_resolve"]
    assert len(dangling) == len("加强基层。") and all("doc_id, sentence_no = a, 2 is not in sentences" in p for p in dangling)

    sync_parquet_files(con, "sentences", {d: p["sentences"] for d, p in files.items()})
    assert not any(checks.table_problems(con, "tokens").values())
    assert _verified(con, "tokens") == set(TEXTS | OTHERS)
    monkeypatch.setattr("pipeline.warehouse.increments._RULES_SOURCES", ("checks.py",))  # other code, other rules
    assert _verified(con, "tokens") == set()


def test_a_file_holding_rows_of_another_document_is_refused_by_name(tmp_path: Path):
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in TEXTS.items()}
    con = _warehouse(TEXTS)
    with pytest.raises(ValueError, match=r"tokens-a\.parquet: holds rows of document 'a', not only of 'b'"):
        sync_parquet_files(con, "tokens", {"a": files["a"]["tokens"], "b": files["a"]["tokens"]})


def test_a_table_written_whole_compares_only_quotes_it_did_not_pass_before_against_the_same_text():
    con = _warehouse(TEXTS)
    sentences = [
        {"doc_id": doc_id, "sentence_no": number, "char_start": start, "char_end": start + len(part) + 1,
         "text": text[start:start + len(part) + 1]}
        for doc_id, text in TEXTS.items()
        for number, (part, start) in enumerate(_parts(text), start=1)
    ]  # fmt: skip
    write_table(con, "sentences", sentences)
    assert verified_quotes_sql(con, "sentences", "text", quoted_text_md5s(con, "sentences")) is None
    assert checks.table_problems(con, "sentences")["offsets_quote_text"] == []

    def compared() -> int:  # rows the next offsets check compares with their text
        condition = verified_quotes_sql(con, "sentences", "text", quoted_text_md5s(con, "sentences"))
        return con.execute(f"SELECT count(*) FROM sentences t WHERE NOT {condition}").fetchone()[0]

    assert compared() == 0
    moved = [dict(row, char_start=row["char_start"] + 1) if row["doc_id"] == "c" and row["sentence_no"] == 2 else row
             for row in sentences]  # fmt: skip
    write_table(con, "sentences", moved)  # written again, one row's offsets moved: that row alone is compared
    assert compared() == 1
    [problem] = checks.table_problems(con, "sentences")["offsets_quote_text"]
    assert "(doc_id=c, sentence_no=2)" in problem
    write_table(con, "sentences", sentences)
    _documents(con, TEXTS | {"a": "推进医改。加强基础。"})  # a's text changed: a's rows are compared again
    assert compared() == 2
    [problem] = checks.table_problems(con, "sentences")["offsets_quote_text"]
    assert "doc_id=a" in problem and 'but text is "加强基层。"' in problem


def _parts(text: str) -> list[tuple[str, int]]:
    parts, start = [], 0
    for part in text.split("。")[:-1]:
        parts.append((part, start))
        start += len(part) + 1
    return parts


def test_a_table_exists_whether_kept_or_temporary_and_a_missing_name_is_no_table():
    con = duckdb.connect()
    con.execute("CREATE TABLE kept (x INTEGER)")
    con.execute("CREATE TEMP TABLE held (x INTEGER)")
    assert [_exists(con, name) for name in ("kept", "held", "missing", 'odd"name', "kept2")] == [
        True,
        True,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize("batch_bytes", [1, 3_000, 10**9])  # a file per INSERT, a few files, every file at once
def test_files_inserted_a_batch_at_a_time_are_stored_in_the_order_of_one_sorted_insert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_bytes: int
):
    """insert_document_files sorts a batch of documents per INSERT (documents in doc_id order, whatever order the
    mapping gives them in, rows out of key order inside a file): the table holds the rows of one INSERT sorting every
    file, in the same physical order (a SELECT without ORDER BY), and the sync of a changed corpus still ends with a
    full load's rows."""
    from pipeline.warehouse import database

    monkeypatch.setattr(database, "LOAD_BATCH_BYTES", batch_bytes)
    texts = {**OTHERS, "c": TEXTS["c"], "a": TEXTS["a"], "b": TEXTS["b"]}  # not in doc_id order
    files = {doc_id: _files(tmp_path, doc_id, text) for doc_id, text in texts.items()}
    shuffled = tmp_path / "tokens-a-shuffled.parquet"  # a's tokens written last first
    pq.write_table(pq.read_table(files["a"]["tokens"]).take(list(range(len(TEXTS["a"]) - 1, -1, -1))), shuffled)
    files["a"]["tokens"] = str(shuffled)
    for table in ("sentences", "tokens"):
        one, batched = duckdb.connect(), duckdb.connect()
        load_parquet_files(one, table, [paths[table] for paths in files.values()])
        batched.execute(schema.create_table_sql(table, keyed=False))
        database.insert_document_files(batched, table, {doc_id: paths[table] for doc_id, paths in files.items()})
        stored = batched.execute(f'SELECT * FROM "{table}"').fetchall()
        assert stored == one.execute(f'SELECT * FROM "{table}"').fetchall() == _rows(one, table)
        assert stored[0][0] == "a" and stored[-1][0] == "z7"
    con = _warehouse(texts)
    _sync(con, files)
    files["d"] = _files(tmp_path, "d", TEXTS["d"])  # added: its rows go in after the others' (sorted on export)
    _sync(con, files)
    full = duckdb.connect()
    for table in ("sentences", "tokens"):
        load_parquet_files(full, table, [paths[table] for paths in files.values()])
        assert _rows(con, table) == _rows(full, table)


def test_only_a_table_keyed_by_document_first_is_inserted_a_batch_of_documents_at_a_time():
    from pipeline.warehouse.database import insert_document_files

    with pytest.raises(ValueError, match="regions: its primary key does not start with doc_id"):
        insert_document_files(duckdb.connect(), "regions", {})
