"""The SQL checks generated from schemas/: each names the table, the row key, the document and the reason."""

from __future__ import annotations

import re

import duckdb
import pytest

from pipeline import schema
from pipeline.warehouse.checks import (
    checks_of,
    foreign_keys_resolve,
    not_empty,
    offsets_quote_text,
    primary_key_unique,
    table_problems,
    values_match_schema,
)

TEXT = "第一句话。\n第二句话很长" + "。" * 200 + "末尾"


def _loose_ddl(table: str) -> str:
    """The table's DDL without NOT NULL and primary key, so that bad rows can be inserted."""
    ddl = schema.create_table_sql(table).replace(" NOT NULL", "")
    return re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", ddl)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    for table in ("documents", "sentences", "tokens"):
        connection.execute(_loose_ddl(table))
    connection.execute(
        "INSERT INTO documents (doc_id, file, kind, rights, metadata_origin, sha256, n_chars, text) "
        "VALUES ('d1', 'd1.txt', 'other', 'CC BY 4.0', 'manifest', ?, ?, ?)",
        ["0" * 64, len(TEXT), TEXT],
    )
    end = len(TEXT) - 2
    connection.execute(
        "INSERT INTO sentences VALUES ('d1', 1, 0, 5, '第一句话。'), ('d1', 2, 6, ?, ?), ('d1', 3, ?, ?, '末尾')",
        [end, TEXT[6:end], end, len(TEXT)],
    )
    connection.execute(
        "INSERT INTO tokens VALUES ('d1', 1, 1, '第一', 'm', 0, 2), ('d1', 1, 2, '句话', 'n', 2, 4), "
        "('d1', 3, 1, '末尾', 'n', ?, ?)",
        [end, len(TEXT)],
    )
    return connection


def test_good_rows_pass_every_check(con):
    for table in ("documents", "sentences", "tokens"):
        assert table_problems(con, table) == {name: [] for name in ["not_empty", *checks_of(table)]}, table


def test_checks_are_named_by_what_they_check():
    assert checks_of("tokens") == [
        "primary_key_unique",
        "foreign_keys_resolve",
        "values_match_schema",
        "offsets_quote_text",
    ]
    assert "offsets_quote_text" not in checks_of("documents") and "foreign_keys_resolve" not in checks_of("documents")


def test_offsets_far_into_a_long_document_are_compared_with_the_text(con):
    con.execute("UPDATE tokens SET token = '末末' WHERE sentence_no = 3")
    [problem] = offsets_quote_text(con, "tokens")
    assert problem.startswith("tokens: row (doc_id=d1, sentence_no=3, token_no=1) of document d1: ")
    assert f'documents.text[{len(TEXT) - 2}:{len(TEXT)}] is "末尾" but token is "末末"' in problem


def test_offsets_outside_the_document_or_empty_are_reported(con):
    con.execute("UPDATE tokens SET char_end = 999 WHERE token_no = 2")
    con.execute("UPDATE sentences SET char_end = char_start WHERE sentence_no = 1")
    [token] = offsets_quote_text(con, "tokens")
    assert "token_no=2" in token and f"[2, 999) are not a non-empty span of the {len(TEXT)} characters" in token
    [sentence] = offsets_quote_text(con, "sentences")
    assert "sentence_no=1" in sentence and "[0, 0)" in sentence


def test_duplicate_keys_and_dangling_foreign_keys_name_the_row(con):
    con.execute("INSERT INTO tokens VALUES ('d1', 1, 2, '句话', 'n', 2, 4), ('d1', 9, 1, '第一', 'm', 0, 2)")
    [duplicate] = primary_key_unique(con, "tokens")
    assert duplicate == (
        "tokens: row (doc_id=d1, sentence_no=1, token_no=2) of document d1: "
        'primary key ("doc_id", "sentence_no", "token_no") used by 2 rows'
    )
    [dangling] = foreign_keys_resolve(con, "tokens")
    assert dangling.startswith("tokens: row (doc_id=d1, sentence_no=9, token_no=1) of document d1: ")
    assert dangling.endswith("doc_id, sentence_no = d1, 9 is not in sentences")


def test_values_are_checked_against_required_enum_minimum_and_pattern(con):
    con.execute("UPDATE documents SET kind = 'novel', sha256 = 'xyz', n_chars = 0, rights = NULL")
    problems = values_match_schema(con, "documents")
    reasons = [p.split(": ", 2)[2] for p in problems]
    assert all(p.startswith("documents: row (doc_id=d1) of document d1: ") for p in problems)
    assert "rights is required but null" in reasons
    assert any(r.startswith("kind is not one of") for r in reasons)
    assert "n_chars is below its minimum 1" in reasons
    assert any(r.startswith("sha256 does not match the pattern") for r in reasons)


def test_a_column_of_the_wrong_type_is_reported(con):
    con.execute("ALTER TABLE tokens ALTER token_no TYPE VARCHAR")
    assert values_match_schema(con, "tokens") == ["tokens: column token_no is VARCHAR, the schema says BIGINT"]


def test_an_empty_table_is_reported(con):
    con.execute("DELETE FROM tokens")
    assert not_empty(con, "tokens") == ["tokens: the table is empty"]


def test_many_failures_are_counted_and_only_some_quoted(con):
    con.execute("INSERT INTO tokens SELECT 'd1', 2, i, 'x', 'x', 6, 7 FROM range(1, 31) r(i)")
    problems = offsets_quote_text(con, "tokens")
    assert len(problems) == 11 and problems[-1] == "tokens: … 20 more rows fail this check"


def test_empty_text_is_stored_as_null_as_the_published_csv_reads_it():
    from pipeline.warehouse.database import write_table

    connection = duckdb.connect()
    row = {"doc_id": "d1", "sentence_no": 1, "token_no": 1, "token": "甲", "pos": "", "char_start": 0, "char_end": 1}
    write_table(connection, "tokens", [row])
    assert connection.execute("SELECT token, pos FROM tokens").fetchall() == [("甲", None)]


@pytest.mark.slow
def test_quotes_of_every_length_and_position_are_compared_with_the_text():
    """Spans within one block, across two, across many and ending at the text's end: exactly the wrong quotes fail."""
    import random

    from pipeline.warehouse.offsets import BLOCK

    rng = random.Random(5)
    text = "".join(rng.choice("医疗卫生健康服务ab1，。\n“”") for _ in range(BLOCK * 12 + 7))
    connection = duckdb.connect()
    for table in ("documents", "tokens"):
        connection.execute(_loose_ddl(table))
    connection.execute(
        "INSERT INTO documents (doc_id, file, kind, rights, metadata_origin, sha256, n_chars, text) "
        "VALUES ('d1', 'd1.txt', 'other', 'CC BY 4.0', 'manifest', ?, ?, ?)",
        ["0" * 64, len(text), text],
    )
    for _ in range(30):
        connection.execute("DELETE FROM tokens")
        wrong = set()
        for token_no in range(1, 41):
            length = rng.choice([1, 2, 3, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK + 5])
            start = rng.choice([0, BLOCK - 1, BLOCK, rng.randrange(len(text)), len(text) - length])
            start = max(0, min(start, len(text) - length))
            quote = text[start : start + length]
            if rng.random() < 0.15 and len(wrong) < 10:  # at most EXAMPLES: every one is quoted
                quote = quote[:-1] + ("甲" if quote[-1] != "甲" else "乙")
                wrong.add(token_no)
            connection.execute(
                "INSERT INTO tokens VALUES ('d1', 1, ?, ?, 'n', ?, ?)", [token_no, quote, start, start + length]
            )
        problems = offsets_quote_text(connection, "tokens")
        assert {int(re.search(r"token_no=(\d+)", p).group(1)) for p in problems} == wrong
        assert all("but token is" in p for p in problems)


def test_offsets_are_checked_a_batch_of_documents_at_a_time_with_the_same_problems(monkeypatch):
    """Documents cut into batches (pipeline.warehouse.offsets.BATCH_CHARS): a wrong quote, a span past its
    document's end and a row of a document that is not in documents are found whichever batch holds them."""
    from pipeline.warehouse import offsets

    connection = duckdb.connect()
    for table in ("documents", "tokens"):
        connection.execute(_loose_ddl(table))
    texts = {"a1": "卫生健康工作会议召开。", "b2": "全面推进健康中国建设。", "c3": "加强基层医疗卫生服务。"}
    for doc_id, text in texts.items():
        connection.execute(
            "INSERT INTO documents (doc_id, file, kind, rights, metadata_origin, sha256, n_chars, text) "
            "VALUES (?, ?, 'other', 'CC BY 4.0', 'manifest', ?, ?, ?)",
            [doc_id, f"{doc_id}.txt", "0" * 64, len(text), text],
        )
    rows = [
        ("a1", 1, "卫生", 0, 2),  # right
        ("a1", 2, "会议", 6, 8),  # right
        ("b2", 1, "推进", 2, 4),  # right
        ("b2", 2, "健康", 0, 2),  # wrong quote: the text there is 全面
        ("c3", 1, "服务。", 8, 12),  # past the end of its 11 characters
        ("zz", 1, "卫生", 0, 2),  # its document is not in documents
    ]
    for doc_id, token_no, token, start, end in rows:
        connection.execute("INSERT INTO tokens VALUES (?, 1, ?, ?, 'n', ?, ?)", [doc_id, token_no, token, start, end])

    one_batch = offsets_quote_text(connection, "tokens")
    monkeypatch.setattr(offsets, "BATCH_CHARS", 5)  # every document a batch of its own
    assert list(offsets.document_ranges(connection)) == [("a1", "a1"), ("b2", "b2"), ("c3", "c3")]
    batched = offsets_quote_text(connection, "tokens")
    assert sorted(batched) == sorted(one_batch)
    assert len(batched) == 3
    assert any("document b2" in p and "but token is" in p for p in batched)
    assert any("document c3" in p and "not a non-empty span of the 11 characters" in p for p in batched)
    assert any("document zz is not in documents" in p for p in batched)
